package glide.internal;

/**
 * The native methods of the Rust core. Every method is a thin shim; see {@code rust/src/jni}.
 *
 * <p>The library registers them when this class is initialised ({@link #registerNatives}), each
 * with the JNI signature its Rust function was compiled against ({@code rust/src/jni/natives.rs});
 * a method declared here and missing there, or declared differently, fails the initialisation
 * with an {@link UnsatisfiedLinkError} naming it, before any request runs. The numbers these
 * methods exchange (reply kinds, routes, statistics...) are in {@link Wire}.
 *
 * <p>Handles are opaque: a client handle is released exactly once, by {@link #freeClient}, and
 * every pointer that arrives in a completion is consumed exactly once: by {@link #takeBytes}, by
 * {@link #freeBytes}, or by a {@link #takeBytesInto} that returns its length.
 */
final class NativeBridge {
    /**
     * The longest bulk string accepted from a server, in bytes (default 512 MB, the servers' own
     * {@code proto-max-bulk-len}; at most {@code Integer.MAX_VALUE - 8}, a Java array's limit). A
     * longer one announced by a server is a protocol error before any byte of it is buffered.
     */
    static final String MAX_BULK_PROPERTY = "glide.maxBulkStringBytes";

    /**
     * How long, in microseconds, a thread waiting for a connection's replies (the completer, or a
     * thread blocked in {@code get()}) keeps looking at the socket before it sleeps, on connections
     * where such looks have been seeing the reply (default 100, at most 1000; 0: always sleep at
     * once). Waking a sleeping thread costs more than a short look where replies come within tens
     * of microseconds, above all on virtual machines; see the README.
     */
    static final String READ_SPIN_PROPERTY = "glide.readSpinMicros";

    static {
        NativeLoader.load();
        checkRegistered(registerNatives(NativeBridge.class));
        Long maxBulk = numberProperty(MAX_BULK_PROPERTY, "a number of bytes");
        if (maxBulk != null) {
            setMaxBulkLength(maxBulk);
        }
        Long readSpin = numberProperty(READ_SPIN_PROPERTY, "a number of microseconds");
        if (readSpin != null) {
            setReadSpinMicros(readSpin);
        }
    }

