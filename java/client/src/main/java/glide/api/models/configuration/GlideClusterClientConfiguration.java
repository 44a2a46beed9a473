package glide.api.models.configuration;

/**
 * Configuration of a cluster client: the shared settings plus pub/sub subscriptions (including
 * sharded channels) and cluster-specific advanced settings. The addresses are seed nodes; the
 * full topology is discovered from them.
 */
public class GlideClusterClientConfiguration extends BaseClientConfiguration {

    private final ClusterSubscriptionConfiguration subscriptionConfiguration;
    private final AdvancedGlideClusterClientConfiguration advancedConfiguration;

    protected GlideClusterClientConfiguration(GlideClusterClientConfigurationBuilder<?, ?> b) {
        super(b);
        this.subscriptionConfiguration = b.subscriptionConfiguration;
        this.advancedConfiguration =
                b.advancedConfigurationSet
                        ? b.advancedConfiguration
                        : AdvancedGlideClusterClientConfiguration.builder().build();
    }

    public static GlideClusterClientConfigurationBuilder<?, ?> builder() {
        return new GlideClusterClientConfigurationBuilderImpl();
    }

    @Override
    public ClusterSubscriptionConfiguration getSubscriptionConfiguration() {
        return subscriptionConfiguration;
    }

    /** Advanced settings; an instance with default values unless set. */
    @Override
    public AdvancedGlideClusterClientConfiguration getAdvancedConfiguration() {
        return advancedConfiguration;
    }

    /**
     * Builder for {@link GlideClusterClientConfiguration}.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class GlideClusterClientConfigurationBuilder<
                    C extends GlideClusterClientConfiguration,
                    B extends GlideClusterClientConfigurationBuilder<C, B>>
            extends BaseClientConfigurationBuilder<C, B> {

        private ClusterSubscriptionConfiguration subscriptionConfiguration;
        private boolean advancedConfigurationSet;
        private AdvancedGlideClusterClientConfiguration advancedConfiguration;

        public GlideClusterClientConfigurationBuilder() {}

        public B subscriptionConfiguration(
                ClusterSubscriptionConfiguration subscriptionConfiguration) {
            this.subscriptionConfiguration = subscriptionConfiguration;
            return self();
        }

        public B advancedConfiguration(
                AdvancedGlideClusterClientConfiguration advancedConfiguration) {
            this.advancedConfiguration = advancedConfiguration;
            this.advancedConfigurationSet = true;
            return self();
        }

        @Override
        protected abstract B self();

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder("
                    + describeBase()
                    + ", subscriptionConfiguration="
                    + (subscriptionConfiguration == null ? "null" : "<set>")
                    + ", advancedConfiguration="
                    + (advancedConfigurationSet ? advancedConfiguration : "<default>")
                    + ")";
        }
    }

    private static final class GlideClusterClientConfigurationBuilderImpl
            extends GlideClusterClientConfigurationBuilder<
                    GlideClusterClientConfiguration, GlideClusterClientConfigurationBuilderImpl> {

        private GlideClusterClientConfigurationBuilderImpl() {}

        @Override
        protected GlideClusterClientConfigurationBuilderImpl self() {
            return this;
        }

        @Override
        public GlideClusterClientConfiguration build() {
            return new GlideClusterClientConfiguration(this);
        }
    }
}
