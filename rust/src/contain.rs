//! Panic containment: a panic in the core never leaves a future incomplete,
//! never stops a shared task, and is never silent.
//!
//! Where code runs for many requests at once (a connection's replies, the
//! process-wide timer, a connection's task), it runs inside [`run`] or
//! [`Contained`]: a panic becomes an `Err` with its message, the caller fails
//! what depended on the work (a connection's requests, say) and carries on,
//! and the panic is counted ([`contained_panics`], in `getStatistics()`) and
//! logged. JNI exports have their own guard (`jni/policy.rs`).

use std::any::Any;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::atomic::{AtomicI64, Ordering};
use std::task::{Context, Poll};

static CONTAINED_PANICS: AtomicI64 = AtomicI64::new(0);

/// Where a test can make the core panic once, to prove the containment
/// (see [`inject_panic`]); one relaxed load per batch of replies or timer pass.
#[doc(hidden)]
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum FaultPoint {
    None = 0,
    /// The next batch of replies a connection handles.
    HandlingReplies = 1,
    /// The next connection whose deadlines the timer checks.
    ExpiringDeadlines = 2,
}

static INJECTED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(FaultPoint::None as u8);

/// Tests only: the next time the core passes `point`, it panics (once).
#[doc(hidden)]
pub fn inject_panic(point: FaultPoint) {
    INJECTED.store(point as u8, Ordering::SeqCst);
}

/// Panics if a test asked for a panic at `point` (once).
pub(crate) fn fault_point(point: FaultPoint) {
    if INJECTED.load(Ordering::Relaxed) == point as u8
        && INJECTED.compare_exchange(point as u8, FaultPoint::None as u8, Ordering::SeqCst, Ordering::SeqCst).is_ok()
    {
        panic!("injected by a test at {:?}", point as u8);
    }
}

/// Panics caught and contained since the process started.
pub fn contained_panics() -> i64 {
    CONTAINED_PANICS.load(Ordering::Relaxed)
}

/// Runs `work`; a panic in it becomes `Err("internal error while <what>: <message>")`.
pub(crate) fn run<R>(what: &str, work: impl FnOnce() -> R) -> Result<R, String> {
    // AssertUnwindSafe: every caller treats the state `work` touched as broken after a
    // panic (it fails the requests and drops the connection), so no half-updated
    // state is used as if it were whole.
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| note(what, payload.as_ref()))
}

/// Counts and logs a caught panic; returns the message to fail requests with. (A JNI export's
/// panic comes here too, from its error policy, `jni/policy.rs`.)
pub(crate) fn note(what: &str, payload: &(dyn Any + Send)) -> String {
    CONTAINED_PANICS.fetch_add(1, Ordering::Relaxed);
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    tracing::error!(target: "glide_jni", "internal error contained while {what} (a bug: please report it): {message}");
    format!("internal error while {what}: {message}")
}

/// A future whose panics, in any poll, end it with `Err` (see [`run`]).
pub(crate) struct Contained<F> {
    what: &'static str,
    inner: F,
}

impl<F> Contained<F> {
    pub(crate) fn new(what: &'static str, inner: F) -> Contained<F> {
        Contained { what, inner }
    }
}

impl<F: Future> Future for Contained<F> {
    type Output = Result<F::Output, String>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        // SAFETY: `inner` is structurally pinned: it is never moved out of `self`,
        // and `Contained` has no Drop impl and is not Unpin-dependent otherwise.
        let this = unsafe { self.get_unchecked_mut() };
        let what = this.what;
        // SAFETY: see above; `inner` stays where it is for as long as `self` is pinned.
        let inner = unsafe { Pin::new_unchecked(&mut this.inner) };
        match catch_unwind(AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(note(what, payload.as_ref()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_and_is_counted() {
        let before = contained_panics();
        let result: Result<(), String> = run("testing", || panic!("boom"));
        assert_eq!(result.unwrap_err(), "internal error while testing: boom");
        assert!(contained_panics() > before);
        assert_eq!(run("testing", || 7).unwrap(), 7);
    }

    #[test]
    fn a_panicking_future_ends_with_an_error() {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let got = rt.block_on(Contained::new("polling", async {
            tokio::task::yield_now().await;
            let reason = std::hint::black_box("mid-flight");
            panic!("{reason}")
        }));
        assert_eq!(got, Err::<(), _>("internal error while polling: mid-flight".into()));
    }
}
