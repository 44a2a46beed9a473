package memprofile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The profile itself. Prints one JSON object per line on stdout for each checkpoint:
 *
 * <ol>
 *   <li>{@code baseline}: no class of the client library loaded yet;
 *   <li>{@code idle_1}, {@code idle_100}, {@code idle_1000}: that many idle clients (created one
 *       after the other, each with one connection and one PING done);
 *   <li>{@code idle_closed_gc}: the 1,000 closed, then GC (a leak check);
 *   <li>{@code w2_512k_100_inflight}: one client, 100 threads each with one GET of the 512 KB key
 *       outstanding at all times, taken half-way through the load;
 *   <li>{@code after_load_gc}: the load stopped (its client still open), then GC.
 * </ol>
 *
 * <p>Arguments: {@code host port [key]}. System properties: {@code memprofile.idle} (1000),
 * {@code memprofile.inflight} (100), {@code memprofile.loadMillis} (5000); {@code memprofile.tls}
 * and {@code memprofile.caFile} for the TLS mode (see {@link Tls}). Every line says which mode
 * ran ({@code "tls": true|false}).
 */
public final class Profiler {
    /** Pause between the end of the load and the "after" checkpoint. */
    private static final long SETTLE_AFTER_LOAD_MS = 3000;

    private final Driver driver;
    private final long start = System.nanoTime();

    private Profiler(Driver driver) {
        this.driver = driver;
    }

    public static void run(String[] args, String client, String driverClass) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 6379;
        byte[] key = (args.length > 2 ? args[2] : "w2:512k").getBytes(StandardCharsets.UTF_8);
        int idleMax = Integer.getInteger("memprofile.idle", 1000);
        int inflight = Integer.getInteger("memprofile.inflight", 100);
        long loadMillis = Long.getLong("memprofile.loadMillis", 5000);

        // One jcmd before the baseline: the first attach starts the JVM's "Attach Listener"
        // thread, which then exists in every checkpoint alike.
        Probe.nmtCommitted();
        Probe.fullGc();
        emit(baseline(client));

