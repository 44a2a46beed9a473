//! `glide-completer` does not preempt virtual threads' carriers when it wakes.
//!
//! Virtual threads wait for their replies by parking; a runtime thread reads the
//! replies, queues the completions and wakes the completer, which completes the
//! futures and so makes the virtual threads runnable again on their carriers.
//! Linux's fair scheduler lets a woken thread preempt the one running on its CPU,
//! so with every CPU busy each of those wake-ups (thousands a second) switched out
//! a carrier, and with it every virtual thread it runs, or the runtime thread that
//! woke it, and switched it back in microseconds later, a handful of completions
//! delivered in between. Once a virtual thread has sent a request, the completer
//! therefore sleeps on its queue under `SCHED_BATCH`: the same fair share at the same nice value,
//! with one difference: its wake-up does not preempt; it runs at the next
//! scheduling point (the running thread parks, blocks or uses up its slice), or at
//! once on an idle CPU, and delivers what was queued meanwhile in one batch.
//! Nothing changes for the application's threads (the replies it hands them keep
//! their own policy), nor while only platform threads use the client: there the
//! completer runs their callbacks and reads their sockets, and delaying it delays
//! them. For the same reason the completer goes back to the default policy, for
//! good, the first time it reads a socket itself (for platform threads in a
//! process that also has virtual threads): the kernel wakes it for a reply, and
//! it must run at once, or the runtime thread the same reply wakes reads it
//! first; and switching back and forth costs a reschedule each time, which under
//! CPU load left it reading none of those replies (a CI run of
//! `rust/tests/completer.rs` next to a compiler: 0 of 320). Such a process behaves
//! as before.
//!
//! Measured on the project's 2-vCPU test host (Intel guest, 2026-12-07,
//! `benchmarks/results/batch-scheduling-2026-12-07`): with the completer under
//! `SCHED_BATCH` from the start, 1,000 virtual threads on one carrier were above
//! the same code without it in 9 of 9 pairs (1.06-1.64x, mean 1.23x), at 2.9-3.6
//! against 3.6-4.9 µs of CPU per request: without it that point swung between two
//! states, the slow one spending 40% more CPU per request. Switching for good once a
//! virtual thread sent (e44b337), in one run: 1.07-1.37x the code before, 1.31-1.58x
//! Lettuce; leaving the policy to read a socket changes nothing on that path (it
//! reads none for virtual threads). Callback chains, which do
//! not run this path now, read 0.88-1.02x at 512 chains (mean 0.95). The
//! runtime's workers under `SCHED_BATCH` too: no better for virtual threads, and
//! blocking threads at 100 in flight read 0.93-0.97x in five pairs of one run.
//!
//! The system property `glide.batchScheduling=false` keeps the default policy.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the completer may switch to `SCHED_BATCH` (the property).
static ENABLED: AtomicBool = AtomicBool::new(true);
/// Whether a thread carrying virtual threads has sent a request, ever.
static VIRTUAL_THREADS_SENT: AtomicBool = AtomicBool::new(false);
/// Whether the completer has read a socket itself: it stays under the default policy.
static READS_SOCKETS: AtomicBool = AtomicBool::new(false);
/// Whether a refusal was logged (once per process).
static REFUSAL_LOGGED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// On the completer: the policy it runs under now.
    static BATCHED: Cell<bool> = const { Cell::new(false) };
    /// On the completer: a switch was refused (it is not tried again).
    static REFUSED: Cell<bool> = const { Cell::new(false) };
}

/// Sets whether the completer may switch to `SCHED_BATCH`; returns the value in force.
pub fn set_enabled(enabled: bool) -> bool {
    ENABLED.store(enabled, Ordering::Relaxed);
    enabled
}

/// A thread that carries virtual threads sends requests: from its next sleep on
/// the completion queue, the completer runs under `SCHED_BATCH` (see the module's
/// comment).
pub(crate) fn virtual_threads_send() {
    if !VIRTUAL_THREADS_SENT.load(Ordering::Relaxed) {
        VIRTUAL_THREADS_SENT.store(true, Ordering::Relaxed);
    }
}

