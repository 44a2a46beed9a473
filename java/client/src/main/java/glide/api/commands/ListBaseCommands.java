package glide.api.commands;

import glide.api.models.GlideString;
import java.util.concurrent.CompletableFuture;

/** List commands, for standalone and cluster clients. */
public interface ListBaseCommands {
    String COUNT_FOR_LIST_VALKEY_API = "COUNT";

    /** LPUSH: the list's length after the push. */
    CompletableFuture<Long> lpush(String key, String[] elements);

    /** LPUSH with binary key and elements. */
    CompletableFuture<Long> lpush(GlideString key, GlideString[] elements);

    /** LRANGE: elements from {@code start} to {@code end} inclusive (negative counts from the end). */
    CompletableFuture<String[]> lrange(String key, long start, long end);

    /** LRANGE with a binary key. */
    CompletableFuture<GlideString[]> lrange(GlideString key, long start, long end);

    /**
     * BLPOP: waits up to {@code timeout} seconds (0: forever) for an element; completes with
     * [key, element], or {@code null} on timeout. Not cut short by the request timeout.
     */
    CompletableFuture<String[]> blpop(String[] keys, double timeout);

    /** BLPOP with binary keys. */
    CompletableFuture<GlideString[]> blpop(GlideString[] keys, double timeout);
}
