package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Commands sent while replies are due do not leave at once: they wait for the next reply, whose
 * reader (a thread blocked in {@code get()} or the connection's task) writes them all in one write
 * (and, over TLS, one record; see {@code connection.rs}, {@code send_many}); nobody is woken for
 * them. Under every mix of callers that
 * can be waiting at once (threads blocked in {@code get()}, which read the connection themselves,
 * and callback chains, which never block and send from the completer thread), no command may be
 * left behind: every request completes, with its own reply, long before its timeout.
 */
class WriteCoalescingLoadTest {
    /** Long enough that a command left waiting for a flush that never comes shows as a timeout. */
    private static final int REQUEST_TIMEOUT_MS = 5000;

    private static final int BLOCKED_THREADS = 16;
    private static final int CALLBACK_CHAINS = 64;
    private static final long RUN_MS = 3000;

    private static RedisServer tlsServer;
    private static RedisServer plaintextServer;

    @BeforeAll
    static void startServers() {
        tlsServer = RedisServer.startTls(RedisServer.Tls.valid());
        plaintextServer = RedisServer.start();
    }

    @AfterAll
    static void stopServers() {
        tlsServer.close();
        plaintextServer.close();
    }

    @Test
    @Timeout(60)
    void overTlsEveryCommandSentWhileRepliesAreDueLeavesAndGetsItsOwnReply() throws Exception {
        underLoad(Clients.await(GlideClient.createClient(TlsTest.tlsConfig(tlsServer, ProtocolVersion.RESP3, TlsTest.trustTestCa())
                .requestTimeout(REQUEST_TIMEOUT_MS)
                .build())));
    }

    @Test
    @Timeout(60)
    void inPlaintextEveryCommandSentWhileRepliesAreDueLeavesAndGetsItsOwnReply() throws Exception {
        underLoad(Clients.await(GlideClient.createClient(Clients.config(plaintextServer, ProtocolVersion.RESP3)
                .requestTimeout(REQUEST_TIMEOUT_MS)
                .build())));
    }

    private static void underLoad(GlideClient client) throws Exception {
        Map<String, Throwable> failures = new ConcurrentHashMap<>();
        AtomicLong completed = new AtomicLong();
        AtomicLong slowestNanos = new AtomicLong();
        long endAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RUN_MS);
        try (client) {
            // Callback chains: each SET's completion sends the GET that must read it back, and
            // that GET's completion the next SET; nothing blocks.
            CountDownLatch chainsDone = new CountDownLatch(CALLBACK_CHAINS);
            for (int c = 0; c < CALLBACK_CHAINS; c++) {
                new Chain(client, "tlsload:chain:" + c, endAt, failures, completed, slowestNanos, chainsDone).next(0);
            }
            // Threads blocked in get(): each one's reply may be read by itself or by another.
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < BLOCKED_THREADS; t++) {
                String key = "tlsload:thread:" + t;
                Thread thread = new Thread(() -> {
                    for (int i = 0; System.nanoTime() < endAt; i++) {
                        String value = value(key, i);
                        try {
                            long start = System.nanoTime();
                            assertEquals("OK", client.set(key, value).get(REQUEST_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS));
                            assertEquals(value, client.get(key).get(REQUEST_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS));
                            slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                            completed.addAndGet(2);
                        } catch (Throwable e) {
                            failures.putIfAbsent(key, e);
                            return;
                        }
                    }
                }, "tls-load-" + t);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertTrue(chainsDone.await(REQUEST_TIMEOUT_MS * 2L, TimeUnit.MILLISECONDS), "callback chains did not finish");
        }
        assertTrue(failures.isEmpty(), "requests failed: " + failures);
        // Proof that the load ran (thousands of requests were due at once), not a speed target.
        assertTrue(completed.get() > 1000, "only " + completed.get() + " requests completed");
        // Nothing waited anywhere near the request timeout for a flush.
        assertTrue(slowestNanos.get() < TimeUnit.MILLISECONDS.toNanos(REQUEST_TIMEOUT_MS / 2),
                "the slowest SET+GET took " + TimeUnit.NANOSECONDS.toMillis(slowestNanos.get()) + " ms");
    }

    private static final int[] SIZES = {16, 200, 1500, 5000};

    /** Distinct per key and step, of a few sizes (one record or several). */
    private static String value(String key, int step) {
        int size = SIZES[step % SIZES.length];
        StringBuilder value = new StringBuilder(size + key.length() + 12).append(key).append('#').append(step).append(':');
        while (value.length() < size) {
            value.append((char) ('a' + value.length() % 26));
        }
        return value.toString();
    }

    /** One callback chain: SET, then GET of the same key checked, then the next SET. */
    private static final class Chain {
        private final GlideClient client;
        private final String key;
        private final long endAt;
        private final Map<String, Throwable> failures;
        private final AtomicLong completed;
        private final AtomicLong slowestNanos;
        private final CountDownLatch done;

        Chain(GlideClient client, String key, long endAt, Map<String, Throwable> failures, AtomicLong completed,
                AtomicLong slowestNanos, CountDownLatch done) {
            this.client = client;
            this.key = key;
            this.endAt = endAt;
            this.failures = failures;
            this.completed = completed;
            this.slowestNanos = slowestNanos;
            this.done = done;
        }

        void next(int step) {
            if (System.nanoTime() >= endAt) {
                done.countDown();
                return;
            }
            String value = value(key, step);
            long start = System.nanoTime();
            CompletableFuture<String> get = client.set(key, value).thenCompose(ok -> {
                if (!"OK".equals(ok)) {
                    throw new AssertionError("SET " + key + " gave " + ok);
                }
                return client.get(key);
            });
            get.whenComplete((read, thrown) -> {
                Throwable error = thrown;
                if (error == null && !value.equals(read)) {
                    error = new AssertionError("GET " + key + " gave " + read + ", expected " + value);
                }
                if (error != null) {
                    failures.putIfAbsent(key, error);
                    done.countDown();
                    return;
                }
                slowestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                completed.addAndGet(2);
                next(step + 1);
            });
        }
    }
}
