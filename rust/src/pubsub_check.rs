//! The periodic subscription check: valkey-glide 2.3.1's pub/sub reconciliation
//! interval (`pubsubReconciliationIntervalMs`, 3 s by default).
//!
//! Every interval, a client that has pub/sub in use (it was given a subscription
//! configuration, even an empty one, or it subscribed since) compares what it
//! wants with what the server confirmed. In step: the statistics' time of the
//! last sync (`subscription_last_sync_timestamp`) becomes now. Out of step (a
//! channel an ACL forbids, a node that has not answered yet): the out-of-sync
//! count grows and the client asks again for what is missing ([`Resync::resync`]),
//! so a refusal that is lifted (the ACL changed) heals without a reconnect, as
//! valkey-glide's reconciliation does.
//!
//! One sleeping task per such client, started once; it ends at the first tick
//! after the client is closed or dropped. Clients that never touch pub/sub have
//! none: nothing wakes for them.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use crate::pubsub::{self, PubSub};
use crate::runtime;

/// valkey-glide 2.3.1's interval when `pubsubReconciliationIntervalMs` is not set.
pub const DEFAULT_INTERVAL: Duration = Duration::from_secs(3);

/// A client whose subscriptions are checked: its pub/sub state, and how to ask
/// the server again for what is wanted and not confirmed.
pub trait Resync: Send + Sync {
    fn pubsub_state(&self) -> Option<&Arc<PubSub>>;
    /// Sends the subscription commands for what is wanted and not confirmed.
    fn resync(&self);
}

/// Starts `client`'s check unless it runs already; a client without pub/sub state has none.
pub(crate) fn start<C: Resync + 'static>(client: &Arc<C>) {
    if let Some(state) = client.pubsub_state() {
        let weak: Weak<dyn Resync> = Arc::downgrade(client) as Weak<dyn Resync>;
        state.check.ensure_started(weak);
    }
}

/// Whether a client's check runs, and how often (kept in its [`PubSub`]).
#[derive(Debug)]
pub struct Schedule {
    every_ms: AtomicU64,
    started: AtomicBool,
}

impl Default for Schedule {
    fn default() -> Schedule {
        Schedule { every_ms: AtomicU64::new(DEFAULT_INTERVAL.as_millis() as u64), started: AtomicBool::new(false) }
    }
}

impl Schedule {
    /// The interval (`pubsubReconciliationIntervalMs`); zero keeps the default. Takes effect
    /// when the check starts.
    pub fn set_interval(&self, every: Duration) {
        if !every.is_zero() {
            self.every_ms.store(every.as_millis().min(u64::MAX as u128) as u64, Ordering::Relaxed);
        }
    }

    /// Starts `client`'s check unless it runs already.
    pub(crate) fn ensure_started(&self, client: Weak<dyn Resync>) {
        if self.started.swap(true, Ordering::AcqRel) {
            return;
        }
        let Ok(rt) = runtime::get() else {
            self.started.store(false, Ordering::Release);
            return;
        };
        let every = Duration::from_millis(self.every_ms.load(Ordering::Relaxed));
        rt.spawn(async move {
            loop {
                tokio::time::sleep(every).await;
                let Some(client) = client.upgrade() else { return };
                let Some(state) = client.pubsub_state() else { return };
                if state.is_closed() {
                    return;
                }
                if state.in_sync() {
                    pubsub::subscriptions_in_sync();
                } else {
                    pubsub::subscriptions_out_of_sync();
                    client.resync();
                }
            }
        });
    }
}
