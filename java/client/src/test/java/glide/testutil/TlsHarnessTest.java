package glide.testutil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.TlsAdvancedConfiguration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The TLS side of the harness on its own, without the client under test: the certificates are
 * what the TLS tests assume (checked by {@code openssl verify} and by JSSE), TLS servers and a TLS
 * cluster start and answer the harness's own commands, and each deliberately bad server fails a
 * verifying client for the intended reason.
 */
@Timeout(120)
class TlsHarnessTest {
    private static final TlsCerts CERTS = TlsCerts.get();

    // ---- certificates ---------------------------------------------------------------------------

    @Test
    void opensslVerifiesTheGoodCertificatesAndRejectsTheBadOnesForTheIntendedReason() {
        Path ca = CERTS.caCertFile();
        for (TlsCerts.Identity good : List.of(CERTS.server(), CERTS.client(), CERTS.wrongHostServer())) {
            assertTrue(opensslVerify(ca, good).contains(": OK"), good + ": " + opensslVerify(ca, good));
        }
        assertTrue(opensslVerify(ca, CERTS.expiredServer()).contains("certificate has expired"),
                opensslVerify(ca, CERTS.expiredServer()));
        assertTrue(opensslVerify(ca, CERTS.untrustedServer()).contains("unable to get local issuer certificate"),
                opensslVerify(ca, CERTS.untrustedServer()));
        assertTrue(opensslVerify(CERTS.otherCaCertFile(), CERTS.untrustedServer()).contains(": OK"));
    }

