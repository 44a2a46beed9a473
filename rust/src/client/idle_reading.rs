//! The completer thread reads a connection while it has nothing to deliver.
//!
//! With callbacks that chain one request at a time, each reply used to cost two
//! thread wake-ups: the socket woke a runtime thread, which read the reply and
//! woke the `glide-completer` thread, which ran the callback that sent the next
//! request. A client that completes futures on its event loop wakes one thread.
//! The completer is the thread that runs the next callback anyway; when its
//! queue is empty, it reads the connection it last sent on (the chain's) itself,
//! waiting in `poll` for that socket and for the queue (see
//! [`completion::wait_polling`]), so the kernel wakes it directly.
//!
//! Only while idle: when completions are queued, it delivers them, and the
//! runtime threads read as before, so under load the completer's share of the
//! work does not grow. Whatever it reads is collected for it and returned after
//! the completions queued meanwhile: those came from earlier reads, and one
//! connection's completions stay in the order of its replies.
//!
//! The requests its callbacks send while replies are due wait for the next
//! reply's reader to write them, in one system call (see `send_many`). That
//! reader is often the completer itself, after the batch, so the server would
//! sit idle with the requests waiting here: the replies of half the chains
//! come before the other half's requests leave. So the completer writes them
//! when its batch of callbacks is done, before it waits ([`left_unsent`]):
//! still one write per batch. Measured at 16 chains on a host where waking a
//! thread is slow (nested virtualization, `benchmarks/results/completer-flush-
//! 2026-12-07`): 1.26-2.6x the throughput in seven of eight pairs (one 0.90),
//! level at 128 and 512.
//! (Writing each request at once instead: 0.85x at 16 chains, 0.2x at 128.)
//!
//! When it comes to read and another thread holds the reader role (a runtime
//! thread that the socket woke while the completer ran its callbacks), that
//! thread queues what it reads within microseconds: the completer looks for it
//! before sleeping on the queue (`Connection::look_while_another_reads`, the
//! look before sleeping of `spin`), as a wake-up costs more than the wait. At 16
//! chains on a 2-vCPU guest, 93% of the completer's sleeps were there, each
//! ended by a futex wake-up; looking instead gave 1.19-1.33x the throughput at
//! 16 chains, p99 132-150 against 187-212 µs, and left 128 and 512 chains within
//! their spread (`benchmarks/results/completer-looks-for-readers-2026-12-07`).
//!
//! It also reads for callers that do not read their own replies: a platform
//! thread that starts several requests and then waits for them all in a
//! `join()` on a future the client did not make (`CompletableFuture.allOf`), or
//! an event loop that never waits, so it never waits in `get()` ([`sent_on`]
//! hears of it). Their replies used to wake a runtime thread, which queued the
//! completions and woke the completer: two wake-ups where Lettuce's event loop
//! has one. Now the completer, with nothing to deliver, reads the connection
//! such a caller last sent on, and after delivering a batch it waits on that
//! socket for a short while even with nothing pending ([`LINGER`]), because the
//! caller's next batch comes as soon as it has its replies: the kernel then
//! wakes the completer for the next batch's first reply directly. It lingers
//! once per batch of sends, after the batch's last reply, never on a quiet
//! client. Its look before sleeping there lasts three budgets, not one: the next
//! reply is the caller's wake-up and a round trip away (`spin::Awaiting`).
//!
//! Not for virtual threads: they wait by parking, so they never read their
//! replies either, but reading for them would put reading and completing on the
//! completer while their carriers idle (0.74-0.83x at parallelism 1). The bridge
//! tells the core once per OS thread whether it carries virtual threads
//! ([`note_calling_thread`]), and a request from such a thread, or from one that
//! reads its replies, on the connection the completer reads for others, ends
//! that reading. Measured on the nested-virtualization host
//! (`benchmarks/results/fanout-and-connections-2026-12-07`, experiment 6).

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use parking_lot::Mutex;

use smallvec::SmallVec;

use super::connection::spin::Awaiting;
use super::connection::{Connection, ConnectionRef};
use crate::completion::{self, Completion};

