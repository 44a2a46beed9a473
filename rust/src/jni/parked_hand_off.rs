//! Runtime threads hand completions straight to the virtual threads parked waiting for them.
//!
//! A virtual thread blocked in `get()` parks (it must not pin its carrier in a native read), so a
//! runtime thread reads its reply. That thread used to queue the completion and wake the
//! `glide-completer` thread, whose only work for it was to unpark the virtual thread. At
//! parallelism 1 with 1,000 virtual threads both vCPUs were busy, and each such wake-up preempted
//! whoever ran on the CPU, often the carrier (every virtual thread stops meanwhile): client CPU per
//! request swung between 2.9 and 4.8 µs from one JVM to the next
//! (`benchmarks/results/batch-scheduling-2026-12-07`). Lettuce's event loop unparks the waiter
//! itself; so does the runtime thread now. It calls `Completions.handOffToWaiters` with the
//! completions it has read: Java gives each one whose request has a thread parked for it to that
//! thread (which decodes it and completes its own future, so no continuation runs here) and marks
//! it; the rest go to the queue as before.
//!
//! Runtime threads are attached to the JVM for this the first time they need it, as daemon
//! threads under their own names (a non-daemon attachment would keep the JVM from exiting when
//! `main` returns), and detached when they end. Java threads never take this path: one that
//! pushes completions outside `collecting` (an error while it sends) queues them as before. It
//! applies only in a process where a thread carrying virtual threads has sent (see
//! `completion::virtual_threads_sent`), and only to the requests a virtual thread sent (Java tags
//! their ids, `wire::request_id`): callbacks and platform threads never pay the call.
//!
//! Nothing is lost or delivered twice: Java marks a completion in the array only once the thread
//! parked for it owns it, and everything unmarked is queued, whatever happened in Java or here.

use std::cell::RefCell;
use std::ffi::{c_void, CString};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use jni::objects::{Global, JClass, JLongArray, JStaticMethodID};
use jni::signature::{Primitive, ReturnType};
use jni::sys::{jvalue, JavaVMAttachArgs, JNI_EDETACHED, JNI_OK, JNI_VERSION_1_8};
use jni::{jni_sig, jni_str, AttachConfig, Env, JavaVM};
use smallvec::SmallVec;

use super::policy::BridgeError;
use crate::completion::{self, Completion};
use crate::wire;

/// Completions handed over per call: a runtime thread rarely reads more at once.
const RECORDS: usize = 64;

/// `Completions.handOffToWaiters(long[] records, int n)`, found while a Java thread ran
/// (a runtime thread's `FindClass` would look in the system class loader, not ours).
struct Target {
    vm: JavaVM,
    class: Global<JClass<'static>>,
    method: JStaticMethodID,
}

static TARGET: OnceLock<Target> = OnceLock::new();

/// Completions handed over, ever: the `replies_handed_to_parked_threads` statistic.
static HANDED: AtomicU64 = AtomicU64::new(0);

/// Completions handed straight to parked threads, ever.
pub(super) fn handed_over() -> u64 {
    HANDED.load(Ordering::Relaxed)
}

/// `NativeBridge.installParkedHandOff(Completions.class)`: finds `handOffToWaiters` on
/// `completions` and installs the hand-off in the core. Called once, from `Completions`'
/// initialiser.
pub(super) fn install_native<'caller>(env: &mut Env<'caller>, _class: JClass<'caller>, completions: JClass<'caller>) -> Result<(), BridgeError> {
    if completions.is_null() {
        return Err(BridgeError::configuration("the class must not be null"));
    }
    let method = env.get_static_method_id(&completions, jni_str!("handOffToWaiters"), jni_sig!("([JI)I"))?;
    let class = env.new_global_ref(completions)?;
    let vm = env.get_java_vm()?;
    if TARGET.set(Target { vm, class, method }).is_ok() {
        completion::install_parked_hand_off(hand_off);
    }
    Ok(())
}

/// What this thread is to the JVM.
enum Attachment {
    /// Not looked at yet.
    Unknown,
    /// A Java thread, or one the JVM refused: it queues as before.
    NotOurs,
    /// A thread this module attached, with its array for the records.
    Ours(OwnAttachment),
}

/// This module's attachment of a runtime thread; ending the thread detaches it.
struct OwnAttachment {
    records: Option<Global<JLongArray<'static>>>,
}

impl Drop for OwnAttachment {
    fn drop(&mut self) {
        // The array's reference is deleted while the thread is still attached.
        drop(self.records.take());
        if let Some(target) = TARGET.get() {
            let vm = target.vm.get_raw();
            // SAFETY: `vm` is the live JavaVM this thread was attached to by `attach_daemon`, and
            // no JNI frame or reference of this thread remains (the array's was deleted above).
            unsafe { ((**vm).v1_1.DetachCurrentThread)(vm) };
        }
    }
}

thread_local! {
    static ATTACHMENT: RefCell<Attachment> = const { RefCell::new(Attachment::Unknown) };
}

