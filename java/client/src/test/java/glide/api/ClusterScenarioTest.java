package glide.api;

import static glide.api.Clients.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.ConnectionException;
import glide.api.models.exceptions.RequestException;
import glide.api.models.exceptions.TimeoutException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import glide.testutil.SlotMigration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A keyed workload from several threads runs against a 3-primary / 3-replica cluster while the
 * cluster goes through a primary crash (SIGKILL, then promotion of its replica) and, once healthy
 * again, a live slot migration (CLUSTER SETSLOT IMPORTING/MIGRATING and MIGRATE in small batches,
 * so the client meets ASK, then MOVED once the slot is given away).
 *
 * <p>Checked: every future completes within its request timeout plus a margin and none is left
 * pending; failures are only ConnectionException, TimeoutException or RequestException (and never
 * a redirect the client should have followed); a read never returns less than what was
 * acknowledged for its key before it was sent; after the workload every acknowledged write is
 * readable (value of that write or a later one), through the workload's client and a fresh one;
 * writes to the killed primary's slots succeed again within {@value #RECOVERY_BOUND_MS} ms.
 *
 * <p>Prints one line starting with {@code SCENARIO:} that sums the run up.
 */
class ClusterScenarioTest {
    private static final int THREADS = 4;
    /** Per thread: keys spread over every slot, by their names' hashes. */
    private static final int SPREAD_KEYS = 200;
    /** Per thread: keys in the one slot that migrates (same hash tag). */
    private static final int HOT_KEYS = 25;
    private static final String HOT_TAG = "{scenario-hot}";

    private static final int REQUEST_TIMEOUT_MS = 1000;
    /** How long a future may take to complete: its request timeout plus a margin for a loaded machine. */
    private static final long FUTURE_BOUND_MS = REQUEST_TIMEOUT_MS + 4000;
    private static final long WORKLOAD_MS = 16_000;
    private static final long KILL_AT_MS = 4_000;
    private static final long MIN_TRAFFIC_AFTER_MIGRATION_MS = 2_000;
    private static final long RECOVERY_BOUND_MS = 15_000;
    private static final int MIGRATE_BATCH = 4;
    private static final long MIGRATE_PAUSE_MS = 40;

    // Phases of the scenario, for per-phase counts.
    private static final String[] PHASES = {"steady", "failover", "recovered", "migrating", "migrated"};
    private static final int STEADY = 0;
    private static final int FAILOVER = 1;
    private static final int RECOVERED = 2;
    private static final int MIGRATING = 3;
    private static final int MIGRATED = 4;

    // ---- shared by the workers and the test ----------------------------------------------------
    private volatile boolean stop;
    private volatile int phase = STEADY;
    private volatile long killedAt; // System.nanoTime() of the kill; 0 before
    private final AtomicLong recoveredAt = new AtomicLong(Long.MAX_VALUE);
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLongArray requestsByPhase = new AtomicLongArray(PHASES.length);
    private final AtomicLongArray failuresByPhase = new AtomicLongArray(PHASES.length);
    private final LongAdder succeeded = new LongAdder();
    private final Map<String, LongAdder> failuresByClass = new ConcurrentSkipListMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final List<String> hung = Collections.synchronizedList(new ArrayList<>());
    private final List<String> redirectLeaks = Collections.synchronizedList(new ArrayList<>());
    private final List<String> staleReads = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> sampleFailure = new ConcurrentHashMap<>();

    private BitSet victimSlots;

