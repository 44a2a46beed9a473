import glide.api.BaseClient;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.GlideString;
import glide.api.models.PubSubMessage;
import glide.api.models.configuration.ClusterSubscriptionConfiguration;
import glide.api.models.configuration.ClusterSubscriptionConfiguration.PubSubClusterChannelMode;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Pub/sub behaviour (issue 15): argument-less unsubscribes, subscriptions made through
 * customCommand, subscriptions on RESP2, PUBSUB CHANNELS with a channel name that is not UTF-8.
 * Args: host standalonePort clusterSeedPort. Run by run-pubsub.sh on both jars; reuses
 * CompatCheck's rendering. What the server ends up with is read by a second client (PUBSUB
 * NUMSUB / NUMPAT), after a pause for lazy changes to reach it, so the lines do not depend on
 * timing.
 */
public class PubSubCheck {
    static String host;
    static int standalonePort;
    static int clusterPort;

    public static void main(String[] args) throws Exception {
        host = args[0];
        standalonePort = Integer.parseInt(args[1]);
        clusterPort = Integer.parseInt(args[2]);
        CompatCheck.prefix = "[pubsub standalone] ";
        standalone();
        CompatCheck.prefix = "[pubsub cluster] ";
        cluster();
        System.out.flush();
        System.exit(0);
    }

    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> standaloneConfig() {
        return GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(standalonePort).build())
                .requestTimeout(2000);
    }

    static GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> clusterConfig() {
        return GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(clusterPort).build())
                .requestTimeout(2000);
    }

    static final byte[] BIN_CHANNEL = {'b', ':', (byte) 0xff, (byte) 0xfe};

    static void standalone() throws Exception {
        GlideClient observer = GlideClient.createClient(standaloneConfig().build()).get();
        GlideClient plain = GlideClient.createClient(standaloneConfig().build()).get();
        // A client without subscriptions: leaving everything has nothing to leave.
        CompatCheck.call("no subscriptions: unsubscribe(2000)", () -> plain.unsubscribe(2000));
        CompatCheck.call("no subscriptions: punsubscribe(2000)", () -> plain.punsubscribe(2000));
        CompatCheck.call("no subscriptions: unsubscribeLazy()", () -> plain.unsubscribeLazy());
        CompatCheck.call("no subscriptions: punsubscribeLazy()", () -> plain.punsubscribeLazy());
        CompatCheck.call("no subscriptions: customCommand UNSUBSCRIBE", () -> plain.customCommand(new String[] {"UNSUBSCRIBE"}));
        CompatCheck.call("no subscriptions: customCommand PUNSUBSCRIBE", () -> plain.customCommand(new String[] {"PUNSUBSCRIBE"}));
        CompatCheck.call("no subscriptions: then GET", () -> plain.get("pubsub-check:absent"));
        CompatCheck.call("no subscriptions: tryGetPubSubMessage", () -> plain.tryGetPubSubMessage());

        // Subscriptions made with customCommand, on a client without configured ones.
        CompatCheck.call("customCommand SUBSCRIBE (no channel)", () -> plain.customCommand(new String[] {"SUBSCRIBE"}));
        CompatCheck.call("customCommand subscribe cc:1", () -> plain.customCommand(new String[] {"subscribe", "cc:1"}));
        CompatCheck.call("customCommand PSUBSCRIBE cc:p*", () -> plain.customCommand(new String[] {"PSUBSCRIBE", "cc:p*"}));
        sleep(500);
        CompatCheck.call("server after customCommand SUBSCRIBEs: numsub cc:1", () -> observer.pubsubNumSub(new String[] {"cc:1"}));
        CompatCheck.call("server after customCommand SUBSCRIBEs: numpat", () -> observer.pubsubNumPat());
        CompatCheck.call("publish cc:1", () -> observer.publish("m1", "cc:1"));
        CompatCheck.call("publish cc:p1", () -> observer.publish("m2", "cc:p1"));
        CompatCheck.call("receive 1", () -> receive(plain));
        CompatCheck.call("receive 2", () -> receive(plain));
        CompatCheck.call("customCommand UNSUBSCRIBE (all)", () -> plain.customCommand(new String[] {"UNSUBSCRIBE"}));
        CompatCheck.call("customCommand PUNSUBSCRIBE cc:p*", () -> plain.customCommand(new String[] {"PUNSUBSCRIBE", "cc:p*"}));
        sleep(500);
        CompatCheck.call("server after customCommand UNSUBSCRIBEs: numsub cc:1", () -> observer.pubsubNumSub(new String[] {"cc:1"}));
        CompatCheck.call("server after customCommand UNSUBSCRIBEs: numpat", () -> observer.pubsubNumPat());
        CompatCheck.call("after customCommand UNSUBSCRIBEs: GET", () -> plain.get("pubsub-check:absent"));
        // The subscribe family inside a batch (a pipeline, then a transaction).
        GlideClient batcher = GlideClient.createClient(standaloneConfig().build()).get();
        CompatCheck.call("batch: SUBSCRIBE bb:1, PING", () -> batcher.exec(new glide.api.models.Batch(false)
                .customCommand(new String[] {"SUBSCRIBE", "bb:1"}).customCommand(new String[] {"PING"}), false));
        sleep(500);
        CompatCheck.call("after the batch SUBSCRIBE: numsub bb:1", () -> observer.pubsubNumSub(new String[] {"bb:1"}));
        CompatCheck.call("after the batch SUBSCRIBE: GET", () -> batcher.get("pubsub-check:absent"));
        CompatCheck.call("transaction: SUBSCRIBE bb:2", () -> batcher.exec(new glide.api.models.Batch(true)
                .customCommand(new String[] {"SUBSCRIBE", "bb:2"}), false));
        CompatCheck.call("after the transaction: GET", () -> batcher.get("pubsub-check:absent"));
        batcher.close();
        // Shard channels on a standalone server (Redis 7 accepts SSUBSCRIBE there).
        CompatCheck.call("customCommand SSUBSCRIBE on standalone", () -> plain.customCommand(new String[] {"SSUBSCRIBE", "cc:s"}));
        sleep(500);
        CompatCheck.call("after SSUBSCRIBE on standalone: shardnumsub", () -> observer.customCommand(new String[] {"PUBSUB", "SHARDNUMSUB", "cc:s"}));
        CompatCheck.call("spublish cc:s on standalone", () -> observer.customCommand(new String[] {"SPUBLISH", "cc:s", "m4"}));
        CompatCheck.call("receive after SSUBSCRIBE on standalone", () -> receive(plain));
        CompatCheck.call("customCommand SUNSUBSCRIBE on standalone", () -> plain.customCommand(new String[] {"SUNSUBSCRIBE"}));
        sleep(500);
        CompatCheck.call("after SUNSUBSCRIBE on standalone: shardnumsub", () -> observer.customCommand(new String[] {"PUBSUB", "SHARDNUMSUB", "cc:s"}));
        CompatCheck.call("after SSUBSCRIBE on standalone: GET", () -> plain.get("pubsub-check:absent"));
        plain.close();

        // A client with configured subscriptions (polled) leaving everything.
        GlideClient subscribed = GlideClient.createClient(standaloneConfig()
                .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, GlideString.gs("s:1"))
                        .subscription(PubSubChannelMode.EXACT, GlideString.gs("s:2"))
                        .subscription(PubSubChannelMode.PATTERN, GlideString.gs("s:p*"))
                        .build())
                .build()).get();
        sleep(300);
        CompatCheck.call("configured: numsub s:1 s:2", () -> observer.pubsubNumSub(new String[] {"s:1", "s:2"}));
        CompatCheck.call("configured: customCommand SUBSCRIBE s:3", () -> subscribed.customCommand(new String[] {"SUBSCRIBE", "s:3"}));
        sleep(500);
        CompatCheck.call("publish s:3", () -> observer.publish("m3", "s:3"));
        CompatCheck.call("configured: receive from s:3", () -> receive(subscribed));
        // A message already received: is getPubSubMessage's future done when it is returned?
        CompatCheck.call("publish s:1", () -> observer.publish("m4", "s:1"));
        sleep(300);
        CompatCheck.call("configured: getPubSubMessage with one waiting: done at once", () -> {
            java.util.concurrent.CompletableFuture<PubSubMessage> next = subscribed.getPubSubMessage();
            boolean done = next.isDone();
            next.get(3, TimeUnit.SECONDS);
            return done;
        });
        CompatCheck.call("configured: unsubscribe(2000)", () -> subscribed.unsubscribe(2000));
        CompatCheck.call("configured: numsub s:1 s:2 s:3", () -> observer.pubsubNumSub(new String[] {"s:1", "s:2", "s:3"}));
        CompatCheck.call("configured: punsubscribe(2000)", () -> subscribed.punsubscribe(2000));
        CompatCheck.call("configured: numpat", () -> observer.pubsubNumPat());
        CompatCheck.call("configured: unsubscribe(2000) again", () -> subscribed.unsubscribe(2000));
        CompatCheck.call("configured: customCommand UNSUBSCRIBE again", () -> subscribed.customCommand(new String[] {"UNSUBSCRIBE"}));
        CompatCheck.call("configured: then GET", () -> subscribed.get("pubsub-check:absent"));
        subscribed.close();

        // Subscriptions on RESP2.
        CompatCheck.call("RESP2 + empty subscription configuration", () -> GlideClient.createClient(standaloneConfig()
                .protocol(ProtocolVersion.RESP2)
                .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder().build())
                .build()));
        CompatCheck.call("RESP2 + one subscription", () -> GlideClient.createClient(standaloneConfig()
                .protocol(ProtocolVersion.RESP2)
                .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, GlideString.gs("r2")).build())
                .build()));

        // customCommand SUBSCRIBE on a RESP2 client (no pushes: its messages could not be told from replies).
        GlideClient resp2 = GlideClient.createClient(standaloneConfig().protocol(ProtocolVersion.RESP2).build()).get();
        CompatCheck.call("RESP2 client: customCommand SUBSCRIBE r2:1", () -> resp2.customCommand(new String[] {"SUBSCRIBE", "r2:1"}));
        sleep(500);
        CompatCheck.call("RESP2 client: numsub r2:1", () -> observer.pubsubNumSub(new String[] {"r2:1"}));
        CompatCheck.call("RESP2 client: then GET", () -> resp2.get("pubsub-check:absent"));
        CompatCheck.call("RESP2 client: tryGetPubSubMessage", () -> resp2.tryGetPubSubMessage());
        resp2.close();

        // PUBSUB CHANNELS while a channel whose name is not UTF-8 has a subscriber.
        GlideClient binary = GlideClient.createClient(standaloneConfig()
                .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, GlideString.gs(BIN_CHANNEL))
                        .subscription(PubSubChannelMode.EXACT, GlideString.gs("b:plain"))
                        .build())
                .build()).get();
        sleep(300);
        CompatCheck.call("pubsubChannels() with a non-UTF-8 channel", () -> observer.pubsubChannels().thenApply(PubSubCheck::sorted));
        CompatCheck.call("pubsubChannels(b:*) with a non-UTF-8 channel", () -> observer.pubsubChannels("b:*").thenApply(PubSubCheck::sorted));
        CompatCheck.call("pubsubChannels(GlideString b:*) with a non-UTF-8 channel", () -> observer.pubsubChannels(GlideString.gs("b:*")).thenApply(PubSubCheck::sorted));
        CompatCheck.call("publish to the non-UTF-8 channel", () -> observer.publish(GlideString.gs("bm"), GlideString.gs(BIN_CHANNEL)));
        CompatCheck.call("receive from the non-UTF-8 channel", () -> receive(binary));
        binary.close();
        observer.close();
    }

    static void cluster() throws Exception {
        GlideClusterClient observer = GlideClusterClient.createClient(clusterConfig().build()).get();
        GlideClusterClient plain = GlideClusterClient.createClient(clusterConfig().build()).get();
        CompatCheck.call("no subscriptions: unsubscribe(2000)", () -> plain.unsubscribe(2000));
        CompatCheck.call("no subscriptions: punsubscribe(2000)", () -> plain.punsubscribe(2000));
        CompatCheck.call("no subscriptions: sunsubscribe(2000)", () -> plain.sunsubscribe(2000));
        CompatCheck.call("no subscriptions: sunsubscribeLazy()", () -> plain.sunsubscribeLazy());
        CompatCheck.call("no subscriptions: customCommand UNSUBSCRIBE", () -> value(plain.customCommand(new String[] {"UNSUBSCRIBE"}).get(10, TimeUnit.SECONDS)));
        CompatCheck.call("no subscriptions: customCommand SUNSUBSCRIBE", () -> value(plain.customCommand(new String[] {"SUNSUBSCRIBE"}).get(10, TimeUnit.SECONDS)));
        CompatCheck.call("no subscriptions: then GET", () -> plain.get("pubsub-check:absent"));

        CompatCheck.call("customCommand SUBSCRIBE cc:1", () -> value(plain.customCommand(new String[] {"SUBSCRIBE", "cc:1"}).get(10, TimeUnit.SECONDS)));
        CompatCheck.call("customCommand SSUBSCRIBE cc:s", () -> value(plain.customCommand(new String[] {"SSUBSCRIBE", "cc:s"}).get(10, TimeUnit.SECONDS)));
        sleep(800);
        CompatCheck.call("server after customCommand: shardnumsub cc:s", () -> observer.pubsubShardNumSub(new String[] {"cc:s"}));
        CompatCheck.call("publish cc:1", () -> observer.publish("m1", "cc:1"));
        CompatCheck.call("spublish cc:s", () -> observer.publish("m2", "cc:s", true));
        // From two nodes: their order is not the publishing order.
        CompatCheck.call("receive 2 (sorted)", () -> sorted(new Object[] {receive(plain), receive(plain)}));
        CompatCheck.call("customCommand SUNSUBSCRIBE (all)", () -> value(plain.customCommand(new String[] {"SUNSUBSCRIBE"}).get(10, TimeUnit.SECONDS)));
        CompatCheck.call("customCommand UNSUBSCRIBE (all)", () -> value(plain.customCommand(new String[] {"UNSUBSCRIBE"}).get(10, TimeUnit.SECONDS)));
        sleep(800);
        CompatCheck.call("server after customCommand UNSUBSCRIBEs: shardnumsub cc:s", () -> observer.pubsubShardNumSub(new String[] {"cc:s"}));
        CompatCheck.call("after customCommand UNSUBSCRIBEs: GET", () -> plain.get("pubsub-check:absent"));
        CompatCheck.call("customCommand SUBSCRIBE cc:r routed to all nodes", () -> value(plain.customCommand(new String[] {"SUBSCRIBE", "cc:r"},
                glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute.ALL_NODES).get(10, TimeUnit.SECONDS)));
        sleep(800);
        CompatCheck.call("after a routed SUBSCRIBE: numsub cc:r", () -> observer.pubsubNumSub(new String[] {"cc:r"}));
        CompatCheck.call("publish cc:r", () -> observer.publish("m3", "cc:r"));
        CompatCheck.call("receive after a routed SUBSCRIBE", () -> receive(plain));
        CompatCheck.call("then nothing more", () -> plain.tryGetPubSubMessage());
        plain.close();

        GlideClusterClient subscribed = GlideClusterClient.createClient(clusterConfig()
                .subscriptionConfiguration(ClusterSubscriptionConfiguration.builder()
                        .subscription(PubSubClusterChannelMode.EXACT, GlideString.gs("s:1"))
                        .subscription(PubSubClusterChannelMode.PATTERN, GlideString.gs("s:p*"))
                        .subscription(PubSubClusterChannelMode.SHARDED, GlideString.gs("s:s1"))
                        .subscription(PubSubClusterChannelMode.SHARDED, GlideString.gs("s:s2"))
                        .build())
                .build()).get();
        sleep(500);
        CompatCheck.call("configured: shardnumsub s:s1 s:s2", () -> observer.pubsubShardNumSub(new String[] {"s:s1", "s:s2"}));
        CompatCheck.call("configured: sunsubscribe(2000)", () -> subscribed.sunsubscribe(2000));
        CompatCheck.call("configured: shardnumsub after", () -> observer.pubsubShardNumSub(new String[] {"s:s1", "s:s2"}));
        // A message already received: is getPubSubMessage's future done when it is returned?
        CompatCheck.call("publish s:1", () -> observer.publish("m4", "s:1"));
        sleep(300);
        CompatCheck.call("configured: getPubSubMessage with one waiting: done at once", () -> {
            java.util.concurrent.CompletableFuture<PubSubMessage> next = subscribed.getPubSubMessage();
            boolean done = next.isDone();
            next.get(3, TimeUnit.SECONDS);
            return done;
        });
        CompatCheck.call("configured: unsubscribe(2000)", () -> subscribed.unsubscribe(2000));
        CompatCheck.call("configured: punsubscribe(2000)", () -> subscribed.punsubscribe(2000));
        CompatCheck.call("configured: unsubscribe(2000) again", () -> subscribed.unsubscribe(2000));
        CompatCheck.call("configured: then GET", () -> subscribed.get("pubsub-check:absent"));
        subscribed.close();

        CompatCheck.call("RESP2 + empty subscription configuration", () -> GlideClusterClient.createClient(clusterConfig()
                .protocol(ProtocolVersion.RESP2)
                .subscriptionConfiguration(ClusterSubscriptionConfiguration.builder().build())
                .build()));
        observer.close();
    }

    /** The next message (waiting up to 3 s), as "channel/pattern: message". */
    static Object receive(BaseClient c) throws Exception {
        PubSubMessage m = c.getPubSubMessage().get(3, TimeUnit.SECONDS);
        return new CompatCheck.Rendered(CompatCheck.render(m.getChannel()) + " pattern "
                + (m.getPattern().isPresent() ? CompatCheck.render(m.getPattern().get()) : "none")
                + ": " + CompatCheck.render(m.getMessage()));
    }

    /** A cluster customCommand's reply: single or per node, rendered by CompatCheck. */
    static Object value(glide.api.models.ClusterValue<Object> v) {
        return new CompatCheck.Rendered(v.hasSingleData()
                ? "ClusterValue single " + CompatCheck.render(v.getSingleValue())
                : "ClusterValue multi " + CompatCheck.render(v.getMultiValue()));
    }

    static Object sorted(Object[] a) {
        return CompatCheck.sortedArray(a);
    }

    static void sleep(long ms) {
        CompatCheck.sleep(ms);
    }
}
