package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.MigrateOptions;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.commands.SortOptions;
import glide.api.models.commands.SortOptionsBinary;
import java.util.concurrent.CompletableFuture;

/** Commands on keys of any type, for standalone and cluster clients. */
public interface GenericBaseCommands {
    /** COPY's and RESTORE's overwrite option. */
    String REPLACE_VALKEY_API = "REPLACE";

    /** COPY's destination-database option. */
    String DB_VALKEY_API = "DB";

    /** DEL: removes the keys; completes with how many existed. */
    CompletableFuture<Long> del(String[] keys);

    /** DEL with binary keys. */
    CompletableFuture<Long> del(GlideString[] keys);

    /** EXISTS: how many of the keys exist (a key named twice counts twice). */
    CompletableFuture<Long> exists(String[] keys);

    /** EXISTS with binary keys. */
    CompletableFuture<Long> exists(GlideString[] keys);

    /**
     * UNLINK: removes the keys like DEL, but frees their memory in the background; completes with
     * how many existed.
     */
    CompletableFuture<Long> unlink(String[] keys);

    /** UNLINK with binary keys. */
    CompletableFuture<Long> unlink(GlideString[] keys);

    /** TOUCH: marks the keys as just used (for eviction); completes with how many exist. */
    CompletableFuture<Long> touch(String[] keys);

    /** TOUCH with binary keys. */
    CompletableFuture<Long> touch(GlideString[] keys);

    /** EXPIRE: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> expire(String key, long seconds);

    /** EXPIRE: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> expire(GlideString key, long seconds);

    /** EXPIRE applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> expire(String key, long seconds, ExpireOptions expireOptions);

    /** EXPIRE applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> expire(GlideString key, long seconds, ExpireOptions expireOptions);

    /** EXPIREAT: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> expireAt(String key, long unixSeconds);

    /** EXPIREAT: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> expireAt(GlideString key, long unixSeconds);

    /** EXPIREAT applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> expireAt(String key, long unixSeconds, ExpireOptions expireOptions);

    /** EXPIREAT applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> expireAt(GlideString key, long unixSeconds, ExpireOptions expireOptions);

    /** PEXPIRE: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> pexpire(String key, long milliseconds);

    /** PEXPIRE: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> pexpire(GlideString key, long milliseconds);

    /** PEXPIRE applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> pexpire(String key, long milliseconds, ExpireOptions expireOptions);

    /** PEXPIRE applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> pexpire(GlideString key, long milliseconds, ExpireOptions expireOptions);

    /** PEXPIREAT: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> pexpireAt(String key, long unixMilliseconds);

    /** PEXPIREAT: sets the key's timeout; true if it was set (false: no such key, or the condition failed). */
    CompletableFuture<Boolean> pexpireAt(GlideString key, long unixMilliseconds);

    /** PEXPIREAT applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> pexpireAt(String key, long unixMilliseconds, ExpireOptions expireOptions);

    /** PEXPIREAT applied only when {@code expireOptions} holds. */
    CompletableFuture<Boolean> pexpireAt(GlideString key, long unixMilliseconds, ExpireOptions expireOptions);

    /** TTL: seconds to live: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> ttl(String key);

    /** TTL: seconds to live: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> ttl(GlideString key);

    /** PTTL: milliseconds to live: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> pttl(String key);

    /** PTTL: milliseconds to live: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> pttl(GlideString key);

    /** EXPIRETIME: the Unix time (s) the key expires at: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> expiretime(String key);

    /** EXPIRETIME: the Unix time (s) the key expires at: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> expiretime(GlideString key);

    /** PEXPIRETIME: the Unix time (ms) the key expires at: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> pexpiretime(String key);

    /** PEXPIRETIME: the Unix time (ms) the key expires at: -1 no timeout, -2 no such key. */
    CompletableFuture<Long> pexpiretime(GlideString key);

    /** PERSIST: removes the key's timeout; true if it had one. */
    CompletableFuture<Boolean> persist(String key);

    /** PERSIST: removes the key's timeout; true if it had one. */
    CompletableFuture<Boolean> persist(GlideString key);

    /** RENAME: renames the key (overwriting {@code newKey}); OK, or an error if the key does not exist. */
    CompletableFuture<String> rename(String key, String newKey);

    /** RENAME: renames the key (overwriting {@code newKey}); OK, or an error if the key does not exist. */
    CompletableFuture<String> rename(GlideString key, GlideString newKey);

    /** RENAMENX: renames the key only if {@code newKey} does not exist; true if renamed. */
    CompletableFuture<Boolean> renamenx(String key, String newKey);

    /** RENAMENX: renames the key only if {@code newKey} does not exist; true if renamed. */
    CompletableFuture<Boolean> renamenx(GlideString key, GlideString newKey);

    /** TYPE: the type of the value (string, list, set, zset, hash, stream), or none. */
    CompletableFuture<String> type(String key);

    /** TYPE: the type of the value (string, list, set, zset, hash, stream), or none. */
    CompletableFuture<String> type(GlideString key);

    /** COPY: copies {@code source} to {@code destination} if that does not exist; true if copied. */
    CompletableFuture<Boolean> copy(String source, String destination);

    /** COPY: copies {@code source} to {@code destination} if that does not exist; true if copied. */
    CompletableFuture<Boolean> copy(GlideString source, GlideString destination);

    /** COPY, replacing {@code destination} when {@code replace}. */
    CompletableFuture<Boolean> copy(String source, String destination, boolean replace);

    /** COPY, replacing {@code destination} when {@code replace}. */
    CompletableFuture<Boolean> copy(GlideString source, GlideString destination, boolean replace);