/// The completer is about to sleep on the completion queue: under `SCHED_BATCH`
/// once virtual threads have sent requests. A refusal (a seccomp filter, an OS
/// without the policy) leaves it as it was, logged once: the policy decides when
/// the thread runs after a wake-up, not what it does.
pub(crate) fn completer_sleeps_on_queue() {
    if BATCHED.with(Cell::get)
        || REFUSED.with(Cell::get)
        || !VIRTUAL_THREADS_SENT.load(Ordering::Relaxed)
        || READS_SOCKETS.load(Ordering::Relaxed)
        || !ENABLED.load(Ordering::Relaxed)
    {
        return;
    }
    if switch_this_thread(Policy::Batch) {
        BATCHED.with(|b| b.set(true));
    } else {
        REFUSED.with(|r| r.set(true));
        if !REFUSAL_LOGGED.swap(true, Ordering::Relaxed) {
            tracing::info!(
                target: "glide.core",
                "glide-completer keeps the default scheduling policy: SCHED_BATCH was refused ({})",
                std::io::Error::last_os_error()
            );
        }
    }
}

/// The completer is about to wait on a socket it reads itself: back to the
/// default policy for good, so that a reply's wake-up runs it at once.
pub(crate) fn completer_reads_socket() {
    if !READS_SOCKETS.load(Ordering::Relaxed) {
        READS_SOCKETS.store(true, Ordering::Relaxed);
    }
    if BATCHED.with(Cell::get) && switch_this_thread(Policy::Default) {
        BATCHED.with(|b| b.set(false));
    }
}

/// The two policies the completer moves between.
#[derive(Clone, Copy)]
enum Policy {
    Default,
    Batch,
}

#[cfg(target_os = "linux")]
fn switch_this_thread(policy: Policy) -> bool {
    let policy = match policy {
        Policy::Default => libc::SCHED_OTHER,
        Policy::Batch => libc::SCHED_BATCH,
    };
    let param = libc::sched_param { sched_priority: 0 };
    // SAFETY: pid 0 names the calling thread; `param` is a valid sched_param that
    // outlives the call, which only reads it. SCHED_OTHER and SCHED_BATCH at
    // priority 0 need no privilege.
    unsafe { libc::sched_setscheduler(0, policy, &param) == 0 }
}

#[cfg(not(target_os = "linux"))]
fn switch_this_thread(_policy: Policy) -> bool {
    false
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    fn policy_of_this_thread() -> libc::c_int {
        // SAFETY: pid 0 names the calling thread; the call takes no pointer.
        unsafe { libc::sched_getscheduler(0) }
    }

    #[test]
    fn a_switch_changes_the_calling_thread_alone() {
        let (switched, other) = std::thread::scope(|scope| {
            let other = scope.spawn(|| {
                std::thread::sleep(std::time::Duration::from_millis(50));
                policy_of_this_thread()
            });
            let switched = scope.spawn(|| {
                assert_eq!(policy_of_this_thread(), libc::SCHED_OTHER, "a new thread starts under the default policy");
                assert!(switch_this_thread(Policy::Batch), "{}", std::io::Error::last_os_error());
                let batched = policy_of_this_thread();
                assert!(switch_this_thread(Policy::Default), "{}", std::io::Error::last_os_error());
                (batched, policy_of_this_thread())
            });
            (switched.join().unwrap(), other.join().unwrap())
        });
        assert_eq!(switched, (libc::SCHED_BATCH, libc::SCHED_OTHER));
        assert_eq!(other, libc::SCHED_OTHER, "another thread of the process keeps its policy");
    }

    #[test]
    fn the_completer_sleeps_on_the_queue_under_sched_batch_once_a_virtual_thread_sent_until_it_reads_a_socket() {
        // The one test of this process that reads sockets as the completer (the flags are global).
        std::thread::spawn(|| {
            if !VIRTUAL_THREADS_SENT.load(Ordering::Relaxed) {
                completer_sleeps_on_queue();
                assert_eq!(policy_of_this_thread(), libc::SCHED_OTHER, "no virtual thread has sent yet");
            }
            virtual_threads_send();
            assert_eq!(policy_of_this_thread(), libc::SCHED_OTHER, "the switch waits for the completer's sleep");
            completer_sleeps_on_queue();
            assert_eq!(policy_of_this_thread(), libc::SCHED_BATCH);
            completer_reads_socket();
            assert_eq!(policy_of_this_thread(), libc::SCHED_OTHER, "reading a socket itself, it must run when woken");
            completer_sleeps_on_queue();
            assert_eq!(policy_of_this_thread(), libc::SCHED_OTHER, "and it stays so");
        })
        .join()
        .unwrap();
    }
}