        Driver d = (Driver) Class.forName(driverClass).getDeclaredConstructor().newInstance();
        Profiler p = new Profiler(d);
        p.idlePhase(host, port, idleMax);
        p.loadPhase(host, port, key, inflight, loadMillis);
        d.shutdown();
        System.out.flush();
        System.exit(0); // some libraries keep non-daemon threads after close
    }

    /** The baseline line: the driver class is not loaded yet, so the client's name comes from Main. */
    private static Map<String, Object> baseline(String client) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", client);
        m.put("label", "baseline");
        m.put("description", "before any client class is touched");
        m.put("idle_clients", 0);
        m.put("tls", Tls.enabled());
        measure(m, Map.of());
        return m;
    }

    /**
     * Idle clients are measured once they have been idle for this long: glide-jni keeps a
     * connection's read buffers until a whole second passed with nothing received (16 KiB, over
     * TLS 80 KiB), so the clients just created would otherwise be counted as in use. Every
     * library gets the same pause.
     */
    private static final long IDLE_SETTLE_MS = 2500;

    private void idlePhase(String host, int port, int idleMax) throws Exception {
        List<Object> idle = new ArrayList<>(idleMax);
        int[] marks = {1, 100, 1000};
        long t0 = System.nanoTime();
        for (int mark : marks) {
            if (mark > idleMax) break;
            while (idle.size() < mark) {
                idle.add(driver.openIdle(host, port));
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("create_ms_total", (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(IDLE_SETTLE_MS);
            checkpoint("idle_" + mark, mark + " idle client" + (mark == 1 ? "" : "s"), mark, extra);
        }
        if (idle.size() < idleMax) {
            while (idle.size() < idleMax) idle.add(driver.openIdle(host, port));
            Thread.sleep(IDLE_SETTLE_MS);
            checkpoint("idle_" + idleMax, idleMax + " idle clients", idleMax, Map.of());
        }
        for (Object c : idle) {
            driver.close(c);
        }
        idle.clear();
        Probe.fullGc();
        checkpoint("idle_closed_gc", "all idle clients closed, then GC", 0, Map.of());
    }

    private void loadPhase(String host, int port, byte[] key, int inflight, long loadMillis)
            throws Exception {
        Object client = driver.openLoad(host, port, inflight);
        byte[] first = driver.get(client, key);
        if (first == null) {
            throw new IllegalStateException("key " + new String(key, StandardCharsets.UTF_8) + " does not exist");
        }
        final int expected = first.length;
        first = null;

        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        final boolean[] stop = {false};
        Thread[] threads = new Thread[inflight];
        for (int i = 0; i < inflight; i++) {
            threads[i] = new Thread(() -> {
                while (!stopped(stop)) {
                    try {
                        byte[] v = driver.get(client, key);
                        if (v == null || v.length != expected) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "wrong value length " + (v == null ? -1 : v.length));
                        } else {
                            ops.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, String.valueOf(e));
                    }
                }
            }, "memprofile-load-" + i);
            threads[i].setDaemon(true);
        }
        long t0 = System.nanoTime();
        for (Thread t : threads) t.start();
        Thread.sleep(loadMillis / 2);

        Map<String, Object> mid = new LinkedHashMap<>();
        mid.put("value_bytes", expected);
        mid.put("inflight", inflight);
        mid.put("ops_before_checkpoint", ops.get());
        checkpoint("w2_512k_100_inflight",
                "W2: GET of a " + expected / 1024 + " KB value, " + inflight + " in flight on one client (mid-load)",
                0, mid);

        long left = loadMillis - (System.nanoTime() - t0) / 1_000_000;
        if (left > 0) Thread.sleep(left);
        synchronized (stop) {
            stop[0] = true;
        }
        for (Thread t : threads) t.join(30_000);
        double secs = (System.nanoTime() - t0) / 1e9;

        // Measured a few seconds after the load, as a service between bursts would be: time for
        // any client to hand memory back (glide-jni trims glibc's arenas once a burst is over).
        Thread.sleep(SETTLE_AFTER_LOAD_MS);
        Probe.fullGc();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("load_seconds", Math.round(secs * 100) / 100.0);
        after.put("load_ops", ops.get());
        after.put("load_ops_per_sec", Math.round(ops.get() / secs));
        after.put("load_errors", errors.get());
        after.put("load_first_error", firstError.get());
        checkpoint("after_load_gc", "load stopped (its client still open), 3 s later, then GC", 0, after);
        driver.close(client);
    }

    private static boolean stopped(boolean[] stop) {
        synchronized (stop) {
            return stop[0];
        }
    }

    private void checkpoint(String label, String description, int idleClients, Map<String, Object> extra)
            throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client", driver.client());
        m.put("label", label);
        m.put("description", description);
        m.put("idle_clients", idleClients);
        m.put("tls", Tls.enabled());
        m.put("idle_mode", driver.idleMode());
        m.put("load_mode", driver.loadMode());
        m.put("elapsed_ms", (System.nanoTime() - start) / 1_000_000);
        Map<String, String> stats = driver.stats();
        measure(m, stats);
        m.putAll(extra);
        emit(m);
    }

    /** Heap, direct pool and threads first, then NMT (jcmd), then RSS right after it. */
    private static void measure(Map<String, Object> m, Map<String, String> stats) throws Exception {
        long heap = Probe.heapUsed();
        long[] direct = Probe.directPool();
        int javaThreads = Probe.javaThreads();
        Map<String, Long> nmt = Probe.nmtCommitted();
        Map<String, Long> proc = Probe.procStatus();
        long rss = proc.get("VmRSS");
        long nmtTotal = nmt.get("total");
        m.put("rss_bytes", rss);
        m.put("nmt_committed_bytes", nmtTotal);
        m.put("rss_minus_nmt", rss - nmtTotal);
        m.put("heap_used", heap);
        m.put("direct_count", direct[0]);
        m.put("direct_bytes", direct[1]);
        m.put("threads", javaThreads);
        m.put("threads_os", proc.get("Threads"));
        m.put("rss_anon_bytes", proc.get("RssAnon"));
        m.put("rss_file_bytes", proc.get("RssFile"));
        m.put("native_bytes_in_use", stats.containsKey("native_bytes_in_use")
                ? Long.valueOf(Long.parseLong(stats.get("native_bytes_in_use"))) : null);
        m.put("stats", stats.isEmpty() ? null : stats);
        Map<String, Long> categories = new LinkedHashMap<>(nmt);
        categories.remove("total");
        m.put("nmt", categories);
    }

    private static void emit(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder();
        json(sb, m);
        System.out.println(sb);
        System.out.flush();
    }

    private static void json(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map) {
            sb.append('{');
            boolean firstEntry = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (!firstEntry) sb.append(',');
                firstEntry = false;
                json(sb, String.valueOf(e.getKey()));
                sb.append(':');
                json(sb, e.getValue());
            }
            sb.append('}');
        } else {
            String s = v.toString();
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    default:
                        if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                        else sb.append(c);
                }
            }
            sb.append('"');
        }
    }
}
