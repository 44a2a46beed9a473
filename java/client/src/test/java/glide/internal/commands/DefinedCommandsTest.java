package glide.internal.commands;

import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.GlideClient;
import glide.api.commands.BitmapBaseCommands;
import glide.api.commands.GenericBaseCommands;
import glide.api.commands.GeospatialIndicesBaseCommands;
import glide.api.commands.HashBaseCommands;
import glide.api.commands.HyperLogLogBaseCommands;
import glide.api.commands.ListBaseCommands;
import glide.api.commands.SetBaseCommands;
import glide.api.commands.SortedSetBaseCommands;
import glide.api.commands.StreamBaseCommands;
import glide.api.commands.StringBaseCommands;
import glide.api.models.Batch;
import glide.api.models.ClusterBatch;
import glide.api.models.GlideString;
import glide.api.models.commands.ConditionalChange;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.ExpirySet;
import glide.api.models.commands.GetExOptions;
import glide.api.models.commands.HGetExExpiry;
import glide.api.models.commands.HGetExOptions;
import glide.api.models.commands.HSetExOptions;
import glide.api.models.commands.HashFieldExpirationConditionOptions;
import glide.api.models.commands.LInsertOptions.InsertPosition;
import glide.api.models.commands.LPosOptions;
import glide.api.models.commands.ListDirection;
import glide.api.models.commands.MigrateOptions;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.commands.SetOptions;
import glide.api.models.commands.SortBaseOptions.Limit;
import glide.api.models.commands.SortBaseOptions.OrderBy;
import glide.api.models.commands.SortOptions;
import glide.api.models.commands.SortOptionsBinary;
import glide.api.models.commands.RangeOptions.InfLexBound;
import glide.api.models.commands.RangeOptions.InfScoreBound;
import glide.api.models.commands.RangeOptions.LexBoundary;
import glide.api.models.commands.RangeOptions.RangeByIndex;
import glide.api.models.commands.RangeOptions.RangeByLex;
import glide.api.models.commands.RangeOptions.RangeByScore;
import glide.api.models.commands.RangeOptions.ScoreBoundary;
import glide.api.models.commands.RangeOptions;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.SortOrder;
import glide.api.models.commands.WeightAggregateOptions.Aggregate;
import glide.api.models.commands.WeightAggregateOptions.KeyArray;
import glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary;
import glide.api.models.commands.WeightAggregateOptions.WeightedKeys;
import glide.api.models.commands.WeightAggregateOptions.WeightedKeysBinary;
import glide.api.models.commands.ZAddOptions;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldGet;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldIncrby;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldOverflow.BitOverflowControl;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldOverflow;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldReadOnlySubCommands;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSet;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSubCommands;
import glide.api.models.commands.bitmap.BitFieldOptions.Offset;
import glide.api.models.commands.bitmap.BitFieldOptions.OffsetMultiplier;
import glide.api.models.commands.bitmap.BitFieldOptions.SignedEncoding;
import glide.api.models.commands.bitmap.BitFieldOptions.UnsignedEncoding;
import glide.api.models.commands.bitmap.BitmapIndexType;
import glide.api.models.commands.bitmap.BitwiseOperation;
import glide.api.models.commands.geospatial.GeoAddOptions;
import glide.api.models.commands.geospatial.GeoSearchOptions;
import glide.api.models.commands.geospatial.GeoSearchOrigin.CoordOrigin;
import glide.api.models.commands.geospatial.GeoSearchOrigin.MemberOrigin;
import glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchStoreOptions;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeospatialData;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.HScanOptionsBinary;
import glide.api.models.commands.scan.SScanOptions;
import glide.api.models.commands.scan.SScanOptionsBinary;
import glide.api.models.commands.scan.ZScanOptions;
import glide.api.models.commands.scan.ZScanOptionsBinary;
import glide.api.models.commands.stream.StreamAddOptions;
import glide.api.models.commands.stream.StreamAddOptionsBinary;
import glide.api.models.commands.stream.StreamClaimOptions;
import glide.api.models.commands.stream.StreamGroupOptions;
import glide.api.models.commands.stream.StreamPendingOptions;
import glide.api.models.commands.stream.StreamPendingOptionsBinary;
import glide.api.models.commands.stream.StreamRange.InfRangeBound;
import glide.api.models.commands.stream.StreamRange;
import glide.api.models.commands.stream.StreamReadGroupOptions;
import glide.api.models.commands.stream.StreamReadOptions;
import glide.api.models.commands.stream.StreamTrimOptions.MaxLen;
import glide.api.models.commands.stream.StreamTrimOptions.MinId;
import glide.internal.BlockingTimeouts;
import glide.internal.CommandSink;
import glide.internal.RouteSpec;
import glide.internal.Wire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.lang3.tuple.Pair;
import org.junit.jupiter.api.Test;
// scripting/functions and pub/sub
import glide.api.GlideClusterClient;
import glide.api.commands.PubSubBaseCommands;
import glide.api.commands.PubSubClusterCommands;
import glide.api.commands.ScriptingAndFunctionsBaseCommands;
import glide.api.commands.ScriptingAndFunctionsClusterCommands;
import glide.api.commands.ScriptingAndFunctionsCommands;
import glide.api.models.Script;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.ScriptArgOptions;
import glide.api.models.commands.ScriptArgOptionsGlideString;
import glide.api.models.commands.ScriptDebugMode;
import glide.api.models.commands.ScriptOptions;
import glide.api.models.commands.ScriptOptionsGlideString;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import glide.api.models.exceptions.RequestException;

/**
 * The commands defined in glide.internal.commands as the API sends them: for each method,
 * its String overload, its GlideString overload and its batch builder must send the same bytes
 * with the same reply shape code, and that line must be in {@code defined-shapes.txt}, whose every
 * line the Rust test {@code each_defined_commands_code_is_the_shape_the_probe_derives} checks
 * against the probe. Together: a defined command's explicit shape is the one the core used to
 * derive from its bytes. No server or native library needed.
 */
class DefinedCommandsTest {
    private static final String SAMPLES = "defined-shapes.txt";

    /** What a client method handed to its sink. */
    private static final class Sent {
        byte[][] args;
        boolean binary;
        int timeoutMs;
        int shape;
        RouteSpec route;
    }

    /** Keeps what the client sends instead of sending it. */
    private static final class Capture implements CommandSink {
        final List<Sent> sent = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> execute(
                byte[][] args, boolean binary, int timeoutMs, int shape, RouteSpec route, Function<Object, T> convert) {
            Sent s = new Sent();
            s.args = args;
            s.binary = binary;
            s.timeoutMs = timeoutMs;
            s.shape = shape;
            s.route = route;
            sent.add(s);
            return new CompletableFuture<>();
        }
    }

    /** One API method in its forms; a null form: the API has none. */
    private static final class Sample {
        final String method;
        final Consumer<GlideClient> text;
        final Consumer<GlideClient> binary;
        final Consumer<Batch> batch;
        int timeoutMs = BlockingTimeouts.DEFAULT;

        Sample(String method, Consumer<GlideClient> text, Consumer<GlideClient> binary, Consumer<Batch> batch) {
            this.method = method;
            this.text = text;
            this.binary = binary;
            this.batch = batch;
        }

        Sample blocking(int nativeTimeoutMs) {
            timeoutMs = nativeTimeoutMs;
            return this;
        }
    }

    private static Sample s(String method, Consumer<GlideClient> text, Consumer<GlideClient> binary, Consumer<Batch> batch) {
        return new Sample(method, text, binary, batch);
    }

    private static final String[] KEYS = {"k", "k2"};
    private static final GlideString[] BINARY_KEYS = {gs("k"), gs("k2")};
    private static final byte[] VALUE = {'v'};
    private static final String[] ELEMENTS = {"a", "b"};
    private static final GlideString[] BINARY_ELEMENTS = {gs("a"), gs("b")};
    private static final String[] GEO_MEMBERS = {"m", "m2"};
    private static final GlideString[] BINARY_GEO_MEMBERS = {gs("m"), gs("m2")};

