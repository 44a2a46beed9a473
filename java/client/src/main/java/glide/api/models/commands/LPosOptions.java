package glide.api.models.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of LPOS: {@code RANK} (which match to start from; negative counts from the tail) and
 * {@code MAXLEN} (how many elements to compare at most; 0 means all). {@code COUNT} is given by
 * {@code lposCount} itself. Nothing is set by default.
 */
public final class LPosOptions {
    public static final String COUNT_VALKEY_API = "COUNT";
    public static final String RANK_VALKEY_API = "RANK";
    public static final String MAXLEN_VALKEY_API = "MAXLEN";

    private final Long rank;
    private final Long maxLength;

    private LPosOptions(Long rank, Long maxLength) {
        this.rank = rank;
        this.maxLength = maxLength;
    }

    public static LPosOptionsBuilder builder() {
        return new LPosOptionsBuilder();
    }

    /** The arguments after LPOS's key and element (and COUNT): {@code RANK} then {@code MAXLEN}. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(4);
        if (rank != null) {
            args.add(RANK_VALKEY_API);
            args.add(rank.toString());
        }
        if (maxLength != null) {
            args.add(MAXLEN_VALKEY_API);
            args.add(maxLength.toString());
        }
        return args.toArray(new String[0]);
    }

    /** Builds {@link LPosOptions}. */
    public static class LPosOptionsBuilder {
        private Long rank;
        private Long maxLength;

        LPosOptionsBuilder() {}

        /** Start from the {@code rank}-th match (1 is the first; -1 the last, searching from the tail). */
        public LPosOptionsBuilder rank(Long rank) {
            this.rank = rank;
            return this;
        }

        /** Compare at most {@code maxLength} elements (0: the whole list). */
        public LPosOptionsBuilder maxLength(Long maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        public LPosOptions build() {
            return new LPosOptions(rank, maxLength);
        }

        @Override
        public String toString() {
            return "LPosOptions.LPosOptionsBuilder(rank=" + rank + ", maxLength=" + maxLength + ")";
        }
    }
}
