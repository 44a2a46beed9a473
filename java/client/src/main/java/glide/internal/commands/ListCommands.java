package glide.internal.commands;

import static glide.api.commands.ListBaseCommands.COUNT_FOR_LIST_VALKEY_API;

import glide.api.models.GlideString;
import glide.api.models.commands.LInsertOptions.InsertPosition;
import glide.api.models.commands.LPosOptions;
import glide.api.models.commands.ListDirection;
import glide.internal.BlockingTimeouts;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Map;

/**
 * The list commands ({@code ListBaseCommands}), each defined once for both argument types: {@link
 * #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link GlideString}
 * overloads and every batch.
 *
 * <p>The blocking ones (BLPOP, BRPOP, BLMOVE, BLMPOP) wait on the server for as long as their
 * {@code timeout} argument says, so each carries that wait plus a margin ({@link
 * BlockingTimeouts#forSeconds}) instead of the client's request timeout, which would cut them
 * short; 0 (wait forever) means no client timeout either.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class ListCommands<V> {
    public static final ListCommands<String> TEXT = new ListCommands<>(Codec.TEXT);
    public static final ListCommands<GlideString> BINARY = new ListCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private ListCommands(Codec<V> codec) {
        this.codec = codec;
    }

    // LPUSH, LPUSHX, RPUSH, RPUSHX: the list's new length (0 for the X forms on a missing key).

    public Command<Long> lpush(V key, V[] elements) {
        return push("LPUSH", key, elements);
    }

    public Command<Long> lpushx(V key, V[] elements) {
        return push("LPUSHX", key, elements);
    }

    public Command<Long> rpush(V key, V[] elements) {
        return push("RPUSH", key, elements);
    }

    public Command<Long> rpushx(V key, V[] elements) {
        return push("RPUSHX", key, elements);
    }

    private Command<Long> push(String name, V key, V[] elements) {
        return codec.command(name, elements.length + 2).arg(key).args(elements).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<V[]> lrange(V key, long start, long end) {
        return codec.command("LRANGE", 4).arg(key).arg(start).arg(end).returning(Shape.AS_SENT, codec.array());
    }

    /** The first element, or null for a missing key. */
    public Command<V> lpop(V key) {
        return codec.command("LPOP", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    /** Up to {@code count} elements, or null for a missing key. */
    public Command<V[]> lpopCount(V key, long count) {
        return codec.command("LPOP", 3).arg(key).arg(count).returning(Shape.AS_SENT, codec.array());
    }

    public Command<V> rpop(V key) {
        return codec.command("RPOP", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    public Command<V[]> rpopCount(V key, long count) {
        return codec.command("RPOP", 3).arg(key).arg(count).returning(Shape.AS_SENT, codec.array());
    }

    /** The first match's index, or null. */
    public Command<Long> lpos(V key, V element) {
        return codec.command("LPOS", 3).arg(key).arg(element).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** LPOS ... [RANK r] [MAXLEN n]; {@code options} null: none. */
    public Command<Long> lpos(V key, V element, LPosOptions options) {
        CommandBuilder<V> command = codec.command("LPOS", 7).arg(key).arg(element);
        return lposOptions(command, options).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** LPOS ... COUNT n: the matches' indexes (COUNT 0: all of them). */
    public Command<Long[]> lposCount(V key, V element, long count) {
        return codec.command("LPOS", 5)
                .arg(key)
                .arg(element)
                .word(COUNT_FOR_LIST_VALKEY_API)
                .arg(count)
                .returning(Shape.AS_SENT, ReplyConverters.LONG_ARRAY);
    }

    /** LPOS ... COUNT n [RANK r] [MAXLEN n]; {@code options} null: none. */
    public Command<Long[]> lposCount(V key, V element, long count, LPosOptions options) {
        CommandBuilder<V> command = codec.command("LPOS", 9).arg(key).arg(element).word(COUNT_FOR_LIST_VALKEY_API).arg(count);
        return lposOptions(command, options).returning(Shape.AS_SENT, ReplyConverters.LONG_ARRAY);
    }

    private static <V> CommandBuilder<V> lposOptions(CommandBuilder<V> command, LPosOptions options) {
        return options == null ? command : command.words(options.toArgs());
    }

    public Command<V> lindex(V key, long index) {
        return codec.command("LINDEX", 3).arg(key).arg(index).returning(Shape.AS_SENT, codec.value());
    }

    /** "OK"; a String for either argument type. */
    public Command<String> ltrim(V key, long start, long end) {
        return codec.command("LTRIM", 4).arg(key).arg(start).arg(end).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<Long> llen(V key) {
        return codec.command("LLEN", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> lrem(V key, long count, V element) {
        return codec.command("LREM", 4).arg(key).arg(count).arg(element).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** The new length, -1 if the pivot is missing, 0 if the key is. */
    public Command<Long> linsert(V key, InsertPosition position, V pivot, V element) {
        return codec.command("LINSERT", 5)
                .arg(key)
                .word(position.name())
                .arg(pivot)
                .arg(element)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** "OK"; a String for either argument type. */
    public Command<String> lset(V key, long index, V element) {
        return codec.command("LSET", 4).arg(key).arg(index).arg(element).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** The element moved, or null when {@code source} is empty. */
    public Command<V> lmove(V source, V destination, ListDirection wherefrom, ListDirection whereto) {
        return codec.command("LMOVE", 5)
                .arg(source)
                .arg(destination)
                .word(wherefrom.name())
                .word(whereto.name())
                .returning(Shape.AS_SENT, codec.value());
    }

    /** {@link #lmove}, waiting up to {@code timeout} seconds for an element: null if none came. */
    public Command<V> blmove(V source, V destination, ListDirection wherefrom, ListDirection whereto, double timeout) {
        return codec.command("BLMOVE", 6)
                .arg(source)
                .arg(destination)
                .word(wherefrom.name())
                .word(whereto.name())
                .arg(timeout)
                .timeout(BlockingTimeouts.forSeconds(timeout))
                .returning(Shape.AS_SENT, codec.value());
    }

    /** [key, element] from the first non-empty list's head, or null on timeout. */
    public Command<V[]> blpop(V[] keys, double timeout) {
        return blockingPop("BLPOP", keys, timeout);
    }

    /** [key, element] from the first non-empty list's tail, or null on timeout. */
    public Command<V[]> brpop(V[] keys, double timeout) {
        return blockingPop("BRPOP", keys, timeout);
    }

    private Command<V[]> blockingPop(String name, V[] keys, double timeout) {
        return codec.command(name, keys.length + 2)
                .args(keys)
                .arg(timeout)
                .timeout(BlockingTimeouts.forSeconds(timeout))
                .returning(Shape.AS_SENT, codec.array());
    }

    /**
     * LMPOP numkeys key ... LEFT|RIGHT [COUNT n]: {key: elements} from the first non-empty list
     * (the core makes RESP's [key, [elements]] a one-entry map, either protocol), or null;
     * {@code count} null: no COUNT (one element).
     */
    public Command<Map<V, V[]>> lmpop(V[] keys, ListDirection direction, Long count) {
        CommandBuilder<V> command = codec.command("LMPOP", keys.length + 5).arg(keys.length).args(keys);
        return mpopTail(command, direction, count).returning(Shape.KEY_TO_ARRAY, codec.arrays());
    }

    /** {@link #lmpop} waiting up to {@code timeout} seconds (BLMPOP's timeout comes first): null if nothing came. */
    public Command<Map<V, V[]>> blmpop(V[] keys, ListDirection direction, Long count, double timeout) {
        CommandBuilder<V> command = codec.command("BLMPOP", keys.length + 6).arg(timeout).arg(keys.length).args(keys);
        return mpopTail(command, direction, count)
                .timeout(BlockingTimeouts.forSeconds(timeout))
                .returning(Shape.KEY_TO_ARRAY, codec.arrays());
    }

    /** LMPOP/BLMPOP's direction and optional COUNT. */
    private static <V> CommandBuilder<V> mpopTail(CommandBuilder<V> command, ListDirection direction, Long count) {
        command.word(direction.name());
        return count == null ? command : command.word(COUNT_FOR_LIST_VALKEY_API).arg(count.longValue());
    }
}
