//! Pub/sub placement: which node holds each subscription (a shard channel on its slot's
//! primary, the others where they are while that node lives), made again as the topology
//! and the nodes' connections change; the confirmations the nodes push.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use super::slots::{self, Address};
use super::ClusterClient;
use crate::pubsub::{subscription_commands, ByMode, Mode, PubSub, Push};
use crate::runtime;

/// Pause before the topology is read again for subscriptions waiting for a node.
const RESYNC_DELAY: Duration = Duration::from_millis(500);

/// What one node was asked to subscribe to, and what it confirmed.
#[derive(Default)]
pub(super) struct NodeSubscriptions {
    sent: ByMode,
    confirmed: ByMode,
}

impl ClusterClient {
    /// The client's pub/sub state (RESP3 clients).
    pub fn pubsub(&self) -> Option<&Arc<PubSub>> {
        self.pubsub.as_ref()
    }

    /// Subscribes to (or unsubscribes from; no names: from all) `names` in `mode`, on the
    /// nodes that serve them. Confirmations arrive later, as pushes.
    pub fn change_subscriptions(self: &Arc<Self>, mode: Mode, names: &[Vec<u8>], subscribe: bool) -> Result<(), String> {
        let Some(pubsub) = &self.pubsub else {
            return Err("subscribing needs protocol RESP3: messages arrive on the client's own connections".into());
        };
        if self.is_closed() {
            return Err("the client is closed".into());
        }
        pubsub.change(mode, names, subscribe); // (the nodes are told below)
        self.sync_subscriptions();
        self.start_subscription_check();
        Ok(())
    }

    /// Starts the periodic subscription check ([`crate::pubsub_check`]) of a client with pub/sub
    /// in use: made with a subscription configuration, or subscribing now.
    pub fn start_subscription_check(self: &Arc<Self>) {
        crate::pubsub_check::start(self);
    }

    /// Makes each node's subscriptions what is wanted of it: a new name on the primary of its
    /// slot (an exact or pattern one then stays where it is while that node lives). Sends the SUBSCRIBEs missing and the UNSUBSCRIBEs for what moved or is no
    /// longer wanted; a node without a connection now is done when it connects.
    pub(super) fn sync_subscriptions(&self) {
        let Some(pubsub) = &self.pubsub else { return };
        let (wanted, _) = pubsub.subscriptions();
        let map = self.slot_map();
        let nodes = self.nodes.lock().clone();
        let mut by_node = self.node_subscriptions.lock();
        let mut assignment: HashMap<Address, ByMode> = HashMap::new();
        for mode in Mode::ALL {
            let m = mode as usize;
            for name in &wanted[m] {
                // An exact or pattern subscription gets every message on any node: it stays on
                // the node that has it while that node is part of the cluster (moving it would
                // deliver twice what is published during the move). A shard channel must be on
                // its slot's primary.
                let kept = (mode != Mode::Sharded)
                    .then(|| by_node.iter().find(|(node, state)| state.sent[m].contains(name) && nodes.contains_key(*node)))
                    .flatten()
                    .map(|(node, _)| node.clone());
                let node = kept.or_else(|| map.shard_of(slots::slot_of(name)).map(|shard| shard.primary.clone()));
                if let Some(node) = node {
                    assignment.entry(node).or_default()[m].insert(name.clone());
                }
            }
        }
        if assignment.is_empty() && by_node.values().all(|n| n.sent.iter().all(BTreeSet::is_empty)) {
            return;
        }
        for (node, state) in by_node.iter_mut() {
            let keep = assignment.get(node);
            for mode in Mode::ALL {
                let m = mode as usize;
                let gone: Vec<Vec<u8>> =
                    state.sent[m].iter().filter(|n| !keep.is_some_and(|k| k[m].contains(*n))).cloned().collect();
                if gone.is_empty() {
                    continue;
                }
                if let Some(client) = nodes.get(node) {
                    client.send_pushed_commands(&subscription_commands(mode, &gone, false));
                }
                for name in &gone {
                    state.sent[m].remove(name);
                    state.confirmed[m].remove(name);
                }
            }
        }
        let mut unsent = false;
        for (node, want) in assignment {
            let Some(client) = nodes.get(&node) else {
                unsent = true;
                continue;
            };
            let state = by_node.entry(node).or_default();
            for mode in Mode::ALL {
                let m = mode as usize;
                let missing: Vec<Vec<u8>> = want[m].difference(&state.sent[m]).cloned().collect();
                if missing.is_empty() {
                    continue;
                }
                if client.send_pushed_commands(&subscription_commands(mode, &missing, true)) {
                    state.sent[m].extend(missing);
                } else {
                    unsent = true;
                }
            }
        }
        by_node.retain(|node, state| nodes.contains_key(node) && state.sent.iter().any(|s| !s.is_empty()));
        pubsub.set_confirmed(union_of_confirmed(&by_node));
        drop(by_node);
        if unsent {
            self.resync_later();
        }
    }

