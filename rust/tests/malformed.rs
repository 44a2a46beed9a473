//! The core against a fake server that answers with hand-made bytes: whatever
//! it sends, every request completes (a protocol error fails the connection's
//! requests with a connection error at once, on the task and on a waiting
//! thread alike), the connection is dropped, and the next request, on a new
//! connection, succeeds once the server behaves.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use glide_jni::client::{Client, ClientConfig, Request};
use glide_jni::reply::{kind, BulkAs};
use glide_jni::shape::Expect;
use parking_lot::Mutex;

mod common;
use common::*;

/// What the fake answers to a `GET`: bytes written in one go.
type Script = Arc<Mutex<Vec<u8>>>;

/// A fake server answering each `GET` with the current script (see [`fake_server`]).
struct Fake {
    port: u16,
    script: Script,
    accepted: Arc<AtomicUsize>,
}

const GOOD: &[u8] = b"$4\r\ngood\r\n";

impl Fake {
    fn start() -> Fake {
        let script: Script = Arc::new(Mutex::new(GOOD.to_vec()));
        let answers = Arc::clone(&script);
        let (port, accepted) = fake_server(move |_, command, stream| {
            let reply = match command[0].to_ascii_uppercase().as_slice() {
                b"GET" => answers.lock().clone(),
                _ => b"+OK\r\n".to_vec(),
            };
            stream.write_all(&reply).is_ok()
        });
        Fake { port, script, accepted }
    }

    fn answer(&self, bytes: &[u8]) {
        *self.script.lock() = bytes.to_vec();
    }

    fn config(&self) -> ClientConfig {
        config_for(self.port, Duration::from_secs(3))
    }
}

/// A fake server on a free port: answers `HELLO` as a RESP3 server would, and
/// every other command with `answer(connection number, command, stream)`,
/// which writes what it likes and returns whether to go on (false closes the
/// connection). Returns the port and the count of connections accepted.
fn fake_server(answer: impl Fn(usize, &[Vec<u8>], &mut TcpStream) -> bool + Send + Sync + 'static) -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&accepted);
    let answer = Arc::new(answer);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let number = counter.fetch_add(1, Ordering::SeqCst) + 1;
            let answer = Arc::clone(&answer);
            std::thread::spawn(move || {
                let mut buffer = Vec::new();
                let mut chunk = [0u8; 4096];
                loop {
                    while let Some((args, used)) = command(&buffer) {
                        buffer.drain(..used);
                        let go_on = match args[0].to_ascii_uppercase().as_slice() {
                            b"HELLO" => stream.write_all(b"%1\r\n$5\r\nproto\r\n:3\r\n").is_ok(),
                            _ => answer(number, &args, &mut stream),
                        };
                        if !go_on {
                            return;
                        }
                    }
                    match stream.read(&mut chunk) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buffer.extend_from_slice(&chunk[..n]),
                    }
                }
            });
        }
    });
    (port, accepted)
}

/// One complete command at the start of `buf`, and its length.
fn command(buf: &[u8]) -> Option<(Vec<Vec<u8>>, usize)> {
    let line = |at: usize| -> Option<(&[u8], usize)> {
        let end = buf.get(at..)?.windows(2).position(|w| w == b"\r\n")? + at;
        Some((&buf[at..end], end + 2))
    };
    let (head, mut pos) = line(0)?;
    let n: usize = std::str::from_utf8(head.strip_prefix(b"*")?).ok()?.parse().ok()?;
    let mut args = Vec::with_capacity(n);
    for _ in 0..n {
        let (len, after) = line(pos)?;
        let len: usize = std::str::from_utf8(len.strip_prefix(b"$")?).ok()?.parse().ok()?;
        args.push(buf.get(after..after + len)?.to_vec());
        pos = after + len + 2;
        if buf.len() < pos {
            return None;
        }
    }
    Some((args, pos))
}

fn connect(fake: &Fake) -> Arc<Client> {
    connect_to(fake.config())
}

/// A client of the fake server on `port`, with this request timeout.
fn config_for(port: u16, request_timeout: Duration) -> ClientConfig {
    let mut config = ClientConfig::for_address("127.0.0.1", port);
    config.request_timeout = request_timeout;
    config
}