    @Test
    void workloadSurvivesAPrimaryCrashAndALiveSlotMigration() throws Exception {
        long testStart = System.nanoTime();
        try (RedisCluster cluster = RedisCluster.start(3, 1)) {
            int hotSlot = RedisCluster.keySlot(HOT_TAG);
            // The local slot computation agrees with the server's.
            for (String k : List.of(HOT_TAG + ":t0:1", "scenario:t1:7", "a", "{}x", "x{}{y}", "{user1000}.following")) {
                assertEquals(cluster.slotOf(k), RedisCluster.keySlot(k), k);
            }
            // The primary that dies owns the hot slot, so its promoted replica later migrates it.
            RedisServer victim = cluster.primaryOf(hotSlot);
            victimSlots = cluster.slotsOf(victim);
            assertEquals(1, cluster.replicasOf(victim).size(), "the victim has a replica to promote");
            RedisServer seed = cluster.primaries().stream().filter(p -> p != victim).findFirst().orElseThrow();

            GlideClusterClientConfiguration config = GlideClusterClientConfiguration.builder()
                    .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                    .protocol(ProtocolVersion.RESP3)
                    .requestTimeout(REQUEST_TIMEOUT_MS)
                    .build();
            try (GlideClusterClient client = await(GlideClusterClient.createClient(config))) {
                for (RedisServer n : cluster.nodes()) {
                    n.command("CONFIG", "RESETSTAT"); // redirect counts start at 0
                }
                List<Worker> workers = new ArrayList<>();
                List<Thread> threads = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    Worker w = new Worker(t, client);
                    workers.add(w);
                    Thread thread = new Thread(w, "scenario-worker-" + t);
                    thread.setDaemon(true);
                    threads.add(thread);
                }
                long start = System.nanoTime();
                threads.forEach(Thread::start);
                long healthyAt = 0;
                long migrationStart = 0;
                long migrationEnd = 0;
                int movedKeys = 0;
                int batches = 0;
                RedisServer source = null;
                RedisServer target = null;
                try {
                    // ---- crash a primary -------------------------------------------------------
                    sleepUntil(start, KILL_AT_MS);
                    phase = FAILOVER;
                    killedAt = cluster.killPrimaryOnceReplicated(victim, 5_000);
                    cluster.awaitFailover(victim, 20_000);
                    healthyAt = System.nanoTime();
                    // The client has its own way back (refresh on errors); give it the loose bound.
                    while (recoveredAt.get() == Long.MAX_VALUE && ms(killedAt, System.nanoTime()) < RECOVERY_BOUND_MS) {
                        Thread.sleep(20);
                    }
                    phase = RECOVERED;
                    Thread.sleep(500); // some traffic on the new topology before it changes again

                    // ---- migrate the hot slot, batch by batch, under traffic ------------------------
                    RedisServer from = cluster.primaryOf(hotSlot);
                    assertNotEquals(victim, from);
                    source = from;
                    target = cluster.primaries().stream().filter(p -> p != from).findFirst().orElseThrow();
                    phase = MIGRATING;
                    migrationStart = System.nanoTime();
                    SlotMigration migration = SlotMigration.begin(cluster, hotSlot, source, target);
                    for (int n; (n = migration.moveKeys(MIGRATE_BATCH)) > 0; ) {
                        movedKeys += n;
                        batches++;
                        Thread.sleep(MIGRATE_PAUSE_MS);
                    }
                    migration.finish();
                    migrationEnd = System.nanoTime();
                    phase = MIGRATED;
                    cluster.awaitHealthy(10_000, 2);

                    // ---- more traffic, then stop --------------------------------------------------
                    long end = Math.max(start + TimeUnit.MILLISECONDS.toNanos(WORKLOAD_MS),
                            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MIN_TRAFFIC_AFTER_MIGRATION_MS));
                    sleepUntil(end, 0);
                } finally {
                    stop = true;
                    for (Thread thread : threads) {
                        thread.join(FUTURE_BOUND_MS * 6); // a worker waits at most 5 bounded futures
                    }
                }
                long workloadMs = ms(start, System.nanoTime());
                List<String> stuckThreads = new ArrayList<>();
                for (Thread thread : threads) {
                    if (thread.isAlive()) {
                        stuckThreads.add(thread.getName());
                    }
                }
                // Every future completes eventually: none may still be pending a bound later.
                long pendingDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FUTURE_BOUND_MS);
                while (!pending.isEmpty() && System.nanoTime() < pendingDeadline) {
                    Thread.sleep(20);
                }
                int pendingAtEnd = pending.size();

