import glide.api.BaseClient;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.AdvancedGlideClusterClientConfiguration;
import glide.api.models.configuration.BaseClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * TLS behaviour check. Compiled once against glide-jni, run against glide-jni and against
 * valkey-glide 2.3.1 on the same TLS-only redis-servers (started by run-tls.sh); the two outputs
 * are diffed.
 *
 * <p>Usage: {@code TlsCheck CERT_DIR name=port...} with the names {@code good} (server.pem,
 * signed by the trusted test CA), {@code untrusted} (signed by a second CA), {@code wronghost}
 * (a certificate for other.example only), {@code expired}, {@code plain} (no TLS), {@code closed}
 * (nothing listens there) and optionally {@code cluster}, {@code cluster-wronghost} and {@code
 * cluster-expired} (one-node TLS clusters with server.pem, wronghost.pem, expired.pem); CERT_DIR
 * is what scripts/tls-test-certs.sh writes.
 *
 * <p>Every case is run twice: with {@code lazyConnect(false)} ({@code create} = createClient,
 * then SET + GET) and with {@code lazyConnect(true)} ({@code lazy create}, then {@code lazy
 * first command} = the SET that makes the connection, then GET). Each step prints one line
 * {@code [tls SECTION] case | step -> outcome}: {@code ok}, the values, {@code THREW X} (thrown
 * synchronously), {@code FAILED X} (the future failed) or {@code HUNG}, where X is the exception's
 * simple class name; after a failure, one line {@code ... step category -> cat}, a coarse reading
 * of its message that does not depend on the wording (see {@link #category}); and one line
 * {@code ... step time -> [a,b)s}: how long the step took, in 0.5 s buckets. Class, category and
 * time are separate lines so that a diff tells which of them differs. The full messages go to
 * stderr, which is not diffed. Connection and request timeouts are 2000 ms unless a case says
 * otherwise.
 */
public class TlsCheck {

    static final int CONNECTION_TIMEOUT_MS = 2000;
    static final int REQUEST_TIMEOUT_MS = 2000;
    /** A step that takes longer than this is reported as HUNG. */
    static final long STEP_LIMIT_S = 20;

    static String dir;
    static final Map<String, Integer> ports = new HashMap<>();
    static String section = "";

    interface ConfigFactory {
        BaseClientConfiguration make(boolean lazy) throws Throwable;
    }

    interface Step {
        Object run() throws Throwable;
    }

    public static void main(String[] args) throws Exception {
        dir = args[0];
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            ports.put(kv[0], Integer.parseInt(kv[1]));
        }
        byte[] ca = read("ca.pem");
        byte[] otherCa = read("other-ca.pem");
        byte[] both = read("both-cas.pem");
        byte[] der = read("ca.der");
        byte[] garbage = "this is not a certificate".getBytes(StandardCharsets.US_ASCII);

        // Load the native library and start the runtime before anything is timed: one plaintext
        // client, not reported.
        try (GlideClient warm =
                GlideClient.createClient(
                                GlideClientConfiguration.builder()
                                        .address(NodeAddress.builder().host("127.0.0.1").port(ports.get("plain")).build())
                                        .build())
                        .get(STEP_LIMIT_S, TimeUnit.SECONDS)) {
            warm.get("warm-up").get(STEP_LIMIT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("warm-up client failed: " + e);
        }

        section = "standalone";
        standalone("trusted root, 127.0.0.1", "good", "127.0.0.1", true, tls(ca, false));
        standalone("trusted root, localhost", "good", "localhost", true, tls(ca, false));
        standalone("untrusted root (server signed by another CA)", "untrusted", "127.0.0.1", true, tls(ca, false));
        standalone("wrong host (cert for other.example only)", "wronghost", "127.0.0.1", true, tls(ca, false));
        standalone("expired server cert", "expired", "127.0.0.1", true, tls(ca, false));
        standalone("untrusted root, connectionTimeout 1000 ms, requestTimeout 5000 ms", "untrusted", "127.0.0.1", true,
                tls(ca, false), 1000, 5000);
        standalone("untrusted root, connectionTimeout 5000 ms, requestTimeout 1000 ms", "untrusted", "127.0.0.1", true,
                tls(ca, false), 5000, 1000);
        standalone("insecure, good server", "good", "127.0.0.1", true, tls(null, true));
        standalone("insecure, untrusted server", "untrusted", "127.0.0.1", true, tls(null, true));
        standalone("insecure, wrong host", "wronghost", "127.0.0.1", true, tls(null, true));
        standalone("insecure, expired server cert", "expired", "127.0.0.1", true, tls(null, true));
        standalone("insecure + trusted root, untrusted server", "untrusted", "127.0.0.1", true, tls(ca, true));
        standalone("both CAs as roots, untrusted server", "untrusted", "127.0.0.1", true, tls(both, false));
        standalone("other CA only as root, good server", "good", "127.0.0.1", true, tls(otherCa, false));
        standalone("plaintext client, TLS port", "good", "127.0.0.1", false, null);
        standalone("TLS client (trusted root), plaintext server", "plain", "127.0.0.1", true, tls(ca, false));
        standalone("TLS client (insecure), plaintext server", "plain", "127.0.0.1", true, tls(null, true));
        standalone("TLS client, closed port", "closed", "127.0.0.1", true, tls(ca, false));
        standalone("useInsecureTLS(true) with useTLS(false), plaintext server", "plain", "127.0.0.1", false, tls(null, true));
        standalone("rootCertificates with useTLS(false), plaintext server", "plain", "127.0.0.1", false, tls(ca, false));
        standalone("rootCertificates garbage bytes", "good", "127.0.0.1", true, tls(garbage, false));
        standalone("rootCertificates empty array", "good", "127.0.0.1", true, tls(new byte[0], false));
        standalone("rootCertificates DER instead of PEM", "good", "127.0.0.1", true, tls(der, false));
        standalone("fromKeyStore PKCS12 trust store", "good", "127.0.0.1", true,
                () -> TlsAdvancedConfiguration.fromKeyStore(dir + "/ca.p12", "changeit".toCharArray(), "PKCS12"));
        standalone("fromKeyStore PKCS12, null type (default type)", "good", "127.0.0.1", true,
                () -> TlsAdvancedConfiguration.fromKeyStore(dir + "/ca.p12", "changeit".toCharArray(), null));
        standalone("fromKeyStore wrong password", "good", "127.0.0.1", true,
                () -> TlsAdvancedConfiguration.fromKeyStore(dir + "/ca.p12", "wrong".toCharArray(), "PKCS12"));
        standalone("fromKeyStore missing file", "good", "127.0.0.1", true,
                () -> TlsAdvancedConfiguration.fromKeyStore(dir + "/missing.p12", "changeit".toCharArray(), "PKCS12"));
        standalone("default trust (no advanced configuration)", "good", "127.0.0.1", true, null);
        standalone("default trust (TlsAdvancedConfiguration with defaults)", "good", "127.0.0.1", true, tls(null, false));

        if (ports.containsKey("cluster")) {
            section = "cluster";
            cluster("trusted root", true, tls(ca, false));
            cluster("other CA only as root", true, tls(otherCa, false));
            cluster("wrong host (cert for other.example only)", "cluster-wronghost", true, tls(ca, false));
            cluster("expired server cert", "cluster-expired", true, tls(ca, false));
            cluster("TLS client, closed port", "closed", true, tls(ca, false));
            cluster("insecure", true, tls(null, true));
            cluster("insecure, wrong host", "cluster-wronghost", true, tls(null, true));
            cluster("insecure, expired server cert", "cluster-expired", true, tls(null, true));
            cluster("plaintext client, TLS port", false, null);
            cluster("default trust (no advanced configuration)", true, null);
            cluster("rootCertificates garbage bytes", true, tls(garbage, false));
            cluster("useInsecureTLS(true) with useTLS(false)", false, tls(null, true));
        }
        System.out.flush();
        System.exit(0);
    }

    interface TlsFactory {
        TlsAdvancedConfiguration make() throws Throwable;
    }

    static TlsFactory tls(byte[] roots, boolean insecure) {
        return () -> {
            TlsAdvancedConfiguration.TlsAdvancedConfigurationBuilder<?, ?> b =
                    TlsAdvancedConfiguration.builder().useInsecureTLS(insecure);
            if (roots != null) {
                b.rootCertificates(roots);
            }
            return b.build();
        };
    }

    static void standalone(String label, String server, String host, boolean useTls, TlsFactory tls) {
        standalone(label, server, host, useTls, tls, CONNECTION_TIMEOUT_MS, REQUEST_TIMEOUT_MS);
    }

    static void standalone(
            String label, String server, String host, boolean useTls, TlsFactory tls,
            int connectionTimeoutMs, int requestTimeoutMs) {
        Integer port = ports.get(server);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + server);
        }
        runCase(label, lazy -> {
            AdvancedGlideClientConfiguration.AdvancedGlideClientConfigurationBuilder<?, ?> adv =
                    AdvancedGlideClientConfiguration.builder().connectionTimeout(connectionTimeoutMs);
            if (tls != null) {
                adv.tlsAdvancedConfiguration(tls.make());
            }
            return GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host(host).port(port).build())
                    .useTLS(useTls)
                    .requestTimeout(requestTimeoutMs)
                    .lazyConnect(lazy)
                    .advancedConfiguration(adv.build())
                    .build();
        });
    }

    static void cluster(String label, boolean useTls, TlsFactory tls) {
        cluster(label, "cluster", useTls, tls);
    }

    static void cluster(String label, String server, boolean useTls, TlsFactory tls) {
        Integer port = ports.get(server);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + server);
        }
        runCase(label, lazy -> {
            AdvancedGlideClusterClientConfiguration.AdvancedGlideClusterClientConfigurationBuilder<?, ?> adv =
                    AdvancedGlideClusterClientConfiguration.builder().connectionTimeout(CONNECTION_TIMEOUT_MS);
            if (tls != null) {
                adv.tlsAdvancedConfiguration(tls.make());
            }
            return GlideClusterClientConfiguration.builder()
                    .address(NodeAddress.builder().host("127.0.0.1").port(port).build())
                    .useTLS(useTls)
                    .requestTimeout(REQUEST_TIMEOUT_MS)
                    .lazyConnect(lazy)
                    .advancedConfiguration(adv.build())
                    .build();
        });
    }

    // ---------------------------------------------------------------- running a case

    static void runCase(String label, ConfigFactory factory) {
        for (boolean lazy : new boolean[] {false, true}) {
            String mode = lazy ? "lazy " : "";
            BaseClientConfiguration config;
            try {
                config = factory.make(lazy);
            } catch (Throwable t) {
                // the configuration itself could not be built (fromKeyStore, a builder check)
                report(label, mode + "config", t, true, 0);
                return;
            }
            long start = System.nanoTime();
            Outcome created = step(() -> create(config));
            report(label, mode + "create", created, start);
            if (!(created.value instanceof BaseClient)) {
                continue;
            }
            BaseClient client = (BaseClient) created.value;
            try {
                String key = "tls-check:" + section + ":" + label;
                start = System.nanoTime();
                Outcome set = step(() -> set(client, key));
                report(label, mode + (lazy ? "first command (SET)" : "SET"), set, start);
                if (set.error == null) {
                    start = System.nanoTime();
                    Outcome get = step(() -> get(client, key));
                    report(label, mode + "GET", get, start);
                }
            } finally {
                try {
                    client.close();
                } catch (Throwable t) {
                    report(label, mode + "close", t, true, 0);
                }
            }
        }
    }

    static CompletableFuture<? extends BaseClient> create(BaseClientConfiguration config) throws Throwable {
        if (config instanceof GlideClusterClientConfiguration) {
            return GlideClusterClient.createClient((GlideClusterClientConfiguration) config);
        }
        return GlideClient.createClient((GlideClientConfiguration) config);
    }

    static CompletableFuture<String> set(BaseClient c, String key) {
        return c instanceof GlideClusterClient
                ? ((GlideClusterClient) c).set(key, "value over TLS")
                : ((GlideClient) c).set(key, "value over TLS");
    }

    static CompletableFuture<String> get(BaseClient c, String key) {
        return c instanceof GlideClusterClient
                ? ((GlideClusterClient) c).get(key)
                : ((GlideClient) c).get(key);
    }

    static final class Outcome {
        final Object value;
        final Throwable error;
        final boolean sync;
        final boolean hung;

        Outcome(Object value, Throwable error, boolean sync, boolean hung) {
            this.value = value;
            this.error = error;
            this.sync = sync;
            this.hung = hung;
        }
    }

    /** Runs a step that returns a future (or throws synchronously) and waits for its result. */
    static Outcome step(Step s) {
        Object f;
        try {
            f = s.run();
        } catch (Throwable t) {
            return new Outcome(null, t, true, false);
        }
        try {
            return new Outcome(((CompletableFuture<?>) f).get(STEP_LIMIT_S, TimeUnit.SECONDS), null, false, false);
        } catch (java.util.concurrent.TimeoutException e) {
            return new Outcome(null, null, false, true);
        } catch (ExecutionException | CompletionException e) {
            return new Outcome(null, e.getCause() != null ? e.getCause() : e, false, false);
        } catch (Throwable t) {
            return new Outcome(null, t, false, false);
        }
    }

    static void report(String label, String step, Outcome o, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String rendering;
        if (o.hung) {
            rendering = "HUNG (no result within " + STEP_LIMIT_S + " s)";
        } else if (o.error != null) {
            report(label, step, o.error, o.sync, seconds);
            return;
        } else if (o.value instanceof BaseClient) {
            rendering = "ok";
        } else {
            rendering = String.valueOf(o.value);
        }
        out(label, step, rendering);
        out(label, step + " time", bucket(seconds));
    }

    static void report(String label, String step, Throwable t, boolean sync, double seconds) {
        String cls = t.getClass().getSimpleName();
        out(label, step, (sync ? "THREW " : "FAILED ") + cls);
        out(label, step + " category", category(t));
        out(label, step + " time", bucket(seconds));
        StringBuilder msg = new StringBuilder();
        msg.append('[').append("tls ").append(section).append("] ").append(label).append(" | ").append(step)
                .append(": ").append(t.getClass().getName()).append(": ").append(t.getMessage());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            msg.append(" / caused by ").append(c.getClass().getName()).append(": ").append(c.getMessage());
        }
        System.err.println(msg);
    }

    static void out(String label, String step, String rendering) {
        System.out.println("[tls " + section + "] " + label + " | " + step + " -> " + rendering);
    }

    /** [a,b)s: the half-second bucket that holds the duration. */
    static String bucket(double seconds) {
        double lo = Math.floor(seconds * 2) / 2;
        return String.format(Locale.ROOT, "[%.1f,%.1f)s", lo, lo + 0.5);
    }

    /**
     * A coarse, wording-independent reading of an exception's message (and its causes): what the
     * failure is about, so that two clients that word it differently still compare equal.
     */
    static String category(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            all.append(' ').append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
        }
        String m = all.toString().toLowerCase(Locale.ROOT);
        if (m.contains("expired") || m.contains("notvalidyet") || m.contains("not valid yet")) {
            return "cert-expired";
        }
        if (m.contains("notvalidforname") || m.contains("hostname") || m.contains("host name")
                || m.contains("not valid for name") || m.contains("subject alternative")) {
            return "cert-name";
        }
        if (m.contains("unknownissuer") || m.contains("unknown issuer") || m.contains("unknown ca")
                || m.contains("untrusted") || m.contains("not trusted")) {
            return "cert-issuer";
        }
        if (m.contains("nosuchfile") || m.contains("no such file")) {
            return "no-file";
        }
        if (m.contains("password") || m.contains("mac ") || m.contains("keystore")) {
            return "keystore";
        }
        if (m.contains("certificate") || m.contains("cert") || m.contains("pem")) {
            return "cert";
        }
        if (m.contains("tls") || m.contains("ssl") || m.contains("handshake")) {
            return "tls";
        }
        if (m.contains("timed out") || m.contains("timeout")) {
            return "timeout";
        }
        if (m.contains("refused")) {
            return "refused";
        }
        if (m.contains("closed") || m.contains("reset") || m.contains("broken pipe") || m.contains("eof")) {
            return "closed";
        }
        return "other";
    }

    static byte[] read(String name) throws Exception {
        return Files.readAllBytes(Paths.get(dir, name));
    }
}
