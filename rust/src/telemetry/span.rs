//! Spans: opened when a sampled request is submitted, ended by its completion, then kept in
//! a bounded buffer until the export thread takes them.
//!
//! # Hazards
//! - A span that is opened must end, or the registry grows: every request completes exactly
//!   once (see DESIGN.md), a request refused at submission ends its span there, and a
//!   [`Started`] dropped before its request was handed over (an error on the way) ends it
//!   with that error.
//! - The buffer of ended spans is bounded ([`MAX_ENDED`]): when the exporter falls behind
//!   (a collector down), new spans are dropped and counted, never waited for. The export
//!   thread is woken as the buffer reaches [`EXPORT_EARLY_AT`], before its flush interval,
//!   so that a sampled rate above `MAX_ENDED` per interval is exported, not dropped.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::LazyLock;
use std::time::{SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

use crate::completion::Completion;
use crate::reply::kind;

use super::ids;
use super::names::SPAN_NAMES;

/// Ended spans waiting for export; more are dropped (and counted in [`dropped`]).
pub const MAX_ENDED: usize = 8192;

/// Ended spans at which the export thread is woken without waiting for its interval (as an
/// OpenTelemetry SDK's batch processor exports a full batch at once): half the buffer, so
/// the other half takes what ends while the export runs.
pub const EXPORT_EARLY_AT: usize = MAX_ENDED / 2;

/// The OpenTelemetry span context of the application's current span, from Java.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parent {
    /// 0: no current span; the request starts a trace of its own.
    pub trace_id: u128,
    pub span_id: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(Cow<'static, str>),
    Int(i64),
}

/// How a span ended: errors carry the message the application's exception has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Success: instrumentation libraries leave the status unset (the OpenTelemetry
    /// specification's advice; valkey-glide's Java client does the same).
    Unset,
    Error(String),
}

/// One span, open or ended.
#[derive(Debug, Clone)]
pub struct Span {
    pub name: Cow<'static, str>,
    pub trace_id: u128,
    pub span_id: u64,
    /// 0: a root span.
    pub parent_span_id: u64,
    pub start_unix_nanos: u64,
    pub end_unix_nanos: u64,
    pub attributes: Vec<(&'static str, Value)>,
    pub status: Status,
}

/// Where a request goes, when one address is known (a standalone client's primary).
#[derive(Debug, Clone, Copy)]
pub struct Server<'a> {
    pub host: &'a str,
    pub port: u16,
    pub database: i64,
}

/// Spans of requests in flight, by request id.
static OPEN: LazyLock<Mutex<HashMap<i64, Span>>> = LazyLock::new(|| Mutex::new(HashMap::new()));
/// How many spans [`OPEN`] holds: the one thing every completion reads.
static OPEN_COUNT: AtomicUsize = AtomicUsize::new(0);
static ENDED: Mutex<Vec<Span>> = Mutex::new(Vec::new());
static DROPPED: AtomicU64 = AtomicU64::new(0);

fn now_unix_nanos() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

/// The span of a request being submitted. Dropped without [`Started::submitted`] (the
/// submission failed on the way), it ends the span with an error.
#[must_use]
pub struct Started {
    request_id: i64,
    armed: bool,
}

impl Started {
    /// Opens the span of one command (`packed`: its RESP bytes); `None` when spans are not
    /// recorded (OpenTelemetry initialised with metrics only, or not at all).
    pub fn command(request_id: i64, parent: Parent, packed: &[u8], server: Option<Server<'_>>) -> Option<Started> {
        if !super::tracing_enabled() {
            return None;
        }
        let words = command_words(packed);
        let mut span = new_span(span_name(&words), parent);
        db_attributes(&mut span, server, words.operation());
        Some(open(request_id, span))
    }

