package glide.api;

import static glide.api.Clients.await;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.ClusterBatch;
import glide.api.models.PubSubMessage;
import glide.api.models.configuration.AdvancedGlideClusterClientConfiguration;
import glide.api.models.configuration.ClusterSubscriptionConfiguration;
import glide.api.models.configuration.ClusterSubscriptionConfiguration.PubSubClusterChannelMode;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import glide.api.models.exceptions.GlideException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import glide.testutil.TlsCerts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cluster client over TLS, against a TLS-only 3+3 cluster (bus and replication over TLS
 * too): keyed commands on every slot, MGET across slots, a 16 MB value, a batch, sharded and
 * exact pub/sub, a failover, and an unknown CA failing creation clearly. Connection failures are
 * checked with {@link TlsTest#assertConnectFails}.
 */
@Timeout(180)
class ClusterTlsTest {
    private static final TlsCerts CERTS = TlsCerts.get();
    private static RedisCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = RedisCluster.startTls(3, 1);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    static GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> tlsConfig(
            RedisCluster target, TlsAdvancedConfiguration tls) {
        RedisServer seed = target.primaries().get(0);
        return GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                .protocol(ProtocolVersion.RESP3)
                .useTLS(true)
                .requestTimeout(5000)
                .advancedConfiguration(AdvancedGlideClusterClientConfiguration.builder()
                        .connectionTimeout(TlsTest.CONNECTION_TIMEOUT_MS)
                        .tlsAdvancedConfiguration(tls)
                        .build());
    }

    private static GlideClusterClient connect(RedisCluster target) throws Exception {
        return await(GlideClusterClient.createClient(tlsConfig(target, TlsTest.trustTestCa()).build()));
    }

    @Test
    void keyedCommandsReachEverySlotAndMgetSpansThem() throws Exception {
        String[] keyOfSlot = new String[16384];
        int covered = 0;
        for (int i = 0; covered < keyOfSlot.length; i++) {
            String key = "tls:slot:" + i;
            int slot = RedisCluster.keySlot(key);
            if (keyOfSlot[slot] == null) {
                keyOfSlot[slot] = key;
                covered++;
            }
        }
        try (GlideClusterClient client = connect(cluster)) {
            List<CompletableFuture<String>> writes = new ArrayList<>();
            for (int slot = 0; slot < keyOfSlot.length; slot++) {
                writes.add(client.set(keyOfSlot[slot], "s" + slot));
                if (writes.size() % 500 == 0) {
                    await(writes.get(writes.size() - 1)); // within the inflight limit
                }
            }
            for (CompletableFuture<String> w : writes) {
                assertEquals("OK", await(w));
            }
            String[] values = await(client.mget(keyOfSlot));
            for (int slot = 0; slot < keyOfSlot.length; slot++) {
                assertEquals("s" + slot, values[slot], keyOfSlot[slot]);
            }
            // Each value is on its slot's primary (asked over the harness's own TLS connection).
            for (int slot = 0; slot < keyOfSlot.length; slot += 1021) {
                assertEquals("s" + slot, cluster.primaryOf(slot).command("GET", keyOfSlot[slot]));
            }
            assertEquals((long) keyOfSlot.length, await(client.del(keyOfSlot)));
        }
    }

    @Test
    void aSixteenMegabyteValueRoundTrips() throws Exception {
        byte[] big = new byte[16 << 20];
        new Random(16).nextBytes(big);
        GlideClusterClientConfiguration config = tlsConfig(cluster, TlsTest.trustTestCa()).requestTimeout(20_000).build();
        try (GlideClusterClient client = await(GlideClusterClient.createClient(config))) {
            String key = "tls:cluster:big";
            assertEquals("OK", await(client.set(gs(key), gs(big))));
            assertEquals(Long.valueOf(big.length), cluster.primaryOf(cluster.slotOf(key)).command("STRLEN", key));
            assertArrayEquals(big, await(client.get(gs(key))).getBytes());
        }
    }

    @Test
    void aClusterBatchRunsOverTls() throws Exception {
        try (GlideClusterClient client = connect(cluster)) {
            // A pipeline over keys of many slots (all three primaries), and a multi-slot MGET.
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                keys.add("tls:cb:" + i);
            }
            ClusterBatch pipeline = new ClusterBatch(false);
            for (int i = 0; i < keys.size(); i++) {
                pipeline.set(keys.get(i), "v" + i).get(keys.get(i));
            }
            pipeline.mget(keys.toArray(new String[0]));
            Object[] result = await(client.exec(pipeline, true));
            assertEquals(2 * keys.size() + 1, result.length);
            for (int i = 0; i < keys.size(); i++) {
                assertEquals("OK", result[2 * i]);
                assertEquals("v" + i, result[2 * i + 1]);
            }
            Object[] mget = (Object[]) result[2 * keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                assertEquals("v" + i, mget[i]);
            }
            // A transaction on one slot.
            String tag = "{" + UUID.randomUUID() + "}";
            ClusterBatch transaction = new ClusterBatch(true).set(tag + "a", "1").incr(tag + "a").get(tag + "a");
            assertArrayEquals(new Object[] {"OK", 2L, "2"}, await(client.exec(transaction, true)));
        }
    }

    @Test
    void shardedAndExactMessagesArriveOverTls() throws Exception {
        String tag = UUID.randomUUID().toString();
        String exact = "tls-e-" + tag;
        String shard = "tls-s-{" + tag + "}";
        BlockingQueue<PubSubMessage> received = new LinkedBlockingQueue<>();
        ClusterSubscriptionConfiguration subscriptions = ClusterSubscriptionConfiguration.builder()
                .subscription(PubSubClusterChannelMode.EXACT, gs(exact))
                .subscription(PubSubClusterChannelMode.SHARDED, gs(shard))
                .callback((message, context) -> received.add(message))
                .build();
        GlideClusterClientConfiguration config = tlsConfig(cluster, TlsTest.trustTestCa()).subscriptionConfiguration(subscriptions).build();
        try (GlideClusterClient sub = await(GlideClusterClient.createClient(config));
                GlideClusterClient pub = connect(cluster)) {
            awaitConfirmed(sub, PubSubClusterChannelMode.EXACT, exact);
            awaitConfirmed(sub, PubSubClusterChannelMode.SHARDED, shard);
            await(pub.publish("plain", exact));
            PubSubMessage m = next(received);
            assertEquals(gs("plain"), m.getMessage());
            assertEquals(gs(exact), m.getChannel());
            await(pub.publish("sharded", shard, true));
            m = next(received);
            assertEquals(gs("sharded"), m.getMessage());
            assertEquals(gs(shard), m.getChannel());
            // Shard channels of several slots, subscribed after creation and polled.
            try (GlideClusterClient poller = connect(cluster)) {
                String[] channels = new String[6];
                for (int i = 0; i < channels.length; i++) {
                    channels[i] = "tls-dyn-" + i + "-" + tag;
                }
                await(poller.ssubscribe(Set.of(channels), 10_000));
                for (String channel : channels) {
                    await(pub.publish(channel + "!", channel, true));
                }
                Set<String> got = new java.util.HashSet<>();
                for (int i = 0; i < channels.length; i++) {
                    got.add(await(poller.getPubSubMessage()).getMessage().toString());
                }
                assertEquals(channels.length, got.size(), got.toString());
            }
        }
    }

    @Test
    void aKilledPrimaryIsReplacedAndWritesResumeOverTls() throws Exception {
        try (RedisCluster own = RedisCluster.startTls(3, 1);
                GlideClusterClient client = await(GlideClusterClient.createClient(
                        tlsConfig(own, TlsTest.trustTestCa()).requestTimeout(1000).build()))) {
            RedisServer victim = own.primaries().get(1);
            String victimKey = null;
            for (int i = 0; victimKey == null; i++) {
                if (own.primaryOf(RedisCluster.keySlot("tls:fo:" + i)) == victim) {
                    victimKey = "tls:fo:" + i;
                }
            }
            assertEquals("OK", await(client.set(victimKey, "before")));
            long killedAt = own.killPrimaryOnceReplicated(victim, 10_000);
            own.awaitFailover(victim, 30_000);
            long recoveredAt = 0;
            int failures = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (recoveredAt == 0) {
                assertTrue(System.nanoTime() < deadline, "writes to the dead primary's slots never succeeded again");
                try {
                    client.set(victimKey, "after").get(5, TimeUnit.SECONDS); // value or exception, never a hang
                    recoveredAt = System.nanoTime();
                } catch (ExecutionException e) {
                    assertInstanceOf(GlideException.class, e.getCause());
                    failures++;
                    Thread.sleep(20);
                }
            }
            System.out.println("TLS failover: writes resumed " + TimeUnit.NANOSECONDS.toMillis(recoveredAt - killedAt)
                    + " ms after the kill; " + failures + " attempts failed meanwhile");
            assertEquals("after", await(client.get(victimKey)));
            assertEquals("after", own.primaryOf(RedisCluster.keySlot(victimKey)).command("GET", victimKey));
            // Every other primary is still reached too.
            for (int i = 0; i < 30; i++) {
                assertEquals("OK", await(client.set("tls:fo:after:" + i, "v")));
            }
        }
    }

    @Test
    void anUnknownCaFailsClusterCreationClearly() throws Exception {
        TlsTest.assertConnectFails(tlsConfig(cluster, TlsAdvancedConfiguration.builder().build()).build(), "not trusted");
        TlsTest.assertConnectFails(
                tlsConfig(cluster, TlsAdvancedConfiguration.builder().rootCertificates(CERTS.otherCaPem()).build()).build(),
                "not trusted");
    }

    @Test
    void aPlaintextClusterClientAgainstTlsNodesFailsClearly() throws Exception {
        RedisServer seed = cluster.primaries().get(0);
        GlideClusterClientConfiguration plain = GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                .requestTimeout(5000)
                .advancedConfiguration(AdvancedGlideClusterClientConfiguration.builder()
                        .connectionTimeout(TlsTest.CONNECTION_TIMEOUT_MS)
                        .build())
                .build();
        TlsTest.assertConnectFails(plain, "useTLS");
    }

    // ---------------------------------------------------------------------------------------------

    private static PubSubMessage next(BlockingQueue<PubSubMessage> queue) throws InterruptedException {
        PubSubMessage m = queue.poll(10, TimeUnit.SECONDS);
        assertTrue(m != null, "no message within 10 s");
        return m;
    }

    private static void awaitConfirmed(GlideClusterClient client, PubSubClusterChannelMode mode, String name) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!await(client.getSubscriptions()).getActualSubscriptions().getOrDefault(mode, Set.of()).contains(name)) {
            assertTrue(System.currentTimeMillis() < deadline, name + " not confirmed");
            Thread.sleep(20);
        }
    }
}
