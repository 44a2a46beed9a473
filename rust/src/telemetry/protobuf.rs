//! OTLP's protobuf encoding of spans and metrics: OTLP/gRPC's, and OTLP/HTTP's default.
//! Hand-written like [`super::otlp`]: the messages are few and only written, never read.
//! Field numbers are those of `opentelemetry/proto/{collector,trace,metrics,common,resource}`.

use super::metrics::{Kind, Reading};
use super::span::{Span, Status, Value};
use super::SCOPE;

const VARINT: u32 = 0;
const FIXED64: u32 = 1;
const LENGTH_DELIMITED: u32 = 2;

/// `SpanKind` CLIENT, `StatusCode` ERROR, `AggregationTemporality` CUMULATIVE.
const SPAN_KIND_CLIENT: u64 = 3;
const STATUS_ERROR: u64 = 2;
const CUMULATIVE: u64 = 2;

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn tag(out: &mut Vec<u8>, field: u32, wire_type: u32) {
    varint(out, ((field << 3) | wire_type) as u64);
}

fn bytes(out: &mut Vec<u8>, field: u32, value: &[u8]) {
    tag(out, field, LENGTH_DELIMITED);
    varint(out, value.len() as u64);
    out.extend_from_slice(value);
}

fn fixed64(out: &mut Vec<u8>, field: u32, value: u64) {
    tag(out, field, FIXED64);
    out.extend_from_slice(&value.to_le_bytes());
}

fn uint(out: &mut Vec<u8>, field: u32, value: u64) {
    tag(out, field, VARINT);
    varint(out, value);
}

/// A nested message: written by `write` into its own buffer, then length-prefixed.
fn message(out: &mut Vec<u8>, field: u32, write: impl FnOnce(&mut Vec<u8>)) {
    let mut inner = Vec::new();
    write(&mut inner);
    bytes(out, field, &inner);
}

/// `KeyValue { key = 1; AnyValue value = 2 }`, `AnyValue { string_value = 1; int_value = 3 }`.
fn key_value(out: &mut Vec<u8>, field: u32, key: &str, value: &Value) {
    message(out, field, |kv| {
        bytes(kv, 1, key.as_bytes());
        message(kv, 2, |any| match value {
            Value::Str(s) => bytes(any, 1, s.as_bytes()),
            Value::Int(i) => uint(any, 3, *i as u64),
        });
    });
}

/// `Resource { repeated KeyValue attributes = 1 }`.
fn resource(out: &mut Vec<u8>, field: u32, attributes: &[(&str, String)]) {
    message(out, field, |r| {
        for (key, value) in attributes {
            key_value(r, 1, key, &Value::Str(value.clone().into()));
        }
    });
}

/// `InstrumentationScope { name = 1 }`.
fn scope(out: &mut Vec<u8>, field: u32) {
    message(out, field, |s| bytes(s, 1, SCOPE.as_bytes()));
}

/// An `ExportTraceServiceRequest` holding `spans`.
pub(super) fn traces(spans: &[Span], resource_attributes: &[(&str, String)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(128 + spans.len() * 256);
    // ExportTraceServiceRequest.resource_spans = 1
    message(&mut out, 1, |resource_spans| {
        resource(resource_spans, 1, resource_attributes);
        // ResourceSpans.scope_spans = 2
        message(resource_spans, 2, |scope_spans| {
            scope(scope_spans, 1);
            for span in spans {
                // ScopeSpans.spans = 2
                message(scope_spans, 2, |s| {
                    bytes(s, 1, &span.trace_id.to_be_bytes());
                    bytes(s, 2, &span.span_id.to_be_bytes());
                    if span.parent_span_id != 0 {
                        bytes(s, 4, &span.parent_span_id.to_be_bytes());
                    }
                    bytes(s, 5, span.name.as_bytes());
                    uint(s, 6, SPAN_KIND_CLIENT);
                    fixed64(s, 7, span.start_unix_nanos);
                    fixed64(s, 8, span.end_unix_nanos);
                    for (key, value) in &span.attributes {
                        key_value(s, 9, key, value);
                    }
                    if let Status::Error(text) = &span.status {
                        // Span.status = 15: Status { message = 2; code = 3 }
                        message(s, 15, |status| {
                            bytes(status, 2, text.as_bytes());
                            uint(status, 3, STATUS_ERROR);
                        });
                    }
                });
            }
        });
    });
    out
}

/// An `ExportMetricsServiceRequest` with every reading (sums cumulative since `start`).
pub(super) fn metrics(readings: &[Reading], resource_attributes: &[(&str, String)], start_unix_nanos: u64, now_unix_nanos: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(1024);
    // ExportMetricsServiceRequest.resource_metrics = 1
    message(&mut out, 1, |resource_metrics| {
        resource(resource_metrics, 1, resource_attributes);
        // ResourceMetrics.scope_metrics = 2
        message(resource_metrics, 2, |scope_metrics| {
            scope(scope_metrics, 1);
            for reading in readings {
                // ScopeMetrics.metrics = 2: Metric { name = 1; description = 2; unit = 3; gauge = 5; sum = 7 }
                message(scope_metrics, 2, |m| {
                    bytes(m, 1, reading.name.as_bytes());
                    bytes(m, 2, reading.description.as_bytes());
                    bytes(m, 3, reading.unit.as_bytes());
                    // NumberDataPoint { start_time_unix_nano = 2; time_unix_nano = 3; sfixed64 as_int = 6 }
                    let point = |data: &mut Vec<u8>| {
                        message(data, 1, |p| {
                            fixed64(p, 2, start_unix_nanos);
                            fixed64(p, 3, now_unix_nanos);
                            fixed64(p, 6, reading.value);
                        })
                    };
                    match reading.kind {
                        Kind::Counter => message(m, 7, |sum| {
                            point(sum);
                            uint(sum, 2, CUMULATIVE);
                            uint(sum, 3, 1); // is_monotonic
                        }),
                        Kind::Gauge => message(m, 5, point),
                    }
                });
            }
        });
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn varints_and_tags_follow_the_wire_format() {
        let mut out = Vec::new();
        varint(&mut out, 300);
        assert_eq!(out, [0xac, 0x02]);
        out.clear();
        uint(&mut out, 6, 3);
        assert_eq!(out, [0x30, 3]);
        out.clear();
        fixed64(&mut out, 7, 1);
        assert_eq!(out, [0x39, 1, 0, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn a_span_is_nested_in_its_resource_and_scope() {
        let span = Span {
            name: Cow::Borrowed("Get"),
            trace_id: 1,
            span_id: 2,
            parent_span_id: 0,
            start_unix_nanos: 5,
            end_unix_nanos: 6,
            attributes: vec![],
            status: Status::Unset,
        };
        let body = traces(&[span], &[]);
        // resource_spans (0x0a) > resource (0x0a, empty), scope_spans (0x12) > scope (0x0a) "valkey_glide", spans (0x12).
        assert_eq!(body[0], 0x0a);
        assert_eq!(&body[2..4], &[0x0a, 0x00]);
        assert_eq!(body[4], 0x12);
        assert_eq!(&body[6..10], &[0x0a, 14, 0x0a, 12]);
        assert_eq!(&body[10..22], b"valkey_glide");
        let mut trace_id = vec![0x0a, 16];
        trace_id.extend_from_slice(&1u128.to_be_bytes());
        assert!(body.windows(trace_id.len()).any(|w| w == trace_id.as_slice()));
        assert!(body.windows(5).any(|w| w == [0x2a, 3, b'G', b'e', b't']));
    }
}
