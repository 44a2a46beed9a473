package glide.testutil;

import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * 10,000 mixed requests, 1 MB values among them, in windows of 64 in flight; then prints the
 * JVM's direct buffer pool. Run by MemoryTest in a plain child JVM (surefire's own fork channel
 * holds a direct buffer of its own) and in-process.
 */
public final class MixedWorkloadMain {
    public static void main(String[] args) throws Exception {
        run(args[0], Integer.parseInt(args[1]));
        BufferPoolMXBean direct = directPool();
        System.out.println("direct=" + direct.getCount() + "/" + direct.getMemoryUsed());
    }

    public static BufferPoolMXBean directPool() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                return pool;
            }
        }
        throw new AssertionError("no direct buffer pool MXBean");
    }

    /** Runs the workload; throws if any reply is wrong. Returns the number of requests. */
    public static int run(String host, int port) throws Exception {
        Random random = new Random(7);
        byte[] megabyte = new byte[1024 * 1024];
        random.nextBytes(megabyte);
        GlideClientConfiguration config =
                GlideClientConfiguration.builder()
                        .address(NodeAddress.builder().host(host).port(port).build())
                        .requestTimeout(5000)
                        .build();
        int requests = 0;
        try (GlideClient client = GlideClient.createClient(config).get(10, TimeUnit.SECONDS)) {
            List<CompletableFuture<?>> window = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                String k = "mix-" + (i % 500);
                switch (i % 10) {
                    case 0:
                        window.add(client.set(gs("big-" + (i % 7)), gs(megabyte)));
                        break;
                    case 1:
                        window.add(
                                client.get(gs("big-" + (i % 7)))
                                        .thenAccept(
                                                v -> {
                                                    if (v != null && !Arrays.equals(megabyte, v.getBytes())) {
                                                        throw new AssertionError("1 MB value corrupted");
                                                    }
                                                }));
                        break;
                    case 2:
                        window.add(client.hset("h-" + (i % 50), Map.of("f" + i, "v")));
                        break;
                    case 3:
                        window.add(client.hgetall("h-" + (i % 50)));
                        break;
                    case 4:
                        window.add(client.mget(new String[] {k, "mix-1", "mix-2"}));
                        break;
                    case 5:
                        window.add(client.incr("counter"));
                        break;
                    case 6:
                        window.add(client.lpush("list-" + (i % 20), new String[] {"e" + i}));
                        break;
                    case 7:
                        window.add(client.lrange("list-" + (i % 20), 0, 10));
                        break;
                    default:
                        window.add(client.set(k, "value-" + i));
                        break;
                }
                requests++;
                if (window.size() >= 64) {
                    drain(window);
                }
            }
            drain(window);
            GlideString last = client.get(gs("big-0")).get(10, TimeUnit.SECONDS);
            if (!Arrays.equals(megabyte, last.getBytes())) {
                throw new AssertionError("1 MB value corrupted");
            }
        }
        return requests;
    }

    private static void drain(List<CompletableFuture<?>> window) throws Exception {
        for (CompletableFuture<?> f : window) {
            f.get(30, TimeUnit.SECONDS);
        }
        window.clear();
    }
}
