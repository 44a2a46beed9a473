//! Tells the core, once per OS thread, whether the calling Java thread is a
//! virtual thread (see [`idle_reading::note_calling_thread`]). Asked on the
//! first request a thread sends, so a thread that never sends never asks.

use jni::objects::JThread;
use jni::sys::{jint, JNI_VERSION_19};
use jni::Env;

use super::policy::BridgeError;
use crate::client::idle_reading;

/// Tells the core about the calling thread if it has not been told yet.
pub(super) fn note_calling_thread(env: &mut Env<'_>) -> Result<(), BridgeError> {
    if !idle_reading::knows_calling_thread() {
        idle_reading::note_calling_thread(is_virtual(env)?);
    }
    Ok(())
}

/// Whether the calling thread is a virtual thread. Before JNI 19 (Java 11 and 17)
/// there are none, and the function table has no `IsVirtualThread` to call.
fn is_virtual(env: &mut Env<'_>) -> Result<bool, BridgeError> {
    if jint::from(env.version()?) < JNI_VERSION_19 {
        return Ok(false);
    }
    let thread = JThread::current_thread(env)?;
    let raw = env.get_raw();
    // SAFETY: `raw` is this thread's live JNIEnv (from `env`), whose function table has
    // `IsVirtualThread` since JNI 19, checked above; `thread` is a live local reference
    // to a java.lang.Thread, valid until this native call returns.
    let is_virtual = unsafe { ((**raw).v19.IsVirtualThread)(raw, thread.as_raw()) };
    Ok(is_virtual)
}
