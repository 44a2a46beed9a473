package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.ClusterValue;
import glide.api.models.GlideString;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.api.models.commands.ScriptDebugMode;
import glide.api.models.commands.ScriptOptions;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.geospatial.GeospatialData;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchOrigin.MemberOrigin;
import glide.api.models.commands.WeightAggregateOptions.KeyArray;
import glide.api.models.commands.ListDirection;
import glide.api.models.Script;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ReadFrom;
import glide.api.models.configuration.RequestRoutingConfiguration.ByAddressRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotIdRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import glide.api.models.exceptions.GlideException;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import glide.testutil.SlotMigration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** GlideClusterClient against a real cluster of 3 primaries and 3 replicas. */
class ClusterTest {
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

    static GlideClusterClient connect(ProtocolVersion protocol) throws Exception {
        RedisServer seed = cluster.nodes().get(0);
        return await(
                GlideClusterClient.createClient(
                        GlideClusterClientConfiguration.builder()
                                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                                .protocol(protocol)
                                .requestTimeout(2000)
                                .build()));
    }

    /** The port of the node that ran a command, read from its INFO reply. */
    private static int portIn(String info) {
        Matcher m = Pattern.compile("tcp_port:(\\d+)").matcher(info);
        assertTrue(m.find(), info);
        return Integer.parseInt(m.group(1));
    }

