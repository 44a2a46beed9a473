//! Sending: a caller appends its entries to the FIFO and either writes at once, as *the*
//! writer (with whatever other threads queue meanwhile, in one system call), or leaves its
//! bytes for the writer at work or for the next reply's reader; what the socket does not
//! take waits for the task. See the module docs, "Writes".

use std::io;
use std::ops::Deref;
use std::sync::{Arc, Weak};

use bytes::{Buf, BytesMut};

use super::super::tls_io::TlsIo;
use super::fifo::Entry;
use super::{Connection, Shared};
use crate::timer::{self, Deadlines};

/// The command after each of [`Connection::send_pushed_commands`]' commands.
const PING: &[u8] = b"*1\r\n$4\r\nPING\r\n";

/// The largest command (or pipeline) that waits for the next reply instead of
/// leaving at once (see `send_many`): beyond it, waiting saves nothing worth the
/// copy into the write buffer.
const WAIT_FOR_REPLY_MAX: usize = 64 * 1024;

/// Write buffer capacity kept after a flush; larger buffers are released.
const WRITE_BUFFER_KEEP: usize = 16 * 1024;

impl Connection {
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
            state.pending.push_back(Entry::skipped());
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
            let left_for_later = !state.writing;
            state.out.extend_from_slice(packed);
            drop(state);
            if left_for_later {
                super::super::idle_reading::left_unsent(self);
            }
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
            // The completer thread does not let them wait that long: see `left_unsent`.
            state.out.extend_from_slice(packed);
            drop(state);
            super::super::idle_reading::left_unsent(self);
        } else {
            // Nobody is writing: this thread does, now, outside the lock, and then
            // also sends whatever other threads queued meanwhile.
            state.writing = true;
            drop(state);
            write_as_writer(shared, Chunk::Caller(packed));
        }
        if let Some(at) = schedule {
            timer::schedule(at, Arc::downgrade(&self.shared) as Weak<dyn Deadlines>);
        }
        // After the entries joined the FIFO: a reader leaving from now on sees them. A
        // thread that waits in get() for its reply reads it: the socket may stay parked.
        let will_read = super::waiting_reader::sender_will_read();
        if !will_read {
            if let Err(e) = shared.watch.arm_if_parked() {
                // Nobody would be woken for the reply.
                super::fail_connection(shared, &shared.owner, format!("cannot watch the connection: {e}"));
            }
        }
        super::super::idle_reading::sent_on(self, will_read);
        Ok(())
    }

    /// Sends commands the server answers with pushes when it accepts them and
    /// with one error reply when it refuses them (SUBSCRIBE and its family: an
    /// ACL may forbid the command or the channel). An error reply is a reply
    /// like any other, so each command gets a slot that takes an error, and a
    /// `PING` after it, whose `PONG` tells that no error came: without this, a
    /// refusal would be one reply more than requests, and the stream and the
    /// FIFO out of step. A refusal goes to [`ConnectionOwner::pushed_command_refused`](super::ConnectionOwner::pushed_command_refused).
    pub(crate) fn send_pushed_commands(&self, commands: &[Vec<u8>]) -> Result<(), String> {
        // Pushes come whenever the server has them: the task must always be woken for bytes.
        self.shared.watch.receives_pushes().map_err(|e| format!("cannot watch the connection: {e}"))?;
        let mut packed = Vec::new();
        let mut entries = Vec::with_capacity(2 * commands.len());
        for command in commands {
            packed.extend_from_slice(command);
            packed.extend_from_slice(PING);
            entries.push(Entry::refusable());
            entries.push(Entry::skipped());
        }
        self.send_many(entries.into_iter(), &packed, 0).map_err(|(_, reason)| reason)
    }

    /// Writes what senders left for the next reply's reader, unless a writer is at work.
    pub(crate) fn flush_unsent(&self) {
        // A failed write is seen by the reader, which breaks the connection.
        let _ = flush(&self.shared);
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
}

/// Records encrypted but not yet written (the socket was full): the task writes them.
pub(super) fn tls_records_queued(shared: &Shared) -> bool {
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

/// Writes what callers left behind.
pub(super) fn flush(shared: &Shared) -> Result<(), String> {
    let records_queued = tls_records_queued(shared);
    let bytes = {
        let mut state = shared.state.lock();
        if state.writing || (state.out.is_empty() && !records_queued) {
            return Ok(());
        }
        state.writing = true;
        std::mem::take(&mut state.out)
    };
    match write_as_writer(shared, Chunk::Queued(bytes)) {
        Some(e) => Err(format!("connection lost: {e}")),
        None => Ok(()),
    }
}

/// See [`Connection::hold_writes`]: while it lives, this thread is the writer
/// and sends write nothing; dropping it writes what they queued.
pub(crate) struct WriteHold {
    shared: Arc<Shared>,
}

impl Drop for WriteHold {
    fn drop(&mut self) {
        // A failed write is seen by the reader, which breaks the connection.
        let _ = write_as_writer(&self.shared, Chunk::Caller(&[]));
    }
}

/// What the writer writes: first a caller's own bytes, then what was queued in `out`.
enum Chunk<'a> {
    Caller(&'a [u8]),
    Queued(BytesMut),
}

impl Deref for Chunk<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Chunk::Caller(bytes) => bytes,
            Chunk::Queued(bytes) => bytes,
        }
    }
}

impl Chunk<'_> {
    /// What is left after the first `written` bytes, to be kept: a caller's bytes are copied
    /// (they are the caller's), queued ones are only advanced past. A large value leaves in
    /// several writes as the socket drains; copying its rest after each one copied it many
    /// times over (a 16 MB SET: about 25 MB of copies in four or five partial writes).
    fn into_rest(self, written: usize) -> BytesMut {
        match self {
            Chunk::Caller(bytes) => BytesMut::from(&bytes[written..]),
            Chunk::Queued(mut bytes) => {
                bytes.advance(written);
                bytes
            }
        }
    }
}

/// Writes `first`, then whatever accumulates in `out` meanwhile, until nothing
/// is left or the socket is full. Called by the one thread that set `writing`;
/// clears it before returning. What the socket does not take goes back to the
/// front of `out` for the task, which waits for room. Returns a write error, if
/// one happened (the bytes stay queued; the task reports the error).
fn write_as_writer(shared: &Shared, first: Chunk<'_>) -> Option<io::Error> {
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
            let mut rest = chunk.into_rest(written);
            if !state.out.is_empty() {
                rest.extend_from_slice(&state.out);
            }
            state.out = rest;
            state.writing = false;
            drop(state);
            shared.wake.notify_one();
            return error;
        }
        if state.out.is_empty() {
            state.writing = false;
            if state.out.capacity() > WRITE_BUFFER_KEEP {
                state.out = BytesMut::new();
            }
            drop(state);
            if tls_records_queued(shared) {
                shared.wake.notify_one(); // the socket was full: the task waits for room
            }
            return error;
        }
        chunk = Chunk::Queued(std::mem::take(&mut state.out));
    }
}
