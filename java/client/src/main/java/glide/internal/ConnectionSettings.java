package glide.internal;

import glide.api.models.GlideString;
import glide.api.models.configuration.BaseSubscriptionConfiguration;
import glide.api.models.configuration.PubSubOverflowPolicy;
import java.util.Map;
import java.util.Set;

import glide.api.models.configuration.AdvancedBaseClientConfiguration;
import glide.api.models.configuration.BackoffStrategy;
import glide.api.models.configuration.BaseClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.ReadFrom;
import glide.api.models.configuration.IamAuthConfig;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.configuration.ServiceType;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConfigurationError;
import java.util.List;

/**
 * A client configuration checked and flattened for the native call. Every rule that can be
 * checked without a server is checked here, so bad settings fail with {@link
 * ConfigurationError} before any connection is tried.
 */
public final class ConnectionSettings {
    /** Defaults, as in valkey-glide. */
    public static final int DEFAULT_REQUEST_TIMEOUT_MS = 250;

    public static final int DEFAULT_INFLIGHT_LIMIT = 1000;
    public static final int DEFAULT_CONNECTION_TIMEOUT_MS = 2000;

    final String[] hosts;
    final int[] ports;
    final String username;
    final String password;
    final String clientName;
    final long databaseId;
    final int requestTimeoutMs;
    final int inflightLimit;
    final int protocol;
    /** The reconnect backoff, each value at its {@link Wire.Reconnect} index. */
    final int[] backoff;
    final int connectionTimeoutMs;
    /**
     * {@code pubsubReconciliationIntervalMs}: how often a client with pub/sub in use checks its
     * subscriptions; 0 (unset, or not positive) keeps the core's default (3000, as valkey-glide).
     */
    final int pubsubCheckMs;
    final boolean lazyConnect;
    /** A cluster client. */
    final boolean cluster;
    /**
     * A {@link Wire.ReadFrom} code: a cluster's, or a standalone client's given a primary and
     * replicas.
     */
    final int readFrom;
    /** The client's availability zone (clientAZ); null when not set. */
    final String clientAz;
    /** A standalone client's read-only mode: commands that write are refused. */
    final boolean readOnly;
    /** TLS on every connection; null: plaintext. */
    final TlsMaterial tls;
    /** IAM authentication (the token is the password); null: none. */
    final IamSettings iam;

    /** The core's code for {@code protocol}; null is the default, RESP3. */
    private static int protocolCode(ProtocolVersion protocol) {
        if (protocol == null) {
            return Wire.Protocol.RESP3;
        }
        switch (protocol) {
            case RESP2:
                return Wire.Protocol.RESP2;
            case RESP3:
                return Wire.Protocol.RESP3;
            default:
                throw new ConfigurationError("protocol " + protocol + " is not known to glide-jni");
        }
    }

    private static int readFromCode(ReadFrom read) {
        switch (read) {
            case PRIMARY:
                return Wire.ReadFrom.PRIMARY;
            case PREFER_REPLICA:
                return Wire.ReadFrom.PREFER_REPLICA;
            case AZ_AFFINITY:
                return Wire.ReadFrom.AZ_AFFINITY;
            case AZ_AFFINITY_REPLICAS_AND_PRIMARY:
                return Wire.ReadFrom.AZ_AFFINITY_REPLICAS_AND_PRIMARY;
            default:
                throw new ConfigurationError("readFrom " + read + " is not known to glide-jni");
        }
    }

    /** The checked IAM settings of a configuration. */
    static final class IamSettings {
        final String clusterName;
        final int service;
        final String region;
        /** 0: the default (300 s). */
        final int refreshIntervalSeconds;

        private IamSettings(String clusterName, int service, String region, int refreshIntervalSeconds) {
            this.clusterName = clusterName;
            this.service = service;
            this.region = region;
            this.refreshIntervalSeconds = refreshIntervalSeconds;
        }

        static IamSettings of(IamAuthConfig c) {
            if (c.getClusterName() == null || c.getClusterName().isEmpty()) {
                throw new ConfigurationError("iamConfig needs a clusterName");
            }
            if (c.getService() == null) {
                throw new ConfigurationError("iamConfig needs a service: ELASTICACHE or MEMORYDB");
            }
            if (c.getRegion() == null || c.getRegion().isEmpty()) {
                throw new ConfigurationError("iamConfig needs a region, e.g. us-east-1");
            }
            Integer refresh = c.getRefreshIntervalSeconds();
            if (refresh != null && (refresh < 1 || refresh >= 43_200)) {
                throw new ConfigurationError(
                        "iamConfig.refreshIntervalSeconds must be between 1 and 43199 (under 12 hours), got " + refresh);
            }
            return new IamSettings(
                    c.getClusterName(),
                    c.getService() == ServiceType.MEMORYDB ? Wire.IamService.MEMORYDB : Wire.IamService.ELASTICACHE,
                    c.getRegion(),
                    refresh == null ? 0 : refresh);
        }
    }

