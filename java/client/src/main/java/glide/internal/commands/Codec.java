package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.Args;
import glide.internal.ReplyConverters;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * How one kind of argument and result is carried: {@link #TEXT} for the API's {@code String}
 * overloads, {@link #BINARY} for its {@link GlideString} ones. A command is defined once,
 * generic over {@code V}; the codec given to the definition encodes its keys and values and picks
 * the converter of each result whose type follows the argument type (a value, an array of
 * values, a map, a set...). Results whose type is fixed whatever the overload (a count, a
 * boolean, "OK") are named by the definition itself.
 *
 * <p>The two codecs differ only in data (what {@link Args} does with a value, which converters),
 * so they are two instances of this class, not two classes.
 *
 * <p>Null contract: a null key or value is refused when the command is built, with a {@link
 * NullPointerException} naming the command and the argument's position (see {@link Args}); the
 * converters return null for a nil reply.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class Codec<V> {
    /**
     * UTF-8 arguments; text results, whose bytes must be valid UTF-8 (a reply that is not fails
     * with a {@code RequestException} pointing at the GlideString overload, instead of decoding
     * lossily).
     */
    public static final Codec<String> TEXT =
            new Codec<>(
                    false,
                    Args::add,
                    Args::addAll,
                    ReplyConverters.STRING,
                    ReplyConverters.STRING_ARRAY,
                    ReplyConverters.STRING,
                    ReplyConverters.TEXT_MAP,
                    ReplyConverters.STRING_SET,
                    ReplyConverters.STRING_PAIRS,
                    ReplyConverters.TEXT_TO_TEXT_ARRAY_MAP,
                    ReplyConverters.SCAN_STEP);

    /**
     * Arguments as their bytes; results as {@link GlideString}s, byte for byte, except the replies
     * the API declares {@code String} for both overloads ({@link #text()}), which are decoded.
     */
    public static final Codec<GlideString> BINARY =
            new Codec<>(
                    true,
                    Args::add,
                    Args::addAll,
                    ReplyConverters.GLIDE_STRING,
                    ReplyConverters.GLIDE_STRING_ARRAY,
                    ReplyConverters.ANY_TEXT,
                    ReplyConverters.<GlideString, GlideString>map(),
                    ReplyConverters.GLIDE_STRING_SET,
                    ReplyConverters.GLIDE_STRING_PAIRS,
                    ReplyConverters.GLIDE_TO_GLIDE_ARRAY_MAP,
                    ReplyConverters.SCAN_STEP_BINARY);

    private final boolean binary;
    private final BiConsumer<Args, V> add;
    private final BiConsumer<Args, V[]> addAll;
    private final Function<Object, V> value;
    private final Function<Object, V[]> array;
    private final Function<Object, String> text;
    private final Function<Object, Map<V, V>> map;
    private final Function<Object, Set<V>> set;
    private final Function<Object, V[][]> pairs;
    private final Function<Object, Map<V, V[]>> arrays;
    private final Function<Object, Object[]> scanStep;

    private Codec(
            boolean binary,
            BiConsumer<Args, V> add,
            BiConsumer<Args, V[]> addAll,
            Function<Object, V> value,
            Function<Object, V[]> array,
            Function<Object, String> text,
            Function<Object, Map<V, V>> map,
            Function<Object, Set<V>> set,
            Function<Object, V[][]> pairs,
            Function<Object, Map<V, V[]>> arrays,
            Function<Object, Object[]> scanStep) {
        this.binary = binary;
        this.add = add;
        this.addAll = addAll;
        this.value = value;
        this.array = array;
        this.text = text;
        this.map = map;
        this.set = set;
        this.pairs = pairs;
        this.arrays = arrays;
        this.scanStep = scanStep;
    }

    /** Whether the core hands bulk strings over as bytes ({@link GlideString}), not text. */
    public boolean binary() {
        return binary;
    }

    /** Appends {@code value}, encoded, to {@code args}. */
    void add(Args args, V value) {
        add.accept(args, value);
    }

    /** Appends each of {@code values}, encoded, to {@code args}. */
    void addAll(Args args, V[] values) {
        addAll.accept(args, values);
    }

    /** A single value, or null (GET). */
    public Function<Object, V> value() {
        return value;
    }

    /** An array of values, null kept for missing ones (MGET, SORT). */
    public Function<Object, V[]> array() {
        return array;
    }

    /**
     * A reply the API declares {@code String} for both overloads but which may carry a value
     * (SET ... GET): checked to be text under {@link #TEXT}, decoded from the bytes under {@link
     * #BINARY}.
     */
    public Function<Object, String> text() {
        return text;
    }

    /** A map of values to values (HGETALL, CONFIG GET). */
    public Function<Object, Map<V, V>> map() {
        return map;
    }

    /** A set of values (SMEMBERS). */
    public Function<Object, Set<V>> set() {
        return set;
    }

    /** Pairs of values, [[a, b], ...], as the core makes them of either protocol (HRANDFIELD ... WITHVALUES). */
    public Function<Object, V[][]> pairs() {
        return pairs;
    }

    /** A map of a value to an array of values, or null (LMPOP's {key: elements}). */
    public Function<Object, Map<V, V[]>> arrays() {
        return arrays;
    }

    /**
     * One step of a key's scan (HSCAN): {@code {cursor, elements}}, an {@code Object[]} for both
     * overloads whose two parts are values of this codec.
     */
    public Function<Object, Object[]> scanStep() {
        return scanStep;
    }

    /** Starts command {@code name}; {@code capacity} hints at the argument count, name included. */
    public CommandBuilder<V> command(String name, int capacity) {
        return new CommandBuilder<>(this, Args.command(name, capacity));
    }
}
