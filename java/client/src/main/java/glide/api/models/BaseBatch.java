package glide.api.models;

import glide.api.BaseClient;
import glide.internal.BatchCommands;
import glide.internal.BatchRecorders;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;

/**
 * Commands to run together: atomically (MULTI/EXEC, a transaction) or as a pipeline (written at
 * once, not isolated; on a cluster split per node and reassembled in order). Each builder method
 * queues one command and returns this batch; {@code exec} on a client runs it and returns one
 * result per command, in order.
 *
 * <p>Arguments of type {@code ArgType} are {@link String} or {@link GlideString}; anything else
 * is refused with {@link IllegalArgumentException}. Results are strings unless {@link
 * #withBinaryOutput()} asks for {@link GlideString}s. A command refused by the client's own checks
 * (a bad argument) throws here, when it is added.
 *
 * <p>Each method records what the client method of the same name would send, through a client
 * whose commands go to this batch (see {@link BatchCommands}): the arguments are built in one
 * place for both.
 *
 * @param <T> the concrete batch class, returned by every builder method
 */
public abstract class BaseBatch<T extends BaseBatch<T>> {
    /** Whether results keep bulk strings as {@link GlideString}. */
    protected boolean binaryOutput;

    private final boolean atomic;
    private final BatchCommands commands = new BatchCommands();
    private final BaseClient recorder;

    protected BaseBatch(boolean isAtomic) {
        this.atomic = isAtomic;
        this.recorder = (BaseClient) BatchRecorders.recorder(this instanceof ClusterBatch, commands);
    }

    protected abstract T getThis();

    /** Results keep bulk strings as {@link GlideString} instead of {@link String}. */
    public T withBinaryOutput() {
        binaryOutput = true;
        return getThis();
    }

    public boolean isBinaryOutput() {
        return binaryOutput;
    }

    /** True for a transaction (MULTI/EXEC), false for a pipeline. */
    public boolean isAtomic() {
        return atomic;
    }

    /** The queued commands (read by the clients' {@code exec}). */
    public BatchCommands commands() {
        return commands;
    }

    /** Records the one command {@code call} makes on the recorder client. */
    protected T record(Function<BaseClient, ? extends CompletableFuture<?>> call) {
        commands.record(() -> call.apply(recorder));
        return getThis();
    }

    /** {@code arg} as a {@link GlideString}: the byte-exact form every recorded method takes. */
    protected static GlideString gs(Object arg) {
        if (arg instanceof GlideString) {
            return (GlideString) arg;
        }
        if (arg instanceof String) {
            return GlideString.of((String) arg);
        }
        throw new IllegalArgumentException(
                "batch arguments must be String or GlideString, not "
                        + (arg == null ? "null" : arg.getClass().getName()));
    }

    /** Each of {@code args} as a {@link GlideString}. */
    protected static GlideString[] gs(Object[] args) {
        if (args == null) {
            throw new IllegalArgumentException("batch arguments must not be null");
        }
        GlideString[] out = new GlideString[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = gs(args[i]);
        }
        return out;
    }

    // ---- commands (each records what the client method of the same name sends) ----

    // ==== part A: server and connection, strings, generic keys, hashes, lists, sets, HyperLogLog, bitmaps ====

    // ==== (end of part A) ====

    // ==== part B: sorted sets, geo, streams, scripting and functions, pub/sub, everything else ====

    // ==== (end of part B) ====
}
