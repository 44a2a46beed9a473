package glide.api.models.commands.batch;

import glide.api.models.configuration.RequestRoutingConfiguration.SingleNodeRoute;

/**
 * Options for running a {@link glide.api.models.ClusterBatch}: a node to send the whole batch to
 * (a redirect then moves the whole transaction, or only the redirected commands of a pipeline),
 * and what a pipeline retries.
 */
public class ClusterBatchOptions extends BaseBatchOptions {
    private final SingleNodeRoute route;
    private final ClusterBatchRetryStrategy retryStrategy;

    protected ClusterBatchOptions(ClusterBatchOptionsBuilder<?, ?> builder) {
        super(builder);
        this.route = builder.route;
        this.retryStrategy = builder.retryStrategy;
    }

    public static ClusterBatchOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    public SingleNodeRoute getRoute() {
        return route;
    }

    public ClusterBatchRetryStrategy getRetryStrategy() {
        return retryStrategy;
    }

    @Override
    public String toString() {
        return "ClusterBatchOptions(timeout=" + getTimeout() + ", route=" + route + ", retryStrategy=" + retryStrategy + ")";
    }

    public abstract static class ClusterBatchOptionsBuilder<
                    C extends ClusterBatchOptions, B extends ClusterBatchOptionsBuilder<C, B>>
            extends BaseBatchOptionsBuilder<C, B> {
        private SingleNodeRoute route;
        private ClusterBatchRetryStrategy retryStrategy;

        public ClusterBatchOptionsBuilder() {}

        @SuppressWarnings("unchecked")
        public B route(SingleNodeRoute route) {
            this.route = route;
            return (B) this;
        }

        @SuppressWarnings("unchecked")
        public B retryStrategy(ClusterBatchRetryStrategy retryStrategy) {
            this.retryStrategy = retryStrategy;
            return (B) this;
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "ClusterBatchOptions.ClusterBatchOptionsBuilder(super="
                    + super.toString()
                    + ", route="
                    + route
                    + ", retryStrategy="
                    + retryStrategy
                    + ")";
        }
    }

    private static final class Builder extends ClusterBatchOptionsBuilder<ClusterBatchOptions, Builder> {
        @Override
        public ClusterBatchOptions build() {
            return new ClusterBatchOptions(this);
        }
    }
}
