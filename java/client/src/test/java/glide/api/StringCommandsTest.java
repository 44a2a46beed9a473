package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.GetExOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import glide.api.models.commands.SetOptions;
import glide.internal.commands.StringCommands;
import java.util.function.Function;

/**
 * The string family (issue 5): getdel, getex, msetnx, incrByFloat, decr/decrBy, strlen,
 * setrange/getrange, append and the LCS calls, each in its String and GlideString form, on a
 * real server under RESP2 and RESP3. (Cluster routing of these commands is covered elsewhere.)
 */
class StringCommandsTest {
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 'x'};

    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String key() {
        return "s-" + UUID.randomUUID();
    }

    /** A key in the form of bytes that are not UTF-8. */
    private static GlideString binaryKey() {
        byte[] id = key().getBytes();
        byte[] out = new byte[id.length + 2];
        out[0] = (byte) 0xc0;
        out[1] = 0;
        System.arraycopy(id, 0, out, 2, id.length);
        return gs(out);
    }

    private static void assertWrongType(CompletableFuture<?> future) throws Exception {
        Throwable error = failure(future);
        assertInstanceOf(RequestException.class, error);
        assertTrue(error.getMessage().startsWith("WRONGTYPE"), error.getMessage());
    }

    private static String listKey(GlideClient client) throws Exception {
        String l = key();
        await(client.lpush(l, new String[] {"x"}));
        return l;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void getdelReadsAndDeletes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertNull(await(client.getdel(k)));
            await(client.set(k, "v"));
            assertEquals("v", await(client.getdel(k)));
            assertNull(await(client.get(k)));

            GlideString b = binaryKey();
            assertNull(await(client.getdel(b)));
            await(client.set(b, gs(NOT_UTF8)));
            assertEquals(gs(NOT_UTF8), await(client.getdel(b)));
            assertEquals(0L, await(client.exists(new GlideString[] {b})));

            // A value that is not UTF-8 is refused by the String form (the server deleted it anyway).
            String k2 = key();
            await(client.set(gs(k2), gs(NOT_UTF8)));
            assertInstanceOf(RequestException.class, failure(client.getdel(k2)));
            assertEquals(0L, await(client.exists(new String[] {k2})));

            assertWrongType(client.getdel(listKey(client)));
            assertWrongType(client.getdel(gs(listKey(client))));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void getexSetsOrRemovesTheExpiry(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertNull(await(client.getex(k)));
            assertNull(await(client.getex(k, GetExOptions.Seconds(10L))));
            assertEquals(0L, await(client.exists(new String[] {k})), "GETEX does not create keys");

            await(client.set(k, "v"));
            assertEquals("v", await(client.getex(k)));
            assertEquals(-1L, await(client.ttl(k)));
            assertEquals("v", await(client.getex(k, GetExOptions.Seconds(100L))));
            long ttl = await(client.ttl(k));
            assertTrue(ttl > 90 && ttl <= 100, "ttl " + ttl);
            assertEquals("v", await(client.getex(k, GetExOptions.Milliseconds(50_000L))));
            long pttl = await(client.pttl(k));
            assertTrue(pttl > 40_000 && pttl <= 50_000, "pttl " + pttl);
            long now = System.currentTimeMillis() / 1000;
            assertEquals("v", await(client.getex(k, GetExOptions.UnixSeconds(now + 1000))));
            assertEquals(now + 1000, await(client.expiretime(k)));
            assertEquals("v", await(client.getex(k, GetExOptions.UnixMilliseconds((now + 2000) * 1000))));
            assertEquals((now + 2000) * 1000, await(client.pexpiretime(k)));
            assertEquals("v", await(client.getex(k, GetExOptions.Persist())));
            assertEquals(-1L, await(client.ttl(k)));

            GlideString b = binaryKey();
            assertNull(await(client.getex(b)));
            await(client.set(b, gs(NOT_UTF8)));
            assertEquals(gs(NOT_UTF8), await(client.getex(b)));
            assertEquals(gs(NOT_UTF8), await(client.getex(b, GetExOptions.Seconds(100L))));
            assertTrue(await(client.ttl(b)) > 0);
            assertEquals(gs(NOT_UTF8), await(client.getex(b, GetExOptions.Persist())));
            assertEquals(-1L, await(client.ttl(b)));

            // The server's own checks come back as RequestException.
            assertInstanceOf(RequestException.class, failure(client.getex(k, GetExOptions.Seconds(-5L))));
            assertWrongType(client.getex(listKey(client)));
            assertWrongType(client.getex(gs(listKey(client)), GetExOptions.Persist()));
        }
    }

    @Test
    void getExOptionsArguments() {
        assertArrayEquals(new String[] {"EX", "10"}, GetExOptions.Seconds(10L).toArgs());
        assertArrayEquals(new String[] {"PX", "20"}, GetExOptions.Milliseconds(20L).toArgs());
        assertArrayEquals(new String[] {"EXAT", "30"}, GetExOptions.UnixSeconds(30L).toArgs());
        assertArrayEquals(new String[] {"PXAT", "40"}, GetExOptions.UnixMilliseconds(40L).toArgs());
        assertArrayEquals(new String[] {"PERSIST"}, GetExOptions.Persist().toArgs());
        assertArrayEquals(new GlideString[] {gs("PXAT"), gs("-1")}, GetExOptions.UnixMilliseconds(-1L).toGlideStringArgs());
        assertArrayEquals(new GlideString[] {gs("PERSIST")}, GetExOptions.Persist().toGlideStringArgs());
        assertThrows(IllegalArgumentException.class, () -> GetExOptions.Seconds(null).toArgs());
        assertEquals(5, GetExOptions.ExpiryType.values().length);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void msetnxSetsAllOrNothing(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = "{m}" + key();
            String b = "{m}" + key();
            Map<String, String> both = new LinkedHashMap<>();
            both.put(a, "1");
            both.put(b, "2");
            assertTrue(await(client.msetnx(both)));
            assertArrayEquals(new String[] {"1", "2"}, await(client.mget(new String[] {a, b})));
            String c = "{m}" + key();
            Map<String, String> overlapping = new LinkedHashMap<>();
            overlapping.put(c, "3");
            overlapping.put(a, "new");
            assertFalse(await(client.msetnx(overlapping)));
            assertNull(await(client.get(c)), "nothing is set when one key exists");
            assertEquals("1", await(client.get(a)));

            GlideString x = binaryKey();
            GlideString y = binaryKey();
            Map<GlideString, GlideString> binary = new LinkedHashMap<>();
            binary.put(x, gs(NOT_UTF8));
            binary.put(y, gs(new byte[0]));
            assertTrue(await(client.msetnxBinary(binary)));
            assertArrayEquals(new GlideString[] {gs(NOT_UTF8), gs("")}, await(client.mget(new GlideString[] {x, y})));
            assertFalse(await(client.msetnxBinary(Map.of(x, gs("other")))));
            assertEquals(gs(NOT_UTF8), await(client.get(x)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void countersGoUpAndDown(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(-1L, await(client.decr(k)), "a missing key counts as 0");
            assertEquals(-11L, await(client.decrBy(k, 10)));
            assertEquals(-1L, await(client.decrBy(k, -10)));
            GlideString b = binaryKey();
            assertEquals(-1L, await(client.decr(b)));
            assertEquals(-6L, await(client.decrBy(b, 5)));
            assertEquals("-6", await(client.get(b)).getString());

            String f = key();
            Double d = await(client.incrByFloat(f, 1.5));
            assertEquals(1.5, d);
            assertEquals(1.0, await(client.incrByFloat(f, -0.5)));
            assertEquals(1e10 + 1.0, await(client.incrByFloat(f, 1e10)));
            assertEquals(0.25, await(client.incrByFloat(binaryKey(), 0.25)));
            assertEquals(-3.0, await(client.incrByFloat(gs(f), -(1e10 + 4.0))));
            // An integer value is a valid float.
            String i = key();
            await(client.set(i, "7"));
            assertEquals(7.5, await(client.incrByFloat(i, 0.5)));

            String text = key();
            await(client.set(text, "abc"));
            assertInstanceOf(RequestException.class, failure(client.decr(text)));
            assertInstanceOf(RequestException.class, failure(client.decrBy(gs(text), 1)));
            assertInstanceOf(RequestException.class, failure(client.incrByFloat(text, 1.0)));
            assertInstanceOf(RequestException.class, failure(client.incrByFloat(f, Double.POSITIVE_INFINITY)));
            assertEquals("abc", await(client.get(text)));
            assertInstanceOf(RequestException.class, failure(client.decr(i)), "7.5 is not an integer");
            String l = listKey(client);
            assertWrongType(client.decr(l));
            assertWrongType(client.decrBy(l, 2));
            assertWrongType(client.incrByFloat(gs(l), 2));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void appendStrlenSetrangeGetrange(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(0L, await(client.strlen(k)));
            assertEquals("", await(client.getrange(k, 0, 10)), "a missing key reads as empty");
            assertEquals(5L, await(client.append(k, "hello")));
            assertEquals(11L, await(client.append(k, " world")));
            assertEquals(11L, await(client.strlen(k)));
            assertEquals("hello", await(client.getrange(k, 0, 4)));
            assertEquals("world", await(client.getrange(k, -5, -1)));
            assertEquals("hello world", await(client.getrange(k, 0, 100)));
            assertEquals("", await(client.getrange(k, 5, 2)), "an empty range");
            assertEquals(11L, await(client.setrange(k, 6, "WORLD")));
            assertEquals("hello WORLD", await(client.get(k)));
            // Past the end: padded with zero bytes.
            assertEquals(15L, await(client.setrange(k, 13, "!!")));
            assertEquals(gs(new byte[] {'D', 0, 0, '!', '!'}), await(client.getrange(gs(k), 10, -1)));
            String fresh = key();
            assertEquals(3L, await(client.setrange(fresh, 2, "x")));
            assertEquals("\0\0x", await(client.get(fresh)));
            // Multi-byte characters count in bytes.
            String utf = key();
            assertEquals(4L, await(client.append(utf, "€a")));
            assertEquals(4L, await(client.strlen(utf)));
            assertEquals("€", await(client.getrange(utf, 0, 2)));

            GlideString b = binaryKey();
            assertEquals(0L, await(client.strlen(b)));
            assertEquals(gs(""), await(client.getrange(b, 0, -1)));
            assertEquals(3L, await(client.append(b, gs(NOT_UTF8))));
            assertEquals(3L, await(client.setrange(b, 1, gs(new byte[] {0, (byte) 0x80}))));
            assertEquals(gs(new byte[] {(byte) 0xff, 0, (byte) 0x80}), await(client.get(b)));
            assertEquals(3L, await(client.strlen(b)));
            assertEquals(gs(new byte[] {0, (byte) 0x80}), await(client.getrange(b, 1, 2)));

            // Bytes that are not UTF-8 fail the String form with a pointer to the GlideString one.
            String raw = key();
            await(client.set(gs(raw), gs(NOT_UTF8)));
            Throwable error = failure(client.getrange(raw, 0, -1));
            assertInstanceOf(RequestException.class, error);
            assertTrue(error.getMessage().contains("GlideString"), error.getMessage());
            assertEquals("x", await(client.getrange(raw, 2, 2)), "a UTF-8 slice of it is fine");

            assertInstanceOf(RequestException.class, failure(client.setrange(k, -1, "x")));
            String l = listKey(client);
            assertWrongType(client.append(l, "x"));
            assertWrongType(client.strlen(l));
            assertWrongType(client.setrange(gs(l), 0, gs("x")));
            assertWrongType(client.getrange(l, 0, 1));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void lcsFamily(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = "{lcs}" + key();
            String b = "{lcs}" + key();
            await(client.set(a, "ohmytext"));
            await(client.set(b, "mynewtext"));
            assertEquals("mytext", await(client.lcs(a, b)));
            assertEquals(gs("mytext"), await(client.lcs(gs(a), gs(b))));
            assertEquals(6L, await(client.lcsLen(a, b)));
            assertEquals(6L, await(client.lcsLen(gs(a), gs(b))));

            // "text" is at 4..7 in a and 5..8 in b, "my" at 2..3 and 0..1: the last match first.
            Long[][][] all = {{{4L, 7L}, {5L, 8L}}, {{2L, 3L}, {0L, 1L}}};
            for (Map<String, Object> idx : List.of(await(client.lcsIdx(a, b)), await(client.lcsIdx(gs(a), gs(b))))) {
                assertEquals(2, idx.size());
                assertEquals(6L, idx.get("len"));
                assertInstanceOf(Long[][][].class, idx.get("matches"));
                assertArrayEquals(all, (Long[][][]) idx.get("matches"));
            }
            Long[][][] long4 = {{{4L, 7L}, {5L, 8L}}};
            assertArrayEquals(long4, (Long[][][]) await(client.lcsIdx(a, b, 4)).get("matches"));
            assertArrayEquals(long4, (Long[][][]) await(client.lcsIdx(gs(a), gs(b), 3)).get("matches"));
            assertEquals(6L, await(client.lcsIdx(gs(a), gs(b), 3)).get("len"));

            Object[] withLen = {
                new Object[] {new Object[] {4L, 7L}, new Object[] {5L, 8L}, 4L},
                new Object[] {new Object[] {2L, 3L}, new Object[] {0L, 1L}, 2L}
            };
            Map<String, Object> m = await(client.lcsIdxWithMatchLen(a, b));
            assertArrayEquals(withLen, (Object[]) m.get("matches"));
            assertEquals(6L, m.get("len"));
            assertArrayEquals(withLen, (Object[]) await(client.lcsIdxWithMatchLen(gs(a), gs(b))).get("matches"));
            Object[] withLen4 = {withLen[0]};
            assertArrayEquals(withLen4, (Object[]) await(client.lcsIdxWithMatchLen(a, b, 4)).get("matches"));
            Map<String, Object> binary4 = await(client.lcsIdxWithMatchLen(gs(a), gs(b), 4));
            assertArrayEquals(withLen4, (Object[]) binary4.get("matches"));
            assertTrue(binary4.keySet().stream().allMatch(key -> key instanceof String), "String keys: " + binary4.keySet());

            // The core makes LCS ... IDX a map under both protocols, also through customCommand.
            Object custom = await(client.customCommand(new String[] {"LCS", a, b, "IDX"}));
            assertInstanceOf(Map.class, custom);
            assertEquals(6L, ((Map<?, ?>) custom).get("len"));
            assertEquals("mytext", await(client.customCommand(new String[] {"LCS", a, b})));

            // Missing keys are empty strings.
            String x = "{lcs}" + key();
            String y = "{lcs}" + key();
            assertEquals("", await(client.lcs(x, y)));
            assertEquals(0L, await(client.lcsLen(x, a)));
            Map<String, Object> none = await(client.lcsIdx(x, y));
            assertEquals(0L, none.get("len"));
            assertArrayEquals(new Long[0][][], (Long[][][]) none.get("matches"));
            assertArrayEquals(new Object[0], (Object[]) await(client.lcsIdxWithMatchLen(x, y)).get("matches"));

            // Binary values: the common part is not UTF-8.
            GlideString p = gs(("{lcs}" + key()).getBytes());
            GlideString q = gs(("{lcs}" + key()).getBytes());
            await(client.set(p, gs(new byte[] {(byte) 0xff, (byte) 0xfe, 'a'})));
            await(client.set(q, gs(new byte[] {(byte) 0xff, 'a'})));
            assertEquals(gs(new byte[] {(byte) 0xff, 'a'}), await(client.lcs(p, q)));
            assertInstanceOf(RequestException.class, failure(client.lcs(p.getString(), q.getString())));
            assertEquals(2L, await(client.lcsLen(p, q)));

            String l = "{lcs}" + key();
            await(client.lpush(l, new String[] {"x"}));
            assertInstanceOf(RequestException.class, failure(client.lcs(a, l)));
            assertInstanceOf(RequestException.class, failure(client.lcsIdx(gs(l), gs(a))));
        }
    }

    // ---- defined shapes: the typed result equals customCommand's (the shape the core derives) ----

    /** Two keys for LCS: {@code key} and {@code key:2}, the values of the server's own example. */
    private static void lcsPair(GlideClient client, String key) throws Exception {
        await(client.set(key, "ohmytext"));
        await(client.set(key + ":2", "mynewtext"));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void lcsWithIdxIsAMapWhateverTheProtocol(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            Map<String, Object> plain = new LinkedHashMap<>();
            plain.put("matches", new Long[][][] {{{4L, 7L}, {5L, 8L}}, {{2L, 3L}, {0L, 1L}}});
            plain.put("len", 6L);
            SameAsDerived.check(client, StringCommandsTest::lcsPair, k -> client.lcsIdx(k, k + ":2"),
                    k -> new String[] {"LCS", k, k + ":2", "IDX"},
                    StringCommands.TEXT.lcsIdx("a", "b", null, false).convert(), plain);
            Map<String, Object> longOnes = new LinkedHashMap<>();
            longOnes.put("matches", new Object[] {new Object[] {new Object[] {4L, 7L}, new Object[] {5L, 8L}, 4L}});
            longOnes.put("len", 6L);
            SameAsDerived.check(client, StringCommandsTest::lcsPair, k -> client.lcsIdxWithMatchLen(k, k + ":2", 4),
                    k -> new String[] {"LCS", k, k + ":2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"},
                    StringCommands.TEXT.lcsIdx("a", "b", 4L, true).convert(), longOnes);
            // Without IDX the reply is the subsequence itself, no map.
            SameAsDerived.check(client, StringCommandsTest::lcsPair, k -> client.lcs(k, k + ":2"),
                    k -> new String[] {"LCS", k, k + ":2"}, StringCommands.TEXT.lcs("a", "b").convert(), "mytext");
        }
    }

    /** The binary overload: the same map, its keys text, from GlideString arguments. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void lcsWithIdxOfBinaryArguments(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String key = "d-" + UUID.randomUUID();
            lcsPair(client, key);
            Map<String, Object> typed = await(client.lcsIdx(gs(key), gs(key + ":2"), 4));
            Object raw = await(client.customCommand(new GlideString[] {gs("LCS"), gs(key), gs(key + ":2"), gs("IDX"), gs("MINMATCHLEN"), gs("4")}));
            Map<String, Object> derived = StringCommands.BINARY.lcsIdx(gs("a"), gs("b"), 4L, false).convert().apply(raw);
            assertTrue(SameAsDerived.deepEquals(typed, derived), SameAsDerived.show(typed) + " vs " + SameAsDerived.show(derived));
            assertEquals(6L, typed.get("len"));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void incrByFloatIsADoubleWhateverTheProtocol(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.check(client, (c, k) -> await(c.set(k, "1.25")), k -> client.incrByFloat(k, 0.5),
                    k -> new String[] {"INCRBYFLOAT", k, "0.5"}, StringCommands.TEXT.incrByFloat("a", 0).convert(), 1.75);
        }
    }

    /** SET's options change what it returns: the old value with GET, nil when NX fails. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void setWithOptionsReturnsWhatTheOptionsAskFor(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SetOptions get = SetOptions.builder().returnOldValue(true).expiry(SetOptions.Expiry.Seconds(50L)).build();
            Function<Object, String> text = StringCommands.TEXT.set("a", "b").convert();
            SameAsDerived.check(client, (c, k) -> await(c.set(k, "old")), k -> client.set(k, "new", get),
                    k -> new String[] {"SET", k, "new", "GET", "EX", "50"}, text, "old");
            SetOptions nx = SetOptions.builder().conditionalSetOnlyIfNotExist().build();
            SameAsDerived.check(client, (c, k) -> await(c.set(k, "old")), k -> client.set(k, "new", nx),
                    k -> new String[] {"SET", k, "new", "NX"}, text, null);
        }
    }
}
