//! Which node serves a key: hash slots and the cluster's slot map.
//!
//! A cluster splits the key space into 16,384 slots; a key's slot is the
//! CRC16 (XMODEM) of the key, or of its hash tag (the part between the first
//! `{` and the next `}`, when not empty), modulo 16,384. Each slot range is
//! served by one shard: a primary and its replicas, as `CLUSTER SLOTS` reports.

use std::sync::Arc;

use crate::resp::Value;

/// How many slots there are (Java's slot checks and finished scan cursors use the same number).
pub const SLOT_COUNT: u16 = crate::wire::cluster::SLOT_COUNT as u16;

/// A node's address as the cluster announces it (`host:port`). Every request names its
/// node's address (planned, then looked up): the host is shared, so that costs no copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    pub host: Arc<str>,
    pub port: u16,
}

impl Address {
    pub fn new(host: impl Into<String>, port: u16) -> Address {
        Address { host: Arc::from(host.into()), port }
    }

    /// Parses `host:port` (the last colon separates the port, so IPv6 hosts work).
    pub fn parse(text: &str) -> Option<Address> {
        let (host, port) = text.rsplit_once(':')?;
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if host.is_empty() {
            return None;
        }
        Some(Address::new(host, port.parse().ok()?))
    }
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// The hash slot of `key`.
pub fn slot_of(key: &[u8]) -> u16 {
    crc16(hash_tag(key)) % SLOT_COUNT
}

/// The part of `key` that is hashed: its hash tag if it has a non-empty one.
fn hash_tag(key: &[u8]) -> &[u8] {
    if let Some(open) = key.iter().position(|&b| b == b'{') {
        if let Some(len) = key[open + 1..].iter().position(|&b| b == b'}') {
            if len > 0 {
                return &key[open + 1..open + 1 + len];
            }
        }
    }
    key
}

/// CRC16-CCITT (XMODEM): polynomial 0x1021, initial value 0, as the cluster specification uses.
/// A byte at a time through [`CRC16_TABLE`]: every request of a cluster client hashes its key.
fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0u16, |crc, &byte| (crc << 8) ^ CRC16_TABLE[usize::from((crc >> 8) as u8 ^ byte)])
}

/// The CRC of each byte value alone: what it adds to the register when it enters the top.
const CRC16_TABLE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = (i as u16) << 8;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
            bit += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// A primary and its replicas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shard {
    pub primary: Address,
    pub replicas: Vec<Address>,
}

/// Slot ranges and the shards that serve them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SlotMap {
    /// Sorted by first slot, not overlapping: (first, last, index into `shards`).
    ranges: Vec<(u16, u16, usize)>,
    shards: Vec<Shard>,
}

impl SlotMap {
    /// Reads a `CLUSTER SLOTS` reply. `asked` is the node that answered: a node
    /// that announces an empty host means "the host you reached me at".
    pub fn from_cluster_slots(reply: &Value, asked: &Address) -> Result<SlotMap, String> {
        let Value::Array(entries) = reply else {
            return Err(format!("CLUSTER SLOTS: expected an array, got {reply:?}"));
        };
        let mut map = SlotMap::default();
        for entry in entries {
            let Value::Array(fields) = entry else {
                return Err("CLUSTER SLOTS: an entry is not an array".into());
            };
            if fields.len() < 3 {
                return Err("CLUSTER SLOTS: an entry has no primary".into());
            }
            let first = slot_number(&fields[0])?;
            let last = slot_number(&fields[1])?;
            if first > last {
                return Err(format!("CLUSTER SLOTS: range {first}-{last} is reversed"));
            }
            let primary = node_address(&fields[2], asked)?;
            let replicas = fields[3..].iter().map(|f| node_address(f, asked)).collect::<Result<Vec<_>, _>>()?;
            let shard = Shard { primary, replicas };
            let index = match map.shards.iter().position(|s| s.primary == shard.primary) {
                Some(i) => i,
                None => {
                    map.shards.push(shard);
                    map.shards.len() - 1
                }
            };
            map.ranges.push((first, last, index));
        }
        map.ranges.sort_unstable();
        if map.ranges.windows(2).any(|w| w[0].1 >= w[1].0) {
            return Err("CLUSTER SLOTS: overlapping slot ranges".into());
        }
        if map.ranges.is_empty() {
            return Err("CLUSTER SLOTS: no slot is served (is the cluster formed?)".into());
        }
        Ok(map)
    }

    /// The shard serving `slot`, if any.
    pub fn shard_of(&self, slot: u16) -> Option<&Shard> {
        let i = self.ranges.partition_point(|&(_, last, _)| last < slot);
        let &(first, _, shard) = self.ranges.get(i)?;
        (first <= slot).then(|| &self.shards[shard])
    }

