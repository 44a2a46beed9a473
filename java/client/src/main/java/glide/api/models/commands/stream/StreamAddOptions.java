package glide.api.models.commands.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Options of XADD: the entry's ID (default {@code *}, the server picks one), whether a missing
 * stream is created (default yes; {@code makeStream(false)} sends {@code NOMKSTREAM} and XADD then
 * returns null for a missing key), and trimming ({@link StreamTrimOptions}).
 */
public final class StreamAddOptions {
    public static final String NO_MAKE_STREAM_VALKEY_API = "NOMKSTREAM";
    public static final String ID_WILDCARD_VALKEY_API = "*";

    private final String id;
    private final Boolean makeStream;
    private final StreamTrimOptions trim;

    private StreamAddOptions(StreamAddOptionsBuilder builder) {
        this.id = builder.id;
        this.makeStream = builder.makeStream;
        this.trim = builder.trim;
    }

    public static StreamAddOptionsBuilder builder() {
        return new StreamAddOptionsBuilder();
    }

    /** The arguments between XADD's key and its field/value pairs. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(8);
        if (Boolean.FALSE.equals(makeStream)) {
            args.add(NO_MAKE_STREAM_VALKEY_API);
        }
        if (trim != null) {
            args.addAll(Arrays.asList(trim.toArgs()));
        }
        args.add(id != null ? id : ID_WILDCARD_VALKEY_API);
        return args.toArray(new String[0]);
    }

    /** Builds {@link StreamAddOptions}; nothing set means {@code *}. */
    public static class StreamAddOptionsBuilder {
        private String id;
        private Boolean makeStream;
        private StreamTrimOptions trim;

        StreamAddOptionsBuilder() {}

        /** The new entry's ID, e.g. {@code "1526919030474-55"} or {@code "1526919030474-*"}. */
        public StreamAddOptionsBuilder id(String id) {
            this.id = id;
            return this;
        }

        /** False: do not create a missing stream ({@code NOMKSTREAM}). */
        public StreamAddOptionsBuilder makeStream(Boolean makeStream) {
            this.makeStream = makeStream;
            return this;
        }

        /** Trim the stream while adding. */
        public StreamAddOptionsBuilder trim(StreamTrimOptions trim) {
            this.trim = trim;
            return this;
        }

        public StreamAddOptions build() {
            return new StreamAddOptions(this);
        }

        @Override
        public String toString() {
            return "StreamAddOptions.StreamAddOptionsBuilder(id=" + id + ", makeStream=" + makeStream
                    + ", trim=" + trim + ")";
        }
    }
}
