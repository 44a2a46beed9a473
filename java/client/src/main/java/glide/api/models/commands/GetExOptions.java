package glide.api.models.commands;

import glide.api.models.GlideString;

/**
 * The expiry GETEX sets while it reads a key: a relative time ({@code EX} seconds, {@code PX}
 * milliseconds), an absolute Unix time ({@code EXAT} seconds, {@code PXAT} milliseconds), or
 * {@code PERSIST} to remove any expiry. Made by the static factories, one per kind.
 */
public class GetExOptions {
    private final ExpiryType type;
    private final Long count;

    private GetExOptions(ExpiryType type, Long count) {
        this.type = type;
        this.count = count;
    }

    /** Expire after {@code seconds} ({@code EX}). */
    public static GetExOptions Seconds(Long seconds) {
        return new GetExOptions(ExpiryType.SECONDS, seconds);
    }

    /** Expire after {@code milliseconds} ({@code PX}). */
    public static GetExOptions Milliseconds(Long milliseconds) {
        return new GetExOptions(ExpiryType.MILLISECONDS, milliseconds);
    }

    /** Expire at a Unix time in seconds ({@code EXAT}). */
    public static GetExOptions UnixSeconds(Long unixSeconds) {
        return new GetExOptions(ExpiryType.UNIX_SECONDS, unixSeconds);
    }

    /** Expire at a Unix time in milliseconds ({@code PXAT}). */
    public static GetExOptions UnixMilliseconds(Long unixMilliseconds) {
        return new GetExOptions(ExpiryType.UNIX_MILLISECONDS, unixMilliseconds);
    }

    /** Remove the key's expiry ({@code PERSIST}). */
    public static GetExOptions Persist() {
        return new GetExOptions(ExpiryType.PERSIST, null);
    }

    /**
     * The arguments after GETEX's key: the token, then the time unless it is {@code PERSIST}.
     *
     * @throws IllegalArgumentException if a time kind was made with a null time
     */
    public String[] toArgs() {
        if (type == ExpiryType.PERSIST) {
            return new String[] {type.valkeyApi};
        }
        if (count == null) {
            throw new IllegalArgumentException("GETEX " + type.valkeyApi + " needs a time, not null");
        }
        return new String[] {type.valkeyApi, count.toString()};
    }

    /** {@link #toArgs()} as {@link GlideString}s. */
    public GlideString[] toGlideStringArgs() {
        String[] args = toArgs();
        GlideString[] out = new GlideString[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = GlideString.of(args[i]);
        }
        return out;
    }

    /** The kinds of expiry GETEX accepts. */
    public enum ExpiryType {
        SECONDS("EX"),
        MILLISECONDS("PX"),
        UNIX_SECONDS("EXAT"),
        UNIX_MILLISECONDS("PXAT"),
        PERSIST("PERSIST");

        private final String valkeyApi;

        ExpiryType(String valkeyApi) {
            this.valkeyApi = valkeyApi;
        }
    }
}
