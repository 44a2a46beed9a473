//! The TLS session of one connection, driven by the connection itself: rustls
//! encrypts and decrypts in memory, and this file moves its records over the
//! non-blocking socket. No call here ever waits for the socket.
//!
//! # Three locks, no system call under the shared one
//! The connection already has one writer at a time (its `writing` flag) and
//! one reader at a time (the holder of its read lock: the task, or a Java
//! thread reading while it waits). Both need the rustls session, so it has a
//! lock, but that lock is held for memory work only (sealing plaintext into
//! records, opening records into plaintext): `send`/`recv` run outside it, so
//! a reader in a system call never stalls a writer and the other way round.
//! - The writer seals under the session lock into `unsent` (its own buffer,
//!   locked only by the writer role), then writes `unsent` to the socket.
//!   Records the socket does not take stay there, first in line, for the task.
//! - The reader fills `staged` (its own buffer, locked only by the reader
//!   role) with one `recv` of up to 64 KB, then opens what it holds under the
//!   session lock. rustls reads at most about 4 KB of records at a time:
//!   handing it the socket directly would cost 128 system calls for a 512 KB
//!   value. Plaintext is copied once, from rustls's buffer to where
//!   [`Inbound`] wants it (a large value's own buffer included).
//!
//! # Invariants
//! - A reader reports `WouldBlock` only when `staged` and rustls's plaintext
//!   are empty: bytes held there would never make the socket readable again.
//! - Records rustls produces while reading (a key update's answer, an alert)
//!   stay in the session until the next writer seals; the reader says so, and
//!   the connection wakes its task to be that writer.
//! - The staging and unsent buffers are released when the connection is idle.

use std::io::{self, BufRead, Read, Write};
use std::mem::MaybeUninit;
use std::os::fd::RawFd;

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;
use std::net::TcpStream;

use super::inbound::Inbound;

/// Ciphertext received in one `recv` and not yet handed to rustls.
const STAGE: usize = 64 * 1024;
/// Capacity of `unsent` kept once it is empty; a larger one is released.
const UNSENT_KEEP: usize = 16 * 1024;

pub(crate) struct TlsIo {
    session: Mutex<rustls::ClientConnection>,
    /// Sealed records not yet written; the writer role's.
    unsent: Mutex<Vec<u8>>,
    /// Whether `unsent` holds records, set under its lock: the task reads it
    /// without taking that lock (a writer may hold it across a system call).
    unsent_pending: AtomicBool,
    /// Received records not yet opened; the reader role's.
    staged: Mutex<Staged>,
}

/// What one pass over the session gave.
enum Opened {
    /// Plaintext was copied, the room is full, or the stream ended (nothing copied).
    Done,
    /// Nothing to open: `staged` is empty.
    NeedRecords,
}

impl TlsIo {
    pub(crate) fn new(session: rustls::ClientConnection) -> TlsIo {
        TlsIo {
            session: Mutex::new(session),
            unsent: Mutex::new(Vec::new()),
            unsent_pending: AtomicBool::new(false),
            staged: Mutex::new(Staged::default()),
        }
    }

    /// Fills where `inbound` wants its next bytes with plaintext. `WouldBlock`
    /// when nothing arrived; `Ok(0)` at the end of the stream. `.1`: the session
    /// has records to send (the caller wakes a writer). The reader role only.
    pub(crate) fn receive(&self, fd: RawFd, inbound: &mut Inbound) -> (io::Result<usize>, bool) {
        let mut staged = self.staged.lock();
        let spare = inbound.spare();
        let mut copied = 0;
        let mut records_to_send = false;
        let result = loop {
            let opened = {
                let mut session = self.session.lock();
                let opened = open_records(&mut session, &mut staged, spare, &mut copied);
                records_to_send |= session.wants_write();
                opened
            };
            match opened {
                Ok(Opened::Done) => break Ok(copied),
                Err(e) => break Err(e),
                Ok(Opened::NeedRecords) => match staged.refill(fd) {
                    Ok(_) => {} // bytes, or the end of the stream: open them next turn
                    Err(e) => break Err(e),
                },
            }
        };
        // SAFETY: `open_records` initialised the first `copied` bytes of `spare`, the
        // slice `inbound.spare()` returned, and nothing else was called on `inbound` since.
        unsafe { inbound.filled(copied) };
        (result, records_to_send)
    }

    /// Received bytes not yet read as plaintext (staged or opened): the socket
    /// may never become readable for them. The reader role only.
    pub(crate) fn has_input(&self) -> bool {
        !self.staged.lock().is_empty() || !self.session.lock().wants_read()
    }

