package glide.api.models.commands.stream;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link StreamAddOptions} for the GlideString XADD: the same options, a binary ID. */
public final class StreamAddOptionsBinary {
    public static final GlideString NO_MAKE_STREAM_VALKEY_API_GLIDE_STRING =
            GlideString.of(StreamAddOptions.NO_MAKE_STREAM_VALKEY_API);
    public static final GlideString ID_WILDCARD_VALKEY_API_GLIDE_STRING =
            GlideString.of(StreamAddOptions.ID_WILDCARD_VALKEY_API);

    private final GlideString id;
    private final Boolean makeStream;
    private final StreamTrimOptions trim;

    private StreamAddOptionsBinary(StreamAddOptionsBinaryBuilder builder) {
        this.id = builder.id;
        this.makeStream = builder.makeStream;
        this.trim = builder.trim;
    }

    public static StreamAddOptionsBinaryBuilder builder() {
        return new StreamAddOptionsBinaryBuilder();
    }

    /** The arguments between XADD's key and its field/value pairs. */
    public GlideString[] toArgs() {
        List<GlideString> args = new ArrayList<>(8);
        if (Boolean.FALSE.equals(makeStream)) {
            args.add(NO_MAKE_STREAM_VALKEY_API_GLIDE_STRING);
        }
        if (trim != null) {
            args.addAll(Arrays.asList(trim.toGlideStringArgs()));
        }
        args.add(id != null ? id : ID_WILDCARD_VALKEY_API_GLIDE_STRING);
        return args.toArray(new GlideString[0]);
    }

    /** Builds {@link StreamAddOptionsBinary}; nothing set means {@code *}. */
    public static class StreamAddOptionsBinaryBuilder {
        private GlideString id;
        private Boolean makeStream;
        private StreamTrimOptions trim;

        StreamAddOptionsBinaryBuilder() {}

        /** The new entry's ID. */
        public StreamAddOptionsBinaryBuilder id(GlideString id) {
            this.id = id;
            return this;
        }

        /** False: do not create a missing stream ({@code NOMKSTREAM}). */
        public StreamAddOptionsBinaryBuilder makeStream(Boolean makeStream) {
            this.makeStream = makeStream;
            return this;
        }

        /** Trim the stream while adding. */
        public StreamAddOptionsBinaryBuilder trim(StreamTrimOptions trim) {
            this.trim = trim;
            return this;
        }

        public StreamAddOptionsBinary build() {
            return new StreamAddOptionsBinary(this);
        }

        @Override
        public String toString() {
            return "StreamAddOptionsBinary.StreamAddOptionsBinaryBuilder(id=" + id + ", makeStream="
                    + makeStream + ", trim=" + trim + ")";
        }
    }
}
