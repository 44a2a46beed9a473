package glide.api.models.configuration;

/**
 * Reconnection backoff: after a connection loss the client waits, between attempts, a delay that
 * grows as {@code factor * exponentBase^attempt} milliseconds (plus random jitter) until {@code
 * numOfRetries} attempts have been made, after which the delay stays at its last value. Unset
 * fields leave the client's defaults in place.
 */
public class BackoffStrategy {

    private final Integer numOfRetries;
    private final Integer factor;
    private final Integer exponentBase;
    private final Integer jitterPercent;

    BackoffStrategy(
            Integer numOfRetries, Integer factor, Integer exponentBase, Integer jitterPercent) {
        this.numOfRetries = numOfRetries;
        this.factor = factor;
        this.exponentBase = exponentBase;
        this.jitterPercent = jitterPercent;
    }

    public static BackoffStrategyBuilder builder() {
        return new BackoffStrategyBuilder();
    }

    /** Number of attempts over which the delay keeps growing. */
    public Integer getNumOfRetries() {
        return numOfRetries;
    }

    /** Multiplier of the delay, in milliseconds. */
    public Integer getFactor() {
        return factor;
    }

    /** Base of the exponent. */
    public Integer getExponentBase() {
        return exponentBase;
    }

    /** Random jitter, as a percentage of the computed delay. */
    public Integer getJitterPercent() {
        return jitterPercent;
    }

    @Override
    public String toString() {
        return "BackoffStrategy(numOfRetries="
                + numOfRetries
                + ", factor="
                + factor
                + ", exponentBase="
                + exponentBase
                + ", jitterPercent="
                + jitterPercent
                + ")";
    }

    /** Builder for {@link BackoffStrategy}. */
    public static class BackoffStrategyBuilder {
        private Integer numOfRetries;
        private Integer factor;
        private Integer exponentBase;
        private Integer jitterPercent;

        BackoffStrategyBuilder() {}

        public BackoffStrategyBuilder numOfRetries(Integer numOfRetries) {
            this.numOfRetries = numOfRetries;
            return this;
        }

        public BackoffStrategyBuilder factor(Integer factor) {
            this.factor = factor;
            return this;
        }

        public BackoffStrategyBuilder exponentBase(Integer exponentBase) {
            this.exponentBase = exponentBase;
            return this;
        }

        public BackoffStrategyBuilder jitterPercent(Integer jitterPercent) {
            this.jitterPercent = jitterPercent;
            return this;
        }

        public BackoffStrategy build() {
            return new BackoffStrategy(numOfRetries, factor, exponentBase, jitterPercent);
        }

        @Override
        public String toString() {
            return "BackoffStrategy.BackoffStrategyBuilder(numOfRetries="
                    + numOfRetries
                    + ", factor="
                    + factor
                    + ", exponentBase="
                    + exponentBase
                    + ", jitterPercent="
                    + jitterPercent
                    + ")";
        }
    }
}
