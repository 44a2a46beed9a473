//! Waking many waiting threads with one system call.
//!
//! Each thread that waits here has a *slot*: one bit of one of a few shared
//! futex words. A waiter sleeps on its word for its bit (`FUTEX_WAIT_BITSET`);
//! a waker collects the slots of every thread it has something for and wakes
//! them with one `FUTEX_WAKE_BITSET` per word touched, instead of one wake-up
//! (one system call) per thread.
//!
//! Why it matters (see [`crate::followers`], its one user): a reader that read
//! the replies of several waiting threads woke them one `unpark` at a time. On
//! a kernel without in-kernel preemption, the return from each of those system
//! calls is where the thread just woken takes the reader's CPU, so the reader
//! was preempted after its first wake-up and woke the next one only once it ran
//! again: the replies it had read reached their threads one scheduling round
//! apart. Measured at 10 blocking threads (W1), 0.57 involuntary context
//! switches per request before this; one call for all of them gave 1.04-1.12x
//! the throughput at less client CPU per request.
//!
//! Slots are handed out in order, once per thread: the first
//! [`WORDS`]` x 32` waiting threads each have their own, later ones share one.
//! Sharing is safe: a waiter always looks again at what it waits for after a
//! wake-up, so being woken for a neighbour only costs a spurious wake-up.
//!
//! Linux only: the crate's sockets, polls and eventfds are too.

use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};
use std::time::Duration;

/// Shared futex words; together they give `WORDS x 32` distinct slots.
pub(crate) const WORDS: usize = 8;

/// A futex word, alone on its cache line: wakers change it, waiters read it.
#[repr(align(64))]
struct Word(AtomicU32);

static WORD_SET: [Word; WORDS] = [const { Word(AtomicU32::new(0)) }; WORDS];

/// One waiting thread's place: a word and a bit of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    word: usize,
    bit: u32,
}

thread_local! {
    static MINE: Slot = {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        Slot::numbered(NEXT.fetch_add(1, Ordering::Relaxed))
    };
}

impl Slot {
    /// The calling thread's slot (assigned on first use, kept for the thread's life).
    pub(crate) fn mine() -> Slot {
        MINE.with(|s| *s)
    }

    /// Slot `n`, wrapping after `WORDS x 32`.
    fn numbered(n: usize) -> Slot {
        let n = n % (WORDS * 32);
        Slot { word: n / 32, bit: 1 << (n % 32) }
    }

    fn word(self) -> &'static AtomicU32 {
        &WORD_SET[self.word].0
    }

    /// The slot's word now. Read it *before* looking at what the thread waits for,
    /// and pass it to [`Slot::wait`]: a wake-up between the look and the wait then
    /// makes the wait return at once instead of being missed.
    pub(crate) fn seen(self) -> u32 {
        self.word().load(Ordering::SeqCst)
    }

    /// Sleeps until this slot is woken, the word no longer holds `seen`, `timeout`
    /// passes, or spuriously: the caller looks again either way.
    pub(crate) fn wait(self, seen: u32, timeout: Duration) {
        let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `now` is a valid, exclusively borrowed timespec for the call to fill.
        unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut now) };
        // FUTEX_WAIT_BITSET takes an absolute time on CLOCK_MONOTONIC.
        let nanos = now.tv_nsec as u64 + u64::from(timeout.subsec_nanos());
        let secs = (now.tv_sec as u64).saturating_add(timeout.as_secs()).saturating_add(nanos / 1_000_000_000);
        let until = libc::timespec {
            tv_sec: libc::time_t::try_from(secs).unwrap_or(libc::time_t::MAX),
            tv_nsec: (nanos % 1_000_000_000) as libc::c_long,
        };
        // SAFETY: the word is a static AtomicU32 (a valid, aligned u32 for the whole
        // process); `until` outlives the call; the unused second address is null, as
        // FUTEX_WAIT_BITSET allows. Any result (woken, EAGAIN: the word changed,
        // ETIMEDOUT, EINTR) sends the caller back to look.
        unsafe {
            libc::syscall(
                libc::SYS_futex,
                self.word().as_ptr(),
                libc::FUTEX_WAIT_BITSET | libc::FUTEX_PRIVATE_FLAG,
                seen,
                &until as *const libc::timespec,
                std::ptr::null::<u32>(),
                self.bit,
            );
        }
    }
}

/// The slots one waker has something for; [`Wakes::wake`] wakes them all.
#[derive(Default)]
pub(crate) struct Wakes {
    bits: [u32; WORDS],
}

impl Wakes {
    pub(crate) fn add(&mut self, slot: Slot) {
        self.bits[slot.word] |= slot.bit;
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.bits.iter().all(|b| *b == 0)
    }

