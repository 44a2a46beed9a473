package glide.internal.commands;

import static glide.api.commands.HashBaseCommands.FIELDS_VALKEY_API;
import static glide.api.commands.HashBaseCommands.WITH_VALUES_VALKEY_API;

import glide.api.models.GlideString;
import glide.api.models.commands.HGetExOptions;
import glide.api.models.commands.HSetExOptions;
import glide.api.models.commands.HashFieldExpirationConditionOptions;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.HScanOptionsBinary;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Map;

/**
 * The hash commands ({@code HashBaseCommands}), each defined once for both argument types:
 * {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link
 * GlideString} overloads and every batch.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class HashCommands<V> {
    public static final HashCommands<String> TEXT = new HashCommands<>(Codec.TEXT);
    public static final HashCommands<GlideString> BINARY = new HashCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private HashCommands(Codec<V> codec) {
        this.codec = codec;
    }

    public Command<V> hget(V key, V field) {
        return codec.command("HGET", 3).arg(key).arg(field).returning(Shape.AS_SENT, codec.value());
    }

    /** HSET with the map's pairs in its iteration order: the number of fields added. */
    public Command<Long> hset(V key, Map<V, V> fieldValueMap) {
        return codec.command("HSET", fieldValueMap.size() * 2 + 2)
                .arg(key)
                .pairs(fieldValueMap)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** A map under both protocols (RESP2 sends flat pairs). */
    public Command<Map<V, V>> hgetall(V key) {
        return codec.command("HGETALL", 2).arg(key).returning(Shape.MAP, codec.map());
    }

    /** True if the field was set (the core makes 0/1 a boolean). */
    public Command<Boolean> hsetnx(V key, V field, V value) {
        return codec.command("HSETNX", 4).arg(key).arg(field).arg(value).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<Long> hdel(V key, V[] fields) {
        return codec.command("HDEL", fields.length + 2).arg(key).args(fields).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> hlen(V key) {
        return codec.command("HLEN", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<V[]> hvals(V key) {
        return codec.command("HVALS", 2).arg(key).returning(Shape.AS_SENT, codec.array());
    }

    /** The fields' values, null for a missing one. */
    public Command<V[]> hmget(V key, V[] fields) {
        return codec.command("HMGET", fields.length + 2).arg(key).args(fields).returning(Shape.AS_SENT, codec.array());
    }

    /** True if the field exists (0/1 on the wire). */
    public Command<Boolean> hexists(V key, V field) {
        return codec.command("HEXISTS", 3).arg(key).arg(field).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<Long> hincrBy(V key, V field, long amount) {
        return codec.command("HINCRBY", 4).arg(key).arg(field).arg(amount).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** The new value as a double under both protocols (RESP2 sends a bulk string). */
    public Command<Double> hincrByFloat(V key, V field, double amount) {
        return codec.command("HINCRBYFLOAT", 4)
                .arg(key)
                .arg(field)
                .arg(amount)
                .returning(Shape.DOUBLE, ReplyConverters.DOUBLE);
    }

    public Command<V[]> hkeys(V key) {
        return codec.command("HKEYS", 2).arg(key).returning(Shape.AS_SENT, codec.array());
    }

    public Command<Long> hstrlen(V key, V field) {
        return codec.command("HSTRLEN", 3).arg(key).arg(field).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** A random field, or null for a missing key. */
    public Command<V> hrandfield(V key) {
        return codec.command("HRANDFIELD", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    public Command<V[]> hrandfieldWithCount(V key, long count) {
        return codec.command("HRANDFIELD", 3).arg(key).arg(count).returning(Shape.AS_SENT, codec.array());
    }

    /**
     * HRANDFIELD key count WITHVALUES: [field, value] pairs under both protocols (RESP2 sends them
     * flat); an array, not a map, since a negative count may repeat a field.
     */
    public Command<V[][]> hrandfieldWithCountWithValues(V key, long count) {
        return codec.command("HRANDFIELD", 4)
                .arg(key)
                .arg(count)
                .word(WITH_VALUES_VALKEY_API)
                .returning(Shape.PAIRS, codec.pairs());
    }

    /** One step: {@code {next cursor, [field, value, ...]}}. */
    public Command<Object[]> hscan(V key, V cursor) {
        return KeyScan.step(codec, "HSCAN", key, cursor, KeyScan.NO_OPTIONS);
    }

    public Command<Object[]> hscan(V key, V cursor, HScanOptions options) {
        return KeyScan.step(codec, "HSCAN", key, cursor, options.toGlideStringArgs());
    }

    public Command<Object[]> hscan(V key, V cursor, HScanOptionsBinary options) {
        return KeyScan.step(codec, "HSCAN", key, cursor, options.toGlideStringArgs());
    }

    /**
     * HSETEX key [FNX|FXX] [expiry] FIELDS n field value ...: 1 if every field was set, 0 if the
     * condition failed; {@code options} null: none. The options are checked (an expiry HSETEX
     * refuses throws) before anything is sent.
     */
    public Command<Long> hsetex(V key, Map<V, V> fieldValueMap, HSetExOptions options) {
        CommandBuilder<V> command = codec.command("HSETEX", fieldValueMap.size() * 2 + 8).arg(key);
        if (options != null) {
            command.words(options.toArgs());
        }
        return command.word(FIELDS_VALKEY_API)
                .arg(fieldValueMap.size())
                .pairs(fieldValueMap)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** HGETEX key [expiry] FIELDS n field ...: the values, null for a missing one; {@code options} null: none. */
    public Command<V[]> hgetex(V key, V[] fields, HGetExOptions options) {
        CommandBuilder<V> command = codec.command("HGETEX", fields.length + 6).arg(key);
        if (options != null) {
            command.words(options.toArgs());
        }
        return withFields(command, fields).returning(Shape.AS_SENT, codec.array());
    }

    // HEXPIRE, HPEXPIRE, HEXPIREAT, HPEXPIREAT: one code per field (1 set, 0 condition not met,
    // 2 deleted at once, -2 no such field), an array of integers whatever the protocol.

    public Command<Long[]> hexpire(V key, long seconds, V[] fields, HashFieldExpirationConditionOptions options) {
        return fieldExpiry("HEXPIRE", key, seconds, fields, options);
    }

    public Command<Long[]> hpexpire(V key, long milliseconds, V[] fields, HashFieldExpirationConditionOptions options) {
        return fieldExpiry("HPEXPIRE", key, milliseconds, fields, options);
    }

    public Command<Long[]> hexpireat(V key, long unixSeconds, V[] fields, HashFieldExpirationConditionOptions options) {
        return fieldExpiry("HEXPIREAT", key, unixSeconds, fields, options);
    }

    public Command<Long[]> hpexpireat(
            V key, long unixMilliseconds, V[] fields, HashFieldExpirationConditionOptions options) {
        return fieldExpiry("HPEXPIREAT", key, unixMilliseconds, fields, options);
    }

    /** {@code NAME key time [NX|XX|GT|LT] FIELDS n field ...}; {@code options} null: no condition. */
    private Command<Long[]> fieldExpiry(
            String name, V key, long time, V[] fields, HashFieldExpirationConditionOptions options) {
        CommandBuilder<V> command = codec.command(name, fields.length + 6).arg(key).arg(time);
        if (options != null) {
            command.words(options.toArgs());
        }
        return withFields(command, fields).returning(Shape.AS_SENT, ReplyConverters.LONG_ARRAY);
    }

    // HPERSIST, HTTL, HPTTL, HEXPIRETIME, HPEXPIRETIME: one integer per field.

    public Command<Long[]> hpersist(V key, V[] fields) {
        return fieldsOf("HPERSIST", key, fields);
    }

    public Command<Long[]> httl(V key, V[] fields) {
        return fieldsOf("HTTL", key, fields);
    }

    public Command<Long[]> hpttl(V key, V[] fields) {
        return fieldsOf("HPTTL", key, fields);
    }

    public Command<Long[]> hexpiretime(V key, V[] fields) {
        return fieldsOf("HEXPIRETIME", key, fields);
    }

    public Command<Long[]> hpexpiretime(V key, V[] fields) {
        return fieldsOf("HPEXPIRETIME", key, fields);
    }

    /** {@code NAME key FIELDS n field ...}. */
    private Command<Long[]> fieldsOf(String name, V key, V[] fields) {
        CommandBuilder<V> command = codec.command(name, fields.length + 4).arg(key);
        return withFields(command, fields).returning(Shape.AS_SENT, ReplyConverters.LONG_ARRAY);
    }

    /** {@code FIELDS n field ...}, the tail of the field-expiration commands and HGETEX. */
    private static <V> CommandBuilder<V> withFields(CommandBuilder<V> command, V[] fields) {
        return command.word(FIELDS_VALKEY_API).arg(fields.length).args(fields);
    }
}
