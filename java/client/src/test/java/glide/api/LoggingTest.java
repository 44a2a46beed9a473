package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import glide.api.logging.Logger;
import glide.api.models.configuration.BackoffStrategy;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ServerCredentials;
import glide.internal.LogBridge;
import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.PubSubOverflowPolicy;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import glide.testutil.CapturingSlf4j;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Core log lines reach SLF4J (this test JVM binds it to {@link CapturingSlf4j}) and the {@link
 * Logger} file, for a server killed and restarted and for a wrong password. The {@code
 * java.util.logging} path and {@code Logger}'s console are in {@link LoggingJulTest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class LoggingTest {
    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> config(RedisServer server) {
        return GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                .requestTimeout(1000)
                .reconnectStrategy(BackoffStrategy.builder().numOfRetries(5).factor(20).exponentBase(2).build());
    }

    /** Waits until a line of {@code source} contains {@code text}; returns the lines. */
    public static List<String> awaitLine(Supplier<List<String>> source, String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<String> lines;
        do {
            lines = source.get();
            for (String line : lines) {
                if (line.contains(text)) {
                    return lines;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        fail("no line with \"" + text + "\" in:\n" + String.join("\n", lines));
        return lines;
    }

    /** Something that makes the core log a line. */
    interface Occurrence {
        void happen() throws Exception;
    }

    /**
     * Makes {@code occurrence} happen until a line of {@code source} contains {@code text}: the line
     * of a rate-limited event may have gone out for another test less than 10 s ago, and then only
     * a later occurrence writes one.
     */
    static List<String> awaitRateLimitedLine(Supplier<List<String>> source, String text, Occurrence occurrence) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
        while (true) {
            occurrence.happen();
            List<String> lines = source.get();
            if (lines.stream().anyMatch(l -> l.contains(text))) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                fail("no line with \"" + text + "\" in:\n" + String.join("\n", lines));
            }
            Thread.sleep(500);
        }
    }

    /** A client of {@code server} sees it killed and restarted. */
    public static void killAndRestart(RedisServer server, Supplier<List<String>> lines) throws Exception {
        try (GlideClient client = GlideClient.createClient(config(server).build()).get(10, TimeUnit.SECONDS)) {
            assertEquals("PONG", client.ping().get(5, TimeUnit.SECONDS));
            server.kill();
            awaitLine(lines, "glide.connection: connection to " + server.host() + ":" + server.port() + " lost");
            server.restart();
            awaitLine(lines, "glide.connection: reconnected to " + server.host() + ":" + server.port());
        }
    }

    @Test
    @Order(1)
    void aKilledAndRestartedServerIsLoggedThroughSlf4j() throws Exception {
        try (RedisServer server = RedisServer.start()) {
            assertEquals("slf4j", LogBridge.backend());
            killAndRestart(server, CapturingSlf4j::lines);
            List<String> lines = CapturingSlf4j.lines();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN glide.connection: connection to") && l.contains(":" + server.port() + " lost")), String.join("\n", lines));
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN glide.connection: reconnected to")), String.join("\n", lines));
        }
    }

    @Test
    @Order(2)
    void aWrongPasswordIsLoggedThroughSlf4j() throws Exception {
        try (RedisServer server = RedisServer.start("--requirepass", "right")) {
            List<String> lines = awaitRateLimitedLine(CapturingSlf4j::lines,
                    "WARN glide.auth: authentication refused by " + server.host() + ":" + server.port(),
                    () -> assertThrows(ExecutionException.class, () -> GlideClient.createClient(config(server)
                                    .credentials(ServerCredentials.builder().password("wrong").build())
                                    .build())
                            .get(10, TimeUnit.SECONDS)));
            assertTrue(lines.stream().anyMatch(l -> l.contains(":" + server.port() + ": ") && l.contains("WRONGPASS")), String.join("\n", lines));
        }
    }

    @Test
    @Order(3)
    void anUntrustedTlsServerIsLoggedThroughSlf4j() throws Exception {
        try (RedisServer server = RedisServer.startTls(RedisServer.Tls.valid())) {
            // No roots given: the platform's, which do not hold the test CA.
            awaitRateLimitedLine(CapturingSlf4j::lines,
                    "WARN glide.tls: no TLS session with " + server.host() + ":" + server.port()
                            + ": TLS handshake failed: the server's certificate is not trusted",
                    () -> assertThrows(ExecutionException.class, () -> GlideClient.createClient(config(server).useTLS(true).build())
                            .get(10, TimeUnit.SECONDS)));
        }
    }

    @Test
    @Order(4)
    void timeoutsAndTheInflightLimitAreSummarisedThroughSlf4j() throws Exception {
        try (RedisServer server = RedisServer.start("--enable-debug-command", "yes");
                GlideClient client = GlideClient.createClient(config(server).requestTimeout(100).inflightRequestsLimit(2).build())
                        .get(10, TimeUnit.SECONDS)) {
            String address = server.host() + ":" + server.port();
            Occurrence overload = () -> {
                // The server sleeps: the two requests admitted time out, the third is refused at once.
                java.util.concurrent.CompletableFuture<Object> sleeping = client.customCommand(new String[] {"DEBUG", "SLEEP", "0.3"});
                java.util.concurrent.CompletableFuture<String> second = client.ping();
                ExecutionException refused = assertThrows(ExecutionException.class, () -> client.ping().get(5, TimeUnit.SECONDS));
                assertTrue(refused.getCause().getMessage().contains("inflight"), refused.getCause().toString());
                assertThrows(ExecutionException.class, () -> sleeping.get(5, TimeUnit.SECONDS));
                assertThrows(ExecutionException.class, () -> second.get(5, TimeUnit.SECONDS));
                Thread.sleep(300); // the server wakes up before the next round
            };
            List<String> lines = awaitRateLimitedLine(CapturingSlf4j::lines, "requests timed out since the previous such line; the latest on " + address, overload);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN glide.connection: ") && l.matches(".*\\d+ requests timed out.*")), String.join("\n", lines));
            awaitRateLimitedLine(CapturingSlf4j::lines, "WARN glide.connection: inflight limit (2) reached on the client of " + address, overload);
        }
    }

    @Test
    @Order(5)
    void pubSubDropsAreSummarisedThroughSlf4j() throws Exception {
        try (RedisServer server = RedisServer.start()) {
            GlideClientConfiguration subscribed = config(server)
                    .protocol(ProtocolVersion.RESP3)
                    .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder()
                            .subscription(PubSubChannelMode.EXACT, GlideString.gs("log-drops"))
                            .backlogLimitBytes(2000)
                            .overflowPolicy(PubSubOverflowPolicy.DROP_OLDEST)
                            .build())
                    .build();
            try (GlideClient subscriber = GlideClient.createClient(subscribed).get(10, TimeUnit.SECONDS);
                    GlideClient publisher = GlideClient.createClient(config(server).build()).get(10, TimeUnit.SECONDS)) {
                String payload = "x".repeat(500);
                // Nobody reads the subscriber's messages: the backlog overflows.
                awaitRateLimitedLine(CapturingSlf4j::lines, "pub/sub messages dropped since the previous such line (oldest first): a client's backlog is full (2000 bytes)", () -> {
                    for (int i = 0; i < 20; i++) {
                        publisher.publish(payload, "log-drops").get(5, TimeUnit.SECONDS);
                    }
                });
                // What the bound kept is still delivered.
                assertEquals(payload, subscriber.getPubSubMessage().get(5, TimeUnit.SECONDS).getMessage().toString());
            }
        }
    }

    @Test
    @Order(6)
    void loggerWritesCoreAndApplicationLinesToItsHourlyFile() throws Exception {
        String name = "logging-test-" + ProcessHandle.current().pid() + ".log";
        Path dir = Paths.get(System.getenv().getOrDefault("GLIDE_LOG_DIR", "glide-logs"));
        try {
            Logger.setLoggerConfig(Logger.Level.INFO, name);
            assertEquals(Logger.Level.INFO, Logger.getLoggerLevel());
            Logger.init(Logger.Level.TRACE); // configured already: no change
            assertEquals(Logger.Level.INFO, Logger.getLoggerLevel());

            AtomicBoolean supplied = new AtomicBoolean();
            Logger.log(Logger.Level.DEBUG, "test", () -> {
                supplied.set(true);
                return "below the level";
            });
            assertFalse(supplied.get(), "a message below the level must not be built");
            Logger.log(Logger.Level.INFO, "test", () -> "supplied line");
            Logger.log(Logger.Level.WARN, "test", "plain line");
            Logger.log(Logger.Level.ERROR, "test", "with a throwable", new IllegalStateException("the cause"));
            Logger.log(Logger.Level.OFF, "test", "never written");

            try (RedisServer server = RedisServer.start()) {
                killAndRestart(server, () -> fileLines(dir, name));
            }
            List<String> lines = fileLines(dir, name);
            String all = String.join("\n", lines);
            assertTrue(all.contains(" INFO glide: test - supplied line"), all);
            assertTrue(all.contains(" WARN glide: test - plain line"), all);
            assertTrue(all.contains("ERROR glide: test - with a throwable: java.lang.IllegalStateException: the cause"), all);
            assertTrue(all.contains("\tat glide.api.LoggingTest."), all);
            assertFalse(all.contains("below the level") || all.contains("never written"), all);
            assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z +[A-Z]+ glide.*"), lines.get(0));
            // valkey-glide's file name: <name>.YYYY-MM-DD-HH.
            File[] files = dir.toFile().listFiles((d, f) -> f.startsWith(name + "."));
            assertTrue(files != null && files.length >= 1 && files[0].getName().matches(java.util.regex.Pattern.quote(name) + "\\.\\d{4}-\\d\\d-\\d\\d-\\d\\d"));
        } finally {
            Logger.setLoggerConfig(Logger.Level.OFF);
            File[] files = dir.toFile().listFiles((d, f) -> f.startsWith(name + "."));
            if (files != null) {
                for (File f : files) {
                    Files.deleteIfExists(f.toPath());
                }
            }
            dir.toFile().delete(); // only if empty
        }
        assertEquals(Logger.Level.OFF, Logger.getLoggerLevel());
    }

    @Test
    @Order(7)
    void aClusterFailoverIsLoggedThroughSlf4j() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3, 1)) {
            RedisServer seed = cluster.nodes().get(0);
            GlideClusterClientConfiguration config = GlideClusterClientConfiguration.builder()
                    .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                    .requestTimeout(500)
                    .build();
            try (GlideClusterClient client = GlideClusterClient.createClient(config).get(10, TimeUnit.SECONDS)) {
                RedisServer victim = cluster.primaries().get(1);
                String key = null;
                for (int i = 0; key == null; i++) {
                    if (cluster.primaryOf(cluster.slotOf("lf:" + i)) == victim) {
                        key = "lf:" + i;
                    }
                }
                assertEquals("OK", client.set(key, "before").get(5, TimeUnit.SECONDS));

                // A slot moved behind the client's back: a MOVED reply, then the slot map read again.
                RedisServer[] owners = {cluster.primaries().get(0), cluster.primaries().get(2)};
                String moving = null;
                for (int i = 0; moving == null; i++) {
                    if (cluster.primaryOf(cluster.slotOf("lm:" + i)) == owners[0]) {
                        moving = "lm:" + i;
                    }
                }
                int slot = cluster.slotOf(moving);
                assertEquals("OK", client.set(moving, "v").get(5, TimeUnit.SECONDS));
                String movingKey = moving;
                int[] moves = {0};
                awaitRateLimitedLine(CapturingSlf4j::lines, "INFO glide.cluster: MOVED " + slot + " ", () -> {
                    RedisServer from = owners[moves[0] % 2];
                    RedisServer to = owners[(moves[0] + 1) % 2];
                    moves[0]++;
                    cluster.migrateSlot(slot, from, to);
                    assertEquals("v", client.get(movingKey).get(5, TimeUnit.SECONDS));
                });
                awaitLine(CapturingSlf4j::lines, "INFO glide.cluster: slot map changed: 1 slots moved from ");
                if (moves[0] % 2 == 1) {
                    cluster.migrateSlot(slot, owners[1], owners[0]); // as it was
                }
                // The slot migrating, its key already moved: the source answers ASK (limited apart
                // from MOVED, so the line comes at once).
                glide.testutil.SlotMigration migration = glide.testutil.SlotMigration.begin(cluster, slot, owners[0], owners[1]);
                while (migration.moveKeys(100) > 0) {
                    // until the key is on the target
                }
                assertEquals("v", client.get(movingKey).get(5, TimeUnit.SECONDS));
                awaitLine(CapturingSlf4j::lines, "INFO glide.cluster: ASK " + slot + " ");
                migration.finish();
                cluster.awaitHealthy(10_000);

                victim.kill();
                String victimAddress = victim.host() + ":" + victim.port();
                awaitLine(CapturingSlf4j::lines, "WARN glide.connection: connection to " + victimAddress + " lost");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                boolean written = false;
                while (!written && System.nanoTime() < deadline) {
                    try {
                        written = "OK".equals(client.set(key, "after").get(5, TimeUnit.SECONDS));
                    } catch (ExecutionException e) {
                        Thread.sleep(50); // not failed over yet
                    }
                }
                assertTrue(written, "writes to the killed primary's slots never succeeded again");
                List<String> lines = awaitLine(CapturingSlf4j::lines, "WARN glide.cluster: failover: ");
                assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARN glide.cluster: failover: ") && l.endsWith("that " + victimAddress + " served")),
                        String.join("\n", lines));

                // Every node gone: a request that fails on a lost connection asks for the slot map
                // again, which no node can give, and that is said.
                for (RedisServer node : cluster.nodes()) {
                    node.kill();
                }
                String lastKey = key;
                awaitRateLimitedLine(CapturingSlf4j::lines, "WARN glide.cluster: topology refresh failed: ", () -> {
                    try {
                        client.get(lastKey).get(5, TimeUnit.SECONDS);
                    } catch (ExecutionException expected) {
                        // every node is down
                    }
                });
            }
        }
    }

    private static List<String> fileLines(Path dir, String name) {
        List<String> lines = new ArrayList<>();
        File[] files = dir.toFile().listFiles((d, f) -> f.startsWith(name + "."));
        if (files != null) {
            java.util.Arrays.sort(files);
            for (File f : files) {
                try {
                    lines.addAll(Files.readAllLines(f.toPath(), StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
        return lines;
    }
}