    /** COPY into database {@code destinationDB}. */
    CompletableFuture<Boolean> copy(String source, String destination, long destinationDB);

    /** COPY into database {@code destinationDB}. */
    CompletableFuture<Boolean> copy(GlideString source, GlideString destination, long destinationDB);

    /** COPY into database {@code destinationDB}, replacing when {@code replace}. */
    CompletableFuture<Boolean> copy(String source, String destination, long destinationDB, boolean replace);

    /** COPY into database {@code destinationDB}, replacing when {@code replace}. */
    CompletableFuture<Boolean> copy(GlideString source, GlideString destination, long destinationDB, boolean replace);

    /** OBJECT ENCODING: the value's internal encoding, or null for a missing key. */
    CompletableFuture<String> objectEncoding(String key);

    /** OBJECT ENCODING: the value's internal encoding, or null for a missing key. */
    CompletableFuture<String> objectEncoding(GlideString key);

    /** OBJECT FREQ: null for a missing key. */
    CompletableFuture<Long> objectFreq(String key);

    /** OBJECT FREQ: null for a missing key. */
    CompletableFuture<Long> objectFreq(GlideString key);

    /** OBJECT IDLETIME: null for a missing key. */
    CompletableFuture<Long> objectIdletime(String key);

    /** OBJECT IDLETIME: null for a missing key. */
    CompletableFuture<Long> objectIdletime(GlideString key);

    /** OBJECT REFCOUNT: null for a missing key. */
    CompletableFuture<Long> objectRefcount(String key);

    /** OBJECT REFCOUNT: null for a missing key. */
    CompletableFuture<Long> objectRefcount(GlideString key);

    /** MOVE: moves the key to database {@code dbIndex}; true if moved. */
    CompletableFuture<Boolean> move(String key, long dbIndex);

    /** MOVE: moves the key to database {@code dbIndex}; true if moved. */
    CompletableFuture<Boolean> move(GlideString key, long dbIndex);

    /** DUMP: the value serialized (for RESTORE), or null for a missing key. */
    CompletableFuture<byte[]> dump(GlideString key);

    /** RESTORE: creates {@code key} from a DUMP; {@code ttl} in ms, 0 for none. */
    CompletableFuture<String> restore(GlideString key, long ttl, byte[] value);

    /** RESTORE with REPLACE, ABSTTL, IDLETIME or FREQ. */
    CompletableFuture<String> restore(GlideString key, long ttl, byte[] value, RestoreOptions restoreOptions);

    /**
     * WAIT: blocks until the writes made on this connection reached {@code numreplicas} replicas
     * or {@code timeout} ms passed (0: no limit); the number of replicas reached.
     */
    CompletableFuture<Long> wait(long numreplicas, long timeout);
    /**
     * SORT: the list's, set's or sorted set's elements, sorted as numbers (or, with {@code ALPHA},
     * as strings); BY and GET patterns can sort by and return other keys' values.
     *
     * @return the sorted elements (an empty array for a missing key; a GET of a missing key gives
     *     {@code null})
     */
    CompletableFuture<String[]> sort(String key);

    CompletableFuture<GlideString[]> sort(GlideString key);

    CompletableFuture<String[]> sort(String key, SortOptions sortOptions);

    CompletableFuture<GlideString[]> sort(GlideString key, SortOptionsBinary sortOptions);

    /** SORT_RO: {@link #sort(String)} that never writes, so replicas may serve it. */
    CompletableFuture<String[]> sortReadOnly(String key);

    CompletableFuture<GlideString[]> sortReadOnly(GlideString key);

    CompletableFuture<String[]> sortReadOnly(String key, SortOptions sortOptions);

    CompletableFuture<GlideString[]> sortReadOnly(GlideString key, SortOptionsBinary sortOptions);

    /**
     * SORT ... STORE: stores the sorted elements as a list in {@code destination} (replacing it; in
     * a cluster both keys must share a slot).
     *
     * @return the number of elements stored
     */
    CompletableFuture<Long> sortStore(String key, String destination);

    CompletableFuture<Long> sortStore(GlideString key, GlideString destination);

    CompletableFuture<Long> sortStore(String key, String destination, SortOptions sortOptions);

    CompletableFuture<Long> sortStore(GlideString key, GlideString destination, SortOptionsBinary sortOptions);

    /**
     * MIGRATE: moves {@code key} to database {@code destinationDB} of the server at {@code
     * host:port}, waiting at most {@code timeout} ms for the transfer.
     *
     * @return {@code "OK"}, or {@code "NOKEY"} when the key does not exist
     */
    CompletableFuture<String> migrate(String host, long port, String key, long destinationDB, long timeout);

    CompletableFuture<String> migrate(String host, long port, GlideString key, long destinationDB, long timeout);

    CompletableFuture<String> migrate(
            String host, long port, String key, long destinationDB, long timeout, MigrateOptions migrateOptions);

    CompletableFuture<String> migrate(
            String host, long port, GlideString key, long destinationDB, long timeout, MigrateOptions migrateOptions);

    /**
     * WAITAOF (Valkey/Redis 7.2+): waits until the writes of this connection are fsynced to the AOF
     * of the local server ({@code numOfLocal}, 0 or 1) and of {@code numOfReplicas} replicas, or
     * {@code timeout} ms pass (0: forever). The request timeout does not cut it short.
     *
     * @return {@code [local fsyncs, replica fsyncs]} reached
     */
    CompletableFuture<Long[]> waitaof(long numOfLocal, long numOfReplicas, long timeout);
}
