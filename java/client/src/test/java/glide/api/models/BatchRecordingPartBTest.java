package glide.api.models;

import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import glide.api.models.commands.FlushMode;
import glide.api.models.commands.RangeOptions.InfLexBound;
import glide.api.models.commands.RangeOptions.InfScoreBound;
import glide.api.models.commands.RangeOptions.LexBoundary;
import glide.api.models.commands.RangeOptions.LexRange;
import glide.api.models.commands.RangeOptions.Limit;
import glide.api.models.commands.RangeOptions.RangeByIndex;
import glide.api.models.commands.RangeOptions.RangeByScore;
import glide.api.models.commands.RangeOptions.RangeQuery;
import glide.api.models.commands.RangeOptions.ScoreBoundary;
import glide.api.models.commands.RangeOptions.ScoreRange;
import glide.api.models.commands.RangeOptions.ScoredRangeQuery;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.SortOrder;
import glide.api.models.commands.WeightAggregateOptions.Aggregate;
import glide.api.models.commands.WeightAggregateOptions.KeyArray;
import glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary;
import glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys;
import glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary;
import glide.api.models.commands.WeightAggregateOptions.WeightedKeys;
import glide.api.models.commands.ZAddOptions;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.api.models.commands.geospatial.GeoAddOptions;
import glide.api.models.commands.geospatial.GeoSearchOptions;
import glide.api.models.commands.geospatial.GeoSearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchStoreOptions;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeospatialData;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.commands.scan.ZScanOptions;
import glide.api.models.commands.stream.StreamAddOptions;
import glide.api.models.commands.stream.StreamClaimOptions;
import glide.api.models.commands.stream.StreamGroupOptions;
import glide.api.models.commands.stream.StreamPendingOptions;
import glide.api.models.commands.stream.StreamRange;
import glide.api.models.commands.stream.StreamRange.IdBound;
import glide.api.models.commands.stream.StreamRange.InfRangeBound;
import glide.api.models.commands.stream.StreamReadGroupOptions;
import glide.api.models.commands.stream.StreamReadOptions;
import glide.api.models.commands.stream.StreamTrimOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.lang3.tuple.Pair;
import org.junit.jupiter.api.Test;

/**
 * Part B of the batch builders (sorted sets, geo, streams, functions, pub/sub, and the methods of
 * {@link Batch} and {@link ClusterBatch}): each one queues exactly one command, with the
 * arguments the clients send. No server needed.
 */
public class BatchRecordingPartBTest {

    /** The part B families of {@link BaseBatch}. */
    static final Pattern PART_B =
            Pattern.compile("b?z[A-Za-z]*|geo[A-Za-z]*|x[A-Za-z]+|function[A-Za-z]*|fcall[A-Za-z]*|publish|pubsub[A-Za-z]*");

    // ---------------------------------------------------------------- every method

