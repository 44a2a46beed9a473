//! The core over TLS against a real TLS-only `redis-server`, without a JVM:
//! the data path's properties (large values received whole, pipelines from
//! several threads in order, a waiting thread reading) and reconnects hold.

use std::sync::Arc;
use std::time::Duration;

use glide_jni::client::tls::{TlsOptions, TlsSettings};
use glide_jni::client::{Client, ClientConfig, Request};
use glide_jni::reply::{kind, BulkAs};
use glide_jni::shape::Expect;

mod common;
use common::*;

/// The memory test measures the process's native bytes: no other test of this
/// binary may allocate meanwhile (the 16 MB and pipeline test allocates hundreds of MB).
static MEASURED_ALONE: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

fn tls_server() -> Server {
    tls_server_with("server")
}

fn tls_server_with(certificate: &str) -> Server {
    let args = Certs::get().server_args(certificate);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    Server::start_with(&args)
}

fn tls_config(server: &Server, roots: &[u8]) -> ClientConfig {
    let mut config = server.config();
    config.tls = Some(TlsSettings::new(&TlsOptions { root_certificates_pem: Some(roots), ..Default::default() }).unwrap());
    config.request_timeout = Duration::from_secs(10);
    config.inflight_limit = 10_000;
    config
}

fn start(config: ClientConfig) -> (Arc<Client>, Got) {
    start_router();
    let client = Client::new(config).unwrap();
    let id = next_id();
    client.start(id).unwrap();
    (client, take(wait_for(id, Duration::from_secs(10))))
}

fn request(args: &[&[u8]]) -> Request {
    Request { id: next_id(), packed: glide_jni::resp::pack(args), timeout: Some(Duration::from_secs(10)), expect: Expect::Natural, bulk_as: BulkAs::Bytes, selects_database: None }
}

fn run(client: &Arc<Client>, args: &[&[u8]]) -> Got {
    let r = request(args);
    let id = r.id;
    client.submit(r).unwrap();
    take(wait_for(id, Duration::from_secs(15)))
}

#[test]
fn commands_large_values_and_concurrent_pipelines_over_tls() {
    let _alone = MEASURED_ALONE.lock();
    let server = tls_server();
    let (client, started) = start(tls_config(&server, &Certs::get().pem("ca.pem")));
    assert_eq!(started, Got::Ok);
    assert_eq!(run(&client, &[b"SET", b"k", b"v"]), Got::Ok);
    assert!(matches!(run(&client, &[b"GET", b"k"]), Got::Bytes(_, v) if v == b"v"));

    // 16 MB: many TLS records, received into the value's own buffer.
    let big: Vec<u8> = (0..16 * 1024 * 1024).map(|i| (i * 7 % 251) as u8).collect();
    assert_eq!(run(&client, &[b"SET", b"big", &big]), Got::Ok);
    match run(&client, &[b"GET", b"big"]) {
        Got::Bytes(_, bytes) => assert!(bytes == big, "the 16 MB value came back altered ({} bytes)", bytes.len()),
        other => panic!("{other:?}"),
    }

    // Four threads, each pipelining 500 SET/GET pairs of mixed sizes (32 pairs at a time):
    // every reply is its own. Redis 7.0 (like Valkey before 8.1) can close a TLS connection
    // when its writes wait for the client: when OpenSSL could not write all of a reply, its
    // retry may pass fewer bytes (more replies queued meanwhile), OpenSSL refuses
    // ("SSL routines::bad length", valkey-io/valkey#1135) and the server drops the client.
    // A round that meets it must still end well: every request answered, each reply that
    // arrived right, the others failed as lost; the server's log must name that cause, and
    // the round runs again on the reconnected connection until one passes whole.
    let mut rounds_cut_by_the_server = 0;
    loop {
        let lost = concurrent_pipelines(&client);
        if lost == 0 {
            break;
        }
        let log = server.log();
        assert!(log.contains("SSL routines::bad length"), "{lost} requests lost, and not to the known server bug:\n{log}");
        rounds_cut_by_the_server += 1;
        eprintln!("round {rounds_cut_by_the_server}: the server closed the connection (its TLS write bug); {lost} requests lost");
        assert!(rounds_cut_by_the_server < 6, "six rounds in a row were cut by the server's TLS write bug");
    }

    // A thread waiting for its reply reads the TLS connection itself. The task may hold the
    // reader role at the moment the thread asks for it: then it waits, and the next request
    // tries again; every reply, whoever read it, must be whole.
    let mut helped = 0;
    for attempt in 0..20 {
        let key: &[u8] = if attempt % 2 == 0 { b"big" } else { b"k" };
        let r = request(&[b"GET", key]);
        let id = r.id;
        client.submit(r).unwrap();
        for _ in 0..400 {
            if client.help_read(id, Duration::from_millis(50)) {
                helped += 1;
            }
            if ROUTED.lock().as_ref().unwrap().contains_key(&id) {
                break;
            }
        }
        match take(wait_for(id, Duration::from_secs(10))) {
            Got::Bytes(_, bytes) if key == b"big" => assert!(bytes == big),
            Got::Bytes(_, bytes) => assert_eq!(bytes, b"v"),
            other => panic!("{other:?}"),
        }
    }
    assert!(helped > 0, "in 20 requests the waiting thread never took the reader role");
    client.close();
}

