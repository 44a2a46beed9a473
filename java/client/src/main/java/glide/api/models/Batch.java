package glide.api.models;

import glide.api.GlideClient;

/**
 * A batch for {@link glide.api.GlideClient#exec(Batch, boolean)}: a transaction ({@code isAtomic}
 * true: MULTI/EXEC) or a pipeline (false). See {@link BaseBatch}.
 */
public class Batch extends BaseBatch<Batch> {
    public Batch(boolean isAtomic) {
        super(isAtomic);
    }

    @Override
    protected Batch getThis() {
        return this;
    }

    /** Records a standalone-only command on the recorder, a {@link GlideClient}. */
    private Batch standalone(java.util.function.Function<GlideClient, ? extends java.util.concurrent.CompletableFuture<?>> call) {
        return record(c -> call.apply((GlideClient) c));
    }

    public Batch select(long index) {
        return standalone(c -> c.select(index));
    }
}
