//! Redirects: what a node's outcome for a part leads to. `MOVED` and `ASK` send the part to
//! the node named (`ASK` preceded by `ASKING`, `MOVED` with a slot-map refresh), up to
//! [`MAX_REDIRECTS`]; retries go to [`retry`](super::retry); any other outcome ends the part,
//! its error put in the cluster's words. Also the [`NodeOwner`] hooks' wiring.

use super::slots::Address;
use super::ClusterClient;
use crate::client::NodeOwner;
use crate::completion::Completion;
use crate::reply::{Failure, Outcome};

/// `ASKING`, packed: sent just before a command redirected by `ASK`.
pub(super) const ASKING: &[u8] = b"*1\r\n$6\r\nASKING\r\n";

/// Redirects one request may follow before it fails.
pub const MAX_REDIRECTS: u8 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Redirect {
    Moved,
    Ask,
}

/// `MOVED 3999 127.0.0.1:6381` / `ASK 3999 127.0.0.1:6381`.
fn redirect(message: &str) -> Option<(Redirect, Address)> {
    redirect_with_slot(message).map(|(kind, _, address)| (kind, address))
}

/// [`redirect`] with the slot.
pub(super) fn redirect_with_slot(message: &str) -> Option<(Redirect, u16, Address)> {
    let mut words = message.split_ascii_whitespace();
    let kind = match words.next()? {
        "MOVED" => Redirect::Moved,
        "ASK" => Redirect::Ask,
        _ => return None,
    };
    let slot: u16 = words.next()?.parse().ok()?;
    Some((kind, slot, Address::parse(words.next()?)?))
}

impl NodeOwner for ClusterClient {
    /// See `pubsub.rs`.
    fn pushed(&self, node: &(String, u16), frame: &[u8]) {
        self.subscription_pushed(node, frame);
    }

    /// See `pubsub.rs`.
    fn node_link_changed(&self, node: &(String, u16), connected: bool) {
        self.subscriptions_link_changed(node, connected);
    }

    /// A part's outcome from its node: the part is sent again (a retry, see [`retry`](super::retry);
    /// a redirect), or its outcome, in the cluster's words, is recorded (see `part_done`).
    fn finish(&self, id: i64, outcome: Outcome) -> Option<Completion> {
        let mut part = self.parts.lock().remove(&id)?;
        let outcome = match self.retry_batch_part(part, outcome) {
            None => return None, // sent again
            Some((back, outcome)) => {
                part = back;
                outcome
            }
        };
        let outcome = match self.retry_when_ready(part, outcome) {
            None => return None, // sent again after a wait
            Some((back, outcome)) => {
                part = back;
                outcome
            }
        };
        if let Outcome::Failed(Failure::Request, message) = &outcome {
            if let Some((kind, target)) = redirect(message) {
                if part.redirects >= MAX_REDIRECTS {
                    let message = format!("too many redirects ({MAX_REDIRECTS}), last: {message}");
                    return self.part_done(part, Outcome::Failed(Failure::Request, message));
                }
                part.redirects += 1;
                crate::logging::events::redirected(message, &part.node);
                part.node = target;
                if kind == Redirect::Moved {
                    self.schedule_refresh();
                }
                self.send(part, kind == Redirect::Ask);
                return None;
            }
        }
        let outcome = match outcome {
            // The node counted from when the part was sent (after a redirect: the time left).
            Outcome::Failed(Failure::Timeout, _) => {
                let ms = part.timeout.unwrap_or_default().as_millis();
                Outcome::Failed(Failure::Timeout, format!("request timed out after {ms} ms"))
            }
            // Lost while this client was closing: the close is the cause.
            Outcome::Failed(Failure::Connection | Failure::Closing, _) if self.is_closed() => {
                Outcome::Failed(Failure::Closing, "the client is closed".into())
            }
            Outcome::Failed(Failure::Connection, message) => {
                self.schedule_refresh();
                Outcome::Failed(Failure::Connection, message)
            }
            // A node closed because it left the topology, while this client lives on.
            Outcome::Failed(Failure::Closing, _) if !self.is_closed() => {
                let message = format!("the connection to {} closed: the node left the cluster", part.node);
                Outcome::Failed(Failure::Connection, message)
            }
            other => other,
        };
        self.part_done(part, outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_are_recognised() {
        assert_eq!(redirect("MOVED 3999 127.0.0.1:6381"), Some((Redirect::Moved, Address::new("127.0.0.1", 6381))));
        assert_eq!(redirect("ASK 1 h:2"), Some((Redirect::Ask, Address::new("h", 2))));
        assert_eq!(redirect("ERR MOVED"), None);
        assert_eq!(redirect("MOVED x h:1"), None);
    }
}
