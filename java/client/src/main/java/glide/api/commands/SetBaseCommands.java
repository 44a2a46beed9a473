package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.scan.SScanOptions;
import glide.api.models.commands.scan.SScanOptionsBinary;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Set commands, for standalone and cluster clients. */
public interface SetBaseCommands {
    /** SINTERCARD's option that stops counting at a limit. */
    String SET_LIMIT_VALKEY_API = "LIMIT";

    /** SADD: how many members were added (members already there do not count). */
    CompletableFuture<Long> sadd(String key, String[] members);

    /** SADD with binary key and members. */
    CompletableFuture<Long> sadd(GlideString key, GlideString[] members);

    /** SREM: how many of the members were there and were removed. */
    CompletableFuture<Long> srem(String key, String[] members);

    /** SREM with binary key and members. */
    CompletableFuture<Long> srem(GlideString key, GlideString[] members);

    /** SMEMBERS: every member; an empty set when the key does not exist. */
    CompletableFuture<Set<String>> smembers(String key);

    /** SMEMBERS with a binary key. */
    CompletableFuture<Set<GlideString>> smembers(GlideString key);

    /** SCARD: the number of members; 0 when the key does not exist. */
    CompletableFuture<Long> scard(String key);

    /** SCARD with a binary key. */
    CompletableFuture<Long> scard(GlideString key);

    /** SMISMEMBER: for each member, in order, whether it is in the set. */
    CompletableFuture<Boolean[]> smismember(String key, String[] members);

    /** SMISMEMBER with binary key and members. */
    CompletableFuture<Boolean[]> smismember(GlideString key, GlideString[] members);

    /** SMOVE: moves the member from one set to another; false if it was not in the source. */
    CompletableFuture<Boolean> smove(String source, String destination, String member);

    /** SMOVE with binary keys and member. */
    CompletableFuture<Boolean> smove(GlideString source, GlideString destination, GlideString member);

    /** SISMEMBER: whether the member is in the set. */
    CompletableFuture<Boolean> sismember(String key, String member);

    /** SISMEMBER with binary key and member. */
    CompletableFuture<Boolean> sismember(GlideString key, GlideString member);

    /** SDIFF: the members of the first set that are in none of the others. */
    CompletableFuture<Set<String>> sdiff(String[] keys);

    /** SDIFF with binary keys. */
    CompletableFuture<Set<GlideString>> sdiff(GlideString[] keys);

    /** SDIFFSTORE: stores {@link #sdiff(String[])} in {@code destination}; its size. */
    CompletableFuture<Long> sdiffstore(String destination, String[] keys);

    /** SDIFFSTORE with binary keys. */
    CompletableFuture<Long> sdiffstore(GlideString destination, GlideString[] keys);

    /** SINTER: the members every set has; empty if a key does not exist. */
    CompletableFuture<Set<String>> sinter(String[] keys);

    /** SINTER with binary keys. */
    CompletableFuture<Set<GlideString>> sinter(GlideString[] keys);

    /** SINTERCARD: the size of {@link #sinter(String[])}, without building it. */
    CompletableFuture<Long> sintercard(String[] keys);

    /** SINTERCARD with binary keys. */
    CompletableFuture<Long> sintercard(GlideString[] keys);

    /** SINTERCARD ... LIMIT: stops counting at {@code limit} (0: no limit). */
    CompletableFuture<Long> sintercard(String[] keys, long limit);

    /** SINTERCARD ... LIMIT with binary keys. */
    CompletableFuture<Long> sintercard(GlideString[] keys, long limit);

    /** SINTERSTORE: stores {@link #sinter(String[])} in {@code destination}; its size. */
    CompletableFuture<Long> sinterstore(String destination, String[] keys);

    /** SINTERSTORE with binary keys. */
    CompletableFuture<Long> sinterstore(GlideString destination, GlideString[] keys);

    /** SUNIONSTORE: stores {@link #sunion(String[])} in {@code destination}; its size. */
    CompletableFuture<Long> sunionstore(String destination, String[] keys);

    /** SUNIONSTORE with binary keys. */
    CompletableFuture<Long> sunionstore(GlideString destination, GlideString[] keys);

    /** SRANDMEMBER: one random member, or {@code null} when the key does not exist. */
    CompletableFuture<String> srandmember(String key);

    /** SRANDMEMBER with a binary key. */
    CompletableFuture<GlideString> srandmember(GlideString key);

    /**
     * SRANDMEMBER key count: up to {@code count} distinct random members, or, for a negative
     * count, exactly {@code -count} members that may repeat.
     */
    CompletableFuture<String[]> srandmember(String key, long count);

    /** SRANDMEMBER key count with a binary key. */
    CompletableFuture<GlideString[]> srandmember(GlideString key, long count);

    /** SPOP: removes and returns a random member, or {@code null} when the key does not exist. */
    CompletableFuture<String> spop(String key);

    /** SPOP with a binary key. */
    CompletableFuture<GlideString> spop(GlideString key);

    /** SPOP key count: removes and returns up to {@code count} random members. */
    CompletableFuture<Set<String>> spopCount(String key, long count);

    /** SPOP key count with a binary key. */
    CompletableFuture<Set<GlideString>> spopCount(GlideString key, long count);

    /** SUNION: the members of any of the sets. */
    CompletableFuture<Set<String>> sunion(String[] keys);

    /** SUNION with binary keys. */
    CompletableFuture<Set<GlideString>> sunion(GlideString[] keys);

    /**
     * SSCAN: one step of an iteration over the set. The result is {@code {cursor, members}}: the
     * cursor ({@code String}) to pass to the next call, {@code "0"} once the iteration is
     * complete, and the members found ({@code String[]}). Start with cursor {@code "0"}.
     */
    CompletableFuture<Object[]> sscan(String key, String cursor);

    /**
     * {@link #sscan(String, String)} with binary key and cursor: the cursor and the members come
     * back as {@code GlideString} ({@code {GlideString, GlideString[]}}).
     */
    CompletableFuture<Object[]> sscan(GlideString key, GlideString cursor);

    /** {@link #sscan(String, String)} with MATCH and COUNT. */
    CompletableFuture<Object[]> sscan(String key, String cursor, SScanOptions sScanOptions);

    /** {@link #sscan(GlideString, GlideString)} with MATCH and COUNT. */
    CompletableFuture<Object[]> sscan(GlideString key, GlideString cursor, SScanOptionsBinary sScanOptions);
}
