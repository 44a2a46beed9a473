package glide.internal;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Which requests get an OpenTelemetry span, decided once per request before the native call.
 * Until {@code glide.api.OpenTelemetry} is initialised with traces (and while sampling is 0%),
 * a request pays one volatile read here and passes {@code null} to the core.
 */
public final class TraceSampling {
    /** Percentage of requests traced, 0-100; -1 while spans are not exported. */
    private static volatile int percentage = -1;

    private TraceSampling() {}

    /** How long the JVM's exit waits for the last export (a collector may not answer). */
    private static final long EXIT_FLUSH_WAIT_MS = 2000;

    /**
     * Starts the core's export (see {@code NativeBridge.initOpenTelemetry}); throws {@code
     * java.lang.Exception}, as valkey-glide does, for a configuration the core refuses. Spans and
     * metrics still waiting when the JVM exits are exported by a shutdown hook, which waits for
     * that export at most {@link #EXIT_FLUSH_WAIT_MS}.
     */
    public static void init(String tracesEndpoint, int samplePercentage, String metricsEndpoint, long flushIntervalMs) {
        NativeBridge.initOpenTelemetry(tracesEndpoint, samplePercentage, metricsEndpoint, flushIntervalMs);
        Runtime.getRuntime().addShutdownHook(new Thread(TraceSampling::flushAtExit, "glide-otel-exit"));
    }

    private static void flushAtExit() {
        // On a daemon thread: an export stuck on an unreachable collector must not hold the
        // JVM's exit for the export's own timeouts.
        Thread flush = new Thread(TraceSampling::flush, "glide-otel-flush");
        flush.setDaemon(true);
        flush.start();
        try {
            flush.join(EXIT_FLUSH_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Traces {@code value} percent of requests from now on (-1: none, spans are off). */
    public static void setPercentage(int value) {
        percentage = value;
    }

    /** Exports the spans ended so far and the metrics now, on this thread. */
    public static void flush() {
        NativeBridge.flushOpenTelemetry();
    }

    /**
     * The trace context to send with a request: null when it is not sampled, else the ids of the
     * application's current OpenTelemetry span as a {@link Wire.Trace} array (zeros when it has
     * none: the request's span starts a trace).
     */
    static long[] sample() {
        int p = percentage;
        if (p <= 0) {
            return null;
        }
        if (p < 100 && ThreadLocalRandom.current().nextInt(100) >= p) {
            return null;
        }
        return OtelParent.current();
    }
}
