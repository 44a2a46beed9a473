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
//! while the connection is in use and freed once a whole [`READ_BUFFERS_IDLE`](reader::READ_BUFFERS_IDLE)
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
//!
//! # Files
//! This file holds the connection's shared state, its start, shutdown and breaking;
//! - `writer.rs`: sending: the writer role taken by a caller, writes combined, what waits for room;
//! - `reader.rs`: the connection's task, reading and dispatching replies, the read buffers' lifetime;
//! - `waiting_reader.rs`: the reader role taken by a Java thread waiting for its reply;
//! - `spin.rs`: whether such a thread looks at the socket a while before it sleeps;
//! - `fifo.rs`: the FIFO's entries, each reply matched to its entry and finished
//!   (with a transaction's `EXECABORT` explained);
//! - `deadlines.rs`: entries whose deadline passed, timed out by the process-wide timer.

use std::collections::VecDeque;
use std::io;
use std::os::fd::AsRawFd;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Weak};

use bytes::BytesMut;
use parking_lot::Mutex;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::inbound::Inbound;
use super::read_pacing::ReadPacing;
use super::socket_watch::SocketWatch;
use super::tls_io::TlsIo;
use crate::batch::CallResult;
use crate::completion::{self, Completion};
use crate::contain::Contained;
use crate::reply::Outcome;

mod deadlines;
mod fifo;
mod reader;
pub mod spin;
mod waiting_reader;
mod writer;

pub(crate) use fifo::{Entry, GatherSlot, ReplyFor};
pub(crate) use writer::WriteHold;

use fifo::Finishing;
use reader::drive;
use waiting_reader::HelperWake;

/// What a connection reports to the client that owns it.
pub(crate) trait ConnectionOwner: Send + Sync {
    /// `entry` finished with `outcome`: does the owner's bookkeeping and returns
    /// the completion to deliver, if any (a cluster may retry the request
    /// elsewhere instead). Called once per entry.
    fn finish(&self, entry: &Entry, outcome: Outcome) -> Option<Completion>;

    /// A batch command's reply (see `Entry::gather`), as a value already in the
    /// command's shape: batches combine values, so the reply skips the encoding
    /// [`ConnectionOwner::finish`] would give it. Called once per entry, like `finish`.
    fn finish_gathered(&self, entry: &Entry, result: CallResult) -> Option<Completion>;

    /// [`ConnectionOwner::finish`] and deliver the completion at once.
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
    /// Bytes accepted but not yet written. Its front may be the rest of a chunk the socket took
    /// only part of: `BytesMut` is advanced past what left, not copied (see `write_as_writer`).
    out: BytesMut,
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
    /// Shared with the timer, which arms a socket parked too long (see `SocketWatch`).
    watch: Arc<SocketWatch>,
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
    /// Whether a waiting reader looks at the socket a while before sleeping (see [`spin`]).
    spin: spin::SpinBeforeSleep,
    /// Whether the task looks at the read buffers every [`READ_BUFFERS_IDLE`](reader::READ_BUFFERS_IDLE) (see
    /// [`sweep_read_buffers`](reader::sweep_read_buffers)). Written under the `read` lock only: set by the reader
    /// that receives into buffers nobody watches, cleared by the task when it frees them.
    buffers_watched: AtomicBool,
    /// Who gets the outcomes.
    owner: Weak<dyn ConnectionOwner>,
    /// Wakes the task: bytes to flush, or shutdown.
    wake: Notify,
    generation: u64,
}

impl Drop for Shared {
    fn drop(&mut self) {
        // The socket closes after this: the timer, which may still hold the watch,
        // must not touch its descriptor, which the system may give to another file.
        self.watch.close();
    }
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

impl Connection {
    /// Wraps a connected, handshaken stream and starts its task on `rt`. Fails
    /// only if the process is out of descriptors (see [`SocketWatch`]).
    pub(crate) fn start(
        stream: tokio::net::TcpStream,
        tls: Option<rustls::ClientConnection>,
        leftover: Vec<u8>,
        generation: u64,
        owner: Weak<dyn ConnectionOwner>,
        rt: &tokio::runtime::Runtime,
    ) -> io::Result<Connection> {
        // Leaves tokio's poller; stays non-blocking.
        let stream = stream.into_std()?;
        let watch = Arc::new(SocketWatch::new(stream.as_raw_fd())?);
        let pacing = tls.is_some().then(|| ReadPacing::new(stream.as_raw_fd()));
        let shared = Arc::new(Shared {
            stream,
            watch,
            pacing,
            tls: tls.map(TlsIo::new),
            state: Mutex::new(State {
                out: BytesMut::new(),
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
            spin: spin::SpinBeforeSleep::default(),
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

    /// Stops the connection; returns the requests that were still pending.
    pub(crate) fn shutdown(&self, reason: &str) -> Vec<Entry> {
        let mut state = self.shared.state.lock();
        if state.broken.is_none() {
            state.broken = Some(reason.to_string());
        }
        let pending = state.pending.drain(..).filter(Entry::is_awaited).collect();
        state.out = BytesMut::new();
        drop(state);
        self.shared.wake.notify_one();
        self.shared.helper_wake.wake();
        pending
    }

    /// A handle that does not keep the connection alive.
    pub(crate) fn downgrade(&self) -> ConnectionRef {
        ConnectionRef(Arc::downgrade(&self.shared))
    }

    /// This connection's address, unique among live connections (a dead one's may be
    /// reused): a cheap look at whether a remembered [`ConnectionRef`] may be this one.
    pub(crate) fn address(&self) -> usize {
        Arc::as_ptr(&self.shared) as usize
    }

    pub(crate) fn generation(&self) -> u64 {
        self.shared.generation
    }
}

/// Breaks the connection: records why, fails every pending request with a
/// connection error at once, refuses what comes, tells the owner (which
/// reconnects). The task, a reading Java thread or a contained panic may all
/// find the connection broken; the first one does this, the others nothing
/// (as after a shutdown by the owner, which took the pending requests itself).
fn fail_connection(shared: &Shared, owner: &Weak<dyn ConnectionOwner>, reason: String) {
    let pending: fifo::Entries = {
        let mut state = shared.state.lock();
        if state.broken.is_some() {
            return;
        }
        state.broken = Some(reason.clone());
        state.out = BytesMut::new();
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
