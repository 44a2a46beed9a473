package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;

/**
 * WATCH and UNWATCH ({@code TransactionsBaseCommands}, and each client's {@code unwatch}), each
 * defined once for both argument types: {@link #TEXT} serves the API's {@code String} overloads,
 * {@link #BINARY} its {@link GlideString} overloads. MULTI and EXEC are no command of the API: the
 * core wraps an atomic batch in them.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class TransactionCommands<V> {
    public static final TransactionCommands<String> TEXT = new TransactionCommands<>(Codec.TEXT);
    public static final TransactionCommands<GlideString> BINARY = new TransactionCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private TransactionCommands(Codec<V> codec) {
        this.codec = codec;
    }

    /**
     * WATCH: "OK"; the next transaction on this connection fails if one of {@code keys} changes
     * first. On a cluster, each key's node watches it.
     */
    public Command<String> watch(V[] keys) {
        return codec.command("WATCH", keys.length + 1).args(keys).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** UNWATCH: "OK"; forgets every watched key (on a cluster by default, on every primary). */
    public Command<String> unwatch() {
        return codec.command("UNWATCH", 1).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }
}
