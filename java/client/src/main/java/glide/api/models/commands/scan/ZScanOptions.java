package glide.api.models.commands.scan;

import glide.api.models.GlideString;
import java.util.Arrays;
import java.util.Objects;

/**
 * Options of {@code ZSCAN}: {@code MATCH} and {@code COUNT}, plus {@code NOSCORES} (members only;
 * Valkey 8.0 and later).
 *
 * <pre>{@code
 * ZScanOptions options = ZScanOptions.builder().matchPattern("player:*").count(100L).build();
 * }</pre>
 */
public class ZScanOptions extends BaseScanOptions {
    public static final String NO_SCORES_API = "NOSCORES";

    /** Return the members without their scores. */
    protected boolean noScores;

    protected ZScanOptions(ZScanOptionsBuilder<?, ?> builder) {
        super(builder);
        this.noScores = builder.noScores;
    }

    /** {@code MATCH pattern COUNT n NOSCORES}, the parts that are set. */
    @Override
    public String[] toArgs() {
        String[] base = super.toArgs();
        if (!noScores) {
            return base;
        }
        String[] args = Arrays.copyOf(base, base.length + 1);
        args[base.length] = NO_SCORES_API;
        return args;
    }

    /** {@link #toArgs()} with the pattern's bytes kept as they are. */
    @Override
    public GlideString[] toGlideStringArgs() {
        GlideString[] base = super.toGlideStringArgs();
        if (!noScores) {
            return base;
        }
        GlideString[] args = Arrays.copyOf(base, base.length + 1);
        args[base.length] = GlideString.of(NO_SCORES_API);
        return args;
    }

    public static ZScanOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && noScores == ((ZScanOptions) other).noScores;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), noScores);
    }

    /** Builds {@link ZScanOptions}; see {@link BaseScanOptionsBuilder} for the shared settings. */
    public abstract static class ZScanOptionsBuilder<C extends ZScanOptions, B extends ZScanOptionsBuilder<C, B>>
            extends BaseScanOptionsBuilder<C, B> {
        private boolean noScores;

        public ZScanOptionsBuilder() {}

        /** Return the members only, without their scores. */
        public B noScores(boolean noScores) {
            this.noScores = noScores;
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "ZScanOptions.ZScanOptionsBuilder(" + super.toString() + ", noScores=" + noScores + ")";
        }
    }

    private static final class Builder extends ZScanOptionsBuilder<ZScanOptions, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ZScanOptions build() {
            return new ZScanOptions(this);
        }
    }
}
