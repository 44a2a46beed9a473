package glide.internal;

import glide.api.models.GlideString;
import glide.api.models.PubSubMessage;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.RequestException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One native client handle and the requests made through it.
 *
 * <p>The handle is freed by a {@link Cleaner} once this object is unreachable (closing the
 * client first if the application never did), never by {@link #close()}: a request running
 * concurrently with {@code close()} may still be using it. Every native call is followed by
 * {@link Reference#reachabilityFence} so the cleaner cannot run in the middle of one. What
 * {@code close()} releases at once is everything heavy: the connection, its buffers, every
 * pending request.
 */
public final class NativeClient implements CommandSink {
    /** The process's one cleaner thread (native handles here, scripts' code in {@link ScriptCache}). */
    static final Cleaner CLEANER =
            Cleaner.create(
                    r -> {
                        Thread t = new Thread(r, "glide-cleaner");
                        t.setDaemon(true);
                        return t;
                    });

    private final long handle;
    private final int inflightLimit;
    private final String username;
    /** Authenticates with IAM tokens (a password cannot be set then). */
    private final boolean iam;
    private volatile boolean closed;

    private NativeClient(long handle, int inflightLimit, String username, boolean iam) {
        this.iam = iam;
        this.handle = handle;
        this.inflightLimit = inflightLimit;
        this.username = username;
        CLEANER.register(this, new Release(handle));
    }

    /** Frees the native handle; must not reference the {@link NativeClient}. */
    private static final class Release implements Runnable {
        private final long handle;

        Release(long handle) {
            this.handle = handle;
        }

        @Override
        public void run() {
            NativeBridge.freeClient(handle);
        }
    }

    /**
     * Creates a client and connects it (unless lazy). The future fails with {@code
     * ConnectionException} if the server cannot be reached, {@code ConfigurationError} for
     * settings the core rejects.
     */
    public static CompletableFuture<NativeClient> connect(ConnectionSettings s) {
        if (s.iam == null) {
            return connect(s, 0);
        }
        // The first token needs credentials, which may take a credentials endpoint's time.
        CompletableFuture<Long> iamAuth =
                IamThread.run(
                        () ->
                                NativeBridge.createIamAuth(
                                        s.iam.clusterName,
                                        s.username,
                                        s.iam.service,
                                        s.iam.region,
                                        s.iam.refreshIntervalSeconds));
        return iamAuth.thenCompose(
                iam -> {
                    try {
                        return connect(s, iam);
                    } finally {
                        NativeBridge.freeIamAuth(iam);
                    }
                });
    }

    private static CompletableFuture<NativeClient> connect(ConnectionSettings s, long iam) {
        Completions.Pending<Object> pending = new Completions.Pending<>(null, false, v -> v);
        long id = Completions.register(pending);
        long handle;
        long tls = 0;
        // The application's logging may have been configured since the last client: ask again.
        LogBridge.refreshLevel();
        try {
            if (s.tls != null) {
                tls =
                        NativeBridge.createTlsSettings(
                                s.tls.insecure,
                                s.tls.rootCertificates,
                                s.tls.clientCertificate,
                                s.tls.clientKey);
            }
            handle =
                    NativeBridge.createClient(id, NativeConfig.of(s), tls, iam);
        } catch (RuntimeException e) {
            Completions.forget(id);
            return CompletableFuture.failedFuture(creationFailure(e));
        } finally {
            NativeBridge.freeTlsSettings(tls);
        }
        NativeClient client = new NativeClient(handle, s.inflightLimit, s.username, s.iam != null);
        return pending.future.handle(
                (ok, error) -> {
                    if (error != null) {
                        client.close();
                        throw creationFailure(error);
                    }
                    return client;
                });
    }

    /**
     * A client that could not be created fails with {@link ClosingException}, as in valkey-glide
     * (whatever the cause: unreachable, TLS, authentication); the message says what happened.
     * Configuration errors keep their class.
     */
    private static RuntimeException creationFailure(Throwable error) {
        if (error instanceof java.util.concurrent.CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        if (error instanceof glide.api.models.exceptions.ConnectionException) {
            ClosingException closing = new ClosingException("Failed to create client - " + error.getMessage());
            closing.initCause(error);
            return closing;
        }
        return error instanceof RuntimeException ? (RuntimeException) error : new RuntimeException(error);
    }

    /**
     * Sends one command. {@code timeoutMs}: {@link Wire.Timeout#DEFAULT} for the client's request
     * timeout, {@link Wire.Timeout#NONE} for none.
     * {@code shape}: a {@link Wire.Shape} code.
     */
    public <T> CompletableFuture<T> execute(
            byte[][] args, boolean binary, int timeoutMs, int shape, Function<Object, T> convert) {
        return execute(args, binary, timeoutMs, shape, RouteSpec.DEFAULT, convert);
    }

    /** {@link #execute(byte[][], boolean, int, int, Function)} to the nodes {@code route} names. */
    @Override
    public <T> CompletableFuture<T> execute(
            byte[][] args,
            boolean binary,
            int timeoutMs,
            int shape,
            RouteSpec route,
            Function<Object, T> convert) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        Completions.Pending<T> pending = new Completions.Pending<>(this, binary, convert);
        long id = Completions.register(pending);
        int status;
        try {
            status =
                    NativeBridge.submit(
                            handle,
                            id,
                            CommandPacker.pack(args),
                            timeoutMs,
                            shape,
                            binary,
                            route.kind,
                            route.number,
                            route.bytes,
                            TraceSampling.sample());
        } catch (RuntimeException e) {
            Completions.forget(id);
            pending.future.completeExceptionally(e);
            return pending.future;
        } finally {
            Reference.reachabilityFence(this);
        }
        return settle(id, pending, status);
    }

    /** Fails {@code pending} at once when the core refused request {@code id}. */
    private <T> CompletableFuture<T> settle(long id, Completions.Pending<T> pending, int status) {
        if (status != Wire.Submitted.STARTED) {
            Completions.forget(id);
            pending.future.completeExceptionally(
                    status == Wire.Submitted.REFUSED_INFLIGHT_LIMIT
                            // valkey-glide's words first: code and tests look for them.
                            ? new RequestException(
                                    "Reached maximum inflight requests ("
                                            + inflightLimit
                                            + "): wait for some requests to complete or raise"
                                            + " inflightRequestsLimit")
                            : closedError());
        }
        return pending.future;
    }

    /**
     * Runs a batch: one request for the inflight limit, one completion with an array of every
     * command's reply in order (null: a transaction aborted because a watched key changed). {@code
     * timeoutMs}: as for {@link #execute}. {@code route} and the retry flags
     * apply to cluster clients.
     */
    public CompletableFuture<Object[]> executeBatch(
            BatchCommands batch,
            boolean atomic,
            boolean raiseOnError,
            boolean binary,
            int timeoutMs,
            RouteSpec route,
            boolean retryServerError,
            boolean retryConnectionError) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        if (batch.size() == 0 && !atomic) {
            return CompletableFuture.failedFuture(
                    new RequestException("the pipeline is empty: add commands before running it"));
        }
        int[] lengths = new int[batch.size()];
        byte[] commands = batch.packAll(lengths);
        Completions.Pending<Object[]> pending = new Completions.Pending<>(this, binary, v -> (Object[]) v);
        long id = Completions.register(pending);
        int status;
        try {
            status =
                    NativeBridge.submitBatch(
                            handle,
                            id,
                            commands,
                            lengths,
                            batch.shapes(),
                            atomic,
                            raiseOnError,
                            timeoutMs,
                            binary,
                            route.kind,
                            route.number,
                            route.bytes,
                            retryServerError,
                            retryConnectionError,
                            TraceSampling.sample());
        } catch (RuntimeException e) {
            Completions.forget(id);
            pending.future.completeExceptionally(e);
            return pending.future;
        } finally {
            Reference.reachabilityFence(this);
        }
        return settle(id, pending, status);
    }

    /** Whether the client is open and its connections are up now (every primary's on a cluster). */
    public boolean isConnected() {
        if (closed) {
            return false;
        }
        try {
            return NativeBridge.isConnected(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Whether the client is reopening a lost connection now (any primary's on a cluster). */
    public boolean isReconnecting() {
        if (closed) {
            return false;
        }
        try {
            return NativeBridge.isReconnecting(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** One line describing the client: its server(s), protocol, connection state, requests in flight. */
    public String describe() {
        if (closed) {
            throw new IllegalStateException("Client is closed");
        }
        try {
            return NativeBridge.describeClient(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * The next pub/sub message, waiting up to {@code timeoutMs} (0: not at all); null if none came
     * or the client is closed.
     */
    public PubSubMessage takePubSubMessage(int timeoutMs) {
        if (closed) {
            return null;
        }
        long frame;
        try {
            frame = NativeBridge.takePubSubMessage(handle, timeoutMs);
        } finally {
            Reference.reachabilityFence(this);
        }
        if (frame == 0) {
            return null;
        }
        Object[] parts = (Object[]) ReplyDecoder.decodeValue(Wire.Kind.FRAME, frame, true);
        GlideString channel = (GlideString) parts[Wire.PubSubMessage.CHANNEL];
        GlideString payload = (GlideString) parts[Wire.PubSubMessage.PAYLOAD];
        GlideString pattern = (GlideString) parts[Wire.PubSubMessage.PATTERN];
        return pattern == null ? new PubSubMessage(payload, channel) : new PubSubMessage(payload, channel, pattern);
    }

    /** See {@link NativeBridge#changeSubscriptions}. */
    public void changeSubscriptions(int mode, byte[][] names, boolean subscribe) {
        if (closed) {
            throw closedError();
        }
        try {
            NativeBridge.changeSubscriptions(handle, mode, names, subscribe);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** See {@link NativeBridge#awaitSubscriptions}; false once the client is closed. */
    public boolean awaitSubscriptions(int mode, byte[][] names, boolean subscribed, int timeoutMs) {
        if (closed) {
            return false;
        }
        try {
            return NativeBridge.awaitSubscriptions(handle, mode, names, subscribed, timeoutMs);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Wanted and confirmed names per mode, as arrays of {@link GlideString} laid out as {@link
     * Wire.SubscriptionState} says: read them with {@link #wantedNames} and {@link
     * #confirmedNames}.
     */
    public Object[] subscriptionState() {
        if (closed) {
            throw closedError();
        }
        long frame;
        try {
            frame = NativeBridge.subscriptionState(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
        return (Object[]) ReplyDecoder.decodeValue(Wire.Kind.FRAME, frame, true);
    }

    /** The names wanted in {@code mode} (a {@link Wire.SubscriptionMode} code) by {@code state}. */
    public static Object[] wantedNames(Object[] state, int mode) {
        return (Object[]) state[Wire.SubscriptionState.WANTED + mode];
    }

    /** The names the server confirmed in {@code mode}, by {@code state}. */
    public static Object[] confirmedNames(Object[] state, int mode) {
        return (Object[]) state[Wire.SubscriptionState.CONFIRMED + mode];
    }

    /** The ACL user of the configuration (null: the default user), for AUTH. */
    public String username() {
        return username;
    }

    /** See {@link NativeBridge#updatePassword}. */
    public void updatePassword(String password) {
        if (closed) {
            throw closedError();
        }

        try {
            NativeBridge.updatePassword(handle, password);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** See {@link NativeBridge#reconnectNow}. */
    public void reconnectNow() {
        if (closed) {
            throw closedError();
        }
        try {
            NativeBridge.reconnectNow(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Whether the client authenticates with IAM tokens. */
    public boolean usesIam() {
        return iam;
    }

    /** See {@link NativeBridge#refreshIamToken}; runs on the IAM thread, completes with "OK". */
    public CompletableFuture<String> refreshIamToken() {
        return IamThread.run(
                () -> {
                    if (closed) {
                        throw closedError();
                    }
                    try {
                        NativeBridge.refreshIamToken(handle);
                        return "OK";
                    } finally {
                        Reference.reachabilityFence(this);
                    }
                });
    }

    /** Fails pending requests with {@link ClosingException} and closes the connection. Idempotent. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            NativeBridge.closeClient(handle);
        } finally {
            Reference.reachabilityFence(this);
        }
        Completions.failAll(p -> p.owner == this, closedError());
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * See {@link GlideFuture}: reads replies on this thread for up to {@code timeoutMs}; returns
     * {@link NativeBridge#helpRead}'s result ({@link Wire.HelpRead#NOT_WAITING}, or how many
     * completions it wrote to {@code out}).
     */
    int helpRead(long requestId, int timeoutMs, long[] out) {
        if (closed) {
            return Wire.HelpRead.NOT_WAITING;
        }
        try {
            return NativeBridge.helpRead(handle, requestId, timeoutMs, out);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private static ClosingException closedError() {
        return new ClosingException("the client is closed");
    }
}
