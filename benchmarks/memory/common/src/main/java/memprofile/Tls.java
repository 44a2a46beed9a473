package memprofile;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The profile's TLS mode, as run.sh passes it: {@code -Dmemprofile.tls=true} and {@code
 * -Dmemprofile.caFile=/path/ca.pem} (the CA that signed the server's certificate). Every driver
 * connects over TLS trusting exactly that CA when the mode is on, and verifies the server's
 * name (127.0.0.1, in the certificate's subject alternative names).
 *
 * <p>Nothing here runs before the baseline checkpoint except {@link #enabled()}, which only
 * reads a system property: the JDK's TLS classes load with the client library.
 */
public final class Tls {
    private Tls() {}

    /** Whether this run connects over TLS. */
    public static boolean enabled() {
        return Boolean.getBoolean("memprofile.tls");
    }

    /** Path of the CA certificate (PEM) to trust; required when TLS is on. */
    public static String caFile() {
        String path = System.getProperty("memprofile.caFile");
        if (path == null || path.isEmpty()) {
            throw new IllegalStateException("memprofile.tls=true needs -Dmemprofile.caFile=<CA certificate PEM>");
        }
        return path;
    }

    /** The CA certificate's PEM bytes (for the GLIDEs' {@code rootCertificates}). */
    public static byte[] caPem() {
        // java.io, not Files.readAllBytes: NIO reads stage through a cached direct buffer, which
        // would show in the direct pool the profile reports.
        try (InputStream in = new FileInputStream(caFile())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + caFile(), e);
        }
    }

    /**
     * An SSLContext whose only trust anchor is the CA (an in-memory key store behind a
     * TrustManagerFactory), for clients that take a JDK socket factory (Jedis).
     */
    public static SSLContext sslContext() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = new FileInputStream(caFile())) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("memprofile-ca-" + i++, cert);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** " over TLS" when the mode is on, for the idle/load descriptions. */
    public static String suffix() {
        return enabled() ? " over TLS" : "";
    }
}
