package glide.api.commands;

import glide.api.models.GlideString;
import java.util.concurrent.CompletableFuture;

/** HyperLogLog commands: approximate counts of distinct elements. */
public interface HyperLogLogBaseCommands {
    /** PFADD: adds elements; true if the estimate changed (or the key was created). */
    CompletableFuture<Boolean> pfadd(String key, String[] elements);

    /** PFADD with binary elements. */
    CompletableFuture<Boolean> pfadd(GlideString key, GlideString[] elements);

    /** PFCOUNT: the estimated number of distinct elements of the union of the keys. */
    CompletableFuture<Long> pfcount(String[] keys);

    /** PFCOUNT with binary keys. */
    CompletableFuture<Long> pfcount(GlideString[] keys);

    /** PFMERGE: stores the union of {@code sourceKeys} (and the destination) in {@code destination}. */
    CompletableFuture<String> pfmerge(String destination, String[] sourceKeys);

    /** PFMERGE with binary keys. */
    CompletableFuture<String> pfmerge(GlideString destination, GlideString[] sourceKeys);
}
