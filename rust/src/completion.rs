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

use std::cell::RefCell;
use std::collections::VecDeque;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};
use smallvec::SmallVec;

use crate::wire;

/// One finished request as three numbers: which request, what kind of outcome,
/// and the payload (a value, or a pointer to native bytes; see [`crate::reply`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    pub request_id: i64,
    pub kind: i32,
    pub payload: i64,
}

impl Completion {
    /// This completion as Java reads it from a `long[]`: each number at its
    /// [`wire::completion`] position.
    pub fn to_record(self) -> [i64; wire::completion::LEN] {
        let mut record = [0; wire::completion::LEN];
        record[wire::completion::REQUEST_ID] = self.request_id;
        record[wire::completion::KIND] = i64::from(self.kind);
        record[wire::completion::PAYLOAD] = self.payload;
        record
    }

    /// Whether a virtual thread sent this completion's request: Java sets bit
    /// [`wire::request_id::VIRTUAL_THREAD_BIT`] of its id (see [`install_parked_hand_off`]).
    pub fn sent_by_virtual_thread(&self) -> bool {
        self.request_id & (1 << wire::request_id::VIRTUAL_THREAD_BIT) != 0
    }

    /// A completion as Java wrote it in a `long[]` (`requeue`): the inverse of
    /// [`Completion::to_record`].
    pub fn from_record(record: &[i64; wire::completion::LEN]) -> Completion {
        Completion {
            request_id: record[wire::completion::REQUEST_ID],
            // Java writes back a kind it read from a record of ours: it fits an i32.
            kind: record[wire::completion::KIND] as i32,
            payload: record[wire::completion::PAYLOAD],
        }
    }
}

struct Queue {
    items: Mutex<VecDeque<Completion>>,
    ready: Condvar,
    /// The completer waits in `poll` on a connection instead of on `ready` (see
    /// [`wait_polling`]): a push writes `polling_wake` too.
    polling: AtomicBool,
    /// A push wrote `polling_wake`: the completer clears it when it stops polling.
    woken: AtomicBool,
}

static QUEUE: Queue = Queue {
    items: Mutex::new(VecDeque::new()),
    ready: Condvar::new(),
    polling: AtomicBool::new(false),
    woken: AtomicBool::new(false),
};

/// An eventfd that wakes the completer out of its `poll` (see [`wait_polling`]);
/// made the first time it is needed.
static POLLING_WAKE: OnceLock<Option<OwnedFd>> = OnceLock::new();

fn polling_wake_fd() -> Option<RawFd> {
    POLLING_WAKE
        .get_or_init(crate::eventfd::new)
        .as_ref()
        .map(AsRawFd::as_raw_fd)
}

/// The completions a reading thread collected (see [`collecting`]): its own
/// and few others, held inline.
pub type Collected = SmallVec<[Completion; 4]>;

thread_local! {
    /// On a Java thread that reads while it waits (see [`collecting`]): the
    /// completions its reading produced, kept for it instead of queued.
    static COLLECTED: RefCell<Option<Collected>> = const { RefCell::new(None) };
}

/// Runs `read` (a Java thread reading replies while it waits for its own) and
/// returns, with its result, every completion `read` produced: the thread
/// completes its own future itself and hands each other one to the thread
/// waiting for it, or back to the queue for the completer ([`push_all`]), so
/// that it never runs another future's continuations. If `read` panics, what it
/// collected goes to the queue: nothing is lost.
pub fn collecting<R>(read: impl FnOnce() -> R) -> (R, Collected) {
    struct Collecting;
    impl Drop for Collecting {
        fn drop(&mut self) {
            // Only when unwinding does anything remain here: the normal path took it.
            if let Some(left) = COLLECTED.with(|c| c.borrow_mut().take()) {
                push_all(left);
            }
        }
    }
    COLLECTED.with(|c| *c.borrow_mut() = Some(Collected::new()));
    let guard = Collecting;
    let result = read();
    let collected = COLLECTED.with(|c| c.borrow_mut().take()).unwrap_or_default();
    drop(guard);
    (result, collected)
}

/// How many completions the calling thread has collected so far inside
/// [`collecting`] (0 outside it).
pub fn collected() -> usize {
    COLLECTED.with(|c| c.borrow().as_ref().map_or(0, SmallVec::len))
}

/// Queues one completion and wakes the Java completer.
pub fn push(completion: Completion) {
    push_all(std::iter::once(completion));
}

