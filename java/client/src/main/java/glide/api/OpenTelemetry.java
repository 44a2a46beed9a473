package glide.api;

import glide.api.logging.Logger;
import glide.api.models.exceptions.ConfigurationError;
import glide.internal.TraceSampling;
import java.util.concurrent.ThreadLocalRandom;

/**
 * OpenTelemetry for every client of the process: a span per command and per batch (database
 * semantic-convention attributes; the error on failure), and the client's counters (timeouts,
 * retries, {@code MOVED} redirects, subscriptions out of sync) as metrics. The native core
 * exports them, every {@code flushIntervalMs}, to a file ({@code file://}), an OTLP/HTTP
 * collector ({@code http://}, {@code https://}) or an OTLP/gRPC one ({@code grpc://}, without
 * TLS).
 *
 * <p>Initialise once, before or after creating clients; a second {@link #init} is ignored with
 * a warning. A fraction of requests is traced ({@link TracesConfig#getSamplePercentage}, 1% by
 * default, changeable at run time with {@link #setSamplePercentage}). When the application uses
 * the OpenTelemetry Java API and has a current span, a traced command's span is its child.
 *
 * <pre>{@code
 * OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
 *         .traces(OpenTelemetry.TracesConfig.builder()
 *                 .endpoint("http://localhost:4318/v1/traces").samplePercentage(10).build())
 *         .metrics(OpenTelemetry.MetricsConfig.builder()
 *                 .endpoint("http://localhost:4318/v1/metrics").build())
 *         .flushIntervalMs(1000L)
 *         .build());
 * }</pre>
 */
public class OpenTelemetry {
    private static final String LOG_IDENTIFIER = "GlideOpenTelemetry";
    private static final long DEFAULT_FLUSH_INTERVAL_MS = 5000L;
    private static final int DEFAULT_SAMPLE_PERCENTAGE = 1;

    /** Set once {@link #init} succeeded. */
    private static volatile boolean initialized = false;

    /**
     * The configuration {@link #init} was last given (also when it refused it, as in valkey-glide,
     * so that {@link #getSamplePercentage} reports what was asked for).
     */
    private static volatile OpenTelemetryConfig config = null;

    /** Traces and metrics settings, and how often they are exported. */
    public static class OpenTelemetryConfig {
        private TracesConfig traces;
        private MetricsConfig metrics;
        private Long flushIntervalMs;

        public static Builder builder() {
            return new Builder();
        }

        /** Builds an {@link OpenTelemetryConfig}; {@code flushIntervalMs} defaults to 5000. */
        public static class Builder {
            private TracesConfig traces;
            private MetricsConfig metrics;
            private Long flushIntervalMs = DEFAULT_FLUSH_INTERVAL_MS;

            /** Where spans go; null: no spans. */
            public Builder traces(TracesConfig traces) {
                this.traces = traces == null ? null : traces.copy();
                return this;
            }

            /** Where metrics go; null: no metrics. */
            public Builder metrics(MetricsConfig metrics) {
                this.metrics = metrics == null ? null : metrics.copy();
                return this;
            }

            /** Milliseconds between exports; must be positive (checked by {@link #init}). */
            public Builder flushIntervalMs(Long flushIntervalMs) {
                this.flushIntervalMs = flushIntervalMs;
                return this;
            }

            public OpenTelemetryConfig build() {
                OpenTelemetryConfig built = new OpenTelemetryConfig();
                built.traces = traces == null ? null : traces.copy();
                built.metrics = metrics == null ? null : metrics.copy();
                built.flushIntervalMs = flushIntervalMs;
                return built;
            }
        }

        /** A copy of the traces settings, or null. */
        public TracesConfig getTraces() {
            return traces == null ? null : traces.copy();
        }

        /** A copy of the metrics settings, or null. */
        public MetricsConfig getMetrics() {
            return metrics == null ? null : metrics.copy();
        }

        public Long getFlushIntervalMs() {
            return flushIntervalMs;
        }
    }

    /** Where spans go, and which percentage of requests gets one. */
    public static class TracesConfig {
        private String endpoint;
        private Integer samplePercentage;

        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link TracesConfig}; {@code samplePercentage} defaults to 1. */
        public static class Builder {
            private String endpoint;
            private Integer samplePercentage = DEFAULT_SAMPLE_PERCENTAGE;

            /**
             * {@code http://host:port/path} or {@code https://...} (an OTLP/HTTP collector, e.g.
             * {@code http://localhost:4318/v1/traces}), {@code grpc://host:port} (OTLP/gRPC, e.g.
             * {@code grpc://localhost:4317}), or {@code file:///path} (JSON lines; a directory or
             * a name without extension gets {@code signals.json}).
             */
            public Builder endpoint(String endpoint) {
                this.endpoint = endpoint;
                return this;
            }

