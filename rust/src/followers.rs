//! Java threads blocked in `get()` that wait, inside native code, for a reply
//! another thread is reading ("followers": the reader leads).
//!
//! A thread blocked in `get()` reads its connection itself when nobody else is
//! (see `Connection::help_read`). When somebody is (another waiting thread, or
//! the connection's task), it used to return to Java and park there: its reply
//! then reached it through the Java reader's hand-off, or, when the task read
//! it, through the completion queue, the `glide-completer` thread and a second
//! hand-off. Measured at 16 KiB GETs over TLS from 10 threads, the task and the
//! completer took a third of the client's CPU.
//!
//! Now such a thread takes a seat here, under its request id, and sleeps.
//! Whoever completes that request (a reading thread, the task, a timeout, a
//! shutdown) finds the seat in [`crate::completion::push_all`], leaves the
//! completion on it and wakes the thread: one wake-up, whoever read the
//! reply. The thread then completes its own future in Java, as a reader does
//! its own: continuations never run on another caller's thread.
//!
//! The threads one delivery is for are woken together, with one system call
//! ([`crate::wake_slots`], which says why: one `unpark` each let the first
//! thread woken preempt the reader before it woke the next).
//!
//! A seat is held for one bounded wait; leaving it returns what was left there,
//! so a completion delivered as the wait ends is never lost.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;
use std::time::Instant;

use parking_lot::Mutex;
use smallvec::SmallVec;

use crate::completion::Completion;
use crate::fast_hash::FastMap;
use crate::wake_slots::{Slot, Wakes};

struct Seat {
    /// Where the seated thread sleeps.
    slot: Slot,
    delivered: Option<Completion>,
}

/// Seats by request id. Request ids are unique in the process (Java numbers them).
static SEATS: LazyLock<Mutex<FastMap<i64, Seat>>> = LazyLock::new(|| Mutex::new(FastMap::default()));
/// How many seats are taken: completions skip the lock while none is.
static TAKEN: AtomicUsize = AtomicUsize::new(0);

/// The calling thread's seat for one request; leaving it (drop or [`Seated::leave`])
/// frees the seat.
pub(crate) struct Seated {
    request_id: i64,
    left: bool,
}

/// Takes a seat for `request_id` on the calling thread. The caller must look,
/// after this, whether the request is still pending: a completion pushed before
/// the seat was taken went the usual way (see the module's comment).
pub(crate) fn sit(request_id: i64) -> Seated {
    let mut seats = SEATS.lock();
    let fresh = seats.insert(request_id, Seat { slot: Slot::mine(), delivered: None }).is_none();
    if fresh {
        TAKEN.fetch_add(1, Ordering::SeqCst);
    }
    Seated { request_id, left: false }
}

impl Seated {
    /// Sleeps until the request's completion is delivered here or `until` passes.
    /// `Some`: the completion, and the seat is left.
    pub(crate) fn wait(&mut self, until: Instant) -> Option<Completion> {
        let slot = Slot::mine();
        loop {
            // Before looking: a delivery after the look changes it, and the wait returns.
            let seen = slot.seen();
            if let Some(delivered) = self.delivered() {
                return Some(delivered);
            }
            let now = Instant::now();
            if now >= until {
                return None;
            }
            // Spurious wake-ups (a neighbour's, on a shared slot) are allowed: the loop looks again.
            slot.wait(seen, until - now);
        }
    }

    /// Leaves the seat; returns a completion delivered meanwhile, if any.
    pub(crate) fn leave(mut self) -> Option<Completion> {
        self.vacate()
    }

    fn delivered(&mut self) -> Option<Completion> {
        let mut seats = SEATS.lock();
        let delivered = seats.get_mut(&self.request_id).and_then(|seat| seat.delivered.take());
        if delivered.is_some() {
            seats.remove(&self.request_id);
            TAKEN.fetch_sub(1, Ordering::SeqCst);
            self.left = true;
        }
        delivered
    }

    fn vacate(&mut self) -> Option<Completion> {
        if self.left {
            return None;
        }
        self.left = true;
        let seat = SEATS.lock().remove(&self.request_id)?;
        TAKEN.fetch_sub(1, Ordering::SeqCst);
        seat.delivered
    }
}

impl Drop for Seated {
    fn drop(&mut self) {
        // A completion delivered to a seat nobody will look at again goes the usual way.
        if let Some(delivered) = self.vacate() {
            crate::completion::push(delivered);
        }
    }
}

