package glide.internal.commands;

import static glide.api.commands.SetBaseCommands.SET_LIMIT_VALKEY_API;

import glide.api.models.GlideString;
import glide.api.models.commands.scan.SScanOptions;
import glide.api.models.commands.scan.SScanOptionsBinary;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Set;

/**
 * The set commands ({@code SetBaseCommands}), each defined once for both argument types: {@link
 * #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link GlideString}
 * overloads and every batch.
 *
 * <p>SMEMBERS, SDIFF, SINTER, SUNION and SPOP with a count are sets under both protocols (RESP2
 * sends an array); SISMEMBER and SMOVE booleans, SMISMEMBER an array of them.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class SetCommands<V> {
    public static final SetCommands<String> TEXT = new SetCommands<>(Codec.TEXT);
    public static final SetCommands<GlideString> BINARY = new SetCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private SetCommands(Codec<V> codec) {
        this.codec = codec;
    }

    public Command<Long> sadd(V key, V[] members) {
        return codec.command("SADD", members.length + 2).arg(key).args(members).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> srem(V key, V[] members) {
        return codec.command("SREM", members.length + 2).arg(key).args(members).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Set<V>> smembers(V key) {
        return codec.command("SMEMBERS", 2).arg(key).returning(Shape.SET, codec.set());
    }

    public Command<Long> scard(V key) {
        return codec.command("SCARD", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Boolean[]> smismember(V key, V[] members) {
        return codec.command("SMISMEMBER", members.length + 2)
                .arg(key)
                .args(members)
                .returning(Shape.BOOLEAN_ARRAY, ReplyConverters.BOOLEAN_ARRAY);
    }

    public Command<Boolean> smove(V source, V destination, V member) {
        return codec.command("SMOVE", 4).arg(source).arg(destination).arg(member).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<Boolean> sismember(V key, V member) {
        return codec.command("SISMEMBER", 3).arg(key).arg(member).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<Set<V>> sdiff(V[] keys) {
        return codec.command("SDIFF", keys.length + 1).args(keys).returning(Shape.SET, codec.set());
    }

    public Command<Long> sdiffstore(V destination, V[] keys) {
        return store("SDIFFSTORE", destination, keys);
    }

    public Command<Set<V>> sinter(V[] keys) {
        return codec.command("SINTER", keys.length + 1).args(keys).returning(Shape.SET, codec.set());
    }

    /** SINTERCARD numkeys key... [LIMIT limit]; {@code limit} null: no limit. */
    public Command<Long> sintercard(V[] keys, Long limit) {
        CommandBuilder<V> command = codec.command("SINTERCARD", keys.length + 4).arg(keys.length).args(keys);
        if (limit != null) {
            command.word(SET_LIMIT_VALKEY_API).arg(limit.longValue());
        }
        return command.returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> sinterstore(V destination, V[] keys) {
        return store("SINTERSTORE", destination, keys);
    }

    public Command<Set<V>> sunion(V[] keys) {
        return codec.command("SUNION", keys.length + 1).args(keys).returning(Shape.SET, codec.set());
    }

    public Command<Long> sunionstore(V destination, V[] keys) {
        return store("SUNIONSTORE", destination, keys);
    }

    /** SDIFFSTORE, SINTERSTORE, SUNIONSTORE: the size of the stored set. */
    private Command<Long> store(String name, V destination, V[] keys) {
        return codec.command(name, keys.length + 2).arg(destination).args(keys).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** A random member, or null for a missing key. */
    public Command<V> srandmember(V key) {
        return codec.command("SRANDMEMBER", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    /** {@code count} random members; a negative count allows repeats, so an array, not a set. */
    public Command<V[]> srandmember(V key, long count) {
        return codec.command("SRANDMEMBER", 3).arg(key).arg(count).returning(Shape.AS_SENT, codec.array());
    }

    /** The removed member, or null: without a count the reply is one value, left as sent. */
    public Command<V> spop(V key) {
        return codec.command("SPOP", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    /** SPOP key count: the removed members, a set under both protocols. */
    public Command<Set<V>> spopCount(V key, long count) {
        return codec.command("SPOP", 3).arg(key).arg(count).returning(Shape.SET, codec.set());
    }

    /** One step: {@code {next cursor, [member, ...]}}. */
    public Command<Object[]> sscan(V key, V cursor) {
        return KeyScan.step(codec, "SSCAN", key, cursor, KeyScan.NO_OPTIONS);
    }

    public Command<Object[]> sscan(V key, V cursor, SScanOptions options) {
        return KeyScan.step(codec, "SSCAN", key, cursor, options.toGlideStringArgs());
    }

    public Command<Object[]> sscan(V key, V cursor, SScanOptionsBinary options) {
        return KeyScan.step(codec, "SSCAN", key, cursor, options.toGlideStringArgs());
    }
}