    /** Subscriptions: names and their modes (0 exact, 1 pattern, 2 sharded); null: none. */
    byte[][] subscriptionNames;

    int[] subscriptionModes;
    long backlogLimitBytes = BaseSubscriptionConfiguration.DEFAULT_BACKLOG_LIMIT_BYTES;
    /** 0: drop oldest; 1: drop newest. */
    int overflowPolicy;

    private ConnectionSettings(
            BaseClientConfiguration c, AdvancedBaseClientConfiguration advanced, boolean cluster) {
        this.cluster = cluster;
        if (c == null) {
            throw new ConfigurationError("the configuration must not be null");
        }
        List<NodeAddress> addresses = c.getAddresses();
        if (addresses == null || addresses.isEmpty()) {
            throw new ConfigurationError(
                    "no address configured: add at least one NodeAddress with address(...)");
        }
        hosts = new String[addresses.size()];
        ports = new int[addresses.size()];
        for (int i = 0; i < addresses.size(); i++) {
            NodeAddress a = addresses.get(i);
            if (a == null) {
                throw new ConfigurationError("address " + i + " is null");
            }
            String host = a.getHost();
            Integer port = a.getPort();
            if (host == null || host.trim().isEmpty()) {
                throw new ConfigurationError("address " + i + " has no host");
            }
            if (port == null || port < 1 || port > 65535) {
                throw new ConfigurationError(
                        "port " + port + " of " + host + " is out of range: use 1-65535");
            }
            hosts[i] = host;
            ports[i] = port;
        }
        TlsAdvancedConfiguration tlsOptions = advanced == null ? null : advanced.getTlsAdvancedConfiguration();
        if (!c.isUseTLS() && tlsOptions != null) {
            if (tlsOptions.isUseInsecureTLS()) {
                // valkey-glide's words and class.
                throw new ConfigurationError("'useInsecureTLS' cannot be enabled when 'useTLS' is disabled.");
            }
            if (TlsMaterial.hasAnyMaterial(tlsOptions)) {
                throw new ConfigurationError(
                        "TLS settings (certificates, key stores, useJvmTrustStore) are given but useTLS is false: set useTLS(true)");
            }
        }
        tls = c.isUseTLS() ? TlsMaterial.of(tlsOptions) : null;
        ReadFrom read = c.getReadFrom() == null ? ReadFrom.PRIMARY : c.getReadFrom();
        readOnly = c instanceof GlideClientConfiguration && ((GlideClientConfiguration) c).isReadOnly();
        boolean azStrategy = read == ReadFrom.AZ_AFFINITY || read == ReadFrom.AZ_AFFINITY_REPLICAS_AND_PRIMARY;
        if (readOnly && azStrategy && c.getClientAZ() != null) {
            // valkey-glide's class; without clientAZ its AZ strategies fall back to PREFER_REPLICA first.
            throw new ClosingException(
                    "Failed to create client - read-only mode is not compatible with AZ_AFFINITY or"
                            + " AZ_AFFINITY_REPLICAS_AND_PRIMARY");
        }
        readFrom = readFromCode(read);
        clientAz = c.getClientAZ();
        ServerCredentials credentials = c.getCredentials();
        IamAuthConfig iamConfig = credentials == null ? null : credentials.getIamConfig();
        if (iamConfig != null) {
            if (credentials.getPassword() != null) {
                throw new ConfigurationError(
                        "credentials take either a password or an iamConfig, not both: the IAM token is the password");
            }
            if (credentials.getUsername() == null) {
                throw new ConfigurationError("IAM authentication needs a username: the ACL user the token authenticates");
            }
            iam = IamSettings.of(iamConfig);
            username = credentials.getUsername();
            password = null;
        } else if (credentials != null) {
            if (credentials.getPassword() == null) {
                throw new ConfigurationError("credentials need a password");
            }
            iam = null;
            username = credentials.getUsername();
            password = credentials.getPassword();
        } else {
            iam = null;
            username = null;
            password = null;
        }
        clientName = c.getClientName();
        Integer db = c.getDatabaseId();
        if (db != null && db < 0) {
            throw new ConfigurationError("databaseId must not be negative, got " + db);
        }
        databaseId = db == null ? 0 : db;
        requestTimeoutMs = positive(c.getRequestTimeout(), DEFAULT_REQUEST_TIMEOUT_MS, "requestTimeout");
        inflightLimit =
                positive(c.getInflightRequestsLimit(), DEFAULT_INFLIGHT_LIMIT, "inflightRequestsLimit");
        protocol = protocolCode(c.getProtocol());
        BackoffStrategy b = c.getReconnectStrategy();
        // No strategy: every value's default, as for a strategy that leaves them all unset.
        backoff = new int[Wire.Reconnect.LEN];
        backoff[Wire.Reconnect.NUM_OF_RETRIES] =
                nonNegative(b == null ? null : b.getNumOfRetries(), 8, "reconnectStrategy.numOfRetries");
        backoff[Wire.Reconnect.FACTOR] = nonNegative(b == null ? null : b.getFactor(), 10, "reconnectStrategy.factor");
        backoff[Wire.Reconnect.EXPONENT_BASE] =
                positive(b == null ? null : b.getExponentBase(), 2, "reconnectStrategy.exponentBase");
        backoff[Wire.Reconnect.JITTER_PERCENT] = percent(b == null ? null : b.getJitterPercent());
        Integer connectionTimeout = advanced == null ? null : advanced.getConnectionTimeout();
        connectionTimeoutMs =
                positive(connectionTimeout, DEFAULT_CONNECTION_TIMEOUT_MS, "connectionTimeout");
        Integer reconciliation = advanced == null ? null : advanced.getPubsubReconciliationIntervalMs();
        pubsubCheckMs = reconciliation == null ? 0 : Math.max(reconciliation, 0);
        lazyConnect = c.isLazyConnect();
    }

