package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;

/**
 * Optional arguments of the SET command: a write condition ({@code XX}, {@code NX} or {@code IFEQ
 * value}), whether to return the previous value ({@code GET}) and an expiry ({@code EX}, {@code
 * PX}, {@code EXAT}, {@code PXAT} or {@code KEEPTTL}).
 *
 * <p>Instances are created with {@link #builder()}; {@link #toArgs()} renders them in the order
 * the server expects: condition, then {@code GET}, then expiry.
 */
public final class SetOptions {

    /** The {@code GET} token, asking SET to reply with the value the key held before. */
    public static final String RETURN_OLD_VALUE = "GET";

    private final ConditionalSet conditionalSet;
    private final GlideString comparisonValue;
    private final boolean returnOldValue;
    private final Expiry expiry;

    SetOptions(
            ConditionalSet conditionalSet,
            GlideString comparisonValue,
            boolean returnOldValue,
            Expiry expiry) {
        this.conditionalSet = conditionalSet;
        this.comparisonValue = comparisonValue;
        this.returnOldValue = returnOldValue;
        this.expiry = expiry;
    }

    /** Starts building a set of options; nothing is set by default. */
    public static SetOptionsBuilder builder() {
        return new SetOptionsBuilder();
    }

    /**
     * The options as command arguments (after the key and value). A binary comparison value that
     * is not valid UTF-8 cannot be carried by a {@code String}; use {@link #toArgsBinary()} then.
     */
    public String[] toArgs() {
        List<GlideString> args = collect();
        String[] out = new String[args.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = args.get(i).toString();
        }
        return out;
    }

    /** The options as binary-safe command arguments (after the key and value). */
    public GlideString[] toArgsBinary() {
        return collect().toArray(new GlideString[0]);
    }

    private List<GlideString> collect() {
        List<GlideString> args = new ArrayList<>(4);
        if (conditionalSet != null) {
            args.add(GlideString.of(conditionalSet.getValkeyApi()));
            if (conditionalSet == ConditionalSet.ONLY_IF_EQUAL) {
                if (comparisonValue == null) {
                    throw new IllegalArgumentException(
                            "SET with ONLY_IF_EQUAL (IFEQ) requires a comparison value");
                }
                args.add(comparisonValue);
            }
        }
        if (returnOldValue) {
            args.add(GlideString.of(RETURN_OLD_VALUE));
        }
        if (expiry != null) {
            args.add(GlideString.of(expiry.type.valkeyApi));
            if (expiry.type != ExpiryType.KEEP_EXISTING) {
                if (expiry.count == null) {
                    throw new IllegalArgumentException(
                            "SET expiry " + expiry.type + " requires a non-null amount");
                }
                args.add(GlideString.of(expiry.count.toString()));
            }
        }
        return args;
    }

    /** Write condition of the SET command. */
    public enum ConditionalSet {
        /** Only set the key if it already exists ({@code XX}). */
        ONLY_IF_EXISTS("XX"),
        /** Only set the key if it does not exist yet ({@code NX}). */
        ONLY_IF_DOES_NOT_EXIST("NX"),
        /**
         * Only set the key if its current value equals the comparison value ({@code IFEQ value};
         * Valkey 8.1 and later).
         */
        ONLY_IF_EQUAL("IFEQ");

        private final String valkeyApi;

        ConditionalSet(String valkeyApi) {
            this.valkeyApi = valkeyApi;
        }

        /** The command token for this condition. */
        public String getValkeyApi() {
            return valkeyApi;
        }
    }

    /** The kinds of expiry SET understands. */
    public enum ExpiryType {
        /** Keep the key's current time to live ({@code KEEPTTL}). */
        KEEP_EXISTING("KEEPTTL"),
        /** Relative, in seconds ({@code EX}). */
        SECONDS("EX"),
        /** Relative, in milliseconds ({@code PX}). */
        MILLISECONDS("PX"),
        /** Absolute Unix time in seconds ({@code EXAT}). */
        UNIX_SECONDS("EXAT"),
        /** Absolute Unix time in milliseconds ({@code PXAT}). */
        UNIX_MILLISECONDS("PXAT");

        private final String valkeyApi;