thread_local! {
    /// Set on the completer thread (the caller of [`await_completions`]).
    static IS_COMPLETER: Cell<bool> = const { Cell::new(false) };
    /// On the completer thread: the connection it last sent a request on.
    static LAST_SENT: RefCell<Option<ConnectionRef>> = const { RefCell::new(None) };
    /// On the completer thread: connections where its requests wait to be written.
    static UNSENT_ON: RefCell<SmallVec<[ConnectionRef; 4]>> = RefCell::new(SmallVec::new());
    /// On the completer thread: [`UNREAD_SENDS`] when it last lingered.
    static LINGERED_AT: Cell<u64> = const { Cell::new(0) };
    /// Whether this thread carries Java virtual threads (`None`: not known yet; see
    /// [`note_calling_thread`]).
    static CARRIES_VIRTUAL_THREADS: Cell<Option<bool>> = const { Cell::new(None) };
}

/// How long the completer waits on a connection with nothing pending, for the next
/// batch of a caller that does not read its replies (see the module's comment): long
/// against a round trip and a caller's wake-up, short against a quiet client.
const LINGER: Duration = Duration::from_millis(2);

/// The connection a thread that does not read its own replies last sent on.
static UNREAD_SENT_ON: Mutex<Option<ConnectionRef>> = Mutex::new(None);
/// The address of the connection [`UNREAD_SENT_ON`] names (0: none), written under
/// its lock and read without it, so that a sender takes the lock only to change it.
static UNREAD_SENT_ON_ADDRESS: AtomicUsize = AtomicUsize::new(0);
/// Requests sent by such threads, ever: the completer lingers once per change.
static UNREAD_SENDS: AtomicU64 = AtomicU64::new(0);
/// Replies the completer read itself (not counting those it found queued): a statistic.
static COMPLETER_READ: AtomicU64 = AtomicU64::new(0);

/// The calling thread left a request's bytes on `connection` for the next reply's
/// reader (or the writer at work) to write: the completer writes them itself once
/// its batch of callbacks is done (see the module's comment).
pub(crate) fn left_unsent(connection: &Connection) {
    if !IS_COMPLETER.with(Cell::get) {
        return;
    }
    UNSENT_ON.with(|unsent| {
        let mut unsent = unsent.borrow_mut();
        if !unsent.iter().any(|r| r.is(connection)) {
            unsent.push(connection.downgrade());
        }
    });
}

/// Writes what the completer's batch left unsent (see [`left_unsent`]).
fn write_unsent() {
    let unsent = UNSENT_ON.with(|unsent| std::mem::take(&mut *unsent.borrow_mut()));
    unsent.iter().filter_map(ConnectionRef::upgrade).for_each(|connection| connection.flush_unsent());
}

/// Whether [`note_calling_thread`] was told about the calling thread.
pub fn knows_calling_thread() -> bool {
    CARRIES_VIRTUAL_THREADS.with(Cell::get).is_some()
}

/// Tells whether the calling thread carries Java virtual threads (the bridge asks
/// the JVM once per thread: an OS thread that ran a virtual thread only ever runs
/// virtual threads, and a platform thread never does). A virtual thread waits for
/// its reply by parking, not in `get()`, so it never reads its replies, but it is
/// not a caller the completer should read for: at parallelism 1 the completer would
/// take reading and completing on one thread while the carrier idles (0.74-0.79x in
/// experiment 5 of the results named in the module's comment).
pub fn note_calling_thread(carries_virtual_threads: bool) {
    CARRIES_VIRTUAL_THREADS.with(|c| c.set(Some(carries_virtual_threads)));
    if carries_virtual_threads {
        completion::virtual_threads_sent();
    }
}

/// A request was sent on `connection` by the calling thread; `sender_will_read`:
/// the thread is expected to wait in `get()` for it (see `Connection::send_many`).
pub(crate) fn sent_on(connection: &Connection, sender_will_read: bool) {
    if !IS_COMPLETER.with(Cell::get) {
        // A stale look below costs at most one missed change, made by the next request.
        let named = UNREAD_SENT_ON_ADDRESS.load(Ordering::Relaxed) == connection.address();
        if !sender_will_read && CARRIES_VIRTUAL_THREADS.with(Cell::get) != Some(true) {
            UNREAD_SENDS.fetch_add(1, Ordering::Relaxed);
            if !named {
                let mut last = UNREAD_SENT_ON.lock();
                *last = Some(connection.downgrade());
                UNREAD_SENT_ON_ADDRESS.store(connection.address(), Ordering::Relaxed);
            }
        } else if named {
            // A thread that reads its replies, or virtual threads, use that connection now:
            // the completer stops reading it (else it would take their replies from the
            // runtime threads, for good, after one request from such a caller).
            let mut last = UNREAD_SENT_ON.lock();
            if last.as_ref().is_some_and(|r| r.is(connection)) {
                *last = None;
                UNREAD_SENT_ON_ADDRESS.store(0, Ordering::Relaxed);
            }
        }
        return;
    }
    LAST_SENT.with(|last| {
        let mut last = last.borrow_mut();
        if !last.as_ref().is_some_and(|r| r.is(connection)) {
            *last = Some(connection.downgrade());
        }
    });
}

