package glide.api.models.commands.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Filters of the extended XPENDING: only entries idle for at least {@code minIdleTime} ms ({@code
 * IDLE}), only those of one consumer.
 */
public class StreamPendingOptions {
    public static final String IDLE_TIME_VALKEY_API = "IDLE";

    private final Long minIdleTime;
    private final String consumer;

    private StreamPendingOptions(StreamPendingOptionsBuilder builder) {
        this.minIdleTime = builder.minIdleTime;
        this.consumer = builder.consumer;
    }

    public static StreamPendingOptionsBuilder builder() {
        return new StreamPendingOptionsBuilder();
    }

    /** The arguments after XPENDING's key and group: {@code [IDLE n] start end count [consumer]}. */
    public String[] toArgs(StreamRange start, StreamRange end, long count) {
        List<String> args = new ArrayList<>(6);
        if (minIdleTime != null) {
            args.add(IDLE_TIME_VALKEY_API);
            args.add(minIdleTime.toString());
        }
        args.add(start.getValkeyApi());
        args.add(end.getValkeyApi());
        args.add(Long.toString(count));
        if (consumer != null) {
            args.add(consumer);
        }
        return args.toArray(new String[0]);
    }

    /** Builds {@link StreamPendingOptions}; nothing is set by default. */
    public static class StreamPendingOptionsBuilder {
        private Long minIdleTime;
        private String consumer;

        StreamPendingOptionsBuilder() {}

        /** Only entries idle for at least this many ms. */
        public StreamPendingOptionsBuilder minIdleTime(Long minIdleTime) {
            this.minIdleTime = minIdleTime;
            return this;
        }

        /** Only this consumer's entries. */
        public StreamPendingOptionsBuilder consumer(String consumer) {
            this.consumer = consumer;
            return this;
        }

        public StreamPendingOptions build() {
            return new StreamPendingOptions(this);
        }

        @Override
        public String toString() {
            return "StreamPendingOptions.StreamPendingOptionsBuilder(minIdleTime=" + minIdleTime
                    + ", consumer=" + consumer + ")";
        }
    }
}
