package glide.api.models.configuration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Settings shared by the standalone and cluster clients: seed addresses, TLS, credentials, read
 * policy, timeouts and so on.
 *
 * <p>Values not set on the builder are null (or false) and mean "use the client's default"; the
 * exceptions are {@link #getAddresses()} (empty list), {@link #getReadFrom()} ({@link
 * ReadFrom#PRIMARY}) and {@link #getProtocol()} ({@link ProtocolVersion#RESP3}). No validation is
 * done here; the client checks the configuration when it connects.
 */
public abstract class BaseClientConfiguration {

    private final List<NodeAddress> addresses;
    private final boolean useTLS;
    private final ReadFrom readFrom;
    private final ServerCredentials credentials;
    private final Integer requestTimeout;
    private final String clientName;
    private final String libName;
    private final ProtocolVersion protocol;
    private final Integer inflightRequestsLimit;
    private final String clientAZ;
    private final BackoffStrategy reconnectStrategy;
    private final Integer databaseId;
    private final boolean lazyConnect;

    protected BaseClientConfiguration(BaseClientConfigurationBuilder<?, ?> b) {
        this.addresses =
                b.addresses.isEmpty()
                        ? Collections.<NodeAddress>emptyList()
                        : Collections.unmodifiableList(new ArrayList<>(b.addresses));
        this.useTLS = b.useTLS;
        this.readFrom = b.readFromSet ? b.readFrom : ReadFrom.PRIMARY;
        this.credentials = b.credentials;
        this.requestTimeout = b.requestTimeout;
        this.clientName = b.clientName;
        this.libName = b.libName;
        this.protocol = b.protocolSet ? b.protocol : ProtocolVersion.RESP3;
        this.inflightRequestsLimit = b.inflightRequestsLimit;
        this.clientAZ = b.clientAZ;
        this.reconnectStrategy = b.reconnectStrategy;
        this.databaseId = b.databaseId;
        this.lazyConnect = b.lazyConnect;
    }

    /** Subscriptions to establish on connection, or null for none. */
    public abstract BaseSubscriptionConfiguration getSubscriptionConfiguration();

    /** Less common settings; never null unless explicitly set so. */
    public abstract AdvancedBaseClientConfiguration getAdvancedConfiguration();

    /**
     * Seed addresses (unmodifiable). For a standalone client, the server(s) to connect to; for a
     * cluster client, nodes from which the rest of the topology is discovered.
     */
    public List<NodeAddress> getAddresses() {
        return addresses;
    }

    /** Whether connections use TLS. Defaults to false. */
    public boolean isUseTLS() {
        return useTLS;
    }

    /** Which nodes serve reads. Defaults to {@link ReadFrom#PRIMARY}. */
    public ReadFrom getReadFrom() {
        return readFrom;
    }

    /** Authentication settings, or null to connect without authenticating. */
    public ServerCredentials getCredentials() {
        return credentials;
    }

    /** Milliseconds a request may take, including retries and reconnections; null = default. */
    public Integer getRequestTimeout() {
        return requestTimeout;
    }

    /** Name set with CLIENT SETNAME on every connection, or null. */
    public String getClientName() {
        return clientName;
    }

    /** Library name reported through CLIENT SETINFO, or null for the client's own. */
    public String getLibName() {
        return libName;
    }

    /** Protocol version to negotiate. Defaults to {@link ProtocolVersion#RESP3}. */
    public ProtocolVersion getProtocol() {
        return protocol;
    }

    /** Maximum number of requests awaiting a reply at once; null = default. */
    public Integer getInflightRequestsLimit() {
        return inflightRequestsLimit;
    }

    /** Availability zone of the client, used by the AZ-affinity read policies; may be null. */
    public String getClientAZ() {
        return clientAZ;
    }

    /** Reconnection backoff, or null for the default strategy. */
    public BackoffStrategy getReconnectStrategy() {
        return reconnectStrategy;
    }

    /** Logical database selected on connection, or null for database 0. */
    public Integer getDatabaseId() {
        return databaseId;
    }

    /** Whether connecting is deferred until the first request. Defaults to false. */
    public boolean isLazyConnect() {
        return lazyConnect;
    }

    /** The shared fields, rendered for {@code toString()}; credentials are never included. */
    String describeBase() {
        return "addresses="
                + addresses
                + ", useTLS="
                + useTLS
                + ", readFrom="
                + readFrom
                + ", credentials="
                + (credentials == null ? "null" : "<set>")
                + ", requestTimeout="
                + requestTimeout
                + ", clientName="
                + clientName
                + ", libName="
                + libName
                + ", protocol="
                + protocol
                + ", inflightRequestsLimit="
                + inflightRequestsLimit
                + ", clientAZ="
                + clientAZ
                + ", reconnectStrategy="
                + reconnectStrategy
                + ", databaseId="
                + databaseId
                + ", lazyConnect="
                + lazyConnect;
    }

    /**
     * Builder for the shared settings.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class BaseClientConfigurationBuilder<
            C extends BaseClientConfiguration, B extends BaseClientConfigurationBuilder<C, B>> {

        private final ArrayList<NodeAddress> addresses = new ArrayList<>();
        private boolean useTLS;
        private boolean readFromSet;
        private ReadFrom readFrom;
        private ServerCredentials credentials;
        private Integer requestTimeout;
        private String clientName;
        private String libName;
        private boolean protocolSet;
        private ProtocolVersion protocol;
        private Integer inflightRequestsLimit;
        private String clientAZ;
        private BackoffStrategy reconnectStrategy;
        private Integer databaseId;
        private boolean lazyConnect;

        public BaseClientConfigurationBuilder() {}

        /** Appends one seed address. */
        public B address(NodeAddress address) {
            addresses.add(address);
            return self();
        }

        /**
         * Appends all the given seed addresses.
         *
         * @throws NullPointerException if {@code addresses} is null
         */
        public B addresses(Collection<? extends NodeAddress> addresses) {
            if (addresses == null) {
                throw new NullPointerException("addresses cannot be null");
            }
            this.addresses.addAll(addresses);
            return self();
        }

        /** Removes every seed address added so far. */
        public B clearAddresses() {
            addresses.clear();
            return self();
        }

        public B useTLS(boolean useTLS) {
            this.useTLS = useTLS;
            return self();
        }

        public B readFrom(ReadFrom readFrom) {
            this.readFrom = readFrom;
            this.readFromSet = true;
            return self();
        }

        public B credentials(ServerCredentials credentials) {
            this.credentials = credentials;
            return self();
        }

        public B requestTimeout(Integer requestTimeout) {
            this.requestTimeout = requestTimeout;
            return self();
        }

        public B clientName(String clientName) {
            this.clientName = clientName;
            return self();
        }

        public B libName(String libName) {
            this.libName = libName;
            return self();
        }

        public B protocol(ProtocolVersion protocol) {
            this.protocol = protocol;
            this.protocolSet = true;
            return self();
        }

        public B inflightRequestsLimit(Integer inflightRequestsLimit) {
            this.inflightRequestsLimit = inflightRequestsLimit;
            return self();
        }

        public B clientAZ(String clientAZ) {
            this.clientAZ = clientAZ;
            return self();
        }

        public B reconnectStrategy(BackoffStrategy reconnectStrategy) {
            this.reconnectStrategy = reconnectStrategy;
            return self();
        }

        public B databaseId(Integer databaseId) {
            this.databaseId = databaseId;
            return self();
        }

        public B lazyConnect(boolean lazyConnect) {
            this.lazyConnect = lazyConnect;
            return self();
        }

        protected abstract B self();

        public abstract C build();

        /** The shared fields, rendered for {@code toString()}; credentials are never included. */
        String describeBase() {
            return "addresses="
                    + addresses
                    + ", useTLS="
                    + useTLS
                    + ", readFrom="
                    + (readFromSet ? readFrom : "<default>")
                    + ", credentials="
                    + (credentials == null ? "null" : "<set>")
                    + ", requestTimeout="
                    + requestTimeout
                    + ", clientName="
                    + clientName
                    + ", libName="
                    + libName
                    + ", protocol="
                    + (protocolSet ? protocol : "<default>")
                    + ", inflightRequestsLimit="
                    + inflightRequestsLimit
                    + ", clientAZ="
                    + clientAZ
                    + ", reconnectStrategy="
                    + reconnectStrategy
                    + ", databaseId="
                    + databaseId
                    + ", lazyConnect="
                    + lazyConnect;
        }

        @Override
        public String toString() {
            return "BaseClientConfiguration.BaseClientConfigurationBuilder(" + describeBase() + ")";
        }
    }
}
