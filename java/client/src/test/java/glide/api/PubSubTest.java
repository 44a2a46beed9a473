package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.PubSubMessage;
import glide.api.models.configuration.BaseSubscriptionConfiguration.MessageCallback;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.PubSubOverflowPolicy;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConfigurationError;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions of a standalone client (issue 6): configured at creation, delivered to a callback
 * (on a thread of their own) or polled, binary-safe, in order, restored after a server restart,
 * and bounded by the backlog when the consumer is slow.
 */
class PubSubTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static GlideClient subscriber(StandaloneSubscriptionConfiguration.StandaloneSubscriptionConfigurationBuilder subscriptions)
            throws Exception {
        GlideClientConfiguration config = Clients.config(server, ProtocolVersion.RESP3)
                .requestTimeout(5000).subscriptionConfiguration(subscriptions.build()).build();
        long before = System.currentTimeMillis();
        GlideClient client = await(GlideClient.createClient(config));
        // The server confirms the subscriptions after the client is created: wait for that.
        long deadline = before + 5000;
        while (stat(client, "pubsub_subscriptions_last_confirmed_ms") < before) {
            assertTrue(System.currentTimeMillis() < deadline, "no subscription confirmed");
            Thread.sleep(5);
        }
        Thread.sleep(50); // (a pattern's confirmation may follow the channel's)
        return client;
    }

    private static long stat(GlideClient client, String name) {
        return Long.parseLong(client.getExtendedStatistics().get(name));
    }

    @Test
    void aCallbackGetsExactAndPatternMessagesOnItsOwnThreadAndSurvivesItsExceptions() throws Exception {
        BlockingQueue<Object[]> received = new LinkedBlockingQueue<>();
        MessageCallback callback = (message, context) -> {
            received.add(new Object[] {message, context, Thread.currentThread().getName()});
            if (message.getMessage().equals(gs("boom"))) {
                throw new IllegalStateException("a callback that throws");
            }
        };
        GlideString binaryChannel = gs(new byte[] {(byte) 0xff, 'c', 0});
        try (GlideClient sub = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs("news"))
                        .subscription(PubSubChannelMode.EXACT, binaryChannel)
                        .subscription(PubSubChannelMode.PATTERN, gs("sport.*"))
                        .callback(callback, "ctx"));
                GlideClient pub = Clients.connect(server, ProtocolVersion.RESP2)) {
            await(pub.publish("boom", "news"));
            await(pub.publish("after the exception", "news"));
            await(pub.publish(gs(new byte[] {0, (byte) 0xfe}), binaryChannel));
            await(pub.publish("goal", "sport.football"));
            List<Object[]> got = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(received.poll(5, TimeUnit.SECONDS));
            }
            PubSubMessage first = (PubSubMessage) got.get(0)[0];
            assertEquals(gs("boom"), first.getMessage());
            assertEquals(gs("news"), first.getChannel());
            assertEquals(Optional.empty(), first.getPattern());
            assertEquals("ctx", got.get(0)[1]);
            assertTrue(((String) got.get(0)[2]).startsWith("glide-pubsub-callback-"), (String) got.get(0)[2]);
            assertEquals(gs("after the exception"), ((PubSubMessage) got.get(1)[0]).getMessage());
            PubSubMessage binary = (PubSubMessage) got.get(2)[0];
            assertEquals(binaryChannel, binary.getChannel());
            assertEquals(gs(new byte[] {0, (byte) 0xfe}), binary.getMessage());
            PubSubMessage pattern = (PubSubMessage) got.get(3)[0];
            assertEquals(Optional.of(gs("sport.*")), pattern.getPattern());
            assertEquals(gs("sport.football"), pattern.getChannel());
            // Commands go on working on the subscribed client.
            assertEquals("OK", await(sub.set("k", "v")));
            assertThrows(ConfigurationError.class, sub::tryGetPubSubMessage, "messages go to the callback");
        }
    }

    @Test
    void pollingDeliversInOrderAndAOneMegabyteMessageWhole() throws Exception {
        try (GlideClient sub = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs("orders")));
                GlideClient pub = Clients.connect(server, ProtocolVersion.RESP3)) {
            assertNull(sub.tryGetPubSubMessage());
            java.util.concurrent.CompletableFuture<PubSubMessage> waiting = sub.getPubSubMessage();
            await(pub.publish("first", "orders"));
            assertEquals(gs("first"), await(waiting).getMessage());
            List<java.util.concurrent.CompletableFuture<String>> sent = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                sent.add(pub.publish("m" + i, "orders"));
                if (sent.size() % 500 == 0) {
                    await(sent.get(sent.size() - 1)); // within the publisher's inflight limit
                }
            }
            for (java.util.concurrent.CompletableFuture<String> f : sent) {
                assertEquals("OK", await(f));
            }
            for (int i = 0; i < 2000; i++) {
                assertEquals(gs("m" + i), await(sub.getPubSubMessage()).getMessage(), "message " + i + " in order");
            }
            byte[] big = new byte[1 << 20];
            new java.util.Random(7).nextBytes(big);
            await(pub.publish(gs(big), gs("orders")));
            assertEquals(gs(big), await(sub.getPubSubMessage()).getMessage());
            java.util.concurrent.CompletableFuture<PubSubMessage> never = sub.getPubSubMessage();
            sub.close();
            assertInstanceOf(ClosingException.class, failure(never));
        }
    }

    @Test
    void subscriptionsAreRestoredAfterTheServerRestarts() throws Exception {
        try (RedisServer own = RedisServer.start()) {
            GlideClientConfiguration config = Clients.config(own, ProtocolVersion.RESP3).requestTimeout(2000)
                    .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder()
                            .subscription(PubSubChannelMode.EXACT, gs("alerts")).build())
                    .build();
            try (GlideClient sub = await(GlideClient.createClient(config));
                    GlideClient pub = Clients.connect(own, ProtocolVersion.RESP3)) {
                waitForSubscribers(pub, "alerts", 1);
                long confirmedBefore = stat(sub, "pubsub_subscriptions_last_confirmed_ms");
                own.kill();
                own.restart();
                waitForSubscribers(pub, "alerts", 1);
                assertTrue(stat(sub, "pubsub_subscriptions_last_confirmed_ms") >= confirmedBefore);
                await(pub.publish("after the restart", "alerts"));
                assertEquals(gs("after the restart"), await(sub.getPubSubMessage()).getMessage());
            }
        }
    }

    private static void waitForSubscribers(GlideClient client, String channel, long count) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try {
                if (await(client.pubsubNumSub(new String[] {channel})).get(channel) == count) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException e) {
                // reconnecting
            }
            assertTrue(System.currentTimeMillis() < deadline, "no subscriber on " + channel);
            Thread.sleep(20);
        }
    }

    @Test
    void aSlowConsumerCostsAtMostTheBoundAndEveryMessageIsCounted() throws Exception {
        long bound = 1 << 20;
        CountDownLatch release = new CountDownLatch(1);
        List<GlideString> delivered = Collections.synchronizedList(new ArrayList<>());
        MessageCallback slow = (message, context) -> {
            try {
                release.await(); // a consumer stuck until the publisher is done
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(message.getMessage());
        };
        try (GlideClient sub = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs("flood"))
                        .callback(slow)
                        .backlogLimitBytes(bound)
                        .overflowPolicy(PubSubOverflowPolicy.DROP_OLDEST));
                GlideClient pub = Clients.connect(server, ProtocolVersion.RESP3)) {
            long receivedBefore = stat(sub, "pubsub_messages_received");
            long droppedBefore = stat(sub, "pubsub_messages_dropped");
            byte[] payload = new byte[10_000];
            int published = 2_000; // 20 MB: 20 times the bound
            long peak = 0;
            for (int i = 0; i < published; i++) {
                java.util.concurrent.CompletableFuture<String> sent = pub.publish(gs(payload), gs("flood"));
                if (i % 100 == 0) {
                    await(sent); // within the publisher's inflight limit
                    peak = Math.max(peak, stat(sub, "pubsub_backlog_bytes"));
                }
            }
            await(pub.ping());
            long deadline = System.currentTimeMillis() + 10_000;
            while (stat(sub, "pubsub_messages_received") - receivedBefore < published) {
                peak = Math.max(peak, stat(sub, "pubsub_backlog_bytes"));
                assertTrue(System.currentTimeMillis() < deadline, "not all messages arrived");
                Thread.sleep(5);
            }
            peak = Math.max(peak, stat(sub, "pubsub_backlog_bytes"));
            assertTrue(peak <= bound, "backlog bytes " + peak + " within the bound " + bound);
            release.countDown();
            long dropped;
            deadline = System.currentTimeMillis() + 10_000;
            while (true) {
                dropped = stat(sub, "pubsub_messages_dropped") - droppedBefore;
                if (delivered.size() + dropped == published) {
                    break;
                }
                assertTrue(System.currentTimeMillis() < deadline,
                        "delivered " + delivered.size() + " + dropped " + dropped + " != published " + published);
                Thread.sleep(10);
            }
            System.out.println("SLOW-CONSUMER (Java): published " + published + " x 10 KB, bound " + bound
                    + " B: peak backlog " + peak + " B, delivered " + delivered.size() + ", dropped " + dropped);
            assertTrue(dropped > 0 && delivered.size() > 0);
        }
    }

    @Test
    void subscriptionsNeedResp3AndAPositiveBound() throws Exception {
        StandaloneSubscriptionConfiguration config = StandaloneSubscriptionConfiguration.builder()
                .subscription(PubSubChannelMode.EXACT, gs("x")).build();
        // Thrown at once, as valkey-glide does (issue 15): its callers assertThrows on createClient itself.
        ConfigurationError resp2 = assertThrows(ConfigurationError.class, () -> GlideClient.createClient(
                Clients.config(server, ProtocolVersion.RESP2).subscriptionConfiguration(config).build()));
        assertTrue(resp2.getMessage().contains("PubSub subscriptions require RESP3 protocol"), resp2.getMessage());
        // Also with no subscription listed: asking for delivery on RESP2 is the mistake.
        assertThrows(ConfigurationError.class, () -> GlideClient.createClient(Clients.config(server, ProtocolVersion.RESP2)
                .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder().build()).build()));
        StandaloneSubscriptionConfiguration zero = StandaloneSubscriptionConfiguration.builder()
                .subscription(PubSubChannelMode.EXACT, gs("x")).backlogLimitBytes(0).build();
        assertInstanceOf(ConfigurationError.class, failure(GlideClient.createClient(
                Clients.config(server, ProtocolVersion.RESP3).subscriptionConfiguration(zero).build())));
        try (GlideClient plain = Clients.connect(server, ProtocolVersion.RESP3)) {
            assertNull(plain.tryGetPubSubMessage(), "polled before any subscription: nothing yet (issue 15)");
            assertEquals(Map.of("x", 0L), await(plain.pubsubNumSub(new String[] {"x"})));
        }
    }

    /**
     * Issue 15: valkey-glide's test cleanup leaves everything with {@code customCommand(
     * {"UNSUBSCRIBE"})}; sent as an ordinary command, its answer is a push, not a reply, and the
     * request timed out. The subscribe family through customCommand is a subscription, as the
     * lazy methods: completes with null once sent, delivers to the client's queue, and survives
     * a reconnect.
     */
    @Test
    void customCommandSubscriptionsAreSubscriptions() throws Exception {
        try (RedisServer own = RedisServer.start()) {
            try (GlideClient client = Clients.connect(own, ProtocolVersion.RESP3);
                    GlideClient pub = Clients.connect(own, ProtocolVersion.RESP3)) {
                // Nothing subscribed: leaving everything completes at once.
                assertNull(client.customCommand(new String[] {"UNSUBSCRIBE"}).get(1, TimeUnit.SECONDS));
                assertNull(client.customCommand(new String[] {"PUNSUBSCRIBE"}).get(1, TimeUnit.SECONDS));
                assertNull(client.unsubscribe(1000).get(2, TimeUnit.SECONDS));
                assertNull(client.punsubscribe(1000).get(2, TimeUnit.SECONDS));
                // Shard channels need a cluster client (valkey-glide answers null and subscribes nowhere).
                assertInstanceOf(ConfigurationError.class, failure(client.customCommand(new String[] {"SSUBSCRIBE", "cc-s"})));
                assertNull(client.customCommand(new String[] {"subscribe", "cc-a"}).get(1, TimeUnit.SECONDS));
                assertNull(client.customCommand(new GlideString[] {gs("PSUBSCRIBE"), gs(new byte[] {'c', (byte) 0xff, '*'})})
                        .get(1, TimeUnit.SECONDS));
                waitForSubscribers(pub, "cc-a", 1);
                await(pub.publish("one", "cc-a"));
                assertEquals(gs("one"), await(client.getPubSubMessage()).getMessage());
                await(pub.publish(gs("two"), gs(new byte[] {'c', (byte) 0xff, 'x'})));
                PubSubMessage viaPattern = await(client.getPubSubMessage());
                assertEquals(Optional.of(gs(new byte[] {'c', (byte) 0xff, '*'})), viaPattern.getPattern());
                assertEquals(Set.of("cc-a"), await(client.getSubscriptions()).getDesiredSubscriptions().get(PubSubChannelMode.EXACT));

                own.kill();
                own.restart();
                waitForSubscribers(pub, "cc-a", 1);
                await(pub.publish("after the restart", "cc-a"));
                assertEquals(gs("after the restart"), await(client.getPubSubMessage()).getMessage());

                assertNull(client.customCommand(new String[] {"UNSUBSCRIBE"}).get(1, TimeUnit.SECONDS));
                assertNull(client.customCommand(new String[] {"punsubscribe"}).get(1, TimeUnit.SECONDS));
                waitForSubscribers(pub, "cc-a", 0);
                long deadline = System.currentTimeMillis() + 5000;
                while (await(pub.pubsubNumPat()) != 0) {
                    assertTrue(System.currentTimeMillis() < deadline, "the pattern subscription stayed");
                    Thread.sleep(10);
                }
                assertInstanceOf(glide.api.models.exceptions.RequestException.class,
                        failure(client.customCommand(new String[] {"SUBSCRIBE"})), "no channel to subscribe to");
                assertNull(await(client.get("cc-absent")), "the connection still answers commands");

                // In a batch the server's answer would be a push, not a reply: refused before anything is sent.
                await(client.set("cc-key", "v"));
                Throwable inBatch = failure(client.exec(new glide.api.models.Batch(false)
                        .customCommand(new String[] {"PING"}).customCommand(new String[] {"subscribe", "cc-b"}), false));
                assertInstanceOf(glide.api.models.exceptions.RequestException.class, inBatch);
                assertTrue(inBatch.getMessage().contains("command 1 of the batch is SUBSCRIBE"), inBatch.getMessage());
                assertInstanceOf(glide.api.models.exceptions.RequestException.class, failure(client.exec(
                        new glide.api.models.Batch(true).customCommand(new String[] {"UNSUBSCRIBE"}), false)));
                assertEquals("v", await(client.get("cc-key")), "replies still answer their own requests");
                assertEquals(Map.of("cc-b", 0L), await(pub.pubsubNumSub(new String[] {"cc-b"})));
            }
        }
    }

    /**
     * Issue 15: PUBSUB CHANNELS with a channel name that is not UTF-8. valkey-glide 2.3.1 fails
     * the String form's future (ClassCastException); ours fails it with a RequestException that
     * names the binary form, which lists every name.
     */
    @Test
    void pubsubChannelsWithAChannelNameThatIsNotUtf8() throws Exception {
        GlideString binary = gs(new byte[] {'n', 'u', (byte) 0xff, (byte) 0xfe});
        try (GlideClient sub = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, binary)
                        .subscription(PubSubChannelMode.EXACT, gs("nu-plain")));
                GlideClient observer = Clients.connect(server, ProtocolVersion.RESP3)) {
            List<GlideString> names = List.of(await(observer.pubsubChannelsBinary()));
            assertTrue(names.contains(binary) && names.contains(gs("nu-plain")), names.toString());
            Throwable all = failure(observer.pubsubChannels());
            assertInstanceOf(glide.api.models.exceptions.RequestException.class, all);
            assertTrue(all.getMessage().contains("GlideString"), all.getMessage());
            assertInstanceOf(glide.api.models.exceptions.RequestException.class, failure(observer.pubsubChannels("nu*")));
            assertEquals(List.of("nu-plain"), List.of(await(observer.pubsubChannels("nu-*"))), "UTF-8 names alone still decode");
        }
    }

    /**
     * Issue 15, standalone: three publishers at once on exact and pattern channels; a callback
     * listener, a polling one mixing tryGetPubSubMessage and getPubSubMessage, and one that
     * subscribed after creation each receive exactly the published multiset. (The cluster
     * version, with shard channels too and the helpers, is in ClusterPubSubTest.)
     */
    @Test
    void concurrentPublishersReachEveryListenerExactlyOnce() throws Exception {
        String tag = java.util.UUID.randomUUID().toString();
        String[] exact = {"ce-" + tag + "-0", "ce-" + tag + "-1"};
        String pattern = "cp-" + tag + "-*";
        String[] matching = {"cp-" + tag + "-0", "cp-" + tag + "-1"};
        java.util.concurrent.ConcurrentLinkedQueue<PubSubMessage> viaCallback = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<GlideClient> publishers = new ArrayList<>();
        try (GlideClient callbackListener = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs(exact[0])).subscription(PubSubChannelMode.EXACT, gs(exact[1]))
                        .subscription(PubSubChannelMode.PATTERN, gs(pattern))
                        .callback((message, context) -> viaCallback.add(message)));
                GlideClient pollingListener = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs(exact[0])).subscription(PubSubChannelMode.EXACT, gs(exact[1]))
                        .subscription(PubSubChannelMode.PATTERN, gs(pattern)));
                GlideClient dynamicListener = Clients.connect(server, ProtocolVersion.RESP3)) {
            await(dynamicListener.subscribe(Set.of(exact), 5000));
            await(dynamicListener.psubscribe(Set.of(pattern), 5000));
            for (int p = 0; p < 3; p++) {
                publishers.add(Clients.connect(server, ProtocolVersion.RESP3));
            }
            int perPublisher = 300;
            java.util.concurrent.ConcurrentLinkedQueue<String> published = new java.util.concurrent.ConcurrentLinkedQueue<>();
            List<java.util.concurrent.CompletableFuture<Void>> publishing = new ArrayList<>();
            for (int p = 0; p < publishers.size(); p++) {
                GlideClient publisher = publishers.get(p);
                int id = p;
                publishing.add(java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        for (int n = 0; n < perPublisher; n++) {
                            String payload = "m-" + id + "-" + n;
                            if (n % 2 == 0) {
                                await(publisher.publish(payload, exact[n % 4 / 2]));
                                published.add(ClusterPubSubTest.key(exact[n % 4 / 2], null, payload));
                            } else {
                                await(publisher.publish(payload, matching[n % 4 / 2]));
                                published.add(ClusterPubSubTest.key(matching[n % 4 / 2], pattern, payload));
                            }
                        }
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                }));
            }
            var polledKeys = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> ClusterPubSubTest.drain(pollingListener, 3 * perPublisher, true));
            var dynamicKeys = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> ClusterPubSubTest.drain(dynamicListener, 3 * perPublisher, false));
            for (var f : publishing) {
                f.get(60, TimeUnit.SECONDS);
            }
            List<String> expected = ClusterPubSubTest.sortedCopy(published);
            assertEquals(3 * perPublisher, expected.size());
            assertEquals(expected, ClusterPubSubTest.sortedCopy(polledKeys.get(60, TimeUnit.SECONDS)), "polled (tryGet and get mixed)");
            assertEquals(expected, ClusterPubSubTest.sortedCopy(dynamicKeys.get(60, TimeUnit.SECONDS)), "subscribed after creation");
            long deadline = System.currentTimeMillis() + 20_000;
            while (viaCallback.size() < expected.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300); // a duplicate would arrive about now
            List<String> called = new ArrayList<>();
            viaCallback.forEach(m -> called.add(ClusterPubSubTest.key(m)));
            assertEquals(expected, ClusterPubSubTest.sortedCopy(called), "through the callback");
        } finally {
            for (GlideClient c : publishers) {
                c.close();
            }
        }
    }

    /**
     * Issue 15: code that polls by "a future not done means nothing is waiting" abandons that
     * future; when it cancels it, the next message goes to the next call instead of being lost.
     */
    @Test
    void aCancelledGetPubSubMessageTakesNoMessage() throws Exception {
        try (GlideClient sub = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs("cancel-ch")));
                GlideClient pub = Clients.connect(server, ProtocolVersion.RESP3)) {
            java.util.concurrent.CompletableFuture<PubSubMessage> abandoned = sub.getPubSubMessage();
            assertTrue(!abandoned.isDone(), "nothing was published yet");
            abandoned.cancel(false);
            await(pub.publish("kept", "cancel-ch"));
            assertEquals(gs("kept"), await(sub.getPubSubMessage()).getMessage());
        }
    }

    @Test
    void subscriptionsChangeAfterCreationAndTheStateSaysWhatIsConfirmed() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3);
                GlideClient pub = Clients.connect(server, ProtocolVersion.RESP2)) {
            assertNull(client.tryGetPubSubMessage(), "nothing subscribed yet");
            // A poller may wait before the client subscribes (issue 15).
            java.util.concurrent.CompletableFuture<PubSubMessage> early = client.getPubSubMessage();
            client.__enqueuePubSubMessage(new PubSubMessage(gs("injected"), gs("nowhere")));
            assertEquals(gs("injected"), await(early).getMessage(), "an enqueued message comes first");
            assertNull(client.tryGetPubSubMessage());
            await(client.subscribe(java.util.Set.of("dyn-a", "dyn-b"), 5000));
            await(client.psubscribe(java.util.Set.of("dyn-p*"), 5000));
            var state = await(client.getSubscriptions());
            assertEquals(java.util.Set.of("dyn-a", "dyn-b"), state.getActualSubscriptions().get(PubSubChannelMode.EXACT));
            assertEquals(java.util.Set.of("dyn-p*"), state.getDesiredSubscriptions().get(PubSubChannelMode.PATTERN));
            await(pub.publish("one", "dyn-a"));
            await(pub.publish("two", "dyn-pq"));
            assertEquals(gs("one"), await(client.getPubSubMessage()).getMessage());
            PubSubMessage viaPattern = await(client.getPubSubMessage());
            assertEquals(Optional.of(gs("dyn-p*")), viaPattern.getPattern());

            await(client.unsubscribe(java.util.Set.of("dyn-a"), 5000));
            assertEquals(java.util.Set.of("dyn-b"), await(client.getSubscriptions()).getActualSubscriptions().get(PubSubChannelMode.EXACT));
            await(pub.publish("not for us", "dyn-a"));
            await(pub.publish("three", "dyn-b"));
            assertEquals(gs("three"), await(client.getPubSubMessage()).getMessage(), "dyn-a's message never came");
            await(client.unsubscribe(5000));
            await(client.punsubscribeLazy());
            long deadline = System.currentTimeMillis() + 5000;
            while (!await(client.getSubscriptions()).getActualSubscriptions().get(PubSubChannelMode.PATTERN).isEmpty()) {
                assertTrue(System.currentTimeMillis() < deadline);
                Thread.sleep(10);
            }
            assertEquals(Map.of("dyn-b", 0L), await(pub.pubsubNumSub(new String[] {"dyn-b"})));
            assertInstanceOf(glide.api.models.exceptions.RequestException.class, failure(client.subscribe(java.util.Set.of(), 100)));
        }
        try (GlideClient resp2 = Clients.connect(server, ProtocolVersion.RESP2)) {
            assertInstanceOf(ConfigurationError.class, failure(resp2.subscribe(java.util.Set.of("x"), 100)));
            // No message can reach a RESP2 client: its polls say so (valkey-glide: null, or a future that never completes).
            assertThrows(ConfigurationError.class, resp2::tryGetPubSubMessage);
            assertInstanceOf(ConfigurationError.class, failure(resp2.getPubSubMessage()));
            // Through customCommand too, and the connection stays usable (valkey-glide subscribes it: its next GET fails).
            assertInstanceOf(ConfigurationError.class, failure(resp2.customCommand(new String[] {"SUBSCRIBE", "r2-x"})));
            assertNull(await(resp2.get("r2-absent")));
        }
    }

    @Test
    void aBlockedCallbackDelaysOnlyItsOwnClient() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        BlockingQueue<PubSubMessage> stuckGot = new LinkedBlockingQueue<>();
        BlockingQueue<PubSubMessage> freeGot = new LinkedBlockingQueue<>();
        MessageCallback stuck = (message, context) -> {
            try {
                unblock.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stuckGot.add(message);
        };
        try (GlideClient blocked = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs("shared")).callback(stuck));
                GlideClient free = subscriber(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs("shared")).callback((m, c) -> freeGot.add(m)));
                GlideClient pub = Clients.connect(server, ProtocolVersion.RESP3)) {
            for (int i = 0; i < 50; i++) {
                await(pub.publish("n" + i, "shared"));
            }
            for (int i = 0; i < 50; i++) {
                PubSubMessage m = freeGot.poll(5, TimeUnit.SECONDS);
                assertTrue(m != null, "the other client's callback got message " + i + " while one was blocked");
                assertEquals(gs("n" + i), m.getMessage());
            }
            assertEquals("OK", await(blocked.set("still", "working")), "the blocked client's commands still run");
            assertTrue(stuckGot.isEmpty());
            unblock.countDown();
            for (int i = 0; i < 50; i++) {
                assertEquals(gs("n" + i), stuckGot.poll(5, TimeUnit.SECONDS).getMessage(), "then in order");
            }
        }
    }
}
