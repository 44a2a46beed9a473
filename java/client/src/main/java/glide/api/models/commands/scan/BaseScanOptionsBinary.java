package glide.api.models.commands.scan;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link BaseScanOptions} for the {@code GlideString} forms of the scan commands: the pattern is
 * given as bytes. {@link #toArgs()} renders it as text; the commands themselves send {@link
 * #toGlideStringArgs()}, so a pattern that is not UTF-8 reaches the server byte for byte.
 */
public abstract class BaseScanOptionsBinary {
    public static final GlideString MATCH_OPTION_GLIDE_STRING = GlideString.of("MATCH");
    public static final GlideString COUNT_OPTION_GLIDE_STRING = GlideString.of("COUNT");

    /** Null when not set. */
    protected final GlideString matchPattern;
    /** Null when not set. */
    protected final Long count;

    protected BaseScanOptionsBinary(BaseScanOptionsBinaryBuilder<?, ?> builder) {
        this.matchPattern = builder.matchPattern;
        this.count = builder.count;
    }

    /** {@code MATCH pattern COUNT n}, the parts that are set, as text. */
    public String[] toArgs() {
        GlideString[] binary = toGlideStringArgs();
        String[] out = new String[binary.length];
        for (int i = 0; i < binary.length; i++) {
            out[i] = binary[i].toString();
        }
        return out;
    }

    /** {@code MATCH pattern COUNT n}, the parts that are set, the pattern's bytes unchanged. */
    public GlideString[] toGlideStringArgs() {
        List<GlideString> args = new ArrayList<>(4);
        if (matchPattern != null) {
            args.add(MATCH_OPTION_GLIDE_STRING);
            args.add(matchPattern);
        }
        if (count != null) {
            args.add(COUNT_OPTION_GLIDE_STRING);
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
        BaseScanOptionsBinary that = (BaseScanOptionsBinary) other;
        return Objects.equals(matchPattern, that.matchPattern) && Objects.equals(count, that.count);
    }

    @Override
    public int hashCode() {
        return Objects.hash(matchPattern, count);
    }

    /** Builds options; {@code B} is the concrete builder, so calls chain in any order. */
    public abstract static class BaseScanOptionsBinaryBuilder<
            C extends BaseScanOptionsBinary, B extends BaseScanOptionsBinaryBuilder<C, B>> {
        private GlideString matchPattern;
        private Long count;

        public BaseScanOptionsBinaryBuilder() {}

        /** Only what matches this glob pattern. */
        public B matchPattern(GlideString matchPattern) {
            this.matchPattern = matchPattern;
            return self();
        }

        /** How much work one call does (a hint, not a limit); must be positive. */
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
