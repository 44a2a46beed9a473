//! Planning: where a command goes (by key slot, route, request policy), as one part or
//! several: a fan-out to many nodes, or a multi-key command cut into one part per slot;
//! and how the parts' replies are to be combined.

use std::sync::atomic::Ordering;

use smallvec::SmallVec;

use super::combine::Combine;
use super::commands::{self, RequestPolicy, ResponsePolicy};
use super::slots::{self, Address, SlotMap};
use super::{ClusterClient, ReadFrom, Route};
use crate::resp;

/// Where a request's parts go and how their replies combine.
pub(super) struct Plan {
    pub(super) combine: Combine,
    /// Each part's node, and a command of its own when the part is not the whole command.
    pub(super) parts: Vec<(Address, Option<Vec<u8>>)>,
    /// Whether each node stands for a slot (the command's keys chose it), rather than being
    /// wanted for itself (a fan-out, a named node): a part of the former may go to another
    /// node of its slot's shard (see [`retry`](super::retry)'s `LOADING`).
    pub(super) by_slot: bool,
}

impl ClusterClient {
    /// Decides where the command in `packed` goes: the parts (node, and a
    /// command of its own when the part is not the whole command) and how
    /// their replies combine.
    pub(super) fn plan(&self, packed: &[u8], route: &Route) -> Result<Plan, String> {
        let mut args: SmallVec<[&[u8]; 8]> = SmallVec::new();
        resp::walk_command(packed, |_, arg| args.push(arg))?;
        let map = self.slot_map();
        let routing = commands::routing_of(&args);
        let readonly = routing.is_some_and(|r| r.readonly);
        let response = routing.map_or(ResponsePolicy::Default, |r| r.response);
        let random_key = routing.is_some_and(|r| r.name == b"RANDOMKEY");
        // Channel lists: a channel subscribed on several nodes is listed once.
        let pubsub_list = routing.is_some_and(|r| r.name.starts_with(b"PUBSUB"));
        let fan_out = |targets: Vec<Address>| -> Result<Plan, String> {
            if targets.is_empty() {
                return Err("no node is known yet".into());
            }
            let combine = match response {
                _ if random_key => Combine::FirstNonNil,
                ResponsePolicy::AggSum => Combine::Sum,
                ResponsePolicy::AggMin => Combine::Min,
                ResponsePolicy::AggMax => Combine::Max,
                ResponsePolicy::AggLogicalAnd => Combine::LogicalAnd,
                ResponsePolicy::AggLogicalOr => Combine::LogicalOr,
                ResponsePolicy::AllSucceeded => Combine::AllSucceeded,
                ResponsePolicy::OneSucceeded => Combine::OneSucceeded,
                ResponsePolicy::CombineArrays if pubsub_list => Combine::Union,
                ResponsePolicy::CombineArrays => Combine::Concat,
                ResponsePolicy::CombineCounts => Combine::SumCounts,
                ResponsePolicy::Default | ResponsePolicy::Special => Combine::PerNode(targets.clone()),
            };
            Ok(Plan { combine, parts: targets.into_iter().map(|t| (t, None)).collect(), by_slot: false })
        };
        let node = |node: Option<Address>, by_slot: bool| -> Result<Plan, String> {
            let node = node.ok_or_else(|| "no node serves that slot (the cluster is changing or down)".to_string())?;
            Ok(Plan { combine: Combine::Single, parts: vec![(node, None)], by_slot })
        };
        let for_slot = |address: Option<Address>| node(address, true);
        let one = |address: Option<Address>| node(address, false);
        match route {
            Route::Random => one(self.random_primary(&map)),
            Route::AllPrimaries => fan_out(map.shards().iter().map(|s| s.primary.clone()).collect()),
            Route::AllNodes => fan_out(map.addresses()),
            Route::Slot { slot, replica } => for_slot(self.node_for_slot(&map, *slot, *replica)),
            Route::Address(address) if !map.addresses().contains(address) => {
                self.schedule_refresh();
                Err(format!("{address} is not a node of the cluster (as of the last topology read; it is read again now)"))
            }
            Route::Address(address) => one(Some(address.clone())),
            Route::Default => {
                let Some(routing) = routing else {
                    // Unknown to the table (a module's command): any primary.
                    return one(self.random_primary(&map));
                };
                match routing.request {
                    RequestPolicy::AllShards => fan_out(map.shards().iter().map(|s| s.primary.clone()).collect()),
                    RequestPolicy::AllNodes => fan_out(map.addresses()),
                    // Only commands whose keys start at the first argument (MGET, MSET, DEL...)
                    // can be cut per slot; the table routes the others (MSETEX) by their first key.
                    RequestPolicy::MultiShard if matches!(routing.key, commands::KeySpec::Index(1)) => {
                        self.split(&map, &args, routing.key_step, readonly)
                    }
                    RequestPolicy::MultiShard => match routing.key.first_key(&args) {
                        Some(i) => for_slot(self.node_for_slot(&map, slots::slot_of(args[i]), readonly && self.config.read_from.reads_replicas())),
                        None => one(self.random_primary(&map)),
                    },
                    RequestPolicy::Default | RequestPolicy::Special => match routing.key.first_key(&args) {
                        Some(i) => {
                            let slot = slots::slot_of(args[i]);
                            self.schedule_refresh_if_unserved(&map, slot);
                            for_slot(self.node_for_slot(&map, slot, readonly && self.config.read_from.reads_replicas()))
                        }
                        None => one(self.random_primary(&map)),
                    },
                }
            }
        }
    }

