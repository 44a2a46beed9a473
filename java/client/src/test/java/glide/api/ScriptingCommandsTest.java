package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.Script;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.ScriptDebugMode;
import glide.api.models.commands.ScriptOptions;
import glide.api.models.commands.ScriptOptionsGlideString;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.internal.commands.ScriptingCommands;
import glide.testutil.RedisServer;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Scripts and functions (issue 5). Each protocol's run uses a server of its own state. */
class ScriptingCommandsTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static long calls(GlideClient client, String command) throws Exception {
        String stats = await(client.customCommand(new String[] {"INFO", "commandstats"})).toString();
        Matcher m = Pattern.compile(Pattern.quote("cmdstat_" + command + ":calls=") + "(\\d+)").matcher(stats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void scriptsRunByHashAndFallBackToTheirCodeOnce(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            assertEquals("OK", await(client.scriptFlush()));
            String key = "sc-" + UUID.randomUUID();
            try (Script script = new Script("return {KEYS[1], ARGV[1], redis.call('INCR', KEYS[1])}", false)) {
                assertEquals(40, script.getHash().length());
                assertArrayEquals(new Boolean[] {false}, await(client.scriptExists(new String[] {script.getHash()})));
                await(client.configResetStat());
                ScriptOptions options = ScriptOptions.builder().key(key).arg("a1").build();
                assertArrayEquals(new Object[] {key, "a1", 1L}, (Object[]) await(client.invokeScript(script, options)));
                // The first call got NOSCRIPT, loaded the code (SCRIPT LOAD) and sent EVALSHA again, as
                // valkey-glide does; the second is EVALSHA only. No EVAL: the code is sent once.
                assertArrayEquals(new Object[] {key, "a1", 2L}, (Object[]) await(client.invokeScript(script, options)));
                assertEquals(0L, calls(client, "eval"));
                assertEquals(1L, calls(client, "script|load"));
                assertEquals(3L, calls(client, "evalsha"));
                assertArrayEquals(new Boolean[] {true, false}, await(client.scriptExists(new GlideString[] {gs(script.getHash()), gs("0".repeat(40))})));
                // A script that writes cannot run as read-only.
                assertInstanceOf(RequestException.class, failure(client.evalshaReadOnly(script.getHash(), new String[] {key}, new String[] {"x"})));
            }
            try (Script reader = new Script("return ARGV[1]", false)) {
                assertEquals("r", await(client.invokeScript(reader, ScriptOptions.builder().arg("r").build())));
                assertEquals("x", await(client.evalshaReadOnly(reader.getHash(), new String[0], new String[] {"x"})));
                assertEquals(gs("y"), await(client.evalshaReadOnly(gs(reader.getHash()), new GlideString[0], new GlideString[] {gs("y")})));
            }
            try (Script binary = new Script(gs("return ARGV[1]"), true)) {
                GlideString odd = gs(new byte[] {(byte) 0xff, 0});
                Object got = await(client.invokeScript(binary, ScriptOptionsGlideString.builder().arg(odd).build()));
                assertEquals(odd, got);
                assertEquals(gs("x"), await(client.invokeScript(new Script("return 'x'", true))));
            }
            // A script error is a RequestException; so is a write in a read-only script.
            try (Script failing = new Script("return redis.call('NOSUCHCOMMAND')", false)) {
                assertInstanceOf(RequestException.class, failure(client.invokeScript(failing)));
            }
            assertEquals(7L, await(client.evalReadOnly("return 7")));
            assertEquals("k", await(client.evalReadOnly("return KEYS[1]", new String[] {"k"}, new String[0])));
            assertEquals(gs("v"), await(client.evalReadOnly(gs("return ARGV[1]"), new GlideString[0], new GlideString[] {gs("v")})));
            assertInstanceOf(RequestException.class, failure(client.evalReadOnly("return redis.call('SET', 'a', 'b')")));
            assertInstanceOf(RequestException.class, failure(client.evalshaReadOnly("0".repeat(40))), "NOSCRIPT");
            assertInstanceOf(RequestException.class, failure(client.evalshaReadOnly(gs("0".repeat(40)))));
            // Nothing is running.
            Throwable notBusy = failure(client.scriptKill());
            assertTrue(notBusy.getMessage().startsWith("NOTBUSY"), notBusy.getMessage());
            assertEquals("OK", await(client.scriptDebug(ScriptDebugMode.NO)));
            // SCRIPT SHOW is Valkey 8's; Redis 7.0 refuses it with a clear error.
            assertInstanceOf(RequestException.class, failure(client.scriptShow("0".repeat(40))));
            assertEquals("OK", await(client.scriptFlush(FlushMode.ASYNC)));
        }
    }