    /// Seals `plaintext` (all of it) and whatever else the session has to
    /// send, then writes records until none is left (`Ok`) or the socket is
    /// full (`WouldBlock`; the rest waits in `unsent`). The writer role only.
    pub(crate) fn send(&self, stream: &TcpStream, plaintext: &[u8]) -> io::Result<()> {
        let mut unsent = self.unsent.lock();
        {
            let mut session = self.session.lock();
            if !plaintext.is_empty() {
                session.writer().write_all(plaintext)?;
            }
            while session.wants_write() {
                session.write_tls(&mut *unsent)?;
            }
        }
        let mut written = 0;
        let outcome = loop {
            if written == unsent.len() {
                break Ok(());
            }
            match io::Write::write(&mut &*stream, &unsent[written..]) {
                Ok(n) => written += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        unsent.drain(..written);
        if unsent.is_empty() && unsent.capacity() > UNSENT_KEEP {
            *unsent = Vec::new();
        }
        self.unsent_pending.store(!unsent.is_empty(), Ordering::Release);
        outcome
    }

    /// Records sealed or to be sealed but not yet written. Sealed ones are known
    /// exactly (a flag the writer sets). Records the session made while reading
    /// (a key update's answer) are looked for only if the session is free: a
    /// reader holding it says so when it is done (`receive`'s second value), and
    /// the caller wakes the task then.
    pub(crate) fn records_queued(&self) -> bool {
        self.unsent_pending.load(Ordering::Acquire) || self.session.try_lock().is_some_and(|session| session.wants_write())
    }

    /// Gives back the staging buffer once it is empty (the connection went idle).
    /// The reader role only.
    pub(crate) fn release_idle_buffers(&self) {
        let mut staged = self.staged.lock();
        if staged.is_empty() {
            *staged = Staged::default();
        }
    }
}

/// Copies the session's plaintext into `spare[*copied..]`, opening staged
/// records as needed. Memory work only: the caller holds the session lock.
fn open_records(
    session: &mut rustls::ClientConnection,
    staged: &mut Staged,
    spare: &mut [MaybeUninit<u8>],
    copied: &mut usize,
) -> io::Result<Opened> {
    let room = spare.len();
    loop {
        match session.reader().fill_buf() {
            Ok([]) => return Ok(Opened::Done), // close_notify: the end, once what came before is read
            Ok(chunk) => {
                let n = chunk.len().min(room - *copied);
                // SAFETY: `chunk` is rustls's buffer and `spare` ours, so they do not
                // overlap; `n` bytes fit in both (`*copied + n <= room = spare.len()`).
                unsafe { std::ptr::copy_nonoverlapping(chunk.as_ptr(), spare[*copied..].as_mut_ptr().cast::<u8>(), n) };
                session.reader().consume(n);
                *copied += n;
                if *copied == room {
                    return Ok(Opened::Done);
                }
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                if *copied > 0 {
                    return Ok(Opened::Done);
                }
                if staged.is_empty() && !staged.ended {
                    return Ok(Opened::NeedRecords);
                }
                // Staged records, or the end of the stream (rustls reads 0 and notes it).
                if session.read_tls(staged)? > 0 {
                    session.process_new_packets().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                }
            }
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(Opened::Done), // closed without close_notify
            Err(e) => return Err(e),
        }
    }
}

/// Records received and not yet handed to rustls: `bytes[taken..]`.
#[derive(Default)]
struct Staged {
    bytes: Vec<u8>,
    taken: usize,
    /// The socket reached its end; rustls is told once the bytes before it are read.
    ended: bool,
}

impl Staged {
    fn is_empty(&self) -> bool {
        self.taken == self.bytes.len()
    }

    /// One non-blocking `recv` of up to [`STAGE`] bytes into an empty buffer.
    fn refill(&mut self, fd: RawFd) -> io::Result<usize> {
        debug_assert!(self.is_empty());
        self.bytes.clear();
        self.taken = 0;
        self.bytes.reserve_exact(STAGE);
        let spare = self.bytes.spare_capacity_mut();
        // SAFETY: `spare` is writable memory of `spare.len()` bytes owned by the
        // vector; recv writes at most that many bytes and returns the count.
        let n = unsafe { libc::recv(fd, spare.as_mut_ptr().cast(), spare.len(), libc::MSG_DONTWAIT) };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: recv initialised the first `n` bytes of the spare capacity.
        unsafe { self.bytes.set_len(n as usize) };
        self.ended = n == 0;
        Ok(n as usize)
    }
}

/// rustls reads staged records from here; when none are left it reads 0 (the
/// end of the stream: only ever asked then, see [`open_records`]).
impl Read for Staged {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = &self.bytes[self.taken..];
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.taken += n;
        Ok(n)
    }
}
