//! Who is woken when a connection's socket has bytes or room: the connection's
//! task, unless a Java thread waiting in `get()` is reading the socket itself.
//!
//! # Why not register the socket with tokio directly
//! Tokio watches a registered socket all the time, edge-triggered. A thread
//! blocked in `get()` reads its own reply (see `Connection::help_read`), yet
//! each reply also woke a runtime thread that found the reader role taken:
//! measured at 1 thread over TLS, 7.4 µs of runtime-thread CPU per request, a
//! fifth of the client's. Tokio cannot stop watching a socket for a while, so
//! the socket sits in an epoll set of its own, and tokio watches that set: the
//! set reports the socket only for the events it is armed for. A waiting
//! thread disarms reading while it reads; the last one to leave arms it again.
//!
//! # Arming never loses bytes
//! Arming makes the kernel look at the socket at once: bytes that came while
//! nobody watched make the set ready, which wakes the task. When nothing is
//! wanted (a thread reads, the task has nothing to write), the socket leaves
//! the set (`EPOLL_CTL_DEL`), which also drops any entry it had queued there;
//! arming it again (`EPOLL_CTL_ADD`) then looks at it afresh. While it stays
//! in the set and an event is added to the armed ones (`EPOLL_CTL_MOD`), the
//! kernel looks only if the socket is not already queued in the set, and
//! nothing else drains the set (tokio only asks whether it is ready), so a
//! stale entry, queued earlier while the socket was ready, is drained first
//! (`epoll_wait` with no wait). The registration is edge-triggered, so that
//! draining also drops it.
//!
//! The cost: one more descriptor per connection, and per waiting thread's read
//! two system calls that do not block (leave the set; join it on leaving),
//! against a thread wake-up per reply. (Disarming with `EPOLL_CTL_MOD` instead
//! took three: disarm; drain and arm on leaving.)
//!
//! # Lingering out of the set
//! A thread that blocks in `get()` after each request leaves the reader role
//! with nothing pending and takes it again for its next request a few
//! microseconds later: joining the set only to leave it again was, at one
//! thread, a microsecond of system calls per request (`benchmarks/results/
//! before-after-2026-12-06/w1-1thread-profile.md`). So such a thread, leaving
//! with nothing pending, leaves the socket out of the set for a while
//! ([`LINGER`]): the socket is *parked*. Whatever could need the task while it
//! is parked arms the socket at once:
//! - a request sent by a thread not expected to read its own reply (one that
//!   did not wait in `get()` after its previous request: callbacks, pipelines,
//!   the completer thread);
//! - a request pending when the reader leaves (nothing is parked then; nor
//!   when the reader is the completer thread, whose next request comes from a
//!   callback or a virtual thread);
//! - a thread in `get()` that finds the task holding the reader role;
//! - a connection that receives pushes (pub/sub) is never parked.
//!
//! Otherwise the process-wide timer arms it once [`LINGER`] has passed, so a
//! server that closes the connection, or a reply whose thread was expected to
//! read it and did not, is seen within that bound. While a thread parks and
//! reads again request after request, the timer keeps looking once per
//! [`LINGER`] rather than being scheduled anew by each leaving, which would
//! wake its runtime thread once more each time (see `expire`).

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::time::Instant;

use crate::timer::{self, Deadlines};

/// How long a parked socket stays out of the set at most (see "Lingering out of the set").
pub(crate) const LINGER: Duration = Duration::from_millis(2);

/// The socket's epoll set and what it is armed for.
pub(super) struct SocketWatch {
    set: OwnedFd,
    socket: RawFd,
    armed: Mutex<Armed>,
    /// Whether `armed.parked_since` is set, readable without the lock by every send.
    parked: AtomicBool,
}

struct Armed {
    /// Threads in `get()` reading the socket (the reader role's holder, and one
    /// that just took the role while the previous one is still leaving).
    readers: u32,
    /// The task has bytes to write and waits for room.
    wants_room: bool,
    /// The events the set is armed for now (only `EPOLLET` when the socket is
    /// out of the set).
    events: u32,
    /// Since when the socket has been parked (see "Lingering out of the set").
    parked_since: Option<Instant>,
    /// The timer will look at the parked socket.
    linger_scheduled: bool,
    /// The socket was parked since the timer's last look: a thread is reading it
    /// request after request (see "Lingering out of the set").
    parked_since_look: bool,
    /// Pushes may come at any time: the socket is never parked.
    receives_pushes: bool,
    /// The connection is gone and so may be its socket's descriptor: nothing
    /// touches the set any more.
    closed: bool,
}

