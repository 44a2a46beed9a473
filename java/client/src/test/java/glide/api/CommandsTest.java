package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.SetOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every command of the foundation slice, String and GlideString forms, RESP2 and RESP3. */
class CommandsTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start("--enable-debug-command", "yes");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    /** Bytes that are not valid UTF-8. */
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3, (byte) 0x28, 'x'};

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void getSetAndBinaryValues(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertNull(await(client.get(k)));
            assertEquals("OK", await(client.set(k, "välue")));
            assertEquals("välue", await(client.get(k)));

            GlideString bk = gs(NOT_UTF8);
            GlideString bv = gs(new byte[] {0, (byte) 0x80, (byte) 0xff, '\r', '\n'});
            assertEquals("OK", await(client.set(bk, bv)));
            GlideString got = await(client.get(bk));
            assertArrayEquals(bv.getBytes(), got.getBytes());
            assertEquals(bv, got);
            assertEquals(1L, await(client.del(new GlideString[] {bk})));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void valuesOfZeroBytes512KbAnd8Mb(ProtocolVersion protocol) throws Exception {
        Random random = new Random(42);
        try (GlideClient client = Clients.connect(server, protocol)) {
            for (int size : new int[] {0, 512 * 1024, 8 * 1024 * 1024}) {
                byte[] value = new byte[size];
                random.nextBytes(value);
                GlideString k = gs(key());
                assertEquals("OK", await(client.set(k, gs(value))));
                assertArrayEquals(value, await(client.get(k)).getBytes(), "size " + size);
                String text = "x".repeat(size);
                String sk = key();
                assertEquals("OK", await(client.set(sk, text)));
                assertEquals(text, await(client.get(sk)));
                await(client.del(new String[] {sk}));
                await(client.del(new GlideString[] {k}));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void setOptions(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            SetOptions nx = SetOptions.builder().conditionalSetOnlyIfNotExist().build();
            SetOptions xx = SetOptions.builder().conditionalSetOnlyIfExists().build();
            assertNull(await(client.set(k, "v", xx)));
            assertEquals("OK", await(client.set(k, "v1", nx)));
            assertNull(await(client.set(k, "v2", nx)));
            SetOptions getOld = SetOptions.builder().returnOldValue(true).build();
            assertEquals("v1", await(client.set(k, "v3", getOld)));
            SetOptions ex =
                    SetOptions.builder().expiry(SetOptions.Expiry.Seconds(100L)).build();
            assertEquals("OK", await(client.set(k, "v4", ex)));
            long ttl = (Long) await(client.customCommand(new String[] {"TTL", k}));
            assertTrue(ttl > 90 && ttl <= 100, "ttl " + ttl);
            SetOptions keep = SetOptions.builder().expiry(SetOptions.Expiry.KeepExisting()).build();
            assertEquals("OK", await(client.set(k, "v5", keep)));
            assertTrue((Long) await(client.customCommand(new String[] {"TTL", k})) > 0);
            SetOptions px =
                    SetOptions.builder().expiry(SetOptions.Expiry.Milliseconds(50_000L)).build();
            assertEquals("OK", await(client.set(gs(k), gs("v6"), px)));
            long pttl = (Long) await(client.customCommand(new String[] {"PTTL", k}));
            assertTrue(pttl > 40_000 && pttl <= 50_000, "pttl " + pttl);
            SetOptions binaryGet = SetOptions.builder().returnOldValue(true).build();
            assertEquals("v6", await(client.set(gs(k), gs("v7"), binaryGet)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void countersDelExistsMgetMset(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = key(), b = key(), missing = key();
            assertEquals(1L, await(client.incr(a)));
            assertEquals(11L, await(client.incrBy(a, 10)));
            assertEquals(-5L, await(client.incrBy(gs(b), -5)));
            assertEquals(-4L, await(client.incr(gs(b))));
            assertEquals(2L, await(client.exists(new String[] {a, b, missing})));
            assertEquals(3L, await(client.exists(new GlideString[] {gs(a), gs(a), gs(b)})));

            Map<String, String> pairs = new LinkedHashMap<>();
            pairs.put(a, "1");
            pairs.put(b, "2");
            assertEquals("OK", await(client.mset(pairs)));
            assertArrayEquals(new String[] {"1", null, "2"}, await(client.mget(new String[] {a, missing, b})));
            Map<GlideString, GlideString> binary = new LinkedHashMap<>();
            binary.put(gs(a), gs(NOT_UTF8));
            assertEquals("OK", await(client.msetBinary(binary)));
            GlideString[] got = await(client.mget(new GlideString[] {gs(a), gs(missing)}));
            assertArrayEquals(NOT_UTF8, got[0].getBytes());
            assertNull(got[1]);
            assertEquals(2L, await(client.del(new String[] {a, b, missing})));
            assertEquals(0L, await(client.del(new GlideString[] {gs(a)})));

            Throwable wrongType = failure(client.incr(nonNumeric(client)));
            assertInstanceOf(RequestException.class, wrongType);
            assertTrue(wrongType.getMessage().contains("not an integer"), wrongType.getMessage());
        }
    }

    private static String nonNumeric(GlideClient client) throws Exception {
        String k = key();
        await(client.set(k, "abc"));
        return k;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void hashes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("f1", "v1");
            fields.put("f2", "v2");
            assertEquals(2L, await(client.hset(k, fields)));
            assertEquals(0L, await(client.hset(k, Map.of("f1", "v1b"))));
            assertEquals("v1b", await(client.hget(k, "f1")));
            assertNull(await(client.hget(k, "nope")));
            assertEquals(Map.of("f1", "v1b", "f2", "v2"), await(client.hgetall(k)));
            assertEquals(Map.of(), await(client.hgetall(key())));

            GlideString bk = gs(key());
            assertEquals(1L, await(client.hset(bk, Map.of(gs(NOT_UTF8), gs(NOT_UTF8)))));
            assertEquals(gs(NOT_UTF8), await(client.hget(bk, gs(NOT_UTF8))));
            assertEquals(Map.of(gs(NOT_UTF8), gs(NOT_UTF8)), await(client.hgetall(bk)));

            // The core converts RESP2's flat array, so customCommand sees a map on both protocols.
            assertEquals(Map.of("f1", "v1b", "f2", "v2"), await(client.customCommand(new String[] {"HGETALL", k})));
            Throwable wrongType = failure(client.hget(nonNumeric(client), "f"));
            assertTrue(wrongType.getMessage().startsWith("WRONGTYPE"), wrongType.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void lists(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(3L, await(client.lpush(k, new String[] {"a", "b", "c"})));
            assertArrayEquals(new String[] {"c", "b", "a"}, await(client.lrange(k, 0, -1)));
            assertArrayEquals(new String[] {"b"}, await(client.lrange(k, 1, 1)));
            assertArrayEquals(new String[0], await(client.lrange(key(), 0, -1)));
            assertArrayEquals(new String[] {k, "c"}, await(client.blpop(new String[] {key(), k}, 1)));

            GlideString bk = gs(key());
            assertEquals(1L, await(client.lpush(bk, new GlideString[] {gs(NOT_UTF8)})));
            assertArrayEquals(new GlideString[] {gs(NOT_UTF8)}, await(client.lrange(bk, 0, -1)));
            assertArrayEquals(new GlideString[] {bk, gs(NOT_UTF8)}, await(client.blpop(new GlideString[] {bk}, 0.5)));
            // Timing out on the server side is a null reply, not an error.
            assertNull(await(client.blpop(new String[] {key()}, 0.1)));
            assertNull(await(client.blpop(new GlideString[] {gs(key())}, 0.1)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void connectionAndServerCommands(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            assertEquals("PONG", await(client.ping()));
            assertEquals("hello", await(client.ping("hello")));
            assertEquals(gs(NOT_UTF8), await(client.ping(gs(NOT_UTF8))));
            assertEquals("echo me", await(client.echo("echo me")));
            assertEquals(gs(NOT_UTF8), await(client.echo(gs(NOT_UTF8))));

            String info = await(client.info());
            assertTrue(info.contains("redis_version:"), info);
            String sections = await(client.info(new Section[] {Section.SERVER, Section.CLIENTS}));
            assertTrue(sections.contains("# Server") && sections.contains("# Clients"), sections);
            assertTrue(!sections.contains("# Memory"), sections);

            String k = key();
            assertEquals("OK", await(client.select(5)));
            await(client.set(k, "in-db-5"));
            assertEquals("OK", await(client.select(0)));
            assertNull(await(client.get(k)));
            await(client.select(5));
            assertEquals("in-db-5", await(client.get(k)));
            await(client.del(new String[] {k}));
            await(client.select(0));
            Throwable bad = failure(client.select(100_000));
            assertInstanceOf(RequestException.class, bad);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void customCommandReplyTypes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals("OK", await(client.customCommand(new String[] {"SET", k, "1"})));
            assertEquals("1", await(client.customCommand(new String[] {"GET", k})));
            assertEquals(gs("1"), await(client.customCommand(new GlideString[] {gs("GET"), gs(k)})));
            assertEquals(2L, await(client.customCommand(new String[] {"INCR", k})));
            assertNull(await(client.customCommand(new String[] {"GET", key()})));
            // Replies take the same Java type on both protocols, as valkey-glide gives them.
            assertEquals(2.5, await(client.customCommand(new String[] {"INCRBYFLOAT", k, "0.5"})));
            assertEquals(true, await(client.customCommand(new String[] {"EXPIRE", k, "100"})));
            assertEquals(true, await(client.customCommand(new String[] {"PERSIST", k})));
            assertEquals(false, await(client.customCommand(new String[] {"PERSIST", k})));

            String s = key();
            await(client.customCommand(new String[] {"SADD", s, "x", "y"}));
            assertEquals(Set.of("x", "y"), await(client.customCommand(new String[] {"SMEMBERS", s})));
            assertEquals(Set.of(gs("x"), gs("y")), await(client.customCommand(new GlideString[] {gs("SMEMBERS"), gs(s)})));
            Object hello = await(client.customCommand(new String[] {"HELLO"}));
            assertEquals(protocol == ProtocolVersion.RESP3 ? 3L : 2L, ((Map<?, ?>) hello).get("proto"));
            assertEquals(Map.of("maxmemory", "0"), await(client.customCommand(new String[] {"CONFIG", "GET", "maxmemory"})));
            String z = key();
            await(client.customCommand(new String[] {"ZADD", z, "1.5", "m", "2", "n"}));
            assertEquals(1.5, await(client.customCommand(new String[] {"ZSCORE", z, "m"})));
            assertNull(await(client.customCommand(new String[] {"ZSCORE", z, "absent"})));
            Map<String, Double> scores = new LinkedHashMap<>();
            scores.put("m", 1.5);
            scores.put("n", 2.0);
            assertEquals(scores, await(client.customCommand(new String[] {"ZRANGE", z, "0", "-1", "WITHSCORES"})));
            assertEquals(3.5, await(client.customCommand(new String[] {"ZINCRBY", z, "2", "m"})));

            // Bytes that are not UTF-8 are never decoded lossily: a GlideString even here.
            String b = key();
            await(client.set(gs(b), gs(NOT_UTF8)));
            assertEquals(gs(NOT_UTF8), await(client.customCommand(new String[] {"GET", b})));
            Throwable notText = failure(client.get(b));
            assertInstanceOf(RequestException.class, notText);
            assertTrue(notText.getMessage().contains("GlideString overload"), notText.getMessage());
            assertInstanceOf(RequestException.class, failure(client.mget(new String[] {b})));
            assertInstanceOf(RequestException.class, failure(client.customCommand(new String[0])));
            if (protocol == ProtocolVersion.RESP3) {
                // RESP3 attributes describe the reply that follows them: skipped (see the README).
                Object attributed = await(client.customCommand(new String[] {"DEBUG", "PROTOCOL", "attrib"}));
                assertEquals("Some real reply following the attribute", attributed);
            }
            await(client.del(new String[] {b}));

            Throwable unknown = failure(client.customCommand(new String[] {"NOSUCHCOMMAND"}));
            assertInstanceOf(RequestException.class, unknown);
            assertTrue(unknown.getMessage().contains("unknown command"), unknown.getMessage());
            await(client.del(new String[] {k, s, z}));
        }
    }

    /** Regression (valkey-glide compatibility check): each thread's commands keep their order. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void commandsFromOneThreadKeepTheirOrder(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            int threads = 4;
            int perThread = 900; // under the default inflight limit of 1000 per client in total
            String prefix = key();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<List<CompletableFuture<String>>>> submitted = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    String k = prefix + "-" + t;
                    submitted.add(pool.submit(() -> {
                        List<CompletableFuture<String>> sets = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            sets.add(client.set(k, Integer.toString(i)));
                            if (sets.size() % 200 == 0) {
                                for (CompletableFuture<String> f : sets) {
                                    f.get(20, java.util.concurrent.TimeUnit.SECONDS);
                                }
                            }
                        }
                        return sets;
                    }));
                }
                for (java.util.concurrent.Future<List<CompletableFuture<String>>> f : submitted) {
                    for (CompletableFuture<String> set : f.get()) {
                        assertEquals("OK", await(set));
                    }
                }
            } finally {
                pool.shutdown();
            }
            for (int t = 0; t < threads; t++) {
                // The last SET each thread issued is the one that stays.
                assertEquals(Integer.toString(perThread - 1), await(client.get(prefix + "-" + t)));
            }
            String list = key();
            List<CompletableFuture<Long>> pushes = new ArrayList<>();
            for (int i = 0; i < 900; i++) {
                pushes.add(client.lpush(list, new String[] {Integer.toString(i)}));
            }
            for (int i = 0; i < pushes.size(); i++) {
                assertEquals(i + 1L, await(pushes.get(i)), "LPUSH replies arrive in order");
            }
            String[] all = await(client.lrange(list, 0, -1));
            for (int i = 0; i < 900; i++) {
                assertEquals(Integer.toString(899 - i), all[i]);
            }
        }
    }
}
