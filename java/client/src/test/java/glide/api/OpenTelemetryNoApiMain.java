package glide.api;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.testutil.RedisServer;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link OpenTelemetryTest} in a JVM whose class path has no OpenTelemetry API: {@code
 * <traces endpoint>}. Traces every request and sends one GET; the application can have no
 * current span then, so the GET's span starts a trace of its own. Exits without flushing: the
 * shutdown hook exports it.
 */
public final class OpenTelemetryNoApiMain {
    public static void main(String[] args) throws Exception {
        OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
                .traces(OpenTelemetry.TracesConfig.builder().endpoint(args[0]).samplePercentage(100).build())
                .build());
        try (RedisServer server = RedisServer.start();
                GlideClient client = GlideClient.createClient(GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                                .build())
                        .get(10, TimeUnit.SECONDS)) {
            System.out.println("GET " + client.get("k").get(5, TimeUnit.SECONDS));
        }
        // No flush here: the default interval (5 s) has not passed, so the span reaches the file
        // only through the export at JVM exit.
        System.out.println("done");
    }
}
