package glide.testutil;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM of Java 21+: which callers' replies {@code glide-completer} reads from the
 * socket itself ({@code replies_read_by_completer} in {@code getExtendedStatistics()}). Virtual
 * threads that wait in {@code get()} park and never read their replies, but the completer must
 * leave those to the runtime threads: it would otherwise take reading and completing on one
 * thread while their carriers idle. A platform thread that starts batches and joins them with
 * {@code allOf} (it never waits in {@code get()}) is one it reads for. Prints "OK" and exits 0
 * when the count grew for the batches, stayed put (but for a few first replies) for the virtual
 * threads that came next on the same connection, and grew again for the batches after them;
 * exits 1 otherwise.
 * Compiled for Java 11: virtual threads are started through reflection. Arguments: host port.
 */
public final class CompleterReadingMain {
    private static final int ROUNDS = 50;
    private static final int WIDTH = 16;

    private CompleterReadingMain() {}

    public static void main(String[] args) throws Exception {
        GlideClientConfiguration config = ChildJvm.config(args, 10_000);
        try (GlideClient client = GlideClient.createClient(config).get(10, TimeUnit.SECONDS)) {
            client.set("completer-reading", "x").get(10, TimeUnit.SECONDS);
            long first = readForBatches(client);
            // Past the completer's linger after the last batch (2 ms): the next requests are the
            // virtual threads'. The platform thread sent last: they must take the connection back.
            Thread.sleep(100);
            long virtual = readForVirtualThreads(client);
            long again = readForBatches(client);
            String counts = "replies read by the completer: a platform thread's batches " + first + " of " + ROUNDS * WIDTH
                    + ", then virtual threads' " + virtual + ", then the batches again " + again;
            // A few of the virtual threads' first replies may be read before their first request
            // has told the core (it does so right after writing it); reading for them for good
            // would be hundreds.
            if (first == 0 || virtual > WIDTH || again == 0) {
                System.out.println("FAILED: " + counts);
                System.exit(1);
            }
            System.out.println(counts);
            System.out.println("OK");
        }
        System.exit(0);
    }

    /** This (platform) thread sends batches and joins each with allOf, never in get(). */
    private static long readForBatches(GlideClient client) throws Exception {
        long before = readByCompleter(client);
        for (int round = 0; round < ROUNDS; round++) {
            CompletableFuture<?>[] batch = new CompletableFuture<?>[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                batch[i] = client.get("completer-reading");
            }
            CompletableFuture.allOf(batch).get(10, TimeUnit.SECONDS);
        }
        return readByCompleter(client) - before;
    }

    /** Four virtual threads, each request waited for in get(). */
    private static long readForVirtualThreads(GlideClient client) throws Exception {
        long before = readByCompleter(client);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            String key = "completer-reading:" + t;
            threads.add(ChildJvm.startVirtualThread(() -> {
                try {
                    for (int i = 0; i < ROUNDS * WIDTH / 4; i++) {
                        client.set(key, Integer.toString(i)).get();
                        client.get(key).get();
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(60_000);
            if (thread.isAlive()) {
                throw new IllegalStateException("a virtual thread did not finish in 60 s");
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("virtual threads failed: " + failures);
        }
        return readByCompleter(client) - before;
    }

    private static long readByCompleter(GlideClient client) {
        return Long.parseLong(client.getExtendedStatistics().get("replies_read_by_completer"));
    }
}
