//! A request's way through the cluster: admitted (inflight limit), planned, sent in parts
//! (one per node or per slot) under ids of their own, and each part's final outcome recorded
//! until the last one completes the request.

use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::sync::oneshot;
use tokio::time::Instant;

use super::batch::BatchRetry;
use super::combine::{combine, shaped, Combine};
use super::plan::Plan;
use super::redirect::ASKING;
use super::slots::Address;
use super::{ClusterClient, ClusterRequest};
use crate::batch::{CallResult, Gather};
use crate::client::{Rejection, RequestHead};
use crate::completion::{self, Completion};
use crate::reply::{BulkAs, Failure, Outcome};
use crate::shape::Expect;

/// Who gets an operation's result.
pub(super) enum Recipient {
    /// Java's request of this id: a completion.
    Java(i64),
    /// A step of the core's own work (see [`scan`](super::scan)): the value, sent once.
    Internal(Mutex<Option<oneshot::Sender<CallResult>>>),
    /// Command `index` of a batch (0: a transaction's `EXEC`).
    Batch { gather: Arc<Gather>, index: usize, retry: BatchRetry },
}

/// One request (Java's or the core's own), possibly split into parts.
pub(super) struct Operation {
    pub(super) recipient: Recipient,
    pub(super) expect: Expect,
    pub(super) bulk_as: BulkAs,
    pub(super) combine: Combine,
    pub(super) results: Mutex<Vec<Option<CallResult>>>,
    pub(super) remaining: AtomicUsize,
    /// A `SELECT`'s database (see [`ClusterRequest::selects_database`]).
    pub(super) selects_database: Option<i64>,
    /// [`Plan::by_slot`].
    pub(super) by_slot: bool,
}

/// One part in flight on one node.
pub(super) struct Part {
    pub(super) operation: Arc<Operation>,
    pub(super) index: usize,
    /// Kept for redirects; shared by the parts that send the same command.
    pub(super) packed: Arc<Vec<u8>>,
    pub(super) deadline: Option<Instant>,
    pub(super) timeout: Option<Duration>,
    pub(super) node: Address,
    pub(super) redirects: u8,
    /// Times the part was sent again after a wait (see [`retry`](super::retry)): `CLUSTERDOWN` and the like,
    /// or a pipeline command's lost connection.
    pub(super) retries: u8,
    /// Leading commands in `packed` whose replies are dropped (`MULTI`, `QUEUED`...).
    pub(super) skipped: usize,
}

/// Ids of parts and of the core's own calls are negative, so they never collide
/// with Java's request ids (which a request sent whole keeps).
pub(super) static NEXT_PART_ID: AtomicI64 = AtomicI64::new(-1);

impl ClusterClient {
    /// Counts a new request in flight, or refuses it (closed, or at the limit).
    pub(super) fn admit(&self) -> Result<(), Rejection> {
        if self.is_closed() {
            return Err(Rejection::Closed);
        }
        let limit = self.config.base.inflight_limit;
        if self.inflight.fetch_add(1, Ordering::AcqRel) >= limit {
            self.inflight.fetch_sub(1, Ordering::AcqRel);
            return Err(Rejection::InflightLimit(limit));
        }
        Ok(())
    }

    /// Starts `request`, or refuses it at once.
    pub fn submit(self: &Arc<Self>, request: ClusterRequest) -> Result<(), Rejection> {
        let Some(request) = self.once_slot_map_read(request.id, request, ClusterClient::submit) else { return Ok(()) };
        self.admit()?;
        let deadline = request.timeout.map(|t| Instant::now() + t);
        let plan = self.plan(&request.packed, &request.route);
        let Plan { combine, parts, by_slot } = match plan {
            Ok(plan) => plan,
            Err(message) => {
                self.inflight.fetch_sub(1, Ordering::AcqRel);
                completion::push(Outcome::Failed(Failure::Request, message).into_completion(request.id));
                return Ok(());
            }
        };
        let operation = Arc::new(Operation {
            recipient: Recipient::Java(request.id),
            expect: request.expect,
            bulk_as: request.bulk_as,
            // A single part's outcome completes the request as it is (see `part_done`).
            results: Mutex::new(if matches!(combine, Combine::Single) { Vec::new() } else { (0..parts.len()).map(|_| None).collect() }),
            remaining: AtomicUsize::new(parts.len()),
            combine,
            selects_database: request.selects_database,
            by_slot,
        });
        let whole = Arc::new(request.packed);
        // Parts for the same node leave in one write (an MGET over 100 slots is 100 parts).
        let mut holds = Vec::new();
        if parts.len() > 1 {
            let mut nodes: Vec<&Address> = parts.iter().map(|(node, _)| node).collect();
            nodes.sort();
            nodes.dedup();
            holds.extend(nodes.into_iter().filter_map(|node| self.node(node).hold_writes()));
        }
        for (index, (node, packed)) in parts.into_iter().enumerate() {
            // A part without a command of its own shares the whole command.
            let packed = match packed {
                Some(own) => Arc::new(own),
                None => Arc::clone(&whole),
            };
            let part = Part {
                operation: Arc::clone(&operation),
                index,
                packed,
                deadline,
                timeout: request.timeout,
                node,
                redirects: 0,
                retries: 0,
                skipped: 0,
            };
            self.send(part, false);
        }
        drop(holds);
        Ok(())
    }

