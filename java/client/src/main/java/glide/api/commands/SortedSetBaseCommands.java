package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.RangeOptions.LexRange;
import glide.api.models.commands.RangeOptions.RangeQuery;
import glide.api.models.commands.RangeOptions.ScoreRange;
import glide.api.models.commands.RangeOptions.ScoredRangeQuery;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.WeightAggregateOptions.Aggregate;
import glide.api.models.commands.WeightAggregateOptions.KeyArray;
import glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary;
import glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys;
import glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary;
import glide.api.models.commands.ZAddOptions;
import glide.api.models.commands.scan.ZScanOptions;
import glide.api.models.commands.scan.ZScanOptionsBinary;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sorted-set commands, for standalone and cluster clients.
 *
 * <p>Scores are doubles under RESP2 and RESP3 alike, infinities included ({@code
 * Double.POSITIVE_INFINITY} for {@code inf}). Members with their scores come as a {@code Map}
 * from member to score in the server's order (lowest score first unless reversed); where members
 * may repeat ({@code zrandmemberWithCountWithScores}) as {@code [member, score]} pairs. A key
 * that does not exist is an empty sorted set. The blocking commands ({@code bzpopmin}, {@code
 * bzpopmax}, {@code bzmpop}) wait as long as their timeout asks (0: forever), not the client's
 * request timeout.
 */
public interface SortedSetBaseCommands {
    /** ZRANGE's option that returns the scores too. */
    String WITH_SCORES_VALKEY_API = "WITHSCORES";

    /** ZRANK's option that returns the score too. */
    String WITH_SCORE_VALKEY_API = "WITHSCORE";

    /** The option that bounds how many members ZMPOP/BZMPOP pop. */
    String COUNT_VALKEY_API = "COUNT";

    /** ZINTERCARD's option that stops counting at a limit. */
    String LIMIT_VALKEY_API = "LIMIT";

    /**
     * ZADD: adds the members with their scores or updates the scores of members already there, as
     * {@code options} allow; returns how many members were added, or with {@code changed} how many
     * were added or had their score changed ({@code CH}).
     */
    CompletableFuture<Long> zadd(String key, Map<String, Double> membersScoresMap, ZAddOptions options, boolean changed);

    /** ZADD with binary key and members. */
    CompletableFuture<Long> zadd(
            GlideString key, Map<GlideString, Double> membersScoresMap, ZAddOptions options, boolean changed);

    /** ZADD with options: how many members were added. */
    CompletableFuture<Long> zadd(String key, Map<String, Double> membersScoresMap, ZAddOptions options);

    /** ZADD with options, binary key and members. */
    CompletableFuture<Long> zadd(GlideString key, Map<GlideString, Double> membersScoresMap, ZAddOptions options);

    /** ZADD without options; {@code changed} counts updated scores too. */
    CompletableFuture<Long> zadd(String key, Map<String, Double> membersScoresMap, boolean changed);

    /** ZADD without options, binary key and members. */
    CompletableFuture<Long> zadd(GlideString key, Map<GlideString, Double> membersScoresMap, boolean changed);

    /** ZADD: adds the members or updates their scores; how many members were added. */
    CompletableFuture<Long> zadd(String key, Map<String, Double> membersScoresMap);

    /** ZADD with binary key and members. */
    CompletableFuture<Long> zadd(GlideString key, Map<GlideString, Double> membersScoresMap);

    /**
     * ZADD ... INCR: adds {@code increment} to the member's score (a new member starts at 0);
     * the new score, or null when {@code options} prevented the change.
     */
    CompletableFuture<Double> zaddIncr(String key, String member, double increment, ZAddOptions options);

    /** ZADD ... INCR with options, binary key and member. */
    CompletableFuture<Double> zaddIncr(GlideString key, GlideString member, double increment, ZAddOptions options);

    /** ZADD ... INCR: the member's new score. */
    CompletableFuture<Double> zaddIncr(String key, String member, double increment);

    /** ZADD ... INCR with binary key and member. */
    CompletableFuture<Double> zaddIncr(GlideString key, GlideString member, double increment);

    /** ZREM: how many of the members were there and were removed. */
    CompletableFuture<Long> zrem(String key, String[] members);

    /** ZREM with binary key and members. */
    CompletableFuture<Long> zrem(GlideString key, GlideString[] members);

