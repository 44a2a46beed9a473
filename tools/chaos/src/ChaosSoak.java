import glide.api.BaseClient;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.Batch;
import glide.api.models.ClusterBatch;
import glide.api.models.configuration.BackoffStrategy;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Soak and chaos (issue 14, item 5): one JVM drives a {@link GlideClient} and a {@link
 * GlideClusterClient} with a mixed workload while a controller thread SIGKILLs and restarts the
 * standalone server and cluster primaries, and every future issued is accounted for.
 *
 * <p>Usage: {@code ChaosSoak <seconds> <report.md>}; the servers are started here with the test
 * harness ({@code glide.testutil.RedisServer}, {@code RedisCluster}, compiled in by run.sh).
 * Exit 0: no future hung, every reply was right, the clients served again after every kill;
 * 1: otherwise; 2: setup error (servers or clients could not be started).
 *
 * <p>The controller is a thread of this program, not the script: the instants of a kill, a
 * failover and a restart are then taken on the same clock as the issue and completion times of
 * the futures, so "recovery ms" is exact, and the harness already knows how to SIGKILL a node,
 * restart it on its port and directory, and wait for a failover. Its shutdown hook kills the
 * servers if this JVM exits early.
 *
 * <p>Hazard: the program must not itself hold a future back. Accounting callbacks only touch
 * concurrent maps and adders; a chain's next request is issued from the completion callback
 * (cheap, never blocks), and after a failure it is issued {@link #FAIL_PAUSE_MS} later from
 * another executor so that fast failures (server down) do not spin.
 */
public final class ChaosSoak {
    static final int REQUEST_TIMEOUT_MS = 2000;
    /** A future still incomplete this long after it was issued is hung. */
    static final long HUNG_AFTER_MS = REQUEST_TIMEOUT_MS + 5000;
    static final long FAIL_PAUSE_MS = 20;
    static final int BIG_VALUE_BYTES = 256 * 1024;
    static final int KEYS = 2000;
    static final int COUNTERS = 100;
    static final int BIG_KEYS = 8;
    static final int TX_KEYS = 200;

    static final int THREADS = intEnv("CHAOS_THREADS", 8);
    static final int CHAINS = intEnv("CHAOS_CHAINS", 64);
    static final int STANDALONE_KILL_EVERY_S = intEnv("CHAOS_STANDALONE_KILL_EVERY", 15);
    static final int CLUSTER_KILL_EVERY_S = intEnv("CHAOS_CLUSTER_KILL_EVERY", 20);
    /** How long the standalone server stays down after its SIGKILL. */
    static final int STANDALONE_DOWN_MS = intEnv("CHAOS_STANDALONE_DOWN_MS", 1000);
    /** No kill in the last seconds of the run: the clients must show they recovered. */
    static final int QUIET_TAIL_S = intEnv("CHAOS_QUIET_TAIL", 15);
    static final int REPORT_EVERY_S = intEnv("CHAOS_REPORT_EVERY", 5);

    /** The cluster client's CLIENT SETNAME, to find its connections in CLIENT LIST. */
    static final String CLUSTER_CLIENT_NAME = "chaos-cluster";
    static RedisCluster clusterForDiagnostics;
    static long lastConnections = -1;
    static final List<String> CONNECTION_CHANGES = new ArrayList<>();

    static final String[] NAMED = {
        "ClosingException", "ConnectionException", "TimeoutException", "RequestException"
    };

    /** When the workload started: every "s" in the report counts from here. */
    static volatile long T0 = System.nanoTime();
    static volatile boolean stopping;
    static final AtomicLong SEQ = new AtomicLong();
    static final List<Kill> KILLS = new CopyOnWriteArrayList<>();
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final Map<Long, Op> HUNG = new ConcurrentHashMap<>();
    static final AtomicLong MAX_AGE_INTERVAL = new AtomicLong();
    static final Executor LATER = CompletableFuture.delayedExecutor(FAIL_PAUSE_MS, TimeUnit.MILLISECONDS);
    static final String[] BIG = new String[BIG_KEYS];

    // ---- accounting -----------------------------------------------------------------------------

    /** One client under test and everything counted about it. */
    static final class Target {
        final String name;
        final boolean cluster;
        BaseClient client;
        final LongAdder issued = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder wrong = new LongAdder();
        final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
        /** "class: message" -> count, at most MAX_MESSAGES distinct per client. */
        final Map<String, LongAdder> messages = new ConcurrentHashMap<>();
        final Map<String, LongAdder> wrongSamples = new ConcurrentHashMap<>();
        /** Futures issued and not completed yet. */
        final Map<Long, Op> pending = new ConcurrentHashMap<>();
        final AtomicLong maxAgeNanos = new AtomicLong();
        /** Kills of this client's servers not yet followed by a successful request. */
        final List<Kill> awaitingRecovery = new CopyOnWriteArrayList<>();

        Target(String name, boolean cluster) {
            this.name = name;
            this.cluster = cluster;
        }

        long failedTotal() {
            long n = 0;
            for (LongAdder a : failed.values()) {
                n += a.sum();
            }
            return n;
        }

        long failed(String cls) {
            LongAdder a = failed.get(cls);
            return a == null ? 0 : a.sum();
        }

        static final int MAX_MESSAGES = 60;

        void fail(String cls, Throwable e) {
            failed.computeIfAbsent(cls, k -> new LongAdder()).increment();
            String msg = cls + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
            if (msg.length() > 200) {
                msg = msg.substring(0, 200) + "...";
            }
            LongAdder a = messages.get(msg);
            if (a == null && messages.size() >= MAX_MESSAGES) {
                msg = cls + ": (other messages)";
            }
            messages.computeIfAbsent(msg, k -> new LongAdder()).increment();
        }
    }

    /** One future issued: what it was, when, and the future itself. */
    static final class Op {
        final long id;
        final Target target;
        final String command;
        /** Cluster slot of its key(s), -1 when it spans slots; 0 on the standalone client. */
        final int slot;
        final long issuedNanos;
        /** Accepts a right value (e.g. GET k returns null or a value written for k). */
        final Predicate<Object> check;
        volatile CompletableFuture<?> future;

        Op(long id, Target target, String command, int slot, long issuedNanos, Predicate<Object> check) {
            this.id = id;
            this.target = target;
            this.command = command;
            this.slot = slot;
            this.issuedNanos = issuedNanos;
            this.check = check;
        }

        long ageMs(long now) {
            return (now - issuedNanos) / 1_000_000;
        }
    }

    /** One SIGKILL of a server and what followed it. */
    static final class Kill {
        final int number;
        final Target target;
        final int port;
        final long killNanos;
        /** The killed primary's slots (cluster), null for the standalone server. */
        final BitSet slots;
        volatile long backNanos; // standalone: restarted and answering PING; cluster: failover done
        volatile long rejoinedNanos; // cluster: the killed node back, as a replica, cluster healthy
        final AtomicLong recoveredNanos = new AtomicLong();
        volatile String note = "";

        Kill(int number, Target target, int port, long killNanos, BitSet slots) {
            this.number = number;
            this.target = target;
            this.port = port;
            this.killNanos = killNanos;
            this.slots = slots;
        }
    }

    static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /**
     * Issues one request through {@code call} and tracks its future until it completes: counted
     * as OK (when {@code check} accepts the value), wrong, or failed by exception class.
     */
    static CompletableFuture<?> track(Target t, String command, int slot, Supplier<CompletableFuture<?>> call,
            Predicate<Object> check) {
        long id = SEQ.incrementAndGet();
        Op op = new Op(id, t, command, slot, System.nanoTime(), check);
        t.issued.increment();
        CompletableFuture<?> f;
        try {
            f = call.get();
        } catch (Throwable e) {
            // Thrown by the call itself instead of failing the future.
            t.fail("thrown " + e.getClass().getSimpleName(), e);
            CompletableFuture<Object> failed = new CompletableFuture<>();
            failed.completeExceptionally(e);
            return failed;
        }
        op.future = f;
        t.pending.put(id, op);
        // Registered after the put, so the remove always follows it.
        f.whenComplete((value, error) -> completed(op, value, error));
        return f;
    }

    static void completed(Op op, Object value, Throwable error) {
        Target t = op.target;
        t.pending.remove(op.id);
        long now = System.nanoTime();
        long age = now - op.issuedNanos;
        t.maxAgeNanos.accumulateAndGet(age, Math::max);
        MAX_AGE_INTERVAL.accumulateAndGet(age, Math::max);
        if (age / 1_000_000 > HUNG_AFTER_MS && HUNG.putIfAbsent(op.id, op) == null) {
            // Completed, but after being incomplete longer than the hung threshold.
            System.out.printf(Locale.ROOT, "  HUNG (completed late): %s %s after %d ms%n", t.name, op.command,
                    age / 1_000_000);
        }
        if (error != null) {
            Throwable e = unwrap(error);
            t.fail(e.getClass().getSimpleName(), e);
            return;
        }
        boolean right;
        try {
            right = op.check.test(value);
        } catch (RuntimeException e) {
            right = false;
        }
        if (!right) {
            t.wrong.increment();
            String sample = op.command + " -> " + render(value);
            if (t.wrongSamples.size() < 20) {
                t.wrongSamples.computeIfAbsent(sample, k -> new LongAdder()).increment();
            }
            return;
        }
        t.ok.increment();
        for (Kill k : t.awaitingRecovery) {
            if (op.issuedNanos >= k.killNanos && (k.slots == null || (op.slot >= 0 && k.slots.get(op.slot)))) {
                if (k.recoveredNanos.compareAndSet(0, now)) {
                    t.awaitingRecovery.remove(k);
                }
            }
        }
    }

    static String render(Object v) {
        if (v instanceof Object[]) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : (Object[]) v) {
                b.append(b.length() > 1 ? ", " : "").append(render(o));
            }
            return b.append("]").toString();
        }
        String s = String.valueOf(v);
        return s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s;
    }

    // ---- workload -------------------------------------------------------------------------------

    static String key(int i) {
        return "chaos:k:" + i;
    }

    static String value(String key) {
        return "v|" + key + "|" + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    static boolean valueOf(String key, Object v) {
        return v == null || (v instanceof String && ((String) v).startsWith("v|" + key + "|"));
    }

    static int slotOf(Target t, String key) {
        return t.cluster ? RedisCluster.keySlot(key) : 0;
    }

    /** Issues one random request of the mix on {@code t}. */
    static CompletableFuture<?> issueRandom(Target t) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int dice = r.nextInt(100);
        BaseClient c = t.client;
        if (dice < 37) {
            String k = key(r.nextInt(KEYS));
            return track(t, "GET " + k, slotOf(t, k), () -> c.get(k), v -> valueOf(k, v));
        } else if (dice < 62) {
            String k = key(r.nextInt(KEYS));
            String v = value(k);
            return track(t, "SET " + k, slotOf(t, k), () -> c.set(k, v), "OK"::equals);
        } else if (dice < 72) {
            String k = "chaos:n:" + r.nextInt(COUNTERS);
            return track(t, "INCR " + k, slotOf(t, k), () -> c.incr(k), v -> v instanceof Long && (Long) v > 0);
        } else if (dice < 80) {
            String k = key(r.nextInt(KEYS));
            return track(t, "DEL " + k, slotOf(t, k), () -> c.del(new String[] {k}),
                    v -> v instanceof Long && ((Long) v == 0 || (Long) v == 1));
        } else if (dice < 90) {
            String[] ks = new String[4];
            for (int i = 0; i < ks.length; i++) {
                ks[i] = key(r.nextInt(KEYS));
            }
            return track(t, "MGET " + String.join(" ", ks), t.cluster ? -1 : 0, () -> c.mget(ks), v -> {
                String[] got = (String[]) v;
                boolean right = got.length == ks.length;
                for (int i = 0; right && i < ks.length; i++) {
                    right = valueOf(ks[i], got[i]);
                }
                return right;
            });
        } else if (dice < 94) {
            return pipeline(t, r);
        } else if (dice < 98) {
            return transaction(t, r);
        } else if (dice < 99) {
            int i = r.nextInt(BIG_KEYS);
            String k = "chaos:big:" + i;
            return track(t, "SET " + k + " (256 KiB)", slotOf(t, k), () -> c.set(k, BIG[i]), "OK"::equals);
        } else {
            int i = r.nextInt(BIG_KEYS);
            String k = "chaos:big:" + i;
            return track(t, "GET " + k + " (256 KiB)", slotOf(t, k), () -> c.get(k),
                    v -> v == null || BIG[i].equals(v));
        }
    }

    /** A pipeline of 6 commands over several keys (several slots on the cluster). */
    static CompletableFuture<?> pipeline(Target t, ThreadLocalRandom r) {
        String k1 = key(r.nextInt(KEYS));
        String k2 = key(r.nextInt(KEYS));
        String k3 = key(r.nextInt(KEYS));
        String k4 = key(r.nextInt(KEYS));
        String n = "chaos:n:" + r.nextInt(COUNTERS);
        String v1 = value(k1);
        String command = "PIPELINE SET " + k1 + ", GET " + k1 + ", INCR " + n + ", GET " + k2 + ", DEL " + k3
                + ", MGET " + k2 + " " + k4;
        Predicate<Object> check = v -> {
            Object[] got = (Object[]) v;
            // raiseOnError=false: a command's error is its element; only the values are checked.
            return got.length == 6
                    && (got[0] instanceof Exception || "OK".equals(got[0]))
                    && (got[1] instanceof Exception || valueOf(k1, got[1]))
                    && (got[2] instanceof Exception || got[2] instanceof Long)
                    && (got[3] instanceof Exception || valueOf(k2, got[3]));
        };
        if (t.cluster) {
            ClusterBatch b = new ClusterBatch(false).set(k1, v1).get(k1).incr(n).get(k2).del(new String[] {k3})
                    .mget(new String[] {k2, k4});
            GlideClusterClient c = (GlideClusterClient) t.client;
            return track(t, command, -1, () -> c.exec(b, false), check);
        }
        Batch b = new Batch(false).set(k1, v1).get(k1).incr(n).get(k2).del(new String[] {k3})
                .mget(new String[] {k2, k4});
        GlideClient c = (GlideClient) t.client;
        return track(t, command, 0, () -> c.exec(b, false), check);
    }

    /** MULTI SET a, INCR n, GET a EXEC on one slot: GET must see the SET (atomic). */
    static CompletableFuture<?> transaction(Target t, ThreadLocalRandom r) {
        String tag = "{chaos:tx:" + r.nextInt(TX_KEYS) + "}";
        String a = tag + ":a";
        String n = tag + ":n";
        String v = value(a);
        String command = "MULTI SET " + a + ", INCR " + n + ", GET " + a + " EXEC";
        Predicate<Object> check = x -> {
            Object[] got = (Object[]) x;
            return got != null && got.length == 3 && "OK".equals(got[0]) && got[1] instanceof Long
                    && v.equals(got[2]);
        };
        if (t.cluster) {
            ClusterBatch b = new ClusterBatch(true).set(a, v).incr(n).get(a);
            GlideClusterClient c = (GlideClusterClient) t.client;
            return track(t, command, RedisCluster.keySlot(a), () -> c.exec(b, false), check);
        }
        Batch b = new Batch(true).set(a, v).incr(n).get(a);
        GlideClient c = (GlideClient) t.client;
        return track(t, command, 0, () -> c.exec(b, false), check);
    }

    /** A thread that issues a request and waits for it in get(), again and again. */
    static Thread blockingThread(Target t, int i) {
        Thread th = new Thread(() -> {
            while (!stopping) {
                CompletableFuture<?> f = issueRandom(t);
                try {
                    f.get();
                } catch (ExecutionException e) {
                    sleep(FAIL_PAUSE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "chaos-" + t.name + "-blocking-" + i);
        th.setDaemon(true);
        return th;
    }

    /** Set while a chain issues its request: a callback that sees it ran inline. */
    static final ThreadLocal<Boolean> ISSUING = ThreadLocal.withInitial(() -> false);

    /**
     * A chain: each completion issues the next request from its {@code whenComplete} (after
     * FAIL_PAUSE_MS when it failed; through an executor when the future was already complete, so
     * as not to recurse).
     */
    static void chainStep(Target t, CountDownLatch done) {
        if (stopping) {
            done.countDown();
            return;
        }
        ISSUING.set(true);
        try {
            issueRandom(t).whenComplete((v, e) -> {
                if (e != null) {
                    LATER.execute(() -> chainStep(t, done));
                } else if (ISSUING.get()) {
                    CompletableFuture.runAsync(() -> chainStep(t, done));
                } else {
                    chainStep(t, done);
                }
            });
        } finally {
            ISSUING.set(false);
        }
    }

    // ---- controller -----------------------------------------------------------------------------

    static double secondsSince(long nanos) {
        return (nanos - T0) / 1e9;
    }

    static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    static void event(String text) {
        EVENTS.add(text);
        System.out.printf(Locale.ROOT, "  [%6.1f s] %s%n", secondsSince(System.nanoTime()), text);
    }

    /** SIGKILL the standalone server every STANDALONE_KILL_EVERY_S, restart it STANDALONE_DOWN_MS later. */
    static void standaloneController(Target t, RedisServer server, long endNanos) {
        int n = 0;
        while (true) {
            long next = T0 + TimeUnit.SECONDS.toNanos((long) (n + 1) * STANDALONE_KILL_EVERY_S);
            if (next > endNanos - TimeUnit.SECONDS.toNanos(QUIET_TAIL_S) || !sleepUntil(next)) {
                return;
            }
            n++;
            server.kill();
            Kill k = new Kill(n, t, server.port(), System.nanoTime(), null);
            t.awaitingRecovery.add(k);
            KILLS.add(k);
            event("S kill #" + n + " standalone :" + server.port());
            sleep(STANDALONE_DOWN_MS);
            try {
                server.restart();
                k.backNanos = System.nanoTime();
                event("S up #" + n + " (down " + ms(k.killNanos, k.backNanos) + " ms)");
            } catch (RuntimeException e) {
                k.note = "restart failed: " + e.getMessage();
                event("S restart #" + n + " FAILED: " + e);
            }
        }
    }

    /**
     * SIGKILL a cluster primary every CLUSTER_KILL_EVERY_S (one that has a connected replica),
     * wait for its replica to take over, restart the killed node (it rejoins as a replica) and
     * wait until the cluster is whole again.
     */
    static void clusterController(Target t, RedisCluster cluster, long endNanos) {
        int n = 0;
        while (true) {
            long next = T0 + TimeUnit.SECONDS.toNanos((long) (n + 1) * CLUSTER_KILL_EVERY_S);
            if (next > endNanos - TimeUnit.SECONDS.toNanos(QUIET_TAIL_S) || !sleepUntil(next)) {
                return;
            }
            n++;
            RedisServer victim;
            BitSet slots;
            try {
                victim = pickPrimary(cluster, n);
                slots = cluster.slotsOf(victim);
            } catch (RuntimeException e) {
                event("C kill #" + n + " SKIPPED: " + e.getMessage());
                continue;
            }
            if (victim == null) {
                event("C kill #" + n + " SKIPPED: no primary with a connected replica");
                continue;
            }
            victim.kill();
            Kill k = new Kill(n, t, victim.port(), System.nanoTime(), slots);
            t.awaitingRecovery.add(k);
            KILLS.add(k);
            event("C kill #" + n + " primary :" + victim.port() + " (" + slots.cardinality() + " slots)");
            try {
                cluster.awaitFailover(victim, 30_000);
                k.backNanos = System.nanoTime();
                event("C failover #" + n + " after " + ms(k.killNanos, k.backNanos) + " ms");
            } catch (RuntimeException e) {
                k.note = "no failover: " + e.getMessage();
                event("C failover #" + n + " FAILED: " + e.getMessage());
            }
            try {
                victim.restart();
                cluster.awaitHealthy(30_000, 3);
                cluster.awaitReplicasAnnounced(30_000);
                k.rejoinedNanos = System.nanoTime();
                event("C rejoined #" + n + " :" + victim.port() + " as " + roleOf(victim) + " after "
                        + ms(k.killNanos, k.rejoinedNanos) + " ms");
            } catch (RuntimeException e) {
                k.note += (k.note.isEmpty() ? "" : "; ") + "rejoin failed: " + e.getMessage();
                event("C rejoin #" + n + " FAILED: " + e.getMessage());
            }
        }
    }

    static String roleOf(RedisServer node) {
        try {
            return String.valueOf(((List<?>) node.command("ROLE")).get(0));
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The (n % 3)-th primary by port among those with a replica in state "connected"; null if none. */
    static RedisServer pickPrimary(RedisCluster cluster, int n) {
        List<RedisServer> candidates = new ArrayList<>();
        for (RedisServer p : cluster.primaries()) {
            for (RedisServer r : cluster.replicasOf(p)) {
                if ("connected".equals(((List<?>) r.command("ROLE")).get(3))) {
                    candidates.add(p);
                    break;
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        candidates.sort(Comparator.comparingInt(RedisServer::port));
        return candidates.get(n % candidates.size());
    }

    // ---- reporting ------------------------------------------------------------------------------

    static final StringBuilder TIMELINE = new StringBuilder();
    static final String TIMELINE_HEADER =
            "| s | events | issued | ok | ok/s | Closing | Connection | Timeout | Request | other | wrong | in flight "
                    + "| max ms | hung | RSS MiB | heap MiB | native MiB | pooled MiB | allocations | connections |\n"
                    + "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    static int eventsReported;
    static long lastOk;
    static long lastRowNanos;
    static long maxRssKb;
    static long maxNativeBytes;

    /** VmRSS in KiB; read through java.io, which (unlike NIO channels) uses no direct buffer. */
    static long rssKb() {
        try (java.io.FileInputStream in = new java.io.FileInputStream("/proc/self/status")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    static long stat(Map<String, String> stats, String key) {
        try {
            return Long.parseLong(stats.getOrDefault(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Marks incomplete futures older than HUNG_AFTER_MS as hung; returns how many are incomplete now. */
    static int scanHung(List<Target> targets) {
        long now = System.nanoTime();
        int stuck = 0;
        for (Target t : targets) {
            for (Op op : t.pending.values()) {
                if (op.ageMs(now) > HUNG_AFTER_MS) {
                    stuck++;
                    if (HUNG.putIfAbsent(op.id, op) == null) {
                        System.out.printf(Locale.ROOT, "  HUNG: %s %s issued at %.1f s, incomplete for %d ms%n",
                                t.name, op.command, secondsSince(op.issuedNanos), op.ageMs(now));
                    }
                }
            }
        }
        return stuck;
    }

    static String row(List<Target> targets, Map<String, String> stats) {
        scanHung(targets);
        long now = System.nanoTime();
        long issued = 0, ok = 0, wrong = 0, inflight = 0, other = 0;
        long[] named = new long[NAMED.length];
        for (Target t : targets) {
            issued += t.issued.sum();
            ok += t.ok.sum();
            wrong += t.wrong.sum();
            inflight += t.pending.size();
            for (Map.Entry<String, LongAdder> e : t.failed.entrySet()) {
                int i = List.of(NAMED).indexOf(e.getKey());
                if (i >= 0) {
                    named[i] += e.getValue().sum();
                } else {
                    other += e.getValue().sum();
                }
            }
        }
        List<String> ev = new ArrayList<>();
        List<String> all = new ArrayList<>(EVENTS);
        for (int i = eventsReported; i < all.size(); i++) {
            String e = all.get(i);
            ev.add(e.replaceAll(" \\(.*\\)$", "").replaceAll(" after .*$", ""));
        }
        eventsReported = all.size();
        double interval = (now - lastRowNanos) / 1e9;
        long okRate = interval > 0 ? Math.round((ok - lastOk) / interval) : 0;
        lastOk = ok;
        lastRowNanos = now;
        long rss = rssKb();
        maxRssKb = Math.max(maxRssKb, rss);
        long nativeBytes = stat(stats, "native_bytes_in_use");
        long connections = stat(stats, "total_connections");
        if (connections != lastConnections && clusterForDiagnostics != null) {
            CONNECTION_CHANGES.add(String.format(Locale.ROOT, "%.0f s: total_connections %d; cluster client per node: %s",
                    secondsSince(now), connections, connectionsPerNode(clusterForDiagnostics)));
        }
        lastConnections = connections;
        maxNativeBytes = Math.max(maxNativeBytes, nativeBytes);
        String r = String.format(Locale.ROOT,
                "| %.0f | %s | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s | %d | %d |",
                secondsSince(now), String.join("; ", ev), issued, ok, okRate, named[0], named[1], named[2], named[3],
                other, wrong, inflight, MAX_AGE_INTERVAL.getAndSet(0) / 1_000_000, HUNG.size(),
                mib(rss * 1024), mib(heapUsed()), mib(nativeBytes), mib(stat(stats, "native_bytes_pooled")),
                stat(stats, "native_allocations"), connections);
        TIMELINE.append(r).append('\n');
        return r;
    }

    static String report(List<Target> targets, int seconds, String verdict, List<String> reasons,
            Map<String, String> closedStats, Map<String, String> finalStats, Map<String, String> firstStats,
            String endNotes) {
        StringBuilder b = new StringBuilder();
        b.append("## Result: ").append(verdict).append("\n\n");
        for (String r : reasons) {
            b.append("- ").append(r).append('\n');
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT,
                "Workload: %d s; per client %d threads blocked in get() and %d callback chains; request timeout %d ms; "
                        + "mix: GET 37%%, SET 25%%, INCR 10%%, DEL 8%%, MGET (4 keys) 10%%, pipeline Batch(false) of 6 4%%, "
                        + "transaction Batch(true) of 3 4%%, SET/GET of 256 KiB values 1%% each. Standalone server SIGKILLed "
                        + "every %d s and restarted %d ms later; a cluster primary (3 primaries + 3 replicas, "
                        + "cluster-node-timeout %d ms) SIGKILLed every %d s, restarted after the failover to rejoin as a "
                        + "replica; no kill in the last %d s. Hung = a future still incomplete %d ms after it was issued "
                        + "(request timeout + 5 s).%n%n",
                seconds, THREADS, CHAINS, REQUEST_TIMEOUT_MS, STANDALONE_KILL_EVERY_S, STANDALONE_DOWN_MS,
                RedisCluster.NODE_TIMEOUT_MS, CLUSTER_KILL_EVERY_S, QUIET_TAIL_S, HUNG_AFTER_MS));

        b.append("### Futures by client\n\n");
        b.append("| client | issued | completed OK | ClosingException | ConnectionException | TimeoutException "
                + "| RequestException | other | wrong reply | hung | not done at end | slowest ms |\n");
        b.append("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
        for (Target t : targets) {
            StringBuilder other = new StringBuilder();
            for (Map.Entry<String, LongAdder> e : new TreeMap<>(t.failed).entrySet()) {
                if (!List.of(NAMED).contains(e.getKey())) {
                    other.append(other.length() > 0 ? ", " : "").append(e.getKey()).append(' ').append(e.getValue().sum());
                }
            }
            long hung = HUNG.values().stream().filter(o -> o.target == t).count();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %d | %d | %d | %d |%n",
                    t.name, t.issued.sum(), t.ok.sum(), t.failed(NAMED[0]), t.failed(NAMED[1]), t.failed(NAMED[2]),
                    t.failed(NAMED[3]), other.length() == 0 ? "0" : other.toString(), t.wrong.sum(), hung,
                    t.pending.size(), t.maxAgeNanos.get() / 1_000_000));
        }
        b.append("\nissued = completed OK + failed + wrong reply + not done at end.\n\n");

        b.append("### Kills and recovery\n\n");
        b.append("\"first OK\": the first request issued after the kill that completed with a right value ");
        b.append("(cluster: on a key of the killed primary's slots), measured from the kill and from the moment ");
        b.append("the server was back (standalone: restarted and answering the controller's PING; cluster: the ");
        b.append("failover as the controller saw it by polling). The client can get there before the controller ");
        b.append("does, so \"after back\" can be slightly negative.\n\n");
        b.append("| # | at s | client | node killed | back after ms | rejoined after ms | first OK after kill ms "
                + "| first OK after back ms | note |\n");
        b.append("|---:|---:|---|---|---:|---:|---:|---:|---|\n");
        for (Kill k : KILLS) {
            long rec = k.recoveredNanos.get();
            b.append(String.format(Locale.ROOT, "| %d | %.1f | %s | :%d%s | %s | %s | %s | %s | %s |%n", k.number,
                    secondsSince(k.killNanos), k.target.name, k.port,
                    k.slots == null ? "" : " (primary, " + k.slots.cardinality() + " slots)",
                    k.backNanos == 0 ? "-" : String.valueOf(ms(k.killNanos, k.backNanos)),
                    k.rejoinedNanos == 0 ? "-" : String.valueOf(ms(k.killNanos, k.rejoinedNanos)),
                    rec == 0 ? "**never**" : String.valueOf(ms(k.killNanos, rec)),
                    rec == 0 || k.backNanos == 0 ? "-" : String.valueOf(ms(k.backNanos, rec)),
                    k.note));
        }

        b.append("\n### Timeline (both clients; counts are cumulative, ok/s, max ms and events per interval)\n\n");
        b.append("max ms: the longest a future took to complete in the interval; native MiB: `native_bytes_in_use`, ");
        b.append("pooled: `native_bytes_pooled`, allocations: `native_allocations`, connections: `total_connections` ");
        b.append("of `getExtendedStatistics()` (process-wide).\n\n");
        b.append(TIMELINE_HEADER).append(TIMELINE);

        b.append("\n### Failure messages (distinct class: message, with counts)\n\n");
        b.append("| client | count | exception: message |\n|---|---:|---|\n");
        for (Target t : targets) {
            t.messages.entrySet().stream()
                    .sorted((x, y) -> Long.compare(y.getValue().sum(), x.getValue().sum()))
                    .limit(25)
                    .forEach(e -> b.append("| ").append(t.name).append(" | ").append(e.getValue().sum()).append(" | ")
                            .append(e.getKey().replace("|", "\\|")).append(" |\n"));
        }
        boolean anyWrong = false;
        for (Target t : targets) {
            anyWrong |= !t.wrongSamples.isEmpty();
        }
        if (anyWrong) {
            b.append("\n### Wrong replies (samples)\n\n");
            for (Target t : targets) {
                t.wrongSamples.forEach((s, c) -> b.append("- ").append(t.name).append(": `").append(s).append("` x")
                        .append(c.sum()).append('\n'));
            }
        }
        if (!HUNG.isEmpty()) {
            b.append("\n### Hung futures\n\n| client | command | issued at s | done | state |\n|---|---|---:|---|---|\n");
            HUNG.values().stream().sorted(Comparator.comparingLong(o -> o.issuedNanos)).limit(100).forEach(o -> {
                CompletableFuture<?> f = o.future;
                String state = f == null ? "?" : !f.isDone() ? "incomplete" : f.isCompletedExceptionally()
                        ? "failed late: " + describeFailure(f) : "completed late";
                b.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %s | %s |%n", o.target.name, o.command,
                        secondsSince(o.issuedNanos), f != null && f.isDone(), state));
            });
        }
        b.append("\n### Memory and statistics\n\n");
        b.append(endNotes);
        b.append(String.format(Locale.ROOT, "- peak RSS %s MiB, peak `native_bytes_in_use` %s MiB (sampled every %d s)%n",
                mib(maxRssKb * 1024), mib(maxNativeBytes), REPORT_EVERY_S));
        b.append("- `getExtendedStatistics()` keys: ").append(String.join(", ", firstStats.keySet())).append('\n');
        b.append("- `getExtendedStatistics()` at the start: ").append(firstStats).append('\n');
        b.append("- `getExtendedStatistics()` right after both clients closed: ").append(closedStats).append('\n');
        b.append("- `getExtendedStatistics()` 2 s later: ").append(finalStats).append('\n');
        return b.toString();
    }

    /** ":port role N" for every cluster node: N = the cluster client's connections to it (CLIENT LIST name=). */
    static String connectionsPerNode(RedisCluster cluster) {
        List<String> out = new ArrayList<>();
        for (RedisServer node : cluster.nodes()) {
            try {
                int n = 0;
                for (String line : String.valueOf(node.command("CLIENT", "LIST")).split("\n")) {
                    n += line.contains(" name=" + CLUSTER_CLIENT_NAME + " ") ? 1 : 0;
                }
                out.add(":" + node.port() + " " + roleOf(node) + " " + n);
            } catch (RuntimeException e) {
                out.add(":" + node.port() + " down");
            }
        }
        return String.join(", ", out);
    }

    /** The JVM's direct buffer pool as "N buffers, B bytes". */
    static String directPool() {
        for (BufferPoolMXBean p : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (p.getName().equals("direct")) {
                return p.getCount() + " buffers, " + p.getMemoryUsed() + " bytes";
            }
        }
        return "no direct pool MXBean";
    }

    static String describeFailure(CompletableFuture<?> f) {
        try {
            f.getNow(null);
            return "";
        } catch (RuntimeException e) {
            Throwable c = unwrap(e);
            return c.getClass().getSimpleName() + ": " + c.getMessage();
        }
    }

    // ---- main -----------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Path reportPath = Paths.get(args[1]);
        for (int i = 0; i < BIG_KEYS; i++) {
            StringBuilder s = new StringBuilder("big|chaos:big:" + i + "|");
            while (s.length() < BIG_VALUE_BYTES) {
                s.append((char) ('a' + i));
            }
            BIG[i] = s.toString();
        }

        RedisServer server;
        RedisCluster cluster;
        String directBeforeClients;
        Target standalone = new Target("standalone", false);
        Target clustered = new Target("cluster", true);
        List<Target> targets = List.of(standalone, clustered);
        BackoffStrategy backoff = BackoffStrategy.builder().numOfRetries(5).factor(10).exponentBase(2).build();
        try {
            server = RedisServer.start();
            cluster = RedisCluster.start(3, 1);
            // The harness's own admin connections (java.net.Socket) use the JDK's temporary
            // direct buffers; what the pool holds before the clients exist is theirs.
            directBeforeClients = directPool();
            standalone.client = GlideClient.createClient(GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                    .requestTimeout(REQUEST_TIMEOUT_MS)
                    .reconnectStrategy(backoff)
                    .clientName("chaos-standalone")
                    .build()).get(30, TimeUnit.SECONDS);
            GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> cb =
                    GlideClusterClientConfiguration.builder();
            for (RedisServer node : cluster.nodes()) {
                cb.address(NodeAddress.builder().host(node.host()).port(node.port()).build());
            }
            clustered.client = GlideClusterClient.createClient(
                    cb.requestTimeout(REQUEST_TIMEOUT_MS).reconnectStrategy(backoff).clientName(CLUSTER_CLIENT_NAME).build()).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("ChaosSoak: setup failed: " + e);
            e.printStackTrace();
            System.exit(2);
            return;
        }
        StringBuilder nodes = new StringBuilder();
        for (RedisServer node : cluster.nodes()) {
            nodes.append(' ').append(node.port()).append('=').append(roleOf(node));
        }
        System.out.println("standalone :" + server.port() + "; cluster" + nodes + "; reconnect " + backoff);
        Map<String, String> firstStats = standalone.client.getExtendedStatistics();
        System.out.println("getExtendedStatistics() keys: " + String.join(", ", firstStats.keySet()));

        clusterForDiagnostics = cluster;
        T0 = System.nanoTime();
        lastRowNanos = T0;
        long endNanos = T0 + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch chainsDone = new CountDownLatch(CHAINS * targets.size());
        List<Thread> blocking = new ArrayList<>();
        for (Target t : targets) {
            for (int i = 0; i < THREADS; i++) {
                Thread th = blockingThread(t, i);
                blocking.add(th);
                th.start();
            }
            for (int i = 0; i < CHAINS; i++) {
                chainStep(t, chainsDone);
            }
        }
        if (!System.getenv().getOrDefault("CHAOS_PLANT_HUNG", "").isEmpty()) {
            // Self-test of the detector: BLPOP with timeout 0 has no client timeout and, with no
            // kill to break its connection, never completes; the run must report it as hung.
            GlideClient c = (GlideClient) standalone.client;
            track(standalone, "BLPOP chaos:never 0 (planted by CHAOS_PLANT_HUNG)", 0,
                    () -> c.customCommand(new String[] {"BLPOP", "chaos:never", "0"}), v -> true);
        }
        final RedisServer srv = server;
        final RedisCluster cl = cluster;
        Thread sc = new Thread(() -> standaloneController(standalone, srv, endNanos), "chaos-controller-standalone");
        Thread cc = new Thread(() -> clusterController(clustered, cl, endNanos), "chaos-controller-cluster");
        sc.setDaemon(true);
        cc.setDaemon(true);
        sc.start();
        cc.start();

        System.out.print(TIMELINE_HEADER);
        int tick = 1;
        while (System.nanoTime() < endNanos) {
            long next = Math.min(endNanos, T0 + TimeUnit.SECONDS.toNanos((long) tick * REPORT_EVERY_S));
            sleepUntil(next);
            tick++;
            System.out.println(row(targets, standalone.client.getExtendedStatistics()));
        }

        // Stop issuing; let what is in flight finish (each within its timeout).
        stopping = true;
        sc.interrupt();
        cc.interrupt();
        sc.join(60_000);
        cc.join(60_000);
        chainsDone.await(HUNG_AFTER_MS, TimeUnit.MILLISECONDS);
        for (Thread th : blocking) {
            th.join(Math.max(1, HUNG_AFTER_MS));
        }
        long drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HUNG_AFTER_MS);
        while (System.nanoTime() < drainDeadline && (standalone.pending.size() + clustered.pending.size()) > 0) {
            sleep(50);
        }
        event("stopped, in flight drained");
        System.out.println(row(targets, standalone.client.getExtendedStatistics()));
        StringBuilder endNotes = new StringBuilder();
        int stuckBeforeClose = standalone.pending.size() + clustered.pending.size();
        endNotes.append("- incomplete futures when the workload had stopped and drained, before close(): ")
                .append(stuckBeforeClose).append('\n');
        long stillBlocked = blocking.stream().filter(Thread::isAlive).count();
        endNotes.append("- blocking threads still in get() after the drain: ").append(stillBlocked).append('\n');
        endNotes.append("- chains that did not end: ").append(chainsDone.getCount()).append('\n');
        endNotes.append("- the cluster client's connections per node before close() (`CLIENT LIST` name=")
                .append(CLUSTER_CLIENT_NAME).append("): ").append(connectionsPerNode(cluster))
                .append(" (total_connections ").append(standalone.client.getExtendedStatistics().get("total_connections"))
                .append(", of which 1 standalone)\n");
        endNotes.append("- whenever total_connections changed between rows (the first row included):\n");
        for (String c : CONNECTION_CHANGES) {
            endNotes.append("  - ").append(c).append('\n');
        }
        for (Target t : targets) {
            try {
                t.client.close();
            } catch (Exception e) {
                endNotes.append("- close() of ").append(t.name).append(" threw ").append(e).append('\n');
            }
        }
        // close() fails every pending future before it returns; give their callbacks a moment.
        long closeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < closeDeadline && (standalone.pending.size() + clustered.pending.size()) > 0) {
            sleep(20);
        }
        int notDone = 0;
        for (Target t : targets) {
            for (Op op : t.pending.values()) {
                if (op.future == null || !op.future.isDone()) {
                    notDone++;
                    HUNG.putIfAbsent(op.id, op);
                }
            }
        }
        endNotes.append("- futures not done after close(): ").append(notDone).append('\n');
        endNotes.append("- JVM direct buffer pool: ").append(directPool()).append(" at the end; ")
                .append(directBeforeClients).append(" once the servers were up, before any client existed ")
                .append("(the harness's admin sockets)\n");
        long unaccounted = 0;
        for (Target t : targets) {
            long u = t.issued.sum() - t.ok.sum() - t.failedTotal() - t.wrong.sum() - t.pending.size();
            endNotes.append("- ").append(t.name).append(": issued - (OK + failed + wrong + not done) = ").append(u)
                    .append('\n');
            unaccounted += Math.abs(u);
        }
        Map<String, String> closedStats = standalone.client.getExtendedStatistics(); // process-wide, works after close()
        // Freed large reply buffers stay pooled until traffic has been quiet for a second.
        sleep(2000);
        Map<String, String> finalStats = standalone.client.getExtendedStatistics();

        List<String> reasons = new ArrayList<>();
        if (unaccounted != 0) {
            reasons.add(unaccounted + " future(s) counted twice or never: see \"Memory and statistics\"");
        }
        if (!HUNG.isEmpty()) {
            reasons.add(HUNG.size() + " hung future(s): see \"Hung futures\"");
        }
        for (Kill k : KILLS) {
            if (k.recoveredNanos.get() == 0) {
                reasons.add(k.target.name + " never served again after kill #" + k.number + " of :" + k.port
                        + (k.note.isEmpty() ? "" : " (" + k.note + ")"));
            }
        }
        for (Target t : targets) {
            if (t.wrong.sum() > 0) {
                reasons.add(t.name + ": " + t.wrong.sum() + " wrong repl(ies): see \"Wrong replies\"");
            }
            if (t.ok.sum() == 0) {
                reasons.add(t.name + ": no request succeeded");
            }
        }
        String verdict = reasons.isEmpty() ? "PASS" : "FAIL";
        if (reasons.isEmpty()) {
            reasons.add("no hung future, every reply right, both clients served again after each of the "
                    + KILLS.size() + " kills");
        }
        String text = report(targets, seconds, verdict, reasons, closedStats, finalStats, firstStats,
                endNotes.toString());
        System.out.println();
        System.out.println(text);
        Files.write(reportPath, text.getBytes(StandardCharsets.UTF_8));
        try {
            server.close();
            cluster.close();
        } catch (RuntimeException e) {
            System.err.println("ChaosSoak: stopping the servers: " + e);
        }
        System.exit(verdict.equals("PASS") ? 0 : 1);
    }

    // ---- small helpers --------------------------------------------------------------------------

    static int intEnv(String name, int dflt) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? dflt : Integer.parseInt(v);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps until {@code nanos} (System.nanoTime); false when interrupted or stopping. */
    static boolean sleepUntil(long nanos) {
        while (true) {
            long left = nanos - System.nanoTime();
            if (left <= 0) {
                return !stopping;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                return false;
            }
        }
    }
}