    /**
     * The code is kept while a Script with it is open (issue 15, valkey-glide 2.3.1's script
     * container): closing one of two instances keeps it; once both are closed (the second
     * twice: counted once) a flushed server's NOSCRIPT is the answer.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aScriptsCodeIsKeptWhileAnInstanceIsOpen(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String code = "return 'kept " + UUID.randomUUID() + "'";
            Script first = new Script(code, false);
            Script second = new Script(code, false);
            Script third = new Script(code, false);
            assertEquals(first.getHash(), second.getHash());
            Object expected = await(client.invokeScript(first));
            first.close();
            first.close(); // a second close releases nothing more
            assertEquals("OK", await(client.scriptFlush()));
            assertEquals(expected, await(client.invokeScript(second)), "loaded again from the open instances");
            second.close();
            assertEquals("OK", await(client.scriptFlush()));
            assertEquals(expected, await(client.invokeScript(second)), "the third instance still holds the code");
            third.close();
            assertEquals("OK", await(client.scriptFlush()));
            Throwable gone = failure(client.invokeScript(second));
            assertInstanceOf(RequestException.class, gone);
            assertTrue(gone.getMessage().startsWith("NOSCRIPT"), gone.getMessage());
        }
    }

    private static final String LIBRARY =
            "#!lua name=%s\n"
                    + "redis.register_function('%s_echo', function(keys, args) return args[1] end)\n"
                    + "redis.register_function{function_name='%s_get', callback=function(keys, args)"
                    + " return redis.call('GET', keys[1]) end, flags={'no-writes'}}\n";

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void functionsLoadListCallDumpAndRestore(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            assertEquals("OK", await(client.functionFlush()));
            String lib = "lib" + protocol;
            String code = String.format(LIBRARY, lib, lib, lib);
            assertEquals(lib, await(client.functionLoad(code, false)));
            assertInstanceOf(RequestException.class, failure(client.functionLoad(code, false)), "exists");
            assertEquals(gs(lib), await(client.functionLoad(gs(code), true)));

            Map<String, Object>[] libraries = await(client.functionList(false));
            assertEquals(1, libraries.length);
            assertEquals(lib, libraries[0].get("library_name"));
            // Typed as valkey-glide types it: an array of maps.
            Map<String, Object>[] functions = (Map<String, Object>[]) libraries[0].get("functions");
            assertEquals(2, functions.length);
            for (Object f : functions) {
                Map<?, ?> function = (Map<?, ?>) f;
                if (function.get("name").equals(lib + "_get")) {
                    assertEquals(Set.of("no-writes"), function.get("flags"));
                }
            }
            Map<String, Object>[] withCode = await(client.functionList(lib.substring(0, 3) + "*", true));
            assertEquals(code, withCode[0].get("library_code"));
            assertEquals(0, await(client.functionList("nomatch*", false)).length);
            Map<GlideString, Object>[] binary = await(client.functionListBinary(gs(lib), false));
            assertEquals(gs(lib), binary[0].get(gs("library_name")));
            assertEquals(1, await(client.functionListBinary(true)).length);

            assertEquals("hi", await(client.fcall(lib + "_echo", new String[0], new String[] {"hi"})));
            String key = "fn-" + UUID.randomUUID();
            await(client.set(key, "stored"));
            assertEquals("stored", await(client.fcallReadOnly(lib + "_get", new String[] {key}, new String[0])));
            assertEquals(gs("stored"), await(client.fcallReadOnly(gs(lib + "_get"), new GlideString[] {gs(key)}, new GlideString[0])));
            assertNull(await(client.fcall(lib + "_echo")));
            assertInstanceOf(RequestException.class, failure(client.fcallReadOnly(gs(lib + "_echo"))), "may write: not read-only");
            assertInstanceOf(RequestException.class, failure(client.fcall("no_such_function")));

            Map<String, Map<String, Map<String, Object>>> stats = await(client.functionStats());
            assertEquals(1, stats.size());
            Map<String, Map<String, Object>> node = stats.values().iterator().next();
            assertNull(node.get("running_script"));
            assertEquals(1L, ((Map<?, ?>) ((Map<?, ?>) node.get("engines")).get("LUA")).get("libraries_count"));
            assertNotNull(await(client.functionStatsBinary()).values().iterator().next().get(gs("engines")));
            Throwable notBusy = failure(client.functionKill());
            assertTrue(notBusy.getMessage().startsWith("NOTBUSY"), notBusy.getMessage());

            byte[] dump = await(client.functionDump());
            assertEquals("OK", await(client.functionDelete(lib)));
            assertInstanceOf(RequestException.class, failure(client.functionDelete(gs(lib))), "already gone");
            assertEquals("OK", await(client.functionRestore(dump)));
            assertInstanceOf(RequestException.class, failure(client.functionRestore(dump)), "APPEND: exists");
            assertEquals("OK", await(client.functionRestore(dump, FunctionRestorePolicy.REPLACE)));
            assertEquals("OK", await(client.functionRestore(dump, FunctionRestorePolicy.FLUSH)));
            assertEquals("hi", await(client.fcall(lib + "_echo", new String[0], new String[] {"hi"})));
            assertEquals("OK", await(client.functionFlush(FlushMode.SYNC)));
            assertEquals(0, await(client.functionList(false)).length);
        }
    }

    /** One function, so FUNCTION LIST's order is the server's and the same both times. */
    private static final String ONE_FUNCTION_LIBRARY =
            "#!lua name=%s\n"
                    + "redis.register_function{function_name='%s_ro', callback=function(keys, args) return 1 end,"
                    + " flags={'no-writes'}}\n";

