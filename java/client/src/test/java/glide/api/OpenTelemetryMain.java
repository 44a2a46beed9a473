package glide.api;

import glide.api.models.Batch;
import glide.api.models.ClusterBatch;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.internal.TraceSampling;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link OpenTelemetryTest} in a JVM of its own (OpenTelemetry is initialised once per
 * process): {@code <traces endpoint> <metrics endpoint>}. Initialises OpenTelemetry at 100%; sends
 * each kind of request under its own command, so that the test can tell them apart: 10
 * GETs, a refused INCR, a pipeline and a transaction, a GET that times out, then 200 INCRs at 0%
 * and 3000 EXISTS at 1%, then at 100% again a GET and a pipeline inside a span of the
 * OpenTelemetry SDK; prints that span's ids as {@code PARENT <trace id> <span id>}. With a third
 * argument {@code cluster}, the same on a cluster client (a DEL, a pipeline, a scan). Then exports.
 */
public final class OpenTelemetryMain {
    public static void main(String[] args) throws Exception {
        OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
                .traces(OpenTelemetry.TracesConfig.builder().endpoint(args[0]).samplePercentage(100).build())
                .metrics(OpenTelemetry.MetricsConfig.builder().endpoint(args[1]).build())
                .flushIntervalMs(100L)
                .build());
        System.out.println("initialized " + OpenTelemetry.isInitialized() + " " + OpenTelemetry.getSamplePercentage());
        // Once initialised, init is ignored (a warning), even with a configuration it would refuse.
        OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
                .traces(OpenTelemetry.TracesConfig.builder().endpoint("wrong.endpoint").samplePercentage(5).build())
                .build());
        System.out.println("second init ignored " + OpenTelemetry.getSamplePercentage());
        try (RedisServer server = RedisServer.start();
                GlideClient client = GlideClient.createClient(GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                                .requestTimeout(200)
                                .build())
                        .get(10, TimeUnit.SECONDS)) {
            for (int i = 0; i < 10; i++) {
                client.get("k" + i).get(5, TimeUnit.SECONDS);
            }
            client.set("text", "not a number").get(5, TimeUnit.SECONDS);
            expectFailure(client.incr("text"), "refused INCR");
            client.exec(new Batch(false).get("a").get("b"), true).get(5, TimeUnit.SECONDS);
            client.exec(new Batch(true).set("a", "1").incr("a"), true).get(5, TimeUnit.SECONDS);
            // Every client paused for 400 ms: the next request outlives its 200 ms timeout.
            client.customCommand(new String[] {"CLIENT", "PAUSE", "400", "ALL"}).get(5, TimeUnit.SECONDS);
            expectFailure(client.get("paused"), "GET while paused");
            Thread.sleep(300);

            OpenTelemetry.setSamplePercentage(0);
            for (int i = 0; i < 200; i++) {
                client.incr("counter").get(5, TimeUnit.SECONDS);
            }
            OpenTelemetry.setSamplePercentage(1);
            List<CompletableFuture<Long>> exists = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                exists.add(client.exists(new String[] {"e" + i}));
                if (exists.size() == 100) {
                    for (CompletableFuture<Long> f : exists) {
                        f.get(5, TimeUnit.SECONDS);
                    }
                    exists.clear();
                }
            }
            OpenTelemetry.setSamplePercentage(100);

            SdkTracerProvider provider = SdkTracerProvider.builder().build();
            Tracer tracer = provider.get("glide-jni-test");
            Span request = tracer.spanBuilder("handle request").startSpan();
            try (Scope ignored = request.makeCurrent()) {
                client.get("inside").get(5, TimeUnit.SECONDS);
                client.exec(new Batch(false).get("x").set("y", "1"), true).get(5, TimeUnit.SECONDS);
            } finally {
                request.end();
            }
            System.out.println("PARENT " + request.getSpanContext().getTraceId() + " " + request.getSpanContext().getSpanId());
            System.out.println("statistics open " + client.getExtendedStatistics().get("otel_spans_open")
                    + " dropped " + client.getExtendedStatistics().get("otel_spans_dropped"));
            provider.close();
        }
        if (args.length > 2 && args[2].equals("cluster")) {
            cluster();
        }
        TraceSampling.flush();
        System.out.println("done");
    }

    /** On a cluster of 3 primaries: a DEL, a pipeline over two slots, and a cluster scan. */
    private static void cluster() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3, 0)) {
            RedisServer seed = cluster.nodes().get(0);
            try (GlideClusterClient client = GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                            .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                            .build())
                    .get(10, TimeUnit.SECONDS)) {
                client.del(new String[] {"cluster-key"}).get(5, TimeUnit.SECONDS);
                client.exec(new ClusterBatch(false).set("{a}x", "1").set("{b}y", "2"), true).get(5, TimeUnit.SECONDS);
                ClusterScanCursor cursor = ClusterScanCursor.initialCursor();
                int steps = 0;
                while (!cursor.isFinished()) {
                    Object[] result = client.scan(cursor).get(5, TimeUnit.SECONDS);
                    cursor.releaseCursorHandle();
                    cursor = (ClusterScanCursor) result[0];
                    steps++;
                }
                System.out.println("cluster scan steps " + steps);
            }
        }
    }

    private static void expectFailure(CompletableFuture<?> future, String what) throws Exception {
        try {
            future.get(5, TimeUnit.SECONDS);
            throw new AssertionError(what + " succeeded");
        } catch (ExecutionException expected) {
            System.out.println(what + ": " + expected.getCause().getClass().getSimpleName());
        }
    }
}
