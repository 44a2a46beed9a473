//! Test-only exports for the Java tests (`glide.internal.TestHooks` in `java/client/src/test`),
//! in a library the jar never contains: the library we ship has no way to panic on request.
//!
//! The panic goes through the same error and panic policy as every native of the shipped
//! library: `policy.rs` is glide-jni's own file, compiled here too, and the export has the shape
//! `jni::native_method!` gives glide-jni's natives (`EnvUnowned::with_env`, which catches the
//! panic, then [`ThrowGlide`]). The release profile (`panic = "unwind"`) is the workspace's.

#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

// glide-jni's policy, unchanged; the hooks use ThrowGlide and BridgeError only.
#[path = "../src/jni/policy.rs"]
#[allow(dead_code)]
mod policy;

/// What `policy.rs` calls on a panic. In glide-jni, `contain::note` also counts the panic
/// (`contained_panics`) and logs it; this library has no statistics or log, so only the
/// message is made, in the same words.
mod contain {
    pub(crate) fn note(what: &str, payload: &(dyn std::any::Any + Send)) -> String {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        format!("internal error while {what}: {message}")
    }
}

use jni::objects::JClass;
use jni::sys::jint;
use jni::EnvUnowned;

use policy::{BridgeError, ThrowGlide};

/// Panics on purpose inside an export, so a test can prove that the panic policy turns it into a
/// Java exception (`RequestException`) instead of unwinding into the JVM.
#[unsafe(no_mangle)]
pub extern "system" fn Java_glide_internal_TestHooks_panicForTesting<'caller>(
    mut unowned_env: EnvUnowned<'caller>,
    _class: JClass<'caller>,
) -> jint {
    unowned_env
        .with_env(|_env| -> Result<jint, BridgeError> {
            let reason = std::hint::black_box("deliberate panic for the panic-policy test");
            panic!("{reason}")
        })
        .resolve::<ThrowGlide>()
}