    @Test
    void certificatesCarryTheNamesDatesAndUsagesTheTestsRelyOn() throws Exception {
        X509Certificate server = CERTS.server().certificate();
        assertEquals(List.of(List.of(7, "127.0.0.1"), List.of(2, "localhost")), new ArrayList<>(server.getSubjectAlternativeNames()));
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), server.getExtendedKeyUsage(), "serverAuth, clientAuth");
        assertEquals(-1, server.getBasicConstraints(), "not a CA");
        server.checkValidity();
        assertEquals(List.of(List.of(2, TlsCerts.OTHER_HOST)),
                new ArrayList<>(CERTS.wrongHostServer().certificate().getSubjectAlternativeNames()));
        X509Certificate expired = CERTS.expiredServer().certificate();
        assertEquals(new ArrayList<>(server.getSubjectAlternativeNames()), new ArrayList<>(expired.getSubjectAlternativeNames()));
        assertTrue(expired.getNotAfter().before(new Date()));
        assertThrows(CertificateExpiredException.class, expired::checkValidity);
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), CERTS.client().certificate().getExtendedKeyUsage(), "clientAuth");
        X509Certificate ca = pemCertificate(CERTS.caPem());
        assertTrue(ca.getBasicConstraints() >= 0, "the CA is a CA");
        server.verify(ca.getPublicKey());
        CERTS.client().certificate().verify(ca.getPublicKey());
        CERTS.untrustedServer().certificate().verify(pemCertificate(CERTS.otherCaPem()).getPublicKey());
        String key = new String(CERTS.client().keyPem(), StandardCharsets.US_ASCII);
        assertTrue(key.startsWith("-----BEGIN PRIVATE KEY-----"), "PKCS#8 PEM: " + key.lines().findFirst());
        assertTrue(TlsCerts.get() == CERTS, "generated once per JVM");
    }

    @Test
    void keyStoresHoldTheClientIdentityAndTheCa() throws Exception {
        for (String type : List.of("PKCS12", "JKS")) {
            KeyStore identity = load(type.equals("JKS") ? CERTS.clientKeyStoreJks() : CERTS.clientKeyStoreP12(), type);
            assertEquals(List.of("glide-test-client"), java.util.Collections.list(identity.aliases()), type);
            assertTrue(identity.isKeyEntry("glide-test-client"), type);
            assertTrue(identity.getKey("glide-test-client", TlsCerts.password()) != null, type);
            assertEquals(CERTS.client().certificate(), identity.getCertificateChain("glide-test-client")[0], type);

            KeyStore trust = load(type.equals("JKS") ? CERTS.trustStoreJks() : CERTS.trustStoreP12(), type);
            assertTrue(trust.isCertificateEntry("glide-test-ca"), type);
            assertEquals(pemCertificate(CERTS.caPem()), trust.getCertificate("glide-test-ca"), type);
        }
        TlsAdvancedConfiguration fromStore =
                TlsAdvancedConfiguration.fromKeyStore(CERTS.trustStoreP12().toString(), TlsCerts.password(), "PKCS12");
        assertEquals(pemCertificate(CERTS.caPem()), pemCertificate(fromStore.getRootCertificates()));
    }

    // ---- servers --------------------------------------------------------------------------------

    @Test
    void aTlsServerAnswersTheHarnessOverTlsOnlyAndKeepsTlsAcrossRestart() throws Exception {
        try (RedisServer server = RedisServer.startTls(RedisServer.Tls.valid(), "--maxmemory", "7mb")) {
            assertTrue(server.isTls());
            assertEquals("PONG", server.command("PING"));
            assertEquals("OK", server.command("SET", "k", "v"));
            assertEquals("v", server.command("GET", "k"));
            assertEquals(List.of("port", "0"), server.command("CONFIG", "GET", "port"));
            assertEquals(List.of("tls-port", String.valueOf(server.port())), server.command("CONFIG", "GET", "tls-port"));
            assertEquals(List.of("maxmemory", "7340032"), server.command("CONFIG", "GET", "maxmemory"));
            assertFalse(plaintextPingAnswered(server), "the TLS port must not answer plaintext");

            server.kill();
            assertFalse(server.isRunning());
            assertThrows(UncheckedIOException.class, () -> server.command("PING"));
            server.restart();
            assertEquals("PONG", server.command("PING"));
            assertNull(server.command("GET", "k"), "no persistence");
            assertEquals(List.of("port", "0"), server.command("CONFIG", "GET", "port"));
            assertEquals(List.of("maxmemory", "7340032"), server.command("CONFIG", "GET", "maxmemory"));

            // The independent subscriber works over TLS too.
            try (RawSubscriber subscriber = new RawSubscriber(server, "SUBSCRIBE", "tls-news")) {
                assertEquals(1L, server.command("PUBLISH", "tls-news", "hello over tls"));
                assertTrue(subscriber.await("hello over tls", 5000));
            }
        }
    }

    @Test
    void aServerRequiringClientCertificatesAcceptsTheHarnessAndRefusesAClientWithout() throws Exception {
        RedisServer.Tls tls = RedisServer.Tls.valid().clientAuth(RedisServer.ClientAuth.YES);
        try (RedisServer server = RedisServer.startTls(tls)) {
            assertEquals(List.of("tls-auth-clients", "yes"), server.command("CONFIG", "GET", "tls-auth-clients"));
            assertEquals("PONG", server.command("PING"));
            server.restart();
            assertEquals("PONG", server.command("PING"));

            // JSSE trusting the CA, no client certificate: refused (TLS 1.3: at the first read).
            SSLContext noIdentity = verifyingContext();
            IOException refused = assertThrows(IOException.class, () -> ping(server, noIdentity, false));
            assertTrue(String.valueOf(refused.getMessage()).contains("certificate_required")
                            || refused instanceof java.net.SocketException
                            || refused instanceof java.io.EOFException,
                    refused.toString());
            // redis-cli agrees: with the client certificate it works, without it does not.
            assertEquals("PONG", redisCli(server, true).trim());
            assertFalse(redisCli(server, false).contains("PONG"), redisCli(server, false));
        }
    }

    @Test
    void badCertificatesStillServeTheHarnessButFailAVerifyingClientForTheirReason() throws Exception {
        SSLContext verifying = verifyingContext();
        try (RedisServer valid = RedisServer.startTls(RedisServer.Tls.valid());
                RedisServer expired = RedisServer.startTls(RedisServer.Tls.with(CERTS.expiredServer()));
                RedisServer wrongHost = RedisServer.startTls(RedisServer.Tls.with(CERTS.wrongHostServer()));
                RedisServer untrusted = RedisServer.startTls(RedisServer.Tls.with(CERTS.untrustedServer()))) {
            for (RedisServer s : List.of(valid, expired, wrongHost, untrusted)) {
                assertEquals("PONG", s.command("PING"), s.tls().toString());
            }
            assertEquals("PONG", ping(valid, verifying, true));
            assertTrue(causes(assertThrows(IOException.class, () -> ping(expired, verifying, true)))
                    .contains("CertificateExpiredException"));
            assertTrue(causes(assertThrows(IOException.class, () -> ping(wrongHost, verifying, true)))
                    .contains("No subject alternative names matching IP address 127.0.0.1"));
            assertTrue(causes(assertThrows(IOException.class, () -> ping(untrusted, verifying, true)))
                    .contains("unable to find valid certification path"));
        }
    }

    @Test
    void aTlsClusterFormsAndItsHelpersWorkOverTls() throws Exception {
        try (RedisCluster cluster = RedisCluster.startTls(3, 1)) {
            assertEquals(6, cluster.nodes().size());
            assertTrue(cluster.nodes().stream().allMatch(RedisServer::isTls));
            List<RedisServer> primaries = cluster.primaries();
            assertEquals(3, primaries.size());
            for (RedisServer primary : primaries) {
                assertEquals(1, cluster.replicasOf(primary).size(), primary.toString());
                assertEquals(List.of("tls-replication", "yes"), primary.command("CONFIG", "GET", "tls-replication"));
            }
            // CLUSTER SLOTS names the nodes' TLS ports (there are no others).
            for (Object range : (List<?>) primaries.get(0).command("CLUSTER", "SLOTS")) {
                for (Object node : ((List<?>) range).subList(2, ((List<?>) range).size())) {
                    int port = ((Long) ((List<?>) node).get(1)).intValue();
                    assertTrue(cluster.node(port).isTls(), "port " + port);
                }
            }
            String key = "tls-harness";
            RedisServer owner = cluster.primaryOf(cluster.slotOf(key));
            assertEquals(RedisCluster.keySlot(key), cluster.slotOf(key));
            assertEquals("OK", owner.command("SET", key, "v"));
            // Replication over TLS: the replica has the key (a GET there would answer MOVED).
            cluster.awaitReplicated(owner, 5_000);
            RedisServer replica = cluster.replicasOf(owner).get(0);
            assertEquals(1L, replica.command("DBSIZE"));

            // A failover, with the helpers the failover tests use.
            long killedAt = cluster.killPrimaryOnceReplicated(owner, 5_000);
            cluster.awaitFailover(owner, 30_000);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
            RedisServer promoted = cluster.primaryOf(cluster.slotOf(key));
            assertEquals(replica, promoted);
            assertEquals("v", promoted.command("GET", key));
            assertEquals(3, cluster.primaries().size());
            System.out.println("TLS cluster failover took " + ms + " ms");
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** PING with JSSE, verifying the server with {@code context}; host name checked if asked. */
    private static String ping(RedisServer server, SSLContext context, boolean checkHost) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(server.host(), server.port()), 5000);
            plain.setSoTimeout(5000);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, server.host(), server.port(), true);
            if (checkHost) {
                SSLParameters params = socket.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(params);
            }
            socket.startHandshake();
            socket.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] reply = new byte[7];
            int n = socket.getInputStream().readNBytes(reply, 0, reply.length);
            if (n < reply.length) {
                throw new java.io.EOFException("closed after " + n + " bytes");
            }
            return new String(reply, StandardCharsets.US_ASCII).trim().substring(1);
        }
    }

    /** A JSSE context trusting only the test CA, without a client certificate. */
    private static SSLContext verifyingContext() throws Exception {
        KeyStore trust = load(CERTS.trustStoreP12(), "PKCS12");
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** Whether the port answers a plaintext PING (a TLS-only port must not). */
    private static boolean plaintextPingAnswered(RedisServer server) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), server.port()), 5000);
            socket.setSoTimeout(3000);
            socket.getOutputStream().write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = socket.getInputStream().readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).contains("PONG");
        } catch (IOException closedOrTimedOut) {
            return false;
        }
    }

    private static String redisCli(RedisServer server, boolean withClientCert) throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", server.host(), "-p", String.valueOf(server.port())));
        if (withClientCert) {
            command.addAll(RedisCluster.redisCliTlsArgs());
        } else {
            command.addAll(List.of("--tls", "--cacert", CERTS.caCertFile().toString()));
        }
        command.add("PING");
        return run(command);
    }

    private static String opensslVerify(Path ca, TlsCerts.Identity cert) {
        return run(List.of("openssl", "verify", "-CAfile", ca.toString(), cert.certFile().toString()));
    }

    /** Runs a command; its output (stdout and stderr), whatever its exit code. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), command + " did not finish");
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file, String type) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, TlsCerts.password());
        }
        return store;
    }

    private static X509Certificate pemCertificate(byte[] pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
    }

    /** Every message and class name in {@code t}'s cause chain. */
    private static String causes(Throwable t) {
        StringBuilder out = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" / ");
        }
        return out.toString();
    }
}
