//! Sending a part again: after a wait when a node says the cluster is not ready, and a
//! batch's part after a lost connection or a redirected transaction.
//!
//! # What valkey-glide 2.3.1 does (read in its fork of redis-rs)
//! `redis/src/types.rs` (`retry_method`) and `redis/src/parser.rs` classify server errors;
//! `redis/src/cluster_async/mod.rs` (`Request::poll`, `handle_loading_error`),
//! `redis/src/cluster_async/pipeline_routing.rs` and `redis/src/cluster_client.rs`
//! (`RetryParams`) act on them. glide-core never changes the defaults.
//! - `CLUSTERDOWN`, `TRYAGAIN` and `MASTERDOWN` mean "wait, then send the same request again",
//!   to the node its route names then (no slot-map refresh is asked for). `LOADING` waits the
//!   same way on a primary, and on a replica drops that connection and retries at once.
//!   `READONLY` refreshes the slot map first; everything else (`BUSY`, `ERR`...) is final.
//! - Up to 16 retries (17 attempts). The wait before retry `n` (1-based) is a uniform draw in
//!   [1280 ms, max(1281, min(10 ms * 2^n, 655 360 ms))): exactly 1280 ms for the first seven,
//!   then up to 2.56 s, 5.12 s... 655 s. 16 retries wait 20.5 s at the least, so in practice
//!   the request's timeout, which bounds the whole request with its retries, ends them first.
//! - It applies to single commands, to each node's part of a multi-node or multi-slot command,
//!   and to transactions: an error queued between `MULTI` and `EXEC` is the transaction's
//!   error, and the whole transaction is sent again. A pipeline (non-atomic batch) retries
//!   its failed commands only when its retry strategy says `retryServerError` (default no),
//!   counting retries for the pipeline as a whole. The cluster scan's steps are not retried.
//! - When retries run out the caller gets the last server error (a `RequestException`).
//!
//! # What this client does
//! The same classification, counts and waits for `CLUSTERDOWN`, `TRYAGAIN`, `MASTERDOWN` and
//! `LOADING`, counted per part (a pipeline's command, a node's share of a fan-out). A part that a
//! loading replica refused, sent there for its slot (a read with `readFrom` other than
//! `PRIMARY`), goes to the slot's primary at once, and the replica leaves the slot map until
//! the next topology read, which names it again (valkey-glide drops its connection until
//! then); its connection stays open, ready for then. A part sent to the replica for itself (a
//! fan-out, a route naming it) waits there as on a primary. A waiting part sits in
//! one sleeping task, as every resend here does; it wakes at its deadline if that comes first
//! (and then fails with the timeout error, in [`ClusterClient::send`]) or when the client
//! closes (and fails as closed), so no wait outlives its request. Like valkey-glide, no
//! slot-map refresh is asked for (this client used to ask for one after `CLUSTERDOWN`).
//! Difference: a transaction whose retries ran out fails with the `ExecAbortException` that
//! names the error, where valkey-glide gives that error itself.

use std::time::Duration;

use tokio::time::Instant;

use super::combine::Combine;
use super::plan::Plan;
use super::redirect::{redirect_with_slot, Redirect, MAX_REDIRECTS};
use super::request::{Part, Recipient};
use super::slots::Address;
use super::{ClusterClient, Route};
use crate::client::backoff::jitter_random;
use crate::completion;
use crate::reply::{Failure, Outcome};
use crate::runtime;

/// Retries of one part after a "not ready" error, as valkey-glide's default.
pub const MAX_WAIT_RETRIES: u8 = 16;
/// valkey-glide's wait formula (`RetryParams` defaults), in milliseconds.
const MIN_WAIT_MS: u64 = 1280;
const MAX_WAIT_MS: u64 = 655_360;
const WAIT_FACTOR_MS: u64 = 10;
const WAIT_BASE: u64 = 2;

/// Pause before a pipeline command is sent again after a lost connection.
const RECONNECT_RETRY_DELAY: Duration = Duration::from_millis(50);
/// Resends of one pipeline command after lost connections (with the pause: 10 s), even
/// without a timeout.
const MAX_RECONNECT_RETRIES: u8 = 200;

/// A server error that says the node cannot serve the request yet, so that it is worth
/// sending again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    /// `CLUSTERDOWN`, `TRYAGAIN`, `MASTERDOWN`: the cluster is changing.
    Cluster,
    /// `LOADING`: the node is loading its data set (after a restart, a full resync).
    Loading,
}

/// Which not-ready error `message` is, if it is one.
pub fn not_ready(message: &str) -> Option<NotReady> {
    match message.split_ascii_whitespace().next()? {
        "CLUSTERDOWN" | "TRYAGAIN" | "MASTERDOWN" => Some(NotReady::Cluster),
        "LOADING" => Some(NotReady::Loading),
        _ => None,
    }
}

