package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.bitmap.BitFieldOptions;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldGet;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldIncrby;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldOverflow;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldOverflow.BitOverflowControl;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldReadOnlySubCommands;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSet;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSubCommands;
import glide.api.models.commands.bitmap.BitFieldOptions.Offset;
import glide.api.models.commands.bitmap.BitFieldOptions.OffsetMultiplier;
import glide.api.models.commands.bitmap.BitFieldOptions.SignedEncoding;
import glide.api.models.commands.bitmap.BitFieldOptions.UnsignedEncoding;
import glide.api.models.commands.bitmap.BitmapIndexType;
import glide.api.models.commands.bitmap.BitwiseOperation;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.internal.commands.BitmapCommands;
import glide.internal.commands.HyperLogLogCommands;
import glide.testutil.RedisServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HyperLogLog and bitmap families (issue 5). */
class HyperLogLogAndBitmapCommandsTest {
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
        return "hb-" + UUID.randomUUID();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void hyperLogLog(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = key();
            String b = key();
            String[] many = new String[10_000];
            for (int i = 0; i < many.length; i++) {
                many[i] = "e" + i;
            }
            assertTrue(await(client.pfadd(a, many)));
            assertFalse(await(client.pfadd(a, new String[] {"e1", "e2"})), "nothing new");
            long estimate = await(client.pfcount(new String[] {a}));
            assertTrue(Math.abs(estimate - 10_000) < 300, "estimate " + estimate);
            assertTrue(await(client.pfadd(b, new String[] {"x", "y"})));
            String merged = key();
            assertEquals("OK", await(client.pfmerge(merged, new String[] {a, b})));
            assertTrue(await(client.pfcount(new String[] {merged})) > estimate);
            assertEquals(0L, await(client.pfcount(new String[] {key()})));

            GlideString bin = gs(key());
            assertTrue(await(client.pfadd(bin, new GlideString[] {gs(new byte[] {(byte) 0xff}), gs(new byte[] {0})})));
            assertEquals(2L, await(client.pfcount(new GlideString[] {bin})));
            GlideString binMerged = gs(key());
            assertEquals("OK", await(client.pfmerge(binMerged, new GlideString[] {bin})));
            assertEquals(2L, await(client.pfcount(new GlideString[] {binMerged, bin})));

            String notHll = key();
            await(client.set(notHll, "plain"));
            assertInstanceOf(RequestException.class, failure(client.pfcount(new String[] {notHll})));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void bitsCountsPositionsAndOperations(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            // "\xff\xf0\x00" : 12 bits set
            await(client.set(gs(k), gs(new byte[] {(byte) 0xff, (byte) 0xf0, 0})));
            assertEquals(12L, await(client.bitcount(k)));
            // BITCOUNT key start, as valkey-glide sends it: Valkey 8 and later count to the end;
            // Redis 7.0 wants an end too and says so.
            if (((String) await(client.info())).contains("valkey_version")) {
                assertEquals(4L, await(client.bitcount(k, 1)));
                assertEquals(4L, await(client.bitcount(gs(k), 1)));
            } else {
                Throwable error = failure(client.bitcount(k, 1));
                assertInstanceOf(RequestException.class, error, String.valueOf(error));
                assertTrue(error.getMessage().contains("syntax error"), error.getMessage());
            }
            assertEquals(8L, await(client.bitcount(k, 0, 0)));
            assertEquals(4L, await(client.bitcount(gs(k), 8, 11, BitmapIndexType.BIT)));
            assertEquals(12L, await(client.bitcount(gs(k), 0, -1, BitmapIndexType.BYTE)));
            assertEquals(0L, await(client.bitcount(key())));

            assertEquals(12L, await(client.bitpos(k, 0)));
            assertEquals(0L, await(client.bitpos(k, 1)));
            assertEquals(8L, await(client.bitpos(k, 1, 1)));
            assertEquals(-1L, await(client.bitpos(k, 1, 2, 2)));
            assertEquals(12L, await(client.bitpos(gs(k), 0, 9, 15, BitmapIndexType.BIT)));

            String s = key();
            assertEquals(0L, await(client.setbit(s, 7, 1)));
            assertEquals(1L, await(client.setbit(gs(s), 7, 0)));
            assertEquals(0L, await(client.getbit(s, 7)));
            assertEquals(0L, await(client.getbit(gs(s), 1_000_000)));
            assertInstanceOf(RequestException.class, failure(client.setbit(s, 7, 2)), "a bit is 0 or 1");

            String x = key();
            String y = key();
            await(client.set(gs(x), gs(new byte[] {(byte) 0b1100})));
            await(client.set(gs(y), gs(new byte[] {(byte) 0b1010})));
            String dest = key();
            assertEquals(1L, await(client.bitop(BitwiseOperation.AND, dest, new String[] {x, y})));
            assertArrayEquals(new byte[] {(byte) 0b1000}, await(client.get(gs(dest))).getBytes());
            assertEquals(1L, await(client.bitop(BitwiseOperation.XOR, gs(dest), new GlideString[] {gs(x), gs(y)})));
            assertArrayEquals(new byte[] {(byte) 0b0110}, await(client.get(gs(dest))).getBytes());
            assertEquals(1L, await(client.bitop(BitwiseOperation.NOT, dest, new String[] {x})));
            assertArrayEquals(new byte[] {(byte) 0b11110011}, await(client.get(gs(dest))).getBytes());
            assertInstanceOf(RequestException.class, failure(client.bitop(BitwiseOperation.NOT, dest, new String[] {x, y})));

            String h = key();
            await(client.hset(h, Map.of("f", "v")));
            assertInstanceOf(RequestException.class, failure(client.bitcount(h)), "WRONGTYPE");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void bitfields(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Long[] set =
                    await(
                            client.bitfield(
                                    k,
                                    new BitFieldSubCommands[] {
                                        new BitFieldSet(new UnsignedEncoding(8), new Offset(0), 200),
                                        new BitFieldIncrby(new UnsignedEncoding(8), new Offset(0), 100),
                                        new BitFieldOverflow(BitOverflowControl.SAT),
                                        new BitFieldIncrby(new UnsignedEncoding(8), new Offset(0), 100),
                                        new BitFieldOverflow(BitOverflowControl.FAIL),
                                        new BitFieldIncrby(new UnsignedEncoding(8), new Offset(0), 200),
                                        new BitFieldSet(new SignedEncoding(8), new OffsetMultiplier(1), -5)
                                    }));
            // SET replies the old value; INCRBY wraps (300 -> 44), then under FAIL refuses (null);
            // OVERFLOW itself replies nothing.
            assertArrayEquals(new Long[] {0L, 44L, 144L, null, 0L}, set);
            Long[] got =
                    await(
                            client.bitfieldReadOnly(
                                    gs(k),
                                    new BitFieldReadOnlySubCommands[] {
                                        new BitFieldGet(new UnsignedEncoding(8), new Offset(0)),
                                        new BitFieldGet(new SignedEncoding(8), new OffsetMultiplier(1))
                                    }));
            assertArrayEquals(new Long[] {144L, -5L}, got);
            assertArrayEquals(new Long[0], await(client.bitfield(gs(key()), new BitFieldSubCommands[0])));
        }
    }

    @Test
    void bitfieldArgumentsAreBuiltInOrder() {
        BitFieldSubCommands[] subs = {
            new BitFieldGet(new SignedEncoding(5), new OffsetMultiplier(3)),
            new BitFieldOverflow(BitOverflowControl.WRAP),
            new BitFieldSet(new UnsignedEncoding(2), new Offset(1), 3)
        };
        assertArrayEquals(
                new String[] {"GET", "i5", "#3", "OVERFLOW", "WRAP", "SET", "u2", "1", "3"},
                BitFieldOptions.createBitFieldArgs(subs));
        assertEquals(gs("#3"), BitFieldOptions.createBitFieldGlideStringArgs(subs)[2]);
    }

    /** PFADD's defined boolean and BITFIELD's array are what the core derives from the same bytes. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void definedShapesAreTheDerivedOnes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.pfadd(k, new String[] {"a", "b"}),
                    k -> new String[] {"PFADD", k, "a", "b"}, HyperLogLogCommands.TEXT.pfadd("k", new String[0]).convert(), true);
            SameAsDerived.check(client, (c, k) -> await(c.pfadd(k, new String[] {"a"})), k -> client.pfadd(k, new String[] {"a"}),
                    k -> new String[] {"PFADD", k, "a"}, HyperLogLogCommands.TEXT.pfadd("k", new String[0]).convert(), false);
            BitFieldSubCommands[] fields = {
                new BitFieldSet(new UnsignedEncoding(8), new Offset(0), 200),
                new BitFieldOverflow(BitOverflowControl.FAIL),
                new BitFieldIncrby(new UnsignedEncoding(8), new Offset(0), 100)
            };
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.bitfield(k, fields),
                    k -> new String[] {"BITFIELD", k, "SET", "u8", "0", "200", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "100"},
                    BitmapCommands.TEXT.bitfield("k", fields).convert(), new Long[] {0L, null});
        }
    }
}
