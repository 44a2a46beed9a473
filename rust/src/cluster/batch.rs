//! Batches: a transaction sent whole to the node of its one slot; a pipeline's commands each
//! planned as if sent alone, leaving in one write per node, their replies put back in order.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::time::Instant;

use super::combine::Combine;
use super::commands::{self, RequestPolicy};
use super::plan::Plan;
use super::request::{Operation, Part, Recipient};
use super::slots::{self, Address, SlotMap};
use super::{ClusterClient, Route};
use crate::batch::{BatchSpec, CallResult, Gather};
use crate::client::Rejection;
use crate::completion::{self, Completion};
use crate::reply::{BulkAs, Failure};
use crate::resp;
use crate::shape::Expect;

/// What a pipeline's command is sent again after (see `ClusterBatchRetryStrategy` in Java; a
/// transaction ignores it, see [`retry`](super::retry)). Redirects (`MOVED`, `ASK`) are always followed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchRetry {
    /// `CLUSTERDOWN`, `TRYAGAIN` (a multi-key command during a slot migration), `MASTERDOWN`,
    /// after the wait of [`retry`](super::retry): may reorder commands of a slot.
    pub server_error: bool,
    /// A lost connection: may run a command twice, if it reached the server before the loss.
    pub connection_error: bool,
}

impl ClusterClient {
    /// Records one reply of a batch; the last one (or a failure that ends the
    /// batch) completes it, and the batch leaves the inflight count.
    pub(super) fn batch_step_done(&self, gather: &Gather, index: usize, result: CallResult) -> Option<Completion> {
        let outcome = gather.put(index, result)?;
        self.inflight.fetch_sub(1, Ordering::AcqRel);
        Some(outcome.into_completion(gather.id))
    }

    /// Starts a batch (see [`crate::batch`]). A transaction goes whole to one
    /// node: `route`'s, else that of the first key of its commands (all its keys
    /// must share a slot), else any primary. A pipeline's commands are each
    /// planned like a command sent alone (to `route`'s node, when given) and
    /// leave in one write per node; replies are put back in command order.
    pub fn submit_batch(
        self: &Arc<Self>,
        id: i64,
        spec: BatchSpec,
        timeout: Option<Duration>,
        bulk_as: BulkAs,
        route: Route,
        retry: BatchRetry,
    ) -> Result<(), Rejection> {
        let args = (id, spec, timeout, bulk_as, route, retry);
        let Some((id, spec, timeout, bulk_as, route, retry)) = self.once_slot_map_read(id, args, |client, (id, spec, timeout, bulk_as, route, retry)| {
            client.submit_batch(id, spec, timeout, bulk_as, route, retry)
        }) else {
            return Ok(());
        };
        self.admit()?;
        let deadline = timeout.map(|t| Instant::now() + t);
        let gather = Arc::new(Gather::new(id, &spec, bulk_as));
        let map = self.slot_map();
        // One node for the whole batch when a route names one (a random one is drawn once).
        let route = match route {
            Route::Random => match self.random_primary(&map) {
                Some(node) => Route::Address(node),
                None => Route::Random,
            },
            other => other,
        };
        let new_operation = |index: usize, expect: Expect, combine: Combine, parts: usize, selects_database: Option<i64>, by_slot: bool| {
            Arc::new(Operation {
                recipient: Recipient::Batch { gather: Arc::clone(&gather), index, retry },
                expect,
                bulk_as,
                results: Mutex::new((0..parts).map(|_| None).collect()),
                remaining: AtomicUsize::new(parts),
                combine,
                selects_database,
                by_slot,
            })
        };
        if spec.atomic {
            let node = match self.transaction_node(&map, &spec, &route) {
                Ok(node) => node,
                Err(message) => {
                    completion::push_all(self.batch_step_done(&gather, 0, Err((Failure::Request, message))));
                    return Ok(());
                }
            };
            // A SELECT inside a transaction changes one node's connection only: not followed.
            let operation = new_operation(0, Expect::Natural, Combine::Single, 1, None, false);
            let packed = Arc::new(spec.transaction_bytes());
            let skipped = spec.queued_replies();
            self.send(Part { operation, index: 0, packed, deadline, timeout, node, redirects: 0, retries: 0, skipped }, false);
            return Ok(());
        }
        let mut planned = Vec::with_capacity(spec.commands.len());
        for (index, command) in spec.commands.into_iter().enumerate() {
            match self.plan(&command.packed, &route) {
                Ok(plan) => planned.push((index, command, plan)),
                Err(message) => {
                    if let Some(done) = self.batch_step_done(&gather, index, Err((Failure::Request, message))) {
                        completion::push(done);
                        return Ok(()); // the batch is over (it had nothing else to send)
                    }
                }
            }
        }
        // Each node's commands leave in one write.
        let mut nodes: Vec<&Address> = planned.iter().flat_map(|(_, _, plan)| plan.parts.iter().map(|(node, _)| node)).collect();
        nodes.sort();
        nodes.dedup();
        let holds: Vec<_> = nodes.into_iter().filter_map(|node| self.node(node).hold_writes()).collect();
        for (index, command, Plan { combine, parts, by_slot }) in planned {
            let expect = command.expect;
            let whole = Arc::new(command.packed);
            let operation = new_operation(index, expect, combine, parts.len(), command.selects_database, by_slot);
            for (part_index, (node, own)) in parts.into_iter().enumerate() {
                let packed = own.map_or_else(|| Arc::clone(&whole), Arc::new);
                let part = Part { operation: Arc::clone(&operation), index: part_index, packed, deadline, timeout, node, redirects: 0, retries: 0, skipped: 0 };
                self.send(part, false);
            }
        }
        drop(holds);
        Ok(())
    }

