//! How often the socket wakes its reader while a large value arrives.
//!
//! A server sends a large bulk string in many segments (over TLS, one record
//! of 16 KB at a time), and a reader that keeps up sleeps between them: the
//! kernel wakes it once per segment, and the server pays for each wake-up in
//! its own time (on loopback the sender runs the receiver's wake-up). While
//! the rest of a large value is still to come, the socket's receive low-water
//! mark (`SO_RCVLOWAT`) asks the kernel to wake the reader (a `poll`, or the
//! task's epoll set) only once a good part of that rest has arrived.
//!
//! # Never more than will come
//! A mark above the bytes still to arrive would leave them unread until more
//! came, which may be never. The mark is therefore at most the value's missing
//! bytes less [`MARGIN`] (over TLS, up to one record's worth of them may
//! already sit in the session, undecrypted), lowered as they arrive, and back
//! to 1 once fewer than [`MIN_WORTH_IT`] remain. It is recomputed after every
//! read, before anyone waits again, by whoever holds the reader role. The
//! kernel still wakes the reader earlier for an error, the end of the stream or
//! memory pressure on the socket.
//!
//! # Over TLS only
//! Measured at 512 KB, 1 thread (`benchmarks/results/tls-ab/README.md`): over
//! TLS the mark took a third off the client's CPU per GET (about 480 to 325 µs)
//! and some off the server's. In plaintext, where the server's segments are few
//! and large, it made the GETs slower (4,787 / 4,253 against 5,126 / 5,122 ops/s):
//! the reader then starts copying later, while the server waits for room.
//! A mark of 256 KB did no better than 128 KB over TLS.

use std::io;
use std::os::fd::RawFd;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Bytes of the missing rest that may already be with the reader (a partial TLS
/// record of at most 16 KB, with its header and tag), with room to spare.
const MARGIN: usize = 32 * 1024;
/// Below this, waking per segment costs too little to pay two system calls for.
const MIN_WORTH_IT: usize = 64 * 1024;
/// The highest mark: the kernel grows the receive buffer to hold it, and a
/// reader woken later also holds the server back longer.
const MAX: usize = 128 * 1024;

/// The low-water mark set on one socket.
pub(super) struct ReadPacing {
    fd: RawFd,
    /// The mark now set (1: the kernel's default). Changed only by the reader
    /// role's holder, an atomic only so that the shared state stays `Sync`.
    mark: AtomicUsize,
}

impl ReadPacing {
    pub(super) fn new(fd: RawFd) -> ReadPacing {
        ReadPacing { fd, mark: AtomicUsize::new(1) }
    }

    /// Sets the mark for a large value that still misses `missing` bytes (0: none
    /// is arriving). Lowers it at once when it could exceed what is to come;
    /// raises it only from 1, so a value costs a few system calls, not one per read.
    /// An error means the mark may be too high: the caller drops the connection.
    pub(super) fn pace(&self, missing: usize) -> io::Result<()> {
        let now = self.mark.load(Ordering::Relaxed);
        let safe = missing.saturating_sub(MARGIN);
        let wanted = if safe >= MIN_WORTH_IT { safe.min(MAX) } else { 1 };
        let must_lower = now > safe.max(1);
        let worth_raising = now == 1 && wanted > 1;
        if !(must_lower || worth_raising) {
            return Ok(());
        }
        let value = libc::c_int::try_from(wanted).unwrap_or(libc::c_int::MAX);
        // SAFETY: `value` is a live c_int the kernel reads `size_of::<c_int>()` bytes
        // of; `fd` is the connection's socket, open while the connection lives.
        let result = unsafe {
            libc::setsockopt(
                self.fd,
                libc::SOL_SOCKET,
                libc::SO_RCVLOWAT,
                (&value as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        };
        if result < 0 {
            return Err(io::Error::last_os_error());
        }
        self.mark.store(wanted, Ordering::Relaxed);
        Ok(())
    }

    #[cfg(test)]
    fn mark(&self) -> usize {
        self.mark.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{TcpListener, TcpStream};
    use std::os::fd::AsRawFd;

    fn socket_mark(fd: RawFd) -> usize {
        let mut value: libc::c_int = 0;
        let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: `value` and `len` are live locals the kernel writes; `fd` is open.
        let r = unsafe { libc::getsockopt(fd, libc::SOL_SOCKET, libc::SO_RCVLOWAT, (&mut value as *mut libc::c_int).cast(), &mut len) };
        assert_eq!(r, 0);
        value as usize
    }

    #[test]
    fn the_mark_never_exceeds_what_is_still_to_come() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let stream = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let pacing = ReadPacing::new(stream.as_raw_fd());
        // A 512 KB value arriving in 16 KB reads.
        let mut missing = 512 * 1024 + 2;
        let mut calls = 0;
        while missing > 0 {
            let before = pacing.mark();
            pacing.pace(missing).unwrap();
            if pacing.mark() != before {
                calls += 1;
            }
            assert_eq!(pacing.mark(), socket_mark(stream.as_raw_fd()));
            assert!(pacing.mark() == 1 || pacing.mark() + MARGIN <= missing, "mark {} for {missing} missing", pacing.mark());
            assert!(pacing.mark() <= MAX);
            missing = missing.saturating_sub(16 * 1024);
        }
        pacing.pace(0).unwrap();
        assert_eq!(socket_mark(stream.as_raw_fd()), 1, "back to the default once the value is in");
        assert!(calls <= 8, "{calls} changes of the mark for one value");
        // Small values never touch it.
        pacing.pace(40 * 1024).unwrap();
        assert_eq!(pacing.mark(), 1);
    }
}
