import static glide.api.models.GlideString.gs;

import glide.api.GlideClusterClient;
import glide.api.models.ClusterValue;
import glide.api.models.GlideString;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.SetOptions;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ReadFrom;
import glide.api.models.configuration.RequestRoutingConfiguration.ByAddressRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotIdRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Cluster behavioural compatibility check. Compiled once against glide-jni (together with
 * CompatCheck.java, whose renderer it reuses), run against glide-jni and against valkey-glide 2.3.1
 * on the same Redis Cluster; run-cluster.sh diffs the two outputs (stdout).
 *
 * <p>Every line is "[PROTOCOL section] label -> rendering" and must not depend on timing or on the
 * cluster's ports: a ClusterValue is rendered "single:<value>" or "multi:{N nodes (aP+bR):
 * values sorted}", where P/R say whether the reply's node address is one of the primaries or
 * replicas given on the command line (anything else is shown with digits masked). INFO bodies are
 * reduced to their section names, TIME/CLIENT ID/LASTSAVE to their shape. Exception messages go
 * to stderr only.
 *
 * <p>Arguments: host seedPort primaryPorts(comma-separated) replicaPorts(comma-separated).
 */
public class ClusterCompatCheck {

    interface Call {
        Object run() throws Throwable;
    }

    /** Optional sections: separate classes with {@code public static void run(GlideClusterClient)}. */
    static final String[][] OPTIONAL = {
        {"unlink-touch", "ClusterUnlinkTouchSection"},
        {"scan", "ClusterScanSection"},
        {"cluster-batch", "ClusterBatchSection"},
        {"clusterdown", "ClusterDownSection"},
    };

    static String host;
    static int seedPort;
    static List<String> primaries;
    static List<String> replicas;
    static String proto = "";
    static String prefix = "";

    public static void main(String[] args) throws Exception {
        host = args[0];
        seedPort = Integer.parseInt(args[1]);
        primaries = Arrays.asList(args[2].split(","));
        replicas = Arrays.asList(args[3].split(","));

        for (ProtocolVersion p : new ProtocolVersion[] {ProtocolVersion.RESP3, ProtocolVersion.RESP2}) {
            proto = p.toString();
            section("connect");
            GlideClusterClient c = null;
            try {
                c = GlideClusterClient.createClient(config(p).build()).get(20, TimeUnit.SECONDS);
                out("createClient", "ok");
            } catch (Throwable t) {
                failure("createClient", t, false, null);
            }
            if (c != null) {
                try {
                    script(c);
                } catch (Throwable t) {
                    failure("script aborted", t, true, null);
                }
                for (String[] opt : OPTIONAL) {
                    optional(c, opt[0], opt[1]);
                }
                section("connect");
                final GlideClusterClient cc = c;
                call("close", () -> {
                    cc.close();
                    return "closed";
                });
            }
        }
        prefix = "[failures] ";
        failures();
        proto = ProtocolVersion.RESP3.toString();
        readStrategies();
        System.out.flush();
        System.exit(0);
    }

