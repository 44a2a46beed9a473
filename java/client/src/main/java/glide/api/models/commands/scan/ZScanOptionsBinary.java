package glide.api.models.commands.scan;

import glide.api.models.GlideString;
import java.util.Arrays;
import java.util.Objects;

/** {@link ZScanOptions} with a binary pattern, for the {@code GlideString} form of {@code zscan}. */
public class ZScanOptionsBinary extends BaseScanOptionsBinary {
    public static final GlideString NO_SCORES_API = GlideString.of("NOSCORES");

    /** Return the members without their scores. */
    protected boolean noScores;

    protected ZScanOptionsBinary(ZScanOptionsBinaryBuilder<?, ?> builder) {
        super(builder);
        this.noScores = builder.noScores;
    }

    /** {@code MATCH pattern COUNT n NOSCORES}, the parts that are set, as text. */
    @Override
    public String[] toArgs() {
        return super.toArgs();
    }

    /** {@code MATCH pattern COUNT n NOSCORES}, the parts that are set, the pattern's bytes unchanged. */
    @Override
    public GlideString[] toGlideStringArgs() {
        GlideString[] base = super.toGlideStringArgs();
        if (!noScores) {
            return base;
        }
        GlideString[] args = Arrays.copyOf(base, base.length + 1);
        args[base.length] = NO_SCORES_API;
        return args;
    }

    public static ZScanOptionsBinaryBuilder<?, ?> builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && noScores == ((ZScanOptionsBinary) other).noScores;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), noScores);
    }

    /** Builds {@link ZScanOptionsBinary}. */
    public abstract static class ZScanOptionsBinaryBuilder<
                    C extends ZScanOptionsBinary, B extends ZScanOptionsBinaryBuilder<C, B>>
            extends BaseScanOptionsBinaryBuilder<C, B> {
        private boolean noScores;

        public ZScanOptionsBinaryBuilder() {}

        /** Return the members only, without their scores. */
        public B noScores(boolean noScores) {
            this.noScores = noScores;
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "ZScanOptionsBinary.ZScanOptionsBinaryBuilder(" + super.toString() + ", noScores=" + noScores + ")";
        }
    }

    private static final class Builder extends ZScanOptionsBinaryBuilder<ZScanOptionsBinary, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ZScanOptionsBinary build() {
            return new ZScanOptionsBinary(this);
        }
    }
}
