package glide.api;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.testutil.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link OpenTelemetryTest} in a JVM of its own: {@code <span file>}. Traces every request
 * with a flush interval of ten minutes, sends 6,000 PINGs (more than half the buffer of ended
 * spans, less than all of it: none can be dropped), and waits for the span file to fill without
 * flushing: the export thread must write the spans when the buffer is half full, not at the end
 * of its interval. Prints {@code exported <lines> in <ms> ms, dropped <n>}.
 */
public final class OpenTelemetryBurstMain {
    public static void main(String[] args) throws Exception {
        Path spanFile = Paths.get(args[0]);
        OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
                .traces(OpenTelemetry.TracesConfig.builder().endpoint("file://" + spanFile).samplePercentage(100).build())
                .flushIntervalMs(600_000L)
                .build());
        try (RedisServer server = RedisServer.start();
                GlideClient client = GlideClient.createClient(GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                                .build())
                        .get(10, TimeUnit.SECONDS)) {
            // 500 at a time: the client's inflight limit is 1000.
            for (int sent = 0; sent < 6_000; sent += 500) {
                List<CompletableFuture<String>> pings = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    pings.add(client.ping());
                }
                CompletableFuture.allOf(pings.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
            }
            long started = System.nanoTime();
            long lines = 0;
            while (lines < 4_096 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(20);
                lines = Files.exists(spanFile) ? Files.lines(spanFile).count() : 0;
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            String dropped = glide.internal.Statistics.extended().get("otel_spans_dropped");
            System.out.println("exported " + lines + " in " + ms + " ms, dropped " + dropped);
        }
        System.out.println("done");
    }
}