    /** The system property {@code name} as a number, or null when unset. */
    static Long numberProperty(String name, String what) {
        String value = System.getProperty(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be " + what + ", not \"" + value + "\"", e);
        }
    }

    /**
     * Registers every other native method of this class on {@code target} (this class; a test
     * passes another to see the refusal). The one method the JVM finds by its exported name.
     * Returns the names registered; throws {@link UnsatisfiedLinkError} naming each method whose
     * name or signature {@code target} does not declare.
     */
    static native String[] registerNatives(Class<?> target);

    /** Throws {@link UnsatisfiedLinkError} naming the native methods the library did not register. */
    static void checkRegistered(String[] registered) {
        java.util.Set<String> names = new java.util.HashSet<>(java.util.Arrays.asList(registered));
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (java.lang.reflect.Method m : NativeBridge.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isNative(m.getModifiers())
                    && !m.getName().equals("registerNatives")
                    && !names.contains(m.getName())) {
                missing.add(m.getName());
            }
        }
        if (!missing.isEmpty()) {
            java.util.Collections.sort(missing);
            throw new UnsatisfiedLinkError(
                    "the glide-jni native library does not implement " + missing
                            + " of glide.internal.NativeBridge (a library from another build?)");
        }
    }

    /** Sets the longest bulk string accepted, process-wide; returns the value in force. */
    static native long setMaxBulkLength(long bytes);

    /**
     * Sets how long a waiting thread looks at the socket before sleeping, process-wide (negative:
     * 0; capped at 1000); returns the value in force.
     */
    static native long setReadSpinMicros(long micros);

    private NativeBridge() {}

    /**
     * Creates a client and starts its first connection; the outcome arrives as completion {@code
     * requestId}. {@code config}: every setting, encoded by {@link NativeConfig}; {@code
     * tlsSettings} and {@code iamAuth}: from {@link #createTlsSettings} and {@link
     * #createIamAuth}, or 0. Throws {@code ConfigurationError} for settings the core rejects.
     */
    static native long createClient(long requestId, byte[] config, long tlsSettings, long iamAuth);

    /**
     * Checks IAM settings and signs the first token, loading AWS credentials (may block while a
     * credentials endpoint answers). Throws {@code ConfigurationError} for bad settings and {@code
     * ClosingException} when no credentials can be loaded. Free with {@link #freeIamAuth} once
     * {@code createClient} returned. {@code service}: a {@link Wire.IamService} code;
     * {@code refreshSeconds} 0: the default.
     */
    static native long createIamAuth(
            String clusterName, String user, int service, String region, int refreshSeconds);

    /** Frees what {@link #createIamAuth} returned; 0 is ignored. */
    static native void freeIamAuth(long iamAuth);

    /** Signs a new IAM token for the client now; {@code ConfigurationError} without IAM. */
    static native void refreshIamToken(long handle);

    /**
     * Checks and builds a client's TLS settings (PEM inputs, each nullable) for {@link
     * #createClient}; throws {@code ConfigurationError} naming what is wrong. Free the result
     * with {@link #freeTlsSettings} once {@code createClient} returned.
     */
    static native long createTlsSettings(
            boolean insecure, byte[] rootCertificates, byte[] clientCertificate, byte[] clientKey);

    /** Frees what {@link #createTlsSettings} returned; 0 is ignored. */
    static native void freeTlsSettings(long tlsSettings);

    /**
     * The next pub/sub message of a client with subscriptions: a pointer to a frame to decode
     * (laid out as {@link Wire.PubSubMessage} says), or 0 when none came within {@code timeoutMs}
     * (0: do not wait) or the client is closed.
     */
    static native long takePubSubMessage(long handle, int timeoutMs);

    /**
     * Subscribes to (or unsubscribes from; empty {@code names}: from all) {@code names} in {@code
     * mode} (a {@link Wire.SubscriptionMode} code) now; confirmations come later.
     */
    static native void changeSubscriptions(long handle, int mode, byte[][] names, boolean subscribe);

    /** Blocks up to {@code timeoutMs} until the server confirmed that change; whether it did. */
    static native boolean awaitSubscriptions(long handle, int mode, byte[][] names, boolean subscribed, int timeoutMs);

    /**
     * A frame of arrays of names, wanted and confirmed per mode, laid out as {@link
     * Wire.SubscriptionState} says.
     */
    static native long subscriptionState(long handle);

    /**
     * Starts one command, packed as RESP ({@link CommandPacker}), to the nodes {@code routeKind}
     * names (cluster clients; a {@link Wire.Route} code, see {@link RouteSpec}). Returns a {@link
     * Wire.Submitted} code. {@code timeoutMs}: milliseconds, or a {@link Wire.Timeout} code. {@code
     * shape}: a {@link Wire.Shape} code. {@code binary}: bulk strings become
     * GlideString (the core then skips checking that they are UTF-8). {@code trace}: null, or
     * the trace context of a request sampled for OpenTelemetry ({@link TraceSampling#sample}; laid
     * out as {@link Wire.Trace} says).
     */
    static native int submit(
            long handle,
            long requestId,
            byte[] command,
            int timeoutMs,
            int shape,
            boolean binary,
            int routeKind,
            int routeNumber,
            byte[] routeBytes,
            long[] trace);

    /**
     * Starts a batch: {@code commands} back to back, {@code lengths[i]} bytes and reply shape
     * {@code shapes[i]} each. Returns as {@link #submit} does; the replies arrive together as one
     * array (null: a transaction aborted by WATCH). Route and retry flags: cluster clients only.
     */
    static native int submitBatch(
            long handle,
            long requestId,
            byte[] commands,
            int[] lengths,
            int[] shapes,
            boolean atomic,
            boolean raiseOnError,
            int timeoutMs,
            boolean binary,
            int routeKind,
            int routeNumber,
            byte[] routeBytes,
            boolean retryServerError,
            boolean retryConnectionError,
            long[] trace);

    /**
     * Initialises the core's OpenTelemetry export (null endpoint: that signal is off;
     * {@code samplePercentage} -1: not given). Throws {@code java.lang.Exception} with
     * valkey-glide's message for a configuration it refuses.
     */
    static native void initOpenTelemetry(
            String tracesEndpoint, int samplePercentage, String metricsEndpoint, long flushIntervalMs);

    /** Exports the ended spans and the metrics now, on the calling thread. */
    static native void flushOpenTelemetry();

    static native void closeClient(long handle);

    /** Whether the client has live connections now (every primary's, for a cluster). */
    static native boolean isConnected(long handle);

    /** Whether the client is reopening a lost connection now (any primary's, for a cluster). */
    static native boolean isReconnecting(long handle);

    /** One line describing the client and its connections. */
    static native String describeClient(long handle);

    /** Replaces the password used by later (re)connections; null removes it. */
    static native void updatePassword(long handle, String password);

    /** Reconnects waiting out their backoff try again now (a cluster's immediateAuth). */
    static native void reconnectNow(long handle);

    static native void freeClient(long handle);

    /** Fills {@code out} with completions ({@link Wire.Completion} records); returns how many. */
    static native int awaitCompletions(long[] out, int timeoutMs);

    /**
     * Reads replies on this thread for up to {@code timeoutMs} while it waits for request {@code
     * requestId}, or, when someone else is reading that connection, waits as long for them to
     * hand this request's completion over. Returns {@link Wire.HelpRead#NOT_WAITING} if the
     * request is not waiting on a connection (not sent yet, or done): then wait normally.
     * Otherwise returns how many completions it wrote to {@code out} as {@link Wire.Completion}
     * records, its own among them if it came: the caller completes its own future and gives each
     * other completion to the thread waiting for it or to {@link #requeue}.
     */
    static native int helpRead(long handle, long requestId, int timeoutMs, long[] out);

    /** Queues {@code n} completions ({@link Wire.Completion} records) for the completer thread. */
    static native void requeue(long[] records, int n);

    /**
     * Lets the core's runtime threads call {@code completions.handOffToWaiters(long[], int)} with
     * the completions they read, so that a virtual thread parked for its reply gets it from the
     * reading thread instead of through the completer thread. Once, from {@link Completions}.
     */
    static native void installParkedHandOff(Class<?> completions);

    static native byte[] takeBytes(long pointer);

    /**
     * Copies the bytes behind {@code pointer} (a frame or text) to the start of {@code scratch}
     * and consumes the pointer, returning their length; bytes longer than {@code scratch} are left
     * alone (the pointer is not consumed) and minus their length returned.
     */
    static native int takeBytesInto(long pointer, byte[] scratch);

    static native void freeBytes(long pointer);

    /** The core's figures, indexed by {@link Wire.Stat}; {@link Statistics} publishes them. */
    static native long[] statistics();

    /** The IAM token for fixed inputs ({@link Wire.IamService} service). For tests. */
    static native String iamToken(
            String clusterName,
            String user,
            int service,
            String region,
            String accessKeyId,
            String secretAccessKey,
            String sessionToken,
            long epochSeconds);

    // Logging (see LogBridge and glide.api.logging.Logger; rust/src/logging).

    /** Configures the Logger sink: a {@link Wire.LogLevel} code, null file: stdout. */
    static native int configureLogger(int level, String fileName);

    /** One application line for the Logger sink (a {@link Wire.LogLevel} code). */
    static native void logFromApplication(int level, String identifier, String message);

    /** The most verbose level the application's logging enables for glide.* (a {@link Wire.LogLevel} code). */
    static native void setJvmLogLevel(int level);

    /**
     * Takes waiting core log records (waits up to timeoutMs for the first): record i's level (a
     * {@link Wire.LogLevel} code) in levels[i], its logger name and message in texts, as a {@link
     * Wire.LogRecord} record. Returns how many.
     */
    static native int takeLogRecords(int[] levels, String[] texts, int timeoutMs);

    /** The logger names core records go to. */
    static native String[] logAreas();
}
