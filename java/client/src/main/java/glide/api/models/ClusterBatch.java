package glide.api.models;

import glide.internal.commands.PubSubCommands;

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

    // ---- pub/sub (defined in glide.internal.commands.PubSubCommands) ----

    /**
     * Queues PUBLISH, or SPUBLISH if {@code sharded}, of {@code message} on {@code channel};
     * result: the count of receivers.
     */
    public <ArgType> ClusterBatch publish(ArgType message, ArgType channel, boolean sharded) {
        checkArgType(channel);
        return add(PubSubCommands.BINARY.publish(gs(message), gs(channel), sharded));
    }

    /** Queues PUBSUB SHARDNUMSUB; result: each shard channel's subscriber count (a map). */
    public <ArgType> ClusterBatch pubsubShardNumSub(ArgType[] channels) {
        checkArgType(channels);
        return add(PubSubCommands.BINARY.pubsubShardNumSub(gs(channels)));
    }

    /** Queues PUBSUB SHARDCHANNELS; result: the active shard channels. */
    public ClusterBatch pubsubShardChannels() {
        return add(PubSubCommands.BINARY.pubsubShardChannels());
    }

    /** Queues PUBSUB SHARDCHANNELS with a pattern; result: the matching active shard channels. */
    public <ArgType> ClusterBatch pubsubShardChannels(ArgType pattern) {
        checkArgType(pattern);
        return add(PubSubCommands.BINARY.pubsubShardChannels(gs(pattern)));
    }
}
