package glide.api.models.commands.scan;

/** {@link SScanOptions} with a binary pattern, for the {@code GlideString} form of {@code sscan}. */
public class SScanOptionsBinary extends BaseScanOptionsBinary {

    protected SScanOptionsBinary(SScanOptionsBinaryBuilder<?, ?> builder) {
        super(builder);
    }

    public static SScanOptionsBinaryBuilder<?, ?> builder() {
        return new Builder();
    }

    /** Builds {@link SScanOptionsBinary}. */
    public abstract static class SScanOptionsBinaryBuilder<
                    C extends SScanOptionsBinary, B extends SScanOptionsBinaryBuilder<C, B>>
            extends BaseScanOptionsBinaryBuilder<C, B> {
        public SScanOptionsBinaryBuilder() {}

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "SScanOptionsBinary.SScanOptionsBinaryBuilder(" + super.toString() + ")";
        }
    }

    private static final class Builder extends SScanOptionsBinaryBuilder<SScanOptionsBinary, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public SScanOptionsBinary build() {
            return new SScanOptionsBinary(this);
        }
    }
}
