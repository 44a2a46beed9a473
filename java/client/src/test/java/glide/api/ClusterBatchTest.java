package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.ClusterBatch;
import glide.api.models.commands.batch.ClusterBatchOptions;
import glide.api.models.commands.batch.ClusterBatchRetryStrategy;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.RequestRoutingConfiguration.ByAddressRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import glide.api.models.exceptions.ExecAbortException;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import glide.testutil.SlotMigration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Batches on a 3-primary cluster (issue 5): pipelines split per node and put back in order
 * (multi-slot and all-node commands included), transactions on their slot's node, routes,
 * redirects while a slot migrates, and a transaction sent to a stale owner.
 */
class ClusterBatchTest {
    private static RedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisCluster.start(3, 0);
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
                                .requestTimeout(5000)
                                .build()));
    }

    private static String key() {
        return "cb-" + UUID.randomUUID();
    }

    private static String keyWhere(java.util.function.Predicate<String> wanted) {
        while (true) {
            String k = key();
            if (wanted.test(k)) {
                return k;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aPipelineOverAllSlotsComesBackInCommandOrder(ProtocolVersion protocol) throws Exception {
        try (GlideClusterClient client = connect(protocol)) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                keys.add(key());
            }
            ClusterBatch batch = new ClusterBatch(false);
            for (int i = 0; i < keys.size(); i++) {
                batch.set(keys.get(i), "v" + i).get(keys.get(i));
            }
            // A multi-slot command and one every primary answers, in the middle of it all.
            batch.mget(keys.subList(0, 50).toArray(new String[0])).dbsize().hgetall(key());
            Object[] result = await(client.exec(batch, true));
            assertEquals(603, result.length);
            for (int i = 0; i < keys.size(); i++) {
                assertEquals("OK", result[2 * i]);
                assertEquals("v" + i, result[2 * i + 1]);
            }
            Object[] mget = (Object[]) result[600];
            for (int i = 0; i < 50; i++) {
                assertEquals("v" + i, mget[i]);
            }
            assertTrue((Long) result[601] >= 300, "DBSIZE summed over the primaries: " + result[601]);
            assertEquals(java.util.Map.of(), result[602]);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aTransactionRunsOnItsSlotsNode(ProtocolVersion protocol) throws Exception {
        String tag = "{" + UUID.randomUUID() + "}";
        try (GlideClusterClient client = connect(protocol)) {
            ClusterBatch tx = new ClusterBatch(true)
                    .set(tag + "a", "1")
                    .incr(tag + "a")
                    .rpush(tag + "l", new String[] {"x", "y"})
                    .lrange(tag + "l", 0, -1)
                    .incr(tag + "l");
            Object[] result = await(client.exec(tx, false));
            assertEquals("OK", result[0]);
            assertEquals(2L, result[1]);
            assertEquals(2L, result[2]);
            assertArrayEquals(new Object[] {"x", "y"}, (Object[]) result[3]);
            assertInstanceOf(RequestException.class, result[4]);

            // Keys of different slots cannot share a transaction: refused before anything is sent,
            // whether the slots are on one node or two, and whatever the command (MSET's second key).
            RedisServer tagOwner = cluster.primaryOf(RedisCluster.keySlot(tag));
            String elsewhere = keyWhere(k -> cluster.primaryOf(RedisCluster.keySlot(k)) != tagOwner);
            String sameNode = keyWhere(k -> cluster.primaryOf(RedisCluster.keySlot(k)) == tagOwner
                    && RedisCluster.keySlot(k) != RedisCluster.keySlot(tag));
            for (ClusterBatch crossing : List.of(
                    new ClusterBatch(true).set("a" + tag, "1").set(elsewhere, "2"),
                    new ClusterBatch(true).set("a" + tag, "1").set(sameNode, "2"),
                    new ClusterBatch(true).mset(java.util.Map.of("a" + tag, "1", sameNode, "2")))) {
                Throwable refused = failure(client.exec(crossing, false));
                assertInstanceOf(RequestException.class, refused);
                assertTrue(refused.getMessage().startsWith("CROSSSLOT"), refused.getMessage());
            }
            assertNull(await(client.get(sameNode)), "nothing ran");
            assertNull(await(client.get(elsewhere)), "nothing ran");

            // A route to a node that does not serve the keys: MOVED, and the transaction goes whole to the owner.
            ClusterBatchOptions wrongNode = ClusterBatchOptions.builder()
                    .route(new SlotKeyRoute(elsewhere, SlotType.PRIMARY)).build();
            assertArrayEquals(new Object[] {"OK", "routed"},
                    await(client.exec(new ClusterBatch(true).set(tag + "r", "routed").get(tag + "r"), true, wrongNode)));

            // A route picks the node; a keyless transaction goes where it says.
            RedisServer owner = cluster.primaryOf(RedisCluster.keySlot(tag));
            ClusterBatchOptions byAddress = ClusterBatchOptions.builder()
                    .route(new ByAddressRoute(owner.host(), owner.port())).build();
            Object[] routed = await(client.exec(new ClusterBatch(true).get(tag + "a").customCommand(new String[] {"INFO", "server"}), true, byAddress));
            assertEquals("2", routed[0]);
            assertTrue(routed[1].toString().contains("tcp_port:" + owner.port()), "ran on " + owner.port());
            ClusterBatchOptions bySlotKey = ClusterBatchOptions.builder()
                    .route(new SlotKeyRoute(tag, SlotType.PRIMARY)).timeout(3000).build();
            assertArrayEquals(new Object[] {"2"}, await(client.exec(new ClusterBatch(true).get(tag + "a"), true, bySlotKey)));
            ClusterBatchOptions retrying = ClusterBatchOptions.builder()
                    .retryStrategy(ClusterBatchRetryStrategy.builder().retryServerError(true).build()).build();
            assertInstanceOf(RequestException.class, failure(client.exec(new ClusterBatch(true).get(tag), true, retrying)));
        }
    }

    /**
     * valkey-glide 2.3.1's deprecated ClusterTransaction runs as an atomic batch with errors
     * raised, on its keys' slot owner or on the node a route names.
     */
    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedClusterTransactionRunsWhereItsRouteSays() throws Exception {
        String k = key();
        RedisServer other = cluster.primaries().stream()
                .filter(p -> p != cluster.primaryOf(RedisCluster.keySlot(k))).findFirst().orElseThrow();
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            glide.api.models.ClusterTransaction onOwner = new glide.api.models.ClusterTransaction();
            onOwner.set(k, "v").get(k); // the builder methods return ClusterBatch, as in valkey-glide
            Object[] own = await(client.exec(onOwner));
            assertArrayEquals(new Object[] {BaseClient.OK, "v"}, own);
            glide.api.models.ClusterTransaction routed = new glide.api.models.ClusterTransaction();
            routed.customCommand(new String[] {"CONFIG", "GET", "port"});
            Object[] there = await(client.exec(routed, new ByAddressRoute(other.host(), other.port())));
            assertEquals(java.util.Map.of("port", String.valueOf(other.port())), there[0]);
            glide.api.models.ClusterTransaction failing = new glide.api.models.ClusterTransaction();
            failing.incr(k);
            assertInstanceOf(RequestException.class, failure(client.exec(failing)), "errors are raised");
        }
    }

    @Test
    void aPipelineRetriesTryagainOnlyWhenAsked() throws Exception {
        String tag = "{" + UUID.randomUUID() + "}";
        int slot = RedisCluster.keySlot(tag);
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            String[] keys = new String[10];
            ClusterBatch fill = new ClusterBatch(false);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = tag + i;
                fill.set(keys[i], "v" + i);
            }
            await(client.exec(fill, true));
            RedisServer source = cluster.primaryOf(slot);
            RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
            SlotMigration migration = SlotMigration.begin(cluster, slot, source, target);
            migration.moveKeys(5); // the keys are split: a multi-key command gets ASK, then TRYAGAIN
            ClusterBatch read = new ClusterBatch(false).mget(keys).get(keys[9]);
            Object[] plain = await(client.exec(read, false));
            assertInstanceOf(RequestException.class, plain[0]);
            assertTrue(((RequestException) plain[0]).getMessage().startsWith("TRYAGAIN"), plain[0].toString());
            assertEquals("v9", plain[1]);

            ClusterBatchOptions retrying = ClusterBatchOptions.builder().timeout(10_000)
                    .retryStrategy(ClusterBatchRetryStrategy.builder().retryServerError(true).build()).build();
            java.util.concurrent.CompletableFuture<Object[]> retried = client.exec(read, true, retrying);
            Thread.sleep(300); // the first retry waits 1280 ms (valkey-glide's wait)
            while (migration.moveKeys(100) > 0) {
                // the rest of the keys
            }
            migration.finish();
            Object[] result = await(retried);
            Object[] values = (Object[]) result[0];
            for (int i = 0; i < keys.length; i++) {
                assertEquals("v" + i, values[i]);
            }
            cluster.awaitHealthy(10_000);
        }
    }

    @Test
    void aPipelineRetriesAfterALostConnectionOnlyWhenAsked() throws Exception {
        String list = key();
        RedisServer owner = cluster.primaryOf(RedisCluster.keySlot(list));
        ByAddressRoute onOwner = new ByAddressRoute(owner.host(), owner.port());
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3);
                GlideClusterClient killer = connect(ProtocolVersion.RESP3)) {
            for (boolean retry : new boolean[] {false, true}) {
                String myId = String.valueOf(await(client.customCommand(new String[] {"CLIENT", "ID"}, onOwner)).getSingleValue());
                ClusterBatchOptions options = ClusterBatchOptions.builder().timeout(8_000)
                        .retryStrategy(ClusterBatchRetryStrategy.builder().retryConnectionError(retry).build()).build();
                // The BLPOP waits on the server for 1 s: the connection is killed under it.
                java.util.concurrent.CompletableFuture<Object[]> running =
                        client.exec(new ClusterBatch(false).blpop(new String[] {list}, 1.0), true, options);
                Thread.sleep(200);
                await(killer.customCommand(new String[] {"CLIENT", "KILL", "ID", myId}, onOwner));
                if (retry) {
                    assertNull(await(running)[0], "sent again on the new connection; waited 1 s, found nothing");
                } else {
                    assertInstanceOf(glide.api.models.exceptions.ConnectionException.class, failure(running));
                }
            }
        }
    }

    @Test
    void waitaofWithARouteGoesWhereTheRouteSays() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            String info = String.valueOf(await(client.customCommand(new String[] {"INFO", "server"},
                    glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute.RANDOM)).getSingleValue());
            boolean has = !info.contains("redis_version:6.") && !info.contains("redis_version:7.0.")
                    && !info.contains("redis_version:7.1.");
            for (glide.api.models.configuration.RequestRoutingConfiguration.Route route : List.of(
                    glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute.ALL_PRIMARIES,
                    new SlotKeyRoute(key(), SlotType.PRIMARY))) {
                if (has) {
                    Long[] counts = await(client.waitaof(0, 0, 100, route));
                    assertEquals(2, counts.length, route.toString());
                } else {
                    // Servers before 7.2 do not know the command: every node says so.
                    Throwable e = failure(client.waitaof(0, 0, 100, route));
                    assertInstanceOf(RequestException.class, e);
                    assertTrue(e.getMessage().toLowerCase().contains("unknown command"), e.getMessage());
                }
            }
        }
    }

    @Test
    void aClusterClientIsConnectedWhenEveryPrimaryIs() throws Exception {
        GlideClusterClient client = connect(ProtocolVersion.RESP3);
        assertTrue(client.isConnected());
        String info = client.getClientInfo();
        assertTrue(info.startsWith("cluster of 3 primaries") && info.contains("3 connected"), info);
        client.close();
        assertTrue(!client.isConnected());
    }

    @Test
    void selectReachesEveryNodeAndTheServerDecides() throws Exception {
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            assertEquals("OK", await(client.select(0)), "every node accepts database 0");
            Throwable refused = failure(client.select(1));
            assertInstanceOf(RequestException.class, refused);
            // Each server in its own words: Redis has one database per cluster node, Valkey 9 as
            // many as cluster-databases (1 here; ClusterDatabaseTest: more).
            String message = refused.getMessage();
            assertTrue(message.contains("SELECT is not allowed in cluster mode") || message.contains("DB index is out of range"),
                    message);
        }
    }

    @Test
    void watchAndUnwatchOnACluster() throws Exception {
        String tag = "{" + UUID.randomUUID() + "}";
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3);
                GlideClusterClient other = connect(ProtocolVersion.RESP3)) {
            assertEquals("OK", await(client.watch(new String[] {tag + "k", key(), key()})), "keys of several slots");
            await(other.set(tag + "k", "changed"));
            assertNull(await(client.exec(new ClusterBatch(true).set(tag + "k", "mine"), true)));
            await(client.watch(new String[] {tag + "k"}));
            assertEquals("OK", await(client.unwatch()));
            await(other.set(tag + "k", "again"));
            assertArrayEquals(new Object[] {"OK"}, await(client.exec(new ClusterBatch(true).set(tag + "k", "mine"), true)));
        }
    }

    @Test
    void redirectsAreFollowedWhileASlotMigratesAndAfterItMoved() throws Exception {
        String tag = "{" + UUID.randomUUID() + "}";
        int slot = RedisCluster.keySlot(tag);
        try (GlideClusterClient client = connect(ProtocolVersion.RESP3)) {
            ClusterBatch fill = new ClusterBatch(false);
            for (int i = 0; i < 20; i++) {
                fill.set(tag + i, "v" + i);
            }
            await(client.exec(fill, true));
            RedisServer source = cluster.primaryOf(slot);
            RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
            SlotMigration migration = SlotMigration.begin(cluster, slot, source, target);
            migration.moveKeys(10); // half the keys moved: the others answer ASK
            ClusterBatch read = new ClusterBatch(false);
            for (int i = 0; i < 20; i++) {
                read.get(tag + i);
            }
            Object[] during = await(client.exec(read, true));
            for (int i = 0; i < 20; i++) {
                assertEquals("v" + i, during[i], "key " + i + " while the slot migrates");
            }
            while (migration.moveKeys(100) > 0) {
                // the rest
            }
            migration.finish();
            cluster.awaitHealthy(10_000);
            // The client still believes the old owner: the transaction is refused with MOVED and sent whole again.
            Object[] after = await(client.exec(new ClusterBatch(true).get(tag + 0).incr(tag + "n"), true));
            assertEquals("v0", after[0]);
            assertEquals(1L, after[1]);
            Object[] pipeline = await(client.exec(read, true));
            assertEquals("v19", pipeline[19]);
        }
    }
}
