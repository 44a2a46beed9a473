package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.ClosingException;
import glide.testutil.RedisServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code close()} while requests are in flight from blocked threads and callback chains: every
 * future completes, with its value or, once the client closes, with {@link ClosingException} and
 * no other class (a request whose connection went because of the close failed because of it).
 */
class CloseUnderLoadTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void everyRequestCutByCloseFailsWithClosingException() throws Exception {
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        AtomicLong succeeded = new AtomicLong();
        for (int round = 0; round < 40; round++) {
            GlideClient client = Clients.connect(server, round % 2 == 0 ? ProtocolVersion.RESP3 : ProtocolVersion.RESP2);
            CountDownLatch chainsDone = new CountDownLatch(32);
            // Callback chains: each completion issues the next request until one fails.
            for (int c = 0; c < 32; c++) {
                chain(client, "close:" + c, succeeded, failures, chainsDone);
            }
            // Threads blocked in get().
            Thread[] blocked = new Thread[4];
            for (int t = 0; t < blocked.length; t++) {
                String key = "close:t" + t;
                blocked[t] = new Thread(() -> {
                    while (true) {
                        try {
                            client.set(key, "v").get(10, TimeUnit.SECONDS);
                            succeeded.incrementAndGet();
                        } catch (java.util.concurrent.ExecutionException e) {
                            failures.computeIfAbsent(e.getCause().getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                            return;
                        } catch (Exception e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                            return;
                        }
                    }
                });
                blocked[t].start();
            }
            Thread.sleep(20 + (round % 5) * 10);
            client.close();
            assertTrue(chainsDone.await(10, TimeUnit.SECONDS), "a callback chain never ended: a future did not complete");
            for (Thread t : blocked) {
                t.join(10_000);
                assertTrue(!t.isAlive(), "a thread blocked in get() never returned");
            }
        }
        assertTrue(succeeded.get() > 1000, "the load ran: " + succeeded.get());
        assertEquals(Map.of("ClosingException", 40L * 36), snapshot(failures), "failures by class");
    }

    private static void chain(GlideClient client, String key, AtomicLong succeeded, Map<String, AtomicLong> failures,
            CountDownLatch done) {
        CompletableFuture<String> next;
        try {
            next = client.get(key);
        } catch (RuntimeException e) {
            failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            done.countDown();
            return;
        }
        next.whenComplete((value, error) -> {
            if (error != null) {
                failures.computeIfAbsent(error.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                done.countDown();
            } else {
                succeeded.incrementAndGet();
                chain(client, key, succeeded, failures, done);
            }
        });
    }

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
        Map<String, Long> out = new ConcurrentHashMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