/// The wait before retry `retry` (1-based); `random` in [0, 1) draws it.
pub fn wait_before(retry: u8, random: f64) -> Duration {
    let grown = WAIT_BASE.saturating_pow(u32::from(retry)).saturating_mul(WAIT_FACTOR_MS);
    let ceiling = grown.clamp(MIN_WAIT_MS + 1, MAX_WAIT_MS);
    let span = (ceiling - MIN_WAIT_MS) as f64;
    let drawn = MIN_WAIT_MS + (span * random.clamp(0.0, 1.0)) as u64;
    Duration::from_millis(drawn.min(ceiling - 1))
}

/// The "not ready" error of a failed outcome, if it has one. A transaction's is the refusal
/// of one of its commands, which the `EXECABORT` names (see `batch::explain_abort`), or the
/// `EXEC`'s own.
fn not_ready_cause(outcome: &Outcome, atomic: bool) -> Option<(&str, NotReady)> {
    let message = match outcome {
        Outcome::Failed(Failure::Request, message) => message.as_str(),
        Outcome::Failed(Failure::ExecAbort, message) if atomic => message.split_once("First error: ")?.1,
        _ => return None,
    };
    Some((message, not_ready(message)?))
}

impl ClusterClient {
    /// Sends `part` again after a wait when its node said it is not ready (see the module's
    /// docs for which parts; a loading replica's part goes to its primary at once); gives the
    /// part and its outcome back otherwise.
    pub(super) fn retry_when_ready(&self, mut part: Part, outcome: Outcome) -> Option<(Part, Outcome)> {
        let eligible = match &part.operation.recipient {
            Recipient::Java(_) => true,
            Recipient::Batch { gather, retry, .. } => gather.is_atomic() || retry.server_error,
            // The core's own steps (scan) decide for themselves, as valkey-glide's do.
            Recipient::Internal(_) => false,
        };
        let atomic = matches!(&part.operation.recipient, Recipient::Batch { gather, .. } if gather.is_atomic());
        // No slot-map refresh, as in valkey-glide: the node that refuses may be the only one
        // that no longer lists the slot, and a map read from it would fail the slot's next
        // requests at once ("no node serves that slot").
        let Some((cause, why)) = not_ready_cause(&outcome, atomic) else { return Some((part, outcome)) };
        if !eligible || part.retries >= MAX_WAIT_RETRIES || self.is_closed() {
            return Some((part, outcome));
        }
        part.retries += 1;
        part.redirects = 0; // a retry starts its redirects afresh
        if why == NotReady::Loading && part.operation.by_slot {
            if let Some(primary) = self.leave_loading_replica(&part.node) {
                crate::logging::events::loading_replica_left(&part.node, &primary);
                part.node = primary;
                self.send(part, false);
                return None;
            }
        }
        crate::logging::events::waiting_to_retry(cause, &part.node);
        let wake = Instant::now() + wait_before(part.retries, jitter_random());
        let wake = part.deadline.map_or(wake, |deadline| deadline.min(wake));
        self.send_at(part, wake, false, outcome)
    }

    /// Sends a batch's part again when its outcome calls for it: a transaction whose commands
    /// were refused with `MOVED` goes whole to the new owner; a pipeline command is sent again
    /// after a lost connection when its batch's `BatchRetry` says so. Gives the part (and the
    /// outcome to deliver) back otherwise.
    pub(super) fn retry_batch_part(&self, mut part: Part, outcome: Outcome) -> Option<(Part, Outcome)> {
        let Recipient::Batch { gather, retry, .. } = &part.operation.recipient else { return Some((part, outcome)) };
        let (atomic, retry) = (gather.is_atomic(), *retry);
        let message = match &outcome {
            Outcome::Failed(_, message) => message.as_str(),
            _ => return Some((part, outcome)),
        };
        if atomic {
            // "EXECABORT ... First error: MOVED 3999 host:port" (see batch::explain_abort).
            let moved = message.split_once("First error: ").and_then(|(_, cause)| redirect_with_slot(cause));
            // One slot (checked before sending): the map was stale, or a route named another node.
            let Some((Redirect::Moved, _slot, target)) = moved else { return Some((part, outcome)) };
            if part.redirects >= MAX_REDIRECTS {
                return Some((part, outcome));
            }
            part.redirects += 1;
            part.node = target;
            self.schedule_refresh();
            self.send(part, false);
            return None;
        }
        let lost = matches!(outcome, Outcome::Failed(Failure::Connection, _));
        // Until the batch's deadline (checked when the part is sent), within a fixed budget.
        if !(lost && retry.connection_error && part.retries < MAX_RECONNECT_RETRIES) || self.is_closed() {
            return Some((part, outcome));
        }
        part.retries += 1;
        part.redirects = 0;
        self.schedule_refresh();
        let wake = Instant::now() + RECONNECT_RETRY_DELAY;
        let wake = part.deadline.map_or(wake, |deadline| deadline.min(wake));
        // The slot may have a new owner by now (a failover): planned again when sent.
        self.send_at(part, wake, true, outcome)
    }

