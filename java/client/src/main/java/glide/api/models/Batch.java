package glide.api.models;

import glide.internal.commands.ConnectionCommands;
import glide.internal.commands.KeyCommands;

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

    // ---- standalone-only commands: defined in ConnectionCommands and KeyCommands ----

    /** Queues SELECT; result: {@code OK}. Later commands of the batch use database {@code index}. */
    public Batch select(long index) {
        return add(ConnectionCommands.BINARY.select(index));
    }

    /** Queues SCAN from {@code cursor}; result: the next cursor and the keys of this step. */
    public <ArgType> Batch scan(ArgType cursor) {
        checkArgType(cursor);
        return add(KeyCommands.BINARY.scan(gs(cursor)));
    }

    /** Queues SCAN with MATCH/COUNT/TYPE; result: the next cursor and the keys of this step. */
    public <ArgType> Batch scan(ArgType cursor, glide.api.models.commands.scan.ScanOptions options) {
        checkArgType(cursor);
        return add(KeyCommands.BINARY.scan(gs(cursor), options));
    }
}
