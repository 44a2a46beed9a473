package glide.api;

import static glide.api.Clients.await;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.PubSubMessage;
import glide.api.models.configuration.ClusterSubscriptionConfiguration;
import glide.api.models.configuration.ClusterSubscriptionConfiguration.PubSubClusterChannelMode;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import glide.testutil.SlotMigration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions of a cluster client (issue 6): exact, pattern and sharded, each on the primary of
 * its name's slot; restored on the new owner after a slot migration and after a failover.
 */
class ClusterPubSubTest {
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

    private static GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> config() {
        RedisServer seed = cluster.primaries().get(0);
        return GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                .protocol(ProtocolVersion.RESP3)
                .requestTimeout(3000);
    }

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

    /**
     * Issue 15: customCommand's subscribe family on a cluster client is a subscription (each name
     * on the node that serves it, whatever the command's route), and leaving everything with an
     * argument-less UNSUBSCRIBE / SUNSUBSCRIBE completes at once instead of timing out.
     */
    @Test
    void customCommandSubscriptionsAreSubscriptions() throws Exception {
        String tag = UUID.randomUUID().toString();
        String exact = "cce-" + tag, shard = "ccs-{" + tag + "}";
        GlideClusterClientConfiguration plain = config().build();
        try (GlideClusterClient client = await(GlideClusterClient.createClient(plain));
                GlideClusterClient pub = await(GlideClusterClient.createClient(plain))) {
            assertEquals(null, client.customCommand(new String[] {"SUNSUBSCRIBE"}).get(1, TimeUnit.SECONDS).getSingleValue());
            assertEquals(null, client.customCommand(new String[] {"UNSUBSCRIBE"}).get(1, TimeUnit.SECONDS).getSingleValue());
            client.customCommand(new String[] {"subscribe", exact}).get(1, TimeUnit.SECONDS);
            client.customCommand(new String[] {"SSUBSCRIBE", shard}, glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute.RANDOM)
                    .get(1, TimeUnit.SECONDS);
            awaitConfirmed(client, PubSubClusterChannelMode.EXACT, exact);
            awaitConfirmed(client, PubSubClusterChannelMode.SHARDED, shard);
            await(pub.publish("one", exact));
            assertEquals(gs("one"), await(client.getPubSubMessage()).getMessage());
            await(pub.publish("two", shard, true));
            assertEquals(gs("two"), await(client.getPubSubMessage()).getMessage());

            client.customCommand(new String[] {"SUNSUBSCRIBE"}).get(1, TimeUnit.SECONDS);
            client.customCommand(new String[] {"UNSUBSCRIBE"}).get(1, TimeUnit.SECONDS);
            long deadline = System.currentTimeMillis() + 10_000;
            while (await(pub.pubsubShardNumSub(new String[] {shard})).get(shard) != 0
                    || await(pub.pubsubNumSub(new String[] {exact})).get(exact) != 0) {
                assertTrue(System.currentTimeMillis() < deadline, "a subscription stayed on the server");
                Thread.sleep(20);
            }
            assertEquals(null, await(client.get("cc-absent-" + tag)));
        }
        glide.api.models.exceptions.ConfigurationError resp2 = org.junit.jupiter.api.Assertions.assertThrows(
                glide.api.models.exceptions.ConfigurationError.class,
                () -> GlideClusterClient.createClient(config().protocol(ProtocolVersion.RESP2)
                        .subscriptionConfiguration(ClusterSubscriptionConfiguration.builder().build()).build()));
        assertTrue(resp2.getMessage().contains("PubSub subscriptions require RESP3 protocol"), resp2.getMessage());
    }

