package glide.internal;

import glide.api.models.configuration.TlsAdvancedConfiguration;
import glide.api.models.exceptions.ConfigurationError;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Enumeration;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What the native core needs of a {@link TlsAdvancedConfiguration}, as PEM bytes: the roots to
 * trust (null: the platform's), and the mutual TLS identity. Java's own stores (the JVM trust
 * store, a client key store) are read here, with Java's own code, so that every store type the
 * JVM reads works; the core sees PEM only.
 */
final class TlsMaterial {
    final boolean insecure;
    final byte[] rootCertificates;
    final byte[] clientCertificate;
    final byte[] clientKey;

    private TlsMaterial(boolean insecure, byte[] roots, byte[] certificate, byte[] key) {
        this.insecure = insecure;
        this.rootCertificates = roots;
        this.clientCertificate = certificate;
        this.clientKey = key;
    }

    /** Reads {@code c} (null: defaults); throws {@link ConfigurationError} naming what is wrong. */
    static TlsMaterial of(TlsAdvancedConfiguration c) {
        if (c == null) {
            return new TlsMaterial(false, null, null, null);
        }
        byte[] roots = c.getRootCertificates();
        if (roots != null && roots.length == 0) {
            throw new ConfigurationError("rootCertificates is empty: give PEM certificates or leave it unset");
        }
        if (c.isUseJvmTrustStore()) {
            roots = concat(roots, jvmTrustStorePem());
        }
        byte[] certificate = c.getClientCertificate();
        byte[] key = c.getClientPrivateKey();
        if (c.getClientKeyStorePath() != null) {
            if (certificate != null) {
                throw new ConfigurationError("set either clientCertificate or clientKeyStore, not both");
            }
            byte[][] identity =
                    keyStoreIdentity(
                            c.getClientKeyStorePath(),
                            c.getClientKeyStorePassword(),
                            c.getClientKeyStoreType());
            certificate = identity[0];
            key = identity[1];
        }
        if ((certificate == null) != (key == null)) {
            throw new ConfigurationError("mutual TLS needs both a client certificate and its private key");
        }
        return new TlsMaterial(c.isUseInsecureTLS(), roots, certificate, key);
    }

    /** Whether {@code c} sets anything that only TLS uses (besides useInsecureTLS). */
    static boolean hasAnyMaterial(TlsAdvancedConfiguration c) {
        return c.getRootCertificates() != null
                || c.isUseJvmTrustStore()
                || c.getClientCertificate() != null
                || c.getClientPrivateKey() != null
                || c.getClientKeyStorePath() != null;
    }

    /** The certificates the JVM's default trust manager accepts as issuers, as PEM. */
    private static byte[] jvmTrustStorePem() {
        try {
            TrustManagerFactory factory =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            ByteArrayOutputStream pem = new ByteArrayOutputStream();
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager) {
                    for (X509Certificate issuer : ((X509TrustManager) manager).getAcceptedIssuers()) {
                        Pem.appendCertificate(pem, issuer);
                    }
                }
            }
            if (pem.size() == 0) {
                throw new ConfigurationError("the JVM's default trust store holds no certificate");
            }
            return pem.toByteArray();
        } catch (GeneralSecurityException e) {
            throw new ConfigurationError("cannot read the JVM's default trust store: " + e);
        }
    }

    /** [certificate chain PEM, private key PEM] of the first key entry of a key store. */
    private static byte[][] keyStoreIdentity(String path, char[] password, String type) {
        try {
            KeyStore store = KeyStore.getInstance(type == null ? KeyStore.getDefaultType() : type);
            try (InputStream in = Files.newInputStream(Paths.get(path))) {
                store.load(in, password);
            }
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (!(key instanceof PrivateKey) || chain == null || chain.length == 0) {
                    continue;
                }
                if (key.getEncoded() == null || !"PKCS#8".equals(key.getFormat())) {
                    throw new ConfigurationError(
                            "the key of '" + alias + "' in " + path + " cannot be exported (format " + key.getFormat() + ")");
                }
                ByteArrayOutputStream certificates = new ByteArrayOutputStream();
                for (Certificate certificate : chain) {
                    Pem.appendCertificate(certificates, certificate);
                }
                ByteArrayOutputStream keyPem = new ByteArrayOutputStream();
                Pem.append(keyPem, "PRIVATE KEY", key.getEncoded());
                return new byte[][] {certificates.toByteArray(), keyPem.toByteArray()};
            }
            throw new ConfigurationError("clientKeyStore " + path + " holds no private key entry with a certificate chain");
        } catch (ConfigurationError e) {
            throw e;
        } catch (Exception e) {
            throw new ConfigurationError("cannot read clientKeyStore " + path + ": " + e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a == null) {
            return b;
        }
        byte[] both = new byte[a.length + 1 + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        both[a.length] = '\n';
        System.arraycopy(b, 0, both, a.length + 1, b.length);
        return both;
    }
}