    /**
     * The replies whose shape the core changes (SCRIPT EXISTS: booleans; FUNCTION LIST: each
     * library's functions and flags; FUNCTION STATS: the engines' map): the definitions' explicit
     * shapes (ScriptingCommands) give what customCommand, whose shape the core derives from the
     * same bytes, gives.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void definedShapesAreTheDerivedOnes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol);
                Script script = new Script("return 'derived " + protocol + "'", false)) {
            await(client.invokeScript(script));
            String[] hashes = {script.getHash(), "0".repeat(40)};
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.scriptExists(hashes),
                    k -> new String[] {"SCRIPT", "EXISTS", hashes[0], hashes[1]}, ScriptingCommands.TEXT.scriptExists(hashes).convert(),
                    new Boolean[] {true, false});

            assertEquals("OK", await(client.functionFlush()));
            String lib = "shaped" + protocol;
            String code = String.format(ONE_FUNCTION_LIBRARY, lib, lib);
            assertEquals(lib, await(client.functionLoad(code, false)));
            Map<String, Object> function = new java.util.HashMap<>();
            function.put("name", lib + "_ro");
            function.put("description", null);
            function.put("flags", Set.of("no-writes"));
            Map<String, Object> library = new java.util.HashMap<>();
            library.put("library_name", lib);
            library.put("engine", "LUA");
            library.put("functions", new Map<?, ?>[] {function});
            Map<String, Object> withCode = new java.util.HashMap<>(library);
            withCode.put("library_code", code);
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.functionList(false),
                    k -> new String[] {"FUNCTION", "LIST"}, ScriptingCommands.TEXT.functionList(false).convert(),
                    new Object[] {library});
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.functionList(lib, true),
                    k -> new String[] {"FUNCTION", "LIST", "LIBRARYNAME", lib, "WITHCODE"},
                    ScriptingCommands.TEXT.functionList(lib, true).convert(), new Object[] {withCode});

            Map<String, Object> engines = Map.of("LUA", Map.of("libraries_count", 1L, "functions_count", 1L));
            Map<String, Object> stats = new java.util.HashMap<>();
            stats.put("running_script", null);
            stats.put("engines", engines);
            // The standalone client keys the one node's map by its address; customCommand gives the map.
            SameAsDerived.check(client, SameAsDerived.NOTHING, k -> client.functionStats().thenApply(byNode -> byNode.values().iterator().next()),
                    k -> new String[] {"FUNCTION", "STATS"}, ScriptingCommands.TEXT.functionStats().convert(), stats);
            assertEquals("OK", await(client.functionFlush()));
        }
    }
}
