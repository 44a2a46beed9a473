package glide.api.models.commands.stream;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Options of XREAD: {@code COUNT} (at most that many entries per stream) and {@code BLOCK} (wait
 * up to that many ms for an entry when there is none yet; 0 waits forever). A blocking read is
 * not cut by the client's request timeout: it gets the block time plus a margin.
 */
public class StreamReadOptions {
    public static final String READ_COUNT_VALKEY_API = "COUNT";
    public static final String READ_BLOCK_VALKEY_API = "BLOCK";
    public static final String READ_STREAMS_VALKEY_API = "STREAMS";

    /** Null: the read does not block. */
    protected Long block;

    /** Null: no limit. */
    protected Long count;

    protected StreamReadOptions(StreamReadOptionsBuilder<?, ?> builder) {
        this.block = builder.block;
        this.count = builder.count;
    }

    public static StreamReadOptionsBuilder<?, ?> builder() {
        return new StreamReadOptionsBuilderImpl();
    }

    /** Whether the read waits for entries ({@code BLOCK} is set). */
    public boolean isBlocking() {
        return block != null;
    }

    /** {@code [COUNT n] [BLOCK ms] STREAMS}. */
    public String[] toArgs() {
        return options().toArray(new String[0]);
    }

    /** {@code [COUNT n] [BLOCK ms] STREAMS key... id...}, in the map's order. */
    public String[] toArgs(Map<String, String> streams) {
        List<String> args = options();
        args.addAll(streams.keySet());
        args.addAll(streams.values());
        return args.toArray(new String[0]);
    }

    /** {@link #toArgs()} as GlideStrings. */
    public GlideString[] toArgsBinary() {
        return binary(options());
    }

    /** {@link #toArgs(Map)} with binary keys and IDs. */
    public GlideString[] toArgsBinary(Map<GlideString, GlideString> streams) {
        List<GlideString> args = new ArrayList<>();
        for (String option : options()) {
            args.add(GlideString.of(option));
        }
        args.addAll(streams.keySet());
        args.addAll(streams.values());
        return args.toArray(new GlideString[0]);
    }

    /** COUNT and BLOCK, if set, then STREAMS. */
    private List<String> options() {
        List<String> args = new ArrayList<>();
        countAndBlock(args);
        args.add(READ_STREAMS_VALKEY_API);
        return args;
    }

    void countAndBlock(List<String> args) {
        if (count != null) {
            args.add(READ_COUNT_VALKEY_API);
            args.add(count.toString());
        }
        if (block != null) {
            args.add(READ_BLOCK_VALKEY_API);
            args.add(block.toString());
        }
    }

    private static GlideString[] binary(List<String> args) {
        GlideString[] out = new GlideString[args.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = GlideString.of(args.get(i));
        }
        return out;
    }

    /**
     * Builds read options; {@code B} is the concrete builder, so that the group options' builder
     * chains these calls too.
     */
    public abstract static class StreamReadOptionsBuilder<
            C extends StreamReadOptions, B extends StreamReadOptionsBuilder<C, B>> {
        private Long block;
        private Long count;

        public StreamReadOptionsBuilder() {}

        /** Wait up to this many ms for entries (0: forever). */
        public B block(Long block) {
            this.block = block;
            return self();
        }

        /** At most this many entries per stream. */
        public B count(Long count) {
            this.count = count;
            return self();
        }

        protected abstract B self();

        public abstract C build();

        @Override
        public String toString() {
            return "StreamReadOptions.StreamReadOptionsBuilder(block=" + block + ", count=" + count + ")";
        }
    }

    /** The builder {@link #builder()} returns. */
    static final class StreamReadOptionsBuilderImpl
            extends StreamReadOptionsBuilder<StreamReadOptions, StreamReadOptionsBuilderImpl> {
        private StreamReadOptionsBuilderImpl() {}

        @Override
        protected StreamReadOptionsBuilderImpl self() {
            return this;
        }

        @Override
        public StreamReadOptions build() {
            return new StreamReadOptions(this);
        }
    }
}
