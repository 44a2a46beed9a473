//! The reader role taken by the threads that wait: a Java thread blocked in
//! `get()` reads its connection itself ([`Connection::help_read`]), or, when
//! another thread reads it, waits for that thread to hand its completion over
//! ([`crate::followers`]); the completer thread reads while it has nothing to
//! deliver ([`Connection::read_while_idle`]). While such a thread reads, the
//! socket does not wake the connection's task ([`SocketWatch`](super::super::socket_watch::SocketWatch)); it hands the
//! role back to the task when it leaves.

use std::cell::Cell;
use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::sync::atomic::{fence, AtomicBool, Ordering};
use std::sync::{OnceLock, Weak};
use std::time::Duration;

use super::super::tls_io::TlsIo;
use super::reader::{describe_read_error, dispatch, receive, release_if_idle};
use super::spin::Awaiting;
use super::{fail_connection, Connection, ConnectionOwner, Entry, Inbound, Shared, SocketWatch};
use crate::completion;
use crate::followers;

/// Lets a Java thread that waits in `poll` for replies (see
/// [`Connection::help_read`]) be woken when requests end without a reply
/// (timeout, shutdown). The eventfd is made by the first thread that helps, so
/// connections only used asynchronously never have one.
#[derive(Default)]
pub(super) struct HelperWake {
    waiting: AtomicBool,
    fd: OnceLock<Option<OwnedFd>>,
}

impl HelperWake {
    fn fd(&self) -> Option<RawFd> {
        let fd = self.fd.get_or_init(crate::eventfd::new);
        fd.as_ref().map(|f| f.as_raw_fd())
    }

    /// Wakes a waiting helper, if there is one.
    pub(super) fn wake(&self) {
        if !self.waiting.load(Ordering::SeqCst) {
            return;
        }
        if let Some(Some(fd)) = self.fd.get() {
            crate::eventfd::signal(fd.as_raw_fd());
        }
    }

    /// Clears the eventfd after a wake-up.
    fn reset(&self) {
        if let Some(Some(fd)) = self.fd.get() {
            crate::eventfd::clear(fd.as_raw_fd());
        }
    }
}

thread_local! {
    /// This thread sent a request and has not waited in `get()` since.
    static SENT_SINCE_WAITING: Cell<bool> = const { Cell::new(false) };
    /// This thread waited in `get()` after each of its last requests.
    static WAITS_AFTER_SENDING: Cell<bool> = const { Cell::new(false) };
}

/// The calling thread sends a request: whether it is expected to wait in `get()`
/// for it, reading the reply itself, as it did for its previous one (then a
/// parked socket can stay out of the task's set, see `SocketWatch`). A thread that
/// sends again before waiting is not, until it waits again.
pub(super) fn sender_will_read() -> bool {
    if SENT_SINCE_WAITING.with(|s| s.replace(true)) {
        WAITS_AFTER_SENDING.with(|w| w.set(false));
    }
    WAITS_AFTER_SENDING.with(Cell::get)
}

/// The calling thread waits in `get()` for its reply.
fn waiting_in_get() {
    SENT_SINCE_WAITING.with(|s| s.set(false));
    WAITS_AFTER_SENDING.with(|w| w.set(true));
}

impl Connection {
    /// Whether requests wait for their replies here.
    pub(crate) fn has_awaited_requests(&self) -> bool {
        self.shared.state.lock().pending.iter().any(Entry::is_awaited)
    }

