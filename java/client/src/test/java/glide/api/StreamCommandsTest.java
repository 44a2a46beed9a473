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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.stream.StreamAddOptions;
import glide.api.models.commands.stream.StreamAddOptionsBinary;
import glide.api.models.commands.stream.StreamClaimOptions;
import glide.api.models.commands.stream.StreamGroupOptions;
import glide.api.models.commands.stream.StreamPendingOptions;
import glide.api.models.commands.stream.StreamPendingOptionsBinary;
import glide.api.models.commands.stream.StreamRange;
import glide.api.models.commands.stream.StreamRange.IdBound;
import glide.api.models.commands.stream.StreamRange.InfRangeBound;
import glide.api.models.commands.stream.StreamReadGroupOptions;
import glide.api.models.commands.stream.StreamReadOptions;
import glide.api.models.commands.stream.StreamTrimOptions;
import glide.api.models.commands.stream.StreamTrimOptions.MaxLen;
import glide.api.models.commands.stream.StreamTrimOptions.MinId;
import glide.api.models.commands.stream.XInfoStreamOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.internal.commands.StreamCommands;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.Arrays;
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

/** The stream family (issue 5): every StreamBaseCommands method, RESP2 and RESP3. */
class StreamCommandsTest {
    private static final byte[] NOT_UTF8 = {(byte) 0xff, (byte) 0xfe, 0, 'x'};

