package glide.internal;

import glide.api.models.GlideString;
import glide.api.models.exceptions.RequestException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Builds a command's arguments as the byte arrays that cross to the core: UTF-8 for {@code
 * String}, raw bytes for {@link GlideString}. A null argument is refused with a message naming
 * the command.
 */
public final class Args {
    private final String command;
    private byte[][] items;
    private int size;

    /** Command names as bytes, made once: the core only reads argument arrays. */
    private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> NAMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private Args(String command, int capacity) {
        this.command = command;
        this.items = new byte[Math.max(capacity, 1)][];
        this.items[size++] = NAMES.computeIfAbsent(command, n -> n.getBytes(StandardCharsets.US_ASCII));
    }

    /** Starts a command; {@code capacity} is a hint for the argument count including the name. */
    public static Args command(String name, int capacity) {
        return new Args(name, capacity);
    }

    public Args add(String arg) {
        return addBytes(requireArg(arg).getBytes(StandardCharsets.UTF_8));
    }

    public Args add(GlideString arg) {
        return addBytes(requireArg(arg).getBytes());
    }

    public Args add(long arg) {
        return addBytes(Long.toString(arg).getBytes(StandardCharsets.US_ASCII));
    }

    public Args add(double arg) {
        return addBytes(Double.toString(arg).getBytes(StandardCharsets.US_ASCII));
    }

    public Args addAll(String[] args) {
        for (String a : requireArg(args)) {
            add(a);
        }
        return this;
    }

    public Args addAll(GlideString[] args) {
        for (GlideString a : requireArg(args)) {
            add(a);
        }
        return this;
    }

    private Args addBytes(byte[] bytes) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = bytes;
        return this;
    }

    private <T> T requireArg(T arg) {
        if (arg == null) {
            throw new NullPointerException(command + ": argument " + size + " must not be null");
        }
        return arg;
    }

    public byte[][] build() {
        return size == items.length ? items : Arrays.copyOf(items, size);
    }

    /**
     * Arguments given whole (customCommand): the first is the command name. Throws {@link
     * RequestException} for an empty command or a null argument.
     */
    public static byte[][] of(String[] args) {
        return whole(args, a -> a.getBytes(StandardCharsets.UTF_8));
    }

    /** Binary arguments given whole (customCommand); errors as for {@link #of(String[])}. */
    public static byte[][] of(GlideString[] args) {
        return whole(args, GlideString::getBytes);
    }

    private static <T> byte[][] whole(T[] args, Function<T, byte[]> toBytes) {
        if (args == null || args.length == 0) {
            throw new RequestException("customCommand needs at least the command name");
        }
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                throw new RequestException("customCommand: argument " + i + " is null");
            }
            out[i] = toBytes.apply(args[i]);
        }
        return out;
    }
}
