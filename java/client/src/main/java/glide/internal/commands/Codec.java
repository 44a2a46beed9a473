package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.Args;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How one kind of argument and result is carried: {@link #TEXT} for the API's {@code String}
 * overloads, {@link #BINARY} for its {@link GlideString} ones. A command is defined once,
 * generic over {@code V}; the codec given to the definition encodes its keys and values and picks
 * the converter of each result whose type follows the argument type (a value, an array of
 * values, a map, a set...). Results whose type is fixed whatever the overload (a count, a
 * boolean, "OK") are named by the definition itself.
 *
 * <p>Null contract: a null key or value is refused when the command is built, with a {@link
 * NullPointerException} naming the command and the argument's position (see {@link Args}); the
 * converters return null for a nil reply.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public abstract class Codec<V> {
    /** UTF-8 arguments; text results, whose bytes must be valid UTF-8. */
    public static final Codec<String> TEXT = new TextCodec();

    /** Arguments as their bytes; results as {@link GlideString}s, byte for byte. */
    public static final Codec<GlideString> BINARY = new BinaryCodec();

    Codec() {}

    /** Whether the core hands bulk strings over as bytes ({@link GlideString}), not text. */
    public abstract boolean binary();

    /** Appends {@code value}, encoded, to {@code args}. */
    abstract void add(Args args, V value);

    /** Appends each of {@code values}, encoded, to {@code args}. */
    abstract void addAll(Args args, V[] values);

    /** A single value, or null (GET). */
    public abstract Function<Object, V> value();

    /** An array of values, null kept for missing ones (MGET, SORT). */
    public abstract Function<Object, V[]> array();

    /**
     * A reply the API declares {@code String} for both overloads but which may carry a value
     * (SET ... GET): checked to be text here, decoded from the bytes under {@link #BINARY}.
     */
    public abstract Function<Object, String> text();

    /** A map of values to values (HGETALL, CONFIG GET). */
    public abstract Function<Object, Map<V, V>> map();

    /** A set of values (SMEMBERS). */
    public abstract Function<Object, Set<V>> set();

    /** Starts command {@code name}; {@code capacity} hints at the argument count, name included. */
    public CommandBuilder<V> command(String name, int capacity) {
        return new CommandBuilder<>(this, Args.command(name, capacity));
    }
}
