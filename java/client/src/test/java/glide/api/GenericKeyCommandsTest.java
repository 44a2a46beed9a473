package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.MigrateOptions;
import glide.api.models.commands.SortBaseOptions;
import glide.api.models.commands.SortBaseOptions.Limit;
import glide.api.models.commands.SortBaseOptions.OrderBy;
import glide.api.models.commands.SortOptions;
import glide.api.models.commands.SortOptionsBinary;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import glide.internal.commands.KeyCommands;
import java.util.function.Function;

/** The generic key family (issue 5): expiry, rename, type, copy, dump/restore, object, move, wait. */
class GenericKeyCommandsTest {
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
        return "g-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void expiryFamily(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertFalse(await(client.expire(k, 100)), "no such key");
            assertEquals(-2L, await(client.ttl(k)));
            await(client.set(k, "v"));
            assertEquals(-1L, await(client.ttl(k)));
            assertEquals(-1L, await(client.expiretime(k)));
            assertTrue(await(client.expire(k, 100)));
            long ttl = await(client.ttl(k));
            assertTrue(ttl > 90 && ttl <= 100, "ttl " + ttl);
            long pttl = await(client.pttl(k));
            assertTrue(pttl > 90_000 && pttl <= 100_000, "pttl " + pttl);
            // Conditions: NX fails on a key with a timeout; GT only lengthens.
            assertFalse(await(client.expire(k, 50, ExpireOptions.HAS_NO_EXPIRY)));
            assertFalse(await(client.expire(k, 50, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT)));
            assertTrue(await(client.expire(k, 500, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT)));
            assertTrue(await(client.pexpire(k, 400_000, ExpireOptions.NEW_EXPIRY_LESS_THAN_CURRENT)));
            long now = System.currentTimeMillis() / 1000;
            assertTrue(await(client.expireAt(k, now + 1000)));
            assertEquals(now + 1000, await(client.expiretime(k)));
            assertTrue(await(client.pexpireAt(k, (now + 2000) * 1000, ExpireOptions.HAS_EXISTING_EXPIRY)));
            assertEquals((now + 2000) * 1000, await(client.pexpiretime(k)));
            assertTrue(await(client.persist(k)));
            assertFalse(await(client.persist(k)), "no timeout left");
            assertEquals(-1L, await(client.pttl(k)));
            // A time in the past deletes the key.
            assertTrue(await(client.pexpireAt(k, 1)));
            assertEquals(0L, await(client.exists(new String[] {k})));