    /** ZCARD: the number of members; 0 when the key does not exist. */
    CompletableFuture<Long> zcard(String key);

    /** ZCARD with a binary key. */
    CompletableFuture<Long> zcard(GlideString key);

    /** ZPOPMIN: removes and returns up to {@code count} members with the lowest scores, lowest first. */
    CompletableFuture<Map<String, Double>> zpopmin(String key, long count);

    /** ZPOPMIN with a count and a binary key. */
    CompletableFuture<Map<GlideString, Double>> zpopmin(GlideString key, long count);

    /** ZPOPMIN: removes and returns the member with the lowest score; an empty map when there is none. */
    CompletableFuture<Map<String, Double>> zpopmin(String key);

    /** ZPOPMIN with a binary key. */
    CompletableFuture<Map<GlideString, Double>> zpopmin(GlideString key);

    /**
     * BZPOPMIN: pops the lowest-scored member of the first non-empty set, waiting up to {@code
     * timeout} seconds (0: forever) for one; {@code [key, member, score]}, or null on timeout.
     */
    CompletableFuture<Object[]> bzpopmin(String[] keys, double timeout);

    /** BZPOPMIN with binary keys: key and member are GlideStrings. */
    CompletableFuture<Object[]> bzpopmin(GlideString[] keys, double timeout);

    /** ZPOPMAX: removes and returns up to {@code count} members with the highest scores, highest first. */
    CompletableFuture<Map<String, Double>> zpopmax(String key, long count);

    /** ZPOPMAX with a count and a binary key. */
    CompletableFuture<Map<GlideString, Double>> zpopmax(GlideString key, long count);

    /** ZPOPMAX: removes and returns the member with the highest score; an empty map when there is none. */
    CompletableFuture<Map<String, Double>> zpopmax(String key);

    /** ZPOPMAX with a binary key. */
    CompletableFuture<Map<GlideString, Double>> zpopmax(GlideString key);

    /**
     * BZPOPMAX: pops the highest-scored member of the first non-empty set, waiting up to {@code
     * timeout} seconds (0: forever) for one; {@code [key, member, score]}, or null on timeout.
     */
    CompletableFuture<Object[]> bzpopmax(String[] keys, double timeout);

    /** BZPOPMAX with binary keys: key and member are GlideStrings. */
    CompletableFuture<Object[]> bzpopmax(GlideString[] keys, double timeout);

    /** ZSCORE: the member's score, or null when it (or the key) does not exist. */
    CompletableFuture<Double> zscore(String key, String member);

    /** ZSCORE with binary key and member. */
    CompletableFuture<Double> zscore(GlideString key, GlideString member);

    /**
     * ZRANGE: the members in a range of ranks, scores ({@code BYSCORE}) or members ({@code
     * BYLEX}); {@code reverse} orders them from the highest score ({@code REV}).
     */
    CompletableFuture<String[]> zrange(String key, RangeQuery rangeQuery, boolean reverse);

    /** ZRANGE with a binary key. */
    CompletableFuture<GlideString[]> zrange(GlideString key, RangeQuery rangeQuery, boolean reverse);

    /** ZRANGE, lowest score first. */
    CompletableFuture<String[]> zrange(String key, RangeQuery rangeQuery);

    /** ZRANGE with a binary key, lowest score first. */
    CompletableFuture<GlideString[]> zrange(GlideString key, RangeQuery rangeQuery);

    /** ZRANGE ... WITHSCORES: the members of a range of ranks or scores with their scores, in order. */
    CompletableFuture<Map<String, Double>> zrangeWithScores(
            String key, ScoredRangeQuery rangeQuery, boolean reverse);

    /** ZRANGE ... WITHSCORES with a binary key. */
    CompletableFuture<Map<GlideString, Double>> zrangeWithScores(
            GlideString key, ScoredRangeQuery rangeQuery, boolean reverse);

    /** ZRANGE ... WITHSCORES, lowest score first. */
    CompletableFuture<Map<String, Double>> zrangeWithScores(String key, ScoredRangeQuery rangeQuery);

    /** ZRANGE ... WITHSCORES with a binary key, lowest score first. */
    CompletableFuture<Map<GlideString, Double>> zrangeWithScores(GlideString key, ScoredRangeQuery rangeQuery);

