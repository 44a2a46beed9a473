package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.ExpirySet;
import glide.api.models.commands.FieldConditionalChange;
import glide.api.models.commands.HGetExExpiry;
import glide.api.models.commands.HGetExOptions;
import glide.api.models.commands.HSetExOptions;
import glide.api.models.commands.HashFieldExpirationConditionOptions;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.HScanOptionsBinary;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import glide.testutil.ScriptedServer;
import glide.internal.commands.HashCommands;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hash family (issue 5), on a server (RESP2 and RESP3) and, for commands it lacks, a scripted one. */
class HashCommandsTest {
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
        return "h-" + UUID.randomUUID();
    }

    /** Bytes that are not UTF-8, made unique. */
    private static GlideString binary(int tag) {
        byte[] unique = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[unique.length + 3];
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) tag;
        bytes[2] = 0;
        System.arraycopy(unique, 0, bytes, 3, unique.length);
        return gs(bytes);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void fieldsValuesAndCounts(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("a", "1");
            fields.put("b", "two");
            fields.put("é", "ünï");
            assertEquals(3L, await(client.hset(k, fields)));
            assertEquals(3L, await(client.hlen(k)));
            assertEquals(Set.of("a", "b", "é"), new HashSet<>(Arrays.asList(await(client.hkeys(k)))));
            assertEquals(Set.of("1", "two", "ünï"), new HashSet<>(Arrays.asList(await(client.hvals(k)))));
            assertArrayEquals(new String[] {"two", null, "1"}, await(client.hmget(k, new String[] {"b", "nope", "a"})));
            assertEquals(5L, await(client.hstrlen(k, "é")), "bytes (ü and ï take two), not chars");
            assertEquals(0L, await(client.hstrlen(k, "nope")));
            assertTrue(await(client.hexists(k, "a")));
            assertFalse(await(client.hexists(k, "nope")));

            assertFalse(await(client.hsetnx(k, "a", "changed")));
            assertEquals("1", await(client.hget(k, "a")));
            assertTrue(await(client.hsetnx(k, "c", "3")));
            assertEquals(2L, await(client.hdel(k, new String[] {"c", "b", "nope"})));
            assertEquals(2L, await(client.hlen(k)));

            assertEquals(11L, await(client.hincrBy(k, "a", 10)));
            assertEquals(-5L, await(client.hincrBy(k, "new", -5)));
            assertInstanceOf(RequestException.class, failure(client.hincrBy(k, "é", 1)), "not an integer");
            Double d = await(client.hincrByFloat(k, "a", 0.5));
            assertEquals(11.5, d);
            assertEquals(-5.25, await(client.hincrByFloat(k, "new", -0.25)));
            assertEquals(1.0e20, await(client.hincrByFloat(k, "big", 1.0e20)), "exponent notation is accepted");
            assertInstanceOf(RequestException.class, failure(client.hincrByFloat(k, "é", 1.5)));

            assertEquals(4L, await(client.hdel(k, new String[] {"a", "é", "new", "big"})));
            assertEquals(0L, await(client.exists(new String[] {k})), "the last field takes the key with it");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void missingKeys(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertNull(await(client.hget(k, "f")));
            assertEquals(0L, await(client.hlen(k)));
            assertEquals(0, await(client.hkeys(k)).length);
            assertEquals(0, await(client.hvals(gs(k))).length);
            assertArrayEquals(new String[] {null, null}, await(client.hmget(k, new String[] {"f", "g"})));
            assertFalse(await(client.hexists(k, "f")));
            assertEquals(0L, await(client.hstrlen(k, "f")));
            assertEquals(0L, await(client.hdel(k, new String[] {"f"})));
            assertNull(await(client.hrandfield(k)));
            assertNull(await(client.hrandfield(gs(k))));
            assertEquals(0, await(client.hrandfieldWithCount(k, 5)).length);
            assertEquals(0, await(client.hrandfieldWithCountWithValues(k, 5)).length);
            assertEquals(0, await(client.hrandfieldWithCountWithValues(gs(k), -5)).length);
            assertEquals(Map.of(), await(client.hgetall(k)));
            Object[] step = await(client.hscan(k, "0"));
            assertEquals("0", step[0]);
            assertArrayEquals(new String[0], (String[]) step[1]);
            Object[] binaryStep = await(client.hscan(gs(k), gs("0")));
            assertEquals(gs("0"), binaryStep[0]);
            assertArrayEquals(new GlideString[0], (GlideString[]) binaryStep[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void binaryFieldsAndValues(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            GlideString k = binary(0);
            GlideString f1 = binary(1);
            GlideString v1 = binary(2);
            GlideString f2 = gs("text");
            Map<GlideString, GlideString> fields = new HashMap<>();
            fields.put(f1, v1);
            fields.put(f2, gs("7"));
            assertEquals(2L, await(client.hset(k, fields)));
            assertEquals(v1, await(client.hget(k, f1)));
            assertEquals(fields, await(client.hgetall(k)));
            assertEquals(2L, await(client.hlen(k)));
            assertEquals(Set.of(f1, f2), new HashSet<>(Arrays.asList(await(client.hkeys(k)))));
            assertEquals(Set.of(v1, gs("7")), new HashSet<>(Arrays.asList(await(client.hvals(k)))));
            assertArrayEquals(new GlideString[] {v1, null}, await(client.hmget(k, new GlideString[] {f1, gs("nope")})));
            assertTrue(await(client.hexists(k, f1)));
            assertEquals((long) v1.getBytes().length, await(client.hstrlen(k, f1)));
            assertFalse(await(client.hsetnx(k, f1, gs("x"))));
            GlideString f3 = binary(3);
            assertTrue(await(client.hsetnx(k, f3, binary(4))));
            assertEquals(9L, await(client.hincrBy(k, f2, 2)));
            assertEquals(9.5, await(client.hincrByFloat(k, f2, 0.5)));
            assertTrue(Set.of(f1, f2, f3).contains(await(client.hrandfield(k))));
            assertEquals(3, await(client.hrandfieldWithCount(k, 10)).length);
            for (GlideString[] pair : await(client.hrandfieldWithCountWithValues(k, 10))) {
                assertEquals(2, pair.length);
                assertEquals(await(client.hget(k, pair[0])), pair[1]);
            }
            assertEquals(1L, await(client.hdel(k, new GlideString[] {f3})));

            // The String overloads refuse bytes they cannot decode instead of garbling them.
            String textKey = key();
            await(client.hset(gs(textKey), Map.of(f1, gs("v"))));
            assertInstanceOf(RequestException.class, failure(client.hkeys(textKey)));
            assertInstanceOf(RequestException.class, failure(client.hgetall(textKey)));
            assertInstanceOf(RequestException.class, failure(client.hrandfield(textKey)));
            assertInstanceOf(RequestException.class, failure(client.hrandfieldWithCountWithValues(textKey, 1)));
            assertInstanceOf(RequestException.class, failure(client.hscan(textKey, "0")));
            assertEquals("v", await(client.hvals(textKey))[0], "the value alone is text");
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void randomFields(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < 20; i++) {
                fields.put("f" + i, "v" + i);
            }
            await(client.hset(k, fields));
            assertTrue(fields.containsKey(await(client.hrandfield(k))));

            String[] distinct = await(client.hrandfieldWithCount(k, 5));
            assertEquals(5, distinct.length);
            assertEquals(5, new HashSet<>(Arrays.asList(distinct)).size());
            assertEquals(20, await(client.hrandfieldWithCount(k, 100)).length, "at most every field");
            String[] repeated = await(client.hrandfieldWithCount(k, -50));
            assertEquals(50, repeated.length, "a negative count may repeat fields");
            assertTrue(fields.keySet().containsAll(Arrays.asList(repeated)));
            assertEquals(0, await(client.hrandfieldWithCount(gs(k), 0)).length);

            String[][] pairs = await(client.hrandfieldWithCountWithValues(k, 7));
            assertEquals(7, pairs.length);
            for (String[] pair : pairs) {
                assertEquals(2, pair.length);
                assertEquals(fields.get(pair[0]), pair[1]);
            }
            String[][] many = await(client.hrandfieldWithCountWithValues(k, -30));
            assertEquals(30, many.length);
            for (String[] pair : many) {
                assertEquals(fields.get(pair[0]), pair[1]);
            }
            GlideString[][] binaryPairs = await(client.hrandfieldWithCountWithValues(gs(k), 100));
            assertEquals(20, binaryPairs.length);
            Map<String, String> seen = new HashMap<>();
            for (GlideString[] pair : binaryPairs) {
                seen.put(pair[0].getString(), pair[1].getString());
            }
            assertEquals(fields, seen);
            GlideString[] binaryFields = await(client.hrandfieldWithCount(gs(k), 3));
            assertEquals(3, binaryFields.length);
            assertTrue(fields.containsKey(binaryFields[0].getString()));

            // customCommand gets the same pairs as the typed method.
            Object[] custom = (Object[]) await(client.customCommand(new String[] {"HRANDFIELD", k, "2", "WITHVALUES"}));
            assertEquals(2, custom.length);
            assertEquals(2, ((Object[]) custom[0]).length);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void scanVisitsEveryFieldAndHonoursOptions(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < 1000; i++) {
                fields.put((i % 10 == 0 ? "match:" : "other:") + i, "v" + i);
            }
            await(client.hset(k, fields));

            // No options: the server's default COUNT (hash table encoding, so many steps).
            Map<String, String> seen = new HashMap<>();
            String cursor = "0";
            int steps = 0;
            do {
                Object[] step = await(client.hscan(k, cursor));
                assertInstanceOf(String.class, step[0]);
                String[] flat = (String[]) step[1];
                assertEquals(0, flat.length % 2);
                for (int i = 0; i < flat.length; i += 2) {
                    seen.put(flat[i], flat[i + 1]);
                }
                cursor = (String) step[0];
                steps++;
            } while (!cursor.equals("0"));
            assertEquals(fields, seen);
            assertTrue(steps > 1, "a hash of 1000 fields takes several steps");

            Map<String, String> matched = new HashMap<>();
            cursor = "0";
            HScanOptions options = HScanOptions.builder().matchPattern("match:*").count(100L).build();
            do {
                Object[] step = await(client.hscan(k, cursor, options));
                Object[] flat = (Object[]) step[1]; // valkey-glide's documented cast also works
                for (int i = 0; i < flat.length; i += 2) {
                    matched.put((String) flat[i], (String) flat[i + 1]);
                }
                cursor = step[0].toString();
            } while (!cursor.equals("0"));
            assertEquals(100, matched.size());
            assertTrue(matched.keySet().stream().allMatch(f -> f.startsWith("match:")));

            // Binary: cursor and elements as GlideString; a pattern that is not UTF-8 works.
            GlideString bk = binary(0);
            GlideString prefix = gs(new byte[] {(byte) 0xfe, '-'});
            Map<GlideString, GlideString> binaryFields = new HashMap<>();
            for (int i = 0; i < 300; i++) {
                GlideString field = gs(concat(i % 3 == 0 ? prefix.getBytes() : new byte[] {'x'}, Integer.toString(i)));
                binaryFields.put(field, binary(i));
            }
            await(client.hset(bk, binaryFields));
            Map<GlideString, GlideString> binarySeen = new HashMap<>();
            GlideString binaryCursor = gs("0");
            HScanOptionsBinary binaryOptions = HScanOptionsBinary.builder()
                    .matchPattern(gs(concat(prefix.getBytes(), "*")))
                    .count(50L)
                    .build();
            do {
                Object[] step = await(client.hscan(bk, binaryCursor, binaryOptions));
                GlideString[] flat = (GlideString[]) step[1];
                for (int i = 0; i < flat.length; i += 2) {
                    binarySeen.put(flat[i], flat[i + 1]);
                }
                binaryCursor = (GlideString) step[0];
            } while (!binaryCursor.equals(gs("0")));
            assertEquals(100, binarySeen.size());
            binarySeen.forEach((f, v) -> assertEquals(binaryFields.get(f), v));
            // Without options too.
            Object[] first = await(client.hscan(bk, gs("0")));
            assertInstanceOf(GlideString.class, first[0]);
            assertTrue(((GlideString[]) first[1]).length > 0);

            assertInstanceOf(RequestException.class, failure(client.hscan(k, "not-a-cursor")));
        }
    }

    private static byte[] concat(byte[] head, String tail) {
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, head.length + t.length);
        System.arraycopy(t, 0, out, head.length, t.length);
        return out;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void largeHashInOneCall(ProtocolVersion protocol) throws Exception {
        int n = 100_000;
        GlideClientConfiguration config = Clients.config(server, protocol).requestTimeout(10_000).build();
        try (GlideClient client = await(GlideClient.createClient(config))) {
            String k = key();
            Map<String, String> fields = new HashMap<>(n * 2);
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                names[i] = "field-" + i;
                fields.put(names[i], "value-" + i);
            }
            assertEquals((long) n, await(client.hset(k, fields)));
            assertEquals((long) n, await(client.hlen(k)));
            assertEquals(fields, await(client.hgetall(k)));
            assertEquals(n, await(client.hkeys(k)).length);
            assertEquals(n, await(client.hvals(gs(k))).length);
            String[] values = await(client.hmget(k, names));
            for (int i = 0; i < n; i += 997) {
                assertEquals("value-" + i, values[i]);
            }
            assertEquals(n, await(client.hrandfieldWithCountWithValues(k, n)).length);

            Set<String> seen = new HashSet<>(n * 2);
            String cursor = "0";
            HScanOptions options = HScanOptions.builder().count(5000L).build();
            do {
                Object[] step = await(client.hscan(k, cursor, options));
                String[] flat = (String[]) step[1];
                for (int i = 0; i < flat.length; i += 2) {
                    seen.add(flat[i]);
                }
                cursor = (String) step[0];
            } while (!cursor.equals("0"));
            assertEquals(fields.keySet(), seen);

            assertEquals((long) n, await(client.hdel(k, names)));
            assertEquals(0L, await(client.hlen(k)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void wrongTypeIsARequestException(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            await(client.set(k, "string"));
            GlideString b = gs(k);
            List<Function<GlideClient, CompletableFuture<?>>> calls = List.of(
                    c -> c.hget(k, "f"),
                    c -> c.hset(k, Map.of("f", "v")),
                    c -> c.hsetnx(k, "f", "v"),
                    c -> c.hsetnx(b, gs("f"), gs("v")),
                    c -> c.hdel(k, new String[] {"f"}),
                    c -> c.hdel(b, new GlideString[] {gs("f")}),
                    c -> c.hlen(k),
                    c -> c.hlen(b),
                    c -> c.hvals(k),
                    c -> c.hkeys(b),
                    c -> c.hmget(k, new String[] {"f"}),
                    c -> c.hexists(k, "f"),
                    c -> c.hexists(b, gs("f")),
                    c -> c.hgetall(k),
                    c -> c.hincrBy(k, "f", 1),
                    c -> c.hincrBy(b, gs("f"), 1),
                    c -> c.hincrByFloat(k, "f", 1.5),
                    c -> c.hincrByFloat(b, gs("f"), 1.5),
                    c -> c.hstrlen(k, "f"),
                    c -> c.hstrlen(b, gs("f")),
                    c -> c.hrandfield(k),
                    c -> c.hrandfieldWithCount(k, 2),
                    c -> c.hrandfieldWithCountWithValues(k, 2),
                    c -> c.hscan(k, "0"),
                    c -> c.hscan(b, gs("0"), HScanOptionsBinary.builder().count(5L).build()));
            for (Function<GlideClient, CompletableFuture<?>> call : calls) {
                Throwable error = failure(call.apply(client));
                assertInstanceOf(RequestException.class, error);
                assertTrue(error.getMessage().contains("WRONGTYPE"), error.getMessage());
            }
        }
    }

    @Test
    void optionArguments() {
        assertArrayEquals(new String[0], HScanOptions.builder().build().toArgs());
        HScanOptions all = HScanOptions.builder().matchPattern("a*").count(10L).noValues(true).build();
        assertArrayEquals(new String[] {"MATCH", "a*", "COUNT", "10", "NOVALUES"}, all.toArgs());
        assertArrayEquals(
                new GlideString[] {gs("MATCH"), gs("a*"), gs("COUNT"), gs("10"), gs("NOVALUES")}, all.toGlideStringArgs());
        assertArrayEquals(new String[] {"COUNT", "5"}, HScanOptions.builder().count(5L).noValues(false).build().toArgs());
        assertEquals(all, HScanOptions.builder().noValues(true).count(10L).matchPattern("a*").build());
        assertEquals(all.hashCode(), HScanOptions.builder().noValues(true).count(10L).matchPattern("a*").build().hashCode());
        assertNotEquals(all, HScanOptions.builder().matchPattern("a*").count(10L).build());
        assertEquals("NOVALUES", HScanOptions.NO_VALUES_API);

        GlideString pattern = gs(new byte[] {(byte) 0xff, '*'});
        HScanOptionsBinary binary = HScanOptionsBinary.builder().matchPattern(pattern).count(3L).noValues(true).build();
        assertArrayEquals(
                new GlideString[] {gs("MATCH"), pattern, gs("COUNT"), gs("3"), gs("NOVALUES")}, binary.toGlideStringArgs());
        assertEquals(5, binary.toArgs().length);
        assertEquals("NOVALUES", binary.toArgs()[4]);
        assertArrayEquals(new String[0], HScanOptionsBinary.builder().build().toArgs());
        assertEquals(gs("NOVALUES"), HScanOptionsBinary.NO_VALUES_API);

        assertArrayEquals(new String[0], HSetExOptions.builder().build().toArgs());
        assertArrayEquals(
                new String[] {"FNX", "EX", "60"},
                HSetExOptions.builder().onlyIfNoneExist().expiry(ExpirySet.Seconds(60L)).build().toArgs());
        assertArrayEquals(
                new String[] {"FXX", "KEEPTTL"},
                HSetExOptions.builder().onlyIfAllExist().expiry(ExpirySet.KeepExisting()).build().toArgs());
        assertArrayEquals(
                new String[] {"PX", "1500"}, HSetExOptions.builder().expiry(ExpirySet.Milliseconds(1500L)).build().toArgs());
        assertArrayEquals(
                new String[] {"FNX", "EXAT", "2000000000"},
                HSetExOptions.builder()
                        .fieldConditionalChange(FieldConditionalChange.ONLY_IF_NONE_EXIST)
                        .expiry(ExpirySet.UnixSeconds(2_000_000_000L))
                        .build()
                        .toArgs());
        assertArrayEquals(new String[] {"PXAT", "5"}, ExpirySet.UnixMilliseconds(5L).toArgs());
        assertArrayEquals(new String[] {"PERSIST"}, ExpirySet.Persist().toArgs());
        assertEquals("FXX", FieldConditionalChange.ONLY_IF_ALL_EXIST.getValkeyApi());
        assertEquals("FNX", FieldConditionalChange.ONLY_IF_NONE_EXIST.getValkeyApi());
        assertThrows(IllegalArgumentException.class, () -> HSetExOptions.builder().expiry(ExpirySet.Persist()).build().toArgs());
        assertThrows(IllegalArgumentException.class, () -> ExpirySet.KeepExisting().validateForCommand("HGETEX"));
        assertThrows(IllegalArgumentException.class, () -> ExpirySet.Seconds(1L).validateForCommand(null));
        ExpirySet.Persist().validateForCommand("HGETEX");
        ExpirySet.KeepExisting().validateForCommand("HSETEX");
        assertThrows(IllegalArgumentException.class, () -> ExpirySet.Seconds(0L));
        assertThrows(IllegalArgumentException.class, () -> ExpirySet.Milliseconds(-1L));
        assertThrows(IllegalArgumentException.class, () -> ExpirySet.UnixSeconds(null));
        assertEquals(ExpirySet.Seconds(5L), ExpirySet.Seconds(5L));
        assertNotEquals(ExpirySet.Seconds(5L), ExpirySet.Milliseconds(5L));
        assertEquals(
                HSetExOptions.builder().onlyIfAllExist().build(),
                HSetExOptions.builder().fieldConditionalChange(FieldConditionalChange.ONLY_IF_ALL_EXIST).build());

        assertArrayEquals(new String[0], HGetExOptions.builder().build().toArgs());
        assertArrayEquals(new String[] {"EX", "9"}, HGetExOptions.builder().expiry(HGetExExpiry.Seconds(9L)).build().toArgs());
        assertArrayEquals(new String[] {"PX", "9"}, HGetExExpiry.Milliseconds(9L).toArgs());
        assertArrayEquals(new String[] {"EXAT", "9"}, HGetExExpiry.UnixSeconds(9L).toArgs());
        assertArrayEquals(new String[] {"PXAT", "9"}, HGetExExpiry.UnixMilliseconds(9L).toArgs());
        assertArrayEquals(new String[] {"PERSIST"}, HGetExExpiry.Persist().toArgs());
        assertThrows(IllegalArgumentException.class, () -> HGetExExpiry.Seconds(0L));
        assertEquals(HGetExOptions.builder().expiry(HGetExExpiry.Persist()).build(),
                HGetExOptions.builder().expiry(HGetExExpiry.Persist()).build());

        assertArrayEquals(new String[0], HashFieldExpirationConditionOptions.builder().build().toArgs());
        String[] tokens = {"NX", "XX", "GT", "LT"};
        ExpireOptions[] conditions = {
            ExpireOptions.HAS_NO_EXPIRY,
            ExpireOptions.HAS_EXISTING_EXPIRY,
            ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT,
            ExpireOptions.NEW_EXPIRY_LESS_THAN_CURRENT
        };
        for (int i = 0; i < tokens.length; i++) {
            assertArrayEquals(
                    new String[] {tokens[i]},
                    HashFieldExpirationConditionOptions.builder().condition(conditions[i]).build().toArgs());
        }
        assertEquals("WITHVALUES", HashBaseCommandsConstants.WITH_VALUES);
        assertEquals("FIELDS", HashBaseCommandsConstants.FIELDS);
    }

    /** The interface's constants, read through a class (they are inherited by every client). */
    private static final class HashBaseCommandsConstants {
        static final String WITH_VALUES = glide.api.commands.HashBaseCommands.WITH_VALUES_VALKEY_API;
        static final String FIELDS = glide.api.commands.HashBaseCommands.FIELDS_VALKEY_API;
    }

    // ---- commands of Valkey 9.0 / Redis 7.4+ that the local server lacks: checked against a
    // scripted server (the exact arguments sent, the replies' Java types under both protocols) ----

    private static GlideClient connect(ScriptedServer fake, ProtocolVersion protocol) throws Exception {
        return await(GlideClient.createClient(GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(fake.host()).port(fake.port()).build())
                .protocol(protocol)
                .build()));
    }

    private static String nil(boolean resp3) {
        return resp3 ? "_\r\n" : "$-1\r\n";
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void fieldExpirationCommandsSendTheirArgumentsAndConvertReplies(ProtocolVersion protocol) throws Exception {
        ScriptedServer.Responder responder = (command, resp3) -> {
            switch (command.get(0)) {
                case "HSETEX":
                    return command.contains("FXX") ? ":0\r\n" : ":1\r\n";
                case "HGETEX":
                    return "*2\r\n$2\r\nv1\r\n" + nil(resp3);
                case "HSCAN":
                    return "*2\r\n$1\r\n0\r\n*2\r\n$2\r\nf1\r\n$2\r\nf2\r\n";
                default: // HEXPIRE, HTTL... one integer per field
                    int fields = Integer.parseInt(command.get(command.indexOf("FIELDS") + 1));
                    StringBuilder reply = new StringBuilder("*" + fields + "\r\n");
                    for (int i = 0; i < fields; i++) {
                        reply.append(":").append(i == 0 ? 1 : -2).append("\r\n");
                    }
                    return reply.toString();
            }
        };
        try (ScriptedServer fake = ScriptedServer.start(responder);
                GlideClient client = connect(fake, protocol)) {
            Map<String, String> two = new LinkedHashMap<>();
            two.put("f1", "v1");
            two.put("f2", "v2");
            HSetExOptions fnx = HSetExOptions.builder().onlyIfNoneExist().expiry(ExpirySet.Seconds(60L)).build();
            assertEquals(1L, await(client.hsetex("k", two, fnx)));
            assertEquals(
                    List.of("HSETEX", "k", "FNX", "EX", "60", "FIELDS", "2", "f1", "v1", "f2", "v2"), fake.nextCommand());
            assertEquals(1L, await(client.hsetex("k", Map.of("f", "v"), null)));
            assertEquals(List.of("HSETEX", "k", "FIELDS", "1", "f", "v"), fake.nextCommand());
            HSetExOptions fxx = HSetExOptions.builder().onlyIfAllExist().expiry(ExpirySet.KeepExisting()).build();
            GlideString bin = gs(new byte[] {(byte) 0xff, 0});
            assertEquals(0L, await(client.hsetex(gs("bk"), Map.of(bin, bin), fxx)));
            assertEquals(List.of("HSETEX", "bk", "FXX", "KEEPTTL", "FIELDS", "1", "\u00ff\u0000", "\u00ff\u0000"),
                    fake.nextCommand());
            assertThrows(IllegalArgumentException.class,
                    () -> client.hsetex("k", two, HSetExOptions.builder().expiry(ExpirySet.Persist()).build()));

            HGetExOptions persist = HGetExOptions.builder().expiry(HGetExExpiry.Persist()).build();
            assertArrayEquals(new String[] {"v1", null}, await(client.hgetex("k", new String[] {"f1", "f2"}, persist)));
            assertEquals(List.of("HGETEX", "k", "PERSIST", "FIELDS", "2", "f1", "f2"), fake.nextCommand());
            HGetExOptions px = HGetExOptions.builder().expiry(HGetExExpiry.Milliseconds(1500L)).build();
            assertArrayEquals(new GlideString[] {gs("v1"), null},
                    await(client.hgetex(gs("k"), new GlideString[] {bin, gs("f2")}, px)));
            assertEquals(List.of("HGETEX", "k", "PX", "1500", "FIELDS", "2", "\u00ff\u0000", "f2"), fake.nextCommand());
            await(client.hgetex("k", new String[] {"f"}, null));
            assertEquals(List.of("HGETEX", "k", "FIELDS", "1", "f"), fake.nextCommand());

            HashFieldExpirationConditionOptions nx =
                    HashFieldExpirationConditionOptions.builder().condition(ExpireOptions.HAS_NO_EXPIRY).build();
            String[] three = {"f1", "f2", "f3"};
            Long[] codes = await(client.hexpire("k", 60, three, nx));
            assertArrayEquals(new Long[] {1L, -2L, -2L}, codes);
            assertEquals(List.of("HEXPIRE", "k", "60", "NX", "FIELDS", "3", "f1", "f2", "f3"), fake.nextCommand());
            assertArrayEquals(new Long[] {1L}, await(client.hexpire(gs("k"), 5, new GlideString[] {bin}, null)));
            assertEquals(List.of("HEXPIRE", "k", "5", "FIELDS", "1", "\u00ff\u0000"), fake.nextCommand());

            HashFieldExpirationConditionOptions gt = HashFieldExpirationConditionOptions.builder()
                    .condition(ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT)
                    .build();
            await(client.hpexpire("k", 1500, new String[] {"f"}, gt));
            assertEquals(List.of("HPEXPIRE", "k", "1500", "GT", "FIELDS", "1", "f"), fake.nextCommand());
            await(client.hpexpire(gs("k"), 1500, new GlideString[] {gs("f")}, null));
            assertEquals(List.of("HPEXPIRE", "k", "1500", "FIELDS", "1", "f"), fake.nextCommand());
            await(client.hexpireat("k", 2_000_000_000L, new String[] {"f"}, null));
            assertEquals(List.of("HEXPIREAT", "k", "2000000000", "FIELDS", "1", "f"), fake.nextCommand());
            HashFieldExpirationConditionOptions xx = HashFieldExpirationConditionOptions.builder()
                    .condition(ExpireOptions.HAS_EXISTING_EXPIRY)
                    .build();
            await(client.hexpireat(gs("k"), 2_000_000_000L, new GlideString[] {gs("f")}, xx));
            assertEquals(List.of("HEXPIREAT", "k", "2000000000", "XX", "FIELDS", "1", "f"), fake.nextCommand());
            HashFieldExpirationConditionOptions lt = HashFieldExpirationConditionOptions.builder()
                    .condition(ExpireOptions.NEW_EXPIRY_LESS_THAN_CURRENT)
                    .build();
            await(client.hpexpireat("k", 2_000_000_000_000L, new String[] {"f", "g"}, lt));
            assertEquals(List.of("HPEXPIREAT", "k", "2000000000000", "LT", "FIELDS", "2", "f", "g"), fake.nextCommand());
            await(client.hpexpireat(gs("k"), 1L, new GlideString[] {gs("f")}, null));
            assertEquals(List.of("HPEXPIREAT", "k", "1", "FIELDS", "1", "f"), fake.nextCommand());

            String[] fg = {"f", "g"};
            GlideString[] binFg = {gs("f"), gs("g")};
            Map<String, Function<Boolean, CompletableFuture<Long[]>>> readers = new LinkedHashMap<>();
            readers.put("HPERSIST", text -> text ? client.hpersist("k", fg) : client.hpersist(gs("k"), binFg));
            readers.put("HTTL", text -> text ? client.httl("k", fg) : client.httl(gs("k"), binFg));
            readers.put("HPTTL", text -> text ? client.hpttl("k", fg) : client.hpttl(gs("k"), binFg));
            readers.put("HEXPIRETIME", text -> text ? client.hexpiretime("k", fg) : client.hexpiretime(gs("k"), binFg));
            readers.put("HPEXPIRETIME", text -> text ? client.hpexpiretime("k", fg) : client.hpexpiretime(gs("k"), binFg));
            for (Map.Entry<String, Function<Boolean, CompletableFuture<Long[]>>> reader : readers.entrySet()) {
                for (boolean text : new boolean[] {true, false}) {
                    assertArrayEquals(new Long[] {1L, -2L}, await(reader.getValue().apply(text)), reader.getKey());
                    assertEquals(List.of(reader.getKey(), "k", "FIELDS", "2", "f", "g"), fake.nextCommand());
                }
            }

            // NOVALUES (Valkey 8.0 / Redis 7.4): fields only.
            Object[] step = await(client.hscan("k", "0", HScanOptions.builder().matchPattern("f*").count(10L).noValues(true).build()));
            assertEquals(List.of("HSCAN", "k", "0", "MATCH", "f*", "COUNT", "10", "NOVALUES"), fake.nextCommand());
            assertEquals("0", step[0]);
            assertArrayEquals(new String[] {"f1", "f2"}, (String[]) step[1]);
            Object[] binaryStep = await(client.hscan(gs("k"), gs("0"), HScanOptionsBinary.builder().noValues(true).build()));
            assertEquals(List.of("HSCAN", "k", "0", "NOVALUES"), fake.nextCommand());
            assertArrayEquals(new GlideString[] {gs("f1"), gs("f2")}, (GlideString[]) binaryStep[1]);
        }
    }

    private static boolean serverHas(GlideClient client, String command) throws Exception {
        Object[] info = (Object[]) await(client.customCommand(new String[] {"COMMAND", "INFO", command}));
        return info.length == 1 && info[0] != null;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void fieldExpirationOnAServerWithout(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            Assumptions.assumeFalse(serverHas(client, "HEXPIRE"), "the server has hash field expiration");
            // An older server refuses with its own error; the future fails, nothing hangs.
            assertInstanceOf(RequestException.class, failure(client.httl(key(), new String[] {"f"})));
            assertInstanceOf(RequestException.class, failure(client.hsetex(key(), Map.of("f", "v"), null)));
        }
    }

    /** On a server that has them (run with -Dglide.test.redisServer=valkey-server of 9.0+). */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void fieldExpirationOnAServerWithIt(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            Assumptions.assumeTrue(serverHas(client, "HSETEX"), "the server lacks HSETEX (Valkey 9.0 / Redis 8.0)");
            String k = key();
            String[] f1AndMissing = {"f1", "missing"};
            HSetExOptions ex = HSetExOptions.builder().onlyIfNoneExist().expiry(ExpirySet.Seconds(100L)).build();
            assertEquals(1L, await(client.hsetex(k, Map.of("f1", "v1", "f2", "v2"), ex)));
            assertEquals(0L, await(client.hsetex(k, Map.of("f1", "again"), ex)), "FNX: f1 exists");
            Long[] ttl = await(client.httl(k, f1AndMissing));
            assertTrue(ttl[0] > 90 && ttl[0] <= 100, Arrays.toString(ttl));
            assertEquals(-2L, ttl[1]);
            assertTrue(await(client.hpttl(gs(k), new GlideString[] {gs("f1")}))[0] > 90_000);
            long now = System.currentTimeMillis() / 1000;
            long at = await(client.hexpiretime(k, new String[] {"f1"}))[0];
            assertTrue(Math.abs(at - (now + 100)) <= 2, "expiretime " + at);
            assertTrue(Math.abs(await(client.hpexpiretime(k, new String[] {"f1"}))[0] - at * 1000) <= 1000);
            assertArrayEquals(new Long[] {1L, -2L}, await(client.hpersist(k, f1AndMissing)));
            assertArrayEquals(new Long[] {-1L}, await(client.httl(k, new String[] {"f1"})));

            HashFieldExpirationConditionOptions nx =
                    HashFieldExpirationConditionOptions.builder().condition(ExpireOptions.HAS_NO_EXPIRY).build();
            assertArrayEquals(new Long[] {1L, -2L}, await(client.hexpire(k, 200, f1AndMissing, nx)));
            assertArrayEquals(new Long[] {0L}, await(client.hexpire(k, 300, new String[] {"f1"}, nx)), "NX: has one");
            HashFieldExpirationConditionOptions gt = HashFieldExpirationConditionOptions.builder()
                    .condition(ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT)
                    .build();
            assertArrayEquals(new Long[] {1L}, await(client.hpexpire(k, 400_000, new String[] {"f1"}, gt)));
            assertArrayEquals(new Long[] {1L}, await(client.hexpireat(gs(k), now + 500, new GlideString[] {gs("f1")}, null)));
            assertArrayEquals(new Long[] {1L}, await(client.hpexpireat(k, (now + 600) * 1000, new String[] {"f1"}, null)));

            HGetExOptions persist = HGetExOptions.builder().expiry(HGetExExpiry.Persist()).build();
            assertArrayEquals(new String[] {"v1", null}, await(client.hgetex(k, f1AndMissing, persist)));
            assertArrayEquals(new Long[] {-1L}, await(client.httl(k, new String[] {"f1"})));
            // A time in the past deletes the field.
            assertArrayEquals(new Long[] {2L}, await(client.hexpireat(k, 1, new String[] {"f2"}, null)));
            assertFalse(await(client.hexists(k, "f2")));

            // The same commands in a transaction, with FXX and KEEPTTL; replies as the methods'.
            String b = key();
            String[] fAndMissing = {"f", "missing"};
            HGetExOptions in50s = HGetExOptions.builder().expiry(HGetExExpiry.Milliseconds(50_000L)).build();
            Object[] replies = await(client.exec(new glide.api.models.Batch(true)
                    .hset(b, Map.of("f", "v"))
                    .hsetex(b, Map.of("f", "w"), HSetExOptions.builder()
                            .onlyIfAllExist()
                            .expiry(ExpirySet.KeepExisting())
                            .build())
                    .hgetex(b, fAndMissing, in50s)
                    .hpttl(b, fAndMissing)
                    .hpersist(b, fAndMissing)
                    .httl(b, fAndMissing), false));
            assertEquals(6, replies.length);
            assertEquals(1L, replies[1], "FXX: f exists");
            assertEquals(Arrays.asList("w", null), Arrays.asList((Object[]) replies[2]));
            long pttl = (Long) ((Object[]) replies[3])[0];
            assertTrue(pttl > 40_000 && pttl <= 50_000, "pttl " + pttl);
            assertEquals(-2L, ((Object[]) replies[3])[1]);
            assertEquals(Arrays.asList(1L, -2L), Arrays.asList((Object[]) replies[4]));
            assertEquals(Arrays.asList(-1L, -2L), Arrays.asList((Object[]) replies[5]));
        }
    }

    // ---- defined shapes: the typed result equals customCommand's (the shape the core derives) ----

    /** HGETALL a map, HEXISTS/HSETNX booleans, HINCRBYFLOAT a double, whatever the protocol. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void hashCommandsWithAShapeGiveWhatTheProbeDerives(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.Setup twoFields = (c, k) -> await(c.hset(k, Map.of("f", "1.25", "g", "w")));
            Function<Object, Map<String, String>> map = HashCommands.TEXT.hgetall("a").convert();
            SameAsDerived.check(client, twoFields, k -> client.hgetall(k), k -> new String[] {"HGETALL", k}, map,
                    Map.of("f", "1.25", "g", "w"));
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.hgetall(k), k -> new String[] {"HGETALL", k}, map,
                    Map.of());
            Function<Object, Boolean> bool = HashCommands.TEXT.hexists("a", "b").convert();
            SameAsDerived.check(client, twoFields, k -> client.hexists(k, "f"), k -> new String[] {"HEXISTS", k, "f"}, bool, true);
            SameAsDerived.check(client, twoFields, k -> client.hexists(k, "x"), k -> new String[] {"HEXISTS", k, "x"}, bool, false);
            SameAsDerived.check(client, twoFields, k -> client.hsetnx(k, "f", "z"), k -> new String[] {"HSETNX", k, "f", "z"},
                    bool, false);
            SameAsDerived.check(client, twoFields, k -> client.hsetnx(k, "n", "z"), k -> new String[] {"HSETNX", k, "n", "z"},
                    bool, true);
            SameAsDerived.check(client, twoFields, k -> client.hincrByFloat(k, "f", 0.5),
                    k -> new String[] {"HINCRBYFLOAT", k, "f", "0.5"}, HashCommands.TEXT.hincrByFloat("a", "b", 0).convert(), 1.75);
        }
    }

    /** HRANDFIELD ... WITHVALUES: [field, value] pairs under both protocols, repeats kept (negative count). */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void hrandfieldWithValuesIsPairsWhateverTheProtocol(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.check(client, (c, k) -> await(c.hset(k, Map.of("f", "v"))), k -> client.hrandfieldWithCountWithValues(k, -2),
                    k -> new String[] {"HRANDFIELD", k, "-2", "WITHVALUES"},
                    HashCommands.TEXT.hrandfieldWithCountWithValues("a", 1).convert(), new String[][] {{"f", "v"}, {"f", "v"}});
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.hrandfieldWithCountWithValues(k, 2),
                    k -> new String[] {"HRANDFIELD", k, "2", "WITHVALUES"},
                    HashCommands.TEXT.hrandfieldWithCountWithValues("a", 1).convert(), new String[0][]);
        }
    }

    /** The binary overloads: the same shapes, their values byte for byte. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void binaryHashCommandsWithAShapeGiveWhatTheProbeDerives(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            GlideString k = binary(1);
            GlideString field = binary(2);
            GlideString value = binary(3);
            await(client.hset(k, Map.of(field, value)));
            Map<GlideString, GlideString> typed = await(client.hgetall(k));
            Object raw = await(client.customCommand(new GlideString[] {gs("HGETALL"), k}));
            Map<GlideString, GlideString> derived = HashCommands.BINARY.hgetall(gs("a")).convert().apply(raw);
            assertEquals(Map.of(field, value), typed);
            assertEquals(typed, derived);

            GlideString[][] pairs = await(client.hrandfieldWithCountWithValues(k, -2));
            raw = await(client.customCommand(new GlideString[] {gs("HRANDFIELD"), k, gs("-2"), gs("WITHVALUES")}));
            GlideString[][] derivedPairs = HashCommands.BINARY.hrandfieldWithCountWithValues(gs("a"), 1).convert().apply(raw);
            assertTrue(SameAsDerived.deepEquals(new GlideString[][] {{field, value}, {field, value}}, pairs), SameAsDerived.show(pairs));
            assertTrue(SameAsDerived.deepEquals(pairs, derivedPairs), SameAsDerived.show(derivedPairs));
        }
    }
}
