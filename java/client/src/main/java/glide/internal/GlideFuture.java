package glide.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

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
        awaitHandOff(Long.MAX_VALUE);
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        refuseDeadlock();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        help(deadline);
        awaitHandOff(deadline);
        return super.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public T join() {
        refuseDeadlock();
        help(Long.MAX_VALUE);
        awaitHandOff(Long.MAX_VALUE);
        return super.join();
    }

    // ---- completion by the waiting thread itself ----------------------------------------------

    /**
     * The thread waiting for this request while another thread reads the connection (a {@link
     * Thread}), or the completion that reader handed it (a {@link HandOff}); null otherwise.
     */
    private volatile Object waiter;

    private static final VarHandle WAITER;

    static {
        try {
            WAITER = MethodHandles.lookup().findVarHandle(GlideFuture.class, "waiter", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A completion read by another thread for this request. */
    private static final class HandOff {
        final long id;
        final int kind;
        final long payload;

        HandOff(long id, int kind, long payload) {
            this.id = id;
            this.kind = kind;
            this.payload = payload;
        }
    }

    /**
     * Called by a thread that read this request's completion while waiting for its own: gives
     * it to the thread blocked waiting for this one, which completes its future itself (so this
     * future's continuations run there, never on the reader). False when no thread waits here.
     */
    boolean handOff(long id, int kind, long payload) {
        Object w = waiter;
        if (!(w instanceof Thread) || !WAITER.compareAndSet(this, w, new HandOff(id, kind, payload))) {
            return false;
        }
        try {
            LockSupport.unpark((Thread) w);
        } catch (RuntimeException e) {
            // The waiter owns the completion now, whatever happens here (a virtual thread's
            // scheduler refusing it, say): reporting it as not handed over would deliver it twice.
        }
        return true;
    }

    /**
     * Waits until this future is complete, or a reading thread hands this thread its completion
     * (then completes it here). Only a request's own future (not a derived stage) is completed
     * from outside through complete/completeExceptionally, which wake the waiter; the park is
     * bounded anyway, so that a completion by any other path is seen within a slice.
     */
    private void awaitHandOff(long deadlineNanos) {
        if (client == null || isDone()) {
            return;
        }
        Thread me = Thread.currentThread();
        if (!WAITER.compareAndSet(this, null, me)) {
            return; // another thread waits here already: wait as CompletableFuture does
        }
        // A virtual thread's timed park arms a timer in the scheduler each time: it waits
        // without slices (every completion path wakes it: complete, completeExceptionally,
        // cancel, obtrude*, handOff), and with a deadline, for that deadline only.
        boolean sliced = !VirtualThreads.current();
        try {
            while (!isDone() && waiter == me && !me.isInterrupted()) {
                long slice = sliced ? TimeUnit.MILLISECONDS.toNanos(WAIT_SLICE_MS) : Long.MAX_VALUE;
                if (deadlineNanos != Long.MAX_VALUE) {
                    long remaining = deadlineNanos - System.nanoTime();
                    if (remaining <= 0) {
                        break;
                    }
                    slice = Math.min(slice, remaining);
                }
                if (slice == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, slice);
                }
            }
        } finally {
            if (!WAITER.compareAndSet(this, me, null)) {
                // A completion was handed over (perhaps as we were leaving): ours to deliver.
                Object handed = WAITER.getAndSet(this, null);
                if (handed instanceof HandOff) {
                    HandOff h = (HandOff) handed;
                    Completions.complete(h.id, h.kind, h.payload);
                }
            }
        }
    }

    /** Wakes the thread waiting in {@link #awaitHandOff}, if any. */
    private void wakeWaiter() {
        Object w = waiter;
        if (w instanceof Thread) {
            LockSupport.unpark((Thread) w);
        }
    }

    @Override
    public boolean complete(T value) {
        boolean done = super.complete(value);
        wakeWaiter();
        return done;
    }

    @Override
    public boolean completeExceptionally(Throwable ex) {
        boolean done = super.completeExceptionally(ex);
        wakeWaiter();
        return done;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        wakeWaiter();
        return cancelled;
    }

    /** Completes through {@link #complete}, which wakes a waiting thread (the JDK's own does not). */
    @Override
    public CompletableFuture<T> completeAsync(java.util.function.Supplier<? extends T> supplier, java.util.concurrent.Executor executor) {
        if (supplier == null || executor == null) {
            throw new NullPointerException();
        }
        executor.execute(() -> {
            if (isDone()) {
                return;
            }
            try {
                complete(supplier.get());
            } catch (Throwable e) {
                completeExceptionally(e);
            }
        });
        return this;
    }

    @Override
    public void obtrudeValue(T value) {
        super.obtrudeValue(value);
        wakeWaiter();
    }

    @Override
    public void obtrudeException(Throwable ex) {
        super.obtrudeException(ex);
        wakeWaiter();
    }

    /** Where {@link NativeClient#helpRead} writes the completions this thread read. */
    private static final ThreadLocal<long[]> READ =
            ThreadLocal.withInitial(() -> new long[256 * Wire.Completion.LEN]);

    /** Longest park of a thread waiting for a hand-off before it looks at its future again. */
    private static final int WAIT_SLICE_MS = 50;

    /**
     * Waits by reading: while this future is pending and nobody else is reading the client's
     * connection, this thread reads the replies itself. The kernel then wakes this thread directly
     * when the reply comes, as it would a blocking client, instead of a runtime thread waking the
     * completer thread waking this one. This thread completes only its own future (so only this
     * future's continuations can run here); each other reply it reads goes to the thread blocked
     * waiting for it, which completes its own future, or else to the completer thread: a caller
     * holding a lock while it waits never runs unrelated callbacks inside it. When someone else
     * is reading (another waiting thread, or the connection's task), this thread waits inside
     * the native call, and whoever reads its reply hands the completion straight to it: one
     * wake-up, without the completer thread. A virtual thread never reads here (see {@link
     * VirtualThreads}).
     */
    private void help(long deadlineNanos) {
        NativeClient c = client;
        if (c == null || isDone() || c.isClosed() || VirtualThreads.current()) {
            // A virtual thread would pin its carrier inside the native read: it parks instead
            // (awaitHandOff), and the reply reaches it through a reader or the completer.
            return;
        }
        long[] read = READ.get();
        while (!isDone()) {
            long remaining = deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadlineNanos - System.nanoTime();
            if (remaining <= 0 || Thread.currentThread().isInterrupted()) {
                return;
            }
            int slice = (int) Math.min(HELP_SLICE_MS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
            int n = c.helpRead(requestId, slice, read);
            if (n == Wire.HelpRead.NOT_WAITING) {
                return;
            }
            if (Completions.deliverRead(requestId, read, n)) {
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