    /// Opens the span of a batch (`commands`: each one's RESP bytes), named "Batch" as in
    /// valkey-glide; its operation is `PIPELINE` (`PIPELINE GET` when every command is a GET).
    pub fn batch<'a>(
        request_id: i64,
        parent: Parent,
        commands: impl ExactSizeIterator<Item = &'a [u8]>,
        server: Option<Server<'_>>,
    ) -> Option<Started> {
        if !super::tracing_enabled() {
            return None;
        }
        let count = commands.len();
        let mut same: Option<Option<String>> = None;
        for packed in commands {
            let operation = command_words(packed).operation();
            same = Some(match same {
                None => Some(operation),
                Some(Some(previous)) if previous == operation => Some(previous),
                Some(_) => None,
            });
        }
        let operation = match same.flatten() {
            Some(operation) => format!("PIPELINE {operation}"),
            None => "PIPELINE".to_string(),
        };
        let mut span = new_span(Cow::Borrowed("Batch"), parent);
        db_attributes(&mut span, server, operation);
        span.attributes.push(("db.operation.batch.size", Value::Int(count as i64)));
        Some(open(request_id, span))
    }

    /// A cluster scan step: valkey-glide's "ClusterScan".
    pub fn cluster_scan(request_id: i64, parent: Parent) -> Option<Started> {
        if !super::tracing_enabled() {
            return None;
        }
        let mut span = new_span(Cow::Borrowed("ClusterScan"), parent);
        db_attributes(&mut span, None, "SCAN".to_string());
        Some(open(request_id, span))
    }

    /// The request was handed over: its completion ends the span. `refused`: it was not
    /// (the inflight limit, a closed client), and no completion will come.
    pub fn submitted(mut self, refused: Option<(&str, &'static str)>) {
        self.armed = false;
        if let Some((message, error_type)) = refused {
            end(self.request_id, Status::Error(message.to_string()), Some(error_type));
        }
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        if self.armed {
            end(self.request_id, Status::Error("the request was not sent: it failed before submission".into()), Some("RequestException"));
        }
    }
}

fn new_span(name: Cow<'static, str>, parent: Parent) -> Span {
    let trace_id = if parent.trace_id != 0 { parent.trace_id } else { ids::trace_id() };
    Span {
        name,
        trace_id,
        span_id: ids::span_id(),
        parent_span_id: if parent.trace_id != 0 { parent.span_id } else { 0 },
        start_unix_nanos: now_unix_nanos(),
        end_unix_nanos: 0,
        attributes: Vec::with_capacity(7),
        status: Status::Unset,
    }
}

/// The database semantic conventions' attributes (`db.system.name` is the current name,
/// `db.system` the one older backends group by; both say "redis", as valkey-glide does for
/// Valkey and Redis alike).
fn db_attributes(span: &mut Span, server: Option<Server<'_>>, operation: String) {
    span.attributes.push(("db.system.name", Value::Str(Cow::Borrowed("redis"))));
    span.attributes.push(("db.system", Value::Str(Cow::Borrowed("redis"))));
    span.attributes.push(("db.operation.name", Value::Str(Cow::Owned(operation))));
    if let Some(server) = server {
        span.attributes.push(("server.address", Value::Str(Cow::Owned(server.host.to_string()))));
        span.attributes.push(("server.port", Value::Int(server.port as i64)));
        span.attributes.push(("db.namespace", Value::Str(Cow::Owned(server.database.to_string()))));
    }
}

fn open(request_id: i64, span: Span) -> Started {
    if OPEN.lock().insert(request_id, span).is_none() {
        OPEN_COUNT.fetch_add(1, Ordering::Relaxed);
    }
    Started { request_id, armed: true }
}

/// Called for every completion: ends its request's span, if it has one. One relaxed load
/// while no span is open. Relaxed is enough: a span is registered before its request is
/// handed over, and the hand-over (a lock) orders that before the completion's push.
#[inline]
pub fn on_completion(completion: &Completion) {
    if OPEN_COUNT.load(Ordering::Relaxed) == 0 {
        return;
    }
    end_completed(completion);
}

#[inline(never)]
fn end_completed(completion: &Completion) {
    if completion.kind < kind::FIRST_ERROR {
        end(completion.request_id, Status::Unset, None);
        return;
    }
    let message = if completion.payload != 0 {
        // SAFETY: an error completion's payload is a pointer from `reply::bytes_into_raw`
        // to its message. Completions reach here inside `completion::push_all`, before they
        // are queued or handed to a thread: nobody can have taken (freed) it yet, and we
        // only read it.
        let bytes = unsafe { &*(completion.payload as *const Vec<u8>) };
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        String::new()
    };
    end(completion.request_id, Status::Error(message), Some(error_type(completion.kind)));
}

/// The Java exception class the application sees for an error completion (`error.type`).
fn error_type(kind: i32) -> &'static str {
    match kind {
        kind::ERR_TIMEOUT => "TimeoutException",
        kind::ERR_CONNECTION => "ConnectionException",
        kind::ERR_CLOSING => "ClosingException",
        kind::ERR_EXEC_ABORT => "ExecAbortException",
        kind::ERR_CONFIGURATION => "ConfigurationError",
        _ => "RequestException",
    }
}

