package glide.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Where a client's commands go: the native core ({@link NativeClient}), or, in tests, a capture
 * of exactly what each client method sends (arguments, shape, binary flag, timeout, route).
 */
public interface CommandSink {
    /**
     * {@code shape}: the reply shape the command's bytes imply, derived by the core
     * (customCommand, whose commands have no definition).
     */
    int NATURAL = Wire.Shape.NATURAL;

    /**
     * Runs one command. {@code timeoutMs}: milliseconds, or {@link
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
