package glide.api.models.commands.stream;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Options of XREADGROUP: those of {@link StreamReadOptions} plus {@code NOACK} (delivered entries
 * are not added to the group's pending list, as if acknowledged at once).
 */
public final class StreamReadGroupOptions extends StreamReadOptions {
    public static final String READ_GROUP_VALKEY_API = "GROUP";
    public static final String READ_NOACK_VALKEY_API = "NOACK";

    private final boolean noack;

    protected StreamReadGroupOptions(StreamReadGroupOptionsBuilder<?, ?> builder) {
        super(builder);
        this.noack = builder.noack;
    }

    public static StreamReadGroupOptionsBuilder<?, ?> builder() {
        return new StreamReadGroupOptionsBuilderImpl();
    }

    /**
     * {@code GROUP group consumer [COUNT n] [BLOCK ms] [NOACK] STREAMS}; group and consumer are
     * Strings or GlideStrings.
     */
    public <ArgType> GlideString[] toArgs(ArgType group, ArgType consumer) {
        List<GlideString> args = new ArrayList<>();
        args.add(GlideString.of(READ_GROUP_VALKEY_API));
        args.add(GlideString.of(group));
        args.add(GlideString.of(consumer));
        for (String option : groupOptions()) {
            args.add(GlideString.of(option));
        }
        return args.toArray(new GlideString[0]);
    }

    /** {@code GROUP group consumer [COUNT n] [BLOCK ms] [NOACK] STREAMS key... id...}. */
    public String[] toArgs(String group, String consumer, Map<String, String> streams) {
        List<String> args = new ArrayList<>();
        args.add(READ_GROUP_VALKEY_API);
        args.add(group);
        args.add(consumer);
        args.addAll(groupOptions());
        args.addAll(streams.keySet());
        args.addAll(streams.values());
        return args.toArray(new String[0]);
    }

    /** {@link #toArgs(String, String, Map)} with binary names, keys and IDs. */
    public GlideString[] toArgsBinary(
            GlideString group, GlideString consumer, Map<GlideString, GlideString> streams) {
        List<GlideString> args = new ArrayList<>();
        args.add(GlideString.of(READ_GROUP_VALKEY_API));
        args.add(group);
        args.add(consumer);
        for (String option : groupOptions()) {
            args.add(GlideString.of(option));
        }
        args.addAll(streams.keySet());
        args.addAll(streams.values());
        return args.toArray(new GlideString[0]);
    }

    /** {@code [COUNT n] [BLOCK ms] [NOACK] STREAMS}. */
    private List<String> groupOptions() {
        List<String> args = new ArrayList<>();
        countAndBlock(args);
        if (noack) {
            args.add(READ_NOACK_VALKEY_API);
        }
        args.add(READ_STREAMS_VALKEY_API);
        return args;
    }

    /** Builds {@link StreamReadGroupOptions}; see {@link StreamReadOptionsBuilder}. */
    public abstract static class StreamReadGroupOptionsBuilder<
                    C extends StreamReadGroupOptions, B extends StreamReadGroupOptionsBuilder<C, B>>
            extends StreamReadOptionsBuilder<C, B> {
        private boolean noack;

        public StreamReadGroupOptionsBuilder() {}

        /** Do not add the delivered entries to the pending list ({@code NOACK}). */
        public B noack() {
            this.noack = true;
            return self();
        }

        @Override
        protected abstract B self();

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "StreamReadGroupOptions.StreamReadGroupOptionsBuilder(super=" + super.toString()
                    + ", noack=" + noack + ")";
        }
    }

    /** The builder {@link #builder()} returns. */
    static final class StreamReadGroupOptionsBuilderImpl
            extends StreamReadGroupOptionsBuilder<StreamReadGroupOptions, StreamReadGroupOptionsBuilderImpl> {
        private StreamReadGroupOptionsBuilderImpl() {}

        @Override
        protected StreamReadGroupOptionsBuilderImpl self() {
            return this;
        }

        @Override
        public StreamReadGroupOptions build() {
            return new StreamReadGroupOptions(this);
        }
    }
}
