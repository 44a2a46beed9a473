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

    /** Queues SELECT; result: {@code OK}. Later commands of the batch use database {@code index}. */
    public Batch select(long index) {
        return standalone(c -> c.select(index));
    }

    /** Queues SCAN from {@code cursor}; result: the next cursor and the keys of this step. */
    public <ArgType> Batch scan(ArgType cursor) {
        checkArgType(cursor);
        return standalone(c -> c.scan(gs(cursor)));
    }

    /** Queues SCAN with MATCH/COUNT/TYPE; result: the next cursor and the keys of this step. */
    public <ArgType> Batch scan(ArgType cursor, glide.api.models.commands.scan.ScanOptions options) {
        checkArgType(cursor);
        return standalone(c -> c.scan(gs(cursor), options));
    }
}