    /// A multi-key command (MGET, DEL, MSET...): one part per slot, each with
    /// the keys (and their values) of that slot, in the caller's order.
    fn split(
        &self,
        map: &SlotMap,
        args: &[&[u8]],
        step: usize,
        readonly: bool,
    ) -> Result<Plan, String> {
        let name = args[0];
        if args.len() < 2 || !(args.len() - 1).is_multiple_of(step) {
            // The server's words: sent whole, it would answer CROSSSLOT before counting.
            let name = String::from_utf8_lossy(name).to_lowercase();
            return Err(format!("ERR wrong number of arguments for '{name}' command"));
        }
        let replica = readonly && self.config.read_from.reads_replicas();
        // Groups by slot, in order of first appearance.
        let mut groups: Vec<(u16, Vec<usize>)> = Vec::new();
        let mut positions = Vec::new();
        for first in (1..args.len()).step_by(step) {
            let slot = slots::slot_of(args[first]);
            let group = match groups.iter().position(|(s, _)| *s == slot) {
                Some(g) => g,
                None => {
                    groups.push((slot, Vec::new()));
                    groups.len() - 1
                }
            };
            positions.push((group, groups[group].1.len()));
            groups[group].1.push(first);
        }
        if groups.len() == 1 {
            let node = self.node_for_slot(map, groups[0].0, replica).ok_or("no node serves that slot")?;
            return Ok(Plan { combine: Combine::Single, parts: vec![(node, None)], by_slot: true });
        }
        let mut parts = Vec::with_capacity(groups.len());
        for (slot, firsts) in &groups {
            let node = self.node_for_slot(map, *slot, replica).ok_or("no node serves one of the slots")?;
            let mut sub: Vec<&[u8]> = vec![name];
            for &first in firsts {
                sub.extend_from_slice(&args[first..first + step]);
            }
            parts.push((node, Some(resp::pack(&sub))));
        }
        let upper = name.to_ascii_uppercase();
        let combine = match upper.as_slice() {
            b"MGET" => Combine::Reorder(positions),
            b"MSET" | b"WATCH" => Combine::AllSucceeded,
            _ => Combine::Sum, // DEL, EXISTS, UNLINK, TOUCH
        };
        Ok(Plan { combine, parts, by_slot: true })
    }

    pub(super) fn random_primary(&self, map: &SlotMap) -> Option<Address> {
        let shards = map.shards();
        if shards.is_empty() {
            return None;
        }
        let n = self.rotation.fetch_add(1, Ordering::Relaxed);
        Some(shards[n % shards.len()].primary.clone())
    }

    pub(super) fn node_for_slot(&self, map: &SlotMap, slot: u16, replica: bool) -> Option<Address> {
        let shard = map.shard_of(slot)?;
        if !replica || shard.replicas.is_empty() {
            return Some(shard.primary.clone());
        }
        let n = self.rotation.fetch_add(1, Ordering::Relaxed);
        if let Some(zone) = self.config.read_from.zone() {
            if let Some(local) = self.in_zone(&shard.replicas, n, zone) {
                return Some(local);
            }
            if matches!(self.config.read_from, ReadFrom::AzAffinityReplicasAndPrimary(_))
                && self.in_zone(std::slice::from_ref(&shard.primary), 0, zone).is_some()
            {
                return Some(shard.primary.clone());
            }
        }
        Some(shard.replicas[n % shard.replicas.len()].clone())
    }

    /// The first of `nodes`, starting at the `start`-th and going round, whose server said
    /// it is in `zone` when its client connected.
    fn in_zone(&self, nodes: &[Address], start: usize, zone: &str) -> Option<Address> {
        let clients = self.nodes.lock();
        (0..nodes.len()).map(|i| &nodes[(start + i) % nodes.len()]).find_map(|address| {
            let here = clients.get(address)?.availability_zone()?;
            (&*here == zone).then(|| address.clone())
        })
    }
}
