package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.stream.StreamAddOptions;
import glide.api.models.commands.stream.StreamAddOptionsBinary;
import glide.api.models.commands.stream.StreamClaimOptions;
import glide.api.models.commands.stream.StreamGroupOptions;
import glide.api.models.commands.stream.StreamPendingOptions;
import glide.api.models.commands.stream.StreamPendingOptionsBinary;
import glide.api.models.commands.stream.StreamRange;
import glide.api.models.commands.stream.StreamReadGroupOptions;
import glide.api.models.commands.stream.StreamReadOptions;
import glide.api.models.commands.stream.StreamTrimOptions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Stream commands. Reply shapes are the same under RESP2 and RESP3:
 *
 * <ul>
 *   <li>entries (XRANGE, XREVRANGE, XCLAIM): a map, in stream order, from entry ID to its
 *       field/value pairs {@code [[field, value], ...]};
 *   <li>reads (XREAD, XREADGROUP): a map from stream key to such entries, or null when nothing
 *       was read; an entry deleted while pending (XREADGROUP of history) maps to null;
 *   <li>XINFO replies: maps (with {@code FULL}, each group and consumer a map too).
 * </ul>
 *
 * String overloads fail with a {@code RequestException} when the reply holds bytes that are not
 * valid UTF-8; use the GlideString overload for binary data.
 */
public interface StreamBaseCommands {

    /** XADD with a server-generated ID: the new entry's ID. */
    CompletableFuture<String> xadd(String key, Map<String, String> values);

    /** XADD with a server-generated ID; pairs given in order as {@code [[field, value], ...]}. */
    CompletableFuture<String> xadd(String key, String[][] values);

    /** XADD with binary data. */
    CompletableFuture<GlideString> xadd(GlideString key, Map<GlideString, GlideString> values);

    /** XADD with binary data, pairs in order. */
    CompletableFuture<GlideString> xadd(GlideString key, GlideString[][] values);

    /** XADD with an ID, {@code NOMKSTREAM} and/or trimming: the ID, or null (no stream, NOMKSTREAM). */
    CompletableFuture<String> xadd(String key, Map<String, String> values, StreamAddOptions options);

    /** XADD with options, pairs in order. */
    CompletableFuture<String> xadd(String key, String[][] values, StreamAddOptions options);

    /** XADD with options and binary data. */
    CompletableFuture<GlideString> xadd(
            GlideString key, Map<GlideString, GlideString> values, StreamAddOptionsBinary options);

    /** XADD with options and binary data, pairs in order. */
    CompletableFuture<GlideString> xadd(GlideString key, GlideString[][] values, StreamAddOptionsBinary options);

    /**
     * XREAD: entries after the given ID of each stream ({@code "$"}: only new ones); null when
     * there are none.
     */
    CompletableFuture<Map<String, Map<String, String[][]>>> xread(Map<String, String> keysAndIds);

    /** XREAD with binary data. */
    CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadBinary(
            Map<GlideString, GlideString> keysAndIds);

    /** XREAD with {@code COUNT}/{@code BLOCK}; a blocking read is not cut by the request timeout. */
    CompletableFuture<Map<String, Map<String, String[][]>>> xread(
            Map<String, String> keysAndIds, StreamReadOptions options);

    /** XREAD with options and binary data. */
    CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadBinary(
            Map<GlideString, GlideString> keysAndIds, StreamReadOptions options);

    /** XTRIM: the number of entries deleted. */
    CompletableFuture<Long> xtrim(String key, StreamTrimOptions options);

    /** XTRIM with a binary key. */
    CompletableFuture<Long> xtrim(GlideString key, StreamTrimOptions options);

    /** XLEN: the number of entries (0 for a missing key). */
    CompletableFuture<Long> xlen(String key);

    /** XLEN with a binary key. */
    CompletableFuture<Long> xlen(GlideString key);

    /** XDEL: the number of entries deleted (IDs not found are skipped). */
    CompletableFuture<Long> xdel(String key, String[] ids);