    @Test
    void everyModeDeliversFromTheConfigurationAndAfterCreation() throws Exception {
        String tag = UUID.randomUUID().toString();
        String exact = "e-" + tag, shard = "s-{" + tag + "}";
        BlockingQueue<PubSubMessage> received = new LinkedBlockingQueue<>();
        ClusterSubscriptionConfiguration subscriptions = ClusterSubscriptionConfiguration.builder()
                .subscription(PubSubClusterChannelMode.EXACT, gs(exact))
                .subscription(PubSubClusterChannelMode.PATTERN, gs("p-" + tag + "-*"))
                .subscription(PubSubClusterChannelMode.SHARDED, gs(shard))
                .callback((message, context) -> received.add(message))
                .build();
        try (GlideClusterClient sub = await(GlideClusterClient.createClient(config().subscriptionConfiguration(subscriptions).build()));
                GlideClusterClient pub = await(GlideClusterClient.createClient(config().build()))) {
            awaitConfirmed(sub, PubSubClusterChannelMode.EXACT, exact);
            awaitConfirmed(sub, PubSubClusterChannelMode.PATTERN, "p-" + tag + "-*");
            awaitConfirmed(sub, PubSubClusterChannelMode.SHARDED, shard);
            await(pub.publish("plain", exact));
            assertEquals(gs("plain"), next(received).getMessage());
            await(pub.publish("by pattern", "p-" + tag + "-x"));
            PubSubMessage byPattern = next(received);
            assertEquals(Optional.of(gs("p-" + tag + "-*")), byPattern.getPattern(),
                    "got " + byPattern.getMessage() + " on " + byPattern.getChannel() + "; then " + received);
            await(pub.publish(gs(new byte[] {(byte) 0xff, 1}), gs(shard), true));
            PubSubMessage sharded = next(received);
            assertEquals(gs(shard), sharded.getChannel());
            assertEquals(gs(new byte[] {(byte) 0xff, 1}), sharded.getMessage());
        }
        // After creation, polled: shard channels of several slots, each on its own primary.
        try (GlideClusterClient sub = await(GlideClusterClient.createClient(config().build()));
                GlideClusterClient pub = await(GlideClusterClient.createClient(config().build()))) {
            // Exact and pattern subscriptions made after creation, polled.
            await(sub.subscribe(Set.of("poll-" + tag), 10_000));
            await(sub.psubscribe(Set.of("pat-" + tag + "-*"), 10_000));
            await(pub.publish("polled", "poll-" + tag));
            assertEquals(gs("polled"), await(sub.getPubSubMessage()).getMessage());
            await(pub.publish("polled by pattern", "pat-" + tag + "-1"));
            PubSubMessage viaPattern = await(sub.getPubSubMessage());
            assertEquals(Optional.of(gs("pat-" + tag + "-*")), viaPattern.getPattern());
            await(sub.unsubscribe(10_000));
            await(sub.punsubscribe(10_000));
            assertEquals(Set.of(), await(sub.getSubscriptions()).getActualSubscriptions().get(PubSubClusterChannelMode.EXACT));
            String[] channels = new String[6];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = "dyn-" + i + "-" + tag;
            }
            await(sub.ssubscribe(Set.of(channels), 10_000));
            for (String channel : channels) {
                await(pub.publish(channel + "!", channel, true));
            }
            java.util.Set<GlideString> got = new java.util.HashSet<>();
            for (int i = 0; i < channels.length; i++) {
                got.add(await(sub.getPubSubMessage()).getMessage());
            }
            assertEquals(channels.length, got.size());
            await(sub.sunsubscribe(10_000));
            assertEquals(Set.of(), await(sub.getSubscriptions()).getActualSubscriptions().get(PubSubClusterChannelMode.SHARDED));
        }
    }

    @Test
    void aShardChannelFollowsItsSlotToTheNewOwnerAndAfterAFailover() throws Exception {
        String tag = UUID.randomUUID().toString();
        String shard = "m-{" + tag + "}";
        int slot = RedisCluster.keySlot(shard);
        BlockingQueue<PubSubMessage> received = new LinkedBlockingQueue<>();
        ClusterSubscriptionConfiguration subscriptions = ClusterSubscriptionConfiguration.builder()
                .subscription(PubSubClusterChannelMode.SHARDED, gs(shard))
                .subscription(PubSubClusterChannelMode.EXACT, gs("x-" + tag))
                .callback((message, context) -> received.add(message))
                .build();
        try (GlideClusterClient sub = await(GlideClusterClient.createClient(config().subscriptionConfiguration(subscriptions).build()));
                GlideClusterClient pub = await(GlideClusterClient.createClient(config().build()))) {
            awaitConfirmed(sub, PubSubClusterChannelMode.SHARDED, shard);

            // The slot moves: the old owner ends the subscription; the client makes it again on the new one.
            RedisServer source = cluster.primaryOf(slot);
            RedisServer target = cluster.primaries().stream().filter(p -> p != source).findFirst().orElseThrow();
            SlotMigration migration = SlotMigration.begin(cluster, slot, source, target);
            while (migration.moveKeys(100) > 0) {
                // (no keys in this slot, normally)
            }
            migration.finish();
            cluster.awaitHealthy(10_000);
            long deadline = System.currentTimeMillis() + 15_000;
            while (true) {
                await(pub.publish("after the move", shard, true));
                PubSubMessage m = received.poll(200, TimeUnit.MILLISECONDS);
                if (m != null && m.getMessage().equals(gs("after the move"))) {
                    break;
                }
                assertTrue(System.currentTimeMillis() < deadline, "no message after the slot moved");
            }
            received.clear();

            // The new owner dies: its replica takes over and the subscriptions move there.
            RedisServer owner = cluster.primaryOf(slot);
            cluster.killPrimaryOnceReplicated(owner, 10_000);
            cluster.awaitFailover(owner, 30_000);
            deadline = System.currentTimeMillis() + 30_000;
            boolean sharded = false, exact = false;
            while (!(sharded && exact)) {
                try {
                    await(pub.publish("after the failover", shard, true));
                    await(pub.publish("exact after the failover", "x-" + tag));
                } catch (java.util.concurrent.ExecutionException e) {
                    // the publisher's view of the cluster is catching up too
                }
                PubSubMessage m = received.poll(200, TimeUnit.MILLISECONDS);
                while (m != null) {
                    sharded |= m.getMessage().equals(gs("after the failover"));
                    exact |= m.getMessage().equals(gs("exact after the failover"));
                    m = received.poll();
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("no message after the failover (sharded " + sharded + ", exact " + exact
                            + "); subscriptions " + await(sub.getSubscriptions()).getActualSubscriptions()
                            + ", shard subscribers " + await(pub.pubsubShardNumSub(new String[] {shard})));
                }
            }
        }
    }
}
