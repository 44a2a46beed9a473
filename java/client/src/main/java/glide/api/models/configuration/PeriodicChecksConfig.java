package glide.api.models.configuration;

/**
 * How often a cluster client re-checks the cluster topology in the background. Implemented by
 * {@link PeriodicChecksStatus} (on with default interval, or off) and {@link
 * PeriodicChecksManualInterval} (on with a chosen interval).
 */
public interface PeriodicChecksConfig {}