    /// Sends `part` at `wake` (its deadline at the latest: then it fails with the timeout
    /// error), from a task that also wakes when the client closes; `replan`: to where its
    /// command is planned then. Without a runtime, gives the part and `outcome` back to be
    /// delivered now.
    fn send_at(&self, part: Part, wake: Instant, replan: bool, outcome: Outcome) -> Option<(Part, Outcome)> {
        let (Some(me), Ok(rt)) = (self.me.upgrade(), runtime::get()) else { return Some((part, outcome)) };
        rt.spawn(async move {
            let closing = me.closing.notified();
            tokio::pin!(closing);
            // Registered before the check: a close after it wakes this task.
            closing.as_mut().enable();
            if !me.is_closed() {
                tokio::select! {
                    _ = tokio::time::sleep_until(wake) => {}
                    _ = &mut closing => {}
                }
            }
            if me.is_closed() {
                completion::push_all(me.part_done(part, Outcome::Failed(Failure::Closing, "the client is closed".into())));
                return;
            }
            me.send_again(part, replan);
        });
        None
    }

    /// Takes `replica`, which answered `LOADING`, out of the slot map until the next topology
    /// read, so that its shard's reads go to the shard's other nodes; gives its shard's
    /// primary. `None` when the map does not name it as a replica (a primary, or a map read
    /// since).
    fn leave_loading_replica(&self, replica: &Address) -> Option<Address> {
        let mut topology = self.topology.write();
        let primary = topology.primary_of_replica(replica)?.clone();
        *topology = std::sync::Arc::new(topology.without_replica(replica));
        Some(primary)
    }

    /// Sends a part that waited; with `replan`, where its command is planned now.
    fn send_again(&self, mut part: Part, replan: bool) {
        if replan {
            if let Ok(Plan { combine: Combine::Single, parts, .. }) = self.plan(&part.packed, &Route::Default) {
                if let Some((node, None)) = parts.into_iter().next() {
                    part.node = node;
                }
            }
        }
        self.send(part, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_the_errors_worth_waiting_for() {
        let cluster = Some(NotReady::Cluster);
        assert_eq!(not_ready("CLUSTERDOWN Hash slot not served"), cluster);
        assert_eq!(not_ready("CLUSTERDOWN The cluster is down"), cluster);
        assert_eq!(not_ready("TRYAGAIN Multiple keys request during rehashing of slot"), cluster);
        assert_eq!(not_ready("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."), cluster);
        assert_eq!(not_ready("LOADING Redis is loading the dataset in memory"), Some(NotReady::Loading));
        assert_eq!(not_ready("LOADING Valkey is loading the dataset in memory"), Some(NotReady::Loading));
        for final_error in ["BUSY script", "ERR CLUSTERDOWN", "MOVED 1 h:1", "CLUSTERDOWNX", "LOADINGX", ""] {
            assert_eq!(not_ready(final_error), None, "{final_error}");
        }
    }

    #[test]
    fn a_transaction_waits_for_the_refusal_it_names() {
        let abort = |cause: &str| Outcome::Failed(Failure::ExecAbort, format!("EXECABORT Transaction discarded. First error: {cause}"));
        assert!(not_ready_cause(&abort("CLUSTERDOWN Hash slot not served"), true).is_some());
        assert_eq!(not_ready_cause(&abort("LOADING Redis is loading"), true).map(|(_, why)| why), Some(NotReady::Loading));
        assert!(not_ready_cause(&abort("ERR wrong number of arguments"), true).is_none());
        assert!(not_ready_cause(&abort("TRYAGAIN x"), false).is_none());
        let exec_refused = Outcome::Failed(Failure::Request, "CLUSTERDOWN The cluster is down".into());
        assert_eq!(not_ready_cause(&exec_refused, true), Some(("CLUSTERDOWN The cluster is down", NotReady::Cluster)));
        assert!(not_ready_cause(&Outcome::Failed(Failure::Timeout, "TRYAGAIN".into()), false).is_none());
    }

    #[test]
    fn waits_as_valkey_glide_does() {
        // 10 ms * 2^n stays below the 1280 ms floor up to n = 7: the floor exactly.
        for retry in 1..=7 {
            assert_eq!(wait_before(retry, 0.0), Duration::from_millis(1280));
            assert_eq!(wait_before(retry, 0.999_999), Duration::from_millis(1280));
        }
        assert_eq!(wait_before(8, 0.0), Duration::from_millis(1280));
        assert_eq!(wait_before(8, 0.999_999), Duration::from_millis(2559));
        assert_eq!(wait_before(9, 0.5), Duration::from_millis(1280 + (5120 - 1280) / 2));
        // Capped at 655 360 ms (from n = 16 on), never beyond, whatever the exponent.
        assert_eq!(wait_before(16, 0.999_999_999), Duration::from_millis(655_359));
        assert_eq!(wait_before(u8::MAX, 0.999_999_999), Duration::from_millis(655_359));
        let least: Duration = (1..=MAX_WAIT_RETRIES).map(|n| wait_before(n, 0.0)).sum();
        assert_eq!(least, Duration::from_millis(16 * 1280), "16 retries wait 20.48 s at the least");
    }
}