    private static Map<String, String> pairs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("k", "v");
        m.put("k2", "v2");
        return m;
    }

    private static Map<GlideString, GlideString> binaryPairs() {
        Map<GlideString, GlideString> m = new LinkedHashMap<>();
        m.put(gs("k"), gs("v"));
        m.put(gs("k2"), gs("v2"));
        return m;
    }

    private static Map<String, GeospatialData> places() {
        Map<String, GeospatialData> m = new LinkedHashMap<>();
        m.put("m", new GeospatialData(13.5, 38.25));
        m.put("m2", new GeospatialData(15.0, 37.5));
        return m;
    }

    private static Map<GlideString, GeospatialData> binaryPlaces() {
        Map<GlideString, GeospatialData> m = new LinkedHashMap<>();
        places().forEach((member, place) -> m.put(gs(member), place));
        return m;
    }

    private static Map<String, String> streamEntry() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("f", "v");
        return m;
    }

    private static Map<GlideString, GlideString> binaryStreamEntry() {
        Map<GlideString, GlideString> m = new LinkedHashMap<>();
        m.put(gs("f"), gs("v"));
        return m;
    }

    private static Map<String, String> streamIds() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("k", "0-0");
        m.put("k2", ">");
        return m;
    }

    private static Map<GlideString, GlideString> binaryStreamIds() {
        Map<GlideString, GlideString> m = new LinkedHashMap<>();
        streamIds().forEach((key, id) -> m.put(gs(key), gs(id)));
        return m;
    }

    private static SetOptions setOptions() {
        return SetOptions.builder()
                .conditionalSetOnlyIfNotExist()
                .returnOldValue(true)
                .expiry(SetOptions.Expiry.Seconds(5L))
                .build();
    }

    private static SortOptions sortOptions() {
        return SortOptions.builder()
                .limit(new Limit(0, 2))
                .orderBy(OrderBy.DESC)
                .alpha()
                .byPattern("w_*")
                .getPattern("o_*")
                .build();
    }

    private static SortOptionsBinary binarySortOptions() {
        return SortOptionsBinary.builder()
                .limit(new Limit(0, 2))
                .orderBy(OrderBy.DESC)
                .alpha()
                .byPattern(gs("w_*"))
                .getPattern(gs("o_*"))
                .build();
    }

    private static RestoreOptions restoreOptions() {
        return RestoreOptions.builder().replace().absttl().idletime(5L).build();
    }

    private static MigrateOptions migrateOptions() {
        return MigrateOptions.builder().copy(true).replace(true).build();
    }

    private static List<Sample> samples() {
        ExpireOptions nx = ExpireOptions.HAS_NO_EXPIRY;
        List<Sample> all = new ArrayList<>();
        all.addAll(setFamilySamples());
        all.addAll(scriptingAndPubSubSamples());
        // strings
        all.add(s("get", c -> c.get("k"), c -> c.get(gs("k")), b -> b.get("k")));
        all.add(s("getdel", c -> c.getdel("k"), c -> c.getdel(gs("k")), b -> b.getdel("k")));
        all.add(s("getex", c -> c.getex("k"), c -> c.getex(gs("k")), b -> b.getex("k")));
        all.add(s("getex", c -> c.getex("k", GetExOptions.Seconds(10L)), c -> c.getex(gs("k"), GetExOptions.Seconds(10L)),
                b -> b.getex("k", GetExOptions.Seconds(10L))));
        all.add(s("getex", c -> c.getex("k", GetExOptions.Persist()), c -> c.getex(gs("k"), GetExOptions.Persist()),
                b -> b.getex("k", GetExOptions.Persist())));
        all.add(s("set", c -> c.set("k", "v"), c -> c.set(gs("k"), gs("v")), b -> b.set("k", "v")));
        all.add(s("set", c -> c.set("k", "v", setOptions()), c -> c.set(gs("k"), gs("v"), setOptions()),
                b -> b.set("k", "v", setOptions())));
        all.add(s("mget", c -> c.mget(KEYS), c -> c.mget(BINARY_KEYS), b -> b.mget(KEYS)));
        all.add(s("mset", c -> c.mset(pairs()), c -> c.msetBinary(binaryPairs()), b -> b.mset(pairs())));
        all.add(s("msetnx", c -> c.msetnx(pairs()), c -> c.msetnxBinary(binaryPairs()), b -> b.msetnx(pairs())));
        all.add(s("incr", c -> c.incr("k"), c -> c.incr(gs("k")), b -> b.incr("k")));
        all.add(s("incrBy", c -> c.incrBy("k", 3), c -> c.incrBy(gs("k"), 3), b -> b.incrBy("k", 3)));
        all.add(s("incrByFloat", c -> c.incrByFloat("k", 0.5), c -> c.incrByFloat(gs("k"), 0.5), b -> b.incrByFloat("k", 0.5)));
        all.add(s("decr", c -> c.decr("k"), c -> c.decr(gs("k")), b -> b.decr("k")));
        all.add(s("decrBy", c -> c.decrBy("k", 3), c -> c.decrBy(gs("k"), 3), b -> b.decrBy("k", 3)));
        all.add(s("strlen", c -> c.strlen("k"), c -> c.strlen(gs("k")), b -> b.strlen("k")));
        all.add(s("setrange", c -> c.setrange("k", 2, "v"), c -> c.setrange(gs("k"), 2, gs("v")), b -> b.setrange("k", 2, "v")));
        all.add(s("getrange", c -> c.getrange("k", 0, -1), c -> c.getrange(gs("k"), 0, -1), b -> b.getrange("k", 0, -1)));
        all.add(s("append", c -> c.append("k", "v"), c -> c.append(gs("k"), gs("v")), b -> b.append("k", "v")));
        all.add(s("lcs", c -> c.lcs("k", "k2"), c -> c.lcs(gs("k"), gs("k2")), b -> b.lcs("k", "k2")));
        all.add(s("lcsLen", c -> c.lcsLen("k", "k2"), c -> c.lcsLen(gs("k"), gs("k2")), b -> b.lcsLen("k", "k2")));
        all.add(s("lcsIdx", c -> c.lcsIdx("k", "k2"), c -> c.lcsIdx(gs("k"), gs("k2")), b -> b.lcsIdx("k", "k2")));
        all.add(s("lcsIdx", c -> c.lcsIdx("k", "k2", 4), c -> c.lcsIdx(gs("k"), gs("k2"), 4), b -> b.lcsIdx("k", "k2", 4)));
        all.add(s("lcsIdxWithMatchLen", c -> c.lcsIdxWithMatchLen("k", "k2"), c -> c.lcsIdxWithMatchLen(gs("k"), gs("k2")),
                b -> b.lcsIdxWithMatchLen("k", "k2")));
        all.add(s("lcsIdxWithMatchLen", c -> c.lcsIdxWithMatchLen("k", "k2", 4), c -> c.lcsIdxWithMatchLen(gs("k"), gs("k2"), 4),
                b -> b.lcsIdxWithMatchLen("k", "k2", 4)));
        // keys
        all.add(s("del", c -> c.del(KEYS), c -> c.del(BINARY_KEYS), b -> b.del(KEYS)));
        all.add(s("exists", c -> c.exists(KEYS), c -> c.exists(BINARY_KEYS), b -> b.exists(KEYS)));
        all.add(s("unlink", c -> c.unlink(KEYS), c -> c.unlink(BINARY_KEYS), b -> b.unlink(KEYS)));
        all.add(s("touch", c -> c.touch(KEYS), c -> c.touch(BINARY_KEYS), b -> b.touch(KEYS)));
        all.add(s("expire", c -> c.expire("k", 10), c -> c.expire(gs("k"), 10), b -> b.expire("k", 10)));
        all.add(s("expire", c -> c.expire("k", 10, nx), c -> c.expire(gs("k"), 10, nx), b -> b.expire("k", 10, nx)));
        all.add(s("expireAt", c -> c.expireAt("k", 10), c -> c.expireAt(gs("k"), 10), b -> b.expireAt("k", 10)));
        all.add(s("expireAt", c -> c.expireAt("k", 10, nx), c -> c.expireAt(gs("k"), 10, nx), b -> b.expireAt("k", 10, nx)));
        all.add(s("pexpire", c -> c.pexpire("k", 10), c -> c.pexpire(gs("k"), 10), b -> b.pexpire("k", 10)));
        all.add(s("pexpire", c -> c.pexpire("k", 10, nx), c -> c.pexpire(gs("k"), 10, nx), b -> b.pexpire("k", 10, nx)));
        all.add(s("pexpireAt", c -> c.pexpireAt("k", 10), c -> c.pexpireAt(gs("k"), 10), b -> b.pexpireAt("k", 10)));
        all.add(s("pexpireAt", c -> c.pexpireAt("k", 10, nx), c -> c.pexpireAt(gs("k"), 10, nx), b -> b.pexpireAt("k", 10, nx)));
        all.add(s("ttl", c -> c.ttl("k"), c -> c.ttl(gs("k")), b -> b.ttl("k")));
        all.add(s("pttl", c -> c.pttl("k"), c -> c.pttl(gs("k")), b -> b.pttl("k")));
        all.add(s("expiretime", c -> c.expiretime("k"), c -> c.expiretime(gs("k")), b -> b.expiretime("k")));
        all.add(s("pexpiretime", c -> c.pexpiretime("k"), c -> c.pexpiretime(gs("k")), b -> b.pexpiretime("k")));
        all.add(s("persist", c -> c.persist("k"), c -> c.persist(gs("k")), b -> b.persist("k")));
        all.add(s("rename", c -> c.rename("k", "k2"), c -> c.rename(gs("k"), gs("k2")), b -> b.rename("k", "k2")));
        all.add(s("renamenx", c -> c.renamenx("k", "k2"), c -> c.renamenx(gs("k"), gs("k2")), b -> b.renamenx("k", "k2")));
        all.add(s("type", c -> c.type("k"), c -> c.type(gs("k")), b -> b.type("k")));
        all.add(s("copy", c -> c.copy("k", "k2"), c -> c.copy(gs("k"), gs("k2")), b -> b.copy("k", "k2")));
        all.add(s("copy", c -> c.copy("k", "k2", true), c -> c.copy(gs("k"), gs("k2"), true), b -> b.copy("k", "k2", true)));
        all.add(s("copy", c -> c.copy("k", "k2", 1), c -> c.copy(gs("k"), gs("k2"), 1), b -> b.copy("k", "k2", 1)));
        all.add(s("copy", c -> c.copy("k", "k2", 1, true), c -> c.copy(gs("k"), gs("k2"), 1, true), b -> b.copy("k", "k2", 1, true)));
        all.add(s("objectEncoding", c -> c.objectEncoding("k"), c -> c.objectEncoding(gs("k")), b -> b.objectEncoding("k")));
        all.add(s("objectFreq", c -> c.objectFreq("k"), c -> c.objectFreq(gs("k")), b -> b.objectFreq("k")));
        all.add(s("objectIdletime", c -> c.objectIdletime("k"), c -> c.objectIdletime(gs("k")), b -> b.objectIdletime("k")));
        all.add(s("objectRefcount", c -> c.objectRefcount("k"), c -> c.objectRefcount(gs("k")), b -> b.objectRefcount("k")));
        all.add(s("move", c -> c.move("k", 1), c -> c.move(gs("k"), 1), b -> b.move("k", 1)));
        all.add(s("dump", null, c -> c.dump(gs("k")), b -> b.dump("k")));
        all.add(s("restore", null, c -> c.restore(gs("k"), 0, VALUE), b -> b.restore("k", 0, VALUE)));
        all.add(s("restore", null, c -> c.restore(gs("k"), 0, VALUE, restoreOptions()), b -> b.restore("k", 0, VALUE, restoreOptions())));
        all.add(s("wait", c -> c.wait(1L, 100L), null, b -> b.wait(1L, 100L)).blocking(BlockingTimeouts.forMillis(100)));
        all.add(s("waitaof", c -> c.waitaof(1, 0, 100), null, null).blocking(BlockingTimeouts.forMillis(100)));
        all.add(s("sort", c -> c.sort("k"), c -> c.sort(gs("k")), b -> b.sort("k")));
        all.add(s("sort", c -> c.sort("k", sortOptions()), c -> c.sort(gs("k"), binarySortOptions()), b -> b.sort("k", sortOptions())));
        all.add(s("sortReadOnly", c -> c.sortReadOnly("k"), c -> c.sortReadOnly(gs("k")), b -> b.sortReadOnly("k")));
        all.add(s("sortReadOnly", c -> c.sortReadOnly("k", sortOptions()), c -> c.sortReadOnly(gs("k"), binarySortOptions()),
                b -> b.sortReadOnly("k", sortOptions())));
        all.add(s("sortStore", c -> c.sortStore("k", "d"), c -> c.sortStore(gs("k"), gs("d")), b -> b.sortStore("k", "d")));
        all.add(s("sortStore", c -> c.sortStore("k", "d", sortOptions()), c -> c.sortStore(gs("k"), gs("d"), binarySortOptions()),
                b -> b.sortStore("k", "d", sortOptions())));
        all.add(s("migrate", c -> c.migrate("h", 6379, "k", 0, 100), c -> c.migrate("h", 6379, gs("k"), 0, 100), null));
        all.add(s("migrate", c -> c.migrate("h", 6379, "k", 0, 100, migrateOptions()),
                c -> c.migrate("h", 6379, gs("k"), 0, 100, migrateOptions()), null));
        all.add(s("randomKey", c -> c.randomKey(), c -> c.randomKeyBinary(), b -> b.randomKey()));
        // hyperloglog
        all.add(s("pfadd", c -> c.pfadd("k", ELEMENTS), c -> c.pfadd(gs("k"), BINARY_ELEMENTS), b -> b.pfadd("k", ELEMENTS)));
        all.add(s("pfcount", c -> c.pfcount(KEYS), c -> c.pfcount(BINARY_KEYS), b -> b.pfcount(KEYS)));
        all.add(s("pfmerge", c -> c.pfmerge("d", KEYS), c -> c.pfmerge(gs("d"), BINARY_KEYS), b -> b.pfmerge("d", KEYS)));
        // bitmaps
        BitmapIndexType bit = BitmapIndexType.BIT;
        all.add(s("bitcount", c -> c.bitcount("k"), c -> c.bitcount(gs("k")), b -> b.bitcount("k")));
        all.add(s("bitcount", c -> c.bitcount("k", 1), c -> c.bitcount(gs("k"), 1), b -> b.bitcount("k", 1)));
        all.add(s("bitcount", c -> c.bitcount("k", 1, 5), c -> c.bitcount(gs("k"), 1, 5), b -> b.bitcount("k", 1, 5)));
        all.add(s("bitcount", c -> c.bitcount("k", 1, 5, bit), c -> c.bitcount(gs("k"), 1, 5, bit), b -> b.bitcount("k", 1, 5, bit)));
        all.add(s("setbit", c -> c.setbit("k", 7, 1), c -> c.setbit(gs("k"), 7, 1), b -> b.setbit("k", 7, 1)));
        all.add(s("getbit", c -> c.getbit("k", 7), c -> c.getbit(gs("k"), 7), b -> b.getbit("k", 7)));
        all.add(s("bitpos", c -> c.bitpos("k", 1), c -> c.bitpos(gs("k"), 1), b -> b.bitpos("k", 1)));
        all.add(s("bitpos", c -> c.bitpos("k", 1, 2), c -> c.bitpos(gs("k"), 1, 2), b -> b.bitpos("k", 1, 2)));
        all.add(s("bitpos", c -> c.bitpos("k", 1, 2, 9), c -> c.bitpos(gs("k"), 1, 2, 9), b -> b.bitpos("k", 1, 2, 9)));
        all.add(s("bitpos", c -> c.bitpos("k", 1, 2, 9, bit), c -> c.bitpos(gs("k"), 1, 2, 9, bit), b -> b.bitpos("k", 1, 2, 9, bit)));
        all.add(s("bitop", c -> c.bitop(BitwiseOperation.XOR, "d", KEYS), c -> c.bitop(BitwiseOperation.XOR, gs("d"), BINARY_KEYS),
                b -> b.bitop(BitwiseOperation.XOR, "d", KEYS)));
        BitFieldSubCommands[] fields = {
            new BitFieldSet(new UnsignedEncoding(8), new Offset(0), 200),
            new BitFieldOverflow(BitOverflowControl.FAIL),
            new BitFieldIncrby(new SignedEncoding(5), new OffsetMultiplier(1), 3)
        };
        all.add(s("bitfield", c -> c.bitfield("k", fields), c -> c.bitfield(gs("k"), fields), b -> b.bitfield("k", fields)));
        BitFieldReadOnlySubCommands[] reads = {new BitFieldGet(new UnsignedEncoding(8), new Offset(0))};
        all.add(s("bitfieldReadOnly", c -> c.bitfieldReadOnly("k", reads), c -> c.bitfieldReadOnly(gs("k"), reads),
                b -> b.bitfieldReadOnly("k", reads)));
        // geo
        GeoAddOptions nxChanged = new GeoAddOptions(ConditionalChange.ONLY_IF_DOES_NOT_EXIST, true);
        SearchOrigin member = new MemberOrigin("m");
        SearchOrigin place = new CoordOrigin(new GeospatialData(13.5, 38.25));
        GeoSearchShape radius = new GeoSearchShape(10, GeoUnit.METERS);
        GeoSearchShape box = new GeoSearchShape(2, 3, GeoUnit.KILOMETERS);
        GeoSearchResultOptions firstTwo = new GeoSearchResultOptions(SortOrder.ASC, 2);
        GeoSearchOptions with = GeoSearchOptions.builder().withdist().withcoord().build();
        GeoSearchStoreOptions storeDist = GeoSearchStoreOptions.builder().storedist().build();
        all.add(s("geoadd", c -> c.geoadd("k", places()), c -> c.geoadd(gs("k"), binaryPlaces()), b -> b.geoadd("k", places())));
        all.add(s("geoadd", c -> c.geoadd("k", places(), nxChanged), c -> c.geoadd(gs("k"), binaryPlaces(), nxChanged),
                b -> b.geoadd("k", places(), nxChanged)));
        all.add(s("geopos", c -> c.geopos("k", GEO_MEMBERS), c -> c.geopos(gs("k"), BINARY_GEO_MEMBERS), b -> b.geopos("k", GEO_MEMBERS)));
        all.add(s("geodist", c -> c.geodist("k", "m", "m2"), c -> c.geodist(gs("k"), gs("m"), gs("m2")), b -> b.geodist("k", "m", "m2")));
        all.add(s("geodist", c -> c.geodist("k", "m", "m2", GeoUnit.KILOMETERS), c -> c.geodist(gs("k"), gs("m"), gs("m2"), GeoUnit.KILOMETERS),
                b -> b.geodist("k", "m", "m2", GeoUnit.KILOMETERS)));
        all.add(s("geohash", c -> c.geohash("k", GEO_MEMBERS), c -> c.geohash(gs("k"), BINARY_GEO_MEMBERS), b -> b.geohash("k", GEO_MEMBERS)));
        all.add(s("geosearch", c -> c.geosearch("k", member, radius), c -> c.geosearch(gs("k"), member, radius),
                b -> b.geosearch("k", member, radius)));
        all.add(s("geosearch", c -> c.geosearch("k", member, radius, firstTwo), c -> c.geosearch(gs("k"), member, radius, firstTwo),
                b -> b.geosearch("k", member, radius, firstTwo)));
        all.add(s("geosearch", c -> c.geosearch("k", member, radius, with), c -> c.geosearch(gs("k"), member, radius, with),
                b -> b.geosearch("k", member, radius, with)));
        all.add(s("geosearch", c -> c.geosearch("k", member, radius, with, firstTwo), c -> c.geosearch(gs("k"), member, radius, with, firstTwo),
                b -> b.geosearch("k", member, radius, with, firstTwo)));
        all.add(s("geosearchstore", c -> c.geosearchstore("d", "k", place, box), c -> c.geosearchstore(gs("d"), gs("k"), place, box),
                b -> b.geosearchstore("d", "k", place, box)));
        all.add(s("geosearchstore", c -> c.geosearchstore("d", "k", place, box, firstTwo),
                c -> c.geosearchstore(gs("d"), gs("k"), place, box, firstTwo), b -> b.geosearchstore("d", "k", place, box, firstTwo)));
        all.add(s("geosearchstore", c -> c.geosearchstore("d", "k", place, box, storeDist),
                c -> c.geosearchstore(gs("d"), gs("k"), place, box, storeDist), b -> b.geosearchstore("d", "k", place, box, storeDist)));
        all.add(s("geosearchstore", c -> c.geosearchstore("d", "k", place, box, storeDist, firstTwo),
                c -> c.geosearchstore(gs("d"), gs("k"), place, box, storeDist, firstTwo),
                b -> b.geosearchstore("d", "k", place, box, storeDist, firstTwo)));
        // streams
        StreamAddOptions addText = StreamAddOptions.builder().id("1-1").makeStream(false).trim(new MaxLen(true, 5)).build();
        StreamAddOptionsBinary addBinary =
                StreamAddOptionsBinary.builder().id(gs("1-1")).makeStream(false).trim(new MaxLen(true, 5)).build();
        StreamReadOptions countBlock = StreamReadOptions.builder().count(2L).block(100L).build();
        StreamReadGroupOptions countNoack = StreamReadGroupOptions.builder().count(2L).noack().build();
        StreamRange min = InfRangeBound.MIN;
        StreamRange max = InfRangeBound.MAX;
        StreamGroupOptions mkStream = StreamGroupOptions.builder().makeStream().entriesRead(5L).build();
        StreamPendingOptions idleText = StreamPendingOptions.builder().minIdleTime(5L).consumer("c").build();
        StreamPendingOptionsBinary idleBinary = StreamPendingOptionsBinary.builder().minIdleTime(5L).consumer(gs("c")).build();
        StreamClaimOptions force = StreamClaimOptions.builder().force().build();
        String[] ids = {"1-1", "1-2"};
        GlideString[] binaryIds = {gs("1-1"), gs("1-2")};
        all.add(s("xadd", c -> c.xadd("k", streamEntry()), c -> c.xadd(gs("k"), binaryStreamEntry()), b -> b.xadd("k", streamEntry())));
        all.add(s("xadd", c -> c.xadd("k", new String[][] {{"f", "v"}}), c -> c.xadd(gs("k"), new GlideString[][] {{gs("f"), gs("v")}}),
                b -> b.xadd("k", new String[][] {{"f", "v"}})));
        all.add(s("xadd", c -> c.xadd("k", streamEntry(), addText), c -> c.xadd(gs("k"), binaryStreamEntry(), addBinary),
                b -> b.xadd("k", streamEntry(), addText)));
        all.add(s("xadd", c -> c.xadd("k", new String[][] {{"f", "v"}}, addText),
                c -> c.xadd(gs("k"), new GlideString[][] {{gs("f"), gs("v")}}, addBinary),
                b -> b.xadd("k", new String[][] {{"f", "v"}}, addText)));
        all.add(s("xread", c -> c.xread(streamIds()), c -> c.xreadBinary(binaryStreamIds()), b -> b.xread(streamIds())));
        all.add(s("xread", c -> c.xread(streamIds(), countBlock), c -> c.xreadBinary(binaryStreamIds(), countBlock),
                b -> b.xread(streamIds(), countBlock)).blocking(BlockingTimeouts.forMillis(100)));
        all.add(s("xreadgroup", c -> c.xreadgroup(streamIds(), "g", "c"), c -> c.xreadgroup(binaryStreamIds(), gs("g"), gs("c")),
                b -> b.xreadgroup(streamIds(), "g", "c")));
        all.add(s("xreadgroup", c -> c.xreadgroup(streamIds(), "g", "c", countNoack),
                c -> c.xreadgroup(binaryStreamIds(), gs("g"), gs("c"), countNoack), b -> b.xreadgroup(streamIds(), "g", "c", countNoack)));
        all.add(s("xtrim", c -> c.xtrim("k", new MinId("0-1")), c -> c.xtrim(gs("k"), new MinId(gs("0-1"))),
                b -> b.xtrim("k", new MinId("0-1"))));
        all.add(s("xlen", c -> c.xlen("k"), c -> c.xlen(gs("k")), b -> b.xlen("k")));
        all.add(s("xdel", c -> c.xdel("k", ids), c -> c.xdel(gs("k"), binaryIds), b -> b.xdel("k", ids)));
        all.add(s("xrange", c -> c.xrange("k", min, max), c -> c.xrange(gs("k"), min, max), b -> b.xrange("k", min, max)));
        all.add(s("xrange", c -> c.xrange("k", min, max, 2), c -> c.xrange(gs("k"), min, max, 2), b -> b.xrange("k", min, max, 2)));
        all.add(s("xrevrange", c -> c.xrevrange("k", max, min), c -> c.xrevrange(gs("k"), max, min), b -> b.xrevrange("k", max, min)));
        all.add(s("xrevrange", c -> c.xrevrange("k", max, min, 2), c -> c.xrevrange(gs("k"), max, min, 2),
                b -> b.xrevrange("k", max, min, 2)));
        all.add(s("xgroupCreate", c -> c.xgroupCreate("k", "g", "$"), c -> c.xgroupCreate(gs("k"), gs("g"), gs("$")),
                b -> b.xgroupCreate("k", "g", "$")));
        all.add(s("xgroupCreate", c -> c.xgroupCreate("k", "g", "$", mkStream), c -> c.xgroupCreate(gs("k"), gs("g"), gs("$"), mkStream),
                b -> b.xgroupCreate("k", "g", "$", mkStream)));
        all.add(s("xgroupDestroy", c -> c.xgroupDestroy("k", "g"), c -> c.xgroupDestroy(gs("k"), gs("g")), b -> b.xgroupDestroy("k", "g")));
        all.add(s("xgroupCreateConsumer", c -> c.xgroupCreateConsumer("k", "g", "c"), c -> c.xgroupCreateConsumer(gs("k"), gs("g"), gs("c")),
                b -> b.xgroupCreateConsumer("k", "g", "c")));
        all.add(s("xgroupDelConsumer", c -> c.xgroupDelConsumer("k", "g", "c"), c -> c.xgroupDelConsumer(gs("k"), gs("g"), gs("c")),
                b -> b.xgroupDelConsumer("k", "g", "c")));
        all.add(s("xgroupSetId", c -> c.xgroupSetId("k", "g", "0"), c -> c.xgroupSetId(gs("k"), gs("g"), gs("0")),
                b -> b.xgroupSetId("k", "g", "0")));
        all.add(s("xgroupSetId", c -> c.xgroupSetId("k", "g", "0", 3), c -> c.xgroupSetId(gs("k"), gs("g"), gs("0"), 3),
                b -> b.xgroupSetId("k", "g", "0", 3)));
        all.add(s("xack", c -> c.xack("k", "g", ids), c -> c.xack(gs("k"), gs("g"), binaryIds), b -> b.xack("k", "g", ids)));
        all.add(s("xpending", c -> c.xpending("k", "g"), c -> c.xpending(gs("k"), gs("g")), b -> b.xpending("k", "g")));
        all.add(s("xpending", c -> c.xpending("k", "g", min, max, 10), c -> c.xpending(gs("k"), gs("g"), min, max, 10),
                b -> b.xpending("k", "g", min, max, 10)));
        all.add(s("xpending", c -> c.xpending("k", "g", min, max, 10, idleText), c -> c.xpending(gs("k"), gs("g"), min, max, 10, idleBinary),
                b -> b.xpending("k", "g", min, max, 10, idleText)));
        all.add(s("xclaim", c -> c.xclaim("k", "g", "c", 100, ids), c -> c.xclaim(gs("k"), gs("g"), gs("c"), 100, binaryIds),
                b -> b.xclaim("k", "g", "c", 100, ids)));
        all.add(s("xclaim", c -> c.xclaim("k", "g", "c", 100, ids, force), c -> c.xclaim(gs("k"), gs("g"), gs("c"), 100, binaryIds, force),
                b -> b.xclaim("k", "g", "c", 100, ids, force)));
        all.add(s("xclaimJustId", c -> c.xclaimJustId("k", "g", "c", 100, ids), c -> c.xclaimJustId(gs("k"), gs("g"), gs("c"), 100, binaryIds),
                b -> b.xclaimJustId("k", "g", "c", 100, ids)));
        all.add(s("xclaimJustId", c -> c.xclaimJustId("k", "g", "c", 100, ids, force),
                c -> c.xclaimJustId(gs("k"), gs("g"), gs("c"), 100, binaryIds, force), b -> b.xclaimJustId("k", "g", "c", 100, ids, force)));
        all.add(s("xautoclaim", c -> c.xautoclaim("k", "g", "c", 100, "0-0"), c -> c.xautoclaim(gs("k"), gs("g"), gs("c"), 100, gs("0-0")),
                b -> b.xautoclaim("k", "g", "c", 100, "0-0")));
        all.add(s("xautoclaim", c -> c.xautoclaim("k", "g", "c", 100, "0-0", 5),
                c -> c.xautoclaim(gs("k"), gs("g"), gs("c"), 100, gs("0-0"), 5), b -> b.xautoclaim("k", "g", "c", 100, "0-0", 5)));
        all.add(s("xautoclaimJustId", c -> c.xautoclaimJustId("k", "g", "c", 100, "0-0"),
                c -> c.xautoclaimJustId(gs("k"), gs("g"), gs("c"), 100, gs("0-0")), b -> b.xautoclaimJustId("k", "g", "c", 100, "0-0")));
        all.add(s("xautoclaimJustId", c -> c.xautoclaimJustId("k", "g", "c", 100, "0-0", 5),
                c -> c.xautoclaimJustId(gs("k"), gs("g"), gs("c"), 100, gs("0-0"), 5), b -> b.xautoclaimJustId("k", "g", "c", 100, "0-0", 5)));
        all.add(s("xinfoGroups", c -> c.xinfoGroups("k"), c -> c.xinfoGroups(gs("k")), b -> b.xinfoGroups("k")));
        all.add(s("xinfoConsumers", c -> c.xinfoConsumers("k", "g"), c -> c.xinfoConsumers(gs("k"), gs("g")), b -> b.xinfoConsumers("k", "g")));
        all.add(s("xinfoStream", c -> c.xinfoStream("k"), c -> c.xinfoStream(gs("k")), b -> b.xinfoStream("k")));
        all.add(s("xinfoStreamFull", c -> c.xinfoStreamFull("k"), c -> c.xinfoStreamFull(gs("k")), b -> b.xinfoStreamFull("k")));
        all.add(s("xinfoStreamFull", c -> c.xinfoStreamFull("k", 5), c -> c.xinfoStreamFull(gs("k"), 5), b -> b.xinfoStreamFull("k", 5)));
        all.addAll(hashSamples());
        all.addAll(listSamples());
        all.addAll(serverAndConnectionSamples());
        return all;
    }

    /** {@code NAME(code) arg arg ...}, the arguments as UTF-8 (the samples are text). */
    private static String line(byte[][] args, int shape) {
        StringBuilder out = new StringBuilder(shapeName(shape)).append('(').append(shape).append(')');
        for (byte[] arg : args) {
            out.append(' ').append(new String(arg, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** The Wire.Shape constant named by {@code code}; NATURAL is what a definition must never send. */
    private static String shapeName(int code) {
        assertNotEquals(Wire.Shape.NATURAL, code, "a defined command left its shape to the probe");
        for (Field f : Wire.Shape.class.getFields()) {
            try {
                if (f.getType() == int.class && f.getInt(null) == code) {
                    return f.getName();
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no Wire.Shape has code " + code);
    }

    /**
     * A client of class {@code type} whose commands go to {@code sink}: its private constructor
     * for that, reached reflectively (the API has no way to build a client without a server).
     */
    static <C> C onSink(Class<C> type, CommandSink sink) {
        try {
            java.lang.reflect.Constructor<C> constructor = type.getDeclaredConstructor(CommandSink.class);
            constructor.setAccessible(true);
            return constructor.newInstance(sink);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Sent sent(Consumer<GlideClient> call) {
        Capture sink = new Capture();
        call.accept(onSink(GlideClient.class, sink));
        assertEquals(1, sink.sent.size(), "one command per call");
        return sink.sent.get(0);
    }

    private static List<String> expectedLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (InputStream in = DefinedCommandsTest.class.getResourceAsStream(SAMPLES)) {
            assertTrue(in != null, SAMPLES + " is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    lines.add(l.trim());
                }
            }
        }
        return lines;
    }

    @Test
    void everyFormOfEveryDefinedMethodSendsTheListedBytesAndShape() throws IOException {
        List<String> produced = new ArrayList<>();
        for (Sample sample : samples()) {
            String line = null;
            if (sample.text != null) {
                Sent text = sent(sample.text);
                assertFalse(text.binary, sample.method + ": a String overload reads text");
                assertEquals(sample.timeoutMs, text.timeoutMs, sample.method);
                assertSame(RouteSpec.DEFAULT, text.route, sample.method);
                line = line(text.args, text.shape);
            }
            if (sample.binary != null) {
                Sent binary = sent(sample.binary);
                assertTrue(binary.binary, sample.method + ": a GlideString overload reads bytes");
                assertEquals(sample.timeoutMs, binary.timeoutMs, sample.method);
                assertSame(RouteSpec.DEFAULT, binary.route, sample.method);
                String binaryLine = line(binary.args, binary.shape);
                assertEquals(line == null ? binaryLine : line, binaryLine, sample.method + ": String and GlideString overloads differ");
                line = binaryLine;
            }
            if (sample.batch != null) {
                for (Batch batch : new Batch[] {new Batch(false), new Batch(true)}) {
                    sample.batch.accept(batch);
                    assertEquals(1, batch.commands().size(), sample.method);
                    String batchLine = line(batch.commands().command(0), batch.commands().shape(0));
                    assertEquals(line == null ? batchLine : line, batchLine, sample.method + ": the batch builder differs");
                    line = batchLine;
                }
            }
            produced.add(line);
        }
        produced.addAll(scriptingAndPubSubClusterAndFallbackLines());
        // AUTH: sent by updateConnectionPassword, which needs a connection; its definition directly.
        for (Command<String> auth : List.of(ConnectionCommands.TEXT.auth(null, "pw"), ConnectionCommands.TEXT.auth("user", "pw"))) {
            assertFalse(auth.binary(), "AUTH reads text");
            produced.add(line(auth.args(), auth.shape()));
        }
        List<String> listed = expectedLines();
        List<String> unlisted = new ArrayList<>(produced);
        unlisted.removeAll(listed);
        List<String> notProduced = new ArrayList<>(listed);
        notProduced.removeAll(produced);
        assertEquals(List.of(), unlisted, "sent but not in " + SAMPLES + " (the Rust test checks each line against the probe)");
        assertEquals(List.of(), notProduced, "in " + SAMPLES + " but sent by no sample");
    }

    /** Every method of the defined families has a sample (by name), so none is left unchecked. */
    @Test
    void theSamplesCoverEveryDefinedFamily() {
        TreeSet<String> declared = new TreeSet<>();
        for (Class<?> family : new Class<?>[] {
            StringBaseCommands.class, GenericBaseCommands.class, HyperLogLogBaseCommands.class, BitmapBaseCommands.class,
            GeospatialIndicesBaseCommands.class, StreamBaseCommands.class, HashBaseCommands.class, ListBaseCommands.class,
            SetBaseCommands.class, SortedSetBaseCommands.class,
            glide.api.commands.ServerManagementCommands.class, glide.api.commands.ServerManagementClusterCommands.class,
            glide.api.commands.ConnectionManagementCommands.class, glide.api.commands.ConnectionManagementClusterCommands.class,
            glide.api.commands.GenericCommands.class, glide.api.commands.GenericClusterCommands.class,
            glide.api.commands.TransactionsBaseCommands.class, glide.api.commands.TransactionsCommands.class,
            glide.api.commands.TransactionsClusterCommands.class
        }) {
            for (Method m : family.getDeclaredMethods()) {
                declared.add(m.getName());
            }
        }
        TreeSet<String> sampled = new TreeSet<>();
        samples().forEach(s -> sampled.add(s.method));
        sampled.addAll(serverAndConnectionNamesNotInSamples());
        // The binary forms named apart: sampled with their text form.
        sampled.add("msetBinary");
        sampled.add("msetnxBinary");
        sampled.add("xreadBinary");
        declared.addAll(scriptingAndPubSubDeclared());
        sampled.addAll(scriptingAndPubSubSampledApart());
        declared.removeAll(sampled);
        assertEquals(new TreeSet<>(), declared, "methods without a sample");
    }

    /** A cluster batch queues the same command as a standalone one. */
    @Test
    void aClusterBatchQueuesTheSameDefinedCommand() {
        ClusterBatch cluster = new ClusterBatch(false).get("k").expire(gs("k"), 5, ExpireOptions.HAS_EXISTING_EXPIRY);
        Batch standalone = new Batch(false).get("k").expire(gs("k"), 5, ExpireOptions.HAS_EXISTING_EXPIRY);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(standalone.commands().command(i), cluster.commands().command(i));
            assertEquals(standalone.commands().shape(i), cluster.commands().shape(i));
        }
        assertEquals(Wire.Shape.BOOLEAN, cluster.commands().shape(1));
    }

    @Test
    void theCodecsEncodeTextAsUtf8AndBytesAsGiven() {
        byte[] notText = {(byte) 0xff, 0, (byte) 0xc3};
        Command<GlideString> binary = StringCommands.BINARY.get(gs(notText));
        assertArrayEquals(notText, binary.args()[1]);
        assertTrue(binary.binary());
        Command<String> text = StringCommands.TEXT.get("é");
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_8), text.args()[1]);
        assertFalse(text.binary());
        assertSame(Codec.TEXT.value(), text.convert());
        assertSame(Codec.BINARY.value(), binary.convert());
    }

    /** A null key fails where the command is built, naming the command and the argument. */
    @Test
    void aNullArgumentIsRefusedWithTheCommandsName() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> KeyCommands.TEXT.expire(null, 1));
        assertEquals("EXPIRE: argument 1 must not be null", e.getMessage());
        e = assertThrows(NullPointerException.class, () -> StringCommands.BINARY.set(gs("k"), null));
        assertEquals("SET: argument 2 must not be null", e.getMessage());
    }

    /** A definition must name its shape: NATURAL would hand the decision back to the probe. */
    @Test
    void aDefinitionCannotLeaveItsShapeToTheProbe() {
        assertThrows(IllegalArgumentException.class, () -> Codec.TEXT.command("GET", 2).arg("k").returning(Wire.Shape.NATURAL, v -> v));
    }

    @Test
    void aRouteChangesOnlyWhereTheCommandGoes() {
        Command<String> random = KeyCommands.TEXT.randomKey();
        RouteSpec route = RouteSpec.of(glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute.RANDOM);
        Command<String> routed = random.routedTo(route);
        assertSame(route, routed.route());
        assertSame(RouteSpec.DEFAULT, random.route());
        assertSame(random.args(), routed.args());
        assertEquals(random.shape(), routed.shape());
        assertSame(random.convert(), routed.convert());
        assertEquals(random.binary(), routed.binary());
        assertEquals(random.timeoutMs(), routed.timeoutMs());
    }

    // ---- hashes (HashCommands) and lists (ListCommands) ----

    private static final String[] FIELDS = {"f", "f2"};
    private static final GlideString[] BINARY_FIELDS = {gs("f"), gs("f2")};

    private static Map<String, String> fieldValues() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("f", "v");
        m.put("f2", "v2");
        return m;
    }

    private static Map<GlideString, GlideString> binaryFieldValues() {
        Map<GlideString, GlideString> m = new LinkedHashMap<>();
        m.put(gs("f"), gs("v"));
        m.put(gs("f2"), gs("v2"));
        return m;
    }

    /** Each hash method; the option-taking ones also with null options (no options sent). */
    private static List<Sample> hashSamples() {
        HSetExOptions setex = HSetExOptions.builder().onlyIfNoneExist().expiry(ExpirySet.Seconds(10L)).build();
        HGetExOptions getex = HGetExOptions.builder().expiry(HGetExExpiry.Seconds(10L)).build();
        HashFieldExpirationConditionOptions nx =
                HashFieldExpirationConditionOptions.builder().condition(ExpireOptions.HAS_NO_EXPIRY).build();
        HScanOptions scan = HScanOptions.builder().matchPattern("f*").count(5L).noValues(true).build();
        HScanOptionsBinary binaryScan = HScanOptionsBinary.builder().matchPattern(gs("f*")).count(5L).noValues(true).build();
        List<Sample> all = new ArrayList<>();
        all.add(s("hget", c -> c.hget("k", "f"), c -> c.hget(gs("k"), gs("f")), b -> b.hget("k", "f")));
        all.add(s("hset", c -> c.hset("k", fieldValues()), c -> c.hset(gs("k"), binaryFieldValues()), b -> b.hset("k", fieldValues())));
        all.add(s("hgetall", c -> c.hgetall("k"), c -> c.hgetall(gs("k")), b -> b.hgetall("k")));
        all.add(s("hsetnx", c -> c.hsetnx("k", "f", "v"), c -> c.hsetnx(gs("k"), gs("f"), gs("v")), b -> b.hsetnx("k", "f", "v")));
        all.add(s("hdel", c -> c.hdel("k", FIELDS), c -> c.hdel(gs("k"), BINARY_FIELDS), b -> b.hdel("k", FIELDS)));
        all.add(s("hlen", c -> c.hlen("k"), c -> c.hlen(gs("k")), b -> b.hlen("k")));
        all.add(s("hvals", c -> c.hvals("k"), c -> c.hvals(gs("k")), b -> b.hvals("k")));
        all.add(s("hmget", c -> c.hmget("k", FIELDS), c -> c.hmget(gs("k"), BINARY_FIELDS), b -> b.hmget("k", FIELDS)));
        all.add(s("hexists", c -> c.hexists("k", "f"), c -> c.hexists(gs("k"), gs("f")), b -> b.hexists("k", "f")));
        all.add(s("hincrBy", c -> c.hincrBy("k", "f", 3), c -> c.hincrBy(gs("k"), gs("f"), 3), b -> b.hincrBy("k", "f", 3)));
        all.add(s("hincrByFloat", c -> c.hincrByFloat("k", "f", 0.5), c -> c.hincrByFloat(gs("k"), gs("f"), 0.5),
                b -> b.hincrByFloat("k", "f", 0.5)));
        all.add(s("hkeys", c -> c.hkeys("k"), c -> c.hkeys(gs("k")), b -> b.hkeys("k")));
        all.add(s("hstrlen", c -> c.hstrlen("k", "f"), c -> c.hstrlen(gs("k"), gs("f")), b -> b.hstrlen("k", "f")));
        all.add(s("hrandfield", c -> c.hrandfield("k"), c -> c.hrandfield(gs("k")), b -> b.hrandfield("k")));
        all.add(s("hrandfieldWithCount", c -> c.hrandfieldWithCount("k", 2), c -> c.hrandfieldWithCount(gs("k"), 2),
                b -> b.hrandfieldWithCount("k", 2)));
        all.add(s("hrandfieldWithCountWithValues", c -> c.hrandfieldWithCountWithValues("k", 2),
                c -> c.hrandfieldWithCountWithValues(gs("k"), 2), b -> b.hrandfieldWithCountWithValues("k", 2)));
        all.add(s("hscan", c -> c.hscan("k", "0"), c -> c.hscan(gs("k"), gs("0")), b -> b.hscan("k", "0")));
        all.add(s("hscan", c -> c.hscan("k", "0", scan), c -> c.hscan(gs("k"), gs("0"), binaryScan), b -> b.hscan("k", "0", scan)));
        all.add(s("hsetex", c -> c.hsetex("k", fieldValues(), setex), c -> c.hsetex(gs("k"), binaryFieldValues(), setex),
                b -> b.hsetex("k", fieldValues(), setex)));
        all.add(s("hsetex", c -> c.hsetex("k", fieldValues(), null), c -> c.hsetex(gs("k"), binaryFieldValues(), null),
                b -> b.hsetex("k", fieldValues(), null)));
        all.add(s("hgetex", c -> c.hgetex("k", FIELDS, getex), c -> c.hgetex(gs("k"), BINARY_FIELDS, getex),
                b -> b.hgetex("k", FIELDS, getex)));
        all.add(s("hgetex", c -> c.hgetex("k", FIELDS, null), c -> c.hgetex(gs("k"), BINARY_FIELDS, null),
                b -> b.hgetex("k", FIELDS, null)));
        all.add(s("hexpire", c -> c.hexpire("k", 10, FIELDS, nx), c -> c.hexpire(gs("k"), 10, BINARY_FIELDS, nx),
                b -> b.hexpire("k", 10, FIELDS, nx)));
        all.add(s("hexpire", c -> c.hexpire("k", 10, FIELDS, null), c -> c.hexpire(gs("k"), 10, BINARY_FIELDS, null),
                b -> b.hexpire("k", 10, FIELDS, null)));
        all.add(s("hpexpire", c -> c.hpexpire("k", 10, FIELDS, nx), c -> c.hpexpire(gs("k"), 10, BINARY_FIELDS, nx),
                b -> b.hpexpire("k", 10, FIELDS, nx)));
        all.add(s("hexpireat", c -> c.hexpireat("k", 10, FIELDS, nx), c -> c.hexpireat(gs("k"), 10, BINARY_FIELDS, nx),
                b -> b.hexpireat("k", 10, FIELDS, nx)));
        all.add(s("hpexpireat", c -> c.hpexpireat("k", 10, FIELDS, nx), c -> c.hpexpireat(gs("k"), 10, BINARY_FIELDS, nx),
                b -> b.hpexpireat("k", 10, FIELDS, nx)));
        all.add(s("hpersist", c -> c.hpersist("k", FIELDS), c -> c.hpersist(gs("k"), BINARY_FIELDS), b -> b.hpersist("k", FIELDS)));
        all.add(s("httl", c -> c.httl("k", FIELDS), c -> c.httl(gs("k"), BINARY_FIELDS), b -> b.httl("k", FIELDS)));
        all.add(s("hpttl", c -> c.hpttl("k", FIELDS), c -> c.hpttl(gs("k"), BINARY_FIELDS), b -> b.hpttl("k", FIELDS)));
        all.add(s("hexpiretime", c -> c.hexpiretime("k", FIELDS), c -> c.hexpiretime(gs("k"), BINARY_FIELDS),
                b -> b.hexpiretime("k", FIELDS)));
        all.add(s("hpexpiretime", c -> c.hpexpiretime("k", FIELDS), c -> c.hpexpiretime(gs("k"), BINARY_FIELDS),
                b -> b.hpexpiretime("k", FIELDS)));
        return all;
    }

    /**
     * Each list method; LMPOP and BLMPOP with and without COUNT. The blocking ones must wait as
     * long as they ask the server to (0.5 s plus the margin), not the client's request timeout.
     */
    private static List<Sample> listSamples() {
        LPosOptions lpos = LPosOptions.builder().rank(-1L).maxLength(10L).build();
        int halfASecond = BlockingTimeouts.forSeconds(0.5);
        ListDirection left = ListDirection.LEFT;
        ListDirection right = ListDirection.RIGHT;
        InsertPosition before = InsertPosition.BEFORE;
        List<Sample> all = new ArrayList<>();
        all.add(s("lpush", c -> c.lpush("k", ELEMENTS), c -> c.lpush(gs("k"), BINARY_ELEMENTS), b -> b.lpush("k", ELEMENTS)));
        all.add(s("lpushx", c -> c.lpushx("k", ELEMENTS), c -> c.lpushx(gs("k"), BINARY_ELEMENTS), b -> b.lpushx("k", ELEMENTS)));
        all.add(s("rpush", c -> c.rpush("k", ELEMENTS), c -> c.rpush(gs("k"), BINARY_ELEMENTS), b -> b.rpush("k", ELEMENTS)));
        all.add(s("rpushx", c -> c.rpushx("k", ELEMENTS), c -> c.rpushx(gs("k"), BINARY_ELEMENTS), b -> b.rpushx("k", ELEMENTS)));
        all.add(s("lrange", c -> c.lrange("k", 0, -1), c -> c.lrange(gs("k"), 0, -1), b -> b.lrange("k", 0, -1)));
        all.add(s("lpop", c -> c.lpop("k"), c -> c.lpop(gs("k")), b -> b.lpop("k")));
        all.add(s("lpopCount", c -> c.lpopCount("k", 2), c -> c.lpopCount(gs("k"), 2), b -> b.lpopCount("k", 2)));
        all.add(s("rpop", c -> c.rpop("k"), c -> c.rpop(gs("k")), b -> b.rpop("k")));
        all.add(s("rpopCount", c -> c.rpopCount("k", 2), c -> c.rpopCount(gs("k"), 2), b -> b.rpopCount("k", 2)));
        all.add(s("lpos", c -> c.lpos("k", "a"), c -> c.lpos(gs("k"), gs("a")), b -> b.lpos("k", "a")));
        all.add(s("lpos", c -> c.lpos("k", "a", lpos), c -> c.lpos(gs("k"), gs("a"), lpos), b -> b.lpos("k", "a", lpos)));
        all.add(s("lposCount", c -> c.lposCount("k", "a", 2), c -> c.lposCount(gs("k"), gs("a"), 2), b -> b.lposCount("k", "a", 2)));
        all.add(s("lposCount", c -> c.lposCount("k", "a", 2, lpos), c -> c.lposCount(gs("k"), gs("a"), 2, lpos),
                b -> b.lposCount("k", "a", 2, lpos)));
        all.add(s("lindex", c -> c.lindex("k", 1), c -> c.lindex(gs("k"), 1), b -> b.lindex("k", 1)));
        all.add(s("ltrim", c -> c.ltrim("k", 0, -1), c -> c.ltrim(gs("k"), 0, -1), b -> b.ltrim("k", 0, -1)));
        all.add(s("llen", c -> c.llen("k"), c -> c.llen(gs("k")), b -> b.llen("k")));
        all.add(s("lrem", c -> c.lrem("k", 2, "a"), c -> c.lrem(gs("k"), 2, gs("a")), b -> b.lrem("k", 2, "a")));
        all.add(s("linsert", c -> c.linsert("k", before, "p", "a"), c -> c.linsert(gs("k"), before, gs("p"), gs("a")),
                b -> b.linsert("k", before, "p", "a")));
        all.add(s("lset", c -> c.lset("k", 1, "a"), c -> c.lset(gs("k"), 1, gs("a")), b -> b.lset("k", 1, "a")));
        all.add(s("lmove", c -> c.lmove("k", "k2", left, right), c -> c.lmove(gs("k"), gs("k2"), left, right),
                b -> b.lmove("k", "k2", left, right)));
        all.add(s("blmove", c -> c.blmove("k", "k2", left, right, 0.5), c -> c.blmove(gs("k"), gs("k2"), left, right, 0.5),
                b -> b.blmove("k", "k2", left, right, 0.5)).blocking(halfASecond));
        all.add(s("blpop", c -> c.blpop(KEYS, 0.5), c -> c.blpop(BINARY_KEYS, 0.5), b -> b.blpop(KEYS, 0.5)).blocking(halfASecond));
        all.add(s("brpop", c -> c.brpop(KEYS, 0.5), c -> c.brpop(BINARY_KEYS, 0.5), b -> b.brpop(KEYS, 0.5)).blocking(halfASecond));
        all.add(s("lmpop", c -> c.lmpop(KEYS, left), c -> c.lmpop(BINARY_KEYS, left), b -> b.lmpop(KEYS, left)));
        all.add(s("lmpop", c -> c.lmpop(KEYS, left, 3), c -> c.lmpop(BINARY_KEYS, left, 3), b -> b.lmpop(KEYS, left, 3L)));
        all.add(s("blmpop", c -> c.blmpop(KEYS, left, 0.5), c -> c.blmpop(BINARY_KEYS, left, 0.5), b -> b.blmpop(KEYS, left, 0.5))
                .blocking(halfASecond));
        all.add(s("blmpop", c -> c.blmpop(KEYS, left, 3, 0.5), c -> c.blmpop(BINARY_KEYS, left, 3, 0.5),
                b -> b.blmpop(KEYS, left, 3L, 0.5)).blocking(halfASecond));
        return all;
    }

    /**
     * A blocking list command waits as long as customCommand would for the same bytes
     * (BlockingTimeouts.forCommand reads the timeout argument): 0 (forever) is no client timeout.
     */
    @Test
    void aBlockingListCommandWaitsAsLongAsTheSameCommandGivenWhole() {
        for (double seconds : new double[] {0, 0.25, 2, 1e12}) {
            List<Command<?>> blocking = List.of(
                    ListCommands.TEXT.blpop(KEYS, seconds),
                    ListCommands.BINARY.brpop(BINARY_KEYS, seconds),
                    ListCommands.TEXT.blmove("k", "k2", ListDirection.LEFT, ListDirection.RIGHT, seconds),
                    ListCommands.BINARY.blmpop(BINARY_KEYS, ListDirection.RIGHT, 2L, seconds),
                    ListCommands.TEXT.blmpop(KEYS, ListDirection.RIGHT, null, seconds));
            for (Command<?> command : blocking) {
                assertEquals(BlockingTimeouts.forCommand(command.args()), command.timeoutMs(), line(command.args(), command.shape()));
            }
        }
        assertEquals(BlockingTimeouts.NONE, ListCommands.TEXT.blpop(KEYS, 0).timeoutMs());
        assertEquals(BlockingTimeouts.DEFAULT, ListCommands.TEXT.lmpop(KEYS, ListDirection.LEFT, null).timeoutMs());
    }

    // ==== sets and sorted sets (SetCommands, SortedSetCommands) ====

    private static final String[] MEMBERS = {"a", "b"};
    private static final GlideString[] BINARY_MEMBERS = {gs("a"), gs("b")};

    private static SScanOptions sscanOptions() {
        return SScanOptions.builder().matchPattern("a*").count(7L).build();
    }

    private static SScanOptionsBinary binarySscanOptions() {
        return SScanOptionsBinary.builder().matchPattern(gs("a*")).count(7L).build();
    }

    private static Map<String, Double> scores() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("a", 1.0);
        m.put("b", 2.0);
        return m;
    }

    private static Map<GlideString, Double> binaryScores() {
        Map<GlideString, Double> m = new LinkedHashMap<>();
        m.put(gs("a"), 1.0);
        m.put(gs("b"), 2.0);
        return m;
    }

    private static ZAddOptions zaddOptions() {
        return ZAddOptions.builder()
                .conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_EXISTS)
                .updateOptions(ZAddOptions.UpdateOptions.SCORE_GREATER_THAN_CURRENT)
                .build();
    }

    private static final RangeByIndex BY_INDEX = new RangeByIndex(0, -1);
    private static final RangeByScore BY_SCORE =
            new RangeByScore(InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(3, false), new RangeOptions.Limit(0, 2));
    private static final RangeByLex BY_LEX = new RangeByLex(InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c"));

    private static WeightedKeys weighted() {
        return new WeightedKeys(List.of(Pair.of("k", 1.0), Pair.of("k2", 2.0)));
    }

    private static WeightedKeysBinary binaryWeighted() {
        return new WeightedKeysBinary(List.of(Pair.of(gs("k"), 1.0), Pair.of(gs("k2"), 2.0)));
    }

    private static ZScanOptions zscanOptions() {
        return ZScanOptions.builder().matchPattern("a*").count(7L).noScores(true).build();
    }

    private static ZScanOptionsBinary binaryZscanOptions() {
        return ZScanOptionsBinary.builder().matchPattern(gs("a*")).count(7L).noScores(true).build();
    }

    /** The samples of the set and sorted-set families, in {@link #samples()} with the others. */
    private static List<Sample> setFamilySamples() {
        List<Sample> all = new ArrayList<>();
        // sets
        all.add(s("sadd", c -> c.sadd("k", MEMBERS), c -> c.sadd(gs("k"), BINARY_MEMBERS), b -> b.sadd("k", MEMBERS)));
        all.add(s("srem", c -> c.srem("k", MEMBERS), c -> c.srem(gs("k"), BINARY_MEMBERS), b -> b.srem("k", MEMBERS)));
        all.add(s("smembers", c -> c.smembers("k"), c -> c.smembers(gs("k")), b -> b.smembers("k")));
        all.add(s("scard", c -> c.scard("k"), c -> c.scard(gs("k")), b -> b.scard("k")));
        all.add(s("smismember", c -> c.smismember("k", MEMBERS), c -> c.smismember(gs("k"), BINARY_MEMBERS),
                b -> b.smismember("k", MEMBERS)));
        all.add(s("smove", c -> c.smove("k", "k2", "a"), c -> c.smove(gs("k"), gs("k2"), gs("a")), b -> b.smove("k", "k2", "a")));
        all.add(s("sismember", c -> c.sismember("k", "a"), c -> c.sismember(gs("k"), gs("a")), b -> b.sismember("k", "a")));
        all.add(s("sdiff", c -> c.sdiff(KEYS), c -> c.sdiff(BINARY_KEYS), b -> b.sdiff(KEYS)));
        all.add(s("sdiffstore", c -> c.sdiffstore("d", KEYS), c -> c.sdiffstore(gs("d"), BINARY_KEYS), b -> b.sdiffstore("d", KEYS)));
        all.add(s("sinter", c -> c.sinter(KEYS), c -> c.sinter(BINARY_KEYS), b -> b.sinter(KEYS)));
        all.add(s("sintercard", c -> c.sintercard(KEYS), c -> c.sintercard(BINARY_KEYS), b -> b.sintercard(KEYS)));
        all.add(s("sintercard", c -> c.sintercard(KEYS, 5), c -> c.sintercard(BINARY_KEYS, 5), b -> b.sintercard(KEYS, 5)));
        all.add(s("sinterstore", c -> c.sinterstore("d", KEYS), c -> c.sinterstore(gs("d"), BINARY_KEYS),
                b -> b.sinterstore("d", KEYS)));
        all.add(s("sunionstore", c -> c.sunionstore("d", KEYS), c -> c.sunionstore(gs("d"), BINARY_KEYS),
                b -> b.sunionstore("d", KEYS)));
        all.add(s("sunion", c -> c.sunion(KEYS), c -> c.sunion(BINARY_KEYS), b -> b.sunion(KEYS)));
        all.add(s("srandmember", c -> c.srandmember("k"), c -> c.srandmember(gs("k")), b -> b.srandmember("k")));
        all.add(s("srandmember", c -> c.srandmember("k", -3), c -> c.srandmember(gs("k"), -3), b -> b.srandmember("k", -3)));
        all.add(s("spop", c -> c.spop("k"), c -> c.spop(gs("k")), b -> b.spop("k")));
        all.add(s("spopCount", c -> c.spopCount("k", 2), c -> c.spopCount(gs("k"), 2), b -> b.spopCount("k", 2)));
        all.add(s("sscan", c -> c.sscan("k", "0"), c -> c.sscan(gs("k"), gs("0")), b -> b.sscan("k", "0")));
        all.add(s("sscan", c -> c.sscan("k", "0", sscanOptions()), c -> c.sscan(gs("k"), gs("0"), binarySscanOptions()),
                b -> b.sscan("k", "0", sscanOptions())));
        // sorted sets
        ZAddOptions xxGt = zaddOptions();
        KeyArray keyArray = new KeyArray(KEYS);
        KeyArrayBinary binaryKeyArray = new KeyArrayBinary(BINARY_KEYS);
        int blockingHalfSecond = BlockingTimeouts.forSeconds(0.5);
        all.add(s("zadd", c -> c.zadd("k", scores(), xxGt, true), c -> c.zadd(gs("k"), binaryScores(), xxGt, true),
                b -> b.zadd("k", scores(), xxGt, true)));
        all.add(s("zadd", c -> c.zadd("k", scores(), xxGt), c -> c.zadd(gs("k"), binaryScores(), xxGt), b -> b.zadd("k", scores(), xxGt)));
        all.add(s("zadd", c -> c.zadd("k", scores(), true), c -> c.zadd(gs("k"), binaryScores(), true), b -> b.zadd("k", scores(), true)));
        all.add(s("zadd", c -> c.zadd("k", scores()), c -> c.zadd(gs("k"), binaryScores()), b -> b.zadd("k", scores())));
        all.add(s("zaddIncr", c -> c.zaddIncr("k", "a", 1.5, xxGt), c -> c.zaddIncr(gs("k"), gs("a"), 1.5, xxGt),
                b -> b.zaddIncr("k", "a", 1.5, xxGt)));
        all.add(s("zaddIncr", c -> c.zaddIncr("k", "a", 1.5), c -> c.zaddIncr(gs("k"), gs("a"), 1.5), b -> b.zaddIncr("k", "a", 1.5)));
        all.add(s("zrem", c -> c.zrem("k", MEMBERS), c -> c.zrem(gs("k"), BINARY_MEMBERS), b -> b.zrem("k", MEMBERS)));
        all.add(s("zcard", c -> c.zcard("k"), c -> c.zcard(gs("k")), b -> b.zcard("k")));
        all.add(s("zincrby", c -> c.zincrby("k", 1.5, "a"), c -> c.zincrby(gs("k"), 1.5, gs("a")), b -> b.zincrby("k", 1.5, "a")));
        all.add(s("zcount", c -> c.zcount("k", InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(3, false)),
                c -> c.zcount(gs("k"), InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(3, false)),
                b -> b.zcount("k", InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(3, false))));
        all.add(s("zlexcount", c -> c.zlexcount("k", InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c")),
                c -> c.zlexcount(gs("k"), InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c")),
                b -> b.zlexcount("k", InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c"))));
        all.add(s("zremrangebyscore", c -> c.zremrangebyscore("k", InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(3, false)),
                c -> c.zremrangebyscore(gs("k"), InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(3, false)),
                b -> b.zremrangebyscore("k", InfScoreBound.NEGATIVE_INFINITY, new ScoreBoundary(3, false))));
        all.add(s("zremrangebylex", c -> c.zremrangebylex("k", InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c")),
                c -> c.zremrangebylex(gs("k"), InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c")),
                b -> b.zremrangebylex("k", InfLexBound.NEGATIVE_INFINITY, new LexBoundary("c"))));
        all.add(s("zremrangebyrank", c -> c.zremrangebyrank("k", 0, 1), c -> c.zremrangebyrank(gs("k"), 0, 1),
                b -> b.zremrangebyrank("k", 0, 1)));
        all.add(s("zpopmin", c -> c.zpopmin("k"), c -> c.zpopmin(gs("k")), b -> b.zpopmin("k")));
        all.add(s("zpopmin", c -> c.zpopmin("k", 2), c -> c.zpopmin(gs("k"), 2), b -> b.zpopmin("k", 2)));
        all.add(s("zpopmax", c -> c.zpopmax("k"), c -> c.zpopmax(gs("k")), b -> b.zpopmax("k")));
        all.add(s("zpopmax", c -> c.zpopmax("k", 2), c -> c.zpopmax(gs("k"), 2), b -> b.zpopmax("k", 2)));
        all.add(s("bzpopmin", c -> c.bzpopmin(KEYS, 0.5), c -> c.bzpopmin(BINARY_KEYS, 0.5), b -> b.bzpopmin(KEYS, 0.5))
                .blocking(blockingHalfSecond));
        all.add(s("bzpopmax", c -> c.bzpopmax(KEYS, 0.5), c -> c.bzpopmax(BINARY_KEYS, 0.5), b -> b.bzpopmax(KEYS, 0.5))
                .blocking(blockingHalfSecond));
        all.add(s("zmpop", c -> c.zmpop(KEYS, ScoreFilter.MIN), c -> c.zmpop(BINARY_KEYS, ScoreFilter.MIN),
                b -> b.zmpop(KEYS, ScoreFilter.MIN)));
        all.add(s("zmpop", c -> c.zmpop(KEYS, ScoreFilter.MAX, 3), c -> c.zmpop(BINARY_KEYS, ScoreFilter.MAX, 3),
                b -> b.zmpop(KEYS, ScoreFilter.MAX, 3)));
        all.add(s("bzmpop", c -> c.bzmpop(KEYS, ScoreFilter.MIN, 0.5), c -> c.bzmpop(BINARY_KEYS, ScoreFilter.MIN, 0.5),
                b -> b.bzmpop(KEYS, ScoreFilter.MIN, 0.5)).blocking(blockingHalfSecond));
        all.add(s("bzmpop", c -> c.bzmpop(KEYS, ScoreFilter.MAX, 0.5, 3), c -> c.bzmpop(BINARY_KEYS, ScoreFilter.MAX, 0.5, 3),
                b -> b.bzmpop(KEYS, ScoreFilter.MAX, 0.5, 3)).blocking(blockingHalfSecond));
        all.add(s("zscore", c -> c.zscore("k", "a"), c -> c.zscore(gs("k"), gs("a")), b -> b.zscore("k", "a")));
        all.add(s("zmscore", c -> c.zmscore("k", MEMBERS), c -> c.zmscore(gs("k"), BINARY_MEMBERS), b -> b.zmscore("k", MEMBERS)));
        all.add(s("zrank", c -> c.zrank("k", "a"), c -> c.zrank(gs("k"), gs("a")), b -> b.zrank("k", "a")));
        all.add(s("zrankWithScore", c -> c.zrankWithScore("k", "a"), c -> c.zrankWithScore(gs("k"), gs("a")),
                b -> b.zrankWithScore("k", "a")));
        all.add(s("zrevrank", c -> c.zrevrank("k", "a"), c -> c.zrevrank(gs("k"), gs("a")), b -> b.zrevrank("k", "a")));
        all.add(s("zrevrankWithScore", c -> c.zrevrankWithScore("k", "a"), c -> c.zrevrankWithScore(gs("k"), gs("a")),
                b -> b.zrevrankWithScore("k", "a")));
        all.add(s("zrange", c -> c.zrange("k", BY_INDEX, true), c -> c.zrange(gs("k"), BY_INDEX, true), b -> b.zrange("k", BY_INDEX, true)));
        all.add(s("zrange", c -> c.zrange("k", BY_SCORE), c -> c.zrange(gs("k"), BY_SCORE), b -> b.zrange("k", BY_SCORE)));
        all.add(s("zrange", c -> c.zrange("k", BY_LEX), c -> c.zrange(gs("k"), BY_LEX), b -> b.zrange("k", BY_LEX)));
        all.add(s("zrangeWithScores", c -> c.zrangeWithScores("k", BY_INDEX, true), c -> c.zrangeWithScores(gs("k"), BY_INDEX, true),
                b -> b.zrangeWithScores("k", BY_INDEX, true)));
        all.add(s("zrangeWithScores", c -> c.zrangeWithScores("k", BY_SCORE), c -> c.zrangeWithScores(gs("k"), BY_SCORE),
                b -> b.zrangeWithScores("k", BY_SCORE)));
        all.add(s("zrangestore", c -> c.zrangestore("d", "k", BY_INDEX, true), c -> c.zrangestore(gs("d"), gs("k"), BY_INDEX, true),
                b -> b.zrangestore("d", "k", BY_INDEX, true)));
        all.add(s("zrangestore", c -> c.zrangestore("d", "k", BY_LEX), c -> c.zrangestore(gs("d"), gs("k"), BY_LEX),
                b -> b.zrangestore("d", "k", BY_LEX)));
        all.add(s("zrandmember", c -> c.zrandmember("k"), c -> c.zrandmember(gs("k")), b -> b.zrandmember("k")));
        all.add(s("zrandmemberWithCount", c -> c.zrandmemberWithCount("k", 3), c -> c.zrandmemberWithCount(gs("k"), 3),
                b -> b.zrandmemberWithCount("k", 3)));
        all.add(s("zrandmemberWithCountWithScores", c -> c.zrandmemberWithCountWithScores("k", 3),
                c -> c.zrandmemberWithCountWithScores(gs("k"), 3), b -> b.zrandmemberWithCountWithScores("k", 3)));
        all.add(s("zscan", c -> c.zscan("k", "0"), c -> c.zscan(gs("k"), gs("0")), b -> b.zscan("k", "0")));
        all.add(s("zscan", c -> c.zscan("k", "0", zscanOptions()), c -> c.zscan(gs("k"), gs("0"), binaryZscanOptions()),
                b -> b.zscan("k", "0", zscanOptions())));
        all.add(s("zdiff", c -> c.zdiff(KEYS), c -> c.zdiff(BINARY_KEYS), b -> b.zdiff(KEYS)));
        all.add(s("zdiffWithScores", c -> c.zdiffWithScores(KEYS), c -> c.zdiffWithScores(BINARY_KEYS), b -> b.zdiffWithScores(KEYS)));
        all.add(s("zdiffstore", c -> c.zdiffstore("d", KEYS), c -> c.zdiffstore(gs("d"), BINARY_KEYS), b -> b.zdiffstore("d", KEYS)));
        all.add(s("zintercard", c -> c.zintercard(KEYS), c -> c.zintercard(BINARY_KEYS), b -> b.zintercard(KEYS)));
        all.add(s("zintercard", c -> c.zintercard(KEYS, 5), c -> c.zintercard(BINARY_KEYS, 5), b -> b.zintercard(KEYS, 5)));
        all.add(s("zunion", c -> c.zunion(keyArray), c -> c.zunion(binaryKeyArray), b -> b.zunion(keyArray)));
        all.add(s("zunionWithScores", c -> c.zunionWithScores(keyArray), c -> c.zunionWithScores(binaryKeyArray),
                b -> b.zunionWithScores(keyArray)));
        all.add(s("zunionWithScores", c -> c.zunionWithScores(weighted(), Aggregate.MAX),
                c -> c.zunionWithScores(binaryWeighted(), Aggregate.MAX), b -> b.zunionWithScores(weighted(), Aggregate.MAX)));
        all.add(s("zinter", c -> c.zinter(keyArray), c -> c.zinter(binaryKeyArray), b -> b.zinter(keyArray)));
        all.add(s("zinterWithScores", c -> c.zinterWithScores(keyArray), c -> c.zinterWithScores(binaryKeyArray),
                b -> b.zinterWithScores(keyArray)));
        all.add(s("zinterWithScores", c -> c.zinterWithScores(weighted(), Aggregate.MAX),
                c -> c.zinterWithScores(binaryWeighted(), Aggregate.MAX), b -> b.zinterWithScores(weighted(), Aggregate.MAX)));
        all.add(s("zunionstore", c -> c.zunionstore("d", keyArray), c -> c.zunionstore(gs("d"), binaryKeyArray),
                b -> b.zunionstore("d", keyArray)));
        all.add(s("zunionstore", c -> c.zunionstore("d", weighted(), Aggregate.MAX),
                c -> c.zunionstore(gs("d"), binaryWeighted(), Aggregate.MAX), b -> b.zunionstore("d", weighted(), Aggregate.MAX)));
        all.add(s("zinterstore", c -> c.zinterstore("d", keyArray), c -> c.zinterstore(gs("d"), binaryKeyArray),
                b -> b.zinterstore("d", keyArray)));
        all.add(s("zinterstore", c -> c.zinterstore("d", weighted(), Aggregate.MAX),
                c -> c.zinterstore(gs("d"), binaryWeighted(), Aggregate.MAX), b -> b.zinterstore("d", weighted(), Aggregate.MAX)));
        return all;
    }

    /** HSCAN's options are written as bytes: a pattern that is not UTF-8 reaches the batch as given. */
    @Test
    void hscanOptionsKeepTheirPatternsBytes() {
        byte[] notText = {(byte) 0xff, '*'};
        HScanOptions options = HScanOptions.builder().matchPatternBinary(gs(notText)).build();
        Command<Object[]> text = HashCommands.TEXT.hscan("k", "0", options);
        assertArrayEquals(notText, text.args()[4]);
        Batch batch = new Batch(false).hscan("k", "0", options);
        assertArrayEquals(notText, batch.commands().command(0)[4]);
        assertEquals(Wire.Shape.AS_SENT, batch.commands().shape(0));
    }

    // ==== scripting and functions, pub/sub (ScriptingCommands, PubSubCommands) ====

    /** A script's code and its SHA-1 (no space in it: a line's arguments are split on spaces). */
    private static final String SCRIPT_CODE = "return";
    private static final String SCRIPT_SHA = "63143b6f8007b98c53ca2149822777b3566f9241";
    private static final String[] SHAS = {SCRIPT_SHA, "0".repeat(40)};
    private static final GlideString[] BINARY_SHAS = {gs(SCRIPT_SHA), gs("0".repeat(40))};
    private static final String[] CHANNELS = {"ch", "ch2"};
    private static final GlideString[] BINARY_CHANNELS = {gs("ch"), gs("ch2")};
    private static final String[] NO_KEYS = {};

    /** Subscribing changes the client's subscription state: not a command of this layer. */
    private static final List<String> SUBSCRIPTION_METHODS = List.of(
            "subscribeLazy", "subscribe", "psubscribeLazy", "psubscribe", "unsubscribeLazy", "unsubscribe",
            "punsubscribeLazy", "punsubscribe", "ssubscribeLazy", "ssubscribe", "sunsubscribeLazy", "sunsubscribe");

    /** The methods of the scripting/functions and pub/sub interfaces, subscribing left out. */
    private static TreeSet<String> scriptingAndPubSubDeclared() {
        TreeSet<String> declared = new TreeSet<>();
        for (Class<?> family : new Class<?>[] {
            ScriptingAndFunctionsBaseCommands.class, ScriptingAndFunctionsCommands.class,
            ScriptingAndFunctionsClusterCommands.class, PubSubBaseCommands.class, PubSubClusterCommands.class
        }) {
            for (Method m : family.getDeclaredMethods()) {
                declared.add(m.getName());
            }
        }
        declared.removeAll(SUBSCRIPTION_METHODS);
        return declared;
    }

    /** Sampled with their text form (binary forms named apart), or by {@link #clusterSamples()}. */
    private static TreeSet<String> scriptingAndPubSubSampledApart() {
        TreeSet<String> sampled = new TreeSet<>(
                List.of("functionListBinary", "functionStatsBinary", "pubsubChannelsBinary", "pubsubShardChannelsBinary"));
        clusterSamples().forEach(s -> sampled.add(s.method));
        return sampled;
    }

    private static Script script() {
        return new Script(SCRIPT_CODE, false);
    }

    /** The same code, its replies as bytes: the flag a GlideString overload of invokeScript reads. */
    private static Script binaryScript() {
        return new Script(gs(SCRIPT_CODE), true);
    }

    private static List<Sample> scriptingAndPubSubSamples() {
        ScriptOptions options = ScriptOptions.builder().key("k").arg("a").build();
        ScriptOptionsGlideString binaryOptions = ScriptOptionsGlideString.builder().key(gs("k")).arg(gs("a")).build();
        List<Sample> all = new ArrayList<>();
        // calling scripts and functions
        all.add(s("fcall", c -> c.fcall("f", KEYS, ELEMENTS), c -> c.fcall(gs("f"), BINARY_KEYS, BINARY_ELEMENTS),
                b -> b.fcall("f", KEYS, ELEMENTS)));
        all.add(s("fcall", c -> c.fcall("f"), c -> c.fcall(gs("f")), b -> b.fcall("f", NO_KEYS)));
        all.add(s("fcall", null, null, b -> b.fcall("f", ELEMENTS)));
        all.add(s("fcallReadOnly", c -> c.fcallReadOnly("f", KEYS, ELEMENTS),
                c -> c.fcallReadOnly(gs("f"), BINARY_KEYS, BINARY_ELEMENTS), b -> b.fcallReadOnly("f", KEYS, ELEMENTS)));
        all.add(s("fcallReadOnly", c -> c.fcallReadOnly("f"), c -> c.fcallReadOnly(gs("f")), b -> b.fcallReadOnly("f", NO_KEYS)));
        all.add(s("fcallReadOnly", null, null, b -> b.fcallReadOnly("f", ELEMENTS)));
        all.add(s("evalReadOnly", c -> c.evalReadOnly("s"), c -> c.evalReadOnly(gs("s")), null));
        all.add(s("evalReadOnly", c -> c.evalReadOnly("s", KEYS, ELEMENTS), c -> c.evalReadOnly(gs("s"), BINARY_KEYS, BINARY_ELEMENTS),
                null));
        all.add(s("evalshaReadOnly", c -> c.evalshaReadOnly(SCRIPT_SHA), c -> c.evalshaReadOnly(gs(SCRIPT_SHA)), null));
        all.add(s("evalshaReadOnly", c -> c.evalshaReadOnly(SCRIPT_SHA, KEYS, ELEMENTS),
                c -> c.evalshaReadOnly(gs(SCRIPT_SHA), BINARY_KEYS, BINARY_ELEMENTS), null));
        all.add(s("invokeScript", c -> c.invokeScript(script()), c -> c.invokeScript(binaryScript()), null));
        all.add(s("invokeScript", c -> c.invokeScript(script(), options), c -> c.invokeScript(binaryScript(), binaryOptions), null));
        // the script cache
        all.add(s("scriptShow", c -> c.scriptShow(SCRIPT_SHA), c -> c.scriptShow(gs(SCRIPT_SHA)), null));
        all.add(s("scriptExists", c -> c.scriptExists(SHAS), c -> c.scriptExists(BINARY_SHAS), null));
        all.add(s("scriptFlush", c -> c.scriptFlush(), null, null));
        all.add(s("scriptFlush", c -> c.scriptFlush(FlushMode.ASYNC), null, null));
        all.add(s("scriptKill", c -> c.scriptKill(), null, null));
        all.add(s("scriptDebug", c -> c.scriptDebug(ScriptDebugMode.YES), null, null));
        // function libraries
        all.add(s("functionLoad", c -> c.functionLoad("code", false), c -> c.functionLoad(gs("code"), false),
                b -> b.functionLoad("code", false)));
        all.add(s("functionLoad", c -> c.functionLoad("code", true), c -> c.functionLoad(gs("code"), true),
                b -> b.functionLoad("code", true)));
        all.add(s("functionList", c -> c.functionList(false), c -> c.functionListBinary(false), b -> b.functionList(false)));
        all.add(s("functionList", c -> c.functionList(true), c -> c.functionListBinary(true), b -> b.functionList(true)));
        all.add(s("functionList", c -> c.functionList("lib*", true), c -> c.functionListBinary(gs("lib*"), true),
                b -> b.functionList("lib*", true)));
        all.add(s("functionList", c -> c.functionList("lib*", false), c -> c.functionListBinary(gs("lib*"), false),
                b -> b.functionList(gs("lib*"), false)));
        all.add(s("functionFlush", c -> c.functionFlush(), null, b -> b.functionFlush()));
        all.add(s("functionFlush", c -> c.functionFlush(FlushMode.SYNC), null, b -> b.functionFlush(FlushMode.SYNC)));
        all.add(s("functionDelete", c -> c.functionDelete("lib"), c -> c.functionDelete(gs("lib")), b -> b.functionDelete("lib")));
        // FUNCTION DUMP and RESTORE carry a payload, bytes: their only overload reads bytes.
        all.add(s("functionDump", null, c -> c.functionDump(), b -> b.functionDump()));
        all.add(s("functionRestore", null, c -> c.functionRestore(VALUE), b -> b.functionRestore(VALUE)));
        all.add(s("functionRestore", null, c -> c.functionRestore(VALUE, FunctionRestorePolicy.REPLACE),
                b -> b.functionRestore(VALUE, FunctionRestorePolicy.REPLACE)));
        all.add(s("functionKill", c -> c.functionKill(), null, null));
        all.add(s("functionStats", c -> c.functionStats(), c -> c.functionStatsBinary(), b -> b.functionStats()));
        // pub/sub
        all.add(s("publish", c -> c.publish("m", "ch"), c -> c.publish(gs("m"), gs("ch")), b -> b.publish("m", "ch")));
        all.add(s("pubsubChannels", c -> c.pubsubChannels(), c -> c.pubsubChannelsBinary(), b -> b.pubsubChannels()));
        all.add(s("pubsubChannels", c -> c.pubsubChannels("ch*"), c -> c.pubsubChannels(gs("ch*")), b -> b.pubsubChannels("ch*")));
        all.add(s("pubsubNumPat", c -> c.pubsubNumPat(), null, b -> b.pubsubNumPat()));
        all.add(s("pubsubNumSub", c -> c.pubsubNumSub(CHANNELS), c -> c.pubsubNumSub(BINARY_CHANNELS), b -> b.pubsubNumSub(CHANNELS)));
        return all;
    }

    /** A cluster client's method in its forms, sent to {@code route} (null: the command's own routing). */
    private static final class ClusterSample {
        final String method;
        final Route route;
        final Consumer<GlideClusterClient> text;
        final Consumer<GlideClusterClient> binary;
        final Consumer<ClusterBatch> batch;

        ClusterSample(String method, Route route, Consumer<GlideClusterClient> text, Consumer<GlideClusterClient> binary,
                Consumer<ClusterBatch> batch) {
            this.method = method;
            this.route = route;
            this.text = text;
            this.binary = binary;
            this.batch = batch;
        }
    }

    private static ClusterSample cs(String method, Route route, Consumer<GlideClusterClient> text,
            Consumer<GlideClusterClient> binary, Consumer<ClusterBatch> batch) {
        return new ClusterSample(method, route, text, binary, batch);
    }

    /** The forms only a cluster client (or batch) has: routes, keyless FCALL, sharded pub/sub. */
    private static List<ClusterSample> clusterSamples() {
        Route all = SimpleMultiNodeRoute.ALL_PRIMARIES;
        Route slot = new SlotKeyRoute("k", SlotType.PRIMARY);
        ScriptArgOptions args = ScriptArgOptions.builder().arg("a").build();
        ScriptArgOptionsGlideString binaryArgs = ScriptArgOptionsGlideString.builder().arg(gs("a")).build();
        List<ClusterSample> samples = new ArrayList<>();
        samples.add(cs("functionLoad", all, c -> c.functionLoad("code", true, all), c -> c.functionLoad(gs("code"), true, all), null));
        samples.add(cs("functionList", all, c -> c.functionList(true, all), c -> c.functionListBinary(true, all), null));
        samples.add(cs("functionList", all, c -> c.functionList("lib*", false, all), c -> c.functionListBinary(gs("lib*"), false, all),
                null));
        samples.add(cs("functionFlush", all, c -> c.functionFlush(all), null, null));
        samples.add(cs("functionFlush", all, c -> c.functionFlush(FlushMode.SYNC, all), null, null));
        samples.add(cs("functionDelete", all, c -> c.functionDelete("lib", all), c -> c.functionDelete(gs("lib"), all), null));
        samples.add(cs("functionDump", all, null, c -> c.functionDump(all), null));
        samples.add(cs("functionRestore", all, null, c -> c.functionRestore(VALUE, all), null));
        samples.add(cs("functionRestore", all, null, c -> c.functionRestore(VALUE, FunctionRestorePolicy.FLUSH, all), null));
        samples.add(cs("fcall", null, c -> c.fcall("f"), c -> c.fcall(gs("f")), b -> b.fcall("f", NO_KEYS)));
        samples.add(cs("fcall", all, c -> c.fcall("f", all), c -> c.fcall(gs("f"), all), null));
        samples.add(cs("fcall", null, c -> c.fcall("f", ELEMENTS), c -> c.fcall(gs("f"), BINARY_ELEMENTS), b -> b.fcall("f", ELEMENTS)));
        samples.add(cs("fcall", all, c -> c.fcall("f", ELEMENTS, all), c -> c.fcall(gs("f"), BINARY_ELEMENTS, all), null));
        samples.add(cs("fcallReadOnly", null, c -> c.fcallReadOnly("f"), c -> c.fcallReadOnly(gs("f")),
                b -> b.fcallReadOnly("f", NO_KEYS)));
        samples.add(cs("fcallReadOnly", all, c -> c.fcallReadOnly("f", all), c -> c.fcallReadOnly(gs("f"), all), null));
        samples.add(cs("fcallReadOnly", null, c -> c.fcallReadOnly("f", ELEMENTS), c -> c.fcallReadOnly(gs("f"), BINARY_ELEMENTS),
                b -> b.fcallReadOnly("f", ELEMENTS)));
        samples.add(cs("fcallReadOnly", all, c -> c.fcallReadOnly("f", ELEMENTS, all),
                c -> c.fcallReadOnly(gs("f"), BINARY_ELEMENTS, all), null));
        samples.add(cs("functionKill", all, c -> c.functionKill(all), null, null));
        samples.add(cs("functionStats", null, c -> c.functionStats(), c -> c.functionStatsBinary(), b -> b.functionStats()));
        samples.add(cs("functionStats", all, c -> c.functionStats(all), c -> c.functionStatsBinary(all), null));
        samples.add(cs("invokeScript", slot, c -> c.invokeScript(script(), slot), c -> c.invokeScript(binaryScript(), slot), null));
        samples.add(cs("invokeScript", slot, c -> c.invokeScript(script(), args, slot),
                c -> c.invokeScript(binaryScript(), binaryArgs, slot), null));
        samples.add(cs("scriptExists", all, c -> c.scriptExists(SHAS, all), c -> c.scriptExists(BINARY_SHAS, all), null));
        samples.add(cs("scriptFlush", all, c -> c.scriptFlush(all), null, null));
        samples.add(cs("scriptFlush", all, c -> c.scriptFlush(FlushMode.ASYNC, all), null, null));
        samples.add(cs("scriptKill", all, c -> c.scriptKill(all), null, null));
        samples.add(cs("publish", null, c -> c.publish("m", "ch", true), c -> c.publish(gs("m"), gs("ch"), true),
                b -> b.publish("m", "ch", true)));
        samples.add(cs("publish", null, c -> c.publish("m", "ch", false), c -> c.publish(gs("m"), gs("ch"), false),
                b -> b.publish("m", "ch", false)));
        samples.add(cs("pubsubShardChannels", null, c -> c.pubsubShardChannels(), c -> c.pubsubShardChannelsBinary(),
                b -> b.pubsubShardChannels()));
        samples.add(cs("pubsubShardChannels", null, c -> c.pubsubShardChannels("ch*"), c -> c.pubsubShardChannels(gs("ch*")),
                b -> b.pubsubShardChannels("ch*")));
        samples.add(cs("pubsubShardNumSub", null, c -> c.pubsubShardNumSub(CHANNELS), c -> c.pubsubShardNumSub(BINARY_CHANNELS),
                b -> b.pubsubShardNumSub(CHANNELS)));
        return samples;
    }

    private static Sent sentByCluster(Consumer<GlideClusterClient> call) {
        Capture sink = new Capture();
        call.accept(onSink(GlideClusterClient.class, sink));
        assertEquals(1, sink.sent.size(), "one command per call");
        return sink.sent.get(0);
    }

    /** A route's kind, number and bytes, to compare two RouteSpecs (which have no equals). */
    private static List<Object> routeFields(RouteSpec route) {
        List<Object> fields = new ArrayList<>();
        for (String name : new String[] {"kind", "number", "bytes"}) {
            try {
                Field f = RouteSpec.class.getDeclaredField(name);
                f.setAccessible(true);
                Object value = f.get(route);
                fields.add(value instanceof byte[] ? new String((byte[]) value, StandardCharsets.UTF_8) : value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return fields;
    }

    /** The line of one cluster form, checked for its binary flag, timeout and route. */
    private static String clusterLine(ClusterSample sample, Sent sent, boolean binary) {
        assertEquals(binary, sent.binary, sample.method + ": the binary flag");
        assertEquals(BlockingTimeouts.DEFAULT, sent.timeoutMs, sample.method);
        if (sample.route == null) {
            assertSame(RouteSpec.DEFAULT, sent.route, sample.method);
        } else {
            assertEquals(routeFields(RouteSpec.of(sample.route)), routeFields(sent.route), sample.method + ": the route");
        }
        return line(sent.args, sent.shape);
    }

    /**
     * The cluster forms' lines (String, GlideString and ClusterBatch forms alike, each sent where
     * its route says) and the SCRIPT LOAD of invokeScript's fallback: with the standalone
     * samples', what {@code defined-shapes.txt} must list.
     */
    private static List<String> scriptingAndPubSubClusterAndFallbackLines() {
        List<String> lines = new ArrayList<>();
        for (ClusterSample sample : clusterSamples()) {
            String line = null;
            if (sample.text != null) {
                line = clusterLine(sample, sentByCluster(sample.text), false);
            }
            if (sample.binary != null) {
                String binaryLine = clusterLine(sample, sentByCluster(sample.binary), true);
                assertEquals(line == null ? binaryLine : line, binaryLine, sample.method + ": String and GlideString overloads differ");
                line = binaryLine;
            }
            if (sample.batch != null) {
                for (ClusterBatch batch : new ClusterBatch[] {new ClusterBatch(false), new ClusterBatch(true)}) {
                    sample.batch.accept(batch);
                    assertEquals(1, batch.commands().size(), sample.method);
                    String batchLine = line(batch.commands().command(0), batch.commands().shape(0));
                    assertEquals(line == null ? batchLine : line, batchLine, sample.method + ": the batch builder differs");
                    line = batchLine;
                }
            }
            lines.add(line);
        }
        Sent load = scriptFallback(false).get(1);
        lines.add(line(load.args, load.shape));
        return lines;
    }

    /**
     * Fails the first EVALSHA with NOSCRIPT and answers the rest: what invokeScript then sends
     * (on a cluster client, to a route, when {@code cluster}).
     */
    private static List<Sent> scriptFallback(boolean cluster) {
        List<Sent> sent = new ArrayList<>();
        CommandSink sink = new CommandSink() {
            @Override
            public <T> CompletableFuture<T> execute(
                    byte[][] args, boolean binary, int timeoutMs, int shape, RouteSpec route, Function<Object, T> convert) {
                Sent s = new Sent();
                s.args = args;
                s.binary = binary;
                s.timeoutMs = timeoutMs;
                s.shape = shape;
                s.route = route;
                sent.add(s);
                if (sent.size() == 1) {
                    return CompletableFuture.failedFuture(new RequestException("NOSCRIPT No matching script."));
                }
                return CompletableFuture.completedFuture(convert.apply("x"));
            }
        };
        try (Script binary = binaryScript()) {
            Object result = cluster
                    ? onSink(GlideClusterClient.class, sink).invokeScript(binary, SimpleMultiNodeRoute.ALL_NODES).join()
                    : onSink(GlideClient.class, sink).invokeScript(binary).join();
            assertEquals("x", result);
        }
        assertEquals(3, sent.size(), "EVALSHA, SCRIPT LOAD, EVALSHA");
        return sent;
    }

    /**
     * invokeScript's fallback sends defined commands: EVALSHA as the Script asks (bytes back for a
     * binary Script), SCRIPT LOAD of the code, read as text and sent by its own policy (on a
     * cluster: every node), then the same EVALSHA again, to the same route.
     */
    @Test
    void invokeScriptFallsBackToADefinedScriptLoad() {
        for (boolean cluster : new boolean[] {false, true}) {
            List<Sent> sent = scriptFallback(cluster);
            Sent first = sent.get(0);
            Sent load = sent.get(1);
            Sent again = sent.get(2);
            assertEquals("AS_SENT(2) EVALSHA " + SCRIPT_SHA + " 0", line(first.args, first.shape));
            assertTrue(first.binary);
            assertEquals("AS_SENT(2) SCRIPT LOAD " + SCRIPT_CODE, line(load.args, load.shape));
            assertFalse(load.binary);
            assertSame(RouteSpec.DEFAULT, load.route);
            assertEquals(line(first.args, first.shape), line(again.args, again.shape));
            assertTrue(again.binary);
            assertEquals(routeFields(first.route), routeFields(again.route));
            RouteSpec expected = cluster ? RouteSpec.of(SimpleMultiNodeRoute.ALL_NODES) : RouteSpec.DEFAULT;
            assertEquals(routeFields(expected), routeFields(first.route));
        }
    }

    /** The Script, not the options' type, says whether bulk strings come back as bytes. */
    @Test
    void invokeScriptReadsItsBinaryFlagFromTheScript() {
        Capture sink = new Capture();
        GlideClient client = onSink(GlideClient.class, sink);
        client.invokeScript(binaryScript(), ScriptOptions.builder().key("k").build());
        client.invokeScript(script(), ScriptOptionsGlideString.builder().key(gs("k")).build());
        assertTrue(sink.sent.get(0).binary);
        assertFalse(sink.sent.get(1).binary);
        assertEquals(line(sink.sent.get(0).args, sink.sent.get(0).shape), line(sink.sent.get(1).args, sink.sent.get(1).shape));
    }

    /**
     * functionListBinary reads a null pattern as every library (as it always has); the String
     * overload refuses it, and a batch refuses any null argument.
     */
    @Test
    void aNullLibraryPatternListsEveryLibraryOnlyInTheGlideStringOverloads() {
        Capture sink = new Capture();
        onSink(GlideClient.class, sink).functionListBinary(null, true);
        onSink(GlideClusterClient.class, sink).functionListBinary(null, false, SimpleMultiNodeRoute.ALL_NODES);
        assertEquals("FUNCTION_LIST(12) FUNCTION LIST WITHCODE", line(sink.sent.get(0).args, sink.sent.get(0).shape));
        assertEquals("FUNCTION_LIST(12) FUNCTION LIST", line(sink.sent.get(1).args, sink.sent.get(1).shape));
        GlideClient client = onSink(GlideClient.class, new Capture());
        assertThrows(NullPointerException.class, () -> client.functionList((String) null, true));
        assertThrows(IllegalArgumentException.class, () -> new Batch(false).functionList(null, true));
    }

    // ==== server management, connection management, WATCH/UNWATCH, KEYS and SCAN ====
    // (ServerCommands, ConnectionCommands, TransactionCommands, KeyCommands.keys/scan)
    // Types are written in full in this section (no new imports): it merges apart from the others.

    private static final glide.api.models.commands.InfoOptions.Section[] SECTIONS = {
        glide.api.models.commands.InfoOptions.Section.SERVER, glide.api.models.commands.InfoOptions.Section.COMMANDSTATS
    };
    private static final String[] PARAMETERS = {"maxmemory", "timeout"};
    private static final int[] LOLWUT_PARAMETERS = {10, 2};

    private static glide.api.models.commands.scan.ScanOptions scanOptions() {
        return glide.api.models.commands.scan.ScanOptions.builder()
                .matchPattern("k*")
                .count(5L)
                .type(glide.api.models.commands.scan.ScanOptions.ObjectType.HASH)
                .build();
    }

    /** The samples of these families' standalone forms and batch builders, in {@link #samples()}. */
    private static List<Sample> serverAndConnectionSamples() {
        glide.api.models.commands.FlushMode async = glide.api.models.commands.FlushMode.ASYNC;
        List<Sample> all = new ArrayList<>();
        // server management (text only: the API has no GlideString overloads here)
        all.add(s("info", c -> c.info(), null, b -> b.info()));
        all.add(s("info", c -> c.info(SECTIONS), null, b -> b.info(SECTIONS)));
        all.add(s("configGet", c -> c.configGet(PARAMETERS), null, b -> b.configGet(PARAMETERS)));
        all.add(s("configSet", c -> c.configSet(pairs()), null, b -> b.configSet(pairs())));
        all.add(s("configResetStat", c -> c.configResetStat(), null, b -> b.configResetStat()));
        all.add(s("configRewrite", c -> c.configRewrite(), null, b -> b.configRewrite()));
        all.add(s("time", c -> c.time(), null, b -> b.time()));
        all.add(s("lastsave", c -> c.lastsave(), null, b -> b.lastsave()));
        all.add(s("dbsize", c -> c.dbsize(), null, b -> b.dbsize()));
        all.add(s("flushall", c -> c.flushall(), null, b -> b.flushall()));
        all.add(s("flushall", c -> c.flushall(async), null, b -> b.flushall(async)));
        all.add(s("flushdb", c -> c.flushdb(), null, b -> b.flushdb()));
        all.add(s("flushdb", c -> c.flushdb(async), null, b -> b.flushdb(async)));
        all.add(s("lolwut", c -> c.lolwut(), null, b -> b.lolwut()));
        all.add(s("lolwut", c -> c.lolwut(LOLWUT_PARAMETERS), null, b -> b.lolwut(LOLWUT_PARAMETERS)));
        all.add(s("lolwut", c -> c.lolwut(5), null, b -> b.lolwut(5)));
        all.add(s("lolwut", c -> c.lolwut(5, LOLWUT_PARAMETERS), null, b -> b.lolwut(5, LOLWUT_PARAMETERS)));
        // ACL (no batch builders)
        all.add(s("aclCat", c -> c.aclCat(), null, null));
        all.add(s("aclCat", c -> c.aclCat("string"), null, null));
        all.add(s("aclDelUser", c -> c.aclDelUser(new String[] {"u", "u2"}), null, null));
        all.add(s("aclDryRun", c -> c.aclDryRun("u", "get", KEYS), null, null));
        all.add(s("aclGenPass", c -> c.aclGenPass(), null, null));
        all.add(s("aclGenPass", c -> c.aclGenPass(32), null, null));
        all.add(s("aclGetUser", c -> c.aclGetUser("u"), null, null));
        all.add(s("aclList", c -> c.aclList(), null, null));
        all.add(s("aclLoad", c -> c.aclLoad(), null, null));
        all.add(s("aclLog", c -> c.aclLog(), null, null));
        all.add(s("aclLog", c -> c.aclLog(3), null, null));
        all.add(s("aclSave", c -> c.aclSave(), null, null));
        all.add(s("aclSetUser", c -> c.aclSetUser("u", new String[] {"on", "+get"}), null, null));
        all.add(s("aclUsers", c -> c.aclUsers(), null, null));
        all.add(s("aclWhoami", c -> c.aclWhoami(), null, null));
        // connection management
        all.add(s("ping", c -> c.ping(), null, b -> b.ping()));
        all.add(s("ping", c -> c.ping("m"), c -> c.ping(gs("m")), b -> b.ping("m")));
        all.add(s("echo", c -> c.echo("m"), c -> c.echo(gs("m")), b -> b.echo("m")));
        all.add(s("select", c -> c.select(3), null, b -> b.select(3)));
        all.add(s("clientId", c -> c.clientId(), null, b -> b.clientId()));
        all.add(s("clientGetName", c -> c.clientGetName(), null, b -> b.clientGetName()));
        // WATCH/UNWATCH (no batch builders: a batch cannot watch)
        all.add(s("watch", c -> c.watch(KEYS), c -> c.watch(BINARY_KEYS), null));
        all.add(s("unwatch", c -> c.unwatch(), null, null));
        // the keyspace
        all.add(s("keys", c -> c.keys("k*"), c -> c.keys(gs("k*")), null));
        all.add(s("scan", c -> c.scan("0"), c -> c.scan(gs("0")), b -> b.scan("0")));
        all.add(s("scan", c -> c.scan("0", scanOptions()), c -> c.scan(gs("0"), scanOptions()), b -> b.scan("0", scanOptions())));
        return all;
    }

    /** One cluster-client form: what it must send besides the bytes (those must be a listed line). */
    private static final class ClusterForm {
        final String method;
        final Consumer<glide.api.GlideClusterClient> call;
        final boolean binary;
        /** Null: the command's own routing ({@link RouteSpec#DEFAULT}). */
        final glide.api.models.configuration.RequestRoutingConfiguration.Route route;
        int timeoutMs = BlockingTimeouts.DEFAULT;

        ClusterForm(String method, Consumer<glide.api.GlideClusterClient> call, boolean binary,
                glide.api.models.configuration.RequestRoutingConfiguration.Route route) {
            this.method = method;
            this.call = call;
            this.binary = binary;
            this.route = route;
        }

        ClusterForm blocking(int nativeTimeoutMs) {
            timeoutMs = nativeTimeoutMs;
            return this;
        }
    }

    private static ClusterForm text(String method, Consumer<glide.api.GlideClusterClient> call,
            glide.api.models.configuration.RequestRoutingConfiguration.Route route) {
        return new ClusterForm(method, call, false, route);
    }

    private static ClusterForm binary(String method, Consumer<glide.api.GlideClusterClient> call,
            glide.api.models.configuration.RequestRoutingConfiguration.Route route) {
        return new ClusterForm(method, call, true, route);
    }

    /**
     * The cluster client's forms of these families: the plain ones and every routed one, with the
     * arguments of the standalone samples, so each sends a line already listed.
     */
    private static List<ClusterForm> clusterForms() {
        glide.api.models.configuration.RequestRoutingConfiguration.Route all =
                glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute.ALL_NODES;
        glide.api.models.configuration.RequestRoutingConfiguration.Route random =
                glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute.RANDOM;
        glide.api.models.configuration.RequestRoutingConfiguration.Route byKey =
                new glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute(
                        "k", glide.api.models.configuration.RequestRoutingConfiguration.SlotType.REPLICA);
        glide.api.models.configuration.RequestRoutingConfiguration.Route byAddress =
                new glide.api.models.configuration.RequestRoutingConfiguration.ByAddressRoute("h", 7000);
        glide.api.models.commands.FlushMode async = glide.api.models.commands.FlushMode.ASYNC;
        List<ClusterForm> forms = new ArrayList<>();
        // server management
        forms.add(text("info", c -> c.info(), null));
        forms.add(text("info", c -> c.info(all), all));
        forms.add(text("info", c -> c.info(SECTIONS), null));
        forms.add(text("info", c -> c.info(SECTIONS, byAddress), byAddress));
        forms.add(text("configGet", c -> c.configGet(PARAMETERS), null));
        forms.add(text("configGet", c -> c.configGet(PARAMETERS, random), random));
        forms.add(text("configSet", c -> c.configSet(pairs(), all), all));
        forms.add(text("configResetStat", c -> c.configResetStat(byKey), byKey));
        forms.add(text("configRewrite", c -> c.configRewrite(all), all));
        forms.add(text("time", c -> c.time(random), random));
        forms.add(text("lastsave", c -> c.lastsave(byAddress), byAddress));
        forms.add(text("dbsize", c -> c.dbsize(), null));
        forms.add(text("dbsize", c -> c.dbsize(all), all));
        forms.add(text("flushall", c -> c.flushall(all), all));
        forms.add(text("flushall", c -> c.flushall(async, byKey), byKey));
        forms.add(text("flushdb", c -> c.flushdb(random), random));
        forms.add(text("flushdb", c -> c.flushdb(async, all), all));
        forms.add(text("lolwut", c -> c.lolwut(all), all));
        forms.add(text("lolwut", c -> c.lolwut(LOLWUT_PARAMETERS, random), random));
        forms.add(text("lolwut", c -> c.lolwut(5, byAddress), byAddress));
        forms.add(text("lolwut", c -> c.lolwut(5, LOLWUT_PARAMETERS, byKey), byKey));
        forms.add(text("aclGetUser", c -> c.aclGetUser("u"), null));
        forms.add(text("waitaof", c -> c.waitaof(1, 0, 100, all), all).blocking(BlockingTimeouts.forMillis(100)));
        // connection management
        forms.add(text("ping", c -> c.ping(), null));
        forms.add(text("ping", c -> c.ping(random), random));
        forms.add(text("ping", c -> c.ping("m"), null));
        forms.add(binary("ping", c -> c.ping(gs("m")), null));
        forms.add(text("ping", c -> c.ping("m", all), all));
        forms.add(binary("ping", c -> c.ping(gs("m"), byAddress), byAddress));
        forms.add(text("echo", c -> c.echo("m"), null));
        forms.add(binary("echo", c -> c.echo(gs("m")), null));
        forms.add(text("echo", c -> c.echo("m", byKey), byKey));
        forms.add(binary("echo", c -> c.echo(gs("m"), all), all));
        forms.add(text("select", c -> c.select(3), null));
        forms.add(text("clientId", c -> c.clientId(), null));
        forms.add(text("clientId", c -> c.clientId(all), all));
        forms.add(text("clientGetName", c -> c.clientGetName(random), random));
        // WATCH/UNWATCH
        forms.add(binary("watch", c -> c.watch(BINARY_KEYS), null));
        forms.add(text("unwatch", c -> c.unwatch(), null));
        forms.add(text("unwatch", c -> c.unwatch(all), all));
        // the keyspace
        forms.add(text("keys", c -> c.keys("k*"), null));
        forms.add(binary("keys", c -> c.keys(gs("k*")), null));
        forms.add(text("keys", c -> c.keys("k*", random), random));
        forms.add(binary("keys", c -> c.keys(gs("k*"), byAddress), byAddress));
        forms.add(text("randomKey", c -> c.randomKey(random), random));
        forms.add(binary("randomKeyBinary", c -> c.randomKeyBinary(all), all));
        return forms;
    }

    /** A route's kind, number and bytes (RouteSpec keeps them package-private, for the core only). */
    private static String describe(RouteSpec route) {
        StringBuilder out = new StringBuilder();
        for (String name : new String[] {"kind", "number", "bytes"}) {
            try {
                Field f = RouteSpec.class.getDeclaredField(name);
                f.setAccessible(true);
                Object v = f.get(route);
                out.append(name).append('=').append(v instanceof byte[] ? new String((byte[]) v, StandardCharsets.UTF_8) : v).append(' ');
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return out.toString();
    }

    /**
     * Each cluster form sends a listed line (the standalone form's bytes and shape), reads text or
     * bytes as its overload says, and goes where its route says: the command's own routing
     * without one, exactly {@code RouteSpec.of(route)} with one.
     */
    @Test
    void everyClusterFormSendsAListedLineWhereItsRouteSays() throws IOException {
        List<String> listed = expectedLines();
        for (ClusterForm form : clusterForms()) {
            Capture sink = new Capture();
            form.call.accept(onSink(GlideClusterClient.class, sink));
            assertEquals(1, sink.sent.size(), form.method + ": one command per call");
            Sent sent = sink.sent.get(0);
            String line = line(sent.args, sent.shape);
            assertTrue(listed.contains(line), form.method + ": " + line + " is not in " + SAMPLES);
            assertEquals(form.binary, sent.binary, form.method + ": " + line);
            assertEquals(form.timeoutMs, sent.timeoutMs, form.method + ": " + line);
            if (form.route == null) {
                assertSame(RouteSpec.DEFAULT, sent.route, form.method + ": " + line);
            } else {
                assertEquals(describe(RouteSpec.of(form.route)), describe(sent.route), form.method + " to " + form.route);
            }
        }
    }

    /**
     * The names of these families' interfaces that are sampled by the cluster forms only, or are
     * no single defined command: customCommand (given whole, its shape derived by design), exec
     * (a batch), and the cluster scan's scanBinary (steps of SlotScanCursor, routed by the core).
     */
    private static List<String> serverAndConnectionNamesNotInSamples() {
        List<String> names = new ArrayList<>();
        clusterForms().forEach(f -> names.add(f.method));
        names.addAll(List.of("customCommand", "exec", "scanBinary"));
        return names;
    }

    /** Keeps each command's converter, to apply it to a reply by hand. */
    private static final class Converters implements CommandSink {
        final List<Function<Object, ?>> converters = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> execute(
                byte[][] args, boolean binary, int timeoutMs, int shape, RouteSpec route, Function<Object, T> convert) {
            converters.add(convert);
            return new CompletableFuture<>();
        }
    }

    /** A reply by node as the core hands it over (NodeReplies: node address to that node's reply). */
    @SuppressWarnings("unchecked")
    private static Map<Object, Object> byNode(Object first, Object second) throws ReflectiveOperationException {
        java.lang.reflect.Constructor<?> make = Class.forName("glide.internal.NodeReplies").getDeclaredConstructor(int.class);
        make.setAccessible(true);
        Map<Object, Object> replies = (Map<Object, Object>) make.newInstance(2);
        replies.put("h:1", first);
        replies.put("h:2", second);
        return replies;
    }

    /**
     * The cluster forms that return a ClusterValue wrap the definition's converter: a reply by node
     * becomes each node's converted reply, a single reply a single value; the forms that return a
     * plain value convert as the definition does.
     */
    @Test
    void aClusterValueIsEachNodesReplyConvertedByTheDefinition() throws ReflectiveOperationException {
        Converters sink = new Converters();
        glide.api.GlideClusterClient client = onSink(GlideClusterClient.class, sink);
        client.info();
        client.keys(gs("k*"), glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute.ALL_NODES);
        client.clientId(glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute.RANDOM);
        client.dbsize(glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute.ALL_PRIMARIES);

        glide.api.models.ClusterValue<?> info = (glide.api.models.ClusterValue<?>) sink.converters.get(0).apply(byNode("a", "b"));
        assertTrue(info.hasMultiData());
        assertEquals(Map.of("h:1", "a", "h:2", "b"), info.getMultiValue());
        glide.api.models.ClusterValue<?> single = (glide.api.models.ClusterValue<?>) sink.converters.get(0).apply("a");
        assertTrue(single.hasSingleData());
        assertEquals("a", single.getSingleValue());

        glide.api.models.ClusterValue<?> keys =
                (glide.api.models.ClusterValue<?>) sink.converters.get(1).apply(byNode(new Object[] {gs("k1")}, new Object[0]));
        assertArrayEquals(new GlideString[] {gs("k1")}, (GlideString[]) keys.getMultiValue().get("h:1"));
        assertArrayEquals(new GlideString[0], (GlideString[]) keys.getMultiValue().get("h:2"));

        glide.api.models.ClusterValue<?> id = (glide.api.models.ClusterValue<?>) sink.converters.get(2).apply(7L);
        assertEquals(7L, id.getSingleValue());
        assertEquals(12L, sink.converters.get(3).apply(12L));
    }
}