    /** ZRANGESTORE: stores a range of {@code source} in {@code destination}; how many members it holds. */
    CompletableFuture<Long> zrangestore(String destination, String source, RangeQuery rangeQuery, boolean reverse);

    /** ZRANGESTORE with binary keys. */
    CompletableFuture<Long> zrangestore(
            GlideString destination, GlideString source, RangeQuery rangeQuery, boolean reverse);

    /** ZRANGESTORE, lowest score first. */
    CompletableFuture<Long> zrangestore(String destination, String source, RangeQuery rangeQuery);

    /** ZRANGESTORE with binary keys, lowest score first. */
    CompletableFuture<Long> zrangestore(GlideString destination, GlideString source, RangeQuery rangeQuery);

    /** ZRANK: the member's rank from the lowest score (0 first), or null when it is not there. */
    CompletableFuture<Long> zrank(String key, String member);

    /** ZRANK with binary key and member. */
    CompletableFuture<Long> zrank(GlideString key, GlideString member);

    /**
     * ZRANK ... WITHSCORE (Valkey 7.2 and later): {@code [rank (Long), score (Double)]}, or null
     * when the member is not there.
     */
    CompletableFuture<Object[]> zrankWithScore(String key, String member);

    /** ZRANK ... WITHSCORE with binary key and member. */
    CompletableFuture<Object[]> zrankWithScore(GlideString key, GlideString member);

    /** ZREVRANK: the member's rank from the highest score (0 first), or null when it is not there. */
    CompletableFuture<Long> zrevrank(String key, String member);

    /** ZREVRANK with binary key and member. */
    CompletableFuture<Long> zrevrank(GlideString key, GlideString member);

    /**
     * ZREVRANK ... WITHSCORE (Valkey 7.2 and later): {@code [rank (Long), score (Double)]}, or
     * null when the member is not there.
     */
    CompletableFuture<Object[]> zrevrankWithScore(String key, String member);

    /** ZREVRANK ... WITHSCORE with binary key and member. */
    CompletableFuture<Object[]> zrevrankWithScore(GlideString key, GlideString member);

    /** ZMSCORE: each member's score in order, null for a member that is not there. */
    CompletableFuture<Double[]> zmscore(String key, String[] members);

    /** ZMSCORE with binary key and members. */
    CompletableFuture<Double[]> zmscore(GlideString key, GlideString[] members);

    /** ZDIFF: the members of the first set that are in none of the others, lowest score first. */
    CompletableFuture<String[]> zdiff(String[] keys);

    /** ZDIFF with binary keys. */
    CompletableFuture<GlideString[]> zdiff(GlideString[] keys);

    /** ZDIFF ... WITHSCORES: the difference with the first set's scores. */
    CompletableFuture<Map<String, Double>> zdiffWithScores(String[] keys);

    /** ZDIFF ... WITHSCORES with binary keys. */
    CompletableFuture<Map<GlideString, Double>> zdiffWithScores(GlideString[] keys);

    /** ZDIFFSTORE: stores the difference in {@code destination}; how many members it holds. */
    CompletableFuture<Long> zdiffstore(String destination, String[] keys);

    /** ZDIFFSTORE with binary keys. */
    CompletableFuture<Long> zdiffstore(GlideString destination, GlideString[] keys);

    /** ZCOUNT: how many members have a score between the two bounds. */
    CompletableFuture<Long> zcount(String key, ScoreRange minScore, ScoreRange maxScore);

    /** ZCOUNT with a binary key. */
    CompletableFuture<Long> zcount(GlideString key, ScoreRange minScore, ScoreRange maxScore);

    /** ZREMRANGEBYRANK: removes the members ranked {@code start} to {@code end}; how many. */
    CompletableFuture<Long> zremrangebyrank(String key, long start, long end);

    /** ZREMRANGEBYRANK with a binary key. */
    CompletableFuture<Long> zremrangebyrank(GlideString key, long start, long end);

    /** ZREMRANGEBYLEX: removes the members between two member bounds (members of equal score); how many. */
    CompletableFuture<Long> zremrangebylex(String key, LexRange minLex, LexRange maxLex);

    /** ZREMRANGEBYLEX with a binary key. */
    CompletableFuture<Long> zremrangebylex(GlideString key, LexRange minLex, LexRange maxLex);