    /**
     * READONLY is said only when reads may go to replicas (as valkey-glide does), so an ACL user
     * without that command connects with the default PRIMARY reads (issue 15: the handshake sent
     * it to every node and failed with NOPERM).
     */
    @Test
    void anAclUserWithoutReadonlyConnectsWithPrimaryReads() throws Exception {
        try (GlideClusterClient admin = connect(ProtocolVersion.RESP3)) {
            String key = "acl:" + java.util.UUID.randomUUID();
            await(admin.set(key, "seen"));
            await(admin.customCommand(new String[] {
                "ACL", "SETUSER", "getonly", "on", "allkeys", "+get", "+cluster", "+ping", "+info", "+client", ">pw"}));
            RedisServer seed = cluster.nodes().get(0);
            try (GlideClusterClient user = await(GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                    .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                    .credentials(glide.api.models.configuration.ServerCredentials.builder()
                            .username("getonly").password("pw").build())
                    .requestTimeout(2000)
                    .build()))) {
                assertEquals("seen", await(user.get(key)));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void keyedCommandsGoToTheNodeThatOwnsTheirSlot(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            for (int i = 0; i < 200; i++) {
                String key = "routed:" + protocol + ":" + i;
                assertEquals("OK", await(client.set(key, "v" + i)));
                // Read back through the client and straight from the slot's primary.
                assertEquals("v" + i, await(client.get(key)));
                assertEquals("v" + i, cluster.primaryOf(cluster.slotOf(key)).command("GET", key));
            }
            assertEquals(1L, await(client.incr(GlideString.of("routed:counter:" + protocol))));
        }
    }

    @Test
    void multiKeyCommandsSplitPerSlotAndKeepTheCallersOrder() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < 50; i++) {
                values.put("split:" + i, "value-" + i);
            }
            assertEquals("OK", await(client.mset(values)));
            String[] keys = values.keySet().toArray(new String[0]);
            String[] withMissing = new String[keys.length + 1];
            System.arraycopy(keys, 0, withMissing, 1, keys.length);
            withMissing[0] = "split:missing";
            String[] got = await(client.mget(withMissing));
            assertNull(got[0]);
            for (int i = 0; i < keys.length; i++) {
                assertEquals(values.get(keys[i]), got[i + 1], keys[i]);
            }
            assertEquals(50L, await(client.exists(keys)));
            assertEquals(50L, await(client.del(withMissing)));
            assertEquals(0L, await(client.exists(keys)));
        }
    }

    /**
     * Differences tools/compat/run-cluster.sh found against valkey-glide (issue 4): keyless lists
     * join, settings reach every node, MSETNX is never split, arity errors keep their words.
     */
    @Test
    void routingMatchesValkeyGlideWhereTheServerGivesNoTips() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            await(client.customCommand(new String[] {"FLUSHALL"}));
            String[] keys = new String[40];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = "tips:" + i;
                await(client.set(keys[i], "v"));
            }
            // KEYS from every primary is one array, with or without a route.
            for (ClusterValue<Object> all :
                    List.of(
                            await(client.customCommand(new String[] {"KEYS", "tips:*"})),
                            await(client.customCommand(new String[] {"KEYS", "tips:*"}, SimpleMultiNodeRoute.ALL_PRIMARIES)))) {
                assertTrue(all.hasSingleData());
                Object[] found = (Object[]) all.getSingleValue();
                assertEquals(keys.length, found.length);
                assertEquals(Set.of(keys), Set.of(found));
            }
            // CONFIG RESETSTAT resets every node, and answers OK once.
            await(client.echo("counted", SimpleMultiNodeRoute.ALL_NODES));
            assertEquals("OK", await(client.configResetStat()));
            ClusterValue<String> stats = await(client.info(new Section[] {Section.COMMANDSTATS}, SimpleMultiNodeRoute.ALL_NODES));
            assertEquals(6, stats.getMultiValue().size());
            stats.getMultiValue().forEach((node, text) -> assertFalse(text.contains("cmdstat_echo"), node));
            assertEquals("OK", await(client.configResetStat(SimpleMultiNodeRoute.ALL_NODES)));
            // CLIENT SETNAME names the connection to every node.
            await(client.customCommand(new String[] {"CLIENT", "SETNAME", "tips-app"}));
            ClusterValue<String> names = await(client.clientGetName(SimpleMultiNodeRoute.ALL_NODES));
            assertEquals(6, names.getMultiValue().size());
            names.getMultiValue().forEach((node, name) -> assertEquals("tips-app", name, node));
            // MSETNX across slots: the server's CROSSSLOT, and nothing written.
            assertTrue(cluster.slotOf("nx:new") != cluster.slotOf(keys[0]));
            Throwable crossSlot = failure(client.customCommand(new String[] {"MSETNX", "nx:new", "x", keys[0], "y"}));
            assertInstanceOf(RequestException.class, crossSlot);
            assertTrue(crossSlot.getMessage().contains("CROSSSLOT"), crossSlot.getMessage());
            assertEquals(0L, await(client.exists(new String[] {"nx:new"})));
            // An odd MSET is an arity error, not CROSSSLOT.
            Throwable arity = failure(client.customCommand(new String[] {"MSET", keys[0], "a", keys[1]}));
            assertTrue(arity.getMessage().contains("wrong number of arguments"), arity.getMessage());
            // UNLINK and TOUCH split per slot and sum.
            assertEquals(40L, await(client.touch(keys)));
            assertEquals(40L, await(client.unlink(keys)));
            assertEquals(0L, await(client.touch(keys)));
        }
    }

    /** The generic key family on a cluster: keyed routing, same-slot COPY, WAIT on every primary. */
    @Test
    void genericKeyCommandsRouteByKey() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP2)) {
            for (int i = 0; i < 20; i++) {
                String k = "gen:" + i;
                await(client.set(k, "v"));
                assertTrue(await(client.expire(k, 100)));
                assertTrue(await(client.ttl(k)) > 0);
                assertEquals("string", await(client.type(k)));
            }
            assertFalse(await(client.copy("{gen}:a", "{gen}:b")), "no source yet");
            await(client.set("{gen}:a", "x"));
            assertTrue(await(client.copy("{gen}:a", "{gen}:b")));
            assertEquals("x", await(client.get("{gen}:b")));
            Throwable crossSlot = failure(client.copy("gen:1", "gen:2", true));
            assertTrue(crossSlot.getMessage().contains("CROSSSLOT"), crossSlot.getMessage());
            assertEquals(0L, await(client.wait(0L, 10L)));
        }
    }

    /** KEYS joins every primary's keys; LOLWUT by route; ACL user changes reach every node. */
    @Test
    void keysLolwutAndAclOnTheCluster() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            for (int i = 0; i < 30; i++) {
                await(client.set("kl:" + i, "v"));
            }
            ClusterValue<String[]> keys = await(client.keys("kl:*"));
            assertTrue(keys.hasSingleData());
            assertEquals(30, keys.getSingleValue().length);
            assertEquals(30, await(client.keys(GlideString.of("kl:*"), SimpleMultiNodeRoute.ALL_PRIMARIES)).getSingleValue().length);
            assertTrue(await(client.lolwut(5)).matches("(?s).*(Redis|Valkey) ver\\. .*"));
            ClusterValue<String> art = await(client.lolwut(SimpleMultiNodeRoute.ALL_NODES));
            assertEquals(6, art.getMultiValue().size());
            assertEquals("OK", await(client.aclSetUser("cluster-user", new String[] {"on", "nopass", "+ping"})));
            ClusterValue<Object> everywhere =
                    await(client.customCommand(new String[] {"ACL", "USERS"}, SimpleMultiNodeRoute.ALL_NODES));
            everywhere.getMultiValue().forEach((node, users) ->
                    assertTrue(List.of((Object[]) users).contains("cluster-user"), node));
            assertEquals(1L, await(client.aclDelUser(new String[] {"cluster-user"})));
        }
    }

    /** Functions load on every primary; scripts run where their keys are; the cache is per node. */
    @Test
    void functionsAndScriptsOnTheCluster() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP2)) {
            assertEquals("OK", await(client.functionFlush()));
            String code = "#!lua name=clib\nredis.register_function('cecho', function(keys, args) return args[1] end)";
            assertEquals("clib", await(client.functionLoad(code, false)));
            // Loaded on every primary: each answers a call routed to it.
            ClusterValue<Object> everywhere = await(client.fcall("cecho", new String[] {"x"}, SimpleMultiNodeRoute.ALL_PRIMARIES));
            assertEquals(3, everywhere.getMultiValue().size());
            everywhere.getMultiValue().values().forEach(v -> assertEquals("x", v));
            assertEquals("y", await(client.fcall("cecho", new String[] {"y"})));
            assertEquals(1, await(client.functionList(false)).length);
            ClusterValue<Map<String, Object>[]> lists = await(client.functionList(true, SimpleMultiNodeRoute.ALL_PRIMARIES));
            assertEquals(3, lists.getMultiValue().size());
            ClusterValue<Map<String, Map<String, Object>>> stats = await(client.functionStats());
            assertEquals(3, stats.getMultiValue().size());
            byte[] dump = await(client.functionDump());
            assertEquals("OK", await(client.functionDelete("clib")));
            assertEquals("OK", await(client.functionRestore(dump, FunctionRestorePolicy.REPLACE)));
            assertEquals("z", await(client.fcall("cecho", new String[] {"z"})));
            assertEquals("OK", await(client.functionFlush(FlushMode.SYNC)));

            assertEquals("OK", await(client.scriptFlush()));
            try (Script script = new Script("return redis.call('GET', KEYS[1])", false)) {
                for (int i = 0; i < 10; i++) {
                    await(client.set("sc:" + i, "v" + i));
                    // By key: each slot's primary loads the script on its first NOSCRIPT.
                    assertEquals("v" + i, await(client.invokeScript(script, ScriptOptions.builder().key("sc:" + i).build())));
                }
                assertArrayEquals(new Boolean[] {true}, await(client.scriptExists(new String[] {script.getHash()})));
            }
            try (Script once = new Script("return 'once'", false)) {
                // One call, on one node, loads the script on every node (SCRIPT LOAD goes to all
                // of them, as in valkey-glide): every primary knows it, and EVALSHA_RO with no
                // key (a random node, a replica when reads may go there) finds it (issue 15).
                assertEquals("once", await(client.invokeScript(once, new SlotKeyRoute("k", SlotType.PRIMARY))));
                assertArrayEquals(new Boolean[] {true}, await(client.scriptExists(new String[] {once.getHash()})));
                for (int i = 0; i < 10; i++) {
                    assertEquals("once", await(client.evalshaReadOnly(once.getHash())));
                }
            }
            try (Script afterDebug = new Script("return 'after debug'", false)) {
                // SCRIPT DEBUG YES then NO reach the same connection (one node, as in valkey-glide),
                // so no node is left in debug mode, which refuses EVALSHA (issue 15).
                assertEquals("OK", await(client.scriptDebug(ScriptDebugMode.YES)));
                assertEquals("OK", await(client.scriptDebug(ScriptDebugMode.SYNC)));
                assertEquals("OK", await(client.scriptDebug(ScriptDebugMode.NO)));
                for (int i = 0; i < 10; i++) {
                    assertEquals("after debug", await(client.invokeScript(afterDebug)));
                }
            }
            try (Script hello = new Script("return 'hi'", false)) {
                Object byNode = await(client.invokeScript(hello, SimpleMultiNodeRoute.ALL_PRIMARIES));
                assertInstanceOf(Map.class, byNode);
                assertEquals(3, ((Map<?, ?>) byNode).size());
                assertEquals("hi", await(client.invokeScript(hello, new SlotKeyRoute("any", SlotType.PRIMARY))));
            }
            assertEquals("OK", await(client.scriptFlush(FlushMode.ASYNC)));
        }
    }

    /**
     * Multi-key commands of each family on a cluster (issue 5): keys sharing a hash tag go to
     * their slot's primary; keys in different slots get the server's CROSSSLOT; a blocking pop
     * waits past the request timeout there too.
     */
    @Test
    void multiKeyCommandsOfEveryFamilyOnTheCluster() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            await(client.sadd("{fam}:s1", new String[] {"a", "b", "c"}));
            await(client.sadd("{fam}:s2", new String[] {"b", "c", "d"}));
            assertEquals(2L, await(client.sinterstore("{fam}:s3", new String[] {"{fam}:s1", "{fam}:s2"})));
            assertEquals(Set.of("a"), await(client.sdiff(new String[] {"{fam}:s1", "{fam}:s2"})));
            assertTrue(await(client.smove("{fam}:s1", "{fam}:s2", "a")));

            await(client.zadd("{fam}:z1", Map.of("x", 1.0, "y", 2.0)));
            await(client.zadd("{fam}:z2", Map.of("y", 3.0)));
            assertEquals(2L, await(client.zunionstore("{fam}:z3", new KeyArray(new String[] {"{fam}:z1", "{fam}:z2"}))));

            await(client.rpush("{fam}:l1", new String[] {"1", "2"}));
            assertEquals("1", await(client.lmove("{fam}:l1", "{fam}:l2", ListDirection.LEFT, ListDirection.RIGHT)));
            assertEquals(Map.of("{fam}:l1", List.of("2")), toLists(await(client.lmpop(new String[] {"{fam}:l0", "{fam}:l1"}, ListDirection.LEFT))));

            await(client.pfadd("{fam}:h1", new String[] {"a"}));
            await(client.pfadd("{fam}:h2", new String[] {"b"}));
            assertEquals("OK", await(client.pfmerge("{fam}:h3", new String[] {"{fam}:h1", "{fam}:h2"})));
            assertEquals(2L, await(client.pfcount(new String[] {"{fam}:h3"})));

            await(client.geoadd("{fam}:g", Map.of("p", new GeospatialData(13.36, 38.11), "q", new GeospatialData(15.08, 37.50))));
            assertEquals(2L, await(client.geosearchstore("{fam}:g2", "{fam}:g", new MemberOrigin("p"), new GeoSearchShape(200, GeoUnit.KILOMETERS))));

            String id = await(client.xadd("{fam}:x", Map.of("f", "v")));
            assertTrue(id.contains("-"));
            assertEquals(1, await(client.xread(Map.of("{fam}:x", "0"))).get("{fam}:x").size());

            Throwable crossSlot = failure(client.sinterstore("fam:a", new String[] {"fam:b", "fam:c"}));
            assertTrue(crossSlot.getMessage().contains("CROSSSLOT"), crossSlot.getMessage());
        }
        // A client whose request timeout (200 ms) is shorter than the pop's 1 s wait.
        RedisServer seed = cluster.nodes().get(0);
        try (GlideClusterClient client = await(GlideClusterClient.createClient(
                GlideClusterClientConfiguration.builder()
                        .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                        .requestTimeout(200)
                        .build()))) {
            long start = System.nanoTime();
            assertNull(await(client.blpop(new String[] {"{fam}:empty"}, 1.0)));
            assertTrue(System.nanoTime() - start >= 900_000_000L, "waited the block time, not the request timeout");
        }
    }

    private static Map<String, List<String>> toLists(Map<String, String[]> popped) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        popped.forEach((k, v) -> out.put(k, List.of(v)));
        return out;
    }

    @Test
    void commandsWithoutKeysFollowTheirPolicy() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            await(client.customCommand(new String[] {"FLUSHALL"}));
            for (int i = 0; i < 30; i++) {
                await(client.set("count:" + i, "x"));
            }
            // DBSIZE goes to every primary and the counts are summed.
            assertEquals(30L, await(client.dbsize()));
            assertEquals("PONG", await(client.ping()));
            assertEquals("hello", await(client.echo("hello")));
            ClusterValue<String> info = await(client.info());
            assertTrue(info.hasMultiData());
            assertEquals(3, info.getMultiValue().size());
            for (Map.Entry<String, String> e : info.getMultiValue().entrySet()) {
                assertEquals(Integer.parseInt(e.getKey().split(":")[1]), portIn(e.getValue()));
            }
            assertEquals(2, await(client.time()).length);
        }
    }

    @Test
    void serverAndConnectionCommandsWithTheirDefaultRouting() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP2)) {
            assertEquals("OK", await(client.flushall()));
            assertNull(await(client.randomKey()));
            await(client.set("only-key", "x"));
            // RANDOMKEY asks every primary: the one key is found whichever node holds it.
            assertEquals("only-key", await(client.randomKey()));
            // CONFIG SET goes to every node; CONFIG GET (RESP2 pairs) becomes a map per node.
            assertEquals("OK", await(client.configSet(Map.of("maxmemory-samples", "7"))));
            ClusterValue<Map<String, String>> all =
                    await(client.configGet(new String[] {"maxmemory-samples"}, SimpleMultiNodeRoute.ALL_NODES));
            assertEquals(6, all.getMultiValue().size());
            all.getMultiValue().values().forEach(m -> assertEquals("7", m.get("maxmemory-samples")));
            assertEquals("7", await(client.configGet(new String[] {"maxmemory-samples"})).get("maxmemory-samples"));
            assertEquals("OK", await(client.configSet(Map.of("maxmemory-samples", "5"))));
            assertTrue(await(client.clientId()) > 0);
            assertEquals(3, await(client.clientId(SimpleMultiNodeRoute.ALL_PRIMARIES)).getMultiValue().size());
            assertTrue(await(client.lastsave()) > 0);
            assertEquals("OK", await(client.flushdb(glide.api.models.commands.FlushMode.SYNC)));
            assertEquals(0L, await(client.dbsize()));
        }
    }

    @Test
    void everyRouteReachesTheNodesItNames() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            String[] info = {"INFO", "server"};
            ClusterValue<Object> all = await(client.customCommand(info, SimpleMultiNodeRoute.ALL_NODES));
            assertEquals(6, all.getMultiValue().size());
            ClusterValue<Object> primaries = await(client.customCommand(info, SimpleMultiNodeRoute.ALL_PRIMARIES));
            assertEquals(3, primaries.getMultiValue().size());
            for (String node : primaries.getMultiValue().keySet()) {
                int port = Integer.parseInt(node.split(":")[1]);
                assertTrue(cluster.primaries().contains(cluster.node(port)), node);
            }
            ClusterValue<Object> random = await(client.customCommand(info, SimpleSingleNodeRoute.RANDOM));
            assertTrue(random.hasSingleData());

            int slot = cluster.slotOf("route-key");
            RedisServer owner = cluster.primaryOf(slot);
            Object byKey = await(client.customCommand(info, new SlotKeyRoute("route-key", SlotType.PRIMARY))).getSingleValue();
            assertEquals(owner.port(), portIn((String) byKey));
            Object bySlot = await(client.customCommand(info, new SlotIdRoute(slot, SlotType.PRIMARY))).getSingleValue();
            assertEquals(owner.port(), portIn((String) bySlot));
            Object replica = await(client.customCommand(new String[] {"ROLE"}, new SlotIdRoute(slot, SlotType.REPLICA))).getSingleValue();
            assertEquals("slave", ((Object[]) replica)[0]);
            assertEquals(owner.port(), ((Long) ((Object[]) replica)[2]).intValue(), "a replica of the slot's primary");

            RedisServer some = cluster.nodes().get(4);
            Object byAddress = await(client.customCommand(info, new ByAddressRoute(some.host(), some.port()))).getSingleValue();
            assertEquals(some.port(), portIn((String) byAddress));

            ClusterValue<String> echoed = await(client.echo("e", SimpleMultiNodeRoute.ALL_PRIMARIES));
            assertEquals(3, echoed.getMultiValue().size());
            echoed.getMultiValue().values().forEach(v -> assertEquals("e", v));
            assertEquals(await(client.dbsize()), await(client.dbsize(SimpleMultiNodeRoute.ALL_PRIMARIES)));
        }
    }

    @Test
    void badRoutesAndConfigurationsFailClearly() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            assertThrows(RequestException.class, () -> new SlotIdRoute(16384, SlotType.PRIMARY));
            assertInstanceOf(RequestException.class, failure(client.customCommand(new String[] {"PING"}, null)));
            // An address that is no node of the cluster is refused at once, not timed out.
            Throwable unknown = failure(client.customCommand(new String[] {"PING"}, new ByAddressRoute("127.0.0.1", 1)));
            assertInstanceOf(RequestException.class, unknown);
            assertTrue(unknown.getMessage().contains("not a node of the cluster"), unknown.getMessage());
        }
        RedisServer seed = cluster.nodes().get(0);
        // This cluster's nodes have one database each (Redis, or Valkey 9 without
        // cluster-databases): a client asking for another fails to start and says why
        // (ClusterDatabaseTest: a Valkey 9 cluster with several).
        Throwable e = failure(GlideClusterClient.createClient(
                GlideClusterClientConfiguration.builder()
                        .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                        .databaseId(1)
                        .build()));
        assertInstanceOf(GlideException.class, e);
        assertTrue(e.getMessage().contains("SELECT"), e.getMessage());
    }

    @Test
    void aMovedSlotIsFollowedAndTheMapRefreshed() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            String key = "moving-key";
            int slot = cluster.slotOf(key);
            await(client.set(key, "before"));
            RedisServer source = cluster.primaryOf(slot);
            RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
            cluster.migrateSlot(slot, source, target);
            // The client still believes the old owner: the first command gets MOVED and follows it.
            assertEquals("before", await(client.get(key)));
            assertEquals("OK", await(client.set(key, "after")));
            assertEquals("after", target.command("GET", key));
            cluster.migrateSlot(slot, target, source); // give it back for the other tests
            assertEquals("after", await(client.get(key)));
        }
    }

    @Test
    void askDuringAMigrationIsFollowed() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP2)) {
            String moved = "{ask}moved";
            String stays = "{ask}stays";
            int slot = cluster.slotOf(moved);
            RedisServer source = cluster.primaryOf(slot);
            RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
            await(client.set(moved, "m"));
            await(client.set(stays, "s"));
            SlotMigration migration = SlotMigration.begin(cluster, slot, source, target);
            migration.moveKeys(List.of(moved));
            try {
                // The key that moved is answered by ASK to the target; the other still by the source.
                assertEquals("m", await(client.get(moved)));
                assertEquals("s", await(client.get(stays)));
                assertEquals("OK", await(client.set(moved, "m2")));
            } finally {
                // Finish the migration, then move the slot back where it was.
                migration.moveKeys(List.of(stays));
                migration.finish();
                cluster.awaitHealthy(10_000);
                cluster.migrateSlot(slot, target, source);
            }
            assertEquals("m2", await(client.get(moved)));
            assertEquals("s", await(client.get(stays)));
        }
    }

    /**
     * Every strategy but PRIMARY sends reads to replicas when nothing ties them to a zone: the
     * nodes say none here (Redis; Valkey without availability-zone), and an AZ strategy without
     * clientAZ reads from any replica, as valkey-glide does.
     */
    @ParameterizedTest
    @CsvSource({"PREFER_REPLICA,", "AZ_AFFINITY,", "AZ_AFFINITY,az-1", "AZ_AFFINITY_REPLICAS_AND_PRIMARY,az-1"})
    void readsGoToReplicas(ReadFrom readFrom, String clientAz) throws Exception {
        try (GlideClusterClient client = await(GlideClusterClient.createClient(readingConfig(readFrom, clientAz)))) {
            for (int i = 0; i < 30; i++) {
                await(client.set("replica-read:" + i, "v" + i));
            }
            Thread.sleep(200); // let replication catch up (asynchronous)
            resetStats();
            for (int i = 0; i < 30; i++) {
                assertEquals("v" + i, await(client.get("replica-read:" + i)));
            }
            long onPrimaries = 0;
            long onReplicas = 0;
            List<RedisServer> primaries = cluster.primaries();
            for (RedisServer n : cluster.nodes()) {
                if (primaries.contains(n)) {
                    onPrimaries += getCalls(n);
                } else {
                    onReplicas += getCalls(n);
                }
            }
            assertEquals(0, onPrimaries, "reads on primaries");
            assertEquals(30, onReplicas, "reads on replicas");
        }
    }

    /**
     * clientAZ reaches the core, which learns each node's zone when it connects (Valkey 8 and
     * later; skipped on Redis, which has no zones). The primary of the key's shard is in az-1 and
     * its replica is not: AZ_AFFINITY still reads from the replica,
     * AZ_AFFINITY_REPLICAS_AND_PRIMARY from the primary. The core's own test covers the rest
     * (rust/tests/cluster.rs, reads_follow_the_availability_zone).
     */
    @Test
    void readsFollowTheClientsAvailabilityZone() throws Exception {
        RedisServer primary = cluster.primaryOf(RedisCluster.keySlot("az-read"));
        RedisServer replica = cluster.replicasOf(primary).get(0);
        try {
            primary.command("CONFIG", "SET", "availability-zone", "az-1");
        } catch (IllegalStateException e) {
            Assumptions.abort("this server has no availability-zone setting: " + e.getMessage());
        }
        try {
            replica.command("CONFIG", "SET", "availability-zone", "az-2");
            for (ReadFrom readFrom : new ReadFrom[] {ReadFrom.AZ_AFFINITY, ReadFrom.AZ_AFFINITY_REPLICAS_AND_PRIMARY}) {
                try (GlideClusterClient client = await(GlideClusterClient.createClient(readingConfig(readFrom, "az-1")))) {
                    resetStats();
                    for (int i = 0; i < 20; i++) {
                        assertNull(await(client.get("az-read")));
                    }
                    boolean toPrimary = readFrom == ReadFrom.AZ_AFFINITY_REPLICAS_AND_PRIMARY;
                    assertEquals(toPrimary ? 20 : 0, getCalls(primary), readFrom + ": reads on the az-1 primary");
                    assertEquals(toPrimary ? 0 : 20, getCalls(replica), readFrom + ": reads on the az-2 replica");
                }
            }
        } finally {
            primary.command("CONFIG", "SET", "availability-zone", "");
            replica.command("CONFIG", "SET", "availability-zone", "");
        }
    }

    private static GlideClusterClientConfiguration readingConfig(ReadFrom readFrom, String clientAz) {
        RedisServer seed = cluster.nodes().get(0);
        return GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                .readFrom(readFrom)
                .clientAZ(clientAz)
                .requestTimeout(2000)
                .build();
    }

    private static void resetStats() {
        for (RedisServer n : cluster.nodes()) {
            n.command("CONFIG", "RESETSTAT");
        }
    }

    /** How many GETs `node` ran since its statistics were reset. */
    private static long getCalls(RedisServer node) {
        Matcher m = Pattern.compile("cmdstat_get:calls=(\\d+)").matcher((String) node.command("INFO", "commandstats"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * lazyConnect(true): createClient touches no node, as valkey-glide's; the first command reads
     * the slot map and connects the nodes, and commands made meanwhile wait for it. A seed that
     * cannot be reached fails the first command with a RequestException, not createClient.
     */
    @Test
    void aLazyClientConnectsOnItsFirstCommand() throws Exception {
        try (GlideClusterClient observer = connect(ProtocolVersion.RESP3)) {
            Map<String, String> before = observer.getExtendedStatistics();
            RedisServer seed = cluster.nodes().get(0);
            try (GlideClusterClient lazy = await(GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                    .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                    .lazyConnect(true)
                    .requestTimeout(2000)
                    .build()))) {
                assertEquals(0, delta(before, observer.getExtendedStatistics(), "total_connections"), "none at creation");
                // Several commands before the slot map: each waits for it, none is lost.
                List<CompletableFuture<String>> sets = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    sets.add(lazy.set("lazy:" + i, "v" + i));
                }
                for (CompletableFuture<String> set : sets) {
                    assertEquals("OK", await(set));
                }
                assertArrayEquals(new String[] {"v0", "v7", "v19"}, await(lazy.mget(new String[] {"lazy:0", "lazy:7", "lazy:19"})));
                assertEquals(cluster.nodes().size(), delta(before, observer.getExtendedStatistics(), "total_connections"),
                        "one per node, replicas too, as valkey-glide's lazy client connects every node");
            }
        }
        // A batch, or a scan step, as the very first command reads the map too.
        RedisServer seed = cluster.nodes().get(0);
        GlideClusterClientConfiguration lazyConfig = GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                .lazyConnect(true)
                .requestTimeout(2000)
                .build();
        try (GlideClusterClient lazy = await(GlideClusterClient.createClient(lazyConfig))) {
            Object[] replies = await(lazy.exec(new glide.api.models.ClusterBatch(false).set("lazy:b", "1").get("lazy:b"), true));
            assertArrayEquals(new Object[] {"OK", "1"}, replies);
        }
        try (GlideClusterClient lazy = await(GlideClusterClient.createClient(lazyConfig))) {
            Object[] step = await(lazy.scan(glide.api.models.commands.scan.ClusterScanCursor.initialCursor()));
            assertEquals(2, step.length);
        }
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (GlideClusterClient unreachable = await(GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host("127.0.0.1").port(closed).build())
                .lazyConnect(true)
                .build()))) {
            Throwable first = failure(unreachable.get("k"));
            assertInstanceOf(RequestException.class, first, String.valueOf(first));
            assertTrue(first.getMessage().contains("slot map"), first.getMessage());
            // The next command tries again, and fails the same way.
            assertInstanceOf(RequestException.class, failure(unreachable.set("k", "v")));
        }
    }

    @Test
    void statisticsCountOneConnectionPerNode() throws Exception {
        try (GlideClusterClient observer = connect(ProtocolVersion.RESP3)) {
            Map<String, String> before = observer.getExtendedStatistics();
            long bytesBefore = Long.parseLong(before.get("native_bytes_in_use"));
            try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
                int nodes = cluster.nodes().size();
                assertEquals(nodes, delta(before, observer.getExtendedStatistics(), "total_connections"),
                        "one per node, replicas too (readFrom PRIMARY), as valkey-glide connects every node");
                assertEquals(1, delta(before, observer.getExtendedStatistics(), "total_clients"));
                // A command routed to a replica uses its connection: none more.
                await(client.customCommand(new String[] {"PING"}, new SlotIdRoute(0, SlotType.REPLICA)));
                assertEquals(nodes, delta(before, observer.getExtendedStatistics(), "total_connections"));
                long bytes = Long.parseLong(observer.getExtendedStatistics().get("native_bytes_in_use")) - bytesBefore;
                System.out.println("cluster client with " + nodes + " node connections: native bytes in use +" + bytes
                        + " (" + bytes / nodes + " per node)");
            }
            assertEquals(0, delta(before, observer.getExtendedStatistics(), "total_connections"));
            assertEquals(0, delta(before, observer.getExtendedStatistics(), "total_clients"));
        }
    }

    private static long delta(Map<String, String> before, Map<String, String> after, String key) {
        return Long.parseLong(after.get(key)) - Long.parseLong(before.get(key));
    }

    @Test
    void binaryValuesRoundTrip() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            GlideString key = GlideString.of(new byte[] {(byte) 0xff, 'k'});
            GlideString value = GlideString.of(new byte[] {0, (byte) 0xfe, 'v'});
            assertEquals("OK", await(client.set(key, value)));
            assertArrayEquals(value.getBytes(), await(client.get(key)).getBytes());
        }
    }
}
