//! One connection to one server: our own RESP driver on a tokio `TcpStream`.
//!
//! # Design
//! - **Writes** happen on the callers' threads: [`Connection::send_many`] appends
//!   the request to the FIFO of pending replies and, if no other thread is
//!   writing and no reply is due, becomes the writer: it sends its command with
//!   a non-blocking `try_write` and then whatever other threads queued meanwhile
//!   (combining their writes into one system call). While replies are due, a
//!   command waits for the next one: its reader writes every command queued
//!   meanwhile at once (see `send_many`). Bytes are queued in FIFO order under
//!   the lock, so the order on the wire is the order of the FIFO. Only what the
//!   socket does not take is left for the connection's task, which waits for room.
//! - **Reads** happen on one task per connection: it parses replies as they
//!   arrive and completes the request at the head of the FIFO with each one.
//!   A Java thread blocked in `get()` may take the reader role meanwhile
//!   ([`Connection::help_read`]); while it reads, the socket does not wake the
//!   task ([`SocketWatch`]). A thread that finds the role taken waits in native
//!   code for whoever reads its reply to hand it over ([`crate::followers`]).
//! - **Timeouts** are deadlines in the FIFO entries. The connection registers
//!   its earliest one with the process-wide [`crate::timer`], and only when it
//!   moves earlier. A timed-out request completes at once and its slot stays in
//!   the FIFO until the late reply arrives and is dropped.
//!
//! No channel, no task and no timer per request: an idle connection costs its
//! socket and one task; a request costs one FIFO entry.
//!
//! # Read buffers
//! The read buffer (and, over TLS, the buffer records are received into) is kept
//! while the connection is in use and freed once a whole [`READ_BUFFERS_IDLE`]
//! passed with nothing received: the task looks once per period, and only while
//! the buffers are held. Freeing them whenever no reply was pending cost a
//! 16 KiB (TLS: 80 KiB) allocation and free per request at one request in flight,
//! most of it in glibc consolidating its free lists for the large request: about
//! 8% of the client's CPU per request in a profile.
//!
//! # TLS
//! A TLS connection keeps all of the above ([`TlsIo`]): the writer seals the
//! bytes into records on the caller's thread and writes what the socket takes
//! (records it does not take wait for the task, first in line). Commands that
//! wait for the next reply leave in one record; a TLS server handles one
//! record per pass of its event loop, and fewer records cost it, and us
//! through its fewer reply writes, much less (see `send_many`). The reader
//! (task or waiting Java thread) decrypts straight into where [`Inbound`]
//! wants the bytes, a large value's own buffer included. The rustls session's
//! lock is held for memory work only, never across a system call.
//!
//! # Failure
//! EOF, an I/O error or unparsable input breaks the connection: every pending
//! request fails with a connection error, new sends are refused, the owner is
//! told once (so it can reconnect), and the task ends.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{fence, AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use parking_lot::Mutex;
use tokio::io::unix::AsyncFd;
use tokio::io::Interest;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::inbound::{Inbound, Reply};
use super::read_pacing::ReadPacing;
use super::socket_watch::SocketWatch;
use super::tls_io::TlsIo;
use crate::batch::{self, CallResult, Gather};
use crate::completion::{self, Completion};
use crate::contain::{self, Contained};
use crate::reply::{BulkAs, Failure, Outcome};
use crate::resp::Value;
use crate::shape::Expect;
use crate::timer::{self, Deadlines};

mod waiting_reader;

use waiting_reader::HelperWake;

/// A request waiting for its reply.
#[derive(Debug)]
pub(crate) struct Entry {
    pub id: i64,
    pub expect: Expect,
    pub bulk_as: BulkAs,
    pub deadline: Option<Instant>,
    /// For the timeout message.
    pub timeout: Option<Duration>,
    /// `SELECT n`: the database to remember when it succeeds.
    pub selects_database: Option<i64>,
    /// Completed early (timed out), or nobody waits for it (see `skipped`): its
    /// reply, when it comes, is dropped.
    pub done: bool,
    /// A reply nobody waits for (`ASKING`, `MULTI`, a transaction's `QUEUED`s): an
    /// error among them explains the `EXECABORT` that follows.
    pub skipped: bool,
    /// Set for the commands of a batch: where the reply goes instead of Java.
    pub gather: Option<GatherSlot>,
    /// The slot of a command the server answers only when it refuses it (see
    /// [`Connection::send_pushed_commands`]): an error reply before the next
    /// entry's reply is this one's; any other reply is the next entry's.
    pub refusable: bool,
}

/// Command `index` of a batch (0 for a transaction's `EXEC`).
#[derive(Debug, Clone)]
pub(crate) struct GatherSlot {
    pub gather: Arc<Gather>,
    pub index: usize,
}