    /** ZREMRANGEBYSCORE: removes the members with a score between the two bounds; how many. */
    CompletableFuture<Long> zremrangebyscore(String key, ScoreRange minScore, ScoreRange maxScore);

    /** ZREMRANGEBYSCORE with a binary key. */
    CompletableFuture<Long> zremrangebyscore(GlideString key, ScoreRange minScore, ScoreRange maxScore);

    /** ZLEXCOUNT: how many members lie between two member bounds (members of equal score). */
    CompletableFuture<Long> zlexcount(String key, LexRange minLex, LexRange maxLex);

    /** ZLEXCOUNT with a binary key. */
    CompletableFuture<Long> zlexcount(GlideString key, LexRange minLex, LexRange maxLex);

    /**
     * ZUNIONSTORE: stores the union of the (weighted) sets in {@code destination}, a member's
     * scores combined by {@code aggregate}; how many members it holds.
     */
    CompletableFuture<Long> zunionstore(String destination, KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate);

    /** ZUNIONSTORE with binary keys. */
    CompletableFuture<Long> zunionstore(
            GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate);

    /** ZUNIONSTORE, scores summed. */
    CompletableFuture<Long> zunionstore(String destination, KeysOrWeightedKeys keysOrWeightedKeys);

    /** ZUNIONSTORE with binary keys, scores summed. */
    CompletableFuture<Long> zunionstore(GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys);

    /**
     * ZINTERSTORE: stores the intersection of the (weighted) sets in {@code destination}, a
     * member's scores combined by {@code aggregate}; how many members it holds.
     */
    CompletableFuture<Long> zinterstore(String destination, KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate);

    /** ZINTERSTORE with binary keys. */
    CompletableFuture<Long> zinterstore(
            GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate);

    /** ZINTERSTORE, scores summed. */
    CompletableFuture<Long> zinterstore(String destination, KeysOrWeightedKeys keysOrWeightedKeys);

    /** ZINTERSTORE with binary keys, scores summed. */
    CompletableFuture<Long> zinterstore(GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys);

    /**
     * ZMPOP: pops the lowest ({@link ScoreFilter#MIN}) or highest-scored member of the first
     * non-empty set; {@code {key: {member: score}}}, or null when every set is empty.
     */
    CompletableFuture<Map<String, Object>> zmpop(String[] keys, ScoreFilter modifier);

    /** ZMPOP with binary keys: the map's key and members are GlideStrings. */
    CompletableFuture<Map<GlideString, Object>> zmpop(GlideString[] keys, ScoreFilter modifier);

    /** ZMPOP ... COUNT: pops up to {@code count} members of the first non-empty set. */
    CompletableFuture<Map<String, Object>> zmpop(String[] keys, ScoreFilter modifier, long count);

    /** ZMPOP ... COUNT with binary keys. */
    CompletableFuture<Map<GlideString, Object>> zmpop(GlideString[] keys, ScoreFilter modifier, long count);

    /**
     * BZMPOP: {@link #zmpop(String[], ScoreFilter)} that waits up to {@code timeout} seconds (0:
     * forever) for a member; null on timeout.
     */
    CompletableFuture<Map<String, Object>> bzmpop(String[] keys, ScoreFilter modifier, double timeout);

    /** BZMPOP with binary keys. */
    CompletableFuture<Map<GlideString, Object>> bzmpop(GlideString[] keys, ScoreFilter modifier, double timeout);

    /** BZMPOP ... COUNT: pops up to {@code count} members. */
    CompletableFuture<Map<String, Object>> bzmpop(String[] keys, ScoreFilter modifier, double timeout, long count);

    /** BZMPOP ... COUNT with binary keys. */
    CompletableFuture<Map<GlideString, Object>> bzmpop(
            GlideString[] keys, ScoreFilter modifier, double timeout, long count);

    /** ZUNION: the members of any of the sets, lowest (summed) score first. */
    CompletableFuture<String[]> zunion(KeyArray keys);

    /** ZUNION with binary keys. */
    CompletableFuture<GlideString[]> zunion(KeyArrayBinary keys);

    /** ZUNION ... WITHSCORES: the union with each member's scores combined by {@code aggregate}. */
    CompletableFuture<Map<String, Double>> zunionWithScores(KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate);

