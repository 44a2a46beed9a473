package glide.api.commands;

import glide.api.models.ClusterValue;
import glide.api.models.GlideString;
import glide.api.models.Script;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.ScriptArgOptions;
import glide.api.models.commands.ScriptArgOptionsGlideString;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Functions and the script cache on a cluster: without a route, changes go to every primary (the
 * replicas follow), reads to one node; with a route, to the nodes it names.
 */
public interface ScriptingAndFunctionsClusterCommands {
    /** FUNCTION LOAD on every primary; the library's name. */
    CompletableFuture<String> functionLoad(String libraryCode, boolean replace);

    /** FUNCTION LOAD, binary. */
    CompletableFuture<GlideString> functionLoad(GlideString libraryCode, boolean replace);

    /** FUNCTION LOAD on the nodes {@code route} names. */
    CompletableFuture<String> functionLoad(String libraryCode, boolean replace, Route route);

    /** FUNCTION LOAD, binary, by route. */
    CompletableFuture<GlideString> functionLoad(GlideString libraryCode, boolean replace, Route route);

    /** FUNCTION LIST of a random node. */
    CompletableFuture<Map<String, Object>[]> functionList(boolean withCode);

    /** FUNCTION LIST, binary. */
    CompletableFuture<Map<GlideString, Object>[]> functionListBinary(boolean withCode);

    /** FUNCTION LIST by library name pattern. */
    CompletableFuture<Map<String, Object>[]> functionList(String libNamePattern, boolean withCode);

    /** FUNCTION LIST by pattern, binary. */
    CompletableFuture<Map<GlideString, Object>[]> functionListBinary(GlideString libNamePattern, boolean withCode);

    /** FUNCTION LIST of the nodes {@code route} names. */
    CompletableFuture<ClusterValue<Map<String, Object>[]>> functionList(boolean withCode, Route route);

    /** FUNCTION LIST by route, binary. */
    CompletableFuture<ClusterValue<Map<GlideString, Object>[]>> functionListBinary(boolean withCode, Route route);

    /** FUNCTION LIST by pattern and route. */
    CompletableFuture<ClusterValue<Map<String, Object>[]>> functionList(String libNamePattern, boolean withCode, Route route);

    /** FUNCTION LIST by pattern and route, binary. */
    CompletableFuture<ClusterValue<Map<GlideString, Object>[]>> functionListBinary(GlideString libNamePattern, boolean withCode, Route route);

    /** FUNCTION FLUSH on every primary. */
    CompletableFuture<String> functionFlush();

    /** FUNCTION FLUSH, SYNC or ASYNC. */
    CompletableFuture<String> functionFlush(FlushMode mode);

    /** FUNCTION FLUSH by route. */
    CompletableFuture<String> functionFlush(Route route);

    /** FUNCTION FLUSH, SYNC or ASYNC, by route. */
    CompletableFuture<String> functionFlush(FlushMode mode, Route route);

    /** FUNCTION DELETE on every primary. */
    CompletableFuture<String> functionDelete(String libName);

    /** FUNCTION DELETE, binary. */
    CompletableFuture<String> functionDelete(GlideString libName);

    /** FUNCTION DELETE by route. */
    CompletableFuture<String> functionDelete(String libName, Route route);

    /** FUNCTION DELETE, binary, by route. */
    CompletableFuture<String> functionDelete(GlideString libName, Route route);

    /** FUNCTION DUMP of a random node. */
    CompletableFuture<byte[]> functionDump();

    /** FUNCTION DUMP by route. */
    CompletableFuture<ClusterValue<byte[]>> functionDump(Route route);

    /** FUNCTION RESTORE on every primary. */
    CompletableFuture<String> functionRestore(byte[] payload);

    /** FUNCTION RESTORE with a policy. */
    CompletableFuture<String> functionRestore(byte[] payload, FunctionRestorePolicy policy);

    /** FUNCTION RESTORE by route. */
    CompletableFuture<String> functionRestore(byte[] payload, Route route);

    /** FUNCTION RESTORE with a policy, by route. */
    CompletableFuture<String> functionRestore(byte[] payload, FunctionRestorePolicy policy, Route route);

    /** FCALL without keys or arguments, on a random primary. */
    CompletableFuture<Object> fcall(String function);

    /** FCALL without keys or arguments, binary. */
    CompletableFuture<Object> fcall(GlideString function);

    /** FCALL without keys or arguments, by route. */
    CompletableFuture<ClusterValue<Object>> fcall(String function, Route route);

