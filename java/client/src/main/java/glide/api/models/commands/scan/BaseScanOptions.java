package glide.api.models.commands.scan;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Options shared by the SCAN family: {@code MATCH} (a glob pattern on keys or members) and {@code
 * COUNT} (a hint of how much work one call does; not a limit on what it returns).
 */
public abstract class BaseScanOptions {
    public static final String MATCH_OPTION_STRING = "MATCH";
    public static final String COUNT_OPTION_STRING = "COUNT";

    /** Null when not set. */
    protected final GlideString matchPattern;
    /** Null when not set; positive otherwise. */
    protected final Long count;

    protected BaseScanOptions(BaseScanOptionsBuilder<?, ?> builder) {
        this.matchPattern = builder.matchPattern;
        this.count = builder.count;
    }

    /** {@code MATCH pattern COUNT n}, the parts that are set; the pattern as text. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>();
        if (matchPattern != null) {
            args.add(MATCH_OPTION_STRING);
            args.add(matchPattern.toString());
        }
        if (count != null) {
            args.add(COUNT_OPTION_STRING);
            args.add(count.toString());
        }
        return args.toArray(new String[0]);
    }

    /** {@link #toArgs()} with the pattern's bytes kept as they are. */
    public GlideString[] toGlideStringArgs() {
        List<GlideString> args = new ArrayList<>();
        if (matchPattern != null) {
            args.add(GlideString.of(MATCH_OPTION_STRING));
            args.add(matchPattern);
        }
        if (count != null) {
            args.add(GlideString.of(COUNT_OPTION_STRING));
            args.add(GlideString.of(count.toString()));
        }
        return args.toArray(new GlideString[0]);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        BaseScanOptions that = (BaseScanOptions) other;
        return Objects.equals(matchPattern, that.matchPattern) && Objects.equals(count, that.count);
    }

    @Override
    public int hashCode() {
        return Objects.hash(matchPattern, count);
    }

    /**
     * Builds options; subclasses add their own settings ({@code B} is the concrete builder, so
     * calls chain in any order).
     */
    public abstract static class BaseScanOptionsBuilder<
            C extends BaseScanOptions, B extends BaseScanOptionsBuilder<C, B>> {
        private GlideString matchPattern;
        private Long count;

        public BaseScanOptionsBuilder() {}

        /** Only what matches this glob pattern ({@code *}, {@code ?}, {@code [a-z]}, {@code \}). */
        public B matchPattern(String matchPattern) {
            this.matchPattern = matchPattern == null ? null : GlideString.of(matchPattern);
            return self();
        }

        /** {@link #matchPattern(String)} with a binary pattern. */
        public B matchPatternBinary(GlideString matchPattern) {
            this.matchPattern = matchPattern;
            return self();
        }

        /** How much work one call does (a hint); must be positive. */
        public B count(Long count) {
            this.count = count;
            return self();
        }

        protected abstract B self();

        public abstract C build();

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(matchPattern=" + matchPattern + ", count=" + count + ")";
        }
    }
}
