//! IAM across the boundary: `createIamAuth` builds a client's token source
//! (Java passes the handle to `createClient`, which takes its own reference,
//! then frees it with `freeIamAuth`); `refreshIamToken` renews a client's
//! token now; `iamToken` is the pure signing function, which lets Java tests
//! compare our token with the AWS SDK for Java's presigner, byte for byte.

use std::time::{Duration, UNIX_EPOCH};

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong};
use jni::Env;

use super::optional_string;
use super::policy::BridgeError;
use crate::iam::{self, AwsCredentials, IamService, IamSettings, IamTokens};
use crate::wire;

/// The IAM token for these inputs, signed at `epoch_seconds`: see
/// [`iam::presigned_token`]. `service`: a [`wire::iam_service`] code;
/// `session_token` may be null. Pure: loads no credentials, checks no names.
#[allow(clippy::too_many_arguments)] // mirrors the Java signature
pub(super) fn iam_token<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    cluster_name: JString<'caller>,
    user: JString<'caller>,
    service: jint,
    region: JString<'caller>,
    access_key_id: JString<'caller>,
    secret_access_key: JString<'caller>,
    session_token: JString<'caller>,
    epoch_seconds: jlong,
) -> Result<JString<'caller>, BridgeError> {
    let mut required = |s: &JString<'_>, what: &str| {
        optional_string(env, s)?.ok_or_else(|| BridgeError::configuration(format!("{what} is null")))
    };
    let settings = IamSettings {
        cluster_name: required(&cluster_name, "clusterName")?,
        user: required(&user, "user")?,
        service: iam_service(service)?,
        region: required(&region, "region")?,
        refresh_interval: iam::DEFAULT_REFRESH_INTERVAL,
    };
    let credentials = AwsCredentials {
        access_key_id: required(&access_key_id, "accessKeyId")?,
        secret_access_key: required(&secret_access_key, "secretAccessKey")?,
        session_token: optional_string(env, &session_token)?,
        expires: None,
    };
    let seconds = u64::try_from(epoch_seconds)
        .map_err(|_| BridgeError::configuration(format!("epochSeconds {epoch_seconds} is before 1970")))?;
    let token = iam::presigned_token(&settings, &credentials, UNIX_EPOCH + Duration::from_secs(seconds));
    Ok(JString::from_str(env, token)?)
}

/// The service a [`wire::iam_service`] code names.
fn iam_service(code: jint) -> Result<IamService, BridgeError> {
    match code {
        wire::iam_service::ELASTICACHE => Ok(IamService::ElastiCache),
        wire::iam_service::MEMORYDB => Ok(IamService::MemoryDb),
        other => Err(BridgeError::configuration(format!("unknown IAM service {other}"))),
    }
}

/// An `Arc<IamTokens>` as Java holds it between `createIamAuth` and
/// `freeIamAuth`: a leaked `Box<Arc<IamTokens>>`; 0 is "no IAM".
#[repr(transparent)]
#[derive(Clone, Copy)]
pub(super) struct IamHandle(pub(super) jlong);

impl IamHandle {
    /// Another reference to the tokens, or `None` for 0.
    ///
    /// # Safety
    /// A non-zero handle must come from `createIamAuth` and not be freed yet;
    /// Java frees it only after `createClient` returned.
    pub(super) unsafe fn tokens(self) -> Option<std::sync::Arc<IamTokens>> {
        // SAFETY: per this function's contract a non-zero value is a live Box<Arc<IamTokens>>.
        (self.0 != 0).then(|| std::sync::Arc::clone(unsafe { &*(self.0 as *const std::sync::Arc<IamTokens>) }))
    }
}

/// Checks the IAM settings and signs the first token, loading AWS credentials
/// (environment, shared files, container or instance credentials: this may
/// block for a few seconds on an instance endpoint). `refresh_seconds` 0 means
/// the default. Throws `ConfigurationError` for invalid settings and
/// `ClosingException` when no credentials can be loaded.
pub(super) fn create_iam_auth<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    cluster_name: JString<'caller>,
    user: JString<'caller>,
    service: jint,
    region: JString<'caller>,
    refresh_seconds: jint,
) -> Result<jlong, BridgeError> {
    let required = |env: &mut jni::Env<'_>, value: &JString<'_>, what: &str| {
        optional_string(env, value)?.ok_or_else(|| BridgeError::configuration(format!("IAM authentication needs {what}")))
    };
    let service = iam_service(service)?;
    let seconds = u64::try_from(refresh_seconds).ok().filter(|s| *s > 0);
    let settings = IamSettings {
        cluster_name: required(env, &cluster_name, "a clusterName")?,
        user: required(env, &user, "a username (the ACL user the token authenticates)")?,
        service,
        region: required(env, &region, "a region")?,
        refresh_interval: iam::refresh_interval_from_seconds(seconds).map_err(BridgeError::configuration)?,
    };
    iam::validate(&settings).map_err(BridgeError::configuration)?;
    // Valid settings: what fails now is loading credentials, a failed creation.
    let tokens = IamTokens::new(settings).map_err(BridgeError::closing)?;
    Ok(Box::into_raw(Box::new(std::sync::Arc::new(tokens))) as jlong)
}

/// Frees what `createIamAuth` returned; 0 is ignored.
pub(super) fn free_iam_auth<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    handle: jlong,
) -> Result<(), BridgeError> {
    if handle != 0 {
        // SAFETY: Java frees each handle from createIamAuth exactly once (in a
        // finally block after createClient), so the box is ours.
        drop(unsafe { Box::from_raw(handle as *mut std::sync::Arc<IamTokens>) });
    }
    Ok(())
}