                // ---- redirects, counted by the servers that survived ------------------------------
                long asking = 0;
                long askReplies = 0;
                long movedReplies = 0;
                for (RedisServer n : cluster.nodes()) {
                    if (n.isRunning()) {
                        asking += stat((String) n.command("INFO", "commandstats"), "cmdstat_asking:calls=(\\d+)");
                        String errors = (String) n.command("INFO", "errorstats");
                        askReplies += stat(errors, "errorstat_ASK:count=(\\d+)");
                        movedReplies += stat(errors, "errorstat_MOVED:count=(\\d+)");
                    }
                }

                // ---- every acknowledged write is readable ---------------------------------------
                Map<String, Long> acknowledged = new HashMap<>();
                workers.forEach(w -> acknowledged.putAll(w.acknowledged));
                List<String> lost = new ArrayList<>(verify(client, acknowledged, "workload client"));
                List<NodeAddress> running = new ArrayList<>();
                for (RedisServer n : cluster.nodes()) {
                    if (n.isRunning()) {
                        running.add(NodeAddress.builder().host(n.host()).port(n.port()).build());
                    }
                }
                try (GlideClusterClient fresh = await(GlideClusterClient.createClient(
                        GlideClusterClientConfiguration.builder()
                                .addresses(running)
                                .requestTimeout(5_000)
                                .build()))) {
                    lost.addAll(verify(fresh, acknowledged, "fresh client"));
                }

                long recoveryMs = recoveredAt.get() == Long.MAX_VALUE ? -1 : ms(killedAt, recoveredAt.get());
                long requests = 0;
                long failures = 0;
                StringBuilder byPhase = new StringBuilder();
                for (int p = 0; p < PHASES.length; p++) {
                    requests += requestsByPhase.get(p);
                    failures += failuresByPhase.get(p);
                    byPhase.append(p == 0 ? "" : " ").append(PHASES[p]).append('=')
                            .append(failuresByPhase.get(p)).append('/').append(requestsByPhase.get(p));
                }
                StringBuilder byClass = new StringBuilder();
                failuresByClass.forEach((k, v) -> byClass.append(byClass.length() == 0 ? "" : " ").append(k).append('=').append(v.sum()));
                System.out.println("SCENARIO: protocol=RESP3 threads=" + THREADS + " workload_ms=" + workloadMs
                        + " requests=" + requests + " ok=" + succeeded.sum() + " failed=" + failures
                        + " [" + byClass + "] failed/sent by phase [" + byPhase + "]"
                        + " unexpected=" + unexpected.size() + " hung=" + hung.size() + " pending_at_end=" + pendingAtEnd
                        + " | kill at " + ms(start, killedAt) + " ms: cluster healthy after " + ms(killedAt, healthyAt)
                        + " ms, writes to the killed primary's slots ok again after " + recoveryMs + " ms (bound "
                        + RECOVERY_BOUND_MS + ")"
                        + " | slot " + hotSlot + " migrated " + source.port() + "->" + target.port() + ": " + movedKeys
                        + " keys in " + batches + " batches over " + ms(migrationStart, migrationEnd) + " ms;"
                        + " ASK followed (ASKING)=" + asking + " ASK replies=" + askReplies + " MOVED replies="
                        + movedReplies + " (surviving nodes)"
                        + " | acknowledged keys=" + acknowledged.size() + " lost=" + lost.size()
                        + " stale_reads=" + staleReads.size() + " redirect_errors=" + redirectLeaks.size()
                        + " | total " + ms(testStart, System.nanoTime()) + " ms");
                sampleFailure.forEach((k, v) -> System.out.println("  first " + k + ": " + v));

