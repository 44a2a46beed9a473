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
