package glide.api;

import static glide.api.Clients.await;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.SetOptions;
import glide.api.models.commands.SortBaseOptions.Limit;
import glide.api.models.commands.SortBaseOptions.OrderBy;
import glide.api.models.commands.SortOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.internal.commands.KeyCommands;
import glide.internal.commands.StringCommands;
import glide.testutil.RedisServer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A defined command's explicit reply shape gives the same result as the shape the core derives
 * from the same bytes (customCommand, which sends NATURAL): for the commands whose shape depends
 * on their options or differs between RESP2 and RESP3. Each pair runs on two keys set up alike,
 * so a command that writes sees the same state both times; the customCommand reply goes through
 * the definition's own converter.
 */
class DefinedShapesServerTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** Sets up {@code key} (and any keys named after it) for one side of the comparison. */
    private interface Setup {
        void on(GlideClient client, String key) throws Exception;
    }

    /**
     * Runs {@code typed} on one fresh key and {@code raw}'s arguments as customCommand on another,
     * both first set up by {@code setup}; the customCommand reply converted by {@code convert}
     * must equal the typed result, and {@code expected} too.
     */
    private static <T> void sameAsDerived(
            GlideClient client,
            Setup setup,
            Function<String, CompletableFuture<T>> typed,
            Function<String, String[]> raw,
            Function<Object, T> convert,
            Object expected)
            throws Exception {
        String typedKey = "d-" + UUID.randomUUID();
        String rawKey = "d-" + UUID.randomUUID();
        setup.on(client, typedKey);
        setup.on(client, rawKey);
        T viaDefinition = await(typed.apply(typedKey));
        T viaProbe = convert.apply(await(client.customCommand(raw.apply(rawKey))));
        assertTrue(deepEquals(viaDefinition, viaProbe), Arrays.toString(raw.apply("<key>")) + ": " + show(viaDefinition) + " vs " + show(viaProbe));
        assertTrue(deepEquals(expected, viaDefinition), Arrays.toString(raw.apply("<key>")) + ": " + show(viaDefinition));
    }

    private static void nothing(GlideClient client, String key) {}

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
            sameAsDerived(client, DefinedShapesServerTest::lcsPair, k -> client.lcsIdx(k, k + ":2"),
                    k -> new String[] {"LCS", k, k + ":2", "IDX"},
                    StringCommands.TEXT.lcsIdx("a", "b", null, false).convert(), plain);
            Map<String, Object> longOnes = new LinkedHashMap<>();
            longOnes.put("matches", new Object[] {new Object[] {new Object[] {4L, 7L}, new Object[] {5L, 8L}, 4L}});
            longOnes.put("len", 6L);
            sameAsDerived(client, DefinedShapesServerTest::lcsPair, k -> client.lcsIdxWithMatchLen(k, k + ":2", 4),
                    k -> new String[] {"LCS", k, k + ":2", "IDX", "MINMATCHLEN", "4", "WITHMATCHLEN"},
                    StringCommands.TEXT.lcsIdx("a", "b", 4L, true).convert(), longOnes);
            // Without IDX the reply is the subsequence itself, no map.
            sameAsDerived(client, DefinedShapesServerTest::lcsPair, k -> client.lcs(k, k + ":2"),
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
            assertTrue(deepEquals(typed, derived), show(typed) + " vs " + show(derived));
            assertEquals(6L, typed.get("len"));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void incrByFloatIsADoubleWhateverTheProtocol(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            sameAsDerived(client, (c, k) -> await(c.set(k, "1.25")), k -> client.incrByFloat(k, 0.5),
                    k -> new String[] {"INCRBYFLOAT", k, "0.5"}, StringCommands.TEXT.incrByFloat("a", 0).convert(), 1.75);
        }
    }

    /** Yes-or-no replies (0/1 integers on the wire) are booleans, with and without a condition. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void conditionalKeyCommandsAreBooleans(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            Setup value = (c, k) -> await(c.set(k, "v"));
            Setup expiring = (c, k) -> {
                await(c.set(k, "v"));
                await(c.expire(k, 100));
            };
            Function<Object, Boolean> bool = KeyCommands.TEXT.persist("a").convert();
            sameAsDerived(client, value, k -> client.expire(k, 100, ExpireOptions.HAS_NO_EXPIRY),
                    k -> new String[] {"EXPIRE", k, "100", "NX"}, bool, true);
            sameAsDerived(client, expiring, k -> client.expire(k, 100, ExpireOptions.HAS_NO_EXPIRY),
                    k -> new String[] {"EXPIRE", k, "100", "NX"}, bool, false);
            sameAsDerived(client, expiring, k -> client.pexpireAt(k, 1, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT),
                    k -> new String[] {"PEXPIREAT", k, "1", "GT"}, bool, false);
            sameAsDerived(client, expiring, k -> client.persist(k), k -> new String[] {"PERSIST", k}, bool, true);
            sameAsDerived(client, value, k -> client.copy(k, k + ":copy", true),
                    k -> new String[] {"COPY", k, k + ":copy", "REPLACE"}, bool, true);
            sameAsDerived(client, (c, k) -> { value.on(c, k); value.on(c, k + ":new"); }, k -> client.renamenx(k, k + ":new"),
                    k -> new String[] {"RENAMENX", k, k + ":new"}, bool, false);
            sameAsDerived(client, DefinedShapesServerTest::nothing, k -> client.msetnx(Map.of(k, "a", k + ":2", "b")),
                    k -> new String[] {"MSETNX", k, "a", k + ":2", "b"}, bool, true);
        }
    }

    /** SET's options change what it returns: the old value with GET, nil when NX fails. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void setWithOptionsReturnsWhatTheOptionsAskFor(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SetOptions get = SetOptions.builder().returnOldValue(true).expiry(SetOptions.Expiry.Seconds(50L)).build();
            Function<Object, String> text = StringCommands.TEXT.set("a", "b").convert();
            sameAsDerived(client, (c, k) -> await(c.set(k, "old")), k -> client.set(k, "new", get),
                    k -> new String[] {"SET", k, "new", "GET", "EX", "50"}, text, "old");
            SetOptions nx = SetOptions.builder().conditionalSetOnlyIfNotExist().build();
            sameAsDerived(client, (c, k) -> await(c.set(k, "old")), k -> client.set(k, "new", nx),
                    k -> new String[] {"SET", k, "new", "NX"}, text, null);
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void sortWithOptionsIsAnArrayOfValues(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SortOptions options = SortOptions.builder().alpha().orderBy(OrderBy.DESC).limit(new Limit(0, 2)).build();
            sameAsDerived(client, (c, k) -> await(c.rpush(k, new String[] {"b", "c", "a"})), k -> client.sort(k, options),
                    k -> new String[] {"SORT", k, "LIMIT", "0", "2", "DESC", "ALPHA"},
                    KeyCommands.TEXT.sort("a").convert(), new String[] {"c", "b"});
        }
    }

    /** Arrays and maps compared by content, all the way down. */
    private static boolean deepEquals(Object a, Object b) {
        if (a instanceof Object[] && b instanceof Object[]) {
            Object[] x = (Object[]) a;
            Object[] y = (Object[]) b;
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!deepEquals(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String show(Object v) {
        if (v instanceof Object[]) {
            return Arrays.deepToString((Object[]) v);
        }
        if (v instanceof Map) {
            StringBuilder out = new StringBuilder("{");
            ((Map<?, ?>) v).forEach((k, x) -> out.append(k).append('=').append(show(x)).append(", "));
            return out.append('}').toString();
        }
        return String.valueOf(v);
    }
}
