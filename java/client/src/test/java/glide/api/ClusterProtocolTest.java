package glide.api;

import static glide.api.Clients.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.ClusterValue;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Basic cluster routing under both protocols: the same calls give the same results whether the
 * client speaks RESP2 or RESP3 (replies by node, combined replies and reply shapes included).
 */
class ClusterProtocolTest {
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

    private static GlideClusterClient connect(ProtocolVersion protocol) throws Exception {
        RedisServer seed = cluster.nodes().get(0);
        return await(GlideClusterClient.createClient(
                GlideClusterClientConfiguration.builder()
                        .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                        .protocol(protocol)
                        .requestTimeout(2000)
                        .build()));
    }

    /** "host:port" of each primary, as the client names nodes. */
    private static Set<String> primaryAddresses() {
        Set<String> out = new TreeSet<>();
        cluster.primaries().forEach(p -> out.add(p.host() + ":" + p.port()));
        return out;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void setAndGetOnManySlots(ProtocolVersion protocol) throws Exception {
        List<RedisServer> primaries = cluster.primaries();
        List<BitSet> slotsByPrimary = new ArrayList<>();
        primaries.forEach(p -> slotsByPrimary.add(cluster.slotsOf(p)));
        Set<Integer> slots = new HashSet<>();
        int[] keysPerPrimary = new int[primaries.size()];
        try (GlideClusterClient client = connect(protocol)) {
            for (int i = 0; i < 300; i++) {
                String key = "proto:" + protocol + ":" + i;
                int slot = RedisCluster.keySlot(key);
                slots.add(slot);
                assertEquals("OK", await(client.set(key, "v" + i)));
                assertEquals("v" + i, await(client.get(key)));
                for (int p = 0; p < primaries.size(); p++) {
                    if (slotsByPrimary.get(p).get(slot)) {
                        keysPerPrimary[p]++;
                        if (i % 10 == 0) {
                            // Stored on the slot's primary itself.
                            assertEquals("v" + i, primaries.get(p).command("GET", key), key);
                        }
                    }
                }
            }
            assertNull(await(client.get("proto:" + protocol + ":missing")));
        }
        assertTrue(slots.size() > 290, "keys over many slots: " + slots.size());
        for (int p = 0; p < primaries.size(); p++) {
            assertTrue(keysPerPrimary[p] > 50, "keys on " + primaries.get(p) + ": " + keysPerPrimary[p]);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void mgetKeepsTheCallersOrderAcrossSlots(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < 60; i++) {
                values.put("mget:" + protocol + ":" + i, "value-" + i);
            }
            assertEquals("OK", await(client.mset(values)));
            // Shuffled, with missing keys and a repeated key in between.
            List<String> keys = new ArrayList<>(values.keySet());
            Collections.shuffle(keys, new Random(42));
            keys.add(7, "mget:" + protocol + ":missing-a");
            keys.add(30, keys.get(3));
            keys.add("mget:" + protocol + ":missing-b");
            String[] expected = new String[keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                expected[i] = values.get(keys.get(i));
            }
            Set<Integer> slots = new HashSet<>();
            keys.forEach(k -> slots.add(RedisCluster.keySlot(k)));
            assertTrue(slots.size() > 50, "keys over many slots: " + slots.size());
            assertArrayEquals(expected, await(client.mget(keys.toArray(new String[0]))));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void dbsizeIsTheSumOverThePrimaries(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            assertEquals("OK", await(client.flushall()));
            for (int i = 0; i < 77; i++) {
                await(client.set("dbsize:" + protocol + ":" + i, "x"));
            }
            long perNode = 0;
            for (RedisServer p : cluster.primaries()) {
                long n = (Long) p.command("DBSIZE");
                assertTrue(n > 0 && n < 77, p + " holds " + n + " of the keys");
                perNode += n;
            }
            assertEquals(77L, perNode);
            assertEquals(77L, await(client.dbsize()));
            assertEquals(77L, await(client.dbsize(SimpleMultiNodeRoute.ALL_PRIMARIES)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void infoGivesOneReplyPerPrimary(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            for (ClusterValue<String> info : List.of(
                    await(client.info()),
                    await(client.info(new Section[] {Section.SERVER})),
                    await(client.info(SimpleMultiNodeRoute.ALL_PRIMARIES)))) {
                assertTrue(info.hasMultiData());
                Map<String, String> byNode = info.getMultiValue();
                assertEquals(primaryAddresses(), new TreeSet<>(byNode.keySet()));
                // Each node's own report, under its own name.
                byNode.forEach((node, report) -> assertEquals(node.split(":")[1], portIn(report), node));
            }
            ClusterValue<String> all = await(client.info(new Section[] {Section.REPLICATION}, SimpleMultiNodeRoute.ALL_NODES));
            assertEquals(6, all.getMultiValue().size());
            long replicas = all.getMultiValue().values().stream().filter(r -> r.contains("role:slave")).count();
            assertEquals(3, replicas);
            // One node by key: a single report, the key's primary's.
            String key = "info-key";
            ClusterValue<String> one = await(client.info(new SlotKeyRoute(key, SlotType.PRIMARY)));
            assertTrue(one.hasSingleData());
            assertEquals(String.valueOf(cluster.primaryOf(cluster.slotOf(key)).port()), portIn(one.getSingleValue()));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void customCommandToAllPrimaries(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            Map<String, Object> ids = await(client.customCommand(
                    new String[] {"CLUSTER", "MYID"}, SimpleMultiNodeRoute.ALL_PRIMARIES)).getMultiValue();
            assertEquals(primaryAddresses(), new TreeSet<>(ids.keySet()));
            for (Map.Entry<String, Object> e : ids.entrySet()) {
                RedisServer node = cluster.node(Integer.parseInt(e.getKey().split(":")[1]));
                assertEquals(node.command("CLUSTER", "MYID"), e.getValue(), "the reply of " + e.getKey());
            }
            Map<String, Object> echoes = await(client.customCommand(
                    new String[] {"ECHO", "hi"}, SimpleMultiNodeRoute.ALL_PRIMARIES)).getMultiValue();
            assertEquals(primaryAddresses(), new TreeSet<>(echoes.keySet()));
            echoes.values().forEach(v -> assertEquals("hi", v));
            // PING's replies combine into one (its response policy is all_succeeded).
            ClusterValue<Object> ping = await(client.customCommand(
                    new String[] {"PING", "hi"}, SimpleMultiNodeRoute.ALL_PRIMARIES));
            assertTrue(ping.hasSingleData());
            assertEquals("hi", ping.getSingleValue());
            // A config reply per node keeps its shape (a map) under both protocols.
            Map<String, Object> configs = await(client.customCommand(
                    new String[] {"CONFIG", "GET", "cluster-node-timeout"}, SimpleMultiNodeRoute.ALL_PRIMARIES)).getMultiValue();
            assertEquals(3, configs.size());
            configs.values().forEach(v -> assertEquals(
                    Map.of("cluster-node-timeout", String.valueOf(RedisCluster.NODE_TIMEOUT_MS)), v));
            // DBSIZE has a policy (sum) even through customCommand.
            await(client.flushall());
            for (int i = 0; i < 10; i++) {
                await(client.set("custom:" + protocol + ":" + i, "x"));
            }
            ClusterValue<Object> dbsize = await(client.customCommand(new String[] {"DBSIZE"}));
            assertEquals(10L, dbsize.getSingleValue());
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void hashRepliesAreMaps(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            String key = "hash:" + protocol;
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                fields.put("f" + i, "v" + i);
            }
            assertEquals(5L, await(client.hset(key, fields)));
            assertEquals(fields, await(client.hgetall(key)));
            assertEquals(Map.of(), await(client.hgetall(key + ":missing")));
            // Through customCommand, routed to the key's node: a single value, a map.
            Object routed = await(client.customCommand(
                    new String[] {"HGETALL", key}, new SlotKeyRoute(key, SlotType.PRIMARY))).getSingleValue();
            assertInstanceOf(Map.class, routed);
            assertEquals(fields, routed);
            // Without a route too: the core marks replies by node, so one node's map is a single
            // value (valkey-glide 2.3.1 takes any map here for replies by node).
            ClusterValue<Object> unrouted = await(client.customCommand(new String[] {"HGETALL", key}));
            assertTrue(unrouted.hasSingleData());
            assertEquals(fields, unrouted.getSingleValue());
            ClusterValue<Object> byNode = await(client.customCommand(new String[] {"INFO", "server"}));
            assertTrue(byNode.hasMultiData());
            assertEquals(3, byNode.getMultiValue().size());
        }
    }

    private static String portIn(String info) {
        Matcher m = Pattern.compile("tcp_port:(\\d+)").matcher(info);
        assertTrue(m.find(), info);
        return m.group(1);
    }
}
