//! TLS settings across the boundary: Java builds them once per client
//! creation (`createTlsSettings`), passes the handle to `createClient`, which
//! takes its own reference, and frees the handle (`freeTlsSettings`).

use jni::objects::{JByteArray, JClass};
use jni::sys::{jboolean, jlong};
use jni::Env;

use super::policy::BridgeError;
use crate::client::tls::{TlsOptions, TlsSettings};

/// A `TlsSettings` as Java holds it: a leaked `Box<TlsSettings>`; 0 is "no TLS".
#[repr(transparent)]
#[derive(Clone, Copy)]
pub(super) struct TlsHandle(pub(super) jlong);

impl TlsHandle {
    /// A copy of the settings (they share one rustls configuration), or `None` for 0.
    ///
    /// # Safety
    /// A non-zero handle must come from `createTlsSettings` and not be freed yet;
    /// Java frees it only after `createClient` returned.
    pub(super) unsafe fn settings(self) -> Option<TlsSettings> {
        // SAFETY: per this function's contract a non-zero value is a live Box<TlsSettings>.
        (self.0 != 0).then(|| unsafe { &*(self.0 as *const TlsSettings) }.clone())
    }
}

fn optional_bytes(env: &mut Env<'_>, array: &JByteArray<'_>) -> Result<Option<Vec<u8>>, BridgeError> {
    if array.is_null() {
        return Ok(None);
    }
    Ok(Some(env.convert_byte_array(array)?))
}

/// Checks and builds TLS settings: `insecure` accepts any certificate; the
/// others are PEM or null (roots: the platform's; no certificate: no mutual
/// TLS). Bad input throws `ConfigurationError` naming it.
pub(super) fn create_tls_settings<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    insecure: jboolean,
    root_certificates: JByteArray<'caller>,
    client_certificate: JByteArray<'caller>,
    client_key: JByteArray<'caller>,
) -> Result<jlong, BridgeError> {
    let roots = optional_bytes(env, &root_certificates)?;
    let certificate = optional_bytes(env, &client_certificate)?;
    let key = optional_bytes(env, &client_key)?;
    let options = TlsOptions {
        insecure,
        root_certificates_pem: roots.as_deref(),
        client_certificate_pem: certificate.as_deref(),
        client_key_pem: key.as_deref(),
    };
    let settings = TlsSettings::new(&options).map_err(BridgeError::configuration)?;
    Ok(Box::into_raw(Box::new(settings)) as jlong)
}

/// Frees what `createTlsSettings` returned; 0 is ignored.
pub(super) fn free_tls_settings<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<(), BridgeError> {
    if handle != 0 {
        // SAFETY: Java frees each handle from createTlsSettings exactly once
        // (in a finally block after createClient), so the box is ours.
        drop(unsafe { Box::from_raw(handle as *mut TlsSettings) });
    }
    Ok(())
}
