//! Trace and span ids: random, never zero (zero means "none" in OpenTelemetry).
//!
//! A per-thread xorshift generator seeded from the system's random source: ids must be
//! unique, not secret, and a system call per span would cost more than the span.

use std::cell::Cell;

thread_local! {
    static STATE: Cell<u64> = Cell::new(seed());
}

fn seed() -> u64 {
    let mut bytes = [0u8; 8];
    let seeded = ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes).is_ok();
    let seed = if seeded { u64::from_le_bytes(bytes) } else { fallback_seed() };
    seed | 1 // xorshift must not start at zero
}

/// Time and an address of this thread's stack: distinct enough across threads and processes
/// when the system's random source failed.
fn fallback_seed() -> u64 {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos() as u64);
    let local = 0u8;
    nanos ^ ((&local as *const u8 as u64) << 17)
}

/// A random non-zero 64-bit number (xorshift64*).
pub(super) fn next_u64() -> u64 {
    STATE.with(|state| loop {
        let mut x = state.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state.set(x);
        let out = x.wrapping_mul(0x2545_F491_4F6C_DD1D);
        if out != 0 {
            return out;
        }
    })
}

pub(super) fn span_id() -> u64 {
    next_u64()
}

pub(super) fn trace_id() -> u128 {
    ((next_u64() as u128) << 64) | next_u64() as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_non_zero_and_do_not_repeat() {
        let ids: std::collections::HashSet<u64> = (0..10_000).map(|_| span_id()).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(!ids.contains(&0));
        assert_ne!(trace_id(), trace_id());
    }
}