    /// The shard serving `slot` and the last slot of the range it is in.
    pub fn range_of(&self, slot: u16) -> Option<(u16, &Shard)> {
        let i = self.ranges.partition_point(|&(_, last, _)| last < slot);
        let &(first, last, shard) = self.ranges.get(i)?;
        (first <= slot).then(|| (last, &self.shards[shard]))
    }

    /// The first served slot at or after `slot`.
    pub fn next_served(&self, slot: u16) -> Option<u16> {
        let i = self.ranges.partition_point(|&(_, last, _)| last < slot);
        self.ranges.get(i).map(|&(first, _, _)| first.max(slot))
    }

    pub fn shards(&self) -> &[Shard] {
        &self.shards
    }

    /// Whether all 16,384 slots are served.
    pub fn covers_every_slot(&self) -> bool {
        let mut next: u32 = 0;
        for &(first, last, _) in &self.ranges {
            if first as u32 != next {
                return false;
            }
            next = last as u32 + 1;
        }
        next == SLOT_COUNT as u32
    }

    /// The primary whose shard lists `replica` among its replicas.
    pub fn primary_of_replica(&self, replica: &Address) -> Option<&Address> {
        self.shards.iter().find(|s| s.replicas.contains(replica)).map(|s| &s.primary)
    }

    /// This map without `replica` among any shard's replicas.
    pub fn without_replica(&self, replica: &Address) -> SlotMap {
        let mut map = self.clone();
        for shard in &mut map.shards {
            shard.replicas.retain(|r| r != replica);
        }
        map
    }

    /// Every node the map names, primaries first.
    pub fn addresses(&self) -> Vec<Address> {
        let mut all: Vec<Address> = self.shards.iter().map(|s| s.primary.clone()).collect();
        all.extend(self.shards.iter().flat_map(|s| s.replicas.iter().cloned()));
        all
    }
}

fn slot_number(value: &Value) -> Result<u16, String> {
    match value {
        Value::Int(n) if (0..SLOT_COUNT as i64).contains(n) => Ok(*n as u16),
        other => Err(format!("CLUSTER SLOTS: invalid slot {other:?}")),
    }
}

