package glide.internal.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.ScriptDebugMode;
import glide.api.models.commands.function.FunctionListOptions;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Map;

/**
 * Scripts and functions ({@code ScriptingAndFunctionsBaseCommands}, {@code
 * ScriptingAndFunctionsCommands}, {@code ScriptingAndFunctionsClusterCommands}), each command
 * defined once for both argument types: {@link #TEXT} serves the API's {@code String} overloads
 * (and the commands whose only overload reads text), {@link #BINARY} its {@link GlideString}
 * overloads and every batch. A cluster client sends the same definition, routed by {@link
 * Command#routedTo} when the caller names a route.
 *
 * <p>A script's or function's reply is whatever the script returned: it is left as sent. The
 * replies the core reshapes are SCRIPT EXISTS (0/1 to booleans), FUNCTION LIST (each library's
 * functions and flags) and FUNCTION STATS (the engines' map); those codes are the ones the core's
 * probe derives from the same bytes.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class ScriptingCommands<V> {
    public static final ScriptingCommands<String> TEXT = new ScriptingCommands<>(Codec.TEXT);
    public static final ScriptingCommands<GlideString> BINARY = new ScriptingCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private ScriptingCommands(Codec<V> codec) {
        this.codec = codec;
    }

    // ---- calling scripts and functions: {name} numkeys key... arg... ----

    public Command<Object> fcall(V function, V[] keys, V[] arguments) {
        return call("FCALL", function, keys, arguments);
    }

    /** FCALL with no keys (a cluster client's forms, and a batch's without keys). */
    public Command<Object> fcall(V function, V[] arguments) {
        return keyless("FCALL", function, arguments);
    }

    /** FCALL with neither keys nor arguments. */
    public Command<Object> fcall(V function) {
        return codec.command("FCALL", 3).arg(function).arg(0).returning(Shape.AS_SENT, ReplyConverters.IDENTITY);
    }

    public Command<Object> fcallReadOnly(V function, V[] keys, V[] arguments) {
        return call("FCALL_RO", function, keys, arguments);
    }

    public Command<Object> fcallReadOnly(V function, V[] arguments) {
        return keyless("FCALL_RO", function, arguments);
    }

    public Command<Object> fcallReadOnly(V function) {
        return codec.command("FCALL_RO", 3).arg(function).arg(0).returning(Shape.AS_SENT, ReplyConverters.IDENTITY);
    }

    public Command<Object> evalReadOnly(V script, V[] keys, V[] arguments) {
        return call("EVAL_RO", script, keys, arguments);
    }

    public Command<Object> evalshaReadOnly(V sha1, V[] keys, V[] arguments) {
        return call("EVALSHA_RO", sha1, keys, arguments);
    }

    /**
     * EVALSHA of a {@code Script} (invokeScript): its hash is text whatever the arguments' type,
     * and the Script, not the arguments' type, says whether bulk strings come back as bytes
     * ({@code binaryOutput}), so the command's binary flag is the Script's.
     */
    public Command<Object> evalsha(String sha1, V[] keys, V[] arguments, boolean binaryOutput) {
        Command<Object> byArguments = codec.command("EVALSHA", keys.length + arguments.length + 3)
                .word(sha1)
                .arg(keys.length)
                .args(keys)
                .args(arguments)
                .returning(Shape.AS_SENT, ReplyConverters.IDENTITY);
        if (byArguments.binary() == binaryOutput) {
            return byArguments;
        }
        return new Command<>(
                byArguments.args(), byArguments.shape(), byArguments.convert(), binaryOutput, byArguments.timeoutMs(), byArguments.route());
    }

    private Command<Object> call(String name, V target, V[] keys, V[] arguments) {
        return codec.command(name, keys.length + arguments.length + 3)
                .arg(target)
                .arg(keys.length)
                .args(keys)
                .args(arguments)
                .returning(Shape.AS_SENT, ReplyConverters.IDENTITY);
    }

    private Command<Object> keyless(String name, V target, V[] arguments) {
        return codec.command(name, arguments.length + 3)
                .arg(target)
                .arg(0)
                .args(arguments)
                .returning(Shape.AS_SENT, ReplyConverters.IDENTITY);
    }

    // ---- the script cache ----

    /**
     * SCRIPT LOAD, invokeScript's fallback after NOSCRIPT: the code as its bytes; the reply (the
     * hash) is left as sent, nobody reads it.
     */
    public Command<Object> scriptLoad(byte[] code) {
        return codec.command("SCRIPT", 3).word("LOAD").raw(GlideString.of(code)).returning(Shape.AS_SENT, ReplyConverters.IDENTITY);
    }

    /** The script's source, or the server's error for an unknown hash. */
    public Command<V> scriptShow(V sha1) {
        return codec.command("SCRIPT", 3).word("SHOW").arg(sha1).returning(Shape.AS_SENT, codec.value());
    }

    /** One boolean per hash (the core makes the 0/1 array booleans). */
    public Command<Boolean[]> scriptExists(V[] sha1s) {
        return codec.command("SCRIPT", sha1s.length + 2)
                .word("EXISTS")
                .args(sha1s)
                .returning(Shape.BOOLEAN_ARRAY, ReplyConverters.BOOLEAN_ARRAY);
    }

    public Command<String> scriptFlush() {
        return codec.command("SCRIPT", 2).word("FLUSH").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> scriptFlush(FlushMode mode) {
        return codec.command("SCRIPT", 3).word("FLUSH").word(mode.name()).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> scriptKill() {
        return codec.command("SCRIPT", 2).word("KILL").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> scriptDebug(ScriptDebugMode mode) {
        return codec.command("SCRIPT", 3).word("DEBUG").word(mode.name()).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    // ---- function libraries ----

    /** FUNCTION LOAD [REPLACE] code: the library's name. */
    public Command<V> functionLoad(V libraryCode, boolean replace) {
        CommandBuilder<V> command = codec.command("FUNCTION", 4).word("LOAD");
        if (replace) {
            command.word("REPLACE");
        }
        return command.arg(libraryCode).returning(Shape.AS_SENT, codec.value());
    }

    /** FUNCTION LIST [WITHCODE]: every library. */
    public Command<Map<V, Object>[]> functionList(boolean withCode) {
        return listed(codec.command("FUNCTION", 3).word("LIST"), withCode);
    }

    /**
     * FUNCTION LIST LIBRARYNAME pattern [WITHCODE]. The pattern is refused when null, as a null
     * key is; the GlideString overloads of the API read a null pattern as "every library" and so
     * pick {@link #functionList(boolean)} for it.
     */
    public Command<Map<V, Object>[]> functionList(V libNamePattern, boolean withCode) {
        CommandBuilder<V> command =
                codec.command("FUNCTION", 5).word("LIST").word(FunctionListOptions.LIBRARY_NAME_VALKEY_API).arg(libNamePattern);
        return listed(command, withCode);
    }

    private Command<Map<V, Object>[]> listed(CommandBuilder<V> command, boolean withCode) {
        if (withCode) {
            command.word(FunctionListOptions.WITH_CODE_VALKEY_API);
        }
        return command.returning(Shape.FUNCTION_LIST, ScriptingCommands::libraries);
    }

    /**
     * FUNCTION LIST's array of library maps (shaped by the core) as a typed array, each library's
     * "functions" an array of maps typed {@code Map[]}, as valkey-glide types it.
     */
    @SuppressWarnings("unchecked")
    private static <K> Map<K, Object>[] libraries(Object reply) {
        Object[] items = (Object[]) reply;
        Map<K, Object>[] out = new Map[items.length];
        for (int i = 0; i < items.length; i++) {
            Map<K, Object> library = (Map<K, Object>) items[i];
            for (Map.Entry<K, Object> e : library.entrySet()) {
                if ("functions".equals(String.valueOf(e.getKey())) && e.getValue() instanceof Object[]) {
                    Object[] functions = (Object[]) e.getValue();
                    Map<?, ?>[] typed = new Map[functions.length];
                    for (int j = 0; j < functions.length; j++) {
                        typed[j] = (Map<?, ?>) functions[j];
                    }
                    e.setValue(typed);
                }
            }
            out[i] = library;
        }
        return out;
    }

    public Command<String> functionFlush() {
        return codec.command("FUNCTION", 2).word("FLUSH").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> functionFlush(FlushMode mode) {
        return codec.command("FUNCTION", 3).word("FLUSH").word(mode.name()).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> functionDelete(V libName) {
        return codec.command("FUNCTION", 3).word("DELETE").arg(libName).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /**
     * FUNCTION DUMP: the serialized libraries, bytes (a payload, no text); the API's only
     * overload uses {@link #BINARY}.
     */
    public Command<byte[]> functionDump() {
        return codec.command("FUNCTION", 2).word("DUMP").returning(Shape.AS_SENT, ReplyConverters.BYTES);
    }

    /** FUNCTION RESTORE payload: the payload as its bytes (the API's only overload uses {@link #BINARY}). */
    public Command<String> functionRestore(byte[] payload) {
        return codec.command("FUNCTION", 3)
                .word("RESTORE")
                .raw(GlideString.of(payload))
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> functionRestore(byte[] payload, FunctionRestorePolicy policy) {
        return codec.command("FUNCTION", 4)
                .word("RESTORE")
                .raw(GlideString.of(payload))
                .word(policy.name())
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public Command<String> functionKill() {
        return codec.command("FUNCTION", 2).word("KILL").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /**
     * FUNCTION STATS: one node's map (the running script, the engines), reshaped by the core. The
     * clients key it by node: a standalone client by its one node, a cluster client as a
     * ClusterValue.
     */
    @SuppressWarnings("unchecked")
    public Command<Map<V, Map<V, Object>>> functionStats() {
        return codec.command("FUNCTION", 2).word("STATS").returning(Shape.FUNCTION_STATS, v -> (Map<V, Map<V, Object>>) v);
    }
}
