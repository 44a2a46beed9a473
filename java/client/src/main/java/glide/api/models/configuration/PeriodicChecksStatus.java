package glide.api.models.configuration;

/** Predefined settings for background topology checks of a cluster client. */
public enum PeriodicChecksStatus implements PeriodicChecksConfig {
    /** Checks run with the client's default interval. */
    ENABLED_DEFAULT_CONFIGS,
    /** No background topology checks. */
    DISABLED
}