    /** FCALL without keys or arguments, binary, by route. */
    CompletableFuture<ClusterValue<Object>> fcall(GlideString function, Route route);

    /** FCALL with arguments and no keys. */
    CompletableFuture<Object> fcall(String function, String[] arguments);

    /** FCALL with binary arguments and no keys. */
    CompletableFuture<Object> fcall(GlideString function, GlideString[] arguments);

    /** FCALL with arguments, by route. */
    CompletableFuture<ClusterValue<Object>> fcall(String function, String[] arguments, Route route);

    /** FCALL with binary arguments, by route. */
    CompletableFuture<ClusterValue<Object>> fcall(GlideString function, GlideString[] arguments, Route route);

    /** FCALL_RO without keys or arguments, on a random primary. */
    CompletableFuture<Object> fcallReadOnly(String function);

    /** FCALL_RO without keys or arguments, binary. */
    CompletableFuture<Object> fcallReadOnly(GlideString function);

    /** FCALL_RO without keys or arguments, by route. */
    CompletableFuture<ClusterValue<Object>> fcallReadOnly(String function, Route route);

    /** FCALL_RO without keys or arguments, binary, by route. */
    CompletableFuture<ClusterValue<Object>> fcallReadOnly(GlideString function, Route route);

    /** FCALL_RO with arguments and no keys. */
    CompletableFuture<Object> fcallReadOnly(String function, String[] arguments);

    /** FCALL_RO with binary arguments and no keys. */
    CompletableFuture<Object> fcallReadOnly(GlideString function, GlideString[] arguments);

    /** FCALL_RO with arguments, by route. */
    CompletableFuture<ClusterValue<Object>> fcallReadOnly(String function, String[] arguments, Route route);

    /** FCALL_RO with binary arguments, by route. */
    CompletableFuture<ClusterValue<Object>> fcallReadOnly(GlideString function, GlideString[] arguments, Route route);

    /** FUNCTION KILL on the primaries (one success is enough). */
    CompletableFuture<String> functionKill();

    /** FUNCTION KILL by route. */
    CompletableFuture<String> functionKill(Route route);

    /** FUNCTION STATS of every primary, by node. */
    CompletableFuture<ClusterValue<Map<String, Map<String, Object>>>> functionStats();

    /** FUNCTION STATS, binary. */
    CompletableFuture<ClusterValue<Map<GlideString, Map<GlideString, Object>>>> functionStatsBinary();

    /** FUNCTION STATS by route. */
    CompletableFuture<ClusterValue<Map<String, Map<String, Object>>>> functionStats(Route route);

    /** FUNCTION STATS by route, binary. */
    CompletableFuture<ClusterValue<Map<GlideString, Map<GlideString, Object>>>> functionStatsBinary(Route route);

    /** invokeScript (EVALSHA, EVAL on NOSCRIPT) without keys, by route. */
    CompletableFuture<Object> invokeScript(Script script, Route route);

    /** invokeScript with arguments, by route. */
    CompletableFuture<Object> invokeScript(Script script, ScriptArgOptions options, Route route);

    /** invokeScript with binary arguments, by route. */
    CompletableFuture<Object> invokeScript(Script script, ScriptArgOptionsGlideString options, Route route);

    /** SCRIPT EXISTS on every primary (true only where all have it). */
    CompletableFuture<Boolean[]> scriptExists(String[] sha1s);

    /** SCRIPT EXISTS, binary. */
    CompletableFuture<Boolean[]> scriptExists(GlideString[] sha1s);

    /** SCRIPT EXISTS by route. */
    CompletableFuture<Boolean[]> scriptExists(String[] sha1s, Route route);

    /** SCRIPT EXISTS by route, binary. */
    CompletableFuture<Boolean[]> scriptExists(GlideString[] sha1s, Route route);

    /** SCRIPT FLUSH on every node. */
    CompletableFuture<String> scriptFlush();

    /** SCRIPT FLUSH, SYNC or ASYNC. */
    CompletableFuture<String> scriptFlush(FlushMode flushMode);

    /** SCRIPT FLUSH by route. */
    CompletableFuture<String> scriptFlush(Route route);

    /** SCRIPT FLUSH, SYNC or ASYNC, by route. */
    CompletableFuture<String> scriptFlush(FlushMode flushMode, Route route);

    /** SCRIPT KILL on the primaries (one success is enough). */
    CompletableFuture<String> scriptKill();

    /** SCRIPT KILL by route. */
    CompletableFuture<String> scriptKill(Route route);
}
