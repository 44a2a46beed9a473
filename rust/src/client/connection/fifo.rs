//! The FIFO of pending requests: its entries (one per reply due, in wire order), each reply
//! matched to its entry and the entry finished through the owner, a transaction's skipped
//! replies kept to explain its `EXECABORT`, and entries never lost when handling fails.

use std::collections::VecDeque;
use std::sync::{Arc, Weak};
use std::time::Duration;

use tokio::time::Instant;

use smallvec::SmallVec;

use super::super::inbound::{Replies, Reply};
use super::{ConnectionOwner, Shared};
use crate::batch::{self, CallResult, Gather};
use crate::completion::{self, Completion};
use crate::contain;
use crate::reply::{BulkAs, Failure, Outcome};
use crate::resp::Value;
use crate::shape::Expect;

/// A request waiting for its reply.
#[derive(Debug)]
pub(crate) struct Entry {
    pub id: i64,
    pub expect: Expect,
    pub bulk_as: BulkAs,
    pub deadline: Option<Instant>,
    /// For the timeout message.
    pub timeout: Option<Duration>,
    /// `SELECT n`: the database to remember when it succeeds.
    pub selects_database: Option<i64>,
    /// Who the reply is for: the owner, or nobody (and why).
    pub reply_for: ReplyFor,
    /// Set for the commands of a batch: where the reply goes instead of Java.
    pub gather: Option<GatherSlot>,
}

/// Who the reply of a FIFO entry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReplyFor {
    /// The request's owner, which finishes the request with it.
    Owner,
    /// Nobody any more: the request timed out and was finished then; the late reply
    /// is dropped when it comes.
    TimedOut,
    /// Nobody: a reply no one asked for (`ASKING`, `MULTI`, a transaction's
    /// `QUEUED`s). An error among them explains the `EXECABORT` that follows.
    Skipped,
    /// A command the server answers only when it refuses it (see
    /// [`Connection::send_pushed_commands`](super::Connection::send_pushed_commands)): an error
    /// reply before the next entry's reply is this one's; any other reply is the next entry's.
    Refusable,
}

/// Command `index` of a batch (0 for a transaction's `EXEC`).
#[derive(Debug, Clone)]
pub(crate) struct GatherSlot {
    pub gather: Arc<Gather>,
    pub index: usize,
}

impl Entry {
    /// A slot for a reply nobody waits for (e.g. that of `ASKING` or `MULTI`).
    pub(super) fn skipped() -> Entry {
        Entry { id: 0, expect: Expect::Natural, bulk_as: BulkAs::Bytes, deadline: None, timeout: None, selects_database: None, reply_for: ReplyFor::Skipped, gather: None }
    }

    /// The slot of a command answered by pushes when accepted and by an error when refused.
    pub(super) fn refusable() -> Entry {
        Entry { reply_for: ReplyFor::Refusable, ..Entry::skipped() }
    }

    /// Whether the owner waits for this entry's reply (it did not time out, and is not a
    /// reply nobody asked for).
    pub(super) fn is_awaited(&self) -> bool {
        self.reply_for == ReplyFor::Owner
    }
}

/// Entries the FIFO keeps room for once empty; a larger one (after a big pipeline) is released.
const PENDING_KEEP: usize = 1024;

