package glide.api;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.RedisServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Test helpers: configurations for a test server and waiting on futures. */
final class Clients {
    private Clients() {}

    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> config(
            RedisServer server, ProtocolVersion protocol) {
        return GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                .protocol(protocol);
    }

    static GlideClient connect(RedisServer server, ProtocolVersion protocol) throws Exception {
        return await(GlideClient.createClient(config(server, protocol).build()));
    }

    /** The future's value; fails the test if it takes more than 20 s (no hung futures). */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    /** The cause a future failed with; fails the test if it succeeded. */
    static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            Object value = future.get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