/// Replies the completer thread read itself, ever (see the module's comment): the
/// `replies_read_by_completer` statistic.
pub fn replies_read_by_completer() -> u64 {
    COMPLETER_READ.load(Ordering::Relaxed)
}

/// The connection the completer reads while it has nothing to deliver, for how
/// long it may wait there with nothing pending (`None`: only while requests are),
/// and whose requests it waits for (its own callbacks', or those of callers that
/// never wait, which it must wake before they send more).
/// The linger is spent only when taken, with nothing pending: once per batch, after
/// its last reply, not while its replies are still coming.
fn connection_to_read(timeout: Duration) -> Option<(Connection, Option<Duration>, Awaiting)> {
    let own = LAST_SENT.with(|last| last.borrow().as_ref().and_then(ConnectionRef::upgrade));
    if let Some(connection) = own.filter(Connection::has_awaited_requests) {
        return Some((connection, None, Awaiting::OwnReply));
    }
    let connection = {
        let mut last = UNREAD_SENT_ON.lock();
        let connection = last.as_ref().and_then(ConnectionRef::upgrade);
        if connection.is_none() && last.take().is_some() {
            // Gone: its address may come back as another connection's.
            UNREAD_SENT_ON_ADDRESS.store(0, Ordering::Relaxed);
        }
        connection?
    };
    if connection.has_awaited_requests() {
        return Some((connection, None, Awaiting::OthersReplies));
    }
    let sends = UNREAD_SENDS.load(Ordering::Relaxed);
    if LINGERED_AT.with(|at| at.replace(sends)) == sends {
        return None; // no request since it last lingered: a quiet client
    }
    Some((connection, Some(LINGER.min(timeout)), Awaiting::OthersReplies))
}

/// The completer reads `connection` while nothing is queued (see [`Connection::read_while_idle`]):
/// the completions queued meanwhile, then those it read, go to `out` (the rest back to the queue).
/// `None` when it did not read (another thread holds the reader role, nothing is pending, or
/// completions were queued already).
fn read_into(out: &mut [Completion], connection: &Connection, timeout: Duration, linger: Option<Duration>, awaiting: Awaiting) -> Option<usize> {
    let (read, collected) = completion::wait_polling(|wake_fd| completion::collecting(|| connection.read_while_idle(wake_fd, timeout, linger, awaiting)))?;
    COMPLETER_READ.fetch_add(collected.len() as u64, Ordering::Relaxed);
    if !read {
        completion::push_all(collected); // nothing, as it did not read; never lost
        return None;
    }
    let mut n = completion::drain_now(out);
    let room = out.len() - n;
    let mut collected = collected.into_iter();
    for (slot, c) in out[n..].iter_mut().zip(collected.by_ref().take(room)) {
        *slot = c;
        n += 1;
    }
    completion::push_all(collected); // beyond `out`: the next call delivers them
    Some(n)
}

/// The completer's wait: fills `out` with completions, waiting up to `timeout`
/// for the first, and returns how many. Meanwhile it reads the connection it
/// last sent on, or that a caller that does not read its replies last sent on,
/// if requests wait there and nobody else reads it (see the module's comment).
pub fn await_completions(out: &mut [Completion], timeout: Duration) -> usize {
    IS_COMPLETER.with(|c| c.set(true));
    write_unsent();
    let n = completion::drain_now(out);
    if n > 0 || out.is_empty() {
        return n;
    }
    if let Some((connection, linger, awaiting)) = connection_to_read(timeout) {
        if let Some(n) = read_into(out, &connection, timeout, linger, awaiting) {
            return n;
        }
        // Another thread may hold the reader role: the completer looks for the completions
        // it reads before sleeping on the queue, and if that reader left with none for it,
        // tries once more to read itself.
        if connection.look_while_another_reads(timeout, awaiting) {
            let n = completion::drain_now(out);
            if n > 0 {
                return n;
            }
            if let Some(n) = read_into(out, &connection, timeout, linger, awaiting) {
                return n;
            }
        }
    }
    completion::drain(out, timeout)
}
