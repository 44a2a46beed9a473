package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;

/**
 * The HyperLogLog commands ({@code HyperLogLogBaseCommands}), each defined once for both argument
 * types: {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link
 * GlideString} overloads and every batch.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class HyperLogLogCommands<V> {
    public static final HyperLogLogCommands<String> TEXT = new HyperLogLogCommands<>(Codec.TEXT);
    public static final HyperLogLogCommands<GlideString> BINARY = new HyperLogLogCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private HyperLogLogCommands(Codec<V> codec) {
        this.codec = codec;
    }

    /** True if the estimate changed (the core makes 0/1 a boolean). */
    public Command<Boolean> pfadd(V key, V[] elements) {
        return codec.command("PFADD", elements.length + 2)
                .arg(key)
                .args(elements)
                .returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    /** The estimated cardinality of the union of {@code keys}. */
    public Command<Long> pfcount(V[] keys) {
        return codec.command("PFCOUNT", keys.length + 1).args(keys).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** "OK", a String for either argument type. */
    public Command<String> pfmerge(V destination, V[] sourceKeys) {
        return codec.command("PFMERGE", sourceKeys.length + 2)
                .arg(destination)
                .args(sourceKeys)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }
}