impl Armed {
    fn wanted(&self) -> u32 {
        let read = if self.readers == 0 && self.parked_since.is_none() { libc::EPOLLIN as u32 } else { 0 };
        let write = if self.wants_room { libc::EPOLLOUT as u32 } else { 0 };
        read | write | libc::EPOLLET as u32
    }
}

/// Whether `events` watch for anything (beyond the edge-triggered flag): the
/// socket is in the set exactly then.
fn watches(events: u32) -> bool {
    events & !(libc::EPOLLET as u32) != 0
}

/// The set's descriptor, for tokio's `AsyncFd`, which does not own it.
pub(super) struct SetFd(RawFd);

impl AsRawFd for SetFd {
    fn as_raw_fd(&self) -> RawFd {
        self.0
    }
}

impl SocketWatch {
    /// A set watching `socket` for bytes to read. `socket` must stay open as
    /// long as the watch lives (closing it removes it from the set).
    pub(super) fn new(socket: RawFd) -> io::Result<SocketWatch> {
        // SAFETY: epoll_create1 takes no pointers; a negative result is an error.
        let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `fd` is a new descriptor that nothing else owns.
        let set = unsafe { OwnedFd::from_raw_fd(fd) };
        let armed = Armed { readers: 0, wants_room: false, events: 0, parked_since: None, linger_scheduled: false, parked_since_look: false, receives_pushes: false, closed: false };
        let events = armed.wanted();
        let watch = SocketWatch { set, socket, armed: Mutex::new(armed), parked: AtomicBool::new(false) };
        watch.control(libc::EPOLL_CTL_ADD, events)?;
        watch.armed.lock().events = events;
        Ok(watch)
    }

    /// The set, for the task to wait on.
    pub(super) fn set_fd(&self) -> SetFd {
        SetFd(self.set.as_raw_fd())
    }

    /// A thread in `get()` is about to read the socket: the task is no longer woken for bytes.
    pub(super) fn reader_enters(&self) -> io::Result<()> {
        let mut armed = self.armed.lock();
        armed.readers += 1;
        // Out of the set while read; parked afresh when the last reader leaves.
        armed.parked_since = None;
        self.parked.store(false, Ordering::SeqCst);
        self.apply(&mut armed)
    }

    /// A thread in `get()` has stopped reading and given up the reader role:
    /// if it was the last, the task is woken for bytes again, at once if some
    /// are waiting, unless `may_park` says the socket may be parked (no request
    /// waits for a reply, and the reader is likely to send and read again; see
    /// "Lingering out of the set"). `this` is the watch's own handle, for the timer.
    pub(super) fn reader_leaves(this: &Arc<SocketWatch>, may_park: impl FnOnce() -> bool) -> io::Result<()> {
        let mut armed = this.armed.lock();
        armed.readers = armed.readers.saturating_sub(1);
        if armed.readers == 0 && !armed.receives_pushes && !armed.closed {
            // Parked before looking: a request sent from now on sees it (`arm_if_parked`);
            // one sent before is seen by the look.
            this.parked.store(true, Ordering::SeqCst);
            if may_park() {
                armed.parked_since.get_or_insert_with(Instant::now);
                armed.parked_since_look = true;
                if !armed.linger_scheduled {
                    armed.linger_scheduled = true;
                    timer::schedule(Instant::now() + LINGER, Arc::downgrade(this) as std::sync::Weak<dyn Deadlines>);
                }
            } else {
                armed.parked_since = None;
                this.parked.store(false, Ordering::SeqCst);
            }
        }
        this.apply(&mut armed)
    }

    /// Arms a parked socket: a request entered the FIFO (before this call) whose
    /// reply no waiting thread is expected to read, or a waiting thread found
    /// the reader role taken by the task.
    pub(super) fn arm_if_parked(&self) -> io::Result<()> {
        if !self.parked.load(Ordering::SeqCst) {
            return Ok(());
        }
        self.unpark()
    }

    /// Pushes may come from now on: the socket is never parked again.
    pub(super) fn receives_pushes(&self) -> io::Result<()> {
        self.armed.lock().receives_pushes = true;
        self.unpark()
    }

