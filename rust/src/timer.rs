//! Request deadlines of every connection, served by one task for the process.
//!
//! A connection registers *one* wake-up time, the earliest deadline among its
//! pending requests, and only when that moves earlier. With the usual uniform
//! request timeout every new deadline is later than the registered one, so a
//! request costs no timer work at all; the timer task wakes about once per
//! timeout period per busy connection, and never for idle ones.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::{OnceLock, Weak};

use parking_lot::Mutex;
use tokio::sync::Notify;
use tokio::time::Instant;

/// Something with deadlines: asked to expire what is due and to say when it
/// next needs checking.
pub(crate) trait Deadlines: Send + Sync {
    /// Completes what is due at `now`; returns the next deadline, if any.
    fn expire(&self, now: Instant) -> Option<Instant>;
}

struct Wakeup {
    at: Instant,
    seq: u64,
    target: Weak<dyn Deadlines>,
}

impl PartialEq for Wakeup {
    fn eq(&self, other: &Self) -> bool {
        (self.at, self.seq) == (other.at, other.seq)
    }
}
impl Eq for Wakeup {}
impl PartialOrd for Wakeup {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Wakeup {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and we want the earliest first.
        (other.at, other.seq).cmp(&(self.at, self.seq))
    }
}

struct Wheel {
    heap: Mutex<(BinaryHeap<Wakeup>, u64)>,
    changed: Notify,
}

static WHEEL: OnceLock<Wheel> = OnceLock::new();

fn wheel() -> &'static Wheel {
    WHEEL.get_or_init(|| {
        let wheel = Wheel { heap: Mutex::new((BinaryHeap::new(), 0)), changed: Notify::new() };
        if let Ok(rt) = crate::runtime::get() {
            rt.spawn(run());
        }
        wheel
    })
}

/// Asks for `target.expire` to be called at `at`.
pub(crate) fn schedule(at: Instant, target: Weak<dyn Deadlines>) {
    let wheel = wheel();
    let mut guard = wheel.heap.lock();
    let (heap, seq) = &mut *guard;
    let earliest = heap.peek().is_none_or(|w| at < w.at);
    *seq += 1;
    heap.push(Wakeup { at, seq: *seq, target });
    drop(guard);
    if earliest {
        wheel.changed.notify_one();
    }
}

async fn run() {
    let wheel = wheel();
    loop {
        let changed = wheel.changed.notified();
        tokio::pin!(changed);
        changed.as_mut().enable();
        let next = wheel.heap.lock().0.peek().map(|w| w.at);
        match next {
            None => changed.await,
            Some(at) => {
                tokio::select! {
                    _ = tokio::time::sleep_until(at) => fire(wheel),
                    _ = &mut changed => {}
                }
            }
        }
    }
}

fn fire(wheel: &Wheel) {
    let now = Instant::now();
    let mut due = Vec::new();
    {
        let mut guard = wheel.heap.lock();
        while guard.0.peek().is_some_and(|w| w.at <= now) {
            due.push(guard.0.pop().expect("peeked"));
        }
    }
    for wakeup in due {
        if let Some(target) = wakeup.target.upgrade() {
            // One connection's panic must not stop the deadlines of every other one.
            match crate::contain::run("expiring deadlines", || target.expire(now)) {
                Ok(Some(next)) => schedule(next, wakeup.target),
                Ok(None) => {}
                // Its requests' deadlines are checked again soon rather than never.
                Err(_) => schedule(now + std::time::Duration::from_millis(100), wakeup.target),
            }
        }
    }
}
