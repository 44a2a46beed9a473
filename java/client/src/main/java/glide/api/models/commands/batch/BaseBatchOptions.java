package glide.api.models.commands.batch;

/** What every batch execution may set: a timeout for the whole batch. */
public abstract class BaseBatchOptions {
    private final Integer timeout;

    protected BaseBatchOptions(BaseBatchOptionsBuilder<?, ?> builder) {
        this.timeout = builder.timeout;
    }

    /**
     * Milliseconds the whole batch may take before it fails with {@code TimeoutException}; null:
     * the client's request timeout.
     */
    public Integer getTimeout() {
        return timeout;
    }

    /** Builder; {@code C} is the options class, {@code B} the concrete builder. */
    public abstract static class BaseBatchOptionsBuilder<
            C extends BaseBatchOptions, B extends BaseBatchOptionsBuilder<C, B>> {
        private Integer timeout;

        public BaseBatchOptionsBuilder() {}

        @SuppressWarnings("unchecked")
        public B timeout(Integer timeout) {
            this.timeout = timeout;
            return (B) this;
        }

        public abstract C build();

        @Override
        public String toString() {
            return "BaseBatchOptions.BaseBatchOptionsBuilder(timeout=" + timeout + ")";
        }
    }
}
