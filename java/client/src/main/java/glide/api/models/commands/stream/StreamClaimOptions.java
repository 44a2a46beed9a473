package glide.api.models.commands.stream;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of XCLAIM: the claimed entries' new idle time ({@code IDLE} ms) or the Unix time in ms
 * of their last delivery ({@code TIME}), their delivery counter ({@code RETRYCOUNT}), and {@code
 * FORCE} (claim IDs that are in no consumer's pending list, as long as they exist in the stream).
 */
public class StreamClaimOptions {
    public static final String IDLE_VALKEY_API = "IDLE";
    public static final String TIME_VALKEY_API = "TIME";
    public static final String RETRY_COUNT_VALKEY_API = "RETRYCOUNT";
    public static final String FORCE_VALKEY_API = "FORCE";
    public static final String JUST_ID_VALKEY_API = "JUSTID";

    private final Long idle;
    private final Long idleUnixTime;
    private final Long retryCount;
    private final boolean isForce;

    private StreamClaimOptions(StreamClaimOptionsBuilder builder) {
        this.idle = builder.idle;
        this.idleUnixTime = builder.idleUnixTime;
        this.retryCount = builder.retryCount;
        this.isForce = builder.isForce;
    }

    public static StreamClaimOptionsBuilder builder() {
        return new StreamClaimOptionsBuilder();
    }

    /** The arguments after XCLAIM's IDs. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(7);
        if (idle != null) {
            args.add(IDLE_VALKEY_API);
            args.add(idle.toString());
        }
        if (idleUnixTime != null) {
            args.add(TIME_VALKEY_API);
            args.add(idleUnixTime.toString());
        }
        if (retryCount != null) {
            args.add(RETRY_COUNT_VALKEY_API);
            args.add(retryCount.toString());
        }
        if (isForce) {
            args.add(FORCE_VALKEY_API);
        }
        return args.toArray(new String[0]);
    }

    /** Builds {@link StreamClaimOptions}; nothing is set by default. */
    public static class StreamClaimOptionsBuilder {
        private Long idle;
        private Long idleUnixTime;
        private Long retryCount;
        private boolean isForce;

        StreamClaimOptionsBuilder() {}

        /** Claim IDs missing from every pending list if they exist in the stream. */
        public StreamClaimOptionsBuilder force() {
            return isForce(true);
        }

        /** The claimed entries' idle time, in ms (default 0). */
        public StreamClaimOptionsBuilder idle(Long idle) {
            this.idle = idle;
            return this;
        }

        /** The claimed entries' last delivery, as a Unix time in ms. */
        public StreamClaimOptionsBuilder idleUnixTime(Long idleUnixTime) {
            this.idleUnixTime = idleUnixTime;
            return this;
        }

        /** The claimed entries' delivery counter (default: incremented). */
        public StreamClaimOptionsBuilder retryCount(Long retryCount) {
            this.retryCount = retryCount;
            return this;
        }

        public StreamClaimOptionsBuilder isForce(boolean isForce) {
            this.isForce = isForce;
            return this;
        }

        public StreamClaimOptions build() {
            return new StreamClaimOptions(this);
        }

        @Override
        public String toString() {
            return "StreamClaimOptions.StreamClaimOptionsBuilder(idle=" + idle + ", idleUnixTime="
                    + idleUnixTime + ", retryCount=" + retryCount + ", isForce=" + isForce + ")";
        }
    }
}
