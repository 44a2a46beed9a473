package glide.api.models.commands.scan;

import glide.api.models.GlideString;
import java.util.Arrays;
import java.util.Objects;

/** {@link HScanOptions} with a binary pattern, for the {@code GlideString} form of {@code hscan}. */
public class HScanOptionsBinary extends BaseScanOptionsBinary {
    public static final GlideString NO_VALUES_API = GlideString.of("NOVALUES");

    private final boolean noValues;

    protected HScanOptionsBinary(HScanOptionsBinaryBuilder<?, ?> builder) {
        super(builder);
        this.noValues = builder.noValues;
    }

    /** {@code MATCH pattern COUNT n NOVALUES}, the parts that are set, the pattern's bytes unchanged. */
    @Override
    public GlideString[] toGlideStringArgs() {
        GlideString[] base = super.toGlideStringArgs();
        if (!noValues) {
            return base;
        }
        GlideString[] args = Arrays.copyOf(base, base.length + 1);
        args[base.length] = NO_VALUES_API;
        return args;
    }

    public static HScanOptionsBinaryBuilder<?, ?> builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && noValues == ((HScanOptionsBinary) other).noValues;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), noValues);
    }

    /** Builds {@link HScanOptionsBinary}. */
    public abstract static class HScanOptionsBinaryBuilder<
                    C extends HScanOptionsBinary, B extends HScanOptionsBinaryBuilder<C, B>>
            extends BaseScanOptionsBinaryBuilder<C, B> {
        private boolean noValues;

        public HScanOptionsBinaryBuilder() {}

        /** Return the fields only, without their values. */
        public B noValues(boolean noValues) {
            this.noValues = noValues;
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "HScanOptionsBinary.HScanOptionsBinaryBuilder(" + super.toString() + ", noValues=" + noValues + ")";
        }
    }

    private static final class Builder extends HScanOptionsBinaryBuilder<HScanOptionsBinary, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public HScanOptionsBinary build() {
            return new HScanOptionsBinary(this);
        }
    }
}
