package glide.api.commands;

import glide.api.models.GlideString;
import java.util.concurrent.CompletableFuture;

/** WATCH: optimistic locking for the transactions of both clients. */
public interface TransactionsBaseCommands {
    /**
     * WATCH {@code keys}: the next transaction on this client's connection to their node runs only
     * if none of them changed meanwhile (otherwise its {@code exec} returns null). "OK".
     */
    CompletableFuture<String> watch(String[] keys);

    /** {@link #watch(String[])} for binary keys. */
    CompletableFuture<String> watch(GlideString[] keys);
}
