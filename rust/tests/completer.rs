//! The completer thread's wait (`idle_reading::await_completions`) against a real
//! server: it reads the connection it last sent on while nothing is queued, yet
//! a completion queued by any other thread ends its wait at once, and what was
//! queued before comes first. Its own binary: no other thread drains the queue
//! (and its tests take turns).

mod common;

use std::time::{Duration, Instant};

use glide_jni::client::idle_reading::await_completions;
use glide_jni::client::{read_spin, Client, Request};
use glide_jni::completion::{self, Completion};
use glide_jni::reply::{kind, BulkAs};
use glide_jni::shape::Expect;

use common::*;

/// The completion queue is the process's: one test at a time drains it.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

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

/// A client of `server`, started, its start completed through this thread's wait (which
/// makes this thread the completer).
fn started_client(server: &Server) -> std::sync::Arc<Client> {
    let client = Client::new(server.config()).unwrap();
    let started = next_id();
    client.start(started).unwrap();
    assert_eq!(take(complete_until(started, Duration::from_secs(10)).0), Got::Ok);
    client
}

#[test]
fn the_completer_reads_while_idle_and_any_queued_completion_wakes_it() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let server = Server::start();
    let client = started_client(&server);

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

/// The server's query buffer for the connection blocked in `BLPOP` (`CLIENT LIST`'s `qbuf`):
/// the bytes it received from that connection and has not run yet.
fn blocked_connections_query_buffer(server: &Server) -> usize {
    let out = std::process::Command::new("redis-cli").args(["-p", &server.port.to_string(), "CLIENT", "LIST"]).output().unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    let line = list.lines().find(|l| l.contains("cmd=blpop")).unwrap_or_else(|| panic!("no client in BLPOP: {list}"));
    let field = line.split(' ').find_map(|f| f.strip_prefix("qbuf=")).unwrap();
    field.parse().unwrap()
}

#[test]
fn a_request_the_completer_sends_while_a_reply_is_due_leaves_before_it_waits() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let server = Server::start();
    let client = started_client(&server);

    // A reply is due for a while: a request sent now would wait for it to be written...
    let slow = request(&[b"BLPOP", b"completer-test-unsent", b"1"]);
    let slow_id = slow.id;
    client.submit(slow).unwrap();
    std::thread::sleep(Duration::from_millis(100));
    let ping = request(&[b"PING"]);
    let ping_id = ping.id;
    let ping_len = ping.packed.len();
    client.submit(ping).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    assert_eq!(blocked_connections_query_buffer(&server), 0, "held for one write with the batch's others");
    // ...but the completer writes it when its batch is done, before it waits.
    let mut out = [NONE; 16];
    assert_eq!(await_completions(&mut out, Duration::from_millis(100)), 0, "BLPOP still waits");
    assert_eq!(blocked_connections_query_buffer(&server), ping_len, "the PING reached the server");
    // The BLPOP's reply comes first (then the PING's, which waited in the server).
    let (pong, before) = complete_until(ping_id, Duration::from_secs(5));
    assert_eq!(before, [slow_id]);
    assert!(matches!(take(pong), Got::Ok | Got::Bytes(..)));
    client.close();
}

/// Replies that take the server longer than a look before sleeping lasts: after the first
/// miss or few (the credit a quick start-up earned), the completer sleeps at once, probing
/// only every few dozen waits; quick replies again, and probing finds them.
#[test]
fn against_late_replies_the_completer_soon_sleeps_at_once_and_a_probe_finds_quick_ones_again() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let server = Server::start_with(&["--enable-debug-command", "yes"]);
    let client = started_client(&server);
    struct Budget;
    impl Drop for Budget {
        fn drop(&mut self) {
            read_spin::set_spin_micros(read_spin::DEFAULT_SPIN_MICROS);
        }
    }
    let _restore = Budget;
    read_spin::set_spin_micros(300);

    let chain = |args: &[&[u8]], n: usize| {
        let before = read_spin::looks();
        for _ in 0..n {
            let r = request(args);
            let id = r.id;
            client.submit(r).unwrap();
            assert!(matches!(take(complete_until(id, Duration::from_secs(5)).0), Got::Ok | Got::Bytes(..)));
        }
        read_spin::looks() - before
    };
    // Each reply 3 ms after its request: 10x the budget.
    let late = chain(&[b"DEBUG", b"SLEEP", b"0.003"], 60);
    assert!(late <= 4, "{late} of 60 waits looked before sleeping");
    // Quick replies: within 200 requests (most of them one wait each), two probes at least;
    // none in a process with one CPU, where nobody looks.
    let quick = chain(&[b"PING"], 200);
    if std::thread::available_parallelism().map_or(1, |n| n.get()) < 2 {
        assert_eq!(quick, 0, "looked with one CPU");
    } else {
        assert!(quick >= 2, "{quick} of 200 waits looked");
    }
    client.close();
}