    /// Reads replies on the calling (Java) thread while it waits for one: waits
    /// up to `timeout` for the socket to become readable, then reads and
    /// dispatches what arrived. Inside [`completion::collecting`] the caller's
    /// own completion is kept for it, and the others go to the completer thread.
    ///
    /// When another reader (the task or another waiting thread) holds the role,
    /// the thread waits here for its completion instead, up to `timeout`
    /// ([`follow`]).
    ///
    /// Returns `false` when the request is not pending on this connection (the
    /// caller then waits for its future), `true` otherwise: what was read or
    /// delivered for the caller is in [`completion::collecting`]'s list.
    ///
    /// This is what lets a thread blocked on `get()` be woken by the kernel
    /// directly, like a blocking client, instead of through two thread hand-offs.
    ///
    /// `request_id` is the request the thread waits for: if it is no longer
    /// pending (another reader completed it meanwhile), there is nothing to wait
    /// for here. A timeout or a shutdown ends the wait early.
    pub(crate) fn help_read(&self, owner: &Weak<dyn ConnectionOwner>, request_id: i64, timeout: Duration) -> bool {
        waiting_in_get();
        let shared = &*self.shared;
        let Some(mut inbound) = shared.read.try_lock() else {
            // The task may hold the role on a parked socket (its sweep of the read
            // buffers): it must be woken for this reply. (A thread holding it unparked it.)
            let _ = shared.watch.arm_if_parked();
            return follow(shared, request_id, timeout);
        };
        // Announce the wait before looking, so an expiry after the look wakes us.
        shared.helper_wake.waiting.store(true, Ordering::SeqCst);
        let waited_for = is_waited_for(shared, request_id);
        // While this thread reads, the socket does not wake the task (see `SocketWatch`).
        // A failure to disarm costs only wake-ups; `hand_back_reading` arms again.
        if waited_for {
            let _ = shared.watch.reader_enters();
        }
        let result = if waited_for {
            read_until_own_reply(shared, owner, &mut inbound, request_id, timeout)
        } else {
            Ok(())
        };
        shared.helper_wake.waiting.store(false, Ordering::SeqCst);
        if let Err(reason) = result {
            // The end of the stream, an I/O error or bytes that are not RESP: broken here,
            // exactly as when the task reads them, before anyone can read again.
            fail_connection(shared, owner, reason);
        }
        drop(inbound);
        hand_back_reading(shared, owner, waited_for, Leaving::InGet);
        // Not pending here (done meanwhile, still waiting for a connection, or sent on
        // another connection, a replica's): the caller waits for its future instead of
        // asking again at once.
        waited_for
    }

    /// The completer thread, with no completion to deliver, reads this connection
    /// while requests wait on it, until it has read a completion, `wake_fd` says
    /// completions were queued elsewhere, or `timeout` passes (see
    /// [`crate::client::idle_reading`]). With `linger`, it waits that long for
    /// requests' replies even when none is pending yet (a caller's next batch);
    /// `awaiting` says whose requests they are (see [`Awaiting`]).
    /// What it reads is collected for it ([`completion::collecting`]). `false`: it
    /// did not read (someone else is reading, or nothing waits here and no linger).
    pub(crate) fn read_while_idle(&self, wake_fd: RawFd, timeout: Duration, linger: Option<Duration>, awaiting: Awaiting) -> bool {
        let shared = &*self.shared;
        let Some(mut inbound) = shared.read.try_lock() else { return false };
        let timeout = {
            let state = shared.state.lock();
            match linger {
                _ if state.broken.is_some() => return false,
                _ if state.pending.iter().any(Entry::is_awaited) => timeout,
                // Nothing pending: wait a while for requests about to be sent, or leave.
                Some(linger) => linger,
                None => return false,
            }
        };
        let owner = shared.owner.clone();
        // As a waiting thread does (see `help_read`): the socket does not wake the task meanwhile.
        let _ = shared.watch.reader_enters();
        let deadline = std::time::Instant::now() + timeout;
        let result = loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if let Err(reason) = help_read_locked(shared, &owner, &mut inbound, left, Some(wake_fd), awaiting) {
                break Err(reason);
            }
            if completion::collected() > 0 || completion::backlog() > 0 || left.is_zero() || (linger.is_none() && !self.has_awaited_requests()) {
                break Ok(());
            }
        };
        if let Err(reason) = result {
            fail_connection(shared, &owner, reason);
        }
        drop(inbound);
        hand_back_reading(shared, &owner, true, Leaving::Completer);
        true
    }

    /// The completer could not read this connection: another thread holds the
    /// reader role, most often a runtime thread that the socket woke while the
    /// completer ran its callbacks. That thread queues the completions as it
    /// reads them, within microseconds; sleeping on the queue instead costs a
    /// wake-up, which on a virtual machine is a trip through the hypervisor.
    /// So the completer looks for them first, as it looks at a socket before
    /// sleeping on it (the same budget and record, see [`spin`](super::spin)).
    /// Returns whether completions were queued or the reader left meanwhile;
    /// `false` at once when nobody reads.
    pub(crate) fn look_while_another_reads(&self, timeout: Duration, awaiting: Awaiting) -> bool {
        let shared = &*self.shared;
        if !shared.read.is_locked() {
            return false;
        }
        shared.spin.look_before_sleeping(timeout, awaiting, followers::any_seated(), || completion::queued_now() || !shared.read.is_locked())
    }
}

