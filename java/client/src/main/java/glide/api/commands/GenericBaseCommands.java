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
}
