import io.glidejni.bench.W1Mix;
import io.glidejni.bench.Workload;
import java.lang.management.ManagementFactory;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.function.*;

/** Scratch: patterns an outside benchmark of the non-blocking API might use. */
final class FanCore {
    static <K> void run(String name, String pattern, int threads, int depth, Function<byte[], K> wrap,
            Function<K, CompletableFuture<?>> get, BiFunction<K, K, CompletableFuture<?>> set) throws Exception {
        Object[] keys = new Object[Workload.W1_KEYS];
        for (int i = 0; i < keys.length; i++) keys[i] = wrap.apply(Workload.W1_KEY_BYTES[i]);
        K value = wrap.apply(Workload.SMALL_VALUE_BYTES);
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder ops = new LongAdder();
        Thread[] ts = new Thread[threads];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < threads; t++) {
            final int ti = t;
            ts[t] = new Thread(() -> {
                W1Mix mix = new W1Mix(ti);
                try {
                    switch (pattern) {
                        case "semaphore": { // bounded open loop: depth permits per thread
                            Semaphore sem = new Semaphore(depth);
                            while (!stop.get()) {
                                sem.acquire();
                                mix.next();
                                @SuppressWarnings("unchecked") K key = (K) keys[mix.keyIndex()];
                                CompletableFuture<?> f = mix.isGet() ? get.apply(key) : set.apply(key, value);
                                f.whenComplete((r, e) -> { ops.increment(); sem.release(); });
                            }
                            sem.acquire(depth);
                            break;
                        }
                        case "thenapply-join": { // blocking on a derived future
                            while (!stop.get()) {
                                mix.next();
                                @SuppressWarnings("unchecked") K key = (K) keys[mix.keyIndex()];
                                CompletableFuture<?> f = mix.isGet() ? get.apply(key) : set.apply(key, value);
                                f.thenApply(x -> x).join();
                                ops.increment();
                            }
                            break;
                        }
                        case "compose-async": { // each step hops to a pool (thenComposeAsync), depth chains per thread
                            CountDownLatch done = new CountDownLatch(depth);
                            for (int c = 0; c < depth; c++) {
                                W1Mix m = new W1Mix(ti * 1000 + c);
                                chainAsync(m, keys, value, get, set, stop, ops, pool, done);
                            }
                            done.await();
                            break;
                        }
                        default: throw new IllegalArgumentException(pattern);
                    }
                } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
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
        pool.shutdown();
        double rate = (o1 - o0) / ((t1 - t0) / 1e9);
        System.out.printf("RESULT %s %s T=%d D=%d: %,.0f ops/s cpu %.1f us/op%n", name, pattern, threads, depth, rate, (c1 - c0) / 1e3 / (o1 - o0));
    }

    @SuppressWarnings("unchecked")
    static <K> void chainAsync(W1Mix m, Object[] keys, K value, Function<K, CompletableFuture<?>> get, BiFunction<K, K, CompletableFuture<?>> set,
            AtomicBoolean stop, LongAdder ops, Executor pool, CountDownLatch done) {
        if (stop.get()) { done.countDown(); return; }
        m.next();
        K key = (K) keys[m.keyIndex()];
        CompletableFuture<?> f = m.isGet() ? get.apply(key) : set.apply(key, value);
        f.whenCompleteAsync((r, e) -> { ops.increment(); chainAsync(m, keys, value, get, set, stop, ops, pool, done); }, pool);
    }
}
