package glide.api.models.commands;

import java.util.Objects;

/**
 * The condition of {@code HEXPIRE}, {@code HPEXPIRE}, {@code HEXPIREAT} and {@code HPEXPIREAT}
 * ({@code NX}, {@code XX}, {@code GT}, {@code LT}), applied field by field.
 *
 * <pre>{@code
 * HashFieldExpirationConditionOptions onlyNew = HashFieldExpirationConditionOptions.builder()
 *         .condition(ExpireOptions.HAS_NO_EXPIRY).build();
 * }</pre>
 */
public final class HashFieldExpirationConditionOptions {
    private final ExpireOptions condition;

    private HashFieldExpirationConditionOptions(ExpireOptions condition) {
        this.condition = condition;
    }

    /** The condition's token, or nothing. */
    public String[] toArgs() {
        return condition == null ? new String[0] : condition.toArgs();
    }

    public static HashFieldExpirationConditionOptionsBuilder builder() {
        return new HashFieldExpirationConditionOptionsBuilder();
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || (other instanceof HashFieldExpirationConditionOptions
                        && condition == ((HashFieldExpirationConditionOptions) other).condition);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(condition);
    }

    @Override
    public String toString() {
        return "HashFieldExpirationConditionOptions(condition=" + condition + ")";
    }

    /** Builds {@link HashFieldExpirationConditionOptions}; no condition by default. */
    public static class HashFieldExpirationConditionOptionsBuilder {
        private ExpireOptions condition;

        HashFieldExpirationConditionOptionsBuilder() {}

        public HashFieldExpirationConditionOptionsBuilder condition(ExpireOptions condition) {
            this.condition = condition;
            return this;
        }

        public HashFieldExpirationConditionOptions build() {
            return new HashFieldExpirationConditionOptions(condition);
        }

        @Override
        public String toString() {
            return "HashFieldExpirationConditionOptions.HashFieldExpirationConditionOptionsBuilder(condition="
                    + condition + ")";
        }
    }
}
