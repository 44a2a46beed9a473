//! The process-wide completion queue: how outcomes travel from Tokio workers to Java.
//!
//! Every request ends with exactly one [`Completion`] pushed here (value, error,
//! timeout, close...). One Java daemon thread (`glide-completer`) drains the
//! queue in batches through `NativeBridge.awaitCompletions` and completes the
//! futures, so user continuations never run on a Tokio worker thread.
//!
//! One shared queue instead of a channel per client or per request: its memory
//! grows with the messages actually waiting and is the same for 1 or 10,000 idle
//! clients.

use std::collections::VecDeque;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};

/// One finished request as three numbers: which request, what kind of outcome,
/// and the payload (a value, or a pointer to native bytes; see [`crate::reply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    pub request_id: i64,
    pub kind: i32,
    pub payload: i64,
}

struct Queue {
    items: Mutex<VecDeque<Completion>>,
    ready: Condvar,
}

static QUEUE: Queue = Queue {
    items: Mutex::new(VecDeque::new()),
    ready: Condvar::new(),
};

/// Queues one completion and wakes the Java completer.
pub fn push(completion: Completion) {
    push_all(std::iter::once(completion), true);
}

/// Queues several completions with one lock and at most one wake-up.
/// `wake` is false when the caller drains the queue itself right after
/// (a Java thread helping with reads), which saves waking the completer.
pub fn push_all(completions: impl IntoIterator<Item = Completion>, wake: bool) {
    let mut items = QUEUE.items.lock();
    let before = items.len();
    items.extend(completions);
    let added = items.len() > before;
    drop(items);
    if added && wake {
        QUEUE.ready.notify_one();
    }
}

/// Moves up to `out.len()` completions into `out`, waiting up to `timeout` for
/// the first one. Returns how many were written.
pub fn drain(out: &mut [Completion], timeout: Duration) -> usize {
    if out.is_empty() {
        return 0;
    }
    let mut items = QUEUE.items.lock();
    if items.is_empty() {
        let _ = QUEUE.ready.wait_for(&mut items, timeout);
    }
    let n = items.len().min(out.len());
    for (slot, item) in out.iter_mut().zip(items.drain(..n)) {
        *slot = item;
    }
    n
}

/// Completions waiting for Java (for statistics).
pub fn backlog() -> usize {
    QUEUE.items.lock().len()
}

#[cfg(test)]
pub(crate) mod test_support {
    //! The queue is global; tests that push and drain take this lock so they
    //! do not steal each other's completions.
    pub static SERIAL: parking_lot::Mutex<()> = parking_lot::Mutex::new(());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drains_in_order_and_respects_the_batch_size() {
        let _serial = test_support::SERIAL.lock();
        for i in 0..5 {
            push(Completion { request_id: 1000 + i, kind: 1, payload: i });
        }
        let mut out = [Completion { request_id: 0, kind: 0, payload: 0 }; 3];
        assert_eq!(drain(&mut out, Duration::from_millis(10)), 3);
        assert_eq!(out.iter().map(|c| c.request_id).collect::<Vec<_>>(), [1000, 1001, 1002]);
        assert_eq!(drain(&mut out, Duration::from_millis(10)), 2);
        assert_eq!(out[1].payload, 4);
    }

    #[test]
    fn an_empty_queue_times_out_with_zero() {
        let _serial = test_support::SERIAL.lock();
        let mut out = [Completion { request_id: 0, kind: 0, payload: 0 }; 4];
        let start = std::time::Instant::now();
        assert_eq!(drain(&mut out, Duration::from_millis(30)), 0);
        assert!(start.elapsed() >= Duration::from_millis(25));
    }

    #[test]
    fn a_push_from_another_thread_wakes_the_drainer() {
        let _serial = test_support::SERIAL.lock();
        let pusher = std::thread::spawn(|| {
            std::thread::sleep(Duration::from_millis(20));
            push(Completion { request_id: 77, kind: 4, payload: 0 });
        });
        let mut out = [Completion { request_id: 0, kind: 0, payload: 0 }; 1];
        let start = std::time::Instant::now();
        assert_eq!(drain(&mut out, Duration::from_secs(5)), 1);
        assert!(start.elapsed() < Duration::from_secs(4));
        assert_eq!(out[0].request_id, 77);
        pusher.join().unwrap();
    }
}
