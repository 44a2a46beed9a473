//! A hasher for the maps looked up on every request: the cluster's parts in flight (by id)
//! and its nodes (by address), and the threads seated for a completion (by request id).
//!
//! std's default, SipHash, resists keys chosen to collide, which these maps do not need:
//! their keys are ids this process numbers and addresses the cluster announced. It costs
//! tens of nanoseconds per lookup, several times per request. This one is a multiply and
//! a rotate per word (the scheme of rustc's FxHasher).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// An odd constant with well-mixed bits: multiplying by it carries every bit of the key
/// into the high bits, which the map's probing uses.
const SEED: u64 = 0x517c_c1b7_2722_0a95;

#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash_of(value: impl Hash) -> u64 {
        BuildHasherDefault::<FastHasher>::default().hash_one(value)
    }

    #[test]
    fn consecutive_ids_differ_in_the_high_bits_the_map_probes_with() {
        // hashbrown takes its 7-bit tag from the top of the hash: consecutive ids must not share it.
        let tags: std::collections::HashSet<u64> = (-64i64..64).map(|id| hash_of(id) >> 57).collect();
        assert!(tags.len() > 40, "only {} distinct tags for 128 ids", tags.len());
    }

    #[test]
    fn bytes_past_the_first_word_count() {
        assert_ne!(hash_of("127.0.0.1-a"), hash_of("127.0.0.1-b"));
        assert_ne!(hash_of(("10.0.0.1", 7000u16)), hash_of(("10.0.0.1", 7001u16)));
    }

    #[test]
    fn a_map_keyed_by_id_finds_what_it_holds() {
        let mut map: FastMap<i64, i64> = FastMap::default();
        (-1000..1000).for_each(|id| {
            map.insert(id, id * 2);
        });
        assert!((-1000..1000).all(|id| map.get(&id) == Some(&(id * 2))));
        assert_eq!(map.get(&1000), None);
    }
}
