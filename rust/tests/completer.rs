//! The completer thread's wait (`idle_reading::await_completions`) against a real
//! server: it reads the connection it last sent on while nothing is queued, yet
//! a completion queued by any other thread ends its wait at once, and what was
//! queued before comes first. Its own binary: no other thread drains the queue.

mod common;

use std::time::{Duration, Instant};

use glide_jni::client::idle_reading::await_completions;
use glide_jni::client::{Client, Request};
use glide_jni::completion::{self, Completion};
use glide_jni::reply::{kind, BulkAs};
use glide_jni::shape::Expect;

use common::*;

const NONE: Completion = Completion { request_id: 0, kind: 0, payload: 0 };

fn request(args: &[&[u8]]) -> Request {
    Request { id: next_id(), packed: glide_jni::resp::pack(args), timeout: Some(Duration::from_secs(5)), expect: Expect::Natural, bulk_as: BulkAs::Bytes, selects_database: None }
}

/// Waits as the completer does until `id` completes; returns it and everything
/// delivered before it, in order.
fn complete_until(id: i64, limit: Duration) -> (Completion, Vec<i64>) {
    let deadline = Instant::now() + limit;
    let mut before = Vec::new();
    let mut out = [NONE; 16];
    while Instant::now() < deadline {
        let n = await_completions(&mut out, Duration::from_millis(200));
        for c in &out[..n] {
            if c.request_id == id {
                return (*c, before);
            }
            before.push(c.request_id);
        }
    }
    panic!("request {id} did not complete within {limit:?}; got {before:?}");
}

#[test]
fn the_completer_reads_while_idle_and_any_queued_completion_wakes_it() {
    let server = Server::start();
    let client = Client::new(server.config()).unwrap();
    let started = next_id();
    client.start(started).unwrap();
    assert_eq!(take(complete_until(started, Duration::from_secs(10)).0), Got::Ok);

    // Sent on this thread: this thread's wait reads its reply.
    for _ in 0..100 {
        let get = request(&[b"PING"]);
        let id = get.id;
        client.submit(get).unwrap();
        assert!(matches!(take(complete_until(id, Duration::from_secs(5)).0), Got::Ok | Got::Bytes(..)));
    }

    // A slow reply is on its way; a completion queued meanwhile by another thread ends the
    // wait at once, not when the reply comes.
    let slow = request(&[b"BLPOP", b"completer-test-empty-list", b"0.5"]);
    let slow_id = slow.id;
    client.submit(slow).unwrap();
    let pusher = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(50));
        completion::push(Completion { request_id: -4242, kind: kind::NIL, payload: 0 });
    });
    let waited = Instant::now();
    let mut out = [NONE; 16];
    let mut got = Vec::new();
    while got.is_empty() && waited.elapsed() < Duration::from_secs(2) {
        let n = await_completions(&mut out, Duration::from_secs(2));
        got.extend(out[..n].iter().map(|c| c.request_id));
    }
    let took = waited.elapsed();
    pusher.join().unwrap();
    assert_eq!(got, [-4242], "the queued completion, alone, after {took:?}");
    assert!(took < Duration::from_millis(400), "woken after {took:?}: the reply (500 ms) came first");
    assert_eq!(take(complete_until(slow_id, Duration::from_secs(5)).0), Got::Nil, "then the slow reply");

    // What was queued before comes before what the wait reads.
    completion::push(Completion { request_id: -4343, kind: kind::NIL, payload: 0 });
    let early = request(&[b"PING"]);
    let early_id = early.id;
    client.submit(early).unwrap();
    let (_, before) = complete_until(early_id, Duration::from_secs(5));
    assert_eq!(before, [-4343]);
    client.close();
}
