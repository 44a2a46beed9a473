//! Exports for `glide.api.OpenTelemetry` (initialise, flush) and the trace context a
//! sampled request carries into `submit`/`submitBatch`. See `crate::telemetry`.

use jni::objects::{JClass, JLongArray, JString};
use jni::sys::{jint, jlong};
use jni::Env;

use super::optional_string;
use super::policy::BridgeError;
use crate::telemetry::{self, span::Parent};

/// `OpenTelemetry.init`: endpoints null when not configured, `sample_percentage` -1 when not
/// given. Throws `java.lang.Exception` with valkey-glide's message for what it refuses.
pub(super) fn init_open_telemetry<'caller>(
    env: &mut Env<'caller>,
    _class: JClass<'caller>,
    traces_endpoint: JString<'caller>,
    sample_percentage: jint,
    metrics_endpoint: JString<'caller>,
    flush_interval_ms: jlong,
) -> Result<(), BridgeError> {
    let traces = optional_string(env, &traces_endpoint)?;
    let metrics = optional_string(env, &metrics_endpoint)?;
    telemetry::init(traces.as_deref(), sample_percentage, metrics.as_deref(), flush_interval_ms).map_err(BridgeError::exception)
}

/// Exports the ended spans and the metrics now, on the calling thread.
pub(super) fn flush_open_telemetry<'caller>(
    _env: &mut Env<'caller>,
    _class: JClass<'caller>,
) -> Result<(), BridgeError> {
    telemetry::flush();
    Ok(())
}

/// A sampled request's trace context: null (not sampled) or `[trace id high, trace id low,
/// parent span id]`, zeros when the application has no current span.
pub(super) fn read_trace(env: &mut Env<'_>, trace: &JLongArray<'_>) -> Result<Option<Parent>, BridgeError> {
    if trace.is_null() {
        return Ok(None);
    }
    let mut values = [0 as jlong; 3];
    if trace.len(env)? < values.len() {
        return Err(BridgeError::request("a trace context has three numbers"));
    }
    trace.get_region(env, 0, &mut values)?;
    let trace_id = ((values[0] as u64 as u128) << 64) | values[1] as u64 as u128;
    Ok(Some(Parent { trace_id, span_id: values[2] as u64 }))
}
