//! OTLP/JSON (the OTLP/HTTP `application/json` encoding, chosen with
//! `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`) of spans and metrics: what collectors (the
//! OpenTelemetry Collector, Jaeger, Tempo...) take on `/v1/traces` and `/v1/metrics`.
//! Hand-written, as the protobuf form is ([`super::protobuf`]): the JSON mapping of the
//! messages is small. In that mapping ids are hex strings and 64-bit integers are decimal
//! strings.

use std::fmt::Write as _;

use super::json::{hex128, hex64, key, string};
use super::metrics::{Kind, Reading};
use super::span::{Span, Status, Value};
use super::SCOPE;

/// `SpanKind` CLIENT.
const SPAN_KIND_CLIENT: u32 = 3;
/// `StatusCode` ERROR.
const STATUS_ERROR: u32 = 2;
/// `AggregationTemporality` CUMULATIVE.
const CUMULATIVE: u32 = 2;

fn resource(out: &mut String, resource: &[(&str, String)]) {
    out.push_str("{\"attributes\":[");
    for (i, (name, value)) in resource.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        attribute(out, name, &Value::Str(value.clone().into()));
    }
    out.push_str("]}");
}

fn attribute(out: &mut String, name: &str, value: &Value) {
    out.push_str("{\"key\":");
    string(out, name);
    out.push_str(",\"value\":{");
    match value {
        Value::Str(s) => {
            key(out, "stringValue");
            string(out, s);
        }
        Value::Int(i) => {
            let _ = write!(out, "\"intValue\":\"{i}\"");
        }
    }
    out.push_str("}}");
}

/// An `ExportTraceServiceRequest` holding `spans`.
pub(super) fn traces(spans: &[Span], resource_attributes: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(256 + spans.len() * 512);
    out.push_str("{\"resourceSpans\":[{\"resource\":");
    resource(&mut out, resource_attributes);
    out.push_str(",\"scopeSpans\":[{\"scope\":{\"name\":");
    string(&mut out, SCOPE);
    out.push_str("},\"spans\":[");
    for (i, span) in spans.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        key(&mut out, "traceId");
        string(&mut out, &hex128(span.trace_id));
        out.push(',');
        key(&mut out, "spanId");
        string(&mut out, &hex64(span.span_id));
        if span.parent_span_id != 0 {
            out.push(',');
            key(&mut out, "parentSpanId");
            string(&mut out, &hex64(span.parent_span_id));
        }
        out.push(',');
        key(&mut out, "name");
        string(&mut out, &span.name);
        let _ = write!(
            out,
            ",\"kind\":{SPAN_KIND_CLIENT},\"startTimeUnixNano\":\"{}\",\"endTimeUnixNano\":\"{}\",\"attributes\":[",
            span.start_unix_nanos, span.end_unix_nanos
        );
        for (j, (name, value)) in span.attributes.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            attribute(&mut out, name, value);
        }
        out.push_str("],\"status\":{");
        if let Status::Error(message) = &span.status {
            let _ = write!(out, "\"code\":{STATUS_ERROR},");
            key(&mut out, "message");
            string(&mut out, message);
        }
        out.push_str("}}");
    }
    out.push_str("]}]}]}");
    out
}

/// An `ExportMetricsServiceRequest` with every reading (sums cumulative since `start`).
pub(super) fn metrics(readings: &[Reading], resource_attributes: &[(&str, String)], start_unix_nanos: u64, now_unix_nanos: u64) -> String {
    let mut out = String::with_capacity(2048);
    out.push_str("{\"resourceMetrics\":[{\"resource\":");
    resource(&mut out, resource_attributes);
    out.push_str(",\"scopeMetrics\":[{\"scope\":{\"name\":");
    string(&mut out, SCOPE);
    out.push_str("},\"metrics\":[");
    for (i, reading) in readings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        key(&mut out, "name");
        string(&mut out, reading.name);
        out.push(',');
        key(&mut out, "description");
        string(&mut out, reading.description);
        out.push(',');
        key(&mut out, "unit");
        string(&mut out, reading.unit);
        let point = format!(
            "{{\"dataPoints\":[{{\"startTimeUnixNano\":\"{start_unix_nanos}\",\"timeUnixNano\":\"{now_unix_nanos}\",\"asInt\":\"{}\"}}]",
            reading.value
        );
        match reading.kind {
            Kind::Counter => {
                let _ = write!(out, ",\"sum\":{point},\"aggregationTemporality\":{CUMULATIVE},\"isMonotonic\":true}}}}");
            }
            Kind::Gauge => {
                let _ = write!(out, ",\"gauge\":{point}}}}}");
            }
        }
    }
    out.push_str("]}]}]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn spans_are_encoded_as_otlp_json() {
        let span = Span {
            name: Cow::Borrowed("Get"),
            trace_id: 0xff,
            span_id: 0x1,
            parent_span_id: 0x2,
            start_unix_nanos: 10,
            end_unix_nanos: 20,
            attributes: vec![("server.port", Value::Int(6379))],
            status: Status::Error("boom".into()),
        };
        let body = traces(&[span], &[("service.name", "svc".into())]);
        assert_eq!(
            body,
            concat!(
                r#"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"svc"}}]},"#,
                r#""scopeSpans":[{"scope":{"name":"valkey_glide"},"spans":[{"traceId":"000000000000000000000000000000ff","#,
                r#""spanId":"0000000000000001","parentSpanId":"0000000000000002","name":"Get","kind":3,"#,
                r#""startTimeUnixNano":"10","endTimeUnixNano":"20","attributes":[{"key":"server.port","value":{"intValue":"6379"}}],"#,
                r#""status":{"code":2,"message":"boom"}}]}]}]}"#
            )
        );
    }

    #[test]
    fn metrics_are_sums_and_a_gauge() {
        let readings = [
            Reading { name: "glide.moved_errors", description: "d", unit: "1", kind: Kind::Counter, value: 3 },
            Reading { name: "glide.subscription_last_sync_timestamp", description: "g", unit: "ms", kind: Kind::Gauge, value: 9 },
        ];
        let body = metrics(&readings, &[], 1, 2);
        assert!(body.contains(r#""sum":{"dataPoints":[{"startTimeUnixNano":"1","timeUnixNano":"2","asInt":"3"}],"aggregationTemporality":2,"isMonotonic":true}}"#), "{body}");
        assert!(body.contains(r#""gauge":{"dataPoints":[{"startTimeUnixNano":"1","timeUnixNano":"2","asInt":"9"}]}}"#), "{body}");
        assert!(body.ends_with("]}]}]}"));
    }
}