    /// Sends `part` to its node (after `ASKING` when `asking`).
    pub(super) fn send(&self, part: Part, asking: bool) {
        let remaining = match part.deadline {
            Some(deadline) => match deadline.checked_duration_since(Instant::now()) {
                Some(left) if !left.is_zero() => Some(left),
                _ => {
                    let ms = part.timeout.unwrap_or_default().as_millis();
                    let outcome = Outcome::Failed(Failure::Timeout, format!("request timed out after {ms} ms"));
                    if let Some(completion) = self.part_done(part, outcome) {
                        completion::push(completion);
                    }
                    return;
                }
            },
            None => None,
        };
        // A request sent whole keeps Java's id on its node, so a Java thread waiting for it can
        // read its node's socket itself (help_read); parts get ids of their own.
        let id = match (&part.operation.recipient, &part.operation.combine) {
            (Recipient::Java(java_id), Combine::Single) => *java_id,
            _ => NEXT_PART_ID.fetch_sub(1, Ordering::Relaxed),
        };
        let node = self.node(&part.node);
        // Parts of a combined reply come back as sent; the shape applies to the whole.
        let expect = if matches!(part.operation.combine, Combine::Single) { part.operation.expect } else { Expect::Natural };
        let head = RequestHead { id, timeout: remaining, expect, bulk_as: part.operation.bulk_as, selects_database: part.operation.selects_database };
        // Registered before sending: the reply may come back before `submit_part` returns.
        let packed = Arc::clone(&part.packed);
        let skipped = part.skipped;
        self.parts.lock().insert(id, part);
        let result = if asking {
            node.submit_part(head, &[ASKING, &packed[..]].concat(), skipped + 1)
        } else {
            node.submit_part(head, &packed, skipped)
        };
        if result.is_err() {
            if let Some(part) = self.parts.lock().remove(&id) {
                let message = format!("the connection to {} is closed", part.node);
                if let Some(completion) = self.part_done(part, Outcome::Failed(Failure::Connection, message)) {
                    completion::push(completion);
                }
            }
        }
    }

    /// A part's final outcome: record it; the last part completes the request.
    pub(super) fn part_done(&self, part: Part, outcome: Outcome) -> Option<Completion> {
        let operation = part.operation;
        let outcome = if matches!(operation.combine, Combine::Single) {
            outcome
        } else {
            operation.results.lock()[part.index] = Some(outcome.into_value());
            if operation.remaining.fetch_sub(1, Ordering::AcqRel) != 1 {
                return None;
            }
            // Invariant: `remaining` started at the number of parts, one `Part` value per index,
            // and a `Part` (not `Clone`) is moved into `part_done` once, where it stores its result
            // before counting down: at zero every slot is filled.
            let results: Vec<_> = operation.results.lock().drain(..).map(|r| r.expect("every part reported")).collect();
            match combine(&operation.combine, results).and_then(|v| shaped(v, &operation)) {
                Ok(value) => match operation.combine {
                    Combine::PerNode(_) => Outcome::from_value(value, Expect::Natural, operation.bulk_as).by_node(),
                    _ => Outcome::from_value(value, Expect::Natural, operation.bulk_as),
                },
                Err((failure, message)) => Outcome::Failed(failure, message),
            }
        };
        if let (Some(db), false) = (operation.selects_database, matches!(outcome, Outcome::Failed(..))) {
            self.database_id.store(db, Ordering::Release);
        }
        match &operation.recipient {
            Recipient::Java(id) => {
                self.inflight.fetch_sub(1, Ordering::AcqRel);
                Some(outcome.into_completion(*id))
            }
            Recipient::Internal(reply) => {
                if let Some(reply) = reply.lock().take() {
                    let _ = reply.send(outcome.into_value()); // the step may have timed out and left
                }
                None
            }
            Recipient::Batch { gather, index, .. } => self.batch_step_done(gather, *index, outcome.into_value()),
        }
    }
}