impl Entry {
    /// A slot for a reply nobody waits for (e.g. that of `ASKING` or `MULTI`).
    fn ignored() -> Entry {
        Entry { id: 0, expect: Expect::Natural, bulk_as: BulkAs::Bytes, deadline: None, timeout: None, selects_database: None, done: true, skipped: true, gather: None, refusable: false }
    }

    /// The slot of a command answered by pushes when accepted and by an error when refused.
    fn refusable() -> Entry {
        Entry { refusable: true, skipped: false, ..Entry::ignored() }
    }
}

/// What a connection reports to the client that owns it.
pub(crate) trait Owner: Send + Sync {
    /// `entry` finished with `outcome`: does the owner's bookkeeping and returns
    /// the completion to deliver, if any (a cluster may retry the request
    /// elsewhere instead). Called once per entry.
    fn finish(&self, entry: &Entry, outcome: Outcome) -> Option<Completion>;

    /// A batch command's reply (see `Entry::gather`), as a value already in the
    /// command's shape: batches combine values, so the reply skips the encoding
    /// [`Owner::finish`] would give it. Called once per entry, like `finish`.
    fn finish_gathered(&self, entry: &Entry, result: CallResult) -> Option<Completion>;

    /// [`Owner::finish`] and deliver the completion at once.
    fn finished(&self, entry: &Entry, outcome: Outcome) {
        if let Some(completion) = self.finish(entry, outcome) {
            completion::push(completion);
        }
    }
    /// Connection `generation` broke; called once.
    fn broken(self: Arc<Self>, generation: u64, reason: &str);

    /// A RESP3 push frame arrived (pub/sub): it answers no request.
    fn pushed(&self, _frame: &[u8]) {}

    /// The server refused a command sent with [`Connection::send_pushed_commands`]
    /// (an ACL without the channel or the command): `message` is its error.
    fn pushed_command_refused(&self, _message: &str) {}

    /// `host:port` of the server, for log lines.
    fn address(&self) -> String;
}

struct State {
    /// Bytes accepted but not yet written.
    out: Vec<u8>,
    /// A thread (caller or task) is writing; others append to `out` for it.
    writing: bool,
    pending: VecDeque<Entry>,
    /// Set once: why the connection no longer works.
    broken: Option<String>,
    /// The wake-up registered with the timer; a send with an earlier deadline registers again.
    scheduled: Option<Instant>,
    /// The first error among skipped replies (a transaction's `QUEUED`s), for the message
    /// of the `EXECABORT` that follows; the next reply someone waits for takes it.
    skipped_error: Option<String>,
}

struct Shared {
    /// Non-blocking, and not registered with tokio: [`SocketWatch`] says who is woken for it.
    stream: std::net::TcpStream,
    watch: SocketWatch,
    /// How many bytes of a large value wake its reader (see [`ReadPacing`]); over TLS only.
    pacing: Option<ReadPacing>,
    /// The TLS session, when the connection is secured; see "TLS" above.
    tls: Option<TlsIo>,
    state: Mutex<State>,
    /// What was received. Whoever holds this lock is *the* reader: the task, or a
    /// Java thread helping while it waits for its own reply (see [`Connection::help_read`]).
    read: Mutex<Inbound>,
    /// Woken when a helping thread gives the reader role back leaving bytes the
    /// socket will not announce again; see `waiting_reader::hand_back_reading`.
    reader_released: Notify,
    /// Set by the task when the socket woke it while a Java thread held the
    /// reader role: that thread, leaving, wakes the task to look again.
    task_turned_away: AtomicBool,
    /// Interrupts a helping thread's wait when its request ends without a reply.
    helper_wake: HelperWake,
    /// Whether the task looks at the read buffers every [`READ_BUFFERS_IDLE`] (see
    /// [`sweep_read_buffers`]). Written under the `read` lock only: set by the reader
    /// that receives into buffers nobody watches, cleared by the task when it frees them.
    buffers_watched: AtomicBool,
    /// Who gets the outcomes.
    owner: Weak<dyn Owner>,
    /// Wakes the task: bytes to flush, or shutdown.
    wake: Notify,
    generation: u64,
}

/// A live connection; cheap to clone (shared handle).
#[derive(Clone)]
pub(crate) struct Connection {
    shared: Arc<Shared>,
}

/// A connection, if it is still alive (see [`Connection::downgrade`]).
#[derive(Clone)]
pub(crate) struct ConnectionRef(Weak<Shared>);

impl ConnectionRef {
    pub(crate) fn upgrade(&self) -> Option<Connection> {
        self.0.upgrade().map(|shared| Connection { shared })
    }

    pub(crate) fn is(&self, connection: &Connection) -> bool {
        std::ptr::eq(self.0.as_ptr(), Arc::as_ptr(&connection.shared))
    }
}

/// The command after each of [`Connection::send_pushed_commands`]' commands.
const PING: &[u8] = b"*1\r\n$4\r\nPING\r\n";

