//! Cluster scan: every key of the cluster, slot by slot, each key once even
//! while slots move between nodes.
//!
//! # Why not each node's `SCAN`
//! A node's `SCAN` cursor means nothing to another node, and a slot that moves
//! while a node is half scanned loses keys (already moved away) or repeats them
//! (read on both sides). So this scan walks the 16,384 slots in order and reads
//! each slot whole, once.
//!
//! # One step
//! A step asks the node that serves the next run of slots, in one transaction:
//! `MULTI`, `CLUSTER NODES` (the node's own view: the slots it serves, the ones
//! it is migrating and to whom), `CLUSTER GETKEYSINSLOT` for each slot, `EXEC`.
//! The transaction makes the view and the keys one snapshot, so per slot:
//! - served and not migrating: every key of the slot is in the reply;
//! - served and migrating: the keys not moved yet are in the reply and the rest
//!   are on the target (keys only move from source to target), which is asked
//!   next; the two lists are merged without duplicates;
//! - not served (it moved): nothing is taken; the step goes to the owner that
//!   node names, and the slot map is refreshed.
//!
//! A key present for the whole scan is therefore returned exactly once; a key
//! added or removed during the scan is returned at most once.
//!
//! # The cursor
//! The cursor is the next slot plus a batch-size hint, nothing else: it holds no
//! native memory, and a step that fails (timeout, a node down) returns no key,
//! so calling again with the same cursor neither loses nor repeats keys.
//!
//! # Costs
//! One round trip per run of slots on one node, the run sized to aim at
//! `COUNT` keys from what the previous steps found; a slot's keys come in one
//! reply however many there are. `MATCH` is applied here. `TYPE` costs one
//! `TYPE` command per key that matched.

use std::collections::HashSet;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use super::slots::{self, Address, SLOT_COUNT};
use super::{ClusterClient, MAX_REDIRECTS};
use crate::client::Rejection;
use crate::completion;
use crate::glob::Glob;
use crate::reply::{BulkAs, Failure, Outcome};
use crate::resp::{self, Value};
use crate::runtime;
use crate::shape::Expect;
use crate::wire;

/// Most slots one transaction reads.
const MAX_BATCH: u32 = 1024;
/// Transactions one step may send before it returns what it has.
const ROUNDS_PER_STEP: usize = 4;
/// Keys a step aims at when the caller gives no `COUNT` (as the server's SCAN).
const DEFAULT_COUNT: u64 = 10;
/// Pause before trying a node again after a connection error.
const RETRY_PAUSE: Duration = Duration::from_millis(100);
/// `CLUSTER GETKEYSINSLOT`'s limit: all of them (the server sizes the reply by what it has).
const ALL_KEYS: &[u8] = b"2147483647";

/// Where a scan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanCursor {
    /// The first slot not read yet; [`SLOT_COUNT`] when the scan is finished.
    pub next_slot: u32,
    /// How many slots the next transaction reads.
    pub batch: u32,
}

/// What a scan returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanOptions {
    pub pattern: Option<Glob>,
    pub count: u64,
    /// `TYPE`'s name (`string`, `hash`...).
    pub object_type: Option<Vec<u8>>,
    /// Skip slots no node serves instead of failing.
    pub allow_uncovered: bool,
}

