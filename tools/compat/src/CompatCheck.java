import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.SetOptions;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ReadFrom;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Behavioural compatibility check. Compiled once against glide-jni, run against glide-jni and
 * against valkey-glide 2.3.1; the two outputs (stdout) are diffed by run.sh. Every line is
 * "label -> rendering" and must not depend on timing. Exception messages go to stderr only
 * (they are informative, not compared).
 */
public class CompatCheck {

    interface Call {
        Object run() throws Throwable;
    }

    static String host;
    static int port;
    static String prefix = "";

    public static void main(String[] args) throws Exception {
        host = args.length > 0 ? args[0] : "localhost";
        port = args.length > 1 ? Integer.parseInt(args[1]) : 6379;

        for (ProtocolVersion p : new ProtocolVersion[] {ProtocolVersion.RESP3, ProtocolVersion.RESP2}) {
            prefix = "[" + p + "] ";
            GlideClient c = null;
            try {
                c = GlideClient.createClient(config(p).build()).get(10, TimeUnit.SECONDS);
                out("createClient", "ok");
            } catch (Throwable t) {
                failure("createClient", t, false, null);
            }
            if (c != null) {
                script(c);
                final GlideClient cc = c;
                call("close", () -> {
                    cc.close();
                    return "closed";
                });
            }
        }
        prefix = "[failures] ";
        failures();
        System.out.flush();
        System.exit(0);
    }

    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> config(ProtocolVersion p) {
        return GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(port).build())
                .protocol(p);
    }

    // ---------------------------------------------------------------- the script

    static final byte[] BIN_KEY = {(byte) 0xff, (byte) 0xfe, 0x00, 'k'};
    static final byte[] BIN_VAL = {(byte) 0xc3, 0x28, (byte) 0x80, 0x00, 'v'};
    static final byte[] BIN_FIELD = {(byte) 0xfa, 'f'};

    static void script(GlideClient c) {
        call("FLUSHALL", () -> c.customCommand(new String[] {"FLUSHALL"}));

        // --- get / set
        call("set s1", () -> c.set("s1", "v1"));
        call("get s1", () -> c.get("s1"));
        call("get missing", () -> c.get("missing"));
        call("set gs g1", () -> c.set(gs("g1"), gs("gv1")));
        call("get gs g1", () -> c.get(gs("g1")));
        call("get gs missing", () -> c.get(gs("missing")));
        call("get gs s1 (set via String)", () -> c.get(gs("s1")));
        call("set unicode", () -> c.set("uni", "h\u00e9llo \u4e16\u754c \ud83d\ude00"));
        call("get unicode", () -> c.get("uni"));
        call("get gs unicode", () -> c.get(gs("uni")));

        // --- SetOptions
        SetOptions nx = SetOptions.builder().conditionalSetOnlyIfNotExist().build();
        SetOptions xx = SetOptions.builder().conditionalSetOnlyIfExists().build();
        SetOptions getOld = SetOptions.builder().returnOldValue(true).build();
        SetOptions ex = SetOptions.builder().expiry(SetOptions.Expiry.Seconds(100L)).build();
        SetOptions px = SetOptions.builder().expiry(SetOptions.Expiry.Milliseconds(100000L)).build();
        SetOptions keep = SetOptions.builder().expiry(SetOptions.Expiry.KeepExisting()).build();
        SetOptions nxGet = SetOptions.builder().conditionalSetOnlyIfNotExist().returnOldValue(true).build();
        SetOptions xxEx =
                SetOptions.builder()
                        .conditionalSetOnlyIfExists()
                        .expiry(SetOptions.Expiry.Seconds(50L))
                        .build();

        call("set NX existing", () -> c.set("s1", "x", nx));
        call("set NX new", () -> c.set("nx1", "n", nx));
        call("set XX missing", () -> c.set("xx-missing", "x", xx));
        call("set XX existing", () -> c.set("s1", "v2", xx));
        call("set GET existing", () -> c.set("s1", "v3", getOld));
        call("set GET missing", () -> c.set("get-missing", "v", getOld));
        call("hset h1-pre", () -> c.hset("h1-pre", mapOf("f", "v")));
        call("set GET wrongtype", () -> c.set("h1-pre", "v", getOld), "WRONGTYPE");
        call("set EX", () -> c.set("ex1", "e", ex));
        call("ttl ex1 in (0,100]", () -> ttlIn(c, "ex1", 100));
        call("set PX", () -> c.set("px1", "p", px));
        call("pttl px1 in (0,100000]", () -> pttlIn(c, "px1", 100000));
        call("set KEEPTTL", () -> c.set("ex1", "e2", keep));
        call("ttl ex1 kept", () -> ttlIn(c, "ex1", 100));
        call("set XX+EX", () -> c.set("s1", "v4", xxEx));
        call("set NX+GET existing", () -> c.set("s1", "zz", nxGet));
        call("set NX+GET new", () -> c.set("nxget", "zz", nxGet));
        call("set IFEQ match", () -> c.set("s1", "v5", SetOptions.builder().conditionalSetOnlyIfEqualTo("v4").build()), "ERR");
        call("set IFEQ mismatch", () -> c.set("s1", "v6", SetOptions.builder().conditionalSetOnlyIfEqualTo("nope").build()), "ERR");
        call("get s1 after IFEQ", () -> c.get("s1"));

        call("set gs NX existing", () -> c.set(gs("g1"), gs("x"), nx));
        call("set gs NX new", () -> c.set(gs("gnx"), gs("n"), nx));
        call("set gs XX missing", () -> c.set(gs("gxx-missing"), gs("x"), xx));
        call("set gs XX existing", () -> c.set(gs("g1"), gs("gv2"), xx));
        call("set gs GET existing", () -> c.set(gs("g1"), gs("gv3"), getOld));
        call("set gs GET missing", () -> c.set(gs("gget-missing"), gs("v"), getOld));
        call("set gs EX", () -> c.set(gs("gex"), gs("e"), ex));
        call("set gs PX", () -> c.set(gs("gpx"), gs("p"), px));
        call("set gs KEEPTTL", () -> c.set(gs("gex"), gs("e2"), keep));
        call("ttl gex kept", () -> ttlIn(c, "gex", 100));
        call("set gs IFEQ match", () -> c.set(gs("g1"), gs("gv4"), SetOptions.builder().conditionalSetOnlyIfEqualTo(gs("gv3")).build()), "ERR");
        call("set gs IFEQ mismatch", () -> c.set(gs("g1"), gs("gv5"), SetOptions.builder().conditionalSetOnlyIfEqualTo(gs("nope")).build()), "ERR");
        call("get gs g1 after IFEQ", () -> c.get(gs("g1")));

        // --- empty string
        call("set empty", () -> c.set("empty", ""));
        call("get empty", () -> c.get("empty"));
        call("get gs empty", () -> c.get(gs("empty")));
        call("set gs empty value", () -> c.set(gs("gempty"), gs("")));
        call("get gs gempty", () -> c.get(gs("gempty")));
        call("custom GET empty", () -> c.customCommand(new String[] {"GET", "empty"}));
        call("custom gs GET empty", () -> c.customCommand(new GlideString[] {gs("GET"), gs("empty")}));
        call("set empty key", () -> c.set("", "emptykey"));
        call("get empty key", () -> c.get(""));

        // --- binary
        call("set binary", () -> c.set(gs(BIN_KEY), gs(BIN_VAL)));
        call("get binary", () -> c.get(gs(BIN_KEY)));
        call("set binv (binary value)", () -> c.set(gs("binv"), gs(BIN_VAL)));
        call("get binary value via String get", () -> c.get("binv"));
        call("exists binary", () -> c.exists(new GlideString[] {gs(BIN_KEY)}));
        call("mget gs binary", () -> c.mget(new GlideString[] {gs(BIN_KEY), gs("missing"), gs("g1")}));
        call("mget String binary value", () -> c.mget(new String[] {"binv", "missing"}));
        call("custom gs GET binary", () -> c.customCommand(new GlideString[] {gs("GET"), gs(BIN_KEY)}));
        call("custom String GET binary value", () -> c.customCommand(new String[] {"GET", "binv"}));
        call("echo gs binary", () -> c.echo(gs(BIN_VAL)));
        call("ping gs binary", () -> c.ping(gs(BIN_VAL)));
        call("hset gs binary", () -> c.hset(gs(BIN_KEY.clone()).concat(gs("h")), mapOf(gs(BIN_FIELD), gs(BIN_VAL), gs("f2"), gs("v2"))));
        call("hgetall gs binary", () -> c.hgetall(gs(BIN_KEY.clone()).concat(gs("h"))));
        call("hget gs binary", () -> c.hget(gs(BIN_KEY.clone()).concat(gs("h")), gs(BIN_FIELD)));
        call("lpush gs binary", () -> c.lpush(gs("lbin"), new GlideString[] {gs(BIN_VAL), gs("plain")}));
        call("lrange gs binary", () -> c.lrange(gs("lbin"), 0, -1));
        call("lrange String binary", () -> c.lrange("lbin", 0, -1));
        call("del binary", () -> c.del(new GlideString[] {gs(BIN_KEY)}));

        // --- submission order: requests issued from one thread without waiting must run in order
        call("order: 20x10 String sets, last wins", () -> orderCheck(c, false));
        call("order: 20x10 alternating String/GlideString sets, last wins", () -> orderCheck(c, true));

        // --- del / exists / incr
        call("mset", () -> c.mset(mapOf("m1", "a", "m2", "b", "m3", "c")));
        call("msetBinary", () -> c.msetBinary(mapOf(gs("mb1"), gs("x"), gs(BIN_KEY), gs(BIN_VAL))));
        call("mget with missing", () -> c.mget(new String[] {"m1", "nope", "m2", "m3", "nope2"}));
        call("mget gs with missing", () -> c.mget(new GlideString[] {gs("mb1"), gs("nope"), gs(BIN_KEY)}));
        call("mget all missing", () -> c.mget(new String[] {"n1", "n2"}));
        call("mget wrongtype key", () -> c.mget(new String[] {"m1", "lbin"}));
        call("exists", () -> c.exists(new String[] {"m1", "m2", "nope", "m1"}));
        call("exists gs", () -> c.exists(new GlideString[] {gs("m1"), gs("nope")}));
        call("del", () -> c.del(new String[] {"m1", "nope", "m2"}));
        call("del gs", () -> c.del(new GlideString[] {gs("m3"), gs("mb1"), gs("nope")}));
        call("exists after del", () -> c.exists(new String[] {"m1", "m2", "m3"}));
        call("incr new", () -> c.incr("counter"));
        call("incr", () -> c.incr("counter"));
        call("incr gs", () -> c.incr(gs("counter")));
        call("incrBy", () -> c.incrBy("counter", 10));
        call("incrBy gs negative", () -> c.incrBy(gs("counter"), -100));
        call("incr non-integer", () -> c.incr("s1"), "ERR");
        call("incr wrongtype", () -> c.incr("lbin"), "WRONGTYPE");
        call("incrBy overflow", () -> c.set("big", "9223372036854775807").thenCompose(x -> c.incrBy("big", 1)), "ERR");

        // --- ping / echo / info
        call("ping", () -> c.ping());
        call("ping String", () -> c.ping("hello"));
        call("ping gs", () -> c.ping(gs("hello")));
        call("ping empty String", () -> c.ping(""));
        call("echo", () -> c.echo("hi there"));
        call("echo gs", () -> c.echo(gs("hi")));
        call("echo empty", () -> c.echo(""));
        call("info() has redis_version", () -> c.info().thenApply(s -> s.contains("redis_version")));
        call("info() class", () -> c.info().thenApply(s -> s.getClass().getSimpleName()));
        call("info(SERVER) has redis_version", () -> c.info(new Section[] {Section.SERVER}).thenApply(s -> s.contains("redis_version")));
        call("info(CLIENTS) has redis_version", () -> c.info(new Section[] {Section.CLIENTS}).thenApply(s -> s.contains("redis_version")));
        call("info(CLIENTS) has connected_clients", () -> c.info(new Section[] {Section.CLIENTS}).thenApply(s -> s.contains("connected_clients")));
        call("info(SERVER,MEMORY) has used_memory", () -> c.info(new Section[] {Section.SERVER, Section.MEMORY}).thenApply(s -> s.contains("used_memory:") && s.contains("redis_version")));
        call("info(ALL) has redis_version", () -> c.info(new Section[] {Section.ALL}).thenApply(s -> s.contains("redis_version")));
        call("info(DEFAULT) has redis_version", () -> c.info(new Section[] {Section.DEFAULT}).thenApply(s -> s.contains("redis_version")));
        call("info(empty array) has redis_version", () -> c.info(new Section[0]).thenApply(s -> s.contains("redis_version")));

        // --- hashes
        call("hset", () -> c.hset("h1", mapOf("f1", "v1", "f2", "v2")));
        call("hset overwrite", () -> c.hset("h1", mapOf("f1", "v1b", "f3", "v3")));
        call("hset gs", () -> c.hset(gs("gh1"), mapOf(gs("a"), gs("1"), gs("b"), gs("2"))));
        call("hget", () -> c.hget("h1", "f1"));
        call("hget missing field", () -> c.hget("h1", "nope"));
        call("hget missing key", () -> c.hget("nohash", "f"));
        call("hget gs", () -> c.hget(gs("gh1"), gs("a")));
        call("hget gs missing", () -> c.hget(gs("gh1"), gs("zz")));
        call("hgetall", () -> c.hgetall("h1"));
        call("hgetall gs", () -> c.hgetall(gs("gh1")));
        call("hgetall missing", () -> c.hgetall("nohash"));
        call("hgetall gs missing", () -> c.hgetall(gs("nohash")));
        call("hgetall wrongtype", () -> c.hgetall("s1"), "WRONGTYPE");
        call("hset wrongtype", () -> c.hset("s1", mapOf("f", "v")), "WRONGTYPE");
        call("get wrongtype", () -> c.get("h1"), "WRONGTYPE");
        call("get gs wrongtype", () -> c.get(gs("h1")), "WRONGTYPE");
        call("hset empty map", () -> c.hset("h2", new LinkedHashMap<String, String>()), "ERR");

        // --- lists
        call("lpush", () -> c.lpush("l1", new String[] {"a", "b", "c"}));
        call("lpush gs", () -> c.lpush(gs("l1"), new GlideString[] {gs("d")}));
        call("lrange", () -> c.lrange("l1", 0, -1));
        call("lrange gs", () -> c.lrange(gs("l1"), 0, 1));
        call("lrange missing", () -> c.lrange("nolist", 0, -1));
        call("lrange gs missing", () -> c.lrange(gs("nolist"), 0, -1));
        call("lrange out of range", () -> c.lrange("l1", 10, 20));
        call("lrange wrongtype", () -> c.lrange("s1", 0, -1), "WRONGTYPE");
        call("lpush wrongtype", () -> c.lpush("s1", new String[] {"x"}), "WRONGTYPE");
        call("blpop hit", () -> c.blpop(new String[] {"nolist", "l1"}, 1.0));
        call("blpop miss 0.1s", () -> c.blpop(new String[] {"nolist"}, 0.1));
        call("blpop gs hit", () -> c.blpop(new GlideString[] {gs("l1")}, 0.5));
        call("blpop gs miss 0.1s", () -> c.blpop(new GlideString[] {gs("nolist")}, 0.1));
        call("blpop wrongtype", () -> c.blpop(new String[] {"s1"}, 0.1), "WRONGTYPE");

        // --- select
        call("select 1", () -> c.select(1));
        call("set in db1", () -> c.set("dbkey", "one"));
        call("dbsize db1", () -> c.customCommand(new String[] {"DBSIZE"}));
        call("select 0", () -> c.select(0));
        call("get dbkey in db0", () -> c.get("dbkey"));
        call("select 99", () -> c.select(99), "ERR");
        call("select -1", () -> c.select(-1), "ERR");

        // --- customCommand reply shapes
        call("custom SET", () -> c.customCommand(new String[] {"SET", "ck", "cv"}));
        call("custom ZADD for ZMPOP", () -> c.customCommand(new String[] {"ZADD", "czm", "1", "a", "2", "b"}));
        call("custom ZMPOP", () -> c.customCommand(new String[] {"ZMPOP", "1", "czm", "MIN"}));
        call("custom BZMPOP", () -> c.customCommand(new String[] {"BZMPOP", "0.1", "1", "czm", "MAX", "COUNT", "3"}));
        call("custom ZMPOP empty", () -> c.customCommand(new String[] {"ZMPOP", "1", "czm", "MIN"}));
        call("custom RPUSH for LMPOP", () -> c.customCommand(new String[] {"RPUSH", "clm", "x", "y"}));
        call("custom LMPOP", () -> c.customCommand(new String[] {"LMPOP", "1", "clm", "LEFT", "COUNT", "5"}));
        call("custom GET", () -> c.customCommand(new String[] {"GET", "ck"}));
        call("custom GET missing", () -> c.customCommand(new String[] {"GET", "nope"}));
        call("custom lowercase get", () -> c.customCommand(new String[] {"get", "ck"}));
        call("custom INCR", () -> c.customCommand(new String[] {"INCR", "cnt"}));
        call("custom INCRBYFLOAT", () -> c.customCommand(new String[] {"INCRBYFLOAT", "flt", "1.5"}));
        call("custom HGETALL", () -> c.customCommand(new String[] {"HGETALL", "h1"}));
        call("custom HGETALL missing", () -> c.customCommand(new String[] {"HGETALL", "nohash"}));
        call("custom SADD", () -> c.customCommand(new String[] {"SADD", "set1", "x", "y", "z"}));
        call("custom SMEMBERS", () -> c.customCommand(new String[] {"SMEMBERS", "set1"}).thenApply(CompatCheck::sortedArray));
        call("custom SMEMBERS missing", () -> c.customCommand(new String[] {"SMEMBERS", "noset"}));
        call("custom ZADD", () -> c.customCommand(new String[] {"ZADD", "z1", "1.5", "a", "2", "b"}));
        call("custom ZSCORE", () -> c.customCommand(new String[] {"ZSCORE", "z1", "a"}));
        call("custom ZSCORE missing", () -> c.customCommand(new String[] {"ZSCORE", "z1", "nope"}));
        call("custom ZRANGE WITHSCORES", () -> c.customCommand(new String[] {"ZRANGE", "z1", "0", "-1", "WITHSCORES"}));
        call("custom ZRANDMEMBER missing", () -> c.customCommand(new String[] {"ZRANDMEMBER", "nozset"}));
        call("custom HELLO shape", () -> c.customCommand(new String[] {"HELLO"}).thenApply(CompatCheck::helloShape));
        call("custom LPOS", () -> c.customCommand(new String[] {"LPOS", "l1", "b"}));
        call("custom LPOS missing", () -> c.customCommand(new String[] {"LPOS", "l1", "nope"}));
        call("custom LPOS COUNT", () -> c.customCommand(new String[] {"LPOS", "l1", "b", "COUNT", "0"}));
        call("custom LRANGE", () -> c.customCommand(new String[] {"LRANGE", "l1", "0", "-1"}));
        call("custom OBJECT ENCODING", () -> c.customCommand(new String[] {"OBJECT", "ENCODING", "l1"}));
        call("custom OBJECT ENCODING missing", () -> c.customCommand(new String[] {"OBJECT", "ENCODING", "nope"}));
        call("custom TYPE string", () -> c.customCommand(new String[] {"TYPE", "ck"}));
        call("custom TYPE hash", () -> c.customCommand(new String[] {"TYPE", "h1"}));
        call("custom TYPE none", () -> c.customCommand(new String[] {"TYPE", "nope"}));
        call("custom EXISTS", () -> c.customCommand(new String[] {"EXISTS", "ck", "nope"}));
        call("custom CONFIG GET maxmemory", () -> c.customCommand(new String[] {"CONFIG", "GET", "maxmemory"}));
        call("custom CONFIG GET nomatch", () -> c.customCommand(new String[] {"CONFIG", "GET", "no-such-param*"}));
        call("custom DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}).thenApply(o -> o == null ? "null" : o.getClass().getSimpleName() + ">0=" + (((Number) o).longValue() > 0)));
        call("custom MGET", () -> c.customCommand(new String[] {"MGET", "ck", "nope", "s1"}));
        call("custom EXPIRE", () -> c.customCommand(new String[] {"EXPIRE", "ck", "100"}));
        call("custom PERSIST", () -> c.customCommand(new String[] {"PERSIST", "ck"}));
        call("custom TTL no expiry", () -> c.customCommand(new String[] {"TTL", "ck"}));
        call("custom SET GET", () -> c.customCommand(new String[] {"SET", "ck", "cv2", "GET"}));
        call("custom SET NX fail", () -> c.customCommand(new String[] {"SET", "ck", "cv3", "NX"}));
        call("custom SINTERCARD", () -> c.customCommand(new String[] {"SINTERCARD", "1", "set1"}));
        call("custom HRANDFIELD missing", () -> c.customCommand(new String[] {"HRANDFIELD", "nohash"}));
        call("custom HMGET", () -> c.customCommand(new String[] {"HMGET", "h1", "f1", "nope"}));
        call("custom EVAL int", () -> c.customCommand(new String[] {"EVAL", "return 42", "0"}));
        call("custom EVAL float", () -> c.customCommand(new String[] {"EVAL", "return 3.7", "0"}));
        call("custom EVAL nested", () -> c.customCommand(new String[] {"EVAL", "return {1,'two',{3,'four'}}", "0"}));
        call("custom EVAL true", () -> c.customCommand(new String[] {"EVAL", "return true", "0"}));
        call("custom EVAL false", () -> c.customCommand(new String[] {"EVAL", "return false", "0"}));
        call("custom EVAL status", () -> c.customCommand(new String[] {"EVAL", "return redis.status_reply('FINE')", "0"}));
        call("custom EVAL error", () -> c.customCommand(new String[] {"EVAL", "return redis.error_reply('MYERR boom')", "0"}), "MYERR");
        call("custom EVAL resp3 double", () -> c.customCommand(new String[] {"EVAL", "redis.setresp(3); return redis.call('ZSCORE', KEYS[1], 'a')", "1", "z1"}));
        call("custom EVAL resp3 map", () -> c.customCommand(new String[] {"EVAL", "redis.setresp(3); return redis.call('HGETALL', KEYS[1])", "1", "h1"}));
        for (String t : new String[] {"string", "integer", "double", "bignum", "null", "array", "set", "map", "attrib", "verbatim", "true", "false"}) {
            call("custom DEBUG PROTOCOL " + t, () -> c.customCommand(new String[] {"DEBUG", "PROTOCOL", t}));
        }
        call("custom nonexistent command", () -> c.customCommand(new String[] {"NOSUCHCOMMAND", "x"}), "ERR");
        call("custom wrong arity", () -> c.customCommand(new String[] {"GET"}), "ERR");
        call("custom wrongtype", () -> c.customCommand(new String[] {"LPUSH", "ck", "x"}), "WRONGTYPE");
        call("custom wrongtype INCR", () -> c.customCommand(new String[] {"INCR", "h1"}), "WRONGTYPE");
        call("custom empty args", () -> c.customCommand(new String[0]));
        call("custom gs GET", () -> c.customCommand(new GlideString[] {gs("GET"), gs("ck")}));
        call("custom gs GET missing", () -> c.customCommand(new GlideString[] {gs("GET"), gs("nope")}));
        call("custom gs PING", () -> c.customCommand(new GlideString[] {gs("PING")}));
        call("custom gs PING msg", () -> c.customCommand(new GlideString[] {gs("PING"), gs("yo")}));
        call("custom gs ECHO", () -> c.customCommand(new GlideString[] {gs("ECHO"), gs("hey")}));
        call("custom gs TYPE", () -> c.customCommand(new GlideString[] {gs("TYPE"), gs("h1")}));
        call("custom gs HGETALL", () -> c.customCommand(new GlideString[] {gs("HGETALL"), gs("h1")}));
        call("custom gs SMEMBERS", () -> c.customCommand(new GlideString[] {gs("SMEMBERS"), gs("set1")}).thenApply(CompatCheck::sortedArray));
        call("custom gs INCR", () -> c.customCommand(new GlideString[] {gs("INCR"), gs("cnt")}));
        call("custom gs ZSCORE", () -> c.customCommand(new GlideString[] {gs("ZSCORE"), gs("z1"), gs("b")}));
        call("custom gs wrongtype", () -> c.customCommand(new GlideString[] {gs("GET"), gs("h1")}), "WRONGTYPE");
        call("custom PING", () -> c.customCommand(new String[] {"PING"}));
        call("custom ECHO", () -> c.customCommand(new String[] {"ECHO", "hey"}));

        // --- statistics (only key presence)
        call("getStatistics keys", () -> statKeys(c.getStatistics()));
    }

    static void failures() {
        // no address
        createCase("createClient no address", () -> GlideClientConfiguration.builder().build());
        createCase("createClient negative requestTimeout", () -> config(ProtocolVersion.RESP3).requestTimeout(-1).build());
        createCase("createClient port 70000", () -> GlideClientConfiguration.builder().address(NodeAddress.builder().host(host).port(70000).build()).build());
        int closed = closedPort();
        createCase("createClient closed port", () -> GlideClientConfiguration.builder().address(NodeAddress.builder().host(host).port(closed).build()).build());
        createCase("createClient unresolvable host", () -> GlideClientConfiguration.builder().address(NodeAddress.builder().host("no-such-host.invalid").port(port).build()).build());

        // read-only mode (a standalone client that refuses writes) and read strategies
        createCase("createClient PREFER_REPLICA", () -> config(ProtocolVersion.RESP3).readFrom(ReadFrom.PREFER_REPLICA).build());
        createCase("createClient AZ_AFFINITY clientAZ", () -> config(ProtocolVersion.RESP3).readFrom(ReadFrom.AZ_AFFINITY).clientAZ("az-1").build());
        createCase("createClient readOnly", () -> config(ProtocolVersion.RESP3).readOnly(true).build());
        createCase("createClient readOnly PREFER_REPLICA", () -> config(ProtocolVersion.RESP3).readOnly(true).readFrom(ReadFrom.PREFER_REPLICA).build());
        createCase("createClient readOnly AZ_AFFINITY", () -> config(ProtocolVersion.RESP3).readOnly(true).readFrom(ReadFrom.AZ_AFFINITY).build());
        createCase("createClient readOnly AZ_AFFINITY clientAZ", () -> config(ProtocolVersion.RESP3).readOnly(true).readFrom(ReadFrom.AZ_AFFINITY).clientAZ("az-1").build());
        createCase("createClient readOnly AZ_AFFINITY_REPLICAS_AND_PRIMARY clientAZ", () -> config(ProtocolVersion.RESP3).readOnly(true).readFrom(ReadFrom.AZ_AFFINITY_REPLICAS_AND_PRIMARY).clientAZ("az-1").build());
        GlideClient ro = null;
        try {
            ro = GlideClient.createClient(config(ProtocolVersion.RESP3).readOnly(true).build()).get(10, TimeUnit.SECONDS);
            out("readOnly client create", "ok");
        } catch (Throwable e) {
            failure("readOnly client create", e, false, null);
        }
        if (ro != null) {
            GlideClient rc = ro;
            call("readOnly: get", () -> rc.get("s1"));
            call("readOnly: mget", () -> rc.mget(new String[] {"s1", "s2"}));
            call("readOnly: set", () -> rc.set("ro-key", "x"));
            call("readOnly: del", () -> rc.del(new String[] {"ro-key"}));
            call("readOnly: incr", () -> rc.incr("ro-counter"));
            call("readOnly: customCommand SET", () -> rc.customCommand(new String[] {"SET", "ro-key", "x"}));
            call("readOnly: customCommand set (lower case)", () -> rc.customCommand(new String[] {"set", "ro-key", "x"}));
            call("readOnly: customCommand GET", () -> rc.customCommand(new String[] {"GET", "s1"}));
            call("readOnly: ping", () -> rc.ping());
            call("readOnly: info server has redis_version", () -> rc.info().thenApply(i -> i.contains("redis_version")));
            call("readOnly: dbsize", () -> rc.dbsize());
            call("readOnly: select 0", () -> rc.select(0));
            call("readOnly: eval return 1", () -> rc.customCommand(new String[] {"EVAL", "return 1", "0"}));
            call("readOnly: ro-key untouched", () -> rc.exists(new String[] {"ro-key"}));
            call("readOnly: close", () -> {
                rc.close();
                return "closed";
            });
        }

        // request timeout
        GlideClient t = null;
        try {
            t = GlideClient.createClient(config(ProtocolVersion.RESP3).requestTimeout(100).build()).get(10, TimeUnit.SECONDS);
            out("timeout client create", "ok");
        } catch (Throwable e) {
            failure("timeout client create", e, false, null);
        }
        if (t != null) {
            GlideClient tc = t;
            call("DEBUG SLEEP 0.5 with requestTimeout 100", () -> tc.customCommand(new String[] {"DEBUG", "SLEEP", "0.5"}));
            sleep(700);
            call("ping after timeout", () -> tc.ping());
            call("get after timeout", () -> tc.set("after-timeout", "v").thenCompose(x -> tc.get("after-timeout")));
            call("blpop 0.3s with requestTimeout 100", () -> tc.blpop(new String[] {"nolist-t"}, 0.3));
            call("close timeout client", () -> {
                tc.close();
                return "closed";
            });
        }

        // after close
        GlideClient c = null;
        try {
            c = GlideClient.createClient(config(ProtocolVersion.RESP3).build()).get(10, TimeUnit.SECONDS);
            out("close client create", "ok");
        } catch (Throwable e) {
            failure("close client create", e, false, null);
        }
        if (c != null) {
            GlideClient cc = c;
            call("getStatistics keys (open)", () -> statKeys(cc.getStatistics()));
            call("close()", () -> {
                cc.close();
                return "closed";
            });
            call("close() twice", () -> {
                cc.close();
                return "closed";
            });
            call("get after close", () -> cc.get("s1"));
            call("set after close", () -> cc.set("s1", "x"));
            call("ping after close", () -> cc.ping());
            call("customCommand after close", () -> cc.customCommand(new String[] {"PING"}));
            call("mget gs after close", () -> cc.mget(new GlideString[] {gs("a")}));
            call("getStatistics keys (closed)", () -> statKeys(cc.getStatistics()));
        }
        // pending request failing at close
        GlideClient p = null;
        try {
            p = GlideClient.createClient(config(ProtocolVersion.RESP3).build()).get(10, TimeUnit.SECONDS);
        } catch (Throwable e) {
            failure("pending client create", e, false, null);
        }
        if (p != null) {
            GlideClient pc = p;
            call("blpop pending then close", () -> {
                java.util.concurrent.CompletableFuture<String[]> f = pc.blpop(new String[] {"nolist-p"}, 2.0);
                sleep(200);
                long t0 = System.nanoTime();
                pc.close();
                System.err.println(prefix + "blpop pending then close :: close() took "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms, future done after close: " + f.isDone());
                return f;
            });
        }
    }

    // ---------------------------------------------------------------- helpers

    interface ConfigMaker {
        GlideClientConfiguration make() throws Throwable;
    }

    static void createCase(String label, ConfigMaker m) {
        GlideClientConfiguration cfg;
        try {
            cfg = m.make();
        } catch (Throwable t) {
            out(label, "config-build threw " + describe(t, null));
            msg(label, t);
            return;
        }
        java.util.concurrent.CompletableFuture<GlideClient> f;
        try {
            f = GlideClient.createClient(cfg);
        } catch (Throwable t) {
            out(label, "createClient threw synchronously " + describe(t, null));
            msg(label, t);
            return;
        }
        try {
            GlideClient c = f.get(10, TimeUnit.SECONDS);
            out(label, "connected");
            try {
                c.close();
            } catch (Throwable ignored) {
            }
        } catch (Throwable t) {
            out(label, "future failed " + describe(unwrap(t), null));
            msg(label, t);
        }
    }

    static void call(String label, Call body) {
        call(label, body, null);
    }

    static void call(String label, Call body, String code) {
        Object r;
        try {
            r = body.run();
        } catch (Throwable t) {
            failure(label, t, true, code);
            return;
        }
        try {
            if (r instanceof Future) {
                r = ((Future<?>) r).get(10, TimeUnit.SECONDS);
            }
        } catch (Throwable t) {
            failure(label, t, false, code);
            return;
        }
        out(label, render(r));
    }

    static void failure(String label, Throwable t, boolean sync, String code) {
        Throwable u = unwrap(t);
        out(label, (sync ? "THREW " : "FAILED ") + describe(u, code));
        msg(label, t);
    }

    static String describe(Throwable u, String code) {
        String name = u.getClass().getSimpleName();
        if (u instanceof java.util.concurrent.TimeoutException) {
            name = "j.u.c.TimeoutException(get timed out)";
        }
        String s = name;
        if (code != null) {
            String m = String.valueOf(u.getMessage());
            s += " has-code(" + code + ")=" + m.contains(code);
        }
        return s;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static void out(String label, String value) {
        System.out.println(prefix + label + " -> " + value);
        System.out.flush();
    }

    static void msg(String label, Throwable t) {
        Throwable u = unwrap(t);
        System.err.println(prefix + label + " :: " + u.getClass().getName() + ": " + u.getMessage()
                + (u.getCause() != null ? " [cause " + u.getCause().getClass().getName() + ": " + u.getCause().getMessage() + "]" : ""));
    }

    static String render(Object o) {
        if (o == null) return "null";
        if (o instanceof Rendered) return ((Rendered) o).text;
        if (o instanceof String) return "String(" + quote((String) o) + ")";
        if (o instanceof GlideString) return "GlideString(" + bytes(((GlideString) o).getBytes()) + ")";
        if (o instanceof byte[]) return "byte[](" + bytes((byte[]) o) + ")";
        if (o instanceof Long || o instanceof Integer || o instanceof Double || o instanceof Boolean
                || o instanceof Float || o instanceof Short) {
            return o.getClass().getSimpleName() + "(" + o + ")";
        }
        if (o instanceof Object[]) {
            Object[] a = (Object[]) o;
            StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append("{");
            for (int i = 0; i < a.length; i++) {
                if (i > 0) sb.append(", ");
                sb.append(render(a[i]));
            }
            return sb.append("}").toString();
        }
        if (o instanceof Map) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                entries.add(render(e.getKey()) + "=" + render(e.getValue()));
            }
            entries.sort(null);
            return "Map{" + String.join(", ", entries) + "}";
        }
        if (o instanceof Set) {
            List<String> entries = new ArrayList<>();
            for (Object e : (Set<?>) o) entries.add(render(e));
            entries.sort(null);
            return "Set{" + String.join(", ", entries) + "}";
        }
        if (o instanceof Collection) {
            List<String> entries = new ArrayList<>();
            for (Object e : (Collection<?>) o) entries.add(render(e));
            return o.getClass().getSimpleName() + "[" + String.join(", ", entries) + "]";
        }
        return o.getClass().getName() + "(" + quote(String.valueOf(o)) + ")";
    }

    static String bytes(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
            return quote(s);
        } catch (CharacterCodingException e) {
            StringBuilder sb = new StringBuilder("hex:");
            for (byte x : b) sb.append(String.format("%02x", x & 0xff));
            return sb.toString();
        }
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') sb.append('\\').append(ch);
            else if (ch < 0x20 || ch > 0x7e) sb.append(String.format("\\u%04x", (int) ch));
            else sb.append(ch);
        }
        return sb.append('"').toString();
    }

    /** Set replies arrive as arrays under RESP2, in server hash order: render those sorted. */
    static Object sortedArray(Object o) {
        if (!(o instanceof Object[])) return o;
        List<String> entries = new ArrayList<>();
        for (Object e : (Object[]) o) entries.add(render(e));
        entries.sort(null);
        return new Rendered(o.getClass().getSimpleName() + "(sorted){" + String.join(", ", entries) + "}");
    }

    static final class Rendered {
        final String text;

        Rendered(String text) {
            this.text = text;
        }
    }

    static String helloShape(Object o) {
        if (o == null) return "null";
        boolean hasProto = false;
        if (o instanceof Map) {
            for (Object k : ((Map<?, ?>) o).keySet()) hasProto |= "proto".equals(String.valueOf(k));
        } else if (o instanceof Object[]) {
            for (Object k : (Object[]) o) hasProto |= "proto".equals(String.valueOf(k));
        }
        String kind = o instanceof Map ? "Map" : o.getClass().getSimpleName();
        return kind + " hasProto=" + hasProto;
    }

    static String statKeys(Map<String, String> m) {
        if (m == null) return "null";
        return "total_connections=" + m.containsKey("total_connections")
                + " total_clients=" + m.containsKey("total_clients");
    }

    static Object orderCheck(GlideClient c, boolean alternate) throws Exception {
        int bad = 0;
        for (int round = 0; round < 20; round++) {
            List<java.util.concurrent.CompletableFuture<String>> fs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String v = round + ":" + i;
                fs.add(alternate && i % 2 == 1 ? c.set(gs("ord"), gs(v)) : c.set("ord", v));
            }
            for (java.util.concurrent.CompletableFuture<String> f : fs) f.get(10, TimeUnit.SECONDS);
            if (!(round + ":9").equals(c.get("ord").get(10, TimeUnit.SECONDS))) bad++;
        }
        // Timing-dependent: the count goes to stderr only, stdout just records that it ran.
        System.err.println(prefix + "order check (alternate=" + alternate + ") :: rounds out of order: " + bad + "/20");
        return "ran (count on stderr)";
    }

    static Object ttlIn(GlideClient c, String key, long max) throws Exception {
        Object t = c.customCommand(new String[] {"TTL", key}).get(10, TimeUnit.SECONDS);
        long v = ((Number) t).longValue();
        return "ttl>0&&<=" + max + ": " + (v > 0 && v <= max);
    }

    static Object pttlIn(GlideClient c, String key, long max) throws Exception {
        Object t = c.customCommand(new String[] {"PTTL", key}).get(10, TimeUnit.SECONDS);
        long v = ((Number) t).longValue();
        return "pttl>0&&<=" + max + ": " + (v > 0 && v <= max);
    }

    static int closedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (Exception e) {
            return 1;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ignored) {
        }
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> mapOf(Object... kv) {
        Map<K, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((K) kv[i], (V) kv[i + 1]);
        return m;
    }
}
