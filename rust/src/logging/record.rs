//! One log record and its line format.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use tracing::field::{Field, Visit};
use tracing::Event;

use super::Verbosity;
use crate::iam::utc::Utc;

/// What a sink receives: formatted once, whatever the number of sinks.
#[derive(Debug, Clone)]
pub struct Record {
    pub level: Verbosity,
    /// The Java logger name (`glide.connection`, ...).
    pub area: &'static str,
    /// The event's message, then its other fields as `name=value`.
    pub message: String,
    /// When it happened: microseconds since the Unix epoch.
    pub micros: u64,
}

impl Record {
    pub fn now(level: Verbosity, area: &'static str, message: String) -> Record {
        let micros = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_micros() as u64).unwrap_or(0);
        Record { level, area, message, micros }
    }

    pub(super) fn from_event(level: Verbosity, area: &'static str, event: &Event<'_>) -> Record {
        let mut fields = Fields { message: String::new(), rest: String::new() };
        event.record(&mut fields);
        let mut message = fields.message;
        if !fields.rest.is_empty() {
            if !message.is_empty() {
                message.push(' ');
            }
            message.push_str(&fields.rest);
        }
        Record::now(level, area, message)
    }

    /// The level's name as valkey-glide's console and file lines print it.
    pub fn level_name(&self) -> &'static str {
        match self.level {
            super::ERROR => "ERROR",
            super::WARN => "WARN",
            super::INFO => "INFO",
            super::DEBUG => "DEBUG",
            _ => "TRACE",
        }
    }

    /// `2026-12-05T07:53:16.123456Z  WARN glide.connection: message\n`: the
    /// layout of `tracing-subscriber`'s default format, which valkey-glide's
    /// console and file lines use (without its colours).
    pub fn line(&self) -> String {
        let at = Utc::from_unix_seconds((self.micros / 1_000_000) as i64);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z {:>5} {}: {}\n",
            at.year,
            at.month,
            at.day,
            at.hour,
            at.minute,
            at.second,
            self.micros % 1_000_000,
            self.level_name(),
            self.area,
            self.message
        )
    }
}

/// Collects an event's fields: `message` apart, the rest as `name=value`.
struct Fields {
    message: String,
    rest: String,
}

impl Fields {
    fn separator(&mut self) {
        if !self.rest.is_empty() {
            self.rest.push(' ');
        }
    }
}

impl Visit for Fields {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            self.separator();
            let _ = write!(self.rest, "{}={}", field.name(), value);
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            self.separator();
            let _ = write!(self.rest, "{}={:?}", field.name(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_has_time_level_area_and_message() {
        let record = Record { level: super::super::WARN, area: "glide.connection", message: "lost".into(), micros: 1_764_921_196_000_042 };
        assert_eq!(record.line(), "2025-12-05T07:53:16.000042Z  WARN glide.connection: lost\n");
    }
}
