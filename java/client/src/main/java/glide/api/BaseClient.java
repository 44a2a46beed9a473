package glide.api;

import static glide.internal.ReplyConverters.ANY_TEXT;
import static glide.internal.ReplyConverters.BOOLEAN;
import static glide.internal.ReplyConverters.BYTES;
import static glide.internal.ReplyConverters.GLIDE_STRING;
import static glide.internal.ReplyConverters.GLIDE_STRING_ARRAY;
import static glide.internal.ReplyConverters.LONG;
import static glide.internal.ReplyConverters.STRING;
import static glide.internal.ReplyConverters.STRING_ARRAY;

import glide.api.commands.GenericBaseCommands;
import glide.api.commands.HashBaseCommands;
import glide.api.commands.ListBaseCommands;
import glide.api.commands.SetBaseCommands;
import glide.api.commands.StringBaseCommands;
import glide.api.models.GlideString;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.HGetExOptions;
import glide.api.models.commands.HSetExOptions;
import glide.api.models.commands.HashFieldExpirationConditionOptions;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.commands.SetOptions;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.HScanOptionsBinary;
import glide.api.models.commands.scan.SScanOptions;
import glide.api.models.commands.scan.SScanOptionsBinary;
import glide.internal.Args;
import glide.internal.BlockingTimeouts;
import glide.internal.NativeClient;
import glide.internal.RouteSpec;
import glide.internal.ReplyConverters;
import glide.internal.Statistics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Commands shared by the standalone and the cluster client.
 *
 * <p>Every method returns at once; the future completes on the {@code glide-completer} thread
 * with the reply or with a {@link glide.api.models.exceptions.GlideException}: {@code
 * RequestException} (server error, inflight limit), {@code TimeoutException}, {@code
 * ConnectionException}, {@code ClosingException}. Cancelling a future does not recall a command
 * already sent.
 */
