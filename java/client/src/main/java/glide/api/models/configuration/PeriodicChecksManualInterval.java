package glide.api.models.configuration;

/** Background topology checks of a cluster client, run at an interval chosen by the user. */
public class PeriodicChecksManualInterval implements PeriodicChecksConfig {

    private final Integer durationInSec;

    PeriodicChecksManualInterval(Integer durationInSec) {
        this.durationInSec = durationInSec;
    }

    public static PeriodicChecksManualIntervalBuilder builder() {
        return new PeriodicChecksManualIntervalBuilder();
    }

    /** Seconds between two checks. */
    public Integer getDurationInSec() {
        return durationInSec;
    }

    @Override
    public String toString() {
        return "PeriodicChecksManualInterval(durationInSec=" + durationInSec + ")";
    }

    /** Builder for {@link PeriodicChecksManualInterval}. */
    public static class PeriodicChecksManualIntervalBuilder {
        private Integer durationInSec;

        PeriodicChecksManualIntervalBuilder() {}

        public PeriodicChecksManualIntervalBuilder durationInSec(Integer durationInSec) {
            this.durationInSec = durationInSec;
            return this;
        }

        public PeriodicChecksManualInterval build() {
            return new PeriodicChecksManualInterval(durationInSec);
        }

        @Override
        public String toString() {
            return "PeriodicChecksManualInterval.PeriodicChecksManualIntervalBuilder(durationInSec="
                    + durationInSec
                    + ")";
        }
    }
}
