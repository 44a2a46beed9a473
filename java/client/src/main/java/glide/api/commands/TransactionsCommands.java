package glide.api.commands;

import glide.api.models.Batch;
import glide.api.models.Transaction;
import glide.api.models.commands.batch.BatchOptions;
import java.util.concurrent.CompletableFuture;

/** Batches (transactions and pipelines) on a standalone client. */
public interface TransactionsCommands extends TransactionsBaseCommands {
    /**
     * Runs {@code batch}: one result per command, in order; null when the batch is a transaction
     * that a changed watched key aborted. With {@code raiseOnError} the first command error fails
     * the future ({@code RequestException}); without, it is that command's element.
     */
    CompletableFuture<Object[]> exec(Batch batch, boolean raiseOnError);

    /** {@link #exec(Batch, boolean)} with a timeout for the whole batch. */
    CompletableFuture<Object[]> exec(Batch batch, boolean raiseOnError, BatchOptions options);

    /**
     * Runs a transaction with errors raised: {@code exec(transaction, true)}.
     *
     * @deprecated use {@link #exec(Batch, boolean)} with {@code new Batch(true)}.
     */
    @Deprecated
    CompletableFuture<Object[]> exec(Transaction transaction);

    /** UNWATCH: forgets every watched key. "OK". */
    CompletableFuture<String> unwatch();
}