fn end(request_id: i64, status: Status, error_type: Option<&'static str>) {
    let Some(mut span) = OPEN.lock().remove(&request_id) else { return };
    OPEN_COUNT.fetch_sub(1, Ordering::Relaxed);
    span.end_unix_nanos = now_unix_nanos();
    if let Some(error_type) = error_type {
        span.attributes.push(("error.type", Value::Str(Cow::Borrowed(error_type))));
    }
    span.status = status;
    // valkey-glide's Java client gives a batch a child span "send_batch" for the sending.
    let child = (span.name == "Batch").then(|| Span {
        name: Cow::Borrowed("send_batch"),
        span_id: ids::span_id(),
        parent_span_id: span.span_id,
        attributes: Vec::new(),
        status: Status::Unset,
        ..span.clone()
    });
    let mut ended = ENDED.lock();
    for span in std::iter::once(span).chain(child) {
        if ended.len() < MAX_ENDED {
            ended.push(span);
            // Once per filling: the export empties the buffer.
            if ended.len() == EXPORT_EARLY_AT {
                super::exporter::wake();
            }
        } else {
            DROPPED.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// Ended spans waiting for export.
pub(super) fn ended_count() -> usize {
    ENDED.lock().len()
}

/// Takes the ended spans for export.
pub(super) fn take_ended() -> Vec<Span> {
    std::mem::take(&mut *ENDED.lock())
}

/// Spans dropped because the buffer was full.
pub fn dropped() -> u64 {
    DROPPED.load(Ordering::Relaxed)
}

/// Spans open now (requests in flight that were sampled).
pub fn open_count() -> usize {
    OPEN_COUNT.load(Ordering::Relaxed)
}

/// A command's first two arguments, uppercased (`CONFIG`, `GET`).
struct CommandWords {
    first: String,
    second: Option<String>,
}

fn command_words(packed: &[u8]) -> CommandWords {
    let mut words = CommandWords { first: String::new(), second: None };
    let _ = crate::resp::walk_command(packed, |index, arg| match index {
        0 => words.first = String::from_utf8_lossy(arg).to_ascii_uppercase(),
        1 => words.second = Some(String::from_utf8_lossy(arg).to_ascii_uppercase()),
        _ => {}
    });
    words
}

impl CommandWords {
    /// The operation name: the command (`GET`), or the container and its subcommand
    /// (`CONFIG GET`) when valkey-glide knows it as one command.
    fn operation(&self) -> String {
        match self.two_words() {
            Some(two) if lookup(&two).is_some() => two,
            _ => self.first.clone(),
        }
    }

    fn two_words(&self) -> Option<String> {
        self.second.as_ref().map(|second| format!("{} {second}", self.first))
    }
}

fn lookup(words: &str) -> Option<&'static str> {
    SPAN_NAMES.binary_search_by(|(w, _)| (*w).cmp(words)).ok().map(|i| SPAN_NAMES[i].1)
}

/// valkey-glide's span name for the command (its request type: `Get`, `ConfigGet`); a
/// command it does not know is named by its own words.
fn span_name(words: &CommandWords) -> Cow<'static, str> {
    if let Some(name) = words.two_words().as_deref().and_then(lookup) {
        return Cow::Borrowed(name);
    }
    match lookup(&words.first) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(words.first.clone()),
    }
}

#[cfg(test)]
pub(super) mod test_support {
    /// Spans are process-wide: tests that open and end them take this lock.
    pub static SERIAL: parking_lot::Mutex<()> = parking_lot::Mutex::new(());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resp::pack as pack_command;

    fn packed(args: &[&str]) -> Vec<u8> {
        pack_command(&args.iter().map(|a| a.as_bytes()).collect::<Vec<_>>())
    }

    #[test]
    fn span_names_are_valkey_glides_request_types() {
        let name = |args: &[&str]| span_name(&command_words(&packed(args)));
        assert_eq!(name(&["get", "k"]), "Get");
        assert_eq!(name(&["HGET", "h", "f"]), "HGet");
        assert_eq!(name(&["config", "get", "maxmemory"]), "ConfigGet");
        assert_eq!(name(&["SET", "get", "v"]), "Set"); // "SET GET" is no command: SET's key is "get"
        assert_eq!(name(&["MYMODULE.CMD", "x"]), "MYMODULE.CMD");
        assert_eq!(command_words(&packed(&["config", "get", "x"])).operation(), "CONFIG GET");
        assert_eq!(command_words(&packed(&["get", "x"])).operation(), "GET");
    }

    fn with_tracing<R>(f: impl FnOnce() -> R) -> R {
        let _serial = test_support::SERIAL.lock();
        super::super::TRACING.store(true, Ordering::Relaxed);
        take_ended();
        f()
    }

