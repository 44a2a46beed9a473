package glide.api.models.commands.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of XGROUP CREATE: {@code MKSTREAM} (create the stream if it is missing, instead of
 * failing) and {@code ENTRIESREAD} (how many entries the group has read, for its lag).
 */
public final class StreamGroupOptions {
    public static final String MAKE_STREAM_VALKEY_API = "MKSTREAM";
    public static final String ENTRIES_READ_VALKEY_API = "ENTRIESREAD";

    private final boolean mkStream;
    private final Long entriesRead;

    private StreamGroupOptions(StreamGroupOptionsBuilder builder) {
        this.mkStream = builder.mkStream;
        this.entriesRead = builder.entriesRead;
    }

    public static StreamGroupOptionsBuilder builder() {
        return new StreamGroupOptionsBuilder();
    }

    /** The arguments after XGROUP CREATE's key, group and ID. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(3);
        if (mkStream) {
            args.add(MAKE_STREAM_VALKEY_API);
        }
        if (entriesRead != null) {
            args.add(ENTRIES_READ_VALKEY_API);
            args.add(entriesRead.toString());
        }
        return args.toArray(new String[0]);
    }

    /** Builds {@link StreamGroupOptions}; nothing is set by default. */
    public static class StreamGroupOptionsBuilder {
        private boolean mkStream;
        private Long entriesRead;

        StreamGroupOptionsBuilder() {}

        /** Create the stream if it is missing ({@code MKSTREAM}). */
        public StreamGroupOptionsBuilder makeStream() {
            return mkStream(true);
        }

        public StreamGroupOptionsBuilder mkStream(boolean mkStream) {
            this.mkStream = mkStream;
            return this;
        }

        /** How many entries the group has read ({@code ENTRIESREAD}); needs Valkey/Redis 7.0. */
        public StreamGroupOptionsBuilder entriesRead(Long entriesRead) {
            this.entriesRead = entriesRead;
            return this;
        }

        public StreamGroupOptions build() {
            return new StreamGroupOptions(this);
        }

        @Override
        public String toString() {
            return "StreamGroupOptions.StreamGroupOptionsBuilder(mkStream=" + mkStream + ", entriesRead="
                    + entriesRead + ")";
        }
    }
}