/// Reads `SCAN <next slot> <batch> [MATCH p] [COUNT n] [TYPE t] [ALLOWNONCOVERED]`,
/// the form in which Java passes a step.
pub fn parse_step(args: &[&[u8]]) -> Result<(ScanCursor, ScanOptions), String> {
    let number = |arg: &[u8], what: &str| -> Result<u64, String> {
        std::str::from_utf8(arg).ok().and_then(|s| s.parse().ok()).ok_or_else(|| format!("scan: {what} is not a number"))
    };
    if args.len() < 3 || !args[0].eq_ignore_ascii_case(b"SCAN") {
        return Err("scan: malformed step".into());
    }
    let next_slot = number(args[1], "the cursor's slot")?;
    if next_slot > SLOT_COUNT as u64 {
        return Err(format!("scan: the cursor's slot {next_slot} is out of range"));
    }
    let batch = number(args[2], "the cursor's batch")?.clamp(1, MAX_BATCH as u64) as u32;
    let cursor = ScanCursor { next_slot: next_slot as u32, batch };
    let mut options = ScanOptions { pattern: None, count: DEFAULT_COUNT, object_type: None, allow_uncovered: false };
    let mut i = 3;
    while i < args.len() {
        let value = args.get(i + 1);
        match args[i].to_ascii_uppercase().as_slice() {
            b"MATCH" => options.pattern = Some(Glob::new(value.ok_or("scan: MATCH needs a pattern")?)),
            b"COUNT" => {
                let count = number(value.ok_or("scan: COUNT needs a number")?, "COUNT")?;
                if count == 0 {
                    return Err("scan: COUNT must be positive".into());
                }
                options.count = count;
            }
            b"TYPE" => options.object_type = Some(value.ok_or("scan: TYPE needs a type")?.to_ascii_lowercase()),
            b"ALLOWNONCOVERED" => {
                options.allow_uncovered = true;
                i += 1;
                continue;
            }
            other => return Err(format!("scan: unknown option {}", String::from_utf8_lossy(other))),
        }
        i += 2;
    }
    Ok((cursor, options))
}

/// The result of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanStep {
    pub cursor: ScanCursor,
    pub keys: Vec<Vec<u8>>,
}

impl ScanStep {
    /// The step as Java reads it: each part at its [`wire::scan_step`] position.
    pub fn into_value(self) -> Value {
        let mut parts = vec![Value::Nil; wire::scan_step::LEN];
        parts[wire::scan_step::NEXT_SLOT] = Value::Int(i64::from(self.cursor.next_slot));
        parts[wire::scan_step::BATCH] = Value::Int(i64::from(self.cursor.batch));
        parts[wire::scan_step::KEYS] = Value::Array(self.keys.into_iter().map(Value::BulkString).collect());
        Value::Array(parts)
    }
}

/// The slots to read next time, from what this round found: enough to aim at
/// `count` keys, growing fast through empty space.
fn next_batch(read: u32, found: usize, count: u64) -> u32 {
    if found == 0 {
        return read.saturating_mul(4).clamp(1, MAX_BATCH);
    }
    (read as u64 * count / found as u64).clamp(1, MAX_BATCH as u64) as u32
}

/// `MULTI`, `CLUSTER NODES`, `CLUSTER GETKEYSINSLOT` for each slot, `EXEC`.
fn slots_transaction(first: u32, end: u32) -> Vec<u8> {
    let mut packed = resp::pack(&[b"MULTI"]);
    packed.extend_from_slice(&resp::pack(&[b"CLUSTER", b"NODES"]));
    for slot in first..end {
        packed.extend_from_slice(&resp::pack(&[b"CLUSTER", b"GETKEYSINSLOT", slot.to_string().as_bytes(), ALL_KEYS]));
    }
    packed.extend_from_slice(&resp::pack(&[b"EXEC"]));
    packed
}

/// One node's view of the cluster, from its `CLUSTER NODES`.
#[derive(Debug, Default)]
struct NodesView {
    /// Slot ranges this node serves.
    served: Vec<(u16, u16)>,
    /// Slots it is migrating, and to which node id.
    migrating: Vec<(u16, String)>,
    /// Every node, as this node knows it.
    nodes: Vec<KnownNode>,
}

#[derive(Debug)]
struct KnownNode {
    id: String,
    address: Option<Address>,
    /// Slot ranges it serves.
    ranges: Vec<(u16, u16)>,
}

