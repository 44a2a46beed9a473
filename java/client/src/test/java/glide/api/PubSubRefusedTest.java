package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import glide.testutil.RedisServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server refuses a subscription with an ordinary error reply (an ACL without the channel or
 * the pub/sub commands), while it accepts one with pushes only. The refusal must not put the
 * connection's replies out of step (every later request would get the reply of the one before,
 * or the connection would be dropped and made again in a loop): it is counted, the subscription
 * stays wanted, and requests go on getting their own replies. And {@code getStatistics()} has
 * exactly valkey-glide 2.3.1's ten keys.
 */
class PubSubRefusedTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
        server.command("ACL", "SETUSER", "nopubsub", "ON", ">pw", "~*", "resetchannels", "+@all", "-@pubsub");
        server.command("ACL", "SETUSER", "onechannel", "ON", ">pw", "~*", "resetchannels", "&allowed", "+@all");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static GlideClient connectAs(String user) throws Exception {
        return Clients.await(GlideClient.createClient(Clients.config(server, ProtocolVersion.RESP3)
                .credentials(ServerCredentials.builder().username(user).password("pw").build())
                .build()));
    }

    @Test
    void aRefusedSubscriptionIsCountedAndRequestsKeepTheirOwnReplies() throws Exception {
        for (String user : List.of("nopubsub", "onechannel")) {
            try (GlideClient client = connectAs(user)) {
                long refusedBefore = outOfSync(client);
                client.subscribeLazy(Set.of("forbidden:" + user)).get(5, TimeUnit.SECONDS);
                for (int i = 0; i < 50; i++) {
                    String key = "refused:" + user + ":" + i;
                    assertEquals("OK", client.set(key, "v" + i).get(5, TimeUnit.SECONDS), user + " SET " + i);
                    assertEquals("v" + i, client.get(key).get(5, TimeUnit.SECONDS), user + " GET " + i);
                }
                assertTrue(outOfSync(client) > refusedBefore, user + ": the refusal was not counted");
                assertEquals(0L, Long.parseLong(client.getExtendedStatistics().get("contained_panics")));
                // Still wanted, never confirmed.
                var state = client.getSubscriptions().get(5, TimeUnit.SECONDS);
                assertTrue(state.getDesiredSubscriptions().values().stream().anyMatch(s -> s.contains("forbidden:" + user)),
                        user + ": " + state.getDesiredSubscriptions());
                assertFalse(state.getActualSubscriptions().values().stream().anyMatch(s -> s.contains("forbidden:" + user)),
                        user + ": " + state.getActualSubscriptions());
            }
        }
    }

    @Test
    void anAllowedChannelStillWorksNextToARefusedOne() throws Exception {
        try (GlideClient client = connectAs("onechannel");
                GlideClient publisher = Clients.connect(server, ProtocolVersion.RESP3)) {
            client.subscribeLazy(Set.of("forbidden")).get(5, TimeUnit.SECONDS);
            client.subscribe(Set.of("allowed"), 5000).get(10, TimeUnit.SECONDS);
            assertEquals("OK", publisher.publish("hello", "allowed").get(5, TimeUnit.SECONDS));
            var message = client.getPubSubMessage().get(5, TimeUnit.SECONDS);
            assertEquals("hello", message.getMessage().getString());
            assertEquals("OK", client.set("after", "x").get(5, TimeUnit.SECONDS));
        }
    }

    /**
     * The periodic subscription check (pubsubReconciliationIntervalMs, issue 15): while in step
     * it moves subscription_last_sync_timestamp forward every interval, also with an empty
     * subscription configuration; out of step (an ACL refusal) it counts subscription_out_of_sync_count
     * and asks again, so the subscription is made once the ACL allows it, without a reconnect.
     */
    @Test
    void thePeriodicCheckStampsTheSyncTimeAndHealsALiftedRefusal() throws Exception {
        server.command("ACL", "SETUSER", "later", "ON", ">pw", "~*", "resetchannels", "+@all");
        try (GlideClient listener = Clients.await(GlideClient.createClient(Clients.config(server, ProtocolVersion.RESP3)
                        .credentials(ServerCredentials.builder().username("later").password("pw").build())
                        .subscriptionConfiguration(
                                glide.api.models.configuration.StandaloneSubscriptionConfiguration.builder().build())
                        .advancedConfiguration(glide.api.models.configuration.AdvancedGlideClientConfiguration.builder()
                                .pubsubReconciliationIntervalMs(200).build())
                        .build()));
                GlideClient publisher = Clients.connect(server, ProtocolVersion.RESP3)) {
            long first = nextSyncStamp(listener, 0);
            long second = nextSyncStamp(listener, first);
            assertTrue(second > first, first + " then " + second);

            long outOfSyncBefore = outOfSync(listener);
            listener.subscribeLazy(Set.of("lifted")).get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (outOfSync(listener) < outOfSyncBefore + 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(outOfSync(listener) >= outOfSyncBefore + 3, "each check out of step is counted");

            server.command("ACL", "SETUSER", "later", "&lifted");
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (publisher.publish("after the ACL", "lifted").get(5, TimeUnit.SECONDS).equals("OK")
                    && listener.tryGetPubSubMessage() == null && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            var state = listener.getSubscriptions().get(5, TimeUnit.SECONDS);
            assertTrue(state.getActualSubscriptions().values().stream().anyMatch(s -> s.contains("lifted")),
                    "subscribed again by the check: " + state.getActualSubscriptions());
        }
    }

    /** Waits (up to 10 s) for subscription_last_sync_timestamp to move past {@code previous}. */
    private static long nextSyncStamp(GlideClient client, long previous) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            long stamp = Long.parseLong(client.getStatistics().get("subscription_last_sync_timestamp"));
            if (stamp > previous) {
                return stamp;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("subscription_last_sync_timestamp stayed at " + previous);
    }

    @Test
    void getStatisticsHasExactlyValkeyGlidesKeys() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            Map<String, String> stats = client.getStatistics();
            assertEquals(List.of("total_connections", "total_clients", "total_values_compressed",
                    "total_values_decompressed", "total_original_bytes", "total_bytes_compressed",
                    "total_bytes_decompressed", "compression_skipped_count", "subscription_out_of_sync_count",
                    "subscription_last_sync_timestamp"), List.copyOf(stats.keySet()));
            for (String value : stats.values()) {
                assertTrue(Long.parseLong(value) >= 0, stats.toString());
            }
            Map<String, String> extended = client.getExtendedStatistics();
            assertTrue(extended.keySet().containsAll(stats.keySet()), extended.toString());
            assertTrue(Long.parseLong(extended.get("native_bytes_in_use")) > 0, extended.toString());
        }
    }

    private static long outOfSync(GlideClient client) {
        return Long.parseLong(client.getStatistics().get("subscription_out_of_sync_count"));
    }
}
