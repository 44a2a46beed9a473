//! The IAM token export: lets Java tests compare our token with the AWS SDK
//! for Java's presigner, byte for byte, for fixed inputs.

use std::time::{Duration, UNIX_EPOCH};

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong};
use jni::EnvUnowned;

use super::optional_string;
use super::policy::{BridgeError, ThrowGlide};
use crate::iam::{self, AwsCredentials, IamService, IamSettings};

/// The IAM token for these inputs, signed at `epoch_seconds`: see
/// [`iam::presigned_token`]. `service`: 0 ElastiCache, 1 MemoryDB;
/// `session_token` may be null. Pure: loads no credentials, checks no names.
#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)] // mirrors the Java signature
pub extern "system" fn Java_glide_internal_NativeBridge_iamToken<'caller>(
    mut unowned_env: EnvUnowned<'caller>,
    _class: JClass<'caller>,
    cluster_name: JString<'caller>,
    user: JString<'caller>,
    service: jint,
    region: JString<'caller>,
    access_key_id: JString<'caller>,
    secret_access_key: JString<'caller>,
    session_token: JString<'caller>,
    epoch_seconds: jlong,
) -> JString<'caller> {
    unowned_env
        .with_env(|env| -> Result<JString<'caller>, BridgeError> {
            let mut required = |s: &JString<'_>, what: &str| {
                optional_string(env, s)?.ok_or_else(|| BridgeError::configuration(format!("{what} is null")))
            };
            let settings = IamSettings {
                cluster_name: required(&cluster_name, "clusterName")?,
                user: required(&user, "user")?,
                service: match service {
                    0 => IamService::ElastiCache,
                    1 => IamService::MemoryDb,
                    other => return Err(BridgeError::configuration(format!("unknown IAM service {other}"))),
                },
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
        })
        .resolve::<ThrowGlide>()
}