impl NodesView {
    fn parse(text: &str) -> Result<NodesView, String> {
        let mut view = NodesView::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split_ascii_whitespace().collect();
            if fields.len() < 8 {
                return Err(format!("CLUSTER NODES: malformed line {line:?}"));
            }
            // `ip:port@cport[,hostname]`
            let address = fields[1].split('@').next().and_then(Address::parse);
            let myself = fields[2].split(',').any(|flag| flag == "myself");
            let mut ranges = Vec::new();
            for field in &fields[8..] {
                if let Some(inner) = field.strip_prefix('[').and_then(|f| f.strip_suffix(']')) {
                    // `[slot->-target]` migrating; `[slot-<-source]` importing (not served yet).
                    if let Some((slot, target)) = inner.split_once("->-") {
                        if myself {
                            view.migrating.push((parse_slot(slot)?, target.to_string()));
                        }
                    }
                    continue;
                }
                let (first, last) = match field.split_once('-') {
                    Some((a, b)) => (parse_slot(a)?, parse_slot(b)?),
                    None => (parse_slot(field)?, parse_slot(field)?),
                };
                ranges.push((first, last));
            }
            if myself {
                view.served = ranges.clone();
            }
            view.nodes.push(KnownNode { id: fields[0].to_string(), address, ranges });
        }
        Ok(view)
    }

    fn serves(&self, slot: u16) -> bool {
        self.served.iter().any(|&(a, b)| a <= slot && slot <= b)
    }

    /// The node this node says serves `slot`.
    fn owner_of(&self, slot: u16) -> Option<Address> {
        self.nodes.iter().find(|n| n.ranges.iter().any(|&(a, b)| a <= slot && slot <= b))?.address.clone()
    }

    /// The node `slot` is moving to, when this node is migrating it.
    fn migrating_to(&self, slot: u16) -> Option<Result<Address, String>> {
        let (_, target) = self.migrating.iter().find(|(s, _)| *s == slot)?;
        let address = self.nodes.iter().find(|n| n.id == *target).and_then(|n| n.address.clone());
        Some(address.ok_or_else(|| format!("slot {slot} is migrating to node {target}, whose address is unknown")))
    }
}

fn parse_slot(text: &str) -> Result<u16, String> {
    text.parse::<u16>()
        .ok()
        .filter(|s| *s < SLOT_COUNT)
        .ok_or_else(|| format!("CLUSTER NODES: bad slot {text:?}"))
}

fn text_of(value: Value) -> Result<String, (Failure, String)> {
    match value {
        Value::BulkString(bytes) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Value::VerbatimString(text) | Value::SimpleString(text) => Ok(text),
        Value::ServerError(message) => Err((Failure::Request, message)),
        other => Err((Failure::Request, format!("CLUSTER NODES: unexpected reply {other:?}"))),
    }
}

fn key_list(value: Value) -> Result<Vec<Vec<u8>>, (Failure, String)> {
    match value {
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::BulkString(key) => Ok(key),
                other => Err((Failure::Request, format!("CLUSTER GETKEYSINSLOT: unexpected key {other:?}"))),
            })
            .collect(),
        Value::ServerError(message) => Err((Failure::Request, message)),
        other => Err((Failure::Request, format!("CLUSTER GETKEYSINSLOT: unexpected reply {other:?}"))),
    }
}