/// Whether any thread sits waiting for a completion. A seat taken after this looked finds
/// its request no longer pending (the FIFO gave it up before its completion was pushed)
/// and leaves: see [`sit`].
pub(crate) fn any_seated() -> bool {
    TAKEN.load(Ordering::SeqCst) > 0
}

/// Gives each of `completions` whose request has a thread seated for it to that
/// thread and wakes it; the others stay in `completions`, in their order.
///
/// All under one lock, and the wake-ups after it: a reader that read the replies of
/// ten threads takes the lock once, not ten times, and a thread it woke does not
/// find the lock held for the next one.
pub(crate) fn deliver_all<const N: usize>(completions: &mut SmallVec<[Completion; N]>)
where
    [Completion; N]: smallvec::Array<Item = Completion>,
{
    if completions.is_empty() || !any_seated() {
        return;
    }
    let mut to_wake = Wakes::default();
    {
        let mut seats = SEATS.lock();
        completions.retain(|completion| match seats.get_mut(&completion.request_id) {
            Some(seat) if seat.delivered.is_none() => {
                seat.delivered = Some(*completion);
                to_wake.add(seat.slot);
                false
            }
            _ => true,
        });
    }
    if to_wake.is_empty() {
        return;
    }
    crate::client::read_spin::woke_others();
    // Outside the lock: a wake-up is a system call (one for all of them, see the module's comment).
    to_wake.wake();
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn completion(request_id: i64) -> Completion {
        Completion { request_id, kind: 1, payload: request_id * 10 }
    }

    /// One completion through `deliver_all`: `None` when a seated thread took it.
    fn deliver(completion: Completion) -> Option<Completion> {
        let mut one: SmallVec<[Completion; 1]> = SmallVec::from_buf([completion]);
        deliver_all(&mut one);
        one.pop()
    }

    #[test]
    fn several_seated_threads_get_theirs_from_one_delivery_and_the_rest_is_given_back_in_order() {
        let ids = [-9_101, -9_102, -9_103];
        let (seated_tx, seated_rx) = std::sync::mpsc::channel();
        let waiters: Vec<_> = ids
            .iter()
            .map(|&id| {
                let seated_tx = seated_tx.clone();
                std::thread::spawn(move || {
                    let mut seated = sit(id);
                    seated_tx.send(()).unwrap();
                    seated.wait(Instant::now() + Duration::from_secs(5))
                })
            })
            .collect();
        ids.iter().for_each(|_| seated_rx.recv().unwrap());
        let mut all: SmallVec<[Completion; 8]> =
            [completion(-9_100), completion(-9_101), completion(-9_104), completion(-9_102), completion(-9_103), completion(-9_105)].into_iter().collect();
        deliver_all(&mut all);
        assert_eq!(all.as_slice(), [completion(-9_100), completion(-9_104), completion(-9_105)], "nobody sat for these");
        for (waiter, id) in waiters.into_iter().zip(ids) {
            assert_eq!(waiter.join().unwrap(), Some(completion(id)));
        }
    }

    #[test]
    fn a_seated_thread_gets_its_completion_from_another_thread() {
        let mut seated = sit(-9_001);
        let deliverer = std::thread::spawn(|| {
            std::thread::sleep(Duration::from_millis(20));
            assert_eq!(deliver(completion(-9_001)), None, "taken by the seated thread");
        });
        let got = seated.wait(Instant::now() + Duration::from_secs(5));
        assert_eq!(got, Some(completion(-9_001)));
        deliverer.join().unwrap();
        assert_eq!(deliver(completion(-9_001)), Some(completion(-9_001)), "the seat is free again");
    }

    #[test]
    fn a_completion_for_nobody_is_given_back() {
        let _seated = sit(-9_002);
        assert_eq!(deliver(completion(-9_003)), Some(completion(-9_003)));
    }

    #[test]
    fn a_wait_ends_at_its_deadline_and_leaving_returns_what_came_late() {
        let mut seated = sit(-9_004);
        let start = Instant::now();
        assert_eq!(seated.wait(start + Duration::from_millis(30)), None);
        assert!(start.elapsed() >= Duration::from_millis(30));
        assert_eq!(deliver(completion(-9_004)), None, "still seated until it leaves");
        assert_eq!(seated.leave(), Some(completion(-9_004)));
    }
}