    @Test
    public void everyPartBMethodRecordsOneCommand_standaloneAndCluster() throws Exception {
        List<Method> methods = new ArrayList<>();
        for (Method m : BaseBatch.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && PART_B.matcher(m.getName()).matches()) {
                methods.add(m);
            }
        }
        // valkey-glide 2.3.1 declares 138 of them in BaseBatch.
        assertEquals(138, methods.size());
        List<String> failures = new ArrayList<>();
        for (Method m : methods) {
            failures.addAll(runOnce(new Batch(true), m));
            failures.addAll(runOnce(new ClusterBatch(false), m));
        }
        for (Method m : Batch.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                failures.addAll(runOnce(new Batch(false), m));
            }
        }
        for (Method m : ClusterBatch.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                failures.addAll(runOnce(new ClusterBatch(true), m));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures:\n" + String.join("\n", failures));
        }
    }

    /** Calls {@code m} with sample arguments of its parameter types; an error per failure. */
    private static List<String> runOnce(BaseBatch<?> batch, Method m) {
        List<String> errors = new ArrayList<>();
        String where = batch.getClass().getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes());
        Object[] args;
        try {
            Type[] generic = m.getGenericParameterTypes();
            Class<?>[] raw = m.getParameterTypes();
            args = new Object[raw.length];
            for (int i = 0; i < raw.length; i++) {
                args[i] = sample(raw[i], generic[i]);
            }
        } catch (RuntimeException e) {
            errors.add(where + ": no sample argument: " + e.getMessage());
            return errors;
        }
        int before = batch.commands().size();
        try {
            Object result = m.invoke(batch, args);
            if (result != batch) {
                errors.add(where + ": did not return the batch");
            }
        } catch (InvocationTargetException e) {
            errors.add(where + ": threw " + e.getCause());
            return errors;
        } catch (IllegalAccessException e) {
            errors.add(where + ": " + e);
            return errors;
        }
        if (batch.commands().size() != before + 1) {
            errors.add(where + ": recorded " + (batch.commands().size() - before) + " commands");
        }
        return errors;
    }

    static Object sample(Class<?> type, Type generic) {
        if (type == Object.class) {
            return "k";
        }
        if (type == Object[].class) {
            return new String[] {"a", "b"};
        }
        if (type == Object[][].class) {
            return new String[][] {{"f", "v"}};
        }
        if (type == String.class) {
            return "dest";
        }
        if (type == GlideString.class) {
            return gs("dest");
        }
        if (type == long.class || type == Long.class) {
            return 5L;
        }
        if (type == int.class) {
            return 5;
        }
        if (type == double.class) {
            return 0.5;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == byte[].class) {
            return new byte[] {1, 2, (byte) 0xff};
        }
        if (type == Map.class) {
            Type value = ((ParameterizedType) generic).getActualTypeArguments()[1];
            Map<String, Object> map = new LinkedHashMap<>();
            if (value == Double.class) {
                map.put("m", 1.5);
            } else if (value == GeospatialData.class) {
                map.put("m", new GeospatialData(13.361389, 38.115556));
            } else {
                map.put("s", "0-0");
            }
            return map;
        }
        if (type == ScoreRange.class) {
            return InfScoreBound.NEGATIVE_INFINITY;
        }
        if (type == LexRange.class) {
            return InfLexBound.POSITIVE_INFINITY;
        }
        if (type == RangeQuery.class || type == ScoredRangeQuery.class) {
            return new RangeByIndex(0, -1);
        }
        if (type == KeysOrWeightedKeys.class || type == KeyArray.class) {
            return new KeyArray(new String[] {"a", "b"});
        }
        if (type == KeysOrWeightedKeysBinary.class || type == KeyArrayBinary.class) {
            return new KeyArrayBinary(new GlideString[] {gs("a"), gs("b")});
        }
        if (type == Aggregate.class) {
            return Aggregate.MAX;
        }
        if (type == ScoreFilter.class) {
            return ScoreFilter.MIN;
        }
        if (type == ZAddOptions.class) {
            return ZAddOptions.builder().conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_EXISTS).build();
        }
        if (type == ZScanOptions.class) {
            return ZScanOptions.builder().matchPattern("*").count(10L).build();
        }
        if (type == GeoAddOptions.class) {
            return new GeoAddOptions(true);
        }
        if (type == GeoUnit.class) {
            return GeoUnit.KILOMETERS;
        }
        if (type == SearchOrigin.class) {
            return new GeoSearchOrigin.MemberOrigin("m");
        }
        if (type == GeoSearchShape.class) {
            return new GeoSearchShape(10, GeoUnit.METERS);
        }
        if (type == GeoSearchResultOptions.class) {
            return new GeoSearchResultOptions(SortOrder.ASC, 3);
        }
        if (type == GeoSearchOptions.class) {
            return GeoSearchOptions.builder().withdist().build();
        }
        if (type == GeoSearchStoreOptions.class) {
            return GeoSearchStoreOptions.builder().storedist().build();
        }
        if (type == StreamAddOptions.class) {
            return StreamAddOptions.builder().id("1-0").build();
        }
        if (type == StreamTrimOptions.class) {
            return new StreamTrimOptions.MaxLen(10);
        }
        if (type == StreamRange.class) {
            return InfRangeBound.MIN;
        }
        if (type == StreamReadOptions.class) {
            return StreamReadOptions.builder().count(2L).build();
        }
        if (type == StreamReadGroupOptions.class) {
            return StreamReadGroupOptions.builder().count(2L).build();
        }
        if (type == StreamGroupOptions.class) {
            return StreamGroupOptions.builder().makeStream().build();
        }
        if (type == StreamPendingOptions.class) {
            return StreamPendingOptions.builder().consumer("c").build();
        }
        if (type == StreamClaimOptions.class) {
            return StreamClaimOptions.builder().force().build();
        }
        if (type == FunctionRestorePolicy.class) {
            return FunctionRestorePolicy.FLUSH;
        }
        if (type == FlushMode.class) {
            return FlushMode.ASYNC;
        }
        if (type == ScanOptions.class) {
            return ScanOptions.builder().matchPattern("k*").build();
        }
        throw new IllegalArgumentException("no sample for " + generic);
    }

    // ---------------------------------------------------------------- exact arguments

    private static List<String> last(BaseBatch<?> batch) {
        byte[][] cmd = batch.commands().command(batch.commands().size() - 1);
        List<String> out = new ArrayList<>();
        for (byte[] a : cmd) {
            out.add(new String(a, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static List<String> list(String... items) {
        return Arrays.asList(items);
    }

    @Test
    public void zadd_withOptionsAndChanged_keepsMapOrder() {
        Map<String, Double> members = new LinkedHashMap<>();
        members.put("z", 3.0);
        members.put("a", 1.5);
        members.put("m", 2.0);
        Batch batch = new Batch(true).zadd(
                "key",
                members,
                ZAddOptions.builder().conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_DOES_NOT_EXIST).build(),
                true);
        List<String> args = last(batch);
        assertEquals("ZADD", args.get(0));
        assertEquals("key", args.get(1));
        assertTrue(args.contains("NX"));
        assertTrue(args.contains("CH"));
        // Score/member pairs in the map's order, after the options.
        int first = args.indexOf("z");
        assertEquals(args.subList(first - 1, args.size()), list("3.0", "z", "1.5", "a", "2.0", "m"));
    }

    @Test
    public void zrange_byScoreWithLimit_andReverse() {
        Batch batch = new Batch(false).zrange(
                gs("key"), new RangeByScore(new ScoreBoundary(1, false), InfScoreBound.POSITIVE_INFINITY, new Limit(2, 5)));
        assertEquals(list("ZRANGE", "key", "(1.0", "+inf", "BYSCORE", "LIMIT", "2", "5"), last(batch));
        batch.zrangeWithScores("key", new RangeByIndex(0, -1), true);
        assertEquals(list("ZRANGE", "key", "0", "-1", "REV", "WITHSCORES"), last(batch));
    }

    @Test
    public void zinterstore_withWeightsAndAggregate() {
        List<Pair<String, Double>> weighted = new ArrayList<>();
        weighted.add(Pair.of("k1", 2.0));
        weighted.add(Pair.of("k2", 0.5));
        ClusterBatch batch = new ClusterBatch(true).zinterstore("{t}dst", new WeightedKeys(weighted), Aggregate.MIN);
        assertEquals(
                list("ZINTERSTORE", "{t}dst", "2", "k1", "k2", "WEIGHTS", "2.0", "0.5", "AGGREGATE", "MIN"), last(batch));
    }

    @Test
    public void zscan_optionsKeepBinaryPattern() {
        byte[] pattern = {(byte) 0xfe, '*'};
        Batch batch = new Batch(true)
                .zscan(gs("key"), gs("0"), ZScanOptions.builder().matchPatternBinary(gs(pattern)).count(7L).noScores(true).build());
        byte[][] cmd = batch.commands().command(0);
        assertEquals(8, cmd.length);
        assertEquals(list("ZSCAN", "key", "0", "MATCH"), last(batch).subList(0, 4));
        assertTrue(Arrays.equals(pattern, cmd[4]));
        assertEquals(list("COUNT", "7", "NOSCORES"), last(batch).subList(5, 8));
    }

    @Test
    public void geosearch_fromMemberByRadius_withDetailsAndCount() {
        Batch batch = new Batch(true).geosearch(
                "geo",
                new GeoSearchOrigin.MemberOrigin("Palermo"),
                new GeoSearchShape(200, GeoUnit.KILOMETERS),
                GeoSearchOptions.builder().withcoord().withdist().build(),
                new GeoSearchResultOptions(SortOrder.ASC, 2));
        List<String> args = last(batch);
        assertEquals(list("GEOSEARCH", "geo", "FROMMEMBER", "Palermo", "BYRADIUS", "200.0", "km"), args.subList(0, 7));
        assertTrue(args.containsAll(list("WITHCOORD", "WITHDIST", "ASC", "COUNT", "2")));
    }

    @Test
    public void geoadd_keepsMapOrder() {
        Map<String, GeospatialData> members = new LinkedHashMap<>();
        members.put("Palermo", new GeospatialData(13.361389, 38.115556));
        members.put("Catania", new GeospatialData(15.087269, 37.502669));
        Batch batch = new Batch(true).geoadd("geo", members, new GeoAddOptions(true));
        assertEquals(
                list("GEOADD", "geo", "CH", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"),
                last(batch));
    }

    @Test
    public void xadd_withOptions_andBinaryValues() {
        Map<GlideString, GlideString> values = new LinkedHashMap<>();
        byte[] raw = {(byte) 0xc3, 0x28};
        values.put(gs("f1"), gs(raw));
        values.put(gs("f2"), gs("v2"));
        StreamAddOptions options = StreamAddOptions.builder()
                .id("5-1")
                .makeStream(false)
                .trim(new StreamTrimOptions.MaxLen(false, 100))
                .build();
        Batch batch = new Batch(true).xadd(gs("s"), values, options);
        byte[][] cmd = batch.commands().command(0);
        List<String> args = last(batch);
        assertEquals(list("XADD", "s", "NOMKSTREAM", "MAXLEN", "~", "100", "5-1", "f1"), args.subList(0, 8));
        assertTrue(Arrays.equals(raw, cmd[8]));
        assertEquals(list("f2", "v2"), args.subList(9, 11));

        batch.xadd("s", new String[][] {{"a", "1"}, {"b", "2"}});
        assertEquals(list("XADD", "s", "*", "a", "1", "b", "2"), last(batch));

        batch.xadd("s", new String[][] {{"a", "1"}}, StreamAddOptions.builder().trim(new StreamTrimOptions.MinId(true, "3-0")).build());
        assertEquals(list("XADD", "s", "MINID", "=", "3-0", "*", "a", "1"), last(batch));
    }

    @Test
    public void xreadgroup_withOptions_keepsStreamOrder() {
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("s2", ">");
        streams.put("s1", "0-0");
        Batch batch = new Batch(true).xreadgroup(
                streams, "g", "c", StreamReadGroupOptions.builder().count(3L).noack().build());
        List<String> args = last(batch);
        assertEquals(list("XREADGROUP", "GROUP", "g", "c"), args.subList(0, 4));
        assertTrue(args.containsAll(list("COUNT", "3", "NOACK")));
        int streamsAt = args.indexOf("STREAMS");
        assertEquals(list("STREAMS", "s2", "s1", ">", "0-0"), args.subList(streamsAt, args.size()));

        batch.xread(streams, StreamReadOptions.builder().block(10L).build());
        List<String> read = last(batch);
        assertEquals("XREAD", read.get(0));
        assertEquals(list("STREAMS", "s2", "s1", ">", "0-0"), read.subList(read.indexOf("STREAMS"), read.size()));
    }

    @Test
    public void xclaim_withOptions() {
        Batch batch = new Batch(true).xclaim(
                "s", "g", "c", 1000L, new String[] {"1-0", "2-0"},
                StreamClaimOptions.builder().retryCount(3L).force().build());
        List<String> args = last(batch);
        assertEquals(list("XCLAIM", "s", "g", "c", "1000", "1-0", "2-0"), args.subList(0, 7));
        assertTrue(args.containsAll(list("RETRYCOUNT", "3", "FORCE")));
        batch.xclaimJustId("s", "g", "c", 1L, new String[] {"1-0"});
        assertEquals(list("XCLAIM", "s", "g", "c", "1", "1-0", "JUSTID"), last(batch));
    }

    @Test
    public void xpending_withIdleAndConsumer() {
        Batch batch = new Batch(true).xpending(
                "s", "g", IdBound.of("1-0"), InfRangeBound.MAX, 10L,
                StreamPendingOptions.builder().minIdleTime(60L).consumer("alice").build());
        assertEquals(list("XPENDING", "s", "g", "IDLE", "60", "1-0", "+", "10", "alice"), last(batch));
        batch.xpending("s", "g", InfRangeBound.MIN, InfRangeBound.MAX, 5L, StreamPendingOptions.builder().build());
        assertEquals(list("XPENDING", "s", "g", "-", "+", "5"), last(batch));
    }

    @Test
    public void fcall_withAndWithoutKeys() {
        Batch batch = new Batch(true).fcall("fn", new String[] {"k1", "k2"}, new String[] {"a"});
        assertEquals(list("FCALL", "fn", "2", "k1", "k2", "a"), last(batch));
        batch.fcall("fn", new String[] {"a", "b"});
        assertEquals(list("FCALL", "fn", "0", "a", "b"), last(batch));
        batch.fcallReadOnly(gs("fn"), new GlideString[] {gs("x")});
        assertEquals(list("FCALL_RO", "fn", "0", "x"), last(batch));
    }

    @Test
    public void functionRestore_keepsPayloadBytes() {
        byte[] payload = {0, (byte) 0xf5, 7, (byte) 0x80};
        ClusterBatch batch = new ClusterBatch(false).functionRestore(payload, FunctionRestorePolicy.REPLACE);
        byte[][] cmd = batch.commands().command(0);
        assertEquals(list("FUNCTION", "RESTORE"), last(batch).subList(0, 2));
        assertTrue(Arrays.equals(payload, cmd[2]));
        assertEquals("REPLACE", new String(cmd[3], StandardCharsets.UTF_8));
        batch.functionLoad("#!lua name=lib\n", true);
        assertEquals(list("FUNCTION", "LOAD", "REPLACE", "#!lua name=lib\n"), last(batch));
        batch.functionList("li*", true);
        assertEquals(list("FUNCTION", "LIST", "LIBRARYNAME", "li*", "WITHCODE"), last(batch));
        batch.functionStats();
        assertEquals(list("FUNCTION", "STATS"), last(batch));
    }

    @Test
    public void publish_channelGoesFirstOnTheWire() {
        Batch batch = new Batch(true).publish("the message", "news");
        assertEquals(list("PUBLISH", "news", "the message"), last(batch));
        ClusterBatch cluster = new ClusterBatch(false).publish("msg", "shard-ch", true);
        assertEquals(list("SPUBLISH", "shard-ch", "msg"), last(cluster));
        cluster.publish("msg", "ch", false);
        assertEquals(list("PUBLISH", "ch", "msg"), last(cluster));
        cluster.pubsubShardNumSub(new String[] {"a", "b"});
        assertEquals(list("PUBSUB", "SHARDNUMSUB", "a", "b"), last(cluster));
        cluster.pubsubShardChannels("p*");
        assertEquals(list("PUBSUB", "SHARDCHANNELS", "p*"), last(cluster));
        batch.pubsubNumSub(new String[] {"x"}).pubsubNumPat().pubsubChannels();
        assertEquals(list("PUBSUB", "CHANNELS"), last(batch));
        assertEquals(4, batch.commands().size());
    }

    @Test
    public void binaryKeys_areKeptByteExact() {
        byte[] key = {(byte) 0xff, 0, (byte) 0xc0, 'k'};
        byte[] member = {(byte) 0x80, (byte) 0x81};
        Batch batch = new Batch(true)
                .zscore(gs(key), gs(member))
                .xlen(gs(key))
                .geopos(gs(key), new GlideString[] {gs(member)})
                .zunionstore(gs(key), new KeyArrayBinary(new GlideString[] {gs(member)}));
        byte[][] zscore = batch.commands().command(0);
        assertTrue(Arrays.equals(key, zscore[1]));
        assertTrue(Arrays.equals(member, zscore[2]));
        assertTrue(Arrays.equals(key, batch.commands().command(1)[1]));
        assertTrue(Arrays.equals(member, batch.commands().command(2)[2]));
        byte[][] store = batch.commands().command(3);
        assertTrue(Arrays.equals(key, store[1]));
        assertTrue(Arrays.equals(member, store[3]));

        Map<GlideString, Double> scores = new LinkedHashMap<>();
        scores.put(gs(member), 1.0);
        batch.zadd(gs(key), scores);
        byte[][] zadd = batch.commands().command(4);
        assertTrue(Arrays.equals(key, zadd[1]));
        assertTrue(Arrays.equals(member, zadd[3]));
    }

    @Test
    public void scan_onStandaloneBatch() {
        Batch batch = new Batch(false).scan("0", ScanOptions.builder().matchPattern("user:*").count(20L).build());
        List<String> args = last(batch);
        assertEquals(list("SCAN", "0"), args.subList(0, 2));
        assertTrue(args.containsAll(list("MATCH", "user:*", "COUNT", "20")));
        batch.scan(gs("17"));
        assertEquals(list("SCAN", "17"), last(batch));
    }

    /** The first argument decides (see BatchRecordingPartATest); PUBLISH checks its channel, as valkey-glide. */
    @Test
    public void otherArgumentTypes_followTheFirstArgument() {
        Batch batch = new Batch(true);
        assertThrows(IllegalArgumentException.class, () -> batch.zscore(1, 2));
        assertThrows(IllegalArgumentException.class, () -> batch.publish("message", 7));
        assertEquals(0, batch.commands().size());
        Map<Object, Double> members = new LinkedHashMap<>();
        members.put(42, 1.0);
        batch.zadd((Object) "k", members);
        assertEquals(list("ZADD", "k", "1.0", "42"), last(batch));
        batch.publish(new byte[] {'m'}, "ch");
        assertEquals(list("PUBLISH", "ch", "m"), last(batch));
        batch.zscan("z", 0, ZScanOptions.builder().count(20L).build());
        assertEquals(list("ZSCAN", "z", "0", "COUNT", "20"), last(batch));
    }
}
