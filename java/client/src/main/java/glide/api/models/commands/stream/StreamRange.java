package glide.api.models.commands.stream;

import glide.api.models.GlideString;

/**
 * One end of a stream ID range (XRANGE, XREVRANGE, XPENDING): an ID, inclusive by default or
 * exclusive ({@link IdBound#ofExclusive}), or the lowest/highest possible ID ({@link
 * InfRangeBound}).
 */
public interface StreamRange {
    String MINIMUM_RANGE_VALKEY_API = "-";
    String MAXIMUM_RANGE_VALKEY_API = "+";
    String RANGE_COUNT_VALKEY_API = "COUNT";
    String EXCLUSIVE_RANGE_VALKEY_API = "(";

    /** The bound as the server reads it. */
    String getValkeyApi();

    /** {@code start end}. */
    static String[] toArgs(StreamRange start, StreamRange end) {
        return new String[] {start.getValkeyApi(), end.getValkeyApi()};
    }

    /** {@code start end COUNT count}. */
    static String[] toArgs(StreamRange start, StreamRange end, long count) {
        return new String[] {start.getValkeyApi(), end.getValkeyApi(), RANGE_COUNT_VALKEY_API, Long.toString(count)};
    }

    /** The lowest ({@code -}) and highest ({@code +}) possible IDs. */
    enum InfRangeBound implements StreamRange {
        MIN(MINIMUM_RANGE_VALKEY_API),
        MAX(MAXIMUM_RANGE_VALKEY_API);

        private final String valkeyApi;

        InfRangeBound(String valkeyApi) {
            this.valkeyApi = valkeyApi;
        }

        @Override
        public String getValkeyApi() {
            return valkeyApi;
        }
    }

    /**
     * A stream ID ({@code "1526919030474-55"}, or only its milliseconds part, {@code
     * "1526919030474"}), inclusive unless made with {@code ofExclusive}.
     */
    class IdBound implements StreamRange {
        private final String valkeyApi;

        private IdBound(String valkeyApi) {
            this.valkeyApi = valkeyApi;
        }

        /** The ID {@code id}, included. */
        public static IdBound of(String id) {
            return new IdBound(id);
        }

        /** The ID {@code id}, included. */
        public static IdBound of(GlideString id) {
            return new IdBound(id.getString());
        }

        /** The IDs of millisecond {@code timestamp}, included. */
        public static IdBound of(long timestamp) {
            return new IdBound(Long.toString(timestamp));
        }

        /** The IDs of millisecond {@code timestamp}, excluded. */
        public static IdBound ofExclusive(long timestamp) {
            return new IdBound(EXCLUSIVE_RANGE_VALKEY_API + timestamp);
        }

        /** The ID {@code id}, excluded. */
        public static IdBound ofExclusive(String id) {
            return new IdBound(EXCLUSIVE_RANGE_VALKEY_API + id);
        }

        /** The ID {@code id}, excluded. */
        public static IdBound ofExclusive(GlideString id) {
            return new IdBound(EXCLUSIVE_RANGE_VALKEY_API + id.getString());
        }

        @Override
        public String getValkeyApi() {
            return valkeyApi;
        }
    }
}