impl ClusterClient {
    /// Starts one scan step (`packed` as [`parse_step`] reads it), or refuses it at
    /// once. Completes request `id` with the step ([`ScanStep::into_value`]).
    pub fn scan(
        self: &Arc<Self>,
        id: i64,
        packed: &[u8],
        timeout: Option<Duration>,
        bulk_as: BulkAs,
    ) -> Result<(), Rejection> {
        if !self.slot_map_is_read() {
            let waiting = (id, packed.to_vec(), timeout, bulk_as);
            let resume = |client: &Arc<ClusterClient>, (id, packed, timeout, bulk_as): (i64, Vec<u8>, Option<Duration>, BulkAs)| {
                client.scan(id, &packed, timeout, bulk_as)
            };
            if self.once_slot_map_read(id, waiting, resume).is_none() {
                return Ok(());
            }
        }
        self.admit()?;
        let mut args: Vec<&[u8]> = Vec::new();
        let parsed = resp::walk_command(packed, |_, arg| args.push(arg)).and_then(|()| parse_step(&args));
        let (cursor, options) = match parsed {
            Ok(parsed) => parsed,
            Err(message) => {
                self.inflight.fetch_sub(1, Ordering::AcqRel);
                completion::push(Outcome::Failed(Failure::Request, message).into_completion(id));
                return Ok(());
            }
        };
        let rt = match runtime::get() {
            Ok(rt) => rt,
            Err(message) => {
                self.inflight.fetch_sub(1, Ordering::AcqRel);
                completion::push(Outcome::Failed(Failure::Request, message).into_completion(id));
                return Ok(());
            }
        };
        let client = Arc::clone(self);
        rt.spawn(async move {
            let deadline = timeout.map(|t| Instant::now() + t);
            let step = client.scan_step(cursor, &options, deadline);
            let result = match timeout {
                // The calls inside end by the deadline too; this also bounds the pauses between them.
                Some(t) => tokio::time::timeout(t, step)
                    .await
                    .unwrap_or_else(|_| Err((Failure::Timeout, format!("request timed out after {} ms", t.as_millis())))),
                None => step.await,
            };
            let outcome = match result {
                Ok(step) => Outcome::from_value(step.into_value(), Expect::Natural, bulk_as),
                Err((failure, message)) => Outcome::Failed(failure, message),
            };
            client.inflight.fetch_sub(1, Ordering::AcqRel);
            completion::push(outcome.into_completion(id));
        });
        Ok(())
    }

    /// Reads slots from `cursor` on until about `options.count` keys are found,
    /// [`ROUNDS_PER_STEP`] transactions were sent, or the slots run out.
    async fn scan_step(
        &self,
        cursor: ScanCursor,
        options: &ScanOptions,
        deadline: Option<Instant>,
    ) -> Result<ScanStep, (Failure, String)> {
        let mut slot = cursor.next_slot;
        let mut batch = cursor.batch.clamp(1, MAX_BATCH);
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut found = 0u64;
        let mut rounds = 0;
        let mut hops = 0;
        // The owner a node named for `slot` when it no longer served it.
        let mut named: Option<Address> = None;
        while slot < SLOT_COUNT as u32 && rounds < ROUNDS_PER_STEP && found < options.count {
            if self.is_closed() {
                return Err((Failure::Closing, "the client is closed".into()));
            }
            let map = self.slot_map();
            if map.shards().is_empty() {
                return Err((Failure::Connection, "no node of the cluster is known".into()));
            }
            let (node, last) = match (named.take(), map.range_of(slot as u16)) {
                // A node the map may not know as the owner yet: one slot only.
                (Some(node), _) => (node, slot),
                (None, Some((last, shard))) => (shard.primary.clone(), last as u32),
                (None, None) if options.allow_uncovered => {
                    slot = map.next_served(slot as u16).map_or(SLOT_COUNT as u32, u32::from);
                    continue;
                }
                (None, None) => {
                    self.schedule_refresh();
                    return Err((
                        Failure::Request,
                        format!(
                            "slot {slot} is not served by any node (the cluster is down or changing): \
                             call scan again with the same cursor, or allow non-covered slots"
                        ),
                    ));
                }
            };
            let end = (last + 1).min(slot + batch);
            rounds += 1;
            let reads = (end - slot) as usize;
            // MULTI's OK and one QUEUED per command come before EXEC's reply.
            let reply = self.call(node.clone(), slots_transaction(slot, end), reads + 2, deadline).await;
            let items = match reply {
                Ok(Value::Array(items)) if items.len() == reads + 1 => items,
                Ok(Value::ServerError(message)) | Err((Failure::Request, message)) => {
                    return Err((Failure::Request, format!("scan of slots {slot}-{} on {node}: {message}", end - 1)))
                }
                Ok(other) => {
                    return Err((Failure::Request, format!("scan of slots on {node}: unexpected reply {other:?}")))
                }
                Err((failure @ (Failure::Connection | Failure::Closing), message)) if !self.is_closed() => {
                    // The node may be gone (failover): read the map again and retry.
                    self.schedule_refresh();
                    hops += 1;
                    if hops > MAX_REDIRECTS {
                        return Err((failure, message));
                    }
                    tokio::time::sleep(RETRY_PAUSE).await;
                    continue;
                }
                Err(e) => return Err(e),
            };
            let mut items = items.into_iter();
            let view = NodesView::parse(&text_of(items.next().unwrap_or(Value::Nil))?).map_err(|m| (Failure::Request, m))?;
            let (mut read, mut found_here) = (0u32, 0usize);
            for (s, reply) in (slot..end).zip(items) {
                let s16 = s as u16;
                if !view.serves(s16) {
                    // It moved: nothing is taken from here; ask whom the node names.
                    self.schedule_refresh();
                    hops += 1;
                    if hops > MAX_REDIRECTS {
                        return Err((
                            Failure::Request,
                            format!("slot {s} keeps changing owner: call scan again with the same cursor"),
                        ));
                    }
                    named = view.owner_of(s16).filter(|owner| *owner != node);
                    if named.is_none() {
                        tokio::time::sleep(RETRY_PAUSE).await;
                    }
                    break;
                }
                let mut slot_keys = key_list(reply)?;
                if let Some(target) = view.migrating_to(s16) {
                    let target = target.map_err(|m| (Failure::Request, m))?;
                    let packed = resp::pack(&[b"CLUSTER", b"GETKEYSINSLOT", s.to_string().as_bytes(), ALL_KEYS]);
                    let moved = key_list(self.call(target, packed, 0, deadline).await?)?;
                    let here: HashSet<Vec<u8>> = slot_keys.iter().cloned().collect();
                    slot_keys.extend(moved.into_iter().filter(|k| !here.contains(k)));
                }
                read += 1;
                found_here += slot_keys.len();
                match &options.pattern {
                    Some(glob) => keys.extend(slot_keys.into_iter().filter(|k| glob.matches(k))),
                    None => keys.extend(slot_keys),
                }
                slot = s + 1;
            }
            if read > 0 {
                batch = next_batch(read, found_here, options.count);
                found += found_here as u64;
            }
        }
        if let Some(wanted) = &options.object_type {
            keys = self.keep_type(keys, wanted, deadline).await?;
        }
        Ok(ScanStep { cursor: ScanCursor { next_slot: slot, batch }, keys })
    }

