//! The core against a real `redis-server`, without a JVM.
//!
//! The completion queue is process-wide, so a router thread drains it and
//! hands each completion to the test waiting for that request id.

use std::net::TcpStream;
use std::sync::Arc;
use std::time::{Duration, Instant};

use glide_jni::client::{Client, ClientConfig, Protocol, Rejection, Request};
use std::collections::BTreeSet;

use glide_jni::batch::BatchSpec;
use glide_jni::pubsub::{Mode, Overflow, PubSub};
use glide_jni::reply::{kind, BulkAs, Outcome};
use glide_jni::resp::Value;
use glide_jni::shape::Expect;

mod common;
use common::*;

// ---------- helpers ----------

fn connect(config: ClientConfig) -> Arc<Client> {
    start_router();
    let client = Client::new(config).unwrap();
    let id = next_id();
    client.start(id).unwrap();
    assert_eq!(take(wait_for(id, Duration::from_secs(5))), Got::Ok);
    client
}

fn request(args: &[&[u8]], timeout: Option<Duration>) -> Request {
    Request { id: next_id(), packed: glide_jni::resp::pack(args), timeout, expect: Expect::Natural, bulk_as: BulkAs::Text, selects_database: None }
}

fn run(client: &Arc<Client>, args: &[&[u8]]) -> Got {
    let r = request(args, Some(Duration::from_secs(2)));
    let id = r.id;
    client.submit(r).unwrap();
    take(wait_for(id, Duration::from_secs(5)))
}

// ---------- tests ----------

#[test]
fn set_and_get_binary_values_in_resp2_and_resp3() {
    let server = Server::start();
    for protocol in [Protocol::Resp2, Protocol::Resp3] {
        let mut config = server.config();
        config.protocol = protocol;
        let client = connect(config);
        let value: Vec<u8> = vec![0xff, 0xfe, 0x00, b'a', 0xc3];
        assert_eq!(run(&client, &[b"SET", b"k", &value]), Got::Ok);
        assert_eq!(run(&client, &[b"GET", b"k"]), Got::Bytes(kind::BULK_BINARY, value));
        assert_eq!(run(&client, &[b"GET", b"missing"]), Got::Nil);
        assert_eq!(run(&client, &[b"INCR", b"n"]), Got::Int(1));
        client.close();
        assert_eq!(run_raw(&server, &[b"DEL", b"n"]), ":1");
    }
}

