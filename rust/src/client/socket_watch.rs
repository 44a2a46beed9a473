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

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};

use parking_lot::Mutex;

/// The socket's epoll set and what it is armed for.
pub(super) struct SocketWatch {
    set: OwnedFd,
    socket: RawFd,
    armed: Mutex<Armed>,
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
}

impl Armed {
    fn wanted(&self) -> u32 {
        let read = if self.readers == 0 { libc::EPOLLIN as u32 } else { 0 };
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
        let armed = Armed { readers: 0, wants_room: false, events: 0 };
        let events = armed.wanted();
        let watch = SocketWatch { set, socket, armed: Mutex::new(armed) };
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
        self.apply(&mut armed)
    }

    /// A thread in `get()` has stopped reading and given up the reader role:
    /// if it was the last, the task is woken for bytes again, at once if some
    /// are waiting.
    pub(super) fn reader_leaves(&self) -> io::Result<()> {
        let mut armed = self.armed.lock();
        armed.readers = armed.readers.saturating_sub(1);
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
        if wanted == armed.events {
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
