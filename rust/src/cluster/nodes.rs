//! The node registry: one standalone [`Client`] per node, made with the cluster's settings,
//! and what the nodes' connections say about the whole.

use std::sync::atomic::Ordering;
use std::sync::{Arc, Weak};

use super::slots::Address;
use super::{ClusterClient, ReadFrom};
use crate::client::{Client, NodeOwner};
use crate::runtime;

impl ClusterClient {
    /// Whether every primary of the slot map has a live connection now.
    pub fn is_connected(&self) -> bool {
        if self.is_closed() {
            return false;
        }
        let map = self.slot_map();
        let nodes = self.nodes.lock();
        !map.shards().is_empty()
            && map.shards().iter().all(|shard| nodes.get(&shard.primary).is_some_and(|c| c.is_connected()))
    }

    /// Whether some primary's connection is being reopened now.
    pub fn is_reconnecting(&self) -> bool {
        if self.is_closed() {
            return false;
        }
        let map = self.slot_map();
        let nodes = self.nodes.lock();
        map.shards().iter().any(|shard| nodes.get(&shard.primary).is_some_and(|c| c.is_reconnecting()))
    }

    /// The nodes that have a client (a connection, or one being made), sorted.
    pub fn node_addresses(&self) -> Vec<Address> {
        let mut all: Vec<Address> = self.nodes.lock().keys().cloned().collect();
        all.sort();
        all
    }

    pub(super) fn new_node(&self, address: &Address) -> Arc<Client> {
        let mut config = self.config.base.clone();
        config.addresses = vec![(address.host.to_string(), address.port)];
        config.database_id = self.database_id.load(Ordering::Acquire);
        // The cluster client bounds requests in flight as a whole.
        config.inflight_limit = usize::MAX / 2;
        config.lazy_connect = false;
        // Replicas serve reads only to connections that said READONLY (primaries ignore it): said
        // when reads may go to replicas, as valkey-glide does. Not with PRIMARY, so that an ACL
        // user without the READONLY command can connect (issue 15); a read routed to a replica
        // then gets MOVED, which sends it to the primary.
        config.read_only = !matches!(self.config.read_from, ReadFrom::Primary);
        config.learn_zone = self.config.read_from.zone().is_some();
        let owner: Weak<dyn NodeOwner> = self.me.clone() as Weak<dyn NodeOwner>;
        Client::for_node(config, owner)
    }

    /// The client of node `address`, created (and connecting) if needed.
    pub(super) fn node(&self, address: &Address) -> Arc<Client> {
        let mut nodes = self.nodes.lock();
        if let Some(client) = nodes.get(address) {
            return Arc::clone(client);
        }
        let client = self.new_node(address);
        nodes.insert(address.clone(), Arc::clone(&client));
        client
    }

    /// Connects every node that has a client, concurrently; failures are left
    /// to each node's reconnect loop.
    pub(super) async fn connect_nodes(&self) {
        let Ok(rt) = runtime::get() else { return };
        let nodes: Vec<Arc<Client>> = self.nodes.lock().values().cloned().collect();
        let tasks: Vec<_> = nodes.into_iter().map(|n| rt.spawn(async move { n.initial_connect().await })).collect();
        for task in tasks {
            let _ = task.await;
        }
    }

    /// Every node's reconnect waiting out its backoff tries again now (see
    /// [`Client::reconnect_now`]).
    pub fn reconnect_now(&self) {
        let nodes: Vec<Arc<Client>> = self.nodes.lock().values().cloned().collect();
        for node in nodes {
            node.reconnect_now();
        }
    }
}
