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
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.commands.SetBaseCommands;
import glide.api.models.GlideString;
import glide.api.models.commands.scan.SScanOptions;
import glide.api.models.commands.scan.SScanOptionsBinary;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.internal.commands.SetCommands;
import glide.testutil.RedisServer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The set family (issue 5), on a server under RESP2 and RESP3. */
class SetCommandsTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Keys share a hash tag, as the multi-key commands would need on a cluster. */
    private static String key() {
        return "{s}-" + UUID.randomUUID();
    }

    /** Bytes that are not UTF-8, made unique. */
    private static GlideString binary(int tag) {
        byte[] unique = key().getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[unique.length + 3];
        System.arraycopy(unique, 0, bytes, 0, unique.length);
        bytes[unique.length] = (byte) 0xff;
        bytes[unique.length + 1] = (byte) tag;
        bytes[unique.length + 2] = 0;
        return gs(bytes);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void membership(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(3L, await(client.sadd(k, new String[] {"a", "b", "c", "a"})));
            assertEquals(1L, await(client.sadd(k, new String[] {"c", "é"})));
            assertEquals(4L, await(client.scard(k)));
            Set<String> members = await(client.smembers(k));
            assertEquals(Set.of("a", "b", "c", "é"), members);
            assertTrue(await(client.sismember(k, "é")));
            assertFalse(await(client.sismember(k, "z")));
            assertArrayEquals(new Boolean[] {true, false, true}, await(client.smismember(k, new String[] {"a", "z", "c"})));
            assertEquals(2L, await(client.srem(k, new String[] {"a", "b", "z"})));
            assertEquals(Set.of("c", "é"), await(client.smembers(k)));

            String other = key();
            assertTrue(await(client.smove(k, other, "c")));
            assertFalse(await(client.smove(k, other, "c")), "no longer in the source");
            assertEquals(Set.of("c"), await(client.smembers(other)));
            assertTrue(await(client.smove(k, other, "é")));
            assertEquals(0L, await(client.exists(new String[] {k})), "the last member takes the key with it");

            String r = key();
            await(client.sadd(r, new String[] {"1", "2", "3", "4", "5"}));
            assertTrue(Set.of("1", "2", "3", "4", "5").contains(await(client.srandmember(r))));
            String[] distinct = await(client.srandmember(r, 3));
            assertEquals(3, new HashSet<>(Arrays.asList(distinct)).size());
            assertEquals(5, await(client.srandmember(r, 50)).length, "at most every member");
            assertEquals(12, await(client.srandmember(r, -12)).length, "a negative count may repeat members");
            assertEquals(5L, await(client.scard(r)), "srandmember removes nothing");

            String popped = await(client.spop(r));
            assertFalse(await(client.sismember(r, popped)));
            Set<String> two = await(client.spopCount(r, 2));
            assertEquals(2, two.size());
            assertFalse(two.contains(popped));
            assertEquals(2L, await(client.scard(r)));
            Set<String> rest = await(client.spopCount(r, 10));
            assertEquals(2, rest.size());
            assertEquals(0L, await(client.scard(r)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void missingKeys(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(0L, await(client.scard(k)));
            assertEquals(Set.of(), await(client.smembers(k)));
            assertEquals(Set.of(), await(client.smembers(gs(k))));
            assertFalse(await(client.sismember(k, "m")));
            assertArrayEquals(new Boolean[] {false, false}, await(client.smismember(k, new String[] {"m", "n"})));
            assertEquals(0L, await(client.srem(k, new String[] {"m"})));
            assertFalse(await(client.smove(k, key(), "m")));
            assertNull(await(client.srandmember(k)));
            assertNull(await(client.srandmember(gs(k))));
            assertEquals(0, await(client.srandmember(k, 3)).length);
            assertEquals(0, await(client.srandmember(gs(k), -3)).length);
            assertNull(await(client.spop(k)));
            assertNull(await(client.spop(gs(k))));
            assertEquals(Set.of(), await(client.spopCount(k, 3)));
            assertEquals(Set.of(), await(client.spopCount(gs(k), 3)));
            assertEquals(Set.of(), await(client.sinter(new String[] {k, key()})));
            assertEquals(Set.of(), await(client.sunion(new String[] {k})));
            assertEquals(Set.of(), await(client.sdiff(new String[] {k})));
            assertEquals(0L, await(client.sintercard(new String[] {k, key()})));
            String dest = key();
            assertEquals(0L, await(client.sunionstore(dest, new String[] {k})));
            assertEquals(0L, await(client.exists(new String[] {dest})), "an empty result stores no key");
            Object[] step = await(client.sscan(k, "0"));
            assertEquals("0", step[0]);
            assertArrayEquals(new String[0], (String[]) step[1]);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void algebra(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String a = key();
            String b = key();
            String c = key();
            await(client.sadd(a, new String[] {"1", "2", "3", "4"}));
            await(client.sadd(b, new String[] {"3", "4", "5"}));
            await(client.sadd(c, new String[] {"4", "6"}));
            assertEquals(Set.of("1", "2"), await(client.sdiff(new String[] {a, b})));
            assertEquals(Set.of("1", "2", "3"), await(client.sdiff(new String[] {a, c})));
            assertEquals(Set.of("3", "4"), await(client.sinter(new String[] {a, b})));
            assertEquals(Set.of("4"), await(client.sinter(new String[] {a, b, c})));
            assertEquals(Set.of("1", "2", "3", "4", "5", "6"), await(client.sunion(new String[] {a, b, c})));
            assertEquals(2L, await(client.sintercard(new String[] {a, b})));
            assertEquals(1L, await(client.sintercard(new String[] {a, b}, 1)), "stops at the limit");
            assertEquals(2L, await(client.sintercard(new String[] {a, b}, 0)), "0: no limit");
            assertInstanceOf(RequestException.class, failure(client.sintercard(new String[] {a, b}, -1)));

            String dest = key();
            assertEquals(2L, await(client.sdiffstore(dest, new String[] {a, b})));
            assertEquals(Set.of("1", "2"), await(client.smembers(dest)));
            assertEquals(2L, await(client.sinterstore(dest, new String[] {a, b})));
            assertEquals(Set.of("3", "4"), await(client.smembers(dest)), "overwritten");
            assertEquals(6L, await(client.sunionstore(dest, new String[] {a, b, c})));
            assertEquals(6L, await(client.scard(dest)));

            GlideString[] binaryKeys = {gs(a), gs(b)};
            GlideString bd = gs(key());
            assertEquals(Set.of(gs("1"), gs("2")), await(client.sdiff(binaryKeys)));
            assertEquals(Set.of(gs("3"), gs("4")), await(client.sinter(binaryKeys)));
            assertEquals(5, await(client.sunion(binaryKeys)).size());
            assertEquals(2L, await(client.sintercard(binaryKeys)));
            assertEquals(1L, await(client.sintercard(binaryKeys, 1)));
            assertEquals(2L, await(client.sdiffstore(bd, binaryKeys)));
            assertEquals(2L, await(client.sinterstore(bd, binaryKeys)));
            assertEquals(5L, await(client.sunionstore(bd, binaryKeys)));
            assertEquals(5L, await(client.scard(bd)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void binaryMembers(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            GlideString k = binary(0);
            GlideString m1 = binary(1);
            GlideString m2 = binary(2);
            GlideString text = gs("plain");
            assertEquals(3L, await(client.sadd(k, new GlideString[] {m1, m2, text})));
            assertEquals(3L, await(client.scard(k)));
            Set<GlideString> members = await(client.smembers(k));
            assertEquals(Set.of(m1, m2, text), members);
            assertTrue(await(client.sismember(k, m1)));
            assertArrayEquals(new Boolean[] {true, false}, await(client.smismember(k, new GlideString[] {m2, binary(9)})));
            assertTrue(Set.of(m1, m2, text).contains(await(client.srandmember(k))));
            assertEquals(3, await(client.srandmember(k, 10)).length);

            GlideString other = binary(3);
            assertTrue(await(client.smove(k, other, m2)));
            assertEquals(Set.of(m2), await(client.smembers(other)));
            assertEquals(Set.of(m1, text), await(client.sdiff(new GlideString[] {k, other})));
            assertEquals(1L, await(client.srem(k, new GlideString[] {text})));
            assertEquals(m1, await(client.spop(k)));
            assertEquals(Set.of(m2), await(client.spopCount(other, 5)));

            // The String overloads refuse members they cannot decode instead of garbling them.
            String textKey = key();
            await(client.sadd(gs(textKey), new GlideString[] {m1, gs("ok")}));
            assertInstanceOf(RequestException.class, failure(client.smembers(textKey)));
            assertInstanceOf(RequestException.class, failure(client.sunion(new String[] {textKey})));
            assertInstanceOf(RequestException.class, failure(client.srandmember(textKey, 10)));
            assertInstanceOf(RequestException.class, failure(client.sscan(textKey, "0")));
            assertEquals(2L, await(client.scard(textKey)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void scanVisitsEveryMember(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            Set<String> all = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                all.add((i % 4 == 0 ? "m:" : "x:") + i);
            }
            await(client.sadd(k, all.toArray(new String[0])));

            Set<String> seen = new HashSet<>();
            String cursor = "0";
            int steps = 0;
            do {
                Object[] step = await(client.sscan(k, cursor));
                seen.addAll(Arrays.asList((String[]) step[1]));
                cursor = (String) step[0];
                steps++;
            } while (!cursor.equals("0"));
            assertEquals(all, seen);
            assertTrue(steps > 1);

            Set<String> matched = new HashSet<>();
            SScanOptions options = SScanOptions.builder().matchPattern("m:*").count(200L).build();
            cursor = "0";
            do {
                Object[] step = await(client.sscan(k, cursor, options));
                for (Object member : (Object[]) step[1]) {
                    matched.add((String) member);
                }
                cursor = step[0].toString();
            } while (!cursor.equals("0"));
            assertEquals(250, matched.size());
            assertTrue(matched.stream().allMatch(m -> m.startsWith("m:")));

            GlideString bk = binary(0);
            byte[] prefix = {(byte) 0xfe, ':'};
            Set<GlideString> binaryAll = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                byte[] n = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
                byte[] member = Arrays.copyOf(i % 2 == 0 ? prefix : new byte[] {'y'}, (i % 2 == 0 ? 2 : 1) + n.length);
                System.arraycopy(n, 0, member, i % 2 == 0 ? 2 : 1, n.length);
                binaryAll.add(gs(member));
            }
            await(client.sadd(bk, binaryAll.toArray(new GlideString[0])));
            Set<GlideString> binarySeen = new HashSet<>();
            GlideString binaryCursor = gs("0");
            do {
                Object[] step = await(client.sscan(bk, binaryCursor));
                binarySeen.addAll(Arrays.asList((GlideString[]) step[1]));
                binaryCursor = (GlideString) step[0];
            } while (!binaryCursor.equals(gs("0")));
            assertEquals(binaryAll, binarySeen);

            Set<GlideString> binaryMatched = new HashSet<>();
            SScanOptionsBinary binaryOptions = SScanOptionsBinary.builder()
                    .matchPattern(gs(new byte[] {(byte) 0xfe, ':', '*'}))
                    .count(30L)
                    .build();
            binaryCursor = gs("0");
            do {
                Object[] step = await(client.sscan(bk, binaryCursor, binaryOptions));
                binaryMatched.addAll(Arrays.asList((GlideString[]) step[1]));
                binaryCursor = (GlideString) step[0];
            } while (!binaryCursor.equals(gs("0")));
            assertEquals(100, binaryMatched.size());

            assertInstanceOf(RequestException.class, failure(client.sscan(k, "not-a-cursor")));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void largeSetInOneCall(ProtocolVersion protocol) throws Exception {
        int n = 100_000;
        GlideClientConfiguration config = Clients.config(server, protocol).requestTimeout(10_000).build();
        try (GlideClient client = await(GlideClient.createClient(config))) {
            String k = key();
            String[] members = new String[n];
            for (int i = 0; i < n; i++) {
                members[i] = "member-" + i;
            }
            Set<String> expected = new HashSet<>(Arrays.asList(members));
            assertEquals((long) n, await(client.sadd(k, members)));
            assertEquals((long) n, await(client.scard(k)));
            assertEquals(expected, await(client.smembers(k)));
            assertEquals(n, await(client.smembers(gs(k))).size());
            Boolean[] present = await(client.smismember(k, members));
            assertEquals(n, present.length);
            assertTrue(Arrays.stream(present).allMatch(Boolean::booleanValue));
            assertEquals(n, await(client.srandmember(k, n)).length);

            Set<String> seen = new HashSet<>(n * 2);
            String cursor = "0";
            SScanOptions options = SScanOptions.builder().count(5000L).build();
            do {
                Object[] step = await(client.sscan(k, cursor, options));
                seen.addAll(Arrays.asList((String[]) step[1]));
                cursor = (String) step[0];
            } while (!cursor.equals("0"));
            assertEquals(expected, seen);

            String copy = key();
            assertEquals((long) n, await(client.sunionstore(copy, new String[] {k})));
            assertEquals((long) n, await(client.sintercard(new String[] {k, copy})));
            assertEquals(expected, await(client.sinter(new String[] {k, copy})));
            Set<String> popped = await(client.spopCount(copy, n));
            assertEquals(expected, popped);
            assertEquals((long) n, await(client.srem(k, members)));
            assertEquals(0L, await(client.scard(k)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void wrongTypeIsARequestException(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            String set = key();
            await(client.set(k, "string"));
            await(client.sadd(set, new String[] {"m"}));
            GlideString b = gs(k);
            List<Function<GlideClient, CompletableFuture<?>>> calls = List.of(
                    c -> c.sadd(k, new String[] {"m"}),
                    c -> c.sadd(b, new GlideString[] {gs("m")}),
                    c -> c.srem(k, new String[] {"m"}),
                    c -> c.srem(b, new GlideString[] {gs("m")}),
                    c -> c.smembers(k),
                    c -> c.smembers(b),
                    c -> c.scard(k),
                    c -> c.scard(b),
                    c -> c.smismember(k, new String[] {"m"}),
                    c -> c.smismember(b, new GlideString[] {gs("m")}),
                    c -> c.smove(k, set, "m"),
                    c -> c.smove(gs(set), b, gs("m")),
                    c -> c.sismember(k, "m"),
                    c -> c.sismember(b, gs("m")),
                    c -> c.sdiff(new String[] {set, k}),
                    c -> c.sdiff(new GlideString[] {b}),
                    c -> c.sdiffstore(key(), new String[] {k}),
                    c -> c.sdiffstore(gs(key()), new GlideString[] {b}),
                    c -> c.sinter(new String[] {k, set}),
                    c -> c.sinter(new GlideString[] {b}),
                    c -> c.sintercard(new String[] {k}),
                    c -> c.sintercard(new GlideString[] {b}, 5),
                    c -> c.sinterstore(key(), new String[] {k}),
                    c -> c.sinterstore(gs(key()), new GlideString[] {b}),
                    c -> c.sunion(new String[] {set, k}),
                    c -> c.sunion(new GlideString[] {b}),
                    c -> c.sunionstore(key(), new String[] {k}),
                    c -> c.sunionstore(gs(key()), new GlideString[] {b}),
                    c -> c.srandmember(k),
                    c -> c.srandmember(b, 2),
                    c -> c.spop(k),
                    c -> c.spopCount(b, 2),
                    c -> c.sscan(k, "0"),
                    c -> c.sscan(b, gs("0"), SScanOptionsBinary.builder().count(5L).build()));
            for (Function<GlideClient, CompletableFuture<?>> call : calls) {
                Throwable error = failure(call.apply(client));
                assertInstanceOf(RequestException.class, error);
                assertTrue(error.getMessage().contains("WRONGTYPE"), error.getMessage());
            }
        }
    }

    @Test
    void optionArguments() {
        assertArrayEquals(new String[0], SScanOptions.builder().build().toArgs());
        SScanOptions options = SScanOptions.builder().matchPattern("a*").count(7L).build();
        assertArrayEquals(new String[] {"MATCH", "a*", "COUNT", "7"}, options.toArgs());
        assertArrayEquals(new GlideString[] {gs("MATCH"), gs("a*"), gs("COUNT"), gs("7")}, options.toGlideStringArgs());
        assertEquals(options, SScanOptions.builder().count(7L).matchPattern("a*").build());
        assertEquals(options.hashCode(), SScanOptions.builder().count(7L).matchPattern("a*").build().hashCode());
        assertNotEquals(options, SScanOptions.builder().count(7L).build());
        assertArrayEquals(new String[] {"MATCH", "b"}, SScanOptions.builder().matchPatternBinary(gs("b")).build().toArgs());

        GlideString pattern = gs(new byte[] {(byte) 0xff, '*'});
        SScanOptionsBinary binary = SScanOptionsBinary.builder().matchPattern(pattern).count(2L).build();
        assertArrayEquals(new GlideString[] {gs("MATCH"), pattern, gs("COUNT"), gs("2")}, binary.toGlideStringArgs());
        assertEquals(4, binary.toArgs().length);
        assertEquals("COUNT", binary.toArgs()[2]);
        assertArrayEquals(new String[0], SScanOptionsBinary.builder().build().toArgs());
        assertEquals(binary, SScanOptionsBinary.builder().count(2L).matchPattern(pattern).build());
        assertEquals(gs("MATCH"), SScanOptionsBinary.MATCH_OPTION_GLIDE_STRING);
        assertEquals(gs("COUNT"), SScanOptionsBinary.COUNT_OPTION_GLIDE_STRING);
        assertEquals("LIMIT", SetBaseCommands.SET_LIMIT_VALKEY_API);
    }

    /**
     * The set family's replies that are not left as sent (sets, booleans, an array of booleans)
     * are what the core derives for the same bytes: the definitions' explicit shapes change
     * nothing (glide.internal.commands.SetCommands).
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void definedShapesAreTheDerivedOnes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.Setup sets = (c, k) -> {
                await(c.sadd(k, new String[] {"a", "b", "c"}));
                await(c.sadd(k + ":2", new String[] {"b", "c", "d"}));
            };
            Function<Object, Set<String>> set = SetCommands.TEXT.smembers("a").convert();
            SameAsDerived.check(client, sets, k -> client.smembers(k), k -> new String[] {"SMEMBERS", k}, set,
                    Set.of("a", "b", "c"));
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.smembers(k), k -> new String[] {"SMEMBERS", k}, set,
                    Set.of());
            SameAsDerived.check(client, sets, k -> client.sdiff(new String[] {k, k + ":2"}),
                    k -> new String[] {"SDIFF", k, k + ":2"}, set, Set.of("a"));
            SameAsDerived.check(client, sets, k -> client.sinter(new String[] {k, k + ":2"}),
                    k -> new String[] {"SINTER", k, k + ":2"}, set, Set.of("b", "c"));
            SameAsDerived.check(client, sets, k -> client.sunion(new String[] {k, k + ":2"}),
                    k -> new String[] {"SUNION", k, k + ":2"}, set, Set.of("a", "b", "c", "d"));
            SameAsDerived.check(client, sets, k -> client.spopCount(k, 5), k -> new String[] {"SPOP", k, "5"}, set,
                    Set.of("a", "b", "c"));
            // Without a count SPOP's reply is one member, left as sent.
            SameAsDerived.check(client, (c, k) -> await(c.sadd(k, new String[] {"m"})), k -> client.spop(k),
                    k -> new String[] {"SPOP", k}, SetCommands.TEXT.spop("a").convert(), "m");

            Function<Object, Boolean> bool = SetCommands.TEXT.sismember("a", "b").convert();
            SameAsDerived.check(client, sets, k -> client.sismember(k, "a"), k -> new String[] {"SISMEMBER", k, "a"}, bool, true);
            SameAsDerived.check(client, sets, k -> client.sismember(k, "d"), k -> new String[] {"SISMEMBER", k, "d"}, bool, false);
            SameAsDerived.check(client, sets, k -> client.smove(k, k + ":2", "a"), k -> new String[] {"SMOVE", k, k + ":2", "a"},
                    bool, true);
            SameAsDerived.check(client, sets, k -> client.smove(k, k + ":2", "z"), k -> new String[] {"SMOVE", k, k + ":2", "z"},
                    bool, false);
            SameAsDerived.check(client, sets, k -> client.smismember(k, new String[] {"a", "z", "c"}),
                    k -> new String[] {"SMISMEMBER", k, "a", "z", "c"}, SetCommands.TEXT.smismember("a", new String[0]).convert(),
                    new Boolean[] {true, false, true});
        }
    }
}