    /** Validates {@code config}; throws {@link ConfigurationError} naming the first bad setting. */
    public static ConnectionSettings of(
            BaseClientConfiguration config, AdvancedBaseClientConfiguration advanced) {
        return new ConnectionSettings(config, advanced, false);
    }

    /** As {@link #of} for a cluster client. */
    public static ConnectionSettings ofCluster(
            BaseClientConfiguration config, AdvancedBaseClientConfiguration advanced) {
        return new ConnectionSettings(config, advanced, true);
    }

    private static int positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new ConfigurationError(name + " must be positive, got " + value);
        }
        return value;
    }

    private static int nonNegative(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value < 0) {
            throw new ConfigurationError(name + " must not be negative, got " + value);
        }
        return value;
    }

    private static int percent(Integer value) {
        if (value == null) {
            return 20;
        }
        if (value < 0 || value > 100) {
            throw new ConfigurationError(
                    "reconnectStrategy.jitterPercent must be between 0 and 100, got " + value);
        }
        return value;
    }

    /**
     * Throws {@link ConfigurationError} when {@code config} has subscriptions (even none listed)
     * and asks for RESP2: messages arrive as RESP3 pushes on the client's own connection. Thrown,
     * not returned as a failed future, and with valkey-glide 2.3.1's words, because its callers
     * ({@code assertThrows(ConfigurationError.class, () -> createClient(config))}) expect that
     * (issue 15).
     */
    public static void requireResp3ForSubscriptions(glide.api.models.configuration.BaseClientConfiguration config) {
        if (config != null && config.getSubscriptionConfiguration() != null && config.getProtocol() == ProtocolVersion.RESP2) {
            throw new ConfigurationError(RESP3_FOR_SUBSCRIPTIONS);
        }
    }

    private static final String RESP3_FOR_SUBSCRIPTIONS =
            "PubSub subscriptions require RESP3 protocol: messages arrive as RESP3 pushes on the client's own connection";

    /**
     * Adds the subscriptions of {@code config} ({@code byMode}: names by mode, the modes' ordinals
     * being 0 exact, 1 pattern, 2 sharded). Throws {@link ConfigurationError} for RESP2 (messages
     * arrive as RESP3 pushes on the client's own connection) or a non-positive backlog bound.
     */
    public void subscribe(BaseSubscriptionConfiguration config, Map<? extends Enum<?>, Set<GlideString>> byMode) {
        if (protocol != Wire.Protocol.RESP3) {
            throw new ConfigurationError(RESP3_FOR_SUBSCRIPTIONS);
        }
        if (config.getBacklogLimitBytes() <= 0) {
            throw new ConfigurationError("backlogLimitBytes must be positive, got " + config.getBacklogLimitBytes());
        }
        List<byte[]> names = new java.util.ArrayList<>();
        List<Integer> modes = new java.util.ArrayList<>();
        if (byMode != null) {
            for (Map.Entry<? extends Enum<?>, Set<GlideString>> e : byMode.entrySet()) {
                for (GlideString name : e.getValue()) {
                    if (name == null) {
                        throw new ConfigurationError("a subscription's channel or pattern must not be null");
                    }
                    names.add(name.getBytes());
                    modes.add(e.getKey().ordinal());
                }
            }
        }
        subscriptionNames = names.toArray(new byte[0][]);
        subscriptionModes = modes.stream().mapToInt(Integer::intValue).toArray();
        backlogLimitBytes = config.getBacklogLimitBytes();
        overflowPolicy = config.getOverflowPolicy() == PubSubOverflowPolicy.DROP_NEWEST ? Wire.Overflow.DROP_NEWEST : Wire.Overflow.DROP_OLDEST;
    }

    /** "host:port" of the first configured address (the standalone node). */
    public String firstAddress() {
        return hosts[0] + ":" + ports[0];
    }
}