/// A started client, its connection made.
fn connect_to(config: ClientConfig) -> Arc<Client> {
    start_router();
    let client = Client::new(config).unwrap();
    let id = next_id();
    client.start(id).unwrap();
    assert_eq!(take(wait_for(id, Duration::from_secs(10))), Got::Ok);
    client
}

fn get_request() -> Request {
    let packed = glide_jni::resp::pack(&[b"GET", b"k"]);
    Request { id: next_id(), packed, timeout: Some(Duration::from_secs(3)), expect: Expect::Natural, bulk_as: BulkAs::Bytes, selects_database: None }
}

/// Sends a GET and waits for it, with the waiting thread reading (`help`) or not.
fn get(client: &Arc<Client>, help: bool) -> (Got, Duration) {
    let request = get_request();
    let id = request.id;
    let started = Instant::now();
    client.submit(request).unwrap();
    if help {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline && !ROUTED.lock().as_ref().unwrap().contains_key(&id) {
            client.help_read(id, Duration::from_millis(20));
        }
    }
    let got = take(wait_for(id, Duration::from_secs(10)));
    (got, started.elapsed())
}

/// The next GET succeeds once the fake behaves (after the client reconnected).
fn recovers(client: &Arc<Client>, fake: &Fake) {
    fake.answer(GOOD);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match get(client, false).0 {
            Got::Bytes(_, v) if v == b"good" => return,
            other if Instant::now() > deadline => panic!("the client did not recover: {other:?}"),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Sends `bytes` in answer to a GET and checks the GET fails at once with a
/// connection error whose message contains `cause`, then that the client recovers.
fn protocol_error(bytes: &[u8], cause: &str) {
    for help in [false, true] {
        let fake = Fake::start();
        let client = connect(&fake);
        fake.answer(bytes);
        let (got, took) = get(&client, help);
        match got {
            Got::Error(kind::ERR_CONNECTION, message) => {
                assert!(message.contains(cause), "help={help}: {message:?} does not name {cause:?}")
            }
            other => panic!("help={help}: {other:?} instead of a connection error naming {cause:?}"),
        }
        assert!(took < Duration::from_secs(2), "help={help}: failed after {took:?}, not at once (a timeout?)");
        recovers(&client, &fake);
        assert!(fake.accepted.load(Ordering::SeqCst) >= 2, "the broken connection was replaced");
        client.close();
    }
}

#[test]
fn an_unknown_type_byte_is_a_connection_error() {
    let _alone = FAULTS.lock();
    protocol_error(b"?x\r\n", "unknown type byte '?'");
}

#[test]
fn a_bulk_string_longer_than_allowed_is_refused_before_it_arrives() {
    let _alone = FAULTS.lock();
    protocol_error(b"$1099511627776\r\n", "longer than the 536870912 bytes accepted");
}

#[test]
fn deep_nesting_is_refused() {
    let _alone = FAULTS.lock();
    protocol_error("*1\r\n".repeat(100_000).as_bytes(), "nesting too deep");
}

#[test]
fn a_negative_length_other_than_nil_is_refused() {
    let _alone = FAULTS.lock();
    protocol_error(b"*-5\r\n", "invalid length -5");
}

#[test]
fn a_reply_nobody_asked_for_fails_every_request_and_drops_the_connection() {
    let _alone = FAULTS.lock();
    for help in [false, true] {
        let fake = Fake::start();
        let client = connect(&fake);
        fake.answer(b"$4\r\ngood\r\n$5\r\nEXTRA\r\n");
        // Both replies arrive together: the GET cannot be trusted with either.
        let (got, took) = get(&client, help);
        match got {
            Got::Error(kind::ERR_CONNECTION, message) => assert!(message.contains("more replies than requests"), "{message}"),
            // The first reply alone was read first: it was the GET's; the extra one breaks the connection.
            Got::Bytes(_, v) => assert_eq!(v, b"good"),
            other => panic!("help={help}: {other:?}"),
        }
        assert!(took < Duration::from_secs(2), "help={help}: completed after {took:?}");
        recovers(&client, &fake);
        assert!(fake.accepted.load(Ordering::SeqCst) >= 2, "help={help}: the connection was not dropped");
        client.close();
    }
}

#[test]
fn attributes_before_a_reply_are_skipped() {
    let _alone = FAULTS.lock();
    let fake = Fake::start();
    let client = connect(&fake);
    fake.answer(b"|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n$4\r\ngood\r\n");
    for help in [false, true] {
        match get(&client, help).0 {
            Got::Bytes(_, v) => assert_eq!(v, b"good"),
            other => panic!("help={help}: {other:?}"),
        }
    }
    // Inside an aggregate too.
    fake.answer(b"*2\r\n|1\r\n+a\r\n:1\r\n:5\r\n:6\r\n");
    match get(&client, false).0 {
        Got::Bytes(kind, frame) => assert_eq!(kind, kind::FRAME, "{frame:?}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(fake.accepted.load(Ordering::SeqCst), 1, "no reconnect: attributes are valid RESP3");
    client.close();
}

#[test]
fn a_reply_split_into_single_bytes_arrives_whole() {
    let _alone = FAULTS.lock();
    // Served by a fake that writes one byte at a time.
    let (port, _) = fake_server(|_, command, stream| {
        let reply: &[u8] = match command[0].to_ascii_uppercase().as_slice() {
            b"GET" => b"*2\r\n$5\r\nhello\r\n%1\r\n+k\r\n,2.5\r\n",
            _ => b"+OK\r\n",
        };
        reply.iter().all(|byte| {
            std::thread::sleep(Duration::from_micros(200));
            stream.write_all(&[*byte]).is_ok()
        })
    });
    let client = connect_to(config_for(port, Duration::from_secs(5)));
    for help in [false, true] {
        match get(&client, help).0 {
            Got::Bytes(kind, _) => assert_eq!(kind, kind::FRAME),
            other => panic!("help={help}: {other:?}"),
        }
    }
    client.close();
}

/// A thread waiting for its reply reads it to the end when it comes in parts: it
/// does not leave after the first part, handing the rest to the task (which
/// would cost a wake-up of the task and of the completer thread per reply).
#[test]
fn a_waiting_thread_reads_its_reply_to_the_end() {
    let _alone = FAULTS.lock();
    const PAUSE: Duration = Duration::from_millis(300);
    let (port, _) = fake_server(|_, command, stream| match command[0].to_ascii_uppercase().as_slice() {
        b"GET" => {
            let first = stream.write_all(b"$10\r\nhello").is_ok();
            std::thread::sleep(PAUSE);
            first && stream.write_all(b"world\r\n").is_ok()
        }
        _ => stream.write_all(b"+OK\r\n").is_ok(),
    });
    let client = connect_to(config_for(port, Duration::from_secs(5)));
    let request = get_request();
    let id = request.id;
    let started = Instant::now();
    client.submit(request).unwrap();
    assert!(client.help_read(id, Duration::from_secs(5)), "the thread was the reader");
    let left_after = started.elapsed();
    // The reply was complete when the thread left: it is routed at once, not a pause later.
    match take(wait_for(id, PAUSE / 3)) {
        Got::Bytes(_, v) => assert_eq!(v, b"helloworld"),
        other => panic!("{other:?} when the thread left after {left_after:?}"),
    }
    assert!(left_after >= PAUSE, "left after {left_after:?}, before the second part");
    client.close();
}

/// A thread waiting while another thread reads its connection waits in native
/// code, and the reader hands it its completion there: it does not go back to
/// wait in Java for the completer thread.
#[test]
fn a_thread_waiting_behind_a_reader_is_handed_its_reply() {
    let _alone = FAULTS.lock();
    const PAUSE: Duration = Duration::from_millis(300);
    let (port, _) = fake_server(|_, command, stream| match command[0].to_ascii_uppercase().as_slice() {
        b"GET" => {
            // The first GET is answered late; the second, queued behind it, right after.
            std::thread::sleep(PAUSE);
            stream.write_all(b"$4\r\ngood\r\n").is_ok()
        }
        _ => stream.write_all(b"+OK\r\n").is_ok(),
    });
    let client = connect_to(config_for(port, Duration::from_secs(5)));
    let (first, second) = (get_request(), get_request());
    let (first_id, second_id) = (first.id, second.id);
    client.submit(first).unwrap();
    client.submit(second).unwrap();
    let reader = {
        let client = Arc::clone(&client);
        std::thread::spawn(move || glide_jni::completion::collecting(|| client.help_read(first_id, Duration::from_secs(5))))
    };
    // Let the reader take the role first.
    std::thread::sleep(PAUSE / 3);
    let started = Instant::now();
    let (helped, collected) = glide_jni::completion::collecting(|| client.help_read(second_id, Duration::from_secs(5)));
    let waited = started.elapsed();
    assert!(helped, "the request was pending: the thread waited for it");
    assert_eq!(collected.iter().map(|c| c.request_id).collect::<Vec<_>>(), [second_id], "after {waited:?}");
    assert!(waited >= PAUSE / 2, "returned after {waited:?}, before any reply came");
    let (read, by_reader) = reader.join().unwrap();
    assert!(read);
    assert!(by_reader.iter().all(|c| c.request_id == first_id), "the reader kept only its own: {by_reader:?}");
    for c in by_reader.into_iter().chain(collected) {
        assert!(matches!(take(c), Got::Bytes(_, v) if v == b"good"));
    }
    client.close();
}

#[test]
fn a_server_that_closes_mid_reply_fails_the_request_at_once() {
    let _alone = FAULTS.lock();
    for help in [false, true] {
        // The first connection sends half a reply, then closes; later ones behave.
        let (port, _) = fake_server(|connection, command, stream| match command[0].to_ascii_uppercase().as_slice() {
            b"GET" if connection == 1 => {
                let _ = stream.write_all(b"$10\r\nhalf");
                false
            }
            b"GET" => stream.write_all(GOOD).is_ok(),
            _ => stream.write_all(b"+OK\r\n").is_ok(),
        });
        let client = connect_to(config_for(port, Duration::from_secs(3)));
        let (got, took) = get(&client, help);
        assert!(matches!(got, Got::Error(kind::ERR_CONNECTION, _)), "help={help}: {got:?}");
        assert!(took < Duration::from_secs(2), "help={help}: failed after {took:?}");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match get(&client, false).0 {
                Got::Bytes(_, v) if v == b"good" => break,
                other if Instant::now() > deadline => panic!("help={help}: no recovery: {other:?}"),
                _ => std::thread::sleep(Duration::from_millis(50)),
            }
        }
        client.close();
    }
}

/// A panic while replies are handled (a bug) fails that connection's requests
/// at once, drops the connection, is counted, and the client goes on; a panic
/// in the process-wide timer does not stop deadlines.
#[test]
fn a_panic_in_the_core_is_contained() {
    use glide_jni::contain::{contained_panics, inject_panic, FaultPoint};
    let _alone = FAULTS.lock();
    let fake = Fake::start();
    let client = connect(&fake);
    let before = contained_panics();
    inject_panic(FaultPoint::HandlingReplies);
    let (got, took) = get(&client, false);
    match got {
        Got::Error(kind::ERR_CONNECTION, message) => assert!(message.contains("internal error while handling replies"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert!(took < Duration::from_secs(2), "failed after {took:?}");
    assert_eq!(contained_panics(), before + 1);
    recovers(&client, &fake);

    // The timer: a request that times out while the timer panics still times out, and so
    // does the next one (the timer lives on).
    let stalls = Fake::start();
    let client2 = connect(&stalls);
    stalls.answer(b"");
    inject_panic(FaultPoint::ExpiringDeadlines);
    for _ in 0..2 {
        let (got, took) = get(&client2, false);
        assert!(matches!(got, Got::Error(kind::ERR_TIMEOUT, _)), "{got:?}");
        assert!(took < Duration::from_secs(5), "timed out after {took:?}");
    }
    assert_eq!(contained_panics(), before + 2);
    client.close();
    client2.close();
}

/// Tests that inject faults run one at a time (the fault points are process-wide).
static FAULTS: Mutex<()> = Mutex::new(());
