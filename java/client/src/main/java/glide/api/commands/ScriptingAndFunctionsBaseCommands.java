package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.Script;
import glide.api.models.commands.ScriptDebugMode;
import glide.api.models.commands.ScriptOptions;
import glide.api.models.commands.ScriptOptionsGlideString;
import java.util.concurrent.CompletableFuture;

/** Scripts and functions, on both clients. */
public interface ScriptingAndFunctionsBaseCommands {
    /** FCALL: runs function {@code function} with {@code keys} and {@code arguments}; its reply. */
    CompletableFuture<Object> fcall(String function, String[] keys, String[] arguments);

    /** FCALL with binary names, keys and arguments (text replies as GlideString). */
    CompletableFuture<Object> fcall(GlideString function, GlideString[] keys, GlideString[] arguments);

    /** FCALL_RO: a function flagged no-writes (may run on a replica). */
    CompletableFuture<Object> fcallReadOnly(String function, String[] keys, String[] arguments);

    /** FCALL_RO with binary names, keys and arguments. */
    CompletableFuture<Object> fcallReadOnly(GlideString function, GlideString[] keys, GlideString[] arguments);

    /** SCRIPT SHOW: the code of the cached script with this SHA-1. */
    CompletableFuture<String> scriptShow(String sha1);

    /** SCRIPT SHOW, as bytes. */
    CompletableFuture<GlideString> scriptShow(GlideString sha1);

    /**
     * Runs {@code script} by its SHA-1 (EVALSHA); if the server does not have it cached
     * (NOSCRIPT), sends its code once (EVAL), which caches it.
     */
    CompletableFuture<Object> invokeScript(Script script);

    /** {@link #invokeScript(Script)} with keys and arguments. */
    CompletableFuture<Object> invokeScript(Script script, ScriptOptions options);

    /** {@link #invokeScript(Script)} with binary keys and arguments. */
    CompletableFuture<Object> invokeScript(Script script, ScriptOptionsGlideString options);

    /** EVAL_RO: runs a read-only script given by its code. */
    CompletableFuture<Object> evalReadOnly(String script);

    /** EVAL_RO with keys and arguments. */
    CompletableFuture<Object> evalReadOnly(String script, String[] keys, String[] arguments);

    /** EVAL_RO, binary. */
    CompletableFuture<Object> evalReadOnly(GlideString script);

    /** EVAL_RO with binary keys and arguments. */
    CompletableFuture<Object> evalReadOnly(GlideString script, GlideString[] keys, GlideString[] arguments);

    /** EVALSHA_RO: runs a cached read-only script by its SHA-1. */
    CompletableFuture<Object> evalshaReadOnly(String sha1);

    /** EVALSHA_RO with keys and arguments. */
    CompletableFuture<Object> evalshaReadOnly(String sha1, String[] keys, String[] arguments);

    /** EVALSHA_RO, binary. */
    CompletableFuture<Object> evalshaReadOnly(GlideString sha1);

    /** EVALSHA_RO with binary keys and arguments. */
    CompletableFuture<Object> evalshaReadOnly(GlideString sha1, GlideString[] keys, GlideString[] arguments);

    /**
     * SCRIPT DEBUG: sets the debug mode of the next scripts run on this connection. The
     * connection is shared by every caller of this client: use a client of its own for this.
     */
    CompletableFuture<String> scriptDebug(ScriptDebugMode mode);
}