    /// The keys whose `TYPE` is `wanted` (asked all at once, each of its node).
    async fn keep_type(
        &self,
        keys: Vec<Vec<u8>>,
        wanted: &[u8],
        deadline: Option<Instant>,
    ) -> Result<Vec<Vec<u8>>, (Failure, String)> {
        let map = self.slot_map();
        let mut asked = Vec::with_capacity(keys.len());
        for key in &keys {
            let node = self
                .node_for_slot(&map, slots::slot_of(key), false)
                .ok_or_else(|| (Failure::Request, "a key's slot is not served by any node".to_string()))?;
            asked.push(self.start_call(node, resp::pack(&[b"TYPE", key]), 0, deadline));
        }
        let mut kept = Vec::new();
        for (key, reply) in keys.into_iter().zip(asked) {
            let reply = reply.await.unwrap_or_else(|_| Err((Failure::Closing, "the client is closed".into())))?;
            let matches = match reply {
                Value::SimpleString(name) => name.as_bytes().eq_ignore_ascii_case(wanted),
                Value::BulkString(name) => name.eq_ignore_ascii_case(wanted),
                Value::ServerError(message) => return Err((Failure::Request, message)),
                _ => false,
            };
            if matches {
                kept.push(key);
            }
        }
        Ok(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<&[u8]> {
        text.split(' ').map(str::as_bytes).collect()
    }

    #[test]
    fn steps_parse() {
        let (cursor, options) = parse_step(&args("SCAN 0 16")).unwrap();
        assert_eq!(cursor, ScanCursor { next_slot: 0, batch: 16 });
        assert_eq!(options.count, DEFAULT_COUNT);
        assert!(options.pattern.is_none() && options.object_type.is_none() && !options.allow_uncovered);
        let (cursor, options) = parse_step(&args("SCAN 100 5000 MATCH k:* COUNT 50 TYPE HASH ALLOWNONCOVERED")).unwrap();
        assert_eq!(cursor, ScanCursor { next_slot: 100, batch: MAX_BATCH });
        assert_eq!(options.count, 50);
        assert_eq!(options.object_type.as_deref(), Some(&b"hash"[..]));
        assert!(options.pattern.unwrap().matches(b"k:1"));
        assert!(options.allow_uncovered);
        for bad in ["SCAN 16385 1", "SCAN x 1", "SCAN 0", "SCAN 0 1 COUNT 0", "SCAN 0 1 COUNT", "SCAN 0 1 LIMIT 3", "GET 0 1"] {
            assert!(parse_step(&args(bad)).is_err(), "{bad}");
        }
    }

    /// The next slot, the batch and the keys are at their `wire::scan_step` positions, where
    /// Java's `SlotScanCursor.result` reads them.
    #[test]
    fn a_step_is_laid_out_as_the_wire_says() {
        let step = ScanStep { cursor: ScanCursor { next_slot: SLOT_COUNT as u32, batch: 7 }, keys: vec![b"k".to_vec()] };
        let Value::Array(parts) = step.into_value() else { panic!("not an array") };
        assert_eq!(parts.len(), wire::scan_step::LEN);
        assert_eq!(parts[wire::scan_step::NEXT_SLOT], Value::Int(i64::from(wire::cluster::SLOT_COUNT)));
        assert_eq!(parts[wire::scan_step::BATCH], Value::Int(7));
        assert_eq!(parts[wire::scan_step::KEYS], Value::Array(vec![Value::BulkString(b"k".to_vec())]));
    }

    #[test]
    fn batches_aim_at_count() {
        assert_eq!(next_batch(16, 0, 10), 64);
        assert_eq!(next_batch(1000, 0, 10), MAX_BATCH);
        assert_eq!(next_batch(16, 160, 10), 1);
        assert_eq!(next_batch(16, 8, 10), 20);
        assert_eq!(next_batch(1, 1_000_000, 10), 1);
    }

    #[test]
    fn a_transaction_reads_each_slot() {
        let packed = slots_transaction(7, 9);
        let text = String::from_utf8(packed).unwrap();
        assert!(text.starts_with("*1\r\n$5\r\nMULTI\r\n*2\r\n$7\r\nCLUSTER\r\n$5\r\nNODES\r\n"));
        assert!(text.contains("$1\r\n7\r\n") && text.contains("$1\r\n8\r\n") && !text.contains("$1\r\n9\r\n"));
        assert!(text.ends_with("*1\r\n$4\r\nEXEC\r\n"));
    }

    const NODES: &str = "\
07c3 127.0.0.1:30004@40004 slave e7d1 0 1426238317239 4 connected
67ed 127.0.0.1:30002@40002,node-b master - 0 1426238316232 2 connected 5461-10922
e7d1 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-5460 [5000->-67ed] [12000-<-292f]
292f 127.0.0.1:30003@40003 master - 0 1426238318243 3 connected 10923-16383
";

    #[test]
    fn a_nodes_view_reads_ownership_and_migrations() {
        let view = NodesView::parse(NODES).unwrap();
        assert!(view.serves(0) && view.serves(5460) && view.serves(5000));
        assert!(!view.serves(5461) && !view.serves(12000), "importing is not serving");
        assert_eq!(view.owner_of(6000), Some(Address::new("127.0.0.1", 30002)));
        assert_eq!(view.owner_of(16383), Some(Address::new("127.0.0.1", 30003)));
        assert_eq!(view.migrating_to(5000), Some(Ok(Address::new("127.0.0.1", 30002))));
        assert_eq!(view.migrating_to(4999), None);
        assert!(NodesView::parse("e7d1 127.0.0.1:30001@40001 myself,master - 0 0 1 connected 0-99999").is_err());
        assert!(NodesView::parse("too short").is_err());
    }
}
