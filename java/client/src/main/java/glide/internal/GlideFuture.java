package glide.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future type behind every request. It behaves exactly like {@link CompletableFuture}, with
 * one guard: waiting for an unfinished glide-jni future <em>on the completer thread</em> (from a
 * continuation such as {@code thenApply(x -> client.get(k).join())}) would wait forever, because
 * that thread is the one that completes it. Such a wait fails at once with an {@link
 * IllegalStateException} that says what to do instead.
 */
final class GlideFuture<T> extends CompletableFuture<T> {
    /** Longest single read a waiting thread does before it looks at its future again. */
    private static final int HELP_SLICE_MS = 20;

    /** The client whose connection a waiting thread may read from; null for derived stages. */
    private final NativeClient client;

    /** The request this future is for; set once registered (0 before, and for derived stages). */
    long requestId;

    GlideFuture(NativeClient client) {
        this.client = client;
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        // Derived stages (thenApply, thenCompose, ...) get the same guard.
        return new GlideFuture<>(null);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseDeadlock();
        help(Long.MAX_VALUE);
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        refuseDeadlock();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        help(deadline);
        return super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public T join() {
        refuseDeadlock();
        help(Long.MAX_VALUE);
        return super.join();
    }

    /** Where {@link NativeClient#helpRead} writes this thread's own completion. */
    private static final ThreadLocal<long[]> OWN_COMPLETION = ThreadLocal.withInitial(() -> new long[2]);

    /**
     * Waits by reading: while this future is pending and nobody else is reading the client's
     * connection, this thread reads the replies itself. The kernel then wakes this thread directly
     * when the reply comes, as it would a blocking client, instead of a runtime thread waking the
     * completer thread waking this one. This thread completes only its own future (so only this
     * future's continuations can run here); the other replies it reads go to the completer
     * thread, so that a caller holding a lock while it waits never runs unrelated callbacks inside
     * it. When someone else is reading, it returns and the caller waits normally.
     */
    private void help(long deadlineNanos) {
        NativeClient c = client;
        if (c == null || isDone() || c.isClosed()) {
            return;
        }
        long[] own = OWN_COMPLETION.get();
        while (!isDone()) {
            long remaining = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            if (remaining <= 0 || Thread.currentThread().isInterrupted()) {
                return;
            }
            int slice = (int) Math.min(HELP_SLICE_MS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            int read = c.helpRead(requestId, slice, own);
            if (read == NativeBridge.READ_OWN) {
                Completions.complete(requestId, (int) own[0], own[1]);
                return;
            }
            if (read == NativeBridge.NOT_READ) {
                return;
            }
        }
    }

    private void refuseDeadlock() {
        if (!isDone() && Completions.isCompleterThread()) {
            throw new IllegalStateException(
                    "waiting for a glide-jni future inside a continuation running on the"
                            + " glide-completer thread would never finish: chain with thenCompose,"
                            + " or run the continuation with thenApplyAsync/thenAcceptAsync and an"
                            + " executor of your own");
        }
    }
}
