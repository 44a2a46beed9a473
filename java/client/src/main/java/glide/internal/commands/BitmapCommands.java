package glide.internal.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.bitmap.BitFieldOptions;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldReadOnlySubCommands;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSubCommands;
import glide.api.models.commands.bitmap.BitmapIndexType;
import glide.api.models.commands.bitmap.BitwiseOperation;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;

/**
 * The bitmap commands ({@code BitmapBaseCommands}), each defined once for both argument types:
 * {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link GlideString}
 * overloads and every batch. Every reply is an integer or an array of them, whatever the
 * argument type, so the codec only encodes the keys.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class BitmapCommands<V> {
    public static final BitmapCommands<String> TEXT = new BitmapCommands<>(Codec.TEXT);
    public static final BitmapCommands<GlideString> BINARY = new BitmapCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private BitmapCommands(Codec<V> codec) {
        this.codec = codec;
    }

    /** The number of set bits in the whole value. */
    public Command<Long> bitcount(V key) {
        return count(codec.command("BITCOUNT", 2).arg(key));
    }

    /**
     * From byte {@code start} to the end. Sent without an end, as valkey-glide sends it: Valkey 8
     * and later count to the end, Redis 7.0 answers a syntax error (it needs both).
     */
    public Command<Long> bitcount(V key, long start) {
        return count(codec.command("BITCOUNT", 3).arg(key).arg(start));
    }

    /** Over bytes {@code start..end}. */
    public Command<Long> bitcount(V key, long start, long end) {
        return count(codec.command("BITCOUNT", 4).arg(key).arg(start).arg(end));
    }

    /** Over a BYTE or BIT range. */
    public Command<Long> bitcount(V key, long start, long end, BitmapIndexType indexType) {
        return count(codec.command("BITCOUNT", 5).arg(key).arg(start).arg(end).word(indexType.name()));
    }

    /** The bit's previous value. */
    public Command<Long> setbit(V key, long offset, long value) {
        return count(codec.command("SETBIT", 4).arg(key).arg(offset).arg(value));
    }

    /** The bit's value (0 past the end of the value). */
    public Command<Long> getbit(V key, long offset) {
        return count(codec.command("GETBIT", 3).arg(key).arg(offset));
    }

    /** The position of the first bit equal to {@code bit}, or -1. */
    public Command<Long> bitpos(V key, long bit) {
        return count(codec.command("BITPOS", 3).arg(key).arg(bit));
    }

    /** From byte {@code start}. */
    public Command<Long> bitpos(V key, long bit, long start) {
        return count(codec.command("BITPOS", 4).arg(key).arg(bit).arg(start));
    }

    /** Over bytes {@code start..end}. */
    public Command<Long> bitpos(V key, long bit, long start, long end) {
        return count(codec.command("BITPOS", 5).arg(key).arg(bit).arg(start).arg(end));
    }

    /** Over a BYTE or BIT range. */
    public Command<Long> bitpos(V key, long bit, long start, long end, BitmapIndexType indexType) {
        return count(codec.command("BITPOS", 6).arg(key).arg(bit).arg(start).arg(end).word(indexType.name()));
    }

    /** The length of the value stored at {@code destination}. */
    public Command<Long> bitop(BitwiseOperation operation, V destination, V[] keys) {
        return count(codec.command("BITOP", keys.length + 3).word(operation.name()).arg(destination).args(keys));
    }

    /** One integer per subcommand; null for a SET or INCRBY that overflowed under FAIL. */
    public Command<Long[]> bitfield(V key, BitFieldSubCommands[] subCommands) {
        return codec.command("BITFIELD", 2 + 4 * subCommands.length)
                .arg(key)
                .words(BitFieldOptions.createBitFieldArgs(subCommands))
                .returning(Shape.AS_SENT, ReplyConverters.LONG_ARRAY);
    }

    /** One integer per GET subcommand. */
    public Command<Long[]> bitfieldReadOnly(V key, BitFieldReadOnlySubCommands[] subCommands) {
        return codec.command("BITFIELD_RO", 2 + 3 * subCommands.length)
                .arg(key)
                .words(BitFieldOptions.createBitFieldArgs(subCommands))
                .returning(Shape.AS_SENT, ReplyConverters.LONG_ARRAY);
    }

    /** An integer reply, as the server sent it. */
    private static Command<Long> count(CommandBuilder<?> command) {
        return command.returning(Shape.AS_SENT, ReplyConverters.LONG);
    }
}
