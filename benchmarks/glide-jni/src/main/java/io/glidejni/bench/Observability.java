package io.glidejni.bench;

import glide.api.OpenTelemetry;
import glide.api.logging.Logger;

/**
 * Turns on glide-jni's logging and tracing from system properties, before the first client, so
 * that their cost can be measured against the same benchmark without them (issue 17):
 *
 * <ul>
 *   <li>{@code -Dbench.log=LEVEL} ({@code OFF}, {@code ERROR}, {@code WARN}, {@code INFO},
 *       {@code DEBUG}, {@code TRACE}): {@code Logger.init(level, file)}, lines to
 *       {@code -Dbench.log.file} (default {@code /tmp/glide-bench-logs/bench.log}), never to
 *       stdout, which carries the drivers' results. Without it the client logs through the JVM's
 *       logging, WARN and above, as an application that never calls {@code Logger} gets.
 *   <li>{@code -Dbench.otel.percent=P} (0 to 100): {@code OpenTelemetry.init} with spans sampled
 *       at P% to the file exporter ({@code -Dbench.otel.file}, default
 *       {@code /tmp/glide-bench-spans.json}), and metrics to {@code -Dbench.otel.metrics.file}
 *       (default {@code /tmp/glide-bench-metrics.json}).
 * </ul>
 */
final class Observability {
    private static boolean configured;

    private Observability() {}

    static synchronized void configureFromProperties() {
        if (configured) {
            return;
        }
        configured = true;
        String level = System.getProperty("bench.log");
        if (level != null) {
            String file = System.getProperty("bench.log.file", "/tmp/glide-bench-logs/bench.log");
            Logger.init(Logger.Level.valueOf(level), file);
        }
        String percent = System.getProperty("bench.otel.percent");
        if (percent != null) {
            String endpoint = "file://" + System.getProperty("bench.otel.file", "/tmp/glide-bench-spans.json");
            OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
                    .traces(OpenTelemetry.TracesConfig.builder()
                            .endpoint(endpoint)
                            .samplePercentage(Integer.parseInt(percent))
                            .build())
                    .metrics(OpenTelemetry.MetricsConfig.builder()
                            .endpoint("file://" + System.getProperty("bench.otel.metrics.file", "/tmp/glide-bench-metrics.json"))
                            .build())
                    .build());
        }
    }
}