/// Waits as the completer does until every one of `ids` has completed.
fn complete_all(ids: &[i64], limit: Duration) {
    let deadline = Instant::now() + limit;
    let mut left: std::collections::HashSet<i64> = ids.iter().copied().collect();
    let mut out = [NONE; 16];
    while !left.is_empty() {
        assert!(Instant::now() < deadline, "{} of {} requests did not complete within {limit:?}", left.len(), ids.len());
        let n = await_completions(&mut out, Duration::from_millis(200));
        for c in &out[..n] {
            assert!(matches!(take(*c), Got::Ok | Got::Bytes(..)), "request {} failed", c.request_id);
            left.remove(&c.request_id);
        }
    }
}

/// Replies the completer read itself while a thread sent `BATCHES` batches of 16
/// PINGs, each after the last one's replies, and never waited in `get()` for them
/// (it joins them all, as `CompletableFuture.allOf` does). `carrier`: that thread
/// says it carries Java virtual threads, as the bridge tells the core.
fn replies_the_completer_read_for_batches(client: &std::sync::Arc<Client>, carrier: bool) -> (u64, usize) {
    const BATCHES: usize = 20;
    const WIDTH: usize = 16;
    let (batches, batch_sent) = std::sync::mpsc::channel::<Vec<i64>>();
    let (batch_done, done) = std::sync::mpsc::channel::<()>();
    let sender = {
        let client = client.clone();
        std::thread::spawn(move || {
            glide_jni::client::idle_reading::note_calling_thread(carrier);
            for _ in 0..BATCHES {
                let ids = (0..WIDTH)
                    .map(|_| {
                        let ping = request(&[b"PING"]);
                        let id = ping.id;
                        client.submit(ping).unwrap();
                        id
                    })
                    .collect();
                batches.send(ids).unwrap();
                done.recv().unwrap();
            }
        })
    };
    let read_before = glide_jni::client::idle_reading::replies_read_by_completer();
    for _ in 0..BATCHES {
        complete_all(&batch_sent.recv().unwrap(), Duration::from_secs(5));
        batch_done.send(()).unwrap();
    }
    sender.join().unwrap();
    let read = glide_jni::client::idle_reading::replies_read_by_completer() - read_before;
    (read, BATCHES * WIDTH)
}

/// A thread that starts batches of requests and never waits in `get()` for them:
/// the completer reads their replies itself instead of having the connection's
/// task read them and wake it.
#[test]
fn the_completer_reads_the_replies_of_a_thread_that_sends_batches_and_never_waits_in_get() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let server = Server::start();
    let client = started_client(&server);
    let (read, sent) = replies_the_completer_read_for_batches(&client, false);
    // Each batch's first reply may reach it through the task (when the sender's wake-up
    // outlasts the linger); the rest it reads while they are pending.
    assert!(read >= (sent / 2) as u64, "the completer read {read} of {sent} replies itself");
    client.close();
}

/// Then a thread that carries virtual threads sends on the same connection: the
/// completer leaves their replies to the connection's task (reading them would put
/// reading and completing on one thread while the carrier idles), and the earlier
/// sender does not keep it reading there.
#[test]
fn the_completer_does_not_read_for_a_thread_that_carries_virtual_threads() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let server = Server::start();
    let client = started_client(&server);
    let (read, sent) = replies_the_completer_read_for_batches(&client, false);
    assert!(read > 0, "the completer read none of {sent} replies of the platform thread");
    std::thread::sleep(Duration::from_millis(50)); // past its linger after the last batch
    let (read, sent) = replies_the_completer_read_for_batches(&client, true);
    assert_eq!(read, 0, "the completer read {read} of {sent} replies of the carrier thread");
    client.close();
}
