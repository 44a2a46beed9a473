//! The TLS session of one connection, driven by the connection itself: rustls
//! encrypts and decrypts in memory, and this file moves its records over the
//! non-blocking socket for whichever thread holds the session's lock (a
//! writer on a caller's thread, the reader task, or a Java thread reading
//! while it waits). No call here ever waits for the socket.
//!
//! # Reading
//! rustls asks for at most about 4 KB of records per read. Handing it the
//! socket directly would cost one `recv` per 4 KB, 128 system calls for a
//! 512 KB value; instead one `recv` fills a staging buffer of up to 64 KB and
//! rustls reads from there. The staging buffer lives only while the
//! connection has requests in flight ([`TlsIo::release_idle_buffers`]), so an
//! idle connection keeps none. Plaintext is copied once, from rustls's
//! buffer to where [`Inbound`] wants it (a large value's own buffer included).
//!
//! # Invariant
//! A reader drains the staging buffer and rustls's plaintext before it reports
//! `WouldBlock`: bytes held there would never make the socket readable again.

use std::io::{self, BufRead, IoSlice, Read, Write};
use std::os::fd::{AsRawFd, RawFd};

use tokio::net::TcpStream;

use super::inbound::Inbound;

/// Ciphertext received in one `recv` and not yet handed to rustls.
const STAGE: usize = 64 * 1024;

pub(crate) struct TlsIo {
    session: rustls::ClientConnection,
    /// Received records; `staged[taken..]` are still to go to rustls.
    staged: Vec<u8>,
    taken: usize,
}

impl TlsIo {
    pub(crate) fn new(session: rustls::ClientConnection) -> TlsIo {
        TlsIo { session, staged: Vec::new(), taken: 0 }
    }

    /// Fills where `inbound` wants its next bytes with plaintext: what rustls
    /// holds already, else what the staged records or one `recv` bring.
    /// `WouldBlock` when nothing arrived; `Ok(0)` at the end of the stream.
    /// Records the session has to send in answer (a key update, an alert) are
    /// written; returns with `true` in `.1` if some could not be (the caller
    /// wakes its writer).
    pub(crate) fn receive(&mut self, stream: &TcpStream, inbound: &mut Inbound) -> (io::Result<usize>, bool) {
        let received = self.decrypt_into(stream.as_raw_fd(), inbound);
        let mut records_left = false;
        if self.session.wants_write() {
            let _ = self.send_queued(stream);
            records_left = self.session.wants_write();
        }
        (received, records_left)
    }

    fn decrypt_into(&mut self, fd: RawFd, inbound: &mut Inbound) -> io::Result<usize> {
        let spare = inbound.spare();
        let room = spare.len();
        let mut copied = 0;
        while copied < room {
            match self.session.reader().fill_buf() {
                Ok([]) => break, // close_notify: the end, once what came before is read
                Ok(chunk) => {
                    let n = chunk.len().min(room - copied);
                    // SAFETY: `chunk` is rustls's buffer and `spare` ours, so they do not
                    // overlap; `n` bytes fit in both (`copied + n <= room = spare.len()`).
                    unsafe { std::ptr::copy_nonoverlapping(chunk.as_ptr(), spare[copied..].as_mut_ptr().cast::<u8>(), n) };
                    self.session.reader().consume(n);
                    copied += n;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    if copied > 0 {
                        break;
                    }
                    let mut source = Staged { fd, staged: &mut self.staged, taken: &mut self.taken };
                    if self.session.read_tls(&mut source)? > 0 {
                        self.session.process_new_packets().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                    }
                    // 0 is the end of the stream: the reader says so on the next turn.
                }
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => break, // closed without close_notify
                Err(e) => return Err(e),
            }
        }
        // SAFETY: the loop initialised the first `copied` bytes of `spare`, the slice
        // `inbound.spare()` returned, and called nothing else on `inbound` since.
        unsafe { inbound.filled(copied) };
        Ok(copied)
    }

    /// Received bytes not yet read as plaintext (decrypted or staged): the
    /// socket may never become readable for them.
    pub(crate) fn has_input(&self) -> bool {
        self.taken < self.staged.len() || !self.session.wants_read()
    }

    /// Encrypts all of `bytes` into the session's queue and writes what the
    /// socket takes; the rest stays queued ([`TlsIo::records_queued`]).
    pub(crate) fn send(&mut self, stream: &TcpStream, bytes: &[u8]) -> io::Result<usize> {
        self.session.writer().write_all(bytes)?;
        match self.send_queued(stream) {
            Err(e) if e.kind() != io::ErrorKind::WouldBlock => Err(e),
            _ => Ok(bytes.len()),
        }
    }

    /// Writes queued records until none is left (`Ok`) or the socket is full (`WouldBlock`).
    pub(crate) fn send_queued(&mut self, stream: &TcpStream) -> io::Result<()> {
        while self.session.wants_write() {
            match self.session.write_tls(&mut SocketWriter(stream)) {
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Records encrypted but not yet written.
    pub(crate) fn records_queued(&self) -> bool {
        self.session.wants_write()
    }

    /// Gives back the staging buffer once nothing is in it (the connection went idle).
    pub(crate) fn release_idle_buffers(&mut self) {
        if self.taken == self.staged.len() {
            self.staged = Vec::new();
            self.taken = 0;
        }
    }
}

/// rustls's source of records: the staging buffer, refilled by one `recv` when empty.
struct Staged<'a> {
    fd: RawFd,
    staged: &'a mut Vec<u8>,
    taken: &'a mut usize,
}

impl Read for Staged<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if *self.taken == self.staged.len() {
            self.staged.clear();
            *self.taken = 0;
            self.staged.reserve_exact(STAGE);
            let spare = self.staged.spare_capacity_mut();
            // SAFETY: `spare` is writable memory of `spare.len()` bytes owned by the
            // vector; recv writes at most that many bytes and returns the count.
            let n = unsafe { libc::recv(self.fd, spare.as_mut_ptr().cast(), spare.len(), libc::MSG_DONTWAIT) };
            if n < 0 {
                return Err(io::Error::last_os_error());
            }
            // SAFETY: recv initialised the first `n` bytes of the spare capacity.
            unsafe { self.staged.set_len(n as usize) };
        }
        let available = &self.staged[*self.taken..];
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        *self.taken += n;
        Ok(n)
    }
}

/// Writes records without blocking, through tokio, so that a full socket
/// clears its write readiness.
struct SocketWriter<'a>(&'a TcpStream);

impl Write for SocketWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.try_write(buf)
    }

    fn write_vectored(&mut self, bufs: &[IoSlice<'_>]) -> io::Result<usize> {
        self.0.try_write_vectored(bufs)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
