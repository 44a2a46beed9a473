package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.function.FunctionRestorePolicy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Functions and script cache management of the standalone client. */
public interface ScriptingAndFunctionsCommands {
    /** FUNCTION LOAD: loads a library ({@code replace}: over one of the same name); its name. */
    CompletableFuture<String> functionLoad(String libraryCode, boolean replace);

    /** FUNCTION LOAD, binary. */
    CompletableFuture<GlideString> functionLoad(GlideString libraryCode, boolean replace);

    /** FUNCTION LIST: every library (with its code when {@code withCode}). */
    CompletableFuture<Map<String, Object>[]> functionList(boolean withCode);

    /** FUNCTION LIST with binary names and code. */
    CompletableFuture<Map<GlideString, Object>[]> functionListBinary(boolean withCode);

    /** FUNCTION LIST of the libraries whose name matches {@code libNamePattern}. */
    CompletableFuture<Map<String, Object>[]> functionList(String libNamePattern, boolean withCode);

    /** FUNCTION LIST by name pattern, binary. */
    CompletableFuture<Map<GlideString, Object>[]> functionListBinary(GlideString libNamePattern, boolean withCode);

    /** FUNCTION FLUSH: deletes every library. */
    CompletableFuture<String> functionFlush();

    /** FUNCTION FLUSH, SYNC or ASYNC. */
    CompletableFuture<String> functionFlush(FlushMode mode);

    /** FUNCTION DELETE: deletes a library. */
    CompletableFuture<String> functionDelete(String libName);

    /** FUNCTION DELETE, binary. */
    CompletableFuture<String> functionDelete(GlideString libName);

    /** FUNCTION DUMP: every library, serialized (for FUNCTION RESTORE). */
    CompletableFuture<byte[]> functionDump();

    /** FUNCTION RESTORE: loads a dump (APPEND policy). */
    CompletableFuture<String> functionRestore(byte[] payload);

    /** FUNCTION RESTORE with a policy for existing libraries. */
    CompletableFuture<String> functionRestore(byte[] payload, FunctionRestorePolicy policy);

    /** FCALL without keys or arguments. */
    CompletableFuture<Object> fcall(String function);

    /** FCALL without keys or arguments, binary. */
    CompletableFuture<Object> fcall(GlideString function);

    /** FCALL_RO without keys or arguments. */
    CompletableFuture<Object> fcallReadOnly(String function);

    /** FCALL_RO without keys or arguments, binary. */
    CompletableFuture<Object> fcallReadOnly(GlideString function);

    /** FUNCTION KILL: stops the running function if it has not written. */
    CompletableFuture<String> functionKill();

    /**
     * FUNCTION STATS, by node address: the running function (or null) and the engines'
     * library and function counts.
     */
    CompletableFuture<Map<String, Map<String, Map<String, Object>>>> functionStats();

    /** FUNCTION STATS with binary names. */
    CompletableFuture<Map<String, Map<GlideString, Map<GlideString, Object>>>> functionStatsBinary();

    /** SCRIPT EXISTS: for each SHA-1, whether the script is cached. */
    CompletableFuture<Boolean[]> scriptExists(String[] sha1s);

    /** SCRIPT EXISTS, binary. */
    CompletableFuture<Boolean[]> scriptExists(GlideString[] sha1s);

    /** SCRIPT FLUSH: empties the script cache. */
    CompletableFuture<String> scriptFlush();

    /** SCRIPT FLUSH, SYNC or ASYNC. */
    CompletableFuture<String> scriptFlush(FlushMode flushMode);

    /** SCRIPT KILL: stops the running script if it has not written. */
    CompletableFuture<String> scriptKill();
}
