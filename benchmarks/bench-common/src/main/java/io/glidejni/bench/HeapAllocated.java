package io.glidejni.bench;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;

/**
 * Bytes this JVM has allocated on the Java heap so far, all threads together, for heap bytes per
 * operation in {@link CallbacksDriver} (the callbacks and virtual-thread modes; the JMH suite has
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} instead). Read twice, at the ends of the
 * measurement window; two cheap calls, nothing runs in between.
 *
 * <p>The counters are HotSpot's per-thread allocation counters ({@code
 * com.sun.management.ThreadMXBean}): TLAB refills plus objects allocated outside a TLAB. They
 * count what was allocated, not what survived, and not native memory (a Rust core's buffers,
 * Netty's direct buffers). A virtual thread allocates through the carrier it is mounted on, so
 * the carriers' counters hold the virtual threads' allocations.
 *
 * <p>Two ways, the first that works ({@link #method()} says which):
 *
 * <ul>
 *   <li>{@code "total"}: {@code getTotalThreadAllocatedBytes()}, which also counts threads that
 *       ended (Java 21 and later; backported to 17 updates: 17.0.15 has it);
 *   <li>{@code "threads"}: {@code getThreadAllocatedBytes(long[])} summed over the threads alive
 *       at the moment of the read (older JDKs). Hazard: a thread that ends inside the window takes
 *       its bytes with it, so the difference undercounts; the benchmark's threads and the
 *       clients' I/O and completion threads live as long as the client, so it does not matter
 *       here.
 * </ul>
 *
 * <p>On a JVM without these counters (not HotSpot), {@link #bytes()} is -1 and no figure is
 * written; counters that are supported but switched off are switched on at class loading.
 */
final class HeapAllocated {
    private HeapAllocated() {}

    private static final com.sun.management.ThreadMXBean THREADS = threads();
    /** {@code getTotalThreadAllocatedBytes}, or null where the JDK lacks it (the suite compiles for 11). */
    private static final Method TOTAL = total();

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (!(t instanceof com.sun.management.ThreadMXBean)) {
            return null;
        }
        com.sun.management.ThreadMXBean s = (com.sun.management.ThreadMXBean) t;
        try {
            if (!s.isThreadAllocatedMemorySupported()) {
                return null;
            }
            if (!s.isThreadAllocatedMemoryEnabled()) {
                s.setThreadAllocatedMemoryEnabled(true);
            }
            return s;
        } catch (UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    private static Method total() {
        if (THREADS == null) {
            return null;
        }
        try {
            Method m = com.sun.management.ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes");
            Object v = m.invoke(THREADS);
            return v instanceof Long && (Long) v >= 0 ? m : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** "total", "threads" or "none": how {@link #bytes()} counts (see the class comment). */
    static String method() {
        return THREADS == null ? "none" : TOTAL != null ? "total" : "threads";
    }

    /** Heap bytes allocated by this JVM so far (see the class comment), or -1 if unknown. */
    static long bytes() {
        if (THREADS == null) {
            return -1;
        }
        if (TOTAL != null) {
            try {
                return (Long) TOTAL.invoke(THREADS);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return -1;
            }
        }
        long sum = 0;
        for (long b : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (b > 0) { // -1: the thread ended between the two calls
                sum += b;
            }
        }
        return sum;
    }
}