public abstract class BaseClient
        implements AutoCloseable,
                GenericBaseCommands,
                StringBaseCommands,
                HashBaseCommands,
                ListBaseCommands,
                SetBaseCommands {

    /** Reply shapes understood by the core. */
    private static final int NATURAL = 0;

    private static final int MAP_FROM_PAIRS = 1;

    private final NativeClient core;

    BaseClient(NativeClient core) {
        this.core = core;
    }

    /** Runs a command with the client's request timeout. */
    <T> CompletableFuture<T> run(Args args, boolean binary, Function<Object, T> convert) {
        return core.execute(args.build(), binary, BlockingTimeouts.DEFAULT, NATURAL, convert);
    }

    <T> CompletableFuture<T> run(
            byte[][] args, boolean binary, int timeoutMs, Function<Object, T> convert) {
        return core.execute(args, binary, timeoutMs, NATURAL, convert);
    }

    /** Runs a command to the nodes {@code route} names (cluster clients). */
    <T> CompletableFuture<T> run(
            byte[][] args, boolean binary, int timeoutMs, RouteSpec route, Function<Object, T> convert) {
        return core.execute(args, binary, timeoutMs, NATURAL, route, convert);
    }

    private <T> CompletableFuture<T> runMap(Args args, boolean binary, Function<Object, T> convert) {
        return core.execute(args.build(), binary, BlockingTimeouts.DEFAULT, MAP_FROM_PAIRS, convert);
    }

    /**
     * Process-wide statistics: {@code total_connections}, {@code total_clients}, and the native
     * core's memory in use ({@code native_bytes_in_use}), which JVM tools cannot see.
     */
    public Map<String, String> getStatistics() {
        return Statistics.snapshot();
    }

    /**
     * Closes the client: pending futures fail with {@code ClosingException}, so do later calls,
     * and the connection is released. Calling it again does nothing.
     */
    @Override
    public void close() throws ExecutionException {
        core.close();
    }

    // ---- generic ----

    @Override
    public CompletableFuture<Long> del(String[] keys) {
        return run(Args.command("DEL", keys.length + 1).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> del(GlideString[] keys) {
        return run(Args.command("DEL", keys.length + 1).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<Long> exists(String[] keys) {
        return run(Args.command("EXISTS", keys.length + 1).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> exists(GlideString[] keys) {
        return run(Args.command("EXISTS", keys.length + 1).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<Long> unlink(String[] keys) {
        return run(Args.command("UNLINK", keys.length + 1).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> unlink(GlideString[] keys) {
        return run(Args.command("UNLINK", keys.length + 1).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<Long> touch(String[] keys) {
        return run(Args.command("TOUCH", keys.length + 1).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> touch(GlideString[] keys) {
        return run(Args.command("TOUCH", keys.length + 1).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<Boolean> expire(String key, long seconds) {
        return run(Args.command("EXPIRE", 3).add(key).add(seconds), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> expire(GlideString key, long seconds) {
        return run(Args.command("EXPIRE", 3).add(key).add(seconds), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> expire(String key, long seconds, ExpireOptions expireOptions) {
        return run(Args.command("EXPIRE", 4).add(key).add(seconds).addAll(expireOptions.toArgs()), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> expire(GlideString key, long seconds, ExpireOptions expireOptions) {
        return run(Args.command("EXPIRE", 4).add(key).add(seconds).addAll(expireOptions.toArgs()), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> expireAt(String key, long unixSeconds) {
        return run(Args.command("EXPIREAT", 3).add(key).add(unixSeconds), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> expireAt(GlideString key, long unixSeconds) {
        return run(Args.command("EXPIREAT", 3).add(key).add(unixSeconds), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> expireAt(String key, long unixSeconds, ExpireOptions expireOptions) {
        return run(Args.command("EXPIREAT", 4).add(key).add(unixSeconds).addAll(expireOptions.toArgs()), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> expireAt(GlideString key, long unixSeconds, ExpireOptions expireOptions) {
        return run(Args.command("EXPIREAT", 4).add(key).add(unixSeconds).addAll(expireOptions.toArgs()), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long milliseconds) {
        return run(Args.command("PEXPIRE", 3).add(key).add(milliseconds), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpire(GlideString key, long milliseconds) {
        return run(Args.command("PEXPIRE", 3).add(key).add(milliseconds), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long milliseconds, ExpireOptions expireOptions) {
        return run(Args.command("PEXPIRE", 4).add(key).add(milliseconds).addAll(expireOptions.toArgs()), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpire(GlideString key, long milliseconds, ExpireOptions expireOptions) {
        return run(Args.command("PEXPIRE", 4).add(key).add(milliseconds).addAll(expireOptions.toArgs()), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long unixMilliseconds) {
        return run(Args.command("PEXPIREAT", 3).add(key).add(unixMilliseconds), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(GlideString key, long unixMilliseconds) {
        return run(Args.command("PEXPIREAT", 3).add(key).add(unixMilliseconds), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long unixMilliseconds, ExpireOptions expireOptions) {
        return run(Args.command("PEXPIREAT", 4).add(key).add(unixMilliseconds).addAll(expireOptions.toArgs()), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(GlideString key, long unixMilliseconds, ExpireOptions expireOptions) {
        return run(Args.command("PEXPIREAT", 4).add(key).add(unixMilliseconds).addAll(expireOptions.toArgs()), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Long> ttl(String key) {
        return run(Args.command("TTL", 2).add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> ttl(GlideString key) {
        return run(Args.command("TTL", 2).add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return run(Args.command("PTTL", 2).add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> pttl(GlideString key) {
        return run(Args.command("PTTL", 2).add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Long> expiretime(String key) {
        return run(Args.command("EXPIRETIME", 2).add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> expiretime(GlideString key) {
        return run(Args.command("EXPIRETIME", 2).add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Long> pexpiretime(String key) {
        return run(Args.command("PEXPIRETIME", 2).add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> pexpiretime(GlideString key) {
        return run(Args.command("PEXPIRETIME", 2).add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return run(Args.command("PERSIST", 2).add(key), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> persist(GlideString key) {
        return run(Args.command("PERSIST", 2).add(key), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<String> rename(String key, String newKey) {
        return run(Args.command("RENAME", 3).add(key).add(newKey), false, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String> rename(GlideString key, GlideString newKey) {
        return run(Args.command("RENAME", 3).add(key).add(newKey), true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<Boolean> renamenx(String key, String newKey) {
        return run(Args.command("RENAMENX", 3).add(key).add(newKey), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> renamenx(GlideString key, GlideString newKey) {
        return run(Args.command("RENAMENX", 3).add(key).add(newKey), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<String> type(String key) {
        return run(Args.command("TYPE", 2).add(key), false, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String> type(GlideString key) {
        return run(Args.command("TYPE", 2).add(key), true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), null, false), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), null, false), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination, boolean replace) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), null, replace), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination, boolean replace) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), null, replace), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination, long destinationDB) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), destinationDB, false), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination, long destinationDB) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), destinationDB, false), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination, long destinationDB, boolean replace) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), destinationDB, replace), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination, long destinationDB, boolean replace) {
        return run(copyArgs(Args.command("COPY", 6).add(source).add(destination), destinationDB, replace), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<String> objectEncoding(String key) {
        return run(Args.command("OBJECT", 3).add("ENCODING").add(key), false, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String> objectEncoding(GlideString key) {
        return run(Args.command("OBJECT", 3).add("ENCODING").add(key), true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<Long> objectFreq(String key) {
        return run(Args.command("OBJECT", 3).add("FREQ").add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> objectFreq(GlideString key) {
        return run(Args.command("OBJECT", 3).add("FREQ").add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Long> objectIdletime(String key) {
        return run(Args.command("OBJECT", 3).add("IDLETIME").add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> objectIdletime(GlideString key) {
        return run(Args.command("OBJECT", 3).add("IDLETIME").add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Long> objectRefcount(String key) {
        return run(Args.command("OBJECT", 3).add("REFCOUNT").add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> objectRefcount(GlideString key) {
        return run(Args.command("OBJECT", 3).add("REFCOUNT").add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Boolean> move(String key, long dbIndex) {
        return run(Args.command("MOVE", 3).add(key).add(dbIndex), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> move(GlideString key, long dbIndex) {
        return run(Args.command("MOVE", 3).add(key).add(dbIndex), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<byte[]> dump(GlideString key) {
        return run(Args.command("DUMP", 2).add(key), true, BYTES);
    }

    @Override
    public CompletableFuture<String> restore(GlideString key, long ttl, byte[] value) {
        return run(Args.command("RESTORE", 4).add(key).add(ttl).add(GlideString.of(value)), true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String> restore(
            GlideString key, long ttl, byte[] value, RestoreOptions restoreOptions) {
        Args args = Args.command("RESTORE", 10).add(key).add(ttl).add(GlideString.of(value));
        return run(args.addAll(restoreOptions.toArgs()), true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<Long> wait(long numreplicas, long timeout) {
        // Blocks on the server for up to `timeout` ms: the request timeout must not cut it.
        byte[][] args = Args.command("WAIT", 3).add(numreplicas).add(timeout).build();
        return run(args, false, BlockingTimeouts.forCommand(args), LONG);
    }

    /** COPY's optional DB and REPLACE. */
    private static Args copyArgs(Args args, Long destinationDB, boolean replace) {
        if (destinationDB != null) {
            args.add("DB").add(destinationDB);
        }
        return replace ? args.add("REPLACE") : args;
    }

    // (end of generic)

    // ---- strings ----

    @Override
    public CompletableFuture<String> get(String key) {
        return run(Args.command("GET", 2).add(key), false, STRING);
    }

    @Override
    public CompletableFuture<GlideString> get(GlideString key) {
        return run(Args.command("GET", 2).add(key), true, GLIDE_STRING);
    }

    @Override
    public CompletableFuture<String> set(String key, String value) {
        return run(Args.command("SET", 3).add(key).add(value), false, STRING);
    }

    @Override
    public CompletableFuture<String> set(GlideString key, GlideString value) {
        return run(Args.command("SET", 3).add(key).add(value), true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String> set(String key, String value, SetOptions options) {
        Args args = Args.command("SET", 8).add(key).add(value);
        if (options != null) {
            args.addAll(options.toArgs());
        }
        return run(args, false, STRING);
    }

    @Override
    public CompletableFuture<String> set(GlideString key, GlideString value, SetOptions options) {
        Args args = Args.command("SET", 8).add(key).add(value);
        if (options != null) {
            args.addAll(options.toArgsBinary());
        }
        return run(args, true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String[]> mget(String[] keys) {
        return run(Args.command("MGET", keys.length + 1).addAll(keys), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> mget(GlideString[] keys) {
        return run(Args.command("MGET", keys.length + 1).addAll(keys), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<String> mset(Map<String, String> keyValueMap) {
        Args args = Args.command("MSET", keyValueMap.size() * 2 + 1);
        for (Map.Entry<String, String> e : keyValueMap.entrySet()) {
            args.add(e.getKey()).add(e.getValue());
        }
        return run(args, false, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String> msetBinary(Map<GlideString, GlideString> keyValueMap) {
        Args args = Args.command("MSET", keyValueMap.size() * 2 + 1);
        for (Map.Entry<GlideString, GlideString> e : keyValueMap.entrySet()) {
            args.add(e.getKey()).add(e.getValue());
        }
        return run(args, true, ANY_TEXT);
    }

    @Override
    public CompletableFuture<Long> incr(String key) {
        return run(Args.command("INCR", 2).add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> incr(GlideString key) {
        return run(Args.command("INCR", 2).add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long amount) {
        return run(Args.command("INCRBY", 3).add(key).add(amount), false, LONG);
    }

    @Override
    public CompletableFuture<Long> incrBy(GlideString key, long amount) {
        return run(Args.command("INCRBY", 3).add(key).add(amount), true, LONG);
    }

    // (end of strings)

    // ---- hashes ----

    @Override
    public CompletableFuture<String> hget(String key, String field) {
        return run(Args.command("HGET", 3).add(key).add(field), false, STRING);
    }

    @Override
    public CompletableFuture<GlideString> hget(GlideString key, GlideString field) {
        return run(Args.command("HGET", 3).add(key).add(field), true, GLIDE_STRING);
    }

    @Override
    public CompletableFuture<Long> hset(String key, Map<String, String> fieldValueMap) {
        Args args = Args.command("HSET", fieldValueMap.size() * 2 + 2).add(key);
        for (Map.Entry<String, String> e : fieldValueMap.entrySet()) {
            args.add(e.getKey()).add(e.getValue());
        }
        return run(args, false, LONG);
    }

    @Override
    public CompletableFuture<Long> hset(GlideString key, Map<GlideString, GlideString> fieldValueMap) {
        Args args = Args.command("HSET", fieldValueMap.size() * 2 + 2).add(key);
        for (Map.Entry<GlideString, GlideString> e : fieldValueMap.entrySet()) {
            args.add(e.getKey()).add(e.getValue());
        }
        return run(args, true, LONG);
    }

    @Override
    public CompletableFuture<Map<String, String>> hgetall(String key) {
        return runMap(Args.command("HGETALL", 2).add(key), false, ReplyConverters.TEXT_MAP);
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString>> hgetall(GlideString key) {
        return runMap(Args.command("HGETALL", 2).add(key), true, ReplyConverters.map());
    }

    @Override
    public CompletableFuture<Boolean> hsetnx(String key, String field, String value) {
        return run(Args.command("HSETNX", 4).add(key).add(field).add(value), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> hsetnx(GlideString key, GlideString field, GlideString value) {
        return run(Args.command("HSETNX", 4).add(key).add(field).add(value), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Long> hdel(String key, String[] fields) {
        return run(Args.command("HDEL", fields.length + 2).add(key).addAll(fields), false, LONG);
    }

    @Override
    public CompletableFuture<Long> hdel(GlideString key, GlideString[] fields) {
        return run(Args.command("HDEL", fields.length + 2).add(key).addAll(fields), true, LONG);
    }

    @Override
    public CompletableFuture<Long> hlen(String key) {
        return run(Args.command("HLEN", 2).add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> hlen(GlideString key) {
        return run(Args.command("HLEN", 2).add(key), true, LONG);
    }

    @Override
    public CompletableFuture<String[]> hvals(String key) {
        return run(Args.command("HVALS", 2).add(key), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> hvals(GlideString key) {
        return run(Args.command("HVALS", 2).add(key), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<String[]> hmget(String key, String[] fields) {
        return run(Args.command("HMGET", fields.length + 2).add(key).addAll(fields), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> hmget(GlideString key, GlideString[] fields) {
        return run(Args.command("HMGET", fields.length + 2).add(key).addAll(fields), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<Boolean> hexists(String key, String field) {
        return run(Args.command("HEXISTS", 3).add(key).add(field), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> hexists(GlideString key, GlideString field) {
        return run(Args.command("HEXISTS", 3).add(key).add(field), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Long> hincrBy(String key, String field, long amount) {
        return run(Args.command("HINCRBY", 4).add(key).add(field).add(amount), false, LONG);
    }

    @Override
    public CompletableFuture<Long> hincrBy(GlideString key, GlideString field, long amount) {
        return run(Args.command("HINCRBY", 4).add(key).add(field).add(amount), true, LONG);
    }

    @Override
    public CompletableFuture<Double> hincrByFloat(String key, String field, double amount) {
        return run(Args.command("HINCRBYFLOAT", 4).add(key).add(field).add(amount), false, ReplyConverters.DOUBLE);
    }

    @Override
    public CompletableFuture<Double> hincrByFloat(GlideString key, GlideString field, double amount) {
        return run(Args.command("HINCRBYFLOAT", 4).add(key).add(field).add(amount), true, ReplyConverters.DOUBLE);
    }

    @Override
    public CompletableFuture<String[]> hkeys(String key) {
        return run(Args.command("HKEYS", 2).add(key), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> hkeys(GlideString key) {
        return run(Args.command("HKEYS", 2).add(key), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<Long> hstrlen(String key, String field) {
        return run(Args.command("HSTRLEN", 3).add(key).add(field), false, LONG);
    }

    @Override
    public CompletableFuture<Long> hstrlen(GlideString key, GlideString field) {
        return run(Args.command("HSTRLEN", 3).add(key).add(field), true, LONG);
    }

    @Override
    public CompletableFuture<String> hrandfield(String key) {
        return run(Args.command("HRANDFIELD", 2).add(key), false, STRING);
    }

    @Override
    public CompletableFuture<GlideString> hrandfield(GlideString key) {
        return run(Args.command("HRANDFIELD", 2).add(key), true, GLIDE_STRING);
    }

    @Override
    public CompletableFuture<String[]> hrandfieldWithCount(String key, long count) {
        return run(Args.command("HRANDFIELD", 3).add(key).add(count), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> hrandfieldWithCount(GlideString key, long count) {
        return run(Args.command("HRANDFIELD", 3).add(key).add(count), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<String[][]> hrandfieldWithCountWithValues(String key, long count) {
        Args args = Args.command("HRANDFIELD", 4).add(key).add(count).add(WITH_VALUES_VALKEY_API);
        return run(args, false, ReplyConverters.STRING_PAIRS);
    }

    @Override
    public CompletableFuture<GlideString[][]> hrandfieldWithCountWithValues(GlideString key, long count) {
        Args args = Args.command("HRANDFIELD", 4).add(key).add(count).add(WITH_VALUES_VALKEY_API);
        return run(args, true, ReplyConverters.GLIDE_STRING_PAIRS);
    }

    @Override
    public CompletableFuture<Object[]> hscan(String key, String cursor) {
        return run(Args.command("HSCAN", 3).add(key).add(cursor), false, ReplyConverters.SCAN_STEP);
    }

    @Override
    public CompletableFuture<Object[]> hscan(GlideString key, GlideString cursor) {
        return run(Args.command("HSCAN", 3).add(key).add(cursor), true, ReplyConverters.SCAN_STEP_BINARY);
    }

    @Override
    public CompletableFuture<Object[]> hscan(String key, String cursor, HScanOptions hScanOptions) {
        Args args = Args.command("HSCAN", 8).add(key).add(cursor).addAll(hScanOptions.toGlideStringArgs());
        return run(args, false, ReplyConverters.SCAN_STEP);
    }

    @Override
    public CompletableFuture<Object[]> hscan(GlideString key, GlideString cursor, HScanOptionsBinary hScanOptions) {
        Args args = Args.command("HSCAN", 8).add(key).add(cursor).addAll(hScanOptions.toGlideStringArgs());
        return run(args, true, ReplyConverters.SCAN_STEP_BINARY);
    }

    @Override
    public CompletableFuture<Long> hsetex(String key, Map<String, String> fieldValueMap, HSetExOptions options) {
        Args args = Args.command("HSETEX", fieldValueMap.size() * 2 + 8).add(key);
        if (options != null) {
            args.addAll(options.toArgs());
        }
        args.add(FIELDS_VALKEY_API).add(fieldValueMap.size());
        for (Map.Entry<String, String> e : fieldValueMap.entrySet()) {
            args.add(e.getKey()).add(e.getValue());
        }
        return run(args, false, LONG);
    }

    @Override
    public CompletableFuture<Long> hsetex(
            GlideString key, Map<GlideString, GlideString> fieldValueMap, HSetExOptions options) {
        Args args = Args.command("HSETEX", fieldValueMap.size() * 2 + 8).add(key);
        if (options != null) {
            args.addAll(options.toArgs());
        }
        args.add(FIELDS_VALKEY_API).add(fieldValueMap.size());
        for (Map.Entry<GlideString, GlideString> e : fieldValueMap.entrySet()) {
            args.add(e.getKey()).add(e.getValue());
        }
        return run(args, true, LONG);
    }

    @Override
    public CompletableFuture<String[]> hgetex(String key, String[] fields, HGetExOptions options) {
        Args args = Args.command("HGETEX", fields.length + 6).add(key);
        if (options != null) {
            args.addAll(options.toArgs());
        }
        return run(withFields(args, fields), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> hgetex(GlideString key, GlideString[] fields, HGetExOptions options) {
        Args args = Args.command("HGETEX", fields.length + 6).add(key);
        if (options != null) {
            args.addAll(options.toArgs());
        }
        return run(withFields(args, fields), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hexpire(
            String key, long seconds, String[] fields, HashFieldExpirationConditionOptions options) {
        return run(fieldExpiry("HEXPIRE", key, seconds, fields, options), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hexpire(
            GlideString key, long seconds, GlideString[] fields, HashFieldExpirationConditionOptions options) {
        return run(fieldExpiry("HEXPIRE", key, seconds, fields, options), true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpersist(String key, String[] fields) {
        return run(fieldsOf("HPERSIST", key, fields), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpersist(GlideString key, GlideString[] fields) {
        return run(fieldsOf("HPERSIST", key, fields), true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpexpire(
            String key, long milliseconds, String[] fields, HashFieldExpirationConditionOptions options) {
        return run(fieldExpiry("HPEXPIRE", key, milliseconds, fields, options), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpexpire(
            GlideString key, long milliseconds, GlideString[] fields, HashFieldExpirationConditionOptions options) {
        return run(fieldExpiry("HPEXPIRE", key, milliseconds, fields, options), true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hexpireat(
            String key, long unixSeconds, String[] fields, HashFieldExpirationConditionOptions options) {
        return run(fieldExpiry("HEXPIREAT", key, unixSeconds, fields, options), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hexpireat(
            GlideString key, long unixSeconds, GlideString[] fields, HashFieldExpirationConditionOptions options) {
        return run(fieldExpiry("HEXPIREAT", key, unixSeconds, fields, options), true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpexpireat(
            String key, long unixMilliseconds, String[] fields, HashFieldExpirationConditionOptions options) {
        Args args = fieldExpiry("HPEXPIREAT", key, unixMilliseconds, fields, options);
        return run(args, false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpexpireat(
            GlideString key,
            long unixMilliseconds,
            GlideString[] fields,
            HashFieldExpirationConditionOptions options) {
        Args args = fieldExpiry("HPEXPIREAT", key, unixMilliseconds, fields, options);
        return run(args, true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> httl(String key, String[] fields) {
        return run(fieldsOf("HTTL", key, fields), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> httl(GlideString key, GlideString[] fields) {
        return run(fieldsOf("HTTL", key, fields), true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpttl(String key, String[] fields) {
        return run(fieldsOf("HPTTL", key, fields), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpttl(GlideString key, GlideString[] fields) {
        return run(fieldsOf("HPTTL", key, fields), true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hexpiretime(String key, String[] fields) {
        return run(fieldsOf("HEXPIRETIME", key, fields), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hexpiretime(GlideString key, GlideString[] fields) {
        return run(fieldsOf("HEXPIRETIME", key, fields), true, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpexpiretime(String key, String[] fields) {
        return run(fieldsOf("HPEXPIRETIME", key, fields), false, ReplyConverters.LONG_ARRAY);
    }

    @Override
    public CompletableFuture<Long[]> hpexpiretime(GlideString key, GlideString[] fields) {
        return run(fieldsOf("HPEXPIRETIME", key, fields), true, ReplyConverters.LONG_ARRAY);
    }

    /** {@code FIELDS n field...}, the tail of the field-expiration commands. */
    private static Args withFields(Args args, String[] fields) {
        return args.add(FIELDS_VALKEY_API).add(fields.length).addAll(fields);
    }

    private static Args withFields(Args args, GlideString[] fields) {
        return args.add(FIELDS_VALKEY_API).add(fields.length).addAll(fields);
    }

    /** {@code NAME key FIELDS n field...} (HTTL, HPERSIST...). */
    private static Args fieldsOf(String command, String key, String[] fields) {
        return withFields(Args.command(command, fields.length + 4).add(key), fields);
    }

    private static Args fieldsOf(String command, GlideString key, GlideString[] fields) {
        return withFields(Args.command(command, fields.length + 4).add(key), fields);
    }

    /** {@code NAME key time [NX|XX|GT|LT] FIELDS n field...} (HEXPIRE and its variants). */
    private static Args fieldExpiry(
            String command, String key, long time, String[] fields, HashFieldExpirationConditionOptions options) {
        Args args = Args.command(command, fields.length + 6).add(key).add(time);
        if (options != null) {
            args.addAll(options.toArgs());
        }
        return withFields(args, fields);
    }

    private static Args fieldExpiry(
            String command,
            GlideString key,
            long time,
            GlideString[] fields,
            HashFieldExpirationConditionOptions options) {
        Args args = Args.command(command, fields.length + 6).add(key).add(time);
        if (options != null) {
            args.addAll(options.toArgs());
        }
        return withFields(args, fields);
    }

    // (end of hashes)

    // ---- lists ----

    @Override
    public CompletableFuture<Long> lpush(String key, String[] elements) {
        return run(Args.command("LPUSH", elements.length + 2).add(key).addAll(elements), false, LONG);
    }

    @Override
    public CompletableFuture<Long> lpush(GlideString key, GlideString[] elements) {
        return run(Args.command("LPUSH", elements.length + 2).add(key).addAll(elements), true, LONG);
    }

    @Override
    public CompletableFuture<String[]> lrange(String key, long start, long end) {
        return run(Args.command("LRANGE", 4).add(key).add(start).add(end), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> lrange(GlideString key, long start, long end) {
        return run(Args.command("LRANGE", 4).add(key).add(start).add(end), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<String[]> blpop(String[] keys, double timeout) {
        byte[][] args = Args.command("BLPOP", keys.length + 2).addAll(keys).add(timeout).build();
        return run(args, false, BlockingTimeouts.forSeconds(timeout), STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> blpop(GlideString[] keys, double timeout) {
        byte[][] args = Args.command("BLPOP", keys.length + 2).addAll(keys).add(timeout).build();
        return run(args, true, BlockingTimeouts.forSeconds(timeout), GLIDE_STRING_ARRAY);
    }

    // (end of lists)

    // ---- sets ----

    @Override
    public CompletableFuture<Long> sadd(String key, String[] members) {
        return run(Args.command("SADD", members.length + 2).add(key).addAll(members), false, LONG);
    }

    @Override
    public CompletableFuture<Long> sadd(GlideString key, GlideString[] members) {
        return run(Args.command("SADD", members.length + 2).add(key).addAll(members), true, LONG);
    }

    @Override
    public CompletableFuture<Long> srem(String key, String[] members) {
        return run(Args.command("SREM", members.length + 2).add(key).addAll(members), false, LONG);
    }

    @Override
    public CompletableFuture<Long> srem(GlideString key, GlideString[] members) {
        return run(Args.command("SREM", members.length + 2).add(key).addAll(members), true, LONG);
    }

    @Override
    public CompletableFuture<Set<String>> smembers(String key) {
        return run(Args.command("SMEMBERS", 2).add(key), false, ReplyConverters.STRING_SET);
    }

    @Override
    public CompletableFuture<Set<GlideString>> smembers(GlideString key) {
        return run(Args.command("SMEMBERS", 2).add(key), true, ReplyConverters.GLIDE_STRING_SET);
    }

    @Override
    public CompletableFuture<Long> scard(String key) {
        return run(Args.command("SCARD", 2).add(key), false, LONG);
    }

    @Override
    public CompletableFuture<Long> scard(GlideString key) {
        return run(Args.command("SCARD", 2).add(key), true, LONG);
    }

    @Override
    public CompletableFuture<Boolean[]> smismember(String key, String[] members) {
        Args args = Args.command("SMISMEMBER", members.length + 2).add(key).addAll(members);
        return run(args, false, ReplyConverters.BOOLEAN_ARRAY);
    }

    @Override
    public CompletableFuture<Boolean[]> smismember(GlideString key, GlideString[] members) {
        Args args = Args.command("SMISMEMBER", members.length + 2).add(key).addAll(members);
        return run(args, true, ReplyConverters.BOOLEAN_ARRAY);
    }

    @Override
    public CompletableFuture<Boolean> smove(String source, String destination, String member) {
        return run(Args.command("SMOVE", 4).add(source).add(destination).add(member), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> smove(GlideString source, GlideString destination, GlideString member) {
        return run(Args.command("SMOVE", 4).add(source).add(destination).add(member), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> sismember(String key, String member) {
        return run(Args.command("SISMEMBER", 3).add(key).add(member), false, BOOLEAN);
    }

    @Override
    public CompletableFuture<Boolean> sismember(GlideString key, GlideString member) {
        return run(Args.command("SISMEMBER", 3).add(key).add(member), true, BOOLEAN);
    }

    @Override
    public CompletableFuture<Set<String>> sdiff(String[] keys) {
        return run(Args.command("SDIFF", keys.length + 1).addAll(keys), false, ReplyConverters.STRING_SET);
    }

    @Override
    public CompletableFuture<Set<GlideString>> sdiff(GlideString[] keys) {
        return run(Args.command("SDIFF", keys.length + 1).addAll(keys), true, ReplyConverters.GLIDE_STRING_SET);
    }

    @Override
    public CompletableFuture<Long> sdiffstore(String destination, String[] keys) {
        return run(Args.command("SDIFFSTORE", keys.length + 2).add(destination).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> sdiffstore(GlideString destination, GlideString[] keys) {
        return run(Args.command("SDIFFSTORE", keys.length + 2).add(destination).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<Set<String>> sinter(String[] keys) {
        return run(Args.command("SINTER", keys.length + 1).addAll(keys), false, ReplyConverters.STRING_SET);
    }

    @Override
    public CompletableFuture<Set<GlideString>> sinter(GlideString[] keys) {
        return run(Args.command("SINTER", keys.length + 1).addAll(keys), true, ReplyConverters.GLIDE_STRING_SET);
    }

    @Override
    public CompletableFuture<Long> sintercard(String[] keys) {
        return run(Args.command("SINTERCARD", keys.length + 2).add(keys.length).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> sintercard(GlideString[] keys) {
        return run(Args.command("SINTERCARD", keys.length + 2).add(keys.length).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<Long> sintercard(String[] keys, long limit) {
        Args args = Args.command("SINTERCARD", keys.length + 4).add(keys.length).addAll(keys);
        return run(args.add(SET_LIMIT_VALKEY_API).add(limit), false, LONG);
    }

    @Override
    public CompletableFuture<Long> sintercard(GlideString[] keys, long limit) {
        Args args = Args.command("SINTERCARD", keys.length + 4).add(keys.length).addAll(keys);
        return run(args.add(SET_LIMIT_VALKEY_API).add(limit), true, LONG);
    }

    @Override
    public CompletableFuture<Long> sinterstore(String destination, String[] keys) {
        return run(Args.command("SINTERSTORE", keys.length + 2).add(destination).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> sinterstore(GlideString destination, GlideString[] keys) {
        return run(Args.command("SINTERSTORE", keys.length + 2).add(destination).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<Long> sunionstore(String destination, String[] keys) {
        return run(Args.command("SUNIONSTORE", keys.length + 2).add(destination).addAll(keys), false, LONG);
    }

    @Override
    public CompletableFuture<Long> sunionstore(GlideString destination, GlideString[] keys) {
        return run(Args.command("SUNIONSTORE", keys.length + 2).add(destination).addAll(keys), true, LONG);
    }

    @Override
    public CompletableFuture<String> srandmember(String key) {
        return run(Args.command("SRANDMEMBER", 2).add(key), false, STRING);
    }

    @Override
    public CompletableFuture<GlideString> srandmember(GlideString key) {
        return run(Args.command("SRANDMEMBER", 2).add(key), true, GLIDE_STRING);
    }

    @Override
    public CompletableFuture<String[]> srandmember(String key, long count) {
        return run(Args.command("SRANDMEMBER", 3).add(key).add(count), false, STRING_ARRAY);
    }

    @Override
    public CompletableFuture<GlideString[]> srandmember(GlideString key, long count) {
        return run(Args.command("SRANDMEMBER", 3).add(key).add(count), true, GLIDE_STRING_ARRAY);
    }

    @Override
    public CompletableFuture<String> spop(String key) {
        return run(Args.command("SPOP", 2).add(key), false, STRING);
    }

    @Override
    public CompletableFuture<GlideString> spop(GlideString key) {
        return run(Args.command("SPOP", 2).add(key), true, GLIDE_STRING);
    }

    @Override
    public CompletableFuture<Set<String>> spopCount(String key, long count) {
        return run(Args.command("SPOP", 3).add(key).add(count), false, ReplyConverters.STRING_SET);
    }

    @Override
    public CompletableFuture<Set<GlideString>> spopCount(GlideString key, long count) {
        return run(Args.command("SPOP", 3).add(key).add(count), true, ReplyConverters.GLIDE_STRING_SET);
    }

    @Override
    public CompletableFuture<Set<String>> sunion(String[] keys) {
        return run(Args.command("SUNION", keys.length + 1).addAll(keys), false, ReplyConverters.STRING_SET);
    }

    @Override
    public CompletableFuture<Set<GlideString>> sunion(GlideString[] keys) {
        return run(Args.command("SUNION", keys.length + 1).addAll(keys), true, ReplyConverters.GLIDE_STRING_SET);
    }

    @Override
    public CompletableFuture<Object[]> sscan(String key, String cursor) {
        return run(Args.command("SSCAN", 3).add(key).add(cursor), false, ReplyConverters.SCAN_STEP);
    }

    @Override
    public CompletableFuture<Object[]> sscan(GlideString key, GlideString cursor) {
        return run(Args.command("SSCAN", 3).add(key).add(cursor), true, ReplyConverters.SCAN_STEP_BINARY);
    }

    @Override
    public CompletableFuture<Object[]> sscan(String key, String cursor, SScanOptions sScanOptions) {
        Args args = Args.command("SSCAN", 7).add(key).add(cursor).addAll(sScanOptions.toGlideStringArgs());
        return run(args, false, ReplyConverters.SCAN_STEP);
    }

    @Override
    public CompletableFuture<Object[]> sscan(GlideString key, GlideString cursor, SScanOptionsBinary sScanOptions) {
        Args args = Args.command("SSCAN", 7).add(key).add(cursor).addAll(sScanOptions.toGlideStringArgs());
        return run(args, true, ReplyConverters.SCAN_STEP_BINARY);
    }

    // (end of sets)

    // ---- sorted sets ----
    // (end of sorted sets)
}
