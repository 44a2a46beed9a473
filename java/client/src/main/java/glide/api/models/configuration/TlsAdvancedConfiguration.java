package glide.api.models.configuration;

import glide.internal.Pem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.FileInputStream;
import java.io.InputStream;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.Enumeration;

/**
 * Fine-grained TLS settings, used when TLS is enabled on the client: custom trusted root
 * certificates (PEM), the option to skip certificate verification and, beyond valkey-glide, a
 * client certificate for mutual TLS and trusting the JVM's default trust store.
 */
public class TlsAdvancedConfiguration {

    private final boolean useInsecureTLS;
    private final byte[] rootCertificates;
    private final boolean useJvmTrustStore;
    private final byte[] clientCertificate;
    private final byte[] clientPrivateKey;
    private final String clientKeyStorePath;
    private final char[] clientKeyStorePassword;
    private final String clientKeyStoreType;

    protected TlsAdvancedConfiguration(TlsAdvancedConfigurationBuilder<?, ?> b) {
        this.useInsecureTLS = b.useInsecureTLS;
        this.rootCertificates = b.rootCertificates;
        this.useJvmTrustStore = b.useJvmTrustStore;
        this.clientCertificate = b.clientCertificate;
        this.clientPrivateKey = b.clientPrivateKey;
        this.clientKeyStorePath = b.clientKeyStorePath;
        this.clientKeyStorePassword = b.clientKeyStorePassword;
        this.clientKeyStoreType = b.clientKeyStoreType;
    }

