package glide.api.models;

import glide.internal.Args;

/**
 * A batch for {@link glide.api.GlideClusterClient#exec(ClusterBatch, boolean)}: a transaction
 * ({@code isAtomic} true: MULTI/EXEC on the node of its keys' slot, which must be one) or a
 * pipeline (false: each command goes to its own node; results come back in order). See {@link
 * BaseBatch}.
 */
public class ClusterBatch extends BaseBatch<ClusterBatch> {
    public ClusterBatch(boolean isAtomic) {
        super(isAtomic);
    }

    @Override
    protected ClusterBatch getThis() {
        return this;
    }

    /**
     * Queues PUBLISH, or SPUBLISH if {@code sharded}, of {@code message} on {@code channel};
     * result: the count of receivers.
     */
    public <ArgType> ClusterBatch publish(ArgType message, ArgType channel, boolean sharded) {
        commands().add(Args.command(sharded ? "SPUBLISH" : "PUBLISH", 3).add(gs(channel)).add(gs(message)).build());
        return this;
    }

    /** Queues PUBSUB SHARDNUMSUB; result: each shard channel's subscriber count (a map). */
    public <ArgType> ClusterBatch pubsubShardNumSub(ArgType[] channels) {
        GlideString[] names = gs(channels);
        commands().add(Args.command("PUBSUB", 2 + names.length).add("SHARDNUMSUB").addAll(names).build());
        return this;
    }

    /** Queues PUBSUB SHARDCHANNELS; result: the active shard channels. */
    public ClusterBatch pubsubShardChannels() {
        commands().add(Args.command("PUBSUB", 2).add("SHARDCHANNELS").build());
        return this;
    }

    /** Queues PUBSUB SHARDCHANNELS with a pattern; result: the matching active shard channels. */
    public <ArgType> ClusterBatch pubsubShardChannels(ArgType pattern) {
        commands().add(Args.command("PUBSUB", 3).add("SHARDCHANNELS").add(gs(pattern)).build());
        return this;
    }
}
