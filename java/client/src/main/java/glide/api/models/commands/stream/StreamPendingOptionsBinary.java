package glide.api.models.commands.stream;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;

/** {@link StreamPendingOptions} for the GlideString XPENDING: a binary consumer name. */
public class StreamPendingOptionsBinary {
    public static final GlideString IDLE_TIME_VALKEY_API_GLIDE_STRING =
            GlideString.of(StreamPendingOptions.IDLE_TIME_VALKEY_API);

    private final Long minIdleTime;
    private final GlideString consumer;

    private StreamPendingOptionsBinary(StreamPendingOptionsBinaryBuilder builder) {
        this.minIdleTime = builder.minIdleTime;
        this.consumer = builder.consumer;
    }

    public static StreamPendingOptionsBinaryBuilder builder() {
        return new StreamPendingOptionsBinaryBuilder();
    }

    /** The arguments after XPENDING's key and group: {@code [IDLE n] start end count [consumer]}. */
    public GlideString[] toArgs(StreamRange start, StreamRange end, long count) {
        List<GlideString> args = new ArrayList<>(6);
        if (minIdleTime != null) {
            args.add(IDLE_TIME_VALKEY_API_GLIDE_STRING);
            args.add(GlideString.of(minIdleTime.toString()));
        }
        args.add(GlideString.of(start.getValkeyApi()));
        args.add(GlideString.of(end.getValkeyApi()));
        args.add(GlideString.of(Long.toString(count)));
        if (consumer != null) {
            args.add(consumer);
        }
        return args.toArray(new GlideString[0]);
    }

    /** Builds {@link StreamPendingOptionsBinary}; nothing is set by default. */
    public static class StreamPendingOptionsBinaryBuilder {
        private Long minIdleTime;
        private GlideString consumer;

        StreamPendingOptionsBinaryBuilder() {}

        /** Only entries idle for at least this many ms. */
        public StreamPendingOptionsBinaryBuilder minIdleTime(Long minIdleTime) {
            this.minIdleTime = minIdleTime;
            return this;
        }

        /** Only this consumer's entries. */
        public StreamPendingOptionsBinaryBuilder consumer(GlideString consumer) {
            this.consumer = consumer;
            return this;
        }

        public StreamPendingOptionsBinary build() {
            return new StreamPendingOptionsBinary(this);
        }

        @Override
        public String toString() {
            return "StreamPendingOptionsBinary.StreamPendingOptionsBinaryBuilder(minIdleTime="
                    + minIdleTime + ", consumer=" + consumer + ")";
        }
    }
}
