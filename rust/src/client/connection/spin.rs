//! A thread about to sleep in `poll` for a connection's replies looks again for
//! a short while first, when such looks have paid off on this connection lately.
//!
//! Why: waking a thread that sleeps costs more than the wait it ends when the
//! reply is due within tens of microseconds. On a virtual machine each wake-up
//! of an idle vCPU is a trip through the hypervisor; on the 2-vCPU guest this
//! project is measured on (nested virtualization, no halt polling), one chain of
//! callbacks ran 2.1-2.6x faster with these looks, and one blocking thread
//! 1.6-3.0x, at less CPU per request: the sleep and wake-up a look saves cost
//! more CPU than the look (`benchmarks/results/spin-before-sleep-2026-12-07`).
//! Replies that take longer to arrive whole (512 KiB, 100 keys) cost 10-35%
//! more CPU per request at one thread, for 1.1-2.0x the throughput.
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
//! A thread sleeps at once while other threads wait for replies in native code
//! (threads blocked in `get()` behind the one reading), and after it woke some
//! (a reader handing replies to the threads blocked waiting for them): requests
//! keep coming then, and the threads the replies wake need the CPU more than a
//! look does (at 10 blocking threads on 2 CPUs, looking anyway cost 5-12% of
//! the throughput).
//!
//! At most half the CPUs the process may use look at once, so that many threads
//! waiting on many connections (one client per thread, a cluster's nodes) never
//! take the CPU from the threads that have work: a thread that finds them all
//! looking sleeps at once. Half rounded down: a process with one CPU (a
//! container's quota, an affinity mask) never looks, since the look would take
//! the one CPU from whoever produces the reply or has work to do with it (a
//! local server, the caller's other threads). Measured on one CPU of the
//! 2-vCPU guest, a server sharing it: looking cost 20-26% of the throughput of
//! one blocking thread (W1, GET 16 KiB) at 1.4-1.6x the client CPU per request
//! (`benchmarks/results/remaining-targets-2026-12-07/one-cpu-ab.txt`).
//!
//! The budget is process-wide: [`DEFAULT_SPIN_MICROS`], set from Java by the
//! system property `glide.readSpinMicros` (0: never look, always sleep). The
//! completer thread, reading for requests of threads that never wait in `get()`,
//! may look three budgets ([`Awaiting::OthersReplies`]): its next reply is such a
//! sender's wake-up and a round trip away.

use std::cell::Cell;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::OnceLock;
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

/// The longest look, in microseconds, whatever is asked: longer would only burn
/// CPU, a sleep's wake-up costs far less.
const LONGEST_SPIN_MICROS: u64 = 1_000;

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
    let micros = micros.min(LONGEST_SPIN_MICROS);
    SPIN_MICROS.store(micros, Ordering::Relaxed);
    micros
}

thread_local! {
    /// The calling thread woke other threads since it last waited (see [`woke_others`]).
    static WOKE_OTHERS: Cell<bool> = const { Cell::new(false) };
}

/// The calling thread just woke other threads: its next wait sleeps at once.
pub(crate) fn woke_others() {
    WOKE_OTHERS.with(|w| w.set(true));
}

/// Threads looking right now, process-wide.
static LOOKING: AtomicUsize = AtomicUsize::new(0);

/// How many threads may look at once: half the CPUs this process may use (its
/// cgroup's quota and its affinity count), rounded down.
fn most_looking() -> usize {
    #[cfg(test)]
    {
        let most = tests::MOST_LOOKING.load(Ordering::Relaxed);
        if most > 0 {
            return most;
        }
    }
    static MOST: OnceLock<usize> = OnceLock::new();
    *MOST.get_or_init(|| looking_for(std::thread::available_parallelism().map_or(1, |n| n.get())))
}

/// [`most_looking`] for a process that may use `cpus` CPUs.
fn looking_for(cpus: usize) -> usize {
    cpus / 2
}

/// A thread's turn to look; given back when dropped.
struct Looking;

impl Looking {
    fn take() -> Option<Looking> {
        let most = most_looking();
        LOOKING.fetch_update(Ordering::AcqRel, Ordering::Relaxed, |n| (n < most).then_some(n + 1)).ok().map(|_| Looking)
    }
}