/// The largest command (or pipeline) that waits for the next reply instead of
/// leaving at once (see `send_many`): beyond it, waiting saves nothing worth the
/// copy into the write buffer.
const WAIT_FOR_REPLY_MAX: usize = 64 * 1024;
/// Write buffer capacity kept after a flush; larger buffers are released.
const WRITE_BUFFER_KEEP: usize = 16 * 1024;
/// How long the read buffers stay with nothing received before they are freed.
const READ_BUFFERS_IDLE: Duration = Duration::from_secs(1);
/// Entries the FIFO keeps room for once empty; a larger one (after a big pipeline) is released.
const PENDING_KEEP: usize = 1024;

impl Connection {
    /// Wraps a connected, handshaken stream and starts its task on `rt`. Fails
    /// only if the process is out of descriptors (see [`SocketWatch`]).
    pub(crate) fn start(
        stream: tokio::net::TcpStream,
        tls: Option<rustls::ClientConnection>,
        leftover: Vec<u8>,
        generation: u64,
        owner: Weak<dyn Owner>,
        rt: &tokio::runtime::Runtime,
    ) -> io::Result<Connection> {
        // Leaves tokio's poller; stays non-blocking.
        let stream = stream.into_std()?;
        let watch = SocketWatch::new(stream.as_raw_fd())?;
        let pacing = tls.is_some().then(|| ReadPacing::new(stream.as_raw_fd()));
        let shared = Arc::new(Shared {
            stream,
            watch,
            pacing,
            tls: tls.map(TlsIo::new),
            state: Mutex::new(State {
                out: Vec::new(),
                writing: false,
                pending: VecDeque::new(),
                broken: None,
                scheduled: None,
                skipped_error: None,
            }),
            owner: owner.clone(),
            read: Mutex::new(Inbound::new(leftover)),
            reader_released: Notify::new(),
            task_turned_away: AtomicBool::new(false),
            helper_wake: HelperWake::default(),
            buffers_watched: AtomicBool::new(false),
            wake: Notify::new(),
            generation,
        });
        let task_shared = Arc::clone(&shared);
        rt.spawn(async move {
            let driven = Contained::new("driving a connection", drive(Arc::clone(&task_shared), owner.clone())).await;
            if let Err(reason) = driven {
                fail_connection(&task_shared, &owner, reason);
            }
        });
        Ok(Connection { shared })
    }

    /// Queues `entries` and writes `packed`. Fails, returning the entries
    /// untouched, if the connection is broken. `packed` may hold several
    /// commands written back to back: the replies of the first `skipped`
    /// (`ASKING` before a redirected command, `MULTI` and the `QUEUED`s of a
    /// transaction) are dropped, the next ones go to `entries` in order (one
    /// for a command or a transaction's `EXEC`, one per command of a pipeline).
    pub(crate) fn send_many<I: Iterator<Item = Entry>>(&self, entries: I, packed: &[u8], skipped: usize) -> Result<(), (I, String)> {
        let shared = &*self.shared;
        let mut state = shared.state.lock();
        if let Some(reason) = &state.broken {
            return Err((entries, reason.clone()));
        }
        // Replies are due: these bytes may wait for the next one (see below).
        let replies_due = !state.pending.is_empty();
        for _ in 0..skipped {
            state.pending.push_back(Entry::ignored());
        }
        // Register a wake-up only if a deadline is earlier than the one registered.
        let mut schedule = None;
        for entry in entries {
            if let Some(d) = entry.deadline.filter(|d| state.scheduled.is_none_or(|s| *d < s)) {
                state.scheduled = Some(d);
                schedule = Some(d);
            }
            state.pending.push_back(entry);
        }
        if state.writing || !state.out.is_empty() {
            // Someone is writing (or the socket is full and the task waits for
            // room): they send these bytes with theirs, in one system call.
            state.out.extend_from_slice(packed);
            drop(state);
        } else if replies_due && packed.len() <= WAIT_FOR_REPLY_MAX {
            // Earlier requests' replies are coming: whoever reads the next one (the task,
            // or a thread waiting in get()) writes these bytes right after it, together with
            // those of every other command sent meanwhile (`dispatch`). Nobody is woken for
            // them, and the server gets many commands per read: one system call each side
            // instead of one per command, and over TLS one record instead of one per
            // command (a TLS server opens one record per pass of its event loop). The wait
            // is short and bounded by the replies due: a server runs a connection's commands
            // in order, so these could not start before it has answered the earlier ones
            // anyway (a client blocked in BLPOP runs nothing more until it is served); what
            // they lose is at most the time the next reply takes to arrive. Measured
            // (benchmarks/results/tls-ab): over TLS 1.3-1.7x the throughput at 4 to 100
            // threads with less CPU per request on both sides, 1.3x in plaintext at 100;
            // in plaintext at 4 threads, level in one run and 10% behind in another.
            state.out.extend_from_slice(packed);
            drop(state);
        } else {
            // Nobody is writing: this thread does, now, outside the lock, and then
            // also sends whatever other threads queued meanwhile.
            state.writing = true;
            drop(state);
            write_as_writer(shared, Cow::Borrowed(packed));
        }
        if let Some(at) = schedule {
            timer::schedule(at, Arc::downgrade(&self.shared) as Weak<dyn Deadlines>);
        }
        super::idle_reading::sent_on(self);
        Ok(())
    }

