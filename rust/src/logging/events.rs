//! Events that can repeat fast, each behind its own [`RateLimit`]: one line
//! per interval, counting what it left out. Each takes what the line names
//! lazily, so a left-out occurrence formats nothing.

use std::fmt::Display;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::RateLimit;

/// How often a repeating event may write a line.
const EVERY: Duration = Duration::from_secs(10);

/// What a line adds about the occurrences its limiter left out: nothing when none.
struct LeftOut(u64, &'static str);

impl Display for LeftOut {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            0 => Ok(()),
            n => write!(f, " ({n} more {} since the previous such line)", self.1),
        }
    }
}

/// `count` requests on `address` timed out: a summary line at most every 10 s
/// (the count since the previous line), never one line per timeout.
pub(crate) fn timeouts(count: usize, address: impl FnOnce() -> String) {
    static PENDING: AtomicU64 = AtomicU64::new(0);
    static LIMIT: RateLimit = RateLimit::new();
    crate::telemetry::metrics::timeouts(count);
    PENDING.fetch_add(count as u64, Ordering::Relaxed);
    if tracing::enabled!(target: "glide.connection", tracing::Level::WARN) && LIMIT.allow(EVERY).is_some() {
        let n = PENDING.swap(0, Ordering::Relaxed);
        tracing::warn!(target: "glide.connection", "{n} requests timed out since the previous such line; the latest on {}", address());
    }
}

/// A request was refused because `limit` requests were in flight on a client.
pub(crate) fn inflight_limit(limit: usize, address: impl FnOnce() -> String) {
    static LIMIT: RateLimit = RateLimit::new();
    if tracing::enabled!(target: "glide.connection", tracing::Level::WARN) {
        if let Some(left_out) = LIMIT.allow(EVERY) {
            tracing::warn!(target: "glide.connection", "inflight limit ({limit}) reached on the client of {}: requests are refused until replies come{}", address(), LeftOut(left_out, "refusals"));
        }
    }
}

/// A subscriber's backlog dropped `dropped` messages (its bound in bytes is `limit`).
/// The backlog is the client's, fed by every node it subscribes on: no one address.
pub(crate) fn pubsub_dropped(dropped: u64, limit: usize, oldest: bool) {
    static PENDING: AtomicU64 = AtomicU64::new(0);
    static LIMIT: RateLimit = RateLimit::new();
    PENDING.fetch_add(dropped, Ordering::Relaxed);
    if tracing::enabled!(target: "glide.pubsub", tracing::Level::WARN) && LIMIT.allow(EVERY).is_some() {
        let n = PENDING.swap(0, Ordering::Relaxed);
        tracing::warn!(target: "glide.pubsub", "{n} pub/sub messages dropped since the previous such line ({} first): a client's backlog is full ({limit} bytes); the application reads messages more slowly than they come", if oldest { "oldest" } else { "newest" });
    }
}

/// `from` redirected a request: `redirect` is its `MOVED <slot> <node>` or `ASK <slot> <node>`.
/// Each kind has its own limit: a storm of one (a stale slot map: `MOVED`; a slot migrating:
/// `ASK`) does not hide the other.
pub(crate) fn redirected(redirect: &str, from: impl Display) {
    static MOVED_LIMIT: RateLimit = RateLimit::new();
    static ASK_LIMIT: RateLimit = RateLimit::new();
    let moved = redirect.starts_with("MOVED");
    if moved {
        crate::telemetry::metrics::moved();
    }
    if tracing::enabled!(target: "glide.cluster", tracing::Level::INFO) {
        let limit = if moved { &MOVED_LIMIT } else { &ASK_LIMIT };
        if let Some(left_out) = limit.allow(EVERY) {
            let kind = if moved { "MOVED redirects" } else { "ASK redirects" };
            tracing::info!(target: "glide.cluster", "{redirect} (from {from}){}", LeftOut(left_out, kind));
        }
    }
}

/// `from` answered `refusal` (`CLUSTERDOWN`, `TRYAGAIN`, `MASTERDOWN`): the request is sent
/// again after a wait.
pub(crate) fn waiting_to_retry(refusal: &str, from: impl Display) {
    static LIMIT: RateLimit = RateLimit::new();
    crate::telemetry::metrics::retry();
    if tracing::enabled!(target: "glide.cluster", tracing::Level::INFO) {
        if let Some(left_out) = LIMIT.allow(EVERY) {
            tracing::info!(target: "glide.cluster", "{refusal} (from {from}): sent again after a wait{}", LeftOut(left_out, "such waits"));
        }
    }
}

/// `host:port` refused the credentials of a connection's handshake. (Other
/// failures to connect are not logged here: a first connection's reach the
/// caller, and the reconnect loop logs each attempt.)
pub(crate) fn credentials_refused(host: &str, port: u16, error: &str) {
    static LIMIT: RateLimit = RateLimit::new();
    if !tracing::enabled!(target: "glide.auth", tracing::Level::WARN) {
        return;
    }
    if let Some(left_out) = LIMIT.allow(EVERY) {
        tracing::warn!(target: "glide.auth", "authentication refused by {host}:{port}: {error}{}", LeftOut(left_out, "refusals"));
    }
}

/// The TLS handshake with `host:port` failed (or never started: a plaintext port).
pub(crate) fn tls_failed(host: &str, port: u16, error: &str) {
    static LIMIT: RateLimit = RateLimit::new();
    if !tracing::enabled!(target: "glide.tls", tracing::Level::WARN) {
        return;
    }
    if let Some(left_out) = LIMIT.allow(EVERY) {
        tracing::warn!(target: "glide.tls", "no TLS session with {host}:{port}: {error}{}", LeftOut(left_out, "failures"));
    }
}

/// `replica` answered `LOADING` to a read sent there for its slot: the read went to `primary`,
/// and the replica is out of the slot map until the next topology read. Once per occurrence:
/// a replica out of the map gets no more reads to refuse.
pub(crate) fn loading_replica_left(replica: impl Display, primary: impl Display) {
    crate::telemetry::metrics::retry();
    tracing::warn!(target: "glide.cluster", "{replica} (a replica) is loading its data set: its reads go to {primary} and the others of its shard until the next topology read");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_mentions_left_out_occurrences_only_when_there_were_some() {
        assert_eq!(LeftOut(0, "refusals").to_string(), "");
        assert_eq!(LeftOut(3, "refusals").to_string(), " (3 more refusals since the previous such line)");
    }
}
