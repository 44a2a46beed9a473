package glide.api;

import static glide.api.Clients.await;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.configuration.ProtocolVersion;
import glide.internal.commands.PubSubCommands;
import glide.testutil.RawSubscriber;
import glide.testutil.RedisServer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Publishing and the PUBSUB introspection commands on a standalone server (issue 6, first part),
 * with independent raw subscribers.
 */
class PubSubCommandsTest {
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void publishReachesSubscribersAndPubsubCountsThem(ProtocolVersion protocol) throws Exception {
        String tag = UUID.randomUUID().toString();
        String news = "news-" + tag, sport = "sport-" + tag;
        try (RedisServer server = RedisServer.start();
                GlideClient client = Clients.connect(server, protocol);
                RawSubscriber one = new RawSubscriber(server, "SUBSCRIBE", news);
                RawSubscriber two = new RawSubscriber(server, "SUBSCRIBE", news, sport);
                RawSubscriber pattern = new RawSubscriber(server, "PSUBSCRIBE", "news-*")) {
            assertEquals("OK", await(client.publish("hello " + tag, news)));
            assertTrue(one.await("hello " + tag, 5000) && two.await("hello " + tag, 5000) && pattern.await("hello " + tag, 5000));
            assertEquals("OK", await(client.publish(gs("bytes " + tag), gs(sport))));
            assertTrue(two.await("bytes " + tag, 5000));

            String[] channels = await(client.pubsubChannels());
            Arrays.sort(channels);
            assertArrayEquals(new String[] {news, sport}, channels);
            assertArrayEquals(new String[] {news}, await(client.pubsubChannels("news-*")));
            assertArrayEquals(new GlideString[] {gs(sport)}, await(client.pubsubChannels(gs("sport-*"))));
            assertEquals(2, await(client.pubsubChannelsBinary()).length);
            assertEquals(1L, await(client.pubsubNumPat()));
            Map<String, Long> counts = await(client.pubsubNumSub(new String[] {news, sport, "nobody"}));
            assertEquals(Map.of(news, 2L, sport, 1L, "nobody", 0L), counts);
            assertEquals(Arrays.asList(news, sport, "nobody"), Arrays.asList(counts.keySet().toArray()), "in the order asked");
            assertEquals(Map.of(gs(news), 2L), await(client.pubsubNumSub(new GlideString[] {gs(news)})));
        }
    }

    /**
     * PUBSUB NUMSUB and SHARDNUMSUB are maps under both protocols: the definitions' explicit shape
     * (PubSubCommands) gives what customCommand, whose shape the core derives from the same bytes,
     * gives. (SHARDNUMSUB's API is the cluster client's; its definition runs here on a standalone
     * server, which answers it too.)
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void definedShapesAreTheDerivedOnes(ProtocolVersion protocol) throws Exception {
        String tag = UUID.randomUUID().toString();
        String news = "news-" + tag, shard = "shard-" + tag, nobody = "nobody-" + tag;
        try (RedisServer server = RedisServer.start();
                GlideClient client = Clients.connect(server, protocol);
                RawSubscriber one = new RawSubscriber(server, "SUBSCRIBE", news);
                RawSubscriber two = new RawSubscriber(server, "SUBSCRIBE", news);
                RawSubscriber sharded = new RawSubscriber(server, "SSUBSCRIBE", shard)) {
            // The subscribers are counted once the server has them all.
            assertEquals("OK", await(client.publish("ready", news)));
            assertTrue(one.await("ready", 5000) && two.await("ready", 5000));
            assertEquals("OK", await(client.run(PubSubCommands.TEXT.publish("ready", shard, true))));
            assertTrue(sharded.await("ready", 5000));
            String[] asked = {news, nobody};
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.pubsubNumSub(asked),
                    k -> new String[] {"PUBSUB", "NUMSUB", news, nobody}, PubSubCommands.TEXT.pubsubNumSub(asked).convert(),
                    Map.of(news, 2L, nobody, 0L));
            String[] askedShards = {shard, nobody};
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.run(PubSubCommands.TEXT.pubsubShardNumSub(askedShards)),
                    k -> new String[] {"PUBSUB", "SHARDNUMSUB", shard, nobody},
                    PubSubCommands.TEXT.pubsubShardNumSub(askedShards).convert(), Map.of(shard, 1L, nobody, 0L));
        }
    }
}