        ExpiryType(String valkeyApi) {
            this.valkeyApi = valkeyApi;
        }
    }

    /** An expiry for SET; create one with the static factories. */
    public static final class Expiry {
        private final ExpiryType type;
        private final Long count;

        private Expiry(ExpiryType type) {
            this(type, null);
        }

        private Expiry(ExpiryType type, Long count) {
            this.type = type;
            this.count = count;
        }

        /** Retain the time to live the key already has ({@code KEEPTTL}). */
        public static Expiry KeepExisting() {
            return new Expiry(ExpiryType.KEEP_EXISTING);
        }

        /** Expire after the given number of seconds ({@code EX}). */
        public static Expiry Seconds(Long seconds) {
            return new Expiry(ExpiryType.SECONDS, seconds);
        }

        /** Expire after the given number of milliseconds ({@code PX}). */
        public static Expiry Milliseconds(Long milliseconds) {
            return new Expiry(ExpiryType.MILLISECONDS, milliseconds);
        }

        /** Expire at the given Unix time, in seconds ({@code EXAT}). */
        public static Expiry UnixSeconds(Long unixSeconds) {
            return new Expiry(ExpiryType.UNIX_SECONDS, unixSeconds);
        }

        /** Expire at the given Unix time, in milliseconds ({@code PXAT}). */
        public static Expiry UnixMilliseconds(Long unixMilliseconds) {
            return new Expiry(ExpiryType.UNIX_MILLISECONDS, unixMilliseconds);
        }

        private String describe() {
            return count == null ? type.toString() : type + " " + count;
        }
    }

    /** Builder for {@link SetOptions}. */
    public static class SetOptionsBuilder {
        private ConditionalSet conditionalSet;
        private GlideString comparisonValue;
        private boolean returnOldValue;
        private Expiry expiry;

        SetOptionsBuilder() {}

        /** Only set the key if it exists ({@code XX}). */
        public SetOptionsBuilder conditionalSetOnlyIfExists() {
            this.conditionalSet = ConditionalSet.ONLY_IF_EXISTS;
            return this;
        }

        /** Only set the key if it does not exist ({@code NX}). */
        public SetOptionsBuilder conditionalSetOnlyIfNotExist() {
            this.conditionalSet = ConditionalSet.ONLY_IF_DOES_NOT_EXIST;
            return this;
        }

        /** Only set the key if its current value equals {@code value} ({@code IFEQ value}). */
        public SetOptionsBuilder conditionalSetOnlyIfEqualTo(String value) {
            return conditionalSetOnlyIfEqualTo(value == null ? null : GlideString.of(value));
        }

        /** Only set the key if its current value equals {@code value} ({@code IFEQ value}). */
        public SetOptionsBuilder conditionalSetOnlyIfEqualTo(GlideString value) {
            this.conditionalSet = ConditionalSet.ONLY_IF_EQUAL;
            this.comparisonValue = value;
            return this;
        }

        /** Sets the write condition directly. */
        public SetOptionsBuilder conditionalSet(ConditionalSet conditionalSet) {
            this.conditionalSet = conditionalSet;
            return this;
        }

        /** Sets the value compared against by {@link ConditionalSet#ONLY_IF_EQUAL}. */
        public SetOptionsBuilder comparisonValue(GlideString comparisonValue) {
            this.comparisonValue = comparisonValue;
            return this;
        }

        /** Whether SET should reply with the previous value ({@code GET}). */
        public SetOptionsBuilder returnOldValue(boolean returnOldValue) {
            this.returnOldValue = returnOldValue;
            return this;
        }

        /** Sets the expiry, or clears it when {@code null}. */
        public SetOptionsBuilder expiry(Expiry expiry) {
            this.expiry = expiry;
            return this;
        }

        public SetOptions build() {
            return new SetOptions(conditionalSet, comparisonValue, returnOldValue, expiry);
        }

        @Override
        public String toString() {
            return "SetOptions.SetOptionsBuilder(conditionalSet="
                    + conditionalSet
                    + ", comparisonValue="
                    + comparisonValue
                    + ", returnOldValue="
                    + returnOldValue
                    + ", expiry="
                    + (expiry == null ? null : expiry.describe())
                    + ")";
        }
    }
}