/// Someone else reads the connection: the calling thread waits for its request's
/// completion to be handed to it (see [`crate::followers`]) for up to `timeout`.
/// `false`: the request is not pending here. The completion, if it came, is pushed
/// for [`completion::collecting`] to return to the caller.
fn follow(shared: &Shared, request_id: i64, timeout: Duration) -> bool {
    // Seated before looking: a completion from now on comes to the seat.
    let mut seat = followers::sit(request_id);
    if !is_waited_for(shared, request_id) {
        return match seat.leave() {
            Some(delivered) => {
                completion::push(delivered);
                true
            }
            None => false,
        };
    }
    match seat.wait(std::time::Instant::now() + timeout) {
        Some(delivered) => completion::push(delivered),
        None => {
            if let Some(delivered) = seat.leave() {
                completion::push(delivered);
            }
        }
    }
    true
}

/// Whether request `request_id` still waits for its reply on this connection.
fn is_waited_for(shared: &Shared, request_id: i64) -> bool {
    shared.state.lock().pending.iter().any(|e| e.id == request_id && e.is_awaited())
}

/// Who gives the reader role back.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Leaving {
    /// A thread waiting in `get()`, likely to send its next request and read its
    /// reply at once: with nothing pending, the socket may stay parked.
    InGet,
    /// The completer thread: its next request comes from a callback or a virtual
    /// thread, which does not read. Parking would only move arming the socket
    /// onto the sender (at parallelism 1, the one carrier thread every virtual
    /// thread runs on: 0.78-0.98x at 100 virtual threads when it did).
    Completer,
}

/// A helper gives the reader role back, after releasing it. Arming the socket
/// for the task again wakes the task if bytes came that nobody read (see
/// [`SocketWatch`](crate::client::socket_watch::SocketWatch)); with no request
/// pending, the socket stays parked out of the task's set for a bounded while
/// instead, as the thread is likely to send and read again at once. The task is woken directly if the socket woke it while this
/// thread held the role (see [`read_unless_helped`](super::reader::read_unless_helped)), and for records a TLS
/// session received but did not open (a helper stops once its own reply came):
/// those were taken from the socket already. Most of the time nothing is left,
/// and nobody wakes.
fn hand_back_reading(shared: &Shared, owner: &Weak<dyn ConnectionOwner>, was_reading: bool, leaving: Leaving) {
    if was_reading {
        let may_park = || leaving == Leaving::InGet && shared.state.lock().pending.is_empty();
        if let Err(e) = SocketWatch::reader_leaves(&shared.watch, may_park) {
            // Nobody would be woken for the next replies.
            return fail_connection(shared, owner, format!("cannot watch the connection: {e}"));
        }
    }
    fence(Ordering::SeqCst); // pairs with the one in `read_unless_helped`
    let turned_away = shared.task_turned_away.swap(false, Ordering::SeqCst);
    if turned_away || shared.tls.as_ref().is_some_and(TlsIo::has_input) {
        shared.reader_released.notify_one();
    }
}

