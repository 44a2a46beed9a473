package glide.api.models;

/**
 * A transaction on a cluster client: the same as {@code new ClusterBatch(true)}, which replaces
 * it. Kept because valkey-glide 2.3.1 still has it (deprecated), so code that uses it compiles and
 * runs unchanged; {@link glide.api.GlideClusterClient#exec(ClusterTransaction)} runs it with errors
 * raised.
 *
 * @deprecated use {@link ClusterBatch} with {@code isAtomic} true.
 */
@Deprecated
public class ClusterTransaction extends ClusterBatch {
    public ClusterTransaction() {
        super(true);
    }

    @Override
    protected ClusterTransaction getThis() {
        return this;
    }
}