    /// Sends commands the server answers with pushes when it accepts them and
    /// with one error reply when it refuses them (SUBSCRIBE and its family: an
    /// ACL may forbid the command or the channel). An error reply is a reply
    /// like any other, so each command gets a slot that takes an error, and a
    /// `PING` after it, whose `PONG` tells that no error came: without this, a
    /// refusal would be one reply more than requests, and the stream and the
    /// FIFO out of step. A refusal goes to [`Owner::pushed_command_refused`].
    pub(crate) fn send_pushed_commands(&self, commands: &[Vec<u8>]) -> Result<(), String> {
        let mut packed = Vec::new();
        let mut entries = Vec::with_capacity(2 * commands.len());
        for command in commands {
            packed.extend_from_slice(command);
            packed.extend_from_slice(PING);
            entries.push(Entry::refusable());
            entries.push(Entry::ignored());
        }
        self.send_many(entries.into_iter(), &packed, 0).map_err(|(_, reason)| reason)
    }

    /// Holds back writes while the caller queues several requests, so that they
    /// leave together, in one system call, when the hold is dropped (the parts
    /// of a split cluster request bound for this node). `None` when another
    /// thread is writing already: it sends the queued bytes with its own.
    pub(crate) fn hold_writes(&self) -> Option<WriteHold> {
        let mut state = self.shared.state.lock();
        if state.writing || !state.out.is_empty() || state.broken.is_some() {
            return None;
        }
        state.writing = true;
        Some(WriteHold { shared: Arc::clone(&self.shared) })
    }

    /// Stops the connection; returns the requests that were still pending.
    pub(crate) fn shutdown(&self, reason: &str) -> Vec<Entry> {
        let mut state = self.shared.state.lock();
        if state.broken.is_none() {
            state.broken = Some(reason.to_string());
        }
        let pending = state.pending.drain(..).filter(|e| !e.done).collect();
        state.out = Vec::new();
        drop(state);
        self.shared.wake.notify_one();
        self.shared.helper_wake.wake();
        pending
    }

    /// A handle that does not keep the connection alive.
    pub(crate) fn downgrade(&self) -> ConnectionRef {
        ConnectionRef(Arc::downgrade(&self.shared))
    }

    pub(crate) fn generation(&self) -> u64 {
        self.shared.generation
    }

}

/// The connection's task: reads and dispatches replies, flushes what callers
/// could not write, expires deadlines.
async fn drive(shared: Arc<Shared>, owner: Weak<dyn Owner>) {
    // SAFETY: the set's descriptor is owned by `shared.watch`, which lives as long as
    // `shared`, held by this task beyond `socket` (a local dropped first).
    let socket = match unsafe { AsyncFd::register_with_interest(shared.watch.set_fd(), Interest::READABLE) } {
        Ok(socket) => socket,
        Err(e) => return fail_connection(&shared, &owner, format!("cannot watch the connection: {}", io::Error::from(e))),
    };
    // Armed while the read buffers are watched; reset once per period, not per request.
    let mut sweep = std::pin::pin!(tokio::time::sleep(Duration::ZERO));
    let mut sweep_armed = false;
    let reason = loop {
        if !sweep_armed && shared.buffers_watched.load(Ordering::Acquire) {
            sweep.as_mut().reset(Instant::now() + READ_BUFFERS_IDLE);
            sweep_armed = true;
        }
        let wake = shared.wake.notified();
        tokio::pin!(wake);
        wake.as_mut().enable();
        let released = shared.reader_released.notified();
        tokio::pin!(released);
        released.as_mut().enable();
        let want_write = {
            let state = shared.state.lock();
            if state.broken.is_some() {
                return; // shut down by the owner, which handles the pending requests
            }
            !state.writing && !state.out.is_empty()
        } || tls_records_queued(&shared);
        if let Err(e) = shared.watch.want_room(want_write) {
            break format!("cannot watch the connection: {e}");
        }
        let step = tokio::select! {
            // Bytes to read (unless a helper reads them), or room to write if wanted.
            ready = socket.readable() => match ready {
                Ok(mut ready) => {
                    // Before reading: an event from now on sets it again.
                    ready.clear_ready();
                    read_unless_helped(&shared, &owner).and_then(|()| if want_write { flush(&shared) } else { Ok(()) })
                }
                Err(e) => Err(format!("connection lost: {e}")),
            },
            // A helper left bytes behind; another may have taken the role since, and
            // then hands them back in turn.
            _ = &mut released => read_unless_helped(&shared, &owner),
            _ = &mut wake => Ok(()),
            () = &mut sweep, if sweep_armed => {
                sweep_armed = false;
                sweep_read_buffers(&shared);
                Ok(())
            }
        };
        if let Err(reason) = step {
            break reason;
        }
    };
    fail_connection(&shared, &owner, reason);
}

