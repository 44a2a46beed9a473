package glide.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where a client's commands go: the native core ({@link NativeClient}) or, while a batch is
 * built, the batch's list ({@link BatchCommands}). One interface lets a batch reuse the
 * clients' argument building instead of repeating it for every command.
 */
public interface CommandSink {
    /**
     * Runs (or records) one command. {@code timeoutMs}: -1 the client's request timeout, 0 none;
     * {@code shape}: 0 natural, 1 flat pairs to a map.
     */
    <T> CompletableFuture<T> execute(
            byte[][] args,
            boolean binary,
            int timeoutMs,
            int shape,
            RouteSpec route,
            Function<Object, T> convert);
}
