package glide.internal;

import glide.api.models.PubSubMessage;
import glide.api.models.configuration.BaseSubscriptionConfiguration;
import glide.api.models.configuration.BaseSubscriptionConfiguration.MessageCallback;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConfigurationError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands a client's pub/sub messages to the application, from the backlog the native core keeps
 * (bounded there). With a callback, one daemon thread per client pulls the messages and calls it:
 * never a Tokio worker, never the completer thread, so a slow or blocking callback delays only
 * this client's messages (and the backlog bound says how far). Without one, the application
 * polls: {@link #tryGet()} takes a message if there is one, {@link #get()} waits for the next on a
 * per-client daemon thread made on first use.
 */
public final class PubSubDelivery {
    /** Subscription modes as the core numbers them ({@link Wire.SubscriptionMode}). */
    public static final int EXACT = Wire.SubscriptionMode.EXACT;

    public static final int PATTERN = Wire.SubscriptionMode.PATTERN;
    public static final int SHARDED = Wire.SubscriptionMode.SHARDED;

    private static final System.Logger LOG = System.getLogger("glide.pubsub");
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** How long a delivery thread waits in the core before it checks whether the client closed. */
    private static final int WAIT_MS = 200;

    private final NativeClient core;
    /** {@link #get()} futures handed to the poller and not yet complete: they come first. */
    private final AtomicInteger waiting = new AtomicInteger();
    /**
     * Messages handed in by the application ({@code __enqueuePubSubMessage}), or taken for a
     * {@link #get()} cancelled meanwhile: delivered first.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<PubSubMessage> injected =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final MessageCallback callback;
    private final Object context;
    private volatile ExecutorService poller;

    private PubSubDelivery(NativeClient core, BaseSubscriptionConfiguration config) {
        this.core = core;
        this.callback = config == null ? null : config.getCallback().orElse(null);
        this.context = config == null ? null : config.getContext().orElse(null);
    }

    /** Waits for the server's confirmations of subscription changes (blocking native waits). */
    private static final java.util.concurrent.Executor CONFIRMATIONS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "glide-pubsub-confirm-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Delivery for a client that subscribes after its creation: polling only. */
    public static PubSubDelivery polling(NativeClient core) {
        return new PubSubDelivery(core, null);
    }

    /**
     * Changes the subscriptions of {@code mode} ({@link #EXACT}, {@link #PATTERN}, {@link
     * #SHARDED}): subscribes to {@code names} (or unsubscribes; empty: from all). {@code timeoutMs}
     * &lt; 0: completes once sent (the lazy forms); 0: once the server confirmed, however long it
     * takes (or the client closes); &gt; 0: fails with {@code TimeoutException} if not confirmed
     * by then.
     */
    public static CompletableFuture<Void> change(
            NativeClient core, int mode, byte[][] names, boolean subscribe, int timeoutMs) {
        try {
            core.changeSubscriptions(mode, names, subscribe);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (timeoutMs < 0) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        CONFIRMATIONS.execute(() -> {
            boolean done;
            if (timeoutMs == 0) {
                do {
                    done = core.awaitSubscriptions(mode, names, subscribe, 1000);
                } while (!done && !core.isClosed());
            } else {
                done = core.awaitSubscriptions(mode, names, subscribe, timeoutMs);
            }
            if (done) {
                confirmed.complete(null);
            } else if (core.isClosed()) {
                confirmed.completeExceptionally(new ClosingException("the client is closed"));
            } else {
                confirmed.completeExceptionally(new glide.api.models.exceptions.TimeoutException(
                        "the server did not confirm the " + (subscribe ? "subscription" : "unsubscription")
                                + " within " + timeoutMs + " ms (it stays wanted: a reconnect retries it)"));
            }
        });
        return confirmed;
    }

    /** Starts delivery for a client created with {@code config}. */
    public static PubSubDelivery start(NativeClient core, BaseSubscriptionConfiguration config) {
        PubSubDelivery delivery = new PubSubDelivery(core, config);
        if (delivery.callback != null) {
            Thread t = new Thread(delivery::deliverToCallback, "glide-pubsub-callback-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
        return delivery;
    }

    private void deliverToCallback() {
        while (!core.isClosed()) {
            PubSubMessage message = injected.poll();
            if (message == null) {
                message = core.takePubSubMessage(WAIT_MS);
            }
            if (message == null) {
                continue;
            }
            try {
                callback.accept(message, context);
            } catch (Throwable e) {
                // One bad message must not stop the others.
                LOG.log(System.Logger.Level.WARNING, "the pub/sub callback threw; delivery goes on", e);
            }
        }
    }

    /** The next message if one is waiting, else null. */
    public PubSubMessage tryGet() {
        refuseWithCallback();
        PubSubMessage message = injected.poll();
        return message != null ? message : core.takePubSubMessage(0);
    }

    /** Queues {@code message} as if it had been received: it is delivered before the next ones. */
    public void enqueue(PubSubMessage message) {
        injected.add(message);
    }

    /**
     * The next message, when it comes (in order, one per call); fails once the client closes. A
     * message already waiting, with no earlier call still waiting, completes the future before it
     * is returned: code that mixes this with {@link #tryGet()} and stops at the first future not
     * yet done (valkey-glide's own tests do) reads every queued message (issue 15).
     */
    public CompletableFuture<PubSubMessage> get() {
        refuseWithCallback();
        if (waiting.get() == 0) {
            PubSubMessage ready = injected.poll();
            try {
                if (ready == null) {
                    ready = core.takePubSubMessage(0);
                }
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e); // (a RESP2 client: see the poller below)
            }
            if (ready != null) {
                return CompletableFuture.completedFuture(ready);
            }
        }
        CompletableFuture<PubSubMessage> next = new CompletableFuture<>();
        waiting.incrementAndGet();
        next.whenComplete((message, failure) -> waiting.decrementAndGet());
        poller().execute(() -> {
            try {
                // A cancelled future gives up its turn (it takes no message; checked between waits).
                while (!core.isClosed() && !next.isDone()) {
                    PubSubMessage message = injected.poll();
                    if (message == null) {
                        message = core.takePubSubMessage(WAIT_MS);
                    }
                    if (message != null) {
                        if (!next.complete(message)) {
                            // Cancelled while it waited: the message goes to whoever asks next.
                            injected.add(message);
                        }
                        return;
                    }
                }
                next.completeExceptionally(new ClosingException("the client is closed"));
            } catch (RuntimeException e) {
                // The core refused (a RESP2 client has no pub/sub state): the future must still complete.
                next.completeExceptionally(e);
            }
        });
        return next;
    }

    private ExecutorService poller() {
        ExecutorService p = poller;
        if (p == null) {
            synchronized (this) {
                if (poller == null) {
                    poller = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "glide-pubsub-poller-" + THREADS.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = poller;
            }
        }
        return p;
    }

    private void refuseWithCallback() {
        if (callback != null) {
            throw new ConfigurationError(
                    "messages go to the configured callback: polling would never return one");
        }
    }

    /** Stops the poller thread (the callback thread stops by itself once the client is closed). */
    public void close() {
        ExecutorService p = poller;
        if (p != null) {
            p.shutdown();
        }
    }
}