    /** XDEL with binary data. */
    CompletableFuture<Long> xdel(GlideString key, GlideString[] ids);

    /** XRANGE: the entries between two bounds, ascending; an empty map for a missing key. */
    CompletableFuture<Map<String, String[][]>> xrange(String key, StreamRange start, StreamRange end);

    /** XRANGE with binary data. */
    CompletableFuture<Map<GlideString, GlideString[][]>> xrange(
            GlideString key, StreamRange start, StreamRange end);

    /** XRANGE with {@code COUNT}: at most {@code count} entries; null if {@code count} is not positive. */
    CompletableFuture<Map<String, String[][]>> xrange(
            String key, StreamRange start, StreamRange end, long count);

    /** XRANGE with {@code COUNT} and binary data. */
    CompletableFuture<Map<GlideString, GlideString[][]>> xrange(
            GlideString key, StreamRange start, StreamRange end, long count);

    /** XREVRANGE: the entries between two bounds ({@code end} first), descending. */
    CompletableFuture<Map<String, String[][]>> xrevrange(String key, StreamRange end, StreamRange start);

    /** XREVRANGE with binary data. */
    CompletableFuture<Map<GlideString, GlideString[][]>> xrevrange(
            GlideString key, StreamRange end, StreamRange start);

    /** XREVRANGE with {@code COUNT}; null if {@code count} is not positive. */
    CompletableFuture<Map<String, String[][]>> xrevrange(
            String key, StreamRange end, StreamRange start, long count);

    /** XREVRANGE with {@code COUNT} and binary data. */
    CompletableFuture<Map<GlideString, GlideString[][]>> xrevrange(
            GlideString key, StreamRange end, StreamRange start, long count);

    /** XGROUP CREATE: a group whose last delivered ID is {@code id} ({@code "$"}: the last entry); "OK". */
    CompletableFuture<String> xgroupCreate(String key, String groupName, String id);

    /** XGROUP CREATE with binary data. */
    CompletableFuture<String> xgroupCreate(GlideString key, GlideString groupName, GlideString id);

    /** XGROUP CREATE with {@code MKSTREAM}/{@code ENTRIESREAD}. */
    CompletableFuture<String> xgroupCreate(String key, String groupName, String id, StreamGroupOptions options);

    /** XGROUP CREATE with options and binary data. */
    CompletableFuture<String> xgroupCreate(
            GlideString key, GlideString groupName, GlideString id, StreamGroupOptions options);

    /** XGROUP DESTROY: whether the group existed. */
    CompletableFuture<Boolean> xgroupDestroy(String key, String groupName);

    /** XGROUP DESTROY with binary data. */
    CompletableFuture<Boolean> xgroupDestroy(GlideString key, GlideString groupName);

    /** XGROUP CREATECONSUMER: whether the consumer was created (false: it existed). */
    CompletableFuture<Boolean> xgroupCreateConsumer(String key, String group, String consumer);

    /** XGROUP CREATECONSUMER with binary data. */
    CompletableFuture<Boolean> xgroupCreateConsumer(GlideString key, GlideString group, GlideString consumer);

    /** XGROUP DELCONSUMER: the number of entries the consumer had pending. */
    CompletableFuture<Long> xgroupDelConsumer(String key, String group, String consumer);

    /** XGROUP DELCONSUMER with binary data. */
    CompletableFuture<Long> xgroupDelConsumer(GlideString key, GlideString group, GlideString consumer);

    /** XGROUP SETID: sets the group's last delivered ID; "OK". */
    CompletableFuture<String> xgroupSetId(String key, String groupName, String id);

    /** XGROUP SETID with binary data. */
    CompletableFuture<String> xgroupSetId(GlideString key, GlideString groupName, GlideString id);

    /** XGROUP SETID with {@code ENTRIESREAD}. */
    CompletableFuture<String> xgroupSetId(String key, String groupName, String id, long entriesRead);

