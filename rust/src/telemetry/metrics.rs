//! The counters valkey-glide exports as OpenTelemetry metrics. They count always (a relaxed
//! add on events that are rare by nature: a timeout, a redirect, a retry) and are read by
//! the export thread when metrics are configured.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static TIMEOUTS: AtomicU64 = AtomicU64::new(0);
static RETRIES: AtomicU64 = AtomicU64::new(0);
static MOVED: AtomicU64 = AtomicU64::new(0);
/// When counting started for the exported sums (OpenTelemetry initialisation), Unix nanoseconds.
static START_UNIX_NANOS: AtomicU64 = AtomicU64::new(0);

/// `n` requests timed out.
pub(crate) fn timeouts(n: usize) {
    TIMEOUTS.fetch_add(n as u64, Ordering::Relaxed);
}

/// A request is sent again after a wait (`TRYAGAIN`, `CLUSTERDOWN`, `MASTERDOWN`).
pub(crate) fn retry() {
    RETRIES.fetch_add(1, Ordering::Relaxed);
}

/// A cluster node answered `MOVED`.
pub(crate) fn moved() {
    MOVED.fetch_add(1, Ordering::Relaxed);
}

pub(super) fn mark_start() {
    START_UNIX_NANOS.store(now_unix_nanos(), Ordering::Relaxed);
}

pub(super) fn now_unix_nanos() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A monotonic cumulative sum.
    Counter,
    Gauge,
}

/// One metric's value at one moment.
#[derive(Debug, Clone)]
pub(super) struct Reading {
    pub name: &'static str,
    pub description: &'static str,
    pub unit: &'static str,
    pub kind: Kind,
    pub value: u64,
}

/// Every metric now, with valkey-glide 2.3.1's names, descriptions and units.
/// (start of the sums, now), in Unix nanoseconds.
pub(super) fn read() -> (Vec<Reading>, u64, u64) {
    let pubsub = crate::pubsub::statistics();
    let counter = |name, description, value| Reading { name, description, unit: "1", kind: Kind::Counter, value };
    let readings = vec![
        counter("glide.timeout_errors", "Number of timeout errors encountered", TIMEOUTS.load(Ordering::Relaxed)),
        counter("glide.retry_attempts", "Number of retry attempts made", RETRIES.load(Ordering::Relaxed)),
        counter("glide.moved_errors", "Number of moved errors encountered", MOVED.load(Ordering::Relaxed)),
        counter(
            "glide.subscription_out_of_sync_count",
            "Number of times subscriptions were detected as out of sync",
            pubsub.refused,
        ),
        Reading {
            name: "glide.subscription_last_sync_timestamp",
            description: "Unix timestamp (in milliseconds) of the last time subscriptions were in sync",
            unit: "ms",
            kind: Kind::Gauge,
            value: pubsub.last_confirmed_ms,
        },
    ];
    (readings, START_UNIX_NANOS.load(Ordering::Relaxed), now_unix_nanos())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_add_up() {
        let value = |name| read().0.into_iter().find(|r| r.name == name).unwrap().value;
        let (t, r, m) = (value("glide.timeout_errors"), value("glide.retry_attempts"), value("glide.moved_errors"));
        timeouts(3);
        retry();
        moved();
        assert!(value("glide.timeout_errors") >= t + 3);
        assert!(value("glide.retry_attempts") > r);
        assert!(value("glide.moved_errors") > m);
    }
}