/// Breaks the connection: records why, fails every pending request with a
/// connection error at once, refuses what comes, tells the owner (which
/// reconnects). The task, a reading Java thread or a contained panic may all
/// find the connection broken; the first one does this, the others nothing
/// (as after a shutdown by the owner, which took the pending requests itself).
fn fail_connection(shared: &Shared, owner: &Weak<dyn Owner>, reason: String) {
    let pending: Vec<Entry> = {
        let mut state = shared.state.lock();
        if state.broken.is_some() {
            return;
        }
        state.broken = Some(reason.clone());
        state.out = Vec::new();
        state.pending.drain(..).collect()
    };
    shared.wake.notify_one(); // the task ends
    shared.helper_wake.wake(); // a waiting thread looks at its future
    tracing::debug!(target: "glide_jni", generation = shared.generation, reason, "connection broken");
    if let Some(owner) = owner.upgrade() {
        drop(Finishing::new(&*owner, pending, reason.clone()));
        Arc::clone(&owner).broken(shared.generation, &reason);
    }
}

/// The task's turn when the socket is readable. A Java thread blocked in `get()`
/// may hold the reader role: the socket woke the task before that thread
/// disarmed it, or the thread holds the role only to find its reply already
/// there. Waiting for the role would cost a wake-up per request: the task says
/// it was turned away and goes on waiting; the thread, leaving, wakes it (see
/// `waiting_reader::hand_back_reading`). The announcement comes before the role is looked at
/// again: a thread leaving meanwhile is seen here.
fn read_unless_helped(shared: &Shared, owner: &Weak<dyn Owner>) -> Result<(), String> {
    if let Some(mut inbound) = shared.read.try_lock() {
        return read_available(shared, owner, &mut inbound);
    }
    shared.task_turned_away.store(true, Ordering::SeqCst);
    fence(Ordering::SeqCst); // pairs with the one in `hand_back_reading`
    match shared.read.try_lock() {
        Some(mut inbound) => {
            shared.task_turned_away.store(false, Ordering::Relaxed);
            read_available(shared, owner, &mut inbound)
        }
        None => Ok(()),
    }
}

/// Reads what the socket has and dispatches every complete reply.
fn read_available(shared: &Shared, owner: &Weak<dyn Owner>, inbound: &mut Inbound) -> Result<(), String> {
    loop {
        match receive(shared, inbound) {
            Ok(0) => return Err("connection closed by the server".into()),
            Ok(_) => dispatch(shared, owner, inbound)?,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                release_if_idle(shared, inbound);
                return Ok(());
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("connection lost: {}", describe_read_error(shared, &e))),
        }
    }
}

/// A read error in words; a TLS one says what the session refused.
fn describe_read_error(shared: &Shared, error: &io::Error) -> String {
    match &shared.tls {
        Some(_) if error.kind() == io::ErrorKind::InvalidData => format!("TLS error: {error}"),
        _ => error.to_string(),
    }
}

/// Receives without blocking into where `inbound` wants its next bytes: what
/// one `recv` brings, or, on a TLS connection, the plaintext the session
/// decrypts. `Ok(0)` is the end of the stream.
fn receive(shared: &Shared, inbound: &mut Inbound) -> io::Result<usize> {
    let received = receive_bytes(shared, inbound);
    if matches!(received, Ok(n) if n > 0) {
        note_received(shared, inbound);
    }
    received
}

fn receive_bytes(shared: &Shared, inbound: &mut Inbound) -> io::Result<usize> {
    match &shared.tls {
        None => receive_plain(shared.stream.as_raw_fd(), inbound),
        Some(tls) => {
            let (received, records_left) = tls.receive(shared.stream.as_raw_fd(), inbound);
            if records_left {
                shared.wake.notify_one(); // the task writes them once the socket has room
            }
            received
        }
    }
}

/// One non-blocking `recv` into where `inbound` wants its next bytes.
fn receive_plain(fd: RawFd, inbound: &mut Inbound) -> io::Result<usize> {
    let spare = inbound.spare();
    // SAFETY: `spare` is writable memory of `spare.len()` bytes owned by
    // `inbound`; recv writes at most that many bytes and returns the count.
    let n = unsafe { libc::recv(fd, spare.as_mut_ptr().cast(), spare.len(), libc::MSG_DONTWAIT) };
    if n < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: recv initialised the first `n` bytes of `spare`, just obtained.
    unsafe { inbound.filled(n as usize) };
    Ok(n as usize)
}

