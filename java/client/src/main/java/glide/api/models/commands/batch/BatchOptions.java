package glide.api.models.commands.batch;

/** Options for running a {@link glide.api.models.Batch} on a standalone client. */
public class BatchOptions extends BaseBatchOptions {
    protected BatchOptions(BatchOptionsBuilder<?, ?> builder) {
        super(builder);
    }

    public static BatchOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "BatchOptions(timeout=" + getTimeout() + ")";
    }

    public abstract static class BatchOptionsBuilder<C extends BatchOptions, B extends BatchOptionsBuilder<C, B>>
            extends BaseBatchOptionsBuilder<C, B> {
        public BatchOptionsBuilder() {}

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "BatchOptions.BatchOptionsBuilder(super=" + super.toString() + ")";
        }
    }

    private static final class Builder extends BatchOptionsBuilder<BatchOptions, Builder> {
        @Override
        public BatchOptions build() {
            return new BatchOptions(this);
        }
    }
}
