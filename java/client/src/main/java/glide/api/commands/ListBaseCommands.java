package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.LInsertOptions.InsertPosition;
import glide.api.models.commands.LPosOptions;
import glide.api.models.commands.ListDirection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** List commands, for standalone and cluster clients. */
public interface ListBaseCommands {
    String COUNT_FOR_LIST_VALKEY_API = "COUNT";

    /** LPUSH: the list's length after the push. */
    CompletableFuture<Long> lpush(String key, String[] elements);

    /** LPUSH with binary key and elements. */
    CompletableFuture<Long> lpush(GlideString key, GlideString[] elements);

    /** LPOP: the first element, removed; {@code null} when the key does not exist. */
    CompletableFuture<String> lpop(String key);

    /** LPOP with a binary key and element. */
    CompletableFuture<GlideString> lpop(GlideString key);

    /** LPOS: the index of the first element equal to {@code element}, or {@code null}. */
    CompletableFuture<Long> lpos(String key, String element);

    /** LPOS with a binary key and element. */
    CompletableFuture<Long> lpos(GlideString key, GlideString element);

    /** LPOS with RANK/MAXLEN: the index of the match {@code options} select, or {@code null}. */
    CompletableFuture<Long> lpos(String key, String element, LPosOptions options);

    /** LPOS with options and a binary key and element. */
    CompletableFuture<Long> lpos(GlideString key, GlideString element, LPosOptions options);

    /**
     * LPOS ... COUNT: the indices of up to {@code count} matches (0: all), empty when there are
     * none.
     */
    CompletableFuture<Long[]> lposCount(String key, String element, long count);

    /** LPOS ... COUNT with a binary key and element. */
    CompletableFuture<Long[]> lposCount(GlideString key, GlideString element, long count);

    /** LPOS ... COUNT with RANK/MAXLEN. */
    CompletableFuture<Long[]> lposCount(String key, String element, long count, LPosOptions options);

    /** LPOS ... COUNT with RANK/MAXLEN and a binary key and element. */
    CompletableFuture<Long[]> lposCount(
            GlideString key, GlideString element, long count, LPosOptions options);

    /** LPOP with a count: up to {@code count} elements from the head, or {@code null} for a missing key. */
    CompletableFuture<String[]> lpopCount(String key, long count);

    /** LPOP with a count and a binary key. */
    CompletableFuture<GlideString[]> lpopCount(GlideString key, long count);

    /** LRANGE: elements from {@code start} to {@code end} inclusive (negative counts from the end). */
    CompletableFuture<String[]> lrange(String key, long start, long end);

    /** LRANGE with a binary key. */
    CompletableFuture<GlideString[]> lrange(GlideString key, long start, long end);

    /** LINDEX: the element at {@code index} (negative counts from the end), or {@code null}. */
    CompletableFuture<String> lindex(String key, long index);

    /** LINDEX with a binary key and element. */
    CompletableFuture<GlideString> lindex(GlideString key, long index);

    /** LTRIM: keeps only elements {@code start} to {@code end} inclusive; "OK". */
    CompletableFuture<String> ltrim(String key, long start, long end);

    /** LTRIM with a binary key. */
    CompletableFuture<String> ltrim(GlideString key, long start, long end);

    /** LLEN: the list's length, 0 when the key does not exist. */
    CompletableFuture<Long> llen(String key);

    /** LLEN with a binary key. */
    CompletableFuture<Long> llen(GlideString key);

    /**
     * LREM: removes up to {@code count} elements equal to {@code element} (from the head if
     * positive, the tail if negative, all if 0); how many were removed.
     */
    CompletableFuture<Long> lrem(String key, long count, String element);

    /** LREM with a binary key and element. */
    CompletableFuture<Long> lrem(GlideString key, long count, GlideString element);

    /** RPUSH: the list's length after the push. */
    CompletableFuture<Long> rpush(String key, String[] elements);

    /** RPUSH with binary key and elements. */
    CompletableFuture<Long> rpush(GlideString key, GlideString[] elements);

    /** RPOP: the last element, removed; {@code null} when the key does not exist. */
    CompletableFuture<String> rpop(String key);

    /** RPOP with a binary key and element. */
    CompletableFuture<GlideString> rpop(GlideString key);

    /** RPOP with a count: up to {@code count} elements from the tail, or {@code null} for a missing key. */
    CompletableFuture<String[]> rpopCount(String key, long count);

    /** RPOP with a count and a binary key. */
    CompletableFuture<GlideString[]> rpopCount(GlideString key, long count);

    /**
     * LINSERT: inserts {@code element} before or after the first {@code pivot}; the length
     * afterwards, -1 when the pivot is not found, 0 when the key does not exist.
     */
    CompletableFuture<Long> linsert(String key, InsertPosition position, String pivot, String element);

