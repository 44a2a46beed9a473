//! Linux eventfds used to end a thread's `poll` early (a waiting reader's, the
//! idle completer's): made, signalled and cleared in one place.

use std::os::fd::{FromRawFd, OwnedFd, RawFd};

/// A new non-blocking eventfd; `None` if the process is out of descriptors.
pub(crate) fn new() -> Option<OwnedFd> {
    // SAFETY: eventfd takes no pointers; a negative result is an error.
    let fd = unsafe { libc::eventfd(0, libc::EFD_NONBLOCK | libc::EFD_CLOEXEC) };
    // SAFETY: `fd` is a new descriptor that nothing else owns.
    (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Makes `fd` readable (wakes a `poll` on it).
pub(crate) fn signal(fd: RawFd) {
    let one: u64 = 1;
    // SAFETY: writes 8 bytes from a live u64; the caller keeps `fd` open for the call.
    unsafe { libc::write(fd, (&one as *const u64).cast(), 8) };
}

/// Makes `fd` unreadable again (non-blocking: nothing to clear is fine).
pub(crate) fn clear(fd: RawFd) {
    let mut count: u64 = 0;
    // SAFETY: reads at most 8 bytes into a live u64; the caller keeps `fd` open for the call.
    unsafe { libc::read(fd, (&mut count as *mut u64).cast(), 8) };
}

#[cfg(test)]
mod tests {
    use std::os::fd::AsRawFd;

    #[test]
    fn signal_makes_it_readable_and_clear_undoes_it() {
        let fd = super::new().expect("an eventfd");
        let readable = || {
            let mut p = libc::pollfd { fd: fd.as_raw_fd(), events: libc::POLLIN, revents: 0 };
            // SAFETY: one valid pollfd for a descriptor we own, no wait.
            unsafe { libc::poll(&mut p, 1, 0) == 1 }
        };
        assert!(!readable());
        super::signal(fd.as_raw_fd());
        super::signal(fd.as_raw_fd());
        assert!(readable());
        super::clear(fd.as_raw_fd());
        assert!(!readable(), "one clear takes every signal");
    }
}
