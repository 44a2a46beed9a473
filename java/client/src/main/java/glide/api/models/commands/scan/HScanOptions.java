package glide.api.models.commands.scan;

import glide.api.models.GlideString;
import java.util.Arrays;
import java.util.Objects;

/**
 * Options of {@code HSCAN}: {@code MATCH} and {@code COUNT}, plus {@code NOVALUES} (fields only;
 * Valkey 8.0 / Redis 7.4 and later).
 *
 * <pre>{@code
 * HScanOptions options = HScanOptions.builder().matchPattern("user:*").count(100L).noValues(true).build();
 * }</pre>
 */
public class HScanOptions extends BaseScanOptions {
    public static final String NO_VALUES_API = "NOVALUES";

    private final boolean noValues;

    protected HScanOptions(HScanOptionsBuilder<?, ?> builder) {
        super(builder);
        this.noValues = builder.noValues;
    }

    /** {@code MATCH pattern COUNT n NOVALUES}, the parts that are set. */
    @Override
    public String[] toArgs() {
        String[] base = super.toArgs();
        if (!noValues) {
            return base;
        }
        String[] args = Arrays.copyOf(base, base.length + 1);
        args[base.length] = NO_VALUES_API;
        return args;
    }

    /** {@link #toArgs()} with the pattern's bytes kept as they are. */
    @Override
    public GlideString[] toGlideStringArgs() {
        GlideString[] base = super.toGlideStringArgs();
        if (!noValues) {
            return base;
        }
        GlideString[] args = Arrays.copyOf(base, base.length + 1);
        args[base.length] = GlideString.of(NO_VALUES_API);
        return args;
    }

    public static HScanOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && noValues == ((HScanOptions) other).noValues;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), noValues);
    }

    /** Builds {@link HScanOptions}; see {@link BaseScanOptionsBuilder} for the shared settings. */
    public abstract static class HScanOptionsBuilder<C extends HScanOptions, B extends HScanOptionsBuilder<C, B>>
            extends BaseScanOptionsBuilder<C, B> {
        private boolean noValues;

        public HScanOptionsBuilder() {}

        /** Return the fields only, without their values. */
        public B noValues(boolean noValues) {
            this.noValues = noValues;
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "HScanOptions.HScanOptionsBuilder(" + super.toString() + ", noValues=" + noValues + ")";
        }
    }

    private static final class Builder extends HScanOptionsBuilder<HScanOptions, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public HScanOptions build() {
            return new HScanOptions(this);
        }
    }
}
