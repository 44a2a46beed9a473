//! The completer thread reads a connection while it has nothing to deliver.
//!
//! With callbacks that chain one request at a time, each reply used to cost two
//! thread wake-ups: the socket woke a runtime thread, which read the reply and
//! woke the `glide-completer` thread, which ran the callback that sent the next
//! request. A client that completes futures on its event loop wakes one thread.
//! The completer is the thread that runs the next callback anyway; when its
//! queue is empty, it reads the connection it last sent on (the chain's) itself,
//! waiting in `poll` for that socket and for the queue (see
//! [`completion::wait_polling`]), so the kernel wakes it directly.
//!
//! Only while idle: when completions are queued, it delivers them, and the
//! runtime threads read as before, so under load the completer's share of the
//! work does not grow. Whatever it reads is collected for it and returned after
//! the completions queued meanwhile: those came from earlier reads, and one
//! connection's completions stay in the order of its replies.
//!
//! The requests its callbacks send while replies are due wait for the next
//! reply's reader to write them, in one system call (see `send_many`). That
//! reader is often the completer itself, after the batch, so the server would
//! sit idle with the requests waiting here: the replies of half the chains
//! come before the other half's requests leave. So the completer writes them
//! when its batch of callbacks is done, before it waits ([`left_unsent`]):
//! still one write per batch. Measured at 16 chains on a host where waking a
//! thread is slow (nested virtualization, `benchmarks/results/completer-flush-
//! 2026-12-07`): 1.26-2.6x the throughput in seven of eight pairs (one 0.90),
//! level at 128 and 512.
//! (Writing each request at once instead: 0.85x at 16 chains, 0.2x at 128.)

use std::cell::{Cell, RefCell};
use std::time::Duration;

use smallvec::SmallVec;

use super::connection::{Connection, ConnectionRef};
use crate::completion::{self, Completion};

thread_local! {
    /// Set on the completer thread (the caller of [`await_completions`]).
    static IS_COMPLETER: Cell<bool> = const { Cell::new(false) };
    /// On the completer thread: the connection it last sent a request on.
    static LAST_SENT: RefCell<Option<ConnectionRef>> = const { RefCell::new(None) };
    /// On the completer thread: connections where its requests wait to be written.
    static UNSENT_ON: RefCell<SmallVec<[ConnectionRef; 4]>> = RefCell::new(SmallVec::new());
}

/// The calling thread left a request's bytes on `connection` for the next reply's
/// reader (or the writer at work) to write: the completer writes them itself once
/// its batch of callbacks is done (see the module's comment).
pub(crate) fn left_unsent(connection: &Connection) {
    if !IS_COMPLETER.with(Cell::get) {
        return;
    }
    UNSENT_ON.with(|unsent| {
        let mut unsent = unsent.borrow_mut();
        if !unsent.iter().any(|r| r.is(connection)) {
            unsent.push(connection.downgrade());
        }
    });
}

/// Writes what the completer's batch left unsent (see [`left_unsent`]).
fn write_unsent() {
    let unsent = UNSENT_ON.with(|unsent| std::mem::take(&mut *unsent.borrow_mut()));
    unsent.iter().filter_map(ConnectionRef::upgrade).for_each(|connection| connection.flush_unsent());
}

/// A request was sent on `connection` by the calling thread.
pub(crate) fn sent_on(connection: &Connection) {
    if !IS_COMPLETER.with(Cell::get) {
        return;
    }
    LAST_SENT.with(|last| {
        let mut last = last.borrow_mut();
        if !last.as_ref().is_some_and(|r| r.is(connection)) {
            *last = Some(connection.downgrade());
        }
    });
}

/// The completer's wait: fills `out` with completions, waiting up to `timeout`
/// for the first, and returns how many. Meanwhile it reads the connection it
/// last sent on, if requests wait there and nobody else reads it.
pub fn await_completions(out: &mut [Completion], timeout: Duration) -> usize {
    IS_COMPLETER.with(|c| c.set(true));
    write_unsent();
    let n = completion::drain_now(out);
    if n > 0 || out.is_empty() {
        return n;
    }
    let target = LAST_SENT.with(|last| last.borrow().as_ref().and_then(ConnectionRef::upgrade));
    if let Some(connection) = target {
        let polled = completion::wait_polling(|wake_fd| completion::collecting(|| connection.read_while_idle(wake_fd, timeout)));
        if let Some((read, collected)) = polled {
            if read {
                let mut n = completion::drain_now(out);
                let room = out.len() - n;
                let mut collected = collected.into_iter();
                for (slot, c) in out[n..].iter_mut().zip(collected.by_ref().take(room)) {
                    *slot = c;
                    n += 1;
                }
                completion::push_all(collected); // beyond `out`: the next call delivers them
                return n;
            }
            completion::push_all(collected); // nothing, as it did not read; never lost
        }
    }
    completion::drain(out, timeout)
}
