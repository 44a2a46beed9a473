//! Exports for logging: `glide.api.logging.Logger` (configure, log) and the
//! JVM sink's daemon thread (its level, taking records). See `crate::logging`.

use std::time::Duration;

use jni::objects::{JClass, JIntArray, JObjectArray, JString};
use jni::sys::jint;
use jni::Env;

use super::optional_string;
use super::policy::BridgeError;
use crate::logging;
use crate::wire::log_record;

/// `Logger.init`/`setLoggerConfig`: `level` is a [`crate::wire::log_level`]
/// code, `file_name` null for stdout. Returns the level in force, as a code.
pub(super) fn configure_logger<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    level: jint,
    file_name: JString<'caller>,
) -> Result<jint, BridgeError> {
    let file_name = optional_string(env, &file_name)?;
    let level = logging::configure_logger(logging::from_api_level(level), file_name.as_deref());
    Ok(logging::to_api_level(level))
}

/// `Logger.log`: one application line (a [`crate::wire::log_level`] code).
pub(super) fn log_from_application<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    level: jint,
    identifier: JString<'caller>,
    message: JString<'caller>,
) -> Result<(), BridgeError> {
    let identifier = identifier.try_to_string(env)?;
    let message = message.try_to_string(env)?;
    logging::log_from_application(logging::from_api_level(level), &identifier, &message);
    Ok(())
}

/// The most verbose level the application's logging enables for `glide.*`
/// (a [`crate::wire::log_level`] code; OFF: send nothing).
pub(super) fn set_jvm_log_level<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
    level: jint,
) -> Result<(), BridgeError> {
    logging::jvm::set_level(logging::from_api_level(level));
    Ok(())
}

/// Takes waiting core log records, waiting up to `timeout_ms` for the first:
/// record i's [`crate::wire::log_level`] code in `levels[i]`, its texts (logger
/// name, message) in `texts` as a [`log_record`] record. Returns how many.
pub(super) fn take_log_records<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    levels: JIntArray<'caller>,
    texts: JObjectArray<'caller, JString<'caller>>,
    timeout_ms: jint,
) -> Result<jint, BridgeError> {
    let capacity = levels.len(env)?.min(texts.len(env)? / log_record::LEN);
    let records = logging::jvm::take(capacity, Duration::from_millis(timeout_ms.max(0) as u64));
    let numbers: Vec<jint> = records.iter().map(|r| logging::to_api_level(r.level)).collect();
    levels.set_region(env, 0, &numbers)?;
    for (i, record) in records.iter().enumerate() {
        for (position, text) in texts_of(record) {
            let s = env.new_string(text)?;
            texts.set_element(env, i * log_record::LEN + position, &s)?;
            // Up to thousands of strings per call: free each local
            // reference now rather than at return.
            env.delete_local_ref(s);
        }
    }
    Ok(records.len() as jint)
}

/// A record's texts, each with its [`log_record`] position.
fn texts_of(record: &logging::Record) -> [(usize, &str); log_record::LEN] {
    [(log_record::AREA, record.area), (log_record::MESSAGE, record.message.as_str())]
}

/// The Java logger names core records go to (`crate::logging::AREAS`).
pub(super) fn log_areas<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
) -> Result<JObjectArray<'caller, JString<'caller>>, BridgeError> {
    let array = JObjectArray::<JString>::new(env, logging::AREAS.len(), JString::null())?;
    for (i, area) in logging::AREAS.iter().enumerate() {
        let s = env.new_string(area)?;
        array.set_element(env, i, &s)?;
    }
    Ok(array)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The logger name and the message go to their `wire::log_record` positions, where Java's
    /// `LogBridge` reads them.
    #[test]
    fn a_records_texts_go_to_their_wire_positions() {
        let record = logging::Record::now(logging::WARN, "glide.tls", "the message".into());
        let mut texts = [""; log_record::LEN];
        for (position, text) in texts_of(&record) {
            texts[position] = text;
        }
        assert_eq!(texts[log_record::AREA], "glide.tls");
        assert_eq!(texts[log_record::MESSAGE], "the message");
    }
}