/// Four threads each pipeline 500 SET/GET pairs of up to 70 KB, at most
/// [`PAIRS_IN_FLIGHT`] pairs each at a time, and check every reply. Returns how
/// many requests failed because the connection was lost; any other failure, a
/// wrong reply or a missing one fails the test.
fn concurrent_pipelines(client: &Arc<Client>) -> usize {
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..4u8)
            .map(|t| {
                scope.spawn(move || {
                    let mut in_flight = std::collections::VecDeque::new();
                    let mut lost = 0;
                    for i in 0..500usize {
                        if in_flight.len() == PAIRS_IN_FLIGHT {
                            lost += check_pair(t, in_flight.pop_front().unwrap());
                        }
                        let value = vec![b'a' + t; (i * 131) % 70_000];
                        let key = format!("t{t}-{i}");
                        let set = request(&[b"SET", key.as_bytes(), &value]);
                        let get = request(&[b"GET", key.as_bytes()]);
                        in_flight.push_back((set.id, get.id, value));
                        client.submit(set).unwrap();
                        client.submit(get).unwrap();
                    }
                    in_flight.into_iter().map(|pair| check_pair(t, pair)).sum::<usize>() + lost
                })
            })
            .collect();
        threads.into_iter().map(|t| t.join().unwrap()).sum()
    })
}

/// SET/GET pairs each thread keeps in flight: 256 requests on the connection, and
/// about 1 MB of replies not yet read (up to 2 MB). Unbounded (all 4,000 requests at
/// once) a client short of CPU leaves tens of MB unread, the server's writes wait,
/// and Redis 7.0's TLS write bug cuts the connection in every round (seen in CI, and
/// here with the test and the server sharing one core with three busy loops).
const PAIRS_IN_FLIGHT: usize = 32;

/// Waits for one SET/GET pair of thread `t` and checks both replies: 0, 1 or 2
/// requests lost with the connection.
fn check_pair(t: u8, (set, get, value): (i64, i64, Vec<u8>)) -> usize {
    let mut lost = 0;
    let set_ok = match take(wait_for(set, Duration::from_secs(20))) {
        Got::Ok => true,
        Got::Error(kind::ERR_CONNECTION, _) => {
            lost += 1;
            false
        }
        other => panic!("SET of thread {t}: {other:?}"),
    };
    match take(wait_for(get, Duration::from_secs(20))) {
        Got::Bytes(_, bytes) => assert_eq!(bytes, value, "thread {t} got another value"),
        Got::Nil if !set_ok => {} // its SET was lost
        Got::Error(kind::ERR_CONNECTION, _) => lost += 1,
        other => panic!("GET of thread {t}: {other:?}"),
    }
    lost
}

