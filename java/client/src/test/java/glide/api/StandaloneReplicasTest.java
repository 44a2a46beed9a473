package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ReadFrom;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A standalone client given a primary and its replica, as valkey-glide takes them: it finds the
 * primary whatever the order of the addresses, writes there, and sends reads where readFrom
 * says. Where each read ran is counted by the servers themselves (INFO commandstats).
 */
class StandaloneReplicasTest {
    private static RedisServer primary;
    private static RedisServer replica;

    @BeforeAll
    static void start() throws Exception {
        primary = RedisServer.start();
        replica = RedisServer.start("--replicaof", primary.host(), String.valueOf(primary.port()));
        long deadline = System.currentTimeMillis() + 20_000;
        while (!String.valueOf(replica.command("INFO", "replication")).contains("master_link_status:up")) {
            assertTrue(System.currentTimeMillis() < deadline, "the replica did not connect to its primary");
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        replica.close();
        primary.close();
    }

    /** The replica first: the client still writes to the primary. */
    private static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> both() {
        return GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(replica.host()).port(replica.port()).build())
                .address(NodeAddress.builder().host(primary.host()).port(primary.port()).build())
                .requestTimeout(2000);
    }

    private static long gets(RedisServer node) {
        Matcher m = Pattern.compile("cmdstat_get:calls=(\\d+)").matcher(String.valueOf(node.command("INFO", "commandstats")));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void resetStats() {
        primary.command("CONFIG", "RESETSTAT");
        replica.command("CONFIG", "RESETSTAT");
    }

    /** Waits until the replica has `key` (replication is asynchronous). */
    private static void awaitReplicated(String key) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Long.valueOf(1).equals(replica.command("EXISTS", key))) {
            assertTrue(System.currentTimeMillis() < deadline, key + " did not reach the replica");
            Thread.sleep(20);
        }
    }

    @Test
    void writesFindThePrimaryAndReadsFollowReadFrom() throws Exception {
        try (GlideClient client = await(GlideClient.createClient(both().readFrom(ReadFrom.PREFER_REPLICA).build()))) {
            assertEquals("OK", await(client.set("replicas:k", "v")));
            awaitReplicated("replicas:k");
            resetStats();
            for (int i = 0; i < 20; i++) {
                assertEquals("v", await(client.get("replicas:k")));
            }
            assertEquals(20, gets(replica), "PREFER_REPLICA: reads on the replica");
            assertEquals(0, gets(primary));
            // Writes still go to the primary (a replica would answer READONLY).
            assertEquals(1L, await(client.incr("replicas:counter")));
        }
        try (GlideClient client = await(GlideClient.createClient(both().build()))) {
            resetStats();
            for (int i = 0; i < 20; i++) {
                assertEquals("v", await(client.get("replicas:k")));
            }
            assertEquals(20, gets(primary), "PRIMARY: reads on the primary");
            assertEquals(0, gets(replica));
        }
    }

    /**
     * readOnly: nobody is asked its role; the first address that accepts is taken as the primary.
     * Reads go there by default (readFrom PRIMARY, as valkey-glide's Java client always sends
     * it), and to the other addresses with PREFER_REPLICA. Writes are refused either way.
     */
    @Test
    void aReadOnlyClientTakesTheFirstAddressAsPrimary() throws Exception {
        try (GlideClient writer = Clients.connect(primary, glide.api.models.configuration.ProtocolVersion.RESP3)) {
            await(writer.set("replicas:ro", "r"));
        }
        awaitReplicated("replicas:ro");
        for (ReadFrom readFrom : new ReadFrom[] {ReadFrom.PRIMARY, ReadFrom.PREFER_REPLICA}) {
            GlideClientConfiguration config = GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host(primary.host()).port(primary.port()).build())
                    .address(NodeAddress.builder().host(replica.host()).port(replica.port()).build())
                    .readOnly(true)
                    .readFrom(readFrom)
                    .requestTimeout(2000)
                    .build();
            try (GlideClient client = await(GlideClient.createClient(config))) {
                resetStats();
                for (int i = 0; i < 10; i++) {
                    assertEquals("r", await(client.get("replicas:ro")));
                }
                boolean toReplica = readFrom == ReadFrom.PREFER_REPLICA;
                assertEquals(toReplica ? 10 : 0, gets(replica), readFrom + ": reads on the replica");
                assertEquals(toReplica ? 0 : 10, gets(primary), readFrom + ": reads on the first address");
                assertInstanceOf(RequestException.class, failure(client.set("replicas:ro", "x")));
            }
        }
    }

    /**
     * AZ affinity (Valkey 8 and later; skipped on Redis, which has no zones): the replica is in
     * az-1, the primary in az-2. AZ_AFFINITY reads from the replica whichever zone the client
     * is in (an in-zone replica first, else any replica); AZ_AFFINITY_REPLICAS_AND_PRIMARY
     * reads from the primary when only the primary is in the client's zone.
     */
    @Test
    void azAffinityPrefersTheClientsZone() throws Exception {
        try {
            replica.command("CONFIG", "SET", "availability-zone", "az-1");
        } catch (IllegalStateException e) {
            Assumptions.abort("this server has no availability-zone setting: " + e.getMessage());
        }
        try {
            primary.command("CONFIG", "SET", "availability-zone", "az-2");
            try (GlideClient writer = Clients.connect(primary, glide.api.models.configuration.ProtocolVersion.RESP3)) {
                await(writer.set("replicas:az", "z"));
            }
            awaitReplicated("replicas:az");
            Object[][] cases = {
                {ReadFrom.AZ_AFFINITY, "az-1", replica},
                {ReadFrom.AZ_AFFINITY, "az-2", replica},
                {ReadFrom.AZ_AFFINITY_REPLICAS_AND_PRIMARY, "az-1", replica},
                {ReadFrom.AZ_AFFINITY_REPLICAS_AND_PRIMARY, "az-2", primary},
            };
            for (Object[] c : cases) {
                try (GlideClient client = await(GlideClient.createClient(
                        both().readFrom((ReadFrom) c[0]).clientAZ((String) c[1]).build()))) {
                    resetStats();
                    for (int i = 0; i < 10; i++) {
                        assertEquals("z", await(client.get("replicas:az")));
                    }
                    RedisServer expected = (RedisServer) c[2];
                    RedisServer other = expected == primary ? replica : primary;
                    String label = c[0] + " clientAZ " + c[1];
                    assertEquals(10, gets(expected), label);
                    assertEquals(0, gets(other), label);
                }
            }
        } finally {
            primary.command("CONFIG", "SET", "availability-zone", "");
            replica.command("CONFIG", "SET", "availability-zone", "");
        }
    }

    /**
     * A replica that is down when the client is made: createClient succeeds (the primary
     * answered), reads go to the primary, and once the replica is back the client connects it
     * in the background and reads go there.
     */
    @Test
    void aReplicaDownAtCreationIsConnectedWhenItComesBack() throws Exception {
        try (RedisServer late = RedisServer.start("--replicaof", primary.host(), String.valueOf(primary.port()))) {
            late.stop();
            GlideClientConfiguration config = GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host(primary.host()).port(primary.port()).build())
                    .address(NodeAddress.builder().host(late.host()).port(late.port()).build())
                    .readFrom(ReadFrom.PREFER_REPLICA)
                    .requestTimeout(2000)
                    .build();
            try (GlideClient client = await(GlideClient.createClient(config))) {
                assertEquals("OK", await(client.set("replicas:late", "l")));
                primary.command("CONFIG", "RESETSTAT");
                for (int i = 0; i < 5; i++) {
                    assertEquals("l", await(client.get("replicas:late")));
                }
                assertEquals(5, gets(primary), "the replica is down: reads on the primary");
                late.restart();
                long deadline = System.currentTimeMillis() + 15_000;
                while (true) {
                    boolean replicated = Long.valueOf(1).equals(late.command("EXISTS", "replicas:late"));
                    if (replicated) {
                        late.command("CONFIG", "RESETSTAT");
                        await(client.get("replicas:late"));
                        if (gets(late) > 0) {
                            break;
                        }
                    }
                    assertTrue(System.currentTimeMillis() < deadline, "reads never reached the replica once it was back");
                    Thread.sleep(100);
                }
            }
        }
    }

    /** Two primaries, or none answering: creation fails as valkey-glide's does, naming why. */
    @Test
    void twoPrimariesFailTheCreation() throws Exception {
        try (RedisServer other = RedisServer.start()) {
            Throwable error = failure(GlideClient.createClient(GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host(primary.host()).port(primary.port()).build())
                    .address(NodeAddress.builder().host(other.host()).port(other.port()).build())
                    .build()));
            assertInstanceOf(ClosingException.class, error, String.valueOf(error));
            assertTrue(error.getMessage().contains("more than one primary"), error.getMessage());
        }
    }
}
