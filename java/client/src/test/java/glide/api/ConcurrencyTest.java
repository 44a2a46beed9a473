package glide.api;

import static glide.api.Clients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many threads blocking on their own futures at once: waiting threads take turns reading the
 * connection for each other (see GlideFuture), so every reply must still reach exactly its own
 * request.
 */
class ConcurrencyTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void blockingCallersOnManyThreadsEachGetTheirOwnReplies(ProtocolVersion protocol) throws Exception {
        int threads = 16;
        int rounds = 1500;
        try (GlideClient client = Clients.connect(server, protocol)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String key = "conc-" + protocol + "-" + t;
                    results.add(pool.submit(() -> {
                        int checked = 0;
                        for (int i = 0; i < rounds; i++) {
                            String value = key + ":" + i;
                            if (i % 3 == 0) {
                                // An async burst mixed in with the blocking calls.
                                CompletableFuture<String> a = client.set(key, value);
                                CompletableFuture<String> b = client.get(key);
                                assertEquals("OK", a.get(10, TimeUnit.SECONDS));
                                assertEquals(value, b.join());
                            } else {
                                assertEquals("OK", client.set(key, value).get());
                                assertEquals(value, client.get(key).get(10, TimeUnit.SECONDS));
                            }
                            checked++;
                        }
                        return checked;
                    }));
                }
                for (Future<Integer> r : results) {
                    assertEquals(rounds, r.get(120, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals("PONG", await(client.ping()));
        }
    }
}
