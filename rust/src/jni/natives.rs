//! Registering the native methods of `glide.internal.NativeBridge`: one table of (Java name,
//! JNI signature, function), checked twice. At compile time, `jni::native_method!` derives each
//! method's JNI signature from the parameter types written here and checks that the function
//! takes exactly those types (a wrong type does not compile). At load, `NativeBridge`'s static
//! initialiser calls [`Java_glide_internal_NativeBridge_registerNatives`] (the one export found
//! by name), which registers the table with `RegisterNatives`: a method whose name or signature the class does not declare is
//! refused by the JVM, and we throw one `UnsatisfiedLinkError` naming every such method, before
//! any request runs. The Java side then checks the other direction (each `native` method of
//! the class was registered; see `NativeBridge`).
//!
//! Why not `JNI_OnLoad`: it runs inside `System.load`, and `FindClass` there initialises
//! `NativeBridge`, whose initialiser loads the library and calls natives not yet registered.
//! Registering from the class's own initialiser (as the JDK's `registerNatives` do) runs once,
//! with the class at hand, in the class loader that loaded the library.
//!
//! Every wrapper `native_method!` generates runs its function in `EnvUnowned::with_env`, which
//! catches panics, and resolves errors and panics through [`ThrowGlide`].

use jni::objects::{JClass, JObjectArray, JString};
use jni::{Env, EnvUnowned, NativeMethod};

use super::iam;
use super::logging;
use super::parked_hand_off;
use super::policy::{BridgeError, ThrowGlide};
use super::telemetry;
use super::tls;
use super::*;

/// One static native method of `NativeBridge`: its Rust name (the Java name in snake case) and
/// the checked `NativeMethod`. The function defaults to the one of the same name in `jni`.
macro_rules! native {
    ($name:ident $($rest:tt)*) => {
        (
            stringify!($name),
            jni::native_method! {
                error_policy = ThrowGlide,
                static fn $name $($rest)*
            },
        )
    };
}

