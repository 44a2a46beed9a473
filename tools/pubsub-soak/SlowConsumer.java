import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.PubSubOverflowPolicy;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A slow consumer under a flood, watched from outside the client: a subscriber whose callback
 * sleeps, another process (redis-benchmark) publishing far more than the backlog bound, RSS
 * (/proc/self/status) and the client's statistics sampled all along. (A publisher in this process
 * would add its own buffers to the RSS measured.) Then the server is killed and restarted by the caller
 * (run.sh) and delivery must resume. Prints one line per phase; exits 1 if a check fails.
 *
 * <p>Args: host port megabytes boundMegabytes restartCommandFile
 */
public class SlowConsumer {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long megabytes = Long.parseLong(args[2]);
        long bound = Long.parseLong(args[3]) << 20;
        Path restartSignal = Path.of(args[4]);
        int size = 10_000;
        long published = megabytes * 1_000_000 / size;

        AtomicLong delivered = new AtomicLong();
        CountDownLatch slow = new CountDownLatch(1);
        boolean[] slowMode = {true};
        StandaloneSubscriptionConfiguration subscriptions = StandaloneSubscriptionConfiguration.builder()
                .subscription(PubSubChannelMode.EXACT, gs("flood"))
                .backlogLimitBytes(bound)
                .overflowPolicy(PubSubOverflowPolicy.DROP_OLDEST)
                .callback((message, context) -> {
                    try {
                        if (slow.getCount() > 0 && slowMode[0]) {
                            Thread.sleep(5); // 200 messages/s at most while the flood lasts
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    delivered.incrementAndGet();
                })
                .build();
        NodeAddress address = NodeAddress.builder().host(host).port(port).build();
        GlideClient sub = GlideClient.createClient(GlideClientConfiguration.builder().address(address)
                .protocol(ProtocolVersion.RESP3).requestTimeout(5000).subscriptionConfiguration(subscriptions).build()).get();
        GlideClient pub = GlideClient.createClient(GlideClientConfiguration.builder().address(address)
                .requestTimeout(5000).build()).get();
        while (pub.pubsubNumSub(new String[] {"flood"}).get().get("flood") < 1) {
            Thread.sleep(10);
        }
        System.gc();
        Thread.sleep(500);
        long rssStart = rss();
        // A first flood of the same size warms the JIT, the allocator and the buffers up: what
        // the second one adds to RSS is the client's, not the JVM compiling its code. The floods
        // come from another process (redis-benchmark): a publisher in this one would add its
        // own buffers to the RSS measured.
        publish(port, published, size);
        while (stat(sub, "pubsub_messages_received") < published) {
            Thread.sleep(20);
        }
        slowMode[0] = false; // drain it
        while (stat(sub, "pubsub_backlog_messages") > 0) {
            Thread.sleep(20);
        }
        slowMode[0] = true;
        long receivedBase = stat(sub, "pubsub_messages_received");
        long droppedBase = stat(sub, "pubsub_messages_dropped");
        delivered.set(0);
        System.gc();
        Thread.sleep(2500); // (freed native memory is given back after a quiet second)
        long rssBefore = rss();
        long nativeBefore = stat(sub, "native_bytes_in_use");
        long[] peaks = {Math.max(rssBefore, rssStart), 0, nativeBefore}; // RSS, backlog bytes, native bytes
        long start = System.nanoTime();
        Thread watcher = new Thread(() -> {
            // RSS and the backlog, sampled while the flood lasts.
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peaks[0] = Math.max(peaks[0], rss());
                    peaks[1] = Math.max(peaks[1], stat(sub, "pubsub_backlog_bytes"));
                    peaks[2] = Math.max(peaks[2], stat(sub, "native_bytes_in_use"));
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        publish(port, published, size);
        double seconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.currentTimeMillis() + 30_000;
        while (stat(sub, "pubsub_messages_received") - receivedBase < published && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100);
        watcher.interrupt();
        watcher.join();
        long peakRss = peaks[0];
        long peakBacklog = peaks[1];
        long peakNative = peaks[2];
        slow.countDown(); // the consumer catches up now
        deadline = System.currentTimeMillis() + 60_000;
        while (delivered.get() + stat(sub, "pubsub_messages_dropped") - droppedBase < published && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        long dropped = stat(sub, "pubsub_messages_dropped") - droppedBase;
        boolean ok = true;
        System.out.printf("FLOOD: published %d x %d B (%d MB) in %.1f s, bound %d MiB: peak backlog %.1f MiB, "
                        + "native bytes in use %.1f MiB before, peak %.1f MiB; RSS %d MiB at the start, %d MiB after a "
                        + "first flood, peak %d MiB (+%d MiB from the start); delivered %d, dropped %d, "
                        + "delivered+dropped=%d%n",
                published, size, megabytes, seconds, bound >> 20, peakBacklog / 1048576.0, nativeBefore / 1048576.0,
                peakNative / 1048576.0, rssStart >> 20, rssBefore >> 20, peakRss >> 20, (peakRss - rssStart) >> 20,
                delivered.get(), dropped, delivered.get() + dropped);
        ok &= check(peakBacklog <= bound, "the backlog never exceeded its bound");
        ok &= check(delivered.get() + dropped == published, "delivered + dropped = published");
        ok &= check(peakRss - rssStart <= bound + (bound >> 2) + (8L << 20),
                "RSS grew (over both floods) by at most the bound + 25% + 8 MiB");

        // The server is killed and restarted (by run.sh, which waits for this file).
        long confirmedBefore = stat(sub, "pubsub_subscriptions_last_confirmed_ms");
        Files.writeString(restartSignal, "restart\n");
        while (Files.exists(restartSignal)) {
            Thread.sleep(50);
        }
        long deliveredBefore = delivered.get();
        deadline = System.currentTimeMillis() + 30_000;
        boolean resumed = false;
        while (!resumed && System.currentTimeMillis() < deadline) {
            try {
                pub.publish("after the restart", "flood").get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the publisher reconnects too
            }
            Thread.sleep(100);
            resumed = delivered.get() > deliveredBefore;
        }
        System.out.printf("RESTART: delivery resumed: %s; subscriptions confirmed again: %s%n", resumed,
                stat(sub, "pubsub_subscriptions_last_confirmed_ms") > confirmedBefore);
        ok &= check(resumed, "delivery resumed after the restart");
        Map<String, String> stats = sub.getExtendedStatistics();
        System.out.println("STATISTICS: " + stats);
        sub.close();
        pub.close();
        System.exit(ok ? 0 : 1);
    }

    /** Publishes {@code count} messages of {@code size} bytes from another process (redis-benchmark). */
    private static void publish(int port, long count, int size) throws Exception {
        Process p = new ProcessBuilder("redis-benchmark", "-p", String.valueOf(port), "-n", String.valueOf(count),
                        "-P", "100", "-c", "1", "-q", "PUBLISH", "flood", "x".repeat(size))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("redis-benchmark failed");
        }
    }

    private static boolean check(boolean condition, String what) {
        System.out.println((condition ? "OK   " : "FAIL ") + what);
        return condition;
    }

    private static long stat(GlideClient client, String name) {
        return Long.parseLong(client.getExtendedStatistics().get(name));
    }

    /** Resident set size of this process, in bytes. */
    private static long rss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
