import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.Script;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.GetExOptions;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.LInsertOptions.InsertPosition;
import glide.api.models.commands.LPosOptions;
import glide.api.models.commands.ListDirection;
import glide.api.models.commands.RangeOptions.InfLexBound;
import glide.api.models.commands.RangeOptions.InfScoreBound;
import glide.api.models.commands.RangeOptions.LexBoundary;
import glide.api.models.commands.RangeOptions.Limit;
import glide.api.models.commands.RangeOptions.RangeByIndex;
import glide.api.models.commands.RangeOptions.RangeByLex;
import glide.api.models.commands.RangeOptions.RangeByScore;
import glide.api.models.commands.RangeOptions.ScoreBoundary;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.ScriptOptions;
import glide.api.models.commands.SetOptions;
import glide.api.models.commands.SortBaseOptions.OrderBy;
import glide.api.models.commands.SortOptions;
import glide.api.models.commands.WeightAggregateOptions.Aggregate;
import glide.api.models.commands.WeightAggregateOptions.KeyArray;
import glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary;
import glide.api.models.commands.ZAddOptions;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldGet;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldIncrby;
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
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchStoreOptions;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeospatialData;
import glide.api.models.commands.SortOrder;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.SScanOptions;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.commands.scan.ZScanOptions;
import glide.api.models.commands.stream.StreamAddOptions;
import glide.api.models.commands.stream.StreamGroupOptions;
import glide.api.models.commands.stream.StreamRange.IdBound;
import glide.api.models.commands.stream.StreamRange.InfRangeBound;
import glide.api.models.commands.stream.StreamReadGroupOptions;
import glide.api.models.commands.stream.StreamReadOptions;
import glide.api.models.commands.stream.StreamTrimOptions.MaxLen;
import glide.api.models.commands.stream.StreamTrimOptions.MinId;
import glide.api.models.configuration.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The command families (strings, lists, hashes, sets, sorted sets, generic keys, HyperLogLog,
 * bitmaps, geo, streams, scripts/functions, server/ACL) compared like CompatCheck: compiled once
 * against glide-jni, run with both jars, stdout diffed. Reuses CompatCheck's call/render helpers.
 * Lines are "[families RESPn] label -> rendering"; nothing printed depends on timing
 * (TTLs as positive/-1/-2, idle times and stream consumer timings left out, explicit stream IDs).
 */
public class FamiliesCheck {

    static final byte[] BIN_VAL = CompatCheck.BIN_VAL;

    static void call(String label, CompatCheck.Call body) {
        CompatCheck.call(label, body, null);
    }

    static void call(String label, CompatCheck.Call body, String code) {
        CompatCheck.call(label, body, code);
    }

    static String ttlR(Long v) {
        if (v == null) return "null";
        return v > 0 ? "positive" : String.valueOf(v);
    }

    static GlideString[] g(String... s) {
        GlideString[] r = new GlideString[s.length];
        for (int i = 0; i < s.length; i++) r[i] = gs(s[i]);
        return r;
    }

    static String[] a(String... s) {
        return s;
    }

    static <K, V> Map<K, V> m(Object... kv) {
        return CompatCheck.mapOf(kv);
    }

    public static void main(String[] args) throws Exception {
        CompatCheck.host = args.length > 0 ? args[0] : "localhost";
        CompatCheck.port = args.length > 1 ? Integer.parseInt(args[1]) : 6379;
        for (ProtocolVersion p : new ProtocolVersion[] {ProtocolVersion.RESP3, ProtocolVersion.RESP2}) {
            CompatCheck.prefix = "[families " + p + "] ";
            GlideClient c = null;
            try {
                c = GlideClient.createClient(CompatCheck.config(p).build()).get(10, TimeUnit.SECONDS);
                CompatCheck.out("createClient", "ok");
            } catch (Throwable t) {
                CompatCheck.failure("createClient", t, false, null);
            }
            if (c != null) {
                final GlideClient c0 = c;
                call("FLUSHALL", () -> c_flush(c0));
                strings(c);
                lists(c);
                hashes(c);
                sets(c);
                zsets(c);
                generic(c);
                hll(c);
                bitmaps(c);
                geo(c);
                streams(c);
                scripting(c);
                server(c);
                final GlideClient cc = c;
                call("close", () -> {
                    cc.close();
                    return "closed";
                });
            }
        }
        System.out.flush();
        System.exit(0);
    }

    static Object c_flush(GlideClient c) throws Exception {
        return c.customCommand(new String[] {"FLUSHALL"}).get(10, TimeUnit.SECONDS);
    }

    // ---------------------------------------------------------------- strings

    static void strings(GlideClient c) {
        call("str: set a", () -> c.set("a", "hello"));
        call("str: append", () -> c.append("a", " world"));
        call("str: append gs", () -> c.append(gs("a"), gs("!")));
        call("str: append missing", () -> c.append("newa", "x"));
        call("str: strlen", () -> c.strlen("a"));
        call("str: strlen gs missing", () -> c.strlen(gs("nokey")));
        call("str: getrange", () -> c.getrange("a", 0, 4));
        call("str: getrange neg", () -> c.getrange(gs("a"), -6, -1));
        call("str: getrange missing", () -> c.getrange("nokey", 0, 3));
        call("str: setrange", () -> c.setrange("a", 6, "WORLD"));
        call("str: setrange gs padded", () -> c.setrange(gs("pad"), 3, gs("x")));
        call("str: get pad", () -> c.get(gs("pad")));
        call("str: get a", () -> c.get("a"));
        call("str: decr new", () -> c.decr("cnt"));
        call("str: decrBy", () -> c.decrBy("cnt", 10));
        call("str: decr gs", () -> c.decr(gs("cnt")));
        call("str: decrBy gs", () -> c.decrBy(gs("cnt"), -5));
        call("str: decr non-integer", () -> c.decr("a"), "ERR");
        call("str: incrByFloat", () -> c.incrByFloat("flt", 1.5));
        call("str: incrByFloat gs", () -> c.incrByFloat(gs("flt"), -0.25));
        call("str: incrByFloat non-float", () -> c.incrByFloat("a", 1.0), "ERR");
        call("str: getdel", () -> c.set("gd", "v").thenCompose(x -> c.getdel("gd")));
        call("str: getdel missing", () -> c.getdel("gd"));
        call("str: getdel gs binary", () -> c.set(gs("gdb"), gs(BIN_VAL)).thenCompose(x -> c.getdel(gs("gdb"))));
        call("str: set ge", () -> c.set("ge", "v"));
        call("str: getex no opts", () -> c.getex("ge"));
        call("str: getex EX", () -> c.getex("ge", GetExOptions.Seconds(100L)));
        call("str: ttl ge", () -> c.ttl("ge").thenApply(FamiliesCheck::ttlR));
        call("str: getex PERSIST", () -> c.getex(gs("ge"), GetExOptions.Persist()));
        call("str: ttl ge persisted", () -> c.ttl("ge").thenApply(FamiliesCheck::ttlR));
        call("str: getex PX", () -> c.getex("ge", GetExOptions.Milliseconds(100000L)));
        call("str: getex EXAT", () -> c.getex("ge", GetExOptions.UnixSeconds(4102444800L)));
        call("str: getex PXAT gs", () -> c.getex(gs("ge"), GetExOptions.UnixMilliseconds(4102444800000L)));
        call("str: expiretime ge", () -> c.expiretime("ge"));
        call("str: pexpiretime ge", () -> c.pexpiretime(gs("ge")));
        call("str: getex missing", () -> c.getex("nokey", GetExOptions.Seconds(1L)));
        call("str: getex wrongtype", () -> c.lpush("wl", a("x")).thenCompose(x -> c.getex("wl")), "WRONGTYPE");
        call("str: getex String binary value", () -> c.set(gs("gb"), gs(BIN_VAL)).thenCompose(x -> c.getex("gb")));
        call("str: getex gs binary value", () -> c.getex(gs("gb")));
        call("str: msetnx new", () -> c.msetnx(m("n1", "1", "n2", "2")));
        call("str: msetnx existing", () -> c.msetnx(m("n2", "x", "n3", "3")));
        call("str: msetnxBinary", () -> c.msetnxBinary(m(gs("n4"), gs("4"), gs("n5"), gs(BIN_VAL))));
        call("str: mget gs after msetnx", () -> c.mget(g("n1", "n2", "n3", "n4", "n5")));
        call("str: set lcs1/lcs2", () -> c.mset(m("lcs1", "ohmytext", "lcs2", "mynewtext")));
        call("str: lcs", () -> c.lcs("lcs1", "lcs2"));
        call("str: lcs gs", () -> c.lcs(gs("lcs1"), gs("lcs2")));
        call("str: lcs missing", () -> c.lcs("lcs1", "nokey"));
        call("str: lcsLen", () -> c.lcsLen("lcs1", "lcs2"));
        call("str: lcsLen gs", () -> c.lcsLen(gs("lcs1"), gs("lcs2")));
        call("str: lcsIdx", () -> c.lcsIdx("lcs1", "lcs2"));
        call("str: lcsIdx minlen", () -> c.lcsIdx("lcs1", "lcs2", 4));
        call("str: lcsIdxWithMatchLen", () -> c.lcsIdxWithMatchLen("lcs1", "lcs2"));
        call("str: lcsIdxWithMatchLen gs minlen", () -> c.lcsIdxWithMatchLen(gs("lcs1"), gs("lcs2"), 2));
        call("str: lcsIdx gs", () -> c.lcsIdx(gs("lcs1"), gs("lcs2")));
        call("str: lcs wrongtype", () -> c.lcs("lcs1", "wl"), "WRONGTYPE");
        call("str: strlen wrongtype", () -> c.strlen("wl"), "WRONGTYPE");
        call("str: append String to binary", () -> c.append("gb", "z"));
        call("str: getrange String of binary", () -> c.getrange("gb", 0, 1));
        call("str: getrange gs of binary", () -> c.getrange(gs("gb"), 0, 1));
        call("str: set PXAT+GET", () -> c.set("pxat", "v", SetOptions.builder().expiry(SetOptions.Expiry.UnixMilliseconds(4102444800000L)).returnOldValue(true).build()));
        call("str: set EXAT", () -> c.set("pxat", "v2", SetOptions.builder().expiry(SetOptions.Expiry.UnixSeconds(4102444800L)).build()));
        call("str: expiretime pxat", () -> c.expiretime("pxat"));
    }

