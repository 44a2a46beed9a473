//! Reading: the connection's task (which reads, flushes what waits for room, and frees idle
//! read buffers), receiving over plaintext or TLS, and dispatching each complete reply to the
//! FIFO. A Java thread may hold the reader role instead (see `waiting_reader.rs`).

use std::io;
use std::os::fd::{AsRawFd, RawFd};
use std::sync::atomic::{fence, Ordering};
use std::sync::{Arc, Weak};
use std::time::Duration;

use tokio::io::unix::AsyncFd;
use tokio::io::Interest;
use tokio::time::Instant;

use super::super::inbound::Inbound;
use super::super::tls_io::TlsIo;
use super::fifo::complete;
use super::writer::{flush, tls_records_queued};
use super::{fail_connection, ConnectionOwner, Shared};
use crate::contain;

/// How long the read buffers stay with nothing received before they are freed.
pub(super) const READ_BUFFERS_IDLE: Duration = Duration::from_secs(1);

/// The connection's task: reads and dispatches replies, flushes what callers
/// could not write, expires deadlines.
pub(super) async fn drive(shared: Arc<Shared>, owner: Weak<dyn ConnectionOwner>) {
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

/// The task's turn when the socket is readable. A Java thread blocked in `get()`
/// may hold the reader role: the socket woke the task before that thread
/// disarmed it, or the thread holds the role only to find its reply already
/// there. Waiting for the role would cost a wake-up per request: the task says
/// it was turned away and goes on waiting; the thread, leaving, wakes it (see
/// `waiting_reader::hand_back_reading`). The announcement comes before the role is looked at
/// again: a thread leaving meanwhile is seen here.
pub(super) fn read_unless_helped(shared: &Shared, owner: &Weak<dyn ConnectionOwner>) -> Result<(), String> {
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
fn read_available(shared: &Shared, owner: &Weak<dyn ConnectionOwner>, inbound: &mut Inbound) -> Result<(), String> {
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
pub(super) fn describe_read_error(shared: &Shared, error: &io::Error) -> String {
    match &shared.tls {
        Some(_) if error.kind() == io::ErrorKind::InvalidData => format!("TLS error: {error}"),
        _ => error.to_string(),
    }
}

/// Receives without blocking into where `inbound` wants its next bytes: what
/// one `recv` brings, or, on a TLS connection, the plaintext the session
/// decrypts. `Ok(0)` is the end of the stream.
pub(super) fn receive(shared: &Shared, inbound: &mut Inbound) -> io::Result<usize> {
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

/// Completes the requests whose replies have arrived in `inbound`.
/// `Err`: why the connection must be dropped (bytes that are not RESP, a reply
/// nobody asked for, a contained panic).
pub(super) fn dispatch(shared: &Shared, owner: &Weak<dyn ConnectionOwner>, inbound: &mut Inbound) -> Result<(), String> {
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
pub(super) fn release_if_idle(shared: &Shared, inbound: &mut Inbound) {
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
pub(super) fn sweep_read_buffers(shared: &Shared) {
    let Some(mut inbound) = shared.read.try_lock() else { return };
    let used = inbound.take_used();
    if used || !inbound.is_empty() || shared.tls.as_ref().is_some_and(TlsIo::has_input) {
        return;
    }
    release_buffers(shared, &mut inbound);
    shared.buffers_watched.store(false, Ordering::Release);
}
