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
 * certificates (PEM) and the option to skip certificate verification.
 */
public class TlsAdvancedConfiguration {

    private final boolean useInsecureTLS;
    private final byte[] rootCertificates;

    protected TlsAdvancedConfiguration(TlsAdvancedConfigurationBuilder<?, ?> b) {
        this.useInsecureTLS = b.useInsecureTLS;
        this.rootCertificates = b.rootCertificates;
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
     * Builder for {@link TlsAdvancedConfiguration}.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class TlsAdvancedConfigurationBuilder<
            C extends TlsAdvancedConfiguration, B extends TlsAdvancedConfigurationBuilder<C, B>> {

        private boolean useInsecureTLS;
        private byte[] rootCertificates;

        public TlsAdvancedConfigurationBuilder() {}

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
