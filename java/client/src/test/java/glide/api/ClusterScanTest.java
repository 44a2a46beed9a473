package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cluster scan against a real cluster of 3 primaries and 3 replicas: every key exactly once, also
 * while slots move between primaries during the scan.
 */
class ClusterScanTest {
    private static RedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisCluster.start(3, 1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void flush() {
        for (RedisServer primary : cluster.primaries()) {
            primary.command("FLUSHALL");
        }
    }

    private static GlideClusterClient connect(ProtocolVersion protocol) throws Exception {
        RedisServer seed = cluster.nodes().get(0);
        return await(
                GlideClusterClient.createClient(
                        GlideClusterClientConfiguration.builder()
                                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                                .protocol(protocol)
                                .requestTimeout(2000)
                                .build()));
    }

    /**
     * Scans to the end, counting how often each key comes back; {@code beforeStep} runs before
     * each step with the step's number.
     */
    private static Map<String, Integer> scanAll(
            GlideClusterClient client, ScanOptions options, IntConsumer beforeStep) throws Exception {
        Map<String, Integer> seen = new TreeMap<>();
        ClusterScanCursor cursor = ClusterScanCursor.initialCursor();
        int step = 0;
        while (!cursor.isFinished()) {
            beforeStep.accept(step++);
            Object[] result = await(options == null ? client.scan(cursor) : client.scan(cursor, options));
            cursor.releaseCursorHandle();
            cursor = (ClusterScanCursor) result[0];
            for (String key : (String[]) result[1]) {
                seen.merge(key, 1, Integer::sum);
            }
        }
        return seen;
    }

    private static Map<String, Integer> duplicates(Map<String, Integer> seen) {
        Map<String, Integer> twice = new TreeMap<>();
        seen.forEach((k, n) -> {
            if (n != 1) {
                twice.put(k, n);
            }
        });
        return twice;
    }

    private static Set<String> writeKeys(GlideClusterClient client, String prefix, int count) throws Exception {
        Set<String> keys = new HashSet<>();
        List<java.util.concurrent.CompletableFuture<String>> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = prefix + i;
            keys.add(key);
            writes.add(client.set(key, "v"));
            if (writes.size() == 500) { // under the inflight limit
                for (java.util.concurrent.CompletableFuture<String> w : writes) {
                    await(w);
                }
                writes.clear();
            }
        }
        for (java.util.concurrent.CompletableFuture<String> w : writes) {
            await(w);
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyKeyOnceAcrossTheCluster(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            Set<String> keys = writeKeys(client, "k:", 3000);
            // Keys sharing a slot, and a hash.
            for (int i = 0; i < 50; i++) {
                keys.add("{tag}:" + i);
                await(client.set("{tag}:" + i, "t"));
            }
            Map<String, Integer> seen = scanAll(client, null, step -> {});
            assertEquals(Map.of(), duplicates(seen));
            assertEquals(keys, seen.keySet());
            // Each node's keys were really spread: the scan crossed all three primaries.
            Set<RedisServer> owners = new HashSet<>();
            for (String key : List.of("k:1", "k:2", "k:3", "k:4", "k:5", "k:6", "k:7", "k:8")) {
                owners.add(cluster.primaryOf(cluster.slotOf(key)));
            }
            assertTrue(owners.size() > 1);
        }
    }

    @Test
    void anEmptyClusterFinishesInAFewSteps() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            int[] steps = {0};
            Map<String, Integer> seen = scanAll(client, null, step -> steps[0]++);
            assertEquals(Map.of(), seen);
            // Batches grow through empty slots: far fewer steps than 16384 slots.
            assertTrue(steps[0] < 40, "steps: " + steps[0]);
        }
    }

    @Test
    void matchCountAndTypeFilter() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            writeKeys(client, "user:", 200);
            writeKeys(client, "item:", 200);
            for (int i = 0; i < 30; i++) {
                await(client.hset("h:" + i, Map.of("f", "v")));
            }
            Map<String, Integer> users = scanAll(client, ScanOptions.builder().matchPattern("user:1*").count(50L).build(), s -> {});
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                if (String.valueOf(i).startsWith("1")) {
                    expected.add("user:" + i);
                }
            }
            assertEquals(expected, users.keySet());
            assertEquals(Map.of(), duplicates(users));

            Map<String, Integer> hashes = scanAll(client, ScanOptions.builder().type(ScanOptions.ObjectType.HASH).build(), s -> {});
            Set<String> hashKeys = new HashSet<>();
            for (int i = 0; i < 30; i++) {
                hashKeys.add("h:" + i);
            }
            assertEquals(hashKeys, hashes.keySet());

            Map<String, Integer> none =
                    scanAll(client, ScanOptions.builder().matchPattern("h:*").type(ScanOptions.ObjectType.LIST).build(), s -> {});
            assertEquals(Map.of(), none);
        }
    }

    @Test
    void binaryKeysComeBackAsTheyWere() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            GlideString odd = GlideString.of(new byte[] {'b', ':', (byte) 0xff, 0, (byte) 0xc3});
            await(client.set(odd, GlideString.of("v")));
            await(client.set("b:text", "v"));
            Set<GlideString> seen = new HashSet<>();
            ClusterScanCursor cursor = ClusterScanCursor.initialCursor();
            while (!cursor.isFinished()) {
                Object[] result = await(client.scanBinary(cursor, ScanOptions.builder().matchPatternBinary(GlideString.of("b:*")).build()));
                cursor = (ClusterScanCursor) result[0];
                for (GlideString key : (GlideString[]) result[1]) {
                    assertTrue(seen.add(key), "twice: " + key);
                }
            }
            assertEquals(Set.of(odd, GlideString.of("b:text")), seen);
            // scan() does not stop at a key that is not UTF-8: it reads with U+FFFD.
            Set<String> text = new HashSet<>();
            cursor = ClusterScanCursor.initialCursor();
            while (!cursor.isFinished()) {
                Object[] result = await(client.scan(cursor, ScanOptions.builder().matchPattern("b:*").build()));
                cursor = (ClusterScanCursor) result[0];
                text.addAll(List.of((String[]) result[1]));
            }
            assertEquals(Set.of("b:text", "b:\uFFFD\u0000\uFFFD"), text);
        }
    }

    @Test
    void badCursorsAndOptionsAreClearErrors() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            assertInstanceOf(RequestException.class, failure(client.scan(null)));
            ClusterScanCursor foreign = new ClusterScanCursor() {
                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public void releaseCursorHandle() {}
            };
            assertInstanceOf(RequestException.class, failure(client.scan(foreign)));
            assertInstanceOf(RequestException.class, failure(client.scan(ClusterScanCursor.initialCursor(), ScanOptions.builder().count(0L).build())));
            // A finished cursor cannot go on.
            ClusterScanCursor cursor = ClusterScanCursor.initialCursor();
            while (!cursor.isFinished()) {
                cursor = (ClusterScanCursor) await(client.scan(cursor))[0];
            }
            assertInstanceOf(RequestException.class, failure(client.scan(cursor)));
            // A cursor is a value: the same step can be taken twice with the same result.
            await(client.set("again", "v"));
            Object[] first = await(client.scan(ClusterScanCursor.initialCursor(), ScanOptions.builder().count(100000L).build()));
            Object[] second = await(client.scan(ClusterScanCursor.initialCursor(), ScanOptions.builder().count(100000L).build()));
            assertEquals(List.of((String[]) first[1]), List.of((String[]) second[1]));
        }
    }

    /**
     * Issue 15: valkey-glide frees a cursor's native state in releaseCursorHandle() and refuses the
     * cursor afterwards with a RequestException ("Invalid scan_state_cursor id"); code written for
     * it must meet the same refusal here. The cursor returned by the step is unaffected, and the
     * shared initial cursor ignores the release.
     */
    @Test
    void aReleasedCursorIsRefusedAndTheNextOneGoesOn() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            await(client.set("released-cursor", "v"));
            ClusterScanCursor initial = ClusterScanCursor.initialCursor();
            initial.releaseCursorHandle();
            ClusterScanCursor cursor = (ClusterScanCursor) await(client.scan(initial))[0];
            assertFalse(cursor.isFinished(), "16 slots read of 16384");
            ClusterScanCursor next = (ClusterScanCursor) await(client.scan(cursor))[0];
            cursor.releaseCursorHandle();
            Throwable refused = failure(client.scan(cursor));
            assertInstanceOf(RequestException.class, refused);
            assertTrue(refused.getMessage().contains("Invalid scan_state_cursor id"), refused.getMessage());
            assertInstanceOf(RequestException.class, failure(client.scanBinary(cursor)));
            // The scan goes on, to its end, from the cursor the step returned.
            int steps = 0;
            while (!next.isFinished() && steps++ < 20_000) {
                next = (ClusterScanCursor) await(client.scan(next))[0];
            }
            assertTrue(next.isFinished());
        }
    }

    /**
     * Slots move while the scan runs: one slot is half migrated when the scan reaches it (its keys
     * are split between two primaries), and another is moved completely before the scan reaches it,
     * without the client knowing. Every key still comes back exactly once.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyKeyOnceWhileSlotsMove(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            Set<String> keys = writeKeys(client, "m:", 2000);
            // Two slots near the end of the slot space, holding several keys each.
            String halfTag = findTagWithSlotAbove(15000);
            String wholeTag = findTagWithSlotAbove(15500);
            for (int i = 0; i < 40; i++) {
                keys.add(halfTag + i);
                keys.add(wholeTag + i);
                await(client.set(halfTag + i, "h"));
                await(client.set(wholeTag + i, "w"));
            }
            int halfSlot = cluster.slotOf(halfTag);
            int wholeSlot = cluster.slotOf(wholeTag);
            RedisServer source = cluster.primaryOf(halfSlot);
            assertEquals(source, cluster.primaryOf(wholeSlot), "both slots start on the last primary");
            RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
            String sourceId = (String) source.command("CLUSTER", "MYID");
            String targetId = (String) target.command("CLUSTER", "MYID");

            Map<String, Integer> seen = scanAll(client, ScanOptions.builder().count(20L).build(), step -> {
                if (step != 3) {
                    return;
                }
                // After a few steps (still in the low slots): half of one slot moves, all of the other.
                String h = String.valueOf(halfSlot);
                target.command("CLUSTER", "SETSLOT", h, "IMPORTING", sourceId);
                source.command("CLUSTER", "SETSLOT", h, "MIGRATING", targetId);
                List<String> half = new ArrayList<>(List.of("MIGRATE", target.host(), String.valueOf(target.port()), "", "0", "5000", "KEYS"));
                for (int i = 0; i < 20; i++) {
                    half.add(halfTag + i);
                }
                source.command(half.toArray(new String[0]));
                moveWholeSlot(wholeSlot, source, target, sourceId, targetId);
            });
            try {
                assertEquals(Map.of(), duplicates(seen));
                assertEquals(keys, seen.keySet());
            } finally {
                // Finish the half migration, and put both slots back.
                migrateRemainingKeys(halfSlot, source, target);
                for (RedisServer n : cluster.primaries()) {
                    n.command("CLUSTER", "SETSLOT", String.valueOf(halfSlot), "NODE", targetId);
                }
                moveWholeSlot(halfSlot, target, source, targetId, sourceId);
                moveWholeSlot(wholeSlot, target, source, targetId, sourceId);
                cluster.awaitHealthy(10_000);
            }
        }
    }

    /**
     * The primary serving the slots ahead of the cursor is killed mid-scan: steps fail (with a
     * GlideException) until its replica is promoted; retrying with the same cursor then finishes
     * the scan, and every key comes back exactly once. Uses a cluster of its own.
     */
    @Test
    void aScanSurvivesAFailoverByRetryingTheSameCursor() throws Exception {
        try (RedisCluster own = RedisCluster.start(3, 1)) {
            RedisServer seed = own.nodes().get(0);
            GlideClusterClientConfiguration config =
                    GlideClusterClientConfiguration.builder()
                            .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                            .requestTimeout(1000)
                            .build();
            try (GlideClusterClient client = await(GlideClusterClient.createClient(config))) {
                Set<String> keys = writeKeys(client, "f:", 3000);
                RedisServer victim = own.primaryOf(16383);
                // Every write has reached the victim's replica before it dies (replication is
                // asynchronous: a key not replicated yet would be lost by the failover itself).
                own.awaitReplicated(victim, 10_000);
                Map<String, Integer> seen = new TreeMap<>();
                ClusterScanCursor cursor = ClusterScanCursor.initialCursor();
                int step = 0;
                int failedSteps = 0;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!cursor.isFinished()) {
                    if (step++ == 3) {
                        victim.kill();
                    }
                    Object[] result;
                    try {
                        result = await(client.scan(cursor, ScanOptions.builder().count(100L).build()));
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertInstanceOf(glide.api.models.exceptions.GlideException.class, e.getCause());
                        assertTrue(System.nanoTime() < deadline, "the scan did not recover: " + e.getCause());
                        failedSteps++;
                        Thread.sleep(100);
                        continue; // the same cursor again
                    }
                    cursor = (ClusterScanCursor) result[0];
                    for (String key : (String[]) result[1]) {
                        seen.merge(key, 1, Integer::sum);
                    }
                }
                assertEquals(Map.of(), duplicates(seen));
                assertEquals(keys, seen.keySet());
                System.out.println("SCAN-FAILOVER: " + step + " steps, " + failedSteps + " failed while the primary was replaced");
            }
        }
    }

    /** A hash tag whose slot is above {@code floor}, written as a key prefix {@code {tag}:}. */
    private static String findTagWithSlotAbove(int floor) {
        for (int i = 0; ; i++) {
            String tag = "{s" + i + "}:";
            if (cluster.slotOf(tag) > floor) {
                return tag;
            }
        }
    }

    /** MIGRATEs every key {@code source} still holds in {@code slot} (already MIGRATING) to {@code target}. */
    private static void migrateRemainingKeys(int slot, RedisServer source, RedisServer target) {
        List<?> keys;
        while (!(keys = (List<?>) source.command("CLUSTER", "GETKEYSINSLOT", String.valueOf(slot), "100")).isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("MIGRATE", target.host(), String.valueOf(target.port()), "", "0", "5000", "KEYS"));
            keys.forEach(k -> cmd.add((String) k));
            source.command(cmd.toArray(new String[0]));
        }
    }

    private static void moveWholeSlot(int slot, RedisServer source, RedisServer target, String sourceId, String targetId) {
        String s = String.valueOf(slot);
        target.command("CLUSTER", "SETSLOT", s, "IMPORTING", sourceId);
        source.command("CLUSTER", "SETSLOT", s, "MIGRATING", targetId);
        migrateRemainingKeys(slot, source, target);
        for (RedisServer n : cluster.primaries()) {
            n.command("CLUSTER", "SETSLOT", s, "NODE", targetId);
        }
    }
}
