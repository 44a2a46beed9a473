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

use std::cell::{Cell, RefCell};
use std::time::Duration;

use super::connection::{Connection, ConnectionRef};
use crate::completion::{self, Completion};

thread_local! {
    /// Set on the completer thread (the caller of [`await_completions`]).
    static IS_COMPLETER: Cell<bool> = const { Cell::new(false) };
    /// On the completer thread: the connection it last sent a request on.
    static LAST_SENT: RefCell<Option<ConnectionRef>> = const { RefCell::new(None) };
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
