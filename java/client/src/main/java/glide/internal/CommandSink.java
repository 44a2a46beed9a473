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
     * {@code shape}: the reply shape the command's bytes imply, derived by the core
     * (customCommand, and the families not yet defined in {@code glide.internal.commands}).
     */
    int NATURAL = Wire.Shape.NATURAL;

    /**
     * Runs (or records) one command. {@code timeoutMs}: milliseconds, or {@link
     * BlockingTimeouts#DEFAULT} for the client's request timeout, {@link BlockingTimeouts#NONE}
     * for none; {@code shape}: a {@link Wire.Shape} code ({@link #NATURAL}: let the core derive it).
     */
    <T> CompletableFuture<T> execute(
            byte[][] args,
            boolean binary,
            int timeoutMs,
            int shape,
            RouteSpec route,
            Function<Object, T> convert);
}
