package glide.api;

import static glide.api.Clients.await;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.RawSubscriber;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Publishing (plain and sharded) and the PUBSUB introspection commands on a 3-primary cluster
 * (issue 6, first part): subscriptions live on the nodes their subscribers use, so the answers
 * join every node's.
 */
class ClusterPubSubCommandsTest {
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

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void channelsOnEveryNodeAreJoinedAndCounted(ProtocolVersion protocol) throws Exception {
        String tag = UUID.randomUUID().toString();
        String c = "c-" + tag, d = "d-" + tag, sharded = "s-{" + tag + "}";
        List<RedisServer> nodes = cluster.primaries();
        RedisServer owner = cluster.primaryOf(RedisCluster.keySlot(sharded));
        RedisServer seed = nodes.get(0);
        try (GlideClusterClient client = await(GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                        .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                        .protocol(protocol).requestTimeout(2000).build()));
                RawSubscriber onFirst = new RawSubscriber(nodes.get(0), "SUBSCRIBE", c, d);
                RawSubscriber onSecond = new RawSubscriber(nodes.get(1), "SUBSCRIBE", c);
                RawSubscriber patterns = new RawSubscriber(nodes.get(2), "PSUBSCRIBE", "c-*");
                RawSubscriber shard = new RawSubscriber(owner, "SSUBSCRIBE", sharded)) {
            assertEquals("OK", await(client.publish("to all " + tag, c)));
            assertTrue(onFirst.await("to all " + tag, 5000) && onSecond.await("to all " + tag, 5000)
                    && patterns.await("to all " + tag, 5000), "a cluster publishes to every node");
            assertEquals("OK", await(client.publish(gs("sharded " + tag), gs(sharded), true)));
            assertTrue(shard.await("sharded " + tag, 5000));
            assertEquals("OK", await(client.publish("also " + tag, sharded, true)));
            assertTrue(shard.await("also " + tag, 5000));

            String[] channels = await(client.pubsubChannels("*-" + tag));
            Arrays.sort(channels);
            assertArrayEquals(new String[] {c, d}, channels, "each channel once, whichever nodes have it");
            assertEquals(Map.of(c, 2L, d, 1L), await(client.pubsubNumSub(new String[] {c, d})), "summed over the nodes");
            assertEquals(Map.of(gs(c), 2L), await(client.pubsubNumSub(new GlideString[] {gs(c)})));
            assertTrue(await(client.pubsubNumPat()) >= 1L);
            assertArrayEquals(new String[] {sharded}, await(client.pubsubShardChannels("s-*" + tag + "*")));
            assertArrayEquals(new GlideString[] {gs(sharded)}, await(client.pubsubShardChannels(gs("s-*" + tag + "*"))));
            assertTrue(Arrays.asList(await(client.pubsubShardChannels())).contains(sharded));
            assertTrue(Arrays.asList(await(client.pubsubShardChannelsBinary())).contains(gs(sharded)));
            assertEquals(Map.of(sharded, 1L), await(client.pubsubShardNumSub(new String[] {sharded})));
            assertEquals(Map.of(gs(sharded), 1L), await(client.pubsubShardNumSub(new GlideString[] {gs(sharded)})));
        }
    }
}