    /// Some subscriptions wait for a node that has no connection (it may be down, its slots
    /// about to fail over): read the topology again soon, and sync again, until all are made.
    /// A client with subscriptions and no traffic would otherwise learn of a failover only
    /// from the periodic refresh.
    fn resync_later(&self) {
        if self.resync_scheduled.swap(true, Ordering::AcqRel) {
            return;
        }
        let (Some(me), Ok(rt)) = (self.me.upgrade(), runtime::get()) else {
            self.resync_scheduled.store(false, Ordering::Release);
            return;
        };
        rt.spawn(async move {
            tokio::time::sleep(RESYNC_DELAY).await;
            me.resync_scheduled.store(false, Ordering::Release);
            if !me.is_closed() {
                me.schedule_refresh(); // its install syncs the subscriptions
            }
        });
    }

    /// A push from `node` (`NodeOwner::pushed`): a message goes to the backlog; a confirmation
    /// (or a loss) of a subscription updates what the node holds.
    pub(super) fn subscription_pushed(&self, node: &(String, u16), frame: &[u8]) {
        let Some(pubsub) = &self.pubsub else { return };
        let Some(push) = pubsub.deliver(frame) else { return };
        let address = Address::new(node.0.clone(), node.1);
        let mut by_node = self.node_subscriptions.lock();
        let state = by_node.entry(address).or_default();
        match push {
            Push::Subscribed(mode, name) => {
                state.confirmed[mode as usize].insert(name);
            }
            Push::Unsubscribed(mode, name) => {
                state.confirmed[mode as usize].remove(&name);
                if state.sent[mode as usize].remove(&name) && pubsub.subscriptions().0[mode as usize].contains(&name) {
                    // Not asked for: a shard channel's slot moved away. Find its new owner.
                    self.schedule_refresh();
                }
            }
            Push::Message(_) | Push::Other => {}
        }
        pubsub.set_confirmed(union_of_confirmed(&by_node));
    }

    /// `node` has a new connection, or lost its own (`NodeOwner::node_link_changed`): what it
    /// held is gone; a new connection gets its share again.
    pub(super) fn subscriptions_link_changed(&self, node: &(String, u16), connected: bool) {
        if self.pubsub.is_none() {
            return;
        }
        let address = Address::new(node.0.clone(), node.1);
        // A connection, new or lost, holds no subscription: what was sent to the node is void.
        let forgot = self.node_subscriptions.lock().remove(&address).is_some();
        if connected {
            // (Called outside the node's locks: the SUBSCRIBEs may go to it now.)
            self.sync_subscriptions();
        } else if forgot {
            if let Some(pubsub) = &self.pubsub {
                pubsub.set_confirmed(union_of_confirmed(&self.node_subscriptions.lock()));
            }
            // Its primaries may have changed (a failover): read the topology again.
            self.schedule_refresh();
        }
    }
}

/// What every node confirmed, together.
fn union_of_confirmed(by_node: &HashMap<Address, NodeSubscriptions>) -> ByMode {
    let mut all = ByMode::default();
    for state in by_node.values() {
        for (m, names) in state.confirmed.iter().enumerate() {
            all[m].extend(names.iter().cloned());
        }
    }
    all
}

impl crate::pubsub_check::Resync for ClusterClient {
    fn pubsub_state(&self) -> Option<&Arc<PubSub>> {
        self.pubsub.as_ref()
    }

    /// Sends each node what it lacks of its share (see `sync_subscriptions`).
    fn resync(&self) {
        self.sync_subscriptions();
    }
}
