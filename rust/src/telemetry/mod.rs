//! OpenTelemetry: a span per command and per batch, and valkey-glide's counters, exported
//! without an OpenTelemetry SDK (`glide.api.OpenTelemetry` configures it).
//!
//! # Cost when off
//! Java decides whether a request is sampled before it calls the core (one volatile read
//! while OpenTelemetry is not initialised) and passes a trace context only for sampled
//! requests. The only work every completion does is one relaxed load of the number of open
//! spans ([`span::on_completion`]); spans are looked up only while some are open.
//!
//! # Path of a span
//! [`span::Started`] registers an open span under its request id when the request is
//! submitted; the completion of that request (reply, error, timeout, close) ends it in
//! [`crate::completion::push_all`]. Ended spans wait in a bounded buffer (full: dropped and
//! counted, a request never waits) that the `glide-otel` thread empties every flush interval
//! into the configured [`endpoint`]: a file of JSON lines in valkey-glide's format, an
//! OTLP/HTTP collector (`http://`, `https://`; protobuf, or JSON with
//! `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`), or an OTLP/gRPC one (`grpc://`, plaintext
//! HTTP/2). No OpenTelemetry SDK, no HTTP, HTTP/2 or protobuf crate: the formats are small
//! and only ever written.
//!
//! # Files
//! `span.rs` (open and ended spans), `metrics.rs` (the counters), `endpoint.rs` (parsing),
//! `exporter.rs` (the thread), `file.rs`, `otlp.rs` (JSON), `protobuf.rs` (encodings),
//! `http.rs` (POST, TLS, `OTEL_EXPORTER_OTLP_*`), `grpc.rs` + `hpack.rs` + `huffman.rs`
//! (one gRPC call), `ids.rs`, `json.rs`, `names.rs` (generated span names).

mod endpoint;
mod exporter;
mod file;
mod grpc;
mod hpack;
mod http;
mod huffman;
mod ids;
mod json;
pub mod metrics;
mod names;
mod otlp;
mod protobuf;
pub mod span;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

pub use endpoint::Endpoint;

/// The instrumentation scope of every span and metric, as valkey-glide names it.
const SCOPE: &str = "valkey_glide";

/// What `OpenTelemetry.init` configured; set once per process.
#[derive(Debug)]
pub struct Settings {
    pub traces: Option<Endpoint>,
    pub metrics: Option<Endpoint>,
    pub flush_interval: Duration,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Spans are recorded (a traces endpoint is configured): checked by [`span::Started`], so
/// a trace context sent while only metrics are configured records nothing.
static TRACING: AtomicBool = AtomicBool::new(false);

/// Initialises OpenTelemetry from `OpenTelemetry.init`'s values (`sample_percentage` -1:
/// not given). Checks in valkey-glide 2.3.1's order and with its messages, which its users'
/// tests match. A second successful call changes nothing, as in valkey-glide.
pub fn init(traces: Option<&str>, sample_percentage: i32, metrics: Option<&str>, flush_interval_ms: i64) -> Result<(), String> {
    if traces.is_none() && metrics.is_none() {
        return Err("At least one of traces or metrics must be provided for OpenTelemetry configuration.".into());
    }
    if flush_interval_ms <= 0 {
        return Err(format!("InvalidInput: flushIntervalMs must be a positive integer (got: {flush_interval_ms})"));
    }
    let traces = match traces {
        Some(text) => {
            let endpoint = Endpoint::parse(text)?;
            if sample_percentage < 0 {
                return Err(format!("InvalidInput: traces_sample_percentage must be a positive integer (got: {sample_percentage})"));
            }
            Some(endpoint)
        }
        None => None,
    };
    let metrics = metrics.map(Endpoint::parse).transpose()?;
    if SETTINGS.get().is_some() {
        return Ok(());
    }
    if traces.is_some() && sample_percentage > 100 {
        return Err("Failed to initialize OpenTelemetry: Other error: Trace sample percentage must be between 0 and 100".into());
    }
    let settings = Settings { traces, metrics, flush_interval: Duration::from_millis(flush_interval_ms as u64) };
    let tracing = settings.traces.is_some();
    if SETTINGS.set(settings).is_err() {
        return Ok(()); // another thread initialised it meanwhile: the first one counts
    }
    metrics::mark_start();
    TRACING.store(tracing, Ordering::Relaxed);
    let settings = SETTINGS.get().ok_or("OpenTelemetry settings vanished")?;
    exporter::start(settings).map_err(|e| format!("Failed to initialize OpenTelemetry: cannot start its export thread: {e}"))
}

/// Whether [`init`] succeeded in this process.
pub fn is_initialized() -> bool {
    SETTINGS.get().is_some()
}

/// Exports everything ended so far now, on the calling thread (at JVM shutdown, and for
/// tests), instead of at the next flush interval.
pub fn flush() {
    if let Some(settings) = SETTINGS.get() {
        exporter::export_now(settings);
    }
}

fn tracing_enabled() -> bool {
    TRACING.load(Ordering::Relaxed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only refusals: a successful `init` would last for the rest of the test process.
    #[test]
    fn init_refuses_in_valkey_glides_order_and_words() {
        let dir = format!("file://{}", std::env::temp_dir().display());
        let refused = |traces: Option<&str>, pct, metrics: Option<&str>, flush| init(traces, pct, metrics, flush).unwrap_err();
        assert!(refused(None, 1, None, 5000).starts_with("At least one of traces or metrics must be provided"));
        assert_eq!(refused(Some(&dir), 1, None, -400), "InvalidInput: flushIntervalMs must be a positive integer (got: -400)");
        assert_eq!(refused(Some("wrong.endpoint"), -1, None, 5000), "Parse error. wrong.endpoint");
        assert_eq!(
            refused(Some(&dir), -400, None, 5000),
            "InvalidInput: traces_sample_percentage must be a positive integer (got: -400)"
        );
        assert_eq!(refused(None, 1, Some("wrong.endpoint"), 5000), "Parse error. wrong.endpoint");
        assert!(refused(Some(&dir), 101, None, 5000).contains("Trace sample percentage must be between 0 and 100"));
        assert_eq!(refused(Some("grpc://"), 1, None, 5000), "Parse error. grpc://");
        assert!(!is_initialized());
    }
}