/// The hand-off installed in the core: offers `completions` to Java and removes those it
/// handed to a parked thread. On any failure the rest stay, to be queued.
fn hand_off(completions: &mut SmallVec<[Completion; 8]>) {
    let Some(target) = TARGET.get() else { return };
    // A panic must not cost a completion: one leaves the list only once Java marked it.
    let _ = crate::contain::run("handing completions to parked threads", || {
        ATTACHMENT.with(|attachment| {
            let mut attachment = attachment.borrow_mut();
            if matches!(*attachment, Attachment::Unknown) {
                *attachment = attach_daemon(target);
            }
            if let Attachment::Ours(own) = &mut *attachment {
                if let Err(e) = offer(target, own, completions) {
                    tracing::warn!(target: "glide_jni", "handing completions to parked threads failed (they go to the completer): {e}");
                }
            }
        })
    });
}

/// Attaches this thread as a daemon if the JVM does not know it yet.
fn attach_daemon(target: &Target) -> Attachment {
    let vm = target.vm.get_raw();
    let mut env: *mut c_void = std::ptr::null_mut();
    // SAFETY: `vm` is the live JavaVM (kept by `target` for the life of the process); GetEnv
    // writes at most one pointer to `env`.
    let known = unsafe { ((**vm).v1_2.GetEnv)(vm, &mut env, JNI_VERSION_1_8) };
    if known != JNI_EDETACHED {
        return Attachment::NotOurs;
    }
    // The JVM shows the thread under its own name (`glide-worker-N`), as `top` and `perf` do.
    let name = std::thread::current().name().and_then(|n| CString::new(n).ok()).unwrap_or_else(|| c"glide-runtime".to_owned());
    let mut args = JavaVMAttachArgs {
        version: JNI_VERSION_1_8,
        name: name.as_ptr().cast_mut(),
        group: std::ptr::null_mut(),
    };
    // SAFETY: as above; `args` and `name` live across the call, and the JVM copies the name.
    let attached = unsafe { ((**vm).v1_4.AttachCurrentThreadAsDaemon)(vm, &mut env, (&raw mut args).cast()) };
    if attached != JNI_OK {
        return Attachment::NotOurs;
    }
    Attachment::Ours(OwnAttachment { records: None })
}

/// Writes the completions of `completions` that a virtual thread's request has (up to
/// [`RECORDS`] at a time) to this thread's array, calls Java, and removes those Java marked as
/// handed over (also when Java or a later call failed).
fn offer(target: &Target, own: &mut OwnAttachment, completions: &mut SmallVec<[Completion; 8]>) -> jni::errors::Result<()> {
    let offered: SmallVec<[usize; 8]> = (0..completions.len()).filter(|&i| completions[i].sent_by_virtual_thread()).collect();
    let mut handed: SmallVec<[bool; 16]> = SmallVec::from_elem(false, completions.len());
    // The thread is attached (by `attach_daemon`): this finds that attachment, never makes one.
    // A panic in a later chunk must still remove the chunks Java marked before it (they would
    // be delivered twice): it is caught here and resumed once they are removed.
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| target.vm.attach_current_thread_with_config(AttachConfig::default, Some(4), |env| -> jni::errors::Result<()> {
        if own.records.is_none() {
            let array = env.new_long_array(RECORDS * wire::completion::LEN)?;
            own.records = Some(env.new_global_ref(array)?);
        }
        let Some(records) = own.records.as_ref() else { return Ok(()) };
        let mut buffer = [0i64; RECORDS * wire::completion::LEN];
        for chunk in offered.chunks(RECORDS) {
            for (slot, &i) in buffer.chunks_exact_mut(wire::completion::LEN).zip(chunk) {
                slot.copy_from_slice(&completions[i].to_record());
            }
            let used = &mut buffer[..chunk.len() * wire::completion::LEN];
            records.set_region(env, 0, used)?;
            let args = [jvalue { l: records.as_raw() }, jvalue { i: chunk.len() as i32 }];
            // SAFETY: `method` is `handOffToWaiters(long[], int) int` of `class` (looked up with
            // that signature in `install`), and `args` are a long[] and an int.
            let called = unsafe { env.call_static_method_unchecked(&*target.class, target.method, ReturnType::Primitive(Primitive::Int), &args) };
            // Read the marks even if Java threw: those it marked are handed over already.
            records.get_region(env, 0, used)?;
            for (record, &i) in used.chunks_exact(wire::completion::LEN).zip(chunk) {
                handed[i] = record[wire::completion::REQUEST_ID] == i64::from(wire::parked_hand_off::HANDED_OVER);
            }
            called?;
        }
        Ok(())
    })));
    HANDED.fetch_add(handed.iter().filter(|h| **h).count() as u64, Ordering::Relaxed);
    let mut index = 0;
    completions.retain(|_| {
        let keep = !handed[index];
        index += 1;
        keep
    });
    outcome.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}
