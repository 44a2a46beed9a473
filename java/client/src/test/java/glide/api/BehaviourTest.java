package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.config;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.BackoffStrategy;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ReadFrom;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConfigurationError;
import glide.api.models.exceptions.ConnectionException;
import glide.api.models.exceptions.GlideException;
import glide.api.models.exceptions.RequestException;
import glide.api.models.exceptions.TimeoutException;
import glide.testutil.RedisServer;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Timeouts, limits, close, reconnect, configuration errors and statistics. */
class BehaviourTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start("--enable-debug-command", "yes");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void requestTimeoutFiresCloseToTheDeadline(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = await(GlideClient.createClient(config(server, protocol).requestTimeout(100).build()))) {
            List<Long> elapsed = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                Throwable error = failure(client.customCommand(new String[] {"DEBUG", "SLEEP", "0.2"}));
                elapsed.add(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
                assertInstanceOf(TimeoutException.class, error);
                assertTrue(error.getMessage().contains("100 ms"), error.getMessage());
                Thread.sleep(150); // let DEBUG SLEEP finish before the next sample
            }
            System.out.println(protocol + " timeout 100 ms, observed (us): " + elapsed);
            List<Long> sorted = new ArrayList<>(elapsed);
            java.util.Collections.sort(sorted);
            // Never early; typically late by a few ms (the median), and never by a multiple of
            // the deadline even on a loaded machine.
            assertTrue(sorted.get(0) >= 99_000, "timed out early: " + elapsed);
            assertTrue(sorted.get(2) < 130_000, "median overshoot too large: " + elapsed);
            assertTrue(sorted.get(4) < 250_000, "worst overshoot too large: " + elapsed);
            assertEquals("PONG", await(client.ping()));
        }
    }

    @Test
    void defaultRequestTimeoutIs250Ms() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            long start = System.nanoTime();
            Throwable error = failure(client.customCommand(new String[] {"DEBUG", "SLEEP", "0.5"}));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(TimeoutException.class, error);
            assertTrue(elapsedMs >= 245 && elapsedMs < 350, "timed out after " + elapsedMs + " ms");
            Thread.sleep(400);
        }
    }

    @Test
    void blockingCommandsWaitLongerThanTheRequestTimeout() throws Exception {
        try (GlideClient client = await(GlideClient.createClient(config(server, ProtocolVersion.RESP3).requestTimeout(100).build()))) {
            long start = System.nanoTime();
            assertEquals(null, await(client.blpop(new String[] {"nothing-here"}, 0.5)));
            assertEquals(null, await(client.customCommand(new String[] {"BLPOP", "nothing-here", "0.4"})));
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(elapsedMs >= 850, "returned after " + elapsedMs + " ms");
        }
    }

    @Test
    void inflightLimitRefusesTheExcessAtOnce() throws Exception {
        try (GlideClient client = await(GlideClient.createClient(config(server, ProtocolVersion.RESP3).inflightRequestsLimit(3).build()))) {
            // A blocked BLPOP holds the connection, so these run one after another: 0.1 s each.
            List<CompletableFuture<String[]>> blocked = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                blocked.add(client.blpop(new String[] {"inflight-" + i}, 0.1));
            }
            CompletableFuture<String> excess = client.get("x");
            // Refused synchronously: already failed when the call returns.
            assertTrue(excess.isCompletedExceptionally());
            Throwable error = failure(excess);
            assertInstanceOf(RequestException.class, error);
            assertTrue(error.getMessage().startsWith("Reached maximum inflight requests (3)"), error.getMessage()); // valkey-glide's words (issue 15)
            for (CompletableFuture<String[]> f : blocked) {
                assertEquals(null, await(f));
            }
            assertEquals("PONG", await(client.ping()));
        }
    }

    @Test
    void serverErrorsCarryTheServersMessage() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            await(client.lpush("a-list", new String[] {"x"}));
            Throwable error = failure(client.get("a-list"));
            assertInstanceOf(RequestException.class, error);
            assertTrue(error.getMessage().startsWith("WRONGTYPE Operation against a key holding the wrong kind of value"), error.getMessage());
            await(client.del(new String[] {"a-list"}));
        }
    }

    @Test
    void closeFailsPendingAndLaterCallsAndIsIdempotent() throws Exception {
        GlideClient client = Clients.connect(server, ProtocolVersion.RESP3);
        List<CompletableFuture<String[]>> pending = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pending.add(client.blpop(new String[] {"close-" + i}, 5));
        }
        client.close();
        for (CompletableFuture<String[]> f : pending) {
            assertTrue(f.isDone(), "close() must fail pending futures before it returns");
            assertInstanceOf(ClosingException.class, failure(f));
        }
        assertInstanceOf(ClosingException.class, failure(client.get("x")));
        assertInstanceOf(ClosingException.class, failure(client.customCommand(new String[] {"PING"})));
        assertDoesNotThrow(client::close);
        // The server sees the connection go away.
        long deadline = System.currentTimeMillis() + 5000;
        while (clientsNamedOnServer("closing-check") > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void clientNameAndDatabaseAreApplied() throws Exception {
        GlideClientConfiguration cfg = config(server, ProtocolVersion.RESP2).clientName("named-client").databaseId(7).build();
        try (GlideClient client = await(GlideClient.createClient(cfg))) {
            assertEquals(1, clientsNamedOnServer("named-client"));
            String info = (String) await(client.customCommand(new String[] {"CLIENT", "INFO"}));
            assertTrue(info.contains(" db=7 ") && info.contains(" name=named-client "), info);
        }
        long deadline = System.currentTimeMillis() + 5000;
        while (clientsNamedOnServer("named-client") > 0) {
            assertTrue(System.currentTimeMillis() < deadline, "connection still open after close");
            Thread.sleep(20);
        }
    }

    private static int clientsNamedOnServer(String name) {
        String list = (String) server.command("CLIENT", "LIST");
        int n = 0;
        for (String line : list.split("\n")) {
            if (line.contains(" name=" + name + " ")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void passwordAndAclUser() throws Exception {
        try (RedisServer secured = RedisServer.start("--requirepass", "s3cret")) {
            GlideClientConfiguration good = GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host(secured.host()).port(secured.port()).build())
                    .credentials(ServerCredentials.builder().password("s3cret").build())
                    .build();
            try (GlideClient client = await(GlideClient.createClient(good))) {
                assertEquals("PONG", await(client.ping()));
            }
            secured.command("AUTH", "s3cret");
            GlideClientConfiguration bad = GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host(secured.host()).port(secured.port()).build())
                    .credentials(ServerCredentials.builder().username("default").password("wrong").build())
                    .build();
            Throwable error = failure(GlideClient.createClient(bad));
            assertInstanceOf(ClosingException.class, error); // as valkey-glide: creation failed
            assertTrue(error.getMessage().contains("WRONGPASS") || error.getMessage().toLowerCase().contains("auth"), error.getMessage());
        }
    }

    @Test
    void unreachableServerFailsCreationWithClosingException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GlideClientConfiguration cfg = GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host("127.0.0.1").port(port).build())
                .build();
        long before = Long.parseLong(Statistics.of().get("total_clients"));
        Throwable error = failure(GlideClient.createClient(cfg));
        assertInstanceOf(ClosingException.class, error);
        assertTrue(error.getMessage().contains("Failed to create client - cannot connect"), error.getMessage());
        System.gc();
        assertTrue(Long.parseLong(Statistics.of().get("total_clients")) <= before + 1);
    }

    /** Statistics without a client instance (any client reports the process-wide figures). */
    private static final class Statistics {
        static Map<String, String> of() {
            return glide.internal.Statistics.extended();
        }
    }

    @Test
    void invalidConfigurationFailsBeforeConnecting() throws Exception {
        int connectionsBefore = Integer.parseInt(Statistics.of().get("total_connections"));
        NodeAddress ok = NodeAddress.builder().host("127.0.0.1").port(server.port()).build();
        List<Function<GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?>, Object>> cases = List.of(
                b -> b.clearAddresses(),
                b -> b.requestTimeout(-1),
                b -> b.requestTimeout(0),
                b -> b.inflightRequestsLimit(0),
                b -> b.databaseId(-2),
                b -> b.clearAddresses().address(NodeAddress.builder().host("127.0.0.1").port(70000).build()),
                b -> b.clearAddresses().address(NodeAddress.builder().host("127.0.0.1").port(0).build()),
                b -> b.clearAddresses().address(NodeAddress.builder().host("").port(6379).build()),
                // TLS settings without TLS (useInsecureTLS: valkey-glide's ConfigurationError too).
                b -> b.advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .tlsAdvancedConfiguration(TlsAdvancedConfiguration.builder().useInsecureTLS(true).build()).build()),
                b -> b.advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .tlsAdvancedConfiguration(TlsAdvancedConfiguration.builder().rootCertificates(new byte[] {1}).build()).build()),
                // TLS with unusable roots.
                b -> b.useTLS(true).advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .tlsAdvancedConfiguration(TlsAdvancedConfiguration.builder().rootCertificates(new byte[0]).build()).build()),
                b -> b.useTLS(true).advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .tlsAdvancedConfiguration(TlsAdvancedConfiguration.builder().rootCertificates("garbage".getBytes()).build()).build()),
                b -> b.reconnectStrategy(BackoffStrategy.builder().numOfRetries(-1).factor(10).exponentBase(2).build()),
                b -> b.reconnectStrategy(BackoffStrategy.builder().numOfRetries(3).factor(10).exponentBase(2).jitterPercent(150).build()));
        for (Function<GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?>, Object> c : cases) {
            GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> b = GlideClientConfiguration.builder().address(ok);
            c.apply(b);
            CompletableFuture<GlideClient> created = GlideClient.createClient(b.build());
            assertTrue(created.isCompletedExceptionally(), "must fail at once: " + b);
            Throwable error = failure(created);
            assertInstanceOf(ConfigurationError.class, error, String.valueOf(error));
            assertTrue(error.getMessage().length() > 10);
        }
        assertInstanceOf(ConfigurationError.class, failure(GlideClient.createClient(null)));
        assertEquals(connectionsBefore, Integer.parseInt(Statistics.of().get("total_connections")));
    }

    /**
     * readOnly(true): commands that write fail at once with valkey-glide's RequestException and
     * never reach the server; reads, and commands that do not write data (PING, INFO, SELECT),
     * run. An AZ strategy with clientAZ is refused as valkey-glide refuses it (ClosingException);
     * without clientAZ it reads as PREFER_REPLICA, so the client starts.
     */
    @Test
    void readOnlyModeRefusesWritesAndNothingElse() throws Exception {
        try (GlideClient writer = Clients.connect(server, ProtocolVersion.RESP3);
                GlideClient reader = await(GlideClient.createClient(
                        config(server, ProtocolVersion.RESP3).readOnly(true).build()))) {
            await(writer.set("read-only:k", "v"));
            assertEquals("v", await(reader.get("read-only:k")));
            assertEquals("v", await(reader.customCommand(new String[] {"get", "read-only:k"})));
            assertEquals("PONG", await(reader.ping()));
            assertTrue(await(reader.info()).contains("redis_version"));
            assertEquals("OK", await(reader.select(0)));
            List<CompletableFuture<?>> writes = List.of(
                    reader.set("read-only:k", "changed"),
                    reader.del(new String[] {"read-only:k"}),
                    reader.incr("read-only:counter"),
                    reader.customCommand(new String[] {"set", "read-only:k", "changed"}),
                    reader.customCommand(new String[] {"EVAL", "return redis.call('SET', KEYS[1], 'changed')", "1", "read-only:k"}),
                    reader.customCommand(new String[] {"NO-SUCH.MODULECOMMAND"}));
            for (CompletableFuture<?> write : writes) {
                Throwable error = failure(write);
                assertInstanceOf(RequestException.class, error, String.valueOf(error));
                assertTrue(error.getMessage().startsWith("write commands are not allowed in read-only mode"), error.getMessage());
            }
            assertEquals("v", await(writer.get("read-only:k")));
            assertEquals(0L, await(writer.exists(new String[] {"read-only:counter"})));
            // The refusals cost the connection nothing.
            assertEquals("v", await(reader.get("read-only:k")));
        }
        Throwable refused = failure(GlideClient.createClient(config(server, ProtocolVersion.RESP3)
                .readOnly(true).readFrom(ReadFrom.AZ_AFFINITY).clientAZ("az-1").build()));
        assertInstanceOf(ClosingException.class, refused, String.valueOf(refused));
        for (ReadFrom readFrom : new ReadFrom[] {ReadFrom.PREFER_REPLICA, ReadFrom.AZ_AFFINITY}) {
            try (GlideClient c = await(GlideClient.createClient(
                    config(server, ProtocolVersion.RESP3).readOnly(true).readFrom(readFrom).build()))) {
                assertEquals("v", await(c.get("read-only:k")), readFrom.toString());
            }
        }
        // One address and a replica strategy: every command goes to that node, as in valkey-glide.
        try (GlideClient c = await(GlideClient.createClient(
                config(server, ProtocolVersion.RESP3).readFrom(ReadFrom.PREFER_REPLICA).build()))) {
            assertEquals("OK", await(c.set("read-only:k2", "w")));
            assertEquals("w", await(c.get("read-only:k2")));
        }
    }

    @Test
    void statisticsCountClientsAndConnections() throws Exception {
        Map<String, String> before = Statistics.of();
        GlideClient a = Clients.connect(server, ProtocolVersion.RESP3);
        GlideClient b = Clients.connect(server, ProtocolVersion.RESP2);
        Map<String, String> during = a.getExtendedStatistics();
        assertEquals(Long.parseLong(before.get("total_connections")) + 2, Long.parseLong(during.get("total_connections")));
        assertTrue(Long.parseLong(during.get("total_clients")) >= 2);
        assertTrue(Long.parseLong(during.get("native_bytes_in_use")) > 0);
        a.close();
        b.close();
        assertEquals(Long.parseLong(before.get("total_connections")), Long.parseLong(Statistics.of().get("total_connections")));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void reconnectsAfterTheServerIsKilledAndRestarted(ProtocolVersion protocol) throws Exception {
        try (RedisServer volatileServer = RedisServer.start()) {
            GlideClientConfiguration cfg = config(volatileServer, protocol)
                    .requestTimeout(500)
                    .reconnectStrategy(BackoffStrategy.builder().numOfRetries(5).factor(20).exponentBase(2).jitterPercent(10).build())
                    .build();
            try (GlideClient client = await(GlideClient.createClient(cfg))) {
                await(client.select(2));
                // Traffic in flight while the server dies.
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    inFlight.add(client.set("key-" + i, "v"));
                }
                CompletableFuture<String[]> blocked = client.blpop(new String[] {"never"}, 10);
                // Kill only once the BLPOP is on the wire (blocked on the server): a request
                // that has not reached the connection waits for the reconnect instead.
                long waitUntil = System.currentTimeMillis() + 5000;
                while (!((String) volatileServer.command("INFO", "clients")).contains("blocked_clients:1")) {
                    assertTrue(System.currentTimeMillis() < waitUntil, "BLPOP never blocked");
                    Thread.sleep(5);
                }
                volatileServer.kill();
                long killedAt = System.nanoTime();
                Throwable blockedError = failure(blocked);
                long failedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                assertInstanceOf(ConnectionException.class, blockedError);
                assertTrue(failedAfterMs < 1000, "in-flight request failed after " + failedAfterMs + " ms");
                for (CompletableFuture<?> f : inFlight) {
                    // Each either made it before the kill or failed with a clear exception.
                    try {
                        f.get(5, TimeUnit.SECONDS);
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertInstanceOf(GlideException.class, e.getCause());
                    }
                }
                // While down: fail with a clear exception, never hang.
                Throwable down = failure(client.get("key-1"));
                assertTrue(down instanceof ConnectionException || down instanceof TimeoutException, String.valueOf(down));

                volatileServer.restart();
                long restartedAt = System.nanoTime();
                String value = null;
                while (value == null) {
                    try {
                        value = await(client.set("after-restart", "yes"));
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertInstanceOf(GlideException.class, e.getCause());
                        assertTrue(System.nanoTime() - restartedAt < TimeUnit.SECONDS.toNanos(10), "no reconnect in 10 s");
                        Thread.sleep(20);
                    }
                }
                assertEquals("OK", value);
                // The client returned to the database it had selected.
                String info = (String) await(client.customCommand(new String[] {"CLIENT", "INFO"}));
                assertTrue(info.contains(" db=2 "), info);
            }
        }
    }

    @Test
    void lazyConnectDefersTheConnectionToTheFirstCommand() throws Exception {
        long connectionsBefore = Long.parseLong(Statistics.of().get("total_connections"));
        try (GlideClient client = await(GlideClient.createClient(config(server, ProtocolVersion.RESP3).lazyConnect(true).build()))) {
            assertEquals(connectionsBefore, Long.parseLong(Statistics.of().get("total_connections")));
            assertEquals("PONG", await(client.ping()));
            assertEquals(connectionsBefore + 1, Long.parseLong(Statistics.of().get("total_connections")));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GlideClientConfiguration nowhere = GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host("127.0.0.1").port(port).build())
                .lazyConnect(true)
                .build();
        try (GlideClient client = await(GlideClient.createClient(nowhere))) {
            // Timed out waiting for a connection, as in valkey-glide; the message says why.
            Throwable failure = failure(client.ping());
            assertInstanceOf(TimeoutException.class, failure);
            assertTrue(failure.getMessage().contains("Connection refused"), failure.getMessage());
        }
    }

    @Test
    void blockingOnAGlideFutureInsideAContinuationFailsInsteadOfDeadlocking() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            await(client.set("chained", "v"));
            // BLPOP waits 0.1 s, so the continuation is attached before completion and runs
            // on the completer thread (a completed future would run it on this thread).
            CompletableFuture<String> nested =
                    client.blpop(new String[] {"nothing"}, 0.1).thenApply(none -> client.get("chained").join());
            Throwable error = failure(nested);
            assertInstanceOf(IllegalStateException.class, error);
            assertTrue(error.getMessage().contains("thenCompose"), error.getMessage());
            // The supported way: compose.
            assertEquals("v", await(client.ping().thenCompose(pong -> client.get("chained"))));
            // And blocking on an already finished future is fine anywhere.
            CompletableFuture<String> done = client.get("chained");
            assertEquals("v", await(done));
            assertEquals("v", await(client.ping().thenApply(pong -> done.join())));
        }
    }
}