#[test]
fn a_server_error_keeps_the_servers_message() {
    let server = Server::start();
    let client = connect(server.config());
    run(&client, &[b"LPUSH", b"list", b"x"]);
    match run(&client, &[b"INCR", b"list"]) {
        Got::Error(kind::ERR_REQUEST, msg) => assert!(msg.starts_with("WRONGTYPE"), "{msg}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_inflight_limit_refuses_synchronously() {
    let server = Server::start();
    let mut config = server.config();
    config.inflight_limit = 2;
    let client = connect(config);
    let a = request(&[b"BLPOP", b"nothing", b"1"], Some(Duration::from_secs(3)));
    let b = request(&[b"BLPOP", b"nothing", b"1"], Some(Duration::from_secs(3)));
    let (ida, idb) = (a.id, b.id);
    client.submit(a).unwrap();
    client.submit(b).unwrap();
    assert_eq!(client.submit(request(&[b"PING"], None)), Err(Rejection::InflightLimit(2)));
    assert_eq!(take(wait_for(ida, Duration::from_secs(5))), Got::Nil);
    assert_eq!(take(wait_for(idb, Duration::from_secs(5))), Got::Nil);
    assert_eq!(client.inflight(), 0);
    assert!(matches!(run(&client, &[b"PING"]), Got::Bytes(kind::SIMPLE, _)));
}

#[test]
fn a_timeout_fires_close_to_its_deadline() {
    let server = Server::start();
    let client = connect(server.config());
    let r = request(&[b"DEBUG", b"SLEEP", b"0.5"], Some(Duration::from_millis(100)));
    let id = r.id;
    let start = Instant::now();
    client.submit(r).unwrap();
    let got = take(wait_for(id, Duration::from_secs(5)));
    let elapsed = start.elapsed();
    assert!(matches!(got, Got::Error(kind::ERR_TIMEOUT, _)), "{got:?}");
    assert!(elapsed >= Duration::from_millis(100) && elapsed < Duration::from_millis(300), "{elapsed:?}");
}

#[test]
fn close_fails_pending_requests_and_refuses_new_ones() {
    let server = Server::start();
    let client = connect(server.config());
    let r = request(&[b"BLPOP", b"nothing", b"5"], Some(Duration::from_secs(10)));
    let id = r.id;
    client.submit(r).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    client.close();
    client.close(); // idempotent
    assert!(matches!(take(wait_for(id, Duration::from_secs(2))), Got::Error(kind::ERR_CLOSING, _)));
    assert_eq!(client.submit(request(&[b"PING"], None)), Err(Rejection::Closed));
}

#[test]
fn an_unreachable_server_fails_creation_with_a_connection_error() {
    start_router();
    let mut config = ClientConfig::for_address("127.0.0.1", free_port());
    config.connection_timeout = Duration::from_millis(500);
    let client = Client::new(config).unwrap();
    let id = next_id();
    client.start(id).unwrap();
    match take(wait_for(id, Duration::from_secs(5))) {
        Got::Error(kind::ERR_CONNECTION, msg) => assert!(msg.contains("cannot connect"), "{msg}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn reconnects_after_the_server_restarts_and_keeps_the_selected_database() {
    let mut server = Server::start();
    let mut config = server.config();
    config.request_timeout = Duration::from_millis(500);
    let client = connect(config);
    let mut select = request(&[b"SELECT", b"3"], Some(Duration::from_secs(1)));
    select.selects_database = Some(3);
    let id = select.id;
    client.submit(select).unwrap();
    assert_eq!(take(wait_for(id, Duration::from_secs(2))), Got::Ok);

    let pending = request(&[b"BLPOP", b"nothing", b"5"], Some(Duration::from_secs(10)));
    let pending_id = pending.id;
    client.submit(pending).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    server.kill();
    // The request in flight fails with a connection error, promptly.
    let start = Instant::now();
    assert!(matches!(take(wait_for(pending_id, Duration::from_secs(3))), Got::Error(kind::ERR_CONNECTION, _)));
    assert!(start.elapsed() < Duration::from_secs(1));
    // While the server is down, requests fail with a connection error, not a hang. The
    // bound is wide: after other tests ran in this process, the expiry of a request waiting
    // for a reconnect was seen up to about 5 s late (2 s timeout); the cause is not found
    // yet (see the stop note of 2026-12-05), and a hang would still fail here.
    let ping = request(&[b"PING"], Some(Duration::from_secs(2)));
    let ping_id = ping.id;
    client.submit(ping).unwrap();
    let failed = take(wait_for(ping_id, Duration::from_secs(20)));
    assert!(matches!(failed, Got::Error(kind::ERR_CONNECTION, _) | Got::Error(kind::ERR_TIMEOUT, _)), "{failed:?}");

    server.spawn();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Got::Ok = run(&client, &[b"SET", b"after", b"1"]) {
            break;
        }
        assert!(Instant::now() < deadline, "did not reconnect");
        std::thread::sleep(Duration::from_millis(50));
    }
    // The write went to database 3, the one selected before the restart.
    assert_eq!(run_raw(&server, &[b"SELECT", b"3"]), "+OK");
    assert_eq!(client.database_id(), 3);
}

#[test]
fn native_memory_returns_after_clients_are_released() {
    let server = Server::start();
    // Warm up the runtime and the allocator's first-use structures.
    drop(connect(server.config()));
    std::thread::sleep(Duration::from_millis(100));
    // The counter is process-wide and other tests run concurrently (one may free megabytes
    // mid-measurement): a measurement spoiled by them is taken again, up to 5 times.
    let mut last = String::new();
    for _ in 0..5 {
        let before = glide_jni::stats::native_bytes();
        let clients: Vec<_> = (0..50).map(|_| connect(server.config())).collect();
        let during = glide_jni::stats::native_bytes();
        for c in &clients {
            c.close();
        }
        drop(clients);
        std::thread::sleep(Duration::from_millis(300));
        let after = glide_jni::stats::native_bytes();
        let per_client = (during.saturating_sub(before)) / 50;
        last = format!("native bytes: before {before}, with 50 idle clients {during} ({per_client}/client), after release {after}");
        println!("{last}");
        let measurable = during > before;
        let released = after < before + during.saturating_sub(before) / 4 + 256 * 1024;
        if measurable && released {
            return;
        }
    }
    panic!("clients must cost something measurable and give it back: {last}");
}

/// The server's `connected_clients`, asked through `client`.
fn connected_clients(client: &Arc<Client>) -> usize {
    let Got::Bytes(_, info) = run(client, &[b"INFO", b"clients"]) else { panic!("INFO clients failed") };
    let info = String::from_utf8(info).unwrap();
    let line = info.lines().find_map(|l| l.strip_prefix("connected_clients:")).expect("connected_clients in INFO");
    line.trim().parse().unwrap()
}

/// A send that finds the client idle connects it (a cluster asks a node to subscribe as soon as
/// the topology names it, before it connects the node). The initial connect that follows must
/// keep that connection as the only one: before the fix it opened a second and dropped the
/// first from view while the first went on reading (a subscribed node then delivered every
/// message twice).
#[test]
fn a_send_before_the_initial_connect_leaves_one_connection() {
    let server = Server::start();
    start_router();
    let client = Client::new(server.config()).unwrap();
    assert_eq!(run(&client, &[b"SET", b"one-connection", b"v"]), Got::Ok);
    let before = connected_clients(&client);
    let id = next_id();
    client.start(id).unwrap();
    assert_eq!(take(wait_for(id, Duration::from_secs(5))), Got::Ok);
    assert_eq!(run(&client, &[b"GET", b"one-connection"]), Got::Bytes(kind::BULK, b"v".to_vec()));
    assert_eq!(connected_clients(&client), before, "the client holds one connection");
    client.close();
}

/// One RESP command on a fresh socket; returns the first reply line.
fn run_raw(server: &Server, args: &[&[u8]]) -> String {
    use std::io::{BufRead, BufReader, Write};
    let mut s = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut out = format!("*{}\r\n", args.len()).into_bytes();
    for a in args {
        out.extend_from_slice(format!("${}\r\n", a.len()).as_bytes());
        out.extend_from_slice(a);
        out.extend_from_slice(b"\r\n");
    }
    s.write_all(&out).unwrap();
    let mut line = String::new();
    BufReader::new(s).read_line(&mut line).unwrap();
    line.trim_end().to_string()
}

/// Regression (compatibility check against valkey-glide): commands submitted
/// back to back by one thread must reach the server in submission order.
#[test]
fn commands_keep_their_submission_order() {
    let server = Server::start();
    for protocol in [Protocol::Resp3, Protocol::Resp2] {
        let mut config = server.config();
        config.protocol = protocol;
        config.inflight_limit = 5000;
        let client = connect(config);
        let key = format!("order-{protocol:?}");
        let mut ids = Vec::new();
        for i in 0..2000 {
            let r = request(&[b"APPEND", key.as_bytes(), format!("{i},").as_bytes()], Some(Duration::from_secs(5)));
            ids.push(r.id);
            client.submit(r).unwrap();
        }
        for id in ids {
            assert!(matches!(take(wait_for(id, Duration::from_secs(10))), Got::Int(_)));
        }
        let expected: String = (0..2000).map(|i| format!("{i},")).collect();
        assert_eq!(run(&client, &[b"GET", key.as_bytes()]), Got::Bytes(kind::BULK, expected.into_bytes()));
    }
}

/// A command too large for the socket leaves in several writes (the task writes the rest as
/// the socket drains), while other threads queue small commands behind it: every byte must
/// leave once and in order, so each value arrives whole and each thread's appends in its order.
#[test]
fn large_commands_leave_in_pieces_whole_and_in_order_with_what_others_queue() {
    let server = Server::start();
    let mut config = server.config();
    config.inflight_limit = 10_000;
    config.request_timeout = Duration::from_secs(30);
    let client = connect(config);
    let value = |round: usize| -> Vec<u8> { (0..24 * 1024 * 1024).map(|i| ((i / 7 + round * 13) % 251) as u8).collect() };
    std::thread::scope(|scope| {
        let client = &client;
        let appenders: Vec<_> = (0..2)
            .map(|t| {
                scope.spawn(move || {
                    let key = format!("pieces:appends:{t}");
                    let mut ids = Vec::new();
                    for i in 0..3000 {
                        let r = request(&[b"APPEND", key.as_bytes(), format!("{i},").as_bytes()], Some(Duration::from_secs(30)));
                        ids.push(r.id);
                        client.submit(r).unwrap();
                        if i % 100 == 0 {
                            std::thread::sleep(Duration::from_millis(2));
                        }
                    }
                    for id in ids {
                        assert!(matches!(take(wait_for(id, Duration::from_secs(40))), Got::Int(_)));
                    }
                    let expected: String = (0..3000).map(|i| format!("{i},")).collect();
                    assert_eq!(run(client, &[b"GET", key.as_bytes()]), Got::Bytes(kind::BULK, expected.into_bytes()));
                })
            })
            .collect();
        for round in 0..3 {
            let key = format!("pieces:big:{round}");
            assert_eq!(run(client, &[b"SET", key.as_bytes(), &value(round)]), Got::Ok);
        }
        for appender in appenders {
            appender.join().unwrap();
        }
    });
    for round in 0..3 {
        match run(&client, &[b"GET", format!("pieces:big:{round}").as_bytes()]) {
            Got::Bytes(_, bytes) => assert!(bytes == value(round), "value {round} came back altered ({} bytes)", bytes.len()),
            other => panic!("{other:?}"),
        }
    }
    client.close();
}

/// Large bulk strings are received into their own allocation; replies of every
/// size, pipelined and interleaved, must still arrive whole and in order.
#[test]
fn pipelined_replies_of_mixed_sizes_arrive_whole_and_in_order() {
    let server = Server::start();
    let sizes = [0usize, 100, 65_535, 65_536, 70_000, 16, 524_288, 3, 2_000_000];
    let value = |size: usize, seed: usize| -> Vec<u8> { (0..size).map(|i| ((i * 31 + seed) % 256) as u8).collect() };
    for (n, &size) in sizes.iter().enumerate() {
        assert_eq!(run_raw(&server, &[b"SET", format!("mixed:{n}").as_bytes(), &value(size, n)]), "+OK");
    }
    for protocol in [Protocol::Resp3, Protocol::Resp2] {
        let mut config = server.config();
        config.protocol = protocol;
        let client = connect(config);
        let mut ids = Vec::new();
        for round in 0..5 {
            for n in 0..sizes.len() {
                let mut r = request(&[b"GET", format!("mixed:{n}").as_bytes()], Some(Duration::from_secs(10)));
                r.bulk_as = if round % 2 == 0 { BulkAs::Bytes } else { BulkAs::Text };
                ids.push((r.id, n));
                client.submit(r).unwrap();
            }
            let r = request(&[b"INCR", b"mixed:counter"], Some(Duration::from_secs(10)));
            ids.push((r.id, usize::MAX));
            client.submit(r).unwrap();
        }
        for (id, n) in ids {
            match take(wait_for(id, Duration::from_secs(20))) {
                Got::Int(_) => assert_eq!(n, usize::MAX),
                Got::Bytes(_, bytes) => assert!(bytes == value(sizes[n], n), "value {n} of {} bytes differs", sizes[n]),
                other => panic!("{other:?}"),
            }
        }
        client.close();
    }
}

/// Runs `commands` as one batch and returns its value (`Err`: the batch failed).
fn run_batch(client: &Arc<Client>, commands: &[&[&[u8]]], atomic: bool, raise: bool) -> Result<Value, (i32, String)> {
    let mut bytes = Vec::new();
    let mut lengths = Vec::new();
    for args in commands {
        let packed = glide_jni::resp::pack(args);
        lengths.push(packed.len() as i32);
        bytes.extend_from_slice(&packed);
    }
    let spec = BatchSpec::parse(&bytes, &lengths, &vec![0; commands.len()], atomic, raise).unwrap();
    let id = next_id();
    client.submit_batch(id, spec, Some(Duration::from_secs(2)), BulkAs::Text).unwrap();
    match take(wait_for(id, Duration::from_secs(5))) {
        Got::Nil => Ok(Value::Nil),
        Got::Bytes(kind::FRAME, frame) => Ok(Outcome::Frame(frame).into_value().unwrap()),
        Got::Error(k, message) => Err((k, message)),
        other => panic!("a batch gives an array, nil or an error, not {other:?}"),
    }
}

#[test]
fn batches_run_as_transactions_and_pipelines_with_one_reply_each() {
    let server = Server::start();
    let client = connect(server.config());
    let bulk = |s: &str| Value::BulkString(s.as_bytes().to_vec());
    for atomic in [true, false] {
        let commands: &[&[&[u8]]] = &[&[b"SET", b"b", b"1"], &[b"HSET", b"bh", b"f", b"v"], &[b"HGETALL", b"bh"], &[b"INCR", b"bh"], &[b"GET", b"b"]];
        let value = run_batch(&client, commands, atomic, false).unwrap();
        let Value::Array(items) = value else { panic!("an array: {value:?}") };
        assert_eq!(items.len(), 5);
        assert_eq!(items[0], Value::Okay);
        assert_eq!(items[2], Value::Map(vec![(bulk("f"), bulk("v"))]), "shaped like HGETALL alone");
        assert!(matches!(&items[3], Value::ServerError(m) if m.starts_with("WRONGTYPE")), "{:?}", items[3]);
        assert_eq!(items[4], bulk("1"));
        let raised = run_batch(&client, commands, atomic, true).unwrap_err();
        assert_eq!(raised.0, kind::ERR_REQUEST);
        assert!(raised.1.starts_with("WRONGTYPE"));
    }
    // A command refused while queued discards the transaction; the error names it.
    let aborted = run_batch(&client, &[&[b"SET", b"b"], &[b"GET", b"b"]], true, false).unwrap_err();
    assert_eq!(aborted.0, kind::ERR_EXEC_ABORT);
    assert!(aborted.1.contains("First error: ERR wrong number of arguments"), "{}", aborted.1);
    // WATCH, a change by another connection, then EXEC: nil.
    assert_eq!(run(&client, &[b"WATCH", b"b"]), Got::Ok);
    assert_eq!(run_raw(&server, &[b"SET", b"b", b"2"]), "+OK");
    assert_eq!(run_batch(&client, &[&[b"SET", b"b", b"3"]], true, false), Ok(Value::Nil));
    // Nothing is left in flight.
    assert_eq!(client.inflight(), 0);
}

/// Native bytes a pipeline costs while its replies are awaited, per command (printed for the
/// notes; bounded loosely), and that all of it is given back. The server is held busy by a
/// `DEBUG SLEEP` on another connection so that every command waits.
#[test]
fn a_pipeline_in_flight_costs_little_native_memory_per_command() {
    let server = Server::start();
    let client = connect(server.config());
    let n = 10_000;
    let commands: Vec<Vec<Vec<u8>>> = (0..n).map(|i| vec![b"GET".to_vec(), format!("key:{i:08}").into_bytes()]).collect();
    let mut bytes = Vec::new();
    let mut lengths = Vec::new();
    for args in &commands {
        let refs: Vec<&[u8]> = args.iter().map(|a| a.as_slice()).collect();
        let packed = glide_jni::resp::pack(&refs);
        lengths.push(packed.len() as i32);
        bytes.extend_from_slice(&packed);
    }
    let command_bytes = bytes.len() / n;
    // Concurrent tests move the process-wide counter: a spoiled measurement is taken again.
    let mut last = String::new();
    for _ in 0..5 {
        let port = server.port;
        let sleeper = std::thread::spawn(move || {
            let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
            std::io::Write::write_all(&mut s, b"*3\r\n$5\r\nDEBUG\r\n$5\r\nSLEEP\r\n$3\r\n0.5\r\n").unwrap();
            let mut buf = [0u8; 16];
            let _ = std::io::Read::read(&mut s, &mut buf);
        });
        std::thread::sleep(Duration::from_millis(50));
        let before = glide_jni::stats::native_bytes();
        let spec = BatchSpec::parse(&bytes, &lengths, &vec![0; n], false, false).unwrap();
        let id = next_id();
        client.submit_batch(id, spec, Some(Duration::from_secs(5)), BulkAs::Bytes).unwrap();
        let during = glide_jni::stats::native_bytes();
        let got = take(wait_for(id, Duration::from_secs(10)));
        assert!(matches!(got, Got::Bytes(kind::FRAME, _)), "{got:?}");
        drop(got);
        sleeper.join().unwrap();
        let after = glide_jni::stats::native_bytes();
        let per_command = during.saturating_sub(before) / n;
        last = format!(
            "PIPELINE-MEMORY: {n} commands of {command_bytes} B in flight: {} B native ({per_command} B per command, of which \
             {command_bytes} B are the command itself); after the replies: {} B more than before",
            during.saturating_sub(before),
            after as i64 - before as i64
        );
        println!("{last}");
        if during > before && per_command < 1024 && after < before + 256 * 1024 {
            return;
        }
    }
    panic!("{last}");
}

fn subscriber(server: &Server, channels: &[&[u8]], patterns: &[&[u8]], limit: usize) -> (Arc<Client>, Arc<PubSub>) {
    let mut wanted: [BTreeSet<Vec<u8>>; 3] = Default::default();
    wanted[Mode::Exact as usize].extend(channels.iter().map(|c| c.to_vec()));
    wanted[Mode::Pattern as usize].extend(patterns.iter().map(|p| p.to_vec()));
    let pubsub = Arc::new(PubSub::new(wanted, limit, Overflow::DropOldest));
    start_router();
    let client = Client::with_pubsub(server.config(), Some(Arc::clone(&pubsub))).unwrap();
    let id = next_id();
    client.start(id).unwrap();
    assert_eq!(take(wait_for(id, Duration::from_secs(5))), Got::Ok);
    // Subscribed once the server confirmed every subscription.
    let deadline = Instant::now() + Duration::from_secs(5);
    while pubsub.subscriptions().1[0].len() < channels.len() || pubsub.subscriptions().1[1].len() < patterns.len() {
        assert!(Instant::now() < deadline, "subscriptions not confirmed");
        std::thread::sleep(Duration::from_millis(10));
    }
    (client, pubsub)
}

#[test]
fn subscriptions_deliver_and_are_restored_after_the_server_restarts() {
    let mut server = Server::start();
    let (client, pubsub) = subscriber(&server, &[b"news"], &[b"sp*"], 1 << 20);
    assert_eq!(run_raw(&server, &[b"PUBLISH", b"news", b"\xff\x00hello"]), ":1");
    assert_eq!(run_raw(&server, &[b"PUBLISH", b"sport", b"goal"]), ":1");
    let first = pubsub.wait(Duration::from_secs(5)).expect("a message");
    assert_eq!((first.channel(), first.payload(), first.pattern()), (&b"news"[..], &b"\xff\x00hello"[..], None));
    let second = pubsub.wait(Duration::from_secs(5)).expect("a message");
    assert_eq!(second.pattern(), Some(&b"sp*"[..]));
    // Commands keep working on the subscribed connection (RESP3).
    assert_eq!(run(&client, &[b"SET", b"k", b"v"]), Got::Ok);

    server.kill();
    server.spawn();
    let deadline = Instant::now() + Duration::from_secs(10);
    while pubsub.subscriptions().1[0].is_empty() {
        assert!(Instant::now() < deadline, "not subscribed again after the restart");
        run(&client, &[b"PING"]); // (a request notices the loss sooner)
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(run_raw(&server, &[b"PUBLISH", b"news", b"again"]), ":1");
    assert_eq!(pubsub.wait(Duration::from_secs(5)).map(|m| m.payload().to_vec()), Some(b"again".to_vec()));
    client.close();
    assert_eq!(pubsub.wait(Duration::from_millis(10)), None, "nothing after close");
}

#[test]
fn a_slow_consumer_costs_at_most_the_bound_and_loses_only_what_is_counted() {
    let server = Server::start();
    let limit = 256 * 1024;
    let (client, pubsub) = subscriber(&server, &[b"flood"], &[], limit);
    // 2,000 messages of 1 KB: 8 times the bound, nobody consuming.
    let payload = vec![b'x'; 1000];
    let mut publisher = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    let mut wire = Vec::new();
    for _ in 0..2000 {
        wire.extend(glide_jni::resp::pack(&[b"PUBLISH", b"flood", &payload]));
    }
    std::io::Write::write_all(&mut publisher, &wire).unwrap();
    let mut replies = Vec::new();
    while replies.iter().filter(|b| **b == b'\n').count() < 2000 {
        let mut buf = [0u8; 65536];
        let n = std::io::Read::read(&mut publisher, &mut buf).unwrap();
        replies.extend_from_slice(&buf[..n]);
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (queued, bytes, peak, dropped) = pubsub.backlog_figures();
        assert!(bytes <= limit && peak <= limit, "the backlog stays within its bound: {bytes} / peak {peak}");
        if queued as u64 + dropped == 2000 {
            println!("SLOW-CONSUMER: 2000 x 1 KB published, bound {limit} B: {queued} queued ({bytes} B, peak {peak} B), {dropped} dropped");
            break;
        }
        assert!(Instant::now() < deadline, "not all messages accounted for: {queued} queued, {dropped} dropped");
        std::thread::sleep(Duration::from_millis(10));
    }
    let mut taken = 0;
    while pubsub.try_take().is_some() {
        taken += 1;
    }
    assert_eq!(taken + pubsub.backlog_figures().3, 2000, "received + dropped = published");
    client.close();
}

/// Native bytes per subscription and per queued message (printed for the notes, loosely bounded).
#[test]
fn subscriptions_and_queued_messages_cost_little_native_memory() {
    let server = Server::start();
    let (client, pubsub) = subscriber(&server, &[b"m"], &[], 64 << 20);
    // The counter is process-wide and other tests run concurrently: a spoiled measurement is taken again.
    let mut last = String::new();
    for attempt in 0..5 {
        let before = glide_jni::stats::native_bytes();
        let names: Vec<Vec<u8>> = (0..10_000).map(|i| format!("channel:{attempt}:{i:06}").into_bytes()).collect();
        client.change_subscriptions(Mode::Exact, &names, true).unwrap();
        assert!(pubsub.wait_confirmed(Mode::Exact, &names, true, Duration::from_secs(10)));
        let subscribed = glide_jni::stats::native_bytes();
        let per_subscription = subscribed.saturating_sub(before) / names.len();
        // 10,000 messages of 16 bytes wait in the backlog.
        let queued_before = glide_jni::stats::native_bytes();
        for _ in 0..10_000 {
            pubsub.pushed(b">3\r\n$7\r\nmessage\r\n$1\r\nm\r\n$16\r\n0123456789abcdef\r\n");
        }
        let queued = glide_jni::stats::native_bytes();
        let per_message = queued.saturating_sub(queued_before) / 10_000;
        while pubsub.try_take().is_some() {}
        client.change_subscriptions(Mode::Exact, &names, false).unwrap();
        assert!(pubsub.wait_confirmed(Mode::Exact, &names, false, Duration::from_secs(10)));
        last = format!(
            "PUBSUB-MEMORY: {per_subscription} B per subscription (names of {} B, confirmed and wanted), \
             {per_message} B per queued message of 16 B (payload, channel, overhead)",
            names[0].len()
        );
        println!("{last}");
        if per_subscription > 0 && per_subscription < 512 && per_message > 0 && per_message < 512 {
            client.close();
            return;
        }
    }
    panic!("{last}");
}