            /** 0-100: the percentage of requests traced (checked by {@link #init}). */
            public Builder samplePercentage(Integer samplePercentage) {
                this.samplePercentage = samplePercentage;
                return this;
            }

            public TracesConfig build() {
                TracesConfig built = new TracesConfig();
                built.endpoint = endpoint;
                built.samplePercentage = samplePercentage;
                return built;
            }
        }

        public String getEndpoint() {
            return endpoint;
        }

        public Integer getSamplePercentage() {
            return samplePercentage;
        }

        void setSamplePercentage(Integer samplePercentage) {
            if (samplePercentage == null || samplePercentage < 0 || samplePercentage > 100) {
                throw new ConfigurationError("Sample percentage must be between 0 and 100");
            }
            this.samplePercentage = samplePercentage;
        }

        TracesConfig copy() {
            TracesConfig copy = new TracesConfig();
            copy.endpoint = endpoint;
            copy.samplePercentage = samplePercentage;
            return copy;
        }
    }

    /** Where metrics go. */
    public static class MetricsConfig {
        private String endpoint;

        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link MetricsConfig}. */
        public static class Builder {
            private String endpoint;

            /** As {@link TracesConfig.Builder#endpoint}; the OTLP path is {@code /v1/metrics}. */
            public Builder endpoint(String endpoint) {
                this.endpoint = endpoint;
                return this;
            }

            public MetricsConfig build() {
                MetricsConfig built = new MetricsConfig();
                built.endpoint = endpoint;
                return built;
            }
        }

        public String getEndpoint() {
            return endpoint;
        }

        MetricsConfig copy() {
            MetricsConfig copy = new MetricsConfig();
            copy.endpoint = endpoint;
            return copy;
        }
    }

    /**
     * Initialises OpenTelemetry for the process; later calls are ignored (with a warning).
     *
     * @throws ConfigurationError when neither traces nor metrics are given
     * @throws Exception (a checked {@code java.lang.Exception}, as valkey-glide throws) when an
     *     endpoint cannot be parsed or its directory does not exist, {@code flushIntervalMs} is
     *     not positive, or the sample percentage is outside 0-100
     */
    public static synchronized void init(OpenTelemetryConfig openTelemetryConfig) {
        if (initialized) {
            Logger.log(Logger.Level.WARN, LOG_IDENTIFIER, "OpenTelemetry already initialized");
            return;
        }
        config = openTelemetryConfig;
        TracesConfig traces = openTelemetryConfig.getTraces();
        MetricsConfig metrics = openTelemetryConfig.getMetrics();
        if (traces == null && metrics == null) {
            throw new ConfigurationError("At least one of traces or metrics must be provided");
        }
        String tracesEndpoint = traces == null ? null : traces.getEndpoint();
        int percentage = traces == null || traces.getSamplePercentage() == null ? -1 : traces.getSamplePercentage();
        Long flush = openTelemetryConfig.getFlushIntervalMs();
        TraceSampling.init(
                tracesEndpoint,
                percentage,
                metrics == null ? null : metrics.getEndpoint(),
                flush == null ? DEFAULT_FLUSH_INTERVAL_MS : flush);
        initialized = true;
        TraceSampling.setPercentage(tracesEndpoint == null ? -1 : percentage);
        Logger.log(Logger.Level.INFO, LOG_IDENTIFIER, "OpenTelemetry initialized");
    }

    /** Whether {@link #init} succeeded. */
    public static boolean isInitialized() {
        return initialized;
    }

    /** The percentage of requests traced, or null when no traces are configured. */
    public static Integer getSamplePercentage() {
        OpenTelemetryConfig current = config;
        return current == null || current.traces == null ? null : current.traces.getSamplePercentage();
    }

    /**
     * Draws whether one request would be traced now: false until initialised or without
     * traces. (Clients draw for each request themselves; this is for the application's use.)
     */
    public static boolean shouldSample() {
        Integer percentage = getSamplePercentage();
        return isInitialized()
                && percentage != null
                && ThreadLocalRandom.current().nextDouble() * 100 < percentage;
    }

    /**
     * Traces {@code percentage} percent of requests from now on (0: none, 100: all).
     *
     * @throws ConfigurationError when no traces are configured, or {@code percentage} is outside
     *     0-100
     */
    public static void setSamplePercentage(int percentage) {
        // The class's lock, as init's: a change cannot interleave with an init.
        synchronized (OpenTelemetry.class) {
            OpenTelemetryConfig current = config;
            if (current == null || current.traces == null) {
                throw new ConfigurationError("OpenTelemetry config traces not initialized");
            }
            TracesConfig updated = current.traces.copy();
            updated.setSamplePercentage(percentage);
            current.traces = updated;
            if (initialized && updated.getEndpoint() != null) {
                TraceSampling.setPercentage(percentage);
            }
        }
    }
}
