//! Exports for `glide.api.OpenTelemetry` (initialise, flush) and the trace context a
//! sampled request carries into `submit`/`submitBatch`. See `crate::telemetry`.

use jni::objects::{JClass, JLongArray, JString};
use jni::sys::{jint, jlong};
use jni::Env;

use super::optional_string;
use super::policy::BridgeError;
use crate::telemetry::{self, span::Parent};
use crate::wire;

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

/// A sampled request's trace context: null (not sampled) or a [`wire::trace`] array, zeros
/// when the application has no current span.
pub(super) fn read_trace(env: &mut Env<'_>, trace: &JLongArray<'_>) -> Result<Option<Parent>, BridgeError> {
    if trace.is_null() {
        return Ok(None);
    }
    let mut values = [0 as jlong; wire::trace::LEN];
    if trace.len(env)? < values.len() {
        return Err(BridgeError::request(format!("a trace context has {} numbers", wire::trace::LEN)));
    }
    trace.get_region(env, 0, &mut values)?;
    Ok(Some(parent_of(&values)))
}

/// The parent a [`wire::trace`] array names.
fn parent_of(values: &[jlong; wire::trace::LEN]) -> Parent {
    let high = values[wire::trace::TRACE_ID_HIGH] as u64 as u128;
    let low = values[wire::trace::TRACE_ID_LOW] as u64 as u128;
    Parent { trace_id: (high << 64) | low, span_id: values[wire::trace::SPAN_ID] as u64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each id is read from its `wire::trace` position, where Java's `OtelParent` writes it;
    /// three distinct values (one with the sign bit set, as Java's longs carry the high half of
    /// an id), so that two positions swapped fail here.
    #[test]
    fn a_trace_context_is_read_from_the_wire_positions() {
        let mut values = [0 as jlong; wire::trace::LEN];
        values[wire::trace::TRACE_ID_HIGH] = 0x0102_0304_0506_0708;
        values[wire::trace::TRACE_ID_LOW] = -2; // 0xffff_ffff_ffff_fffe
        values[wire::trace::SPAN_ID] = 0x1112_1314_1516_1718;
        let parent = parent_of(&values);
        assert_eq!(parent.trace_id, 0x0102_0304_0506_0708_ffff_ffff_ffff_fffe);
        assert_eq!(parent.span_id, 0x1112_1314_1516_1718);
    }
}
