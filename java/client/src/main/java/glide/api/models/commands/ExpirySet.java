package glide.api.models.commands;

import java.util.Objects;

/**
 * The expiry {@code HSETEX} gives the fields it sets: a relative time ({@code EX}/{@code PX}), a
 * Unix time ({@code EXAT}/{@code PXAT}), or {@code KEEPTTL} (keep the fields' current expiry).
 *
 * <pre>{@code
 * HSetExOptions options = HSetExOptions.builder().expiry(ExpirySet.Seconds(60L)).build();
 * }</pre>
 */
public final class ExpirySet {

    /** The kinds of expiry and their tokens. */
    public enum ExpiryType {
        KEEP_EXISTING("KEEPTTL"),
        PERSIST("PERSIST"),
        SECONDS("EX"),
        MILLISECONDS("PX"),
        UNIX_SECONDS("EXAT"),
        UNIX_MILLISECONDS("PXAT");

        private final String valkeyApi;

        ExpiryType(String valkeyApi) {
            this.valkeyApi = valkeyApi;
        }
    }

    private final ExpiryType type;
    /** Null for KEEP_EXISTING and PERSIST. */
    private final Long count;

    private ExpirySet(ExpiryType type, Long count) {
        this.type = type;
        this.count = count;
    }

    /** Keep the fields' current expiry ({@code KEEPTTL}). */
    public static ExpirySet KeepExisting() {
        return new ExpirySet(ExpiryType.KEEP_EXISTING, null);
    }

    /** Expire after this many seconds ({@code EX}); must be positive. */
    public static ExpirySet Seconds(Long seconds) {
        return new ExpirySet(ExpiryType.SECONDS, positive(seconds, "Seconds"));
    }

    /** Expire after this many milliseconds ({@code PX}); must be positive. */
    public static ExpirySet Milliseconds(Long milliseconds) {
        return new ExpirySet(ExpiryType.MILLISECONDS, positive(milliseconds, "Milliseconds"));
    }

    /** Expire at this Unix time in seconds ({@code EXAT}); must be positive. */
    public static ExpirySet UnixSeconds(Long unixSeconds) {
        return new ExpirySet(ExpiryType.UNIX_SECONDS, positive(unixSeconds, "Unix seconds"));
    }

    /** Expire at this Unix time in milliseconds ({@code PXAT}); must be positive. */
    public static ExpirySet UnixMilliseconds(Long unixMilliseconds) {
        return new ExpirySet(ExpiryType.UNIX_MILLISECONDS, positive(unixMilliseconds, "Unix milliseconds"));
    }

    /** Remove the expiry ({@code PERSIST}); only {@code HGETEX} accepts it. */
    public static ExpirySet Persist() {
        return new ExpirySet(ExpiryType.PERSIST, null);
    }

    static Long positive(Long value, String what) {
        if (value == null || value <= 0) {
            throw new IllegalArgumentException(what + " must be positive");
        }
        return value;
    }

    /**
     * Throws {@link IllegalArgumentException} if {@code command} does not accept this expiry:
     * {@code PERSIST} is for {@code HGETEX} only and {@code KEEPTTL} is not for {@code HGETEX}.
     */
    public void validateForCommand(String command) {
        if (command == null) {
            throw new IllegalArgumentException("Command name cannot be null");
        }
        boolean hgetex = command.equalsIgnoreCase("HGETEX");
        if (type == ExpiryType.PERSIST && !hgetex) {
            throw new IllegalArgumentException("PERSIST is accepted by HGETEX only, not by " + command);
        }
        if (type == ExpiryType.KEEP_EXISTING && hgetex) {
            throw new IllegalArgumentException("HGETEX does not accept KEEPTTL (PERSIST removes an expiry)");
        }
    }

    /** The token and, for a time, the number. */
    public String[] toArgs() {
        return count == null ? new String[] {type.valkeyApi} : new String[] {type.valkeyApi, count.toString()};
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ExpirySet)) {
            return false;
        }
        ExpirySet that = (ExpirySet) other;
        return type == that.type && Objects.equals(count, that.count);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, count);
    }

    @Override
    public String toString() {
        return "ExpirySet{type=" + type + ", count=" + count + "}";
    }
}
