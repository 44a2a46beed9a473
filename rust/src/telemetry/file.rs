//! The `file://` exporter: one JSON object per line, appended, in the shape valkey-glide
//! 2.3.1's file exporters write (its tests, and its users', read these files): keys sorted,
//! times as strings of Unix microseconds, ids in lowercase hex, attribute values as strings.

use std::fmt::Write as _;
use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::Path;

use super::json::{hex128, hex64, key, string};
use super::metrics::{Kind, Reading};
use super::span::{Span, Status, Value};
use super::SCOPE;

/// Appends `lines` (each without its newline) to `path`, creating it if needed.
pub(super) fn append(path: &Path, lines: &[String]) -> Result<(), String> {
    if lines.is_empty() {
        return Ok(());
    }
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    let mut file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("Unable to open exporter file: {} for append: {e}", path.display()))?;
    file.write_all(text.as_bytes()).map_err(|e| format!("File write error. {e}"))
}

fn micros(nanos: u64) -> String {
    (nanos / 1000).to_string()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::Str(s) => s.to_string(),
        Value::Int(i) => i.to_string(),
    }
}

/// One span's line.
pub(super) fn span_line(span: &Span) -> String {
    let mut out = String::with_capacity(512);
    out.push('{');
    key(&mut out, "end_time");
    string(&mut out, &micros(span.end_unix_nanos));
    out.push_str(",\"events\":[],\"kind\":\"Client\",\"links\":[],");
    key(&mut out, "name");
    string(&mut out, &span.name);
    out.push(',');
    key(&mut out, "parent_span_id");
    string(&mut out, &hex64(span.parent_span_id));
    out.push(',');
    key(&mut out, "scope");
    string(&mut out, SCOPE);
    out.push_str(",\"scope_attributes\":[],");
    key(&mut out, "span_attributes");
    out.push('[');
    for (i, (name, value)) in span.attributes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('{');
        string(&mut out, name);
        out.push(':');
        string(&mut out, &value_text(value));
        out.push('}');
    }
    out.push_str("],");
    key(&mut out, "span_id");
    string(&mut out, &hex64(span.span_id));
    out.push(',');
    key(&mut out, "start_time");
    string(&mut out, &micros(span.start_unix_nanos));
    out.push(',');
    key(&mut out, "status");
    // The Rust SDK's `Debug` of a status, which is what valkey-glide writes.
    let status = match &span.status {
        Status::Unset => "Unset".to_string(),
        Status::Error(message) => format!("Error {{ description: {message:?} }}"),
    };
    string(&mut out, &status);
    out.push(',');
    key(&mut out, "trace_id");
    string(&mut out, &hex128(span.trace_id));
    out.push('}');
    out
}

/// One line with every metric's value now.
pub(super) fn metrics_line(readings: &[Reading], resource: &[(&str, String)], start_unix_nanos: u64, now_unix_nanos: u64) -> String {
    let mut out = String::with_capacity(1024);
    out.push_str("{\"resource\":{");
    for (i, (name, value)) in resource.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, name);
        out.push(':');
        string(&mut out, value);
    }
    out.push_str("},\"scope_metrics\":[{\"metrics\":[");
    for (i, reading) in readings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"data_points\":[{\"attributes\":{},");
        if reading.kind == Kind::Counter {
            key(&mut out, "start_time");
            string(&mut out, &micros(start_unix_nanos));
            out.push(',');
        }
        key(&mut out, "time");
        string(&mut out, &micros(now_unix_nanos));
        let _ = write!(out, ",\"value\":{}}}],", reading.value);
        key(&mut out, "description");
        string(&mut out, reading.description);
        out.push(',');
        key(&mut out, "name");
        string(&mut out, reading.name);
        out.push(',');
        key(&mut out, "unit");
        string(&mut out, reading.unit);
        out.push('}');
    }
    out.push_str("],\"scope\":{\"name\":");
    string(&mut out, SCOPE);
    out.push_str("}}]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn a_span_line_has_valkey_glides_fields() {
        let span = Span {
            name: Cow::Borrowed("Get"),
            trace_id: 0x1234,
            span_id: 0xab,
            parent_span_id: 0,
            start_unix_nanos: 1_700_000_000_123_456_789,
            end_unix_nanos: 1_700_000_000_223_456_789,
            attributes: vec![("db.system.name", Value::Str(Cow::Borrowed("redis"))), ("server.port", Value::Int(6379))],
            status: Status::Error("ERR \"x\"".into()),
        };
        assert_eq!(
            span_line(&span),
            concat!(
                r#"{"end_time":"1700000000223456","events":[],"kind":"Client","links":[],"name":"Get","#,
                r#""parent_span_id":"0000000000000000","scope":"valkey_glide","scope_attributes":[],"#,
                r#""span_attributes":[{"db.system.name":"redis"},{"server.port":"6379"}],"span_id":"00000000000000ab","#,
                r#""start_time":"1700000000123456","status":"Error { description: \"ERR \\\"x\\\"\" }","#,
                r#""trace_id":"00000000000000000000000000001234"}"#
            )
        );
    }

    #[test]
    fn a_metrics_line_lists_each_metric_with_its_data_point() {
        let readings = [Reading { name: "glide.timeout_errors", description: "d", unit: "1", kind: Kind::Counter, value: 4 }];
        let line = metrics_line(&readings, &[("service.name", "s".into())], 1_000_000, 3_000_000);
        assert_eq!(
            line,
            concat!(
                r#"{"resource":{"service.name":"s"},"scope_metrics":[{"metrics":[{"data_points":[{"attributes":{},"#,
                r#""start_time":"1000","time":"3000","value":4}],"description":"d","name":"glide.timeout_errors","unit":"1"}],"#,
                r#""scope":{"name":"valkey_glide"}}]}"#
            )
        );
    }
}
