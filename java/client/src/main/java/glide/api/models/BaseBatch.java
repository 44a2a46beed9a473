package glide.api.models;

import glide.internal.Args;
import glide.internal.BatchCommands;
import glide.internal.commands.BitmapCommands;
import glide.internal.commands.Command;
import glide.internal.commands.ConnectionCommands;
import glide.internal.commands.GeoCommands;
import glide.internal.commands.HashCommands;
import glide.internal.commands.HyperLogLogCommands;
import glide.internal.commands.KeyCommands;
import glide.internal.commands.ListCommands;
import glide.internal.commands.ServerCommands;
import glide.internal.commands.SetCommands;
import glide.internal.commands.SortedSetCommands;
import glide.internal.commands.StreamCommands;
import glide.internal.commands.StringCommands;

/**
 * Commands to run together: atomically (MULTI/EXEC, a transaction) or as a pipeline (written at
 * once, not isolated; on a cluster split per node and reassembled in order). Each builder method
 * queues one command and returns this batch; {@code exec} on a client runs it and returns one
 * result per command, in order.
 *
 * <p>Arguments of type {@code ArgType} are {@link String} or {@link GlideString}; anything else
 * is refused with {@link IllegalArgumentException}. Results are strings unless {@link
 * #withBinaryOutput()} asks for {@link GlideString}s. A command refused by the client's own checks
 * (a bad argument) throws here, when it is added.
 *
 * <p>Each method queues what the client method of the same name sends, built in one place for
 * both: the command's definition in {@code glide.internal.commands}, with its reply shape.
 * {@link #customCommand} queues its arguments as given, the core deriving the reply's shape.
 *
 * @param <T> the concrete batch class, returned by every builder method
 */
public abstract class BaseBatch<T extends BaseBatch<T>> {
    /** Whether results keep bulk strings as {@link GlideString}. */
    protected boolean binaryOutput;

    private final boolean atomic;
    private final BatchCommands commands = new BatchCommands();

    protected BaseBatch(boolean isAtomic) {
        this.atomic = isAtomic;
    }

    protected abstract T getThis();

    /** Results keep bulk strings as {@link GlideString} instead of {@link String}. */
    public T withBinaryOutput() {
        binaryOutput = true;
        return getThis();
    }

    public boolean isBinaryOutput() {
        return binaryOutput;
    }

    /** True for a transaction (MULTI/EXEC), false for a pipeline. */
    public boolean isAtomic() {
        return atomic;
    }

    /** The queued commands (read by the clients' {@code exec}). */
    public BatchCommands commands() {
        return commands;
    }

    /**
     * Queues a command as its definition (glide.internal.commands) built it: its arguments and
     * its reply shape. (Its converter and timeout are the client's concern: a batch's replies are
     * converted together, and the batch has its own timeout.) Package-private: {@link Batch} and
     * {@link ClusterBatch} add their own clients' commands through it.
     */
    T add(Command<?> command) {
        commands.add(command.args(), command.shape());
        return getThis();
    }