    /** XGROUP SETID with {@code ENTRIESREAD} and binary data. */
    CompletableFuture<String> xgroupSetId(GlideString key, GlideString groupName, GlideString id, long entriesRead);

    /**
     * XREADGROUP: entries for {@code consumer} ({@code ">"}: never delivered; an ID: its own pending
     * entries after it); null when there are none.
     */
    CompletableFuture<Map<String, Map<String, String[][]>>> xreadgroup(
            Map<String, String> keysAndIds, String group, String consumer);

    /** XREADGROUP with binary data. */
    CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadgroup(
            Map<GlideString, GlideString> keysAndIds, GlideString group, GlideString consumer);

    /** XREADGROUP with {@code COUNT}/{@code BLOCK}/{@code NOACK}; a blocking read is not cut by the request timeout. */
    CompletableFuture<Map<String, Map<String, String[][]>>> xreadgroup(
            Map<String, String> keysAndIds, String group, String consumer, StreamReadGroupOptions options);

    /** XREADGROUP with options and binary data. */
    CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadgroup(
            Map<GlideString, GlideString> keysAndIds,
            GlideString group,
            GlideString consumer,
            StreamReadGroupOptions options);

    /** XACK: the number of entries acknowledged. */
    CompletableFuture<Long> xack(String key, String group, String[] ids);

    /** XACK with binary data. */
    CompletableFuture<Long> xack(GlideString key, GlideString group, GlideString[] ids);

    /**
     * XPENDING summary: {@code [count (Long), smallest ID, greatest ID, [[consumer, count (as
     * text)], ...]]}; the last three are null when nothing is pending.
     */
    CompletableFuture<Object[]> xpending(String key, String group);

    /** XPENDING summary with binary data. */
    CompletableFuture<Object[]> xpending(GlideString key, GlideString group);

    /** XPENDING extended: {@code [[id, consumer, idle ms, delivery count], ...]}. */
    CompletableFuture<Object[][]> xpending(
            String key, String group, StreamRange start, StreamRange end, long count);

    /** XPENDING extended with binary data. */
    CompletableFuture<Object[][]> xpending(
            GlideString key, GlideString group, StreamRange start, StreamRange end, long count);

    /** XPENDING extended with {@code IDLE} and/or a consumer. */
    CompletableFuture<Object[][]> xpending(
            String key, String group, StreamRange start, StreamRange end, long count, StreamPendingOptions options);

    /** XPENDING extended with options and binary data. */
    CompletableFuture<Object[][]> xpending(
            GlideString key,
            GlideString group,
            StreamRange start,
            StreamRange end,
            long count,
            StreamPendingOptionsBinary options);

    /** XCLAIM: gives {@code consumer} the entries idle for at least {@code minIdleTime} ms; the entries claimed. */
    CompletableFuture<Map<String, String[][]>> xclaim(
            String key, String group, String consumer, long minIdleTime, String[] ids);

    /** XCLAIM with binary data. */
    CompletableFuture<Map<GlideString, GlideString[][]>> xclaim(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString[] ids);

    /** XCLAIM with {@code IDLE}/{@code TIME}/{@code RETRYCOUNT}/{@code FORCE}. */
    CompletableFuture<Map<String, String[][]>> xclaim(
            String key, String group, String consumer, long minIdleTime, String[] ids, StreamClaimOptions options);

    /** XCLAIM with options and binary data. */
    CompletableFuture<Map<GlideString, GlideString[][]>> xclaim(
            GlideString key,
            GlideString group,
            GlideString consumer,
            long minIdleTime,
            GlideString[] ids,
            StreamClaimOptions options);

    /** XCLAIM ... JUSTID: the IDs claimed (their delivery count is not incremented). */
    CompletableFuture<String[]> xclaimJustId(
            String key, String group, String consumer, long minIdleTime, String[] ids);

    /** XCLAIM ... JUSTID with binary data. */
    CompletableFuture<GlideString[]> xclaimJustId(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString[] ids);

