package glide.api.models.configuration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.Base64;
import java.util.Enumeration;

/**
 * Fine-grained TLS settings, used when TLS is enabled on the client: custom trusted root
 * certificates (PEM), the JVM's trust store, a client certificate for mutual TLS (PEM or a key
 * store) and the option to skip certificate verification.
 */
public class TlsAdvancedConfiguration {

    private final boolean useInsecureTLS;
    private final byte[] rootCertificates;
    private final boolean useJvmTrustStore;
    private final byte[] clientCertificateChain;
    private final byte[] clientPrivateKey;
    private final String clientKeyStorePath;
    private final char[] clientKeyStorePassword;
    private final String clientKeyStoreType;

    protected TlsAdvancedConfiguration(TlsAdvancedConfigurationBuilder<?, ?> b) {
        this.useInsecureTLS = b.useInsecureTLS;
        this.rootCertificates = b.rootCertificates;
        this.useJvmTrustStore = b.useJvmTrustStore;
        this.clientCertificateChain = b.clientCertificateChain;
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
        try (InputStream in = Files.newInputStream(Paths.get(keyStorePath))) {
            store.load(in, keyStorePassword);
        }
        ByteArrayOutputStream pem = new ByteArrayOutputStream();
        Base64.Encoder encoder =
                Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
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
            StringBuilder block = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
            block.append(encoder.encodeToString(cert.getEncoded()));
            block.append("\n-----END CERTIFICATE-----\n");
            byte[] bytes = block.toString().getBytes(StandardCharsets.US_ASCII);
            pem.write(bytes, 0, bytes.length);
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
     * {@code cacerts}) is trusted as well. Defaults to false.
     */
    public boolean isUseJvmTrustStore() {
        return useJvmTrustStore;
    }

    /** PEM certificate chain presented to servers that ask for one (mutual TLS), or null. */
    public byte[] getClientCertificateChain() {
        return clientCertificateChain;
    }

    /** PEM private key of {@link #getClientCertificateChain()}, or null. */
    public byte[] getClientPrivateKey() {
        return clientPrivateKey;
    }

    /** Key store holding the client identity (mutual TLS), read when the client is created; or null. */
    public String getClientKeyStorePath() {
        return clientKeyStorePath;
    }

    /** Password of {@link #getClientKeyStorePath()} and its key, or null. */
    public char[] getClientKeyStorePassword() {
        return clientKeyStorePassword;
    }

    /** Type of {@link #getClientKeyStorePath()} ({@code "PKCS12"}, {@code "JKS"}), or null for the default. */
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
        private byte[] clientCertificateChain;
        private byte[] clientPrivateKey;
        private String clientKeyStorePath;
        private char[] clientKeyStorePassword;
        private String clientKeyStoreType;

        public TlsAdvancedConfigurationBuilder() {}

        public B useInsecureTLS(boolean useInsecureTLS) {
            this.useInsecureTLS = useInsecureTLS;
            return self();
        }

        public B rootCertificates(byte[] rootCertificates) {
            this.rootCertificates = rootCertificates;
            return self();
        }

        /** Also trust the JVM's default trust store. */
        public B useJvmTrustStore(boolean useJvmTrustStore) {
            this.useJvmTrustStore = useJvmTrustStore;
            return self();
        }

        /** Client certificate chain and its private key (both PEM), for mutual TLS. */
        public B clientCertificate(byte[] certificateChainPem, byte[] privateKeyPem) {
            this.clientCertificateChain = certificateChainPem;
            this.clientPrivateKey = privateKeyPem;
            return self();
        }

        /** Client identity from a key store (PKCS12, JKS), for mutual TLS; read when the client is created. */
        public B clientKeyStore(String path, char[] password, String type) {
            this.clientKeyStorePath = path;
            this.clientKeyStorePassword = password;
            this.clientKeyStoreType = type;
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
