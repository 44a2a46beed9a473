package glide.api;

import static glide.api.Clients.await;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.Batch;
import glide.api.models.GlideString;
import glide.api.models.PubSubMessage;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.BackoffStrategy;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConfigurationError;
import glide.api.models.exceptions.GlideException;
import glide.testutil.RedisServer;
import glide.testutil.TlsCerts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The standalone client over TLS, against TLS-only servers: commands, a 16 MB value,
 * batches and pub/sub go over TLS; a restarted server is reconnected to over TLS; each bad
 * certificate (unknown CA, another host's, expired) fails creation clearly and quickly, and
 * connects in insecure mode; mutual TLS with a PEM or key store identity, and without one; the
 * JVM's trust store and {@code fromKeyStore}; and a client speaking the wrong protocol for the
 * port (plaintext to TLS, TLS to plaintext) fails clearly instead of hanging.
 *
 * <p>The certificates come from {@link TlsCerts}; a test CA is trusted only where given.
 */
@Timeout(120)
class TlsTest {
    /**
     * The class a client creation that fails on TLS (handshake, verification, wrong protocol)
     * raises: valkey-glide 2.3.1's (tools/compat/run-tls.sh), with a message naming the cause.
     */
    static final Class<? extends GlideException> EXPECTED_FAILURE_CLASS = ClosingException.class;

    static final int CONNECTION_TIMEOUT_MS = 2000;
    /** A failed creation must be reported within this, with {@link #CONNECTION_TIMEOUT_MS}. */
    static final long FAILURE_BOUND_MS = 5000;

    private static final TlsCerts CERTS = TlsCerts.get();

    private static RedisServer server;
    private static RedisServer mutual;
    private static RedisServer expired;
    private static RedisServer wrongHost;
    private static RedisServer untrusted;
    private static RedisServer plaintext;

    @BeforeAll
    static void startServers() {
        server = RedisServer.startTls(RedisServer.Tls.valid());
        mutual = RedisServer.startTls(RedisServer.Tls.valid().clientAuth(RedisServer.ClientAuth.YES));
        expired = RedisServer.startTls(RedisServer.Tls.with(CERTS.expiredServer()));
        wrongHost = RedisServer.startTls(RedisServer.Tls.with(CERTS.wrongHostServer()));
        untrusted = RedisServer.startTls(RedisServer.Tls.with(CERTS.untrustedServer()));
        plaintext = RedisServer.start();
    }

    @AfterAll
    static void stopServers() {
        for (RedisServer s : new RedisServer[] {server, mutual, expired, wrongHost, untrusted, plaintext}) {
            if (s != null) {
                s.close();
            }
        }
    }

    // ---- configurations -------------------------------------------------------------------------

    /** TLS on, connection timeout 2 s, request timeout 5 s, the given TLS details. */
    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> tlsConfig(
            RedisServer target, ProtocolVersion protocol, TlsAdvancedConfiguration tls) {
        return Clients.config(target, protocol)
                .useTLS(true)
                .requestTimeout(5000)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT_MS)
                        .tlsAdvancedConfiguration(tls)
                        .build());
    }

    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> tlsConfig(RedisServer target, TlsAdvancedConfiguration tls) {
        return tlsConfig(target, ProtocolVersion.RESP3, tls);
    }

    /** Trusts the test CA only. */
    static TlsAdvancedConfiguration trustTestCa() {
        return TlsAdvancedConfiguration.builder().rootCertificates(CERTS.caPem()).build();
    }

    static TlsAdvancedConfiguration insecure() {
        return TlsAdvancedConfiguration.builder().useInsecureTLS(true).build();
    }

    static GlideClient connectTls(RedisServer target, TlsAdvancedConfiguration tls) throws Exception {
        return await(GlideClient.createClient(tlsConfig(target, tls).build()));
    }

    // ---- traffic over TLS -----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void commandsRunOverTls(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = await(GlideClient.createClient(tlsConfig(server, protocol, trustTestCa()).build()))) {
            String key = "tls:" + protocol;
            assertEquals("PONG", await(client.ping()));
            assertEquals("OK", await(client.set(key, "välue")));
            assertEquals("välue", await(client.get(key)));
            assertEquals("välue", server.command("GET", key), "the server has it");
            GlideString binary = gs(new byte[] {0, (byte) 0xff, '\r', '\n', 7});
            assertEquals("OK", await(client.set(gs(key + ":bin"), binary)));
            assertEquals(binary, await(client.get(gs(key + ":bin"))));
            assertEquals(3L, await(client.incrBy(key + ":n", 3)));
            assertNull(await(client.get(key + ":missing")));
            // Many requests in flight on the one TLS connection come back in order.
            List<CompletableFuture<Long>> incrs = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                incrs.add(client.incr(key + ":seq"));
            }
            for (int i = 0; i < incrs.size(); i++) {
                assertEquals(i + 1L, await(incrs.get(i)));
            }
        }
    }

    @Test
    void aSixteenMegabyteValueRoundTrips() throws Exception {
        byte[] big = new byte[16 << 20];
        new Random(16).nextBytes(big);
        try (GlideClient client = await(GlideClient.createClient(
                tlsConfig(server, trustTestCa()).requestTimeout(20_000).build()))) {
            assertEquals("OK", await(client.set(gs("tls:big"), gs(big))));
            assertEquals(Long.valueOf(big.length), server.command("STRLEN", "tls:big"));
            assertArrayEquals(big, await(client.get(gs("tls:big"))).getBytes());
            // The connection carries small requests normally afterwards.
            assertEquals("PONG", await(client.ping()));
        }
    }

    @Test
    void pipelinesAndTransactionsRunOverTls() throws Exception {
        try (GlideClient client = connectTls(server, trustTestCa())) {
            for (boolean atomic : new boolean[] {false, true}) {
                String k = "tls:batch:" + atomic;
                Batch batch = new Batch(atomic).set(k, "1").incr(k).get(k).lpush(k + ":l", new String[] {"a", "b"});
                assertArrayEquals(new Object[] {"OK", 2L, "2", 2L}, await(client.exec(batch, true)), "atomic " + atomic);
                assertEquals("2", server.command("GET", k));
            }
        }
    }

    @Test
    void pubSubMessagesArriveOverTls() throws Exception {
        BlockingQueue<PubSubMessage> received = new LinkedBlockingQueue<>();
        GlideClientConfiguration subscribed = tlsConfig(server, ProtocolVersion.RESP3, trustTestCa())
                .subscriptionConfiguration(StandaloneSubscriptionConfiguration.builder()
                        .subscription(PubSubChannelMode.EXACT, gs("tls-news"))
                        .subscription(PubSubChannelMode.PATTERN, gs("tls-sport.*"))
                        .callback((message, context) -> received.add(message))
                        .build())
                .build();
        try (GlideClient sub = await(GlideClient.createClient(subscribed));
                GlideClient pub = connectTls(server, trustTestCa())) {
            awaitSubscribed(() -> ((List<?>) server.command("PUBSUB", "NUMSUB", "tls-news")).get(1).equals(1L)
                    && (Long) server.command("PUBSUB", "NUMPAT") >= 1);
            await(pub.publish("hello", "tls-news"));
            PubSubMessage exact = next(received);
            assertEquals(gs("hello"), exact.getMessage());
            assertEquals(gs("tls-news"), exact.getChannel());
            await(pub.publish("goal", "tls-sport.football"));
            PubSubMessage byPattern = next(received);
            assertEquals(Optional.of(gs("tls-sport.*")), byPattern.getPattern());
            assertEquals(gs("goal"), byPattern.getMessage());
            // A message larger than a TLS record (16 KB) arrives whole.
            byte[] large = new byte[1 << 20];
            new Random(1).nextBytes(large);
            await(pub.publish(gs(large), gs("tls-news")));
            assertArrayEquals(large, next(received).getMessage().getBytes());
            // The subscribed client runs commands too.
            assertEquals("OK", await(sub.set("tls:sub", "v")));
        }
    }

    @Test
    void theClientReconnectsOverTlsAfterTheServerRestarts() throws Exception {
        try (RedisServer own = RedisServer.startTls(RedisServer.Tls.valid())) {
            GlideClientConfiguration config = tlsConfig(own, trustTestCa())
                    .requestTimeout(1000)
                    .reconnectStrategy(BackoffStrategy.builder().numOfRetries(5).factor(20).exponentBase(2).jitterPercent(10).build())
                    .build();
            try (GlideClient client = await(GlideClient.createClient(config))) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                AtomicLong lastOkAt = new AtomicLong();
                List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
                Thread traffic = new Thread(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        try {
                            client.set("tls:traffic", "v" + i).get(5, TimeUnit.SECONDS); // never hangs
                            ok.incrementAndGet();
                            lastOkAt.set(System.nanoTime());
                        } catch (ExecutionException e) {
                            failed.incrementAndGet();
                            if (!(e.getCause() instanceof GlideException)) {
                                unexpected.add(e.getCause());
                            }
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // no busy loop while down
                        } catch (Exception e) {
                            unexpected.add(e);
                            return;
                        }
                    }
                }, "tls-traffic");
                traffic.setDaemon(true);
                traffic.start();
                awaitTrue(() -> ok.get() >= 50, "no traffic before the kill");

                own.kill();
                Thread.sleep(300); // requests fail meanwhile, with an exception
                own.restart();
                long restartedAt = System.nanoTime();
                awaitTrue(() -> lastOkAt.get() > restartedAt, "no request succeeded within 10 s of the restart");
                long reconnectMs = TimeUnit.NANOSECONDS.toMillis(lastOkAt.get() - restartedAt);
                int okAfter = ok.get();
                awaitTrue(() -> ok.get() >= okAfter + 50, "traffic did not go on after the reconnect");
                stop.set(true);
                traffic.join(10_000);
                assertFalse(traffic.isAlive(), "the traffic thread is stuck");
                assertTrue(unexpected.isEmpty(), "unexpected: " + unexpected);
                System.out.println("TLS reconnect: first success " + reconnectMs + " ms after the restart; "
                        + ok.get() + " ok, " + failed.get() + " failed");
                assertEquals("OK", await(client.set("tls:after", "yes")));
                assertEquals("yes", own.command("GET", "tls:after"), "written to the restarted (TLS-only) server");
            }
        }
    }

    // ---- verification failures ------------------------------------------------------------------

    @Test
    void aServerSignedByAnUnknownCaIsNotTrusted() throws Exception {
        // No roots given: the platform's roots, which do not hold the test CA.
        assertConnectFails(tlsConfig(server, TlsAdvancedConfiguration.builder().build()).build(), "not trusted");
        // The default TLS details (no advanced configuration at all) are the same.
        assertConnectFails(Clients.config(server, ProtocolVersion.RESP3).useTLS(true)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder().connectionTimeout(CONNECTION_TIMEOUT_MS).build())
                .build(), "not trusted");
        // The test CA given, the server's certificate from another CA.
        assertConnectFails(tlsConfig(untrusted, trustTestCa()).build(), "not trusted");
        // Only the other CA given.
        assertConnectFails(tlsConfig(server, TlsAdvancedConfiguration.builder().rootCertificates(CERTS.otherCaPem()).build()).build(),
                "not trusted");
    }

    @Test
    void aCertificateForAnotherHostIsRejected() throws Exception {
        assertConnectFails(tlsConfig(wrongHost, trustTestCa()).build(), "not valid for");
    }

    @Test
    void anExpiredCertificateIsRejected() throws Exception {
        assertConnectFails(tlsConfig(expired, trustTestCa()).build(), "expired");
    }

    @Test
    void aDnsNameInTheCertificateMatchesAClientConnectingByName() throws Exception {
        // Only the name: given both, the client would take them as two servers, each saying it is
        // the primary (a conflict, as in valkey-glide).
        GlideClientConfiguration byName = tlsConfig(server, trustTestCa())
                .clearAddresses()
                .address(NodeAddress.builder().host("localhost").port(server.port()).build())
                .build();
        try (GlideClient client = await(GlideClient.createClient(byName))) {
            assertEquals("PONG", await(client.ping()));
        }
    }

    @Test
    void insecureModeConnectsDespiteTheCertificate() throws Exception {
        for (RedisServer target : List.of(untrusted, wrongHost, expired, server)) {
            try (GlideClient client = connectTls(target, insecure())) {
                assertEquals("OK", await(client.set("tls:insecure", "yes")), target.tls().toString());
                assertEquals("yes", target.command("GET", "tls:insecure"));
            }
        }
    }

    // ---- mutual TLS -----------------------------------------------------------------------------

    @Test
    void mutualTlsWithAPemClientCertificate() throws Exception {
        TlsAdvancedConfiguration tls = TlsAdvancedConfiguration.builder()
                .rootCertificates(CERTS.caPem())
                .clientCertificate(CERTS.client().certPem(), CERTS.client().keyPem())
                .build();
        try (GlideClient client = connectTls(mutual, tls)) {
            assertEquals("OK", await(client.set("tls:mutual:pem", "yes")));
            assertEquals("yes", mutual.command("GET", "tls:mutual:pem"));
        }
    }

    @Test
    void mutualTlsWithAClientKeyStore() throws Exception {
        for (String type : List.of("PKCS12", "JKS")) {
            Path store = type.equals("JKS") ? CERTS.clientKeyStoreJks() : CERTS.clientKeyStoreP12();
            TlsAdvancedConfiguration tls = TlsAdvancedConfiguration.builder()
                    .rootCertificates(CERTS.caPem())
                    .clientKeyStore(store.toString(), TlsCerts.password(), type)
                    .build();
            try (GlideClient client = connectTls(mutual, tls)) {
                assertEquals("OK", await(client.set("tls:mutual:" + type, "yes")), type);
            }
        }
    }

    @Test
    void aServerRequiringAClientCertificateRefusesAClientWithout() throws Exception {
        assertConnectFails(tlsConfig(mutual, trustTestCa()).build(), "client certificate");
    }

    // ---- trust from the JVM and from key stores -------------------------------------------------

    /**
     * {@code useJvmTrustStore(true)} trusts what {@code -Djavax.net.ssl.trustStore} names. The JVM
     * reads its default trust store once, so each case runs in a child JVM with its own
     * properties.
     */
    @Test
    void theJvmTrustStoreIsTrustedOnlyWhenAsked() throws Exception {
        List<String> jvmTrustsTestCa = List.of(
                "-Djavax.net.ssl.trustStore=" + CERTS.trustStoreJks(),
                "-Djavax.net.ssl.trustStorePassword=" + TlsCerts.PASSWORD,
                "-Djavax.net.ssl.trustStoreType=JKS");
        assertEquals("OK", runJvmTrustStoreMain(jvmTrustsTestCa, true));
        String notAsked = runJvmTrustStoreMain(jvmTrustsTestCa, false);
        assertTrue(notAsked.startsWith("FAILED") && notAsked.toLowerCase(Locale.ROOT).contains("not trusted"), notAsked);
        // The JDK's own cacerts does not hold the test CA.
        String cacerts = runJvmTrustStoreMain(List.of(), true);
        assertTrue(cacerts.startsWith("FAILED") && cacerts.toLowerCase(Locale.ROOT).contains("not trusted"), cacerts);
    }

    @Test
    void fromKeyStoreTrustsTheStoresCertificates() throws Exception {
        for (String type : List.of("PKCS12", "JKS")) {
            Path store = type.equals("JKS") ? CERTS.trustStoreJks() : CERTS.trustStoreP12();
            TlsAdvancedConfiguration tls = TlsAdvancedConfiguration.fromKeyStore(store.toString(), TlsCerts.password(), type);
            try (GlideClient client = connectTls(server, tls)) {
                assertEquals("PONG", await(client.ping()), type);
            }
            assertConnectFails(tlsConfig(untrusted, tls).build(), "not trusted");
        }
    }

    // ---- the wrong protocol for the port --------------------------------------------------------

    @Test
    void aPlaintextClientAgainstATlsPortFailsClearly() throws Exception {
        GlideClientConfiguration plain = Clients.config(server, ProtocolVersion.RESP3)
                .requestTimeout(5000)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder().connectionTimeout(CONNECTION_TIMEOUT_MS).build())
                .build();
        assertConnectFails(plain, "useTLS");
    }

    @Test
    void aTlsClientAgainstAPlaintextServerFailsClearly() throws Exception {
        assertConnectFails(tlsConfig(plaintext, trustTestCa()).build(), "TLS");
        assertEquals("PONG", plaintext.command("PING"), "the plaintext server is unharmed");
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Asserts that creating a client with {@code config} fails with {@link
     * #EXPECTED_FAILURE_CLASS} whose message contains {@code fragment} (ignoring case), within
     * {@link #FAILURE_BOUND_MS}; returns the exception.
     */
    static GlideException assertConnectFails(GlideClientConfiguration config, String fragment) throws Exception {
        return assertCreationFails(() -> GlideClient.createClient(config), fragment);
    }

    /** {@link #assertConnectFails(GlideClientConfiguration, String)} for a cluster client. */
    static GlideException assertConnectFails(GlideClusterClientConfiguration config, String fragment) throws Exception {
        return assertCreationFails(() -> GlideClusterClient.createClient(config), fragment);
    }

    private static GlideException assertCreationFails(
            Callable<? extends CompletableFuture<? extends AutoCloseable>> create, String fragment) throws Exception {
        long start = System.nanoTime();
        Throwable failure;
        try {
            AutoCloseable client = create.call().get(20, TimeUnit.SECONDS);
            client.close();
            throw new AssertionError("the client connected; expected a failure mentioning \"" + fragment + "\"");
        } catch (ExecutionException e) {
            failure = e.getCause();
        } catch (GlideException e) {
            failure = e; // thrown before any future
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertInstanceOf(EXPECTED_FAILURE_CLASS, failure, String.valueOf(failure));
        assertFalse(failure instanceof ConfigurationError,
                "the configuration is valid; the connection should fail, not the configuration: " + failure);
        String message = String.valueOf(failure.getMessage());
        assertTrue(message.toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT)),
                "expected \"" + fragment + "\" in: " + failure);
        assertTrue(ms < FAILURE_BOUND_MS, "failed after " + ms + " ms (connection timeout " + CONNECTION_TIMEOUT_MS + " ms): " + failure);
        return (GlideException) failure;
    }

    /** Runs {@link glide.testutil.JvmTrustStoreMain} against {@link #server}; its last output line. */
    private static String runJvmTrustStoreMain(List<String> jvmOptions, boolean useJvmTrustStore) throws Exception {
        String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path")));
        String library = System.getProperty("glide.native.library");
        if (library != null) {
            command.add("-Dglide.native.library=" + library);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("glide.testutil.JvmTrustStoreMain", server.host(), Integer.toString(server.port()),
                Boolean.toString(useJvmTrustStore)));
        Path log = Files.createTempFile("jvm-trust-store", ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = child.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(exited, "child JVM still running after 30 s:\n" + output);
            assertEquals(0, child.exitValue(), output);
            List<String> lines = output.lines().filter(l -> !l.isBlank()).collect(Collectors.toList());
            assertFalse(lines.isEmpty(), "no output from the child JVM");
            return lines.get(lines.size() - 1);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static PubSubMessage next(BlockingQueue<PubSubMessage> queue) throws InterruptedException {
        PubSubMessage m = queue.poll(10, TimeUnit.SECONDS);
        assertTrue(m != null, "no message within 10 s");
        return m;
    }

    private static void awaitSubscribed(Callable<Boolean> subscribed) throws Exception {
        awaitTrue(subscribed, "the subscriptions were not confirmed by the server");
    }

    private static void awaitTrue(Callable<Boolean> condition, String failure) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.call()) {
            assertTrue(System.currentTimeMillis() < deadline, failure);
            Thread.sleep(10);
        }
    }
}