impl Drop for Looking {
    fn drop(&mut self) {
        LOOKING.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Whose replies a look waits for: that sets how far away they may be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Awaiting {
    /// Replies to requests the calling thread sent already (a thread blocked in
    /// `get()`, the completer reading for the callbacks it ran): a round trip away
    /// at most. It may look for the budget.
    OwnReply,
    /// Replies to requests other threads send, some perhaps not sent yet: the
    /// completer reading for callers that never wait in `get()` (a thread joining
    /// a fan-out, a loop bounded by a semaphore), which it wakes by completing
    /// their futures. The next reply is then such a caller's wake-up *and* a round
    /// trip away, so the look may last [`OTHERS_REPLIES_STRETCH`] times the budget.
    OthersReplies,
}

/// How many budgets the completer's look for others' replies may last (see [`Awaiting::OthersReplies`]).
/// Measured on the nested-virtualization host, where each of the two steps costs
/// tens of microseconds: with one budget most of its looks ran out, it lost its
/// credit and slept, and one thread fanning out 16 requests ran at 35-55k ops/s
/// instead of 80-100k in about half the runs
/// (`benchmarks/results/completer-look-2026-12-07`).
const OTHERS_REPLIES_STRETCH: u32 = 3;

/// How long a look before a sleep of at most `limit` lasts: the budget (stretched
/// for `awaiting`, never past the longest budget), or `limit` if shorter.
fn budget_within(limit: Duration, awaiting: Awaiting) -> Duration {
    let budget = Duration::from_micros(SPIN_MICROS.load(Ordering::Relaxed));
    let budget = match awaiting {
        Awaiting::OwnReply => budget,
        Awaiting::OthersReplies => (budget * OTHERS_REPLIES_STRETCH).min(Duration::from_micros(LONGEST_SPIN_MICROS)),
    };
    budget.min(limit)
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
    /// budget for `awaiting` (at most `limit`) runs out, if this connection's record says to
    /// and no `others_waiting` (threads waiting for replies in native code).
    /// Returns whether `ready` said true; `false` means sleep now.
    pub(super) fn look_before_sleeping(
        &self,
        limit: Duration,
        awaiting: Awaiting,
        others_waiting: bool,
        mut ready: impl FnMut() -> bool,
    ) -> bool {
        let budget = budget_within(limit, awaiting);
        let woke_others = WOKE_OTHERS.with(|w| w.replace(false));
        if woke_others || others_waiting || budget.is_zero() || !self.worth_looking() {
            return false;
        }
        let Some(_turn) = Looking::take() else { return false };
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

    /// Forgets how earlier looks went, as a new connection (tests that repeat an attempt).
    #[cfg(test)]
    pub(super) fn forget(&self) {
        let fresh = SpinBeforeSleep::default();
        self.credit.store(fresh.credit.into_inner(), Ordering::Relaxed);
        self.since_probe.store(fresh.since_probe.into_inner(), Ordering::Relaxed);
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
pub(super) mod tests {
    use super::*;

    /// The looks `n` waits make when each look's outcome is `reply_within_reach`:
    /// how many of them looked.
    fn looks(spin: &SpinBeforeSleep, n: u32, reply_within_reach: bool) -> u32 {
        let mut looked = 0;
        for _ in 0..n {
            let mut called = false;
            spin.look_before_sleeping(Duration::from_millis(1), Awaiting::OwnReply, false, || {
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
        assert!(spin.look_before_sleeping(Duration::from_secs(1), Awaiting::OwnReply, false, || {
            calls += 1;
            calls == 3
        }));
        assert_eq!(calls, 3, "stops at the first ready");
        let start = Instant::now();
        assert!(!spin.look_before_sleeping(Duration::from_secs(1), Awaiting::OwnReply, false, || false));
        let spent = start.elapsed();
        assert!(spent >= Duration::from_micros(300), "looked for the whole budget: {spent:?}");
        // A wait shorter than the budget bounds the look.
        assert_eq!(budget_within(Duration::from_micros(50), Awaiting::OwnReply), Duration::from_micros(50));
        assert_eq!(budget_within(Duration::from_secs(1), Awaiting::OwnReply), Duration::from_micros(300));
        // A zero budget never looks.
        set_spin_micros(0);
        let spin = SpinBeforeSleep::default();
        assert_eq!(looks(&spin, 10, true), 0);
    }

    #[test]
    fn a_thread_that_finds_as_many_looking_as_allowed_sleeps_at_once() {
        let _budget = Budget::set(20);
        let spin = SpinBeforeSleep::default();
        // Every turn (another test's thread may hold one for a moment).
        let mut taken = Vec::new();
        while taken.len() < most_looking() {
            taken.extend(Looking::take());
        }
        assert!(Looking::take().is_none());
        assert_eq!(looks(&spin, 5, true), 0);
        drop(taken);
        assert_eq!(looks(&spin, 5, true), 5, "every turn was given back");
    }

    #[test]
    fn a_thread_that_just_woke_others_sleeps_at_once_the_next_time_only() {
        let _budget = Budget::set(20);
        let spin = SpinBeforeSleep::default();
        assert_eq!(looks(&spin, 2, true), 2);
        woke_others();
        assert_eq!(looks(&spin, 1, true), 0);
        assert_eq!(looks(&spin, 2, true), 2);
    }

    #[test]
    fn a_thread_sleeps_at_once_while_others_wait_for_replies() {
        let _budget = Budget::set(20);
        let spin = SpinBeforeSleep::default();
        assert!(!spin.look_before_sleeping(Duration::from_millis(1), Awaiting::OwnReply, true, || panic!("looked")));
        assert_eq!(looks(&spin, 2, true), 2, "and looks again once they are gone");
    }

    #[test]
    fn half_the_cpus_may_look_and_none_of_one() {
        assert_eq!(looking_for(1), 0, "the look would take the CPU from the reply's producer");
        assert_eq!(looking_for(2), 1);
        assert_eq!(looking_for(3), 1);
        assert_eq!(looking_for(16), 8);
    }

    #[test]
    fn the_budget_is_capped_at_a_millisecond() {
        let _budget = Budget::set(20);
        assert_eq!(set_spin_micros(5_000_000), 1_000);
        let forever = Duration::from_secs(1);
        assert_eq!(budget_within(forever, Awaiting::OthersReplies), Duration::from_millis(1), "stretched too");
    }

    #[test]
    fn a_look_for_other_threads_replies_may_last_longer_than_one_for_its_own() {
        let _budget = Budget::set(40);
        let forever = Duration::from_secs(1);
        assert_eq!(budget_within(forever, Awaiting::OwnReply), Duration::from_micros(40));
        assert_eq!(budget_within(forever, Awaiting::OthersReplies), Duration::from_micros(40) * OTHERS_REPLIES_STRETCH);
        assert_eq!(budget_within(Duration::from_micros(70), Awaiting::OthersReplies), Duration::from_micros(70), "within the wait");
        let spin = SpinBeforeSleep::default();
        let start = Instant::now();
        assert!(!spin.look_before_sleeping(forever, Awaiting::OthersReplies, false, || false));
        let spent = start.elapsed();
        assert!(spent >= Duration::from_micros(40) * OTHERS_REPLIES_STRETCH, "looked for the stretched budget: {spent:?}");
        set_spin_micros(0);
        assert_eq!(budget_within(forever, Awaiting::OthersReplies), Duration::ZERO, "0 still means never");
    }

    /// While set (not 0): how many threads may look, whatever this machine's CPUs.
    pub(super) static MOST_LOOKING: AtomicUsize = AtomicUsize::new(0);

    /// Sets the process-wide budget for one test and restores the default after
    /// it; tests that change it take turns. One thread may look meanwhile, even
    /// on a machine with one CPU (where none would).
    pub(in crate::client::connection) struct Budget(#[allow(dead_code)] parking_lot::MutexGuard<'static, ()>);
    static BUDGET_SERIAL: parking_lot::Mutex<()> = parking_lot::Mutex::new(());
    impl Budget {
        pub(in crate::client::connection) fn set(micros: u64) -> Budget {
            let guard = BUDGET_SERIAL.lock();
            set_spin_micros(micros);
            MOST_LOOKING.store(1, Ordering::Relaxed);
            Budget(guard)
        }
    }
    impl Drop for Budget {
        fn drop(&mut self) {
            set_spin_micros(DEFAULT_SPIN_MICROS);
            MOST_LOOKING.store(0, Ordering::Relaxed);
        }
    }
}