    /**
     * {@code arg} as a {@link GlideString}: the byte-exact form every definition takes. A
     * {@code byte[]} is taken as its bytes and any other object as its {@code toString()}, as
     * valkey-glide 2.3.1 does for the arguments after the first: Java infers {@code ArgType} as
     * {@code Object} for a call such as {@code zscan(key, 0, options)}, and valkey-glide sends
     * the cursor as "0". The first argument is checked by {@link #checkArgType}.
     */
    protected static GlideString gs(Object arg) {
        if (arg instanceof GlideString) {
            return (GlideString) arg;
        }
        if (arg instanceof String) {
            return GlideString.of((String) arg);
        }
        if (arg instanceof byte[]) {
            return GlideString.of((byte[]) arg);
        }
        if (arg == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        return GlideString.of(arg.toString());
    }

    /**
     * Refuses a generic method's first {@code ArgType} argument (the key, or the first element of
     * an array or the first key of a map) unless it is a String or a GlideString, as valkey-glide
     * 2.3.1 does (IllegalArgumentException): that argument fixes which of the two the batch is
     * about. Its other arguments go through {@link #gs(Object)}.
     */
    protected static void checkArgType(Object first) {
        Object probe = first;
        if (first instanceof Object[]) {
            Object[] array = (Object[]) first;
            probe = array.length == 0 ? null : array[0];
        } else if (first instanceof java.util.Map) {
            java.util.Map<?, ?> map = (java.util.Map<?, ?>) first;
            probe = map.isEmpty() ? null : map.keySet().iterator().next();
        } else if (first == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        if (probe != null && !(probe instanceof String) && !(probe instanceof GlideString)) {
            throw new IllegalArgumentException(
                    "batch arguments must be String or GlideString, not " + probe.getClass().getName());
        }
    }

    /** Each of {@code args} as a {@link GlideString}. */
    protected static GlideString[] gs(Object[] args) {
        if (args == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        GlideString[] out = new GlideString[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = gs(args[i]);
        }
        return out;
    }

    // ---- commands (each records what the client method of the same name sends) ----

    // ==== part A: server and connection, strings, generic keys, hashes, lists, sets, HyperLogLog, bitmaps ====

    // Types are written in full in this section (no new imports): parts A and B merge cleanly.

    /** {@code map} with each key and value as a {@link GlideString}, in the map's iteration order. */
    private static java.util.Map<GlideString, GlideString> binaryMap(java.util.Map<?, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        java.util.Map<GlideString, GlideString> out = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
            out.put(gs(e.getKey()), gs(e.getValue()));
        }
        return out;
    }

    // ---- server and connection management ----

    /** Queues {@code args} as given (the first is the command name): the server's reply as is. */
    public <ArgType> T customCommand(ArgType[] args) {
        checkArgType(args);
        commands.add(Args.of(gs(args)));
        return getThis();
    }

    // Defined in ConnectionCommands and ServerCommands; the commands with text-only client
    // methods (CONFIG GET/SET) queue what those send: their ArgType arguments made text.

    /** Queues ECHO: the message. */
    public <ArgType> T echo(ArgType message) {
        checkArgType(message);
        return add(ConnectionCommands.BINARY.echo(gs(message)));
    }

    /** Queues PING: "PONG". */
    public T ping() {
        return add(ConnectionCommands.BINARY.ping());
    }

    /** Queues PING with a message: the message. */
    public <ArgType> T ping(ArgType msg) {
        checkArgType(msg);
        return add(ConnectionCommands.BINARY.ping(gs(msg)));
    }

    /** Queues INFO: the default sections as text. */
    public T info() {
        return add(ServerCommands.info());
    }

    /** Queues INFO for {@code sections}: those sections as text. */
    public T info(glide.api.models.commands.InfoOptions.Section[] sections) {
        return add(ServerCommands.info(sections));
    }

    /**
     * Queues CONFIG GET: a map of parameter to value. (The clients take parameter names as text
     * only; names are ASCII, so the conversion is exact.)
     */
    public <ArgType> T configGet(ArgType[] parameters) {
        checkArgType(parameters);
        return add(ServerCommands.configGet(textArgs(parameters)));
    }

    /**
     * Queues CONFIG SET: "OK". (The clients take parameters and values as text only; a value that
     * is not UTF-8 would not be sent byte-exact.)
     */
    public <ArgType> T configSet(java.util.Map<ArgType, ArgType> parameters) {
        checkArgType(parameters);
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        binaryMap(parameters).forEach((k, v) -> text.put(k.toString(), v.toString()));
        return add(ServerCommands.configSet(text));
    }

    /** {@code args} as text, for the few client methods with no binary overload. */
    private static String[] textArgs(Object[] args) {
        GlideString[] binary = gs(args);
        String[] out = new String[binary.length];
        for (int i = 0; i < binary.length; i++) {
            out[i] = binary[i].toString();
        }
        return out;
    }

    /** Queues CLIENT ID: this connection's id. */
    public T clientId() {
        return add(ConnectionCommands.BINARY.clientId());
    }

    /** Queues CLIENT GETNAME: this connection's name, or null. */
    public T clientGetName() {
        return add(ConnectionCommands.BINARY.clientGetName());
    }

    /** Queues CONFIG REWRITE: "OK". */
    public T configRewrite() {
        return add(ServerCommands.configRewrite());
    }

    /** Queues CONFIG RESETSTAT: "OK". */
    public T configResetStat() {
        return add(ServerCommands.configResetStat());
    }

    /** Queues TIME: [seconds, microseconds] as text. */
    public T time() {
        return add(ServerCommands.time());
    }

    /** Queues LASTSAVE: the Unix time of the last save. */
    public T lastsave() {
        return add(ServerCommands.lastsave());
    }

    /** Queues FLUSHALL: "OK". */
    public T flushall() {
        return add(ServerCommands.flushall());
    }

    /** Queues FLUSHALL SYNC/ASYNC: "OK". */
    public T flushall(glide.api.models.commands.FlushMode mode) {
        return add(ServerCommands.flushall(mode));
    }

    /** Queues FLUSHDB: "OK". */
    public T flushdb() {
        return add(ServerCommands.flushdb());
    }

    /** Queues FLUSHDB SYNC/ASYNC: "OK". */
    public T flushdb(glide.api.models.commands.FlushMode mode) {
        return add(ServerCommands.flushdb(mode));
    }

    /** Queues LOLWUT: the art and the server version, as text. */
    public T lolwut() {
        return add(ServerCommands.lolwut(null, new int[0]));
    }

    /** Queues LOLWUT with the art's parameters: text. */
    public T lolwut(int[] parameters) {
        return add(ServerCommands.lolwut(null, parameters));
    }

    /** Queues LOLWUT VERSION: text. */
    public T lolwut(int version) {
        return add(ServerCommands.lolwut(version, new int[0]));
    }

    /** Queues LOLWUT VERSION with the art's parameters: text. */
    public T lolwut(int version, int[] parameters) {
        return add(ServerCommands.lolwut(version, parameters));
    }

    /** Queues DBSIZE: the number of keys in the database. */
    public T dbsize() {
        return add(ServerCommands.dbsize());
    }

    /** Queues WAIT: the number of replicas that acknowledged the writes before it. */
    public T wait(long numreplicas, long timeout) {
        return add(KeyCommands.BINARY.wait(numreplicas, timeout));
    }

    // ---- strings ----

    /** Queues GET: the value, or null. */
    public <ArgType> T get(ArgType key) {
        checkArgType(key);
        return add(StringCommands.BINARY.get(gs(key)));
    }

    /** Queues GETDEL: the value it deleted, or null. */
    public <ArgType> T getdel(ArgType key) {
        checkArgType(key);
        return add(StringCommands.BINARY.getdel(gs(key)));
    }

    /** Queues GETEX: the value, or null. */
    public <ArgType> T getex(ArgType key) {
        checkArgType(key);
        return add(StringCommands.BINARY.getex(gs(key)));
    }

    /** Queues GETEX with an expiry change: the value, or null. */
    public <ArgType> T getex(ArgType key, glide.api.models.commands.GetExOptions options) {
        checkArgType(key);
        return add(StringCommands.BINARY.getex(gs(key), options));
    }

    /** Queues SET: "OK". */
    public <ArgType> T set(ArgType key, ArgType value) {
        checkArgType(key);
        return add(StringCommands.BINARY.set(gs(key), gs(value)));
    }

    /** Queues SET with options: "OK", the old value (GET), or null when a condition failed. */
    public <ArgType> T set(ArgType key, ArgType value, glide.api.models.commands.SetOptions options) {
        checkArgType(key);
        return add(StringCommands.BINARY.set(gs(key), gs(value), options));
    }

    /** Queues APPEND: the new length. */
    public <ArgType> T append(ArgType key, ArgType value) {
        checkArgType(key);
        return add(StringCommands.BINARY.append(gs(key), gs(value)));
    }

    /** Queues MGET: the values, null for a missing key. */
    public <ArgType> T mget(ArgType[] keys) {
        checkArgType(keys);
        return add(StringCommands.BINARY.mget(gs(keys)));
    }

    /** Queues MSET with the map's pairs in iteration order: "OK". */
    public T mset(java.util.Map<?, ?> keyValueMap) {
        return add(StringCommands.BINARY.mset(binaryMap(keyValueMap)));
    }

    /** Queues MSETNX with the map's pairs in iteration order: true if every key was set. */
    public T msetnx(java.util.Map<?, ?> keyValueMap) {
        return add(StringCommands.BINARY.msetnx(binaryMap(keyValueMap)));
    }

    /** Queues INCR: the new value. */
    public <ArgType> T incr(ArgType key) {
        checkArgType(key);
        return add(StringCommands.BINARY.incr(gs(key)));
    }

    /** Queues INCRBY: the new value. */
    public <ArgType> T incrBy(ArgType key, long amount) {
        checkArgType(key);
        return add(StringCommands.BINARY.incrBy(gs(key), amount));
    }

    /** Queues INCRBYFLOAT: the new value. */
    public <ArgType> T incrByFloat(ArgType key, double amount) {
        checkArgType(key);
        return add(StringCommands.BINARY.incrByFloat(gs(key), amount));
    }

    /** Queues DECR: the new value. */
    public <ArgType> T decr(ArgType key) {
        checkArgType(key);
        return add(StringCommands.BINARY.decr(gs(key)));
    }

    /** Queues DECRBY: the new value. */
    public <ArgType> T decrBy(ArgType key, long amount) {
        checkArgType(key);
        return add(StringCommands.BINARY.decrBy(gs(key), amount));
    }

    /** Queues STRLEN: the value's length, 0 for a missing key. */
    public <ArgType> T strlen(ArgType key) {
        checkArgType(key);
        return add(StringCommands.BINARY.strlen(gs(key)));
    }

    /** Queues SETRANGE: the new length. */
    public <ArgType> T setrange(ArgType key, int offset, ArgType value) {
        checkArgType(key);
        return add(StringCommands.BINARY.setrange(gs(key), offset, gs(value)));
    }

    /** Queues GETRANGE: the substring. */
    public <ArgType> T getrange(ArgType key, int start, int end) {
        checkArgType(key);
        return add(StringCommands.BINARY.getrange(gs(key), start, end));
    }

    /** Queues LCS: the longest common subsequence. */
    public <ArgType> T lcs(ArgType key1, ArgType key2) {
        checkArgType(key1);
        return add(StringCommands.BINARY.lcs(gs(key1), gs(key2)));
    }

    /** Queues LCS LEN: the length of the longest common subsequence. */
    public <ArgType> T lcsLen(ArgType key1, ArgType key2) {
        checkArgType(key1);
        return add(StringCommands.BINARY.lcsLen(gs(key1), gs(key2)));
    }

    /** Queues LCS IDX: a map with "matches" and "len". */
    public <ArgType> T lcsIdx(ArgType key1, ArgType key2) {
        checkArgType(key1);
        return add(StringCommands.BINARY.lcsIdx(gs(key1), gs(key2), null, false));
    }

    /** Queues LCS IDX MINMATCHLEN: a map with "matches" and "len". */
    public <ArgType> T lcsIdx(ArgType key1, ArgType key2, long minMatchLen) {
        checkArgType(key1);
        return add(StringCommands.BINARY.lcsIdx(gs(key1), gs(key2), minMatchLen, false));
    }

    /** Queues LCS IDX WITHMATCHLEN: a map with "matches" (each with its length) and "len". */
    public <ArgType> T lcsIdxWithMatchLen(ArgType key1, ArgType key2) {
        checkArgType(key1);
        return add(StringCommands.BINARY.lcsIdx(gs(key1), gs(key2), null, true));
    }

    /** Queues LCS IDX MINMATCHLEN WITHMATCHLEN: a map with "matches" and "len". */
    public <ArgType> T lcsIdxWithMatchLen(ArgType key1, ArgType key2, long minMatchLen) {
        checkArgType(key1);
        return add(StringCommands.BINARY.lcsIdx(gs(key1), gs(key2), minMatchLen, true));
    }

    // ---- generic keys ----

    /** Queues DEL: the number of keys removed. */
    public <ArgType> T del(ArgType[] keys) {
        checkArgType(keys);
        return add(KeyCommands.BINARY.del(gs(keys)));
    }

    /** Queues EXISTS: how many of the keys exist (a repeated key counts each time). */
    public <ArgType> T exists(ArgType[] keys) {
        checkArgType(keys);
        return add(KeyCommands.BINARY.exists(gs(keys)));
    }

    /** Queues UNLINK: the number of keys removed (freed in the background). */
    public <ArgType> T unlink(ArgType[] keys) {
        checkArgType(keys);
        return add(KeyCommands.BINARY.unlink(gs(keys)));
    }

    /** Queues MOVE to database {@code dbIndex}: true if the key moved. */
    public <ArgType> T move(ArgType key, long dbIndex) {
        checkArgType(key);
        return add(KeyCommands.BINARY.move(gs(key), dbIndex));
    }

    /** Queues EXPIRE (seconds): true if the timeout was set. */
    public <ArgType> T expire(ArgType key, long seconds) {
        checkArgType(key);
        return add(KeyCommands.BINARY.expire(gs(key), seconds));
    }

    /** Queues EXPIRE with a condition: true if the timeout was set. */
    public <ArgType> T expire(ArgType key, long seconds, glide.api.models.commands.ExpireOptions expireOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.expire(gs(key), seconds, expireOptions));
    }

    /** Queues EXPIREAT (Unix seconds): true if the timeout was set. */
    public <ArgType> T expireAt(ArgType key, long unixSeconds) {
        checkArgType(key);
        return add(KeyCommands.BINARY.expireAt(gs(key), unixSeconds));
    }

    /** Queues EXPIREAT with a condition: true if the timeout was set. */
    public <ArgType> T expireAt(
            ArgType key, long unixSeconds, glide.api.models.commands.ExpireOptions expireOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.expireAt(gs(key), unixSeconds, expireOptions));
    }

    /** Queues PEXPIRE (milliseconds): true if the timeout was set. */
    public <ArgType> T pexpire(ArgType key, long milliseconds) {
        checkArgType(key);
        return add(KeyCommands.BINARY.pexpire(gs(key), milliseconds));
    }

