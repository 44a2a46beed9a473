//! One error policy for every export: errors and panics become Java exceptions
//! of the `glide.api.models.exceptions` family, plus a default return value.

use std::any::Any;

use jni::errors::ErrorPolicy;
use jni::strings::JNIString;
use jni::Env;

const REQUEST: &str = "glide/api/models/exceptions/RequestException";
const CLOSING: &str = "glide/api/models/exceptions/ClosingException";
const CONNECTION: &str = "glide/api/models/exceptions/ConnectionException";
const CONFIGURATION: &str = "glide/api/models/exceptions/ConfigurationError";
/// The library does not match the Java classes (see `natives.rs`).
const LINK: &str = "java/lang/UnsatisfiedLinkError";
/// What valkey-glide 2.3.1's `OpenTelemetry.init` throws for a configuration it refuses.
const EXCEPTION: &str = "java/lang/Exception";

/// An error on its way to Java: which exception class, and its message.
#[derive(Debug)]
pub(super) struct BridgeError {
    class: &'static str,
    message: String,
}

impl BridgeError {
    pub(super) fn request(message: impl Into<String>) -> Self {
        BridgeError { class: REQUEST, message: message.into() }
    }
    pub(super) fn closing(message: impl Into<String>) -> Self {
        BridgeError { class: CLOSING, message: message.into() }
    }
    pub(super) fn connection(message: impl Into<String>) -> Self {
        BridgeError { class: CONNECTION, message: message.into() }
    }
    pub(super) fn configuration(message: impl Into<String>) -> Self {
        BridgeError { class: CONFIGURATION, message: message.into() }
    }
    /// An `UnsatisfiedLinkError`: the native library and the Java classes do not match.
    pub(super) fn link(message: impl Into<String>) -> Self {
        BridgeError { class: LINK, message: message.into() }
    }
    /// A plain (checked) `java.lang.Exception`: only where valkey-glide throws one.
    pub(super) fn exception(message: impl Into<String>) -> Self {
        BridgeError { class: EXCEPTION, message: message.into() }
    }
}

impl std::fmt::Display for BridgeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BridgeError {}

impl From<jni::errors::Error> for BridgeError {
    fn from(e: jni::errors::Error) -> Self {
        BridgeError::request(format!("JNI error in glide-jni: {e}"))
    }
}

/// Throws the error's exception class (unless a Java exception is already
/// pending, e.g. from a failed JNI call) and returns `T::default()`.
pub(super) struct ThrowGlide;

impl<T: Default> ErrorPolicy<T, BridgeError> for ThrowGlide {
    type Captures<'unowned_env_local: 'native_method, 'native_method> = ();

    fn on_error<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut Self::Captures<'unowned_env_local, 'native_method>,
        err: BridgeError,
    ) -> jni::errors::Result<T> {
        if !env.exception_check() {
            let _ = env.throw_new(JNIString::from(err.class), JNIString::from(err.message));
        }
        Ok(T::default())
    }

    fn on_panic<'unowned_env_local: 'native_method, 'native_method>(
        env: &mut Env<'unowned_env_local>,
        _cap: &mut Self::Captures<'unowned_env_local, 'native_method>,
        payload: Box<dyn Any + Send + 'static>,
    ) -> jni::errors::Result<T> {
        // Counted in getStatistics() and logged (glide.core, ERROR) as every contained panic is.
        let what = crate::contain::note("running a native call from Java", payload.as_ref());
        // Dropping a payload can itself panic; leak it instead of risking that.
        std::mem::forget(payload);
        if !env.exception_check() {
            let message = format!("{what} (a bug in the glide-jni native core: please report it)");
            let _ = env.throw_new(JNIString::from(REQUEST), JNIString::from(message));
        }
        Ok(T::default())
    }
}
