package glide.internal;

/**
 * The application's current OpenTelemetry span, when it uses the OpenTelemetry Java API: a
 * sampled command's span then becomes its child, so the application's trace shows its Valkey
 * calls. The API is optional (we ship none): whether it is on the class path is checked once,
 * and only {@link CurrentSpan}, loaded on first use when it is there, refers to it.
 */
final class OtelParent {
    /** No current span: the command's span starts a trace of its own. Read only, never written. */
    private static final long[] NONE = new long[Wire.Trace.LEN];

    private static volatile boolean available = apiPresent();

    private OtelParent() {}

    private static boolean apiPresent() {
        try {
            Class.forName("io.opentelemetry.api.trace.Span", false, OtelParent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The current span's ids as a {@link Wire.Trace} array, or zeros. */
    static long[] current() {
        if (!available) {
            return NONE;
        }
        try {
            return CurrentSpan.context();
        } catch (LinkageError e) {
            // An API too old or only partly there: go on without parents rather than fail requests.
            available = false;
            return NONE;
        } catch (RuntimeException e) {
            // The application's context storage failed: this request goes without a parent; the
            // request itself must not fail for it.
            return NONE;
        }
    }

    /** Refers to the OpenTelemetry API; loaded only when {@link #apiPresent} found it. */
    private static final class CurrentSpan {
        static long[] context() {
            io.opentelemetry.api.trace.SpanContext context =
                    io.opentelemetry.api.trace.Span.current().getSpanContext();
            if (!context.isValid()) {
                return NONE;
            }
            return trace(context.getTraceId(), context.getSpanId());
        }
    }

    /**
     * A {@link Wire.Trace} array from OpenTelemetry's hex ids: {@code traceId} 32 lowercase hex
     * digits, {@code spanId} 16. Apart from {@link CurrentSpan} so that it needs no API.
     */
    static long[] trace(String traceId, String spanId) {
        long[] trace = new long[Wire.Trace.LEN];
        trace[Wire.Trace.TRACE_ID_HIGH] = Long.parseUnsignedLong(traceId, 0, 16, 16);
        trace[Wire.Trace.TRACE_ID_LOW] = Long.parseUnsignedLong(traceId, 16, 32, 16);
        trace[Wire.Trace.SPAN_ID] = Long.parseUnsignedLong(spanId, 0, 16, 16);
        return trace;
    }
}
