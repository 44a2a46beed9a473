import static glide.api.models.GlideString.gs;

import glide.api.GlideClusterClient;
import glide.api.models.ClusterBatch;
import glide.api.models.GlideString;
import glide.api.models.commands.RangeOptions.RangeByIndex;
import glide.api.models.commands.batch.ClusterBatchOptions;
import glide.api.models.commands.batch.ClusterBatchRetryStrategy;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Optional section of ClusterCompatCheck: ClusterBatch (pipelines and transactions) on the
 * cluster. Uses only valkey-glide 2.3.1's public API; run-cluster.sh compiles it against our jar
 * when it can, otherwise against valkey-glide only (and our run prints "not available").
 *
 * <p>Each exec prints one line ("Object[n] for m commands", "null", or "FAILED Class("message")")
 * and then one line per result, labelled with its index and the builder call. Unlike the rest of
 * the cluster check, exception messages are printed (the brief of this section asks for them);
 * node addresses in them are masked by ClusterCompatCheck.out. Element errors (raiseOnError=false)
 * are rendered as Class("message").
 *
 * <p>Runs after the other sections on one thread; nothing else writes meanwhile, so DBSIZE is
 * deterministic (the keys ClusterCompatCheck restored, the scan section's binary key, and ours).
 * All keys written here start with "cb" and are deleted at the end.
 */
public class ClusterBatchSection {

    static final byte[] BIN_KEY = {'c', 'b', 'b', ':', (byte) 0xff, (byte) 0xfe, 0x00};
    static final byte[] BIN_VAL = {(byte) 0xc3, 0x28, (byte) 0x80, 0x00, 'v'};
    static final byte[] BIN_FIELD = {(byte) 0xfa, 'f'};

    /** Keys of the pipeline over many slots: cb:0..cb:99 (no hash tags). */
    static final int NKEYS = 100;

    public static void run(GlideClusterClient c) throws Exception {
        pipelineOverSlots(c);
        transactions(c);
        crossSlot(c);
        options(c);
        binary(c);
        watch(c);
        cleanup(c);
    }

    // ---------------------------------------------------------------- pipeline over many slots

    static void pipelineOverSlots(GlideClusterClient c) {
        Steps s = new Steps(false);
        for (int i = 0; i < NKEYS; i++) {
            int n = i;
            s.add("set(cb:" + n + ", v" + n + ")", b -> b.set("cb:" + n, "v" + n));
        }
        for (int i = 0; i < NKEYS; i++) {
            int n = i;
            s.add("get(cb:" + n + ")", b -> b.get("cb:" + n));
        }
        String[] m = new String[30];
        for (int i = 0; i < 30; i++) m[i] = "cb:" + (i * 3 + 1);
        m[7] = "cb:missing";
        m[20] = "cb:1"; // a duplicate
        s.add("mget(30 keys over slots, one missing, one duplicate)", b -> b.mget(m));
        String[] d = new String[10];
        for (int i = 0; i < 10; i++) d[i] = "cb:" + (90 + i);
        d[9] = "cb:missing";
        s.add("del(cb:90..cb:98, cb:missing)", b -> b.del(d));
        s.add("exists(cb:0, cb:90, cb:missing, cb:0, cb:50)", b -> b.exists(new String[] {"cb:0", "cb:90", "cb:missing", "cb:0", "cb:50"}));
        s.add("mget(cb:89..cb:92) after del", b -> b.mget(new String[] {"cb:89", "cb:90", "cb:91", "cb:92"}));
        s.add("dbsize()", b -> b.dbsize());
        s.add("echo(hi)", b -> b.echo("hi"));
        s.add("ping()", b -> b.ping());
        s.add("ping(msg)", b -> b.ping("msg"));
        s.add("customCommand(SET cb:cc v)", b -> b.customCommand(new String[] {"SET", "cb:cc", "v"}));
        s.add("customCommand(GET cb:cc)", b -> b.customCommand(new String[] {"GET", "cb:cc"}));
        s.add("customCommand(GET cb:7)", b -> b.customCommand(new String[] {"GET", "cb:7"}));
        s.add("hgetall(cb:nohash)", b -> b.hgetall("cb:nohash"));
        s.add("lpush(cb:3, x) WRONGTYPE", b -> b.lpush("cb:3", new String[] {"x"}));
        s.add("get(cb:3) after the error", b -> b.get("cb:3"));
        s.exec(c, "pipe slots", false, null);
        s.exec(c, "pipe slots again raiseOnError=true", true, null);
        call("pipe slots: exists cb:0..cb:99 afterwards", () -> c.exists(keys(0, NKEYS)));
    }

    // ---------------------------------------------------------------- transactions, one slot

    static void transactions(GlideClusterClient c) {
        Steps s = new Steps(true);
        s.add("set({cbt}:s, 10)", b -> b.set("{cbt}:s", "10"));
        s.add("incr({cbt}:s)", b -> b.incr("{cbt}:s"));
        s.add("get({cbt}:s)", b -> b.get("{cbt}:s"));
        s.add("get({cbt}:missing)", b -> b.get("{cbt}:missing"));
        s.add("rpush({cbt}:l, a, b, c)", b -> b.rpush("{cbt}:l", new String[] {"a", "b", "c"}));
        s.add("lrange({cbt}:l, 0, -1)", b -> b.lrange("{cbt}:l", 0, -1));
        Map<String, String> hv = new LinkedHashMap<>();
        hv.put("f1", "v1");
        hv.put("f2", "v2");
        s.add("hset({cbt}:h, {f1=v1, f2=v2})", b -> b.hset("{cbt}:h", hv));
        s.add("hgetall({cbt}:h)", b -> b.hgetall("{cbt}:h"));
        s.add("hgetall({cbt}:missing)", b -> b.hgetall("{cbt}:missing"));
        Map<String, Double> zv = new LinkedHashMap<>();
        zv.put("a", 1.0);
        zv.put("b", 2.5);
        zv.put("c", -3.0);
        s.add("zadd({cbt}:z, {a=1, b=2.5, c=-3})", b -> b.zadd("{cbt}:z", zv));
        s.add("zrangeWithScores({cbt}:z, 0..-1)", b -> b.zrangeWithScores("{cbt}:z", new RangeByIndex(0, -1)));
        s.add("sadd({cbt}:set, x, y, x)", b -> b.sadd("{cbt}:set", new String[] {"x", "y", "x"}));
        s.add("smembers({cbt}:set)", b -> b.smembers("{cbt}:set"), ClusterBatchSection::sortedRender);
        s.add("expire({cbt}:s, 100)", b -> b.expire("{cbt}:s", 100));
        s.add("ttl({cbt}:s)", b -> b.ttl("{cbt}:s"), ClusterBatchSection::ttlR);
        s.add("ttl({cbt}:l)", b -> b.ttl("{cbt}:l"), ClusterBatchSection::ttlR);
        s.add("mget({cbt}:s, {cbt}:missing, {cbt}:s)", b -> b.mget(new String[] {"{cbt}:s", "{cbt}:missing", "{cbt}:s"}));
        s.add("exists({cbt}:s, {cbt}:l, {cbt}:missing)", b -> b.exists(new String[] {"{cbt}:s", "{cbt}:l", "{cbt}:missing"}));
        s.add("customCommand(GET {cbt}:s)", b -> b.customCommand(new String[] {"GET", "{cbt}:s"}));
        s.add("echo(in tx)", b -> b.echo("in tx"));
        s.add("ping()", b -> b.ping());
        s.add("lpush({cbt}:s, x) WRONGTYPE", b -> b.lpush("{cbt}:s", new String[] {"x"}));
        s.add("incr({cbt}:h) WRONGTYPE", b -> b.incr("{cbt}:h"));
        s.add("del({cbt}:l, {cbt}:missing)", b -> b.del(new String[] {"{cbt}:l", "{cbt}:missing"}));
        s.exec(c, "tx tagged", false, null);
        s.exec(c, "tx tagged again raiseOnError=true", true, null);
        call("tx tagged: get({cbt}:s) afterwards", () -> c.get("{cbt}:s"));

        // a transaction whose keys hash to different slots because they have no tag
        Steps ns = new Steps(true);
        ns.add("set(cb:0, t)", b -> b.set("cb:0", "t"));
        ns.add("get(cb:0)", b -> b.get("cb:0"));
        ns.exec(c, "tx one untagged key", true, null);

        // keyless transaction
        Steps kl = new Steps(true);
        kl.add("ping()", b -> b.ping());
        kl.add("echo(x)", b -> b.echo("x"));
        kl.exec(c, "tx keyless", true, null);

        // empty batches
        new Steps(true).exec(c, "tx empty", true, null);
        new Steps(false).exec(c, "pipe empty", true, null);
    }

    // ---------------------------------------------------------------- transactions over two slots

    static void crossSlot(GlideClusterClient c) throws Exception {
        Map<Integer, String> owner = slotOwners(c);
        String a = "cbx:0";
        int slotA = ClusterCompatCheck.slotOf(c, a);
        String sameNode = null;
        String otherNode = null;
        for (int i = 1; i < 1000 && (sameNode == null || otherNode == null); i++) {
            String k = "cbx:" + i;
            int slot = ClusterCompatCheck.slotOf(c, k);
            if (slot == slotA) continue;
            boolean same = owner.get(slot).equals(owner.get(slotA));
            if (same && sameNode == null) sameNode = k;
            if (!same && otherNode == null) otherNode = k;
        }
        String b1 = sameNode;
        String b2 = otherNode;
        ClusterCompatCheck.out("tx cross-slot keys", a + " / same node, other slot: " + b1 + " / other node: " + b2);
        for (String[] pair : new String[][] {{"two slots on two nodes", b2}, {"two slots on one node", b1}}) {
            String other = pair[1];
            Steps s = new Steps(true);
            s.add("set(" + a + ", x)", b -> b.set(a, "x"));
            s.add("set(" + other + ", y)", b -> b.set(other, "y"));
            s.add("get(" + a + ")", b -> b.get(a));
            s.add("get(" + other + ")", b -> b.get(other));
            for (boolean raise : new boolean[] {false, true}) {
                s.exec(c, "tx " + pair[0] + " raiseOnError=" + raise, raise, null);
                call("tx " + pair[0] + " raiseOnError=" + raise + ": exists(" + a + ", " + other + ") afterwards",
                        () -> c.exists(new String[] {a, other}));
                call("tx " + pair[0] + " raiseOnError=" + raise + ": del afterwards",
                        () -> c.del(new String[] {a, other}));
            }
            // a single MSET over both keys in a transaction
            Steps ms = new Steps(true);
            ms.add("mset(" + a + ", " + other + ")", b -> b.mset(ClusterBatchSection.<String, String>map(a, "1", other, "2")));
            ms.exec(c, "tx " + pair[0] + " one MSET", false, null);
            call("tx " + pair[0] + " one MSET: del afterwards", () -> c.del(new String[] {a, other}));
        }
        // the same keys in a pipeline: fine
        Steps p = new Steps(false);
        p.add("set(" + a + ", x)", b -> b.set(a, "x"));
        p.add("set(" + b1 + ", y)", b -> b.set(b1, "y"));
        p.add("set(" + b2 + ", z)", b -> b.set(b2, "z"));
        p.add("mget(" + a + ", " + b1 + ", " + b2 + ")", b -> b.mget(new String[] {a, b1, b2}));
        p.add("del(" + a + ", " + b1 + ", " + b2 + ")", b -> b.del(new String[] {a, b1, b2}));
        p.exec(c, "pipe the cross-slot keys", true, null);
    }

    /** Slot -> the owning primary's port, from CLUSTER SLOTS (printed nowhere: ports vary). */
    static Map<Integer, String> slotOwners(GlideClusterClient c) throws Exception {
        Object r = c.customCommand(new String[] {"CLUSTER", "SLOTS"}).get(10, TimeUnit.SECONDS).getSingleValue();
        Map<Integer, String> owner = new java.util.HashMap<>();
        for (Object range : (Object[]) r) {
            Object[] x = (Object[]) range;
            int start = ((Number) x[0]).intValue();
            int end = ((Number) x[1]).intValue();
            String port = String.valueOf(((Object[]) x[2])[1]);
            for (int s = start; s <= end; s++) owner.put(s, port);
        }
        return owner;
    }

    // ---------------------------------------------------------------- ClusterBatchOptions

    static void options(GlideClusterClient c) {
        Steps s = new Steps(true);
        s.add("set({cbo}:k, routed)", b -> b.set("{cbo}:k", "routed"));
        s.add("get({cbo}:k)", b -> b.get("{cbo}:k"));
        s.add("customCommand(CLUSTER KEYSLOT {cbo}:k)", b -> b.customCommand(new String[] {"CLUSTER", "KEYSLOT", "{cbo}:k"}));
        s.exec(c, "tx route SlotKeyRoute({cbo}:x, PRIMARY)", true,
                ClusterBatchOptions.builder().route(new SlotKeyRoute("{cbo}:x", SlotType.PRIMARY)).build());
        String sameNodeKey = null;
        String otherNodeKey = null;
        try {
            Map<Integer, String> owner = slotOwners(c);
            String home = owner.get(ClusterCompatCheck.slotOf(c, "{cbo}:k"));
            for (int i = 0; i < 1000 && (sameNodeKey == null || otherNodeKey == null); i++) {
                String k = "cb:" + i;
                boolean same = owner.get(ClusterCompatCheck.slotOf(c, k)).equals(home);
                if (same && sameNodeKey == null) sameNodeKey = k;
                if (!same && otherNodeKey == null) otherNodeKey = k;
            }
        } catch (Exception e) {
            ClusterCompatCheck.failure("tx route: finding keys", e, false, null);
            return;
        }
        for (String[] r : new String[][] {{sameNodeKey, "other slot, same node"}, {otherNodeKey, "other node"}}) {
            for (boolean raise : new boolean[] {false, true}) {
                s.exec(c, "tx route SlotKeyRoute(" + r[0] + ", PRIMARY) (" + r[1] + ") raiseOnError=" + raise, raise,
                        ClusterBatchOptions.builder().route(new SlotKeyRoute(r[0], SlotType.PRIMARY)).build());
            }
        }
        Steps sp = new Steps(false);
        sp.add("set({cbo}:k, piped)", b -> b.set("{cbo}:k", "piped"));
        sp.add("get({cbo}:k)", b -> b.get("{cbo}:k"));
        sp.exec(c, "pipe route SlotKeyRoute(" + otherNodeKey + ", PRIMARY) (other node)", false,
                ClusterBatchOptions.builder().route(new SlotKeyRoute(otherNodeKey, SlotType.PRIMARY)).build());
        call("get({cbo}:k) after those", () -> c.get("{cbo}:k"));

        Steps ks = new Steps(false);
        ks.add("ping()", b -> b.ping());
        ks.add("ping(p)", b -> b.ping("p"));
        ks.add("echo(e)", b -> b.echo("e"));
        ks.exec(c, "pipe keyless route RANDOM", true, ClusterBatchOptions.builder().route(SimpleSingleNodeRoute.RANDOM).build());
        Steps kt = new Steps(true);
        kt.add("ping()", b -> b.ping());
        kt.add("echo(e)", b -> b.echo("e"));
        kt.exec(c, "tx keyless route RANDOM", true, ClusterBatchOptions.builder().route(SimpleSingleNodeRoute.RANDOM).build());

        Steps t = new Steps(false);
        t.add("set(cb:t1, a)", b -> b.set("cb:t1", "a"));
        t.add("set(cb:t2, b)", b -> b.set("cb:t2", "b"));
        t.add("mget(cb:t1, cb:t2)", b -> b.mget(new String[] {"cb:t1", "cb:t2"}));
        t.exec(c, "pipe timeout(2000)", true, ClusterBatchOptions.builder().timeout(2000).build());
        Steps tt = new Steps(true);
        tt.add("set({cbo}:t, a)", b -> b.set("{cbo}:t", "a"));
        tt.add("get({cbo}:t)", b -> b.get("{cbo}:t"));
        tt.exec(c, "tx timeout(2000)", true, ClusterBatchOptions.builder().timeout(2000).build());

        // DEBUG SLEEP 0.5 in a transaction on {cbo}'s node: fits in 3000 ms, not in 100 ms
        Steps sl = new Steps(true);
        sl.add("customCommand(DEBUG SLEEP 0.5)", b -> b.customCommand(new String[] {"DEBUG", "SLEEP", "0.5"}));
        sl.add("set({cbo}:slept, yes)", b -> b.set("{cbo}:slept", "yes"));
        ClusterBatchOptions toRoute = ClusterBatchOptions.builder().route(new SlotKeyRoute("{cbo}:x", SlotType.PRIMARY)).timeout(3000).build();
        sl.exec(c, "tx sleep 0.5 timeout(3000)", true, toRoute);
        call("del({cbo}:slept)", () -> c.del(new String[] {"{cbo}:slept"}));
        sl.exec(c, "tx sleep 0.5 timeout(100)", true,
                ClusterBatchOptions.builder().route(new SlotKeyRoute("{cbo}:x", SlotType.PRIMARY)).timeout(100).build());
        CompatCheck.sleep(900);
        call("get({cbo}:slept) after the timed-out transaction", () -> c.get("{cbo}:slept"));
        call("ping after the timed-out transaction", () -> c.ping());

        ClusterBatchRetryStrategy retry = ClusterBatchRetryStrategy.builder().retryServerError(true).build();
        Steps ra = new Steps(true);
        ra.add("set({cbo}:r, 1)", b -> b.set("{cbo}:r", "1"));
        ra.add("incr({cbo}:r)", b -> b.incr("{cbo}:r"));
        ra.exec(c, "tx retryStrategy(retryServerError)", true, ClusterBatchOptions.builder().retryStrategy(retry).build());
        call("get({cbo}:r) after that", () -> c.get("{cbo}:r"));
        Steps rp = new Steps(false);
        rp.add("set(cb:r1, 1)", b -> b.set("cb:r1", "1"));
        rp.add("incr(cb:r1)", b -> b.incr("cb:r1"));
        rp.add("set(cb:r2, x)", b -> b.set("cb:r2", "x"));
        rp.add("get(cb:r2)", b -> b.get("cb:r2"));
        rp.add("incr(cb:r2) not an integer", b -> b.incr("cb:r2"));
        rp.add("mget(cb:r1, cb:r2, cb:0)", b -> b.mget(new String[] {"cb:r1", "cb:r2", "cb:0"}));
        rp.exec(c, "pipe retryStrategy(retryServerError)", false, ClusterBatchOptions.builder().retryStrategy(retry).build());
        ClusterBatchRetryStrategy both = ClusterBatchRetryStrategy.builder().retryServerError(true).retryConnectionError(true).build();
        rp.exec(c, "pipe retryStrategy(both) timeout(2000)", false,
                ClusterBatchOptions.builder().retryStrategy(both).timeout(2000).build());
    }

    // ---------------------------------------------------------------- binary output

    static void binary(GlideClusterClient c) {
        GlideString bk = gs(BIN_KEY);
        GlideString bv = gs(BIN_VAL);
        GlideString bf = gs(BIN_FIELD);
        GlideString tk = gs(new byte[] {'{', 'c', 'b', 'g', '}', ':', (byte) 0xff, (byte) 0x80});
        for (boolean atomic : new boolean[] {false, true}) {
            String mode = atomic ? "tx" : "pipe";
            // the pipeline spreads over slots; the transaction keeps to {cbg}
            GlideString k1 = atomic ? tk : bk;
            GlideString k2 = atomic ? gs("{cbg}:text") : gs("cbb:text");
            GlideString h = atomic ? gs("{cbg}:h") : gs("cbb:h");
            GlideString l = atomic ? gs("{cbg}:l") : gs("cbb:l");
            Steps s = new Steps(atomic);
            s.b.withBinaryOutput();
            s.add("set(bin-key, bin-val)", b -> b.set(k1, bv));
            s.add("get(bin-key)", b -> b.get(k1));
            s.add("set(text-key, text)", b -> b.set(k2, gs("text")));
            s.add("mget(bin-key, text-key, missing)", b -> b.mget(new GlideString[] {k1, k2, atomic ? gs("{cbg}:nope") : gs("cbb:nope")}));
            s.add("exists(bin-key, text-key)", b -> b.exists(new GlideString[] {k1, k2}));
            Map<GlideString, GlideString> hv = new LinkedHashMap<>();
            hv.put(bf, bv);
            hv.put(gs("t"), gs("u"));
            s.add("hset(h, {bin-field=bin-val, t=u})", b -> b.hset(h, hv));
            s.add("hgetall(h)", b -> b.hgetall(h));
            s.add("rpush(l, bin-val, text)", b -> b.rpush(l, new GlideString[] {bv, gs("text")}));
            s.add("lrange(l, 0, -1)", b -> b.lrange(l, 0, -1));
            s.add("echo(bin-val)", b -> b.echo(bv));
            s.add("ping()", b -> b.ping());
            s.add("customCommand(GET bin-key)", b -> b.customCommand(new GlideString[] {gs("GET"), k1}));
            s.add("del(bin-key, text-key, h, l)", b -> b.del(new GlideString[] {k1, k2, h, l}));
            s.exec(c, mode + " binaryOutput", true, null);

            // String output reading bytes that are not UTF-8
            Steps so = new Steps(atomic);
            so.add("set(bin-key, bin-val) [GlideString args]", b -> b.set(k1, bv));
            so.add("get(bin-key) [String output]", b -> b.get(k1));
            so.add("echo(ok)", b -> b.echo("ok"));
            so.add("del(bin-key)", b -> b.del(new GlideString[] {k1}));
            so.exec(c, mode + " String output of bytes", true, null);
            so.exec(c, mode + " String output of bytes raiseOnError=false", false, null);
        }
    }

    // ---------------------------------------------------------------- watch / unwatch

    static void watch(GlideClusterClient c) throws Exception {
        GlideClusterClient c2;
        try {
            c2 = GlideClusterClient.createClient(ClusterCompatCheck.config(ProtocolVersion.valueOf(ClusterCompatCheck.proto)).build())
                    .get(20, TimeUnit.SECONDS);
            ClusterCompatCheck.out("watch: second client", "ok");
        } catch (Throwable t) {
            ClusterCompatCheck.failure("watch: second client", t, false, null);
            return;
        }
        Steps s = new Steps(true);
        s.add("set({cbw}:k, mine)", b -> b.set("{cbw}:k", "mine"));
        s.add("get({cbw}:k)", b -> b.get("{cbw}:k"));

        call("watch 1 set({cbw}:k, 1)", () -> c.set("{cbw}:k", "1"));
        call("watch 1 watch({cbw}:k)", () -> c.watch(new String[] {"{cbw}:k"}));
        call("watch 1 other client set({cbw}:k, 2)", () -> c2.set("{cbw}:k", "2"));
        s.exec(c, "watch 1 changed", true, null);
        call("watch 1 get({cbw}:k)", () -> c.get("{cbw}:k"));
        s.exec(c, "watch 1 exec again (no longer watched)", true, null);

        call("watch 2 watch({cbw}:k)", () -> c.watch(new String[] {"{cbw}:k"}));
        call("watch 2 unwatch()", () -> c.unwatch());
        call("watch 2 other client set({cbw}:k, 3)", () -> c2.set("{cbw}:k", "3"));
        s.exec(c, "watch 2 unwatched", true, null);

        call("watch 3 watch(gs {cbw}:k, gs {cbw}:other)", () -> c.watch(new GlideString[] {gs("{cbw}:k"), gs("{cbw}:other")}));
        call("watch 3 other client set({cbw}:other, x)", () -> c2.set("{cbw}:other", "x"));
        s.exec(c, "watch 3 other watched key changed", false, null);

        call("watch 4 watch({cbw}:k)", () -> c.watch(new String[] {"{cbw}:k"}));
        call("watch 4 unwatch(SlotKeyRoute({cbw}:k))", () -> c.unwatch(new SlotKeyRoute("{cbw}:k", SlotType.PRIMARY)));
        call("watch 4 other client set({cbw}:k, 4)", () -> c2.set("{cbw}:k", "4"));
        s.exec(c, "watch 4 unwatched by route", true, null);

        call("watch 5 watch({cbw}:k)", () -> c.watch(new String[] {"{cbw}:k"}));
        s.exec(c, "watch 5 unchanged", true, null);

        call("watch keys in two slots", () -> c.watch(new String[] {"{cbw}:k", "cb:0"}));
        call("unwatch() at the end", () -> c.unwatch());
        call("del({cbw}:k, {cbw}:other) with the second client", () -> c2.del(new String[] {"{cbw}:k", "{cbw}:other"}));
        call("watch: close second client", () -> {
            c2.close();
            return "closed";
        });
    }

    static void cleanup(GlideClusterClient c) {
        List<String> k = new ArrayList<>();
        for (String x : keys(0, NKEYS)) k.add(x);
        for (String x : new String[] {"cb:cc", "cb:t1", "cb:t2", "cb:r1", "cb:r2", "{cbt}:s", "{cbt}:h", "{cbt}:z", "{cbt}:set",
                "{cbo}:k", "{cbo}:t", "{cbo}:slept", "{cbo}:r"}) k.add(x);
        call("cleanup: del of the section's keys (count)", () -> c.del(k.toArray(new String[0])));
        call("cleanup: dbsize() afterwards", () -> c.dbsize());
    }

    // ---------------------------------------------------------------- helpers

    static String[] keys(int from, int to) {
        String[] k = new String[to - from];
        for (int i = from; i < to; i++) k[i - from] = "cb:" + i;
        return k;
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> map(Object... kv) {
        Map<K, V> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((K) kv[i], (V) kv[i + 1]);
        return m;
    }

    /** A ClusterBatch plus one label (and renderer) per queued command. */
    static final class Steps {
        final ClusterBatch b;
        final List<String> labels = new ArrayList<>();
        final List<Function<Object, String>> renderers = new ArrayList<>();

        Steps(boolean atomic) {
            b = new ClusterBatch(atomic);
        }

        void add(String label, Consumer<ClusterBatch> f) {
            add(label, f, ClusterBatchSection::render);
        }

        /** Queues one command; a builder that refuses it synchronously is printed, not queued. */
        void add(String label, Consumer<ClusterBatch> f, Function<Object, String> r) {
            try {
                f.accept(b);
            } catch (Throwable t) {
                ClusterCompatCheck.out("build " + label, "THREW " + renderThrowable(CompatCheck.unwrap(t)));
                return;
            }
            labels.add(label);
            renderers.add(r);
        }

        /** Runs the batch: one line for the exec (length, null or failure), then one per result. */
        void exec(GlideClusterClient c, String name, boolean raiseOnError, ClusterBatchOptions options) {
            Object[] r;
            try {
                r = (options == null ? c.exec(b, raiseOnError) : c.exec(b, raiseOnError, options)).get(20, TimeUnit.SECONDS);
            } catch (Throwable t) {
                ClusterCompatCheck.out(name + " exec", "FAILED " + renderThrowable(CompatCheck.unwrap(t)));
                return;
            }
            if (r == null) {
                ClusterCompatCheck.out(name + " exec", "null");
                return;
            }
            ClusterCompatCheck.out(name + " exec", "Object[" + r.length + "] for " + labels.size() + " commands");
            for (int i = 0; i < r.length; i++) {
                String label = i < labels.size() ? labels.get(i) : "(extra result)";
                Function<Object, String> ren = i < renderers.size() ? renderers.get(i) : ClusterBatchSection::render;
                ClusterCompatCheck.out(String.format("%s #%03d %s", name, i, label), ren.apply(r[i]));
            }
        }
    }

    /** One call outside a batch: its result, or FAILED/THREW Class("message"). */
    static void call(String label, ClusterCompatCheck.Call body) {
        Object r;
        try {
            r = body.run();
        } catch (Throwable t) {
            ClusterCompatCheck.out(label, "THREW " + renderThrowable(CompatCheck.unwrap(t)));
            return;
        }
        try {
            if (r instanceof java.util.concurrent.Future) r = ((java.util.concurrent.Future<?>) r).get(20, TimeUnit.SECONDS);
        } catch (Throwable t) {
            ClusterCompatCheck.out(label, "FAILED " + renderThrowable(CompatCheck.unwrap(t)));
            return;
        }
        ClusterCompatCheck.out(label, ClusterCompatCheck.renderValue(r, v -> new CompatCheck.Rendered(render(v))));
    }

    /**
     * Class("message"). A client-side timeout's message has its numbers masked: glide-jni names the
     * time left when the request was sent (99 or 100 ms for timeout(100)), which is not stable.
     */
    static String renderThrowable(Throwable t) {
        String name = t.getClass().getSimpleName();
        if (t instanceof java.util.concurrent.TimeoutException) name = "j.u.c.TimeoutException(get timed out)";
        String m = String.valueOf(t.getMessage());
        if (t.getClass().getSimpleName().equals("TimeoutException")) m = m.replaceAll("[0-9]+", "N");
        return name + "(" + CompatCheck.quote(m) + ")";
    }

    /** CompatCheck's rendering, with exceptions (batch element errors) as Class("message"). */
    static String render(Object o) {
        if (o instanceof Throwable) return renderThrowable((Throwable) o);
        if (o instanceof Object[]) {
            boolean hasThrowable = false;
            for (Object e : (Object[]) o) hasThrowable |= e instanceof Throwable;
            if (hasThrowable) {
                List<String> parts = new ArrayList<>();
                for (Object e : (Object[]) o) parts.add(render(e));
                return o.getClass().getSimpleName() + "{" + String.join(", ", parts) + "}";
            }
        }
        return CompatCheck.render(o);
    }

    static String sortedRender(Object o) {
        return CompatCheck.render(CompatCheck.sortedArray(o));
    }

    static String ttlR(Object v) {
        if (v instanceof Long) {
            long t = (Long) v;
            return t > 0 ? "positive" : String.valueOf(t);
        }
        return render(v);
    }
}
