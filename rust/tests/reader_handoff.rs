//! The reader role passes between the connection's task and a thread that
//! reads while it waits for its own reply (`Client::help_read`). While such a
//! thread reads, the socket does not wake the task, and a task woken just before
//! does not wait for the role: the thread, leaving, arms the socket for the task
//! again (which wakes it for bytes already there) and wakes it if it was turned away.
//! Whatever the timing, every reply must then reach its request: a reply left in
//! the socket (or, over TLS, in the session) with nobody told would hang its
//! request until the next bytes arrive.

use std::sync::Arc;
use std::time::{Duration, Instant};

use glide_jni::client::tls::{TlsOptions, TlsSettings};
use glide_jni::client::{Client, ClientConfig, Request};
use glide_jni::reply::BulkAs;
use glide_jni::shape::Expect;

mod common;
use common::*;

/// Long enough that a reply nobody reads shows as a hang, not as slowness.
const REPLY_LIMIT: Duration = Duration::from_secs(5);
const ROUNDS: usize = 300;

fn connect(config: ClientConfig) -> Arc<Client> {
    start_router();
    let client = Client::new(config).unwrap();
    let id = next_id();
    client.start(id).unwrap();
    assert_eq!(take(wait_for(id, Duration::from_secs(10))), Got::Ok);
    client
}

fn get(key: &[u8]) -> Request {
    Request {
        id: next_id(),
        packed: glide_jni::resp::pack(&[b"GET", key]),
        timeout: Some(Duration::from_secs(30)),
        expect: Expect::Natural,
        bulk_as: BulkAs::Bytes,
        selects_database: None,
    }
}

/// Each round sends a burst of GETs; one thread reads only until the first one's
/// reply has come, then stops reading, and the rest is the task's. The bursts
/// vary in length and value size, so that the remaining replies arrive before,
/// during and after the thread's last read. The largest values are received
/// with the socket's low-water mark raised (see `ReadPacing`): a mark above what
/// is still to come would hang their reply whoever reads.
fn every_reply_reaches_its_request(client: &Arc<Client>) {
    let values: [(&[u8], Vec<u8>); 3] = [
        (b"handoff:small", b"v".repeat(10)),
        (b"handoff:large", vec![b'L'; 40_000]),
        (b"handoff:huge", (0..300_000).map(|i| (i % 251) as u8).collect()),
    ];
    for (key, value) in &values {
        assert_eq!(run_set(client, key, value), Got::Ok);
    }
    let mut helped = 0;
    for round in 0..ROUNDS {
        let burst = 2 + round % 23;
        let ids: Vec<(i64, usize)> = (0..burst)
            .map(|i| {
                let which = match (round + i) % 14 {
                    0 => 1,
                    7 => 2,
                    _ => 0,
                };
                let r = get(values[which].0);
                let id = r.id;
                client.submit(r).unwrap();
                (id, which)
            })
            .collect();
        let first = ids[0].0;
        let deadline = Instant::now() + REPLY_LIMIT;
        while Instant::now() < deadline && !ROUTED.lock().as_ref().unwrap().contains_key(&first) {
            if client.help_read(first, Duration::from_millis(20)) {
                helped += 1;
            }
        }
        for (id, which) in ids {
            match take(wait_for(id, REPLY_LIMIT)) {
                Got::Bytes(_, v) => assert!(v == values[which].1, "round {round}: value {which} came back altered"),
                other => panic!("round {round}: {other:?}"),
            }
        }
    }
    assert!(helped > ROUNDS / 4, "the waiting thread read in only {helped} of {ROUNDS} rounds");
}

fn run_set(client: &Arc<Client>, key: &[u8], value: &[u8]) -> Got {
    let mut r = get(key);
    r.packed = glide_jni::resp::pack(&[b"SET", key, value]);
    let id = r.id;
    client.submit(r).unwrap();
    take(wait_for(id, REPLY_LIMIT))
}

#[test]
fn plaintext_replies_a_waiting_thread_leaves_are_read_by_the_task() {
    let server = Server::start();
    let client = connect(server.config());
    every_reply_reaches_its_request(&client);
    client.close();
}

#[test]
fn tls_replies_a_waiting_thread_leaves_are_read_by_the_task() {
    let args = Certs::get().server_args("server");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let server = Server::start_with(&args);
    let mut config = server.config();
    let roots = Certs::get().pem("ca.pem");
    config.tls = Some(TlsSettings::new(&TlsOptions { root_certificates_pem: Some(&roots), ..Default::default() }).unwrap());
    let client = connect(config);
    every_reply_reaches_its_request(&client);
    client.close();
}

/// Blocking rounds on the test thread: each request is sent and then waited for by reading,
/// as a Java thread in `get()` does. After the first, the socket stays parked between them.
fn blocking_rounds(client: &Arc<Client>, key: &[u8], rounds: usize) {
    for round in 0..rounds {
        let r = get(key);
        let id = r.id;
        client.submit(r).unwrap();
        let deadline = Instant::now() + REPLY_LIMIT;
        while Instant::now() < deadline && !ROUTED.lock().as_ref().unwrap().contains_key(&id) {
            client.help_read(id, Duration::from_millis(20));
        }
        assert!(matches!(take(wait_for(id, Duration::ZERO)), Got::Bytes(..)), "round {round}");
    }
}

/// The reply of `attempt` is the bytes `expected`.
fn assert_value(got: Got, expected: &[u8], attempt: usize) {
    match got {
        Got::Bytes(_, v) => assert_eq!(v, expected, "attempt {attempt}"),
        other => panic!("attempt {attempt}: {other:?}"),
    }
}

/// A thread that waited for each of its requests parks the socket when it leaves; if it then
/// sends a request and does not wait for it (a future it keeps for later), nobody reads the
/// reply unless the socket is armed again: the timer does it once the linger has passed.
#[test]
fn a_reply_its_sender_does_not_wait_for_after_blocking_use_still_arrives() {
    let server = Server::start();
    let client = connect(server.config());
    assert_eq!(run_set(&client, b"park:key", b"value"), Got::Ok);
    for attempt in 0..20 {
        blocking_rounds(&client, b"park:key", 5);
        let r = get(b"park:key");
        let id = r.id;
        client.submit(r).unwrap();
        assert_value(take(wait_for(id, REPLY_LIMIT)), b"value", attempt);
    }
    client.close();
}

/// Another thread's request on a socket parked by a blocking thread arms it at once; its
/// reply reaches it whatever the blocking thread does next.
#[test]
fn another_threads_request_on_a_parked_socket_is_answered() {
    let server = Server::start();
    let client = connect(server.config());
    assert_eq!(run_set(&client, b"park:other", b"value"), Got::Ok);
    for attempt in 0..20 {
        blocking_rounds(&client, b"park:other", 5);
        let other = Arc::clone(&client);
        let got = std::thread::spawn(move || {
            let r = get(b"park:other");
            let id = r.id;
            other.submit(r).unwrap();
            take(wait_for(id, REPLY_LIMIT))
        })
        .join()
        .unwrap();
        assert_value(got, b"value", attempt);
    }
    client.close();
}
