package glide.api.models.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@code HSETEX} (Valkey 9.0 / Redis 8.0 and later): a condition on the fields ({@code
 * FNX}/{@code FXX}) and the expiry they get.
 *
 * <pre>{@code
 * HSetExOptions options = HSetExOptions.builder().onlyIfNoneExist().expiry(ExpirySet.Seconds(60L)).build();
 * }</pre>
 */
public final class HSetExOptions {
    private final FieldConditionalChange fieldConditionalChange;
    private final ExpirySet expiry;

    private HSetExOptions(FieldConditionalChange fieldConditionalChange, ExpirySet expiry) {
        this.fieldConditionalChange = fieldConditionalChange;
        this.expiry = expiry;
    }

    /**
     * The arguments between the key and {@code FIELDS}. Throws {@link IllegalArgumentException}
     * for an expiry {@code HSETEX} does not accept ({@code PERSIST}).
     */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(3);
        if (fieldConditionalChange != null) {
            args.add(fieldConditionalChange.getValkeyApi());
        }
        if (expiry != null) {
            expiry.validateForCommand("HSETEX");
            args.addAll(Arrays.asList(expiry.toArgs()));
        }
        return args.toArray(new String[0]);
    }

    public static HSetExOptionsBuilder builder() {
        return new HSetExOptionsBuilder();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof HSetExOptions)) {
            return false;
        }
        HSetExOptions that = (HSetExOptions) other;
        return fieldConditionalChange == that.fieldConditionalChange && Objects.equals(expiry, that.expiry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fieldConditionalChange, expiry);
    }

    @Override
    public String toString() {
        return "HSetExOptions(fieldConditionalChange=" + fieldConditionalChange + ", expiry=" + expiry + ")";
    }

    /** Builds {@link HSetExOptions}; nothing is set by default. */
    public static class HSetExOptionsBuilder {
        private FieldConditionalChange fieldConditionalChange;
        private ExpirySet expiry;

        HSetExOptionsBuilder() {}

        /** Set the fields only if all of them exist ({@code FXX}). */
        public HSetExOptionsBuilder onlyIfAllExist() {
            return fieldConditionalChange(FieldConditionalChange.ONLY_IF_ALL_EXIST);
        }

        /** Set the fields only if none of them exists ({@code FNX}). */
        public HSetExOptionsBuilder onlyIfNoneExist() {
            return fieldConditionalChange(FieldConditionalChange.ONLY_IF_NONE_EXIST);
        }

        public HSetExOptionsBuilder fieldConditionalChange(FieldConditionalChange fieldConditionalChange) {
            this.fieldConditionalChange = fieldConditionalChange;
            return this;
        }

        public HSetExOptionsBuilder expiry(ExpirySet expiry) {
            this.expiry = expiry;
            return this;
        }

        public HSetExOptions build() {
            return new HSetExOptions(fieldConditionalChange, expiry);
        }

        @Override
        public String toString() {
            return "HSetExOptions.HSetExOptionsBuilder(fieldConditionalChange=" + fieldConditionalChange
                    + ", expiry=" + expiry + ")";
        }
    }
}