/// The waiting thread reads until its own reply has come, the wait is over, or
/// it read a reply another thread waits for (handed on at once by the caller).
///
/// Why not one read per call: a reply in several segments (16 KB over TLS is two
/// records) would otherwise see the reader leave between them, which arms the
/// socket again and wakes the task for the rest: measured at 1 thread, 16 KB over
/// TLS, a fifth of the client's CPU went to the task and the completer thread.
/// At 512 KB over TLS (32 records) this thread reading them all costs less client
/// CPU than handing the rest to the task, which an earlier version did: 457-472
/// against 542-636 µs per GET (`benchmarks/results/tls-ab/README.md`).
fn read_until_own_reply(
    shared: &Shared,
    owner: &Weak<dyn ConnectionOwner>,
    inbound: &mut Inbound,
    request_id: i64,
    timeout: Duration,
) -> Result<(), String> {
    // std's clock: this runs on a Java thread, outside the runtime (and its test clock).
    let deadline = std::time::Instant::now() + timeout;
    loop {
        help_read_locked(shared, owner, inbound, deadline.saturating_duration_since(std::time::Instant::now()), None, Awaiting::OwnReply)?;
        if completion::collected() > 0 || std::time::Instant::now() >= deadline || !is_waited_for(shared, request_id) {
            return Ok(());
        }
    }
}

/// Polls the socket directly (the task is not woken for it meanwhile, see
/// [`SocketWatch`](crate::client::socket_watch::SocketWatch)) and reads without blocking until the socket is drained.
///
/// `other_wake`: one more eventfd that ends the wait when readable (the
/// completer's, see [`Connection::read_while_idle`]); it is reset here. `awaiting`:
/// whose replies come, which sets how long it looks before it sleeps.
fn help_read_locked(
    shared: &Shared,
    owner: &Weak<dyn ConnectionOwner>,
    inbound: &mut Inbound,
    timeout: Duration,
    other_wake: Option<RawFd>,
    awaiting: Awaiting,
) -> Result<(), String> {
    if let Some(tls) = &shared.tls {
        // Bytes received already (staged or decrypted) would never make the socket readable.
        if tls.has_input() {
            return read_on(shared, owner, inbound);
        }
    }
    let fd = shared.stream.as_raw_fd();
    let wake_fd = shared.helper_wake.fd();
    let mut pollfds = [
        libc::pollfd { fd, events: libc::POLLIN, revents: 0 },
        libc::pollfd { fd: wake_fd.unwrap_or(-1), events: libc::POLLIN, revents: 0 },
        libc::pollfd { fd: other_wake.unwrap_or(-1), events: libc::POLLIN, revents: 0 },
    ];
    let mut poll = |millis: i32| {
        // SAFETY: `pollfds` are valid, exclusively borrowed pollfds for fds that stay
        // open while we hold `shared` (the stream and the wake fd live inside it) and,
        // for `other_wake`, for the caller's whole call; a negative fd is ignored by poll.
        unsafe { libc::poll(pollfds.as_mut_ptr(), pollfds.len() as libc::nfds_t, millis) }
    };
    let looked = shared.spin.look_before_sleeping(timeout, awaiting, followers::any_seated(), || poll(0) > 0);
    let ready = if looked { 1 } else { poll(timeout.as_millis().min(i32::MAX as u128) as i32) };
    if ready <= 0 {
        return Ok(()); // timed out or interrupted: the caller just tries again
    }
    if pollfds[1].revents != 0 {
        shared.helper_wake.reset();
        return Ok(()); // a request ended without a reply: the caller looks at its future
    }
    if pollfds[2].revents != 0 {
        crate::eventfd::clear(pollfds[2].fd);
        return Ok(()); // the caller may have other work: it looks
    }
    read_on(shared, owner, inbound)
}

