package glide.internal.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.MigrateOptions;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.commands.SortBaseOptions;
import glide.api.models.commands.SortOptionsBinary;
import glide.api.models.commands.scan.ScanOptions;
import glide.internal.BlockingTimeouts;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;

/**
 * The commands on keys ({@code GenericBaseCommands}, RANDOMKEY, and the keyspace's KEYS and
 * standalone SCAN), each defined once for both
 * argument types: {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its
 * {@link GlideString} overloads and every batch.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class KeyCommands<V> {
    public static final KeyCommands<String> TEXT = new KeyCommands<>(Codec.TEXT);
    public static final KeyCommands<GlideString> BINARY = new KeyCommands<>(Codec.BINARY);

    /** EXPIRE and its kin without a condition. */
    private static final String[] NO_CONDITION = {};

    private final Codec<V> codec;

    private KeyCommands(Codec<V> codec) {
        this.codec = codec;
    }

    public Command<Long> del(V[] keys) {
        return codec.command("DEL", keys.length + 1).args(keys).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> exists(V[] keys) {
        return codec.command("EXISTS", keys.length + 1).args(keys).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> unlink(V[] keys) {
        return codec.command("UNLINK", keys.length + 1).args(keys).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> touch(V[] keys) {
        return codec.command("TOUCH", keys.length + 1).args(keys).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    // EXPIRE, EXPIREAT, PEXPIRE, PEXPIREAT: true if the timeout was set (the core makes 0/1 a boolean).

    public Command<Boolean> expire(V key, long seconds) {
        return expiry("EXPIRE", key, seconds, NO_CONDITION);
    }

    public Command<Boolean> expire(V key, long seconds, ExpireOptions condition) {
        return expiry("EXPIRE", key, seconds, condition.toArgs());
    }

    public Command<Boolean> expireAt(V key, long unixSeconds) {
        return expiry("EXPIREAT", key, unixSeconds, NO_CONDITION);
    }

    public Command<Boolean> expireAt(V key, long unixSeconds, ExpireOptions condition) {
        return expiry("EXPIREAT", key, unixSeconds, condition.toArgs());
    }

    public Command<Boolean> pexpire(V key, long milliseconds) {
        return expiry("PEXPIRE", key, milliseconds, NO_CONDITION);
    }

    public Command<Boolean> pexpire(V key, long milliseconds, ExpireOptions condition) {
        return expiry("PEXPIRE", key, milliseconds, condition.toArgs());
    }

    public Command<Boolean> pexpireAt(V key, long unixMilliseconds) {
        return expiry("PEXPIREAT", key, unixMilliseconds, NO_CONDITION);
    }

    public Command<Boolean> pexpireAt(V key, long unixMilliseconds, ExpireOptions condition) {
        return expiry("PEXPIREAT", key, unixMilliseconds, condition.toArgs());
    }

    private Command<Boolean> expiry(String name, V key, long time, String[] condition) {
        return codec.command(name, 4).arg(key).arg(time).words(condition).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<Long> ttl(V key) {
        return codec.command("TTL", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> pttl(V key) {
        return codec.command("PTTL", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> expiretime(V key) {
        return codec.command("EXPIRETIME", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> pexpiretime(V key) {
        return codec.command("PEXPIRETIME", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Boolean> persist(V key) {
        return codec.command("PERSIST", 2).arg(key).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<String> rename(V key, V newKey) {
        return codec.command("RENAME", 3).arg(key).arg(newKey).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<Boolean> renamenx(V key, V newKey) {
        return codec.command("RENAMENX", 3).arg(key).arg(newKey).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    /** The value's type name ("none" for a missing key), a String for either argument type. */
    public Command<String> type(V key) {
        return codec.command("TYPE", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** COPY [DB destinationDB] [REPLACE]; {@code destinationDB} null: the current database. */
    public Command<Boolean> copy(V source, V destination, Long destinationDB, boolean replace) {
        CommandBuilder<V> command = codec.command("COPY", 6).arg(source).arg(destination);
        if (destinationDB != null) {
            command.word("DB").arg(destinationDB.longValue());
        }
        if (replace) {
            command.word("REPLACE");
        }
        return command.returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    public Command<String> objectEncoding(V key) {
        return codec.command("OBJECT", 3).word("ENCODING").arg(key).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<Long> objectFreq(V key) {
        return codec.command("OBJECT", 3).word("FREQ").arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> objectIdletime(V key) {
        return codec.command("OBJECT", 3).word("IDLETIME").arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> objectRefcount(V key) {
        return codec.command("OBJECT", 3).word("REFCOUNT").arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Boolean> move(V key, long dbIndex) {
        return codec.command("MOVE", 3).arg(key).arg(dbIndex).returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    /**
     * DUMP: the serialized value, bytes whatever the instance (the API has only a binary overload,
     * and a serialized value is no text).
     */
    public Command<byte[]> dump(GlideString key) {
        return Codec.BINARY.command("DUMP", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.BYTES);
    }

    public Command<String> restore(V key, long ttl, byte[] value) {
        return codec.command("RESTORE", 4).arg(key).arg(ttl).raw(GlideString.of(value)).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> restore(V key, long ttl, byte[] value, RestoreOptions options) {
        CommandBuilder<V> command = codec.command("RESTORE", 10).arg(key).arg(ttl).raw(GlideString.of(value));
        return command.raw(options.toArgs()).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /**
     * WAIT: blocks on the server for up to {@code timeout} ms, so the client's request timeout
     * must not cut it short.
     */
    public Command<Long> wait(long numreplicas, long timeout) {
        return codec.command("WAIT", 3)
                .arg(numreplicas)
                .arg(timeout)
                .timeout(BlockingTimeouts.forMillis(timeout))
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** WAITAOF: [local fsyncs, replicas that fsynced]; blocks as {@link #wait} does. */
    public Command<Long[]> waitaof(long numOfLocal, long numOfReplicas, long timeout) {
        return codec.command("WAITAOF", 4)
                .arg(numOfLocal)
                .arg(numOfReplicas)
                .arg(timeout)
                .timeout(BlockingTimeouts.forMillis(timeout))
                .returning(Shape.AS_SENT, ReplyConverters.LONG_ARRAY);
    }

    public Command<V[]> sort(V key) {
        return codec.command("SORT", 2).arg(key).returning(Shape.AS_SENT, codec.array());
    }

    /** See {@link #sortOptions} for how the options are written. */
    public Command<V[]> sort(V key, SortBaseOptions options) {
        return sortOptions(codec.command("SORT", 16).arg(key), options).returning(Shape.AS_SENT, codec.array());
    }

    public Command<V[]> sortReadOnly(V key) {
        return codec.command("SORT_RO", 2).arg(key).returning(Shape.AS_SENT, codec.array());
    }

    public Command<V[]> sortReadOnly(V key, SortBaseOptions options) {
        return sortOptions(codec.command("SORT_RO", 16).arg(key), options).returning(Shape.AS_SENT, codec.array());
    }

    /** SORT ... STORE: the number of elements stored. */
    public Command<Long> sortStore(V key, V destination) {
        return codec.command("SORT", 4)
                .arg(key)
                .word(SortBaseOptions.STORE_COMMAND_STRING)
                .arg(destination)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> sortStore(V key, V destination, SortBaseOptions options) {
        return sortOptions(codec.command("SORT", 18).arg(key), options)
                .word(SortBaseOptions.STORE_COMMAND_STRING)
                .arg(destination)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /**
     * SORT's options: binary options ({@link SortOptionsBinary}) keep their patterns' bytes; text
     * options are written as text, even in a binary request (what a batch with {@code
     * SortOptions} sends).
     */
    private static <V> CommandBuilder<V> sortOptions(CommandBuilder<V> command, SortBaseOptions options) {
        if (options instanceof SortOptionsBinary) {
            return command.raw(((SortOptionsBinary) options).toGlideStringArgs());
        }
        return command.words(options.toArgs());
    }

    public Command<String> migrate(String host, long port, V key, long destinationDB, long timeout) {
        return migrateArgs(host, port, key, destinationDB, timeout).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> migrate(String host, long port, V key, long destinationDB, long timeout, MigrateOptions options) {
        return migrateArgs(host, port, key, destinationDB, timeout)
                .words(options.toArgs())
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    private CommandBuilder<V> migrateArgs(String host, long port, V key, long destinationDB, long timeout) {
        return codec.command("MIGRATE", 11).word(host).arg(port).arg(key).arg(destinationDB).arg(timeout);
    }

    /** RANDOMKEY: a key, or null for an empty database. */
    public Command<V> randomKey() {
        return codec.command("RANDOMKEY", 1).returning(Shape.AS_SENT, codec.value());
    }

    // ---- the keyspace: KEYS and the standalone SCAN (GenericCommands, GenericClusterCommands) ----

    /**
     * KEYS: every key of the database matching {@code pattern} (on a cluster by default, every
     * primary's keys joined by the core).
     */
    public Command<V[]> keys(V pattern) {
        return codec.command("KEYS", 2).arg(pattern).returning(Shape.AS_SENT, codec.array());
    }

    /** SCAN: one step, {@code {next cursor, keys}}, both of the argument's type. */
    public Command<Object[]> scan(V cursor) {
        return codec.command("SCAN", 2).arg(cursor).returning(Shape.AS_SENT, codec.scanStep());
    }

    /**
     * SCAN with MATCH/COUNT/TYPE. The String overload has always written the options as text (a
     * pattern given as bytes decoded, as {@code ScanOptions.toArgs} does); the GlideString overload
     * and every batch write the pattern's bytes as they are, then TYPE.
     */
    public Command<Object[]> scan(V cursor, ScanOptions options) {
        CommandBuilder<V> command = codec.command("SCAN", 8).arg(cursor);
        if (!codec.binary()) {
            return command.words(options.toArgs()).returning(Shape.AS_SENT, codec.scanStep());
        }
        command.raw(options.toGlideStringArgs());
        if (options.getType() != null) {
            command.word(ScanOptions.TYPE_OPTION_STRING).word(options.getType().getNativeName());
        }
        return command.returning(Shape.AS_SENT, codec.scanStep());
    }
}
