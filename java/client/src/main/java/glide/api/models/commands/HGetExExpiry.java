package glide.api.models.commands;

import java.util.Objects;

/**
 * The expiry {@code HGETEX} gives the fields it reads: a relative time ({@code EX}/{@code PX}), a
 * Unix time ({@code EXAT}/{@code PXAT}), or {@code PERSIST} (remove their expiry).
 */
public final class HGetExExpiry {

    /** The kinds of expiry and their tokens. */
    public enum HGetExExpiryType {
        PERSIST("PERSIST"),
        SECONDS("EX"),
        MILLISECONDS("PX"),
        UNIX_SECONDS("EXAT"),
        UNIX_MILLISECONDS("PXAT");

        private final String valkeyApi;

        HGetExExpiryType(String valkeyApi) {
            this.valkeyApi = valkeyApi;
        }
    }

    private final HGetExExpiryType type;
    /** Null for PERSIST. */
    private final Long count;

    private HGetExExpiry(HGetExExpiryType type, Long count) {
        this.type = type;
        this.count = count;
    }

    /** Expire after this many seconds ({@code EX}); must be positive. */
    public static HGetExExpiry Seconds(Long seconds) {
        return new HGetExExpiry(HGetExExpiryType.SECONDS, ExpirySet.positive(seconds, "Seconds"));
    }

    /** Expire after this many milliseconds ({@code PX}); must be positive. */
    public static HGetExExpiry Milliseconds(Long milliseconds) {
        return new HGetExExpiry(HGetExExpiryType.MILLISECONDS, ExpirySet.positive(milliseconds, "Milliseconds"));
    }

    /** Expire at this Unix time in seconds ({@code EXAT}); must be positive. */
    public static HGetExExpiry UnixSeconds(Long unixSeconds) {
        return new HGetExExpiry(HGetExExpiryType.UNIX_SECONDS, ExpirySet.positive(unixSeconds, "Unix seconds"));
    }

    /** Expire at this Unix time in milliseconds ({@code PXAT}); must be positive. */
    public static HGetExExpiry UnixMilliseconds(Long unixMilliseconds) {
        return new HGetExExpiry(
                HGetExExpiryType.UNIX_MILLISECONDS, ExpirySet.positive(unixMilliseconds, "Unix milliseconds"));
    }

    /** Remove the fields' expiry ({@code PERSIST}). */
    public static HGetExExpiry Persist() {
        return new HGetExExpiry(HGetExExpiryType.PERSIST, null);
    }

    /** The token and, for a time, the number. */
    public String[] toArgs() {
        return count == null ? new String[] {type.valkeyApi} : new String[] {type.valkeyApi, count.toString()};
    }

    @Override
    public String toString() {
        return "HGetExExpiry{type=" + type + ", count=" + count + "}";
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof HGetExExpiry)) {
            return false;
        }
        HGetExExpiry that = (HGetExExpiry) other;
        return type == that.type && Objects.equals(count, that.count);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, count);
    }
}