    /// The connection is going away: the socket's descriptor may close after this.
    pub(super) fn close(&self) {
        self.armed.lock().closed = true;
    }

    fn unpark(&self) -> io::Result<()> {
        let mut armed = self.armed.lock();
        armed.parked_since = None;
        self.parked.store(false, Ordering::SeqCst);
        self.apply(&mut armed)
    }

    /// Whether the task waits for room to write.
    pub(super) fn want_room(&self, wanted: bool) -> io::Result<()> {
        let mut armed = self.armed.lock();
        armed.wants_room = wanted;
        self.apply(&mut armed)
    }

    fn apply(&self, armed: &mut Armed) -> io::Result<()> {
        let wanted = armed.wanted();
        if wanted == armed.events || armed.closed {
            return Ok(());
        }
        match (watches(armed.events), watches(wanted)) {
            // Out of the set: no stale entry can stay queued, and joining looks afresh.
            (true, false) => self.control(libc::EPOLL_CTL_DEL, wanted)?,
            (false, true) => self.control(libc::EPOLL_CTL_ADD, wanted)?,
            _ => {
                if wanted & !armed.events != 0 {
                    self.drain();
                }
                self.control(libc::EPOLL_CTL_MOD, wanted)?;
            }
        }
        armed.events = wanted;
        Ok(())
    }

    /// Empties the set's ready list (see "Arming never loses bytes").
    fn drain(&self) {
        let mut events = [libc::epoll_event { events: 0, u64: 0 }; 1];
        // SAFETY: `events` is a live array of one epoll_event that the kernel may fill;
        // a zero timeout never blocks; the set is open while `self` lives.
        unsafe { libc::epoll_wait(self.set.as_raw_fd(), events.as_mut_ptr(), 1, 0) };
    }

