package glide.api.models.configuration;

/**
 * Settings for IAM authentication against AWS ElastiCache or MemoryDB: the client signs short-lived
 * tokens for the given cluster, service and region and refreshes them periodically.
 */
public class IamAuthConfig {

    private final String clusterName;
    private final ServiceType service;
    private final String region;
    private final Integer refreshIntervalSeconds;

    IamAuthConfig(
            String clusterName,
            ServiceType service,
            String region,
            Integer refreshIntervalSeconds) {
        this.clusterName = clusterName;
        this.service = service;
        this.region = region;
        this.refreshIntervalSeconds = refreshIntervalSeconds;
    }

    public static IamAuthConfigBuilder builder() {
        return new IamAuthConfigBuilder();
    }

    public String getClusterName() {
        return clusterName;
    }

    public ServiceType getService() {
        return service;
    }

    public String getRegion() {
        return region;
    }

    /** Seconds between token refreshes; null means the client's default. */
    public Integer getRefreshIntervalSeconds() {
        return refreshIntervalSeconds;
    }

    /** Builder for {@link IamAuthConfig}. */
    public static class IamAuthConfigBuilder {
        private String clusterName;
        private ServiceType service;
        private String region;
        private Integer refreshIntervalSeconds;

        IamAuthConfigBuilder() {}

        public IamAuthConfigBuilder clusterName(String clusterName) {
            this.clusterName = clusterName;
            return this;
        }

        public IamAuthConfigBuilder service(ServiceType service) {
            this.service = service;
            return this;
        }

        public IamAuthConfigBuilder region(String region) {
            this.region = region;
            return this;
        }

        public IamAuthConfigBuilder refreshIntervalSeconds(Integer refreshIntervalSeconds) {
            this.refreshIntervalSeconds = refreshIntervalSeconds;
            return this;
        }

        public IamAuthConfig build() {
            return new IamAuthConfig(clusterName, service, region, refreshIntervalSeconds);
        }

        @Override
        public String toString() {
            return "IamAuthConfig.IamAuthConfigBuilder(clusterName="
                    + clusterName
                    + ", service="
                    + service
                    + ", region="
                    + region
                    + ", refreshIntervalSeconds="
                    + refreshIntervalSeconds
                    + ")";
        }
    }
}
