package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.ClusterValue;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.exceptions.GlideException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A cluster whose nodes have several databases (Valkey 9's {@code cluster-databases}): {@code
 * databaseId} on a cluster client, {@code SELECT} and {@code MOVE} across databases, and
 * reconnects that keep the database. Redis 7 has one database per cluster node, so these run on
 * scripts/test.sh's Valkey 9.1 leg only (ClusterTest checks that a Redis cluster refuses one).
 */
class ClusterDatabaseTest {
    private static RedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        if (RedisServer.valkeyMajorVersion() >= 9) {
            cluster = RedisCluster.start(3, 0, "--cluster-databases", "16");
        }
    }

    // Per test, not in @BeforeAll: surefire counts a class whose @BeforeAll is skipped as no
    // tests at all, and scripts/test.sh's summary would not show these as skipped on Redis.
    @BeforeEach
    void needsValkey9() {
        Assumptions.assumeTrue(cluster != null, "a cluster with several databases needs Valkey 9");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static GlideClusterClient connect(ProtocolVersion protocol, Integer databaseId) throws Exception {
        RedisServer seed = cluster.nodes().get(0);
        return await(GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                .protocol(protocol)
                .databaseId(databaseId)
                .requestTimeout(2000)
                .build()));
    }

    /** The database each node's connection of {@code client} is on, from CLIENT INFO's {@code db=}. */
    private static Map<String, Object> databasesByNode(GlideClusterClient client) throws Exception {
        ClusterValue<Object> info =
                await(client.customCommand(new String[] {"CLIENT", "INFO"}, SimpleMultiNodeRoute.ALL_NODES));
        Map<String, Object> byNode = new java.util.TreeMap<>();
        Pattern db = Pattern.compile(" db=(\\d+) ");
        for (Map.Entry<String, Object> e : info.getMultiValue().entrySet()) {
            Matcher m = db.matcher(e.getValue().toString());
            assertTrue(m.find(), e.getValue().toString());
            byNode.put(e.getKey(), Long.parseLong(m.group(1)));
        }
        assertEquals(3, byNode.size(), byNode.toString());
        return byNode;
    }

    private static void assertAllOn(long db, GlideClusterClient client) throws Exception {
        Map<String, Object> byNode = databasesByNode(client);
        byNode.values().forEach(v -> assertEquals(db, v, "connections by node: " + byNode));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aConfiguredDatabaseHoldsTheKeysAndSurvivesReconnects(ProtocolVersion protocol) throws Exception {
        String key = "db-key-" + protocol;
        try (GlideClusterClient onThree = connect(protocol, 3);
                GlideClusterClient onZero = connect(protocol, null)) {
            assertAllOn(3, onThree);
            assertAllOn(0, onZero);
            assertEquals("OK", await(onThree.set(key, "three")));
            assertNull(await(onZero.get(key)), "database 0 does not have database 3's key");
            assertEquals("three", await(onThree.get(key)));

            // Every client connection dropped (the harness's own is spared): they come back on 3.
            for (RedisServer node : cluster.nodes()) {
                node.command("CLIENT", "KILL", "TYPE", "normal");
            }
            assertEquals("three", retryGet(onThree, key));
            assertAllOn(3, onThree);

            // MOVE takes the key from database 3 to 0, where the other client sees it.
            assertTrue(await(onThree.move(key, 0)));
            assertNull(await(onThree.get(key)));
            assertEquals("three", await(onZero.get(key)));
            assertFalse(await(onZero.move("missing-" + key, 3)));
            assertEquals(1L, await(onZero.del(new String[] {key})));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void selectMovesEveryNodeAndIsKeptAfterReconnects(ProtocolVersion protocol) throws Exception {
        String key = "selected-key-" + protocol;
        try (GlideClusterClient client = connect(protocol, null);
                GlideClusterClient onFive = connect(protocol, 5)) {
            assertEquals("OK", await(client.select(5)));
            assertAllOn(5, client);
            assertEquals("OK", await(client.set(key, "five")));
            assertEquals("five", await(onFive.get(key)), "the key went to database 5");

            for (RedisServer node : cluster.nodes()) {
                node.command("CLIENT", "KILL", "TYPE", "normal");
            }
            assertEquals("five", retryGet(client, key));
            assertAllOn(5, client);

            // A refused SELECT changes nothing.
            assertInstanceOf(GlideException.class, failure(client.select(16)));
            assertAllOn(5, client);
            assertEquals("OK", await(client.select(0)));
            assertNull(await(client.get(key)));
            assertEquals(1L, await(onFive.del(new String[] {key})));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aDatabaseTheNodesLackFailsTheStart(ProtocolVersion protocol) throws Exception {
        Throwable e = failure(connectAsync(protocol, 16));
        assertInstanceOf(GlideException.class, e);
        assertTrue(e.getMessage().contains("SELECT"), e.getMessage());
    }

    private static java.util.concurrent.CompletableFuture<GlideClusterClient> connectAsync(
            ProtocolVersion protocol, int databaseId) {
        RedisServer seed = cluster.nodes().get(0);
        return GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                .protocol(protocol)
                .databaseId(databaseId)
                .build());
    }

    /** GET until the client has reconnected (a request may meet the dropped connection first). */
    private static String retryGet(GlideClusterClient client, String key) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                return await(client.get(key));
            } catch (Exception e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
