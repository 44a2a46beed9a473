package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.config;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.commands.SortedSetBaseCommands;
import glide.api.models.GlideString;
import glide.api.models.commands.RangeOptions;
import glide.api.models.commands.RangeOptions.InfLexBound;
import glide.api.models.commands.RangeOptions.InfScoreBound;
import glide.api.models.commands.RangeOptions.LexBoundary;
import glide.api.models.commands.RangeOptions.Limit;
import glide.api.models.commands.RangeOptions.RangeByIndex;
import glide.api.models.commands.RangeOptions.RangeByLex;
import glide.api.models.commands.RangeOptions.RangeByScore;
import glide.api.models.commands.RangeOptions.ScoreBoundary;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.WeightAggregateOptions;
import glide.api.models.commands.WeightAggregateOptions.Aggregate;
import glide.api.models.commands.WeightAggregateOptions.KeyArray;
import glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary;
import glide.api.models.commands.WeightAggregateOptions.WeightedKeys;
import glide.api.models.commands.WeightAggregateOptions.WeightedKeysBinary;
import glide.api.models.commands.ZAddOptions;
import glide.api.models.commands.ZAddOptions.ConditionalChange;
import glide.api.models.commands.ZAddOptions.UpdateOptions;
import glide.api.models.commands.scan.ZScanOptions;
import glide.api.models.commands.scan.ZScanOptionsBinary;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.internal.commands.SortedSetCommands;
import glide.testutil.RedisServer;
import glide.testutil.ScriptedServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.commons.lang3.tuple.Pair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sorted-set family (issue 5), on a server under RESP2 and RESP3 (whose replies differ for
 * scores: bulk strings or doubles, flat or nested pairs) and, for options the local server lacks
 * (ZRANK ... WITHSCORE, ZSCAN ... NOSCORES), on a scripted one.
 */
class SortedSetCommandsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Keys share a hash tag, as the multi-key commands would need on a cluster. */
    private static String key() {
        return "{z}-" + UUID.randomUUID();
    }

    /** Bytes that are not UTF-8, made unique. */
    private static GlideString binary(int tag) {
        byte[] unique = key().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(unique, unique.length + 3);
        bytes[unique.length] = (byte) 0xff;
        bytes[unique.length + 1] = (byte) tag;
        return gs(bytes);
    }

    /** An insertion-ordered map from alternating members and scores. */
    private static Map<String, Double> scores(Object... memberScore) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < memberScore.length; i += 2) {
            map.put((String) memberScore[i], ((Number) memberScore[i + 1]).doubleValue());
        }
        return map;
    }

    /** {@link #scores} with GlideString members. */
    private static Map<GlideString, Double> binaryScores(Object... memberScore) {
        Map<GlideString, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < memberScore.length; i += 2) {
            Object member = memberScore[i];
            map.put(member instanceof GlideString ? (GlideString) member : gs((String) member),
                    ((Number) memberScore[i + 1]).doubleValue());
        }
        return map;
    }

    private static GlideString[] gss(String... items) {
        GlideString[] out = new GlideString[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = gs(items[i]);
        }
        return out;
    }

    /** A map's entries in order, so that order is compared too. */
    private static <K> List<Map.Entry<K, Double>> entries(Map<K, Double> map) {
        return new ArrayList<>(map.entrySet());
    }

    private static void assertWrongType(CompletableFuture<?> future) throws Exception {
        Throwable error = failure(future);
        assertInstanceOf(RequestException.class, error);
        assertTrue(error.getMessage().startsWith("WRONGTYPE"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void addScoreIncrementAndRemove(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(3L, await(client.zadd(k, scores("a", 1, "b", 2, "c", 3))));
            assertEquals(0L, await(client.zadd(k, scores("a", 1.5))), "updated, not added");
            assertEquals(2L, await(client.zadd(k, scores("a", 1.25, "d", 4), true)), "CH counts the change too");
            assertEquals(1.25, await(client.zscore(k, "a")));
            assertEquals(4L, await(client.zcard(k)));

            ZAddOptions xx = ZAddOptions.builder().conditionalChange(ConditionalChange.ONLY_IF_EXISTS).build();
            assertEquals(0L, await(client.zadd(k, scores("a", 10, "new", 1), xx)));
            assertNull(await(client.zscore(k, "new")), "XX adds nothing");
            assertEquals(10.0, await(client.zscore(k, "a")));
            ZAddOptions nx = ZAddOptions.builder().conditionalChange(ConditionalChange.ONLY_IF_DOES_NOT_EXIST).build();
            assertEquals(1L, await(client.zadd(k, scores("a", 0, "e", 5), nx)));
            assertEquals(10.0, await(client.zscore(k, "a")), "NX updates nothing");
            ZAddOptions gt = ZAddOptions.builder().updateOptions(UpdateOptions.SCORE_GREATER_THAN_CURRENT).build();
            assertEquals(1L, await(client.zadd(k, scores("a", 5, "b", 20), gt, true)), "only b goes up");
            assertEquals(10.0, await(client.zscore(k, "a")));
            assertEquals(20.0, await(client.zscore(k, "b")));
            ZAddOptions xxLt = ZAddOptions.builder()
                    .conditionalChange(ConditionalChange.ONLY_IF_EXISTS)
                    .updateOptions(UpdateOptions.SCORE_LESS_THAN_CURRENT)
                    .build();
            assertEquals(2L, await(client.zadd(k, scores("a", 1, "b", 2, "z", 0), xxLt, true)));
            assertEquals(1.0, await(client.zscore(k, "a")));

            assertEquals(3.5, await(client.zaddIncr(k, "c", 0.5)));
            assertEquals(-1.0, await(client.zaddIncr(k, "fresh", -1)), "a new member starts at 0");
            assertNull(await(client.zaddIncr(k, "missing", 1, xx)), "XX: no such member, no score");
            assertNull(await(client.zaddIncr(k, "c", -1, gt)), "GT: a lower score is not taken");
            assertEquals(4.5, await(client.zaddIncr(k, "c", 1, gt)));
            assertEquals(6.5, await(client.zincrby(k, 2, "c")));
            assertEquals(2.0, await(client.zincrby(k, 2, "brand-new")));

            assertArrayEquals(new Double[] {1.0, null, 6.5}, await(client.zmscore(k, new String[] {"a", "nope", "c"})));
            assertEquals(2L, await(client.zrem(k, new String[] {"a", "fresh", "nope"})));
            assertNull(await(client.zscore(k, "a")));

            // A member named like ZADD's INCR option is only a member.
            String tricky = key();
            assertEquals(2L, await(client.zadd(tricky, scores("incr", 1, "ch", 2))));
            assertEquals(1L, await(client.zadd(tricky, scores("nx", 3), true)));
            assertEquals(1.0, await(client.zscore(tricky, "incr")));
            assertEquals(2.0, await(client.zaddIncr(tricky, "incr", 1)));

            // Binary forms of every overload.
            GlideString b = gs(key());
            GlideString m = binary(1);
            assertEquals(2L, await(client.zadd(b, binaryScores(m, 1, "x", 2))));
            assertEquals(1L, await(client.zadd(b, binaryScores(m, 3), true)));
            assertEquals(0L, await(client.zadd(b, binaryScores(m, 4, "y", 1), xx)));
            assertEquals(1L, await(client.zadd(b, binaryScores("y", 1), nx, true)));
            assertEquals(5.0, await(client.zaddIncr(b, m, 1)));
            assertNull(await(client.zaddIncr(b, gs("none"), 1, xx)));
            assertEquals(7.0, await(client.zincrby(b, 2, m)));
            assertEquals(7.0, await(client.zscore(b, m)));
            assertArrayEquals(new Double[] {7.0, 2.0, null}, await(client.zmscore(b, new GlideString[] {m, gs("x"), gs("q")})));
            assertEquals(3L, await(client.zcard(b)));
            assertEquals(1L, await(client.zrem(b, new GlideString[] {m, gs("q")})));
            assertEquals(2L, await(client.zcard(b)));

            // Errors: NX with GT/LT refused before sending; bad input refused by the server.
            ZAddOptions nxGt = ZAddOptions.builder()
                    .conditionalChange(ConditionalChange.ONLY_IF_DOES_NOT_EXIST)
                    .updateOptions(UpdateOptions.SCORE_GREATER_THAN_CURRENT)
                    .build();
            assertThrows(IllegalArgumentException.class, () -> client.zadd(k, scores("a", 1), nxGt));
            assertThrows(IllegalArgumentException.class, () -> client.zaddIncr(gs(k), gs("a"), 1, nxGt));
            assertInstanceOf(RequestException.class, failure(client.zadd(k, scores("nan", Double.NaN))));
            assertInstanceOf(RequestException.class, failure(client.zadd(k, new HashMap<>())), "no member");
            Map<String, Double> nullScore = new HashMap<>();
            nullScore.put("a", null);
            assertThrows(NullPointerException.class, () -> client.zadd(k, nullScore));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void infiniteScoresAreDoublesUnderBothProtocols(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(3L, await(client.zadd(k, scores("low", -INF, "mid", 0.5, "high", INF))));
            assertEquals(INF, await(client.zscore(k, "high")));
            assertEquals(-INF, await(client.zscore(k, "low")));
            assertArrayEquals(new Double[] {-INF, 0.5, INF}, await(client.zmscore(k, new String[] {"low", "mid", "high"})));
            assertEquals(
                    entries(scores("low", -INF, "mid", 0.5, "high", INF)),
                    entries(await(client.zrangeWithScores(k, new RangeByIndex(0, -1)))));
            assertEquals(
                    entries(scores("high", INF)),
                    entries(await(client.zrangeWithScores(k, new RangeByScore(new ScoreBoundary(INF), InfScoreBound.POSITIVE_INFINITY)))));
            assertEquals(2L, await(client.zcount(k, new ScoreBoundary(-INF), new ScoreBoundary(0.5))));
            assertEquals(1L, await(client.zcount(k, new ScoreBoundary(-INF, false), new ScoreBoundary(INF, false))));
            assertEquals(INF, await(client.zincrby(k, INF, "mid")));
            assertInstanceOf(RequestException.class, failure(client.zincrby(k, -INF, "mid")), "inf - inf is NaN");
            assertEquals(-INF, await(client.zaddIncr(k, "new", -INF)));

            Object[][] pairs = await(client.zrandmemberWithCountWithScores(k, 10));
            Set<Double> seen = new HashSet<>();
            for (Object[] pair : pairs) {
                seen.add((Double) pair[1]);
            }
            assertEquals(Set.of(-INF, INF), seen);
            Object[] popped = await(client.bzpopmax(new String[] {k}, 1));
            assertEquals(INF, popped[2]);
            assertEquals(Map.of("low", -INF), withScores(await(client.zmpop(new String[] {k}, ScoreFilter.MIN))).get(k));
            Map<String, Double> rest = await(client.zpopmax(k, 5));
            assertEquals(2, rest.size());
            assertTrue(rest.values().stream().allMatch(s -> s == INF || s == -INF), rest.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static <K> Map<K, Map<K, Double>> withScores(Map<K, Object> popped) {
        Map<K, Map<K, Double>> out = new LinkedHashMap<>();
        popped.forEach((key, value) -> out.put(key, (Map<K, Double>) value));
        return out;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void rangesByIndexScoreAndMember(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            await(client.zadd(k, scores("a", 1, "b", 2, "c", 3, "d", 4, "e", 5)));
            assertArrayEquals(new String[] {"a", "b", "c", "d", "e"}, await(client.zrange(k, new RangeByIndex(0, -1))));
            assertArrayEquals(new String[] {"e", "d"}, await(client.zrange(k, new RangeByIndex(0, 1), true)));
            assertArrayEquals(new String[] {"d", "e"}, await(client.zrange(k, new RangeByIndex(-2, -1), false)));
            assertArrayEquals(new String[0], await(client.zrange(k, new RangeByIndex(10, 20))));
            assertArrayEquals(
                    new String[] {"c", "d", "e"},
                    await(client.zrange(k, new RangeByScore(new ScoreBoundary(2, false), InfScoreBound.POSITIVE_INFINITY))));
            assertArrayEquals(
                    new String[] {"b", "c"},
                    await(client.zrange(k, new RangeByScore(InfScoreBound.NEGATIVE_INFINITY, InfScoreBound.POSITIVE_INFINITY, new Limit(1, 2)))));
            assertArrayEquals(
                    new String[] {"d", "c"},
                    await(client.zrange(k, new RangeByScore(new ScoreBoundary(4), new ScoreBoundary(1, false), new Limit(0, 2)), true)),
                    "reversed: the upper bound first");

            assertEquals(
                    entries(scores("e", 5, "d", 4)),
                    entries(await(client.zrangeWithScores(k, new RangeByIndex(0, 1), true))));
            assertEquals(
                    entries(scores("b", 2, "c", 3)),
                    entries(await(client.zrangeWithScores(k, new RangeByScore(new ScoreBoundary(2), new ScoreBoundary(3))))));
            assertEquals(Map.of(), await(client.zrangeWithScores(k, new RangeByScore(new ScoreBoundary(9), InfScoreBound.POSITIVE_INFINITY))));

            String lex = key();
            await(client.zadd(lex, scores("apple", 0, "banana", 0, "cherry", 0, "date", 0)));
            assertArrayEquals(
                    new String[] {"banana", "cherry"},
                    await(client.zrange(lex, new RangeByLex(new LexBoundary("b"), new LexBoundary("d", false)))));
            assertArrayEquals(
                    new String[] {"date", "cherry"},
                    await(client.zrange(lex, new RangeByLex(InfLexBound.POSITIVE_INFINITY, InfLexBound.NEGATIVE_INFINITY, new Limit(0, 2)), true)));
            assertEquals(2L, await(client.zlexcount(lex, new LexBoundary("banana", false), InfLexBound.POSITIVE_INFINITY)));
            assertEquals(4L, await(client.zlexcount(gs(lex), InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY)));

            // ZRANGESTORE, every overload.
            String dest = key();
            assertEquals(2L, await(client.zrangestore(dest, k, new RangeByIndex(0, 1))));
            assertArrayEquals(new String[] {"a", "b"}, await(client.zrange(dest, new RangeByIndex(0, -1))));
            assertEquals(3L, await(client.zrangestore(dest, k, new RangeByScore(InfScoreBound.POSITIVE_INFINITY, new ScoreBoundary(3)), true)));
            assertArrayEquals(new String[] {"c", "d", "e"}, await(client.zrange(dest, new RangeByIndex(0, -1))));
            assertEquals(1L, await(client.zrangestore(gs(dest), gs(lex), new RangeByLex(new LexBoundary("date"), InfLexBound.POSITIVE_INFINITY))));
            assertEquals(2L, await(client.zrangestore(gs(dest), gs(k), new RangeByIndex(0, 1), true)));
            assertEquals(entries(scores("d", 4, "e", 5)), entries(await(client.zrangeWithScores(dest, new RangeByIndex(0, -1)))));
            assertEquals(0L, await(client.zrangestore(dest, k, new RangeByIndex(7, 9))));
            assertEquals(0L, await(client.exists(new String[] {dest})), "an empty range removes the destination");

            // Ranks and counts.
            assertEquals(0L, await(client.zrank(k, "a")));
            assertEquals(4L, await(client.zrevrank(k, "a")));
            assertNull(await(client.zrank(k, "nope")));
            assertNull(await(client.zrevrank(gs(k), gs("nope"))));
            assertEquals(2L, await(client.zrank(gs(k), gs("c"))));
            assertEquals(1L, await(client.zrevrank(gs(k), gs("d"))));
            assertEquals(3L, await(client.zcount(k, new ScoreBoundary(2), new ScoreBoundary(4))));
            assertEquals(5L, await(client.zcount(gs(k), InfScoreBound.NEGATIVE_INFINITY, InfScoreBound.POSITIVE_INFINITY)));

            // Binary forms.
            GlideString gk = gs(k);
            assertArrayEquals(gss("a", "b"), await(client.zrange(gk, new RangeByIndex(0, 1))));
            assertArrayEquals(gss("e"), await(client.zrange(gk, new RangeByScore(new ScoreBoundary(5), new ScoreBoundary(4, false)), true)));
            assertEquals(entries(binaryScores("a", 1)), entries(await(client.zrangeWithScores(gk, new RangeByIndex(0, 0)))));
            assertEquals(entries(binaryScores("e", 5)), entries(await(client.zrangeWithScores(gk, new RangeByIndex(0, 0), true))));

            // Removing ranges.
            assertEquals(2L, await(client.zremrangebyrank(k, 0, 1)));
            assertEquals(1L, await(client.zremrangebyscore(k, new ScoreBoundary(3), new ScoreBoundary(4, false))));
            assertEquals(1L, await(client.zremrangebyscore(gk, InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(4))));
            assertEquals(1L, await(client.zremrangebyrank(gk, -1, -1)));
            assertEquals(0L, await(client.zcard(k)));
            assertEquals(2L, await(client.zremrangebylex(lex, new LexBoundary("b"), new LexBoundary("d", false))));
            assertArrayEquals(new String[] {"apple", "date"}, await(client.zrange(lex, new RangeByIndex(0, -1))));
            assertEquals(2L, await(client.zremrangebylex(gs(lex), InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY)));
        }
    }

    /** A key or member spelt like an option is no option: the reply keeps its own shape. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void keysAndMembersNamedLikeOptions(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String plain = "withscores";
            String single = "withscore";
            await(client.del(new String[] {plain, single}));
            await(client.zadd(plain, scores("withscores", 1, "b", 2)));
            await(client.zadd(single, scores("withscore", 1)));
            assertArrayEquals(new String[] {"withscores", "b"}, await(client.zrange(plain, new RangeByIndex(0, -1))));
            assertArrayEquals(
                    new Object[] {"withscores", "b"},
                    (Object[]) await(client.customCommand(new String[] {"ZRANGE", plain, "0", "-1"})));
            assertEquals(
                    entries(scores("withscores", 1, "b", 2)),
                    entries(await(client.zrangeWithScores(plain, new RangeByIndex(0, -1)))));
            assertArrayEquals(
                    new String[] {"withscore", "withscores", "b"},
                    await(client.zunion(new KeyArray(new String[] {single, plain}))));
            assertEquals(
                    entries(scores("withscores", 1, "b", 2)),
                    entries(await(client.zunionWithScores(new KeyArray(new String[] {plain})))));
            assertArrayEquals(new String[] {"withscores", "b"}, await(client.zinter(new KeyArray(new String[] {plain}))));
            assertArrayEquals(new String[] {"withscores", "b"}, await(client.zdiff(new String[] {plain})));
            assertEquals(0L, await(client.zrank(single, "withscore")));
            assertEquals(1L, await(client.zrevrank(plain, "withscores")));
            assertEquals("withscore", await(client.zrandmember(single)));
            assertArrayEquals(new String[] {"withscore"}, await(client.zrandmemberWithCount(single, 1)));
            assertEquals(2, await(client.zrandmemberWithCount(plain, 2)).length);
            await(client.del(new String[] {plain, single}));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void popsFromEitherEnd(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            await(client.zadd(k, scores("a", 1, "b", 2, "c", 3, "d", 4, "e", 5, "f", 6)));
            assertEquals(entries(scores("a", 1)), entries(await(client.zpopmin(k))));
            assertEquals(entries(scores("f", 6)), entries(await(client.zpopmax(k))));
            assertEquals(entries(scores("b", 2, "c", 3)), entries(await(client.zpopmin(k, 2))));
            assertEquals(entries(scores("e", 5, "d", 4)), entries(await(client.zpopmax(k, 2))));
            assertEquals(Map.of(), await(client.zpopmin(k)), "the set is gone");
            assertEquals(Map.of(), await(client.zpopmax(k, 3)));

            String a = key();
            String b = key();
            await(client.zadd(b, scores("x", 1, "y", 2, "z", 3)));
            Map<String, Object> one = await(client.zmpop(new String[] {a, b}, ScoreFilter.MAX));
            assertEquals(Map.of(b, Map.of("z", 3.0)), one);
            Map<String, Object> two = await(client.zmpop(new String[] {a, b}, ScoreFilter.MIN, 5));
            assertEquals(List.of(b), new ArrayList<>(two.keySet()));
            assertEquals(entries(scores("x", 1, "y", 2)), entries(withScores(two).get(b)));
            assertNull(await(client.zmpop(new String[] {a, b}, ScoreFilter.MIN)), "every set is empty");
            assertNull(await(client.zmpop(new String[] {a}, ScoreFilter.MAX, 2)));

            // Blocking forms served at once when there is something to pop.
            await(client.zadd(b, scores("x", 1, "y", 2, "z", 3, "w", 4)));
            assertArrayEquals(new Object[] {b, "x", 1.0}, await(client.bzpopmin(new String[] {a, b}, 1)));
            assertArrayEquals(new Object[] {b, "w", 4.0}, await(client.bzpopmax(new String[] {a, b}, 0)));
            assertEquals(Map.of(b, Map.of("y", 2.0)), await(client.bzmpop(new String[] {a, b}, ScoreFilter.MIN, 1)));
            assertEquals(Map.of(b, Map.of("z", 3.0)), await(client.bzmpop(new String[] {b}, ScoreFilter.MAX, 1, 10)));

            // Binary forms, with a member that is not UTF-8.
            GlideString bk = gs(key());
            GlideString odd = binary(7);
            await(client.zadd(bk, binaryScores(odd, 1, "p", 2, "q", 3, "r", 4, "s", 5, "t", 6, "u", 7, "v", 8)));
            assertEquals(entries(binaryScores(odd, 1)), entries(await(client.zpopmin(bk))));
            assertEquals(entries(binaryScores("v", 8)), entries(await(client.zpopmax(bk))));
            assertEquals(entries(binaryScores("p", 2)), entries(await(client.zpopmin(bk, 1))));
            assertEquals(entries(binaryScores("u", 7)), entries(await(client.zpopmax(bk, 1))));
            assertArrayEquals(new Object[] {bk, gs("q"), 3.0}, await(client.bzpopmin(new GlideString[] {bk}, 1)));
            assertArrayEquals(new Object[] {bk, gs("t"), 6.0}, await(client.bzpopmax(new GlideString[] {bk}, 1)));
            Map<GlideString, Object> binMin = await(client.zmpop(new GlideString[] {gs(a), bk}, ScoreFilter.MIN));
            assertEquals(Map.of(bk, Map.of(gs("r"), 4.0)), binMin);
            assertEquals(Map.of(bk, Map.of(gs("s"), 5.0)), await(client.zmpop(new GlideString[] {bk}, ScoreFilter.MAX, 3)));
            assertNull(await(client.zmpop(new GlideString[] {bk}, ScoreFilter.MAX)));
            await(client.zadd(bk, binaryScores(odd, 1, "p", 2)));
            assertEquals(Map.of(bk, Map.of(odd, 1.0)), await(client.bzmpop(new GlideString[] {bk}, ScoreFilter.MIN, 1)));
            assertEquals(Map.of(bk, Map.of(gs("p"), 2.0)), await(client.bzmpop(new GlideString[] {bk}, ScoreFilter.MIN, 1, 2)));

            // A String form cannot return bytes that are not UTF-8: it says which overload can.
            await(client.zadd(bk, binaryScores(odd, 1)));
            Throwable error = failure(client.zpopmin(bk.toString()));
            assertInstanceOf(RequestException.class, error);
            assertTrue(error.getMessage().contains("GlideString"), error.getMessage());
        }
    }

    /**
     * Blocking pops wait as long as they were asked to, not the client's request timeout (200 ms
     * here): null after their own timeout, or the member another client adds meanwhile.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void blockingPopsOutliveTheRequestTimeout(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = await(GlideClient.createClient(config(server, protocol).requestTimeout(200).build()));
                GlideClient adder = Clients.connect(server, protocol)) {
            String k = key();
            String other = key();
            assertNull(timed(() -> client.bzpopmin(new String[] {k, other}, 1.0), 950));
            assertNull(timed(() -> client.bzpopmax(new String[] {k}, 0.5), 450));
            assertNull(timed(() -> client.bzmpop(new String[] {k}, ScoreFilter.MIN, 1.0), 950));
            assertNull(timed(() -> client.bzmpop(new String[] {k, other}, ScoreFilter.MAX, 0.5, 2), 450));
            GlideString bk = gs(key());
            assertNull(timed(() -> client.bzpopmin(new GlideString[] {bk}, 0.3), 250));
            assertNull(timed(() -> client.bzpopmax(new GlideString[] {bk}, 0.3), 250));
            assertNull(timed(() -> client.bzmpop(new GlideString[] {bk}, ScoreFilter.MIN, 0.3), 250));
            assertNull(timed(() -> client.bzmpop(new GlideString[] {bk}, ScoreFilter.MAX, 0.3, 5), 250));

            assertArrayEquals(
                    new Object[] {k, "late", 7.0},
                    addedLate(adder, k, () -> client.bzpopmin(new String[] {other, k}, 5), scores("late", 7)));
            assertArrayEquals(
                    new Object[] {k, "late", 7.0},
                    addedLate(adder, k, () -> client.bzpopmax(new String[] {k}, 0), scores("late", 7)));
            assertEquals(
                    Map.of(k, Map.of("late", 7.0)),
                    addedLate(adder, k, () -> client.bzmpop(new String[] {k}, ScoreFilter.MAX, 1.5), scores("late", 7)));
            Map<String, Object> counted = addedLate(
                    adder, k, () -> client.bzmpop(new String[] {k}, ScoreFilter.MIN, 10, 5), scores("x", 1, "y", 2));
            assertEquals(entries(scores("x", 1, "y", 2)), entries(withScores(counted).get(k)));
        }
    }

    private interface Call<T> {
        CompletableFuture<T> start() throws Exception;
    }

    /** Runs a blocking call that should time out on the server: its result, after at least {@code minMs}. */
    private static <T> T timed(Call<T> call, long minMs) throws Exception {
        long start = System.nanoTime();
        T result = await(call.start());
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed >= minMs, "returned after " + elapsed + " ms");
        return result;
    }

    /** Starts a blocking call, adds {@code members} to {@code key} 400 ms later, and returns its result. */
    private static <T> T addedLate(GlideClient adder, String key, Call<T> call, Map<String, Double> members)
            throws Exception {
        long start = System.nanoTime();
        CompletableFuture<T> pending = call.start();
        Thread.sleep(400);
        assertFalse(pending.isDone(), "completed before the members were added");
        await(adder.zadd(key, members));
        T result = await(pending);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed >= 400, "returned after " + elapsed + " ms");
        return result;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void unionIntersectionAndDifference(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = key();
            String b = key();
            String missing = key();
            await(client.zadd(a, scores("one", 1, "two", 2, "three", 3)));
            await(client.zadd(b, scores("two", 20, "three", 30, "four", 40)));
            KeyArray both = new KeyArray(new String[] {a, b});

            assertArrayEquals(new String[] {"one", "two", "three", "four"}, await(client.zunion(both)));
            assertArrayEquals(new String[] {"two", "three"}, await(client.zinter(both)));
            assertArrayEquals(new String[] {"one"}, await(client.zdiff(new String[] {a, b})));
            assertArrayEquals(new String[] {"one", "two", "three"}, await(client.zdiff(new String[] {a, missing})));

            assertEquals(
                    entries(scores("one", 1, "two", 22, "three", 33, "four", 40)),
                    entries(await(client.zunionWithScores(both))));
            assertEquals(
                    entries(scores("one", 1, "two", 20, "three", 30, "four", 40)),
                    entries(await(client.zunionWithScores(both, Aggregate.MAX))));
            WeightedKeys weighted = new WeightedKeys(List.of(Pair.of(a, 10.0), Pair.of(b, 0.5)));
            assertEquals(
                    entries(scores("one", 10, "two", 10, "three", 15, "four", 20)),
                    entries(await(client.zunionWithScores(weighted, Aggregate.MIN))));
            assertEquals(entries(scores("two", 22, "three", 33)), entries(await(client.zinterWithScores(both))));
            assertEquals(entries(scores("two", 2, "three", 3)), entries(await(client.zinterWithScores(both, Aggregate.MIN))));
            assertEquals(entries(scores("two", 30, "three", 45)), entries(await(client.zinterWithScores(weighted))));
            assertEquals(entries(scores("one", 1)), entries(await(client.zdiffWithScores(new String[] {a, b}))));
            assertEquals(Map.of(), await(client.zinterWithScores(new KeyArray(new String[] {a, missing}))));

            assertEquals(2L, await(client.zintercard(new String[] {a, b})));
            assertEquals(1L, await(client.zintercard(new String[] {a, b}, 1)));
            assertEquals(2L, await(client.zintercard(new String[] {a, b}, 0)), "0: no limit");
            assertEquals(0L, await(client.zintercard(new String[] {a, missing})));

            String dest = key();
            assertEquals(4L, await(client.zunionstore(dest, both)));
            assertEquals(entries(scores("one", 1, "two", 22, "three", 33, "four", 40)), entries(await(client.zrangeWithScores(dest, new RangeByIndex(0, -1)))));
            assertEquals(4L, await(client.zunionstore(dest, weighted, Aggregate.MAX)));
            assertEquals(20.0, await(client.zscore(dest, "four")), "max(0.5 * 40)");
            assertEquals(2L, await(client.zinterstore(dest, both)));
            assertEquals(22.0, await(client.zscore(dest, "two")));
            assertEquals(2L, await(client.zinterstore(dest, weighted, Aggregate.SUM)));
            assertEquals(45.0, await(client.zscore(dest, "three")));
            assertEquals(1L, await(client.zdiffstore(dest, new String[] {a, b})));
            assertEquals(0L, await(client.zdiffstore(dest, new String[] {missing, a})));
            assertEquals(0L, await(client.exists(new String[] {dest})));

            // Binary forms.
            GlideString ga = gs(a);
            GlideString gb = gs(b);
            GlideString odd = binary(3);
            await(client.zadd(ga, binaryScores(odd, 0.5)));
            KeyArrayBinary bothBinary = new KeyArrayBinary(new GlideString[] {ga, gb});
            assertArrayEquals(new GlideString[] {odd, gs("one"), gs("two"), gs("three"), gs("four")}, await(client.zunion(bothBinary)));
            assertArrayEquals(gss("two", "three"), await(client.zinter(bothBinary)));
            assertArrayEquals(new GlideString[] {odd, gs("one")}, await(client.zdiff(new GlideString[] {ga, gb})));
            assertEquals(entries(binaryScores(odd, 0.5, "one", 1)), entries(await(client.zdiffWithScores(new GlideString[] {ga, gb}))));
            assertEquals(entries(binaryScores(odd, 0.5, "one", 1, "two", 22, "three", 33, "four", 40)), entries(await(client.zunionWithScores(bothBinary))));
            WeightedKeysBinary weightedBinary = new WeightedKeysBinary(List.of(Pair.of(ga, 2.0), Pair.of(gb, 1.0)));
            assertEquals(entries(binaryScores("two", 20, "three", 30)), entries(await(client.zinterWithScores(weightedBinary, Aggregate.MAX))));
            assertEquals(entries(binaryScores(odd, 0.5, "one", 1, "two", 2, "three", 3, "four", 40)), entries(await(client.zunionWithScores(bothBinary, Aggregate.MIN))));
            assertEquals(entries(binaryScores("two", 24, "three", 36)), entries(await(client.zinterWithScores(weightedBinary))));
            assertEquals(2L, await(client.zintercard(new GlideString[] {ga, gb})));
            assertEquals(1L, await(client.zintercard(new GlideString[] {ga, gb}, 1)));
            GlideString gdest = gs(key());
            assertEquals(5L, await(client.zunionstore(gdest, bothBinary)));
            assertEquals(5L, await(client.zunionstore(gdest, weightedBinary, Aggregate.MAX)));
            assertEquals(2L, await(client.zinterstore(gdest, bothBinary)));
            assertEquals(2L, await(client.zinterstore(gdest, weightedBinary, Aggregate.MIN)));
            assertEquals(entries(binaryScores("two", 4, "three", 6)), entries(await(client.zrangeWithScores(gdest, new RangeByIndex(0, -1)))));
            assertEquals(2L, await(client.zdiffstore(gdest, new GlideString[] {ga, gb})));
            assertArrayEquals(new GlideString[] {odd, gs("one")}, await(client.zrange(gdest, new RangeByIndex(0, -1))));

            // Plain sets take part, each member scored 1.
            String set = key();
            String c = key();
            await(client.sadd(set, new String[] {"one", "solo"}));
            await(client.zadd(c, scores("one", 1)));
            assertEquals(
                    entries(scores("solo", 1, "one", 2)),
                    entries(await(client.zunionWithScores(new KeyArray(new String[] {set, c}), Aggregate.SUM))));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void randomMembers(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Map<String, Double> all = scores("a", 1, "b", 2.5, "c", -3);
            await(client.zadd(k, all));
            assertTrue(all.containsKey(await(client.zrandmember(k))));
            String[] distinct = await(client.zrandmemberWithCount(k, 2));
            assertEquals(2, new HashSet<>(Arrays.asList(distinct)).size());
            assertEquals(3, await(client.zrandmemberWithCount(k, 10)).length, "at most every member");
            assertEquals(7, await(client.zrandmemberWithCount(k, -7)).length, "a negative count may repeat");

            Object[][] pairs = await(client.zrandmemberWithCountWithScores(k, 3));
            assertEquals(3, pairs.length);
            Set<String> members = new HashSet<>();
            for (Object[] pair : pairs) {
                assertEquals(2, pair.length);
                String member = (String) pair[0];
                assertEquals(all.get(member), (Double) pair[1]);
                members.add(member);
            }
            assertEquals(all.keySet(), members);
            Object[][] repeated = await(client.zrandmemberWithCountWithScores(k, -9));
            assertEquals(9, repeated.length, "pairs, not a map: members may repeat");
            for (Object[] pair : repeated) {
                assertEquals(all.get((String) pair[0]), pair[1]);
            }

            GlideString bk = gs(key());
            GlideString odd = binary(9);
            await(client.zadd(bk, binaryScores(odd, 4)));
            assertEquals(odd, await(client.zrandmember(bk)));
            assertArrayEquals(new GlideString[] {odd, odd}, await(client.zrandmemberWithCount(bk, -2)));
            Object[][] binaryPairs = await(client.zrandmemberWithCountWithScores(bk, 1));
            assertArrayEquals(new Object[][] {{odd, 4.0}}, binaryPairs);
            assertInstanceOf(RequestException.class, failure(client.zrandmemberWithCountWithScores(bk.toString(), 1)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void zscanVisitsEveryMember(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Map<String, Double> members = new LinkedHashMap<>();
            for (int i = 0; i < 1000; i++) {
                members.put("m" + i, i + 0.5);
            }
            members.put("inf", INF);
            await(client.zadd(k, members));

            Map<String, Double> seen = new HashMap<>();
            String cursor = "0";
            int steps = 0;
            do {
                Object[] step = await(client.zscan(k, cursor));
                cursor = (String) step[0];
                String[] flat = (String[]) step[1];
                assertEquals(0, flat.length % 2);
                for (int i = 0; i < flat.length; i += 2) {
                    seen.put(flat[i], Double.parseDouble(flat[i + 1].replace("inf", "Infinity")));
                }
                steps++;
            } while (!cursor.equals("0"));
            assertTrue(steps > 1, "a set this large takes several steps");
            assertEquals(members, seen);

            Set<String> matched = new HashSet<>();
            cursor = "0";
            ZScanOptions options = ZScanOptions.builder().matchPattern("m99*").count(200L).build();
            do {
                Object[] step = await(client.zscan(k, cursor, options));
                cursor = (String) step[0];
                String[] flat = (String[]) step[1];
                for (int i = 0; i < flat.length; i += 2) {
                    matched.add(flat[i]);
                }
            } while (!cursor.equals("0"));
            assertEquals(Set.of("m99", "m990", "m991", "m992", "m993", "m994", "m995", "m996", "m997", "m998", "m999"), matched);

            GlideString bk = gs(key());
            GlideString odd = binary(5);
            await(client.zadd(bk, binaryScores(odd, 1, "plain", 2)));
            Object[] step = await(client.zscan(bk, gs("0")));
            assertEquals(gs("0"), step[0]);
            List<GlideString> flat = Arrays.asList((GlideString[]) step[1]);
            assertEquals(4, flat.size());
            assertTrue(flat.contains(odd) && flat.contains(gs("1")) && flat.contains(gs("2")), flat.toString());
            byte[] prefix = Arrays.copyOf(odd.getBytes(), odd.getBytes().length - 1);
            byte[] pattern = Arrays.copyOf(prefix, prefix.length + 1);
            pattern[prefix.length] = '*';
            Object[] onlyOdd = await(client.zscan(bk, gs("0"), ZScanOptionsBinary.builder().matchPattern(gs(pattern)).count(10L).build()));
            assertArrayEquals(new GlideString[] {odd, gs("1")}, (GlideString[]) onlyOdd[1], "a pattern that is not UTF-8 reaches the server unchanged");
            assertInstanceOf(RequestException.class, failure(client.zscan(bk.toString(), "0")));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void missingKeysAreEmptySortedSets(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            GlideString g = gs(k);
            assertEquals(0L, await(client.zcard(k)));
            assertEquals(0L, await(client.zcard(g)));
            assertNull(await(client.zscore(k, "m")));
            assertNull(await(client.zscore(g, gs("m"))));
            assertArrayEquals(new Double[] {null, null}, await(client.zmscore(k, new String[] {"m", "n"})));
            assertArrayEquals(new Double[] {null}, await(client.zmscore(g, new GlideString[] {gs("m")})));
            assertEquals(0L, await(client.zrem(k, new String[] {"m"})));
            assertNull(await(client.zrank(k, "m")));
            assertNull(await(client.zrevrank(k, "m")));
            assertArrayEquals(new String[0], await(client.zrange(k, new RangeByIndex(0, -1))));
            assertArrayEquals(new GlideString[0], await(client.zrange(g, new RangeByLex(InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY))));
            assertEquals(Map.of(), await(client.zrangeWithScores(k, new RangeByIndex(0, -1))));
            assertEquals(Map.of(), await(client.zrangeWithScores(g, new RangeByScore(InfScoreBound.NEGATIVE_INFINITY, InfScoreBound.POSITIVE_INFINITY))));
            assertEquals(0L, await(client.zrangestore(key(), k, new RangeByIndex(0, -1))));
            assertEquals(0L, await(client.zcount(k, InfScoreBound.NEGATIVE_INFINITY, InfScoreBound.POSITIVE_INFINITY)));
            assertEquals(0L, await(client.zlexcount(k, InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY)));
            assertEquals(0L, await(client.zremrangebyrank(k, 0, -1)));
            assertEquals(0L, await(client.zremrangebyscore(k, InfScoreBound.NEGATIVE_INFINITY, InfScoreBound.POSITIVE_INFINITY)));
            assertEquals(0L, await(client.zremrangebylex(k, InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY)));
            assertEquals(Map.of(), await(client.zpopmin(k)));
            assertEquals(Map.of(), await(client.zpopmax(g, 2)));
            assertNull(await(client.zmpop(new String[] {k}, ScoreFilter.MIN)));
            assertNull(await(client.zmpop(new GlideString[] {g}, ScoreFilter.MAX, 2)));
            assertNull(await(client.zrandmember(k)));
            assertNull(await(client.zrandmember(g)));
            assertArrayEquals(new String[0], await(client.zrandmemberWithCount(k, 3)));
            assertArrayEquals(new GlideString[0], await(client.zrandmemberWithCount(g, -3)));
            assertEquals(0, await(client.zrandmemberWithCountWithScores(k, 3)).length);
            assertEquals(0, await(client.zrandmemberWithCountWithScores(g, -3)).length);
            assertArrayEquals(new String[0], await(client.zunion(new KeyArray(new String[] {k}))));
            assertArrayEquals(new String[0], await(client.zinter(new KeyArray(new String[] {k, key()}))));
            assertArrayEquals(new String[0], await(client.zdiff(new String[] {k})));
            assertEquals(Map.of(), await(client.zunionWithScores(new KeyArray(new String[] {k}))));
            assertEquals(Map.of(), await(client.zdiffWithScores(new String[] {k})));
            assertEquals(0L, await(client.zintercard(new String[] {k})));
            assertEquals(0L, await(client.zunionstore(key(), new KeyArray(new String[] {k}))));
            Object[] step = await(client.zscan(k, "0"));
            assertEquals("0", step[0]);
            assertArrayEquals(new String[0], (String[]) step[1]);
            Object[] binaryStep = await(client.zscan(g, gs("0")));
            assertEquals(gs("0"), binaryStep[0]);
            assertArrayEquals(new GlideString[0], (GlideString[]) binaryStep[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyCommandRefusesAKeyOfAnotherType(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String s = key();
            await(client.set(s, "text"));
            GlideString g = gs(s);
            String z = key();
            await(client.zadd(z, scores("m", 1)));
            RangeByIndex all = new RangeByIndex(0, -1);
            KeyArray withString = new KeyArray(new String[] {z, s});
            assertWrongType(client.zadd(s, scores("m", 1)));
            assertWrongType(client.zadd(g, binaryScores("m", 1), true));
            assertWrongType(client.zaddIncr(s, "m", 1));
            assertWrongType(client.zaddIncr(g, gs("m"), 1));
            assertWrongType(client.zrem(s, new String[] {"m"}));
            assertWrongType(client.zcard(s));
            assertWrongType(client.zpopmin(s));
            assertWrongType(client.zpopmax(g, 2));
            assertWrongType(client.bzpopmin(new String[] {s}, 1));
            assertWrongType(client.bzpopmax(new GlideString[] {g}, 1));
            assertWrongType(client.zscore(s, "m"));
            assertWrongType(client.zrange(s, all));
            assertWrongType(client.zrange(g, all, true));
            assertWrongType(client.zrangeWithScores(s, all));
            assertWrongType(client.zrangestore(z, s, all));
            assertWrongType(client.zrank(s, "m"));
            assertWrongType(client.zrevrank(g, gs("m")));
            assertWrongType(client.zmscore(s, new String[] {"m"}));
            assertWrongType(client.zdiff(new String[] {s, z}));
            assertWrongType(client.zdiffWithScores(new String[] {s}));
            assertWrongType(client.zdiffstore(key(), new String[] {s}));
            assertWrongType(client.zcount(s, InfScoreBound.NEGATIVE_INFINITY, InfScoreBound.POSITIVE_INFINITY));
            assertWrongType(client.zremrangebyrank(s, 0, 1));
            assertWrongType(client.zremrangebylex(s, InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY));
            assertWrongType(client.zremrangebyscore(s, InfScoreBound.NEGATIVE_INFINITY, InfScoreBound.POSITIVE_INFINITY));
            assertWrongType(client.zlexcount(s, InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY));
            assertWrongType(client.zunionstore(key(), withString));
            assertWrongType(client.zinterstore(key(), withString, Aggregate.MAX));
            assertWrongType(client.zmpop(new String[] {s}, ScoreFilter.MIN));
            assertWrongType(client.bzmpop(new String[] {s}, ScoreFilter.MAX, 1));
            assertWrongType(client.zunion(withString));
            assertWrongType(client.zunionWithScores(withString));
            assertWrongType(client.zinter(withString));
            assertWrongType(client.zinterWithScores(withString));
            assertWrongType(client.zrandmember(s));
            assertWrongType(client.zrandmemberWithCount(s, 2));
            assertWrongType(client.zrandmemberWithCountWithScores(g, 2));
            assertWrongType(client.zincrby(s, 1, "m"));
            assertWrongType(client.zintercard(new String[] {z, s}));
            assertWrongType(client.zscan(s, "0"));
            assertWrongType(client.zscan(g, gs("0"), ZScanOptionsBinary.builder().count(5L).build()));
            assertEquals("text", await(client.get(s)), "the string is untouched");
        }
    }

    /** 100,000 members in one ZADD, read back whole by ZRANGE (with and without scores). */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void largeSortedSetInOneCall(ProtocolVersion protocol) throws Exception {
        // 100k elements in one reply: a loaded CI machine may take longer than the default 250 ms.
        try (GlideClient client = await(GlideClient.createClient(Clients.config(server, protocol).requestTimeout(10_000).build()))) {
            int n = 100_000;
            Map<String, Double> members = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                members.put("member-" + i, (double) i);
            }
            String k = key();
            assertEquals((long) n, await(client.zadd(k, members)));
            assertEquals((long) n, await(client.zcard(k)));
            String[] all = await(client.zrange(k, new RangeByIndex(0, -1)));
            assertEquals(n, all.length);
            for (int i = 0; i < n; i += 9_999) {
                assertEquals("member-" + i, all[i]);
            }
            Map<String, Double> withScores = await(client.zrangeWithScores(k, new RangeByIndex(0, -1)));
            assertEquals(n, withScores.size());
            int i = 0;
            for (Map.Entry<String, Double> e : withScores.entrySet()) {
                assertEquals("member-" + i, e.getKey());
                assertEquals((double) i, e.getValue());
                i++;
            }
            GlideString[] binary = await(client.zrange(gs(k), new RangeByScore(new ScoreBoundary(n - 10), InfScoreBound.POSITIVE_INFINITY)));
            assertEquals(10, binary.length);
            assertEquals((long) n, await(client.zremrangebyrank(k, 0, -1)));
        }
    }

    /** Reply shapes are the core's, so customCommand gets the typed methods' shapes too. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void customCommandGetsTheSameShapes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            await(client.zadd(k, scores("a", 1, "b", 2)));
            assertEquals(Map.of("a", 1.0, "b", 2.0), await(client.customCommand(new String[] {"ZRANGE", k, "0", "-1", "WITHSCORES"})));
            Object pairs = await(client.customCommand(new String[] {"ZRANDMEMBER", k, "-3", "withscores"}));
            assertEquals(3, ((Object[]) pairs).length);
            for (Object pair : (Object[]) pairs) {
                assertInstanceOf(Double.class, ((Object[]) pair)[1]);
            }
            // [key, {member: score}], as valkey-glide's core gives it; the zmpop methods make the map.
            assertArrayEquals(new Object[] {k, Map.of("a", 1.0)}, (Object[]) await(client.customCommand(new String[] {"ZMPOP", "1", k, "MIN"})));
            assertArrayEquals(
                    new Object[] {k, Map.of("b", 2.0)},
                    (Object[]) await(client.customCommand(new String[] {"BZMPOP", "1", "1", k, "MAX", "COUNT", "5"})));
            assertNull(await(client.customCommand(new String[] {"ZMPOP", "1", k, "MIN"})));
        }
    }

    private static GlideClient connect(ScriptedServer fake, ProtocolVersion protocol) throws Exception {
        return await(GlideClient.createClient(GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(fake.host()).port(fake.port()).build())
                .protocol(protocol)
                .build()));
    }

    /**
     * ZRANK/ZREVRANK ... WITHSCORE (Valkey 7.2) and ZSCAN ... NOSCORES (Valkey 8.0), which the
     * local server lacks: the arguments sent and the replies of either protocol.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void withScoreAndNoScoresOnAScriptedServer(ProtocolVersion protocol) throws Exception {
        ScriptedServer.Responder responder = (command, resp3) -> {
            switch (command.get(0)) {
                case "ZRANK":
                case "ZREVRANK":
                    if (command.get(2).equals("missing")) {
                        return resp3 ? "_\r\n" : "*-1\r\n";
                    }
                    return resp3 ? "*2\r\n:2\r\n,2.5\r\n" : "*2\r\n:2\r\n$3\r\n2.5\r\n";
                case "ZSCAN":
                    return "*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n";
                default:
                    return "-ERR unexpected\r\n";
            }
        };
        try (ScriptedServer fake = ScriptedServer.start(responder);
                GlideClient client = connect(fake, protocol)) {
            assertArrayEquals(new Object[] {2L, 2.5}, await(client.zrankWithScore("k", "m")));
            assertEquals(List.of("ZRANK", "k", "m", "WITHSCORE"), fake.nextCommand());
            assertArrayEquals(new Object[] {2L, 2.5}, await(client.zrevrankWithScore("k", "m")));
            assertEquals(List.of("ZREVRANK", "k", "m", "WITHSCORE"), fake.nextCommand());
            assertNull(await(client.zrankWithScore("k", "missing")));
            fake.nextCommand();
            GlideString odd = gs(new byte[] {(byte) 0xfe, 0});
            assertArrayEquals(new Object[] {2L, 2.5}, await(client.zrankWithScore(gs("k"), odd)));
            assertEquals(List.of("ZRANK", "k", "\u00fe\u0000", "WITHSCORE"), fake.nextCommand());
            assertNull(await(client.zrevrankWithScore(gs("k"), gs("missing"))));
            fake.nextCommand();

            Object[] step = await(client.zscan("k", "0", ZScanOptions.builder().noScores(true).build()));
            assertEquals("0", step[0]);
            assertArrayEquals(new String[] {"a", "b"}, (String[]) step[1]);
            assertEquals(List.of("ZSCAN", "k", "0", "NOSCORES"), fake.nextCommand());
            ZScanOptionsBinary binaryOptions = ZScanOptionsBinary.builder().matchPattern(odd).count(3L).noScores(true).build();
            Object[] binaryStep = await(client.zscan(gs("k"), gs("7"), binaryOptions));
            assertArrayEquals(gss("a", "b"), (GlideString[]) binaryStep[1]);
            assertEquals(List.of("ZSCAN", "k", "7", "MATCH", "\u00fe\u0000", "COUNT", "3", "NOSCORES"), fake.nextCommand());
        }
    }

    /** The option classes render the arguments the server expects. */
    @Test
    void optionArguments() {
        assertEquals("1.5", new ScoreBoundary(1.5).toArgs());
        assertEquals("(2.0", new ScoreBoundary(2, false).toArgs());
        assertEquals("+inf", InfScoreBound.POSITIVE_INFINITY.toArgs());
        assertEquals("-inf", InfScoreBound.NEGATIVE_INFINITY.toArgs());
        assertEquals("[a", new LexBoundary("a").toArgs());
        assertEquals("(b", new LexBoundary("b", false).toArgs());
        assertEquals("+", InfLexBound.POSITIVE_INFINITY.toArgs());
        assertEquals("-", InfLexBound.NEGATIVE_INFINITY.toArgs());

        RangeByIndex index = new RangeByIndex(0, -1);
        assertEquals("0", index.getStart());
        assertEquals("-1", index.getEnd());
        assertNull(index.getLimit());
        RangeByScore score = new RangeByScore(new ScoreBoundary(1), InfScoreBound.POSITIVE_INFINITY, new Limit(1, 2));
        assertEquals("1.0", score.getStart());
        assertEquals("+inf", score.getEnd());
        assertEquals(1L, score.getLimit().getOffset());
        assertEquals(2L, score.getLimit().getCount());
        RangeByLex lex = new RangeByLex(InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c", false));
        assertNull(lex.getLimit());

        assertArrayEquals(new String[] {"k", "0", "-1", "REV", "WITHSCORES"}, RangeOptions.createZRangeArgs("k", index, true, true));
        assertArrayEquals(
                new String[] {"k", "1.0", "+inf", "BYSCORE", "REV", "LIMIT", "1", "2"},
                RangeOptions.createZRangeArgs("k", score, true, false));
        assertArrayEquals(new String[] {"k", "-", "(c", "BYLEX", "WITHSCORES"}, RangeOptions.createZRangeArgs("k", lex, false, true));
        assertArrayEquals(
                new String[] {"d", "k", "1.0", "+inf", "BYSCORE", "REV", "LIMIT", "1", "2"},
                RangeOptions.createZRangeStoreArgs("d", "k", score, true));
        assertArrayEquals(
                new String[] {"1.0", "+inf", "BYSCORE", "LIMIT", "1", "2", "WITHSCORES"},
                RangeOptions.createZRangeBaseArgs(score, false, true));
        assertArrayEquals(gss("1.0", "+inf", "BYSCORE", "REV", "LIMIT", "1", "2"), RangeOptions.createZRangeBaseArgsBinary(score, true));
        assertArrayEquals(gss("k", "-", "(c", "BYLEX"), RangeOptions.createZRangeArgsBinary(gs("k"), lex, false, false));
        assertArrayEquals(gss("d", "k", "0", "-1", "REV"), RangeOptions.createZRangeStoreArgsBinary(gs("d"), gs("k"), index, true));

        assertArrayEquals(new String[0], ZAddOptions.builder().build().toArgs());
        assertArrayEquals(
                new String[] {"XX", "LT"},
                ZAddOptions.builder()
                        .conditionalChange(ConditionalChange.ONLY_IF_EXISTS)
                        .updateOptions(UpdateOptions.SCORE_LESS_THAN_CURRENT)
                        .build()
                        .toArgs());
        assertArrayEquals(gss("NX"), ZAddOptions.builder().conditionalChange(ConditionalChange.ONLY_IF_DOES_NOT_EXIST).build().toArgsBinary());
        assertArrayEquals(new String[] {"GT"}, ZAddOptions.builder().updateOptions(UpdateOptions.SCORE_GREATER_THAN_CURRENT).build().toArgs());
        ZAddOptions nxLt = ZAddOptions.builder()
                .conditionalChange(ConditionalChange.ONLY_IF_DOES_NOT_EXIST)
                .updateOptions(UpdateOptions.SCORE_LESS_THAN_CURRENT)
                .build();
        assertThrows(IllegalArgumentException.class, nxLt::toArgs);
        assertThrows(IllegalArgumentException.class, nxLt::toArgsBinary);

        assertArrayEquals(new String[] {"2", "a", "b"}, new KeyArray(new String[] {"a", "b"}).toArgs());
        assertArrayEquals(gss("1", "a"), new KeyArrayBinary(gss("a")).toArgs());
        assertArrayEquals(
                new String[] {"2", "a", "b", "WEIGHTS", "1.0", "2.5"},
                new WeightedKeys(List.of(Pair.of("a", 1.0), Pair.of("b", 2.5))).toArgs());
        assertArrayEquals(gss("1", "a", "WEIGHTS", "3.0"), new WeightedKeysBinary(List.of(Pair.of(gs("a"), 3.0))).toArgs());
        assertArrayEquals(new String[] {"AGGREGATE", "SUM"}, Aggregate.SUM.toArgs());
        assertArrayEquals(new String[] {"AGGREGATE", "MIN"}, Aggregate.MIN.toArgs());
        assertArrayEquals(new String[] {"AGGREGATE", "MAX"}, Aggregate.MAX.toArgs());
        assertEquals("WEIGHTS", WeightAggregateOptions.WEIGHTS_VALKEY_API);
        assertEquals("AGGREGATE", WeightAggregateOptions.AGGREGATE_VALKEY_API);

        assertArrayEquals(new String[0], ZScanOptions.builder().build().toArgs());
        ZScanOptions zscan = ZScanOptions.builder().matchPattern("a*").count(10L).noScores(true).build();
        assertArrayEquals(new String[] {"MATCH", "a*", "COUNT", "10", "NOSCORES"}, zscan.toArgs());
        assertArrayEquals(gss("MATCH", "a*", "COUNT", "10", "NOSCORES"), zscan.toGlideStringArgs());
        assertEquals(zscan, ZScanOptions.builder().matchPattern("a*").count(10L).noScores(true).build());
        assertEquals(zscan.hashCode(), ZScanOptions.builder().matchPattern("a*").count(10L).noScores(true).build().hashCode());
        assertFalse(zscan.equals(ZScanOptions.builder().matchPattern("a*").count(10L).build()));
        ZScanOptionsBinary zscanBinary = ZScanOptionsBinary.builder().matchPattern(gs("b?")).noScores(true).build();
        assertArrayEquals(new String[] {"MATCH", "b?", "NOSCORES"}, zscanBinary.toArgs());
        assertArrayEquals(gss("MATCH", "b?", "NOSCORES"), zscanBinary.toGlideStringArgs());
        assertEquals(gs("NOSCORES"), ZScanOptionsBinary.NO_SCORES_API);
        assertEquals("NOSCORES", ZScanOptions.NO_SCORES_API);

        assertEquals("WITHSCORES", SortedSetBaseCommands.WITH_SCORES_VALKEY_API);
        assertEquals("WITHSCORE", SortedSetBaseCommands.WITH_SCORE_VALKEY_API);
        assertEquals("COUNT", SortedSetBaseCommands.COUNT_VALKEY_API);
        assertEquals("LIMIT", SortedSetBaseCommands.LIMIT_VALKEY_API);
        assertEquals(List.of(ScoreFilter.MIN, ScoreFilter.MAX), List.of(ScoreFilter.values()));
    }

    // ---- the definitions' explicit shapes (glide.internal.commands.SortedSetCommands) ----

    /**
     * As {@link SameAsDerived#check}, but on one key, set up again before customCommand runs: for
     * the replies that name the key they popped from (BZPOPMIN, BZPOPMAX, ZMPOP, BZMPOP).
     */
    private static <T> void sameOnOneKey(
            GlideClient client,
            SameAsDerived.Setup setup,
            Function<String, CompletableFuture<T>> typed,
            Function<String, String[]> raw,
            Function<Object, T> convert,
            Function<String, Object> expected)
            throws Exception {
        String k = key();
        setup.on(client, k);
        T viaDefinition = await(typed.apply(k));
        await(client.del(new String[] {k}));
        setup.on(client, k);
        T viaProbe = convert.apply(await(client.customCommand(raw.apply(k))));
        String command = Arrays.toString(raw.apply("<key>"));
        assertTrue(SameAsDerived.deepEquals(viaDefinition, viaProbe),
                command + ": " + SameAsDerived.show(viaDefinition) + " vs " + SameAsDerived.show(viaProbe));
        assertTrue(SameAsDerived.deepEquals(expected.apply(k), viaDefinition), command + ": " + SameAsDerived.show(viaDefinition));
    }

    /**
     * Every sorted-set reply that is not left as sent (scores, score maps, [key, member, score],
     * {key: {member: score}}, [member, score] pairs) is what the core derives for the same bytes:
     * the definitions' explicit shapes change nothing.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void definedShapesAreTheDerivedOnes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.Setup abc = (c, k) -> await(c.zadd(k, scores("a", 1, "b", 2, "c", 3)));
            SameAsDerived.Setup two = (c, k) -> {
                abc.on(c, k);
                await(c.zadd(k + ":2", scores("b", 10, "c", 20, "d", 30)));
            };
            SortedSetCommands<String> z = SortedSetCommands.TEXT;
            ZAddOptions xxGt = ZAddOptions.builder()
                    .conditionalChange(ConditionalChange.ONLY_IF_EXISTS)
                    .updateOptions(UpdateOptions.SCORE_GREATER_THAN_CURRENT)
                    .build();
            ZAddOptions nx = ZAddOptions.builder().conditionalChange(ConditionalChange.ONLY_IF_DOES_NOT_EXIST).build();

            // one score, or nil
            Function<Object, Double> score = z.zaddIncr("a", "b", 0, null).convert();
            SameAsDerived.check(client, abc, k -> client.zaddIncr(k, "a", 1.5, xxGt),
                    k -> new String[] {"ZADD", k, "XX", "GT", "INCR", "1.5", "a"}, score, 2.5);
            SameAsDerived.check(client, abc, k -> client.zaddIncr(k, "a", 1.5, nx),
                    k -> new String[] {"ZADD", k, "NX", "INCR", "1.5", "a"}, score, null);
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.zaddIncr(k, "a", INF),
                    k -> new String[] {"ZADD", k, "INCR", "inf", "a"}, score, INF);
            SameAsDerived.check(client, abc, k -> client.zincrby(k, -0.5, "c"), k -> new String[] {"ZINCRBY", k, "-0.5", "c"},
                    z.zincrby("a", 0, "b").convert(), 2.5);
            SameAsDerived.check(client, abc, k -> client.zscore(k, "b"), k -> new String[] {"ZSCORE", k, "b"},
                    z.zscore("a", "b").convert(), 2.0);
            SameAsDerived.check(client, abc, k -> client.zscore(k, "z"), k -> new String[] {"ZSCORE", k, "z"},
                    z.zscore("a", "b").convert(), null);
            SameAsDerived.check(client, abc, k -> client.zmscore(k, new String[] {"c", "z"}), k -> new String[] {"ZMSCORE", k, "c", "z"},
                    z.zmscore("a", new String[0]).convert(), new Double[] {3.0, null});

            // members with their scores
            Function<Object, Map<String, Double>> map = z.zpopmin("a").convert();
            SameAsDerived.check(client, abc, k -> client.zpopmin(k), k -> new String[] {"ZPOPMIN", k}, map, Map.of("a", 1.0));
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.zpopmin(k), k -> new String[] {"ZPOPMIN", k}, map, Map.of());
            SameAsDerived.check(client, abc, k -> client.zpopmax(k, 2), k -> new String[] {"ZPOPMAX", k, "2"}, map,
                    Map.of("c", 3.0, "b", 2.0));
            SameAsDerived.check(client, abc, k -> client.zrangeWithScores(k, new RangeByIndex(0, 1)),
                    k -> new String[] {"ZRANGE", k, "0", "1", "WITHSCORES"}, map, Map.of("a", 1.0, "b", 2.0));
            SameAsDerived.check(client, abc,
                    k -> client.zrangeWithScores(k, new RangeByScore(InfScoreBound.POSITIVE_INFINITY, new ScoreBoundary(2)), true),
                    k -> new String[] {"ZRANGE", k, "+inf", "2.0", "BYSCORE", "REV", "WITHSCORES"}, map, Map.of("c", 3.0, "b", 2.0));
            SameAsDerived.check(client, two, k -> client.zdiffWithScores(new String[] {k, k + ":2"}),
                    k -> new String[] {"ZDIFF", "2", k, k + ":2", "WITHSCORES"}, map, Map.of("a", 1.0));
            SameAsDerived.check(client, two, k -> client.zunionWithScores(new KeyArray(new String[] {k, k + ":2"})),
                    k -> new String[] {"ZUNION", "2", k, k + ":2", "WITHSCORES"}, map, Map.of("a", 1.0, "b", 12.0, "c", 23.0, "d", 30.0));
            SameAsDerived.check(client, two,
                    k -> client.zinterWithScores(new WeightedKeys(List.of(Pair.of(k, 2.0), Pair.of(k + ":2", 1.0))), Aggregate.MAX),
                    k -> new String[] {"ZINTER", "2", k, k + ":2", "WEIGHTS", "2.0", "1.0", "AGGREGATE", "MAX", "WITHSCORES"}, map,
                    Map.of("b", 10.0, "c", 20.0));

            // [member, score] pairs: one member, so the random picks agree
            SameAsDerived.check(client, (c, k) -> await(c.zadd(k, scores("m", 1.5))), k -> client.zrandmemberWithCountWithScores(k, -2),
                    k -> new String[] {"ZRANDMEMBER", k, "-2", "WITHSCORES"}, z.zrandmemberWithCountWithScores("a", 0).convert(),
                    new Object[][] {{"m", 1.5}, {"m", 1.5}});

            // replies naming the key
            sameOnOneKey(client, abc, k -> client.bzpopmin(new String[] {k}, 0.5), k -> new String[] {"BZPOPMIN", k, "0.5"},
                    z.bzpopmin(new String[0], 0).convert(), k -> new Object[] {k, "a", 1.0});
            sameOnOneKey(client, abc, k -> client.bzpopmax(new String[] {k}, 0.5), k -> new String[] {"BZPOPMAX", k, "0.5"},
                    z.bzpopmax(new String[0], 0).convert(), k -> new Object[] {k, "c", 3.0});
            Function<Object, Map<String, Object>> popped = z.zmpop(new String[0], ScoreFilter.MIN, null).convert();
            sameOnOneKey(client, abc, k -> client.zmpop(new String[] {k}, ScoreFilter.MIN), k -> new String[] {"ZMPOP", "1", k, "MIN"},
                    popped, k -> Map.of(k, Map.of("a", 1.0)));
            sameOnOneKey(client, abc, k -> client.bzmpop(new String[] {k}, ScoreFilter.MAX, 0.5, 2),
                    k -> new String[] {"BZMPOP", "0.5", "1", k, "MAX", "COUNT", "2"}, popped, k -> Map.of(k, Map.of("c", 3.0, "b", 2.0)));
            sameOnOneKey(client, SameAsDerived.NOTHING, k -> client.zmpop(new String[] {k}, ScoreFilter.MIN),
                    k -> new String[] {"ZMPOP", "1", k, "MIN"}, popped, k -> null);
        }
    }

    /** ZRANK/ZREVRANK ... WITHSCORE ([rank, score]) on the scripted server: the local one lacks them. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void rankWithScoreIsTheDerivedShape(ProtocolVersion protocol) throws Exception {
        ScriptedServer.Responder responder = (command, resp3) -> {
            switch (command.get(0)) {
                case "ZRANK":
                case "ZREVRANK":
                    return resp3 ? "*2\r\n:2\r\n,2.5\r\n" : "*2\r\n:2\r\n$3\r\n2.5\r\n";
                default:
                    return "-ERR unexpected\r\n";
            }
        };
        try (ScriptedServer fake = ScriptedServer.start(responder);
                GlideClient client = connect(fake, protocol)) {
            Function<Object, Object[]> rank = SortedSetCommands.TEXT.zrankWithScore("a", "b").convert();
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.zrankWithScore(k, "m"),
                    k -> new String[] {"ZRANK", k, "m", "WITHSCORE"}, rank, new Object[] {2L, 2.5});
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.zrevrankWithScore(k, "m"),
                    k -> new String[] {"ZREVRANK", k, "m", "WITHSCORE"}, rank, new Object[] {2L, 2.5});
        }
    }
}
