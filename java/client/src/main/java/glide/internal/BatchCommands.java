package glide.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The commands of a batch, in order, as they will be sent: each one's arguments and the reply
 * shape the core gives it. Filled by {@link #add(byte[][], int)} with a defined command
 * (glide.internal.commands), or, for the families not defined there yet, through {@link
 * #record}, which runs one client method against this list instead of the server.
 */
public final class BatchCommands implements CommandSink {
    private final List<byte[][]> commands = new ArrayList<>();
    private final List<Integer> shapes = new ArrayList<>();

    @Override
    public <T> CompletableFuture<T> execute(
            byte[][] args,
            boolean binary,
            int timeoutMs,
            int shape,
            RouteSpec route,
            java.util.function.Function<Object, T> convert) {
        commands.add(args);
        shapes.add(shape);
        // Never completed: nothing chained on it (a client method's conversion) ever runs.
        return new CompletableFuture<>();
    }

    /**
     * Runs {@code call}, a client method of a recorder client (see {@link BatchRecorders}),
     * which must record exactly one command. An argument the method refuses (its future failed
     * at once) is thrown here, so a bad batch fails where it is built.
     */
    public void record(Supplier<? extends CompletableFuture<?>> call) {
        int before = commands.size();
        CompletableFuture<?> future = call.get();
        if (future.isCompletedExceptionally()) {
            try {
                future.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw e;
            }
        }
        if (commands.size() != before + 1) {
            throw new IllegalStateException(
                    "internal error: a batch step recorded " + (commands.size() - before) + " commands");
        }
    }

    /** Appends a command built directly (one the clients have no method for). */
    public void add(byte[][] args) {
        add(args, NATURAL);
    }

    /**
     * Appends a defined command (glide.internal.commands) with the reply shape its definition
     * states, a {@link Wire.Shape} code.
     */
    public void add(byte[][] args, int shape) {
        commands.add(args);
        shapes.add(shape);
    }

    public int size() {
        return commands.size();
    }

    /** The arguments of command {@code i} (for tests and diagnostics). */
    public byte[][] command(int i) {
        return commands.get(i);
    }

    /** The {@link Wire.Shape} code of command {@code i} (for tests and diagnostics). */
    public int shape(int i) {
        return shapes.get(i);
    }

    /**
     * Every command packed as RESP, back to back (what crosses JNI, once); {@code lengths}
     * receives each one's size.
     */
    byte[] packAll(int[] lengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < commands.size(); i++) {
            byte[] packed = CommandPacker.pack(commands.get(i));
            lengths[i] = packed.length;
            out.write(packed, 0, packed.length);
        }
        return out.toByteArray();
    }

    int[] shapes() {
        return shapes.stream().mapToInt(Integer::intValue).toArray();
    }
}