    // ---------------------------------------------------------------- lists

    static void lists(GlideClient c) {
        call("list: rpush", () -> c.rpush("l", a("a", "b", "c", "b", "d")));
        call("list: lpush gs", () -> c.lpush(gs("l"), g("z")));
        call("list: lpushx missing", () -> c.lpushx("nolist", a("x")));
        call("list: rpushx", () -> c.rpushx("l", a("e")));
        call("list: rpushx gs missing", () -> c.rpushx(gs("nolist"), g("x")));
        call("list: llen", () -> c.llen("l"));
        call("list: llen missing", () -> c.llen(gs("nolist")));
        call("list: lrange", () -> c.lrange("l", 0, -1));
        call("list: lrange gs", () -> c.lrange(gs("l"), 1, 2));
        call("list: lrange missing", () -> c.lrange("nolist", 0, -1));
        call("list: lrange out of range", () -> c.lrange("l", 100, 200));
        call("list: lindex", () -> c.lindex("l", 1));
        call("list: lindex gs neg", () -> c.lindex(gs("l"), -1));
        call("list: lindex out of range", () -> c.lindex("l", 99));
        call("list: lset", () -> c.lset("l", 0, "Z"));
        call("list: lset gs out of range", () -> c.lset(gs("l"), 99, gs("x")), "ERR");
        call("list: lset missing", () -> c.lset("nolist", 0, "x"), "ERR");
        call("list: lpos", () -> c.lpos("l", "b"));
        call("list: lpos missing element", () -> c.lpos("l", "nope"));
        call("list: lpos rank 2", () -> c.lpos("l", "b", LPosOptions.builder().rank(2L).build()));
        call("list: lpos rank -1 maxlen", () -> c.lpos(gs("l"), gs("b"), LPosOptions.builder().rank(-1L).maxLength(10L).build()));
        call("list: lposCount", () -> c.lposCount("l", "b", 0));
        call("list: lposCount gs opts", () -> c.lposCount(gs("l"), gs("b"), 1, LPosOptions.builder().rank(-1L).build()));
        call("list: lposCount none", () -> c.lposCount("l", "q", 5));
        call("list: lpos rank 0", () -> c.lpos("l", "b", LPosOptions.builder().rank(0L).build()), "ERR");
        call("list: linsert before", () -> c.linsert("l", InsertPosition.BEFORE, "c", "bc"));
        call("list: linsert gs after", () -> c.linsert(gs("l"), InsertPosition.AFTER, gs("c"), gs("cd")));
        call("list: linsert no pivot", () -> c.linsert("l", InsertPosition.AFTER, "nope", "x"));
        call("list: linsert missing", () -> c.linsert("nolist", InsertPosition.AFTER, "a", "x"));
        call("list: lrem", () -> c.lrem("l", 0, "b"));
        call("list: lrem gs none", () -> c.lrem(gs("l"), 1, gs("nope")));
        call("list: lrange after", () -> c.lrange("l", 0, -1));
        call("list: ltrim", () -> c.ltrim("l", 0, 4));
        call("list: ltrim gs missing", () -> c.ltrim(gs("nolist"), 0, 1));
        call("list: lpop", () -> c.lpop("l"));
        call("list: rpop gs", () -> c.rpop(gs("l")));
        call("list: lpopCount", () -> c.lpopCount("l", 2));
        call("list: rpopCount gs", () -> c.rpopCount(gs("l"), 10));
        call("list: lpop missing", () -> c.lpop("l"));
        call("list: lpopCount missing", () -> c.lpopCount("l", 2));
        call("list: rpopCount gs missing", () -> c.rpopCount(gs("nolist"), 2));
        call("list: rpush src", () -> c.rpush("src", a("1", "2", "3")));
        call("list: lmove", () -> c.lmove("src", "dst", ListDirection.LEFT, ListDirection.RIGHT));
        call("list: lmove gs", () -> c.lmove(gs("src"), gs("dst"), ListDirection.RIGHT, ListDirection.LEFT));
        call("list: lmove missing", () -> c.lmove("nolist", "dst", ListDirection.LEFT, ListDirection.LEFT));
        call("list: blmove", () -> c.blmove("src", "dst", ListDirection.LEFT, ListDirection.LEFT, 0.1));
        call("list: blmove miss", () -> c.blmove(gs("nolist"), gs("dst"), ListDirection.LEFT, ListDirection.LEFT, 0.1));
        call("list: lrange dst", () -> c.lrange("dst", 0, -1));
        call("list: lmpop", () -> c.lmpop(a("nolist", "dst"), ListDirection.LEFT));
        call("list: lmpop count", () -> c.lmpop(a("dst"), ListDirection.RIGHT, 5));
        call("list: lmpop gs missing", () -> c.lmpop(g("nolist"), ListDirection.LEFT));
        call("list: blmpop miss", () -> c.blmpop(a("nolist"), ListDirection.LEFT, 0.1));
        call("list: blmpop hit", () -> c.rpush("bl", a("x", "y")).thenCompose(x -> c.blmpop(a("bl"), ListDirection.RIGHT, 5L, 0.1)));
        call("list: blmpop gs hit", () -> c.rpush("bl", a("x")).thenCompose(x -> c.blmpop(g("bl"), ListDirection.LEFT, 0.1)));
        call("list: brpop hit", () -> c.rpush("bl", a("p", "q")).thenCompose(x -> c.brpop(a("nolist", "bl"), 0.1)));
        call("list: brpop gs hit", () -> c.brpop(g("bl"), 0.1));
        call("list: brpop miss", () -> c.brpop(a("bl"), 0.1));
        call("list: blpop gs miss", () -> c.blpop(g("bl"), 0.1));
        call("list: lpush binary", () -> c.lpush(gs("lb"), new GlideString[] {gs(BIN_VAL)}));
        call("list: lpop String binary", () -> c.lpop("lb"));
        call("list: lindex gs binary", () -> c.lindex(gs("lb"), 0));
        call("list: lpopCount String binary", () -> c.lpopCount("lb", 1));
        call("list: lpush wrongtype", () -> c.set("ls", "v").thenCompose(x -> c.lpush("ls", a("x"))), "WRONGTYPE");
        call("list: llen wrongtype", () -> c.llen("ls"), "WRONGTYPE");
        call("list: lmpop wrongtype", () -> c.lmpop(a("ls"), ListDirection.LEFT), "WRONGTYPE");
    }

    // ---------------------------------------------------------------- hashes

    static void hashes(GlideClient c) {
        call("hash: hset", () -> c.hset("h", m("f1", "v1", "f2", "v2", "n", "10")));
        call("hash: hset gs", () -> c.hset(gs("h"), m(gs("f3"), gs("v3"))));
        call("hash: hget", () -> c.hget("h", "f1"));
        call("hash: hget missing field", () -> c.hget("h", "nope"));
        call("hash: hget missing key", () -> c.hget(gs("nohash"), gs("f")));
        call("hash: hmget", () -> c.hmget("h", a("f1", "nope", "f2")));
        call("hash: hmget gs", () -> c.hmget(gs("h"), g("f3", "nope")));
        call("hash: hmget missing key", () -> c.hmget("nohash", a("f")));
        call("hash: hgetall", () -> c.hgetall("h"));
        call("hash: hgetall missing", () -> c.hgetall("nohash"));
        call("hash: hgetall gs missing", () -> c.hgetall(gs("nohash")));
        call("hash: hkeys", () -> c.hkeys("h").thenApply(CompatCheck::sortedArray));
        call("hash: hkeys gs", () -> c.hkeys(gs("h")).thenApply(CompatCheck::sortedArray));
        call("hash: hvals", () -> c.hvals("h").thenApply(CompatCheck::sortedArray));
        call("hash: hvals missing", () -> c.hvals("nohash"));
        call("hash: hlen", () -> c.hlen("h"));
        call("hash: hlen gs missing", () -> c.hlen(gs("nohash")));
        call("hash: hexists", () -> c.hexists("h", "f1"));
        call("hash: hexists gs no", () -> c.hexists(gs("h"), gs("nope")));
        call("hash: hsetnx existing", () -> c.hsetnx("h", "f1", "x"));
        call("hash: hsetnx new", () -> c.hsetnx(gs("h"), gs("f4"), gs("v4")));
        call("hash: hincrBy", () -> c.hincrBy("h", "n", 5));
        call("hash: hincrBy gs new", () -> c.hincrBy(gs("h"), gs("m"), -3));
        call("hash: hincrBy non-integer", () -> c.hincrBy("h", "f1", 1), "ERR");
        call("hash: hincrByFloat", () -> c.hincrByFloat("h", "n", 0.5));
        call("hash: hincrByFloat gs", () -> c.hincrByFloat(gs("h"), gs("fl"), 2.25));
        call("hash: hstrlen", () -> c.hstrlen("h", "f1"));
        call("hash: hstrlen gs missing", () -> c.hstrlen(gs("h"), gs("nope")));
        call("hash: hdel", () -> c.hdel("h", a("f4", "nope")));
        call("hash: hdel gs", () -> c.hdel(gs("h"), g("m", "fl")));
        call("hash: hset single", () -> c.hset("h1", m("only", "one")));
        call("hash: hrandfield", () -> c.hrandfield("h1"));
        call("hash: hrandfield gs", () -> c.hrandfield(gs("h1")));
        call("hash: hrandfield missing", () -> c.hrandfield("nohash"));
        call("hash: hrandfieldWithCount", () -> c.hrandfieldWithCount("h1", 1));
        call("hash: hrandfieldWithCount gs neg", () -> c.hrandfieldWithCount(gs("h1"), -2));
        call("hash: hrandfieldWithCountWithValues", () -> c.hrandfieldWithCountWithValues("h1", 1));
        call("hash: hrandfieldWithCountWithValues gs", () -> c.hrandfieldWithCountWithValues(gs("h1"), -2));
        call("hash: hrandfieldWithCount missing", () -> c.hrandfieldWithCount("nohash", 3));
        call("hash: hscan", () -> c.hscan("h1", "0"));
        call("hash: hscan opts", () -> c.hscan("h", "0", HScanOptions.builder().matchPattern("f*").count(100L).build()).thenApply(FamiliesCheck::scanSorted));
        call("hash: hscan gs", () -> c.hscan(gs("h1"), gs("0")));
        call("hash: hscan missing", () -> c.hscan("nohash", "0"));
        call("hash: hset binary", () -> c.hset(gs("hb"), m(gs("bf"), gs(BIN_VAL))));
        call("hash: hget String binary", () -> c.hget("hb", "bf"));
        call("hash: hgetall String binary", () -> c.hgetall("hb"));
        call("hash: hvals gs binary", () -> c.hvals(gs("hb")));
        call("hash: hget wrongtype", () -> c.hget("ls", "f"), "WRONGTYPE");
        call("hash: hset wrongtype", () -> c.hset("ls", m("f", "v")), "WRONGTYPE");
        call("hash: httl (7.4+)", () -> c.httl("h", a("f1")), "ERR");
    }