/// `[host, port, id, ...]` of one node.
fn node_address(value: &Value, asked: &Address) -> Result<Address, String> {
    let Value::Array(fields) = value else {
        return Err("CLUSTER SLOTS: a node is not an array".into());
    };
    let host = match fields.first() {
        Some(Value::BulkString(b)) => String::from_utf8_lossy(b).into_owned(),
        Some(Value::SimpleString(s)) => s.clone(),
        _ => return Err("CLUSTER SLOTS: a node has no host".into()),
    };
    let port = match fields.get(1) {
        Some(Value::Int(p)) if (1..=65_535).contains(p) => *p as u16,
        _ => return Err("CLUSTER SLOTS: a node has no valid port".into()),
    };
    // "" (or "?" on some versions) means: the host this node was reached at.
    let host = if host.is_empty() || host == "?" { asked.host.to_string() } else { host };
    Ok(Address::new(host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc16_matches_the_specification() {
        // The check value of CRC16/XMODEM, and examples from the cluster specification.
        assert_eq!(crc16(b"123456789"), 0x31C3);
        assert_eq!(slot_of(b"foo"), 12_182);
        assert_eq!(slot_of(b"bar"), 5_061);
    }

    #[test]
    fn the_table_gives_the_bit_by_bit_crc_of_every_byte_and_of_longer_keys() {
        fn bitwise(bytes: &[u8]) -> u16 {
            let mut crc: u16 = 0;
            for &byte in bytes {
                crc ^= u16::from(byte) << 8;
                for _ in 0..8 {
                    crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
                }
            }
            crc
        }
        for byte in 0..=255u8 {
            assert_eq!(crc16(&[byte]), bitwise(&[byte]), "byte {byte}");
        }
        let key: Vec<u8> = (0..300u32).map(|i| (i * 7 + i / 3) as u8).collect();
        for len in 0..key.len() {
            assert_eq!(crc16(&key[..len]), bitwise(&key[..len]), "length {len}");
        }
    }

    #[test]
    fn hash_tags() {
        assert_eq!(slot_of(b"{user1000}.following"), slot_of(b"{user1000}.followers"));
        assert_eq!(slot_of(b"{user1000}.following"), slot_of(b"user1000"));
        // Empty tag: the whole key is hashed.
        assert_eq!(slot_of(b"foo{}{bar}"), crc16(b"foo{}{bar}") % SLOT_COUNT);
        // Only the first '{' and the first '}' after it count.
        assert_eq!(slot_of(b"foo{{bar}}zap"), slot_of(b"{bar"));
        assert_eq!(slot_of(b"foo{bar}{zap}"), slot_of(b"bar"));
        // No closing brace: the whole key.
        assert_eq!(slot_of(b"foo{bar"), crc16(b"foo{bar") % SLOT_COUNT);
    }

    fn node(host: &str, port: i64) -> Value {
        Value::Array(vec![Value::BulkString(host.as_bytes().to_vec()), Value::Int(port), Value::BulkString(b"id".to_vec())])
    }

    fn range(first: i64, last: i64, nodes: Vec<Value>) -> Value {
        let mut fields = vec![Value::Int(first), Value::Int(last)];
        fields.extend(nodes);
        Value::Array(fields)
    }

    #[test]
    fn reads_cluster_slots() {
        let asked = Address::new("10.0.0.9", 7000);
        let reply = Value::Array(vec![
            range(5461, 10922, vec![node("10.0.0.2", 7001), node("10.0.0.5", 7004)]),
            range(0, 5460, vec![node("", 7000), node("10.0.0.4", 7003)]),
            range(10923, 16383, vec![node("10.0.0.3", 7002)]),
        ]);
        let map = SlotMap::from_cluster_slots(&reply, &asked).unwrap();
        assert!(map.covers_every_slot());
        assert_eq!(map.shard_of(0).unwrap().primary, Address::new("10.0.0.9", 7000));
        assert_eq!(map.shard_of(5460).unwrap().replicas, vec![Address::new("10.0.0.4", 7003)]);
        assert_eq!(map.shard_of(5461).unwrap().primary, Address::new("10.0.0.2", 7001));
        assert_eq!(map.shard_of(16383).unwrap().primary, Address::new("10.0.0.3", 7002));
        assert_eq!(map.addresses().len(), 5);
    }

    #[test]
    fn a_loading_replica_leaves_the_map_and_its_primary_is_found() {
        let asked = Address::new("h", 1);
        let reply = Value::Array(vec![
            range(0, 8191, vec![node("a", 1), node("b", 2), node("c", 3)]),
            range(8192, 16383, vec![node("d", 4), node("e", 5)]),
        ]);
        let map = SlotMap::from_cluster_slots(&reply, &asked).unwrap();
        assert_eq!(map.primary_of_replica(&Address::new("c", 3)), Some(&Address::new("a", 1)));
        assert_eq!(map.primary_of_replica(&Address::new("e", 5)), Some(&Address::new("d", 4)));
        assert_eq!(map.primary_of_replica(&Address::new("a", 1)), None, "a primary is no replica");
        let without = map.without_replica(&Address::new("b", 2));
        assert_eq!(without.shard_of(0).unwrap().replicas, vec![Address::new("c", 3)]);
        assert_eq!(without.shard_of(9000), map.shard_of(9000));
        assert!(without.covers_every_slot());
        assert_eq!(without.primary_of_replica(&Address::new("b", 2)), None);
    }

    #[test]
    fn a_shard_may_serve_several_ranges_and_gaps_are_reported() {
        let asked = Address::new("h", 1);
        let reply = Value::Array(vec![range(0, 9, vec![node("a", 1)]), range(20, 29, vec![node("a", 1)])]);
        let map = SlotMap::from_cluster_slots(&reply, &asked).unwrap();
        assert_eq!(map.shards().len(), 1);
        assert!(map.shard_of(15).is_none());
        assert!(map.shard_of(25).is_some());
        assert!(!map.covers_every_slot());
        assert_eq!(map.range_of(3).map(|(last, s)| (last, s.primary.port)), Some((9, 1)));
        assert!(map.range_of(15).is_none());
        assert_eq!(map.next_served(15), Some(20));
        assert_eq!(map.next_served(22), Some(22));
        assert_eq!(map.next_served(30), None);
    }

    #[test]
    fn malformed_replies_are_errors() {
        let asked = Address::new("h", 1);
        for bad in [
            Value::Int(1),
            Value::Array(vec![]),
            Value::Array(vec![range(10, 5, vec![node("a", 1)])]),
            Value::Array(vec![range(0, 99_999, vec![node("a", 1)])]),
            Value::Array(vec![range(0, 10, vec![node("a", 0)])]),
            Value::Array(vec![range(0, 10, vec![node("a", 1)]), range(5, 20, vec![node("b", 1)])]),
        ] {
            assert!(SlotMap::from_cluster_slots(&bad, &asked).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn addresses_parse_and_print() {
        assert_eq!(Address::parse("127.0.0.1:7000"), Some(Address::new("127.0.0.1", 7000)));
        assert_eq!(Address::parse("[::1]:7000"), Some(Address::new("::1", 7000)));
        assert_eq!(Address::new("::1", 7000).to_string(), "[::1]:7000");
        assert_eq!(Address::parse("nohost"), None);
        assert_eq!(Address::parse(":7000"), None);
    }
}
