package glide.api.models.configuration;

/** The managed AWS service a cluster belongs to, used when signing IAM authentication tokens. */
public enum ServiceType {
    /** Amazon ElastiCache. */
    ELASTICACHE,
    /** Amazon MemoryDB. */
    MEMORYDB
}
