package glide.api.models.commands.batch;

/**
 * What a non-atomic cluster batch retries (both off by default). Retrying a server error
 * ({@code TRYAGAIN}, {@code CLUSTERDOWN}, {@code MASTERDOWN}, after a wait of 1280 ms or more)
 * may reorder commands on one slot; retrying after a connection error may run a command twice,
 * since it may have reached the server before the connection broke. Atomic batches ignore this
 * strategy: one refused with those server errors is sent again whole after the same waits.
 */
public class ClusterBatchRetryStrategy {
    private final boolean retryServerError;
    private final boolean retryConnectionError;

    ClusterBatchRetryStrategy(boolean retryServerError, boolean retryConnectionError) {
        this.retryServerError = retryServerError;
        this.retryConnectionError = retryConnectionError;
    }

    public static ClusterBatchRetryStrategyBuilder builder() {
        return new ClusterBatchRetryStrategyBuilder();
    }

    public boolean isRetryServerError() {
        return retryServerError;
    }

    public boolean isRetryConnectionError() {
        return retryConnectionError;
    }

    public static class ClusterBatchRetryStrategyBuilder {
        private boolean retryServerError;
        private boolean retryConnectionError;

        ClusterBatchRetryStrategyBuilder() {}

        public ClusterBatchRetryStrategyBuilder retryServerError(boolean retryServerError) {
            this.retryServerError = retryServerError;
            return this;
        }

        public ClusterBatchRetryStrategyBuilder retryConnectionError(boolean retryConnectionError) {
            this.retryConnectionError = retryConnectionError;
            return this;
        }

        public ClusterBatchRetryStrategy build() {
            return new ClusterBatchRetryStrategy(retryServerError, retryConnectionError);
        }

        @Override
        public String toString() {
            return "ClusterBatchRetryStrategy.ClusterBatchRetryStrategyBuilder(retryServerError="
                    + retryServerError
                    + ", retryConnectionError="
                    + retryConnectionError
                    + ")";
        }
    }
}