    /** XCLAIM ... JUSTID with options. */
    CompletableFuture<String[]> xclaimJustId(
            String key, String group, String consumer, long minIdleTime, String[] ids, StreamClaimOptions options);

    /** XCLAIM ... JUSTID with options and binary data. */
    CompletableFuture<GlideString[]> xclaimJustId(
            GlideString key,
            GlideString group,
            GlideString consumer,
            long minIdleTime,
            GlideString[] ids,
            StreamClaimOptions options);

    /** XINFO GROUPS: one map per group (name, consumers, pending, last-delivered-id, ...). */
    CompletableFuture<Map<String, Object>[]> xinfoGroups(String key);

    /** XINFO GROUPS with binary data. */
    CompletableFuture<Map<GlideString, Object>[]> xinfoGroups(GlideString key);

    /** XINFO CONSUMERS: one map per consumer (name, pending, idle, ...). */
    CompletableFuture<Map<String, Object>[]> xinfoConsumers(String key, String groupName);

    /** XINFO CONSUMERS with binary data. */
    CompletableFuture<Map<GlideString, Object>[]> xinfoConsumers(GlideString key, GlideString groupName);

    /**
     * XAUTOCLAIM: claims pending entries idle for at least {@code minIdleTime} ms, scanning from
     * {@code start}: {@code [next start ("0-0": done), Map<String, String[][]> claimed entries,
     * String[] IDs deleted from the stream (Valkey/Redis 7.0+)]}.
     */
    CompletableFuture<Object[]> xautoclaim(
            String key, String group, String consumer, long minIdleTime, String start);

    /** XAUTOCLAIM with binary data (GlideString, Map of GlideString[][], GlideString[]). */
    CompletableFuture<Object[]> xautoclaim(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start);

    /** XAUTOCLAIM with {@code COUNT}. */
    CompletableFuture<Object[]> xautoclaim(
            String key, String group, String consumer, long minIdleTime, String start, long count);

    /** XAUTOCLAIM with {@code COUNT} and binary data. */
    CompletableFuture<Object[]> xautoclaim(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start, long count);

    /** XAUTOCLAIM ... JUSTID: {@code [next start, String[] claimed IDs, String[] deleted IDs]}. */
    CompletableFuture<Object[]> xautoclaimJustId(
            String key, String group, String consumer, long minIdleTime, String start);

    /** XAUTOCLAIM ... JUSTID with binary data. */
    CompletableFuture<Object[]> xautoclaimJustId(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start);

    /** XAUTOCLAIM ... JUSTID with {@code COUNT}. */
    CompletableFuture<Object[]> xautoclaimJustId(
            String key, String group, String consumer, long minIdleTime, String start, long count);

    /** XAUTOCLAIM ... JUSTID with {@code COUNT} and binary data. */
    CompletableFuture<Object[]> xautoclaimJustId(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start, long count);

    /**
     * XINFO STREAM: length, radix-tree sizes, IDs, groups (a count), first-entry and last-entry
     * ({@code [id, [field, value, ...]]} or null).
     */
    CompletableFuture<Map<String, Object>> xinfoStream(String key);

    /** XINFO STREAM with binary data. */
    CompletableFuture<Map<GlideString, Object>> xinfoStream(GlideString key);

    /**
     * XINFO STREAM FULL: as {@link #xinfoStream(String)} but with {@code entries} (the first 10)
     * and {@code groups} (maps, with their consumers as maps and pending lists).
     */
    CompletableFuture<Map<String, Object>> xinfoStreamFull(String key);

    /** XINFO STREAM FULL with binary data. */
    CompletableFuture<Map<GlideString, Object>> xinfoStreamFull(GlideString key);

    /** XINFO STREAM FULL COUNT: at most {@code count} entries and pending entries (0: all). */
    CompletableFuture<Map<String, Object>> xinfoStreamFull(String key, int count);

    /** XINFO STREAM FULL COUNT with binary data. */
    CompletableFuture<Map<GlideString, Object>> xinfoStreamFull(GlideString key, int count);
}
