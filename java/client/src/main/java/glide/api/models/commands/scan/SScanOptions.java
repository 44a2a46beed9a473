package glide.api.models.commands.scan;

/**
 * Options of {@code SSCAN}: {@code MATCH} and {@code COUNT}.
 *
 * <pre>{@code
 * SScanOptions options = SScanOptions.builder().matchPattern("a*").count(50L).build();
 * }</pre>
 */
public class SScanOptions extends BaseScanOptions {

    protected SScanOptions(SScanOptionsBuilder<?, ?> builder) {
        super(builder);
    }

    public static SScanOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    /** Builds {@link SScanOptions}; see {@link BaseScanOptionsBuilder} for the settings. */
    public abstract static class SScanOptionsBuilder<C extends SScanOptions, B extends SScanOptionsBuilder<C, B>>
            extends BaseScanOptionsBuilder<C, B> {
        public SScanOptionsBuilder() {}

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "SScanOptions.SScanOptionsBuilder(" + super.toString() + ")";
        }
    }

    private static final class Builder extends SScanOptionsBuilder<SScanOptions, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public SScanOptions build() {
            return new SScanOptions(this);
        }
    }
}