    /** ZUNION ... WITHSCORES with binary keys. */
    CompletableFuture<Map<GlideString, Double>> zunionWithScores(
            KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate);

    /** ZUNION ... WITHSCORES, scores summed. */
    CompletableFuture<Map<String, Double>> zunionWithScores(KeysOrWeightedKeys keysOrWeightedKeys);

    /** ZUNION ... WITHSCORES with binary keys, scores summed. */
    CompletableFuture<Map<GlideString, Double>> zunionWithScores(KeysOrWeightedKeysBinary keysOrWeightedKeys);

    /** ZINTER: the members found in every set, lowest (summed) score first. */
    CompletableFuture<String[]> zinter(KeyArray keys);

    /** ZINTER with binary keys. */
    CompletableFuture<GlideString[]> zinter(KeyArrayBinary keys);

    /** ZINTER ... WITHSCORES, scores summed. */
    CompletableFuture<Map<String, Double>> zinterWithScores(KeysOrWeightedKeys keysOrWeightedKeys);

    /** ZINTER ... WITHSCORES with binary keys, scores summed. */
    CompletableFuture<Map<GlideString, Double>> zinterWithScores(KeysOrWeightedKeysBinary keysOrWeightedKeys);

    /** ZINTER ... WITHSCORES: the intersection with each member's scores combined by {@code aggregate}. */
    CompletableFuture<Map<String, Double>> zinterWithScores(KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate);

    /** ZINTER ... WITHSCORES with binary keys. */
    CompletableFuture<Map<GlideString, Double>> zinterWithScores(
            KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate);

    /** ZRANDMEMBER: a random member, or null when the key does not exist. */
    CompletableFuture<String> zrandmember(String key);

    /** ZRANDMEMBER with a binary key. */
    CompletableFuture<GlideString> zrandmember(GlideString key);

    /**
     * ZRANDMEMBER with a count: up to {@code count} distinct random members, or with a negative
     * count exactly {@code -count} members that may repeat.
     */
    CompletableFuture<String[]> zrandmemberWithCount(String key, long count);

    /** ZRANDMEMBER with a count and a binary key. */
    CompletableFuture<GlideString[]> zrandmemberWithCount(GlideString key, long count);

    /** ZRANDMEMBER ... WITHSCORES: random members as {@code [member, score]} pairs (they may repeat). */
    CompletableFuture<Object[][]> zrandmemberWithCountWithScores(String key, long count);

    /** ZRANDMEMBER ... WITHSCORES with a binary key: members are GlideStrings. */
    CompletableFuture<Object[][]> zrandmemberWithCountWithScores(GlideString key, long count);

    /** ZINCRBY: adds {@code increment} to the member's score (a new member starts at 0); the new score. */
    CompletableFuture<Double> zincrby(String key, double increment, String member);

    /** ZINCRBY with binary key and member. */
    CompletableFuture<Double> zincrby(GlideString key, double increment, GlideString member);

    /** ZINTERCARD: how many members the intersection of the sets has. */
    CompletableFuture<Long> zintercard(String[] keys);

    /** ZINTERCARD with binary keys. */
    CompletableFuture<Long> zintercard(GlideString[] keys);

    /** ZINTERCARD ... LIMIT: counts up to {@code limit} (0: no limit). */
    CompletableFuture<Long> zintercard(String[] keys, long limit);

    /** ZINTERCARD ... LIMIT with binary keys. */
    CompletableFuture<Long> zintercard(GlideString[] keys, long limit);

    /**
     * ZSCAN: one step of an iteration over the members; start with cursor {@code "0"} and stop when
     * the returned cursor is {@code "0"}. Returns {@code {String cursor, String[] [member, score,
     * member, score...]}} (scores as the server prints them).
     */
    CompletableFuture<Object[]> zscan(String key, String cursor);

    /** ZSCAN with binary key and cursor: {@code {GlideString cursor, GlideString[] elements}}. */
    CompletableFuture<Object[]> zscan(GlideString key, GlideString cursor);

    /** ZSCAN with MATCH, COUNT or NOSCORES (members only). */
    CompletableFuture<Object[]> zscan(String key, String cursor, ZScanOptions zScanOptions);

    /** ZSCAN with options and a binary key, cursor and pattern. */
    CompletableFuture<Object[]> zscan(GlideString key, GlideString cursor, ZScanOptionsBinary zScanOptions);
}