    /** Queues PEXPIRE with a condition: true if the timeout was set. */
    public <ArgType> T pexpire(
            ArgType key, long milliseconds, glide.api.models.commands.ExpireOptions expireOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.pexpire(gs(key), milliseconds, expireOptions));
    }

    /** Queues PEXPIREAT (Unix milliseconds): true if the timeout was set. */
    public <ArgType> T pexpireAt(ArgType key, long unixMilliseconds) {
        checkArgType(key);
        return add(KeyCommands.BINARY.pexpireAt(gs(key), unixMilliseconds));
    }

    /** Queues PEXPIREAT with a condition: true if the timeout was set. */
    public <ArgType> T pexpireAt(
            ArgType key, long unixMilliseconds, glide.api.models.commands.ExpireOptions expireOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.pexpireAt(gs(key), unixMilliseconds, expireOptions));
    }

    /** Queues TTL: seconds left, -1 without a timeout, -2 for a missing key. */
    public <ArgType> T ttl(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.ttl(gs(key)));
    }

    /** Queues EXPIRETIME: the Unix seconds it expires at, -1 without a timeout, -2 if missing. */
    public <ArgType> T expiretime(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.expiretime(gs(key)));
    }

    /** Queues PEXPIRETIME: the Unix milliseconds it expires at, -1 or -2 as for expiretime. */
    public <ArgType> T pexpiretime(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.pexpiretime(gs(key)));
    }

    /** Queues PTTL: milliseconds left, -1 without a timeout, -2 for a missing key. */
    public <ArgType> T pttl(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.pttl(gs(key)));
    }

    /** Queues PERSIST: true if a timeout was removed. */
    public <ArgType> T persist(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.persist(gs(key)));
    }

    /** Queues TYPE: the value's type name, "none" for a missing key. */
    public <ArgType> T type(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.type(gs(key)));
    }

    /** Queues RANDOMKEY: a random key, or null for an empty database. */
    public T randomKey() {
        return add(KeyCommands.BINARY.randomKey());
    }

    /** Queues RENAME: "OK". */
    public <ArgType> T rename(ArgType key, ArgType newKey) {
        checkArgType(key);
        return add(KeyCommands.BINARY.rename(gs(key), gs(newKey)));
    }

    /** Queues RENAMENX: true if renamed, false if the new key existed. */
    public <ArgType> T renamenx(ArgType key, ArgType newKey) {
        checkArgType(key);
        return add(KeyCommands.BINARY.renamenx(gs(key), gs(newKey)));
    }

    /** Queues OBJECT ENCODING: the internal encoding, or null. */
    public <ArgType> T objectEncoding(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.objectEncoding(gs(key)));
    }

    /** Queues OBJECT FREQ: the access frequency (LFU policies), or null. */
    public <ArgType> T objectFreq(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.objectFreq(gs(key)));
    }

    /** Queues OBJECT IDLETIME: seconds since the last access, or null. */
    public <ArgType> T objectIdletime(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.objectIdletime(gs(key)));
    }

    /** Queues OBJECT REFCOUNT: the reference count, or null. */
    public <ArgType> T objectRefcount(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.objectRefcount(gs(key)));
    }

    /** Queues TOUCH: how many of the keys exist. */
    public <ArgType> T touch(ArgType[] keys) {
        checkArgType(keys);
        return add(KeyCommands.BINARY.touch(gs(keys)));
    }

    /** Queues COPY [REPLACE]: true if copied. */
    public <ArgType> T copy(ArgType source, ArgType destination, boolean replace) {
        checkArgType(source);
        return add(KeyCommands.BINARY.copy(gs(source), gs(destination), null, replace));
    }

    /** Queues COPY: true if copied (false if the destination existed). */
    public <ArgType> T copy(ArgType source, ArgType destination) {
        checkArgType(source);
        return add(KeyCommands.BINARY.copy(gs(source), gs(destination), null, false));
    }

    /** Queues COPY DB: true if copied. */
    public <ArgType> T copy(ArgType source, ArgType destination, long destinationDB) {
        checkArgType(source);
        return add(KeyCommands.BINARY.copy(gs(source), gs(destination), destinationDB, false));
    }

    /** Queues COPY DB [REPLACE]: true if copied. */
    public <ArgType> T copy(ArgType source, ArgType destination, long destinationDB, boolean replace) {
        checkArgType(source);
        return add(KeyCommands.BINARY.copy(gs(source), gs(destination), destinationDB, replace));
    }

    /** Queues DUMP: the serialized value (bytes), or null. */
    public <ArgType> T dump(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.dump(gs(key)));
    }

    /** Queues RESTORE: "OK". */
    public <ArgType> T restore(ArgType key, long ttl, byte[] value) {
        checkArgType(key);
        return add(KeyCommands.BINARY.restore(gs(key), ttl, value));
    }

    /** Queues RESTORE with options: "OK". */
    public <ArgType> T restore(
            ArgType key, long ttl, byte[] value, glide.api.models.commands.RestoreOptions restoreOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.restore(gs(key), ttl, value, restoreOptions));
    }

    /** Queues SORT: the sorted elements. */
    public <ArgType> T sort(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.sort(gs(key)));
    }

    // SORT / SORT_RO with SortOptions: the key's bytes, then the options' (text) arguments, as
    // KeyCommands writes text options whatever the codec.

    /** Queues SORT with options: the sorted elements (or what GET patterns fetched). */
    public <ArgType> T sort(ArgType key, glide.api.models.commands.SortOptions sortOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.sort(gs(key), sortOptions));
    }

    /** Queues SORT_RO: the sorted elements. */
    public <ArgType> T sortReadOnly(ArgType key) {
        checkArgType(key);
        return add(KeyCommands.BINARY.sortReadOnly(gs(key)));
    }

    /** Queues SORT_RO with options: the sorted elements. */
    public <ArgType> T sortReadOnly(ArgType key, glide.api.models.commands.SortOptions sortOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.sortReadOnly(gs(key), sortOptions));
    }

    /** Queues SORT ... STORE: the number of elements stored. */
    public <ArgType> T sortStore(ArgType key, ArgType destination) {
        checkArgType(key);
        return add(KeyCommands.BINARY.sortStore(gs(key), gs(destination)));
    }

    /** Queues SORT with options ... STORE: the number of elements stored. */
    public <ArgType> T sortStore(
            ArgType key, ArgType destination, glide.api.models.commands.SortOptions sortOptions) {
        checkArgType(key);
        return add(KeyCommands.BINARY.sortStore(gs(key), gs(destination), sortOptions));
    }

    // ---- hashes (defined in glide.internal.commands.HashCommands) ----

    /** Queues HGET: the field's value, or null. */
    public <ArgType> T hget(ArgType key, ArgType field) {
        checkArgType(key);
        return add(HashCommands.BINARY.hget(gs(key), gs(field)));
    }

    /** Queues HSET with the map's pairs in iteration order: the number of new fields. */
    public <ArgType> T hset(ArgType key, java.util.Map<ArgType, ArgType> fieldValueMap) {
        checkArgType(key);
        return add(HashCommands.BINARY.hset(gs(key), binaryMap(fieldValueMap)));
    }

    /** Queues HSETEX: 1 if every field was set, 0 if a condition failed. */
    public <ArgType> T hsetex(
            ArgType key,
            java.util.Map<ArgType, ArgType> fieldValueMap,
            glide.api.models.commands.HSetExOptions options) {
        checkArgType(key);
        return add(HashCommands.BINARY.hsetex(gs(key), binaryMap(fieldValueMap), options));
    }

    /** Queues HGETEX: the fields' values (null for a missing one). */
    public <ArgType> T hgetex(ArgType key, ArgType[] fields, glide.api.models.commands.HGetExOptions options) {
        checkArgType(key);
        return add(HashCommands.BINARY.hgetex(gs(key), gs(fields), options));
    }

    /** Queues HEXPIRE (seconds): a code per field (1 set, 0 condition failed, 2 deleted, -2 missing). */
    public <ArgType> T hexpire(
            ArgType key,
            long seconds,
            ArgType[] fields,
            glide.api.models.commands.HashFieldExpirationConditionOptions options) {
        checkArgType(key);
        return add(HashCommands.BINARY.hexpire(gs(key), seconds, gs(fields), options));
    }

    /** Queues HPERSIST: a code per field (1 removed, -1 no timeout, -2 missing). */
    public <ArgType> T hpersist(ArgType key, ArgType[] fields) {
        checkArgType(key);
        return add(HashCommands.BINARY.hpersist(gs(key), gs(fields)));
    }

    /** Queues HPEXPIRE (milliseconds): a code per field, as for hexpire. */
    public <ArgType> T hpexpire(
            ArgType key,
            long milliseconds,
            ArgType[] fields,
            glide.api.models.commands.HashFieldExpirationConditionOptions options) {
        checkArgType(key);
        return add(HashCommands.BINARY.hpexpire(gs(key), milliseconds, gs(fields), options));
    }

    /** Queues HEXPIREAT (Unix seconds): a code per field, as for hexpire. */
    public <ArgType> T hexpireat(
            ArgType key,
            long unixSeconds,
            ArgType[] fields,
            glide.api.models.commands.HashFieldExpirationConditionOptions options) {
        checkArgType(key);
        return add(HashCommands.BINARY.hexpireat(gs(key), unixSeconds, gs(fields), options));
    }

    /** Queues HPEXPIREAT (Unix milliseconds): a code per field, as for hexpire. */
    public <ArgType> T hpexpireat(
            ArgType key,
            long unixMilliseconds,
            ArgType[] fields,
            glide.api.models.commands.HashFieldExpirationConditionOptions options) {
        checkArgType(key);
        return add(HashCommands.BINARY.hpexpireat(gs(key), unixMilliseconds, gs(fields), options));
    }

    /** Queues HTTL: seconds left per field (-1 no timeout, -2 missing). */
    public <ArgType> T httl(ArgType key, ArgType[] fields) {
        checkArgType(key);
        return add(HashCommands.BINARY.httl(gs(key), gs(fields)));
    }

    /** Queues HPTTL: milliseconds left per field (-1 no timeout, -2 missing). */
    public <ArgType> T hpttl(ArgType key, ArgType[] fields) {
        checkArgType(key);
        return add(HashCommands.BINARY.hpttl(gs(key), gs(fields)));
    }

    /** Queues HEXPIRETIME: the Unix seconds each field expires at (-1 none, -2 missing). */
    public <ArgType> T hexpiretime(ArgType key, ArgType[] fields) {
        checkArgType(key);
        return add(HashCommands.BINARY.hexpiretime(gs(key), gs(fields)));
    }

    /** Queues HPEXPIRETIME: the Unix milliseconds each field expires at (-1 none, -2 missing). */
    public <ArgType> T hpexpiretime(ArgType key, ArgType[] fields) {
        checkArgType(key);
        return add(HashCommands.BINARY.hpexpiretime(gs(key), gs(fields)));
    }

    /** Queues HSETNX: true if the field was set (it did not exist). */
    public <ArgType> T hsetnx(ArgType key, ArgType field, ArgType value) {
        checkArgType(key);
        return add(HashCommands.BINARY.hsetnx(gs(key), gs(field), gs(value)));
    }

    /** Queues HDEL: the number of fields removed. */
    public <ArgType> T hdel(ArgType key, ArgType[] fields) {
        checkArgType(key);
        return add(HashCommands.BINARY.hdel(gs(key), gs(fields)));
    }

    /** Queues HLEN: the number of fields. */
    public <ArgType> T hlen(ArgType key) {
        checkArgType(key);
        return add(HashCommands.BINARY.hlen(gs(key)));
    }

    /** Queues HVALS: the values. */
    public <ArgType> T hvals(ArgType key) {
        checkArgType(key);
        return add(HashCommands.BINARY.hvals(gs(key)));
    }

    /** Queues HMGET: the fields' values, null for a missing one. */
    public <ArgType> T hmget(ArgType key, ArgType[] fields) {
        checkArgType(key);
        return add(HashCommands.BINARY.hmget(gs(key), gs(fields)));
    }

    /** Queues HEXISTS: true if the field exists. */
    public <ArgType> T hexists(ArgType key, ArgType field) {
        checkArgType(key);
        return add(HashCommands.BINARY.hexists(gs(key), gs(field)));
    }

    /** Queues HGETALL: a map of field to value. */
    public <ArgType> T hgetall(ArgType key) {
        checkArgType(key);
        return add(HashCommands.BINARY.hgetall(gs(key)));
    }

    /** Queues HINCRBY: the field's new value. */
    public <ArgType> T hincrBy(ArgType key, ArgType field, long amount) {
        checkArgType(key);
        return add(HashCommands.BINARY.hincrBy(gs(key), gs(field), amount));
    }

    /** Queues HINCRBYFLOAT: the field's new value. */
    public <ArgType> T hincrByFloat(ArgType key, ArgType field, double amount) {
        checkArgType(key);
        return add(HashCommands.BINARY.hincrByFloat(gs(key), gs(field), amount));
    }

    /** Queues HKEYS: the field names. */
    public <ArgType> T hkeys(ArgType key) {
        checkArgType(key);
        return add(HashCommands.BINARY.hkeys(gs(key)));
    }

    /** Queues HSTRLEN: the length of the field's value, 0 if missing. */
    public <ArgType> T hstrlen(ArgType key, ArgType field) {
        checkArgType(key);
        return add(HashCommands.BINARY.hstrlen(gs(key), gs(field)));
    }

    /** Queues HRANDFIELD: a random field, or null. */
    public <ArgType> T hrandfield(ArgType key) {
        checkArgType(key);
        return add(HashCommands.BINARY.hrandfield(gs(key)));
    }

    /** Queues HRANDFIELD count: random fields (repeats allowed for a negative count). */
    public <ArgType> T hrandfieldWithCount(ArgType key, long count) {
        checkArgType(key);
        return add(HashCommands.BINARY.hrandfieldWithCount(gs(key), count));
    }

    /** Queues HRANDFIELD count WITHVALUES: [field, value] pairs. */
    public <ArgType> T hrandfieldWithCountWithValues(ArgType key, long count) {
        checkArgType(key);
        return add(HashCommands.BINARY.hrandfieldWithCountWithValues(gs(key), count));
    }

    /** Queues HSCAN: [next cursor, [field, value, ...]]. */
    public <ArgType> T hscan(ArgType key, ArgType cursor) {
        checkArgType(key);
        return add(HashCommands.BINARY.hscan(gs(key), gs(cursor)));
    }

    /** Queues HSCAN with options (written as their bytes): [next cursor, [field, value, ...]]. */
    public <ArgType> T hscan(ArgType key, ArgType cursor, glide.api.models.commands.scan.HScanOptions hScanOptions) {
        checkArgType(key);
        return add(HashCommands.BINARY.hscan(gs(key), gs(cursor), hScanOptions));
    }

    // ---- lists (defined in glide.internal.commands.ListCommands) ----

    /** Queues LPUSH: the list's new length. */
    public <ArgType> T lpush(ArgType key, ArgType[] elements) {
        checkArgType(key);
        return add(ListCommands.BINARY.lpush(gs(key), gs(elements)));
    }

    /** Queues LPOP: the first element, or null. */
    public <ArgType> T lpop(ArgType key) {
        checkArgType(key);
        return add(ListCommands.BINARY.lpop(gs(key)));
    }

    /** Queues LPOS: the element's index, or null. */
    public <ArgType> T lpos(ArgType key, ArgType element) {
        checkArgType(key);
        return add(ListCommands.BINARY.lpos(gs(key), gs(element)));
    }

    /** Queues LPOS with RANK/MAXLEN: the element's index, or null. */
    public <ArgType> T lpos(ArgType key, ArgType element, glide.api.models.commands.LPosOptions options) {
        checkArgType(key);
        return add(ListCommands.BINARY.lpos(gs(key), gs(element), options));
    }

    /** Queues LPOS COUNT: the matching indexes. */
    public <ArgType> T lposCount(ArgType key, ArgType element, long count) {
        checkArgType(key);
        return add(ListCommands.BINARY.lposCount(gs(key), gs(element), count));
    }

    /** Queues LPOS COUNT with RANK/MAXLEN: the matching indexes. */
    public <ArgType> T lposCount(
            ArgType key, ArgType element, long count, glide.api.models.commands.LPosOptions options) {
        checkArgType(key);
        return add(ListCommands.BINARY.lposCount(gs(key), gs(element), count, options));
    }

    /** Queues LPOP count: the popped elements, or null. */
    public <ArgType> T lpopCount(ArgType key, long count) {
        checkArgType(key);
        return add(ListCommands.BINARY.lpopCount(gs(key), count));
    }

    /** Queues LRANGE: the elements in the range. */
    public <ArgType> T lrange(ArgType key, long start, long end) {
        checkArgType(key);
        return add(ListCommands.BINARY.lrange(gs(key), start, end));
    }

    /** Queues LINDEX: the element, or null. */
    public <ArgType> T lindex(ArgType key, long index) {
        checkArgType(key);
        return add(ListCommands.BINARY.lindex(gs(key), index));
    }

    /** Queues LTRIM: "OK". */
    public <ArgType> T ltrim(ArgType key, long start, long end) {
        checkArgType(key);
        return add(ListCommands.BINARY.ltrim(gs(key), start, end));
    }

    /** Queues LLEN: the list's length. */
    public <ArgType> T llen(ArgType key) {
        checkArgType(key);
        return add(ListCommands.BINARY.llen(gs(key)));
    }

    /** Queues LREM: the number of elements removed. */
    public <ArgType> T lrem(ArgType key, long count, ArgType element) {
        checkArgType(key);
        return add(ListCommands.BINARY.lrem(gs(key), count, gs(element)));
    }

    /** Queues RPUSH: the list's new length. */
    public <ArgType> T rpush(ArgType key, ArgType[] elements) {
        checkArgType(key);
        return add(ListCommands.BINARY.rpush(gs(key), gs(elements)));
    }

    /** Queues RPOP: the last element, or null. */
    public <ArgType> T rpop(ArgType key) {
        checkArgType(key);
        return add(ListCommands.BINARY.rpop(gs(key)));
    }

    /** Queues RPOP count: the popped elements, or null. */
    public <ArgType> T rpopCount(ArgType key, long count) {
        checkArgType(key);
        return add(ListCommands.BINARY.rpopCount(gs(key), count));
    }

    /** Queues LINSERT: the new length, -1 if the pivot is missing, 0 if the key is. */
    public <ArgType> T linsert(
            ArgType key,
            glide.api.models.commands.LInsertOptions.InsertPosition position,
            ArgType pivot,
            ArgType element) {
        checkArgType(key);
        return add(ListCommands.BINARY.linsert(gs(key), position, gs(pivot), gs(element)));
    }

    /** Queues BRPOP: [key, element], or null on timeout. */
    public <ArgType> T brpop(ArgType[] keys, double timeout) {
        checkArgType(keys);
        return add(ListCommands.BINARY.brpop(gs(keys), timeout));
    }

    /** Queues LPUSHX: the list's new length, 0 if it does not exist. */
    public <ArgType> T lpushx(ArgType key, ArgType[] elements) {
        checkArgType(key);
        return add(ListCommands.BINARY.lpushx(gs(key), gs(elements)));
    }

    /** Queues RPUSHX: the list's new length, 0 if it does not exist. */
    public <ArgType> T rpushx(ArgType key, ArgType[] elements) {
        checkArgType(key);
        return add(ListCommands.BINARY.rpushx(gs(key), gs(elements)));
    }

    /** Queues BLPOP: [key, element], or null on timeout. */
    public <ArgType> T blpop(ArgType[] keys, double timeout) {
        checkArgType(keys);
        return add(ListCommands.BINARY.blpop(gs(keys), timeout));
    }

    /** Queues BLMPOP [COUNT] (a null count: none): {key: elements}, or null on timeout. */
    public <ArgType> T blmpop(
            ArgType[] keys, glide.api.models.commands.ListDirection direction, Long count, double timeout) {
        checkArgType(keys);
        return add(ListCommands.BINARY.blmpop(gs(keys), direction, count, timeout));
    }

    /** Queues BLMPOP: {key: [element]}, or null on timeout. */
    public <ArgType> T blmpop(ArgType[] keys, glide.api.models.commands.ListDirection direction, double timeout) {
        checkArgType(keys);
        return add(ListCommands.BINARY.blmpop(gs(keys), direction, null, timeout));
    }

    /** Queues LMPOP [COUNT] (a null count: none): {key: elements}, or null. */
    public <ArgType> T lmpop(ArgType[] keys, glide.api.models.commands.ListDirection direction, Long count) {
        checkArgType(keys);
        return add(ListCommands.BINARY.lmpop(gs(keys), direction, count));
    }

    /** Queues LMPOP: {key: [element]}, or null. */
    public <ArgType> T lmpop(ArgType[] keys, glide.api.models.commands.ListDirection direction) {
        checkArgType(keys);
        return add(ListCommands.BINARY.lmpop(gs(keys), direction, null));
    }

    /** Queues LSET: "OK". */
    public <ArgType> T lset(ArgType key, long index, ArgType element) {
        checkArgType(key);
        return add(ListCommands.BINARY.lset(gs(key), index, gs(element)));
    }

    /** Queues LMOVE: the moved element, or null. */
    public <ArgType> T lmove(
            ArgType source,
            ArgType destination,
            glide.api.models.commands.ListDirection wherefrom,
            glide.api.models.commands.ListDirection whereto) {
        checkArgType(source);
        return add(ListCommands.BINARY.lmove(gs(source), gs(destination), wherefrom, whereto));
    }

    /** Queues BLMOVE: the moved element, or null on timeout. */
    public <ArgType> T blmove(
            ArgType source,
            ArgType destination,
            glide.api.models.commands.ListDirection wherefrom,
            glide.api.models.commands.ListDirection whereto,
            double timeout) {
        checkArgType(source);
        return add(ListCommands.BINARY.blmove(gs(source), gs(destination), wherefrom, whereto, timeout));
    }

    // ---- sets ----

    /** Queues SADD: the number of members added. */
    public <ArgType> T sadd(ArgType key, ArgType[] members) {
        checkArgType(key);
        return add(SetCommands.BINARY.sadd(gs(key), gs(members)));
    }

    /** Queues SISMEMBER: true if a member. */
    public <ArgType> T sismember(ArgType key, ArgType member) {
        checkArgType(key);
        return add(SetCommands.BINARY.sismember(gs(key), gs(member)));
    }

    /** Queues SREM: the number of members removed. */
    public <ArgType> T srem(ArgType key, ArgType[] members) {
        checkArgType(key);
        return add(SetCommands.BINARY.srem(gs(key), gs(members)));
    }

    /** Queues SMEMBERS: the members, as a set. */
    public <ArgType> T smembers(ArgType key) {
        checkArgType(key);
        return add(SetCommands.BINARY.smembers(gs(key)));
    }

    /** Queues SCARD: the number of members. */
    public <ArgType> T scard(ArgType key) {
        checkArgType(key);
        return add(SetCommands.BINARY.scard(gs(key)));
    }

    /** Queues SDIFF: the members of the first set not in the others, as a set. */
    public <ArgType> T sdiff(ArgType[] keys) {
        checkArgType(keys);
        return add(SetCommands.BINARY.sdiff(gs(keys)));
    }

    /** Queues SMISMEMBER: true or false per member. */
    public <ArgType> T smismember(ArgType key, ArgType[] members) {
        checkArgType(key);
        return add(SetCommands.BINARY.smismember(gs(key), gs(members)));
    }

    /** Queues SDIFFSTORE: the size of the stored set. */
    public <ArgType> T sdiffstore(ArgType destination, ArgType[] keys) {
        checkArgType(destination);
        return add(SetCommands.BINARY.sdiffstore(gs(destination), gs(keys)));
    }

    /** Queues SMOVE: true if the member moved. */
    public <ArgType> T smove(ArgType source, ArgType destination, ArgType member) {
        checkArgType(source);
        return add(SetCommands.BINARY.smove(gs(source), gs(destination), gs(member)));
    }

    /** Queues SINTER: the common members, as a set. */
    public <ArgType> T sinter(ArgType[] keys) {
        checkArgType(keys);
        return add(SetCommands.BINARY.sinter(gs(keys)));
    }

    /** Queues SINTERSTORE: the size of the stored set. */
    public <ArgType> T sinterstore(ArgType destination, ArgType[] keys) {
        checkArgType(destination);
        return add(SetCommands.BINARY.sinterstore(gs(destination), gs(keys)));
    }

    /** Queues SINTERCARD: the number of common members. */
    public <ArgType> T sintercard(ArgType[] keys) {
        checkArgType(keys);
        return add(SetCommands.BINARY.sintercard(gs(keys), null));
    }

    /** Queues SINTERCARD LIMIT: the number of common members, at most {@code limit}. */
    public <ArgType> T sintercard(ArgType[] keys, long limit) {
        checkArgType(keys);
        return add(SetCommands.BINARY.sintercard(gs(keys), limit));
    }

    /** Queues SUNIONSTORE: the size of the stored set. */
    public <ArgType> T sunionstore(ArgType destination, ArgType[] keys) {
        checkArgType(destination);
        return add(SetCommands.BINARY.sunionstore(gs(destination), gs(keys)));
    }

    /** Queues SUNION: the members of any of the sets, as a set. */
    public <ArgType> T sunion(ArgType[] keys) {
        checkArgType(keys);
        return add(SetCommands.BINARY.sunion(gs(keys)));
    }

    /** Queues SRANDMEMBER: a random member, or null. */
    public <ArgType> T srandmember(ArgType key) {
        checkArgType(key);
        return add(SetCommands.BINARY.srandmember(gs(key)));
    }

    /** Queues SRANDMEMBER count: random members (repeats allowed for a negative count). */
    public <ArgType> T srandmember(ArgType key, long count) {
        checkArgType(key);
        return add(SetCommands.BINARY.srandmember(gs(key), count));
    }

    /** Queues SPOP: the removed member, or null. */
    public <ArgType> T spop(ArgType key) {
        checkArgType(key);
        return add(SetCommands.BINARY.spop(gs(key)));
    }

    /** Queues SPOP count: the removed members, as a set. */
    public <ArgType> T spopCount(ArgType key, long count) {
        checkArgType(key);
        return add(SetCommands.BINARY.spopCount(gs(key), count));
    }

    /** Queues SSCAN: [next cursor, [member, ...]]. */
    public <ArgType> T sscan(ArgType key, ArgType cursor) {
        checkArgType(key);
        return add(SetCommands.BINARY.sscan(gs(key), gs(cursor)));
    }

    /**
     * Queues SSCAN with options: [next cursor, [member, ...]]. The definition takes these text
     * options with binary arguments (the client's GlideString overload takes binary options).
     */
    public <ArgType> T sscan(ArgType key, ArgType cursor, glide.api.models.commands.scan.SScanOptions sScanOptions) {
        checkArgType(key);
        return add(SetCommands.BINARY.sscan(gs(key), gs(cursor), sScanOptions));
    }

    // ---- HyperLogLog ----

    /** Queues PFADD: true if the estimate changed. */
    public <ArgType> T pfadd(ArgType key, ArgType[] elements) {
        checkArgType(key);
        return add(HyperLogLogCommands.BINARY.pfadd(gs(key), gs(elements)));
    }

    /** Queues PFCOUNT: the estimated cardinality of the union. */
    public <ArgType> T pfcount(ArgType[] keys) {
        checkArgType(keys);
        return add(HyperLogLogCommands.BINARY.pfcount(gs(keys)));
    }

    /** Queues PFMERGE: "OK". */
    public <ArgType> T pfmerge(ArgType destination, ArgType[] sourceKeys) {
        checkArgType(destination);
        return add(HyperLogLogCommands.BINARY.pfmerge(gs(destination), gs(sourceKeys)));
    }

    // ---- bitmaps ----

    /** Queues BITCOUNT: the number of set bits. */
    public <ArgType> T bitcount(ArgType key) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitcount(gs(key)));
    }

    /** Queues BITCOUNT from byte {@code start}: the number of set bits. */
    public <ArgType> T bitcount(ArgType key, long start) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitcount(gs(key), start));
    }

    /** Queues BITCOUNT over bytes start..end: the number of set bits. */
    public <ArgType> T bitcount(ArgType key, long start, long end) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitcount(gs(key), start, end));
    }

    /** Queues BITCOUNT over a BYTE or BIT range: the number of set bits. */
    public <ArgType> T bitcount(
            ArgType key, long start, long end, glide.api.models.commands.bitmap.BitmapIndexType options) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitcount(gs(key), start, end, options));
    }

    /** Queues SETBIT: the bit's previous value. */
    public <ArgType> T setbit(ArgType key, long offset, long value) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.setbit(gs(key), offset, value));
    }

    /** Queues GETBIT: the bit's value. */
    public <ArgType> T getbit(ArgType key, long offset) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.getbit(gs(key), offset));
    }

    /** Queues BITPOS: the position of the first bit equal to {@code bit}, or -1. */
    public <ArgType> T bitpos(ArgType key, long bit) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitpos(gs(key), bit));
    }

    /** Queues BITPOS from byte {@code start}: a position, or -1. */
    public <ArgType> T bitpos(ArgType key, long bit, long start) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitpos(gs(key), bit, start));
    }

    /** Queues BITPOS over bytes start..end: a position, or -1. */
    public <ArgType> T bitpos(ArgType key, long bit, long start, long end) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitpos(gs(key), bit, start, end));
    }

    /** Queues BITPOS over a BYTE or BIT range: a position, or -1. */
    public <ArgType> T bitpos(
            ArgType key,
            long bit,
            long start,
            long end,
            glide.api.models.commands.bitmap.BitmapIndexType offsetType) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitpos(gs(key), bit, start, end, offsetType));
    }

    /** Queues BITOP: the length of the stored result. */
    public <ArgType> T bitop(
            glide.api.models.commands.bitmap.BitwiseOperation bitwiseOperation,
            ArgType destination,
            ArgType[] keys) {
        checkArgType(destination);
        return add(BitmapCommands.BINARY.bitop(bitwiseOperation, gs(destination), gs(keys)));
    }

    /** Queues BITFIELD: one result per subcommand (null for an overflow FAIL). */
    public <ArgType> T bitfield(
            ArgType key, glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSubCommands[] subCommands) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitfield(gs(key), subCommands));
    }

    /** Queues BITFIELD_RO: one value per GET subcommand. */
    public <ArgType> T bitfieldReadOnly(
            ArgType key,
            glide.api.models.commands.bitmap.BitFieldOptions.BitFieldReadOnlySubCommands[] subCommands) {
        checkArgType(key);
        return add(BitmapCommands.BINARY.bitfieldReadOnly(gs(key), subCommands));
    }

    // ==== (end of part A) ====

    // ==== part B: sorted sets, geo, streams, scripting and functions, pub/sub, everything else ====

    // Types of this part are written in full (no new imports) so the part A and part B edits of
    // this file stay apart.

    // ---- sorted sets ----

    /** Queues ZADD of {@code membersScoresMap}; result: the count added (or changed, with {@code changed}). */
    public <ArgType> T zadd(
            ArgType key,
            java.util.Map<ArgType, Double> membersScoresMap,
            glide.api.models.commands.ZAddOptions options,
            boolean changed) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zadd(gs(key), gsKeys(membersScoresMap), options, changed));
    }

    /** Queues ZADD with options; result: the count of members added. */
    public <ArgType> T zadd(
            ArgType key, java.util.Map<ArgType, Double> membersScoresMap, glide.api.models.commands.ZAddOptions options) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zadd(gs(key), gsKeys(membersScoresMap), options, false));
    }

    /** Queues ZADD (with CH if {@code changed}); result: the count added (or changed). */
    public <ArgType> T zadd(ArgType key, java.util.Map<ArgType, Double> membersScoresMap, boolean changed) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zadd(gs(key), gsKeys(membersScoresMap), null, changed));
    }

    /** Queues ZADD; result: the count of members added. */
    public <ArgType> T zadd(ArgType key, java.util.Map<ArgType, Double> membersScoresMap) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zadd(gs(key), gsKeys(membersScoresMap), null, false));
    }

    /** Queues ZADD ... INCR with options; result: the member's new score, or null if not applied. */
    public <ArgType> T zaddIncr(
            ArgType key, ArgType member, double increment, glide.api.models.commands.ZAddOptions options) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zaddIncr(gs(key), gs(member), increment, options));
    }

    /** Queues ZADD ... INCR; result: the member's new score. */
    public <ArgType> T zaddIncr(ArgType key, ArgType member, double increment) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zaddIncr(gs(key), gs(member), increment, null));
    }

    /** Queues ZREM; result: the count of members removed. */
    public <ArgType> T zrem(ArgType key, ArgType[] members) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrem(gs(key), gs(members)));
    }

    /** Queues ZCARD; result: the set's cardinality. */
    public <ArgType> T zcard(ArgType key) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zcard(gs(key)));
    }

    /** Queues ZPOPMIN with a count; result: the popped members and scores. */
    public <ArgType> T zpopmin(ArgType key, long count) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zpopmin(gs(key), count));
    }

    /** Queues ZPOPMIN; result: the popped member and its score. */
    public <ArgType> T zpopmin(ArgType key) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zpopmin(gs(key)));
    }

    /** Queues ZRANDMEMBER; result: a random member, or null. */
    public <ArgType> T zrandmember(ArgType key) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrandmember(gs(key)));
    }

    /** Queues ZRANDMEMBER with a count; result: the random members. */
    public <ArgType> T zrandmemberWithCount(ArgType key, long count) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrandmemberWithCount(gs(key), count));
    }

    /** Queues ZRANDMEMBER ... WITHSCORES; result: member/score pairs. */
    public <ArgType> T zrandmemberWithCountWithScores(ArgType key, long count) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrandmemberWithCountWithScores(gs(key), count));
    }

    /** Queues ZINCRBY; result: the member's new score. */
    public <ArgType> T zincrby(ArgType key, double increment, ArgType member) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zincrby(gs(key), increment, gs(member)));
    }

    /** Queues BZPOPMIN; result: key, member and score, or null on timeout. */
    public <ArgType> T bzpopmin(ArgType[] keys, double timeout) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.bzpopmin(gs(keys), timeout));
    }

    /** Queues ZPOPMAX with a count; result: the popped members and scores. */
    public <ArgType> T zpopmax(ArgType key, long count) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zpopmax(gs(key), count));
    }

    /** Queues ZPOPMAX; result: the popped member and its score. */
    public <ArgType> T zpopmax(ArgType key) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zpopmax(gs(key)));
    }

    /** Queues BZPOPMAX; result: key, member and score, or null on timeout. */
    public <ArgType> T bzpopmax(ArgType[] keys, double timeout) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.bzpopmax(gs(keys), timeout));
    }

    /** Queues ZSCORE; result: the member's score, or null. */
    public <ArgType> T zscore(ArgType key, ArgType member) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zscore(gs(key), gs(member)));
    }

    /** Queues ZRANK; result: the member's rank (ascending), or null. */
    public <ArgType> T zrank(ArgType key, ArgType member) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrank(gs(key), gs(member)));
    }

    /** Queues ZRANK ... WITHSCORE; result: rank and score, or null. */
    public <ArgType> T zrankWithScore(ArgType key, ArgType member) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrankWithScore(gs(key), gs(member)));
    }

    /** Queues ZREVRANK; result: the member's rank (descending), or null. */
    public <ArgType> T zrevrank(ArgType key, ArgType member) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrevrank(gs(key), gs(member)));
    }

    /** Queues ZREVRANK ... WITHSCORE; result: rank and score, or null. */
    public <ArgType> T zrevrankWithScore(ArgType key, ArgType member) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrevrankWithScore(gs(key), gs(member)));
    }

    /** Queues ZMSCORE; result: each member's score (null where missing). */
    public <ArgType> T zmscore(ArgType key, ArgType[] members) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zmscore(gs(key), gs(members)));
    }

    /** Queues ZDIFF; result: the members of the first set not in the others. */
    public <ArgType> T zdiff(ArgType[] keys) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.zdiff(gs(keys)));
    }

    /** Queues ZDIFF ... WITHSCORES; result: members of the difference with their scores. */
    public <ArgType> T zdiffWithScores(ArgType[] keys) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.zdiffWithScores(gs(keys)));
    }

    /** Queues ZDIFFSTORE; result: the size of the stored set. */
    public <ArgType> T zdiffstore(ArgType destination, ArgType[] keys) {
        checkArgType(destination);
        return add(SortedSetCommands.BINARY.zdiffstore(gs(destination), gs(keys)));
    }

    /** Queues ZCOUNT; result: the count of members scored within the range. */
    public <ArgType> T zcount(
            ArgType key,
            glide.api.models.commands.RangeOptions.ScoreRange minScore,
            glide.api.models.commands.RangeOptions.ScoreRange maxScore) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zcount(gs(key), minScore, maxScore));
    }

    /** Queues ZREMRANGEBYRANK; result: the count of members removed. */
    public <ArgType> T zremrangebyrank(ArgType key, long start, long end) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zremrangebyrank(gs(key), start, end));
    }

    /** Queues ZRANGESTORE (REV if {@code reverse}); result: the size of the stored set. */
    public <ArgType> T zrangestore(
            ArgType destination, ArgType source, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery,
            boolean reverse) {
        checkArgType(destination);
        return add(SortedSetCommands.BINARY.zrangestore(gs(destination), gs(source), rangeQuery, reverse));
    }

    /** Queues ZRANGESTORE; result: the size of the stored set. */
    public <ArgType> T zrangestore(
            ArgType destination, ArgType source, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery) {
        checkArgType(destination);
        return add(SortedSetCommands.BINARY.zrangestore(gs(destination), gs(source), rangeQuery, false));
    }

    /** Queues ZREMRANGEBYLEX; result: the count of members removed. */
    public <ArgType> T zremrangebylex(
            ArgType key,
            glide.api.models.commands.RangeOptions.LexRange minLex,
            glide.api.models.commands.RangeOptions.LexRange maxLex) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zremrangebylex(gs(key), minLex, maxLex));
    }

    /** Queues ZREMRANGEBYSCORE; result: the count of members removed. */
    public <ArgType> T zremrangebyscore(
            ArgType key,
            glide.api.models.commands.RangeOptions.ScoreRange minScore,
            glide.api.models.commands.RangeOptions.ScoreRange maxScore) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zremrangebyscore(gs(key), minScore, maxScore));
    }

    /** Queues ZLEXCOUNT; result: the count of members within the lexicographic range. */
    public <ArgType> T zlexcount(
            ArgType key,
            glide.api.models.commands.RangeOptions.LexRange minLex,
            glide.api.models.commands.RangeOptions.LexRange maxLex) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zlexcount(gs(key), minLex, maxLex));
    }

    /** Queues ZUNIONSTORE with an aggregation; result: the size of the stored set. */
    public T zunionstore(
            String destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.TEXT.zunionstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZUNIONSTORE with an aggregation (binary keys); result: the size of the stored set. */
    public T zunionstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.BINARY.zunionstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZUNIONSTORE; result: the size of the stored set. */
    public T zunionstore(
            String destination, glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return add(SortedSetCommands.TEXT.zunionstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZUNIONSTORE (binary keys); result: the size of the stored set. */
    public T zunionstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return add(SortedSetCommands.BINARY.zunionstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZINTERSTORE with an aggregation; result: the size of the stored set. */
    public T zinterstore(
            String destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.TEXT.zinterstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZINTERSTORE with an aggregation (binary keys); result: the size of the stored set. */
    public T zinterstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.BINARY.zinterstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZINTERCARD; result: the cardinality of the intersection. */
    public <ArgType> T zintercard(ArgType[] keys) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.zintercard(gs(keys), null));
    }

    /** Queues ZINTERCARD ... LIMIT; result: the cardinality of the intersection, capped. */
    public <ArgType> T zintercard(ArgType[] keys, long limit) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.zintercard(gs(keys), limit));
    }

    /** Queues ZINTERSTORE; result: the size of the stored set. */
    public T zinterstore(
            String destination, glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return add(SortedSetCommands.TEXT.zinterstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZINTERSTORE (binary keys); result: the size of the stored set. */
    public T zinterstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return add(SortedSetCommands.BINARY.zinterstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZUNION; result: the members of the union. */
    public T zunion(glide.api.models.commands.WeightAggregateOptions.KeyArray keys) {
        return add(SortedSetCommands.TEXT.zunion(keys.toArgs()));
    }

    /** Queues ZUNION (binary keys); result: the members of the union. */
    public T zunion(glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary keys) {
        return add(SortedSetCommands.BINARY.zunion(keys.toArgs()));
    }

    /** Queues ZUNION ... WITHSCORES with an aggregation; result: members and scores. */
    public T zunionWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.TEXT.zunionWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZUNION ... WITHSCORES with an aggregation (binary keys); result: members and scores. */
    public T zunionWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.BINARY.zunionWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZUNION ... WITHSCORES; result: members and scores. */
    public T zunionWithScores(glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return add(SortedSetCommands.TEXT.zunionWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZUNION ... WITHSCORES (binary keys); result: members and scores. */
    public T zunionWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return add(SortedSetCommands.BINARY.zunionWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZINTER; result: the members of the intersection. */
    public T zinter(glide.api.models.commands.WeightAggregateOptions.KeyArray keys) {
        return add(SortedSetCommands.TEXT.zinter(keys.toArgs()));
    }

    /** Queues ZINTER (binary keys); result: the members of the intersection. */
    public T zinter(glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary keys) {
        return add(SortedSetCommands.BINARY.zinter(keys.toArgs()));
    }

    /** Queues ZINTER ... WITHSCORES; result: members and scores. */
    public T zinterWithScores(glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return add(SortedSetCommands.TEXT.zinterWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZINTER ... WITHSCORES (binary keys); result: members and scores. */
    public T zinterWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return add(SortedSetCommands.BINARY.zinterWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    /** Queues ZINTER ... WITHSCORES with an aggregation; result: members and scores. */
    public T zinterWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.TEXT.zinterWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZINTER ... WITHSCORES with an aggregation (binary keys); result: members and scores. */
    public T zinterWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return add(SortedSetCommands.BINARY.zinterWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    /** Queues ZRANGE (REV if {@code reverse}); result: the members in range. */
    public <ArgType> T zrange(ArgType key, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery, boolean reverse) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrange(gs(key), rangeQuery, reverse));
    }

    /** Queues ZRANGE; result: the members in range. */
    public <ArgType> T zrange(ArgType key, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrange(gs(key), rangeQuery, false));
    }

    /** Queues ZRANGE ... WITHSCORES (REV if {@code reverse}); result: members and scores. */
    public <ArgType> T zrangeWithScores(
            ArgType key, glide.api.models.commands.RangeOptions.ScoredRangeQuery rangeQuery, boolean reverse) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrangeWithScores(gs(key), rangeQuery, reverse));
    }

    /** Queues ZRANGE ... WITHSCORES; result: members and scores. */
    public <ArgType> T zrangeWithScores(ArgType key, glide.api.models.commands.RangeOptions.ScoredRangeQuery rangeQuery) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zrangeWithScores(gs(key), rangeQuery, false));
    }

    /** Queues ZMPOP; result: the key popped from and its members with scores, or null. */
    public <ArgType> T zmpop(ArgType[] keys, glide.api.models.commands.ScoreFilter modifier) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.zmpop(gs(keys), modifier, null));
    }

    /** Queues ZMPOP ... COUNT; result: the key popped from and its members with scores, or null. */
    public <ArgType> T zmpop(ArgType[] keys, glide.api.models.commands.ScoreFilter modifier, long count) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.zmpop(gs(keys), modifier, count));
    }

    /** Queues BZMPOP; result: the key popped from and its members with scores, or null on timeout. */
    public <ArgType> T bzmpop(ArgType[] keys, glide.api.models.commands.ScoreFilter modifier, double timeout) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.bzmpop(gs(keys), modifier, timeout, null));
    }

    /** Queues BZMPOP ... COUNT; result: the key popped from and its members with scores, or null. */
    public <ArgType> T bzmpop(
            ArgType[] keys, glide.api.models.commands.ScoreFilter modifier, double timeout, long count) {
        checkArgType(keys);
        return add(SortedSetCommands.BINARY.bzmpop(gs(keys), modifier, timeout, count));
    }

    /** Queues ZSCAN; result: the next cursor and a flat array of members and scores. */
    public <ArgType> T zscan(ArgType key, ArgType cursor) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zscan(gs(key), gs(cursor)));
    }

    /** Queues ZSCAN with options; result: the next cursor and a flat array of members (and scores). */
    public <ArgType> T zscan(ArgType key, ArgType cursor, glide.api.models.commands.scan.ZScanOptions zScanOptions) {
        checkArgType(key);
        return add(SortedSetCommands.BINARY.zscan(gs(key), gs(cursor), zScanOptions));
    }

    // ---- geo ----

    /** Queues GEOADD with options; result: the count of members added (or changed, with CH). */
    public <ArgType> T geoadd(
            ArgType key,
            java.util.Map<ArgType, glide.api.models.commands.geospatial.GeospatialData> membersToGeospatialData,
            glide.api.models.commands.geospatial.GeoAddOptions options) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geoadd(gs(key), gsKeys(membersToGeospatialData), options));
    }

    /** Queues GEOADD; result: the count of members added. */
    public <ArgType> T geoadd(
            ArgType key, java.util.Map<ArgType, glide.api.models.commands.geospatial.GeospatialData> membersToGeospatialData) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geoadd(gs(key), gsKeys(membersToGeospatialData)));
    }

    /** Queues GEOPOS; result: each member's longitude and latitude (null where missing). */
    public <ArgType> T geopos(ArgType key, ArgType[] members) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geopos(gs(key), gs(members)));
    }

    /** Queues GEODIST in a unit; result: the distance, or null. */
    public <ArgType> T geodist(
            ArgType key, ArgType member1, ArgType member2, glide.api.models.commands.geospatial.GeoUnit geoUnit) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geodist(gs(key), gs(member1), gs(member2), geoUnit));
    }

    /** Queues GEODIST (meters); result: the distance, or null. */
    public <ArgType> T geodist(ArgType key, ArgType member1, ArgType member2) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geodist(gs(key), gs(member1), gs(member2)));
    }

    /** Queues GEOHASH; result: each member's geohash (null where missing). */
    public <ArgType> T geohash(ArgType key, ArgType[] members) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geohash(gs(key), gs(members)));
    }

    /** Queues GEOSEARCH; result: the matching members. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geosearch(gs(key), searchFrom, searchBy, null));
    }

    /** Queues GEOSEARCH with COUNT/ordering; result: the matching members. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geosearch(gs(key), searchFrom, searchBy, resultOptions));
    }

    /** Queues GEOSEARCH WITHDIST/WITHCOORD/WITHHASH; result: members with the asked details. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchOptions options) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geosearch(gs(key), searchFrom, searchBy, options, null));
    }

    /** Queues GEOSEARCH with details and COUNT/ordering; result: members with the asked details. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchOptions options,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        checkArgType(key);
        return add(GeoCommands.BINARY.geosearch(gs(key), searchFrom, searchBy, options, resultOptions));
    }

    /** Queues GEOSEARCHSTORE; result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy) {
        checkArgType(destination);
        return add(GeoCommands.BINARY.geosearchstore(gs(destination), gs(source), searchFrom, searchBy, null, null));
    }

    /** Queues GEOSEARCHSTORE with COUNT/ordering; result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        checkArgType(destination);
        return add(GeoCommands.BINARY.geosearchstore(gs(destination), gs(source), searchFrom, searchBy, null, resultOptions));
    }

    /** Queues GEOSEARCHSTORE (STOREDIST if asked); result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchStoreOptions options) {
        checkArgType(destination);
        return add(GeoCommands.BINARY.geosearchstore(gs(destination), gs(source), searchFrom, searchBy, options, null));
    }

    /** Queues GEOSEARCHSTORE with STOREDIST and COUNT/ordering; result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchStoreOptions options,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        checkArgType(destination);
        return add(GeoCommands.BINARY.geosearchstore(gs(destination), gs(source), searchFrom, searchBy, options, resultOptions));
    }

    // ---- streams ----

    /** Queues XADD of {@code values} (ID {@code *}); result: the new entry's ID. */
    public <ArgType> T xadd(ArgType key, java.util.Map<ArgType, ArgType> values) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xadd(gs(key), binaryMap(values)));
    }

    /** Queues XADD of field/value pairs (ID {@code *}); result: the new entry's ID. */
    public <ArgType> T xadd(ArgType key, ArgType[][] values) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xadd(gs(key), gsPairs(values)));
    }

    /** Queues XADD with options; result: the new entry's ID, or null (NOMKSTREAM, no stream). */
    public <ArgType> T xadd(
            ArgType key, java.util.Map<ArgType, ArgType> values, glide.api.models.commands.stream.StreamAddOptions options) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xadd(gs(key), binaryMap(values), options));
    }

    /** Queues XADD of field/value pairs with options; result: the new entry's ID, or null. */
    public <ArgType> T xadd(
            ArgType key, ArgType[][] values, glide.api.models.commands.stream.StreamAddOptions options) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xadd(gs(key), gsPairs(values), options));
    }

    /** Queues XREAD of each stream after its ID; result: entries per stream, or null. */
    public <ArgType> T xread(java.util.Map<ArgType, ArgType> keysAndIds) {
        checkArgType(keysAndIds);
        return add(StreamCommands.BINARY.xread(binaryMap(keysAndIds), null));
    }

    /** Queues XREAD with COUNT/BLOCK; result: entries per stream, or null. */
    public <ArgType> T xread(
            java.util.Map<ArgType, ArgType> keysAndIds, glide.api.models.commands.stream.StreamReadOptions options) {
        checkArgType(keysAndIds);
        return add(StreamCommands.BINARY.xread(binaryMap(keysAndIds), options));
    }

    /** Queues XTRIM; result: the count of entries removed. */
    public <ArgType> T xtrim(ArgType key, glide.api.models.commands.stream.StreamTrimOptions options) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xtrim(gs(key), options));
    }

    /** Queues XLEN; result: the count of entries. */
    public <ArgType> T xlen(ArgType key) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xlen(gs(key)));
    }

    /** Queues XDEL; result: the count of entries deleted. */
    public <ArgType> T xdel(ArgType key, ArgType[] ids) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xdel(gs(key), gs(ids)));
    }

    /** Queues XRANGE; result: the entries in range, by ID. */
    public <ArgType> T xrange(
            ArgType key, glide.api.models.commands.stream.StreamRange start, glide.api.models.commands.stream.StreamRange end) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xrange(gs(key), start, end));
    }

    /** Queues XRANGE ... COUNT; result: at most {@code count} entries in range, by ID. */
    public <ArgType> T xrange(
            ArgType key,
            glide.api.models.commands.stream.StreamRange start,
            glide.api.models.commands.stream.StreamRange end,
            long count) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xrange(gs(key), start, end, count));
    }

    /** Queues XREVRANGE; result: the entries in range, newest first. */
    public <ArgType> T xrevrange(
            ArgType key, glide.api.models.commands.stream.StreamRange end, glide.api.models.commands.stream.StreamRange start) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xrevrange(gs(key), end, start));
    }

    /** Queues XREVRANGE ... COUNT; result: at most {@code count} entries, newest first. */
    public <ArgType> T xrevrange(
            ArgType key,
            glide.api.models.commands.stream.StreamRange end,
            glide.api.models.commands.stream.StreamRange start,
            long count) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xrevrange(gs(key), end, start, count));
    }

    /** Queues XGROUP CREATE; result: {@code OK}. */
    public <ArgType> T xgroupCreate(ArgType key, ArgType groupName, ArgType id) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xgroupCreate(gs(key), gs(groupName), gs(id)));
    }

    /** Queues XGROUP CREATE with MKSTREAM/ENTRIESREAD; result: {@code OK}. */
    public <ArgType> T xgroupCreate(
            ArgType key, ArgType groupName, ArgType id, glide.api.models.commands.stream.StreamGroupOptions options) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xgroupCreate(gs(key), gs(groupName), gs(id), options));
    }

    /** Queues XGROUP DESTROY; result: whether the group was destroyed. */
    public <ArgType> T xgroupDestroy(ArgType key, ArgType groupName) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xgroupDestroy(gs(key), gs(groupName)));
    }

    /** Queues XGROUP CREATECONSUMER; result: whether the consumer was created. */
    public <ArgType> T xgroupCreateConsumer(ArgType key, ArgType group, ArgType consumer) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xgroupCreateConsumer(gs(key), gs(group), gs(consumer)));
    }

    /** Queues XGROUP DELCONSUMER; result: the count of the consumer's pending entries. */
    public <ArgType> T xgroupDelConsumer(ArgType key, ArgType group, ArgType consumer) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xgroupDelConsumer(gs(key), gs(group), gs(consumer)));
    }

    /** Queues XGROUP SETID; result: {@code OK}. */
    public <ArgType> T xgroupSetId(ArgType key, ArgType groupName, ArgType id) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xgroupSetId(gs(key), gs(groupName), gs(id)));
    }

    /** Queues XGROUP SETID ... ENTRIESREAD; result: {@code OK}. */
    public <ArgType> T xgroupSetId(ArgType key, ArgType groupName, ArgType id, long entriesRead) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xgroupSetId(gs(key), gs(groupName), gs(id), entriesRead));
    }

    /** Queues XREADGROUP; result: entries per stream, or null. */
    public <ArgType> T xreadgroup(java.util.Map<ArgType, ArgType> keysAndIds, ArgType group, ArgType consumer) {
        checkArgType(group);
        return add(StreamCommands.BINARY.xreadgroup(binaryMap(keysAndIds), gs(group), gs(consumer), null));
    }

    /** Queues XREADGROUP with COUNT/BLOCK/NOACK; result: entries per stream, or null. */
    public <ArgType> T xreadgroup(
            java.util.Map<ArgType, ArgType> keysAndIds,
            ArgType group,
            ArgType consumer,
            glide.api.models.commands.stream.StreamReadGroupOptions options) {
        checkArgType(group);
        return add(StreamCommands.BINARY.xreadgroup(binaryMap(keysAndIds), gs(group), gs(consumer), options));
    }

    /** Queues XACK; result: the count of entries acknowledged. */
    public <ArgType> T xack(ArgType key, ArgType group, ArgType[] ids) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xack(gs(key), gs(group), gs(ids)));
    }

    /** Queues XPENDING (summary form); result: count, lowest and highest IDs, per-consumer counts. */
    public <ArgType> T xpending(ArgType key, ArgType group) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xpending(gs(key), gs(group)));
    }

    /** Queues XPENDING (extended form); result: one array per pending entry. */
    public <ArgType> T xpending(
            ArgType key,
            ArgType group,
            glide.api.models.commands.stream.StreamRange start,
            glide.api.models.commands.stream.StreamRange end,
            long count) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xpending(
                gs(key), gs(group), start, end, count,
                glide.api.models.commands.stream.StreamPendingOptionsBinary.builder().build()));
    }

    /** Queues XPENDING (extended form, IDLE/consumer); result: one array per pending entry. */
    public <ArgType> T xpending(
            ArgType key,
            ArgType group,
            glide.api.models.commands.stream.StreamRange start,
            glide.api.models.commands.stream.StreamRange end,
            long count,
            glide.api.models.commands.stream.StreamPendingOptions options) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xpending(gs(key), gs(group), start, end, count, options));
    }

    /** Queues XINFO STREAM; result: the stream's details. */
    public <ArgType> T xinfoStream(ArgType key) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xinfoStream(gs(key)));
    }

    /** Queues XINFO STREAM ... FULL; result: the stream's full details. */
    public <ArgType> T xinfoStreamFull(ArgType key) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xinfoStreamFull(gs(key), null));
    }

    /** Queues XINFO STREAM ... FULL COUNT; result: the stream's full details, entries capped. */
    public <ArgType> T xinfoStreamFull(ArgType key, int count) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xinfoStreamFull(gs(key), count));
    }

    /** Queues XCLAIM; result: the claimed entries, by ID. */
    public <ArgType> T xclaim(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType[] ids) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids), null));
    }

    /** Queues XCLAIM with options; result: the claimed entries, by ID. */
    public <ArgType> T xclaim(
            ArgType key,
            ArgType group,
            ArgType consumer,
            long minIdleTime,
            ArgType[] ids,
            glide.api.models.commands.stream.StreamClaimOptions options) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids), options));
    }

    /** Queues XCLAIM ... JUSTID; result: the claimed IDs. */
    public <ArgType> T xclaimJustId(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType[] ids) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids), null));
    }

    /** Queues XCLAIM ... JUSTID with options; result: the claimed IDs. */
    public <ArgType> T xclaimJustId(
            ArgType key,
            ArgType group,
            ArgType consumer,
            long minIdleTime,
            ArgType[] ids,
            glide.api.models.commands.stream.StreamClaimOptions options) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids), options));
    }

    /** Queues XINFO GROUPS; result: one map per consumer group. */
    public <ArgType> T xinfoGroups(ArgType key) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xinfoGroups(gs(key)));
    }

    /** Queues XINFO CONSUMERS; result: one map per consumer of the group. */
    public <ArgType> T xinfoConsumers(ArgType key, ArgType groupName) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xinfoConsumers(gs(key), gs(groupName)));
    }

    /** Queues XAUTOCLAIM; result: the next start ID, the claimed entries and the deleted IDs. */
    public <ArgType> T xautoclaim(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xautoclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(start), null));
    }

    /** Queues XAUTOCLAIM ... COUNT; result: the next start ID, the claimed entries, the deleted IDs. */
    public <ArgType> T xautoclaim(
            ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start, long count) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xautoclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(start), count));
    }

    /** Queues XAUTOCLAIM ... JUSTID; result: the next start ID, the claimed IDs, the deleted IDs. */
    public <ArgType> T xautoclaimJustId(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xautoclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(start), null));
    }

    /** Queues XAUTOCLAIM ... COUNT ... JUSTID; result: the next start ID, claimed IDs, deleted IDs. */
    public <ArgType> T xautoclaimJustId(
            ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start, long count) {
        checkArgType(key);
        return add(StreamCommands.BINARY.xautoclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(start), count));
    }

    // ---- functions (defined in glide.internal.commands.ScriptingCommands) ----

    /** Queues FUNCTION LOAD (REPLACE if {@code replace}); result: the library's name. */
    public <ArgType> T functionLoad(ArgType libraryCode, boolean replace) {
        checkArgType(libraryCode);
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionLoad(gs(libraryCode), replace));
    }

    /** Queues FUNCTION LIST (WITHCODE if {@code withCode}); result: one map per library. */
    public T functionList(boolean withCode) {
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionList(withCode));
    }

    /** Queues FUNCTION LIST LIBRARYNAME; result: one map per matching library. */
    public <ArgType> T functionList(ArgType libNamePattern, boolean withCode) {
        checkArgType(libNamePattern);
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionList(gs(libNamePattern), withCode));
    }

    /** Queues FCALL with keys and arguments; result: the function's return value. */
    public <ArgType> T fcall(ArgType function, ArgType[] keys, ArgType[] arguments) {
        checkArgType(function);
        return add(glide.internal.commands.ScriptingCommands.BINARY.fcall(gs(function), gs(keys), gs(arguments)));
    }

    /** Queues FCALL with no keys; result: the function's return value. */
    public <ArgType> T fcall(ArgType function, ArgType[] arguments) {
        checkArgType(function);
        return add(glide.internal.commands.ScriptingCommands.BINARY.fcall(gs(function), gs(arguments)));
    }

    /** Queues FCALL_RO with keys and arguments; result: the function's return value. */
    public <ArgType> T fcallReadOnly(ArgType function, ArgType[] keys, ArgType[] arguments) {
        checkArgType(function);
        return add(glide.internal.commands.ScriptingCommands.BINARY.fcallReadOnly(gs(function), gs(keys), gs(arguments)));
    }

    /** Queues FCALL_RO with no keys; result: the function's return value. */
    public <ArgType> T fcallReadOnly(ArgType function, ArgType[] arguments) {
        checkArgType(function);
        return add(glide.internal.commands.ScriptingCommands.BINARY.fcallReadOnly(gs(function), gs(arguments)));
    }

    /**
     * Queues FUNCTION STATS; result: the running script and the engines' statistics. (A cluster
     * client sends it to every node; in a batch it goes where the batch goes.)
     */
    public T functionStats() {
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionStats());
    }

    /** Queues FUNCTION DUMP; result: the serialized libraries (bytes). */
    public T functionDump() {
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionDump());
    }

    /** Queues FUNCTION RESTORE; result: {@code OK}. */
    public T functionRestore(byte[] payload) {
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionRestore(payload));
    }

    /** Queues FUNCTION RESTORE with a policy; result: {@code OK}. */
    public T functionRestore(byte[] payload, glide.api.models.commands.function.FunctionRestorePolicy policy) {
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionRestore(payload, policy));
    }

    /** Queues FUNCTION FLUSH; result: {@code OK}. */
    public T functionFlush() {
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionFlush());
    }

    /** Queues FUNCTION FLUSH SYNC/ASYNC; result: {@code OK}. */
    public T functionFlush(glide.api.models.commands.FlushMode mode) {
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionFlush(mode));
    }

    /** Queues FUNCTION DELETE; result: {@code OK}. */
    public <ArgType> T functionDelete(ArgType libName) {
        checkArgType(libName);
        return add(glide.internal.commands.ScriptingCommands.BINARY.functionDelete(gs(libName)));
    }

    // ---- pub/sub (defined in glide.internal.commands.PubSubCommands) ----

    /** Queues PUBLISH of {@code message} on {@code channel}; result: the count of receivers. */
    public <ArgType> T publish(ArgType message, ArgType channel) {
        checkArgType(channel);
        return add(glide.internal.commands.PubSubCommands.BINARY.publish(gs(message), gs(channel)));
    }

    /** Queues PUBSUB CHANNELS; result: the active channels. */
    public T pubsubChannels() {
        return add(glide.internal.commands.PubSubCommands.BINARY.pubsubChannels());
    }

    /** Queues PUBSUB CHANNELS with a pattern; result: the matching active channels. */
    public <ArgType> T pubsubChannels(ArgType pattern) {
        checkArgType(pattern);
        return add(glide.internal.commands.PubSubCommands.BINARY.pubsubChannels(gs(pattern)));
    }

    /** Queues PUBSUB NUMPAT; result: the count of pattern subscriptions. */
    public T pubsubNumPat() {
        return add(glide.internal.commands.PubSubCommands.BINARY.pubsubNumPat());
    }

    /** Queues PUBSUB NUMSUB; result: each channel's subscriber count (a map). */
    public <ArgType> T pubsubNumSub(ArgType[] channels) {
        checkArgType(channels);
        return add(glide.internal.commands.PubSubCommands.BINARY.pubsubNumSub(gs(channels)));
    }

    // ---- part B helpers ----

    /** {@code map} with its keys as GlideStrings, in the map's iteration order. */
    private static <V> java.util.Map<GlideString, V> gsKeys(java.util.Map<?, V> map) {
        if (map == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        java.util.Map<GlideString, V> out = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<?, V> e : map.entrySet()) {
            out.put(gs(e.getKey()), e.getValue());
        }
        return out;
    }

    /** Field/value pairs as GlideStrings (each pair checked by the client). */
    private static GlideString[][] gsPairs(Object[][] pairs) {
        if (pairs == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        GlideString[][] out = new GlideString[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = pairs[i] == null ? null : gs(pairs[i]);
        }
        return out;
    }

    // ==== (end of part B) ====
}
