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
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.internal.commands.ServerCommands;
import glide.testutil.RedisServer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Server and connection management and the standalone generic commands (issue 5): CONFIG, TIME,
 * LASTSAVE, DBSIZE, FLUSHALL/FLUSHDB, LOLWUT, ACL, CLIENT ID/GETNAME, RANDOMKEY, SCAN. Each test
 * uses a database of its own, so FLUSHDB here cannot touch other tests' keys.
 */
class ServerCommandsTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void configTimeAndCounts(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            assertEquals("OK", await(client.select(protocol == ProtocolVersion.RESP2 ? 7 : 8)));
            assertEquals("OK", await(client.flushdb()));
            assertEquals(Map.of("maxmemory-policy", "noeviction"), await(client.configGet(new String[] {"maxmemory-policy"})));
            Map<String, String> both = await(client.configGet(new String[] {"maxmemory-*"}));
            assertTrue(both.containsKey("maxmemory-samples") && both.containsKey("maxmemory-policy"), both.toString());
            assertEquals("OK", await(client.configSet(Map.of("maxmemory-samples", "7"))));
            assertEquals("7", await(client.configGet(new String[] {"maxmemory-samples"})).get("maxmemory-samples"));
            assertInstanceOf(RequestException.class, failure(client.configSet(Map.of("no-such-parameter", "1"))));
            assertEquals("OK", await(client.configSet(Map.of("maxmemory-samples", "5"))));
            assertEquals("OK", await(client.configResetStat()));
            // The test server has no config file to rewrite.
            assertInstanceOf(RequestException.class, failure(client.configRewrite()));

            String[] time = await(client.time());
            assertEquals(2, time.length);
            long seconds = Long.parseLong(time[0]);
            assertTrue(Math.abs(seconds - System.currentTimeMillis() / 1000) < 60, "server time " + seconds);
            assertTrue(await(client.lastsave()) > 0);

            assertEquals(0L, await(client.dbsize()));
            assertNull(await(client.randomKey()));
            await(client.set("one", "1"));
            await(client.set(gs(new byte[] {(byte) 0xff}), gs("2")));
            assertEquals(2L, await(client.dbsize()));
            GlideString any = await(client.randomKeyBinary());
            assertTrue(any.equals(gs("one")) || any.equals(gs(new byte[] {(byte) 0xff})));
            assertEquals("OK", await(client.flushdb(FlushMode.SYNC)));
            assertEquals(0L, await(client.dbsize()));
            await(client.set("one", "1"));
            assertEquals("OK", await(client.flushall(FlushMode.ASYNC)));
            assertEquals("OK", await(client.flushall()));
            assertEquals(0L, await(client.dbsize()));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void connectionLolwutAndAcl(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            assertTrue(await(client.clientId()) > 0);
            assertNull(await(client.clientGetName()));
            await(client.customCommand(new String[] {"CLIENT", "SETNAME", "server-test"}));
            assertEquals("server-test", await(client.clientGetName()));

            // LOLWUT names the server it runs on: "Redis ver. 7.0.15", "Valkey ver. 9.1.2".
            assertTrue(await(client.lolwut()).matches("(?s).*(Redis|Valkey) ver\\. .*"));
            assertTrue(await(client.lolwut(5)).matches("(?s).*(Redis|Valkey) ver\\. .*"));
            assertTrue(await(client.lolwut(new int[] {10, 2})).matches("(?s).*(Redis|Valkey) ver\\. .*"));
            assertTrue(await(client.lolwut(6, new int[] {20, 5})).matches("(?s).*(Redis|Valkey) ver\\. .*"));

            String user = "u-" + protocol;
            assertEquals("OK", await(client.aclSetUser(user, new String[] {"on", ">secret", "~k:*", "+get"})));
            assertTrue(Arrays.asList(await(client.aclUsers())).contains(user));
            assertTrue(Arrays.stream(await(client.aclList())).anyMatch(line -> line.startsWith("user " + user)));
            Object rules = await(client.aclGetUser(user));
            assertInstanceOf(Map.class, rules);
            assertTrue(((Map<?, ?>) rules).containsKey("flags"), rules.toString());
            // A set of flags under both protocols (RESP2 sends an array).
            assertInstanceOf(Set.class, ((Map<?, ?>) rules).get("flags"));
            assertNull(await(client.aclGetUser("no-such-user")));
            assertEquals("OK", await(client.aclDryRun(user, "get", new String[] {"k:1"})));
            assertTrue(await(client.aclDryRun(user, "set", new String[] {"k:1", "v"})).contains("no permissions"));
            assertEquals("default", await(client.aclWhoami()));
            assertTrue(Arrays.asList(await(client.aclCat())).contains("string"));
            assertTrue(Arrays.asList(await(client.aclCat("string"))).contains("get"));
            assertEquals(64, await(client.aclGenPass()).length());
            assertEquals(8, await(client.aclGenPass(32)).length());
            // A failed AUTH is logged.
            assertInstanceOf(RequestException.class, failure(client.customCommand(new String[] {"AUTH", user, "wrong"})));
            Object[] log = await(client.aclLog());
            assertTrue(log.length >= 1);
            assertEquals(1, await(client.aclLog(1)).length);
            assertEquals(1L, await(client.aclDelUser(new String[] {user, "no-such-user"})));
            // No ACL file configured.
            assertInstanceOf(RequestException.class, failure(client.aclSave()));
            assertInstanceOf(RequestException.class, failure(client.aclLoad()));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void scanSeesEveryKeyOfTheDatabase(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            assertEquals("OK", await(client.select(protocol == ProtocolVersion.RESP2 ? 9 : 10)));
            await(client.flushdb());
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                expected.add("s:" + i);
                await(client.set("s:" + i, "v"));
            }
            await(client.hset("h:1", Map.of("f", "v")));
            Set<String> seen = new HashSet<>();
            String cursor = "0";
            do {
                Object[] step = await(client.scan(cursor, ScanOptions.builder().matchPattern("s:*").count(50L).build()));
                cursor = (String) step[0];
                seen.addAll(List.of((String[]) step[1]));
            } while (!cursor.equals("0"));
            assertEquals(expected, seen);

            assertEquals(expected, Set.of(await(client.keys("s:*"))));
            assertEquals(1, await(client.keys(gs("h:*"))).length);
            Set<String> hashes = new HashSet<>();
            cursor = "0";
            do {
                Object[] step = await(client.scan(cursor, ScanOptions.builder().type(ScanOptions.ObjectType.HASH).build()));
                cursor = (String) step[0];
                hashes.addAll(List.of((String[]) step[1]));
            } while (!cursor.equals("0"));
            assertEquals(Set.of("h:1"), hashes);

            GlideString odd = gs(new byte[] {'b', (byte) 0xff});
            await(client.set(odd, gs("v")));
            Set<GlideString> binary = new HashSet<>();
            GlideString bcursor = gs("0");
            do {
                Object[] step = await(client.scan(bcursor, ScanOptions.builder().matchPatternBinary(gs(new byte[] {'b', '*'})).build()));
                bcursor = (GlideString) step[0];
                binary.addAll(List.of((GlideString[]) step[1]));
            } while (!bcursor.equals(gs("0")));
            assertEquals(Set.of(odd), binary);
            Object[] first = await(client.scan(gs("0")));
            assertInstanceOf(GlideString.class, first[0]);
            assertInstanceOf(GlideString[].class, first[1]);
            assertArrayEquals(new String[0], (String[]) await(client.scan("0", ScanOptions.builder().matchPattern("none:*").count(1000L).build()))[1]);
        }
    }

    /**
     * The two commands of these families whose shape is not as sent, given by their definitions
     * (glide.internal.commands.ServerCommands) and as customCommand, whose shape the core derives:
     * CONFIG GET a map and ACL GETUSER's flags a set under both protocols, the same either way.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void configGetAndAclGetUserGiveWhatTheProbeDerives(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.configGet(new String[] {"maxmemory-policy"}),
                    k -> new String[] {"CONFIG", "GET", "maxmemory-policy"},
                    ServerCommands.configGet(new String[0]).convert(), Map.of("maxmemory-policy", "noeviction"));

            // Two users set up alike: their ACL GETUSER replies are equal (the name is not in them).
            String typedUser = "d-" + UUID.randomUUID();
            String rawUser = "d-" + UUID.randomUUID();
            for (String user : new String[] {typedUser, rawUser}) {
                assertEquals("OK", await(client.aclSetUser(user, new String[] {"on", "~k:*", "+get"})));
            }
            try {
                Object typed = await(client.aclGetUser(typedUser));
                Object derived = ServerCommands.aclGetUser("u").convert()
                        .apply(await(client.customCommand(new String[] {"ACL", "GETUSER", rawUser})));
                assertTrue(SameAsDerived.deepEquals(typed, derived), SameAsDerived.show(typed) + " vs " + SameAsDerived.show(derived));
                Object flags = ((Map<?, ?>) typed).get("flags");
                assertInstanceOf(Set.class, flags);
                assertTrue(((Set<?>) flags).contains("on"), flags.toString());
                assertNull(await(client.aclGetUser("no-such-user")));
                assertNull(await(client.customCommand(new String[] {"ACL", "GETUSER", "no-such-user"})));
            } finally {
                await(client.aclDelUser(new String[] {typedUser, rawUser}));
            }
        }
    }
}
