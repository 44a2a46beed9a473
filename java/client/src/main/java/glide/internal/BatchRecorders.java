package glide.internal;

import java.util.function.Function;

/**
 * Makes the clients that record a batch's commands (see {@link BatchCommands}). The client
 * classes register their factories here when they load, because their constructors are not
 * public and the batch classes live in another package.
 *
 * <p>Being retired family by family: a family whose commands are defined in {@code
 * glide.internal.commands} (so far strings, keys, hashes, lists, sets, sorted sets,
 * HyperLogLog, bitmaps, geo, streams, functions, pub/sub, server and connection management) is queued from its
 * definition, with no recorder client; this class goes once no batch method records through it.
 */
public final class BatchRecorders {
    private static volatile Function<CommandSink, Object> standalone;
    private static volatile Function<CommandSink, Object> cluster;

    private BatchRecorders() {}

    /** Called by {@code GlideClient}'s and {@code GlideClusterClient}'s static initialisers. */
    public static void register(boolean clusterMode, Function<CommandSink, Object> factory) {
        if (clusterMode) {
            cluster = factory;
        } else {
            standalone = factory;
        }
    }

    /** A client ({@code GlideClient} or {@code GlideClusterClient}) whose commands go to {@code sink}. */
    public static Object recorder(boolean clusterMode, CommandSink sink) {
        String owner = clusterMode ? "glide.api.GlideClusterClient" : "glide.api.GlideClient";
        try {
            // Loading the class runs its static initialiser, which registers the factory.
            Class.forName(owner, true, BatchRecorders.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("glide-jni is incomplete: " + owner + " is missing", e);
        }
        return (clusterMode ? cluster : standalone).apply(sink);
    }
}