                assertTrue(stuckThreads.isEmpty(), "workers that did not stop: " + stuckThreads);
                assertTrue(unexpected.isEmpty(), "failures that are not Connection/Timeout/RequestException: " + first(unexpected));
                assertTrue(hung.isEmpty(), "futures not complete within " + FUTURE_BOUND_MS + " ms: " + first(hung));
                assertEquals(0, pendingAtEnd, "futures still pending at the end");
                assertTrue(redirectLeaks.isEmpty(), "redirects surfaced to the caller: " + first(redirectLeaks));
                assertTrue(staleReads.isEmpty(), "reads older than an acknowledged write: " + first(staleReads));
                assertTrue(lost.isEmpty(), lost.size() + " acknowledged writes not readable: " + first(lost));
                assertTrue(acknowledged.size() >= THREADS * (SPREAD_KEYS + HOT_KEYS) * 9 / 10,
                        "too few keys ever written: " + acknowledged.size());
                assertTrue(recoveryMs >= 0 && recoveryMs <= RECOVERY_BOUND_MS,
                        "writes to the killed primary's slots did not succeed again within " + RECOVERY_BOUND_MS
                                + " ms (" + recoveryMs + ")");
                assertTrue(movedKeys > 0, "the migration moved no key");
                assertTrue(asking > 0, "no ASK was followed during the migration");
                assertTrue(requestsByPhase.get(MIGRATED) > 0 && failuresByPhase.get(MIGRATED) < requestsByPhase.get(MIGRATED),
                        "no request succeeded after the migration");
            }
        }
    }

    /** One workload thread: its own keys, each with an increasing sequence number in its value. */
    private final class Worker implements Runnable {
        private final GlideClusterClient client;
        private final String[] keys;
        private final boolean[] onVictim;
        private final long[] nextSeq;
        /** key -> highest acknowledged sequence; read by the test once the thread ended. */
        final Map<String, Long> acknowledged = new HashMap<>();
        private final long[] ackedSeq;
        private int spreadCursor;
        private int hotCursor;

        Worker(int id, GlideClusterClient client) {
            this.client = client;
            keys = new String[SPREAD_KEYS + HOT_KEYS];
            for (int i = 0; i < SPREAD_KEYS; i++) {
                keys[i] = "scenario:t" + id + ":" + i;
            }
            for (int i = 0; i < HOT_KEYS; i++) {
                keys[SPREAD_KEYS + i] = HOT_TAG + ":t" + id + ":" + i;
            }
            onVictim = new boolean[keys.length];
            for (int i = 0; i < keys.length; i++) {
                onVictim[i] = victimSlots.get(RedisCluster.keySlot(keys[i]));
            }
            nextSeq = new long[keys.length];
            ackedSeq = new long[keys.length];
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    batch();
                    Thread.sleep(1);
                }
            } catch (Throwable t) {
                unexpected.add(Thread.currentThread().getName() + " died: " + t);
            }
        }

        /** Three writes (two spread keys, one hot key) and two reads of other keys, all in flight at once. */
        private void batch() {
            int[] writes = {spreadCursor++ % SPREAD_KEYS, spreadCursor++ % SPREAD_KEYS, SPREAD_KEYS + hotCursor++ % HOT_KEYS};
            List<Op> ops = new ArrayList<>(5);
            for (int k : writes) {
                long seq = ++nextSeq[k];
                ops.add(send(k, seq, client.set(keys[k], keys[k] + "#" + seq)));
            }
            for (int r = 0; r < 2; r++) {
                int k = ThreadLocalRandom.current().nextInt(keys.length);
                if (k == writes[0] || k == writes[1] || k == writes[2]) {
                    continue;
                }
                ops.add(send(k, -1, client.get(keys[k])));
            }
            for (Op op : ops) {
                complete(op);
            }
        }

        private Op send(int k, long seq, CompletableFuture<String> future) {
            int p = phase;
            requestsByPhase.incrementAndGet(p);
            pending.add(future);
            future.whenComplete((v, e) -> pending.remove(future));
            return new Op(k, seq, ackedSeq[k], System.nanoTime(), p, future);
        }

        private void complete(Op op) {
            String key = keys[op.key];
            String value;
            try {
                value = op.future.get(FUTURE_BOUND_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                hung.add((op.seq < 0 ? "GET " : "SET ") + key + " sent in phase " + PHASES[op.phase]);
                failuresByPhase.incrementAndGet(op.phase);
                return;
            } catch (ExecutionException e) {
                failed(op, e.getCause());
                return;
            } catch (Throwable t) {
                failed(op, t);
                return;
            }
            succeeded.increment();
            if (op.seq >= 0) {
                // A write: acknowledged.
                if (!"OK".equals(value)) {
                    unexpected.add("SET " + key + " replied " + value);
                    return;
                }
                ackedSeq[op.key] = Math.max(ackedSeq[op.key], op.seq);
                acknowledged.put(key, ackedSeq[op.key]);
                long at = System.nanoTime();
                long killed = killedAt;
                if (onVictim[op.key] && killed != 0 && op.sentAt > killed) {
                    recoveredAt.accumulateAndGet(at, Math::min);
                }
            } else {
                // A read: never older than what was acknowledged before it was sent.
                String problem = check(key, value, op.ackedBefore);
                if (problem != null) {
                    staleReads.add(problem + " (read in phase " + PHASES[op.phase] + ")");
                }
            }
        }

        private void failed(Op op, Throwable cause) {
            failuresByPhase.incrementAndGet(op.phase);
            String what = (op.seq < 0 ? "GET " : "SET ") + keys[op.key] + " in phase " + PHASES[op.phase] + ": " + cause;
            if (cause instanceof ConnectionException || cause instanceof TimeoutException
                    || cause instanceof RequestException) {
                String name = cause.getClass().getSimpleName();
                failuresByClass.computeIfAbsent(name, n -> new LongAdder()).increment();
                sampleFailure.putIfAbsent(name, what);
                String message = String.valueOf(cause.getMessage());
                if (message.startsWith("MOVED ") || message.startsWith("ASK ") || message.contains("redirects")) {
                    redirectLeaks.add(what);
                }
            } else {
                unexpected.add(what);
            }
        }
    }

    /** A request in flight: its key's index, the sequence written (-1 for a read) and what was acknowledged before. */
    private static final class Op {
        final int key;
        final long seq;
        final long ackedBefore;
        final long sentAt;
        final int phase;
        final CompletableFuture<String> future;

        Op(int key, long seq, long ackedBefore, long sentAt, int phase, CompletableFuture<String> future) {
            this.key = key;
            this.seq = seq;
            this.ackedBefore = ackedBefore;
            this.sentAt = sentAt;
            this.phase = phase;
            this.future = future;
        }
    }

    /** Null when {@code value} is {@code key}'s value with a sequence of at least {@code acked}, else why not. */
    private static String check(String key, String value, long acked) {
        if (value == null) {
            return acked == 0 ? null : key + ": acknowledged #" + acked + ", read nil";
        }
        if (!value.startsWith(key + "#")) {
            return key + ": read another key's value " + value;
        }
        long seq = Long.parseLong(value.substring(key.length() + 1));
        return seq >= acked ? null : key + ": acknowledged #" + acked + ", read #" + seq;
    }

    /** Reads every acknowledged key through {@code client}; returns the keys whose write is gone. */
    private static List<String> verify(GlideClusterClient client, Map<String, Long> acknowledged, String via)
            throws Exception {
        Map<String, CompletableFuture<String>> reads = new HashMap<>();
        acknowledged.forEach((key, seq) -> reads.put(key, client.get(key)));
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, CompletableFuture<String>> e : reads.entrySet()) {
            String problem = check(e.getKey(), await(e.getValue()), acknowledged.get(e.getKey()));
            if (problem != null) {
                lost.add(problem + " (" + via + ")");
            }
        }
        return lost;
    }

    private static long stat(String info, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(info);
        long sum = 0;
        while (m.find()) {
            sum += Long.parseLong(m.group(1));
        }
        return sum;
    }

    private static String first(List<String> problems) {
        synchronized (problems) {
            return problems.size() <= 10 ? problems.toString() : problems.subList(0, 10) + " ... (" + problems.size() + ")";
        }
    }

    private static long ms(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private static void sleepUntil(long startNanos, long offsetMs) throws InterruptedException {
        long wait = startNanos + TimeUnit.MILLISECONDS.toNanos(offsetMs) - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