    #[test]
    fn a_completion_ends_its_span_with_the_error_it_carries() {
        with_tracing(|| {
            let parent = Parent { trace_id: 0xabc, span_id: 0x123 };
            let server = Server { host: "127.0.0.1", port: 6379, database: 2 };
            Started::command(900_001, parent, &packed(&["GET", "k"]), Some(server)).unwrap().submitted(None);
            Started::command(900_002, Parent::default(), &packed(&["SET", "k", "v"]), None).unwrap().submitted(None);
            assert!(open_count() >= 2);
            let message = crate::reply::bytes_into_raw(b"ERR wrong".to_vec());
            on_completion(&Completion { request_id: 900_002, kind: kind::ERR_REQUEST, payload: message });
            on_completion(&Completion { request_id: 900_001, kind: kind::INT, payload: 7 });
            // SAFETY: made above by bytes_into_raw and reclaimed once, here.
            drop(unsafe { crate::reply::bytes_from_raw(message) });
            let ended = take_ended();
            let set = ended.iter().find(|s| s.name == "Set").unwrap();
            assert_eq!(set.status, Status::Error("ERR wrong".into()));
            assert_eq!(set.parent_span_id, 0);
            assert!(set.attributes.contains(&("error.type", Value::Str("RequestException".into()))));
            let get = ended.iter().find(|s| s.name == "Get").unwrap();
            assert_eq!((get.trace_id, get.parent_span_id, &get.status), (0xabc, 0x123, &Status::Unset));
            assert!(get.attributes.contains(&("server.port", Value::Int(6379))));
            assert!(get.attributes.contains(&("db.operation.name", Value::Str("GET".into()))));
            assert!(get.end_unix_nanos >= get.start_unix_nanos);
        });
    }

    #[test]
    fn a_request_refused_or_never_sent_still_ends_its_span() {
        with_tracing(|| {
            Started::command(900_011, Parent::default(), &packed(&["GET", "k"]), None)
                .unwrap()
                .submitted(Some(("inflight limit reached", "RequestException")));
            drop(Started::command(900_012, Parent::default(), &packed(&["GET", "k"]), None));
            let ended = take_ended();
            assert_eq!(ended.len(), 2);
            assert!(ended.iter().all(|s| matches!(s.status, Status::Error(_))));
        });
    }

    #[test]
    fn a_batch_span_has_its_operation_its_size_and_a_send_batch_child() {
        with_tracing(|| {
            let commands = [packed(&["GET", "a"]), packed(&["GET", "b"])];
            Started::batch(900_021, Parent::default(), commands.iter().map(Vec::as_slice), None).unwrap().submitted(None);
            on_completion(&Completion { request_id: 900_021, kind: kind::NIL, payload: 0 });
            let ended = take_ended();
            assert_eq!(ended.len(), 2);
            let (batch, child) = (&ended[0], &ended[1]);
            assert_eq!((batch.name.as_ref(), child.name.as_ref()), ("Batch", "send_batch"));
            assert_eq!((child.trace_id, child.parent_span_id), (batch.trace_id, batch.span_id));
            assert!(batch.attributes.contains(&("db.operation.name", Value::Str("PIPELINE GET".into()))));
            assert!(batch.attributes.contains(&("db.operation.batch.size", Value::Int(2))));
        });
    }

    #[test]
    fn the_buffer_of_ended_spans_is_bounded() {
        with_tracing(|| {
            let before = dropped();
            for id in 0..(MAX_ENDED as i64 + 10) {
                Started::command(1_000_000 + id, Parent::default(), &packed(&["PING"]), None).unwrap().submitted(None);
                on_completion(&Completion { request_id: 1_000_000 + id, kind: kind::OK, payload: 0 });
            }
            assert_eq!(take_ended().len(), MAX_ENDED);
            assert_eq!(dropped() - before, 10);
        });
    }

    /// Not a benchmark: shows the order of magnitude of what every completion pays while
    /// no span is open (`cargo test --release -p glide-jni --lib telemetry::span -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn cost_of_a_completion_while_no_span_is_open() {
        let completion = Completion { request_id: -1, kind: kind::OK, payload: 0 };
        let n = 100_000_000u32;
        let start = std::time::Instant::now();
        for _ in 0..n {
            on_completion(std::hint::black_box(&completion));
        }
        println!("on_completion with no open span: {:.2} ns", start.elapsed().as_nanos() as f64 / n as f64);
    }

    /// The same for a sampled command: its span opened, named, ended and buffered (export
    /// not included).
    #[test]
    #[ignore]
    fn cost_of_a_sampled_command_span() {
        with_tracing(|| {
            let command = packed(&["GET", "some-key"]);
            let server = Server { host: "127.0.0.1", port: 6379, database: 0 };
            let n = 200_000i64;
            let start = std::time::Instant::now();
            for id in 0..n {
                Started::command(2_000_000 + id, Parent::default(), &command, Some(server)).unwrap().submitted(None);
                on_completion(&Completion { request_id: 2_000_000 + id, kind: kind::OK, payload: 0 });
                if id % 4096 == 0 {
                    take_ended();
                }
            }
            println!("one sampled command's span: {:.0} ns", start.elapsed().as_nanos() as f64 / n as f64);
        });
    }
}