    /** LINSERT with a binary key, pivot and element. */
    CompletableFuture<Long> linsert(
            GlideString key, InsertPosition position, GlideString pivot, GlideString element);

    /**
     * BLPOP: waits up to {@code timeout} seconds (0: forever) for an element; completes with
     * [key, element], or {@code null} on timeout. Not cut short by the request timeout.
     */
    CompletableFuture<String[]> blpop(String[] keys, double timeout);

    /** BLPOP with binary keys. */
    CompletableFuture<GlideString[]> blpop(GlideString[] keys, double timeout);

    /**
     * BRPOP: as {@link #blpop(String[], double)}, from the tails: [key, element], or {@code null}
     * on timeout. Not cut short by the request timeout.
     */
    CompletableFuture<String[]> brpop(String[] keys, double timeout);

    /** BRPOP with binary keys. */
    CompletableFuture<GlideString[]> brpop(GlideString[] keys, double timeout);

    /** RPUSHX: pushes only if the list exists; its length afterwards (0 if it does not exist). */
    CompletableFuture<Long> rpushx(String key, String[] elements);

    /** RPUSHX with binary key and elements. */
    CompletableFuture<Long> rpushx(GlideString key, GlideString[] elements);

    /** LPUSHX: pushes only if the list exists; its length afterwards (0 if it does not exist). */
    CompletableFuture<Long> lpushx(String key, String[] elements);

    /** LPUSHX with binary key and elements. */
    CompletableFuture<Long> lpushx(GlideString key, GlideString[] elements);

    /**
     * LMPOP: pops up to {@code count} elements from the given end of the first non-empty list of
     * {@code keys}; a one-entry map {key: elements}, or {@code null} when all are empty. Since
     * Valkey/Redis 7.0.
     */
    CompletableFuture<Map<String, String[]>> lmpop(String[] keys, ListDirection direction, long count);

    /** LMPOP with binary keys. */
    CompletableFuture<Map<GlideString, GlideString[]>> lmpop(
            GlideString[] keys, ListDirection direction, long count);

    /** LMPOP of one element. */
    CompletableFuture<Map<String, String[]>> lmpop(String[] keys, ListDirection direction);

    /** LMPOP of one element, with binary keys. */
    CompletableFuture<Map<GlideString, GlideString[]>> lmpop(GlideString[] keys, ListDirection direction);

    /**
     * BLMPOP: as {@link #lmpop(String[], ListDirection, long)}, waiting up to {@code timeout}
     * seconds (0: forever); {@code null} on timeout. Not cut short by the request timeout.
     */
    CompletableFuture<Map<String, String[]>> blmpop(
            String[] keys, ListDirection direction, long count, double timeout);

    /** BLMPOP with binary keys. */
    CompletableFuture<Map<GlideString, GlideString[]>> blmpop(
            GlideString[] keys, ListDirection direction, long count, double timeout);

    /** BLMPOP of one element. */
    CompletableFuture<Map<String, String[]>> blmpop(String[] keys, ListDirection direction, double timeout);

    /** BLMPOP of one element, with binary keys. */
    CompletableFuture<Map<GlideString, GlideString[]>> blmpop(
            GlideString[] keys, ListDirection direction, double timeout);

    /** LSET: replaces the element at {@code index}; "OK" (an error for a missing key or index). */
    CompletableFuture<String> lset(String key, long index, String element);

    /** LSET with a binary key and element. */
    CompletableFuture<String> lset(GlideString key, long index, GlideString element);

    /**
     * LMOVE: pops an element from one end of {@code source} and pushes it at one end of {@code
     * destination} (which may be the same list); the element, or {@code null} if the source is
     * empty. Since Valkey/Redis 6.2.
     */
    CompletableFuture<String> lmove(
            String source, String destination, ListDirection wherefrom, ListDirection whereto);

    /** LMOVE with binary keys and element. */
    CompletableFuture<GlideString> lmove(
            GlideString source, GlideString destination, ListDirection wherefrom, ListDirection whereto);

    /**
     * BLMOVE: as {@link #lmove}, waiting up to {@code timeout} seconds (0: forever) for an
     * element; {@code null} on timeout. Not cut short by the request timeout.
     */
    CompletableFuture<String> blmove(
            String source, String destination, ListDirection wherefrom, ListDirection whereto, double timeout);

    /** BLMOVE with binary keys and element. */
    CompletableFuture<GlideString> blmove(
            GlideString source,
            GlideString destination,
            ListDirection wherefrom,
            ListDirection whereto,
            double timeout);
}