    private static final InfRangeBound MIN = InfRangeBound.MIN;
    private static final InfRangeBound MAX = InfRangeBound.MAX;

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
        return "x-" + UUID.randomUUID();
    }

    private static StreamAddOptions id(String id) {
        return StreamAddOptions.builder().id(id).build();
    }

    private static Map<String, String> fields(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    private static void assertRequestError(CompletableFuture<?> future, String code) throws Exception {
        Throwable e = failure(future);
        assertInstanceOf(RequestException.class, e);
        assertTrue(e.getMessage().contains(code), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void addLengthRangeDeleteTrim(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals("1-1", await(client.xadd(k, fields("f1", "v1"), id("1-1"))));
            assertEquals("1-2", await(client.xadd(k, new String[][] {{"f2", "v2"}, {"f3", "v3"}}, id("1-2"))));
            String generated = await(client.xadd(k, fields("f4", "v4")));
            assertTrue(generated.matches("\\d+-\\d+"), generated);
            String generated2 = await(client.xadd(k, new String[][] {{"f5", "v5"}}));
            assertTrue(generated2.compareTo(generated) > 0 || generated2.length() > generated.length());
            assertEquals(4L, await(client.xlen(k)));
            assertEquals(0L, await(client.xlen(key())), "missing key");

            // NOMKSTREAM on a missing key: no stream, null.
            String missing = key();
            assertNull(await(client.xadd(missing, fields("f", "v"), StreamAddOptions.builder().makeStream(false).build())));
            assertEquals(0L, await(client.exists(new String[] {missing})));
            // An ID not above the last one is refused.
            assertRequestError(client.xadd(k, fields("f", "v"), id("1-1")), "ERR");
            // A pair that is not a pair is refused before sending.
            assertThrows(IllegalArgumentException.class, () -> client.xadd(k, new String[][] {{"only"}}));

            Map<String, String[][]> all = await(client.xrange(k, MIN, MAX));
            assertEquals(List.of("1-1", "1-2", generated, generated2), new ArrayList<>(all.keySet()));
            assertInstanceOf(String[][].class, all.get("1-2"));
            assertArrayEquals(new String[][] {{"f1", "v1"}}, all.get("1-1"));
            assertArrayEquals(new String[][] {{"f2", "v2"}, {"f3", "v3"}}, all.get("1-2"));
            assertArrayEquals(new String[][] {{"f5", "v5"}}, all.get(generated2));

            Map<String, String[][]> two = await(client.xrange(k, IdBound.of("1-1"), MAX, 2));
            assertEquals(List.of("1-1", "1-2"), new ArrayList<>(two.keySet()));
            assertEquals(List.of("1-2"), new ArrayList<>(await(client.xrange(k, IdBound.ofExclusive("1-1"), IdBound.of(1))).keySet()));
            assertNull(await(client.xrange(k, MIN, MAX, 0)), "COUNT 0 replies nil");
            assertEquals(Map.of(), await(client.xrange(key(), MIN, MAX)), "missing key");
            assertEquals(Map.of(), await(client.xrange(k, IdBound.of(5), IdBound.of(6))), "empty range");

            Map<String, String[][]> reversed = await(client.xrevrange(k, MAX, MIN));
            assertEquals(List.of(generated2, generated, "1-2", "1-1"), new ArrayList<>(reversed.keySet()));
            Map<String, String[][]> revTwo = await(client.xrevrange(k, IdBound.ofExclusive(generated), IdBound.ofExclusive(0), 5));
            assertEquals(List.of("1-2", "1-1"), new ArrayList<>(revTwo.keySet()));
            assertNull(await(client.xrevrange(k, MAX, MIN, -1)));

            assertEquals(1L, await(client.xdel(k, new String[] {"1-1", "9-9"})), "unknown IDs are skipped");
            assertEquals(0L, await(client.xdel(key(), new String[] {"1-1"})));
            assertEquals(3L, await(client.xlen(k)));

            // Trimming, standalone and while adding.
            assertEquals(1L, await(client.xtrim(k, new MaxLen(true, 2))));
            assertEquals(List.of(generated, generated2), new ArrayList<>(await(client.xrange(k, MIN, MAX)).keySet()));
            assertEquals(1L, await(client.xtrim(k, new MinId(generated2))));
            assertEquals(0L, await(client.xtrim(k, new MinId(false, "0-1"))));
            String s = key();
            for (int i = 1; i <= 5; i++) {
                await(client.xadd(s, fields("i", Integer.toString(i)), id("0-" + i)));
            }
            StreamAddOptions trimmed = StreamAddOptions.builder().id("0-6").trim(new MaxLen(true, 3)).build();
            assertEquals("0-6", await(client.xadd(s, fields("i", "6"), trimmed)));
            assertEquals(List.of("0-4", "0-5", "0-6"), new ArrayList<>(await(client.xrange(s, MIN, MAX)).keySet()));
            StreamAddOptions byId = StreamAddOptions.builder().id("0-7").trim(new MinId(true, "0-6")).build();
            await(client.xadd(s, fields("i", "7"), byId));
            assertEquals(List.of("0-6", "0-7"), new ArrayList<>(await(client.xrange(s, MIN, MAX)).keySet()));
            assertEquals(0L, await(client.xtrim(s, new MaxLen(10, 5))), "approximate with LIMIT");
            assertEquals(0L, await(client.xtrim(key(), new MaxLen(0))), "missing key");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void binaryKeysFieldsAndValues(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            GlideString k = gs(("xb-" + UUID.randomUUID()).getBytes());
            GlideString field = gs(NOT_UTF8);
            GlideString value = gs(new byte[] {0, (byte) 0x80, 'v'});
            assertEquals(gs("1-1"), await(client.xadd(k, Map.of(field, value), StreamAddOptionsBinary.builder().id(gs("1-1")).build())));
            assertEquals(gs("1-2"), await(client.xadd(k, new GlideString[][] {{gs("a"), gs("b")}, {field, value}}, StreamAddOptionsBinary.builder().id(gs("1-2")).build())));
            GlideString auto = await(client.xadd(k, Map.of(gs("c"), gs("d"))));
            assertNotNull(auto);
            assertNotNull(await(client.xadd(k, new GlideString[][] {{gs("e"), value}})));
            assertNull(await(client.xadd(gs(NOT_UTF8), Map.of(field, value), StreamAddOptionsBinary.builder().makeStream(false).build())));
            assertEquals(4L, await(client.xlen(k)));

            Map<GlideString, GlideString[][]> all = await(client.xrange(k, MIN, MAX));
            assertEquals(4, all.size());
            assertInstanceOf(GlideString[][].class, all.get(gs("1-1")));
            assertArrayEquals(new GlideString[][] {{field, value}}, all.get(gs("1-1")));
            assertArrayEquals(new GlideString[][] {{gs("a"), gs("b")}, {field, value}}, all.get(gs("1-2")));
            assertEquals(List.of(gs("1-1")), new ArrayList<>(await(client.xrange(k, MIN, MAX, 1)).keySet()));
            assertEquals(List.of(auto, gs("1-2"), gs("1-1")), new ArrayList<>(await(client.xrevrange(k, IdBound.of(auto), MIN)).keySet()));
            assertEquals(1, await(client.xrevrange(k, MAX, MIN, 1)).size());

            Map<GlideString, Map<GlideString, GlideString[][]>> read = await(client.xreadBinary(Map.of(k, gs("1-1"))));
            assertEquals(List.of(k), new ArrayList<>(read.keySet()));
            assertEquals(3, read.get(k).size());
            assertArrayEquals(new GlideString[][] {{gs("a"), gs("b")}, {field, value}}, read.get(k).get(gs("1-2")));
            read = await(client.xreadBinary(Map.of(k, gs("0")), StreamReadOptions.builder().count(1L).build()));
            assertEquals(List.of(gs("1-1")), new ArrayList<>(read.get(k).keySet()));

            // The String overloads refuse bytes that are not UTF-8, pointing to the binary ones.
            String textKey = k.getString();
            Throwable e = failure(client.xrange(textKey, MIN, MAX));
            assertInstanceOf(RequestException.class, e);
            assertTrue(e.getMessage().contains("GlideString"), e.getMessage());
            assertInstanceOf(RequestException.class, failure(client.xread(Map.of(textKey, "0"))));
            // XINFO STREAM's String overloads keep such a value as a GlideString, as valkey-glide does.
            assertTrue(holds(await(client.xinfoStreamFull(textKey)), value), "the value, as bytes");
            assertTrue(holds(await(client.xinfoStream(textKey)), value), "the last entry's value, as bytes");

            assertEquals(1L, await(client.xdel(k, new GlideString[] {gs("1-1")})));
            assertEquals(1L, await(client.xtrim(k, new MinId(gs(auto.getString())))));
            assertEquals(2L, await(client.xlen(k)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void readFromSeveralStreams(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = "{x}a-" + UUID.randomUUID();
            String b = "{x}b-" + UUID.randomUUID();
            await(client.xadd(a, fields("a", "1"), id("1-1")));
            await(client.xadd(a, fields("a", "2"), id("1-2")));
            await(client.xadd(b, fields("b", "1", "b2", "x"), id("2-1")));

            Map<String, String> ids = new LinkedHashMap<>();
            ids.put(a, "0");
            ids.put(b, "0");
            Map<String, Map<String, String[][]>> read = await(client.xread(ids));
            assertEquals(List.of(a, b), new ArrayList<>(read.keySet()));
            assertEquals(List.of("1-1", "1-2"), new ArrayList<>(read.get(a).keySet()));
            assertInstanceOf(String[][].class, read.get(b).get("2-1"));
            assertArrayEquals(new String[][] {{"b", "1"}, {"b2", "x"}}, read.get(b).get("2-1"));

            read = await(client.xread(ids, StreamReadOptions.builder().count(1L).build()));
            assertEquals(1, read.get(a).size());
            assertEquals(1, read.get(b).size());

            // Only streams with entries after the ID appear; none at all is null.
            ids.put(a, "1-2");
            assertEquals(List.of(b), new ArrayList<>(await(client.xread(ids)).keySet()));
            assertNull(await(client.xread(Map.of(a, "1-2"))));
            assertNull(await(client.xread(Map.of(key(), "0"))), "missing key");
            assertNull(await(client.xreadBinary(Map.of(gs(key()), gs("0")))));
            // BLOCK that times out on the server: null, not an error.
            assertNull(await(client.xread(Map.of(a, "$"), StreamReadOptions.builder().block(50L).build())));
            assertNull(await(client.xreadBinary(Map.of(gs(a), gs("$")), StreamReadOptions.builder().block(50L).count(3L).build())));

            // The reply shape is decided by the command, also through customCommand.
            Object custom = await(client.customCommand(new String[] {"XREAD", "STREAMS", a, "0"}));
            assertInstanceOf(Map.class, custom);
            Object entries = ((Map<?, ?>) custom).get(a);
            assertInstanceOf(Map.class, entries);
            assertEquals(List.of("1-1", "1-2"), new ArrayList<>(((Map<?, ?>) entries).keySet()));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void consumerGroups(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            for (int i = 1; i <= 4; i++) {
                await(client.xadd(k, fields("f" + i, "v" + i), id("1-" + i)));
            }
            assertEquals("OK", await(client.xgroupCreate(k, "g", "0")));
            assertRequestError(client.xgroupCreate(k, "g", "0"), "BUSYGROUP");
            assertRequestError(client.xgroupCreate(key(), "g", "$"), "ERR");
            String made = key();
            assertEquals("OK", await(client.xgroupCreate(made, "g", "$", StreamGroupOptions.builder().makeStream().entriesRead(0L).build())));
            assertEquals(0L, await(client.xlen(made)));

            assertTrue(await(client.xgroupCreateConsumer(k, "g", "c1")));
            assertFalse(await(client.xgroupCreateConsumer(k, "g", "c1")), "already there");
            assertRequestError(client.xgroupCreateConsumer(k, "nogroup", "c1"), "NOGROUP");

            Map<String, Map<String, String[][]>> got = await(client.xreadgroup(Map.of(k, ">"), "g", "c1", StreamReadGroupOptions.builder().count(2L).build()));
            assertEquals(List.of("1-1", "1-2"), new ArrayList<>(got.get(k).keySet()));
            assertArrayEquals(new String[][] {{"f2", "v2"}}, got.get(k).get("1-2"));
            got = await(client.xreadgroup(Map.of(k, ">"), "g", "c2"));
            assertEquals(List.of("1-3", "1-4"), new ArrayList<>(got.get(k).keySet()));
            assertNull(await(client.xreadgroup(Map.of(k, ">"), "g", "c2")), "nothing new");
            assertRequestError(client.xreadgroup(Map.of(k, ">"), "nogroup", "c"), "NOGROUP");

            // Summary: count, lowest and highest ID, [consumer, count as text] pairs.
            Object[] summary = await(client.xpending(k, "g"));
            assertEquals(4L, summary[0]);
            assertEquals("1-1", summary[1]);
            assertEquals("1-4", summary[2]);
            assertArrayEquals(new Object[] {new Object[] {"c1", "2"}, new Object[] {"c2", "2"}}, (Object[]) summary[3]);
            assertArrayEquals(new Object[] {0L, null, null, null}, await(client.xpending(made, "g")), "nothing pending");

            Object[][] detail = await(client.xpending(k, "g", MIN, MAX, 10));
            assertEquals(4, detail.length);
            assertEquals("1-1", detail[0][0]);
            assertEquals("c1", detail[0][1]);
            assertInstanceOf(Long.class, detail[0][2]);
            assertEquals(1L, detail[0][3]);
            Object[][] ofC2 = await(client.xpending(k, "g", IdBound.of("1-1"), MAX, 1,
                    StreamPendingOptions.builder().consumer("c2").minIdleTime(0L).build()));
            assertEquals(1, ofC2.length);
            assertEquals("1-3", ofC2[0][0]);
            assertEquals(0, await(client.xpending(k, "g", MIN, MAX, 10,
                    StreamPendingOptions.builder().minIdleTime(3_600_000L).build())).length);

            // History of a consumer: an entry deleted while pending comes back as null.
            assertEquals(1L, await(client.xdel(k, new String[] {"1-1"})));
            got = await(client.xreadgroup(Map.of(k, "0"), "g", "c1"));
            assertEquals(List.of("1-1", "1-2"), new ArrayList<>(got.get(k).keySet()));
            assertNull(got.get(k).get("1-1"));
            assertArrayEquals(new String[][] {{"f2", "v2"}}, got.get(k).get("1-2"));

            // XCLAIM: entries move to c3; JUSTID keeps the delivery count.
            Map<String, String[][]> claimed = await(client.xclaim(k, "g", "c3", 0, new String[] {"1-2", "1-3"}));
            assertEquals(List.of("1-2", "1-3"), new ArrayList<>(claimed.keySet()));
            assertInstanceOf(String[][].class, claimed.get("1-3"));
            assertArrayEquals(new String[][] {{"f3", "v3"}}, claimed.get("1-3"));
            assertEquals(Map.of(), await(client.xclaim(k, "g", "c3", 3_600_000L, new String[] {"1-2"})), "not idle long enough");
            claimed = await(client.xclaim(k, "g", "c1", 0, new String[] {"1-4"}, StreamClaimOptions.builder().idle(1L).retryCount(7L).build()));
            assertEquals(List.of("1-4"), new ArrayList<>(claimed.keySet()));
            assertEquals(7L, await(client.xpending(k, "g", IdBound.of("1-4"), IdBound.of("1-4"), 1))[0][3]);
            assertArrayEquals(new String[] {"1-2"}, await(client.xclaimJustId(k, "g", "c4", 0, new String[] {"1-2"})));
            await(client.xadd(k, fields("f5", "v5"), id("1-5")));
            assertArrayEquals(new String[] {"1-5"}, await(client.xclaimJustId(k, "g", "c4", 0, new String[] {"1-5"},
                    StreamClaimOptions.builder().force().idleUnixTime(System.currentTimeMillis()).build())), "FORCE: not pending before");

            // XAUTOCLAIM: cursor, claimed entries, and IDs deleted from the stream (dropped from the PEL).
            Object[] auto = await(client.xautoclaim(k, "g", "c5", 0, "0-0"));
            assertEquals("0-0", auto[0]);
            @SuppressWarnings("unchecked")
            Map<String, String[][]> autoEntries = (Map<String, String[][]>) auto[1];
            assertEquals(List.of("1-2", "1-3", "1-4", "1-5"), new ArrayList<>(autoEntries.keySet()));
            assertArrayEquals(new String[][] {{"f4", "v4"}}, autoEntries.get("1-4"));
            assertArrayEquals(new String[] {"1-1"}, (String[]) auto[2]);
            Object[] autoIds = await(client.xautoclaimJustId(k, "g", "c6", 0, "0-0", 2));
            assertEquals("1-4", autoIds[0]);
            assertArrayEquals(new String[] {"1-2", "1-3"}, (String[]) autoIds[1]);
            assertArrayEquals(new String[0], (String[]) autoIds[2]);
            auto = await(client.xautoclaim(k, "g", "c6", 0, "1-4", 1));
            assertEquals("1-5", auto[0]);
            assertEquals(List.of("1-4"), new ArrayList<>(((Map<?, ?>) auto[1]).keySet()));
            autoIds = await(client.xautoclaimJustId(k, "g", "c6", 3_600_000L, "0-0"));
            assertEquals("0-0", autoIds[0]);
            assertArrayEquals(new String[0], (String[]) autoIds[1]);
            assertRequestError(client.xautoclaim(k, "nogroup", "c", 0, "0-0"), "NOGROUP");

            // XINFO GROUPS / CONSUMERS: arrays of maps.
            Map<String, Object>[] groups = await(client.xinfoGroups(k));
            assertEquals(1, groups.length);
            assertEquals("g", groups[0].get("name"));
            assertEquals(4L, groups[0].get("pending"));
            assertEquals("1-4", groups[0].get("last-delivered-id"));
            assertEquals(1, await(client.xinfoGroups(made)).length);
            Map<String, Object>[] consumers = await(client.xinfoConsumers(k, "g"));
            List<Object> names = new ArrayList<>();
            for (Map<String, Object> consumer : consumers) {
                names.add(consumer.get("name"));
                assertInstanceOf(Long.class, consumer.get("pending"));
                assertInstanceOf(Long.class, consumer.get("idle"));
            }
            assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), names);
            assertRequestError(client.xinfoConsumers(k, "nogroup"), "NOGROUP");

            assertEquals(2L, await(client.xack(k, "g", new String[] {"1-2", "1-3", "9-9"})));
            assertEquals(0L, await(client.xack(k, "g", new String[] {"1-2"})));
            assertEquals("OK", await(client.xgroupSetId(k, "g", "0")));
            assertEquals("OK", await(client.xgroupSetId(k, "g", "1-2", 2)));
            assertEquals(2L, await(client.xinfoGroups(k))[0].get("entries-read"));
            assertRequestError(client.xgroupSetId(k, "nogroup", "0"), "NOGROUP");
            assertEquals(1L, await(client.xgroupDelConsumer(k, "g", "c6")), "c6 still had 1-4 pending");
            assertEquals(0L, await(client.xgroupDelConsumer(k, "g", "nobody")));
            assertTrue(await(client.xgroupDestroy(k, "g")));
            assertFalse(await(client.xgroupDestroy(k, "g")));
            assertEquals(0, await(client.xinfoGroups(k)).length);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void consumerGroupsBinary(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            GlideString k = gs(key());
            GlideString g = gs(new byte[] {'g', (byte) 0xff});
            GlideString c = gs(new byte[] {'c', (byte) 0xfe});
            GlideString value = gs(NOT_UTF8);
            for (int i = 1; i <= 3; i++) {
                await(client.xadd(k, new GlideString[][] {{gs("f"), value}}, StreamAddOptionsBinary.builder().id(gs("1-" + i)).build()));
            }
            assertEquals("OK", await(client.xgroupCreate(k, g, gs("0"))));
            GlideString made = gs(key());
            assertEquals("OK", await(client.xgroupCreate(made, g, gs("$"), StreamGroupOptions.builder().mkStream(true).build())));
            assertTrue(await(client.xgroupCreateConsumer(k, g, c)));

            Map<GlideString, Map<GlideString, GlideString[][]>> got = await(client.xreadgroup(Map.of(k, gs(">")), g, c,
                    StreamReadGroupOptions.builder().count(2L).build()));
            assertEquals(List.of(gs("1-1"), gs("1-2")), new ArrayList<>(got.get(k).keySet()));
            assertArrayEquals(new GlideString[][] {{gs("f"), value}}, got.get(k).get(gs("1-1")));
            got = await(client.xreadgroup(Map.of(k, gs(">")), g, gs("other")));
            assertEquals(List.of(gs("1-3")), new ArrayList<>(got.get(k).keySet()));

            Object[] summary = await(client.xpending(k, g));
            assertEquals(3L, summary[0]);
            assertEquals(gs("1-1"), summary[1]);
            assertArrayEquals(new Object[] {new Object[] {c, gs("2")}, new Object[] {gs("other"), gs("1")}}, (Object[]) summary[3]);
            Object[][] detail = await(client.xpending(k, g, MIN, MAX, 10));
            assertEquals(3, detail.length);
            assertEquals(c, detail[0][1]);
            Object[][] ofC = await(client.xpending(k, g, MIN, MAX, 10, StreamPendingOptionsBinary.builder().consumer(c).minIdleTime(0L).build()));
            assertEquals(2, ofC.length);

            Map<GlideString, GlideString[][]> claimed = await(client.xclaim(k, g, gs("c2"), 0, new GlideString[] {gs("1-1")}));
            assertArrayEquals(new GlideString[][] {{gs("f"), value}}, claimed.get(gs("1-1")));
            claimed = await(client.xclaim(k, g, gs("c2"), 0, new GlideString[] {gs("1-2")}, StreamClaimOptions.builder().retryCount(3L).build()));
            assertEquals(List.of(gs("1-2")), new ArrayList<>(claimed.keySet()));
            assertArrayEquals(new GlideString[] {gs("1-1")}, await(client.xclaimJustId(k, g, c, 0, new GlideString[] {gs("1-1")})));
            assertArrayEquals(new GlideString[] {gs("1-2")}, await(client.xclaimJustId(k, g, c, 0, new GlideString[] {gs("1-2")}, StreamClaimOptions.builder().idle(5L).build())));

            Object[] auto = await(client.xautoclaim(k, g, gs("c3"), 0, gs("0-0")));
            assertEquals(gs("0-0"), auto[0]);
            assertArrayEquals(new GlideString[][] {{gs("f"), value}}, (GlideString[][]) ((Map<?, ?>) auto[1]).get(gs("1-3")));
            assertInstanceOf(GlideString[].class, auto[2]);
            auto = await(client.xautoclaim(k, g, gs("c3"), 0, gs("0-0"), 1));
            assertEquals(gs("1-2"), auto[0]);
            Object[] autoIds = await(client.xautoclaimJustId(k, g, gs("c4"), 0, gs("0-0")));
            assertArrayEquals(new GlideString[] {gs("1-1"), gs("1-2"), gs("1-3")}, (GlideString[]) autoIds[1]);
            autoIds = await(client.xautoclaimJustId(k, g, gs("c4"), 0, gs("0-0"), 1));
            assertArrayEquals(new GlideString[] {gs("1-1")}, (GlideString[]) autoIds[1]);

            Map<GlideString, Object>[] groups = await(client.xinfoGroups(k));
            assertEquals(g, groups[0].get(gs("name")));
            List<Object> names = new ArrayList<>();
            for (Map<GlideString, Object> consumer : await(client.xinfoConsumers(k, g))) {
                names.add(consumer.get(gs("name")));
            }
            // Sorted by bytes: "c\xfe" after "c4".
            assertEquals(List.of(gs("c2"), gs("c3"), gs("c4"), c, gs("other")), names);
            // The String overloads refuse a reply with non-UTF-8 names.
            assertInstanceOf(RequestException.class, failure(client.xinfoGroups(k.getString())));
            assertTrue(holds(await(client.xinfoStreamFull(k.getString())), c), "the consumer's name, as bytes");

            assertEquals(3L, await(client.xack(k, g, new GlideString[] {gs("1-1"), gs("1-2"), gs("1-3")})));
            assertEquals("OK", await(client.xgroupSetId(k, g, gs("0"))));
            assertEquals("OK", await(client.xgroupSetId(k, g, gs("1-1"), 1)));
            assertEquals(0L, await(client.xgroupDelConsumer(k, g, c)));
            assertTrue(await(client.xgroupDestroy(k, g)));
            assertFalse(await(client.xgroupDestroy(k, g)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void streamInfo(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            await(client.xadd(k, fields("a", "1", "b", "2"), id("1-1")));
            await(client.xadd(k, fields("c", "3"), id("1-2")));
            await(client.xgroupCreate(k, "g", "0"));
            await(client.xreadgroup(Map.of(k, ">"), "g", "c1", StreamReadGroupOptions.builder().count(1L).build()));

            Map<String, Object> info = await(client.xinfoStream(k));
            assertEquals(2L, info.get("length"));
            assertEquals(1L, info.get("groups"));
            assertEquals("1-2", info.get("last-generated-id"));
            assertArrayEquals(new Object[] {"1-1", new Object[] {"a", "1", "b", "2"}}, (Object[]) info.get("first-entry"));
            assertArrayEquals(new Object[] {"1-2", new Object[] {"c", "3"}}, (Object[]) info.get("last-entry"));

            Map<String, Object> full = await(client.xinfoStreamFull(k));
            assertEquals(2L, full.get("length"));
            Object[] entries = (Object[]) full.get("entries");
            assertEquals(2, entries.length);
            assertArrayEquals(new Object[] {"1-2", new Object[] {"c", "3"}}, (Object[]) entries[1]);
            Object[] groups = (Object[]) full.get("groups");
            assertEquals(1, groups.length);
            @SuppressWarnings("unchecked")
            Map<String, Object> group = (Map<String, Object>) assertInstanceOf(Map.class, groups[0]);
            assertEquals("g", group.get("name"));
            assertEquals(1L, group.get("pel-count"));
            Object[] pending = (Object[]) group.get("pending");
            assertEquals("1-1", ((Object[]) pending[0])[0]);
            assertEquals("c1", ((Object[]) pending[0])[1]);
            Object[] consumers = (Object[]) group.get("consumers");
            @SuppressWarnings("unchecked")
            Map<String, Object> consumer = (Map<String, Object>) assertInstanceOf(Map.class, consumers[0]);
            assertEquals("c1", consumer.get("name"));
            assertEquals(1L, consumer.get("pel-count"));

            Map<String, Object> one = await(client.xinfoStreamFull(k, 1));
            assertEquals(1, ((Object[]) one.get("entries")).length);

            Map<GlideString, Object> binary = await(client.xinfoStream(gs(k)));
            assertEquals(2L, binary.get(gs("length")));
            assertEquals(gs("1-2"), binary.get(gs("last-generated-id")));
            Map<GlideString, Object> binaryFull = await(client.xinfoStreamFull(gs(k)));
            Object binaryGroup = ((Object[]) binaryFull.get(gs("groups")))[0];
            assertEquals(gs("g"), ((Map<?, ?>) binaryGroup).get(gs("name")));
            assertEquals(1, ((Object[]) await(client.xinfoStreamFull(gs(k), 1)).get(gs("entries"))).length);

            // An emptied stream: no first or last entry.
            await(client.xtrim(k, new MaxLen(true, 0)));
            info = await(client.xinfoStream(k));
            assertEquals(0L, info.get("length"));
            assertNull(info.get("first-entry"));
            assertTrue(info.containsKey("last-entry"));
            assertEquals(0, ((Object[]) await(client.xinfoStreamFull(k)).get("entries")).length);

            assertRequestError(client.xinfoStream(key()), "no such key");
            assertRequestError(client.xinfoStreamFull(key()), "no such key");
            assertRequestError(client.xinfoGroups(key()), "no such key");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void wrongTypeIsARequestException(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            await(client.set(k, "not a stream"));
            List<CompletableFuture<?>> calls = List.of(
                    client.xadd(k, fields("f", "v")),
                    client.xlen(k),
                    client.xdel(k, new String[] {"1-1"}),
                    client.xtrim(k, new MaxLen(1)),
                    client.xrange(k, MIN, MAX),
                    client.xrevrange(gs(k), MAX, MIN),
                    client.xread(Map.of(k, "0")),
                    client.xreadBinary(Map.of(gs(k), gs("0"))),
                    client.xgroupCreate(k, "g", "0"),
                    client.xreadgroup(Map.of(k, ">"), "g", "c"),
                    client.xpending(k, "g"),
                    client.xinfoStream(k),
                    client.xinfoStreamFull(k),
                    client.xinfoGroups(k));
            for (CompletableFuture<?> call : calls) {
                assertRequestError(call, "WRONGTYPE");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void largeStream(ProtocolVersion protocol) throws Exception {
        // Replies of 100k entries: a loaded CI machine may take longer than the default 250 ms.
        try (GlideClient client = await(GlideClient.createClient(Clients.config(server, protocol).requestTimeout(10_000).build()))) {
            String k = key();
            int n = 100_000;
            List<CompletableFuture<String>> adds = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                adds.add(client.xadd(k, new String[][] {{"i", Integer.toString(i)}}, id("0-" + (i + 1))));
                if (adds.size() % 500 == 0) {
                    // Stay well inside the inflight limit.
                    await(adds.get(adds.size() - 1));
                }
            }
            for (int i = 0; i < n; i++) {
                assertEquals("0-" + (i + 1), await(adds.get(i)));
            }
            assertEquals((long) n, await(client.xlen(k)));

            // Page through with COUNT and an exclusive start: every entry once, in order.
            StreamRange start = MIN;
            int seen = 0;
            while (true) {
                Map<String, String[][]> page = await(client.xrange(k, start, MAX, 7_000));
                if (page.isEmpty()) {
                    break;
                }
                String last = null;
                for (Map.Entry<String, String[][]> e : page.entrySet()) {
                    assertEquals("0-" + (seen + 1), e.getKey());
                    assertEquals(Integer.toString(seen), e.getValue()[0][1]);
                    last = e.getKey();
                    seen++;
                }
                start = IdBound.ofExclusive(last);
            }
            assertEquals(n, seen);

            Map<String, String[][]> all = await(client.xrange(k, MIN, MAX));
            assertEquals(n, all.size());
            assertEquals("99999", all.get("0-" + n)[0][1]);
            Map<String, Map<String, String[][]>> read = await(client.xread(Map.of(k, "0-99000")));
            assertEquals(1_000, read.get(k).size());
            assertEquals(List.of("0-100000"), new ArrayList<>(await(client.xrevrange(k, MAX, MIN, 1)).keySet()));

            assertEquals((long) n - 10, await(client.xtrim(k, new MaxLen(true, 10))));
            assertEquals(10L, await(client.xlen(k)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void blockingReadsOutliveTheRequestTimeout(ProtocolVersion protocol) throws Exception {
        String k = key();
        try (GlideClient blocked = await(GlideClient.createClient(Clients.config(server, protocol).requestTimeout(200).build()));
                GlideClient writer = Clients.connect(server, protocol)) {
            await(writer.xgroupCreate(k, "g", "$", StreamGroupOptions.builder().makeStream().build()));

            // XREAD BLOCK 10 s on new entries; an XADD after 1 s (5x the request timeout) wakes it.
            long t0 = System.nanoTime();
            CompletableFuture<Map<String, Map<String, String[][]>>> read =
                    blocked.xread(Map.of(k, "$"), StreamReadOptions.builder().block(10_000L).build());
            Thread.sleep(1_000);
            assertFalse(read.isDone(), "still blocked");
            await(writer.xadd(k, fields("f", "v"), id("1-1")));
            Map<String, Map<String, String[][]>> got = await(read);
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(waitedMs >= 1_000, "waited " + waitedMs);
            assertArrayEquals(new String[][] {{"f", "v"}}, got.get(k).get("1-1"));

            // XREADGROUP BLOCK 0 (forever) woken the same way.
            CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> group = blocked.xreadgroup(
                    Map.of(gs(k), gs(">")), gs("g"), gs("c"),
                    StreamReadGroupOptions.builder().block(0L).count(1L).build());
            // The group has not seen 1-1 yet, so the first read returns at once: consume it.
            assertEquals(List.of(gs("1-1")), new ArrayList<>(await(group).get(gs(k)).keySet()));
            t0 = System.nanoTime();
            CompletableFuture<Map<String, Map<String, String[][]>>> waiting = blocked.xreadgroup(
                    Map.of(k, ">"), "g", "c", StreamReadGroupOptions.builder().block(0L).noack().build());
            Thread.sleep(1_000);
            assertFalse(waiting.isDone(), "still blocked");
            await(writer.xadd(k, fields("g", "w"), id("1-2")));
            Map<String, Map<String, String[][]>> groupGot = await(waiting);
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 1_000);
            assertArrayEquals(new String[][] {{"g", "w"}}, groupGot.get(k).get("1-2"));
            assertEquals(1L, ((Object[]) await(writer.xpending(k, "g")))[0], "NOACK: 1-2 not pending");

            // A server-side BLOCK timeout longer than the request timeout: null, not TimeoutException.
            t0 = System.nanoTime();
            assertNull(await(blocked.xread(Map.of(k, "$"), StreamReadOptions.builder().block(600L).build())));
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 550);
            assertNull(await(blocked.xreadgroup(Map.of(k, ">"), "g", "c", StreamReadGroupOptions.builder().block(400L).build())));
        }
    }

    @Test
    void optionArguments() {
        assertArrayEquals(new String[] {"*"}, StreamAddOptions.builder().build().toArgs());
        assertArrayEquals(
                new String[] {"NOMKSTREAM", "MAXLEN", "~", "10", "LIMIT", "5", "1-1"},
                StreamAddOptions.builder().id("1-1").makeStream(false).trim(new MaxLen(10, 5)).build().toArgs());
        assertArrayEquals(new String[] {"MINID", "=", "5", "*"},
                StreamAddOptions.builder().makeStream(true).trim(new MinId(true, "5")).build().toArgs());
        assertArrayEquals(new GlideString[] {gs("MINID"), gs("~"), gs(NOT_UTF8), gs("LIMIT"), gs("4"), gs("1-1")},
                StreamAddOptionsBinary.builder().id(gs("1-1")).trim(new MinId(gs(NOT_UTF8), 4)).build().toArgs());
        assertArrayEquals(new GlideString[] {gs("NOMKSTREAM"), gs("*")},
                StreamAddOptionsBinary.builder().makeStream(false).build().toArgs());
        assertEquals(gs("NOMKSTREAM"), StreamAddOptionsBinary.NO_MAKE_STREAM_VALKEY_API_GLIDE_STRING);
        assertEquals(gs("*"), StreamAddOptionsBinary.ID_WILDCARD_VALKEY_API_GLIDE_STRING);

        assertArrayEquals(new String[] {"MAXLEN", "10"}, new MaxLen(10).toArgs());
        assertArrayEquals(new String[] {"MAXLEN", "=", "10"}, new MaxLen(true, 10).toArgs());
        assertArrayEquals(new String[] {"MAXLEN", "~", "10", "LIMIT", "2"}, new MaxLen(10, 2).toArgs());
        assertArrayEquals(new GlideString[] {gs("MAXLEN"), gs("~"), gs("3")}, new MaxLen(false, 3).toGlideStringArgs());
        assertArrayEquals(new GlideString[] {gs("MINID"), gs("1-0")}, new MinId(gs("1-0")).toGlideStringArgs());
        assertArrayEquals(new String[] {"MINID", "~", "1-0"}, new MinId(false, gs("1-0")).toArgs());
        assertArrayEquals(new String[] {"MINID", "~", "7", "LIMIT", "1"}, new MinId("7", 1).toArgs());
        assertEquals("MAXLEN", StreamTrimOptions.TRIM_MAXLEN_VALKEY_API);

        assertArrayEquals(new String[] {"-", "(5"}, StreamRange.toArgs(MIN, IdBound.ofExclusive(5)));
        assertArrayEquals(new String[] {"1-1", "2", "COUNT", "7"}, StreamRange.toArgs(IdBound.of("1-1"), IdBound.of(gs("2")), 7));
        assertEquals("(3-1", IdBound.ofExclusive(gs("3-1")).getValkeyApi());
        assertEquals("(3-1", IdBound.ofExclusive("3-1").getValkeyApi());
        assertEquals("42", IdBound.of(42).getValkeyApi());
        assertEquals("+", MAX.getValkeyApi());
        assertEquals("-", MIN.getValkeyApi());

        StreamReadOptions read = StreamReadOptions.builder().block(5L).count(2L).build();
        assertTrue(read.isBlocking());
        assertFalse(StreamReadOptions.builder().count(1L).build().isBlocking());
        assertArrayEquals(new String[] {"COUNT", "2", "BLOCK", "5", "STREAMS"}, read.toArgs());
        Map<String, String> streams = new LinkedHashMap<>();
        streams.put("a", "1");
        streams.put("b", "2");
        assertArrayEquals(new String[] {"COUNT", "2", "BLOCK", "5", "STREAMS", "a", "b", "1", "2"}, read.toArgs(streams));
        assertArrayEquals(new GlideString[] {gs("STREAMS"), gs("a"), gs("1")},
                StreamReadOptions.builder().build().toArgsBinary(Map.of(gs("a"), gs("1"))));
        assertArrayEquals(new GlideString[] {gs("COUNT"), gs("2"), gs("STREAMS")}, StreamReadOptions.builder().count(2L).build().toArgsBinary());

        StreamReadGroupOptions group = StreamReadGroupOptions.builder().count(3L).block(1L).noack().build();
        assertTrue(group.isBlocking());
        assertArrayEquals(new String[] {"COUNT", "3", "BLOCK", "1", "STREAMS"}, group.toArgs());
        assertArrayEquals(new String[] {"GROUP", "g", "c", "COUNT", "3", "BLOCK", "1", "NOACK", "STREAMS", "k", ">"},
                group.toArgs("g", "c", Map.of("k", ">")));
        assertArrayEquals(new GlideString[] {gs("GROUP"), gs("g"), gs("c"), gs("STREAMS")},
                StreamReadGroupOptions.builder().build().toArgs("g", "c"));
        assertArrayEquals(new GlideString[] {gs("GROUP"), gs(NOT_UTF8), gs("c"), gs("NOACK"), gs("STREAMS"), gs("k"), gs(">")},
                StreamReadGroupOptions.builder().noack().build().toArgsBinary(gs(NOT_UTF8), gs("c"), Map.of(gs("k"), gs(">"))));

        assertArrayEquals(new String[] {"MKSTREAM", "ENTRIESREAD", "5"}, StreamGroupOptions.builder().makeStream().entriesRead(5L).build().toArgs());
        assertArrayEquals(new String[0], StreamGroupOptions.builder().mkStream(false).build().toArgs());

        assertArrayEquals(new String[] {"IDLE", "1", "TIME", "2", "RETRYCOUNT", "3", "FORCE"},
                StreamClaimOptions.builder().idle(1L).idleUnixTime(2L).retryCount(3L).force().build().toArgs());
        assertArrayEquals(new String[0], StreamClaimOptions.builder().isForce(false).build().toArgs());
        assertEquals("JUSTID", StreamClaimOptions.JUST_ID_VALKEY_API);

        assertArrayEquals(new String[] {"IDLE", "5", "-", "3", "10", "c"},
                StreamPendingOptions.builder().minIdleTime(5L).consumer("c").build().toArgs(MIN, IdBound.of(3), 10));
        assertArrayEquals(new String[] {"-", "+", "10"}, StreamPendingOptions.builder().build().toArgs(MIN, MAX, 10));
        assertArrayEquals(new GlideString[] {gs("IDLE"), gs("5"), gs("-"), gs("3"), gs("10"), gs(NOT_UTF8)},
                StreamPendingOptionsBinary.builder().minIdleTime(5L).consumer(gs(NOT_UTF8)).build().toArgs(MIN, IdBound.of(3), 10));
        assertEquals(gs("IDLE"), StreamPendingOptionsBinary.IDLE_TIME_VALKEY_API_GLIDE_STRING);

        assertEquals("FULL", XInfoStreamOptions.FULL);
        assertEquals("COUNT", XInfoStreamOptions.COUNT);
        assertTrue(Arrays.asList(StreamReadGroupOptions.READ_GROUP_VALKEY_API, StreamReadGroupOptions.READ_NOACK_VALKEY_API)
                .containsAll(List.of("GROUP", "NOACK")));
    }

    /** Whether {@code value} is anywhere in a reply (maps, arrays, nested). */
    private static boolean holds(Object reply, Object value) {
        if (value.equals(reply)) {
            return true;
        }
        if (reply instanceof Object[]) {
            for (Object item : (Object[]) reply) {
                if (holds(item, value)) {
                    return true;
                }
            }
        }
        if (reply instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) reply).entrySet()) {
                if (holds(e.getKey(), value) || holds(e.getValue(), value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** XRANGE's and XAUTOCLAIM's defined shapes give what the core derives from the same bytes. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void definedShapesAreTheDerivedOnes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.Setup twoEntries = (c, k) -> {
                await(c.xadd(k, new String[][] {{"f", "v"}}, StreamAddOptions.builder().id("1-1").build()));
                await(c.xadd(k, new String[][] {{"f2", "v2"}}, StreamAddOptions.builder().id("1-2").build()));
            };
            Map<String, String[][]> entries = new LinkedHashMap<>();
            entries.put("1-1", new String[][] {{"f", "v"}});
            entries.put("1-2", new String[][] {{"f2", "v2"}});
            SameAsDerived.check(client, twoEntries, k -> client.xrange(k, InfRangeBound.MIN, InfRangeBound.MAX),
                    k -> new String[] {"XRANGE", k, "-", "+"},
                    StreamCommands.TEXT.xrange("k", InfRangeBound.MIN, InfRangeBound.MAX).convert(), entries);
            SameAsDerived.Setup delivered = (c, k) -> {
                twoEntries.on(c, k);
                await(c.xgroupCreate(k, "g", "0"));
                await(c.xreadgroup(Map.of(k, ">"), "g", "c1"));
            };
            SameAsDerived.check(client, delivered, k -> client.xautoclaim(k, "g", "c2", 0, "0-0"),
                    k -> new String[] {"XAUTOCLAIM", k, "g", "c2", "0", "0-0"},
                    StreamCommands.TEXT.xautoclaim("k", "g", "c", 0, "0-0", null).convert(),
                    new Object[] {"0-0", entries, new String[0]});
        }
    }
}