#[test]
fn verification_failures_are_named_and_do_not_hang() {
    let server = tls_server();
    // Another CA: the server's certificate is not trusted.
    let (_, got) = start(tls_config(&server, &Certs::get().pem("other-ca.pem")));
    match got {
        Got::Error(kind::ERR_CONNECTION, msg) => assert!(msg.contains("not trusted"), "{msg}"),
        other => panic!("{other:?}"),
    }
    // A certificate for other.example, not for 127.0.0.1.
    let wrong_host = tls_server_with("wrong-host");
    let (_, got) = start(tls_config(&wrong_host, &Certs::get().pem("ca.pem")));
    match got {
        Got::Error(kind::ERR_CONNECTION, msg) => assert!(msg.contains("not valid for"), "{msg}"),
        other => panic!("{other:?}"),
    }
    // Plaintext against the TLS port, and TLS against a plaintext port.
    let (_, got) = start(server.config());
    match got {
        Got::Error(kind::ERR_CONNECTION, msg) => assert!(msg.contains("useTLS(true)"), "{msg}"),
        other => panic!("{other:?}"),
    }
    let plain = Server::start();
    let mut config = tls_config(&plain, &Certs::get().pem("ca.pem"));
    config.connection_timeout = Duration::from_millis(500);
    let (_, got) = start(config);
    match got {
        Got::Error(kind::ERR_CONNECTION, msg) => assert!(msg.contains("useTLS(false)"), "{msg}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn reconnects_over_tls_after_the_server_restarts() {
    let mut server = tls_server();
    let mut config = tls_config(&server, &Certs::get().pem("ca.pem"));
    config.request_timeout = Duration::from_secs(2);
    let (client, started) = start(config);
    assert_eq!(started, Got::Ok);
    assert_eq!(run(&client, &[b"SET", b"k", b"1"]), Got::Ok);
    server.kill();
    server.spawn();
    let mut last = Got::Nil;
    for _ in 0..100 {
        last = run(&client, &[b"INCR", b"k"]);
        if last == Got::Int(1) {
            break; // a fresh server: the key is gone, the connection is new
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(last, Got::Int(1));
    client.close();
}

#[test]
fn idle_tls_clients_cost_little_native_memory() {
    let _alone = MEASURED_ALONE.lock();
    let server = tls_server();
    let roots = Certs::get().pem("ca.pem");
    drop(start(tls_config(&server, &roots)));
    std::thread::sleep(Duration::from_millis(100));
    let mut last = String::new();
    for _ in 0..5 {
        let before = glide_jni::stats::native_bytes();
        // The settings are built per client, as Java does.
        let clients: Vec<_> = (0..20).map(|_| start(tls_config(&server, &roots)).0).collect();
        let during = glide_jni::stats::native_bytes();
        clients.iter().for_each(|c| c.close());
        drop(clients);
        std::thread::sleep(Duration::from_millis(300));
        let after = glide_jni::stats::native_bytes();
        let per_client = during.saturating_sub(before) / 20;
        last = format!("native bytes per idle TLS client: {per_client} (before {before}, during {during}, after {after})");
        println!("{last}");
        if during > before && per_client < 128 * 1024 && after < before + 512 * 1024 {
            return;
        }
    }
    panic!("idle TLS clients must cost under 128 KB each and give it back: {last}");
}

/// A connection in use keeps its read buffers: freeing them whenever no reply was pending cost an
/// allocation and a free of 80 KB per request at one request in flight. One that received nothing
/// for a whole period (one second) gives them back. Over TLS they are the record buffer (64 KB)
/// and the read buffer (16 KB).
#[test]
fn read_buffers_stay_while_in_use_and_go_when_idle() {
    let _alone = MEASURED_ALONE.lock();
    let server = tls_server();
    let roots = Certs::get().pem("ca.pem");
    let clients: Vec<_> = (0..10).map(|_| start(tls_config(&server, &roots)).0).collect();
    let mut last = String::new();
    for _ in 0..5 {
        let idle = glide_jni::stats::native_bytes();
        for c in &clients {
            assert_eq!(run(c, &[b"SET", b"buffers", b"v"]), Got::Ok);
        }
        let in_use = glide_jni::stats::native_bytes();
        // The task looks once a period and frees what was not used during a whole one.
        std::thread::sleep(Duration::from_millis(2500));
        let after = glide_jni::stats::native_bytes();
        let held = in_use.saturating_sub(idle) / clients.len();
        let freed = in_use.saturating_sub(after) / clients.len();
        last = format!("per client: {held} bytes held after a request, {freed} freed after idling (idle {idle}, in use {in_use}, after {after})");
        println!("{last}");
        if held >= 64 * 1024 && freed >= 64 * 1024 {
            clients.iter().for_each(|c| c.close());
            return;
        }
    }
    panic!("read buffers must stay after a request and go after a second of idling: {last}");
}
