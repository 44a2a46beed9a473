package glide.internal.commands;

import static glide.api.commands.StringBaseCommands.IDX_COMMAND_STRING;
import static glide.api.commands.StringBaseCommands.LEN_VALKEY_API;
import static glide.api.commands.StringBaseCommands.MINMATCHLEN_COMMAND_STRING;
import static glide.api.commands.StringBaseCommands.WITHMATCHLEN_COMMAND_STRING;

import glide.api.models.GlideString;
import glide.api.models.commands.GetExOptions;
import glide.api.models.commands.SetOptions;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Map;

/**
 * The string commands ({@code StringBaseCommands}), each defined once for both argument types:
 * {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link
 * GlideString} overloads and every batch (whose arguments are bytes).
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class StringCommands<V> {
    public static final StringCommands<String> TEXT = new StringCommands<>(Codec.TEXT);
    public static final StringCommands<GlideString> BINARY = new StringCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private StringCommands(Codec<V> codec) {
        this.codec = codec;
    }

    public Command<V> get(V key) {
        return codec.command("GET", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    public Command<V> getdel(V key) {
        return codec.command("GETDEL", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    public Command<V> getex(V key) {
        return codec.command("GETEX", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    /** {@code options} null: no expiry change. */
    public Command<V> getex(V key, GetExOptions options) {
        CommandBuilder<V> command = codec.command("GETEX", 4).arg(key);
        if (options != null) {
            command.words(options.toArgs());
        }
        return command.returning(Shape.AS_SENT, codec.value());
    }

    /** "OK"; a String even for binary arguments. */
    public Command<String> set(V key, V value) {
        return codec.command("SET", 3).arg(key).arg(value).returning(Shape.AS_SENT, codec.text());
    }

    /**
     * "OK", the old value (GET), or null when a condition failed; {@code options} null: none. A
     * binary request takes the options' comparison value as bytes, a text one as its text.
     */
    public Command<String> set(V key, V value, SetOptions options) {
        CommandBuilder<V> command = codec.command("SET", 8).arg(key).arg(value);
        if (options != null && codec.binary()) {
            command.raw(options.toArgsBinary());
        } else if (options != null) {
            command.words(options.toArgs());
        }
        return command.returning(Shape.AS_SENT, codec.text());
    }

    public Command<V[]> mget(V[] keys) {
        return codec.command("MGET", keys.length + 1).args(keys).returning(Shape.AS_SENT, codec.array());
    }

    public Command<String> mset(Map<V, V> keyValueMap) {
        return codec.command("MSET", keyValueMap.size() * 2 + 1)
                .pairs(keyValueMap)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<Boolean> msetnx(Map<V, V> keyValueMap) {
        return codec.command("MSETNX", keyValueMap.size() * 2 + 1)
                .pairs(keyValueMap)
                .returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<Long> incr(V key) {
        return codec.command("INCR", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> incrBy(V key, long amount) {
        return codec.command("INCRBY", 3).arg(key).arg(amount).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** The new value as a double under both protocols (RESP2 sends a bulk string). */
    public Command<Double> incrByFloat(V key, double amount) {
        return codec.command("INCRBYFLOAT", 3).arg(key).arg(amount).returning(Shape.DOUBLE, ReplyConverters.DOUBLE);
    }

    public Command<Long> decr(V key) {
        return codec.command("DECR", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> decrBy(V key, long amount) {
        return codec.command("DECRBY", 3).arg(key).arg(amount).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> strlen(V key) {
        return codec.command("STRLEN", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> setrange(V key, int offset, V value) {
        return codec.command("SETRANGE", 4).arg(key).arg(offset).arg(value).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<V> getrange(V key, int start, int end) {
        return codec.command("GETRANGE", 4).arg(key).arg(start).arg(end).returning(Shape.AS_SENT, codec.value());
    }

    public Command<Long> append(V key, V value) {
        return codec.command("APPEND", 3).arg(key).arg(value).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<V> lcs(V key1, V key2) {
        return codec.command("LCS", 3).arg(key1).arg(key2).returning(Shape.AS_SENT, codec.value());
    }

    public Command<Long> lcsLen(V key1, V key2) {
        return codec.command("LCS", 4).arg(key1).arg(key2).word(LEN_VALKEY_API).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /**
     * LCS ... IDX [MINMATCHLEN n] [WITHMATCHLEN]: a map under both protocols (RESP2 sends flat
     * pairs); {@code minMatchLen} null: no minimum. String keys for either argument type.
     */
    public Command<Map<String, Object>> lcsIdx(V key1, V key2, Long minMatchLen, boolean withMatchLen) {
        CommandBuilder<V> command = codec.command("LCS", 7).arg(key1).arg(key2).word(IDX_COMMAND_STRING);
        if (minMatchLen != null) {
            command.word(MINMATCHLEN_COMMAND_STRING).arg(minMatchLen.longValue());
        }
        if (withMatchLen) {
            return command.word(WITHMATCHLEN_COMMAND_STRING).returning(Shape.MAP, ReplyConverters.LCS_IDX_WITH_MATCH_LEN);
        }
        return command.returning(Shape.MAP, ReplyConverters.LCS_IDX);
    }
}
