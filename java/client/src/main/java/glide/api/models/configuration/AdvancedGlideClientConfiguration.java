package glide.api.models.configuration;

/** Advanced settings of the standalone client (currently only the shared ones). */
public class AdvancedGlideClientConfiguration extends AdvancedBaseClientConfiguration {

    protected AdvancedGlideClientConfiguration(AdvancedGlideClientConfigurationBuilder<?, ?> b) {
        super(b);
    }

    public static AdvancedGlideClientConfigurationBuilder<?, ?> builder() {
        return new AdvancedGlideClientConfigurationBuilderImpl();
    }

    @Override
    public String toString() {
        return "AdvancedGlideClientConfiguration(" + describeBase() + ")";
    }

    /**
     * Builder for {@link AdvancedGlideClientConfiguration}.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class AdvancedGlideClientConfigurationBuilder<
                    C extends AdvancedGlideClientConfiguration,
                    B extends AdvancedGlideClientConfigurationBuilder<C, B>>
            extends AdvancedBaseClientConfigurationBuilder<C, B> {

        public AdvancedGlideClientConfigurationBuilder() {}

        @Override
        protected abstract B self();

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "AdvancedGlideClientConfiguration.AdvancedGlideClientConfigurationBuilder("
                    + describeBase()
                    + ")";
        }
    }

    private static final class AdvancedGlideClientConfigurationBuilderImpl
            extends AdvancedGlideClientConfigurationBuilder<
                    AdvancedGlideClientConfiguration, AdvancedGlideClientConfigurationBuilderImpl> {

        private AdvancedGlideClientConfigurationBuilderImpl() {}

        @Override
        protected AdvancedGlideClientConfigurationBuilderImpl self() {
            return this;
        }

        @Override
        public AdvancedGlideClientConfiguration build() {
            return new AdvancedGlideClientConfiguration(this);
        }
    }
}