/// Completes one request per reply, in FIFO order. Returns whether nothing is
/// pending any more; `Err` when the connection must be dropped.
pub(super) fn complete(shared: &Shared, owner: &Weak<dyn ConnectionOwner>, replies: Replies<'_>) -> Result<bool, String> {
    if replies.is_empty() {
        return Ok(false);
    }
    let (entries, answered, nothing_pending, skipped_error) = {
        let mut state = shared.state.lock();
        // Which entry each reply is for: one each, except that a refusable entry (see
        // `Connection::send_pushed_commands`) takes a reply only if it is an error, and
        // is settled without one when the next entry's reply comes first.
        let mut answered: SmallVec<[bool; 8]> = SmallVec::with_capacity(replies.len());
        let mut next_reply = 0;
        while next_reply < replies.len() {
            let Some(entry) = state.pending.get(answered.len()) else {
                // The stream and the FIFO are out of step: no reply can be trusted to
                // belong to the request it would be given to. Nothing is taken, so the
                // break that follows fails every pending request.
                let extra = replies.len() - next_reply;
                return Err(format!("protocol error: the server sent {extra} more replies than requests were pending"));
            };
            let takes_reply = entry.reply_for != ReplyFor::Refusable || replies[next_reply].is_error();
            answered.push(takes_reply);
            next_reply += usize::from(takes_reply);
        }
        let entries: Entries = state.pending.drain(..answered.len()).collect();
        if state.pending.is_empty() && state.pending.capacity() > PENDING_KEEP {
            // A large pipeline grew the FIFO; an idle connection does not keep that.
            state.pending = VecDeque::new();
        }
        (entries, answered, state.pending.is_empty(), state.skipped_error.take())
    };
    let Some(owner) = owner.upgrade() else { return Ok(nothing_pending) };
    // Whatever happens below, every entry taken is finished when `finishing` drops.
    let mut finishing = Finishing::new(&*owner, entries, String::new());
    let mut skipped_error = skipped_error;
    let converted = contain::run("handling replies", || {
        contain::fault_point(contain::FaultPoint::HandlingReplies);
        let mut replies = replies.into_iter();
        for takes_reply in answered {
            let entry = &finishing.entries[finishing.next];
            finishing.next += 1;
            if !takes_reply {
                continue; // a refusable command that was not refused
            }
            let Some(reply) = replies.next() else { break };
            if entry.reply_for == ReplyFor::Refusable {
                owner.pushed_command_refused(&error_text(&reply).unwrap_or_default());
                continue;
            }
            if entry.reply_for == ReplyFor::Skipped {
                if skipped_error.is_none() {
                    skipped_error = error_text(&reply);
                }
                continue;
            }
            // Only the reply right after the skipped ones (a transaction's EXEC) is explained.
            let cause = skipped_error.take();
            if entry.reply_for == ReplyFor::TimedOut {
                continue; // its future is complete already
            }
            if entry.gather.is_some() && cause.is_none() {
                let gathered = owner.finish_gathered(entry, gathered_value(reply, entry.expect));
                finishing.completions.extend(gathered);
                continue;
            }
            let mut outcome = match reply {
                Reply::Resp(bytes) => Outcome::from_resp(bytes, entry.expect, entry.bulk_as),
                Reply::Bulk(bytes) => Outcome::from_value(Value::BulkString(bytes), entry.expect, entry.bulk_as),
            };
            if let Some(cause) = cause {
                if let Outcome::Failed(failure, message) = outcome {
                    outcome = Outcome::Failed(failure, batch::explain_abort(message, Some(cause)));
                }
            }
            let finished = owner.finish(entry, outcome);
            finishing.completions.extend(finished);
        }
    });
    if let Err(reason) = converted {
        // The entry being converted and those after it fail with this; the
        // caller drops the connection, which fails the rest.
        finishing.next = finishing.next.saturating_sub(1);
        finishing.reason = reason.clone();
        return Err(reason);
    }
    if skipped_error.is_some() {
        shared.state.lock().skipped_error = skipped_error;
    }
    // One lock and (at most) one wake-up of the Java completer for the whole batch.
    drop(finishing);
    Ok(nothing_pending)
}

/// Entries taken from the FIFO at once: usually a few, held inline.
pub(super) type Entries = SmallVec<[Entry; 4]>;

/// Entries taken from the FIFO and their completions. When it drops, normally
/// or while a panic unwinds, the completions are delivered and every entry
/// from `next` on that is still waiting fails with a connection error: taken
/// entries are never lost.
pub(super) struct Finishing<'a> {
    owner: &'a dyn ConnectionOwner,
    entries: Entries,
    /// The first entry not yet finished.
    next: usize,
    completions: SmallVec<[Completion; 4]>,
    /// Why the unfinished entries fail.
    reason: String,
}

impl<'a> Finishing<'a> {
    pub(super) fn new(owner: &'a dyn ConnectionOwner, entries: Entries, reason: String) -> Finishing<'a> {
        let completions = SmallVec::with_capacity(entries.len());
        Finishing { owner, entries, next: 0, completions, reason }
    }
}

impl Drop for Finishing<'_> {
    fn drop(&mut self) {
        if self.next < self.entries.len() && self.reason.is_empty() {
            self.reason = "the connection broke while its replies were handled".into();
        }
        for entry in &self.entries[self.next.min(self.entries.len())..] {
            if !entry.is_awaited() {
                continue;
            }
            let failed = || Outcome::Failed(Failure::Connection, self.reason.clone());
            match contain::run("failing a request", || self.owner.finish(entry, failed())) {
                Ok(completion) => self.completions.extend(completion),
                // The owner's bookkeeping panicked too: the future still completes.
                Err(_) => self.completions.push(failed().into_completion(entry.id)),
            }
        }
        completion::push_all(std::mem::take(&mut self.completions));
    }
}

/// A batch command's reply as a value in its command's shape (a server error
/// is a `Value::ServerError`; a reply that cannot take the shape becomes one).
fn gathered_value(reply: Reply<'_>, expect: Expect) -> CallResult {
    let value = match reply {
        Reply::Resp(bytes) => crate::resp::build_complete(bytes).map_err(|e| (Failure::Request, e.to_string()))?,
        Reply::Bulk(bytes) => Value::BulkString(bytes),
    };
    Ok(crate::shape::convert(value, expect).unwrap_or_else(Value::ServerError))
}

/// The message of a reply that is a server error.
fn error_text(reply: &Reply<'_>) -> Option<String> {
    match reply {
        Reply::Resp(bytes) if bytes.first() == Some(&b'-') || bytes.first() == Some(&b'!') => {
            match crate::resp::build_complete(bytes) {
                Ok(Value::ServerError(message)) => Some(message),
                _ => None,
            }
        }
        _ => None,
    }
}
