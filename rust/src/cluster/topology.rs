//! The topology: the slot map read from `CLUSTER SLOTS` (at start, on demand, periodically,
//! coalesced) and installed whole, with a client for each node it names.

use std::sync::Arc;
use std::time::Duration;

use super::slots::{self, Address, SlotMap};
use super::ClusterClient;
use crate::client::connect::query_once;
use crate::client::Client;
use crate::completion;
use crate::reply::{Failure, Outcome};
use crate::resp::Value;
use crate::runtime;

/// How often the slot map is read again when nothing prompts it.
pub const DEFAULT_TOPOLOGY_INTERVAL: Duration = Duration::from_secs(60);

/// Minimum time between two topology refreshes.
const REFRESH_SPACING: Duration = Duration::from_millis(100);

#[derive(Default)]
pub(super) struct RefreshState {
    running: bool,
    again: bool,
}

impl ClusterClient {
    /// The current slot map.
    pub fn slot_map(&self) -> Arc<SlotMap> {
        Arc::clone(&self.topology.read())
    }

    /// Reads the slot map from the seeds, connects to every primary (and the
    /// replicas when reads may go to them), starts the periodic refresh, and
    /// pushes completion `request_id`: `OK` or a connection error.
    pub fn start(self: &Arc<Self>, request_id: i64) -> Result<(), String> {
        if self.config.base.lazy_connect {
            // The first command reads the slot map and connects the nodes (see `lazy`).
            completion::push(Outcome::Ok.into_completion(request_id));
            return Ok(());
        }
        let rt = runtime::get()?;
        let client = Arc::clone(self);
        rt.spawn(async move {
            let outcome = match client.discover(&client.config.base.addresses.clone()).await {
                Ok(()) => {
                    client.connect_nodes().await;
                    client.spawn_periodic_refresh();
                    Outcome::Ok
                }
                Err(message) => Outcome::Failed(Failure::Connection, message),
            };
            completion::push(outcome.into_completion(request_id));
        });
        Ok(())
    }

    /// Reads `CLUSTER SLOTS` from the first of `candidates` that answers and installs it.
    pub(super) async fn discover(&self, candidates: &[(String, u16)]) -> Result<(), String> {
        let mut errors = Vec::new();
        for (host, port) in candidates {
            if self.is_closed() {
                return Err("the client is closed".into());
            }
            match query_once(&self.config.base, host, *port, &[b"CLUSTER", b"SLOTS"]).await {
                Ok(Value::ServerError(message)) => errors.push(format!("{host}:{port}: {message}")),
                Ok(reply) => match SlotMap::from_cluster_slots(&reply, &Address::new(host.clone(), *port)) {
                    Ok(map) => {
                        self.install(map);
                        return Ok(());
                    }
                    Err(e) => errors.push(format!("{host}:{port}: {e}")),
                },
                Err(e) => errors.push(e),
            }
        }
        Err(format!("cannot read the cluster's slot map: {}", errors.join("; ")))
    }

    /// Logs how the slot map changed from `old` to the current one: a new
    /// primary for slots that had another one (a failover, or slots moved),
    /// nodes gone. Once per change: an unchanged refresh logs nothing.
    fn log_changes(&self, old: &SlotMap) {
        if !tracing::enabled!(target: "glide.cluster", tracing::Level::WARN) {
            return; // 16384 slots compared for nothing
        }
        let new = self.slot_map();
        if old.shards().is_empty() {
            tracing::info!(target: "glide.cluster", "slot map read: {} shards, {} nodes", new.shards().len(), new.addresses().len());
            return;
        }
        let mut moved = std::collections::BTreeMap::<(String, String), usize>::new();
        for slot in 0..slots::SLOT_COUNT {
            let before = old.shard_of(slot).map(|s| &s.primary);
            let after = new.shard_of(slot).map(|s| &s.primary);
            if before != after {
                let name = |a: Option<&Address>| a.map_or_else(|| "none".to_string(), |a| a.to_string());
                *moved.entry((name(before), name(after))).or_default() += 1;
            }
        }
        let old_primaries: Vec<String> = old.shards().iter().map(|s| s.primary.to_string()).collect();
        for ((from, to), count) in &moved {
            let was_replica = old.shards().iter().any(|s| s.replicas.iter().any(|r| r.to_string() == *to));
            if was_replica && !old_primaries.contains(to) {
                tracing::warn!(target: "glide.cluster", "failover: {to} (a replica) now serves {count} slots that {from} served");
            } else {
                tracing::info!(target: "glide.cluster", "slot map changed: {count} slots moved from {from} to {to}");
            }
        }
        let named = new.addresses();
        for gone in old.addresses().iter().filter(|a| !named.contains(a)) {
            tracing::info!(target: "glide.cluster", "node {gone} left the topology");
        }
    }

