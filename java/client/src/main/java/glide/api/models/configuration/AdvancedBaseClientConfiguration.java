package glide.api.models.configuration;

/**
 * Less common connection settings shared by the standalone and cluster clients: connection
 * timeout, TLS details, TCP_NODELAY and the pub/sub reconciliation interval. Unset values (null)
 * leave the client's defaults in place.
 */
public abstract class AdvancedBaseClientConfiguration {

    private final Integer connectionTimeout;
    private final TlsAdvancedConfiguration tlsAdvancedConfiguration;
    private final Boolean tcpNoDelay;
    private final Integer pubsubReconciliationIntervalMs;

    protected AdvancedBaseClientConfiguration(AdvancedBaseClientConfigurationBuilder<?, ?> b) {
        this.connectionTimeout = b.connectionTimeout;
        this.tlsAdvancedConfiguration =
                b.tlsAdvancedConfigurationSet
                        ? b.tlsAdvancedConfiguration
                        : TlsAdvancedConfiguration.builder().build();
        this.tcpNoDelay = b.tcpNoDelay;
        this.pubsubReconciliationIntervalMs = b.pubsubReconciliationIntervalMs;
    }

    /** Milliseconds allowed for establishing a connection (TCP, TLS, handshake); null = default. */
    public Integer getConnectionTimeout() {
        return connectionTimeout;
    }

    /** TLS details; defaults to an instance with default settings, never null unless set so. */
    public TlsAdvancedConfiguration getTlsAdvancedConfiguration() {
        return tlsAdvancedConfiguration;
    }

    /** Whether TCP_NODELAY is set on sockets; null = client default. */
    public Boolean getTcpNoDelay() {
        return tcpNoDelay;
    }

    /** Milliseconds between checks that actual pub/sub subscriptions match the desired ones. */
    public Integer getPubsubReconciliationIntervalMs() {
        return pubsubReconciliationIntervalMs;
    }

    /** Fields shared by the advanced configurations, rendered for {@code toString()}. */
    String describeBase() {
        return "connectionTimeout="
                + connectionTimeout
                + ", tlsAdvancedConfiguration="
                + (tlsAdvancedConfiguration == null
                        ? "null"
                        : "(useInsecureTLS="
                                + tlsAdvancedConfiguration.isUseInsecureTLS()
                                + ", rootCertificates="
                                + (tlsAdvancedConfiguration.getRootCertificates() == null
                                        ? "null"
                                        : "set")
                                + ")")
                + ", tcpNoDelay="
                + tcpNoDelay
                + ", pubsubReconciliationIntervalMs="
                + pubsubReconciliationIntervalMs;
    }

    /**
     * Builder for the shared advanced settings.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class AdvancedBaseClientConfigurationBuilder<
            C extends AdvancedBaseClientConfiguration,
            B extends AdvancedBaseClientConfigurationBuilder<C, B>> {

        private Integer connectionTimeout;
        private boolean tlsAdvancedConfigurationSet;
        private TlsAdvancedConfiguration tlsAdvancedConfiguration;
        private Boolean tcpNoDelay;
        private Integer pubsubReconciliationIntervalMs;

        public AdvancedBaseClientConfigurationBuilder() {}

        public B pubsubReconciliationIntervalMs(Integer pubsubReconciliationIntervalMs) {
            this.pubsubReconciliationIntervalMs = pubsubReconciliationIntervalMs;
            return self();
        }

        public B connectionTimeout(Integer connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
            return self();
        }

        public B tlsAdvancedConfiguration(TlsAdvancedConfiguration tlsAdvancedConfiguration) {
            this.tlsAdvancedConfiguration = tlsAdvancedConfiguration;
            this.tlsAdvancedConfigurationSet = true;
            return self();
        }

        public B tcpNoDelay(Boolean tcpNoDelay) {
            this.tcpNoDelay = tcpNoDelay;
            return self();
        }

        protected abstract B self();

        public abstract C build();

        /** Fields of this level, rendered for {@code toString()}. */
        String describeBase() {
            return "connectionTimeout="
                    + connectionTimeout
                    + ", tlsAdvancedConfiguration="
                    + (tlsAdvancedConfigurationSet ? tlsAdvancedConfiguration : "<default>")
                    + ", tcpNoDelay="
                    + tcpNoDelay
                    + ", pubsubReconciliationIntervalMs="
                    + pubsubReconciliationIntervalMs;
        }

        @Override
        public String toString() {
            return "AdvancedBaseClientConfiguration.AdvancedBaseClientConfigurationBuilder("
                    + describeBase()
                    + ")";
        }
    }
}
