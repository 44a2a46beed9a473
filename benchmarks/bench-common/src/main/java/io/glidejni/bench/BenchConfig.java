package io.glidejni.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the server is and how to reach it, from system properties of the benchmark fork (pass
 * them with JMH's {@code -jvmArgs}):
 *
 * <ul>
 *   <li>{@code -Dbench.host} (default 127.0.0.1), {@code -Dbench.port} (default 6379);
 *   <li>{@code -Dbench.tls=true}: connect over TLS, trusting only the CA certificate(s) in the
 *       PEM file {@code -Dbench.tls.ca=/path/ca.pem} (required then). Every client verifies the
 *       server's certificate and host name against it.
 *   <li>{@code -Dbench.text=true}: the non-blocking benchmarks call the String API (see {@link
 *       #text()}).
 * </ul>
 */
public final class BenchConfig {
    private BenchConfig() {}

    public static String host() {
        return System.getProperty("bench.host", "127.0.0.1");
    }

    public static int port() {
        return Integer.getInteger("bench.port", 6379);
    }

    /** Whether the clients connect over TLS ({@code -Dbench.tls=true}). */
    public static boolean tls() {
        return Boolean.getBoolean("bench.tls");
    }

    /** The CA file the clients trust over TLS ({@code -Dbench.tls.ca}); fails if unset or missing. */
    public static Path tlsCaFile() {
        String path = System.getProperty("bench.tls.ca");
        if (path == null || path.isEmpty()) {
            throw new IllegalStateException("-Dbench.tls=true needs -Dbench.tls.ca=/path/ca.pem");
        }
        Path p = Paths.get(path);
        if (!Files.isReadable(p)) {
            throw new IllegalStateException("bench.tls.ca: cannot read " + p);
        }
        return p;
    }

    /** The CA file's bytes (PEM), for the glide clients' {@code rootCertificates}. */
    public static byte[] tlsCaPem() {
        try {
            return Files.readAllBytes(tlsCaFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JDK socket factory trusting only the CA file's certificates (for Jedis). Host names are
     * checked by {@link #tlsParameters()}.
     */
    public static SSLSocketFactory tlsSocketFactory() {
        try {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            int i = 0;
            try (InputStream in = Files.newInputStream(tlsCaFile())) {
                for (Certificate c : cf.generateCertificates(in)) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
            }
            if (i == 0) {
                throw new IllegalStateException("bench.tls.ca holds no certificate");
            }
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store from bench.tls.ca", e);
        }
    }

    /** SSL parameters that verify the server's host name (as the other clients do). */
    public static SSLParameters tlsParameters() {
        SSLParameters p = new SSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        return p;
    }

    /** One line for the logs: how the benchmark connects. */
    public static String describe() {
        return host() + ":" + port() + (tls() ? " over TLS (CA " + tlsCaFile() + ")" : " (plaintext)");
    }

    /**
     * How many instances of a multiplexing client (glide-jni, valkey-glide) the blocking benchmark
     * opens ({@code -Dbench.clients}, default 1: one shared by every thread, as a service uses
     * them); with K, thread i uses instance i mod K, a pool of K connections as Jedis's pool is.
     */
    public static int clientInstances() {
        int k = Integer.getInteger("bench.clients", 1);
        if (k < 1) {
            throw new IllegalArgumentException("-Dbench.clients must be at least 1, got " + k);
        }
        return k;
    }

    /**
     * Whether the non-blocking benchmarks use each client's String API ({@code -Dbench.text=true}:
     * glide-jni's and valkey-glide's {@code get(String)}, Lettuce's default UTF-8 codec, Jedis's
     * String methods) instead of its binary one (GlideString, byte[]), the default. Most services
     * call the String API; the values are ASCII either way, so both move the same bytes.
     */
    public static boolean text() {
        return Boolean.getBoolean("bench.text");
    }

    /** Request timeout given to clients that have one (ms): generous for 512 KiB x 100 threads. */
    public static final int REQUEST_TIMEOUT_MS = 5_000;

    /** Inflight limit given to clients that have one (>= the highest concurrency, 100). */
    public static final int INFLIGHT_LIMIT = 1_000;
}
