//! A thread about to sleep in `poll` for a connection's replies looks again for
//! a short while first, when such looks have paid off on this connection lately.
//!
//! Why: waking a thread that sleeps costs more than the wait it ends when the
//! reply is due within tens of microseconds. On a virtual machine each wake-up
//! of an idle vCPU is a trip through the hypervisor; on the 2-vCPU guest this
//! project is measured on (nested virtualization, no halt polling), one chain of
//! callbacks ran 1.6-2.1x faster when the completer looked for up to 80 µs
//! before sleeping, and one blocking thread 2.2-2.9x, at the same or lower CPU
//! per request: the sleep and wake-up it saved cost more CPU than the looking
//! (`benchmarks/results/spin-before-sleep-2026-12-07`).
//!
//! Looking is not free where replies come late (a server across a network, a
//! slow command): there each look would burn its whole budget. So the decision
//! adapts per connection with a small credit, as a branch predictor does: a
//! look that saw the reply earns one, one that ran out costs [`MISS_COST`], and
//! a connection without credit sleeps at once, looking again only every
//! [`PROBE_EVERY`] waits to notice that replies came back within reach. With
//! replies that never come within the budget, the looking costs about the
//! budget / [`PROBE_EVERY`] per wait after the first few.
//!
//! The budget is process-wide: [`DEFAULT_SPIN_MICROS`], set from Java by the
//! system property `glide.readSpinMicros` (0: never look, always sleep).

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The budget of one look when nothing sets it, in microseconds: above this
/// host's round trip to a local server at one request in flight (about 60 µs
/// with the server's own wake-up), below a round trip across a network.
pub const DEFAULT_SPIN_MICROS: u64 = 100;

/// The most credit a connection holds: after a long run of looks that paid off,
/// [`MAX_CREDIT`] / [`MISS_COST`] misses in a row stop the looking.
const MAX_CREDIT: u32 = 8;
/// What a look that ran out costs: looking goes on while at most about one
/// look in [`MISS_COST`] + 1 runs out.
const MISS_COST: u32 = 3;
/// Without credit, one wait in this many looks anyway.
const PROBE_EVERY: u32 = 64;

static SPIN_MICROS: AtomicU64 = AtomicU64::new(DEFAULT_SPIN_MICROS);
/// Looks made, process-wide (see [`looks`]).
static LOOKS: AtomicU64 = AtomicU64::new(0);

/// How many looks before sleeping all connections made so far: for tests and
/// diagnostics (one relaxed add per look, which costs far less than the look).
pub fn looks() -> u64 {
    LOOKS.load(Ordering::Relaxed)
}

/// Sets the budget of one look, process-wide (0: never look); returns the value in force.
pub fn set_spin_micros(micros: u64) -> u64 {
    // Longer than a millisecond would only burn CPU: a sleep's wake-up costs far less.
    let micros = micros.min(1_000);
    SPIN_MICROS.store(micros, Ordering::Relaxed);
    micros
}

fn spin_budget() -> Duration {
    Duration::from_micros(SPIN_MICROS.load(Ordering::Relaxed))
}

/// One connection's record of whether looking before sleeping pays off. The
/// threads that read it update it without a lock: a lost update only shifts a
/// heuristic by one step.
pub(super) struct SpinBeforeSleep {
    credit: AtomicU32,
    /// Waits without credit since the last probe.
    since_probe: AtomicU32,
}

impl Default for SpinBeforeSleep {
    /// A new connection's first wait looks.
    fn default() -> Self {
        SpinBeforeSleep { credit: AtomicU32::new(1), since_probe: AtomicU32::new(0) }
    }
}

impl SpinBeforeSleep {
    /// Called by a thread about to sleep up to `limit` for this connection:
    /// calls `ready` (a look that does not wait) until it says true or the
    /// budget (at most `limit`) runs out, if this connection's record says to.
    /// Returns whether `ready` said true; `false` means sleep now.
    pub(super) fn look_before_sleeping(&self, limit: Duration, mut ready: impl FnMut() -> bool) -> bool {
        let budget = spin_budget().min(limit);
        if budget.is_zero() || !self.worth_looking() {
            return false;
        }
        LOOKS.fetch_add(1, Ordering::Relaxed);
        let until = Instant::now() + budget;
        loop {
            if ready() {
                self.record(true);
                return true;
            }
            if Instant::now() >= until {
                self.record(false);
                return false;
            }
            std::hint::spin_loop();
        }
    }