    /**
     * Reads the trusted certificate entries of a key store (a trust store, typically JKS or
     * PKCS12) and returns a configuration trusting exactly those certificates.
     *
     * @param keyStorePath file to read
     * @param keyStorePassword password of the store, or null if it has none
     * @param keyStoreType store type such as {@code "JKS"} or {@code "PKCS12"}; null means {@link
     *     KeyStore#getDefaultType()}
     * @throws KeyStoreException if the type is unknown or the store holds no trusted certificate
     */
    public static TlsAdvancedConfiguration fromKeyStore(
            String keyStorePath, char[] keyStorePassword, String keyStoreType)
            throws KeyStoreException, IOException, NoSuchAlgorithmException,
                    CertificateException {
        String type = keyStoreType == null ? KeyStore.getDefaultType() : keyStoreType;
        KeyStore store = KeyStore.getInstance(type);
        // FileInputStream: a missing file is a FileNotFoundException, as in valkey-glide.
        try (InputStream in = new FileInputStream(keyStorePath)) {
            store.load(in, keyStorePassword);
        }
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        int count = 0;
        for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (!store.isCertificateEntry(alias)) {
                continue;
            }
            Certificate cert = store.getCertificate(alias);
            if (cert == null) {
                continue;
            }
            Pem.appendCertificate(pem, cert);
            count++;
        }
        if (count == 0) {
            throw new KeyStoreException(
                    "No trusted certificate entries found in key store " + keyStorePath);
        }
        return builder().rootCertificates(pem.toByteArray()).build();
    }

    public static TlsAdvancedConfigurationBuilder<?, ?> builder() {
        return new TlsAdvancedConfigurationBuilderImpl();
    }

    /**
     * Whether certificate and host name verification is skipped. Only meant for testing: the
     * connection is encrypted but the server is not authenticated. Defaults to false.
     */
    public boolean isUseInsecureTLS() {
        return useInsecureTLS;
    }

    /**
     * PEM-encoded certificates to trust instead of the platform's trust store, or null (the
     * default) to use the platform's. The array is returned as stored, without copying.
     */
    public byte[] getRootCertificates() {
        return rootCertificates;
    }

    /**
     * Whether the JVM's default trust store ({@code javax.net.ssl.trustStore}, else the JDK's
     * {@code cacerts}) is trusted too, in addition to {@link #getRootCertificates()}. Defaults
     * to false: without root certificates the platform's trust store is used. glide-jni only.
     */
    public boolean isUseJvmTrustStore() {
        return useJvmTrustStore;
    }

    /** PEM certificate chain (leaf first) presented for mutual TLS, or null. glide-jni only. */
    public byte[] getClientCertificate() {
        return clientCertificate;
    }

    /** PEM private key of {@link #getClientCertificate()}, or null. glide-jni only. */
    public byte[] getClientPrivateKey() {
        return clientPrivateKey;
    }

    /** Key store holding the mutual TLS identity (a key entry), or null. glide-jni only. */
    public String getClientKeyStorePath() {
        return clientKeyStorePath;
    }

    /** Password of {@link #getClientKeyStorePath()} and of its key, or null. */
    public char[] getClientKeyStorePassword() {
        return clientKeyStorePassword;
    }

    /** Type of {@link #getClientKeyStorePath()} ("PKCS12", "JKS"); null: the JVM default. */
    public String getClientKeyStoreType() {
        return clientKeyStoreType;
    }

    /**
     * Builder for {@link TlsAdvancedConfiguration}.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class TlsAdvancedConfigurationBuilder<
            C extends TlsAdvancedConfiguration, B extends TlsAdvancedConfigurationBuilder<C, B>> {

        private boolean useInsecureTLS;
        private byte[] rootCertificates;
        private boolean useJvmTrustStore;
        private byte[] clientCertificate;
        private byte[] clientPrivateKey;
        private String clientKeyStorePath;
        private char[] clientKeyStorePassword;
        private String clientKeyStoreType;

        public TlsAdvancedConfigurationBuilder() {}

        /**
         * Also trusts the JVM's default trust store (what {@code javax.net.ssl.trustStore} names,
         * else the JDK's {@code cacerts}). glide-jni only.
         */
        public B useJvmTrustStore(boolean useJvmTrustStore) {
            this.useJvmTrustStore = useJvmTrustStore;
            return self();
        }

        /**
         * Mutual TLS: the PEM certificate chain (leaf first) and its PEM private key (PKCS#8,
         * PKCS#1 or SEC1) presented to a server that asks for a client certificate. glide-jni
         * only.
         */
        public B clientCertificate(byte[] certificateChainPem, byte[] privateKeyPem) {
            this.clientCertificate = certificateChainPem;
            this.clientPrivateKey = privateKeyPem;
            return self();
        }

        /**
         * Mutual TLS: the identity (the first key entry: its private key and certificate chain)
         * of a key store, read when the client is created; an unreadable store then fails the
         * creation with {@code ConfigurationError}. The password opens the store and the key.
         * {@code type} null means {@link KeyStore#getDefaultType()}. glide-jni only.
         */
        public B clientKeyStore(String path, char[] password, String type) {
            this.clientKeyStorePath = path;
            this.clientKeyStorePassword = password;
            this.clientKeyStoreType = type;
            return self();
        }

        public B useInsecureTLS(boolean useInsecureTLS) {
            this.useInsecureTLS = useInsecureTLS;
            return self();
        }

        public B rootCertificates(byte[] rootCertificates) {
            this.rootCertificates = rootCertificates;
            return self();
        }

        protected abstract B self();

        public abstract C build();

        @Override
        public String toString() {
            return "TlsAdvancedConfiguration.TlsAdvancedConfigurationBuilder(useInsecureTLS="
                    + useInsecureTLS
                    + ", rootCertificates="
                    + (rootCertificates == null ? "null" : rootCertificates.length + " bytes")
                    + ", useJvmTrustStore="
                    + useJvmTrustStore
                    + ", clientCertificate="
                    + (clientCertificate == null ? "null" : "set")
                    + ", clientKeyStorePath="
                    + clientKeyStorePath
                    + ")";
        }
    }

    private static final class TlsAdvancedConfigurationBuilderImpl
            extends TlsAdvancedConfigurationBuilder<
                    TlsAdvancedConfiguration, TlsAdvancedConfigurationBuilderImpl> {

        private TlsAdvancedConfigurationBuilderImpl() {}

        @Override
        protected TlsAdvancedConfigurationBuilderImpl self() {
            return this;
        }

        @Override
        public TlsAdvancedConfiguration build() {
            return new TlsAdvancedConfiguration(this);
        }
    }
}
