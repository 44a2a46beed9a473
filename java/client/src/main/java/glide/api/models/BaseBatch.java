package glide.api.models;

import glide.api.BaseClient;
import glide.internal.BatchCommands;
import glide.internal.BatchRecorders;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;

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
 * <p>Each method records what the client method of the same name would send, through a client
 * whose commands go to this batch (see {@link BatchCommands}): the arguments are built in one
 * place for both.
 *
 * @param <T> the concrete batch class, returned by every builder method
 */
public abstract class BaseBatch<T extends BaseBatch<T>> {
    /** Whether results keep bulk strings as {@link GlideString}. */
    protected boolean binaryOutput;

    private final boolean atomic;
    private final BatchCommands commands = new BatchCommands();
    private final BaseClient recorder;

    protected BaseBatch(boolean isAtomic) {
        this.atomic = isAtomic;
        this.recorder = (BaseClient) BatchRecorders.recorder(this instanceof ClusterBatch, commands);
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

    /** Records the one command {@code call} makes on the recorder client. */
    protected T record(Function<BaseClient, ? extends CompletableFuture<?>> call) {
        commands.record(() -> call.apply(recorder));
        return getThis();
    }

    /** {@code arg} as a {@link GlideString}: the byte-exact form every recorded method takes. */
    protected static GlideString gs(Object arg) {
        if (arg instanceof GlideString) {
            return (GlideString) arg;
        }
        if (arg instanceof String) {
            return GlideString.of((String) arg);
        }
        throw new IllegalArgumentException(
                "batch arguments must be String or GlideString, not "
                        + (arg == null ? "null" : arg.getClass().getName()));
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
        return record(c -> c.zadd(gs(key), gsKeys(membersScoresMap), options, changed));
    }

    /** Queues ZADD with options; result: the count of members added. */
    public <ArgType> T zadd(
            ArgType key, java.util.Map<ArgType, Double> membersScoresMap, glide.api.models.commands.ZAddOptions options) {
        return record(c -> c.zadd(gs(key), gsKeys(membersScoresMap), options));
    }

    /** Queues ZADD (with CH if {@code changed}); result: the count added (or changed). */
    public <ArgType> T zadd(ArgType key, java.util.Map<ArgType, Double> membersScoresMap, boolean changed) {
        return record(c -> c.zadd(gs(key), gsKeys(membersScoresMap), changed));
    }

    /** Queues ZADD; result: the count of members added. */
    public <ArgType> T zadd(ArgType key, java.util.Map<ArgType, Double> membersScoresMap) {
        return record(c -> c.zadd(gs(key), gsKeys(membersScoresMap)));
    }

    /** Queues ZADD ... INCR with options; result: the member's new score, or null if not applied. */
    public <ArgType> T zaddIncr(
            ArgType key, ArgType member, double increment, glide.api.models.commands.ZAddOptions options) {
        return record(c -> c.zaddIncr(gs(key), gs(member), increment, options));
    }

    /** Queues ZADD ... INCR; result: the member's new score. */
    public <ArgType> T zaddIncr(ArgType key, ArgType member, double increment) {
        return record(c -> c.zaddIncr(gs(key), gs(member), increment));
    }

    /** Queues ZREM; result: the count of members removed. */
    public <ArgType> T zrem(ArgType key, ArgType[] members) {
        return record(c -> c.zrem(gs(key), gs(members)));
    }

    /** Queues ZCARD; result: the set's cardinality. */
    public <ArgType> T zcard(ArgType key) {
        return record(c -> c.zcard(gs(key)));
    }

    /** Queues ZPOPMIN with a count; result: the popped members and scores. */
    public <ArgType> T zpopmin(ArgType key, long count) {
        return record(c -> c.zpopmin(gs(key), count));
    }

    /** Queues ZPOPMIN; result: the popped member and its score. */
    public <ArgType> T zpopmin(ArgType key) {
        return record(c -> c.zpopmin(gs(key)));
    }

    /** Queues ZRANDMEMBER; result: a random member, or null. */
    public <ArgType> T zrandmember(ArgType key) {
        return record(c -> c.zrandmember(gs(key)));
    }

    /** Queues ZRANDMEMBER with a count; result: the random members. */
    public <ArgType> T zrandmemberWithCount(ArgType key, long count) {
        return record(c -> c.zrandmemberWithCount(gs(key), count));
    }

    /** Queues ZRANDMEMBER ... WITHSCORES; result: member/score pairs. */
    public <ArgType> T zrandmemberWithCountWithScores(ArgType key, long count) {
        return record(c -> c.zrandmemberWithCountWithScores(gs(key), count));
    }

    /** Queues ZINCRBY; result: the member's new score. */
    public <ArgType> T zincrby(ArgType key, double increment, ArgType member) {
        return record(c -> c.zincrby(gs(key), increment, gs(member)));
    }

    /** Queues BZPOPMIN; result: key, member and score, or null on timeout. */
    public <ArgType> T bzpopmin(ArgType[] keys, double timeout) {
        return record(c -> c.bzpopmin(gs(keys), timeout));
    }

    /** Queues ZPOPMAX with a count; result: the popped members and scores. */
    public <ArgType> T zpopmax(ArgType key, long count) {
        return record(c -> c.zpopmax(gs(key), count));
    }

    /** Queues ZPOPMAX; result: the popped member and its score. */
    public <ArgType> T zpopmax(ArgType key) {
        return record(c -> c.zpopmax(gs(key)));
    }

    /** Queues BZPOPMAX; result: key, member and score, or null on timeout. */
    public <ArgType> T bzpopmax(ArgType[] keys, double timeout) {
        return record(c -> c.bzpopmax(gs(keys), timeout));
    }

    /** Queues ZSCORE; result: the member's score, or null. */
    public <ArgType> T zscore(ArgType key, ArgType member) {
        return record(c -> c.zscore(gs(key), gs(member)));
    }

    /** Queues ZRANK; result: the member's rank (ascending), or null. */
    public <ArgType> T zrank(ArgType key, ArgType member) {
        return record(c -> c.zrank(gs(key), gs(member)));
    }

    /** Queues ZRANK ... WITHSCORE; result: rank and score, or null. */
    public <ArgType> T zrankWithScore(ArgType key, ArgType member) {
        return record(c -> c.zrankWithScore(gs(key), gs(member)));
    }

    /** Queues ZREVRANK; result: the member's rank (descending), or null. */
    public <ArgType> T zrevrank(ArgType key, ArgType member) {
        return record(c -> c.zrevrank(gs(key), gs(member)));
    }

    /** Queues ZREVRANK ... WITHSCORE; result: rank and score, or null. */
    public <ArgType> T zrevrankWithScore(ArgType key, ArgType member) {
        return record(c -> c.zrevrankWithScore(gs(key), gs(member)));
    }

    /** Queues ZMSCORE; result: each member's score (null where missing). */
    public <ArgType> T zmscore(ArgType key, ArgType[] members) {
        return record(c -> c.zmscore(gs(key), gs(members)));
    }

    /** Queues ZDIFF; result: the members of the first set not in the others. */
    public <ArgType> T zdiff(ArgType[] keys) {
        return record(c -> c.zdiff(gs(keys)));
    }

    /** Queues ZDIFF ... WITHSCORES; result: members of the difference with their scores. */
    public <ArgType> T zdiffWithScores(ArgType[] keys) {
        return record(c -> c.zdiffWithScores(gs(keys)));
    }

    /** Queues ZDIFFSTORE; result: the size of the stored set. */
    public <ArgType> T zdiffstore(ArgType destination, ArgType[] keys) {
        return record(c -> c.zdiffstore(gs(destination), gs(keys)));
    }

    /** Queues ZCOUNT; result: the count of members scored within the range. */
    public <ArgType> T zcount(
            ArgType key,
            glide.api.models.commands.RangeOptions.ScoreRange minScore,
            glide.api.models.commands.RangeOptions.ScoreRange maxScore) {
        return record(c -> c.zcount(gs(key), minScore, maxScore));
    }

    /** Queues ZREMRANGEBYRANK; result: the count of members removed. */
    public <ArgType> T zremrangebyrank(ArgType key, long start, long end) {
        return record(c -> c.zremrangebyrank(gs(key), start, end));
    }

    /** Queues ZRANGESTORE (REV if {@code reverse}); result: the size of the stored set. */
    public <ArgType> T zrangestore(
            ArgType destination, ArgType source, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery,
            boolean reverse) {
        return record(c -> c.zrangestore(gs(destination), gs(source), rangeQuery, reverse));
    }

    /** Queues ZRANGESTORE; result: the size of the stored set. */
    public <ArgType> T zrangestore(
            ArgType destination, ArgType source, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery) {
        return record(c -> c.zrangestore(gs(destination), gs(source), rangeQuery));
    }

    /** Queues ZREMRANGEBYLEX; result: the count of members removed. */
    public <ArgType> T zremrangebylex(
            ArgType key,
            glide.api.models.commands.RangeOptions.LexRange minLex,
            glide.api.models.commands.RangeOptions.LexRange maxLex) {
        return record(c -> c.zremrangebylex(gs(key), minLex, maxLex));
    }

    /** Queues ZREMRANGEBYSCORE; result: the count of members removed. */
    public <ArgType> T zremrangebyscore(
            ArgType key,
            glide.api.models.commands.RangeOptions.ScoreRange minScore,
            glide.api.models.commands.RangeOptions.ScoreRange maxScore) {
        return record(c -> c.zremrangebyscore(gs(key), minScore, maxScore));
    }

    /** Queues ZLEXCOUNT; result: the count of members within the lexicographic range. */
    public <ArgType> T zlexcount(
            ArgType key,
            glide.api.models.commands.RangeOptions.LexRange minLex,
            glide.api.models.commands.RangeOptions.LexRange maxLex) {
        return record(c -> c.zlexcount(gs(key), minLex, maxLex));
    }

    /** Queues ZUNIONSTORE with an aggregation; result: the size of the stored set. */
    public T zunionstore(
            String destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zunionstore(destination, keysOrWeightedKeys, aggregate));
    }

