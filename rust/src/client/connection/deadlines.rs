//! Timeouts: the FIFO's deadlines, expired by the process-wide [`crate::timer`]. A timed-out
//! entry completes at once and keeps its place in the FIFO until its late reply is dropped.

use tokio::time::Instant;

use super::fifo::{Entry, ReplyFor};
use super::Shared;
use crate::completion;
use crate::contain;
use crate::reply::{BulkAs, Failure, Outcome};
use crate::shape::Expect;
use crate::timer::Deadlines;

impl Deadlines for Shared {
    /// Completes every request whose deadline has passed with a timeout and
    /// returns the next deadline to wake up for.
    fn expire(&self, now: Instant) -> Option<Instant> {
        contain::fault_point(contain::FaultPoint::ExpiringDeadlines);
        let mut expired = Vec::new();
        let next = {
            let mut state = self.state.lock();
            if state.broken.is_some() {
                return None;
            }
            let mut next: Option<Instant> = None;
            for entry in state.pending.iter_mut() {
                if !entry.is_awaited() {
                    continue;
                }
                match entry.deadline {
                    Some(d) if d <= now => {
                        entry.reply_for = ReplyFor::TimedOut;
                        expired.push((entry.id, entry.timeout, entry.gather.clone()));
                    }
                    Some(d) => next = Some(next.map_or(d, |n| n.min(d))),
                    None => {}
                }
            }
            state.scheduled = next;
            next
        };
        if !expired.is_empty() {
            self.helper_wake.wake();
        }
        if let Some(owner) = self.owner.upgrade() {
            if !expired.is_empty() {
                crate::logging::events::timeouts(expired.len(), || owner.address());
            }
            for (id, timeout, gather) in expired {
                let entry = Entry { id, expect: Expect::Natural, bulk_as: BulkAs::Bytes, deadline: None, timeout, selects_database: None, reply_for: ReplyFor::TimedOut, gather };
                let ms = timeout.unwrap_or_default().as_millis();
                let timed_out = || Outcome::Failed(Failure::Timeout, format!("request timed out after {ms} ms"));
                if contain::run("timing out a request", || owner.finished(&entry, timed_out())).is_err() {
                    // The owner's bookkeeping panicked: the future still completes.
                    completion::push(timed_out().into_completion(id));
                }
            }
        }
        next
    }
}
