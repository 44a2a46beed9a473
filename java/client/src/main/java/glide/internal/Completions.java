package glide.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pending requests of every client, and the one daemon thread ({@code glide-completer}) that
 * completes them.
 *
 * <p>The native core pushes each outcome to one process-wide queue; this thread drains it in
 * batches, decodes replies into heap objects and completes the futures. User continuations
 * attached without an executor therefore run on this thread, never on a Tokio worker; the one
 * exception is a thread blocked in {@code get()}/{@code join()} that read its own reply, or was
 * handed it (by a reading thread, or, for a parked virtual thread, by the Tokio worker that read
 * it through {@link #handOffToWaiters}, which only unparks it): it completes its own future, and
 * so runs that future's continuations (never another's).
 *
 * <p><b>Hazard:</b> a continuation that blocks on this thread blocks every completion in the
 * process. Waiting there for another glide-jni future would never end, so {@link GlideFuture}
 * refuses it with an exception; other slow work belongs in the {@code ...Async} variants with an
 * executor of the application's own.
 */
final class Completions {
    private Completions() {}

    private static final ConcurrentHashMap<Long, Pending<?>> PENDING = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong(1);
    private static final int BATCH = 256;

    private static final Thread COMPLETER = new Thread(Completions::run, "glide-completer");

    static {
        COMPLETER.setDaemon(true);
        COMPLETER.start();
        NativeBridge.installParkedHandOff(Completions.class);
    }

    static boolean isCompleterThread() {
        return Thread.currentThread() == COMPLETER;
    }

    /** One request waiting for its completion. */
    static final class Pending<T> {
        final CompletableFuture<T> future;
        final Object owner;
        final boolean binary;
        final Function<Object, T> convert;

        Pending(Object owner, boolean binary, Function<Object, T> convert) {
            this.future = new GlideFuture<>(owner instanceof NativeClient ? (NativeClient) owner : null);
            this.owner = owner;
            this.binary = binary;
            this.convert = convert;
        }

        void complete(int kind, long payload) {
            if (kind >= Wire.Kind.FIRST_ERROR) {
                future.completeExceptionally(ReplyDecoder.decodeError(kind, payload));
                return;
            }
            Object value = ReplyDecoder.decodeValue(kind, payload, binary);
            try {
                future.complete(convert.apply(value));
            } catch (RuntimeException e) {
                // e.g. a server error inside an aggregate reply of a typed command
                future.completeExceptionally(e);
            }
        }
    }

    /**
     * Registers a new pending request and returns its id, with the bit {@link
     * Wire.RequestId#VIRTUAL_THREAD_BIT} set when a virtual thread sends it (it will wait by
     * parking: the core then hands its completion to it from the reading thread, see {@link
     * #handOffToWaiters}).
     */
    static long register(Pending<?> pending) {
        long id = NEXT_ID.getAndIncrement();
        if (VirtualThreads.current()) {
            id |= 1L << Wire.RequestId.VIRTUAL_THREAD_BIT;
        }
        if (pending.future instanceof GlideFuture) {
            ((GlideFuture<?>) pending.future).requestId = id;
        }
        PENDING.put(id, pending);
        return id;
    }

    /** Removes a pending request that never reached the core. */
    static void forget(long id) {
        PENDING.remove(id);
    }

    /** Fails every pending request matching {@code which} with {@code error}. */
    static void failAll(Predicate<Pending<?>> which, RuntimeException error) {
        PENDING.entrySet().removeIf(e -> {
            if (which.test(e.getValue())) {
                e.getValue().future.completeExceptionally(error);
                return true;
            }
            return false;
        });
    }

    /** Requests waiting for a completion, all clients together. */
    static int pendingCount() {
        return PENDING.size();
    }

    private static void run() {
        long[] batch = new long[BATCH * Wire.Completion.LEN];
        while (true) {
            int n;
            try {
                n = NativeBridge.awaitCompletions(batch, 1000);
            } catch (Throwable t) {
                // Never let the completer die: every future in the process depends on it.
                n = 0;
            }
            completeBatch(batch, n);
        }
    }

    /**
     * Completes a batch the core queued. A completion whose request has a thread blocked waiting
     * for it (a virtual thread, which never reads the connection itself, or a thread that found
     * another reading) is handed to that thread, which decodes it and completes its own future:
     * this thread then only wakes it, and the decoding is spread over the waiting threads instead
     * of resting on this one.
     */
    private static void completeBatch(long[] batch, int n) {
        for (int at = 0; at < n * Wire.Completion.LEN; at += Wire.Completion.LEN) {
            long id = batch[at + Wire.Completion.REQUEST_ID];
            int kind = (int) batch[at + Wire.Completion.KIND];
            long payload = batch[at + Wire.Completion.PAYLOAD];
            if (!handOffToWaiter(id, kind, payload)) {
                complete(id, kind, payload);
            }
        }
    }

    /**
     * Called by a core runtime thread (attached to the JVM for this, never running user code) with
     * {@code n} completions it read ({@link Wire.Completion} records): gives each one whose request
     * has a thread parked waiting for it (a virtual thread in {@code get()}) to that thread, and
     * marks it by writing {@link Wire.ParkedHandOff#HANDED_OVER} over its request id; the core
     * queues the unmarked ones for this class's
     * completer thread. A record is marked only once its waiter owns it, so whatever is thrown
     * here, nothing is lost or delivered twice. Returns how many were handed over.
     */
    static int handOffToWaiters(long[] records, int n) {
        int handed = 0;
        for (int at = 0; at < n * Wire.Completion.LEN; at += Wire.Completion.LEN) {
            long id = records[at + Wire.Completion.REQUEST_ID];
            int kind = (int) records[at + Wire.Completion.KIND];
            long payload = records[at + Wire.Completion.PAYLOAD];
            if (handOffToWaiter(id, kind, payload)) {
                records[at + Wire.Completion.REQUEST_ID] = Wire.ParkedHandOff.HANDED_OVER;
                handed++;
            }
        }
        return handed;
    }

    /** Gives a completion to the thread blocked waiting for its request; false when none waits. */
    private static boolean handOffToWaiter(long id, int kind, long payload) {
        Pending<?> pending = PENDING.get(id);
        return pending != null && pending.future instanceof GlideFuture
                && ((GlideFuture<?>) pending.future).handOff(id, kind, payload);
    }

    /**
     * Delivers the {@code n} completions a thread read while waiting for request {@code ownId}
     * ({@code read} holds {@link Wire.Completion} records): each other one to the thread blocked
     * waiting for it, or back to the completer; then its own, on this thread. Returns whether
     * its own was among them.
     */
    static boolean deliverRead(long ownId, long[] read, int n) {
        int requeued = 0;
        boolean own = false;
        int ownKind = 0;
        long ownPayload = 0;
        for (int at = 0; at < n * Wire.Completion.LEN; at += Wire.Completion.LEN) {
            long id = read[at + Wire.Completion.REQUEST_ID];
            int kind = (int) read[at + Wire.Completion.KIND];
            long payload = read[at + Wire.Completion.PAYLOAD];
            if (id == ownId) {
                own = true;
                ownKind = kind;
                ownPayload = payload;
                continue;
            }
            if (handOffToWaiter(id, kind, payload)) {
                continue;
            }
            // Compacted in place (requeued records end at or before this one): the completer
            // delivers these.
            int to = requeued * Wire.Completion.LEN;
            read[to + Wire.Completion.REQUEST_ID] = id;
            read[to + Wire.Completion.KIND] = kind;
            read[to + Wire.Completion.PAYLOAD] = payload;
            requeued++;
        }
        if (requeued > 0) {
            NativeBridge.requeue(read, requeued);
        }
        if (own) {
            complete(ownId, ownKind, ownPayload);
        }
        return own;
    }

    /**
     * Completes request {@code id} with its outcome: on the completer thread, or on the thread
     * that waits for this very request (it read the reply, or a reader handed it over).
     */
    static void complete(long id, int kind, long payload) {
        // Removed only once completed, so that close() (failAll) still finds a request whose
        // reply is being decoded and every future is done when close() returns; whichever
        // completes the future first wins.
        Pending<?> pending = PENDING.get(id);
        try {
            if (pending == null || pending.future.isDone()) {
                // Failed already (client closed) or cancelled: the payload is still ours to free.
                if (Wire.Kind.ownsBytes(kind)) {
                    NativeBridge.freeBytes(payload);
                }
            } else {
                pending.complete(kind, payload);
            }
        } catch (Throwable t) {
            if (pending != null) {
                pending.future.completeExceptionally(t);
            }
        } finally {
            if (pending != null) {
                PENDING.remove(id);
            }
        }
    }
}