    static GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> config(ProtocolVersion p) {
        return GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(seedPort).build())
                .protocol(p)
                .requestTimeout(2000);
    }

    static void section(String name) {
        prefix = "[" + proto + " " + name + "] ";
    }

    // ---------------------------------------------------------------- the script

    static final byte[] BIN_KEY = {(byte) 0xff, (byte) 0xfe, 0x00, 'k'};
    static final byte[] BIN_VAL = {(byte) 0xc3, 0x28, (byte) 0x80, 0x00, 'v'};

    /** String keys k:0..k:39 (spread over all three primaries), values v0..v39. */
    static final int NKEYS = 40;

    static final Route RANDOM = SimpleSingleNodeRoute.RANDOM;
    static final Route ALL_NODES = SimpleMultiNodeRoute.ALL_NODES;
    static final Route ALL_PRIMARIES = SimpleMultiNodeRoute.ALL_PRIMARIES;

    static void script(GlideClusterClient c) throws Exception {
        section("setup");
        call("FLUSHALL all primaries", () -> c.customCommand(new String[] {"FLUSHALL"}, ALL_PRIMARIES));
        call("dbsize after FLUSHALL", () -> c.dbsize());

        // --- strings over many slots
        section("strings");
        for (int i = 0; i < NKEYS; i++) {
            int n = i;
            call("set k:" + n, () -> c.set("k:" + n, "v" + n));
        }
        call("slots of k:0..k:39 (distinct count)", () -> distinctSlots(c));
        for (int i = 0; i < NKEYS; i += 3) {
            int n = i;
            call("get k:" + n, () -> c.get("k:" + n));
        }
        call("get missing", () -> c.get("missing"));
        call("set GET existing", () -> c.set("k:1", "v1b", SetOptions.builder().returnOldValue(true).build()));
        call("set NX existing", () -> c.set("k:2", "x", SetOptions.builder().conditionalSetOnlyIfNotExist().build()));
        call("set XX missing", () -> c.set("xx-missing", "x", SetOptions.builder().conditionalSetOnlyIfExists().build()));
        call("get k:1 after GET", () -> c.get("k:1"));
        call("incr new", () -> c.incr("counter"));
        call("incr", () -> c.incr("counter"));
        call("incr gs", () -> c.incr(gs("counter2")));
        call("incrBy", () -> c.incrBy("counter", 10));
        call("incrBy gs negative", () -> c.incrBy(gs("counter2"), -5));
        call("incr non-integer", () -> c.incr("k:0"), "ERR");
        call("set empty key", () -> c.set("", "empty-key"));
        call("get empty key", () -> c.get(""));
        call("set hash-tag {user1}:a", () -> c.set("{user1}:a", "A"));
        call("set hash-tag {user1}:b", () -> c.set("{user1}:b", "B"));
        call("same slot for {user1}:a/{user1}:b", () -> slotOf(c, "{user1}:a") == slotOf(c, "{user1}:b"));
        call("get {user1}:b", () -> c.get("{user1}:b"));

        // --- multi-key commands over many slots: order and counts must be preserved
        section("multikey");
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) m.put("m:" + i, "mv" + i);
        call("mset m:0..m:19", () -> c.mset(m));
        call("mget order with missing + duplicate", () -> c.mget(new String[] {"m:7", "nope", "m:0", "m:19", "k:3", "nope2", "m:7", "m:12"}));
        call("mget all missing", () -> c.mget(new String[] {"n1", "n2", "n3"}));
        call("mget hash-tag keys", () -> c.mget(new String[] {"{user1}:b", "{user1}:a", "{user1}:zz"}));
        call("mget gs", () -> c.mget(new GlideString[] {gs("m:3"), gs("nope"), gs("m:4"), gs("k:5")}));
        call("msetBinary over slots", () -> c.msetBinary(CompatCheck.mapOf(gs("b:1"), gs("x1"), gs(BIN_KEY), gs(BIN_VAL), gs("b:2"), gs("x2"))));
        call("mget gs binary", () -> c.mget(new GlideString[] {gs(BIN_KEY), gs("b:2"), gs("nope"), gs("b:1")}));
        call("exists with duplicate", () -> c.exists(new String[] {"m:0", "nope", "m:1", "m:0", "k:9", "m:15"}));
        call("exists gs", () -> c.exists(new GlideString[] {gs("m:2"), gs(BIN_KEY), gs("nope")}));
        call("del over slots", () -> c.del(new String[] {"m:0", "nope", "m:1", "m:2", "m:10"}));
        call("del gs over slots", () -> c.del(new GlideString[] {gs("m:3"), gs("m:11"), gs("nope")}));
        call("exists after del", () -> c.exists(new String[] {"m:0", "m:1", "m:2", "m:3", "m:4", "m:10", "m:11"}));
        call("mget after del", () -> c.mget(new String[] {"m:0", "m:4", "m:10", "m:5"}));
        call("custom MSET over slots", () -> c.customCommand(new String[] {"MSET", "c:1", "1", "c:2", "2", "c:3", "3", "c:4", "4"}));
        call("custom MGET over slots", () -> c.customCommand(new String[] {"MGET", "c:4", "nope", "c:1", "c:3", "c:2"}));
        call("custom EXISTS over slots", () -> c.customCommand(new String[] {"EXISTS", "c:1", "c:2", "nope", "c:1"}));
        call("custom TOUCH over slots", () -> c.customCommand(new String[] {"TOUCH", "c:1", "c:2", "nope", "c:3"}));
        call("custom UNLINK over slots", () -> c.customCommand(new String[] {"UNLINK", "c:1", "nope", "c:2"}));
        call("custom DEL over slots", () -> c.customCommand(new String[] {"DEL", "c:3", "c:4", "nope"}));
        call("custom MGET after deletes", () -> c.customCommand(new String[] {"MGET", "c:1", "c:2", "c:3", "c:4"}));
        call("custom gs MGET over slots", () -> c.customCommand(new GlideString[] {gs("MGET"), gs("k:1"), gs(BIN_KEY), gs("k:2")}));
        call("custom SADD {user1}:s1", () -> c.customCommand(new String[] {"SADD", "{user1}:s1", "a", "b"}));
        call("custom SADD {user1}:s2", () -> c.customCommand(new String[] {"SADD", "{user1}:s2", "b", "c"}));
        call("custom SUNIONSTORE same slot", () -> c.customCommand(new String[] {"SUNIONSTORE", "{user1}:s3", "{user1}:s1", "{user1}:s2"}));
        call("custom SMEMBERS {user1}:s3", () -> c.customCommand(new String[] {"SMEMBERS", "{user1}:s3"}), CompatCheck::sortedArray);

        // --- hashes and lists
        section("hash");
        for (int i = 0; i < 5; i++) {
            int n = i;
            call("hset h:" + n, () -> c.hset("h:" + n, CompatCheck.mapOf("f1", "a" + n, "f2", "b" + n)));
        }
        call("hget h:3 f2", () -> c.hget("h:3", "f2"));
        call("hget missing field", () -> c.hget("h:3", "nope"));
        call("hgetall h:4", () -> c.hgetall("h:4"));
        call("hgetall missing", () -> c.hgetall("nohash"));
        call("hset gs", () -> c.hset(gs("gh"), CompatCheck.mapOf(gs("x"), gs(BIN_VAL), gs("y"), gs("2"))));
        call("hgetall gs", () -> c.hgetall(gs("gh")));
        call("hget gs", () -> c.hget(gs("gh"), gs("x")));
        call("hgetall wrongtype", () -> c.hgetall("k:0"), "WRONGTYPE");

        section("list");
        call("lpush l:1", () -> c.lpush("l:1", new String[] {"a", "b", "c"}));
        call("lpush gs l:2", () -> c.lpush(gs("l:2"), new GlideString[] {gs("x"), gs(BIN_VAL)}));
        call("lrange l:1", () -> c.lrange("l:1", 0, -1));
        call("lrange gs l:2", () -> c.lrange(gs("l:2"), 0, -1));
        call("lrange missing", () -> c.lrange("nolist", 0, -1));
        call("lpush wrongtype", () -> c.lpush("k:0", new String[] {"x"}), "WRONGTYPE");
        call("lpush {user1}:l", () -> c.lpush("{user1}:l", new String[] {"t"}));
        call("blpop hash-tag hit", () -> c.blpop(new String[] {"{user1}:none", "{user1}:l"}, 0.5));
        call("blpop miss 0.1s", () -> c.blpop(new String[] {"nolist"}, 0.1));
        call("blpop gs hit", () -> c.blpop(new GlideString[] {gs("l:1")}, 0.5));
        call("blpop keys in two slots", () -> c.blpop(new String[] {"l:1", "l:2"}, 0.1), "CROSSSLOT");

        // --- binary keys and values (not UTF-8)
        section("binary");
        call("set gs binary key", () -> c.set(gs(BIN_KEY).concat(gs(":2")), gs(BIN_VAL)));
        call("get gs binary key", () -> c.get(gs(BIN_KEY).concat(gs(":2"))));
        call("set gs b:bin binary value", () -> c.set(gs("b:bin"), gs(BIN_VAL)));
        call("get String of binary value", () -> c.get("b:bin"));
        call("mget String with binary value", () -> c.mget(new String[] {"k:1", "b:bin"}));
        call("exists gs binary keys", () -> c.exists(new GlideString[] {gs(BIN_KEY), gs(BIN_KEY).concat(gs(":2")), gs("b:bin")}));
        call("del gs binary key", () -> c.del(new GlideString[] {gs(BIN_KEY).concat(gs(":2"))}));

        syncReplicas(c);

        // --- customCommand: default routing
        section("custom");
        call("GET k:5", () -> c.customCommand(new String[] {"GET", "k:5"}));
        call("SET k:6", () -> c.customCommand(new String[] {"SET", "k:6", "v6b"}));
        call("GET k:6", () -> c.customCommand(new String[] {"GET", "k:6"}));
        call("GET missing", () -> c.customCommand(new String[] {"GET", "nope"}));
        call("INCR counter", () -> c.customCommand(new String[] {"INCR", "counter"}));
        call("HGETALL h:1", () -> c.customCommand(new String[] {"HGETALL", "h:1"}));
        call("PING", () -> c.customCommand(new String[] {"PING"}));
        call("PING msg", () -> c.customCommand(new String[] {"PING", "yo"}));
        call("ECHO", () -> c.customCommand(new String[] {"ECHO", "hey"}));
        call("DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}));
        call("KEYS k:1*", () -> c.customCommand(new String[] {"KEYS", "k:1*"}), ClusterCompatCheck::sorted);
        call("INFO (sections)", () -> c.customCommand(new String[] {"INFO"}), ClusterCompatCheck::infoSections);
        call("INFO server (sections)", () -> c.customCommand(new String[] {"INFO", "server"}), ClusterCompatCheck::infoSections);
        call("CONFIG GET cluster-node-timeout", () -> c.customCommand(new String[] {"CONFIG", "GET", "cluster-node-timeout"}));
        call("CONFIG SET maxmemory-policy noeviction", () -> c.customCommand(new String[] {"CONFIG", "SET", "maxmemory-policy", "noeviction"}));
        call("CLUSTER KEYSLOT k:7", () -> c.customCommand(new String[] {"CLUSTER", "KEYSLOT", "k:7"}));
        call("CLUSTER SLOTS (ranges)", () -> c.customCommand(new String[] {"CLUSTER", "SLOTS"}), ClusterCompatCheck::slotRanges);
        call("CLUSTER INFO state", () -> c.customCommand(new String[] {"CLUSTER", "INFO"}), o -> String.valueOf(o).contains("cluster_state:ok"));
        call("TIME (shape)", () -> c.customCommand(new String[] {"TIME"}), ClusterCompatCheck::timeShape);
        call("CLIENT ID (shape)", () -> c.customCommand(new String[] {"CLIENT", "ID"}), ClusterCompatCheck::positive);
        call("LASTSAVE (shape)", () -> c.customCommand(new String[] {"LASTSAVE"}), ClusterCompatCheck::positive);
        call("ROLE (master or slave)", () -> c.customCommand(new String[] {"ROLE"}), ClusterCompatCheck::anyRole);
        call("RANDOMKEY (is a key)", () -> c.customCommand(new String[] {"RANDOMKEY"}), o -> o != null);
        call("EVAL one key", () -> c.customCommand(new String[] {"EVAL", "return redis.call('GET', KEYS[1])", "1", "k:8"}));
        call("EVAL no key", () -> c.customCommand(new String[] {"EVAL", "return 7", "0"}));
        call("DEBUG PROTOCOL map", () -> c.customCommand(new String[] {"DEBUG", "PROTOCOL", "map"}));
        call("DEBUG PROTOCOL double", () -> c.customCommand(new String[] {"DEBUG", "PROTOCOL", "double"}));
        call("gs GET k:5", () -> c.customCommand(new GlideString[] {gs("GET"), gs("k:5")}));
        call("gs GET binary", () -> c.customCommand(new GlideString[] {gs("GET"), gs(BIN_KEY)}));
        call("gs ECHO binary", () -> c.customCommand(new GlideString[] {gs("ECHO"), gs(BIN_VAL)}));
        call("String GET binary value", () -> c.customCommand(new String[] {"GET", "b:bin"}));

        // --- keyless commands whose default route / reply combination is the client's choice
        section("policies");
        call("CONFIG RESETSTAT", () -> c.customCommand(new String[] {"CONFIG", "RESETSTAT"}));
        // Which nodes a default-routed reset reaches: ECHO once on every node, reset, then look for
        // the ECHO counter in each node's INFO commandstats (gone where the reset arrived).
        call("ECHO ALL_NODES (before reset)", () -> c.echo("mark", ALL_NODES));
        call("configResetStat()", () -> c.configResetStat());
        call("nodes still counting ECHO after configResetStat()", () -> c.info(new Section[] {Section.COMMANDSTATS}, ALL_NODES), ClusterCompatCheck::echoCounted);
        call("ECHO ALL_NODES (before custom reset)", () -> c.echo("mark", ALL_NODES));
        call("CONFIG RESETSTAT (again)", () -> c.customCommand(new String[] {"CONFIG", "RESETSTAT"}));
        call("nodes still counting ECHO after CONFIG RESETSTAT", () -> c.info(new Section[] {Section.COMMANDSTATS}, ALL_NODES), ClusterCompatCheck::echoCounted);
        call("PUBSUB CHANNELS", () -> c.customCommand(new String[] {"PUBSUB", "CHANNELS"}));
        call("PUBSUB NUMSUB ch", () -> c.customCommand(new String[] {"PUBSUB", "NUMSUB", "ch"}));
        call("PUBSUB NUMPAT", () -> c.customCommand(new String[] {"PUBSUB", "NUMPAT"}));
        call("SCRIPT LOAD", () -> c.customCommand(new String[] {"SCRIPT", "LOAD", "return 1"}));
        call("SCRIPT EXISTS", () -> c.customCommand(new String[] {"SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "0000000000000000000000000000000000000000"}));
        call("SCRIPT FLUSH", () -> c.customCommand(new String[] {"SCRIPT", "FLUSH"}));
        call("SCRIPT EXISTS after flush", () -> c.customCommand(new String[] {"SCRIPT", "EXISTS", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db"}));
        call("WAIT 0 0", () -> c.customCommand(new String[] {"WAIT", "0", "0"}), o -> o instanceof Number ? new CompatCheck.Rendered(o.getClass().getSimpleName() + ">=0=" + (((Number) o).longValue() >= 0)) : o);
        call("SLOWLOG LEN (class)", () -> c.customCommand(new String[] {"SLOWLOG", "LEN"}), o -> o == null ? "null" : o.getClass().getSimpleName());
        call("SLOWLOG GET 1 (class)", () -> c.customCommand(new String[] {"SLOWLOG", "GET", "1"}), o -> o == null ? "null" : o.getClass().getSimpleName());
        call("SLOWLOG RESET", () -> c.customCommand(new String[] {"SLOWLOG", "RESET"}));
        call("UNWATCH", () -> c.customCommand(new String[] {"UNWATCH"}));
        call("LATENCY RESET", () -> c.customCommand(new String[] {"LATENCY", "RESET"}));
        call("MEMORY PURGE", () -> c.customCommand(new String[] {"MEMORY", "PURGE"}));
        call("CONFIG REWRITE (no config file)", () -> c.customCommand(new String[] {"CONFIG", "REWRITE"}), "ERR");
        call("configRewrite() (no config file)", () -> c.configRewrite(), "ERR");
        call("configRewrite(ALL_PRIMARIES) (no config file)", () -> c.configRewrite(ALL_PRIMARIES), "ERR");

        // --- customCommand with routes
        section("routes");
        syncReplicas(c);
        int slot5 = slotOf(c, "k:5");
        String primaryAddr = primaries.get(1);
        String replicaAddr = replicas.get(0);
        int primaryPort = Integer.parseInt(primaryAddr);
        int replicaPort = Integer.parseInt(replicaAddr);
        call("RANDOM PING", () -> c.customCommand(new String[] {"PING"}, RANDOM));
        call("RANDOM ECHO", () -> c.customCommand(new String[] {"ECHO", "r"}, RANDOM));
        call("RANDOM CONFIG GET cluster-node-timeout", () -> c.customCommand(new String[] {"CONFIG", "GET", "cluster-node-timeout"}, RANDOM));
        call("RANDOM CLUSTER KEYSLOT", () -> c.customCommand(new String[] {"CLUSTER", "KEYSLOT", "k:7"}, RANDOM));
        call("RANDOM INFO (sections)", () -> c.customCommand(new String[] {"INFO", "replication"}, RANDOM), ClusterCompatCheck::infoSections);
        call("ALL_NODES PING", () -> c.customCommand(new String[] {"PING"}, ALL_NODES));
        call("ALL_NODES ECHO", () -> c.customCommand(new String[] {"ECHO", "all"}, ALL_NODES));
        call("ALL_NODES DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}, ALL_NODES));
        call("ALL_NODES ROLE (first element)", () -> c.customCommand(new String[] {"ROLE"}, ALL_NODES), ClusterCompatCheck::first);
        call("ALL_NODES CONFIG GET cluster-enabled", () -> c.customCommand(new String[] {"CONFIG", "GET", "cluster-enabled"}, ALL_NODES));
        call("ALL_NODES CONFIG SET", () -> c.customCommand(new String[] {"CONFIG", "SET", "maxmemory-policy", "noeviction"}, ALL_NODES));
        call("ALL_NODES INFO (sections)", () -> c.customCommand(new String[] {"INFO"}, ALL_NODES), ClusterCompatCheck::infoSections);
        call("ALL_NODES CLIENT ID (shape)", () -> c.customCommand(new String[] {"CLIENT", "ID"}, ALL_NODES), ClusterCompatCheck::positive);
        call("ALL_NODES DEBUG PROTOCOL map", () -> c.customCommand(new String[] {"DEBUG", "PROTOCOL", "map"}, ALL_NODES));
        call("ALL_PRIMARIES DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}, ALL_PRIMARIES));
        call("ALL_PRIMARIES PING", () -> c.customCommand(new String[] {"PING"}, ALL_PRIMARIES));
        call("ALL_PRIMARIES ECHO", () -> c.customCommand(new String[] {"ECHO", "prim"}, ALL_PRIMARIES));
        call("ALL_PRIMARIES KEYS k:2*", () -> c.customCommand(new String[] {"KEYS", "k:2*"}, ALL_PRIMARIES), ClusterCompatCheck::sorted);
        call("ALL_PRIMARIES ROLE (first element)", () -> c.customCommand(new String[] {"ROLE"}, ALL_PRIMARIES), ClusterCompatCheck::first);
        call("ALL_PRIMARIES gs ECHO binary", () -> c.customCommand(new GlideString[] {gs("ECHO"), gs(BIN_VAL)}, ALL_PRIMARIES));
        call("SlotIdRoute(slot of k:5, PRIMARY) GET k:5", () -> c.customCommand(new String[] {"GET", "k:5"}, new SlotIdRoute(slot5, SlotType.PRIMARY)));
        call("SlotIdRoute(slot of k:5, PRIMARY) ROLE", () -> c.customCommand(new String[] {"ROLE"}, new SlotIdRoute(slot5, SlotType.PRIMARY)), ClusterCompatCheck::first);
        call("SlotIdRoute(slot of k:5, REPLICA) GET k:5", () -> c.customCommand(new String[] {"GET", "k:5"}, new SlotIdRoute(slot5, SlotType.REPLICA)));
        call("SlotIdRoute(slot of k:5, REPLICA) ROLE", () -> c.customCommand(new String[] {"ROLE"}, new SlotIdRoute(slot5, SlotType.REPLICA)), ClusterCompatCheck::first);
        call("SlotIdRoute(slot of k:5, REPLICA) SET", () -> c.customCommand(new String[] {"SET", "k:5", "w"}, new SlotIdRoute(slot5, SlotType.REPLICA)));
        call("SlotIdRoute(0, PRIMARY) DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}, new SlotIdRoute(0, SlotType.PRIMARY)));
        call("SlotIdRoute(16383, PRIMARY) DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}, new SlotIdRoute(16383, SlotType.PRIMARY)));
        call("SlotIdRoute(wrong slot, PRIMARY) GET k:5", () -> c.customCommand(new String[] {"GET", "k:5"}, new SlotIdRoute((slot5 + 8192) % 16384, SlotType.PRIMARY)));
        call("PING SlotIdRoute(16384)", () -> c.customCommand(new String[] {"PING"}, new SlotIdRoute(16384, SlotType.PRIMARY)));
        call("PING SlotIdRoute(-1)", () -> c.customCommand(new String[] {"PING"}, new SlotIdRoute(-1, SlotType.PRIMARY)));
        call("SlotKeyRoute(k:9, PRIMARY) GET k:9", () -> c.customCommand(new String[] {"GET", "k:9"}, new SlotKeyRoute("k:9", SlotType.PRIMARY)));
        call("SlotKeyRoute(k:9, PRIMARY) ROLE", () -> c.customCommand(new String[] {"ROLE"}, new SlotKeyRoute("k:9", SlotType.PRIMARY)), ClusterCompatCheck::first);
        call("SlotKeyRoute(k:9, REPLICA) GET k:9", () -> c.customCommand(new String[] {"GET", "k:9"}, new SlotKeyRoute("k:9", SlotType.REPLICA)));
        call("SlotKeyRoute({user1}:x, PRIMARY) MGET hash-tag", () -> c.customCommand(new String[] {"MGET", "{user1}:a", "{user1}:b"}, new SlotKeyRoute("{user1}:x", SlotType.PRIMARY)));
        call("SlotKeyRoute(k:9) GET k:10 (other slot)", () -> c.customCommand(new String[] {"GET", "k:10"}, new SlotKeyRoute("k:9", SlotType.PRIMARY)));
        call("SlotKeyRoute gs GET binary", () -> c.customCommand(new GlideString[] {gs("GET"), gs("b:1")}, new SlotKeyRoute("b:1", SlotType.PRIMARY)));
        call("ByAddressRoute(primary) ROLE", () -> c.customCommand(new String[] {"ROLE"}, new ByAddressRoute(host, primaryPort)), ClusterCompatCheck::first);
        call("ByAddressRoute(primary) DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}, new ByAddressRoute(host, primaryPort)));
        call("ByAddressRoute(primary) KEYS k:*", () -> c.customCommand(new String[] {"KEYS", "k:*"}, new ByAddressRoute(host, primaryPort)), ClusterCompatCheck::sorted);
        call("ByAddressRoute(\"host:port\") PING", () -> c.customCommand(new String[] {"PING"}, new ByAddressRoute(host + ":" + primaryPort)));
        call("ByAddressRoute(replica) ROLE", () -> c.customCommand(new String[] {"ROLE"}, new ByAddressRoute(host, replicaPort)), ClusterCompatCheck::first);
        call("ByAddressRoute(replica) DBSIZE", () -> c.customCommand(new String[] {"DBSIZE"}, new ByAddressRoute(host, replicaPort)));
        call("ByAddressRoute(replica) SET", () -> c.customCommand(new String[] {"SET", "k:1", "w"}, new ByAddressRoute(host, replicaPort)));
        call("ByAddressRoute(unknown port) PING", () -> c.customCommand(new String[] {"PING"}, new ByAddressRoute(host, 1)));
        call("PING ByAddressRoute(\"no-port\")", () -> c.customCommand(new String[] {"PING"}, new ByAddressRoute("no-port")));
        call("null route", () -> c.customCommand(new String[] {"PING"}, (Route) null));

        // --- typed server / connection management calls, with and without routes
        section("server");
        call("ping", () -> c.ping());
        call("ping msg", () -> c.ping("hello"));
        call("ping gs", () -> c.ping(gs(BIN_VAL)));
        call("ping ALL_NODES", () -> c.ping(ALL_NODES));
        call("ping msg ALL_PRIMARIES", () -> c.ping("p", ALL_PRIMARIES));
        call("ping gs RANDOM", () -> c.ping(gs("g"), RANDOM));
        call("ping SlotKeyRoute", () -> c.ping(new SlotKeyRoute("k:1", SlotType.REPLICA)));
        call("echo", () -> c.echo("hi"));
        call("echo gs", () -> c.echo(gs(BIN_VAL)));
        call("echo RANDOM", () -> c.echo("r", RANDOM));
        call("echo ALL_NODES", () -> c.echo("all", ALL_NODES));
        call("echo ALL_PRIMARIES", () -> c.echo("prim", ALL_PRIMARIES));
        call("echo gs ALL_PRIMARIES", () -> c.echo(gs(BIN_VAL), ALL_PRIMARIES));
        call("echo ByAddressRoute(primary)", () -> c.echo("addr", new ByAddressRoute(host, primaryPort)));
        call("info() (sections)", () -> c.info(), ClusterCompatCheck::infoSections);
        call("info(RANDOM) (sections)", () -> c.info(RANDOM), ClusterCompatCheck::infoSections);
        call("info(ALL_NODES) (sections)", () -> c.info(ALL_NODES), ClusterCompatCheck::infoSections);
        call("info(ALL_PRIMARIES) (sections)", () -> c.info(ALL_PRIMARIES), ClusterCompatCheck::infoSections);
        call("info([SERVER]) (sections)", () -> c.info(new Section[] {Section.SERVER}), ClusterCompatCheck::infoSections);
        call("info([SERVER,CLUSTER], SlotKeyRoute) (sections)", () -> c.info(new Section[] {Section.SERVER, Section.CLUSTER}, new SlotKeyRoute("k:1", SlotType.PRIMARY)), ClusterCompatCheck::infoSections);
        call("info([REPLICATION], ALL_NODES) (role lines)", () -> c.info(new Section[] {Section.REPLICATION}, ALL_NODES), ClusterCompatCheck::roleLine);
        call("info([EVERYTHING], ByAddressRoute) (sections)", () -> c.info(new Section[] {Section.EVERYTHING}, new ByAddressRoute(host, replicaPort)), ClusterCompatCheck::infoSections);
        call("dbsize()", () -> c.dbsize());
        call("dbsize(ALL_PRIMARIES)", () -> c.dbsize(ALL_PRIMARIES));
        call("dbsize(ALL_NODES)", () -> c.dbsize(ALL_NODES));
        call("dbsize(SlotKeyRoute k:1 PRIMARY)", () -> c.dbsize(new SlotKeyRoute("k:1", SlotType.PRIMARY)));
        call("dbsize(SlotIdRoute 0 REPLICA)", () -> c.dbsize(new SlotIdRoute(0, SlotType.REPLICA)));
        call("dbsize(ByAddressRoute primary)", () -> c.dbsize(new ByAddressRoute(host, primaryPort)));
        call("time() (shape)", () -> c.time(), ClusterCompatCheck::timeShape);
        call("time(ALL_NODES) (shape)", () -> c.time(ALL_NODES), ClusterCompatCheck::timeShape);
        call("time(RANDOM) (shape)", () -> c.time(RANDOM), ClusterCompatCheck::timeShape);
        call("clientId() (shape)", () -> c.clientId(), ClusterCompatCheck::positive);
        call("clientId(ALL_NODES) (shape)", () -> c.clientId(ALL_NODES), ClusterCompatCheck::positive);
        call("clientId(RANDOM) (shape)", () -> c.clientId(RANDOM), ClusterCompatCheck::positive);
        call("clientGetName()", () -> c.clientGetName());
        call("clientGetName(ALL_PRIMARIES)", () -> c.clientGetName(ALL_PRIMARIES));
        call("clientGetName(SlotKeyRoute)", () -> c.clientGetName(new SlotKeyRoute("k:1", SlotType.PRIMARY)));
        call("configGet(cluster-node-timeout)", () -> c.configGet(new String[] {"cluster-node-timeout"}));
        call("configGet(maxmemory, cluster-enabled)", () -> c.configGet(new String[] {"maxmemory", "cluster-enabled"}));
        call("configGet(nomatch*)", () -> c.configGet(new String[] {"no-such-param*"}));
        call("configGet ALL_NODES", () -> c.configGet(new String[] {"cluster-node-timeout"}, ALL_NODES));
        call("configGet RANDOM", () -> c.configGet(new String[] {"appendonly"}, RANDOM));
        call("configGet ByAddressRoute(replica)", () -> c.configGet(new String[] {"save"}, new ByAddressRoute(host, replicaPort)));
        call("configSet", () -> c.configSet(CompatCheck.mapOf("maxmemory-policy", "noeviction")));
        call("configSet ALL_NODES", () -> c.configSet(CompatCheck.mapOf("maxmemory-policy", "noeviction"), ALL_NODES));
        call("configSet SlotKeyRoute", () -> c.configSet(CompatCheck.mapOf("maxmemory-policy", "noeviction"), new SlotKeyRoute("k:1", SlotType.PRIMARY)));
        call("configSet bad parameter", () -> c.configSet(CompatCheck.mapOf("no-such-param", "1")), "ERR");
        call("configResetStat", () -> c.configResetStat());
        call("configResetStat ALL_NODES", () -> c.configResetStat(ALL_NODES));
        call("configResetStat ByAddressRoute(replica)", () -> c.configResetStat(new ByAddressRoute(host, replicaPort)));
        call("lastsave() (shape)", () -> c.lastsave(), ClusterCompatCheck::positive);
        call("lastsave(ALL_NODES) (shape)", () -> c.lastsave(ALL_NODES), ClusterCompatCheck::positive);
        call("lastsave(RANDOM) (shape)", () -> c.lastsave(RANDOM), ClusterCompatCheck::positive);
        call("randomKey() (is a key)", () -> c.randomKey(), o -> o != null);
        call("randomKey(SlotKeyRoute k:1) (slot's node has it)", () -> c.randomKey(new SlotKeyRoute("k:1", SlotType.PRIMARY)), o -> o != null);
        call("randomKeyBinary() (class)", () -> c.randomKeyBinary(), o -> o == null ? "null" : o.getClass().getSimpleName());
        call("randomKeyBinary(ALL_PRIMARIES) (class)", () -> c.randomKeyBinary(ALL_PRIMARIES), o -> o == null ? "null" : o.getClass().getSimpleName());

        // --- errors
        section("errors");
        call("custom SUNIONSTORE keys in three slots", () -> c.customCommand(new String[] {"SUNIONSTORE", "a", "b", "c"}), "CROSSSLOT");
        call("custom RENAME across slots", () -> c.customCommand(new String[] {"RENAME", "k:1", "k:2"}), "CROSSSLOT");
        call("custom EVAL keys in two slots", () -> c.customCommand(new String[] {"EVAL", "return 1", "2", "k:1", "k:2"}), "CROSSSLOT");
        call("custom wrong arity GET", () -> c.customCommand(new String[] {"GET"}), "ERR");
        call("custom wrong arity SET", () -> c.customCommand(new String[] {"SET", "k:1"}), "ERR");
        call("custom nonexistent command", () -> c.customCommand(new String[] {"NOSUCHCOMMAND", "x"}), "ERR");
        call("custom empty args", () -> c.customCommand(new String[0]));
        call("custom wrongtype", () -> c.customCommand(new String[] {"LPUSH", "k:1", "x"}), "WRONGTYPE");
        call("custom MGET wrongtype key among slots", () -> c.customCommand(new String[] {"MGET", "k:1", "l:1", "k:2"}));
        call("mget wrongtype key among slots", () -> c.mget(new String[] {"k:1", "l:1", "h:1", "k:2"}));
        call("custom MSET odd arity", () -> c.customCommand(new String[] {"MSET", "k:1", "a", "k:2"}), "wrong number of arguments");
        call("custom MSETNX keys in two slots, one exists", () -> c.customCommand(new String[] {"MSETNX", "nx:1", "x", "k:2", "y"}), "CROSSSLOT");
        call("exists nx:1 after that MSETNX", () -> c.exists(new String[] {"nx:1"}));
        call("custom MSETNX same slot, one exists", () -> c.customCommand(new String[] {"MSETNX", "{user1}:nx", "x", "{user1}:a", "y"}));
        call("exists {user1}:nx after that MSETNX", () -> c.exists(new String[] {"{user1}:nx"}));
        call("custom DEL no keys", () -> c.customCommand(new String[] {"DEL"}), "ERR");
        call("incr wrongtype", () -> c.incr("l:1"), "WRONGTYPE");
        call("get wrongtype", () -> c.get("h:1"), "WRONGTYPE");
        call("custom READWRITE", () -> c.customCommand(new String[] {"READWRITE"}));

        // --- client names (changes this client's connections: after everything that reads them)
        section("names");
        call("CLIENT SETNAME compat (no route)", () -> c.customCommand(new String[] {"CLIENT", "SETNAME", "compat"}));
        call("clientGetName(ALL_NODES) after SETNAME", () -> c.clientGetName(ALL_NODES));
        call("CLIENT SETNAME compat2 ALL_NODES", () -> c.customCommand(new String[] {"CLIENT", "SETNAME", "compat2"}, ALL_NODES));
        call("clientGetName(ALL_NODES) after SETNAME ALL_NODES", () -> c.clientGetName(ALL_NODES));
        call("clientGetName()", () -> c.clientGetName());

        // --- flush variants (last: they empty the cluster)
        section("flush");
        call("flushdb()", () -> c.flushdb());
        call("dbsize after flushdb()", () -> c.dbsize());
        call("restore keys", () -> restore(c));
        call("flushdb(ASYNC)", () -> c.flushdb(FlushMode.ASYNC));
        call("dbsize after flushdb(ASYNC)", () -> c.dbsize());
        call("restore keys", () -> restore(c));
        call("flushall(SYNC)", () -> c.flushall(FlushMode.SYNC));
        call("dbsize after flushall(SYNC)", () -> c.dbsize());
        call("randomKey() empty", () -> c.randomKey());
        call("randomKeyBinary() empty", () -> c.randomKeyBinary());
        call("restore keys", () -> restore(c));
        call("flushall(SlotKeyRoute k:1)", () -> c.flushall(new SlotKeyRoute("k:1", SlotType.PRIMARY)));
        call("dbsize after flushing k:1's primary", () -> c.dbsize());
        call("exists k:0..k:39 after flushing k:1's primary", () -> c.exists(keys()));
        call("flushdb(SYNC, ALL_PRIMARIES)", () -> c.flushdb(FlushMode.SYNC, ALL_PRIMARIES));
        call("dbsize after flushdb(SYNC, ALL_PRIMARIES)", () -> c.dbsize());
        call("restore keys", () -> restore(c));
        call("flushall(ALL_PRIMARIES)", () -> c.flushall(ALL_PRIMARIES));
        call("flushall(ByAddressRoute replica)", () -> c.flushall(new ByAddressRoute(host, replicaPort)), "READONLY");
        call("flushdb(ASYNC, ByAddressRoute replica)", () -> c.flushdb(FlushMode.ASYNC, new ByAddressRoute(host, replicaPort)), "READONLY");
        call("flushall(ASYNC, ALL_NODES)", () -> c.flushall(FlushMode.ASYNC, ALL_NODES), "READONLY");
        call("dbsize at end", () -> c.dbsize());

        // keys for the optional sections (scan)
        section("setup");
        call("restore keys for optional sections", () -> restore(c));
    }

    static void optional(GlideClusterClient c, String name, String className) {
        section(name);
        Class<?> k;
        try {
            k = Class.forName(className);
        } catch (ClassNotFoundException e) {
            out("section", "not available (" + className + " does not compile against this client's jar)");
            return;
        }
        out("section", "available");
        try {
            k.getMethod("run", GlideClusterClient.class).invoke(null, c);
        } catch (InvocationTargetException e) {
            failure("section aborted", e.getCause(), true, null);
        } catch (ReflectiveOperationException e) {
            failure("section not runnable", e, true, null);
        }
        section(name);
    }

    static void failures() {
        GlideClusterClient c = null;
        try {
            c = GlideClusterClient.createClient(config(ProtocolVersion.RESP3).build()).get(20, TimeUnit.SECONDS);
            out("close client create", "ok");
        } catch (Throwable e) {
            failure("close client create", e, false, null);
        }
        if (c != null) {
            GlideClusterClient cc = c;
            call("close()", () -> {
                cc.close();
                return "closed";
            });
            call("close() twice", () -> {
                cc.close();
                return "closed";
            });
            call("get after close", () -> cc.get("k:1"));
            call("mget over slots after close", () -> cc.mget(new String[] {"k:1", "k:2", "k:3"}));
            call("customCommand after close", () -> cc.customCommand(new String[] {"PING"}));
            call("customCommand ALL_NODES after close", () -> cc.customCommand(new String[] {"PING"}, ALL_NODES));
            call("info after close", () -> cc.info());
            call("dbsize after close", () -> cc.dbsize());
            call("ping(route) after close", () -> cc.ping(RANDOM));
        }

        // seed given as a replica: the client still finds the whole cluster
        try {
            GlideClusterClient r = GlideClusterClient.createClient(
                    GlideClusterClientConfiguration.builder()
                            .address(NodeAddress.builder().host(host).port(Integer.parseInt(replicas.get(1))).build())
                            .requestTimeout(2000)
                            .build())
                    .get(20, TimeUnit.SECONDS);
            out("createClient seeded by a replica", "ok");
            call("seeded by a replica: set/get k:7", () -> r.set("k:7", "r").thenCompose(x -> r.get("k:7")));
            call("seeded by a replica: dbsize(ALL_PRIMARIES) > 0", () -> r.dbsize(ALL_PRIMARIES).thenApply(n -> n > 0));
            call("seeded by a replica: ping ALL_NODES", () -> r.ping(ALL_NODES));
            r.close();
        } catch (Throwable e) {
            failure("createClient seeded by a replica", e, false, null);
        }

        // request timeout on one node
        try {
            GlideClusterClient t = GlideClusterClient.createClient(config(ProtocolVersion.RESP3).requestTimeout(100).build())
                    .get(20, TimeUnit.SECONDS);
            out("timeout client create", "ok");
            call("DEBUG SLEEP 0.3 routed, requestTimeout 100", () -> t.customCommand(new String[] {"DEBUG", "SLEEP", "0.3"}, new SlotKeyRoute("k:3", SlotType.PRIMARY)));
            CompatCheck.sleep(500);
            call("get k:3 after timeout", () -> t.get("k:3"));
            t.close();
        } catch (Throwable e) {
            failure("timeout client create", e, false, null);
        }
    }

    /**
     * Where reads go under each strategy: none of these nodes says an availability zone (Redis),
     * so every strategy but PRIMARY reads from replicas, with or without clientAZ.
     */
    static void readStrategies() {
        section("read-from");
        String[][] strategies = {
            {"PRIMARY", null}, {"PREFER_REPLICA", null}, {"AZ_AFFINITY", null}, {"AZ_AFFINITY", "az-1"},
            {"AZ_AFFINITY_REPLICAS_AND_PRIMARY", null}, {"AZ_AFFINITY_REPLICAS_AND_PRIMARY", "az-1"}
        };
        for (String[] strategy : strategies) {
            String label = strategy[0] + (strategy[1] == null ? "" : " clientAZ " + strategy[1]);
            try {
                GlideClusterClient r = GlideClusterClient.createClient(config(ProtocolVersion.RESP3)
                                .readFrom(ReadFrom.valueOf(strategy[0]))
                                .clientAZ(strategy[1])
                                .build())
                        .get(20, TimeUnit.SECONDS);
                out(label + ": createClient", "ok");
                r.customCommand(new String[] {"CONFIG", "RESETSTAT"}, ALL_NODES).get(10, TimeUnit.SECONDS);
                for (int i = 0; i < 10; i++) {
                    r.get("k:" + i).get(10, TimeUnit.SECONDS);
                }
                call(label + ": where 10 GETs ran", () -> r.customCommand(new String[] {"INFO", "commandstats"}, ALL_NODES)
                        .thenApply(ClusterCompatCheck::getsByRole));
                r.close();
            } catch (Throwable e) {
                failure(label + ": createClient", e, false, null);
            }
        }
    }

    /** "primaries=N replicas=M": the GETs each kind of node counted, from INFO commandstats per node. */
    static String getsByRole(ClusterValue<Object> stats) {
        long onPrimaries = 0;
        long onReplicas = 0;
        for (Map.Entry<String, Object> node : stats.getMultiValue().entrySet()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("cmdstat_get:calls=(\\d+)").matcher(String.valueOf(node.getValue()));
            long calls = m.find() ? Long.parseLong(m.group(1)) : 0;
            String port = node.getKey().substring(node.getKey().lastIndexOf(':') + 1);
            if (replicas.contains(port)) {
                onReplicas += calls;
            } else {
                onPrimaries += calls;
            }
        }
        return "primaries=" + onPrimaries + " replicas=" + onReplicas;
    }

    // ---------------------------------------------------------------- helpers

    static String[] keys() {
        String[] k = new String[NKEYS];
        for (int i = 0; i < NKEYS; i++) k[i] = "k:" + i;
        return k;
    }

    /** Puts k:0..k:39 back (after a flush), h:0..h:4 and one list; prints nothing on success. */
    static Object restore(GlideClusterClient c) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < NKEYS; i++) m.put("k:" + i, "v" + i);
        c.mset(m).get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 5; i++) c.hset("h:" + i, CompatCheck.mapOf("f", "v")).get(10, TimeUnit.SECONDS);
        c.lpush("l:1", new String[] {"a"}).get(10, TimeUnit.SECONDS);
        return "restored";
    }

    /** Waits until each primary's replica has the writes so far (stderr only: timing). */
    static void syncReplicas(GlideClusterClient c) {
        try {
            Object r = c.customCommand(new String[] {"WAIT", "1", "2000"}, ALL_PRIMARIES).get(10, TimeUnit.SECONDS);
            System.err.println(prefix + "WAIT 1 :: " + r);
        } catch (Throwable t) {
            msg("WAIT", t);
        }
    }

    static int slotOf(GlideClusterClient c, String key) throws Exception {
        Object v = c.customCommand(new String[] {"CLUSTER", "KEYSLOT", key}).get(10, TimeUnit.SECONDS).getSingleValue();
        return ((Number) v).intValue();
    }

    static Object distinctSlots(GlideClusterClient c) throws Exception {
        java.util.Set<Integer> slots = new java.util.TreeSet<>();
        for (String k : keys()) slots.add(slotOf(c, k));
        return slots.size();
    }

    static void call(String label, Call body) {
        call(label, body, null, null);
    }

    static void call(String label, Call body, String code) {
        call(label, body, code, null);
    }

    static void call(String label, Call body, Function<Object, Object> shape) {
        call(label, body, null, shape);
    }

    static void call(String label, Call body, String code, Function<Object, Object> shape) {
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
        out(label, renderValue(r, shape == null ? v -> v : shape));
    }

    /** A ClusterValue as "single:..." / "multi:{...}", anything else rendered after {@code shape}. */
    static String renderValue(Object r, Function<Object, Object> shape) {
        if (!(r instanceof ClusterValue)) {
            return CompatCheck.render(shape.apply(r));
        }
        ClusterValue<?> v = (ClusterValue<?>) r;
        if (v.hasSingleData()) {
            return "single:" + CompatCheck.render(shape.apply(v.getSingleValue()));
        }
        Map<String, ?> byNode = v.getMultiValue();
        int p = 0;
        int rep = 0;
        List<String> other = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, ?> e : byNode.entrySet()) {
            String role = role(e.getKey());
            if (role.equals("P")) p++;
            else if (role.equals("R")) rep++;
            else other.add(role);
            values.add(CompatCheck.render(shape.apply(e.getValue())));
        }
        values.sort(null);
        // runs of equal values as "Nx value"
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < values.size(); ) {
            int j = i;
            while (j < values.size() && values.get(j).equals(values.get(i))) j++;
            runs.add((j - i > 1 ? (j - i) + "x " : "") + values.get(i));
            i = j;
        }
        other.sort(null);
        return "multi:{" + byNode.size() + " nodes (" + p + "P+" + rep + "R" + (other.isEmpty() ? "" : " other " + other) + "): "
                + String.join(", ", runs) + "}";
    }

    /** "P"/"R" for a node address "host:port" of a known primary/replica, else the address with digits masked. */
    static String role(String address) {
        int colon = address.lastIndexOf(':');
        if (colon > 0 && address.substring(0, colon).equals(host)) {
            String port = address.substring(colon + 1);
            if (primaries.contains(port)) return "P";
            if (replicas.contains(port)) return "R";
        }
        return address.replaceAll("[0-9]", "N");
    }

    /** Node addresses anywhere in a rendering (e.g. a map's toString) as host:<P>/<R>/<port?>. */
    static String maskAddresses(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(host) + ":([0-9]+)").matcher(text);
        StringBuffer sb = new StringBuffer();
        while (m.find()) {
            String port = m.group(1);
            String tag = primaries.contains(port) ? "<P>" : replicas.contains(port) ? "<R>" : "<port?>";
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(host + ":" + tag));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** ROLE from a node that may be a primary or a replica: only whether the role is one of the two. */
    static Object anyRole(Object o) {
        if (!(o instanceof Object[]) || ((Object[]) o).length == 0) return o;
        String r = String.valueOf(((Object[]) o)[0]);
        return new CompatCheck.Rendered(o.getClass().getSimpleName() + "[0] in {master,slave}=" + (r.equals("master") || r.equals("slave")));
    }

    /** INFO commandstats reduced to whether ECHO has been counted since the last reset. */
    static Object echoCounted(Object o) {
        if (!(o instanceof String)) return o;
        return new CompatCheck.Rendered("echo counted=" + ((String) o).contains("cmdstat_echo:"));
    }

    static Object sorted(Object o) {
        return CompatCheck.sortedArray(o);
    }

    /** INFO text reduced to its "# Section" names in order. */
    static Object infoSections(Object o) {
        if (!(o instanceof String) && !(o instanceof GlideString)) return o;
        List<String> names = new ArrayList<>();
        for (String line : String.valueOf(o).split("\r?\n")) {
            if (line.startsWith("# ")) names.add(line.substring(2).trim());
        }
        return new CompatCheck.Rendered(o.getClass().getSimpleName() + " sections" + names);
    }

    /** INFO replication reduced to its role line. */
    static Object roleLine(Object o) {
        if (!(o instanceof String)) return o;
        for (String line : ((String) o).split("\r?\n")) {
            if (line.startsWith("role:")) return new CompatCheck.Rendered("String " + line.trim());
        }
        return new CompatCheck.Rendered("String without role line");
    }

    /** TIME as its shape: the array class, length and whether both parts are digits. */
    static Object timeShape(Object o) {
        if (!(o instanceof Object[])) return o;
        Object[] a = (Object[]) o;
        boolean digits = true;
        for (Object x : a) digits &= x != null && String.valueOf(x instanceof GlideString ? ((GlideString) x).getString() : x).matches("[0-9]+");
        String elem = a.length > 0 && a[0] != null ? a[0].getClass().getSimpleName() : "?";
        return new CompatCheck.Rendered(o.getClass().getSimpleName() + "[" + a.length + "] of " + elem + " digits=" + digits);
    }

    /** A number as its class and sign. */
    static Object positive(Object o) {
        if (!(o instanceof Number)) return o;
        return new CompatCheck.Rendered(o.getClass().getSimpleName() + ">0=" + (((Number) o).longValue() > 0));
    }

    /** The first element of an array reply (e.g. ROLE's role). */
    static Object first(Object o) {
        if (!(o instanceof Object[])) return o;
        Object[] a = (Object[]) o;
        return new CompatCheck.Rendered(o.getClass().getSimpleName() + "[0]=" + (a.length > 0 ? CompatCheck.render(a[0]) : "none"));
    }

    /** CLUSTER SLOTS as "start-end/entries" sorted by start, entries = 2 + nodes (primary + replicas). */
    static Object slotRanges(Object o) {
        if (!(o instanceof Object[])) return o;
        TreeMap<Long, String> ranges = new TreeMap<>();
        for (Object r : (Object[]) o) {
            Object[] a = (Object[]) r;
            long start = ((Number) a[0]).longValue();
            ranges.put(start, start + "-" + a[1] + "/" + a.length);
        }
        return new CompatCheck.Rendered("ranges" + ranges.values());
    }

    static void failure(String label, Throwable t, boolean sync, String code) {
        Throwable u = CompatCheck.unwrap(t);
        out(label, (sync ? "THREW " : "FAILED ") + CompatCheck.describe(u, code));
        msg(label, t);
    }

    static void out(String label, String value) {
        System.out.println(prefix + label + " -> " + maskAddresses(value));
        System.out.flush();
    }

    static void msg(String label, Throwable t) {
        Throwable u = CompatCheck.unwrap(t);
        System.err.println(prefix + label + " :: " + u.getClass().getName() + ": " + u.getMessage()
                + (u.getCause() != null ? " [cause " + u.getCause().getClass().getName() + ": " + u.getCause().getMessage() + "]" : ""));
    }

}