    /** Queues ZUNIONSTORE with an aggregation (binary keys); result: the size of the stored set. */
    public T zunionstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zunionstore(destination, keysOrWeightedKeys, aggregate));
    }

    /** Queues ZUNIONSTORE; result: the size of the stored set. */
    public T zunionstore(
            String destination, glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return record(c -> c.zunionstore(destination, keysOrWeightedKeys));
    }

    /** Queues ZUNIONSTORE (binary keys); result: the size of the stored set. */
    public T zunionstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return record(c -> c.zunionstore(destination, keysOrWeightedKeys));
    }

    /** Queues ZINTERSTORE with an aggregation; result: the size of the stored set. */
    public T zinterstore(
            String destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zinterstore(destination, keysOrWeightedKeys, aggregate));
    }

    /** Queues ZINTERSTORE with an aggregation (binary keys); result: the size of the stored set. */
    public T zinterstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zinterstore(destination, keysOrWeightedKeys, aggregate));
    }

    /** Queues ZINTERCARD; result: the cardinality of the intersection. */
    public <ArgType> T zintercard(ArgType[] keys) {
        return record(c -> c.zintercard(gs(keys)));
    }

    /** Queues ZINTERCARD ... LIMIT; result: the cardinality of the intersection, capped. */
    public <ArgType> T zintercard(ArgType[] keys, long limit) {
        return record(c -> c.zintercard(gs(keys), limit));
    }

    /** Queues ZINTERSTORE; result: the size of the stored set. */
    public T zinterstore(
            String destination, glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return record(c -> c.zinterstore(destination, keysOrWeightedKeys));
    }

    /** Queues ZINTERSTORE (binary keys); result: the size of the stored set. */
    public T zinterstore(
            GlideString destination,
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return record(c -> c.zinterstore(destination, keysOrWeightedKeys));
    }

    /** Queues ZUNION; result: the members of the union. */
    public T zunion(glide.api.models.commands.WeightAggregateOptions.KeyArray keys) {
        return record(c -> c.zunion(keys));
    }

    /** Queues ZUNION (binary keys); result: the members of the union. */
    public T zunion(glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary keys) {
        return record(c -> c.zunion(keys));
    }

    /** Queues ZUNION ... WITHSCORES with an aggregation; result: members and scores. */
    public T zunionWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zunionWithScores(keysOrWeightedKeys, aggregate));
    }

    /** Queues ZUNION ... WITHSCORES with an aggregation (binary keys); result: members and scores. */
    public T zunionWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zunionWithScores(keysOrWeightedKeys, aggregate));
    }

    /** Queues ZUNION ... WITHSCORES; result: members and scores. */
    public T zunionWithScores(glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return record(c -> c.zunionWithScores(keysOrWeightedKeys));
    }

    /** Queues ZUNION ... WITHSCORES (binary keys); result: members and scores. */
    public T zunionWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return record(c -> c.zunionWithScores(keysOrWeightedKeys));
    }

    /** Queues ZINTER; result: the members of the intersection. */
    public T zinter(glide.api.models.commands.WeightAggregateOptions.KeyArray keys) {
        return record(c -> c.zinter(keys));
    }

    /** Queues ZINTER (binary keys); result: the members of the intersection. */
    public T zinter(glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary keys) {
        return record(c -> c.zinter(keys));
    }

    /** Queues ZINTER ... WITHSCORES; result: members and scores. */
    public T zinterWithScores(glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys) {
        return record(c -> c.zinterWithScores(keysOrWeightedKeys));
    }

    /** Queues ZINTER ... WITHSCORES (binary keys); result: members and scores. */
    public T zinterWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return record(c -> c.zinterWithScores(keysOrWeightedKeys));
    }

    /** Queues ZINTER ... WITHSCORES with an aggregation; result: members and scores. */
    public T zinterWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zinterWithScores(keysOrWeightedKeys, aggregate));
    }

    /** Queues ZINTER ... WITHSCORES with an aggregation (binary keys); result: members and scores. */
    public T zinterWithScores(
            glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary keysOrWeightedKeys,
            glide.api.models.commands.WeightAggregateOptions.Aggregate aggregate) {
        return record(c -> c.zinterWithScores(keysOrWeightedKeys, aggregate));
    }

    /** Queues ZRANGE (REV if {@code reverse}); result: the members in range. */
    public <ArgType> T zrange(ArgType key, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery, boolean reverse) {
        return record(c -> c.zrange(gs(key), rangeQuery, reverse));
    }

    /** Queues ZRANGE; result: the members in range. */
    public <ArgType> T zrange(ArgType key, glide.api.models.commands.RangeOptions.RangeQuery rangeQuery) {
        return record(c -> c.zrange(gs(key), rangeQuery));
    }

    /** Queues ZRANGE ... WITHSCORES (REV if {@code reverse}); result: members and scores. */
    public <ArgType> T zrangeWithScores(
            ArgType key, glide.api.models.commands.RangeOptions.ScoredRangeQuery rangeQuery, boolean reverse) {
        return record(c -> c.zrangeWithScores(gs(key), rangeQuery, reverse));
    }

    /** Queues ZRANGE ... WITHSCORES; result: members and scores. */
    public <ArgType> T zrangeWithScores(ArgType key, glide.api.models.commands.RangeOptions.ScoredRangeQuery rangeQuery) {
        return record(c -> c.zrangeWithScores(gs(key), rangeQuery));
    }

    /** Queues ZMPOP; result: the key popped from and its members with scores, or null. */
    public <ArgType> T zmpop(ArgType[] keys, glide.api.models.commands.ScoreFilter modifier) {
        return record(c -> c.zmpop(gs(keys), modifier));
    }

    /** Queues ZMPOP ... COUNT; result: the key popped from and its members with scores, or null. */
    public <ArgType> T zmpop(ArgType[] keys, glide.api.models.commands.ScoreFilter modifier, long count) {
        return record(c -> c.zmpop(gs(keys), modifier, count));
    }

    /** Queues BZMPOP; result: the key popped from and its members with scores, or null on timeout. */
    public <ArgType> T bzmpop(ArgType[] keys, glide.api.models.commands.ScoreFilter modifier, double timeout) {
        return record(c -> c.bzmpop(gs(keys), modifier, timeout));
    }

    /** Queues BZMPOP ... COUNT; result: the key popped from and its members with scores, or null. */
    public <ArgType> T bzmpop(
            ArgType[] keys, glide.api.models.commands.ScoreFilter modifier, double timeout, long count) {
        return record(c -> c.bzmpop(gs(keys), modifier, timeout, count));
    }

    /** Queues ZSCAN; result: the next cursor and a flat array of members and scores. */
    public <ArgType> T zscan(ArgType key, ArgType cursor) {
        return record(c -> c.zscan(gs(key), gs(cursor)));
    }

    /** Queues ZSCAN with options; result: the next cursor and a flat array of members (and scores). */
    public <ArgType> T zscan(ArgType key, ArgType cursor, glide.api.models.commands.scan.ZScanOptions zScanOptions) {
        return record(c -> c.zscan(gs(key), gs(cursor), zScanBinary(zScanOptions)));
    }

    // ---- geo ----

    /** Queues GEOADD with options; result: the count of members added (or changed, with CH). */
    public <ArgType> T geoadd(
            ArgType key,
            java.util.Map<ArgType, glide.api.models.commands.geospatial.GeospatialData> membersToGeospatialData,
            glide.api.models.commands.geospatial.GeoAddOptions options) {
        return record(c -> c.geoadd(gs(key), gsKeys(membersToGeospatialData), options));
    }

    /** Queues GEOADD; result: the count of members added. */
    public <ArgType> T geoadd(
            ArgType key, java.util.Map<ArgType, glide.api.models.commands.geospatial.GeospatialData> membersToGeospatialData) {
        return record(c -> c.geoadd(gs(key), gsKeys(membersToGeospatialData)));
    }

    /** Queues GEOPOS; result: each member's longitude and latitude (null where missing). */
    public <ArgType> T geopos(ArgType key, ArgType[] members) {
        return record(c -> c.geopos(gs(key), gs(members)));
    }

    /** Queues GEODIST in a unit; result: the distance, or null. */
    public <ArgType> T geodist(
            ArgType key, ArgType member1, ArgType member2, glide.api.models.commands.geospatial.GeoUnit geoUnit) {
        return record(c -> c.geodist(gs(key), gs(member1), gs(member2), geoUnit));
    }

    /** Queues GEODIST (meters); result: the distance, or null. */
    public <ArgType> T geodist(ArgType key, ArgType member1, ArgType member2) {
        return record(c -> c.geodist(gs(key), gs(member1), gs(member2)));
    }

    /** Queues GEOHASH; result: each member's geohash (null where missing). */
    public <ArgType> T geohash(ArgType key, ArgType[] members) {
        return record(c -> c.geohash(gs(key), gs(members)));
    }

    /** Queues GEOSEARCH; result: the matching members. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy) {
        return record(c -> c.geosearch(gs(key), searchFrom, searchBy));
    }

    /** Queues GEOSEARCH with COUNT/ordering; result: the matching members. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        return record(c -> c.geosearch(gs(key), searchFrom, searchBy, resultOptions));
    }

    /** Queues GEOSEARCH WITHDIST/WITHCOORD/WITHHASH; result: members with the asked details. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchOptions options) {
        return record(c -> c.geosearch(gs(key), searchFrom, searchBy, options));
    }

    /** Queues GEOSEARCH with details and COUNT/ordering; result: members with the asked details. */
    public <ArgType> T geosearch(
            ArgType key,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchOptions options,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        return record(c -> c.geosearch(gs(key), searchFrom, searchBy, options, resultOptions));
    }

    /** Queues GEOSEARCHSTORE; result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy) {
        return record(c -> c.geosearchstore(gs(destination), gs(source), searchFrom, searchBy));
    }

    /** Queues GEOSEARCHSTORE with COUNT/ordering; result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        return record(c -> c.geosearchstore(gs(destination), gs(source), searchFrom, searchBy, resultOptions));
    }

    /** Queues GEOSEARCHSTORE (STOREDIST if asked); result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchStoreOptions options) {
        return record(c -> c.geosearchstore(gs(destination), gs(source), searchFrom, searchBy, options));
    }

    /** Queues GEOSEARCHSTORE with STOREDIST and COUNT/ordering; result: the count of members stored. */
    public <ArgType> T geosearchstore(
            ArgType destination,
            ArgType source,
            glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin searchFrom,
            glide.api.models.commands.geospatial.GeoSearchShape searchBy,
            glide.api.models.commands.geospatial.GeoSearchStoreOptions options,
            glide.api.models.commands.geospatial.GeoSearchResultOptions resultOptions) {
        return record(c -> c.geosearchstore(gs(destination), gs(source), searchFrom, searchBy, options, resultOptions));
    }

    // ---- streams ----

    /** Queues XADD of {@code values} (ID {@code *}); result: the new entry's ID. */
    public <ArgType> T xadd(ArgType key, java.util.Map<ArgType, ArgType> values) {
        return record(c -> c.xadd(gs(key), gsMap(values)));
    }

    /** Queues XADD of field/value pairs (ID {@code *}); result: the new entry's ID. */
    public <ArgType> T xadd(ArgType key, ArgType[][] values) {
        return record(c -> c.xadd(gs(key), gsPairs(values)));
    }

    /** Queues XADD with options; result: the new entry's ID, or null (NOMKSTREAM, no stream). */
    public <ArgType> T xadd(
            ArgType key, java.util.Map<ArgType, ArgType> values, glide.api.models.commands.stream.StreamAddOptions options) {
        return record(c -> c.xadd(gs(key), gsMap(values), streamAddBinary(options)));
    }

    /** Queues XADD of field/value pairs with options; result: the new entry's ID, or null. */
    public <ArgType> T xadd(
            ArgType key, ArgType[][] values, glide.api.models.commands.stream.StreamAddOptions options) {
        return record(c -> c.xadd(gs(key), gsPairs(values), streamAddBinary(options)));
    }

    /** Queues XREAD of each stream after its ID; result: entries per stream, or null. */
    public <ArgType> T xread(java.util.Map<ArgType, ArgType> keysAndIds) {
        return record(c -> c.xreadBinary(gsMap(keysAndIds)));
    }

    /** Queues XREAD with COUNT/BLOCK; result: entries per stream, or null. */
    public <ArgType> T xread(
            java.util.Map<ArgType, ArgType> keysAndIds, glide.api.models.commands.stream.StreamReadOptions options) {
        return record(c -> c.xreadBinary(gsMap(keysAndIds), options));
    }

    /** Queues XTRIM; result: the count of entries removed. */
    public <ArgType> T xtrim(ArgType key, glide.api.models.commands.stream.StreamTrimOptions options) {
        return record(c -> c.xtrim(gs(key), options));
    }

    /** Queues XLEN; result: the count of entries. */
    public <ArgType> T xlen(ArgType key) {
        return record(c -> c.xlen(gs(key)));
    }

    /** Queues XDEL; result: the count of entries deleted. */
    public <ArgType> T xdel(ArgType key, ArgType[] ids) {
        return record(c -> c.xdel(gs(key), gs(ids)));
    }

    /** Queues XRANGE; result: the entries in range, by ID. */
    public <ArgType> T xrange(
            ArgType key, glide.api.models.commands.stream.StreamRange start, glide.api.models.commands.stream.StreamRange end) {
        return record(c -> c.xrange(gs(key), start, end));
    }

    /** Queues XRANGE ... COUNT; result: at most {@code count} entries in range, by ID. */
    public <ArgType> T xrange(
            ArgType key,
            glide.api.models.commands.stream.StreamRange start,
            glide.api.models.commands.stream.StreamRange end,
            long count) {
        return record(c -> c.xrange(gs(key), start, end, count));
    }

    /** Queues XREVRANGE; result: the entries in range, newest first. */
    public <ArgType> T xrevrange(
            ArgType key, glide.api.models.commands.stream.StreamRange end, glide.api.models.commands.stream.StreamRange start) {
        return record(c -> c.xrevrange(gs(key), end, start));
    }

    /** Queues XREVRANGE ... COUNT; result: at most {@code count} entries, newest first. */
    public <ArgType> T xrevrange(
            ArgType key,
            glide.api.models.commands.stream.StreamRange end,
            glide.api.models.commands.stream.StreamRange start,
            long count) {
        return record(c -> c.xrevrange(gs(key), end, start, count));
    }

    /** Queues XGROUP CREATE; result: {@code OK}. */
    public <ArgType> T xgroupCreate(ArgType key, ArgType groupName, ArgType id) {
        return record(c -> c.xgroupCreate(gs(key), gs(groupName), gs(id)));
    }

    /** Queues XGROUP CREATE with MKSTREAM/ENTRIESREAD; result: {@code OK}. */
    public <ArgType> T xgroupCreate(
            ArgType key, ArgType groupName, ArgType id, glide.api.models.commands.stream.StreamGroupOptions options) {
        return record(c -> c.xgroupCreate(gs(key), gs(groupName), gs(id), options));
    }

    /** Queues XGROUP DESTROY; result: whether the group was destroyed. */
    public <ArgType> T xgroupDestroy(ArgType key, ArgType groupName) {
        return record(c -> c.xgroupDestroy(gs(key), gs(groupName)));
    }

    /** Queues XGROUP CREATECONSUMER; result: whether the consumer was created. */
    public <ArgType> T xgroupCreateConsumer(ArgType key, ArgType group, ArgType consumer) {
        return record(c -> c.xgroupCreateConsumer(gs(key), gs(group), gs(consumer)));
    }

    /** Queues XGROUP DELCONSUMER; result: the count of the consumer's pending entries. */
    public <ArgType> T xgroupDelConsumer(ArgType key, ArgType group, ArgType consumer) {
        return record(c -> c.xgroupDelConsumer(gs(key), gs(group), gs(consumer)));
    }

    /** Queues XGROUP SETID; result: {@code OK}. */
    public <ArgType> T xgroupSetId(ArgType key, ArgType groupName, ArgType id) {
        return record(c -> c.xgroupSetId(gs(key), gs(groupName), gs(id)));
    }

    /** Queues XGROUP SETID ... ENTRIESREAD; result: {@code OK}. */
    public <ArgType> T xgroupSetId(ArgType key, ArgType groupName, ArgType id, long entriesRead) {
        return record(c -> c.xgroupSetId(gs(key), gs(groupName), gs(id), entriesRead));
    }

    /** Queues XREADGROUP; result: entries per stream, or null. */
    public <ArgType> T xreadgroup(java.util.Map<ArgType, ArgType> keysAndIds, ArgType group, ArgType consumer) {
        return record(c -> c.xreadgroup(gsMap(keysAndIds), gs(group), gs(consumer)));
    }

    /** Queues XREADGROUP with COUNT/BLOCK/NOACK; result: entries per stream, or null. */
    public <ArgType> T xreadgroup(
            java.util.Map<ArgType, ArgType> keysAndIds,
            ArgType group,
            ArgType consumer,
            glide.api.models.commands.stream.StreamReadGroupOptions options) {
        return record(c -> c.xreadgroup(gsMap(keysAndIds), gs(group), gs(consumer), options));
    }

    /** Queues XACK; result: the count of entries acknowledged. */
    public <ArgType> T xack(ArgType key, ArgType group, ArgType[] ids) {
        return record(c -> c.xack(gs(key), gs(group), gs(ids)));
    }

    /** Queues XPENDING (summary form); result: count, lowest and highest IDs, per-consumer counts. */
    public <ArgType> T xpending(ArgType key, ArgType group) {
        return record(c -> c.xpending(gs(key), gs(group)));
    }

    /** Queues XPENDING (extended form); result: one array per pending entry. */
    public <ArgType> T xpending(
            ArgType key,
            ArgType group,
            glide.api.models.commands.stream.StreamRange start,
            glide.api.models.commands.stream.StreamRange end,
            long count) {
        return record(c -> c.xpending(gs(key), gs(group), start, end, count));
    }

    /** Queues XPENDING (extended form, IDLE/consumer); result: one array per pending entry. */
    public <ArgType> T xpending(
            ArgType key,
            ArgType group,
            glide.api.models.commands.stream.StreamRange start,
            glide.api.models.commands.stream.StreamRange end,
            long count,
            glide.api.models.commands.stream.StreamPendingOptions options) {
        return record(c -> c.xpending(gs(key), gs(group), start, end, count, pendingBinary(options, start, end, count)));
    }

    /** Queues XINFO STREAM; result: the stream's details. */
    public <ArgType> T xinfoStream(ArgType key) {
        return record(c -> c.xinfoStream(gs(key)));
    }

    /** Queues XINFO STREAM ... FULL; result: the stream's full details. */
    public <ArgType> T xinfoStreamFull(ArgType key) {
        return record(c -> c.xinfoStreamFull(gs(key)));
    }

    /** Queues XINFO STREAM ... FULL COUNT; result: the stream's full details, entries capped. */
    public <ArgType> T xinfoStreamFull(ArgType key, int count) {
        return record(c -> c.xinfoStreamFull(gs(key), count));
    }

    /** Queues XCLAIM; result: the claimed entries, by ID. */
    public <ArgType> T xclaim(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType[] ids) {
        return record(c -> c.xclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids)));
    }

    /** Queues XCLAIM with options; result: the claimed entries, by ID. */
    public <ArgType> T xclaim(
            ArgType key,
            ArgType group,
            ArgType consumer,
            long minIdleTime,
            ArgType[] ids,
            glide.api.models.commands.stream.StreamClaimOptions options) {
        return record(c -> c.xclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids), options));
    }

    /** Queues XCLAIM ... JUSTID; result: the claimed IDs. */
    public <ArgType> T xclaimJustId(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType[] ids) {
        return record(c -> c.xclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids)));
    }

    /** Queues XCLAIM ... JUSTID with options; result: the claimed IDs. */
    public <ArgType> T xclaimJustId(
            ArgType key,
            ArgType group,
            ArgType consumer,
            long minIdleTime,
            ArgType[] ids,
            glide.api.models.commands.stream.StreamClaimOptions options) {
        return record(c -> c.xclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(ids), options));
    }

    /** Queues XINFO GROUPS; result: one map per consumer group. */
    public <ArgType> T xinfoGroups(ArgType key) {
        return record(c -> c.xinfoGroups(gs(key)));
    }

    /** Queues XINFO CONSUMERS; result: one map per consumer of the group. */
    public <ArgType> T xinfoConsumers(ArgType key, ArgType groupName) {
        return record(c -> c.xinfoConsumers(gs(key), gs(groupName)));
    }

    /** Queues XAUTOCLAIM; result: the next start ID, the claimed entries and the deleted IDs. */
    public <ArgType> T xautoclaim(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start) {
        return record(c -> c.xautoclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(start)));
    }

    /** Queues XAUTOCLAIM ... COUNT; result: the next start ID, the claimed entries, the deleted IDs. */
    public <ArgType> T xautoclaim(
            ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start, long count) {
        return record(c -> c.xautoclaim(gs(key), gs(group), gs(consumer), minIdleTime, gs(start), count));
    }

    /** Queues XAUTOCLAIM ... JUSTID; result: the next start ID, the claimed IDs, the deleted IDs. */
    public <ArgType> T xautoclaimJustId(ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start) {
        return record(c -> c.xautoclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(start)));
    }

    /** Queues XAUTOCLAIM ... COUNT ... JUSTID; result: the next start ID, claimed IDs, deleted IDs. */
    public <ArgType> T xautoclaimJustId(
            ArgType key, ArgType group, ArgType consumer, long minIdleTime, ArgType start, long count) {
        return record(c -> c.xautoclaimJustId(gs(key), gs(group), gs(consumer), minIdleTime, gs(start), count));
    }

    // ---- functions ----

    /** Queues FUNCTION LOAD (REPLACE if {@code replace}); result: the library's name. */
    public <ArgType> T functionLoad(ArgType libraryCode, boolean replace) {
        return record(c -> c.functionLoad(gs(libraryCode), replace));
    }

    /** Queues FUNCTION LIST (WITHCODE if {@code withCode}); result: one map per library. */
    public T functionList(boolean withCode) {
        return record(c -> c.functionListBinary(withCode));
    }

    /** Queues FUNCTION LIST LIBRARYNAME; result: one map per matching library. */
    public <ArgType> T functionList(ArgType libNamePattern, boolean withCode) {
        return record(c -> c.functionListBinary(gs(libNamePattern), withCode));
    }

    /** Queues FCALL with keys and arguments; result: the function's return value. */
    public <ArgType> T fcall(ArgType function, ArgType[] keys, ArgType[] arguments) {
        return record(c -> c.fcall(gs(function), gs(keys), gs(arguments)));
    }

    /** Queues FCALL with no keys; result: the function's return value. */
    public <ArgType> T fcall(ArgType function, ArgType[] arguments) {
        return record(c -> c.fcall(gs(function), new GlideString[0], gs(arguments)));
    }

    /** Queues FCALL_RO with keys and arguments; result: the function's return value. */
    public <ArgType> T fcallReadOnly(ArgType function, ArgType[] keys, ArgType[] arguments) {
        return record(c -> c.fcallReadOnly(gs(function), gs(keys), gs(arguments)));
    }

    /** Queues FCALL_RO with no keys; result: the function's return value. */
    public <ArgType> T fcallReadOnly(ArgType function, ArgType[] arguments) {
        return record(c -> c.fcallReadOnly(gs(function), new GlideString[0], gs(arguments)));
    }

    /** Queues FUNCTION STATS; result: the running script and the engines' statistics. */
    public T functionStats() {
        // Only the concrete clients have functionStats (the cluster one routes it to all nodes,
        // which a batch ignores: the command goes where the batch goes).
        return record(c -> c instanceof glide.api.GlideClusterClient
                ? ((glide.api.GlideClusterClient) c).functionStatsBinary()
                : ((glide.api.GlideClient) c).functionStatsBinary());
    }

    /** Queues FUNCTION DUMP; result: the serialized libraries (bytes). */
    public T functionDump() {
        return record(c -> c.functionDump());
    }

    /** Queues FUNCTION RESTORE; result: {@code OK}. */
    public T functionRestore(byte[] payload) {
        return record(c -> c.functionRestore(payload));
    }

    /** Queues FUNCTION RESTORE with a policy; result: {@code OK}. */
    public T functionRestore(byte[] payload, glide.api.models.commands.function.FunctionRestorePolicy policy) {
        return record(c -> c.functionRestore(payload, policy));
    }

    /** Queues FUNCTION FLUSH; result: {@code OK}. */
    public T functionFlush() {
        return record(c -> c.functionFlush());
    }

    /** Queues FUNCTION FLUSH SYNC/ASYNC; result: {@code OK}. */
    public T functionFlush(glide.api.models.commands.FlushMode mode) {
        return record(c -> c.functionFlush(mode));
    }

    /** Queues FUNCTION DELETE; result: {@code OK}. */
    public <ArgType> T functionDelete(ArgType libName) {
        return record(c -> c.functionDelete(gs(libName)));
    }

    // ---- pub/sub (the clients have no method for these: built here) ----

    /** Queues PUBLISH of {@code message} on {@code channel}; result: the count of receivers. */
    public <ArgType> T publish(ArgType message, ArgType channel) {
        commands().add(glide.internal.Args.command("PUBLISH", 3).add(gs(channel)).add(gs(message)).build());
        return getThis();
    }

    /** Queues PUBSUB CHANNELS; result: the active channels. */
    public T pubsubChannels() {
        commands().add(glide.internal.Args.command("PUBSUB", 2).add("CHANNELS").build());
        return getThis();
    }

    /** Queues PUBSUB CHANNELS with a pattern; result: the matching active channels. */
    public <ArgType> T pubsubChannels(ArgType pattern) {
        commands().add(glide.internal.Args.command("PUBSUB", 3).add("CHANNELS").add(gs(pattern)).build());
        return getThis();
    }

    /** Queues PUBSUB NUMPAT; result: the count of pattern subscriptions. */
    public T pubsubNumPat() {
        commands().add(glide.internal.Args.command("PUBSUB", 2).add("NUMPAT").build());
        return getThis();
    }

    /** Queues PUBSUB NUMSUB; result: each channel's subscriber count (a map). */
    public <ArgType> T pubsubNumSub(ArgType[] channels) {
        GlideString[] names = gs(channels);
        commands().add(glide.internal.Args.command("PUBSUB", 2 + names.length).add("NUMSUB").addAll(names).build());
        return getThis();
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

    /** {@code map} with its keys and values as GlideStrings, in the map's iteration order. */
    private static java.util.Map<GlideString, GlideString> gsMap(java.util.Map<?, ?> map) {
        if (map == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        java.util.Map<GlideString, GlideString> out = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<?, ?> e : map.entrySet()) {
            out.put(gs(e.getKey()), gs(e.getValue()));
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

    /**
     * XADD options for the GlideString overload. The text options hold only text (ID, trim), so
     * their arguments are taken as given: {@code [NOMKSTREAM] [trim...] id}.
     */
    private static glide.api.models.commands.stream.StreamAddOptionsBinary streamAddBinary(
            glide.api.models.commands.stream.StreamAddOptions options) {
        if (options == null) {
            return null;
        }
        String[] args = options.toArgs();
        int from = 0;
        glide.api.models.commands.stream.StreamAddOptionsBinary.StreamAddOptionsBinaryBuilder b =
                glide.api.models.commands.stream.StreamAddOptionsBinary.builder();
        if (args.length > 1 && glide.api.models.commands.stream.StreamAddOptions.NO_MAKE_STREAM_VALKEY_API.equals(args[0])) {
            b.makeStream(false);
            from = 1;
        }
        if (args.length - 1 > from) {
            b.trim(new FixedTrim(java.util.Arrays.copyOfRange(args, from, args.length - 1)));
        }
        return b.id(GlideString.of(args[args.length - 1])).build();
    }

    /** Trim arguments already made (by {@link #streamAddBinary}), sent as they are. */
    private static final class FixedTrim extends glide.api.models.commands.stream.StreamTrimOptions {
        private final String[] args;

        FixedTrim(String[] args) {
            this.args = args;
        }

        @Override
        protected String getMethod() {
            return args[0];
        }

        @Override
        protected String getThreshold() {
            return args[args.length - 1];
        }

        @Override
        public String[] toArgs() {
            return args.clone();
        }

        @Override
        public GlideString[] toGlideStringArgs() {
            GlideString[] out = new GlideString[args.length];
            for (int i = 0; i < args.length; i++) {
                out[i] = GlideString.of(args[i]);
            }
            return out;
        }
    }

    /**
     * XPENDING options for the GlideString overload, read back from their arguments {@code [IDLE
     * n] start end count [consumer]} (the consumer is text, so its bytes are its UTF-8).
     */
    private static glide.api.models.commands.stream.StreamPendingOptionsBinary pendingBinary(
            glide.api.models.commands.stream.StreamPendingOptions options,
            glide.api.models.commands.stream.StreamRange start,
            glide.api.models.commands.stream.StreamRange end,
            long count) {
        if (options == null) {
            return null;
        }
        String[] args = options.toArgs(start, end, count);
        glide.api.models.commands.stream.StreamPendingOptionsBinary.StreamPendingOptionsBinaryBuilder b =
                glide.api.models.commands.stream.StreamPendingOptionsBinary.builder();
        // Without IDLE: 3 or 4 arguments; with it: 5 or 6.
        boolean idle = args.length >= 5;
        if (idle) {
            b.minIdleTime(Long.parseLong(args[1]));
        }
        if (args.length == (idle ? 6 : 4)) {
            b.consumer(GlideString.of(args[args.length - 1]));
        }
        return b.build();
    }

    /**
     * ZSCAN options for the GlideString overload, read back from their binary arguments {@code
     * [MATCH pattern] [COUNT n] [NOSCORES]} (the pattern's bytes kept).
     */
    private static glide.api.models.commands.scan.ZScanOptionsBinary zScanBinary(
            glide.api.models.commands.scan.ZScanOptions options) {
        if (options == null) {
            return null;
        }
        GlideString[] args = options.toGlideStringArgs();
        glide.api.models.commands.scan.ZScanOptionsBinary.ZScanOptionsBinaryBuilder<?, ?> b =
                glide.api.models.commands.scan.ZScanOptionsBinary.builder();
        for (int i = 0; i < args.length; i++) {
            String word = args[i].toString();
            if (glide.api.models.commands.scan.BaseScanOptions.MATCH_OPTION_STRING.equals(word)) {
                b.matchPattern(args[++i]);
            } else if (glide.api.models.commands.scan.BaseScanOptions.COUNT_OPTION_STRING.equals(word)) {
                b.count(Long.parseLong(args[++i].toString()));
            } else if (glide.api.models.commands.scan.ZScanOptions.NO_SCORES_API.equals(word)) {
                b.noScores(true);
            }
        }
        return b.build();
    }

    // ==== (end of part B) ====
}
