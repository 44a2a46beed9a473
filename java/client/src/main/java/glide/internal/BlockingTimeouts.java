package glide.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Timeouts for blocking commands: they wait as long as the caller asked the server to wait, plus
 * a margin for the round trip, instead of the client's request timeout. A server-side timeout of
 * 0 ("forever") means no client timeout either.
 */
public final class BlockingTimeouts {
    private BlockingTimeouts() {}

    /** Added to a blocking command's own timeout. */
    public static final int MARGIN_MS = 500;

    /** Native timeout argument meaning "the client's default" ({@link Wire.Timeout}). */
    public static final int DEFAULT = Wire.Timeout.DEFAULT;

    /** Native timeout argument meaning "no timeout". */
    public static final int NONE = Wire.Timeout.NONE;

    /** The native timeout for a blocking command that waits {@code seconds} (0: forever). */
    public static int forSeconds(double seconds) {
        if (!(seconds > 0)) {
            return NONE;
        }
        double ms = seconds * 1000.0 + MARGIN_MS;
        return ms >= Integer.MAX_VALUE ? NONE : (int) Math.ceil(ms);
    }

    /** The native timeout for a blocking command that waits {@code ms} milliseconds (0: forever). */
    public static int forMillis(long ms) {
        if (ms <= 0) {
            return NONE;
        }
        long total = ms + MARGIN_MS;
        return total >= Integer.MAX_VALUE ? NONE : (int) total;
    }

    /**
     * The native timeout for an arbitrary command (customCommand): recognises the blocking
     * commands and reads their timeout argument; everything else gets the default.
     */
    public static int forCommand(byte[][] args) {
        try {
            String name = ascii(args[0]).toUpperCase(Locale.ROOT);
            switch (name) {
                case "BLPOP":
                case "BRPOP":
                case "BZPOPMIN":
                case "BZPOPMAX":
                case "BRPOPLPUSH":
                case "BLMOVE":
                    return forSeconds(Double.parseDouble(ascii(args[args.length - 1])));
                case "BLMPOP":
                case "BZMPOP":
                    return forSeconds(Double.parseDouble(ascii(args[1])));
                case "WAIT":
                case "WAITAOF":
                    return forMillis(Long.parseLong(ascii(args[args.length - 1])));
                case "XREAD":
                case "XREADGROUP":
                    for (int i = 1; i + 1 < args.length; i++) {
                        if (ascii(args[i]).equalsIgnoreCase("BLOCK")) {
                            return forMillis(Long.parseLong(ascii(args[i + 1])));
                        }
                    }
                    return DEFAULT;
                default:
                    return DEFAULT;
            }
        } catch (RuntimeException malformed) {
            // Let the server reject a malformed command with its own message.
            return DEFAULT;
        }
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