    fn worth_looking(&self) -> bool {
        if self.credit.load(Ordering::Relaxed) > 0 {
            return true;
        }
        let waits = self.since_probe.load(Ordering::Relaxed) + 1;
        if waits >= PROBE_EVERY {
            self.since_probe.store(0, Ordering::Relaxed);
            return true;
        }
        self.since_probe.store(waits, Ordering::Relaxed);
        false
    }

    fn record(&self, paid_off: bool) {
        let credit = self.credit.load(Ordering::Relaxed);
        let credit = if paid_off { (credit + 1).min(MAX_CREDIT) } else { credit.saturating_sub(MISS_COST) };
        self.credit.store(credit, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The looks `n` waits make when each look's outcome is `reply_within_reach`:
    /// how many of them looked.
    fn looks(spin: &SpinBeforeSleep, n: u32, reply_within_reach: bool) -> u32 {
        let mut looked = 0;
        for _ in 0..n {
            let mut called = false;
            spin.look_before_sleeping(Duration::from_millis(1), || {
                called = true;
                reply_within_reach
            });
            looked += u32::from(called);
        }
        looked
    }

    #[test]
    fn a_connection_whose_replies_come_within_reach_keeps_looking() {
        let _budget = Budget::set(20);
        let spin = SpinBeforeSleep::default();
        assert_eq!(looks(&spin, 1, true), 1, "the first wait probes");
        assert_eq!(looks(&spin, 100, true), 100);
    }

    #[test]
    fn a_connection_whose_replies_come_late_stops_looking_and_probes_rarely() {
        let _budget = Budget::set(20);
        let spin = SpinBeforeSleep::default();
        // The first wait probes and misses: no credit, sleep from then on.
        let looked = looks(&spin, 1 + 10 * PROBE_EVERY, false);
        assert_eq!(looked, 1 + 10, "one probe per {PROBE_EVERY} waits");
    }

    #[test]
    fn a_rare_late_reply_does_not_stop_the_looking_but_a_run_of_them_does() {
        let _budget = Budget::set(20);
        let spin = SpinBeforeSleep::default();
        looks(&spin, 20, true);
        // One miss in five: each costs MISS_COST, four hits earn it back.
        for _ in 0..10 {
            assert_eq!(looks(&spin, 1, false), 1);
            assert_eq!(looks(&spin, 4, true), 4);
        }
        let missed_in_a_row = looks(&spin, 10, false);
        assert_eq!(missed_in_a_row, MAX_CREDIT.div_ceil(MISS_COST), "then it sleeps at once");
        // Replies within reach again: the next probe notices and looking resumes.
        let mut slept_before_probing = 0;
        while looks(&spin, 1, true) == 0 {
            slept_before_probing += 1;
        }
        assert!(slept_before_probing < PROBE_EVERY, "{slept_before_probing}");
        assert_eq!(looks(&spin, 10, true), 10);
    }

    #[test]
    fn a_look_ends_when_ready_or_when_the_budget_or_the_wait_runs_out() {
        let _budget = Budget::set(300);
        let spin = SpinBeforeSleep::default();
        let mut calls = 0;
        assert!(spin.look_before_sleeping(Duration::from_secs(1), || {
            calls += 1;
            calls == 3
        }));
        assert_eq!(calls, 3, "stops at the first ready");
        let start = Instant::now();
        assert!(!spin.look_before_sleeping(Duration::from_secs(1), || false));
        let spent = start.elapsed();
        assert!(spent >= Duration::from_micros(300), "looked for the whole budget: {spent:?}");
        // A wait shorter than the budget bounds the look.
        let spin = SpinBeforeSleep::default();
        let start = Instant::now();
        assert!(!spin.look_before_sleeping(Duration::from_micros(50), || false));
        assert!(start.elapsed() < Duration::from_micros(300), "{:?}", start.elapsed());
        // A zero budget never looks.
        set_spin_micros(0);
        let spin = SpinBeforeSleep::default();
        assert_eq!(looks(&spin, 10, true), 0);
    }

    #[test]
    fn the_budget_is_capped_at_a_millisecond() {
        let _budget = Budget::set(20);
        assert_eq!(set_spin_micros(5_000_000), 1_000);
    }

    /// Sets the process-wide budget for one test and restores the default after
    /// it; tests that change it take turns.
    struct Budget(#[allow(dead_code)] parking_lot::MutexGuard<'static, ()>);
    static BUDGET_SERIAL: parking_lot::Mutex<()> = parking_lot::Mutex::new(());
    impl Budget {
        fn set(micros: u64) -> Budget {
            let guard = BUDGET_SERIAL.lock();
            set_spin_micros(micros);
            Budget(guard)
        }
    }
    impl Drop for Budget {
        fn drop(&mut self) {
            set_spin_micros(DEFAULT_SPIN_MICROS);
        }
    }
}
