package glide.api.commands;

import glide.api.models.ClusterBatch;
import glide.api.models.ClusterTransaction;
import glide.api.models.commands.batch.ClusterBatchOptions;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import glide.api.models.configuration.RequestRoutingConfiguration.SingleNodeRoute;
import java.util.concurrent.CompletableFuture;

/** Batches (transactions and pipelines) on a cluster client. */
public interface TransactionsClusterCommands extends TransactionsBaseCommands {
    /**
     * Runs {@code batch}: a transaction on the node of its keys' slot (one slot for all its
     * keys), or a pipeline split per node; one result per command, in order (null: a transaction
     * aborted by a changed watched key). {@code raiseOnError} as for the standalone client.
     */
    CompletableFuture<Object[]> exec(ClusterBatch batch, boolean raiseOnError);

    /** {@link #exec(ClusterBatch, boolean)} with a timeout, a node to send to, retries. */
    CompletableFuture<Object[]> exec(ClusterBatch batch, boolean raiseOnError, ClusterBatchOptions options);

    /**
     * Runs a transaction with errors raised: {@code exec(transaction, true)}.
     *
     * @deprecated use {@link #exec(ClusterBatch, boolean)} with {@code new ClusterBatch(true)}.
     */
    @Deprecated
    CompletableFuture<Object[]> exec(ClusterTransaction transaction);

    /**
     * Runs a transaction with errors raised on the node {@code route} names instead of its keys'
     * slot owner: {@code exec(transaction, true, options with route)}.
     *
     * @deprecated use {@link #exec(ClusterBatch, boolean, ClusterBatchOptions)} with a route.
     */
    @Deprecated
    CompletableFuture<Object[]> exec(ClusterTransaction transaction, SingleNodeRoute route);

    /** UNWATCH on every primary. "OK". */
    CompletableFuture<String> unwatch();

    /** UNWATCH on the nodes {@code route} names. "OK". */
    CompletableFuture<String> unwatch(Route route);
}
