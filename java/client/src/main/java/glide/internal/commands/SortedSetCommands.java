package glide.internal.commands;

import static glide.api.commands.SortedSetBaseCommands.COUNT_VALKEY_API;
import static glide.api.commands.SortedSetBaseCommands.LIMIT_VALKEY_API;
import static glide.api.commands.SortedSetBaseCommands.WITH_SCORES_VALKEY_API;
import static glide.api.commands.SortedSetBaseCommands.WITH_SCORE_VALKEY_API;

import glide.api.models.GlideString;
import glide.api.models.commands.RangeOptions;
import glide.api.models.commands.RangeOptions.LexRange;
import glide.api.models.commands.RangeOptions.RangeQuery;
import glide.api.models.commands.RangeOptions.ScoreRange;
import glide.api.models.commands.RangeOptions.ScoredRangeQuery;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.WeightAggregateOptions.Aggregate;
import glide.api.models.commands.ZAddOptions;
import glide.api.models.commands.scan.ZScanOptions;
import glide.api.models.commands.scan.ZScanOptionsBinary;
import glide.internal.BlockingTimeouts;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Map;
import java.util.function.Function;

/**
 * The sorted-set commands ({@code SortedSetBaseCommands}), each defined once for both argument
 * types: {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its {@link
 * GlideString} overloads and every batch.
 *
 * <p>Which shape a reply takes depends on the options as much as on the command: {@code
 * WITHSCORES} makes ZRANGE, ZDIFF, ZUNION and ZINTER a member-to-score map and ZRANDMEMBER a list
 * of [member, score] pairs, {@code WITHSCORE} makes ZRANK [rank, score], {@code INCR} makes ZADD
 * one score (or nil). Each method below adds the option and names the shape together, so the two
 * cannot drift apart. Scores are doubles under both protocols (RESP2 sends them as bulk strings).
 *
 * <p>BZPOPMIN, BZPOPMAX and BZMPOP wait on the server for as long as they were asked to: they
 * carry their own timeout ({@link BlockingTimeouts#forSeconds}), which a batch ignores (it has
 * its own).
 *
 * <p>The results whose element type follows the argument type but which no {@link Codec} has
 * (member-score maps and pairs, BZPOPMIN's [key, member, score], ZMPOP's {key: {member: score}})
 * are carried by the two instances, which differ only in them.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class SortedSetCommands<V> {
    public static final SortedSetCommands<String> TEXT =
            new SortedSetCommands<>(
                    Codec.TEXT,
                    ReplyConverters.TEXT_SCORE_MAP,
                    ReplyConverters.TEXT_MEMBER_SCORE_PAIRS,
                    ReplyConverters.TEXT_KEY_MEMBER_SCORE,
                    ReplyConverters.TEXT_KEY_TO_SCORE_MAP);

    public static final SortedSetCommands<GlideString> BINARY =
            new SortedSetCommands<>(
                    Codec.BINARY,
                    ReplyConverters.<GlideString, Double>map(),
                    ReplyConverters.MEMBER_SCORE_PAIRS,
                    ReplyConverters.OBJECT_ARRAY,
                    ReplyConverters.KEY_TO_SCORE_MAP);

    /** ZADD's option that reports changed members, not only added ones. */
    private static final String CHANGED = "CH";

    /** ZADD's option that makes it ZINCRBY with conditions. */
    private static final String INCR = "INCR";

    private final Codec<V> codec;
    private final Function<Object, Map<V, Double>> scoreMap;
    private final Function<Object, Object[][]> memberScorePairs;
    private final Function<Object, Object[]> keyMemberScore;
    private final Function<Object, Map<V, Object>> keyToScoreMap;

    private SortedSetCommands(
            Codec<V> codec,
            Function<Object, Map<V, Double>> scoreMap,
            Function<Object, Object[][]> memberScorePairs,
            Function<Object, Object[]> keyMemberScore,
            Function<Object, Map<V, Object>> keyToScoreMap) {
        this.codec = codec;
        this.scoreMap = scoreMap;
        this.memberScorePairs = memberScorePairs;
        this.keyMemberScore = keyMemberScore;
        this.keyToScoreMap = keyToScoreMap;
    }

    // ---- adding, removing, counting ----

    /**
     * ZADD key [XX|NX] [GT|LT] [CH] score member...: the number of members added (or changed,
     * with {@code changed}); {@code options} null: none. The pairs go in the map's iteration
     * order; a null score is refused here, naming its member (the server would refuse the
     * command anyway, and a NullPointerException from unboxing would not say which).
     */
    public Command<Long> zadd(V key, Map<V, Double> membersScores, ZAddOptions options, boolean changed) {
        CommandBuilder<V> command = codec.command("ZADD", membersScores.size() * 2 + 5).arg(key);
        if (options != null) {
            command.words(options.toArgs());
        }
        if (changed) {
            command.word(CHANGED);
        }
        for (Map.Entry<V, Double> e : membersScores.entrySet()) {
            Double score = e.getValue();
            if (score == null) {
                throw new NullPointerException("ZADD: the score of member " + e.getKey() + " must not be null");
            }
            command.arg(score.doubleValue()).arg(e.getKey());
        }
        return command.returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /**
     * ZADD key [XX|NX] [GT|LT] INCR increment member: the new score, or null when a condition
     * kept it from changing; {@code options} null: none.
     */
    public Command<Double> zaddIncr(V key, V member, double increment, ZAddOptions options) {
        CommandBuilder<V> command = codec.command("ZADD", 7).arg(key);
        if (options != null) {
            command.words(options.toArgs());
        }
        return command.word(INCR).arg(increment).arg(member).returning(Shape.DOUBLE_OR_NIL, ReplyConverters.DOUBLE);
    }

    public Command<Long> zrem(V key, V[] members) {
        return codec.command("ZREM", members.length + 2).arg(key).args(members).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> zcard(V key) {
        return codec.command("ZCARD", 2).arg(key).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** ZINCRBY: the new score, a double under both protocols. */
    public Command<Double> zincrby(V key, double increment, V member) {
        return codec.command("ZINCRBY", 4).arg(key).arg(increment).arg(member).returning(Shape.DOUBLE, ReplyConverters.DOUBLE);
    }

    public Command<Long> zcount(V key, ScoreRange minScore, ScoreRange maxScore) {
        return bounded("ZCOUNT", key, minScore.toArgs(), maxScore.toArgs());
    }

    public Command<Long> zlexcount(V key, LexRange minLex, LexRange maxLex) {
        return bounded("ZLEXCOUNT", key, minLex.toArgs(), maxLex.toArgs());
    }

    public Command<Long> zremrangebyscore(V key, ScoreRange minScore, ScoreRange maxScore) {
        return bounded("ZREMRANGEBYSCORE", key, minScore.toArgs(), maxScore.toArgs());
    }

    public Command<Long> zremrangebylex(V key, LexRange minLex, LexRange maxLex) {
        return bounded("ZREMRANGEBYLEX", key, minLex.toArgs(), maxLex.toArgs());
    }

    public Command<Long> zremrangebyrank(V key, long start, long end) {
        return codec.command("ZREMRANGEBYRANK", 4).arg(key).arg(start).arg(end).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** {@code NAME key min max} with the bounds as their option text ("(1", "-inf", "[a"): a count. */
    private Command<Long> bounded(String name, V key, String min, String max) {
        return codec.command(name, 4).arg(key).word(min).word(max).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    // ---- popping ----

    /** ZPOPMIN key: the member and its score as a one-entry map (empty for a missing key). */
    public Command<Map<V, Double>> zpopmin(V key) {
        return codec.command("ZPOPMIN", 2).arg(key).returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    public Command<Map<V, Double>> zpopmin(V key, long count) {
        return codec.command("ZPOPMIN", 3).arg(key).arg(count).returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    public Command<Map<V, Double>> zpopmax(V key) {
        return codec.command("ZPOPMAX", 2).arg(key).returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    public Command<Map<V, Double>> zpopmax(V key, long count) {
        return codec.command("ZPOPMAX", 3).arg(key).arg(count).returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    /** BZPOPMIN key... timeout: [key, member, score], or null once {@code timeout} seconds pass. */
    public Command<Object[]> bzpopmin(V[] keys, double timeout) {
        return blockingPop("BZPOPMIN", keys, timeout);
    }

    public Command<Object[]> bzpopmax(V[] keys, double timeout) {
        return blockingPop("BZPOPMAX", keys, timeout);
    }

    private Command<Object[]> blockingPop(String name, V[] keys, double timeout) {
        return codec.command(name, keys.length + 2)
                .args(keys)
                .arg(timeout)
                .timeout(BlockingTimeouts.forSeconds(timeout))
                .returning(Shape.KEY_MEMBER_SCORE, keyMemberScore);
    }

    /**
     * ZMPOP numkeys key... MIN|MAX [COUNT count]: {key: {member: score}}, or null when every set
     * is empty; {@code count} null: one member.
     */
    public Command<Map<V, Object>> zmpop(V[] keys, ScoreFilter modifier, Long count) {
        return multiPop(codec.command("ZMPOP", keys.length + 5), keys, modifier, count)
                .returning(Shape.KEY_AND_MEMBER_SCORE_MAP, keyToScoreMap);
    }

    /** BZMPOP timeout numkeys key... MIN|MAX [COUNT count]: as ZMPOP, null once {@code timeout} seconds pass. */
    public Command<Map<V, Object>> bzmpop(V[] keys, ScoreFilter modifier, double timeout, Long count) {
        CommandBuilder<V> command = codec.command("BZMPOP", keys.length + 6).arg(timeout);
        return multiPop(command, keys, modifier, count)
                .timeout(BlockingTimeouts.forSeconds(timeout))
                .returning(Shape.KEY_AND_MEMBER_SCORE_MAP, keyToScoreMap);
    }

    private static <V> CommandBuilder<V> multiPop(CommandBuilder<V> command, V[] keys, ScoreFilter modifier, Long count) {
        command.arg(keys.length).args(keys).word(modifier.name());
        return count == null ? command : command.word(COUNT_VALKEY_API).arg(count.longValue());
    }

    // ---- reading ----

    /** ZSCORE: the score, or null for a missing member. */
    public Command<Double> zscore(V key, V member) {
        return codec.command("ZSCORE", 3).arg(key).arg(member).returning(Shape.DOUBLE_OR_NIL, ReplyConverters.DOUBLE);
    }

    /** ZMSCORE: a score or null per member. */
    public Command<Double[]> zmscore(V key, V[] members) {
        return codec.command("ZMSCORE", members.length + 2)
                .arg(key)
                .args(members)
                .returning(Shape.DOUBLE_OR_NIL_ARRAY, ReplyConverters.DOUBLE_ARRAY);
    }

    /** ZRANK: the rank (ascending), or null for a missing member. */
    public Command<Long> zrank(V key, V member) {
        return codec.command("ZRANK", 3).arg(key).arg(member).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** ZRANK ... WITHSCORE: [rank, score], or null. */
    public Command<Object[]> zrankWithScore(V key, V member) {
        return rankWithScore("ZRANK", key, member);
    }

    public Command<Long> zrevrank(V key, V member) {
        return codec.command("ZREVRANK", 3).arg(key).arg(member).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Object[]> zrevrankWithScore(V key, V member) {
        return rankWithScore("ZREVRANK", key, member);
    }

    private Command<Object[]> rankWithScore(String name, V key, V member) {
        return codec.command(name, 4)
                .arg(key)
                .arg(member)
                .word(WITH_SCORE_VALKEY_API)
                .returning(Shape.RANK_WITH_SCORE, ReplyConverters.OBJECT_ARRAY);
    }

    /** ZRANGE key start end [BYSCORE|BYLEX] [REV] [LIMIT offset count]: the members. */
    public Command<V[]> zrange(V key, RangeQuery rangeQuery, boolean reverse) {
        return codec.command("ZRANGE", 10)
                .arg(key)
                .words(RangeOptions.createZRangeBaseArgs(rangeQuery, reverse, false))
                .returning(Shape.AS_SENT, codec.array());
    }

    /** ZRANGE ... WITHSCORES: the members with their scores, in range order. */
    public Command<Map<V, Double>> zrangeWithScores(V key, ScoredRangeQuery rangeQuery, boolean reverse) {
        return codec.command("ZRANGE", 10)
                .arg(key)
                .words(RangeOptions.createZRangeBaseArgs(rangeQuery, reverse, true))
                .returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    /** ZRANGESTORE destination source start end [...]: the size of the stored set. */
    public Command<Long> zrangestore(V destination, V source, RangeQuery rangeQuery, boolean reverse) {
        return codec.command("ZRANGESTORE", 10)
                .arg(destination)
                .arg(source)
                .words(RangeOptions.createZRangeBaseArgs(rangeQuery, reverse, false))
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** ZRANDMEMBER key: a member, or null for a missing key. */
    public Command<V> zrandmember(V key) {
        return codec.command("ZRANDMEMBER", 2).arg(key).returning(Shape.AS_SENT, codec.value());
    }

    /** ZRANDMEMBER key count: members, repeated for a negative count. */
    public Command<V[]> zrandmemberWithCount(V key, long count) {
        return codec.command("ZRANDMEMBER", 3).arg(key).arg(count).returning(Shape.AS_SENT, codec.array());
    }

    /** ZRANDMEMBER key count WITHSCORES: [member, score] pairs, not a map (members may repeat). */
    public Command<Object[][]> zrandmemberWithCountWithScores(V key, long count) {
        return codec.command("ZRANDMEMBER", 4)
                .arg(key)
                .arg(count)
                .word(WITH_SCORES_VALKEY_API)
                .returning(Shape.MEMBER_SCORE_PAIRS, memberScorePairs);
    }

    /** One step: {@code {next cursor, [member, score, ...]}} (members only with NOSCORES). */
    public Command<Object[]> zscan(V key, V cursor) {
        return KeyScan.step(codec, "ZSCAN", key, cursor, KeyScan.NO_OPTIONS);
    }

    public Command<Object[]> zscan(V key, V cursor, ZScanOptions options) {
        return KeyScan.step(codec, "ZSCAN", key, cursor, options.toGlideStringArgs());
    }

    public Command<Object[]> zscan(V key, V cursor, ZScanOptionsBinary options) {
        return KeyScan.step(codec, "ZSCAN", key, cursor, options.toGlideStringArgs());
    }

    // ---- several sets ----
    //
    // The keys of ZDIFF, ZINTERCARD and ZMPOP are given as an array and counted here. ZUNION,
    // ZINTER and their STORE forms take {@code keys} as the API's key objects render them
    // ({@code KeysOrWeightedKeys.toArgs()}, {@code KeyArray.toArgs()} and their Binary twins):
    // numkeys, the keys, then WEIGHTS and the weights if any, all of the argument type.

    public Command<V[]> zdiff(V[] keys) {
        return codec.command("ZDIFF", keys.length + 2).arg(keys.length).args(keys).returning(Shape.AS_SENT, codec.array());
    }

    /** ZDIFF ... WITHSCORES: members of the first set only, with their scores. */
    public Command<Map<V, Double>> zdiffWithScores(V[] keys) {
        return codec.command("ZDIFF", keys.length + 3)
                .arg(keys.length)
                .args(keys)
                .word(WITH_SCORES_VALKEY_API)
                .returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    public Command<Long> zdiffstore(V destination, V[] keys) {
        return codec.command("ZDIFFSTORE", keys.length + 3)
                .arg(destination)
                .arg(keys.length)
                .args(keys)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** ZINTERCARD numkeys key... [LIMIT limit]; {@code limit} null: no limit. */
    public Command<Long> zintercard(V[] keys, Long limit) {
        CommandBuilder<V> command = codec.command("ZINTERCARD", keys.length + 4).arg(keys.length).args(keys);
        if (limit != null) {
            command.word(LIMIT_VALKEY_API).arg(limit.longValue());
        }
        return command.returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** ZUNION numkeys key...: the members of any set. */
    public Command<V[]> zunion(V[] keys) {
        return combine(codec.command("ZUNION", keys.length + 1), keys, null).returning(Shape.AS_SENT, codec.array());
    }

    /** ZUNION ... [AGGREGATE a] WITHSCORES; {@code aggregate} null: the server's (SUM). */
    public Command<Map<V, Double>> zunionWithScores(V[] keys, Aggregate aggregate) {
        return combine(codec.command("ZUNION", keys.length + 4), keys, aggregate)
                .word(WITH_SCORES_VALKEY_API)
                .returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    public Command<V[]> zinter(V[] keys) {
        return combine(codec.command("ZINTER", keys.length + 1), keys, null).returning(Shape.AS_SENT, codec.array());
    }

    public Command<Map<V, Double>> zinterWithScores(V[] keys, Aggregate aggregate) {
        return combine(codec.command("ZINTER", keys.length + 4), keys, aggregate)
                .word(WITH_SCORES_VALKEY_API)
                .returning(Shape.MEMBER_SCORE_MAP, scoreMap);
    }

    /** ZUNIONSTORE destination numkeys key... [WEIGHTS w...] [AGGREGATE a]: the size of the stored set. */
    public Command<Long> zunionstore(V destination, V[] keys, Aggregate aggregate) {
        CommandBuilder<V> command = codec.command("ZUNIONSTORE", keys.length + 4).arg(destination);
        return combine(command, keys, aggregate).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    public Command<Long> zinterstore(V destination, V[] keys, Aggregate aggregate) {
        CommandBuilder<V> command = codec.command("ZINTERSTORE", keys.length + 4).arg(destination);
        return combine(command, keys, aggregate).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    private static <V> CommandBuilder<V> combine(CommandBuilder<V> command, V[] keys, Aggregate aggregate) {
        command.args(keys);
        return aggregate == null ? command : command.words(aggregate.toArgs());
    }
}