/// Records encrypted but not yet written (the socket was full): the task writes them.
fn tls_records_queued(shared: &Shared) -> bool {
    shared.tls.as_ref().is_some_and(TlsIo::records_queued)
}

/// Sends what it can of `bytes` without blocking; returns how many it took.
/// A TLS connection takes every byte (encrypted into the session's queue) and
/// writes what the socket takes; records left over wait for the task.
fn send_some(shared: &Shared, bytes: &[u8]) -> io::Result<usize> {
    match &shared.tls {
        None => io::Write::write(&mut &shared.stream, bytes),
        Some(tls) => match tls.send(&shared.stream, bytes) {
            Err(e) if e.kind() != io::ErrorKind::WouldBlock => Err(e),
            _ => Ok(bytes.len()), // all sealed; what the socket did not take waits in `unsent`
        },
    }
}

/// Completes the requests whose replies have arrived in `inbound`.
/// `Err`: why the connection must be dropped (bytes that are not RESP, a reply
/// nobody asked for, a contained panic).
fn dispatch(shared: &Shared, owner: &Weak<dyn Owner>, inbound: &mut Inbound) -> Result<(), String> {
    let taken = contain::run("reading replies", || {
        inbound.take_replies(|replies, pushes| {
            if !pushes.is_empty() {
                if let Some(owner) = owner.upgrade() {
                    pushes.iter().for_each(|frame| owner.pushed(frame));
                }
            }
            complete(shared, owner, replies)
        })
    })?;
    let nothing_pending = taken.map_err(|e| e.to_string())??;
    // Before anyone waits for the socket again (see `ReadPacing`).
    if let Some(pacing) = &shared.pacing {
        pacing.pace(inbound.large_missing()).map_err(|e| format!("cannot pace the reads of a large value: {e}"))?;
    }
    // Commands that waited for replies to arrive (see `send_many`) leave now.
    flush(shared)?;
    if nothing_pending {
        inbound.release_if_grown(); // a large reply's buffer does not wait for the sweep
    }
    Ok(())
}

/// Frees the read buffers that hold nothing (see "Read buffers" above).
fn release_buffers(shared: &Shared, inbound: &mut Inbound) {
    inbound.release();
    if let Some(tls) = &shared.tls {
        tls.release_idle_buffers();
    }
}

/// After a read found nothing: it may have reserved buffers (a spurious wake, or
/// the bytes went to another reader). Unless the task watches them, nobody else
/// would free them.
fn release_if_idle(shared: &Shared, inbound: &mut Inbound) {
    if !shared.buffers_watched.load(Ordering::Relaxed) {
        release_buffers(shared, inbound);
    }
}

/// Bytes were received into the read buffers: they are in use. The first time
/// since the task stopped watching them, it starts again. Called under `read`.
fn note_received(shared: &Shared, inbound: &mut Inbound) {
    inbound.mark_used();
    if !shared.buffers_watched.load(Ordering::Relaxed) {
        shared.buffers_watched.store(true, Ordering::Release);
        shared.wake.notify_one();
    }
}

/// The task's look at the read buffers, once per [`READ_BUFFERS_IDLE`] while it
/// watches them: frees them if nothing was received since the last look. A
/// reader at work, or a reply still arriving, means they are in use.
fn sweep_read_buffers(shared: &Shared) {
    let Some(mut inbound) = shared.read.try_lock() else { return };
    let used = inbound.take_used();
    if used || !inbound.is_empty() || shared.tls.as_ref().is_some_and(TlsIo::has_input) {
        return;
    }
    release_buffers(shared, &mut inbound);
    shared.buffers_watched.store(false, Ordering::Release);
}