    /// Makes `map` current: clients for nodes it names, none for nodes it dropped.
    ///
    /// Every node is connected, replicas too whatever `readFrom` says, as valkey-glide does
    /// (issue 15): a replica promoted by a failover is ready for its first request, a read
    /// finds its replica (and, for AZ affinity, knows its zone), and a route naming a node
    /// finds it connected.
    fn install(&self, map: SlotMap) {
        let wanted = map.addresses();
        let dropped: Vec<Arc<Client>> = {
            let mut nodes = self.nodes.lock();
            for address in &wanted {
                if !nodes.contains_key(address) {
                    let client = self.new_node(address);
                    nodes.insert(address.clone(), client);
                }
            }
            let named = map.addresses();
            let gone: Vec<Address> = nodes.keys().filter(|a| !named.contains(a)).cloned().collect();
            gone.iter().filter_map(|a| nodes.remove(a)).collect()
        };
        let old = std::mem::replace(&mut *self.topology.write(), Arc::new(map));
        self.log_changes(&old);
        for client in dropped {
            client.close();
        }
        self.sync_subscriptions();
    }

    pub(super) fn spawn_periodic_refresh(self: &Arc<Self>) {
        let Ok(rt) = runtime::get() else { return };
        let me = Arc::downgrade(self);
        let interval = self.config.topology_interval;
        rt.spawn(async move {
            loop {
                // Holds only a weak reference while it sleeps: it must not keep a dropped client alive.
                if me.upgrade().is_none_or(|c| c.is_closed()) {
                    return;
                }
                tokio::time::sleep(interval).await;
                match me.upgrade() {
                    Some(client) if !client.is_closed() => client.schedule_refresh(),
                    _ => return,
                }
            }
        });
    }

    /// Reads the slot map again soon; calls made while one runs are folded into one more.
    pub fn schedule_refresh(&self) {
        let Some(me) = self.me.upgrade() else { return };
        {
            let mut state = self.refresh.lock();
            if state.running {
                state.again = true;
                return;
            }
            state.running = true;
        }
        let Ok(rt) = runtime::get() else {
            self.refresh.lock().running = false;
            return;
        };
        rt.spawn(async move {
            loop {
                if me.is_closed() {
                    break;
                }
                let mut candidates: Vec<(String, u16)> =
                    me.slot_map().addresses().into_iter().map(|a| (a.host.to_string(), a.port)).collect();
                candidates.extend(me.config.base.addresses.iter().cloned());
                if let Err(e) = me.discover(&candidates).await {
                    tracing::warn!(target: "glide.cluster", "topology refresh failed: {e}");
                }
                tokio::time::sleep(REFRESH_SPACING).await;
                let mut state = me.refresh.lock();
                if !state.again {
                    state.running = false;
                    return;
                }
                state.again = false;
            }
            me.refresh.lock().running = false;
        });
    }

    pub(super) fn schedule_refresh_if_unserved(&self, map: &SlotMap, slot: u16) {
        if map.shard_of(slot).is_none() {
            self.schedule_refresh();
        }
    }
}
