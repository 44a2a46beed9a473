package glide.api.models.commands;

import java.util.Objects;

/**
 * Options of {@code HGETEX} (Valkey 9.0 / Redis 8.0 and later): the expiry the fields read get.
 *
 * <pre>{@code
 * HGetExOptions options = HGetExOptions.builder().expiry(HGetExExpiry.Persist()).build();
 * }</pre>
 */
public final class HGetExOptions {
    private final HGetExExpiry expiry;

    private HGetExOptions(HGetExExpiry expiry) {
        this.expiry = expiry;
    }

    /** The arguments between the key and {@code FIELDS}. */
    public String[] toArgs() {
        return expiry == null ? new String[0] : expiry.toArgs();
    }

    public static HGetExOptionsBuilder builder() {
        return new HGetExOptionsBuilder();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof HGetExOptions && Objects.equals(expiry, ((HGetExOptions) other).expiry));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(expiry);
    }

    @Override
    public String toString() {
        return "HGetExOptions(expiry=" + expiry + ")";
    }

    /** Builds {@link HGetExOptions}; without an expiry the fields' expiry is left as it is. */
    public static class HGetExOptionsBuilder {
        private HGetExExpiry expiry;

        HGetExOptionsBuilder() {}

        public HGetExOptionsBuilder expiry(HGetExExpiry expiry) {
            this.expiry = expiry;
            return this;
        }

        public HGetExOptions build() {
            return new HGetExOptions(expiry);
        }

        @Override
        public String toString() {
            return "HGetExOptions.HGetExOptionsBuilder(expiry=" + expiry + ")";
        }
    }
}
