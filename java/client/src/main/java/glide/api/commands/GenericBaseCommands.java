package glide.api.commands;

import glide.api.models.GlideString;
import java.util.concurrent.CompletableFuture;

/** Commands on keys of any type, for standalone and cluster clients. */
public interface GenericBaseCommands {
    /** DEL: removes the keys; completes with how many existed. */
    CompletableFuture<Long> del(String[] keys);

    /** DEL with binary keys. */
    CompletableFuture<Long> del(GlideString[] keys);

    /** EXISTS: how many of the keys exist (a key named twice counts twice). */
    CompletableFuture<Long> exists(String[] keys);

    /** EXISTS with binary keys. */
    CompletableFuture<Long> exists(GlideString[] keys);

    /**
     * UNLINK: removes the keys like DEL, but frees their memory in the background; completes with
     * how many existed.
     */
    CompletableFuture<Long> unlink(String[] keys);

    /** UNLINK with binary keys. */
    CompletableFuture<Long> unlink(GlideString[] keys);

    /** TOUCH: marks the keys as just used (for eviction); completes with how many exist. */
    CompletableFuture<Long> touch(String[] keys);

    /** TOUCH with binary keys. */
    CompletableFuture<Long> touch(GlideString[] keys);
}
