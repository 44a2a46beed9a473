package glide.api.models;

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
}