/// Completes one request per reply, in FIFO order. Returns whether nothing is
/// pending any more; `Err` when the connection must be dropped.
fn complete(shared: &Shared, owner: &Weak<dyn Owner>, replies: Vec<Reply<'_>>) -> Result<bool, String> {
    if replies.is_empty() {
        return Ok(false);
    }
    let (entries, answered, nothing_pending, skipped_error) = {
        let mut state = shared.state.lock();
        // Which entry each reply is for: one each, except that a refusable entry (see
        // `Connection::send_pushed_commands`) takes a reply only if it is an error, and
        // is settled without one when the next entry's reply comes first.
        let mut answered = Vec::with_capacity(replies.len());
        let mut next_reply = 0;
        while next_reply < replies.len() {
            let Some(entry) = state.pending.get(answered.len()) else {
                // The stream and the FIFO are out of step: no reply can be trusted to
                // belong to the request it would be given to. Nothing is taken, so the
                // break that follows fails every pending request.
                let extra = replies.len() - next_reply;
                return Err(format!("protocol error: the server sent {extra} more replies than requests were pending"));
            };
            let takes_reply = !entry.refusable || replies[next_reply].is_error();
            answered.push(takes_reply);
            next_reply += usize::from(takes_reply);
        }
        let entries: Vec<Entry> = state.pending.drain(..answered.len()).collect();
        if state.pending.is_empty() && state.pending.capacity() > PENDING_KEEP {
            // A large pipeline grew the FIFO; an idle connection does not keep that.
            state.pending = VecDeque::new();
        }
        (entries, answered, state.pending.is_empty(), state.skipped_error.take())
    };
    let Some(owner) = owner.upgrade() else { return Ok(nothing_pending) };
    // Whatever happens below, every entry taken is finished when `finishing` drops.
    let mut finishing = Finishing::new(&*owner, entries, String::new());
    let mut skipped_error = skipped_error;
    let converted = contain::run("handling replies", || {
        contain::fault_point(contain::FaultPoint::HandlingReplies);
        let mut replies = replies.into_iter();
        for takes_reply in answered {
            let entry = &finishing.entries[finishing.next];
            finishing.next += 1;
            if !takes_reply {
                continue; // a refusable command that was not refused
            }
            let Some(reply) = replies.next() else { break };
            if entry.refusable {
                owner.pushed_command_refused(&error_text(&reply).unwrap_or_default());
                continue;
            }
            if entry.skipped {
                if skipped_error.is_none() {
                    skipped_error = error_text(&reply);
                }
                continue;
            }
            // Only the reply right after the skipped ones (a transaction's EXEC) is explained.
            let cause = skipped_error.take();
            if entry.done {
                continue; // timed out: its future is complete already
            }
            if entry.gather.is_some() && cause.is_none() {
                let gathered = owner.finish_gathered(entry, gathered_value(reply, entry.expect));
                finishing.completions.extend(gathered);
                continue;
            }
            let mut outcome = match reply {
                Reply::Resp(bytes) => Outcome::from_resp(bytes, entry.expect, entry.bulk_as),
                Reply::Bulk(bytes) => Outcome::from_value(Value::BulkString(bytes), entry.expect, entry.bulk_as),
            };
            if let Some(cause) = cause {
                if let Outcome::Failed(failure, message) = outcome {
                    outcome = Outcome::Failed(failure, batch::explain_abort(message, Some(cause)));
                }
            }
            let finished = owner.finish(entry, outcome);
            finishing.completions.extend(finished);
        }
    });
    if let Err(reason) = converted {
        // The entry being converted and those after it fail with this; the
        // caller drops the connection, which fails the rest.
        finishing.next = finishing.next.saturating_sub(1);
        finishing.reason = reason.clone();
        return Err(reason);
    }
    if skipped_error.is_some() {
        shared.state.lock().skipped_error = skipped_error;
    }
    // One lock and (at most) one wake-up of the Java completer for the whole batch.
    drop(finishing);
    Ok(nothing_pending)
}

/// Entries taken from the FIFO and their completions. When it drops, normally
/// or while a panic unwinds, the completions are delivered and every entry
/// from `next` on that is still waiting fails with a connection error: taken
/// entries are never lost.
struct Finishing<'a> {
    owner: &'a dyn Owner,
    entries: Vec<Entry>,
    /// The first entry not yet finished.
    next: usize,
    completions: Vec<Completion>,
    /// Why the unfinished entries fail.
    reason: String,
}

impl<'a> Finishing<'a> {
    fn new(owner: &'a dyn Owner, entries: Vec<Entry>, reason: String) -> Finishing<'a> {
        let completions = Vec::with_capacity(entries.len());
        Finishing { owner, entries, next: 0, completions, reason }
    }
}

impl Drop for Finishing<'_> {
    fn drop(&mut self) {
        if self.next < self.entries.len() && self.reason.is_empty() {
            self.reason = "the connection broke while its replies were handled".into();
        }
        for entry in &self.entries[self.next.min(self.entries.len())..] {
            if entry.done {
                continue;
            }
            let failed = || Outcome::Failed(Failure::Connection, self.reason.clone());
            match contain::run("failing a request", || self.owner.finish(entry, failed())) {
                Ok(completion) => self.completions.extend(completion),
                // The owner's bookkeeping panicked too: the future still completes.
                Err(_) => self.completions.push(failed().into_completion(entry.id)),
            }
        }
        completion::push_all(std::mem::take(&mut self.completions));
    }
}

/// A batch command's reply as a value in its command's shape (a server error
/// is a `Value::ServerError`; a reply that cannot take the shape becomes one).
fn gathered_value(reply: Reply<'_>, expect: Expect) -> CallResult {
    let value = match reply {
        Reply::Resp(bytes) => crate::resp::build_complete(bytes).map_err(|e| (Failure::Request, e.to_string()))?,
        Reply::Bulk(bytes) => Value::BulkString(bytes),
    };
    Ok(crate::shape::convert(value, expect).unwrap_or_else(Value::ServerError))
}