/// The waiting thread's reads, once the socket is readable. `Err`: why the
/// connection is broken.
fn read_on(shared: &Shared, owner: &Weak<dyn ConnectionOwner>, inbound: &mut Inbound) -> Result<(), String> {
    loop {
        let room = inbound.spare().len();
        match receive(shared, inbound) {
            Ok(0) => return Err("connection closed by the server".into()),
            Ok(n) => {
                dispatch(shared, owner, inbound)?;
                if n < room {
                    // Most likely drained: skip the recv that would only say so. Anything
                    // left is the task's: arming the socket again on leaving wakes it for
                    // them (see `hand_back_reading`).
                    return Ok(());
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                release_if_idle(shared, inbound);
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("connection lost: {}", describe_read_error(shared, &e))),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::super::spin;
    use super::*;
    use crate::batch::CallResult;
    use crate::reply::Outcome;

    /// An owner that takes no part: the tests below only hold the reader role.
    struct NoOwner;
    impl ConnectionOwner for NoOwner {
        fn finish(&self, _entry: &Entry, _outcome: Outcome) -> Option<completion::Completion> {
            None
        }
        fn finish_gathered(&self, _entry: &Entry, _result: CallResult) -> Option<completion::Completion> {
            None
        }
        fn broken(self: Arc<Self>, _generation: u64, _reason: &str) {}
        fn address(&self) -> String {
            "test".into()
        }
    }

    /// A connection to a loopback peer that never writes, its task on `rt`; the
    /// returned values must outlive the test (the peer's socket, the owner).
    fn quiet_connection(rt: &tokio::runtime::Runtime) -> (Connection, std::net::TcpStream, Arc<dyn ConnectionOwner>) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let ours = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (theirs, _) = listener.accept().unwrap();
        ours.set_nonblocking(true).unwrap();
        let _entered = rt.enter();
        let stream = tokio::net::TcpStream::from_std(ours).unwrap();
        let owner: Arc<dyn ConnectionOwner> = Arc::new(NoOwner);
        let connection = Connection::start(stream, None, Vec::new(), 1, Arc::downgrade(&owner), rt).unwrap();
        (connection, theirs, owner)
    }

    /// The completer's look while another thread holds the reader role: none when
    /// nobody reads; it ends when that reader leaves (and so when completions it
    /// queued are there to take), and runs out when the reader stays.
    #[test]
    fn the_completer_looks_for_another_readers_completions_before_it_sleeps() {
        let _budget = spin::tests::Budget::set(1_000);
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        let (connection, _peer, _owner) = quiet_connection(&rt);
        let limit = Duration::from_secs(1);

        assert!(!connection.look_while_another_reads(limit, Awaiting::OwnReply), "nobody reads: nothing to look for");

        // A reader that leaves once the completer looks (it sees the process's look count
        // grow). The look may start after it left (this thread descheduled) or see another
        // test's look: then it does not look, and the attempt is repeated, with the
        // connection's record of earlier looks forgotten.
        let reader_leaves_during_the_look = || {
            connection.shared.spin.forget();
            let shared = Arc::clone(&connection.shared);
            let (held_tx, held_rx) = std::sync::mpsc::channel();
            let reader = std::thread::spawn(move || {
                let _role = shared.read.lock();
                let looks = spin::looks();
                held_tx.send(()).unwrap();
                let until = std::time::Instant::now() + Duration::from_millis(50);
                while spin::looks() == looks && std::time::Instant::now() < until {
                    std::hint::spin_loop();
                }
            });
            held_rx.recv().unwrap();
            let looked = connection.look_while_another_reads(limit, Awaiting::OwnReply);
            reader.join().unwrap();
            looked
        };
        assert!((0..50).any(|_| reader_leaves_during_the_look()), "the look never saw the reader leave");

        // A reader that stays for 300 ms: the look runs out after its budget (1 ms), and
        // the caller goes to sleep on the queue instead of waiting here for the reader.
        let shared = Arc::clone(&connection.shared);
        let (held_tx, held_rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let _role = shared.read.lock();
            held_tx.send(()).unwrap();
            std::thread::sleep(Duration::from_millis(300));
        });
        held_rx.recv().unwrap();
        let started = std::time::Instant::now();
        let looked = connection.look_while_another_reads(limit, Awaiting::OwnReply);
        let took = started.elapsed();
        reader.join().unwrap();
        assert!(!looked, "nothing was queued and the reader stayed");
        assert!(took < Duration::from_millis(250), "the look lasts a budget, not until the reader leaves ({took:?})");
        connection.shutdown("test over");
    }

    #[test]
    fn a_sender_is_expected_to_read_while_it_waits_after_each_request() {
        std::thread::spawn(|| {
            assert!(!sender_will_read(), "a thread never seen waiting");
            waiting_in_get();
            assert!(sender_will_read(), "waited after its last request");
            assert!(!sender_will_read(), "sent again without waiting (a pipeline, a callback)");
            assert!(!sender_will_read());
            waiting_in_get();
            assert!(sender_will_read(), "waits again");
        })
        .join()
        .unwrap();
    }
}
