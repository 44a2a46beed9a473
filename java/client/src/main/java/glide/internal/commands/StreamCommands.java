package glide.internal.commands;

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
import glide.api.models.commands.stream.XInfoStreamOptions;
import glide.internal.BlockingTimeouts;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stream commands ({@code StreamBaseCommands}), each defined once for both argument types:
 * {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link GlideString}
 * overloads and every batch.
 *
 * <p>Two things differ between the API's two forms beyond the codec, and are taken as they come:
 * some option classes have a text and a binary twin (XADD's, XPENDING's), rendered to text or to
 * bytes by whichever the caller holds; and most results are nested structures whose text form is
 * decoded all the way down, picked by {@link #either}.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class StreamCommands<V> {
    public static final StreamCommands<String> TEXT = new StreamCommands<>(Codec.TEXT);
    public static final StreamCommands<GlideString> BINARY = new StreamCommands<>(Codec.BINARY);

    /** XADD's ID when none is given: the server picks one. */
    private static final String[] WILDCARD = {StreamAddOptions.ID_WILDCARD_VALKEY_API};

    private final Codec<V> codec;

    private StreamCommands(Codec<V> codec) {
        this.codec = codec;
    }

    /**
     * The converter for this codec: {@code text}'s result type is the API's String form, {@code
     * binary}'s its GlideString form, which is what {@code R} is for this instance's {@code V}.
     */
    @SuppressWarnings("unchecked")
    private <R> Function<Object, R> either(Function<Object, ?> text, Function<Object, ?> binary) {
        return (Function<Object, R>) (codec.binary() ? binary : text);
    }

    // ---- XADD: the new entry's ID, or null (NOMKSTREAM and no stream) ----

    /** XADD with the ID {@code *}. */
    public Command<V> xadd(V key, Map<V, V> values) {
        return xadd(key, values, WILDCARD, null);
    }

    public Command<V> xadd(V key, V[][] values) {
        return xadd(key, values, WILDCARD, null);
    }

    /** {@code options} null: the ID {@code *}. */
    public Command<V> xadd(V key, Map<V, V> values, StreamAddOptions options) {
        return xadd(key, values, options == null ? WILDCARD : options.toArgs(), null);
    }

    public Command<V> xadd(V key, V[][] values, StreamAddOptions options) {
        return xadd(key, values, options == null ? WILDCARD : options.toArgs(), null);
    }

    /** With options whose ID or trim threshold may be binary; null: the ID {@code *}. */
    public Command<V> xadd(V key, Map<V, V> values, StreamAddOptionsBinary options) {
        return options == null ? xadd(key, values) : xadd(key, values, null, options.toArgs());
    }

    public Command<V> xadd(V key, V[][] values, StreamAddOptionsBinary options) {
        return options == null ? xadd(key, values) : xadd(key, values, null, options.toArgs());
    }

    /** {@code XADD key [NOMKSTREAM] [trim] id field value...}: the options as text or as bytes. */
    private Command<V> xadd(V key, Map<V, V> values, String[] words, GlideString[] raw) {
        CommandBuilder<V> command = xaddHead(key, values.size() * 2, words, raw);
        return command.pairs(values).returning(Shape.AS_SENT, codec.value());
    }

    private Command<V> xadd(V key, V[][] values, String[] words, GlideString[] raw) {
        CommandBuilder<V> command = xaddHead(key, values.length * 2, words, raw);
        for (V[] pair : values) {
            if (pair == null || pair.length != 2) {
                throw new IllegalArgumentException("XADD: each field/value pair must have exactly two elements");
            }
            command.arg(pair[0]).arg(pair[1]);
        }
        return command.returning(Shape.AS_SENT, codec.value());
    }

    private CommandBuilder<V> xaddHead(V key, int pairArgs, String[] words, GlideString[] raw) {
        if (words != null) {
            return codec.command("XADD", pairArgs + words.length + 2).arg(key).words(words);
        }
        return codec.command("XADD", pairArgs + raw.length + 2).arg(key).raw(raw);
    }

    // ---- XREAD, XREADGROUP: entries per stream, or null ----

    /** {@code options} null: no COUNT, no BLOCK. */
    public Command<Map<V, Map<V, V[][]>>> xread(Map<V, V> keysAndIds, StreamReadOptions options) {
        CommandBuilder<V> command = codec.command("XREAD", keysAndIds.size() * 2 + 6)
                .words(options == null ? new String[] {StreamReadOptions.READ_STREAMS_VALKEY_API} : options.toArgs());
        return streams(command, keysAndIds, options);
    }

    /** {@code options} null: no COUNT, BLOCK or NOACK. */
    public Command<Map<V, Map<V, V[][]>>> xreadgroup(
            Map<V, V> keysAndIds, V group, V consumer, StreamReadGroupOptions options) {
        CommandBuilder<V> command = codec.command("XREADGROUP", keysAndIds.size() * 2 + 10)
                .word(StreamReadGroupOptions.READ_GROUP_VALKEY_API)
                .arg(group)
                .arg(consumer);
        if (options == null) {
            command.word(StreamReadOptions.READ_STREAMS_VALKEY_API);
        } else {
            // Rendered with placeholders for GROUP's two names, which are in already.
            GlideString[] all = options.toArgs("", "");
            command.raw(Arrays.copyOfRange(all, 3, all.length));
        }
        return streams(command, keysAndIds, options);
    }

    /**
     * {@code key... id...} from one pass over the map, so keys and IDs stay paired; a BLOCK read
     * waits on the server up to its own time (0: forever), which the request timeout must not cut.
     */
    private Command<Map<V, Map<V, V[][]>>> streams(
            CommandBuilder<V> command, Map<V, V> keysAndIds, StreamReadOptions options) {
        List<V> ids = new ArrayList<>(keysAndIds.size());
        for (Map.Entry<V, V> e : keysAndIds.entrySet()) {
            command.arg(e.getKey());
            ids.add(e.getValue());
        }
        for (V id : ids) {
            command.arg(id);
        }
        return command.timeout(readTimeout(options))
                .returning(Shape.STREAMS_READ, either(ReplyConverters.STREAMS_READ, ReplyConverters.STREAMS_READ_BINARY));
    }

    private static int readTimeout(StreamReadOptions options) {
        if (options == null || !options.isBlocking()) {
            return BlockingTimeouts.DEFAULT;
        }
        String[] args = options.toArgs(); // [COUNT n] BLOCK ms STREAMS
        for (int i = 0; i + 1 < args.length; i++) {
            if (StreamReadOptions.READ_BLOCK_VALKEY_API.equals(args[i])) {
                return BlockingTimeouts.forMillis(Long.parseLong(args[i + 1]));
            }
        }
        return BlockingTimeouts.DEFAULT;
    }

    // ---- trimming, length, deletion ----

    /** The number of entries removed. */
    public Command<Long> xtrim(V key, StreamTrimOptions options) {
        CommandBuilder<V> command = codec.command("XTRIM", 7).arg(key);
        // A binary request keeps a binary MINID threshold's bytes; a text one sends its text.
        if (codec.binary()) {
            command.raw(options.toGlideStringArgs());
        } else {
            command.words(options.toArgs());
        }
        return command.returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> xlen(V key) {
        return codec.command("XLEN", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** The number of entries deleted. */
    public Command<Long> xdel(V key, V[] ids) {
        return codec.command("XDEL", ids.length + 2).arg(key).args(ids).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    // ---- ranges: entries by ID, oldest first (XRANGE) or newest first (XREVRANGE) ----

    public Command<Map<V, V[][]>> xrange(V key, StreamRange start, StreamRange end) {
        return entries(codec.command("XRANGE", 4).arg(key).words(StreamRange.toArgs(start, end)));
    }

    public Command<Map<V, V[][]>> xrange(V key, StreamRange start, StreamRange end, long count) {
        return entries(codec.command("XRANGE", 6).arg(key).words(StreamRange.toArgs(start, end, count)));
    }

    public Command<Map<V, V[][]>> xrevrange(V key, StreamRange end, StreamRange start) {
        return entries(codec.command("XREVRANGE", 4).arg(key).words(StreamRange.toArgs(end, start)));
    }

    public Command<Map<V, V[][]>> xrevrange(V key, StreamRange end, StreamRange start, long count) {
        return entries(codec.command("XREVRANGE", 6).arg(key).words(StreamRange.toArgs(end, start, count)));
    }

    /** Entries as an ID-ordered map of ID to field/value pairs. */
    private Command<Map<V, V[][]>> entries(CommandBuilder<V> command) {
        return command.returning(
                Shape.STREAM_ENTRIES, either(ReplyConverters.STREAM_ENTRIES, ReplyConverters.STREAM_ENTRIES_BINARY));
    }

    // ---- consumer groups ----

    /** "OK". */
    public Command<String> xgroupCreate(V key, V groupName, V id) {
        return codec.command("XGROUP", 5).word("CREATE").arg(key).arg(groupName).arg(id)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> xgroupCreate(V key, V groupName, V id, StreamGroupOptions options) {
        return codec.command("XGROUP", 8).word("CREATE").arg(key).arg(groupName).arg(id).words(options.toArgs())
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** True if the group existed (the core makes 0/1 a boolean). */
    public Command<Boolean> xgroupDestroy(V key, V groupName) {
        return codec.command("XGROUP", 4).word("DESTROY").arg(key).arg(groupName)
                .returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    /** True if the consumer was created. */
    public Command<Boolean> xgroupCreateConsumer(V key, V group, V consumer) {
        return codec.command("XGROUP", 5).word("CREATECONSUMER").arg(key).arg(group).arg(consumer)
                .returning(Shape.BOOLEAN, ReplyConverters.BOOLEAN);
    }

    /** The number of entries the consumer still had pending. */
    public Command<Long> xgroupDelConsumer(V key, V group, V consumer) {
        return codec.command("XGROUP", 5).word("DELCONSUMER").arg(key).arg(group).arg(consumer)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** "OK". */
    public Command<String> xgroupSetId(V key, V groupName, V id) {
        return codec.command("XGROUP", 5).word("SETID").arg(key).arg(groupName).arg(id)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> xgroupSetId(V key, V groupName, V id, long entriesRead) {
        return codec.command("XGROUP", 7).word("SETID").arg(key).arg(groupName).arg(id)
                .word(StreamGroupOptions.ENTRIES_READ_VALKEY_API).arg(entriesRead)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** The number of entries acknowledged. */
    public Command<Long> xack(V key, V group, V[] ids) {
        return codec.command("XACK", ids.length + 3).arg(key).arg(group).args(ids)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    // ---- pending entries ----

    /** The summary: count, smallest and largest ID, and per consumer its count. */
    public Command<Object[]> xpending(V key, V group) {
        return codec.command("XPENDING", 3).arg(key).arg(group)
                .returning(Shape.AS_SENT, either(ReplyConverters.TEXT_OBJECT_ARRAY, ReplyConverters.OBJECT_ARRAY));
    }

    /** One array per pending entry: ID, consumer, idle time, deliveries. */
    public Command<Object[][]> xpending(
            V key, V group, StreamRange start, StreamRange end, long count, StreamPendingOptions options) {
        return pendingEntries(codec.command("XPENDING", 9).arg(key).arg(group).words(options.toArgs(start, end, count)));
    }

    /** With a consumer name that may be binary. */
    public Command<Object[][]> xpending(
            V key, V group, StreamRange start, StreamRange end, long count, StreamPendingOptionsBinary options) {
        return pendingEntries(codec.command("XPENDING", 9).arg(key).arg(group).raw(options.toArgs(start, end, count)));
    }

    private Command<Object[][]> pendingEntries(CommandBuilder<V> command) {
        return command.returning(Shape.AS_SENT, either(ReplyConverters.TEXT_ARRAY_OF_ARRAYS, ReplyConverters.ARRAY_OF_ARRAYS));
    }

    // ---- claiming ----

    /** {@code options} null: none. The claimed entries. */
    public Command<Map<V, V[][]>> xclaim(
            V key, V group, V consumer, long minIdleTime, V[] ids, StreamClaimOptions options) {
        return entries(claim(key, group, consumer, minIdleTime, ids, options));
    }

    /** {@code options} null: none. The claimed entries' IDs. */
    public Command<V[]> xclaimJustId(
            V key, V group, V consumer, long minIdleTime, V[] ids, StreamClaimOptions options) {
        return claim(key, group, consumer, minIdleTime, ids, options)
                .word(StreamClaimOptions.JUST_ID_VALKEY_API)
                .returning(Shape.AS_SENT, codec.array());
    }

    /** {@code XCLAIM key group consumer min-idle-time id... [options]}. */
    private CommandBuilder<V> claim(V key, V group, V consumer, long minIdleTime, V[] ids, StreamClaimOptions options) {
        CommandBuilder<V> command = codec.command("XCLAIM", ids.length + 13)
                .arg(key).arg(group).arg(consumer).arg(minIdleTime).args(ids);
        if (options != null) {
            command.words(options.toArgs());
        }
        return command;
    }

    /** {@code count} null: the server's default. [next start, claimed entries, deleted IDs]. */
    public Command<Object[]> xautoclaim(V key, V group, V consumer, long minIdleTime, V start, Long count) {
        return autoclaim(key, group, consumer, minIdleTime, start, count)
                .returning(Shape.AUTO_CLAIM, either(ReplyConverters.AUTOCLAIM, ReplyConverters.AUTOCLAIM_BINARY));
    }

    /** {@code count} null: the server's default. [next start, claimed IDs, deleted IDs]. */
    public Command<Object[]> xautoclaimJustId(V key, V group, V consumer, long minIdleTime, V start, Long count) {
        return autoclaim(key, group, consumer, minIdleTime, start, count)
                .word(StreamClaimOptions.JUST_ID_VALKEY_API)
                .returning(Shape.AS_SENT, either(ReplyConverters.AUTOCLAIM_JUSTID, ReplyConverters.AUTOCLAIM_JUSTID_BINARY));
    }

    /** {@code XAUTOCLAIM key group consumer min-idle-time start [COUNT count]}. */
    private CommandBuilder<V> autoclaim(V key, V group, V consumer, long minIdleTime, V start, Long count) {
        CommandBuilder<V> command = codec.command("XAUTOCLAIM", 9)
                .arg(key).arg(group).arg(consumer).arg(minIdleTime).arg(start);
        if (count != null) {
            command.word(StreamRange.RANGE_COUNT_VALKEY_API).arg(count.longValue());
        }
        return command;
    }

    // ---- introspection ----

    /** One map per group. */
    public Command<Map<V, Object>[]> xinfoGroups(V key) {
        return codec.command("XINFO", 3).word("GROUPS").arg(key)
                .returning(Shape.MAP_ARRAY, either(ReplyConverters.TEXT_MAP_ARRAY, ReplyConverters.MAP_ARRAY));
    }

    /** One map per consumer of the group. */
    public Command<Map<V, Object>[]> xinfoConsumers(V key, V groupName) {
        return codec.command("XINFO", 4).word("CONSUMERS").arg(key).arg(groupName)
                .returning(Shape.MAP_ARRAY, either(ReplyConverters.TEXT_MAP_ARRAY, ReplyConverters.MAP_ARRAY));
    }

    public Command<Map<V, Object>> xinfoStream(V key) {
        return info(codec.command("XINFO", 3).word("STREAM").arg(key));
    }

    /** The FULL form; {@code count} null: the server's default number of entries. */
    public Command<Map<V, Object>> xinfoStreamFull(V key, Integer count) {
        CommandBuilder<V> command = codec.command("XINFO", 6).word("STREAM").arg(key).word(XInfoStreamOptions.FULL);
        if (count != null) {
            command.word(XInfoStreamOptions.COUNT).arg(count.longValue());
        }
        return info(command);
    }

    private Command<Map<V, Object>> info(CommandBuilder<V> command) {
        return command.returning(Shape.STREAM_INFO, either(ReplyConverters.TEXT_KEYED_MAP, ReplyConverters.map()));
    }
}