            GlideString b = gs(new byte[] {'g', (byte) 0xff, 0});
            await(client.set(b, gs("v")));
            assertTrue(await(client.pexpire(b, 100_000)));
            assertTrue(await(client.pttl(b)) > 0);
            assertTrue(await(client.expireAt(b, now + 100, ExpireOptions.HAS_EXISTING_EXPIRY)));
            assertEquals(now + 100, await(client.expiretime(b)));
            assertTrue(await(client.persist(b)));
            assertEquals(-1L, await(client.ttl(b)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void renameTypeAndCopy(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = key();
            String b = key();
            assertInstanceOf(RequestException.class, failure(client.rename(a, b)), "no such key");
            await(client.set(a, "1"));
            assertEquals("OK", await(client.rename(a, b)));
            assertNull(await(client.get(a)));
            await(client.set(a, "2"));
            assertFalse(await(client.renamenx(a, b)), "b exists");
            assertEquals("1", await(client.get(b)));

            assertEquals("string", await(client.type(a)));
            assertEquals("none", await(client.type(key())));
            String h = key();
            await(client.hset(h, Map.of("f", "v")));
            assertEquals("hash", await(client.type(h)));
            String l = key();
            await(client.lpush(l, new String[] {"x"}));
            assertEquals("list", await(client.type(gs(l))));

            String c = key();
            assertTrue(await(client.copy(a, c)));
            assertFalse(await(client.copy(b, c)), "c exists");
            assertTrue(await(client.copy(b, c, true)));
            assertEquals("1", await(client.get(c)));
            assertTrue(await(client.copy(a, c, 3L)));
            assertFalse(await(client.copy(b, c, 3L, false)));
            assertTrue(await(client.copy(b, c, 3L, true)));
            assertEquals("OK", await(client.select(3)));
            assertEquals("1", await(client.get(c)));
            assertEquals("OK", await(client.select(0)));

            GlideString bs = binaryKey(1);
            GlideString bd = binaryKey(2);
            await(client.set(bs, gs("b")));
            assertTrue(await(client.copy(bs, bd)));
            assertTrue(await(client.renamenx(bd, binaryKey(3))));
            assertEquals("OK", await(client.rename(bs, bd)));
            assertEquals(gs("b"), await(client.get(bd)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void dumpRestoreObjectAndMove(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            GlideString k = gs(key());
            assertNull(await(client.dump(k)));
            await(client.set(k, gs("12345")));
            byte[] dumped = await(client.dump(k));
            assertNotNull(dumped);
            GlideString copy = gs(key());
            assertEquals("OK", await(client.restore(copy, 0, dumped)));
            assertEquals(gs("12345"), await(client.get(copy)));
            // Restoring over an existing key needs REPLACE; ABSTTL takes a Unix time in ms.
            assertInstanceOf(RequestException.class, failure(client.restore(copy, 0, dumped)));
            long at = System.currentTimeMillis() + 100_000;
            assertEquals("OK", await(client.restore(copy, at, dumped, RestoreOptions.builder().replace().absttl().build())));
            assertTrue(await(client.pttl(copy)) > 0);
            assertEquals("OK", await(client.restore(copy, 0, dumped, RestoreOptions.builder().replace().idletime(1000L).build())));
            assertTrue(await(client.objectIdletime(copy)) >= 1000);
            assertInstanceOf(RequestException.class, failure(client.restore(gs(key()), 0, new byte[] {1, 2, 3})), "bad payload");
            // IDLETIME with FREQ: refused before sending, as valkey-glide 2.3.1 does (issue 15)
            RestoreOptions both = RestoreOptions.builder().replace().idletime(10L).frequency(5L).build();
            IllegalArgumentException refused =
                    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> client.restore(copy, 0, dumped, both));
            assertEquals("IDLETIME and FREQ cannot be set at the same time.", refused.getMessage());

            assertEquals("int", await(client.objectEncoding(k)));
            assertEquals("embstr", await(client.objectEncoding(setAndGet(client, "text"))));
            assertNull(await(client.objectEncoding(key())));
            assertTrue(await(client.objectRefcount(k)) >= 1);
            assertNull(await(client.objectIdletime(key())));
            // OBJECT FREQ needs an LFU eviction policy.
            assertInstanceOf(RequestException.class, failure(client.objectFreq(k)));
            await(client.customCommand(new String[] {"CONFIG", "SET", "maxmemory-policy", "allkeys-lfu"}));
            try {
                assertTrue(await(client.objectFreq(k)) >= 0);
            } finally {
                await(client.customCommand(new String[] {"CONFIG", "SET", "maxmemory-policy", "noeviction"}));
            }

            String m = key();
            await(client.set(m, "moved"));
            assertTrue(await(client.move(m, 5)));
            assertFalse(await(client.move(m, 5)), "no longer here");
            assertEquals("OK", await(client.select(5)));
            assertEquals("moved", await(client.get(m)));
            assertTrue(await(client.move(gs(m), 0)));
            assertEquals("OK", await(client.select(0)));
            assertEquals("moved", await(client.get(m)));
            // No replicas: WAIT answers 0 once its timeout passes (long arguments: wait(long, int)
            // is Object's).
            assertEquals(0L, await(client.wait(1L, 50L)));
        }
    }

    /** A unique key that is not UTF-8. */
    private static GlideString binaryKey(int tag) {
        byte[] unique = key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[unique.length + 2];
        bytes[0] = (byte) 0xfe;
        bytes[1] = (byte) tag;
        System.arraycopy(unique, 0, bytes, 2, unique.length);
        return gs(bytes);
    }

    private static String setAndGet(GlideClient client, String value) throws Exception {
        String k = key();
        await(client.set(k, value));
        return k;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void wrongTypesAreRequestExceptions(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String h = key();
            await(client.hset(h, Map.of("f", "v")));
            Throwable e = failure(client.get(h));
            assertInstanceOf(RequestException.class, e);
            assertTrue(e.getMessage().startsWith("WRONGTYPE"), e.getMessage());
            // A key of any type can expire.
            assertTrue(await(client.expire(h, 10)));
            assertEquals(1L, await(client.exists(new String[] {h})));
        }
    }
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void sortFamily(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String tag = key();
            String l = tag + ":list";
            await(client.rpush(l, new String[] {"3", "1", "2"}));
            assertArrayEquals(new String[] {"1", "2", "3"}, await(client.sort(l)));
            assertArrayEquals(new String[] {"1", "2", "3"}, await(client.sortReadOnly(l)));
            assertArrayEquals(new String[0], await(client.sort(key())), "missing key");
            assertArrayEquals(new String[0], await(client.sortReadOnly(key())), "missing key");
            // Weights and values in other keys: BY sorts by them, GET returns them.
            await(client.mset(Map.of("w_1", "30", "w_2", "10", "w_3", "20", "o_1", "one", "o_2", "two", "o_3", "three")));
            SortOptions byWeight = SortOptions.builder().byPattern("w_*").getPattern("#").getPattern("o_*").build();
            assertArrayEquals(new String[] {"2", "two", "3", "three", "1", "one"}, await(client.sort(l, byWeight)));
            assertArrayEquals(new String[] {"2", "two", "3", "three", "1", "one"}, await(client.sortReadOnly(l, byWeight)));
            SortOptions descLimited = SortOptions.builder().orderBy(OrderBy.DESC).limit(new Limit(1, 5)).build();
            assertArrayEquals(new String[] {"2", "1"}, await(client.sort(l, descLimited)));
            assertArrayEquals(new String[] {null, null, null},
                    await(client.sort(l, SortOptions.builder().getPattern("nokey_*").build())), "GET of missing keys");

            String words = tag + ":set";
            await(client.sadd(words, new String[] {"b", "c", "a"}));
            assertInstanceOf(RequestException.class, failure(client.sort(words)), "not numbers without ALPHA");
            assertArrayEquals(new String[] {"a", "b", "c"}, await(client.sort(words, SortOptions.builder().alpha().build())));

            String dest = tag + ":dest";
            assertEquals(3L, await(client.sortStore(l, dest)));
            assertArrayEquals(new String[] {"1", "2", "3"}, await(client.lrange(dest, 0, -1)));
            assertEquals(2L, await(client.sortStore(words, dest,
                    SortOptions.builder().isAlpha(true).orderBy(OrderBy.DESC).limit(new Limit(0, 2)).build())));
            assertArrayEquals(new String[] {"c", "b"}, await(client.lrange(dest, 0, -1)));
            assertEquals(0L, await(client.sortStore(key(), dest)), "missing source");
            assertEquals(0L, await(client.exists(new String[] {dest})));

            String s = key();
            await(client.set(s, "v"));
            assertInstanceOf(RequestException.class, failure(client.sort(s)));
            assertInstanceOf(RequestException.class, failure(client.sortReadOnly(s)));
            assertInstanceOf(RequestException.class, failure(client.sortStore(s, dest)));

            // Binary: elements, patterns and keys that are not UTF-8.
            GlideString bl = binaryKey(7);
            GlideString odd = gs(new byte[] {(byte) 0xff, 'x'});
            await(client.rpush(bl, new GlideString[] {gs("2"), gs("1")}));
            await(client.set(gs(new byte[] {'v', (byte) 0xfe, '1'}), odd));
            assertArrayEquals(new GlideString[] {gs("1"), gs("2")}, await(client.sort(bl)));
            assertArrayEquals(new GlideString[] {gs("1"), gs("2")}, await(client.sortReadOnly(bl)));
            SortOptionsBinary getOdd = SortOptionsBinary.builder().getPattern(gs(new byte[] {'v', (byte) 0xfe, '*'})).build();
            assertArrayEquals(new GlideString[] {odd, null}, await(client.sort(bl, getOdd)));
            assertArrayEquals(new GlideString[] {odd, null}, await(client.sortReadOnly(bl, getOdd)));
            GlideString bdest = binaryKey(8);
            assertEquals(2L, await(client.sortStore(bl, bdest)));
            assertEquals(1L, await(client.sortStore(bl, bdest,
                    SortOptionsBinary.builder().orderBy(OrderBy.DESC).limit(new Limit(0, 1)).build())));
            assertArrayEquals(new GlideString[] {gs("2")}, await(client.lrange(bdest, 0, -1)));
        }
    }

    @Test
    void sortAndMigrateOptionArguments() {
        assertArrayEquals(
                new String[] {"LIMIT", "0", "5", "DESC", "ALPHA", "BY", "w_*", "GET", "#", "GET", "o_*"},
                SortOptions.builder().byPattern("w_*").getPattern("#").getPatterns(List.of("o_*")).alpha()
                        .limit(new Limit(0, 5)).orderBy(OrderBy.DESC).build().toArgs());
        assertArrayEquals(new String[0], SortOptions.builder().getPattern("x").clearGetPatterns().build().toArgs());
        assertArrayEquals(new String[] {"ALPHA", "BY", "w_*", "GET", "#"},
                SortOptionsBinary.builder().byPattern(gs("w_*")).getPatterns(List.of(gs("#"))).alpha().build().toArgs());
        assertArrayEquals(new GlideString[] {gs("ASC"), gs("GET"), gs(new byte[] {(byte) 0xff})},
                SortOptionsBinary.builder().orderBy(OrderBy.ASC).getPattern(gs(new byte[] {(byte) 0xff})).build()
                        .toGlideStringArgs());
        assertEquals("STORE", SortBaseOptions.STORE_COMMAND_STRING);
        assertEquals(gs("BY"), SortOptionsBinary.BY_COMMAND_GLIDE_STRING);
        assertArrayEquals(new String[] {"COPY", "REPLACE", "AUTH2", "u", "p"},
                MigrateOptions.builder().copy(true).replace(true).username("u").password("p").build().toArgs());
        assertArrayEquals(new String[] {"AUTH", "p"}, MigrateOptions.builder().password("p").build().toArgs());
        assertArrayEquals(new String[0], MigrateOptions.builder().username("u").build().toArgs(), "no password: no AUTH");
        assertArrayEquals(new String[0], MigrateOptions.builder().build().toArgs());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void migrateMovesKeysToAnotherServer(ProtocolVersion protocol) throws Exception {
        try (RedisServer target = RedisServer.start("--requirepass", "secret");
                GlideClient client = Clients.connect(server, protocol);
                GlideClient onTarget = await(GlideClient.createClient(Clients.config(target, protocol)
                        .credentials(ServerCredentials.builder().password("secret").build()).build()))) {
            try {
                String k = key();
                long port = target.port();
                assertEquals("NOKEY", await(client.migrate("127.0.0.1", port, k, 0, 5000)));
                await(client.set(k, "v1"));
                assertInstanceOf(RequestException.class, failure(client.migrate("127.0.0.1", port, k, 0, 5000)), "no AUTH");
                MigrateOptions auth = MigrateOptions.builder().password("secret").build();
                assertEquals("OK", await(client.migrate("127.0.0.1", port, k, 0, 5000, auth)));
                assertEquals(0L, await(client.exists(new String[] {k})), "moved, not copied");
                assertEquals("v1", await(onTarget.get(k)));

                // The target has the key now: COPY keeps the source, REPLACE overwrites the target.
                await(client.set(k, "v2"));
                assertInstanceOf(RequestException.class, failure(client.migrate("127.0.0.1", port, k, 0, 5000,
                        MigrateOptions.builder().copy(true).password("secret").build())), "BUSYKEY");
                assertEquals("OK", await(client.migrate("127.0.0.1", port, k, 0, 5000,
                        MigrateOptions.builder().copy(true).replace(true).username("default").password("secret").build())));
                assertEquals("v2", await(client.get(k)), "COPY kept it");
                assertEquals("v2", await(onTarget.get(k)), "REPLACE overwrote it");

                GlideString b = binaryKey(9);
                await(client.set(b, gs("bin")));
                assertEquals("OK", await(client.migrate("127.0.0.1", port, b, 0, 5000, auth)));
                assertEquals(0L, await(client.exists(new GlideString[] {b})));
                assertEquals(gs("bin"), await(onTarget.get(b)));
                assertEquals("NOKEY", await(client.migrate("127.0.0.1", port, b, 0, 5000)));
            } finally {
                // So the helper can stop the target without a password.
                await(onTarget.customCommand(new String[] {"CONFIG", "SET", "requirepass", ""}));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void waitaofCountsLocalFsyncs(ProtocolVersion protocol) throws Exception {
        try (RedisServer aof = RedisServer.start("--appendonly", "yes", "--appendfsync", "always");
                GlideClient client = Clients.connect(aof, protocol)) {
            String info = (String) await(client.customCommand(new String[] {"INFO", "server"}));
            boolean has = !info.contains("redis_version:6.") && !info.contains("redis_version:7.0.")
                    && !info.contains("redis_version:7.1.");
            await(client.set(key(), "v"));
            if (has) {
                assertArrayEquals(new Long[] {1L, 0L}, await(client.waitaof(1, 0, 1000)));
                assertInstanceOf(RequestException.class, failure(client.waitaof(1, 1, -1)), "negative timeout");
            } else {
                // Servers before 7.2 do not know the command: the server's error comes back.
                Throwable e = failure(client.waitaof(1, 0, 1000));
                assertInstanceOf(RequestException.class, e);
                assertTrue(e.getMessage().toLowerCase().contains("unknown command"), e.getMessage());
            }
        }
    }

    // ---- defined shapes: the typed result equals customCommand's (the shape the core derives) ----

    /** Yes-or-no replies (0/1 integers on the wire) are booleans, with and without a condition. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void conditionalKeyCommandsAreBooleans(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.Setup value = (c, k) -> await(c.set(k, "v"));
            SameAsDerived.Setup expiring = (c, k) -> {
                await(c.set(k, "v"));
                await(c.expire(k, 100));
            };
            Function<Object, Boolean> bool = KeyCommands.TEXT.persist("a").convert();
            SameAsDerived.check(client, value, k -> client.expire(k, 100, ExpireOptions.HAS_NO_EXPIRY),
                    k -> new String[] {"EXPIRE", k, "100", "NX"}, bool, true);
            SameAsDerived.check(client, expiring, k -> client.expire(k, 100, ExpireOptions.HAS_NO_EXPIRY),
                    k -> new String[] {"EXPIRE", k, "100", "NX"}, bool, false);
            SameAsDerived.check(client, expiring, k -> client.pexpireAt(k, 1, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT),
                    k -> new String[] {"PEXPIREAT", k, "1", "GT"}, bool, false);
            SameAsDerived.check(client, expiring, k -> client.persist(k), k -> new String[] {"PERSIST", k}, bool, true);
            SameAsDerived.check(client, value, k -> client.copy(k, k + ":copy", true),
                    k -> new String[] {"COPY", k, k + ":copy", "REPLACE"}, bool, true);
            SameAsDerived.check(client, (c, k) -> { value.on(c, k); value.on(c, k + ":new"); }, k -> client.renamenx(k, k + ":new"),
                    k -> new String[] {"RENAMENX", k, k + ":new"}, bool, false);
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.msetnx(Map.of(k, "a", k + ":2", "b")),
                    k -> new String[] {"MSETNX", k, "a", k + ":2", "b"}, bool, true);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void sortWithOptionsIsAnArrayOfValues(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SortOptions options = SortOptions.builder().alpha().orderBy(OrderBy.DESC).limit(new Limit(0, 2)).build();
            SameAsDerived.check(client, (c, k) -> await(c.rpush(k, new String[] {"b", "c", "a"})), k -> client.sort(k, options),
                    k -> new String[] {"SORT", k, "LIMIT", "0", "2", "DESC", "ALPHA"},
                    KeyCommands.TEXT.sort("a").convert(), new String[] {"c", "b"});
        }
    }
}