    /// The node a transaction goes to (see [`ClusterClient::submit_batch`]).
    fn transaction_node(&self, map: &SlotMap, spec: &BatchSpec, route: &Route) -> Result<Address, String> {
        let unserved = || "no node serves the transaction's slot (the cluster is changing or down)".to_string();
        // Checked whatever the route: a transaction over several slots can only be refused.
        let slot = transaction_slot(spec)?;
        match route {
            Route::Default => {}
            Route::Slot { slot, replica } => return self.node_for_slot(map, *slot, *replica).ok_or_else(unserved),
            Route::Address(address) => return Ok(address.clone()),
            Route::Random | Route::AllNodes | Route::AllPrimaries => {
                return self.random_primary(map).ok_or_else(|| "no node is known yet".to_string())
            }
        }
        match slot {
            Some(slot) => {
                self.schedule_refresh_if_unserved(map, slot);
                self.node_for_slot(map, slot, false).ok_or_else(unserved)
            }
            None => self.random_primary(map).ok_or_else(|| "no node is known yet".to_string()),
        }
    }
}

/// The one slot of a transaction's keys (`None`: it has none). Keys of several
/// slots are refused before anything is sent, with the server's words: the
/// server would discard the transaction anyway. Looks at each command's first
/// key, and at every key of the commands split by slot (MSET, DEL...); other
/// keys are left to the server.
fn transaction_slot(spec: &BatchSpec) -> Result<Option<u16>, String> {
    let mut found: Option<u16> = None;
    for command in &spec.commands {
        let mut args: Vec<&[u8]> = Vec::new();
        resp::walk_command(&command.packed, |_, arg| args.push(arg))?;
        let Some(routing) = commands::routing_of(&args) else { continue };
        let Some(first) = routing.key.first_key(&args) else { continue };
        let step = if routing.request == RequestPolicy::MultiShard { routing.key_step.max(1) } else { args.len() };
        for key in (first..args.len()).step_by(step) {
            let slot = slots::slot_of(args[key]);
            if found.is_some_and(|s| s != slot) {
                return Err("CROSSSLOT Keys in request don't hash to the same slot (the keys of a transaction must \
                            share one slot: use a {hash tag})"
                    .into());
            }
            found = Some(slot);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transaction_has_one_slot_or_is_refused() {
        let spec = |commands: &[&[&[u8]]]| {
            let mut bytes = Vec::new();
            let mut lengths = Vec::new();
            for args in commands {
                let packed = resp::pack(args);
                lengths.push(packed.len() as i32);
                bytes.extend_from_slice(&packed);
            }
            BatchSpec::parse(&bytes, &lengths, &vec![0; commands.len()], true, false).unwrap()
        };
        let tagged = spec(&[&[b"SET", b"{t}a", b"1"], &[b"PING"], &[b"MGET", b"{t}b", b"{t}c"]]);
        assert_eq!(transaction_slot(&tagged), Ok(Some(slots::slot_of(b"{t}"))));
        assert_eq!(transaction_slot(&spec(&[&[b"PING"], &[b"ECHO", b"x"]])), Ok(None));
        assert!(transaction_slot(&spec(&[&[b"SET", b"a", b"1"], &[b"SET", b"b", b"1"]])).unwrap_err().starts_with("CROSSSLOT"));
        // Every key of a command split by slot counts, not only the first.
        assert!(transaction_slot(&spec(&[&[b"MSET", b"{t}a", b"1", b"b", b"2"]])).is_err());
    }

}
