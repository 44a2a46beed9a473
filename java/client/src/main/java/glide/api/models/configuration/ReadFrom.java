package glide.api.models.configuration;

/** Policy selecting which node serves read-only commands. */
public enum ReadFrom {
    /** Always read from the primary, so reads see the latest writes. This is the default. */
    PRIMARY,
    /** Spread reads over replicas (round robin), falling back to the primary if none is usable. */
    PREFER_REPLICA,
    /**
     * Prefer replicas in the client's availability zone (see {@code clientAZ}), then other
     * replicas, then the primary.
     */
    AZ_AFFINITY,
    /**
     * Prefer any node (replica or primary) in the client's availability zone, then replicas
     * elsewhere, then the primary.
     */
    AZ_AFFINITY_REPLICAS_AND_PRIMARY
}
