package glide.api.models.configuration;

/**
 * Configuration of a standalone (non-cluster) client: the shared settings plus pub/sub
 * subscriptions, advanced settings and read-only mode.
 */
public class GlideClientConfiguration extends BaseClientConfiguration {

    private final StandaloneSubscriptionConfiguration subscriptionConfiguration;
    private final AdvancedGlideClientConfiguration advancedConfiguration;
    private final boolean readOnly;

    protected GlideClientConfiguration(GlideClientConfigurationBuilder<?, ?> b) {
        super(b);
        this.subscriptionConfiguration = b.subscriptionConfiguration;
        this.advancedConfiguration =
                b.advancedConfigurationSet
                        ? b.advancedConfiguration
                        : AdvancedGlideClientConfiguration.builder().build();
        this.readOnly = b.readOnly;
    }

    public static GlideClientConfigurationBuilder<?, ?> builder() {
        return new GlideClientConfigurationBuilderImpl();
    }

    @Override
    public StandaloneSubscriptionConfiguration getSubscriptionConfiguration() {
        return subscriptionConfiguration;
    }

    /** Advanced settings; an instance with default values unless set. */
    @Override
    public AdvancedGlideClientConfiguration getAdvancedConfiguration() {
        return advancedConfiguration;
    }

    /**
     * Read-only mode: the client may connect to replicas only, without requiring a reachable
     * primary, and write commands are refused. Defaults to false.
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    @Override
    public String toString() {
        return "GlideClientConfiguration("
                + describeBase()
                + ", subscriptionConfiguration="
                + (subscriptionConfiguration == null ? "null" : "<set>")
                + ", advancedConfiguration="
                + advancedConfiguration
                + ", readOnly="
                + readOnly
                + ")";
    }

    /**
     * Builder for {@link GlideClientConfiguration}.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class GlideClientConfigurationBuilder<
                    C extends GlideClientConfiguration,
                    B extends GlideClientConfigurationBuilder<C, B>>
            extends BaseClientConfigurationBuilder<C, B> {

        private StandaloneSubscriptionConfiguration subscriptionConfiguration;
        private boolean advancedConfigurationSet;
        private AdvancedGlideClientConfiguration advancedConfiguration;
        private boolean readOnly;

        public GlideClientConfigurationBuilder() {}

        public B subscriptionConfiguration(
                StandaloneSubscriptionConfiguration subscriptionConfiguration) {
            this.subscriptionConfiguration = subscriptionConfiguration;
            return self();
        }

        public B advancedConfiguration(AdvancedGlideClientConfiguration advancedConfiguration) {
            this.advancedConfiguration = advancedConfiguration;
            this.advancedConfigurationSet = true;
            return self();
        }

        public B readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return self();
        }

        @Override
        protected abstract B self();

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "GlideClientConfiguration.GlideClientConfigurationBuilder("
                    + describeBase()
                    + ", subscriptionConfiguration="
                    + (subscriptionConfiguration == null ? "null" : "<set>")
                    + ", advancedConfiguration="
                    + (advancedConfigurationSet ? advancedConfiguration : "<default>")
                    + ", readOnly="
                    + readOnly
                    + ")";
        }
    }

    private static final class GlideClientConfigurationBuilderImpl
            extends GlideClientConfigurationBuilder<
                    GlideClientConfiguration, GlideClientConfigurationBuilderImpl> {

        private GlideClientConfigurationBuilderImpl() {}

        @Override
        protected GlideClientConfigurationBuilderImpl self() {
            return this;
        }

        @Override
        public GlideClientConfiguration build() {
            return new GlideClientConfiguration(this);
        }
    }
}
