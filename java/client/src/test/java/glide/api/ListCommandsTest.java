package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.config;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.LInsertOptions.InsertPosition;
import glide.api.models.commands.LPosOptions;
import glide.api.models.commands.ListDirection;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import glide.internal.commands.ListCommands;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The list family (issue 5): push/pop in all their forms, lpos, lindex, ltrim, llen, lrem,
 * linsert, lset, lmove/blmove, brpop, lmpop/blmpop, each in its String and GlideString form, on a
 * real server under RESP2 and RESP3. (Cluster routing of these commands is covered elsewhere.)
 */
class ListCommandsTest {
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

    /** Keys share a hash tag, so multi-key calls would also be valid on a cluster. */
    private static String key() {
        return "{l}" + UUID.randomUUID();
    }

    private static GlideString binaryKey() {
        byte[] id = key().getBytes();
        byte[] out = Arrays.copyOf(id, id.length + 2);
        out[id.length] = (byte) 0xc0;
        out[id.length + 1] = 0;
        return gs(out);
    }

    private static GlideString[] gss(String... items) {
        GlideString[] out = new GlideString[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = gs(items[i]);
        }
        return out;
    }

    private static void assertWrongType(CompletableFuture<?> future) throws Exception {
        Throwable error = failure(future);
        assertInstanceOf(RequestException.class, error);
        assertTrue(error.getMessage().startsWith("WRONGTYPE"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void pushAndPop(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(0L, await(client.lpushx(k, new String[] {"a"})), "no list, no push");
            assertEquals(0L, await(client.rpushx(k, new String[] {"a"})));
            assertEquals(0L, await(client.llen(k)));
            assertEquals(3L, await(client.rpush(k, new String[] {"c", "d", "e"})));
            assertEquals(5L, await(client.lpush(k, new String[] {"b", "a"})), "pushed one by one: a ends first");
            assertEquals(6L, await(client.rpushx(k, new String[] {"f"})));
            assertEquals(8L, await(client.lpushx(k, new String[] {"0", "-1"})));
            assertArrayEquals(new String[] {"-1", "0", "a", "b", "c", "d", "e", "f"}, await(client.lrange(k, 0, -1)));
            assertEquals("-1", await(client.lpop(k)));
            assertEquals("f", await(client.rpop(k)));
            assertArrayEquals(new String[] {"0", "a"}, await(client.lpopCount(k, 2)));
            assertArrayEquals(new String[] {"e", "d"}, await(client.rpopCount(k, 2)));
            assertArrayEquals(new String[] {"c", "b"}, await(client.rpopCount(k, 10)), "more than there are");
            assertEquals(0L, await(client.exists(new String[] {k})), "the last pop deletes the list");
            assertNull(await(client.lpop(k)));
            assertNull(await(client.rpop(k)));
            assertNull(await(client.lpopCount(k, 2)));
            assertNull(await(client.rpopCount(k, 2)));

            GlideString b = binaryKey();
            assertEquals(0L, await(client.lpushx(b, gss("x"))));
            assertEquals(0L, await(client.rpushx(b, gss("x"))));
            assertEquals(2L, await(client.rpush(b, new GlideString[] {gs(NOT_UTF8), gs("")})));
            assertEquals(3L, await(client.lpushx(b, gss("L"))));
            assertEquals(4L, await(client.rpushx(b, gss("R"))));
            assertEquals(5L, await(client.lpush(b, gss("LL"))));
            assertEquals(gs("LL"), await(client.lpop(b)));
            assertEquals(gs("R"), await(client.rpop(b)));
            assertArrayEquals(new GlideString[] {gs("L"), gs(NOT_UTF8)}, await(client.lpopCount(b, 2)));
            assertArrayEquals(new GlideString[] {gs("")}, await(client.rpopCount(b, 5)));
            assertNull(await(client.lpop(b)));
            assertNull(await(client.rpop(b)));
            assertNull(await(client.lpopCount(b, 1)));
            assertNull(await(client.rpopCount(b, 1)));

            // Elements that are not UTF-8: the String forms refuse them, the GlideString forms return them.
            String raw = key();
            await(client.rpush(gs(raw), new GlideString[] {gs(NOT_UTF8), gs(NOT_UTF8), gs(NOT_UTF8), gs("ok")}));
            Throwable error = failure(client.lrange(raw, 0, -1));
            assertInstanceOf(RequestException.class, error);
            assertTrue(error.getMessage().contains("GlideString"), error.getMessage());
            // (the server pops them all the same)
            assertInstanceOf(RequestException.class, failure(client.lpop(raw)));
            assertInstanceOf(RequestException.class, failure(client.lpopCount(raw, 1)));
            assertEquals("ok", await(client.rpop(raw)));
            assertArrayEquals(new GlideString[] {gs(NOT_UTF8)}, await(client.lrange(gs(raw), 0, -1)));

            assertInstanceOf(RequestException.class, failure(client.lpopCount(k, -1)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void indexTrimRemoveInsertSet(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertNull(await(client.lindex(k, 0)));
            assertEquals("OK", await(client.ltrim(k, 0, 1)), "trimming nothing is fine");
            assertEquals(0L, await(client.lrem(k, 0, "a")));
            assertEquals(0L, await(client.linsert(k, InsertPosition.BEFORE, "a", "b")), "no list");
            assertInstanceOf(RequestException.class, failure(client.lset(k, 0, "x")), "no such key");

            await(client.rpush(k, new String[] {"a", "b", "a", "c", "a", "d"}));
            assertEquals("a", await(client.lindex(k, 0)));
            assertEquals("d", await(client.lindex(k, -1)));
            assertNull(await(client.lindex(k, 6)));
            assertEquals(1L, await(client.lrem(k, -1, "a")), "from the tail");
            assertArrayEquals(new String[] {"a", "b", "a", "c", "d"}, await(client.lrange(k, 0, -1)));
            assertEquals(2L, await(client.lrem(k, 0, "a")), "all of them");
            assertEquals(0L, await(client.lrem(k, 1, "zz")));
            assertEquals(4L, await(client.linsert(k, InsertPosition.BEFORE, "c", "b2")));
            assertEquals(5L, await(client.linsert(k, InsertPosition.AFTER, "d", "e")));
            assertEquals(-1L, await(client.linsert(k, InsertPosition.AFTER, "missing", "x")));
            assertEquals("OK", await(client.lset(k, 0, "B")));
            assertEquals("OK", await(client.lset(k, -1, "E")));
            assertInstanceOf(RequestException.class, failure(client.lset(k, 99, "x")), "index out of range");
            assertArrayEquals(new String[] {"B", "b2", "c", "d", "E"}, await(client.lrange(k, 0, -1)));
            assertEquals("OK", await(client.ltrim(k, 1, -2)));
            assertArrayEquals(new String[] {"b2", "c", "d"}, await(client.lrange(k, 0, -1)));
            assertEquals(3L, await(client.llen(k)));
            assertEquals("OK", await(client.ltrim(k, 5, 10)), "an empty range deletes the list");
            assertEquals(0L, await(client.llen(k)));

            GlideString b = binaryKey();
            GlideString odd = gs(NOT_UTF8);
            assertEquals(0L, await(client.llen(b)));
            assertNull(await(client.lindex(b, 0)));
            await(client.rpush(b, new GlideString[] {odd, gs("m"), odd}));
            assertEquals(odd, await(client.lindex(b, -1)));
            assertEquals(4L, await(client.linsert(b, InsertPosition.AFTER, gs("m"), odd)));
            assertEquals(5L, await(client.linsert(b, InsertPosition.BEFORE, odd, gs("first"))));
            assertEquals(2L, await(client.lrem(b, 2, odd)));
            assertArrayEquals(new GlideString[] {gs("first"), gs("m"), odd}, await(client.lrange(b, 0, -1)));
            assertEquals("OK", await(client.lset(b, 1, odd)));
            assertEquals("OK", await(client.ltrim(b, 1, 1)));
            assertArrayEquals(new GlideString[] {odd}, await(client.lrange(b, 0, -1)));
            assertEquals(1L, await(client.llen(b)));
            String raw = key();
            await(client.rpush(gs(raw), new GlideString[] {odd}));
            assertInstanceOf(RequestException.class, failure(client.lindex(raw, 0)), "not UTF-8");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void lposFindsIndices(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertNull(await(client.lpos(k, "a")));
            assertArrayEquals(new Long[0], await(client.lposCount(k, "a", 0)), "no list: no matches");
            await(client.rpush(k, new String[] {"a", "b", "c", "a", "b", "a"}));
            assertEquals(1L, await(client.lpos(k, "b")));
            assertNull(await(client.lpos(k, "z")));
            assertEquals(3L, await(client.lpos(k, "a", LPosOptions.builder().rank(2L).build())));
            assertEquals(5L, await(client.lpos(k, "a", LPosOptions.builder().rank(-1L).build())), "from the tail");
            assertNull(await(client.lpos(k, "c", LPosOptions.builder().maxLength(2L).build())), "not in the first two");
            assertArrayEquals(new Long[] {0L, 3L, 5L}, await(client.lposCount(k, "a", 0)));
            assertArrayEquals(new Long[] {0L, 3L}, await(client.lposCount(k, "a", 2)));
            assertArrayEquals(new Long[0], await(client.lposCount(k, "z", 0)));
            assertArrayEquals(
                    new Long[] {5L, 3L},
                    await(client.lposCount(k, "a", 2, LPosOptions.builder().rank(-1L).build())));
            assertArrayEquals(
                    new Long[] {0L, 3L},
                    await(client.lposCount(k, "a", 0, LPosOptions.builder().maxLength(5L).build())));
            assertInstanceOf(
                    RequestException.class,
                    failure(client.lpos(k, "a", LPosOptions.builder().rank(0L).build())),
                    "RANK 0 is refused by the server");

            GlideString b = binaryKey();
            GlideString odd = gs(NOT_UTF8);
            assertNull(await(client.lpos(b, odd)));
            await(client.rpush(b, new GlideString[] {gs("x"), odd, odd}));
            assertEquals(1L, await(client.lpos(b, odd)));
            assertEquals(2L, await(client.lpos(b, odd, LPosOptions.builder().rank(-1L).maxLength(0L).build())));
            assertArrayEquals(new Long[] {1L, 2L}, await(client.lposCount(b, odd, 0)));
            assertArrayEquals(
                    new Long[] {2L}, await(client.lposCount(b, odd, 1, LPosOptions.builder().rank(2L).build())));
        }
    }

    @Test
    void optionArguments() {
        assertArrayEquals(new String[0], LPosOptions.builder().build().toArgs());
        assertArrayEquals(new String[] {"RANK", "-2"}, LPosOptions.builder().rank(-2L).build().toArgs());
        assertArrayEquals(new String[] {"MAXLEN", "7"}, LPosOptions.builder().maxLength(7L).build().toArgs());
        assertArrayEquals(
                new String[] {"RANK", "1", "MAXLEN", "0"},
                LPosOptions.builder().maxLength(0L).rank(1L).build().toArgs());
        assertEquals("COUNT", LPosOptions.COUNT_VALKEY_API);
        assertEquals("RANK", LPosOptions.RANK_VALKEY_API);
        assertEquals("MAXLEN", LPosOptions.MAXLEN_VALKEY_API);
        assertEquals(
                "LPosOptions.LPosOptionsBuilder(rank=3, maxLength=null)",
                LPosOptions.builder().rank(3L).toString());
        assertEquals(List.of(ListDirection.LEFT, ListDirection.RIGHT), List.of(ListDirection.values()));
        assertEquals(List.of(InsertPosition.BEFORE, InsertPosition.AFTER), List.of(InsertPosition.values()));
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void lmoveAndLmpop(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String src = key();
            String dst = key();
            assertNull(await(client.lmove(src, dst, ListDirection.LEFT, ListDirection.LEFT)), "empty source");
            await(client.rpush(src, new String[] {"a", "b", "c"}));
            assertEquals("a", await(client.lmove(src, dst, ListDirection.LEFT, ListDirection.RIGHT)));
            assertEquals("c", await(client.lmove(src, dst, ListDirection.RIGHT, ListDirection.LEFT)));
            assertArrayEquals(new String[] {"c", "a"}, await(client.lrange(dst, 0, -1)));
            assertEquals("c", await(client.lmove(dst, dst, ListDirection.LEFT, ListDirection.RIGHT)), "rotation");
            assertArrayEquals(new String[] {"a", "c"}, await(client.lrange(dst, 0, -1)));

            GlideString bs = binaryKey();
            GlideString bd = binaryKey();
            assertNull(await(client.lmove(bs, bd, ListDirection.RIGHT, ListDirection.RIGHT)));
            await(client.rpush(bs, new GlideString[] {gs("x"), gs(NOT_UTF8)}));
            assertEquals(gs(NOT_UTF8), await(client.lmove(bs, bd, ListDirection.RIGHT, ListDirection.LEFT)));
            assertArrayEquals(new GlideString[] {gs(NOT_UTF8)}, await(client.lrange(bd, 0, -1)));

            String empty = key();
            String l1 = key();
            String l2 = key();
            assertNull(await(client.lmpop(new String[] {empty, l1}, ListDirection.LEFT)));
            assertNull(await(client.lmpop(new String[] {empty}, ListDirection.RIGHT, 3)));
            await(client.rpush(l2, new String[] {"1", "2", "3", "4"}));
            Map<String, String[]> one = await(client.lmpop(new String[] {empty, l1, l2}, ListDirection.LEFT));
            assertEquals(List.of(l2), List.copyOf(one.keySet()));
            assertArrayEquals(new String[] {"1"}, one.get(l2));
            Map<String, String[]> three = await(client.lmpop(new String[] {l1, l2}, ListDirection.RIGHT, 3));
            assertArrayEquals(new String[] {"4", "3", "2"}, three.get(l2));
            assertEquals(1, three.size());
            assertNull(await(client.lmpop(new String[] {l2}, ListDirection.RIGHT, 3)), "popped empty");
            assertInstanceOf(RequestException.class, failure(client.lmpop(new String[] {l2}, ListDirection.LEFT, 0)));

            GlideString b1 = binaryKey();
            GlideString b2 = binaryKey();
            assertNull(await(client.lmpop(new GlideString[] {b1, b2}, ListDirection.LEFT)));
            assertNull(await(client.lmpop(new GlideString[] {b1}, ListDirection.LEFT, 2)));
            await(client.rpush(b2, new GlideString[] {gs(NOT_UTF8), gs("y"), gs("z")}));
            Map<GlideString, GlideString[]> bin = await(client.lmpop(new GlideString[] {b1, b2}, ListDirection.LEFT));
            assertArrayEquals(new GlideString[] {gs(NOT_UTF8)}, bin.get(b2));
            bin = await(client.lmpop(new GlideString[] {b1, b2}, ListDirection.LEFT, 5));
            assertArrayEquals(new GlideString[] {gs("y"), gs("z")}, bin.get(b2));
            // An element that is not UTF-8 fails the String form (the server has popped it).
            await(client.rpush(gs(l1), new GlideString[] {gs(NOT_UTF8)}));
            assertInstanceOf(RequestException.class, failure(client.lmpop(new String[] {l1}, ListDirection.LEFT)));
            assertEquals(0L, await(client.llen(l1)));

            // The core makes LMPOP a one-entry map under both protocols, also through customCommand.
            await(client.rpush(l1, new String[] {"p", "q"}));
            Object custom = await(client.customCommand(new String[] {"LMPOP", "1", l1, "LEFT", "COUNT", "2"}));
            assertInstanceOf(Map.class, custom);
            assertArrayEquals(new Object[] {"p", "q"}, (Object[]) ((Map<?, ?>) custom).get(l1));
        }
    }

    /**
     * Blocking pops wait as long as they were asked to, not the client's request timeout (200 ms
     * here), both when nothing comes (null after their own timeout) and when another client pushes.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void blockingCommandsOutliveTheRequestTimeout(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = await(GlideClient.createClient(config(server, protocol).requestTimeout(200).build()));
                GlideClient pusher = Clients.connect(server, protocol)) {
            String k = key();
            String d = key();
            assertNull(timed(() -> client.brpop(new String[] {k}, 1.0), 950));
            assertNull(timed(() -> client.blmove(k, d, ListDirection.LEFT, ListDirection.RIGHT, 1.0), 950));
            assertNull(timed(() -> client.blmpop(new String[] {k, d}, ListDirection.LEFT, 0.5), 450));
            assertNull(timed(() -> client.blmpop(new String[] {k}, ListDirection.RIGHT, 2, 0.5), 450));

            // An element pushed after 400 ms by another client wakes each of them.
            assertArrayEquals(
                    new String[] {k, "late"}, pushedLate(pusher, k, () -> client.brpop(new String[] {d, k}, 5), "late"));
            assertEquals(
                    "late",
                    pushedLate(pusher, k, () -> client.blmove(k, d, ListDirection.RIGHT, ListDirection.LEFT, 5), "late"));
            assertArrayEquals(new String[] {"late"}, await(client.lrange(d, 0, -1)));
            Map<String, String[]> popped = pushedLate(pusher, k, () -> client.blmpop(new String[] {k}, ListDirection.LEFT, 1.5), "late");
            assertArrayEquals(new String[] {"late"}, popped.get(k));
            Map<String, String[]> counted = pushedLate(pusher, k, () -> client.blmpop(new String[] {k}, ListDirection.LEFT, 10, 3), "late", "x");
            assertArrayEquals(new String[] {"late", "x"}, counted.get(k));

            // Binary forms: served at once, or null after their timeout.
            GlideString b = binaryKey();
            GlideString bd = binaryKey();
            assertNull(timed(() -> client.brpop(new GlideString[] {b}, 0.3), 250));
            assertNull(timed(() -> client.blmove(b, bd, ListDirection.LEFT, ListDirection.LEFT, 0.3), 250));
            assertNull(timed(() -> client.blmpop(new GlideString[] {b}, ListDirection.LEFT, 0.3), 250));
            assertNull(timed(() -> client.blmpop(new GlideString[] {b}, ListDirection.LEFT, 3, 0.3), 250));
            await(client.rpush(b, new GlideString[] {gs("1"), gs("2"), gs(NOT_UTF8), gs("4"), gs("5")}));
            assertArrayEquals(new GlideString[] {b, gs("5")}, await(client.brpop(new GlideString[] {bd, b}, 1)));
            assertEquals(gs("4"), await(client.blmove(b, bd, ListDirection.RIGHT, ListDirection.LEFT, 1)));
            assertArrayEquals(new GlideString[] {gs(NOT_UTF8)}, await(client.blmpop(new GlideString[] {b}, ListDirection.RIGHT, 1)).get(b));
            assertArrayEquals(new GlideString[] {gs("1"), gs("2")}, await(client.blmpop(new GlideString[] {b}, ListDirection.LEFT, 5, 1)).get(b));
            assertArrayEquals(new GlideString[] {gs("4")}, await(client.lrange(bd, 0, -1)));
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

    /** Starts a blocking call, pushes {@code elements} to {@code key} 400 ms later, and returns its result. */
    private static <T> T pushedLate(GlideClient pusher, String key, Call<T> call, String... elements) throws Exception {
        long start = System.nanoTime();
        CompletableFuture<T> pending = call.start();
        Thread.sleep(400);
        assertTrue(!pending.isDone(), "completed before the push");
        await(pusher.rpush(key, elements));
        T result = await(pending);
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsed >= 400, "returned after " + elapsed + " ms");
        return result;
    }

    @Test
    void largeListInOneCall() throws Exception {
        // 100k elements in one reply: a loaded CI machine may take longer than the default 250 ms.
        try (GlideClient client = await(GlideClient.createClient(Clients.config(server, ProtocolVersion.RESP3).requestTimeout(10_000).build()))) {
            int n = 100_000;
            String[] elements = new String[n];
            GlideString[] binary = new GlideString[n];
            for (int i = 0; i < n; i++) {
                elements[i] = "element-" + i;
                binary[i] = gs(new byte[] {(byte) 0xff, (byte) i, (byte) (i >> 8), (byte) (i >> 16)});
            }
            String k = key();
            assertEquals((long) n, await(client.rpush(k, elements)));
            assertArrayEquals(elements, await(client.lrange(k, 0, -1)));
            assertEquals((long) n, await(client.llen(k)));
            assertEquals(n - 1L, await(client.lpos(k, "element-" + (n - 1))));
            assertEquals("element-50000", await(client.lindex(k, 50_000)));

            GlideString b = binaryKey();
            assertEquals((long) n, await(client.lpush(b, binary)));
            GlideString[] reversed = new GlideString[n];
            for (int i = 0; i < n; i++) {
                reversed[i] = binary[n - 1 - i];
            }
            assertArrayEquals(reversed, await(client.lrange(b, 0, -1)));
            assertArrayEquals(reversed, await(client.lpopCount(b, n)));
            assertEquals(0L, await(client.llen(b)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void everyListCommandRefusesAString(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String s = key();
            String l = key();
            await(client.set(s, "text"));
            await(client.rpush(l, new String[] {"x"}));
            GlideString g = gs(s);
            List<Function<GlideClient, CompletableFuture<?>>> calls = List.of(
                    c -> c.lpush(s, new String[] {"a"}),
                    c -> c.rpush(g, gss("a")),
                    c -> c.lpushx(s, new String[] {"a"}),
                    c -> c.rpushx(g, gss("a")),
                    c -> c.lpop(s),
                    c -> c.rpop(g),
                    c -> c.lpopCount(g, 2),
                    c -> c.rpopCount(s, 2),
                    c -> c.lpos(s, "a"),
                    c -> c.lposCount(g, gs("a"), 0),
                    c -> c.lrange(s, 0, -1),
                    c -> c.lindex(g, 0),
                    c -> c.ltrim(s, 0, 1),
                    c -> c.llen(g),
                    c -> c.lrem(s, 0, "a"),
                    c -> c.linsert(g, InsertPosition.AFTER, gs("a"), gs("b")),
                    c -> c.lset(s, 0, "a"),
                    c -> c.lmove(s, l, ListDirection.LEFT, ListDirection.LEFT),
                    c -> c.lmove(l, s, ListDirection.LEFT, ListDirection.LEFT),
                    c -> c.blmove(g, gs(l), ListDirection.LEFT, ListDirection.LEFT, 0.1),
                    c -> c.brpop(new String[] {s}, 0.1),
                    c -> c.blpop(new GlideString[] {g}, 0.1),
                    c -> c.lmpop(new String[] {s}, ListDirection.LEFT),
                    c -> c.blmpop(new GlideString[] {g}, ListDirection.RIGHT, 2, 0.1));
            for (Function<GlideClient, CompletableFuture<?>> call : calls) {
                assertWrongType(call.apply(client));
            }
            assertEquals("text", await(client.get(s)));
            assertArrayEquals(new String[] {"x"}, await(client.lrange(l, 0, -1)), "the list was not moved");
        }
    }

    // ---- defined shapes: the typed result equals customCommand's (the shape the core derives) ----

    /**
     * Runs {@code typed}, then {@code raw} as customCommand, each on {@code key} freshly set to
     * [a, b, c] (their replies name the key, so both must pop from the same one): the customCommand
     * reply through the definition's converter must equal the typed result, and that {@code expected}.
     */
    private static <K, V> void sameAsDerived(
            GlideClient client,
            String key,
            Callable<CompletableFuture<Map<K, V[]>>> typed,
            Callable<CompletableFuture<Object>> raw,
            Function<Object, Map<K, V[]>> convert,
            Map<K, V[]> expected)
            throws Exception {
        await(client.del(new String[] {key}));
        await(client.rpush(key, new String[] {"a", "b", "c"}));
        Map<K, V[]> viaDefinition = await(typed.call());
        await(client.del(new String[] {key}));
        await(client.rpush(key, new String[] {"a", "b", "c"}));
        Map<K, V[]> viaProbe = convert.apply(await(raw.call()));
        assertTrue(SameAsDerived.deepEquals(viaDefinition, viaProbe), SameAsDerived.show(viaDefinition) + " vs " + SameAsDerived.show(viaProbe));
        assertTrue(SameAsDerived.deepEquals(expected, viaDefinition), SameAsDerived.show(viaDefinition));
    }

    /** LMPOP and BLMPOP: {key: elements} from [key, [elements]] under both protocols; nil stays null. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void lmpopAndBlmpopAreAKeyToElementsMapWhateverTheProtocol(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            String empty = key();
            Function<Object, Map<String, String[]>> text = ListCommands.TEXT.lmpop(new String[] {k}, ListDirection.LEFT, null).convert();
            sameAsDerived(client, k, () -> client.lmpop(new String[] {empty, k}, ListDirection.LEFT),
                    () -> client.customCommand(new String[] {"LMPOP", "2", empty, k, "LEFT"}), text, Map.of(k, new String[] {"a"}));
            sameAsDerived(client, k, () -> client.lmpop(new String[] {k}, ListDirection.RIGHT, 2),
                    () -> client.customCommand(new String[] {"LMPOP", "1", k, "RIGHT", "COUNT", "2"}), text,
                    Map.of(k, new String[] {"c", "b"}));
            sameAsDerived(client, k, () -> client.blmpop(new String[] {empty, k}, ListDirection.LEFT, 0.5),
                    () -> client.customCommand(new String[] {"BLMPOP", "0.5", "2", empty, k, "LEFT"}), text,
                    Map.of(k, new String[] {"a"}));
            sameAsDerived(client, k, () -> client.blmpop(new String[] {k}, ListDirection.RIGHT, 5, 0.5),
                    () -> client.customCommand(new String[] {"BLMPOP", "0.5", "1", k, "RIGHT", "COUNT", "5"}), text,
                    Map.of(k, new String[] {"c", "b", "a"}));
            sameAsDerived(client, k, () -> client.lmpop(new String[] {empty}, ListDirection.LEFT),
                    () -> client.customCommand(new String[] {"LMPOP", "1", empty, "LEFT"}), text, null);

            Function<Object, Map<GlideString, GlideString[]>> binary =
                    ListCommands.BINARY.lmpop(new GlideString[] {gs(k)}, ListDirection.LEFT, null).convert();
            sameAsDerived(client, k, () -> client.blmpop(new GlideString[] {gs(empty), gs(k)}, ListDirection.LEFT, 2, 0.5),
                    () -> client.customCommand(new GlideString[] {gs("BLMPOP"), gs("0.5"), gs("2"), gs(empty), gs(k), gs("LEFT"), gs("COUNT"), gs("2")}),
                    binary, Map.of(gs(k), new GlideString[] {gs("a"), gs("b")}));
        }
    }
}
