package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
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
            assertEquals(null, client.sunsubscribe(1000).get(2, TimeUnit.SECONDS));
            assertEquals(null, client.unsubscribe(1000).get(2, TimeUnit.SECONDS));
            assertEquals(null, client.punsubscribe(1000).get(2, TimeUnit.SECONDS));
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
            Throwable inBatch = failure(client.exec(new glide.api.models.ClusterBatch(false)
                    .customCommand(new String[] {"SSUBSCRIBE", shard}), false));
            assertTrue(inBatch instanceof glide.api.models.exceptions.RequestException, String.valueOf(inBatch));
        }
        glide.api.models.exceptions.ConfigurationError resp2 = org.junit.jupiter.api.Assertions.assertThrows(
                glide.api.models.exceptions.ConfigurationError.class,
                () -> GlideClusterClient.createClient(config().protocol(ProtocolVersion.RESP2)
                        .subscriptionConfiguration(ClusterSubscriptionConfiguration.builder().build()).build()));
        assertTrue(resp2.getMessage().contains("PubSub subscriptions require RESP3 protocol"), resp2.getMessage());
    }

    /**
     * Issue 15: three publishers at once on exact, pattern and shard channels (three slots);
     * three listeners, each subscribed to all of them: through a callback, by polling that mixes
     * tryGetPubSubMessage and getPubSubMessage on one client, and with subscriptions made after
     * creation. Each listener receives exactly what was published: the same multiset of
     * (channel, pattern, message), nothing lost, nothing twice.
     */
    @Test
    void concurrentPublishersReachEveryListenerExactlyOnce() throws Exception {
        String tag = UUID.randomUUID().toString();
        String[] exact = {"ce-" + tag + "-0", "ce-" + tag + "-1", "ce-" + tag + "-2"};
        String pattern = "cp-" + tag + "-*";
        String[] matching = {"cp-" + tag + "-0", "cp-" + tag + "-1", "cp-" + tag + "-2"};
        String[] shard = {"cs-{" + tag + "-0}", "cs-{" + tag + "-1}", "cs-{" + tag + "-2}"};
        ClusterSubscriptionConfiguration.ClusterSubscriptionConfigurationBuilder all = ClusterSubscriptionConfiguration.builder()
                .subscription(PubSubClusterChannelMode.PATTERN, gs(pattern));
        for (int i = 0; i < 3; i++) {
            all.subscription(PubSubClusterChannelMode.EXACT, gs(exact[i])).subscription(PubSubClusterChannelMode.SHARDED, gs(shard[i]));
        }
        java.util.concurrent.ConcurrentLinkedQueue<PubSubMessage> viaCallback = new java.util.concurrent.ConcurrentLinkedQueue<>();
        GlideClusterClient callbackListener = await(GlideClusterClient.createClient(
                config().subscriptionConfiguration(all.callback((message, context) -> viaCallback.add(message)).build()).build()));
        ClusterSubscriptionConfiguration.ClusterSubscriptionConfigurationBuilder polled = ClusterSubscriptionConfiguration.builder()
                .subscription(PubSubClusterChannelMode.PATTERN, gs(pattern));
        for (int i = 0; i < 3; i++) {
            polled.subscription(PubSubClusterChannelMode.EXACT, gs(exact[i])).subscription(PubSubClusterChannelMode.SHARDED, gs(shard[i]));
        }
        GlideClusterClient pollingListener = await(GlideClusterClient.createClient(config().subscriptionConfiguration(polled.build()).build()));
        GlideClusterClient dynamicListener = await(GlideClusterClient.createClient(config().build()));
        java.util.List<GlideClusterClient> publishers = new java.util.ArrayList<>();
        try {
            await(dynamicListener.subscribe(Set.of(exact), 10_000));
            await(dynamicListener.psubscribe(Set.of(pattern), 10_000));
            await(dynamicListener.ssubscribe(Set.of(shard), 10_000));
            for (GlideClusterClient listener : java.util.List.of(callbackListener, pollingListener)) {
                for (int i = 0; i < 3; i++) {
                    awaitConfirmed(listener, PubSubClusterChannelMode.EXACT, exact[i]);
                    awaitConfirmed(listener, PubSubClusterChannelMode.SHARDED, shard[i]);
                }
                awaitConfirmed(listener, PubSubClusterChannelMode.PATTERN, pattern);
            }
            for (int p = 0; p < 3; p++) {
                publishers.add(await(GlideClusterClient.createClient(config().build())));
            }
            int perPublisher = 300;
            java.util.concurrent.ConcurrentLinkedQueue<String> published = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.List<java.util.concurrent.CompletableFuture<Void>> publishing = new java.util.ArrayList<>();
            for (int p = 0; p < publishers.size(); p++) {
                GlideClusterClient publisher = publishers.get(p);
                int id = p;
                publishing.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        for (int n = 0; n < perPublisher; n++) {
                            String payload = "m-" + id + "-" + n;
                            int k = n % 3;
                            switch ((n / 3) % 3) {
                                case 0:
                                    await(publisher.publish(payload, exact[k]));
                                    published.add(key(exact[k], null, payload));
                                    break;
                                case 1:
                                    await(publisher.publish(payload, matching[k]));
                                    published.add(key(matching[k], pattern, payload));
                                    break;
                                default:
                                    await(publisher.publish(payload, shard[k], true));
                                    published.add(key(shard[k], null, payload));
                            }
                        }
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }));
            }
            java.util.concurrent.CompletableFuture<java.util.List<String>> polledKeys = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> drain(pollingListener, 3 * perPublisher, true));
            java.util.concurrent.CompletableFuture<java.util.List<String>> dynamicKeys = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> drain(dynamicListener, 3 * perPublisher, false));
            for (java.util.concurrent.CompletableFuture<Void> f : publishing) {
                f.get(60, TimeUnit.SECONDS);
            }
            java.util.List<String> expected = sortedCopy(published);
            assertEquals(3 * perPublisher, expected.size());
            assertEquals(expected, sortedCopy(polledKeys.get(60, TimeUnit.SECONDS)), "polled (tryGet and get mixed)");
            assertEquals(expected, sortedCopy(dynamicKeys.get(60, TimeUnit.SECONDS)), "subscribed after creation");
            long deadline = System.currentTimeMillis() + 20_000;
            while (viaCallback.size() < expected.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300); // a duplicate would arrive about now
            java.util.List<String> called = new java.util.ArrayList<>();
            viaCallback.forEach(m -> called.add(key(m)));
            assertEquals(expected, sortedCopy(called), "through the callback");
            assertEquals(null, pollingListener.tryGetPubSubMessage(), "nothing more for the polling listener");
            assertEquals(null, dynamicListener.tryGetPubSubMessage(), "nothing more for the dynamic listener");
        } finally {
            for (GlideClusterClient c : publishers) {
                c.close();
            }
            callbackListener.close();
            pollingListener.close();
            dynamicListener.close();
        }
    }

    /**
     * Issue 15: valkey-glide's tests read a backlog by mixing tryGetPubSubMessage and
     * getPubSubMessage at random and stop at the first null or the first future not already done.
     * Every message already received must be read that way: a waiting message completes
     * getPubSubMessage's future at once.
     */
    @Test
    void messagesAlreadyReceivedAreReadByMixingTryGetAndGetUntilOneIsNotReady() throws Exception {
        String tag = UUID.randomUUID().toString();
        String[] exact = new String[8], shard = new String[8], matching = new String[8];
        String pattern = "rp-" + tag + "-*";
        ClusterSubscriptionConfiguration.ClusterSubscriptionConfigurationBuilder subscriptions =
                ClusterSubscriptionConfiguration.builder().subscription(PubSubClusterChannelMode.PATTERN, gs(pattern));
        for (int i = 0; i < 8; i++) {
            exact[i] = "re-" + i + "-" + tag;
            shard[i] = "rs-{" + i + "-" + tag + "}";
            matching[i] = "rp-" + tag + "-" + i;
            subscriptions.subscription(PubSubClusterChannelMode.EXACT, gs(exact[i]))
                    .subscription(PubSubClusterChannelMode.SHARDED, gs(shard[i]));
        }
        try (GlideClusterClient listener = await(GlideClusterClient.createClient(config().subscriptionConfiguration(subscriptions.build()).build()));
                GlideClusterClient sender = await(GlideClusterClient.createClient(config().build()))) {
            for (int i = 0; i < 8; i++) {
                awaitConfirmed(listener, PubSubClusterChannelMode.EXACT, exact[i]);
                awaitConfirmed(listener, PubSubClusterChannelMode.SHARDED, shard[i]);
            }
            awaitConfirmed(listener, PubSubClusterChannelMode.PATTERN, pattern);
            java.util.List<String> published = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                await(sender.publish("e" + i, exact[i]));
                published.add(key(exact[i], null, "e" + i));
                await(sender.publish("p" + i, matching[i]));
                published.add(key(matching[i], pattern, "p" + i));
                await(sender.publish("s" + i, shard[i], true));
                published.add(key(shard[i], null, "s" + i));
            }
            assertEquals(sortedCopy(published), sortedCopy(readUntilNotReady(listener, published.size())));
        }
    }

    /**
     * Waits until {@code count} messages are queued for {@code client} (its statistics), then reads
     * as valkey-glide's tests do: a random mix of tryGetPubSubMessage and getPubSubMessage, stopping
     * at the first null or the first future not yet done.
     */
    static java.util.List<String> readUntilNotReady(BaseClient client, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (Long.parseLong(client.getExtendedStatistics().get("pubsub_backlog_messages")) < count) {
            assertTrue(System.currentTimeMillis() < deadline, "the messages did not all arrive");
            Thread.sleep(10);
        }
        java.util.Random random = new java.util.Random(7);
        java.util.List<String> read = new java.util.ArrayList<>();
        while (true) {
            PubSubMessage m;
            if (random.nextBoolean()) {
                java.util.concurrent.CompletableFuture<PubSubMessage> next = client.getPubSubMessage();
                if (!next.isDone()) {
                    next.cancel(false);
                    break;
                }
                m = next.get();
            } else {
                m = client.tryGetPubSubMessage();
                if (m == null) {
                    break;
                }
            }
            read.add(key(m));
        }
        return read;
    }

    static String key(String channel, String pattern, String message) {
        return channel + " | " + pattern + " | " + message;
    }

    static String key(PubSubMessage m) {
        return key(m.getChannel().toString(), m.getPattern().map(GlideString::toString).orElse(null), m.getMessage().toString());
    }

    static java.util.List<String> sortedCopy(java.util.Collection<String> keys) {
        java.util.List<String> out = new java.util.ArrayList<>(keys);
        java.util.Collections.sort(out);
        return out;
    }

    /**
     * Takes {@code count} messages from {@code client} (20 s at most), then waits 300 ms for one
     * too many; {@code mixed}: every other take is a tryGetPubSubMessage.
     */
    static java.util.List<String> drain(BaseClient client, int count, boolean mixed) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        try {
            for (int i = 0; keys.size() < count && System.currentTimeMillis() < deadline; i++) {
                PubSubMessage m = mixed && i % 2 == 0
                        ? client.tryGetPubSubMessage()
                        : client.getPubSubMessage().get(20, TimeUnit.SECONDS);
                if (m != null) {
                    keys.add(key(m));
                } else {
                    Thread.sleep(1);
                }
            }
            Thread.sleep(300);
            for (PubSubMessage m = client.tryGetPubSubMessage(); m != null; m = client.tryGetPubSubMessage()) {
                keys.add(key(m));
            }
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(e);
        }
        return keys;
    }

    /**
     * One channel's messages arrive in the order they were published (issue 15: valkey-glide's
     * pubsub_test_callback_exception got message2 before message1 here). Each PUBLISH went to a
     * random node, and messages that enter the cluster at different nodes can overtake each other
     * on the cluster bus; now a channel's PUBLISH goes to its slot's node, as in valkey-glide.
     */
    @Test
    void oneChannelsMessagesKeepTheirOrder() throws Exception {
        String channel = "ordered-" + UUID.randomUUID();
        BlockingQueue<PubSubMessage> received = new LinkedBlockingQueue<>();
        ClusterSubscriptionConfiguration subscriptions = ClusterSubscriptionConfiguration.builder()
                .subscription(PubSubClusterChannelMode.EXACT, gs(channel))
                .callback((message, context) -> received.add(message))
                .build();
        try (GlideClusterClient sub = await(GlideClusterClient.createClient(config().subscriptionConfiguration(subscriptions).build()));
                GlideClusterClient pub = await(GlideClusterClient.createClient(config().build()))) {
            awaitConfirmed(sub, PubSubClusterChannelMode.EXACT, channel);
            int count = 300;
            for (int i = 0; i < count; i++) {
                await(pub.publish("m" + i, channel));
            }
            for (int i = 0; i < count; i++) {
                assertEquals(gs("m" + i), next(received).getMessage());
            }
        }
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