    /// Changes each word touched (so a thread about to wait on it returns at once)
    /// and wakes its threads: one system call per word. Call it after making what
    /// the threads wait for visible.
    pub(crate) fn wake(self) {
        for (word, bits) in WORD_SET.iter().zip(self.bits) {
            if bits == 0 {
                continue;
            }
            word.0.fetch_add(1, Ordering::SeqCst);
            // SAFETY: the word is a static AtomicU32; FUTEX_WAKE_BITSET reads no
            // timeout and no second address (both null).
            unsafe {
                libc::syscall(
                    libc::SYS_futex,
                    word.0.as_ptr(),
                    libc::FUTEX_WAKE_BITSET | libc::FUTEX_PRIVATE_FLAG,
                    i32::MAX,
                    std::ptr::null::<libc::timespec>(),
                    std::ptr::null::<u32>(),
                    bits,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;
    use std::time::Instant;

    /// A thread waiting on `slot` until `flag` is set (looking again after every
    /// wake-up, as real waiters do); returns how many times it woke.
    fn waiter(slot: Slot, flag: Arc<AtomicBool>) -> std::thread::JoinHandle<u32> {
        std::thread::spawn(move || {
            let mut wakes = 0;
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let seen = slot.seen();
                if flag.load(Ordering::SeqCst) || Instant::now() >= deadline {
                    return wakes;
                }
                slot.wait(seen, deadline - Instant::now());
                wakes += 1;
            }
        })
    }

    #[test]
    fn slots_wrap_after_every_word_is_used() {
        assert_eq!(Slot::numbered(0), Slot { word: 0, bit: 1 });
        assert_eq!(Slot::numbered(33), Slot { word: 1, bit: 2 });
        assert_eq!(Slot::numbered(WORDS * 32 - 1), Slot { word: WORDS - 1, bit: 1 << 31 });
        assert_eq!(Slot::numbered(WORDS * 32), Slot::numbered(0));
    }

    #[test]
    fn one_call_wakes_each_slot_given_and_leaves_the_others_asleep() {
        // Slots of the last word, which the threads of other tests (numbered from 0) do not reach.
        let woken: Vec<Slot> = (0..3).map(|i| Slot::numbered((WORDS - 1) * 32 + 20 + i)).collect();
        let asleep = Slot::numbered((WORDS - 1) * 32 + 30);
        let flags: Vec<Arc<AtomicBool>> = (0..4).map(|_| Arc::new(AtomicBool::new(false))).collect();
        let mut threads: Vec<_> = woken.iter().zip(&flags).map(|(s, f)| waiter(*s, Arc::clone(f))).collect();
        threads.push(waiter(asleep, Arc::clone(&flags[3])));
        std::thread::sleep(Duration::from_millis(50)); // all four asleep
        let mut wakes = Wakes::default();
        for (slot, flag) in woken.iter().zip(&flags) {
            flag.store(true, Ordering::SeqCst);
            wakes.add(*slot);
        }
        let started = Instant::now();
        wakes.wake();
        let last = threads.pop().unwrap();
        for t in threads {
            assert!(t.join().unwrap() >= 1);
        }
        assert!(started.elapsed() < Duration::from_secs(5), "the woken threads came back at once");
        std::thread::sleep(Duration::from_millis(50));
        assert!(!last.is_finished(), "a slot not given stays asleep (nothing was set for it)");
        flags[3].store(true, Ordering::SeqCst);
        let mut wakes = Wakes::default();
        wakes.add(asleep);
        wakes.wake();
        assert!(last.join().unwrap() >= 1);
    }

    #[test]
    fn a_shared_slot_wakes_both_threads_and_the_one_with_nothing_waits_again() {
        let slot = Slot::numbered((WORDS - 1) * 32 + 10);
        let (mine, neighbours) = (Arc::new(AtomicBool::new(false)), Arc::new(AtomicBool::new(false)));
        let (a, b) = (waiter(slot, Arc::clone(&mine)), waiter(slot, Arc::clone(&neighbours)));
        std::thread::sleep(Duration::from_millis(50));
        mine.store(true, Ordering::SeqCst);
        let mut wakes = Wakes::default();
        wakes.add(slot);
        wakes.wake();
        assert!(a.join().unwrap() >= 1);
        std::thread::sleep(Duration::from_millis(50));
        assert!(!b.is_finished(), "woken for its neighbour, it looked and waited again");
        neighbours.store(true, Ordering::SeqCst);
        let mut wakes = Wakes::default();
        wakes.add(slot);
        wakes.wake();
        assert!(b.join().unwrap() >= 1);
    }

    #[test]
    fn a_wake_between_the_look_and_the_wait_is_not_missed() {
        let slot = Slot::numbered((WORDS - 1) * 32 + 5);
        let seen = slot.seen();
        let mut wakes = Wakes::default();
        wakes.add(slot);
        wakes.wake(); // before the wait starts
        let started = Instant::now();
        slot.wait(seen, Duration::from_secs(5));
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[test]
    fn a_wait_nobody_ends_returns_at_its_timeout() {
        let slot = Slot::numbered((WORDS - 1) * 32 + 6);
        let started = Instant::now();
        // Another test's wake-up on the same word may end it sooner, never later.
        slot.wait(slot.seen(), Duration::from_millis(30));
        assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
    }
}
