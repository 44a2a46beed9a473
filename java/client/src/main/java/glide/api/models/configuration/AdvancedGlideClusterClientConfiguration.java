package glide.api.models.configuration;

/**
 * Advanced settings of the cluster client: the shared ones plus topology discovery options
 * (whether to refresh the topology only from the initial nodes, and background topology checks).
 */
public class AdvancedGlideClusterClientConfiguration extends AdvancedBaseClientConfiguration {

    private final boolean refreshTopologyFromInitialNodes;
    private final PeriodicChecksConfig periodicChecks;

    protected AdvancedGlideClusterClientConfiguration(
            AdvancedGlideClusterClientConfigurationBuilder<?, ?> b) {
        super(b);
        this.refreshTopologyFromInitialNodes = b.refreshTopologyFromInitialNodes;
        this.periodicChecks =
                b.periodicChecksSet
                        ? b.periodicChecks
                        : PeriodicChecksStatus.ENABLED_DEFAULT_CONFIGS;
    }

    public static AdvancedGlideClusterClientConfigurationBuilder<?, ?> builder() {
        return new AdvancedGlideClusterClientConfigurationBuilderImpl();
    }

    /**
     * Whether topology refreshes query only the addresses given in the configuration instead of
     * the nodes discovered so far. Defaults to false.
     */
    public boolean isRefreshTopologyFromInitialNodes() {
        return refreshTopologyFromInitialNodes;
    }

    /**
     * Background topology checks; defaults to {@link PeriodicChecksStatus#ENABLED_DEFAULT_CONFIGS}.
     */
    public PeriodicChecksConfig getPeriodicChecks() {
        return periodicChecks;
    }

    @Override
    public String toString() {
        return "AdvancedGlideClusterClientConfiguration("
                + describeBase()
                + ", refreshTopologyFromInitialNodes="
                + refreshTopologyFromInitialNodes
                + ", periodicChecks="
                + periodicChecks
                + ")";
    }

    /**
     * Builder for {@link AdvancedGlideClusterClientConfiguration}.
     *
     * @param <C> the configuration type built
     * @param <B> the concrete builder type
     */
    public abstract static class AdvancedGlideClusterClientConfigurationBuilder<
                    C extends AdvancedGlideClusterClientConfiguration,
                    B extends AdvancedGlideClusterClientConfigurationBuilder<C, B>>
            extends AdvancedBaseClientConfigurationBuilder<C, B> {

        private boolean refreshTopologyFromInitialNodes;
        private boolean periodicChecksSet;
        private PeriodicChecksConfig periodicChecks;

        public AdvancedGlideClusterClientConfigurationBuilder() {}

        public B refreshTopologyFromInitialNodes(boolean refreshTopologyFromInitialNodes) {
            this.refreshTopologyFromInitialNodes = refreshTopologyFromInitialNodes;
            return self();
        }

        public B periodicChecks(PeriodicChecksConfig periodicChecks) {
            this.periodicChecks = periodicChecks;
            this.periodicChecksSet = true;
            return self();
        }

        @Override
        protected abstract B self();

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "AdvancedGlideClusterClientConfiguration"
                    + ".AdvancedGlideClusterClientConfigurationBuilder("
                    + describeBase()
                    + ", refreshTopologyFromInitialNodes="
                    + refreshTopologyFromInitialNodes
                    + ", periodicChecks="
                    + (periodicChecksSet ? periodicChecks : "<default>")
                    + ")";
        }
    }

    private static final class AdvancedGlideClusterClientConfigurationBuilderImpl
            extends AdvancedGlideClusterClientConfigurationBuilder<
                    AdvancedGlideClusterClientConfiguration,
                    AdvancedGlideClusterClientConfigurationBuilderImpl> {

        private AdvancedGlideClusterClientConfigurationBuilderImpl() {}

        @Override
        protected AdvancedGlideClusterClientConfigurationBuilderImpl self() {
            return this;
        }

        @Override
        public AdvancedGlideClusterClientConfiguration build() {
            return new AdvancedGlideClusterClientConfiguration(this);
        }
    }
}