/// Hands completions to the Java threads parked waiting for them (virtual threads
/// blocked in `get()`), removing from the list those it handed over; the rest go
/// to the queue. Installed by the JNI bridge; see [`install_parked_hand_off`].
pub type ParkedHandOff = fn(&mut SmallVec<[Completion; 8]>);

static PARKED_HAND_OFF: OnceLock<ParkedHandOff> = OnceLock::new();
/// A thread carrying virtual threads has sent a request: until then no completion
/// can be for one, and pushes skip the look.
static VIRTUAL_THREADS_SENT: AtomicBool = AtomicBool::new(false);

/// Lets the thread that reads a reply hand its completion straight to the virtual
/// thread parked waiting for it, instead of queueing it for the completer thread,
/// which would only wake that virtual thread (see `jni::parked_hand_off`): the
/// completer's wake-up preempted whatever ran on its CPU, often the carrier.
pub fn install_parked_hand_off(hand_off: ParkedHandOff) {
    let _ = PARKED_HAND_OFF.set(hand_off);
}

/// A thread carrying virtual threads sent a request (the bridge tells the core once
/// per OS thread): from now on pushes look for their completions.
pub fn virtual_threads_sent() {
    if !VIRTUAL_THREADS_SENT.load(Ordering::Relaxed) {
        VIRTUAL_THREADS_SENT.store(true, Ordering::Relaxed);
    }
}

/// The hand-off to parked threads, when it applies to completions pushed on this
/// thread now: installed, virtual threads have sent, and the thread is not
/// collecting what it reads (a Java thread reading in `get()` delivers its own
/// collection, hand-offs included).
fn parked_hand_off() -> Option<ParkedHandOff> {
    if !VIRTUAL_THREADS_SENT.load(Ordering::Relaxed) {
        return None;
    }
    let hand_off = *PARKED_HAND_OFF.get()?;
    let collecting = COLLECTED.with(|c| c.borrow().is_some());
    (!collecting).then_some(hand_off)
}

/// Queues several completions with one lock and at most one wake-up. A
/// completion a thread waits for in [`crate::followers`] goes to that thread,
/// one a virtual thread is parked for to that thread ([`install_parked_hand_off`]);
/// inside [`collecting`], the others are kept for the reading thread instead.
pub fn push_all(completions: impl IntoIterator<Item = Completion>) {
    // A sampled request's span ends here, when its outcome is known (one relaxed load
    // when no span is open).
    let completions = completions.into_iter().inspect(crate::telemetry::span::on_completion);
    let seated = crate::followers::any_seated();
    let parked_hand_off = parked_hand_off();
    if !seated && parked_hand_off.is_none() {
        // Nobody waits in native code, and parked threads are not ours to wake here.
        return collect_or_queue(completions);
    }
    let mut completions: SmallVec<[Completion; 8]> = completions.collect();
    if seated {
        crate::followers::deliver_all(&mut completions);
    }
    if let Some(hand_off) = parked_hand_off {
        // Callbacks and platform threads never pay for the call into Java.
        if completions.iter().any(Completion::sent_by_virtual_thread) {
            hand_off(&mut completions);
        }
    }
    collect_or_queue(completions.into_iter());
}

/// Keeps `completions` for the reading thread inside [`collecting`], else queues them for
/// the completer and wakes it.
fn collect_or_queue(mut completions: impl Iterator<Item = Completion>) {
    let kept = COLLECTED.with(|c| match c.borrow_mut().as_mut() {
        Some(collected) => {
            collected.extend(&mut completions);
            true
        }
        None => false,
    });
    if kept {
        return;
    }
    let mut items = QUEUE.items.lock();
    let before = items.len();
    items.extend(completions);
    let added = items.len() > before;
    drop(items);
    if added {
        QUEUE.ready.notify_one();
        // Seen set if the completer started polling before this push's unlock (it sets the
        // flag under the queue's lock, after finding the queue empty).
        if QUEUE.polling.load(Ordering::SeqCst) {
            if let Some(fd) = POLLING_WAKE.get().and_then(|fd| fd.as_ref()) {
                crate::eventfd::signal(fd.as_raw_fd());
                QUEUE.woken.store(true, Ordering::SeqCst);
            }
        }
    }
}