    static Object scanSorted(Object[] r) {
        if (r == null || r.length != 2) return r;
        Object[] items = (Object[]) r[1];
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < items.length; i += 2) {
            pairs.add(CompatCheck.render(items[i]) + "=" + CompatCheck.render(items[i + 1]));
        }
        pairs.sort(null);
        return new CompatCheck.Rendered("cursor " + CompatCheck.render(r[0]) + " " + items.getClass().getSimpleName() + " pairs(sorted){" + String.join(", ", pairs) + "}");
    }

    static Object scanItemsSorted(Object[] r) {
        if (r == null || r.length != 2) return r;
        return new CompatCheck.Rendered("cursor " + CompatCheck.render(r[0]) + " " + CompatCheck.render(CompatCheck.sortedArray(r[1])));
    }

    // ---------------------------------------------------------------- sets

    static void sets(GlideClient c) {
        call("set: sadd", () -> c.sadd("s1", a("a", "b", "c")));
        call("set: sadd gs", () -> c.sadd(gs("s2"), g("b", "c", "d")));
        call("set: sadd dup", () -> c.sadd("s1", a("a")));
        call("set: srem", () -> c.srem("s1", a("c", "nope")));
        call("set: srem gs missing", () -> c.srem(gs("noset"), g("x")));
        call("set: scard", () -> c.scard("s1"));
        call("set: scard missing", () -> c.scard(gs("noset")));
        call("set: smembers", () -> c.smembers("s1"));
        call("set: smembers gs", () -> c.smembers(gs("s2")));
        call("set: smembers missing", () -> c.smembers("noset"));
        call("set: sismember", () -> c.sismember("s1", "a"));
        call("set: sismember gs no", () -> c.sismember(gs("s1"), gs("z")));
        call("set: smismember", () -> c.smismember("s1", a("a", "z", "b")));
        call("set: smismember gs missing", () -> c.smismember(gs("noset"), g("a")));
        call("set: sdiff", () -> c.sdiff(a("s1", "s2")));
        call("set: sdiff gs", () -> c.sdiff(g("s2", "s1")));
        call("set: sinter", () -> c.sinter(a("s1", "s2")));
        call("set: sinter missing", () -> c.sinter(a("s1", "noset")));
        call("set: sunion", () -> c.sunion(a("s1", "s2")));
        call("set: sunion gs", () -> c.sunion(g("s1", "noset")));
        call("set: sdiffstore", () -> c.sdiffstore("sd", a("s2", "s1")));
        call("set: sinterstore gs", () -> c.sinterstore(gs("si"), g("s1", "s2")));
        call("set: sunionstore", () -> c.sunionstore("su", a("s1", "s2")));
        call("set: sintercard", () -> c.sintercard(a("s1", "s2")));
        call("set: sintercard limit", () -> c.sintercard(g("su", "s2"), 1));
        call("set: smove", () -> c.smove("s1", "s3", "a"));
        call("set: smove gs missing member", () -> c.smove(gs("s1"), gs("s3"), gs("zz")));
        call("set: sadd single", () -> c.sadd("one", a("only")));
        call("set: spop single", () -> c.spop("one"));
        call("set: spop missing", () -> c.spop("one"));
        call("set: spopCount all", () -> c.spopCount("su", 10));
        call("set: spopCount gs missing", () -> c.spopCount(gs("nos"), 2));
        call("set: srandmember single", () -> c.srandmember("s3"));
        call("set: srandmember gs missing", () -> c.srandmember(gs("noset")));
        call("set: srandmember count", () -> c.srandmember("s3", 1));
        call("set: srandmember count neg", () -> c.srandmember(gs("s3"), -2));
        call("set: sscan", () -> c.sscan("s2", "0").thenApply(FamiliesCheck::scanItemsSorted));
        call("set: sscan opts", () -> c.sscan("s2", "0", SScanOptions.builder().matchPattern("b*").count(10L).build()));
        call("set: sscan gs", () -> c.sscan(gs("s3"), gs("0")));
        call("set: sadd binary", () -> c.sadd(gs("sb"), new GlideString[] {gs(BIN_VAL)}));
        call("set: smembers String binary", () -> c.smembers("sb"));
        call("set: smembers gs binary", () -> c.smembers(gs("sb")));
        call("set: sadd wrongtype", () -> c.sadd("ls", a("x")), "WRONGTYPE");
        call("set: sinter wrongtype", () -> c.sinter(a("s1", "ls")), "WRONGTYPE");
    }

    // ---------------------------------------------------------------- sorted sets

    static void zsets(GlideClient c) {
        call("zset: zadd", () -> c.zadd("z", m("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.5)));
        call("zset: zadd gs", () -> c.zadd(gs("z2"), m(gs("b"), 20.0, gs("c"), 30.0, gs("x"), 5.0)));
        call("zset: zadd NX changed", () -> c.zadd("z", m("a", 9.0, "e", 5.0), ZAddOptions.builder().conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_DOES_NOT_EXIST).build(), true));
        call("zset: zadd XX GT changed", () -> c.zadd("z", m("a", 0.5, "b", 2.5), ZAddOptions.builder().conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_EXISTS).updateOptions(ZAddOptions.UpdateOptions.SCORE_GREATER_THAN_CURRENT).build(), true));
        call("zset: zadd LT", () -> c.zadd("z", m("e", 4.9), ZAddOptions.builder().updateOptions(ZAddOptions.UpdateOptions.SCORE_LESS_THAN_CURRENT).build()));
        call("zset: zadd NX+GT invalid", () -> c.zadd("z", m("a", 1.0), ZAddOptions.builder().conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_DOES_NOT_EXIST).updateOptions(ZAddOptions.UpdateOptions.SCORE_GREATER_THAN_CURRENT).build()), "ERR");
        call("zset: zaddIncr", () -> c.zaddIncr("z", "a", 1.5));
        call("zset: zaddIncr gs XX missing", () -> c.zaddIncr(gs("z"), gs("nope"), 1.0, ZAddOptions.builder().conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_EXISTS).build()));
        call("zset: zincrby", () -> c.zincrby("z", 0.5, "c"));
        call("zset: zincrby gs new", () -> c.zincrby(gs("z"), -1.0, gs("f")));
        call("zset: zcard", () -> c.zcard("z"));
        call("zset: zcard missing", () -> c.zcard(gs("noz")));
        call("zset: zscore", () -> c.zscore("z", "a"));
        call("zset: zscore missing", () -> c.zscore(gs("z"), gs("nope")));
        call("zset: zmscore", () -> c.zmscore("z", a("a", "nope", "d")));
        call("zset: zmscore gs", () -> c.zmscore(gs("noz"), g("a")));
        call("zset: zrank", () -> c.zrank("z", "c"));
        call("zset: zrank missing", () -> c.zrank("z", "nope"));
        call("zset: zrevrank gs", () -> c.zrevrank(gs("z"), gs("c")));
        call("zset: zrankWithScore", () -> c.zrankWithScore("z", "c"));
        call("zset: zrankWithScore missing", () -> c.zrankWithScore("z", "nope"));
        call("zset: zrevrankWithScore gs", () -> c.zrevrankWithScore(gs("z"), gs("a")));
        call("zset: zrange index", () -> c.zrange("z", new RangeByIndex(0, -1)));
        call("zset: zrange index rev", () -> c.zrange("z", new RangeByIndex(0, 2), true));
        call("zset: zrange gs index", () -> c.zrange(gs("z"), new RangeByIndex(1, 2)));
        call("zset: zrange score", () -> c.zrange("z", new RangeByScore(new ScoreBoundary(2.0), InfScoreBound.POSITIVE_INFINITY)));
        call("zset: zrange score excl limit", () -> c.zrange("z", new RangeByScore(new ScoreBoundary(1.0, false), new ScoreBoundary(5.0), new Limit(1, 2))));
        call("zset: zrange score rev", () -> c.zrange("z", new RangeByScore(InfScoreBound.POSITIVE_INFINITY, InfScoreBound.NEGATIVE_INFINITY), true));
        call("zset: zrange lex", () -> c.zrange("zl", new RangeByLex(InfLexBound.NEGATIVE_INFINITY, InfLexBound.POSITIVE_INFINITY)));
        call("zset: zadd zl", () -> c.zadd("zl", m("aa", 0.0, "ab", 0.0, "b", 0.0, "c", 0.0)));
        call("zset: zrange lex bounds", () -> c.zrange("zl", new RangeByLex(new LexBoundary("ab"), new LexBoundary("c", false))));
        call("zset: zrange lex limit rev", () -> c.zrange(gs("zl"), new RangeByLex(InfLexBound.POSITIVE_INFINITY, new LexBoundary("a"), new Limit(0, 2)), true));
        call("zset: zrange missing", () -> c.zrange("noz", new RangeByIndex(0, -1)));
        call("zset: zrangeWithScores", () -> c.zrangeWithScores("z", new RangeByIndex(0, -1)));
        call("zset: zrangeWithScores score rev", () -> c.zrangeWithScores("z", new RangeByScore(new ScoreBoundary(4.0), new ScoreBoundary(2.0)), true));
        call("zset: zrangeWithScores gs", () -> c.zrangeWithScores(gs("z2"), new RangeByIndex(0, 1)));
        call("zset: zrangeWithScores missing", () -> c.zrangeWithScores("noz", new RangeByIndex(0, -1)));
        call("zset: zrangestore", () -> c.zrangestore("zs", "z", new RangeByIndex(0, 1)));
        call("zset: zrangestore gs rev", () -> c.zrangestore(gs("zs2"), gs("z"), new RangeByScore(InfScoreBound.POSITIVE_INFINITY, new ScoreBoundary(3.0)), true));
        call("zset: zcount", () -> c.zcount("z", new ScoreBoundary(2.0), InfScoreBound.POSITIVE_INFINITY));
        call("zset: zcount gs excl", () -> c.zcount(gs("z"), new ScoreBoundary(2.0, false), new ScoreBoundary(4.5, false)));
        call("zset: zlexcount", () -> c.zlexcount("zl", new LexBoundary("aa"), InfLexBound.POSITIVE_INFINITY));
        call("zset: zdiff", () -> c.zdiff(a("z", "z2")));
        call("zset: zdiffWithScores", () -> c.zdiffWithScores(a("z", "z2")));
        call("zset: zdiff gs", () -> c.zdiff(g("z2", "z")));
        call("zset: zdiffstore", () -> c.zdiffstore("zd", a("z", "z2")));
        call("zset: zinter", () -> c.zinter(new KeyArray(a("z", "z2"))));
        call("zset: zinter gs", () -> c.zinter(new KeyArrayBinary(g("z", "z2"))));
        call("zset: zinterWithScores", () -> c.zinterWithScores(new KeyArray(a("z", "z2"))));
        call("zset: zinterWithScores MAX", () -> c.zinterWithScores(new KeyArray(a("z", "z2")), Aggregate.MAX));
        call("zset: zunion", () -> c.zunion(new KeyArray(a("z", "z2"))));
        call("zset: zunionWithScores MIN", () -> c.zunionWithScores(new KeyArray(a("z", "z2")), Aggregate.MIN));
        call("zset: zunionWithScores gs", () -> c.zunionWithScores(new KeyArrayBinary(g("z", "z2"))));
        call("zset: zinterstore", () -> c.zinterstore("zi", new KeyArray(a("z", "z2"))));
        call("zset: zunionstore SUM", () -> c.zunionstore("zu", new KeyArray(a("z", "z2")), Aggregate.SUM));
        // A null destination is refused at the call (NullPointerException), not sent short.
        call("zset: zinterstore null destination", () -> c.zinterstore(null, new KeyArray(a("z"))));
        call("zset: zunionstore null destination", () -> c.zunionstore(null, new KeyArray(a("z"))));
        call("zset: zintercard", () -> c.zintercard(a("z", "z2")));
        call("zset: zintercard gs limit", () -> c.zintercard(g("z", "zu"), 2));
        call("zset: zrandmember single", () -> c.zadd("z1", m("solo", 7.0)).thenCompose(x -> c.zrandmember("z1")));
        call("zset: zrandmember missing", () -> c.zrandmember(gs("noz")));
        call("zset: zrandmemberWithCount", () -> c.zrandmemberWithCount("z1", -2));
        call("zset: zrandmemberWithCountWithScores", () -> c.zrandmemberWithCountWithScores("z1", 1));
        call("zset: zrandmemberWithCountWithScores gs", () -> c.zrandmemberWithCountWithScores(gs("z1"), -2));
        call("zset: zscan", () -> c.zscan("z1", "0"));
        call("zset: zscan opts", () -> c.zscan("z", "0", ZScanOptions.builder().matchPattern("a*").count(10L).build()));
        call("zset: zscan gs", () -> c.zscan(gs("z1"), gs("0")));
        call("zset: zpopmin", () -> c.zpopmin("zu"));
        call("zset: zpopmax count", () -> c.zpopmax("zu", 2));
        call("zset: zpopmin gs count", () -> c.zpopmin(gs("zu"), 2));
        call("zset: zpopmax missing", () -> c.zpopmax("noz"));
        call("zset: bzpopmin hit", () -> c.bzpopmin(a("noz", "zu"), 0.1));
        call("zset: bzpopmax gs hit", () -> c.bzpopmax(g("zu"), 0.1));
        call("zset: bzpopmin miss", () -> c.bzpopmin(a("noz"), 0.1));
        call("zset: zmpop MIN", () -> c.zmpop(a("noz", "zi"), ScoreFilter.MIN));
        call("zset: zmpop MAX count", () -> c.zmpop(a("zi"), ScoreFilter.MAX, 10));
        call("zset: zmpop missing", () -> c.zmpop(a("noz"), ScoreFilter.MIN));
        call("zset: bzmpop hit", () -> c.bzmpop(a("zd"), ScoreFilter.MAX, 0.1));
        call("zset: bzmpop gs count", () -> c.bzmpop(g("zd"), ScoreFilter.MIN, 0.1, 5));
        call("zset: bzmpop miss", () -> c.bzmpop(a("noz"), ScoreFilter.MIN, 0.1));
        call("zset: zrem", () -> c.zrem("z", a("f", "nope")));
        call("zset: zremrangebyrank", () -> c.zremrangebyrank("zs", 0, 0));
        call("zset: zremrangebyscore", () -> c.zremrangebyscore(gs("z"), new ScoreBoundary(4.5), InfScoreBound.POSITIVE_INFINITY));
        call("zset: zremrangebylex", () -> c.zremrangebylex("zl", new LexBoundary("aa"), new LexBoundary("ab")));
        call("zset: zrange after removals", () -> c.zrangeWithScores("z", new RangeByIndex(0, -1)));
        call("zset: zadd binary", () -> c.zadd(gs("zb"), m(gs(BIN_VAL), 1.0)));
        call("zset: zrange String binary", () -> c.zrange("zb", new RangeByIndex(0, -1)));
        call("zset: zrangeWithScores String binary", () -> c.zrangeWithScores("zb", new RangeByIndex(0, -1)));
        call("zset: zrange gs binary", () -> c.zrange(gs("zb"), new RangeByIndex(0, -1)));
        call("zset: zadd wrongtype", () -> c.zadd("ls", m("a", 1.0)), "WRONGTYPE");
        call("zset: zscore non-float member", () -> c.zadd("z", m("a", Double.NaN)), "ERR");
    }

    // ---------------------------------------------------------------- generic

    static void generic(GlideClient c) {
        call("gen: set k", () -> c.mset(m("k", "v", "k2", "v2")));
        call("gen: ttl no expiry", () -> c.ttl("k").thenApply(FamiliesCheck::ttlR));
        call("gen: ttl missing", () -> c.ttl(gs("nokey")).thenApply(FamiliesCheck::ttlR));
        call("gen: pttl missing", () -> c.pttl("nokey").thenApply(FamiliesCheck::ttlR));
        call("gen: expire", () -> c.expire("k", 100));
        call("gen: ttl", () -> c.ttl("k").thenApply(FamiliesCheck::ttlR));
        call("gen: pttl gs", () -> c.pttl(gs("k")).thenApply(FamiliesCheck::ttlR));
        call("gen: expire NX existing", () -> c.expire("k", 200, ExpireOptions.HAS_NO_EXPIRY));
        call("gen: expire XX", () -> c.expire(gs("k"), 200, ExpireOptions.HAS_EXISTING_EXPIRY));
        call("gen: expire GT", () -> c.expire("k", 50, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT));
        call("gen: expire LT", () -> c.expire("k", 150, ExpireOptions.NEW_EXPIRY_LESS_THAN_CURRENT));
        call("gen: expire missing", () -> c.expire("nokey", 10));
        call("gen: pexpire", () -> c.pexpire("k2", 100000));
        call("gen: pexpire gs XX", () -> c.pexpire(gs("k2"), 90000, ExpireOptions.HAS_EXISTING_EXPIRY));
        call("gen: expireAt", () -> c.expireAt("k", 4102444800L));
        call("gen: expireAt gs NX", () -> c.expireAt(gs("k"), 4102444800L, ExpireOptions.HAS_NO_EXPIRY));
        call("gen: expiretime", () -> c.expiretime("k"));
        call("gen: pexpireAt", () -> c.pexpireAt("k2", 4102444800123L));
        call("gen: pexpireAt gs GT", () -> c.pexpireAt(gs("k2"), 4102444800999L, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT));
        call("gen: pexpiretime", () -> c.pexpiretime("k2"));
        call("gen: expiretime missing", () -> c.expiretime("nokey"));
        call("gen: expiretime no ttl", () -> c.set("k3", "v").thenCompose(x -> c.expiretime(gs("k3"))));
        call("gen: persist", () -> c.persist("k"));
        call("gen: persist gs again", () -> c.persist(gs("k")));
        call("gen: expire invalid opts", () -> c.expire("k", 10, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT));
        call("gen: expire past deletes", () -> c.expire("k3", -1));
        call("gen: exists k3", () -> c.exists(a("k3")));
        call("gen: type string", () -> c.type("k"));
        call("gen: type list", () -> c.type(gs("ls2")));
        call("gen: type missing", () -> c.type("nokey"));
        call("gen: type hash/set/zset/stream", () -> c.type("h").thenCombine(c.type("s2"), (x, y) -> x + "," + y).thenCombine(c.type("z2"), (x, y) -> x + "," + y));
        call("gen: rename", () -> c.rename("k", "kr"));
        call("gen: rename gs missing", () -> c.rename(gs("nokey"), gs("x")), "ERR");
        call("gen: renamenx", () -> c.renamenx("kr", "k2"));
        call("gen: renamenx gs", () -> c.renamenx(gs("kr"), gs("kn")));
        call("gen: touch", () -> c.touch(a("kn", "k2", "nokey")));
        call("gen: touch gs", () -> c.touch(g("kn")));
        call("gen: unlink", () -> c.unlink(a("kn", "nokey")));
        call("gen: unlink gs", () -> c.unlink(g("nokey")));
        call("gen: copy", () -> c.copy("k2", "kc"));
        call("gen: copy existing", () -> c.copy("k2", "kc"));
        call("gen: copy replace", () -> c.copy(gs("k2"), gs("kc"), true));
        call("gen: copy db1", () -> c.copy("k2", "kc", 1));
        call("gen: copy db1 replace gs", () -> c.copy(gs("k2"), gs("kc"), 1, true));
        call("gen: copy missing", () -> c.copy("nokey", "x"));
        call("gen: move", () -> c.set("mv", "v").thenCompose(x -> c.move("mv", 2)));
        call("gen: move gs missing", () -> c.move(gs("mv"), 2));
        call("gen: move same db", () -> c.set("mv2", "v").thenCompose(x -> c.move("mv2", 0)), "ERR");
        call("gen: objectEncoding", () -> c.objectEncoding("cnt"));
        call("gen: objectEncoding gs list", () -> c.objectEncoding(gs("ls2")));
        call("gen: objectEncoding missing", () -> c.objectEncoding("nokey"));
        call("gen: objectRefcount", () -> c.objectRefcount("k2"));
        call("gen: objectRefcount missing", () -> c.objectRefcount(gs("nokey")));
        call("gen: objectFreq (lru policy)", () -> c.objectFreq("k2"), "ERR");
        call("gen: objectIdletime >=0", () -> c.objectIdletime("k2").thenApply(v -> v == null ? "null" : "Long>=0: " + (v >= 0)));
        call("gen: objectIdletime missing", () -> c.objectIdletime(gs("nokey")));
        call("gen: dump missing", () -> c.dump(gs("nokey")));
        call("gen: dump+restore", () -> c.dump(gs("k2")).thenCompose(b -> c.restore(gs("kd"), 0, b)));
        call("gen: get restored", () -> c.get("kd"));
        call("gen: restore busy", () -> c.dump(gs("k2")).thenCompose(b -> c.restore(gs("kd"), 0, b)), "BUSYKEY");
        call("gen: restore REPLACE ABSTTL", () -> c.dump(gs("k2")).thenCompose(b -> c.restore(gs("kd"), 4102444800000L, b, RestoreOptions.builder().replace().absttl().build())));
        call("gen: pexpiretime restored", () -> c.pexpiretime("kd"));
        call("gen: restore IDLETIME", () -> c.dump(gs("k2")).thenCompose(b -> c.restore(gs("kd2"), 0, b, RestoreOptions.builder().idletime(10L).build())));
        call("gen: restore FREQ (lru policy)", () -> c.dump(gs("k2")).thenCompose(b -> c.restore(gs("kd3"), 0, b, RestoreOptions.builder().frequency(5L).build())), "ERR");
        call("gen: restore bad payload", () -> c.restore(gs("kd4"), 0, new byte[] {1, 2, 3}), "ERR");
        call("gen: dump binary roundtrip", () -> c.set(gs("bk"), gs(BIN_VAL)).thenCompose(x -> c.dump(gs("bk"))).thenCompose(b -> c.restore(gs("bk2"), 0, b)).thenCompose(x -> c.get(gs("bk2"))));
        // sort
        call("gen: sort setup", () -> c.rpush("sl", a("3", "1", "2")).thenCompose(x -> c.mset(m("w_1", "30", "w_2", "10", "w_3", "20", "o_1", "one", "o_2", "two", "o_3", "three"))));
        call("gen: sort", () -> c.sort("sl"));
        call("gen: sort gs", () -> c.sort(gs("sl")));
        call("gen: sort DESC limit", () -> c.sort("sl", SortOptions.builder().orderBy(OrderBy.DESC).limit(new glide.api.models.commands.SortBaseOptions.Limit(0, 2)).build()));
        call("gen: sort BY", () -> c.sort("sl", SortOptions.builder().byPattern("w_*").build()));
        call("gen: sort BY GET", () -> c.sort("sl", SortOptions.builder().byPattern("w_*").getPattern("o_*").getPattern("#").build()));
        call("gen: sort GET missing", () -> c.sort("sl", SortOptions.builder().getPattern("nope_*").build()));
        call("gen: sort ALPHA", () -> c.rpush("sa", a("b", "c", "a")).thenCompose(x -> c.sort("sa", SortOptions.builder().alpha().build())));
        call("gen: sort non-numeric", () -> c.sort("sa"), "ERR");
        call("gen: sort missing", () -> c.sort("nolist"));
        call("gen: sortReadOnly", () -> c.sortReadOnly("sl"));
        call("gen: sortReadOnly opts", () -> c.sortReadOnly("sl", SortOptions.builder().orderBy(OrderBy.DESC).build()));
        call("gen: sortReadOnly gs", () -> c.sortReadOnly(gs("sl")));
        call("gen: sortStore", () -> c.sortStore("sl", "sd2"));
        call("gen: sortStore opts", () -> c.sortStore("sa", "sd3", SortOptions.builder().alpha().orderBy(OrderBy.DESC).build()));
        call("gen: sortStore gs", () -> c.sortStore(gs("sl"), gs("sd4")));
        call("gen: lrange sd3", () -> c.lrange("sd3", 0, -1));
        call("gen: sort wrongtype", () -> c.sort("h"), "WRONGTYPE");
        call("gen: wait 0 0", () -> c.wait(0L, 0L));
        call("gen: del many", () -> c.del(a("sd2", "sd3", "sd4", "nokey")));
        // scan
        call("gen: scan all", () -> scanAll(c, null));
        call("gen: scan match", () -> scanAll(c, ScanOptions.builder().matchPattern("k*").count(5L).build()));
        call("gen: scan type HASH", () -> scanAll(c, ScanOptions.builder().type(ScanOptions.ObjectType.HASH).build()));
        call("gen: scan type ZSET match none", () -> scanAll(c, ScanOptions.builder().type(ScanOptions.ObjectType.ZSET).matchPattern("nothing*").build()));
        call("gen: scan reply shape", () -> c.scan("0").thenApply(r -> r.length + " " + r[0].getClass().getSimpleName() + " " + r[1].getClass().getSimpleName()));
        call("gen: scan gs reply shape", () -> c.scan(gs("0")).thenApply(r -> r.length + " " + r[0].getClass().getSimpleName() + " " + r[1].getClass().getSimpleName()));
        call("gen: scan gs binary keys", () -> scanAllGs(c));
        call("gen: randomKey db2 one key", () -> c.select(2).thenCompose(x -> c.randomKey()).thenCompose(k -> c.select(0).thenApply(x -> k)));
        call("gen: randomKeyBinary empty db", () -> c.select(5).thenCompose(x -> c.randomKeyBinary()).thenCompose(k -> c.select(0).thenApply(x -> k)));
    }

    static Object scanAll(GlideClient c, ScanOptions o) throws Exception {
        TreeSet<String> keys = new TreeSet<>();
        String cursor = "0";
        int rounds = 0;
        do {
            Object[] r = (o == null ? c.scan(cursor) : c.scan(cursor, o)).get(10, TimeUnit.SECONDS);
            cursor = String.valueOf(r[0]);
            for (Object k : (Object[]) r[1]) keys.add(CompatCheck.render(k));
        } while (!"0".equals(cursor) && ++rounds < 1000);
        return new CompatCheck.Rendered(keys.size() + " keys " + keys);
    }

    static Object scanAllGs(GlideClient c) throws Exception {
        TreeSet<String> keys = new TreeSet<>();
        GlideString cursor = gs("0");
        int rounds = 0;
        do {
            Object[] r = c.scan(cursor, ScanOptions.builder().matchPattern("b*").build()).get(10, TimeUnit.SECONDS);
            cursor = r[0] instanceof GlideString ? (GlideString) r[0] : gs(String.valueOf(r[0]));
            for (Object k : (Object[]) r[1]) keys.add(CompatCheck.render(k));
        } while (!"0".equals(cursor.toString()) && ++rounds < 1000);
        return new CompatCheck.Rendered(keys.size() + " keys " + keys);
    }

    // ---------------------------------------------------------------- HyperLogLog

    static void hll(GlideClient c) {
        call("hll: pfadd", () -> c.pfadd("hl", a("a", "b", "c")));
        call("hll: pfadd same", () -> c.pfadd("hl", a("a")));
        call("hll: pfadd gs", () -> c.pfadd(gs("hl2"), g("c", "d")));
        call("hll: pfadd empty creates", () -> c.pfadd("hl3", new String[0]));
        call("hll: pfcount", () -> c.pfcount(a("hl")));
        call("hll: pfcount union", () -> c.pfcount(g("hl", "hl2")));
        call("hll: pfcount missing", () -> c.pfcount(a("nohl")));
        call("hll: pfmerge", () -> c.pfmerge("hlm", a("hl", "hl2")));
        call("hll: pfmerge gs", () -> c.pfmerge(gs("hlm2"), g("hl", "nohl")));
        call("hll: pfcount merged", () -> c.pfcount(a("hlm")));
        call("hll: pfadd wrongtype", () -> c.pfadd("ls", a("x")), "WRONGTYPE");
        call("hll: pfcount not hll", () -> c.pfcount(a("k2")), "WRONGTYPE");
    }

    // ---------------------------------------------------------------- bitmaps

    static void bitmaps(GlideClient c) {
        call("bit: setbit", () -> c.setbit("bm", 7, 1));
        call("bit: setbit gs", () -> c.setbit(gs("bm"), 9, 1));
        call("bit: setbit again", () -> c.setbit("bm", 7, 0));
        call("bit: setbit bad value", () -> c.setbit("bm", 1, 2), "ERR");
        call("bit: getbit", () -> c.getbit("bm", 9));
        call("bit: getbit gs missing", () -> c.getbit(gs("nobm"), 3));
        call("bit: set bc", () -> c.set("bc", "foobar"));
        call("bit: bitcount", () -> c.bitcount("bc"));
        call("bit: bitcount gs start", () -> c.bitcount(gs("bc"), 1));
        call("bit: bitcount range", () -> c.bitcount("bc", 1, 1));
        call("bit: bitcount BIT", () -> c.bitcount("bc", 5, 30, BitmapIndexType.BIT));
        call("bit: bitcount BYTE gs", () -> c.bitcount(gs("bc"), 0, -1, BitmapIndexType.BYTE));
        call("bit: bitcount missing", () -> c.bitcount("nobm"));
        call("bit: bitpos", () -> c.bitpos("bc", 1));
        call("bit: bitpos gs 0 start", () -> c.bitpos(gs("bc"), 0, 1));
        call("bit: bitpos range", () -> c.bitpos("bc", 1, 2, -1));
        call("bit: bitpos BIT", () -> c.bitpos("bc", 1, 7, 15, BitmapIndexType.BIT));
        call("bit: bitpos missing", () -> c.bitpos("nobm", 1));
        call("bit: bitop AND", () -> c.set("b1", "abc").thenCompose(x -> c.bitop(BitwiseOperation.AND, "bd", a("b1", "bc"))));
        call("bit: get bd", () -> c.get("bd"));
        call("bit: bitop OR gs", () -> c.bitop(BitwiseOperation.OR, gs("bd2"), g("b1", "bc")));
        call("bit: bitop XOR", () -> c.bitop(BitwiseOperation.XOR, "bd3", a("b1", "b1")));
        call("bit: bitop NOT", () -> c.bitop(BitwiseOperation.NOT, "bd4", a("b1")));
        call("bit: get gs bd4 (binary)", () -> c.get(gs("bd4")));
        call("bit: get String bd4 (binary)", () -> c.get("bd4"));
        call("bit: bitop NOT two keys", () -> c.bitop(BitwiseOperation.NOT, "bd5", a("b1", "bc")), "ERR");
        call("bit: bitfield", () -> c.bitfield("bf", new BitFieldSubCommands[] {
            new BitFieldSet(new UnsignedEncoding(8), new Offset(0), 200),
            new BitFieldGet(new SignedEncoding(8), new Offset(0)),
            new BitFieldIncrby(new UnsignedEncoding(4), new OffsetMultiplier(1), 3)}));
        call("bit: bitfield overflow SAT", () -> c.bitfield(gs("bf"), new BitFieldSubCommands[] {
            new BitFieldOverflow(BitFieldOverflow.BitOverflowControl.SAT),
            new BitFieldIncrby(new UnsignedEncoding(8), new Offset(0), 100)}));
        call("bit: bitfield overflow FAIL", () -> c.bitfield("bf", new BitFieldSubCommands[] {
            new BitFieldOverflow(BitFieldOverflow.BitOverflowControl.FAIL),
            new BitFieldIncrby(new UnsignedEncoding(8), new Offset(0), 100),
            new BitFieldGet(new UnsignedEncoding(8), new Offset(0))}));
        call("bit: bitfield WRAP", () -> c.bitfield("bf", new BitFieldSubCommands[] {
            new BitFieldOverflow(BitFieldOverflow.BitOverflowControl.WRAP),
            new BitFieldIncrby(new SignedEncoding(8), new Offset(0), 100)}));
        call("bit: bitfield empty", () -> c.bitfield("bf", new BitFieldSubCommands[0]));
        call("bit: bitfieldReadOnly", () -> c.bitfieldReadOnly("bf", new BitFieldReadOnlySubCommands[] {
            new BitFieldGet(new UnsignedEncoding(8), new Offset(0)), new BitFieldGet(new UnsignedEncoding(4), new OffsetMultiplier(1))}));
        call("bit: bitfieldReadOnly gs missing", () -> c.bitfieldReadOnly(gs("nobf"), new BitFieldReadOnlySubCommands[] {
            new BitFieldGet(new SignedEncoding(16), new Offset(3))}));
        call("bit: bitfield bad encoding", () -> c.bitfield("bf", new BitFieldSubCommands[] {new BitFieldGet(new UnsignedEncoding(64), new Offset(0))}), "ERR");
        call("bit: setbit wrongtype", () -> c.setbit("ls", 0, 1), "WRONGTYPE");
        call("bit: bitcount wrongtype", () -> c.bitcount("ls"), "WRONGTYPE");
    }

    // ---------------------------------------------------------------- geo

    static void geo(GlideClient c) {
        call("geo: geoadd", () -> c.geoadd("g", m("Palermo", new GeospatialData(13.361389, 38.115556), "Catania", new GeospatialData(15.087269, 37.502669))));
        call("geo: geoadd gs NX", () -> c.geoadd(gs("g"), m(gs("Palermo"), new GeospatialData(0, 0), gs("Agrigento"), new GeospatialData(13.583333, 37.316667)), new GeoAddOptions(glide.api.models.commands.ConditionalChange.ONLY_IF_DOES_NOT_EXIST)));
        call("geo: geoadd CH", () -> c.geoadd("g", m("Agrigento", new GeospatialData(13.5, 37.3)), new GeoAddOptions(true)));
        call("geo: geoadd XX CH", () -> c.geoadd("g", m("Agrigento", new GeospatialData(13.583333, 37.316667), "Nowhere", new GeospatialData(1, 1)), new GeoAddOptions(glide.api.models.commands.ConditionalChange.ONLY_IF_EXISTS, true)));
        call("geo: geoadd invalid", () -> c.geoadd("g", m("bad", new GeospatialData(200, 100))), "ERR");
        call("geo: geopos", () -> c.geopos("g", a("Palermo", "nope", "Catania")));
        call("geo: geopos gs missing key", () -> c.geopos(gs("nog"), g("Palermo")));
        call("geo: geodist", () -> c.geodist("g", "Palermo", "Catania"));
        call("geo: geodist km", () -> c.geodist("g", "Palermo", "Catania", GeoUnit.KILOMETERS));
        call("geo: geodist gs mi", () -> c.geodist(gs("g"), gs("Palermo"), gs("Catania"), GeoUnit.MILES));
        call("geo: geodist missing member", () -> c.geodist("g", "Palermo", "nope"));
        call("geo: geohash", () -> c.geohash("g", a("Palermo", "nope")));
        call("geo: geohash gs", () -> c.geohash(gs("g"), g("Catania")));
        call("geo: geosearch member radius", () -> c.geosearch("g", new MemberOrigin("Palermo"), new GeoSearchShape(200, GeoUnit.KILOMETERS), new GeoSearchResultOptions(SortOrder.ASC)));
        call("geo: geosearch coord box", () -> c.geosearch("g", new CoordOrigin(new GeospatialData(15, 37)), new GeoSearchShape(400, 400, GeoUnit.KILOMETERS), new GeoSearchResultOptions(SortOrder.DESC, 2)));
        call("geo: geosearch unsorted (sorted here)", () -> c.geosearch("g", new CoordOrigin(new GeospatialData(15, 37)), new GeoSearchShape(500, GeoUnit.KILOMETERS)).thenApply(CompatCheck::sortedArray));
        call("geo: geosearch with all", () -> c.geosearch("g", new MemberOrigin("Palermo"), new GeoSearchShape(300, GeoUnit.KILOMETERS), GeoSearchOptions.builder().withdist().withcoord().withhash().build(), new GeoSearchResultOptions(SortOrder.ASC)));
        call("geo: geosearch withdist", () -> c.geosearch("g", new MemberOrigin("Catania"), new GeoSearchShape(100, GeoUnit.MILES), GeoSearchOptions.builder().withdist().build(), new GeoSearchResultOptions(SortOrder.ASC)));
        call("geo: geosearch gs", () -> c.geosearch(gs("g"), new glide.api.models.commands.geospatial.GeoSearchOrigin.MemberOriginBinary(gs("Palermo")), new GeoSearchShape(200, GeoUnit.KILOMETERS), new GeoSearchResultOptions(SortOrder.ASC)));
        call("geo: geosearch none", () -> c.geosearch("g", new CoordOrigin(new GeospatialData(0, 0)), new GeoSearchShape(1, GeoUnit.METERS)));
        call("geo: geosearch missing member", () -> c.geosearch("g", new MemberOrigin("nope"), new GeoSearchShape(1, GeoUnit.METERS)), "ERR");
        call("geo: geosearch missing key", () -> c.geosearch("nog", new CoordOrigin(new GeospatialData(0, 0)), new GeoSearchShape(1, GeoUnit.METERS)));
        call("geo: geosearchstore", () -> c.geosearchstore("gst", "g", new MemberOrigin("Palermo"), new GeoSearchShape(200, GeoUnit.KILOMETERS)));
        call("geo: geosearchstore count", () -> c.geosearchstore("gst2", "g", new MemberOrigin("Palermo"), new GeoSearchShape(200, GeoUnit.KILOMETERS), new GeoSearchResultOptions(SortOrder.ASC, 1)));
        call("geo: geosearchstore STOREDIST", () -> c.geosearchstore("gst3", "g", new MemberOrigin("Palermo"), new GeoSearchShape(200, GeoUnit.KILOMETERS), GeoSearchStoreOptions.builder().storedist().build()));
        call("geo: zrangeWithScores gst3", () -> c.zrangeWithScores("gst3", new RangeByIndex(0, -1)));
        call("geo: geosearchstore gs", () -> c.geosearchstore(gs("gst4"), gs("g"), new CoordOrigin(new GeospatialData(15, 37)), new GeoSearchShape(400, 400, GeoUnit.KILOMETERS), GeoSearchStoreOptions.builder().storedist().build(), new GeoSearchResultOptions(SortOrder.ASC, 2)));
        call("geo: geoadd wrongtype", () -> c.geoadd("ls", m("x", new GeospatialData(1, 1))), "WRONGTYPE");
    }

    // ---------------------------------------------------------------- streams

    static void streams(GlideClient c) {
        call("stream: xadd id", () -> c.xadd("st", m("f", "v1"), StreamAddOptions.builder().id("1-1").build()));
        call("stream: xadd array", () -> c.xadd("st", new String[][] {{"f", "v2"}, {"g", "w"}}, StreamAddOptions.builder().id("1-2").build()));
        call("stream: xadd gs", () -> c.xadd(gs("st"), m(gs("f"), gs("v3")), glide.api.models.commands.stream.StreamAddOptionsBinary.builder().id(gs("2-1")).build()));
        call("stream: xadd smaller id", () -> c.xadd("st", m("f", "x"), StreamAddOptions.builder().id("1-1").build()), "ERR");
        call("stream: xadd NOMKSTREAM", () -> c.xadd("nost", m("f", "x"), StreamAddOptions.builder().id("1-1").makeStream(false).build()));
        call("stream: xadd MAXLEN", () -> c.xadd("st", m("f", "v4"), StreamAddOptions.builder().id("3-1").trim(new MaxLen(true, 10)).build()));
        call("stream: xadd binary", () -> c.xadd(gs("st"), new GlideString[][] {{gs("bf"), gs(BIN_VAL)}}, glide.api.models.commands.stream.StreamAddOptionsBinary.builder().id(gs("4-1")).build()));
        call("stream: xlen", () -> c.xlen("st"));
        call("stream: xlen missing", () -> c.xlen(gs("nost")));
        call("stream: xrange all (gs)", () -> c.xrange(gs("st"), InfRangeBound.MIN, InfRangeBound.MAX));
        call("stream: xrange String before binary", () -> c.xrange("st", InfRangeBound.MIN, IdBound.of("3-1")));
        call("stream: xrange String with binary", () -> c.xrange("st", IdBound.of("4-1"), InfRangeBound.MAX));
        call("stream: xrange count", () -> c.xrange("st", IdBound.of("1-2"), InfRangeBound.MAX, 2));
        call("stream: xrange exclusive", () -> c.xrange("st", IdBound.ofExclusive("1-1"), IdBound.ofExclusive("3-1")));
        call("stream: xrange ts", () -> c.xrange("st", IdBound.of(2L), IdBound.of(2L)));
        call("stream: xrange empty", () -> c.xrange("st", IdBound.of("9-0"), InfRangeBound.MAX));
        call("stream: xrange missing", () -> c.xrange("nost", InfRangeBound.MIN, InfRangeBound.MAX));
        call("stream: xrevrange", () -> c.xrevrange("st", IdBound.of("3-1"), InfRangeBound.MIN));
        call("stream: xrevrange count", () -> c.xrevrange("st", IdBound.of("3-1"), InfRangeBound.MIN, 1));
        call("stream: xread (reaches the binary entry)", () -> c.xread(m("st", "1-2")));
        call("stream: xread before the binary entry", () -> c.xread(m("st", "1-1"), StreamReadOptions.builder().count(2L).build()));
        call("stream: xread count", () -> c.xread(m("st", "0-0"), StreamReadOptions.builder().count(1L).build()));
        call("stream: xread none", () -> c.xread(m("st", "4-1")));
        call("stream: xread block miss", () -> c.xread(m("st", "4-1"), StreamReadOptions.builder().block(100L).build()));
        call("stream: xreadBinary", () -> c.xreadBinary(m(gs("st"), gs("3-1"))));
        call("stream: xread missing key", () -> c.xread(m("nost", "0-0")));
        call("stream: xgroupCreate", () -> c.xgroupCreate("st", "grp", "0"));
        call("stream: xgroupCreate dup", () -> c.xgroupCreate("st", "grp", "0"), "BUSYGROUP");
        call("stream: xgroupCreate MKSTREAM", () -> c.xgroupCreate("st2", "grp", "$", StreamGroupOptions.builder().makeStream().build()));
        call("stream: xgroupCreate missing", () -> c.xgroupCreate("nost", "grp", "$"), "ERR");
        call("stream: xgroupCreate gs ENTRIESREAD", () -> c.xgroupCreate(gs("st"), gs("grp2"), gs("1-1"), StreamGroupOptions.builder().entriesRead(1L).build()));
        call("stream: xgroupCreateConsumer", () -> c.xgroupCreateConsumer("st", "grp", "c1"));
        call("stream: xgroupCreateConsumer again", () -> c.xgroupCreateConsumer(gs("st"), gs("grp"), gs("c1")));
        call("stream: xreadgroup", () -> c.xreadgroup(m("st", ">"), "grp", "c1", StreamReadGroupOptions.builder().count(2L).build()));
        call("stream: xreadgroup c2", () -> c.xreadgroup(m("st", ">"), "grp", "c2", StreamReadGroupOptions.builder().count(1L).build()));
        call("stream: xreadgroup history", () -> c.xreadgroup(m("st", "0"), "grp", "c1"));
        call("stream: xreadgroup noack", () -> c.xreadgroup(m("st2", ">"), "grp", "c9", StreamReadGroupOptions.builder().noack().build()));
        call("stream: xreadgroup no group", () -> c.xreadgroup(m("st", ">"), "nogrp", "c1"), "NOGROUP");
        call("stream: xpending summary", () -> c.xpending("st", "grp"));
        call("stream: xpending gs summary", () -> c.xpending(gs("st"), gs("grp")));
        call("stream: xpending ext (no idle)", () -> c.xpending("st", "grp", InfRangeBound.MIN, InfRangeBound.MAX, 10).thenApply(FamiliesCheck::pendingNoIdle));
        call("stream: xpending ext consumer", () -> c.xpending("st", "grp", InfRangeBound.MIN, InfRangeBound.MAX, 10, glide.api.models.commands.stream.StreamPendingOptions.builder().consumer("c2").build()).thenApply(FamiliesCheck::pendingNoIdle));
        call("stream: xpending empty group", () -> c.xpending("st", "grp2"));
        call("stream: xclaim", () -> c.xclaim("st", "grp", "c3", 0, a("1-1", "9-9")));
        call("stream: xclaimJustId", () -> c.xclaimJustId("st", "grp", "c3", 0, a("1-2")));
        call("stream: xclaim gs FORCE", () -> c.xclaim(gs("st"), gs("grp"), gs("c3"), 0, g("3-1"), glide.api.models.commands.stream.StreamClaimOptions.builder().force().build()));
        call("stream: xclaimJustId gs RETRYCOUNT", () -> c.xclaimJustId(gs("st"), gs("grp"), gs("c1"), 0, g("2-1"), glide.api.models.commands.stream.StreamClaimOptions.builder().retryCount(5L).build()));
        call("stream: xautoclaim", () -> c.xautoclaim("st", "grp", "c4", 0, "0-0"));
        call("stream: xautoclaim count", () -> c.xautoclaim("st", "grp", "c5", 0, "0-0", 1));
        call("stream: xautoclaimJustId", () -> c.xautoclaimJustId("st", "grp", "c1", 0, "0-0"));
        call("stream: xautoclaimJustId gs count", () -> c.xautoclaimJustId(gs("st"), gs("grp"), gs("c1"), 0, gs("0-0"), 2));
        call("stream: xack", () -> c.xack("st", "grp", a("1-1", "9-9")));
        call("stream: xack gs", () -> c.xack(gs("st"), gs("grp"), g("1-2")));
        call("stream: xinfoGroups", () -> c.xinfoGroups("st"));
        call("stream: xinfoGroups missing", () -> c.xinfoGroups("nost"), "ERR");
        call("stream: xinfoConsumers (names)", () -> c.xinfoConsumers("st", "grp").thenApply(FamiliesCheck::consumerNames));
        call("stream: xinfoConsumers gs (names)", () -> c.xinfoConsumers(gs("st"), gs("grp")).thenApply(FamiliesCheck::consumerNames));
        call("stream: xinfoStream", () -> c.xinfoStream("st"));
        call("stream: xinfoStream gs", () -> c.xinfoStream(gs("st2")));
        call("stream: xinfoStreamFull (keys)", () -> c.xinfoStreamFull("st").thenApply(r -> r == null ? "null" : new TreeSet<>(r.keySet()).toString() + " entries=" + CompatCheck.render(r.get("entries"))));
        call("stream: xgroupSetId", () -> c.xgroupSetId("st", "grp2", "0"));
        call("stream: xgroupSetId entriesRead", () -> c.xgroupSetId(gs("st"), gs("grp2"), gs("1-2"), 2));
        call("stream: xgroupDelConsumer", () -> c.xgroupDelConsumer("st", "grp", "c3"));
        call("stream: xgroupDelConsumer missing", () -> c.xgroupDelConsumer("st", "grp", "nobody"));
        call("stream: xgroupDestroy", () -> c.xgroupDestroy("st", "grp2"));
        call("stream: xgroupDestroy gs missing", () -> c.xgroupDestroy(gs("st"), gs("grp2")));
        call("stream: xdel", () -> c.xdel("st", a("1-1", "9-9")));
        call("stream: xdel gs", () -> c.xdel(gs("st"), g("1-2")));
        call("stream: xtrim MAXLEN", () -> c.xtrim("st", new MaxLen(true, 2)));
        call("stream: xtrim MINID", () -> c.xtrim(gs("st"), new MinId(true, "4-0")));
        call("stream: xtrim missing", () -> c.xtrim("nost", new MaxLen(1)));
        call("stream: xrange after trims", () -> c.xrange(gs("st"), InfRangeBound.MIN, InfRangeBound.MAX));
        call("stream: xadd wrongtype", () -> c.xadd("ls", m("f", "v"), StreamAddOptions.builder().id("1-1").build()), "WRONGTYPE");
        call("stream: xlen wrongtype", () -> c.xlen("ls"), "WRONGTYPE");
    }

    static Object pendingNoIdle(Object[][] r) {
        if (r == null) return null;
        List<String> rows = new ArrayList<>();
        for (Object[] e : r) {
            // [id, consumer, idle ms, delivery count]: the idle time is timing-dependent
            rows.add(CompatCheck.render(e[0]) + "/" + CompatCheck.render(e[1]) + "/" + CompatCheck.render(e[3]) + "/len" + e.length);
        }
        return new CompatCheck.Rendered(r.getClass().getSimpleName() + rows);
    }

    static Object consumerNames(Map<?, Object>[] r) {
        if (r == null) return null;
        List<String> rows = new ArrayList<>();
        for (Map<?, Object> e : r) {
            Object name = null, pending = null;
            for (Map.Entry<?, Object> x : e.entrySet()) {
                if ("name".equals(x.getKey().toString())) name = x.getValue();
                if ("pending".equals(x.getKey().toString())) pending = x.getValue();
            }
            rows.add(CompatCheck.render(name) + " pending=" + CompatCheck.render(pending) + " keys=" + new TreeSet<>(stringKeys(e)));
        }
        return new CompatCheck.Rendered(r.getClass().getSimpleName() + rows);
    }

    static List<String> stringKeys(Map<?, ?> m) {
        List<String> r = new ArrayList<>();
        for (Object k : m.keySet()) r.add(CompatCheck.render(k));
        return r;
    }

    // ---------------------------------------------------------------- scripts and functions

    static final String LIB = "#!lua name=famlib\n"
            + "redis.register_function{function_name='famecho', callback=function(keys, args) return args[1] end, flags={'no-writes'}}\n"
            + "redis.register_function('famkeys', function(keys, args) return #keys end)";

    static void scripting(GlideClient c) {
        call("script: invokeScript", () -> {
            try (Script s = new Script("return 'hi'", false)) {
                return c.invokeScript(s).get(10, TimeUnit.SECONDS);
            }
        });
        call("script: invokeScript binary output", () -> {
            try (Script s = new Script(gs("return 'hi'"), true)) {
                return c.invokeScript(s).get(10, TimeUnit.SECONDS);
            }
        });
        call("script: invokeScript keys/args", () -> {
            try (Script s = new Script("return {KEYS[1], ARGV[1], #ARGV, 7, 1.5}", false)) {
                return c.invokeScript(s, ScriptOptions.builder().key("kk").arg("aa").arg("bb").build()).get(10, TimeUnit.SECONDS);
            }
        });
        call("script: invokeScript writes", () -> {
            try (Script s = new Script("return redis.call('SET', KEYS[1], ARGV[1])", false)) {
                return c.invokeScript(s, ScriptOptions.builder().key("sk").arg("sv").build()).get(10, TimeUnit.SECONDS);
            }
        });
        call("script: invokeScript table/nil/bool", () -> {
            try (Script s = new Script("return {1, false, 'x', {2, 3}}", false)) {
                return c.invokeScript(s).get(10, TimeUnit.SECONDS);
            }
        });
        call("script: invokeScript error", () -> {
            try (Script s = new Script("return redis.error_reply('MYERR boom')", false)) {
                return c.invokeScript(s).get(10, TimeUnit.SECONDS);
            }
        }, "MYERR");
        call("script: invokeScript runtime error", () -> {
            try (Script s = new Script("return redis.call('INCR', KEYS[1])", false)) {
                return c.invokeScript(s, ScriptOptions.builder().key("ls").build()).get(10, TimeUnit.SECONDS);
            }
        }, "WRONGTYPE");
        call("script: invokeScript binary value", () -> {
            try (Script s = new Script("return redis.call('GET', KEYS[1])", true)) {
                return c.invokeScript(s, ScriptOptions.builder().key("gb").build()).get(10, TimeUnit.SECONDS);
            }
        });
        call("script: scriptExists", () -> {
            try (Script s = new Script("return 'exists'", false)) {
                c.invokeScript(s).get(10, TimeUnit.SECONDS);
                return c.scriptExists(new String[] {s.getHash(), "0000000000000000000000000000000000000000"}).get(10, TimeUnit.SECONDS);
            }
        });
        call("script: scriptExists gs", () -> c.scriptExists(g("ffffffffffffffffffffffffffffffffffffffff")));
        call("script: evalReadOnly", () -> c.evalReadOnly("return ARGV[1]", a(), a("ro")));
        call("script: evalReadOnly no args", () -> c.evalReadOnly("return 5"));
        call("script: evalReadOnly write", () -> c.evalReadOnly("return redis.call('SET','x','y')", a("x"), a()), "ERR");
        call("script: evalshaReadOnly unknown", () -> c.evalshaReadOnly("0000000000000000000000000000000000000000"), "NOSCRIPT");
        call("script: scriptShow (valkey 8)", () -> c.scriptShow("0000000000000000000000000000000000000000"), "ERR");
        call("script: scriptFlush", () -> c.scriptFlush());
        call("script: scriptFlush ASYNC", () -> c.scriptFlush(FlushMode.ASYNC));
        call("script: scriptKill not busy", () -> c.scriptKill(), "NOTBUSY");
        call("func: functionFlush", () -> c.functionFlush(FlushMode.SYNC));
        call("func: functionLoad", () -> c.functionLoad(LIB, false));
        call("func: functionLoad again", () -> c.functionLoad(LIB, false), "ERR");
        call("func: functionLoad replace gs", () -> c.functionLoad(gs(LIB), true));
        call("func: functionLoad bad", () -> c.functionLoad("nonsense", false), "ERR");
        call("func: fcall", () -> c.fcall("famecho", a(), a("hello")));
        call("func: fcall keys", () -> c.fcall("famkeys", a("k1", "k2"), a()));
        call("func: fcall gs", () -> c.fcall(gs("famecho"), g(), g("g")));
        call("func: fcall no keys", () -> c.fcall("famkeys"));
        call("func: fcallReadOnly", () -> c.fcallReadOnly("famecho", a(), a("ro")));
        call("func: fcallReadOnly write fn", () -> c.fcallReadOnly("famkeys"), "ERR");
        call("func: fcall unknown", () -> c.fcall("nofunc"), "ERR");
        call("func: functionList", () -> c.functionList(false).thenApply(FamiliesCheck::libsSorted));
        call("func: functionList code", () -> c.functionList("fam*", true).thenApply(FamiliesCheck::libsSorted));
        call("func: functionList none", () -> c.functionList("zzz*", false).thenApply(FamiliesCheck::libsSorted));
        call("func: functionListBinary", () -> c.functionListBinary(false).thenApply(FamiliesCheck::libsSorted));
        call("func: functionStats (shape, node address left out)", () -> c.functionStats().thenApply(FamiliesCheck::statsShape));
        call("func: functionDump+Restore", () -> c.functionDump().thenCompose(b -> c.functionFlush().thenCompose(x -> c.functionRestore(b))));
        call("func: functionRestore again", () -> c.functionDump().thenCompose(b -> c.functionRestore(b)), "ERR");
        call("func: functionRestore REPLACE", () -> c.functionDump().thenCompose(b -> c.functionRestore(b, glide.api.models.commands.function.FunctionRestorePolicy.REPLACE)));
        call("func: functionKill not busy", () -> c.functionKill(), "NOTBUSY");
        call("func: functionDelete", () -> c.functionDelete("famlib"));
        call("func: functionDelete gs missing", () -> c.functionDelete(gs("famlib")), "ERR");
        call("func: functionFlush", () -> c.functionFlush());
    }

    /** FUNCTION LIST: a library's "functions" come in server (dict) order; render them sorted. */
    static Object libsSorted(Map<?, Object>[] libs) {
        if (libs == null) return null;
        List<String> out = new ArrayList<>();
        for (Map<?, Object> lib : libs) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, Object> e : lib.entrySet()) {
                Object v = "functions".equals(e.getKey().toString()) ? CompatCheck.sortedArray(e.getValue()) : e.getValue();
                entries.add(CompatCheck.render(e.getKey()) + "=" + CompatCheck.render(v));
            }
            entries.sort(null);
            out.add("Map{" + String.join(", ", entries) + "}");
        }
        return new CompatCheck.Rendered(libs.getClass().getSimpleName() + out);
    }

    /** FUNCTION STATS by node: the node's address (a port) is left out, its reply's keys kept. */
    static Object statsShape(Map<String, Map<String, Map<String, Object>>> r) {
        if (r == null) return null;
        List<String> nodes = new ArrayList<>();
        for (Map<String, Map<String, Object>> v : r.values()) {
            nodes.add(v == null ? "null" : new TreeSet<>(v.keySet()) + " engines=" + CompatCheck.render(v.get("engines")));
        }
        return new CompatCheck.Rendered(r.size() + " node(s) " + nodes);
    }

    // ---------------------------------------------------------------- server / ACL / config

    static void server(GlideClient c) {
        call("srv: dbsize", () -> c.dbsize());
        call("srv: info server has section", () -> c.info(new Section[] {Section.SERVER}).thenApply(s -> s.contains("# Server") + " " + s.contains("# Clients")));
        call("srv: time shape", () -> c.time().thenApply(t -> t.length));
        call("srv: lastsave >0", () -> c.lastsave().thenApply(v -> v > 0));
        call("srv: configGet", () -> c.configGet(a("maxmemory-policy", "hz")));
        call("srv: configGet pattern", () -> c.configGet(a("list-max-listpack-*")));
        call("srv: configGet unknown", () -> c.configGet(a("nonexistent-param")));
        call("srv: configSet", () -> c.configSet(m("hz", "11")));
        call("srv: configGet after set", () -> c.configGet(a("hz")));
        call("srv: configSet back", () -> c.configSet(m("hz", "10")));
        call("srv: configSet bad", () -> c.configSet(m("nonexistent-param", "1")), "ERR");
        call("srv: configResetStat", () -> c.configResetStat());
        call("srv: configRewrite (no file)", () -> c.configRewrite(), "ERR");
        call("srv: lolwut non-empty", () -> c.lolwut().thenApply(s -> s.contains("Redis ver.")));
        call("srv: lolwut 6", () -> c.lolwut(6).thenApply(s -> s.contains("Redis ver.")));
        call("srv: lolwut 5 params", () -> c.lolwut(5, new int[] {10, 5}).thenApply(s -> s.contains("Redis ver.")));
        call("srv: aclWhoami", () -> c.aclWhoami());
        call("srv: aclCat", () -> c.aclCat().thenApply(CompatCheck::sortedArray));
        call("srv: aclCat hll", () -> c.aclCat("hyperloglog").thenApply(CompatCheck::sortedArray));
        call("srv: aclCat unknown", () -> c.aclCat("nope"), "ERR");
        call("srv: aclSetUser", () -> c.aclSetUser("famuser", a("on", ">pw", "~fam*", "+get")));
        call("srv: aclSetUser off", () -> c.aclSetUser("famuser2", a("off")));
        call("srv: aclSetUser bad rule", () -> c.aclSetUser("famuser", a("+nocommand")), "ERR");
        call("srv: aclUsers", () -> c.aclUsers());
        call("srv: aclList", () -> c.aclList());
        call("srv: aclGetUser", () -> c.aclGetUser("famuser"));
        call("srv: aclGetUser missing", () -> c.aclGetUser("nobody"));
        call("srv: aclDryRun ok", () -> c.aclDryRun("famuser", "get", a("famkey")));
        call("srv: aclDryRun denied", () -> c.aclDryRun("famuser", "del", a("famkey")));
        call("srv: aclDryRun set other", () -> c.aclDryRun("famuser", "set", a("other", "v")));
        call("srv: aclGenPass length", () -> c.aclGenPass().thenApply(String::length));
        call("srv: aclGenPass 32 length", () -> c.aclGenPass(32).thenApply(String::length));
        call("srv: aclLog shape", () -> c.aclLog(0).thenApply(r -> r.getClass().getSimpleName() + " len " + r.length));
        call("srv: aclDelUser", () -> c.aclDelUser(a("famuser", "famuser2", "nobody")));
        call("srv: aclSave (no file)", () -> c.aclSave(), "ERR");
        call("srv: aclLoad (no file)", () -> c.aclLoad(), "ERR");
        call("srv: flushdb ASYNC", () -> c.flushdb(FlushMode.ASYNC));
        call("srv: flushall SYNC", () -> c.flushall(FlushMode.SYNC));
        call("srv: flushdb", () -> c.flushdb());
        call("srv: dbsize after flush", () -> c.dbsize());
    }
}
