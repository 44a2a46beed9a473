import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.LongAdder;

/**
 * The redis-rs A/B of issue 18 item 6: one program, compiled against the last glide-jni that used
 * the `redis` crate (commit afe1e00, whose API had get/set/mget and little else) and run against
 * that jar and today's. Threads blocked in get(), as a plain Java service does.
 *
 * <p>Usage: java -cp JAR:. RedisRsAb HOST PORT THREADS SECONDS WORKLOAD   (w1 | w2_16k)
 *
 * <p>w1: 80% GET (keys 0..9999, 80% of them present) / 20% SET of 100-byte values (the JMH suite's
 * W1); w2_16k: GET of one 16 KiB value. Prints one line: ops/s and process CPU per operation.
 */
public final class RedisRsAb {
    public static void main(String[] a) throws Exception {
        String host = a[0];
        int port = Integer.parseInt(a[1]);
        int threads = Integer.parseInt(a[2]);
        int seconds = Integer.parseInt(a[3]);
        String workload = a[4];
        GlideClient client = GlideClient.createClient(GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(port).build())
                .requestTimeout(5000)
                .inflightRequestsLimit(1000)
                .build()).get();
        byte[] value = new byte[100];
        java.util.Arrays.fill(value, (byte) 'v');
        GlideString[] keys = new GlideString[10_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = gs("ab:w1:" + i);
            if (i < 8_000) {
                client.set(keys[i], gs(value)).get();
            }
        }
        byte[] big = new byte[16 * 1024];
        java.util.Arrays.fill(big, (byte) 'b');
        GlideString bigKey = gs("ab:w2:16k");
        client.set(bigKey, gs(big)).get();

        LongAdder ops = new LongAdder();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int seed = t * 7919 + 1;
            workers[t] = new Thread(() -> {
                long x = seed;
                try {
                    while (!stop) {
                        x ^= x << 13; x ^= x >>> 7; x ^= x << 17; // xorshift
                        int r = (int) ((x >>> 1) % 100);
                        if (workload.equals("w2_16k")) {
                            if (client.get(bigKey).get().getBytes().length != big.length) throw new IllegalStateException();
                        } else {
                            GlideString key = keys[(int) ((x >>> 8) % keys.length)];
                            if (r < 80) client.get(key).get(); else client.set(key, gs(value)).get();
                        }
                        ops.increment();
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    System.exit(3);
                }
            });
            workers[t].start();
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(3000); // warm-up
        long ops0 = ops.sum(), cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long ops1 = ops.sum(), cpu1 = os.getProcessCpuTime(), t1 = System.nanoTime();
        stop = true;
        for (Thread w : workers) w.join();
        client.close();
        double n = ops1 - ops0;
        System.out.printf("%s threads=%d ops/s=%.0f cpu_us/op=%.2f%n",
                workload, threads, n * 1e9 / (t1 - t0), (cpu1 - cpu0) / 1e3 / n);
    }

    private static volatile boolean stop;
}