    fn control(&self, op: libc::c_int, events: u32) -> io::Result<()> {
        let mut event = libc::epoll_event { events, u64: 0 };
        // SAFETY: `event` is a live epoll_event the kernel only reads; the set and the
        // socket are open descriptors while `self` lives (see `new`).
        let result = unsafe { libc::epoll_ctl(self.set.as_raw_fd(), op, self.socket, &mut event) };
        if result < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
}

impl Deadlines for SocketWatch {
    /// The timer's look at a parked socket: arms it once it has lingered
    /// [`LINGER`], or looks again when it will have (it was parked again since).
    /// A socket a reader holds, and parked since the last look, is looked at
    /// again a [`LINGER`] later rather than forgotten: its thread reads request
    /// after request, and forgetting it made that thread's next leaving schedule
    /// the look anew, which wakes the timer's runtime thread: two wake-ups per
    /// [`LINGER`] instead of one (at one thread on a host where a wake-up is slow,
    /// a runtime thread's 1,000 wake-ups a second were 8% of the client's CPU).
    /// A socket not parked again since (a reader blocked on a long command) is
    /// forgotten until it is.
    fn expire(&self, now: Instant) -> Option<Instant> {
        let mut armed = self.armed.lock();
        let parked_since_look = std::mem::replace(&mut armed.parked_since_look, false);
        match armed.parked_since {
            Some(since) if !armed.closed && since + LINGER > now => Some(since + LINGER),
            Some(_) if !armed.closed => {
                armed.parked_since = None;
                armed.linger_scheduled = false;
                self.parked.store(false, Ordering::SeqCst);
                // On failure the socket stays out of the set: the next reader's
                // leaving tries again, and reports what failed.
                let _ = self.apply(&mut armed);
                None
            }
            None if !armed.closed && armed.readers > 0 && parked_since_look => Some(now + LINGER),
            _ => {
                armed.linger_scheduled = false;
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::os::unix::net::UnixStream;

    use super::*;

    /// A watch on one end of a socket pair, and the other end to send bytes from.
    fn watched_pair() -> (Arc<SocketWatch>, UnixStream, UnixStream) {
        let (ours, theirs) = UnixStream::pair().unwrap();
        let watch = Arc::new(SocketWatch::new(ours.as_raw_fd()).unwrap());
        (watch, ours, theirs)
    }

    /// Whether the set reports the socket now (what would wake the task).
    fn wakes_task(watch: &SocketWatch) -> bool {
        let mut pollfd = libc::pollfd { fd: watch.set.as_raw_fd(), events: libc::POLLIN, revents: 0 };
        // SAFETY: one live pollfd for the set's descriptor, open while `watch` lives; no wait.
        unsafe { libc::poll(&mut pollfd, 1, 0) > 0 }
    }

    /// How long until the set reports the socket (the timer armed it); fails after 5 s.
    fn time_until_task_woken(watch: &SocketWatch) -> Duration {
        let start = std::time::Instant::now();
        while !wakes_task(watch) {
            assert!(start.elapsed() < Duration::from_secs(5), "the parked socket was never armed");
            std::thread::sleep(Duration::from_micros(200));
        }
        start.elapsed()
    }

    /// A reader takes the role and leaves it; `pending`: whether requests still wait.
    fn read_and_leave(watch: &Arc<SocketWatch>, pending: bool) {
        watch.reader_enters().unwrap();
        SocketWatch::reader_leaves(watch, || !pending).unwrap();
    }

    #[test]
    fn bytes_wake_the_task_unless_a_reader_holds_the_role() {
        let (watch, _ours, mut theirs) = watched_pair();
        watch.reader_enters().unwrap();
        theirs.write_all(b"+OK\r\n").unwrap();
        assert!(!wakes_task(&watch));
        SocketWatch::reader_leaves(&watch, || false).unwrap();
        assert!(wakes_task(&watch), "bytes that came while a reader held the role wake the task when it leaves");
    }

    #[test]
    fn a_reader_leaving_with_nothing_pending_parks_the_socket_until_armed() {
        let (watch, _ours, mut theirs) = watched_pair();
        read_and_leave(&watch, false);
        theirs.write_all(b"+OK\r\n").unwrap();
        assert!(!wakes_task(&watch), "parked: not in the set");
        watch.arm_if_parked().unwrap();
        assert!(wakes_task(&watch), "armed at once");
    }

    #[test]
    fn a_reader_leaving_with_requests_pending_arms_the_socket() {
        let (watch, _ours, mut theirs) = watched_pair();
        read_and_leave(&watch, true);
        theirs.write_all(b"+OK\r\n").unwrap();
        assert!(wakes_task(&watch));
    }

    #[test]
    fn a_parked_socket_is_armed_once_it_has_lingered() {
        let (watch, _ours, mut theirs) = watched_pair();
        read_and_leave(&watch, false);
        theirs.write_all(b"+OK\r\n").unwrap();
        let waited = time_until_task_woken(&watch);
        assert!(waited + Duration::from_micros(500) >= LINGER, "armed before the linger passed: {waited:?}");
    }

    #[test]
    fn a_server_closing_a_parked_connection_is_seen_within_the_linger() {
        let (watch, _ours, theirs) = watched_pair();
        read_and_leave(&watch, false);
        drop(theirs);
        time_until_task_woken(&watch);
    }

    #[test]
    fn a_connection_that_receives_pushes_is_never_parked() {
        let (watch, _ours, mut theirs) = watched_pair();
        watch.receives_pushes().unwrap();
        read_and_leave(&watch, false);
        theirs.write_all(b">2\r\n").unwrap();
        assert!(wakes_task(&watch));
    }

    #[test]
    fn the_timer_keeps_looking_while_a_thread_parks_between_reads_and_forgets_a_long_read() {
        let (watch, _ours, _theirs) = watched_pair();
        // The test plays the timer: with a look taken as scheduled, the real one never looks.
        watch.armed.lock().linger_scheduled = true;
        read_and_leave(&watch, false);
        watch.reader_enters().unwrap();
        let now = Instant::now();
        assert_eq!(watch.expire(now), Some(now + LINGER), "parked since the last look, read again: looks again");
        assert!(watch.armed.lock().linger_scheduled, "the next leaving schedules nothing");
        SocketWatch::reader_leaves(&watch, || true).unwrap();
        watch.reader_enters().unwrap();
        assert!(watch.expire(now + LINGER).is_some(), "and again while the thread goes on");
        assert_eq!(watch.expire(now + 2 * LINGER), None, "the same read still going on: forgotten");
        assert!(!watch.armed.lock().linger_scheduled, "the next leaving schedules a look");
    }

    #[test]
    fn a_closed_watch_is_left_alone_by_the_timer() {
        let (watch, _ours, _theirs) = watched_pair();
        read_and_leave(&watch, false);
        watch.close();
        assert_eq!(watch.expire(Instant::now() + 2 * LINGER), None);
        assert!(watch.armed.lock().parked_since.is_some(), "nothing changed after close");
    }
}
