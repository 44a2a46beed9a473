import io.glidejni.bench.W1Mix;
import io.glidejni.bench.Workload;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Fan-out: T platform threads, each issuing B async W1 requests, then allOf(...).join(), repeated. */
final class FanCore {
    static <K> void run(String name, int threads, int batch, Function<byte[], K> wrap,
            Function<K, CompletableFuture<?>> get, BiFunction<K, K, CompletableFuture<?>> set) throws Exception {
        Object[] keys = new Object[Workload.W1_KEYS];
        for (int i = 0; i < keys.length; i++) keys[i] = wrap.apply(Workload.W1_KEY_BYTES[i]);
        K value = wrap.apply(Workload.SMALL_VALUE_BYTES);
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder ops = new LongAdder();
        Thread[] ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            final int ti = t;
            ts[t] = new Thread(() -> {
                W1Mix mix = new W1Mix(ti);
                CompletableFuture<?>[] fs = new CompletableFuture<?>[batch];
                while (!stop.get()) {
                    for (int i = 0; i < batch; i++) {
                        mix.next();
                        @SuppressWarnings("unchecked") K key = (K) keys[mix.keyIndex()];
                        fs[i] = mix.isGet() ? get.apply(key) : set.apply(key, value);
                    }
                    CompletableFuture.allOf(fs).join();
                    ops.add(batch);
                }
            });
            ts[t].start();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(3000);
        long o0 = ops.sum(), c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread.sleep(6000);
        long o1 = ops.sum(), c1 = os.getProcessCpuTime(), t1 = System.nanoTime();
        stop.set(true);
        for (Thread t : ts) t.join();
        double rate = (o1 - o0) / ((t1 - t0) / 1e9);
        System.out.printf("%s fanout T=%d B=%d: %,.0f ops/s cpu %.1f us/op%n", name, threads, batch, rate, (c1 - c0) / 1e3 / (o1 - o0));
    }
}
