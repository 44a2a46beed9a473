//! The JVM sink: records wait in a bounded queue until the Java side's daemon
//! thread (`glide-log`, `glide.internal.LogBridge`) takes them and hands them to
//! SLF4J or `System.Logger`.
//!
//! The core never calls into the JVM to log: an event may fire on a runtime
//! thread holding a connection's lock, and a Java logging backend may block
//! (a full appender, a slow disk). Pushing is a short lock and never waits;
//! when the queue is full the record is dropped and counted, and the next
//! batch Java takes starts with a line saying how many were dropped.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

use super::{Record, Verbosity, OFF, WARN};

/// Records waiting at most; beyond that, drop (a stalled Java logger must
/// not grow native memory).
const CAPACITY: usize = 4096;

static LEVEL: AtomicU8 = AtomicU8::new(OFF);
static QUEUE: Mutex<VecDeque<Record>> = Mutex::new(VecDeque::new());
static READY: Condvar = Condvar::new();
static DROPPED: AtomicU64 = AtomicU64::new(0);
static DROPPED_TOTAL: AtomicU64 = AtomicU64::new(0);

/// The most verbose level the application's logging wants from the core
/// (OFF until the Java side says).
pub fn level() -> Verbosity {
    LEVEL.load(Ordering::Relaxed)
}

/// Sets the JVM sink's level (from what the Java side found enabled).
pub fn set_level(level: Verbosity) {
    LEVEL.store(level, Ordering::Relaxed);
    super::levels_changed();
}

/// Queues a record for Java; drops it (counted) when the queue is full.
pub(super) fn push(record: Record) {
    let mut queue = QUEUE.lock();
    if queue.len() >= CAPACITY {
        drop(queue);
        DROPPED.fetch_add(1, Ordering::Relaxed);
        DROPPED_TOTAL.fetch_add(1, Ordering::Relaxed);
        return;
    }
    queue.push_back(record);
    drop(queue);
    READY.notify_one();
}

/// Records dropped because the queue was full, since the process started.
pub fn dropped_total() -> u64 {
    DROPPED_TOTAL.load(Ordering::Relaxed)
}

/// Takes up to `max` records, waiting up to `wait` for the first. A note of
/// records dropped since the last take comes first.
pub fn take(max: usize, wait: Duration) -> Vec<Record> {
    let mut queue = QUEUE.lock();
    if queue.is_empty() && !wait.is_zero() {
        READY.wait_for(&mut queue, wait);
    }
    let mut out = Vec::with_capacity(queue.len().min(max));
    let dropped = DROPPED.swap(0, Ordering::Relaxed);
    if dropped > 0 {
        let message = format!("{dropped} core log records dropped: the Java logging thread fell behind (queue of {CAPACITY})");
        out.push(Record::now(WARN, "glide.core", message));
    }
    while out.len() < max {
        match queue.pop_front() {
            Some(record) => out.push(record),
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_queue_drops_and_says_so() {
        let _serial = super::super::TEST_LEVELS.lock();
        let _ = take(usize::MAX, Duration::ZERO);
        for i in 0..CAPACITY + 3 {
            push(Record::now(WARN, "glide.core", format!("r{i}")));
        }
        let before = dropped_total();
        let got = take(10, Duration::ZERO);
        assert!(got[0].message.starts_with("3 core log records dropped"), "{:?}", got[0]);
        assert_eq!(got[1].message, "r0");
        assert_eq!(got.len(), 10);
        assert!(before >= 3);
        let rest = take(usize::MAX, Duration::ZERO);
        assert_eq!(rest.len(), CAPACITY - 9);
        assert!(take(usize::MAX, Duration::from_millis(5)).is_empty());
    }
}
