//! The `glide-otel` daemon thread: every flush interval it takes the ended spans and the
//! metrics' values and writes them to their endpoints, and in between it exports the spans
//! whenever their buffer fills to half ([`span::EXPORT_EARLY_AT`]). A failed export (a
//! collector down, a file not writable) loses that batch and is logged at most once per
//! minute: the spans buffer stays bounded either way.

use std::sync::{LazyLock, OnceLock};
use std::thread::Thread;
use std::time::{Duration, Instant};

use parking_lot::Mutex;

use super::endpoint::Endpoint;
use super::{file, grpc, http, metrics, otlp, protobuf, span, Settings};
use crate::logging::RateLimit;

/// Spans per OTLP request: keeps one request's body to a few hundred kilobytes.
const SPANS_PER_REQUEST: usize = 1000;

/// OTLP/HTTP's two encodings: protobuf by default, JSON when `OTEL_EXPORTER_OTLP_PROTOCOL`
/// is `http/json`.
const PROTOBUF: &str = "application/x-protobuf";
const JSON: &str = "application/json";

/// One export at a time: the thread's and a [`super::flush`] never interleave their lines.
static EXPORTING: Mutex<()> = Mutex::new(());

/// The resource every export describes: the service (`OTEL_SERVICE_NAME`, as the
/// OpenTelemetry SDKs read it) and what produced the data.
static RESOURCE: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    let service = std::env::var("OTEL_SERVICE_NAME").ok().filter(|s| !s.is_empty());
    vec![
        ("service.name", service.unwrap_or_else(|| "unknown_service:java".to_string())),
        ("telemetry.sdk.name", "glide-jni".to_string()),
        ("telemetry.sdk.language", "rust".to_string()),
        ("telemetry.sdk.version", env!("CARGO_PKG_VERSION").to_string()),
    ]
});

/// The export thread, once started: [`wake`] unparks it.
static THREAD: OnceLock<Thread> = OnceLock::new();

pub(super) fn start(settings: &'static Settings) -> std::io::Result<()> {
    let handle = std::thread::Builder::new().name("glide-otel".into()).spawn(move || {
        let mut next_flush = Instant::now() + settings.flush_interval;
        loop {
            // Woken early (or spuriously): only a half-full buffer is exported before the
            // interval ends; metrics keep their interval.
            std::thread::park_timeout(next_flush.saturating_duration_since(Instant::now()));
            let now = Instant::now();
            // A bug in an export loses that export's data (counted and logged as a contained
            // panic), not the thread: later spans are still exported.
            if now >= next_flush {
                next_flush = now + settings.flush_interval;
                let _ = crate::contain::run("exporting OpenTelemetry data", || export_now(settings));
            } else if span::ended_count() >= span::EXPORT_EARLY_AT {
                let _ = crate::contain::run("exporting OpenTelemetry spans", || export_spans_now(settings));
            }
        }
    })?;
    let _ = THREAD.set(handle.thread().clone());
    Ok(())
}

/// Asks the export thread to export the ended spans now (the buffer is half full).
pub(super) fn wake() {
    if let Some(thread) = THREAD.get() {
        thread.unpark();
    }
}

/// Exports what ended since the previous export, and the metrics' values now.
pub(super) fn export_now(settings: &Settings) {
    let _one_at_a_time = EXPORTING.lock();
    export_ended(settings);
    if let Some(endpoint) = &settings.metrics {
        if let Err(e) = export_metrics(endpoint) {
            report(&format!("metrics not exported: {e}"));
        }
    }
}

/// Exports the spans ended since the previous export (not the metrics).
fn export_spans_now(settings: &Settings) {
    let _one_at_a_time = EXPORTING.lock();
    export_ended(settings);
}

fn export_ended(settings: &Settings) {
    let spans = span::take_ended();
    if let (Some(endpoint), false) = (&settings.traces, spans.is_empty()) {
        if let Err(e) = export_spans(endpoint, &spans) {
            report(&format!("{} spans lost: {e}", spans.len()));
        }
    }
}

fn export_spans(endpoint: &Endpoint, spans: &[span::Span]) -> Result<(), String> {
    match endpoint {
        Endpoint::File(path) => file::append(path, &spans.iter().map(file::span_line).collect::<Vec<_>>()),
        Endpoint::Http(target) => {
            let env = http::ExporterEnv::read("TRACES");
            for chunk in spans.chunks(SPANS_PER_REQUEST) {
                let path = target.path_or("/v1/traces");
                if env.json {
                    http::post(target, path, &env, JSON, otlp::traces(chunk, &RESOURCE).as_bytes())?;
                } else {
                    http::post(target, path, &env, PROTOBUF, &protobuf::traces(chunk, &RESOURCE))?;
                }
            }
            Ok(())
        }
        Endpoint::Grpc(target) => {
            let env = http::ExporterEnv::read("TRACES");
            for chunk in spans.chunks(SPANS_PER_REQUEST) {
                grpc_spans(target, &env, chunk)?;
            }
            Ok(())
        }
    }
}

/// One gRPC message per call, under the size [`grpc::call`] sends: a chunk whose encoding is
/// larger is halved until it fits.
fn grpc_spans(target: &super::endpoint::HttpTarget, env: &http::ExporterEnv, spans: &[span::Span]) -> Result<(), String> {
    let message = protobuf::traces(spans, &RESOURCE);
    if message.len() > grpc::MAX_MESSAGE && spans.len() > 1 {
        let (first, second) = spans.split_at(spans.len() / 2);
        grpc_spans(target, env, first)?;
        return grpc_spans(target, env, second);
    }
    grpc::call(target, "/opentelemetry.proto.collector.trace.v1.TraceService/Export", env, &message)
}

fn export_metrics(endpoint: &Endpoint) -> Result<(), String> {
    let (readings, start, now) = metrics::read();
    match endpoint {
        Endpoint::File(path) => file::append(path, &[file::metrics_line(&readings, &RESOURCE, start, now)]),
        Endpoint::Http(target) => {
            let env = http::ExporterEnv::read("METRICS");
            let path = target.path_or("/v1/metrics");
            if env.json {
                http::post(target, path, &env, JSON, otlp::metrics(&readings, &RESOURCE, start, now).as_bytes())
            } else {
                http::post(target, path, &env, PROTOBUF, &protobuf::metrics(&readings, &RESOURCE, start, now))
            }
        }
        Endpoint::Grpc(target) => {
            let env = http::ExporterEnv::read("METRICS");
            let message = protobuf::metrics(&readings, &RESOURCE, start, now);
            grpc::call(target, "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", &env, &message)
        }
    }
}

fn report(problem: &str) {
    static LIMIT: RateLimit = RateLimit::new();
    if let Some(left_out) = LIMIT.allow(Duration::from_secs(60)) {
        let more = if left_out > 0 { format!(" ({left_out} more failed exports since the previous such line)") } else { String::new() };
        tracing::warn!(target: "glide.core", "OpenTelemetry export failed, {problem}{more}");
    }
}