/// Every native method of `glide.internal.NativeBridge`, with its JNI signature.
const NATIVES: &[(&str, NativeMethod<'static>)] = &[
    native!(create_client(request_id: jlong, config: byte[], tls: jlong, iam: jlong) -> jlong),
    native!(take_pub_sub_message(handle: jlong, timeout_ms: jint) -> jlong),
    native!(change_subscriptions(handle: jlong, mode: jint, names: byte[][], subscribe: jboolean)),
    native!(await_subscriptions(
        handle: jlong,
        mode: jint,
        names: byte[][],
        subscribed: jboolean,
        timeout_ms: jint,
    ) -> jboolean),
    native!(subscription_state(handle: jlong) -> jlong),
    native!(submit(
        handle: jlong,
        request_id: jlong,
        command: byte[],
        timeout_ms: jint,
        shape: jint,
        binary: jboolean,
        route_kind: jint,
        route_int: jint,
        route_bytes: byte[],
        trace: long[],
    ) -> jint),
    native!(submit_batch(
        handle: jlong,
        request_id: jlong,
        commands: byte[],
        lengths: int[],
        shapes: int[],
        atomic: jboolean,
        raise_on_error: jboolean,
        timeout_ms: jint,
        binary: jboolean,
        route_kind: jint,
        route_int: jint,
        route_bytes: byte[],
        retry_server_error: jboolean,
        retry_connection_error: jboolean,
        trace: long[],
    ) -> jint),
    native!(close_client(handle: jlong)),
    native!(update_password(handle: jlong, password: JString)),
    native!(reconnect_now(handle: jlong)),
    native!(refresh_iam_token(handle: jlong)),
    native!(is_connected(handle: jlong) -> jboolean),
    native!(is_reconnecting(handle: jlong) -> jboolean),
    native!(describe_client(handle: jlong) -> JString),
    native!(free_client(handle: jlong)),
    native!(await_completions(out: long[], timeout_ms: jint) -> jint),
    native!(take_bytes(ptr: jlong) -> byte[]),
    native!(take_bytes_into(ptr: jlong, scratch: byte[]) -> jint),
    native!(free_bytes(ptr: jlong)),
    native!(statistics() -> long[]),
    native!(set_max_bulk_length(bytes: jlong) -> jlong),
    native!(set_read_spin_micros(micros: jlong) -> jlong),
    native!(help_read(handle: jlong, request_id: jlong, timeout_ms: jint, out: long[]) -> jint),
    native!(requeue(records: long[], n: jint)),
    native!(install_parked_hand_off(completions: JClass), fn = parked_hand_off::install_native),
    native!(iam_token(
        cluster_name: JString,
        user: JString,
        service: jint,
        region: JString,
        access_key_id: JString,
        secret_access_key: JString,
        session_token: JString,
        epoch_seconds: jlong,
    ) -> JString, fn = iam::iam_token),
    native!(create_iam_auth(
        cluster_name: JString,
        user: JString,
        service: jint,
        region: JString,
        refresh_seconds: jint,
    ) -> jlong, fn = iam::create_iam_auth),
    native!(free_iam_auth(handle: jlong), fn = iam::free_iam_auth),
    native!(configure_logger(level: jint, file_name: JString) -> jint, fn = logging::configure_logger),
    native!(log_from_application(
        level: jint,
        identifier: JString,
        message: JString,
    ), fn = logging::log_from_application),
    native!(set_jvm_log_level(level: jint), fn = logging::set_jvm_log_level),
    native!(take_log_records(
        levels: int[],
        texts: java.lang.String[],
        timeout_ms: jint,
    ) -> jint, fn = logging::take_log_records),
    native!(log_areas() -> java.lang.String[], fn = logging::log_areas),
    native!(init_open_telemetry(
        traces_endpoint: JString,
        sample_percentage: jint,
        metrics_endpoint: JString,
        flush_interval_ms: jlong,
    ), fn = telemetry::init_open_telemetry),
    native!(flush_open_telemetry(), fn = telemetry::flush_open_telemetry),
    native!(create_tls_settings(
        insecure: jboolean,
        root_certificates: byte[],
        client_certificate: byte[],
        client_key: byte[],
    ) -> jlong, fn = tls::create_tls_settings),
    native!(free_tls_settings(handle: jlong), fn = tls::free_tls_settings),
];

/// The Java name of a native (`create_client` -> `createClient`), as `native_method!` derives it.
fn java_name(rust_name: &str) -> String {
    let mut out = String::with_capacity(rust_name.len());
    let mut upper = false;
    for c in rust_name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Registers [`NATIVES`] on `target` (`NativeBridge`; a test passes a class that declares
/// none of them, to see the refusal). Returns the Java names registered; throws
/// `UnsatisfiedLinkError` naming every method the class refused.
#[unsafe(no_mangle)]
pub extern "system" fn Java_glide_internal_NativeBridge_registerNatives<'caller>(
    mut unowned_env: EnvUnowned<'caller>,
    // NativeBridge itself: the method is static.
    _class: JClass<'caller>,
    target: JClass<'caller>,
) -> JObjectArray<'caller, JString<'caller>> {
    unowned_env.with_env(|env| register(env, &target)).resolve::<ThrowGlide>()
}

fn register<'caller>(env: &mut Env<'caller>, class: &JClass<'caller>) -> Result<JObjectArray<'caller, JString<'caller>>, BridgeError> {
    let mut refused = Vec::new();
    for (name, method) in NATIVES {
        // One at a time, so that every refused method is named, not only the first.
        // SAFETY: each `NativeMethod` comes from `native_method!`, which generated its function
        // from the signature it carries (so pointer and signature agree), and declared it
        // `static`, as every method of NativeBridge is: its second parameter is the class.
        // (The JVM's NoSuchMethodError is caught and cleared: it arrives as `e`.)
        if let Err(e) = unsafe { env.register_native_methods(class, std::slice::from_ref(method)) } {
            refused.push(format!("{} ({e})", java_name(name)));
        }
    }
    if !refused.is_empty() {
        return Err(BridgeError::link(format!(
            "the glide-jni native library does not match glide.internal.NativeBridge (a library from another build?): {}",
            refused.join("; ")
        )));
    }
    let names = JObjectArray::<JString>::new(env, NATIVES.len(), JString::null())?;
    for (i, (name, _)) in NATIVES.iter().enumerate() {
        let s = env.new_string(java_name(name))?;
        names.set_element(env, i, &s)?;
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn java_names_are_the_snake_case_names_in_camel_case() {
        assert_eq!(java_name("create_client"), "createClient");
        assert_eq!(java_name("take_pub_sub_message"), "takePubSubMessage");
        assert_eq!(java_name("statistics"), "statistics");
    }

    #[test]
    fn every_native_is_listed_once() {
        let mut names: Vec<&str> = NATIVES.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), NATIVES.len());
    }
}
