package glide.testutil;

import glide.api.GlideClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run in a child JVM of Java 21+: a runtime thread that reads a virtual thread's reply hands it
 * straight to that parked thread (the {@code replies_handed_to_parked_threads} statistic), in a
 * process where a platform thread's callbacks chain requests at the same time, and every reply
 * still reaches the right request. The runtime threads attached to the JVM for this are daemons:
 * this program returns from {@code main} without {@code System.exit} and with a client still
 * open, and its JVM must end anyway. Then virtual threads abandon their waits while replies are
 * handed to them: nothing is lost, delivered twice or leaked. Prints "OK" when everything held; exits 1 otherwise.
 * Arguments: host port.
 */
public final class ParkedHandOffMain {
    private ParkedHandOffMain() {}

    private static final int VIRTUAL_THREADS = 200;
    private static final int ROUNDS = 50;
    private static final int CHAINED = 2_000;

    public static void main(String[] args) throws Exception {
        GlideClient client = GlideClient.createClient(ChildJvm.config(args, 10_000)).get(10, TimeUnit.SECONDS);
        AtomicInteger wrong = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        // A platform thread's callbacks chain requests meanwhile: their completions are not for
        // parked threads and must still arrive (through the completer).
        CompletableFuture<Integer> chain = chainFrom(client, 0, wrong);

        CountDownLatch done = new CountDownLatch(VIRTUAL_THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < VIRTUAL_THREADS; t++) {
            int me = t;
            threads.add(ChildJvm.startVirtualThread(() -> {
                try {
                    for (int r = 0; r < ROUNDS; r++) {
                        String key = "parked:" + me;
                        String value = me + ":" + r;
                        client.set(key, value).get();
                        if (!value.equals(client.get(key).get())) {
                            wrong.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }));
        }
        boolean finished = done.await(60, TimeUnit.SECONDS);
        int chained = chain.get(60, TimeUnit.SECONDS);
        Map<String, String> stats = client.getExtendedStatistics();
        long handed = Long.parseLong(stats.get("replies_handed_to_parked_threads"));
        List<String> runtimeThreads = new ArrayList<>();
        boolean allDaemons = true;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("glide-worker-")) {
                runtimeThreads.add(thread.getName());
                allDaemons &= thread.isDaemon();
            }
        }
        String problem = null;
        if (!finished || failure.get() != null) {
            problem = "virtual threads did not finish in 60 s or failed: " + failure.get();
        } else if (wrong.get() != 0) {
            problem = wrong.get() + " replies reached the wrong request";
        } else if (chained != CHAINED) {
            problem = "the callback chain ran " + chained + " requests, not " + CHAINED;
        } else if (handed < VIRTUAL_THREADS) {
            // 20,000 requests of parked virtual threads: nearly all are handed over, and at least
            // one per thread is a loose floor that fails only if the path is not taken at all.
            problem = "only " + handed + " completions were handed to parked threads";
        } else if (runtimeThreads.isEmpty() || !allDaemons) {
            problem = "attached runtime threads " + runtimeThreads + ", all daemons: " + allDaemons;
        }
        if (problem == null) {
            problem = abandonedWaits(client);
        }
        if (problem != null) {
            System.out.println("FAILED: " + problem);
            System.exit(1);
        }
        System.out.println("OK: " + handed + " completions handed to parked threads by " + runtimeThreads);
        // No System.exit and the client left open: the attached runtime threads must not keep
        // the JVM alive.
    }

    /**
     * Virtual threads that stop waiting (a 20 µs timeout) while their replies are being handed
     * to them, and then wait again: each reply is delivered by whichever side gets it, exactly
     * once. Afterwards
     * no request is pending and the native allocations are back where they were (20,000 replies,
     * each a native allocation until delivered: a reply lost or freed twice shows here, or
     * crashes). Returns what went wrong, or null.
     */
    private static String abandonedWaits(GlideClient client) throws Exception {
        client.set("parked:abandoned", "x".repeat(100)).get();
        long allocationsBefore = Long.parseLong(client.getExtendedStatistics().get("native_allocations"));
        int threads = 100;
        int rounds = 200;
        AtomicInteger timedOut = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<CompletableFuture<String>> all = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            ChildJvm.startVirtualThread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        CompletableFuture<String> reply = client.get("parked:abandoned");
                        all.add(reply);
                        try {
                            reply.get(20, TimeUnit.MICROSECONDS);
                        } catch (java.util.concurrent.TimeoutException e) {
                            timedOut.incrementAndGet();
                            // Waits again (so that at most one request per thread is in flight).
                            reply.get();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            });
        }
        if (!done.await(60, TimeUnit.SECONDS) || failure.get() != null) {
            return "abandoning virtual threads did not finish in 60 s or failed: " + failure.get();
        }
        for (CompletableFuture<String> reply : all) {
            String value = reply.get(10, TimeUnit.SECONDS);
            if (value.length() != 100) {
                return "an abandoned wait's reply was " + value;
            }
        }
        Map<String, String> stats = client.getExtendedStatistics();
        long pending = Long.parseLong(stats.get("pending_requests"));
        long allocationsAfter = Long.parseLong(stats.get("native_allocations"));
        // Connection buffers may be resized meanwhile: a few allocations either way.
        if (pending != 0 || Math.abs(allocationsAfter - allocationsBefore) > 64) {
            return "after " + all.size() + " replies (" + timedOut.get() + " waits abandoned): " + pending
                    + " requests pending, native allocations " + allocationsBefore + " -> " + allocationsAfter;
        }
        System.out.println("abandoned waits: " + timedOut.get() + " of " + all.size());
        return null;
    }

    /** Chains {@link #CHAINED} SET/GET pairs, each started from the previous one's callback. */
    private static CompletableFuture<Integer> chainFrom(GlideClient client, int n, AtomicInteger wrong) {
        if (n == CHAINED) {
            return CompletableFuture.completedFuture(n);
        }
        String value = "chain:" + n;
        return client.set("parked:chain", value)
                .thenCompose(ok -> client.get("parked:chain"))
                .thenCompose(got -> {
                    if (!value.equals(got)) {
                        wrong.incrementAndGet();
                    }
                    return chainFrom(client, n + 1, wrong);
                });
    }
}
