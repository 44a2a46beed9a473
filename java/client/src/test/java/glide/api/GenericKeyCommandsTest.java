package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
}
