package glide.api.models.commands;

/** Holder for the {@link Section} values accepted by the INFO command. */
public final class InfoOptions {

    public InfoOptions() {}

    /**
     * A section of the INFO report. The name sent to the server is the enum constant's name in
     * lower case (for example {@code COMMANDSTATS} is sent as {@code commandstats}).
     */
    public enum Section {
        /** General information about the server. */
        SERVER,
        /** Client connections. */
        CLIENTS,
        /** Memory consumption. */
        MEMORY,
        /** RDB and AOF persistence. */
        PERSISTENCE,
        /** General statistics. */
        STATS,
        /** Primary/replica replication. */
        REPLICATION,
        /** CPU consumption. */
        CPU,
        /** Per-command statistics. */
        COMMANDSTATS,
        /** Per-command latency percentiles. */
        LATENCYSTATS,
        /** Sentinel information (sentinel instances only). */
        SENTINEL,
        /** Cluster information. */
        CLUSTER,
        /** Loaded modules. */
        MODULES,
        /** Per-database key statistics. */
        KEYSPACE,
        /** Error statistics. */
        ERRORSTATS,
        /** All sections except module-generated ones and the very verbose ones. */
        ALL,
        /** The default set of sections. */
        DEFAULT,
        /** Every section, including module-generated ones. */
        EVERYTHING
    }
}