/// The message of a reply that is a server error.
fn error_text(reply: &Reply<'_>) -> Option<String> {
    match reply {
        Reply::Resp(bytes) if bytes.first() == Some(&b'-') || bytes.first() == Some(&b'!') => {
            match crate::resp::build_complete(bytes) {
                Ok(Value::ServerError(message)) => Some(message),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Writes what callers left behind.
fn flush(shared: &Shared) -> Result<(), String> {
    let records_queued = tls_records_queued(shared);
    let bytes = {
        let mut state = shared.state.lock();
        if state.writing || (state.out.is_empty() && !records_queued) {
            return Ok(());
        }
        state.writing = true;
        std::mem::take(&mut state.out)
    };
    match write_as_writer(shared, Cow::Owned(bytes)) {
        Some(e) => Err(format!("connection lost: {e}")),
        None => Ok(()),
    }
}

/// Writes `first`, then whatever accumulates in `out` meanwhile, until nothing
/// is left or the socket is full. Called by the one thread that set `writing`;
/// clears it before returning. What the socket does not take goes back to the
/// front of `out` for the task, which waits for room. Returns a write error, if
/// one happened (the bytes stay queued; the task reports the error).
/// See [`Connection::hold_writes`]: while it lives, this thread is the writer
/// and sends write nothing; dropping it writes what they queued.
pub(crate) struct WriteHold {
    shared: Arc<Shared>,
}

impl Drop for WriteHold {
    fn drop(&mut self) {
        // A failed write is seen by the reader, which breaks the connection.
        let _ = write_as_writer(&self.shared, Cow::Borrowed(&[]));
    }
}

fn write_as_writer(shared: &Shared, first: Cow<'_, [u8]>) -> Option<io::Error> {
    let mut chunk = first;
    loop {
        let mut written = 0;
        let mut error = None;
        if chunk.is_empty() {
            // Nothing new: records a full socket left in a TLS session go now.
            if let Some(tls) = &shared.tls {
                error = tls.send(&shared.stream, &[]).err().filter(|e| e.kind() != io::ErrorKind::WouldBlock);
            }
        }
        while written < chunk.len() {
            match send_some(shared, &chunk[written..]) {
                Ok(n) => written += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    if e.kind() != io::ErrorKind::WouldBlock {
                        error = Some(e);
                    }
                    break;
                }
            }
        }
        let mut state = shared.state.lock();
        if written < chunk.len() {
            // Socket full (or failing): the rest goes first, before what others queued.
            let mut rest = chunk[written..].to_vec();
            rest.extend_from_slice(&state.out);
            state.out = rest;
            state.writing = false;
            drop(state);
            shared.wake.notify_one();
            return error;
        }
        if state.out.is_empty() {
            state.writing = false;
            if state.out.capacity() > WRITE_BUFFER_KEEP {
                state.out = Vec::new();
            }
            drop(state);
            if tls_records_queued(shared) {
                shared.wake.notify_one(); // the socket was full: the task waits for room
            }
            return error;
        }
        chunk = Cow::Owned(std::mem::take(&mut state.out));
    }
}

impl Deadlines for Shared {
    /// Completes every request whose deadline has passed with a timeout and
    /// returns the next deadline to wake up for.
    fn expire(&self, now: Instant) -> Option<Instant> {
        contain::fault_point(contain::FaultPoint::ExpiringDeadlines);
        let mut expired = Vec::new();
        let next = {
            let mut state = self.state.lock();
            if state.broken.is_some() {
                return None;
            }
            let mut next: Option<Instant> = None;
            for entry in state.pending.iter_mut() {
                if entry.done {
                    continue;
                }
                match entry.deadline {
                    Some(d) if d <= now => {
                        entry.done = true;
                        expired.push((entry.id, entry.timeout, entry.gather.clone()));
                    }
                    Some(d) => next = Some(next.map_or(d, |n| n.min(d))),
                    None => {}
                }
            }
            state.scheduled = next;
            next
        };
        if !expired.is_empty() {
            self.helper_wake.wake();
        }
        if let Some(owner) = self.owner.upgrade() {
            if !expired.is_empty() {
                crate::logging::events::timeouts(expired.len(), || owner.address());
            }
            for (id, timeout, gather) in expired {
                let entry = Entry { id, expect: Expect::Natural, bulk_as: BulkAs::Bytes, deadline: None, timeout, selects_database: None, done: true, skipped: false, gather, refusable: false };
                let ms = timeout.unwrap_or_default().as_millis();
                let timed_out = || Outcome::Failed(Failure::Timeout, format!("request timed out after {ms} ms"));
                if contain::run("timing out a request", || owner.finished(&entry, timed_out())).is_err() {
                    // The owner's bookkeeping panicked: the future still completes.
                    completion::push(timed_out().into_completion(id));
                }
            }
        }
        next
    }
}