/// For the completer thread with nothing queued: runs `poll_reading(wake_fd)`,
/// which waits in `poll` for a connection's replies and also for `wake_fd`, which a
/// push from any other thread makes readable. Returns `None` without running it
/// when completions are queued already, or when no eventfd could be made.
pub fn wait_polling<R>(poll_reading: impl FnOnce(RawFd) -> R) -> Option<R> {
    let fd = polling_wake_fd()?;
    {
        let items = QUEUE.items.lock();
        if !items.is_empty() {
            return None;
        }
        QUEUE.polling.store(true, Ordering::SeqCst);
    }
    struct Polling(RawFd);
    impl Drop for Polling {
        fn drop(&mut self) {
            QUEUE.polling.store(false, Ordering::SeqCst);
            // Cleared only if a push wrote it: most waits end with the connection's reply, and a
            // read would cost a system call per request. A write that lands after this look
            // leaves the eventfd readable; the next wait's poll then returns at once and
            // clears it (see `Connection::read_while_idle`), which costs one spurious turn.
            if QUEUE.woken.swap(false, Ordering::SeqCst) {
                crate::eventfd::clear(self.0);
            }
        }
    }
    let _polling = Polling(fd);
    Some(poll_reading(fd))
}

/// Moves up to `out.len()` queued completions into `out` without waiting.
pub fn drain_now(out: &mut [Completion]) -> usize {
    move_into(&mut QUEUE.items.lock(), out)
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
    move_into(&mut items, out)
}

fn move_into(items: &mut VecDeque<Completion>, out: &mut [Completion]) -> usize {
    let n = items.len().min(out.len());
    for (slot, item) in out.iter_mut().zip(items.drain(..n)) {
        *slot = item;
    }
    n
}

/// Whether completions wait for Java now, without waiting for the queue's lock
/// (a thread pushing holds it: then not yet). For a thread looking for them in a
/// loop, where taking the lock each turn would hold up the pushes it waits for.
pub fn queued_now() -> bool {
    QUEUE.items.try_lock().is_some_and(|items| !items.is_empty())
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
    fn a_reading_thread_collects_what_it_completes() {
        let _serial = test_support::SERIAL.lock();
        let ((), collected) = collecting(|| {
            push_all([500, 501, 502].map(|id| Completion { request_id: id, kind: 1, payload: id }));
        });
        assert_eq!(collected.iter().map(|c| c.request_id).collect::<Vec<_>>(), [500, 501, 502]);
        let mut out = [Completion { request_id: 0, kind: 0, payload: 0 }; 4];
        assert_eq!(drain(&mut out, Duration::from_millis(10)), 0, "nothing was queued");
        // Outside `collecting`, everything is queued.
        push(Completion { request_id: 501, kind: 1, payload: 0 });
        assert_eq!(drain(&mut out, Duration::from_millis(10)), 1);
        // A panic while collecting loses nothing: what was collected is queued.
        let caught = std::panic::catch_unwind(|| {
            collecting(|| {
                push(Completion { request_id: 503, kind: 1, payload: 0 });
                panic!("while reading")
            })
        });
        assert!(caught.is_err());
        assert_eq!(drain(&mut out, Duration::from_millis(10)), 1);
        assert_eq!(out[0].request_id, 503);
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

    /// Java sets bit `wire::request_id::VIRTUAL_THREAD_BIT` of the ids of virtual threads'
    /// requests; only those are offered to the parked hand-off.
    #[test]
    fn a_virtual_threads_request_is_known_by_its_id() {
        let sequential = Completion { request_id: 12_345, kind: wire::kind::OK, payload: 0 };
        assert!(!sequential.sent_by_virtual_thread());
        let tagged = Completion { request_id: 12_345 | (1 << 62), ..sequential };
        assert!(tagged.sent_by_virtual_thread());
        assert_eq!(wire::request_id::VIRTUAL_THREAD_BIT, 62, "Java's ids count from 1 below it");
    }

    /// Each number of a record is at its `wire::completion` position, where Java's
    /// `Completions` reads it, and a record Java writes back reads as the same completion.
    /// Distinct values, so that two positions swapped fail here.
    #[test]
    fn a_completion_record_follows_the_wire_layout() {
        let c = Completion { request_id: 7, kind: wire::kind::BULK, payload: -3 };
        let record = c.to_record();
        assert_eq!(record.len(), wire::completion::LEN);
        assert_eq!(record[wire::completion::REQUEST_ID], 7);
        assert_eq!(record[wire::completion::KIND], i64::from(wire::kind::BULK));
        assert_eq!(record[wire::completion::PAYLOAD], -3);
        assert_eq!(Completion::from_record(&record), c);
    }
}
