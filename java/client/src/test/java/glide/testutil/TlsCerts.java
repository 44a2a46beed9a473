package glide.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Certificates for the TLS tests, generated with {@code openssl} in a temporary directory the
 * first time {@link #get()} is called and kept for the rest of the JVM (deleted when it exits).
 *
 * <p>What is made, all with P-256 keys in PKCS#8 PEM:
 *
 * <ul>
 *   <li>a CA ({@link #caCertFile()}) and a second CA nobody trusts ({@link #otherCaCertFile()});
 *   <li>{@link #server()}: a server certificate for {@code 127.0.0.1} and {@code localhost} (IP
 *       and DNS subject alternative names) signed by the CA; usable as a client certificate too,
 *       as cluster nodes and replicas present it to each other;
 *   <li>{@link #expiredServer()}: the same names, signed by the CA, valid only during 2020;
 *   <li>{@link #wrongHostServer()}: signed by the CA, valid only for {@code other.example};
 *   <li>{@link #untrustedServer()}: for {@code 127.0.0.1} and {@code localhost}, signed by the
 *       other CA;
 *   <li>{@link #client()}: a client certificate signed by the CA, also as a password-protected
 *       PKCS#12 key store ({@link #clientKeyStoreP12()}, made by {@code openssl pkcs12}) and JKS
 *       key store ({@link #clientKeyStoreJks()});
 *   <li>trust stores holding the CA as a trusted certificate entry, PKCS#12 ({@link
 *       #trustStoreP12()}) and JKS ({@link #trustStoreJks()}), as {@code keytool -importcert}
 *       makes them.
 * </ul>
 *
 * <p>OpenSSL 3.0 has no {@code x509 -not_before}, so the expired certificate is issued by {@code
 * openssl ca} with {@code -startdate}/{@code -enddate} in the past. The openssl binary is taken
 * from system property {@code glide.test.openssl} (default {@code openssl} on the PATH).
 */
public final class TlsCerts {

    public static final String OPENSSL_PROPERTY = "glide.test.openssl";

    /** Password of every key store made here (and of the keys inside them). */
    public static final String PASSWORD = "glide-test-pass";

    /** Host name only {@link #wrongHostServer()} is valid for. */
    public static final String OTHER_HOST = "other.example";

    private static final String CONFIG =
            String.join(
                    "\n",
                    "[req]",
                    "distinguished_name = dn",
                    "prompt = no",
                    "[dn]",
                    "CN = unused",
                    "[ca_ext]",
                    "basicConstraints = critical, CA:TRUE",
                    "keyUsage = critical, keyCertSign, cRLSign",
                    "subjectKeyIdentifier = hash",
                    "[server_ext]",
                    "basicConstraints = critical, CA:FALSE",
                    "keyUsage = critical, digitalSignature",
                    "extendedKeyUsage = serverAuth, clientAuth",
                    "subjectAltName = IP:127.0.0.1, DNS:localhost",
                    "subjectKeyIdentifier = hash",
                    "authorityKeyIdentifier = keyid",
                    "[wrong_host_ext]",
                    "basicConstraints = critical, CA:FALSE",
                    "keyUsage = critical, digitalSignature",
                    "extendedKeyUsage = serverAuth, clientAuth",
                    "subjectAltName = DNS:" + OTHER_HOST,
                    "subjectKeyIdentifier = hash",
                    "authorityKeyIdentifier = keyid",
                    "[client_ext]",
                    "basicConstraints = critical, CA:FALSE",
                    "keyUsage = critical, digitalSignature",
                    "extendedKeyUsage = clientAuth",
                    "subjectKeyIdentifier = hash",
                    "authorityKeyIdentifier = keyid",
                    // For `openssl ca` (the expired certificate only).
                    "[ca]",
                    "default_ca = test_ca",
                    "[test_ca]",
                    "database = ca-index.txt",
                    "new_certs_dir = ca-issued",
                    "serial = ca-serial",
                    "default_md = sha256",
                    "policy = any_name",
                    "unique_subject = no",
                    "[any_name]",
                    "commonName = supplied",
                    "");

    private final Path dir;
    private final Identity server;
    private final Identity expiredServer;
    private final Identity wrongHostServer;
    private final Identity untrustedServer;
    private final Identity client;
    private volatile SSLContext harnessContext;

    private TlsCerts(Path dir) {
        this.dir = dir;
        this.server = new Identity(dir, "server");
        this.expiredServer = new Identity(dir, "expired-server");
        this.wrongHostServer = new Identity(dir, "wrong-host-server");
        this.untrustedServer = new Identity(dir, "untrusted-server");
        this.client = new Identity(dir, "client");
    }

    /** The certificates of this JVM, generated on the first call. */
    public static TlsCerts get() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        static final TlsCerts INSTANCE = generate();
    }

    /** Directory holding every file made here. */
    public Path dir() {
        return dir;
    }

    /** The CA that signed {@link #server()}, {@link #client()} and the expired and wrong-host certificates. */
    public Path caCertFile() {
        return dir.resolve("ca.crt");
    }

    public byte[] caPem() {
        return read(caCertFile());
    }

    /** A second CA, trusted by nothing; it signed {@link #untrustedServer()}. */
    public Path otherCaCertFile() {
        return dir.resolve("other-ca.crt");
    }

    public byte[] otherCaPem() {
        return read(otherCaCertFile());
    }

    /** A valid server certificate for {@code 127.0.0.1} and {@code localhost}, signed by the CA. */
    public Identity server() {
        return server;
    }

    /** Signed by the CA for {@code 127.0.0.1} and {@code localhost}, but valid only in 2020. */
    public Identity expiredServer() {
        return expiredServer;
    }

    /** Signed by the CA, but valid only for {@link #OTHER_HOST}. */
    public Identity wrongHostServer() {
        return wrongHostServer;
    }

    /** For {@code 127.0.0.1} and {@code localhost}, but signed by the other CA. */
    public Identity untrustedServer() {
        return untrustedServer;
    }

    /** A client certificate (extended key usage clientAuth) signed by the CA. */
    public Identity client() {
        return client;
    }

    /** {@link #client()}'s key, certificate and the CA, as a PKCS#12 key store ({@link #PASSWORD}). */
    public Path clientKeyStoreP12() {
        return dir.resolve("client.p12");
    }

    /** {@link #client()} as a JKS key store ({@link #PASSWORD} for the store and the key). */
    public Path clientKeyStoreJks() {
        return dir.resolve("client.jks");
    }

    /** The CA as a trusted certificate entry of a PKCS#12 store ({@link #PASSWORD}). */
    public Path trustStoreP12() {
        return dir.resolve("truststore.p12");
    }

    /** The CA as a trusted certificate entry of a JKS store ({@link #PASSWORD}). */
    public Path trustStoreJks() {
        return dir.resolve("truststore.jks");
    }

    public static char[] password() {
        return PASSWORD.toCharArray();
    }

    /**
     * The SSL context of the harness's own admin connections ({@link RedisServer#command}): it
     * presents {@link #client()} when a server asks for a client certificate, and accepts any
     * server certificate, because the harness must reach the servers that present deliberately
     * bad ones (expired, wrong host, unknown CA) too. Never use it to test verification.
     */
    public SSLContext harnessSslContext() {
        SSLContext context = harnessContext;
        if (context == null) {
            try {
                KeyStore identity = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(clientKeyStoreP12())) {
                    identity.load(in, password());
                }
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(identity, password());
                context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), new TrustManager[] {new AcceptAnyServer()}, new SecureRandom());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot build the harness's SSL context", e);
            }
            harnessContext = context;
        }
        return context;
    }

    /** A certificate and its private key, as PEM files. */
    public static final class Identity {
        private final Path certFile;
        private final Path keyFile;

        private Identity(Path dir, String name) {
            this.certFile = dir.resolve(name + ".crt");
            this.keyFile = dir.resolve(name + ".key");
        }

        /** The certificate (PEM); for the leaf certificates made here, just the leaf. */
        public Path certFile() {
            return certFile;
        }

        /** The private key (PKCS#8 PEM, unencrypted). */
        public Path keyFile() {
            return keyFile;
        }

        public byte[] certPem() {
            return read(certFile);
        }

        public byte[] keyPem() {
            return read(keyFile);
        }

        /** The certificate, parsed. */
        public X509Certificate certificate() {
            return parse(certFile);
        }

        @Override
        public String toString() {
            return certFile.getFileName().toString();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static TlsCerts generate() {
        Path dir;
        try {
            dir = Files.createTempDirectory("glide-tls-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the test certificates", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir), "tls-certs-cleanup"));
        TlsCerts certs = new TlsCerts(dir);
        try {
            certs.make();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the test certificates in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the test key stores in " + dir, e);
        }
        return certs;
    }

    private void make() throws IOException, GeneralSecurityException {
        Files.writeString(dir.resolve("openssl.cnf"), CONFIG, StandardCharsets.US_ASCII);

        selfSignedCa("ca", "glide-jni test CA");
        selfSignedCa("other-ca", "glide-jni untrusted CA");
        issue(server, "127.0.0.1", "server_ext", "ca");
        issue(wrongHostServer, OTHER_HOST, "wrong_host_ext", "ca");
        issue(untrustedServer, "127.0.0.1", "server_ext", "other-ca");
        issue(client, "glide-jni test client", "client_ext", "ca");
        issueExpired(expiredServer);

        openssl("pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-certfile", "ca.crt",
                "-name", "glide-test-client", "-passout", "pass:" + PASSWORD, "-out", "client.p12");

        // JKS identity and the trust stores: what keytool -importkeystore / -importcert write.
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(clientKeyStoreP12())) {
            p12.load(in, password());
        }
        Key key = p12.getKey("glide-test-client", password());
        Certificate[] chain = p12.getCertificateChain("glide-test-client");
        if (key == null || chain == null) {
            throw new IllegalStateException("openssl pkcs12 wrote no key entry 'glide-test-client' in " + clientKeyStoreP12());
        }
        KeyStore jks = KeyStore.getInstance("JKS");
        jks.load(null, null);
        jks.setKeyEntry("glide-test-client", key, password(), chain);
        store(jks, clientKeyStoreJks());

        X509Certificate ca = parse(caCertFile());
        for (String type : List.of("PKCS12", "JKS")) {
            KeyStore trust = KeyStore.getInstance(type);
            trust.load(null, null);
            trust.setCertificateEntry("glide-test-ca", ca);
            store(trust, type.equals("JKS") ? trustStoreJks() : trustStoreP12());
        }
    }

    private void selfSignedCa(String name, String commonName) {
        newKey(name + ".key");
        openssl("req", "-config", "openssl.cnf", "-new", "-x509", "-key", name + ".key", "-subj", "/CN=" + commonName,
                "-days", "3650", "-extensions", "ca_ext", "-out", name + ".crt");
    }

    private void issue(Identity identity, String commonName, String extensions, String ca) {
        String name = stem(identity);
        newKey(name + ".key");
        openssl("req", "-config", "openssl.cnf", "-new", "-key", name + ".key", "-subj", "/CN=" + commonName,
                "-out", name + ".csr");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", ca + ".crt", "-CAkey", ca + ".key",
                "-CAcreateserial", "-days", "3650", "-extfile", "openssl.cnf", "-extensions", extensions,
                "-out", name + ".crt");
    }

    /** {@code openssl ca} sets notBefore/notAfter in the past; x509 -req of OpenSSL 3.0 cannot. */
    private void issueExpired(Identity identity) throws IOException {
        String name = stem(identity);
        Files.createDirectories(dir.resolve("ca-issued"));
        Files.writeString(dir.resolve("ca-index.txt"), "");
        Files.writeString(dir.resolve("ca-serial"), "1000\n");
        newKey(name + ".key");
        openssl("req", "-config", "openssl.cnf", "-new", "-key", name + ".key", "-subj", "/CN=127.0.0.1",
                "-out", name + ".csr");
        openssl("ca", "-batch", "-config", "openssl.cnf", "-notext", "-cert", "ca.crt", "-keyfile", "ca.key",
                "-in", name + ".csr", "-startdate", "20200101000000Z", "-enddate", "20201231000000Z",
                "-extfile", "openssl.cnf", "-extensions", "server_ext", "-out", name + ".crt");
    }

    private void newKey(String file) {
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", file);
    }

    private static String stem(Identity identity) {
        String file = identity.certFile().getFileName().toString();
        return file.substring(0, file.length() - ".crt".length());
    }

    private void openssl(String... args) {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty(OPENSSL_PROPERTY, "openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 30 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run '" + command.get(0) + "' (install openssl, or set -D"
                    + OPENSSL_PROPERTY + "=/path/to/openssl): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running openssl", e);
        }
    }

    private static void store(KeyStore store, Path file) throws IOException, GeneralSecurityException {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password());
        }
    }

    private static X509Certificate parse(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot parse " + pem, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: it is a temp dir.
        }
    }

    /** Accepts every server certificate: the harness's admin connections only (see above). */
    private static final class AcceptAnyServer extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("the harness is never a TLS server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
