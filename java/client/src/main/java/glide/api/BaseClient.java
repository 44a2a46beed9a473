package glide.api;

import static glide.internal.ReplyConverters.ANY_TEXT;
import static glide.internal.ReplyConverters.BOOLEAN;
import static glide.internal.ReplyConverters.BYTES;
import static glide.internal.ReplyConverters.GLIDE_STRING;
import static glide.internal.ReplyConverters.GLIDE_STRING_ARRAY;
import static glide.internal.ReplyConverters.IDENTITY;
import static glide.internal.ReplyConverters.LONG;
import static glide.internal.ReplyConverters.STRING;
import static glide.internal.ReplyConverters.STRING_ARRAY;

import glide.api.commands.BitmapBaseCommands;
import glide.api.commands.GenericBaseCommands;
import glide.api.commands.GeospatialIndicesBaseCommands;
import glide.api.commands.HashBaseCommands;
import glide.api.commands.HyperLogLogBaseCommands;
import glide.api.commands.ListBaseCommands;
import glide.api.commands.ScriptingAndFunctionsBaseCommands;
import glide.api.commands.SetBaseCommands;
import glide.api.commands.StreamBaseCommands;
import glide.api.commands.SortedSetBaseCommands;
import glide.api.commands.StringBaseCommands;
import glide.api.commands.TransactionsBaseCommands;
import glide.api.commands.PubSubBaseCommands;
import glide.api.models.BaseBatch;
import glide.api.models.GlideString;
import glide.api.models.Script;
import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.GetExOptions;
import glide.api.models.commands.LInsertOptions.InsertPosition;
import glide.api.models.commands.LPosOptions;
import glide.api.models.commands.MigrateOptions;
import glide.api.models.commands.SortOptions;
import glide.api.models.commands.SortOptionsBinary;
import glide.api.models.commands.RangeOptions;
import glide.api.models.commands.RangeOptions.LexRange;
import glide.api.models.commands.RangeOptions.RangeQuery;
import glide.api.models.commands.RangeOptions.ScoreRange;
import glide.api.models.commands.RangeOptions.ScoredRangeQuery;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.WeightAggregateOptions.Aggregate;
import glide.api.models.commands.WeightAggregateOptions.KeyArray;
import glide.api.models.commands.WeightAggregateOptions.KeyArrayBinary;
import glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeys;
import glide.api.models.commands.WeightAggregateOptions.KeysOrWeightedKeysBinary;
import glide.api.models.commands.ZAddOptions;
import glide.api.models.commands.ListDirection;
import glide.api.models.commands.HGetExOptions;
import glide.api.models.commands.HSetExOptions;
import glide.api.models.commands.HashFieldExpirationConditionOptions;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.commands.ScriptDebugMode;
import glide.api.models.commands.ScriptOptions;
import glide.api.models.commands.ScriptOptionsGlideString;
import glide.api.models.commands.SetOptions;
import glide.api.models.commands.function.FunctionListOptions;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldReadOnlySubCommands;
import glide.api.models.commands.bitmap.BitFieldOptions.BitFieldSubCommands;
import glide.api.models.commands.bitmap.BitmapIndexType;
import glide.api.models.commands.bitmap.BitwiseOperation;
import glide.api.models.commands.geospatial.GeoAddOptions;
import glide.api.models.commands.geospatial.GeoSearchOptions;
import glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchStoreOptions;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeospatialData;
import glide.api.models.exceptions.ConfigurationError;
import glide.api.models.exceptions.RequestException;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.HScanOptionsBinary;
import glide.api.models.commands.scan.SScanOptions;
import glide.api.models.commands.scan.SScanOptionsBinary;
import glide.api.models.commands.stream.StreamAddOptions;
import glide.api.models.commands.stream.StreamAddOptionsBinary;
import glide.api.models.commands.stream.StreamClaimOptions;
import glide.api.models.commands.stream.StreamGroupOptions;
import glide.api.models.commands.stream.StreamPendingOptions;
import glide.api.models.commands.stream.StreamPendingOptionsBinary;
import glide.api.models.commands.stream.StreamRange;
import glide.api.models.commands.stream.StreamReadGroupOptions;
import glide.api.models.commands.stream.StreamReadOptions;
import glide.api.models.commands.stream.StreamTrimOptions;
import glide.api.models.commands.scan.ZScanOptions;
import glide.api.models.commands.scan.ZScanOptionsBinary;
import glide.internal.BlockingTimeouts;
import glide.internal.CommandSink;
import glide.internal.PubSubDelivery;
import glide.api.models.PubSubMessage;
import glide.api.models.configuration.BaseSubscriptionConfiguration;
import glide.internal.NativeClient;
import glide.internal.RouteSpec;
import glide.internal.ReplyConverters;
import glide.internal.Statistics;
import glide.internal.commands.BitmapCommands;
import glide.internal.commands.Command;
import glide.internal.commands.ConnectionCommands;
import glide.internal.commands.GeoCommands;
import glide.internal.commands.HashCommands;
import glide.internal.commands.HyperLogLogCommands;
import glide.internal.commands.KeyCommands;
import glide.internal.commands.ListCommands;
import glide.internal.commands.PubSubCommands;
import glide.internal.commands.ScriptingCommands;
import glide.internal.commands.ServerCommands;
import glide.internal.commands.SetCommands;
import glide.internal.commands.SortedSetCommands;
import glide.internal.commands.StreamCommands;
import glide.internal.commands.StringCommands;
import glide.internal.commands.TransactionCommands;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Commands shared by the standalone and the cluster client.
 *
 * <p>Every method returns at once; the future completes on the {@code glide-completer} thread
 * with the reply or with a {@link glide.api.models.exceptions.GlideException}: {@code
 * RequestException} (server error, inflight limit), {@code TimeoutException}, {@code
 * ConnectionException}, {@code ClosingException}. Cancelling a future does not recall a command
 * already sent.
 */
public abstract class BaseClient
        implements AutoCloseable,
                GenericBaseCommands,
                StringBaseCommands,
                HashBaseCommands,
                ListBaseCommands,
                HyperLogLogBaseCommands,
                BitmapBaseCommands,
                ScriptingAndFunctionsBaseCommands,
                SetBaseCommands,
                StreamBaseCommands,
                TransactionsBaseCommands,
                PubSubBaseCommands,
                GeospatialIndicesBaseCommands,
                SortedSetBaseCommands {

    /**
     * The server's simple reply "OK" (SET, MSET, FLUSHALL...). Public, as in valkey-glide 2.3.1,
     * where code compares replies with it; also what PUBLISH answers here, as valkey-glide does.
     */
    public static final String OK = "OK";

    /**
     * valkey-glide 2.3.1 declares this public enum in its {@code BaseClient}; kept so code naming
     * it compiles. This client does not read it (see {@link glide.api.ResponseFlags}).
     */
    public enum ResponseFlags {
        ENCODING_UTF8,
        IS_NULLABLE,
    }

    /** Null for a client built on a {@link CommandSink} of its own (tests). */
    private final NativeClient core;

    /** Set for a client created with subscriptions. */
    private volatile PubSubDelivery pubsub;

    /** Where commands go: the core, or a batch being built. */
    private final CommandSink sink;

    BaseClient(NativeClient core) {
        this.core = core;
        this.sink = core;
    }

    /** A client whose commands go to {@code sink}, not to a server (tests). */
    BaseClient(CommandSink sink) {
        this.core = null;
        this.sink = sink;
    }

    /** The native client; fails for a client built on a sink, which has none. */
    NativeClient core() {
        if (core == null) {
            throw new IllegalStateException("a client built on a command sink has no connection");
        }
        return core;
    }

    /**
     * Runs a command that has no definition, its reply's shape left to the core: customCommand's
     * (whatever the user sends) and a cluster scan's steps (see SlotScanCursor).
     */
    <T> CompletableFuture<T> run(
            byte[][] args, boolean binary, int timeoutMs, Function<Object, T> convert) {
        return sink.execute(args, binary, timeoutMs, CommandSink.NATURAL, RouteSpec.DEFAULT, convert);
    }

    /** As {@link #run(byte[][], boolean, int, Function)}, to the nodes {@code route} names (cluster clients). */
    <T> CompletableFuture<T> run(
            byte[][] args, boolean binary, int timeoutMs, RouteSpec route, Function<Object, T> convert) {
        return sink.execute(args, binary, timeoutMs, CommandSink.NATURAL, route, convert);
    }

    /** Runs a command as its definition (glide.internal.commands) built it. */
    <T> CompletableFuture<T> run(Command<T> command) {
        return sink.execute(
                command.args(), command.binary(), command.timeoutMs(), command.shape(), command.route(), command.convert());
    }

    /**
     * Process-wide statistics, with exactly valkey-glide 2.3.1's ten keys: {@code
     * total_connections}, {@code total_clients}, the compression counters (always 0: glide-jni
     * does not compress values), {@code subscription_out_of_sync_count} (subscription commands
     * the server refused) and {@code subscription_last_sync_timestamp} (ms since the epoch of the
     * server's last subscription confirmation; 0: never). glide-jni's own figures, such as the
     * native memory JVM tools cannot see, are in {@link #getExtendedStatistics()}.
     */
    public Map<String, String> getStatistics() {
        return Statistics.valkeyGlideKeys();
    }

    /**
     * {@link #getStatistics()} and glide-jni's own process-wide figures: native memory in use
     * ({@code native_bytes_in_use}, invisible to NMT), requests pending, the pub/sub backlog,
     * contained panics (see the README, "Statistics").
     */
    public Map<String, String> getExtendedStatistics() {
        return Statistics.extended();
    }

    /**
     * Closes the client: pending futures fail with {@code ClosingException}, so do later calls,
     * and the connection is released. Calling it again does nothing.
     */
    @Override
    public void close() throws ExecutionException {
        if (core != null) {
            core.close();
        }
        PubSubDelivery delivery = pubsub;
        if (delivery != null) {
            delivery.close();
        }
    }

    /**
     * Whether the client is open and connected now: its connection is up (standalone), or every
     * primary's (cluster). False while it reconnects and once closed.
     */
    public boolean isConnected() {
        return core != null && core.isConnected();
    }

    /**
     * One line describing the client for logs: its server(s), protocol, connection state and
     * requests in flight. Throws {@link IllegalStateException} once the client is closed.
     */
    public String getClientInfo() {
        return core().describe();
    }

    /**
     * Signs a new IAM authentication token now; connections opened from then on authenticate with
     * it (live ones keep theirs, as in valkey-glide). The client also does this every {@code
     * refreshIntervalSeconds}. Throws {@link ConfigurationError} at once when the client does not
     * use IAM; a refresh that fails (no credentials) fails the future with a {@code
     * RequestException} naming why, and the previous token stays in use.
     */
    public CompletableFuture<String> refreshIamToken() {
        if (!core().usesIam()) {
            throw new ConfigurationError("refreshIamToken is only available when IAM authentication is enabled.");
        }
        return core().refreshIamToken();
    }

    // ---- pub/sub: receiving (subscriptions are configured when the client is created) ----

    /** Starts delivering the messages of the subscriptions in {@code config}. */
    void startPubSub(BaseSubscriptionConfiguration config) {
        pubsub = PubSubDelivery.start(core(), config);
    }

    /**
     * Changes the subscriptions of one mode (0 exact, 1 pattern, 2 sharded); see {@link
     * PubSubDelivery#change}. Messages of a client that had none so far are polled.
     */
    CompletableFuture<Void> changeSubscriptions(int mode, java.util.Set<String> names, boolean subscribe, int timeoutMs) {
        if (names == null) {
            return CompletableFuture.failedFuture(new RequestException("the channels must not be null (an empty set: all)"));
        }
        byte[][] bytes = new byte[names.size()][];
        int i = 0;
        for (String name : names) {
            if (name == null) {
                return CompletableFuture.failedFuture(new RequestException("a channel or pattern must not be null"));
            }
            bytes[i++] = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return changeSubscriptions(mode, bytes, subscribe, timeoutMs);
    }

    /** {@link #changeSubscriptions(int, Set, boolean, int)} for names already encoded. */
    private CompletableFuture<Void> changeSubscriptions(int mode, byte[][] bytes, boolean subscribe, int timeoutMs) {
        if (subscribe && bytes.length == 0) {
            return CompletableFuture.failedFuture(new RequestException("subscribe to at least one channel or pattern"));
        }
        if (subscribe && pubsub == null) {
            synchronized (this) {
                if (pubsub == null) {
                    pubsub = PubSubDelivery.polling(core());
                }
            }
        }
        return PubSubDelivery.change(core(), mode, bytes, subscribe, timeoutMs);
    }

    /**
     * customCommand's (un)subscribe commands ({@code SUBSCRIBE}, {@code PSUBSCRIBE}, {@code
     * SSUBSCRIBE} and their {@code UN} forms, in any case) as the lazy subscription methods: what
     * is wanted changes, the client's connections are told, and the future completes once they
     * are (issue 15; valkey-glide 2.3.1 does the same). {@code null} for any other command, and
     * for a client built on a sink (the command goes to it as it is).
     *
     * <p>Sent as an ordinary command, the server would answer with push frames, not a reply: the
     * request would time out, and its messages would reach no queue while a reconnect forgot the
     * subscription.
     */
    CompletableFuture<Void> subscriptionCommand(byte[][] args) {
        if (args.length == 0 || core == null) {
            return null; // a client built on a sink sends the command to it as it is
        }
        int mode = subscriptionMode(args[0]);
        if (mode < 0) {
            return null;
        }
        boolean subscribe = !upper(args[0]).contains("UNSUBSCRIBE");
        return changeSubscriptions(mode, java.util.Arrays.copyOfRange(args, 1, args.length), subscribe, -1);
    }

    /** The subscription mode ({@link PubSubDelivery#EXACT}...) command {@code name} changes; -1: none. */
    private static int subscriptionMode(byte[] name) {
        switch (upper(name)) {
            case "SUBSCRIBE":
            case "UNSUBSCRIBE":
                return PubSubDelivery.EXACT;
            case "PSUBSCRIBE":
            case "PUNSUBSCRIBE":
                return PubSubDelivery.PATTERN;
            case "SSUBSCRIBE":
            case "SUNSUBSCRIBE":
                return PubSubDelivery.SHARDED;
            default:
                return -1;
        }
    }

    private static String upper(byte[] name) {
        return new String(name, java.nio.charset.StandardCharsets.ISO_8859_1).toUpperCase(java.util.Locale.ROOT);
    }

    /** SUBSCRIBE {@code channels}; completes once the server confirmed all (within {@code timeoutMs}; 0: no limit). */
    public CompletableFuture<Void> subscribe(Set<String> channels, int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.EXACT, channels, true, Math.max(timeoutMs, 0));
    }

    /** SUBSCRIBE {@code channels}; completes once sent. */
    public CompletableFuture<Void> subscribeLazy(Set<String> channels) {
        return changeSubscriptions(PubSubDelivery.EXACT, channels, true, -1);
    }

    /** PSUBSCRIBE {@code patterns}; completes once the server confirmed all. */
    public CompletableFuture<Void> psubscribe(Set<String> patterns, int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.PATTERN, patterns, true, Math.max(timeoutMs, 0));
    }

    public CompletableFuture<Void> psubscribeLazy(Set<String> patterns) {
        return changeSubscriptions(PubSubDelivery.PATTERN, patterns, true, -1);
    }

    /** UNSUBSCRIBE {@code channels} (empty, e.g. {@code ALL_CHANNELS}: all); completes once confirmed. */
    public CompletableFuture<Void> unsubscribe(Set<String> channels, int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.EXACT, channels, false, Math.max(timeoutMs, 0));
    }

    /** UNSUBSCRIBE from every channel; completes once confirmed. */
    public CompletableFuture<Void> unsubscribe(int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.EXACT, Set.of(), false, Math.max(timeoutMs, 0));
    }

    public CompletableFuture<Void> unsubscribeLazy() {
        return changeSubscriptions(PubSubDelivery.EXACT, Set.of(), false, -1);
    }

    public CompletableFuture<Void> unsubscribeLazy(Set<String> channels) {
        return changeSubscriptions(PubSubDelivery.EXACT, channels, false, -1);
    }

    /** PUNSUBSCRIBE {@code patterns} (empty: all); completes once confirmed. */
    public CompletableFuture<Void> punsubscribe(Set<String> patterns, int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.PATTERN, patterns, false, Math.max(timeoutMs, 0));
    }

    public CompletableFuture<Void> punsubscribe(int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.PATTERN, Set.of(), false, Math.max(timeoutMs, 0));
    }

    public CompletableFuture<Void> punsubscribeLazy() {
        return changeSubscriptions(PubSubDelivery.PATTERN, Set.of(), false, -1);
    }

    public CompletableFuture<Void> punsubscribeLazy(Set<String> patterns) {
        return changeSubscriptions(PubSubDelivery.PATTERN, patterns, false, -1);
    }

    /** Wanted and confirmed subscriptions per mode, as six lists of names. */
    <M extends Enum<M> & BaseSubscriptionConfiguration.ChannelMode> CompletableFuture<glide.api.models.configuration.PubSubState<M>> subscriptionState(M[] modes) {
        Object[] state;
        try {
            state = core().subscriptionState();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        Map<M, Set<String>> wanted = new java.util.LinkedHashMap<>();
        Map<M, Set<String>> confirmed = new java.util.LinkedHashMap<>();
        for (int m = 0; m < modes.length; m++) {
            wanted.put(modes[m], names(NativeClient.wantedNames(state, m)));
            confirmed.put(modes[m], names(NativeClient.confirmedNames(state, m)));
        }
        return CompletableFuture.completedFuture(new glide.api.models.configuration.PubSubStateImpl<>(wanted, confirmed));
    }

    private static Set<String> names(Object[] names) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (Object name : names) {
            out.add(((GlideString) name).toString());
        }
        return out;
    }

    /**
     * The client's delivery; a client created without subscriptions polls (valkey-glide 2.3.1
     * answers its polls with null, issue 15: a poller may start before it subscribes with
     * customCommand or subscribe). A RESP2 client's polls throw {@link ConfigurationError}: no
     * message can ever reach it.
     */
    private PubSubDelivery pubsub() {
        PubSubDelivery delivery = pubsub;
        if (delivery == null) {
            synchronized (this) {
                if (pubsub == null) {
                    pubsub = PubSubDelivery.polling(core());
                }
                delivery = pubsub;
            }
        }
        return delivery;
    }

    /**
     * Queues {@code message} for this client's delivery (callback or polling) as if it had been
     * received, ahead of those still waiting. For tests and bridges; valkey-glide's name.
     */
    public void __enqueuePubSubMessage(PubSubMessage message) {
        if (message == null) {
            throw new IllegalArgumentException("the message must not be null");
        }
        if (pubsub == null) {
            synchronized (this) {
                if (pubsub == null) {
                    pubsub = PubSubDelivery.polling(core());
                }
            }
        }
        pubsub.enqueue(message);
    }

    /**
     * The next pub/sub message if one is waiting, else null (also before any subscription).
     * Throws {@link ConfigurationError} for a client with a callback (messages go there) or on
     * RESP2 (no message can come).
     */
    public PubSubMessage tryGetPubSubMessage() {
        return pubsub().tryGet();
    }

    /**
     * The next pub/sub message, when it arrives; one message per call, in order. Fails with
     * {@code ClosingException} if the client closes first. Throws as {@link #tryGetPubSubMessage()}.
     */
    public CompletableFuture<PubSubMessage> getPubSubMessage() {
        return pubsub().get();
    }

    // ---- credentials ----

    /**
     * Replaces the password the client authenticates with when it (re)connects, e.g. after a
     * rotation on the server. With {@code immediateAuth}, also sends AUTH on the open
     * connection(s) now, and completes with its reply; otherwise completes with "OK" at once.
     *
     * <p>The new password is kept even when the immediate AUTH fails (as in valkey-glide): a
     * wrong one makes later reconnects fail until it is replaced. Every reconnect uses the
     * password set last. While a standalone client is reopening its lost connection there is no
     * open connection to authenticate: with {@code immediateAuth} the future then fails at once
     * with {@code RequestException}; a cluster client's AUTH waits for its nodes' reconnects (each
     * client as valkey-glide's tests expect it). A null password throws {@code
     * NullPointerException} (valkey-glide's {@code @NonNull}); {@link
     * #updateConnectionPassword(boolean)} removes the password.
     */
    public CompletableFuture<String> updateConnectionPassword(String password, boolean immediateAuth) {
        refuseUnderIam();
        Objects.requireNonNull(password, "password is null: use updateConnectionPassword(false) to remove it");
        try {
            core().updatePassword(password);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!immediateAuth) {
            return CompletableFuture.completedFuture("OK");
        }
        if (password.isEmpty()) {
            // AUTH with an empty password cannot succeed; valkey-glide refuses it too.
            return CompletableFuture.failedFuture(new RequestException("immediateAuth needs a non-empty password"));
        }
        return authenticate(ConnectionCommands.TEXT.auth(core().username(), password));
    }

    /**
     * Removes the password used when (re)connecting (the server no longer asks for one). There is
     * nothing to authenticate now, so {@code immediateAuth} must be false.
     */
    public CompletableFuture<String> updateConnectionPassword(boolean immediateAuth) {
        refuseUnderIam();
        if (immediateAuth) {
            return CompletableFuture.failedFuture(
                    new RequestException("immediateAuth needs a password: there is none to authenticate with"));
        }
        try {
            core().updatePassword(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture("OK");
    }

    /** An IAM client's password is its token: it cannot be set (thrown at once, as valkey-glide). */
    private void refuseUnderIam() {
        if (core().usesIam()) {
            throw new ConfigurationError(
                    "updateConnectionPassword is not supported when IAM authentication is enabled.");
        }
    }

    /**
     * Sends AUTH on the standalone client's connection, or fails at once while the client is
     * reopening it: valkey-glide's standalone client fails there too (its reconnect keeps the old
     * password, and StandaloneClientTests expects the failure), while its cluster client's AUTH
     * reconnects the nodes, which ClusterClientTests expects to succeed; a cluster client
     * overrides this to reach every node.
     */
    CompletableFuture<String> authenticate(Command<String> auth) {
        if (core().isReconnecting()) {
            return CompletableFuture.failedFuture(new RequestException(
                    "immediateAuth: the client is reconnecting, so no connection is open to authenticate now;"
                            + " the new password will be used by the reconnect"));
        }
        return run(auth);
    }

    // ---- server: LOLWUT and ACL, the same on both clients (defined in ServerCommands) ----

    public CompletableFuture<String> lolwut() {
        return run(ServerCommands.lolwut(null, new int[0]));
    }

    public CompletableFuture<String> lolwut(int[] parameters) {
        return run(ServerCommands.lolwut(null, parameters));
    }

    public CompletableFuture<String> lolwut(int version) {
        return run(ServerCommands.lolwut(version, new int[0]));
    }

    public CompletableFuture<String> lolwut(int version, int[] parameters) {
        return run(ServerCommands.lolwut(version, parameters));
    }

    public CompletableFuture<String[]> aclCat() {
        return run(ServerCommands.aclCat());
    }

    public CompletableFuture<String[]> aclCat(String category) {
        return run(ServerCommands.aclCat(category));
    }

    public CompletableFuture<Long> aclDelUser(String[] usernames) {
        return run(ServerCommands.aclDelUser(usernames));
    }

    public CompletableFuture<String> aclDryRun(String username, String command, String[] args) {
        return run(ServerCommands.aclDryRun(username, command, args));
    }

    public CompletableFuture<String> aclGenPass() {
        return run(ServerCommands.aclGenPass());
    }

    public CompletableFuture<String> aclGenPass(int bits) {
        return run(ServerCommands.aclGenPass(bits));
    }

    public CompletableFuture<Object> aclGetUser(String username) {
        return run(ServerCommands.aclGetUser(username));
    }

    public CompletableFuture<String[]> aclList() {
        return run(ServerCommands.aclList());
    }

    public CompletableFuture<String> aclLoad() {
        return run(ServerCommands.aclLoad());
    }

    public CompletableFuture<Object[]> aclLog() {
        return run(ServerCommands.aclLog());
    }

    public CompletableFuture<Object[]> aclLog(int count) {
        return run(ServerCommands.aclLog(count));
    }

    public CompletableFuture<String> aclSave() {
        return run(ServerCommands.aclSave());
    }

    public CompletableFuture<String> aclSetUser(String username, String[] rules) {
        return run(ServerCommands.aclSetUser(username, rules));
    }

    public CompletableFuture<String[]> aclUsers() {
        return run(ServerCommands.aclUsers());
    }

    public CompletableFuture<String> aclWhoami() {
        return run(ServerCommands.aclWhoami());
    }

    // ---- transactions: WATCH (exec and unwatch are per client; defined in TransactionCommands) ----

    public CompletableFuture<String> watch(String[] keys) {
        return run(TransactionCommands.TEXT.watch(keys));
    }

    public CompletableFuture<String> watch(GlideString[] keys) {
        return run(TransactionCommands.BINARY.watch(keys));
    }

    /**
     * Runs {@code batch} on the core; {@code options} values already checked. See {@code exec} on
     * each client.
     */
    CompletableFuture<Object[]> execBatch(
            BaseBatch<?> batch,
            boolean raiseOnError,
            Integer timeoutMs,
            RouteSpec route,
            boolean retryServerError,
            boolean retryConnectionError) {
        if (batch == null) {
            return CompletableFuture.failedFuture(new RequestException("the batch must not be null"));
        }
        if (timeoutMs != null && timeoutMs < 0) {
            return CompletableFuture.failedFuture(
                    new RequestException("the batch timeout must not be negative (0: no timeout)"));
        }
        for (int i = 0; i < batch.commands().size(); i++) {
            byte[][] command = batch.commands().command(i);
            if (command.length > 0 && subscriptionMode(command[0]) >= 0) {
                // The server answers these with pushes, not replies: the batch would wait for
                // replies that never come, and every later request on the connection would get
                // the reply of the one before it (issue 15).
                return CompletableFuture.failedFuture(new RequestException("command " + i + " of the batch is "
                        + upper(command[0]) + ", which a batch cannot hold (its answer is a push, not a reply):"
                        + " subscribe with customCommand or subscribe()/psubscribe()/ssubscribe() outside a batch"));
            }
        }
        return core()
                .executeBatch(
                        batch.commands(),
                        batch.isAtomic(),
                        raiseOnError,
                        batch.isBinaryOutput(),
                        timeoutMs == null ? BlockingTimeouts.DEFAULT : timeoutMs,
                        route,
                        retryServerError,
                        retryConnectionError);
    }

    // ---- pub/sub: publishing and introspection (defined in glide.internal.commands.PubSubCommands) ----

    /** PUBLISH {@code message} to {@code channel}. "OK" (the receivers are not counted, as in valkey-glide). */
    public CompletableFuture<String> publish(String message, String channel) {
        return run(PubSubCommands.TEXT.publish(message, channel));
    }

    public CompletableFuture<String> publish(GlideString message, GlideString channel) {
        return run(PubSubCommands.BINARY.publish(message, channel));
    }

    /** PUBSUB CHANNELS: the channels with subscribers (on a cluster: on any node, each once). */
    public CompletableFuture<String[]> pubsubChannels() {
        return run(PubSubCommands.TEXT.pubsubChannels());
    }

    public CompletableFuture<GlideString[]> pubsubChannelsBinary() {
        return run(PubSubCommands.BINARY.pubsubChannels());
    }

    /** PUBSUB CHANNELS pattern: those whose name matches the glob {@code pattern}. */
    public CompletableFuture<String[]> pubsubChannels(String pattern) {
        return run(PubSubCommands.TEXT.pubsubChannels(pattern));
    }

    public CompletableFuture<GlideString[]> pubsubChannels(GlideString pattern) {
        return run(PubSubCommands.BINARY.pubsubChannels(pattern));
    }

    /** PUBSUB NUMPAT: pattern subscriptions (on a cluster: summed over the nodes). */
    public CompletableFuture<Long> pubsubNumPat() {
        return run(PubSubCommands.TEXT.pubsubNumPat());
    }

    /** PUBSUB NUMSUB: each channel's subscribers (on a cluster: summed over the nodes). */
    public CompletableFuture<Map<String, Long>> pubsubNumSub(String[] channels) {
        return run(PubSubCommands.TEXT.pubsubNumSub(channels));
    }

    public CompletableFuture<Map<GlideString, Long>> pubsubNumSub(GlideString[] channels) {
        return run(PubSubCommands.BINARY.pubsubNumSub(channels));
    }

    // (end of pub/sub)

    // ---- server and connection management without a route: the same on both clients ----
    // (defined in ServerCommands and ConnectionCommands)

    public CompletableFuture<Map<String, String>> configGet(String[] parameters) {
        return run(ServerCommands.configGet(parameters));
    }

    public CompletableFuture<String> configSet(Map<String, String> parameters) {
        return run(ServerCommands.configSet(parameters));
    }

    public CompletableFuture<String> configResetStat() {
        return run(ServerCommands.configResetStat());
    }

    public CompletableFuture<String> configRewrite() {
        return run(ServerCommands.configRewrite());
    }

    public CompletableFuture<String[]> time() {
        return run(ServerCommands.time());
    }

    public CompletableFuture<Long> lastsave() {
        return run(ServerCommands.lastsave());
    }

    public CompletableFuture<Long> dbsize() {
        return run(ServerCommands.dbsize());
    }

    public CompletableFuture<String> flushall() {
        return run(ServerCommands.flushall());
    }

    public CompletableFuture<String> flushall(FlushMode mode) {
        return run(ServerCommands.flushall(mode));
    }

    public CompletableFuture<String> flushdb() {
        return run(ServerCommands.flushdb());
    }

    public CompletableFuture<String> flushdb(FlushMode mode) {
        return run(ServerCommands.flushdb(mode));
    }

    public CompletableFuture<Long> clientId() {
        return run(ConnectionCommands.TEXT.clientId());
    }

    public CompletableFuture<String> clientGetName() {
        return run(ConnectionCommands.TEXT.clientGetName());
    }

    public CompletableFuture<String> randomKey() {
        return run(KeyCommands.TEXT.randomKey());
    }

    public CompletableFuture<GlideString> randomKeyBinary() {
        return run(KeyCommands.BINARY.randomKey());
    }

    // ---- generic: each command is defined once, in glide.internal.commands.KeyCommands ----

    @Override
    public CompletableFuture<Long> del(String[] keys) {
        return run(KeyCommands.TEXT.del(keys));
    }

    @Override
    public CompletableFuture<Long> del(GlideString[] keys) {
        return run(KeyCommands.BINARY.del(keys));
    }

    @Override
    public CompletableFuture<Long> exists(String[] keys) {
        return run(KeyCommands.TEXT.exists(keys));
    }

    @Override
    public CompletableFuture<Long> exists(GlideString[] keys) {
        return run(KeyCommands.BINARY.exists(keys));
    }

    @Override
    public CompletableFuture<Long> unlink(String[] keys) {
        return run(KeyCommands.TEXT.unlink(keys));
    }

    @Override
    public CompletableFuture<Long> unlink(GlideString[] keys) {
        return run(KeyCommands.BINARY.unlink(keys));
    }

    @Override
    public CompletableFuture<Long> touch(String[] keys) {
        return run(KeyCommands.TEXT.touch(keys));
    }

    @Override
    public CompletableFuture<Long> touch(GlideString[] keys) {
        return run(KeyCommands.BINARY.touch(keys));
    }

    @Override
    public CompletableFuture<Boolean> expire(String key, long seconds) {
        return run(KeyCommands.TEXT.expire(key, seconds));
    }

    @Override
    public CompletableFuture<Boolean> expire(GlideString key, long seconds) {
        return run(KeyCommands.BINARY.expire(key, seconds));
    }

    @Override
    public CompletableFuture<Boolean> expire(String key, long seconds, ExpireOptions expireOptions) {
        return run(KeyCommands.TEXT.expire(key, seconds, expireOptions));
    }

    @Override
    public CompletableFuture<Boolean> expire(GlideString key, long seconds, ExpireOptions expireOptions) {
        return run(KeyCommands.BINARY.expire(key, seconds, expireOptions));
    }

    @Override
    public CompletableFuture<Boolean> expireAt(String key, long unixSeconds) {
        return run(KeyCommands.TEXT.expireAt(key, unixSeconds));
    }

    @Override
    public CompletableFuture<Boolean> expireAt(GlideString key, long unixSeconds) {
        return run(KeyCommands.BINARY.expireAt(key, unixSeconds));
    }

    @Override
    public CompletableFuture<Boolean> expireAt(String key, long unixSeconds, ExpireOptions expireOptions) {
        return run(KeyCommands.TEXT.expireAt(key, unixSeconds, expireOptions));
    }

    @Override
    public CompletableFuture<Boolean> expireAt(GlideString key, long unixSeconds, ExpireOptions expireOptions) {
        return run(KeyCommands.BINARY.expireAt(key, unixSeconds, expireOptions));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long milliseconds) {
        return run(KeyCommands.TEXT.pexpire(key, milliseconds));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(GlideString key, long milliseconds) {
        return run(KeyCommands.BINARY.pexpire(key, milliseconds));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(String key, long milliseconds, ExpireOptions expireOptions) {
        return run(KeyCommands.TEXT.pexpire(key, milliseconds, expireOptions));
    }

    @Override
    public CompletableFuture<Boolean> pexpire(GlideString key, long milliseconds, ExpireOptions expireOptions) {
        return run(KeyCommands.BINARY.pexpire(key, milliseconds, expireOptions));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long unixMilliseconds) {
        return run(KeyCommands.TEXT.pexpireAt(key, unixMilliseconds));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(GlideString key, long unixMilliseconds) {
        return run(KeyCommands.BINARY.pexpireAt(key, unixMilliseconds));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(String key, long unixMilliseconds, ExpireOptions expireOptions) {
        return run(KeyCommands.TEXT.pexpireAt(key, unixMilliseconds, expireOptions));
    }

    @Override
    public CompletableFuture<Boolean> pexpireAt(GlideString key, long unixMilliseconds, ExpireOptions expireOptions) {
        return run(KeyCommands.BINARY.pexpireAt(key, unixMilliseconds, expireOptions));
    }

    @Override
    public CompletableFuture<Long> ttl(String key) {
        return run(KeyCommands.TEXT.ttl(key));
    }

    @Override
    public CompletableFuture<Long> ttl(GlideString key) {
        return run(KeyCommands.BINARY.ttl(key));
    }

    @Override
    public CompletableFuture<Long> pttl(String key) {
        return run(KeyCommands.TEXT.pttl(key));
    }

    @Override
    public CompletableFuture<Long> pttl(GlideString key) {
        return run(KeyCommands.BINARY.pttl(key));
    }

    @Override
    public CompletableFuture<Long> expiretime(String key) {
        return run(KeyCommands.TEXT.expiretime(key));
    }

    @Override
    public CompletableFuture<Long> expiretime(GlideString key) {
        return run(KeyCommands.BINARY.expiretime(key));
    }

    @Override
    public CompletableFuture<Long> pexpiretime(String key) {
        return run(KeyCommands.TEXT.pexpiretime(key));
    }

    @Override
    public CompletableFuture<Long> pexpiretime(GlideString key) {
        return run(KeyCommands.BINARY.pexpiretime(key));
    }

    @Override
    public CompletableFuture<Boolean> persist(String key) {
        return run(KeyCommands.TEXT.persist(key));
    }

    @Override
    public CompletableFuture<Boolean> persist(GlideString key) {
        return run(KeyCommands.BINARY.persist(key));
    }

    @Override
    public CompletableFuture<String> rename(String key, String newKey) {
        return run(KeyCommands.TEXT.rename(key, newKey));
    }

    @Override
    public CompletableFuture<String> rename(GlideString key, GlideString newKey) {
        return run(KeyCommands.BINARY.rename(key, newKey));
    }

    @Override
    public CompletableFuture<Boolean> renamenx(String key, String newKey) {
        return run(KeyCommands.TEXT.renamenx(key, newKey));
    }

    @Override
    public CompletableFuture<Boolean> renamenx(GlideString key, GlideString newKey) {
        return run(KeyCommands.BINARY.renamenx(key, newKey));
    }

    @Override
    public CompletableFuture<String> type(String key) {
        return run(KeyCommands.TEXT.type(key));
    }

    @Override
    public CompletableFuture<String> type(GlideString key) {
        return run(KeyCommands.BINARY.type(key));
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination) {
        return run(KeyCommands.TEXT.copy(source, destination, null, false));
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination) {
        return run(KeyCommands.BINARY.copy(source, destination, null, false));
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination, boolean replace) {
        return run(KeyCommands.TEXT.copy(source, destination, null, replace));
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination, boolean replace) {
        return run(KeyCommands.BINARY.copy(source, destination, null, replace));
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination, long destinationDB) {
        return run(KeyCommands.TEXT.copy(source, destination, destinationDB, false));
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination, long destinationDB) {
        return run(KeyCommands.BINARY.copy(source, destination, destinationDB, false));
    }

    @Override
    public CompletableFuture<Boolean> copy(String source, String destination, long destinationDB, boolean replace) {
        return run(KeyCommands.TEXT.copy(source, destination, destinationDB, replace));
    }

    @Override
    public CompletableFuture<Boolean> copy(GlideString source, GlideString destination, long destinationDB, boolean replace) {
        return run(KeyCommands.BINARY.copy(source, destination, destinationDB, replace));
    }

    @Override
    public CompletableFuture<String> objectEncoding(String key) {
        return run(KeyCommands.TEXT.objectEncoding(key));
    }

    @Override
    public CompletableFuture<String> objectEncoding(GlideString key) {
        return run(KeyCommands.BINARY.objectEncoding(key));
    }

    @Override
    public CompletableFuture<Long> objectFreq(String key) {
        return run(KeyCommands.TEXT.objectFreq(key));
    }

    @Override
    public CompletableFuture<Long> objectFreq(GlideString key) {
        return run(KeyCommands.BINARY.objectFreq(key));
    }

    @Override
    public CompletableFuture<Long> objectIdletime(String key) {
        return run(KeyCommands.TEXT.objectIdletime(key));
    }

    @Override
    public CompletableFuture<Long> objectIdletime(GlideString key) {
        return run(KeyCommands.BINARY.objectIdletime(key));
    }

    @Override
    public CompletableFuture<Long> objectRefcount(String key) {
        return run(KeyCommands.TEXT.objectRefcount(key));
    }

    @Override
    public CompletableFuture<Long> objectRefcount(GlideString key) {
        return run(KeyCommands.BINARY.objectRefcount(key));
    }

    @Override
    public CompletableFuture<Boolean> move(String key, long dbIndex) {
        return run(KeyCommands.TEXT.move(key, dbIndex));
    }

    @Override
    public CompletableFuture<Boolean> move(GlideString key, long dbIndex) {
        return run(KeyCommands.BINARY.move(key, dbIndex));
    }

    @Override
    public CompletableFuture<byte[]> dump(GlideString key) {
        return run(KeyCommands.BINARY.dump(key));
    }

    @Override
    public CompletableFuture<String> restore(GlideString key, long ttl, byte[] value) {
        return run(KeyCommands.BINARY.restore(key, ttl, value));
    }

    @Override
    public CompletableFuture<String> restore(GlideString key, long ttl, byte[] value, RestoreOptions restoreOptions) {
        return run(KeyCommands.BINARY.restore(key, ttl, value, restoreOptions));
    }

    @Override
    public CompletableFuture<Long> wait(long numreplicas, long timeout) {
        return run(KeyCommands.TEXT.wait(numreplicas, timeout));
    }

    @Override
    public CompletableFuture<String[]> sort(String key) {
        return run(KeyCommands.TEXT.sort(key));
    }

    @Override
    public CompletableFuture<GlideString[]> sort(GlideString key) {
        return run(KeyCommands.BINARY.sort(key));
    }

    @Override
    public CompletableFuture<String[]> sort(String key, SortOptions sortOptions) {
        return run(KeyCommands.TEXT.sort(key, sortOptions));
    }

    @Override
    public CompletableFuture<GlideString[]> sort(GlideString key, SortOptionsBinary sortOptions) {
        return run(KeyCommands.BINARY.sort(key, sortOptions));
    }

    @Override
    public CompletableFuture<String[]> sortReadOnly(String key) {
        return run(KeyCommands.TEXT.sortReadOnly(key));
    }

    @Override
    public CompletableFuture<GlideString[]> sortReadOnly(GlideString key) {
        return run(KeyCommands.BINARY.sortReadOnly(key));
    }

    @Override
    public CompletableFuture<String[]> sortReadOnly(String key, SortOptions sortOptions) {
        return run(KeyCommands.TEXT.sortReadOnly(key, sortOptions));
    }

    @Override
    public CompletableFuture<GlideString[]> sortReadOnly(GlideString key, SortOptionsBinary sortOptions) {
        return run(KeyCommands.BINARY.sortReadOnly(key, sortOptions));
    }

    @Override
    public CompletableFuture<Long> sortStore(String key, String destination) {
        return run(KeyCommands.TEXT.sortStore(key, destination));
    }

    @Override
    public CompletableFuture<Long> sortStore(GlideString key, GlideString destination) {
        return run(KeyCommands.BINARY.sortStore(key, destination));
    }

    @Override
    public CompletableFuture<Long> sortStore(String key, String destination, SortOptions sortOptions) {
        return run(KeyCommands.TEXT.sortStore(key, destination, sortOptions));
    }

    @Override
    public CompletableFuture<Long> sortStore(GlideString key, GlideString destination, SortOptionsBinary sortOptions) {
        return run(KeyCommands.BINARY.sortStore(key, destination, sortOptions));
    }

    @Override
    public CompletableFuture<String> migrate(String host, long port, String key, long destinationDB, long timeout) {
        return run(KeyCommands.TEXT.migrate(host, port, key, destinationDB, timeout));
    }

    @Override
    public CompletableFuture<String> migrate(String host, long port, GlideString key, long destinationDB, long timeout) {
        return run(KeyCommands.BINARY.migrate(host, port, key, destinationDB, timeout));
    }

    @Override
    public CompletableFuture<String> migrate(String host, long port, String key, long destinationDB, long timeout, MigrateOptions migrateOptions) {
        return run(KeyCommands.TEXT.migrate(host, port, key, destinationDB, timeout, migrateOptions));
    }

    @Override
    public CompletableFuture<String> migrate(String host, long port, GlideString key, long destinationDB, long timeout, MigrateOptions migrateOptions) {
        return run(KeyCommands.BINARY.migrate(host, port, key, destinationDB, timeout, migrateOptions));
    }

    @Override
    public CompletableFuture<Long[]> waitaof(long numOfLocal, long numOfReplicas, long timeout) {
        return run(KeyCommands.TEXT.waitaof(numOfLocal, numOfReplicas, timeout));
    }

    // (end of generic)

    // ---- strings: each command is defined once, in glide.internal.commands.StringCommands ----

    @Override
    public CompletableFuture<String> get(String key) {
        return run(StringCommands.TEXT.get(key));
    }

    @Override
    public CompletableFuture<GlideString> get(GlideString key) {
        return run(StringCommands.BINARY.get(key));
    }

    @Override
    public CompletableFuture<String> set(String key, String value) {
        return run(StringCommands.TEXT.set(key, value));
    }

    @Override
    public CompletableFuture<String> set(GlideString key, GlideString value) {
        return run(StringCommands.BINARY.set(key, value));
    }

    @Override
    public CompletableFuture<String> set(String key, String value, SetOptions options) {
        return run(StringCommands.TEXT.set(key, value, options));
    }

    @Override
    public CompletableFuture<String> set(GlideString key, GlideString value, SetOptions options) {
        return run(StringCommands.BINARY.set(key, value, options));
    }

    @Override
    public CompletableFuture<String[]> mget(String[] keys) {
        return run(StringCommands.TEXT.mget(keys));
    }

    @Override
    public CompletableFuture<GlideString[]> mget(GlideString[] keys) {
        return run(StringCommands.BINARY.mget(keys));
    }

    @Override
    public CompletableFuture<String> mset(Map<String, String> keyValueMap) {
        return run(StringCommands.TEXT.mset(keyValueMap));
    }

    @Override
    public CompletableFuture<String> msetBinary(Map<GlideString, GlideString> keyValueMap) {
        return run(StringCommands.BINARY.mset(keyValueMap));
    }

    @Override
    public CompletableFuture<Long> incr(String key) {
        return run(StringCommands.TEXT.incr(key));
    }

    @Override
    public CompletableFuture<Long> incr(GlideString key) {
        return run(StringCommands.BINARY.incr(key));
    }

    @Override
    public CompletableFuture<Long> incrBy(String key, long amount) {
        return run(StringCommands.TEXT.incrBy(key, amount));
    }

    @Override
    public CompletableFuture<Long> incrBy(GlideString key, long amount) {
        return run(StringCommands.BINARY.incrBy(key, amount));
    }

    @Override
    public CompletableFuture<String> getdel(String key) {
        return run(StringCommands.TEXT.getdel(key));
    }

    @Override
    public CompletableFuture<GlideString> getdel(GlideString key) {
        return run(StringCommands.BINARY.getdel(key));
    }

    @Override
    public CompletableFuture<String> getex(String key) {
        return run(StringCommands.TEXT.getex(key));
    }

    @Override
    public CompletableFuture<GlideString> getex(GlideString key) {
        return run(StringCommands.BINARY.getex(key));
    }

    @Override
    public CompletableFuture<String> getex(String key, GetExOptions options) {
        return run(StringCommands.TEXT.getex(key, options));
    }

    @Override
    public CompletableFuture<GlideString> getex(GlideString key, GetExOptions options) {
        return run(StringCommands.BINARY.getex(key, options));
    }

    @Override
    public CompletableFuture<Boolean> msetnx(Map<String, String> keyValueMap) {
        return run(StringCommands.TEXT.msetnx(keyValueMap));
    }

    @Override
    public CompletableFuture<Boolean> msetnxBinary(Map<GlideString, GlideString> keyValueMap) {
        return run(StringCommands.BINARY.msetnx(keyValueMap));
    }

    @Override
    public CompletableFuture<Double> incrByFloat(String key, double amount) {
        return run(StringCommands.TEXT.incrByFloat(key, amount));
    }

    @Override
    public CompletableFuture<Double> incrByFloat(GlideString key, double amount) {
        return run(StringCommands.BINARY.incrByFloat(key, amount));
    }

    @Override
    public CompletableFuture<Long> decr(String key) {
        return run(StringCommands.TEXT.decr(key));
    }

    @Override
    public CompletableFuture<Long> decr(GlideString key) {
        return run(StringCommands.BINARY.decr(key));
    }

    @Override
    public CompletableFuture<Long> decrBy(String key, long amount) {
        return run(StringCommands.TEXT.decrBy(key, amount));
    }

    @Override
    public CompletableFuture<Long> decrBy(GlideString key, long amount) {
        return run(StringCommands.BINARY.decrBy(key, amount));
    }

    @Override
    public CompletableFuture<Long> strlen(String key) {
        return run(StringCommands.TEXT.strlen(key));
    }

    @Override
    public CompletableFuture<Long> strlen(GlideString key) {
        return run(StringCommands.BINARY.strlen(key));
    }

    @Override
    public CompletableFuture<Long> setrange(String key, int offset, String value) {
        return run(StringCommands.TEXT.setrange(key, offset, value));
    }

    @Override
    public CompletableFuture<Long> setrange(GlideString key, int offset, GlideString value) {
        return run(StringCommands.BINARY.setrange(key, offset, value));
    }

    @Override
    public CompletableFuture<String> getrange(String key, int start, int end) {
        return run(StringCommands.TEXT.getrange(key, start, end));
    }

    @Override
    public CompletableFuture<GlideString> getrange(GlideString key, int start, int end) {
        return run(StringCommands.BINARY.getrange(key, start, end));
    }

    @Override
    public CompletableFuture<Long> append(String key, String value) {
        return run(StringCommands.TEXT.append(key, value));
    }

    @Override
    public CompletableFuture<Long> append(GlideString key, GlideString value) {
        return run(StringCommands.BINARY.append(key, value));
    }

    @Override
    public CompletableFuture<String> lcs(String key1, String key2) {
        return run(StringCommands.TEXT.lcs(key1, key2));
    }

    @Override
    public CompletableFuture<GlideString> lcs(GlideString key1, GlideString key2) {
        return run(StringCommands.BINARY.lcs(key1, key2));
    }

    @Override
    public CompletableFuture<Long> lcsLen(String key1, String key2) {
        return run(StringCommands.TEXT.lcsLen(key1, key2));
    }

    @Override
    public CompletableFuture<Long> lcsLen(GlideString key1, GlideString key2) {
        return run(StringCommands.BINARY.lcsLen(key1, key2));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdx(String key1, String key2) {
        return run(StringCommands.TEXT.lcsIdx(key1, key2, null, false));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdx(GlideString key1, GlideString key2) {
        return run(StringCommands.BINARY.lcsIdx(key1, key2, null, false));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdx(String key1, String key2, long minMatchLen) {
        return run(StringCommands.TEXT.lcsIdx(key1, key2, minMatchLen, false));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdx(GlideString key1, GlideString key2, long minMatchLen) {
        return run(StringCommands.BINARY.lcsIdx(key1, key2, minMatchLen, false));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(String key1, String key2) {
        return run(StringCommands.TEXT.lcsIdx(key1, key2, null, true));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(GlideString key1, GlideString key2) {
        return run(StringCommands.BINARY.lcsIdx(key1, key2, null, true));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(String key1, String key2, long minMatchLen) {
        return run(StringCommands.TEXT.lcsIdx(key1, key2, minMatchLen, true));
    }

    @Override
    public CompletableFuture<Map<String, Object>> lcsIdxWithMatchLen(GlideString key1, GlideString key2, long minMatchLen) {
        return run(StringCommands.BINARY.lcsIdx(key1, key2, minMatchLen, true));
    }

    // (end of strings)

    // ---- hashes: each command is defined once, in glide.internal.commands.HashCommands ----

    @Override
    public CompletableFuture<String> hget(String key, String field) {
        return run(HashCommands.TEXT.hget(key, field));
    }

    @Override
    public CompletableFuture<GlideString> hget(GlideString key, GlideString field) {
        return run(HashCommands.BINARY.hget(key, field));
    }

    @Override
    public CompletableFuture<Long> hset(String key, Map<String, String> fieldValueMap) {
        return run(HashCommands.TEXT.hset(key, fieldValueMap));
    }

    @Override
    public CompletableFuture<Long> hset(GlideString key, Map<GlideString, GlideString> fieldValueMap) {
        return run(HashCommands.BINARY.hset(key, fieldValueMap));
    }

    @Override
    public CompletableFuture<Map<String, String>> hgetall(String key) {
        return run(HashCommands.TEXT.hgetall(key));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString>> hgetall(GlideString key) {
        return run(HashCommands.BINARY.hgetall(key));
    }

    @Override
    public CompletableFuture<Boolean> hsetnx(String key, String field, String value) {
        return run(HashCommands.TEXT.hsetnx(key, field, value));
    }

    @Override
    public CompletableFuture<Boolean> hsetnx(GlideString key, GlideString field, GlideString value) {
        return run(HashCommands.BINARY.hsetnx(key, field, value));
    }

    @Override
    public CompletableFuture<Long> hdel(String key, String[] fields) {
        return run(HashCommands.TEXT.hdel(key, fields));
    }

    @Override
    public CompletableFuture<Long> hdel(GlideString key, GlideString[] fields) {
        return run(HashCommands.BINARY.hdel(key, fields));
    }

    @Override
    public CompletableFuture<Long> hlen(String key) {
        return run(HashCommands.TEXT.hlen(key));
    }

    @Override
    public CompletableFuture<Long> hlen(GlideString key) {
        return run(HashCommands.BINARY.hlen(key));
    }

    @Override
    public CompletableFuture<String[]> hvals(String key) {
        return run(HashCommands.TEXT.hvals(key));
    }

    @Override
    public CompletableFuture<GlideString[]> hvals(GlideString key) {
        return run(HashCommands.BINARY.hvals(key));
    }

    @Override
    public CompletableFuture<String[]> hmget(String key, String[] fields) {
        return run(HashCommands.TEXT.hmget(key, fields));
    }

    @Override
    public CompletableFuture<GlideString[]> hmget(GlideString key, GlideString[] fields) {
        return run(HashCommands.BINARY.hmget(key, fields));
    }

    @Override
    public CompletableFuture<Boolean> hexists(String key, String field) {
        return run(HashCommands.TEXT.hexists(key, field));
    }

    @Override
    public CompletableFuture<Boolean> hexists(GlideString key, GlideString field) {
        return run(HashCommands.BINARY.hexists(key, field));
    }

    @Override
    public CompletableFuture<Long> hincrBy(String key, String field, long amount) {
        return run(HashCommands.TEXT.hincrBy(key, field, amount));
    }

    @Override
    public CompletableFuture<Long> hincrBy(GlideString key, GlideString field, long amount) {
        return run(HashCommands.BINARY.hincrBy(key, field, amount));
    }

    @Override
    public CompletableFuture<Double> hincrByFloat(String key, String field, double amount) {
        return run(HashCommands.TEXT.hincrByFloat(key, field, amount));
    }

    @Override
    public CompletableFuture<Double> hincrByFloat(GlideString key, GlideString field, double amount) {
        return run(HashCommands.BINARY.hincrByFloat(key, field, amount));
    }

    @Override
    public CompletableFuture<String[]> hkeys(String key) {
        return run(HashCommands.TEXT.hkeys(key));
    }

    @Override
    public CompletableFuture<GlideString[]> hkeys(GlideString key) {
        return run(HashCommands.BINARY.hkeys(key));
    }

    @Override
    public CompletableFuture<Long> hstrlen(String key, String field) {
        return run(HashCommands.TEXT.hstrlen(key, field));
    }

    @Override
    public CompletableFuture<Long> hstrlen(GlideString key, GlideString field) {
        return run(HashCommands.BINARY.hstrlen(key, field));
    }

    @Override
    public CompletableFuture<String> hrandfield(String key) {
        return run(HashCommands.TEXT.hrandfield(key));
    }

    @Override
    public CompletableFuture<GlideString> hrandfield(GlideString key) {
        return run(HashCommands.BINARY.hrandfield(key));
    }

    @Override
    public CompletableFuture<String[]> hrandfieldWithCount(String key, long count) {
        return run(HashCommands.TEXT.hrandfieldWithCount(key, count));
    }

    @Override
    public CompletableFuture<GlideString[]> hrandfieldWithCount(GlideString key, long count) {
        return run(HashCommands.BINARY.hrandfieldWithCount(key, count));
    }

    @Override
    public CompletableFuture<String[][]> hrandfieldWithCountWithValues(String key, long count) {
        return run(HashCommands.TEXT.hrandfieldWithCountWithValues(key, count));
    }

    @Override
    public CompletableFuture<GlideString[][]> hrandfieldWithCountWithValues(GlideString key, long count) {
        return run(HashCommands.BINARY.hrandfieldWithCountWithValues(key, count));
    }

    @Override
    public CompletableFuture<Object[]> hscan(String key, String cursor) {
        return run(HashCommands.TEXT.hscan(key, cursor));
    }

    @Override
    public CompletableFuture<Object[]> hscan(GlideString key, GlideString cursor) {
        return run(HashCommands.BINARY.hscan(key, cursor));
    }

    @Override
    public CompletableFuture<Object[]> hscan(String key, String cursor, HScanOptions hScanOptions) {
        return run(HashCommands.TEXT.hscan(key, cursor, hScanOptions));
    }

    @Override
    public CompletableFuture<Object[]> hscan(GlideString key, GlideString cursor, HScanOptionsBinary hScanOptions) {
        return run(HashCommands.BINARY.hscan(key, cursor, hScanOptions));
    }

    @Override
    public CompletableFuture<Long> hsetex(String key, Map<String, String> fieldValueMap, HSetExOptions options) {
        return run(HashCommands.TEXT.hsetex(key, fieldValueMap, options));
    }

    @Override
    public CompletableFuture<Long> hsetex(
            GlideString key, Map<GlideString, GlideString> fieldValueMap, HSetExOptions options) {
        return run(HashCommands.BINARY.hsetex(key, fieldValueMap, options));
    }

    @Override
    public CompletableFuture<String[]> hgetex(String key, String[] fields, HGetExOptions options) {
        return run(HashCommands.TEXT.hgetex(key, fields, options));
    }

    @Override
    public CompletableFuture<GlideString[]> hgetex(GlideString key, GlideString[] fields, HGetExOptions options) {
        return run(HashCommands.BINARY.hgetex(key, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hexpire(
            String key, long seconds, String[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.TEXT.hexpire(key, seconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hexpire(
            GlideString key, long seconds, GlideString[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.BINARY.hexpire(key, seconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hpexpire(
            String key, long milliseconds, String[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.TEXT.hpexpire(key, milliseconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hpexpire(
            GlideString key, long milliseconds, GlideString[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.BINARY.hpexpire(key, milliseconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hexpireat(
            String key, long unixSeconds, String[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.TEXT.hexpireat(key, unixSeconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hexpireat(
            GlideString key, long unixSeconds, GlideString[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.BINARY.hexpireat(key, unixSeconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hpexpireat(
            String key, long unixMilliseconds, String[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.TEXT.hpexpireat(key, unixMilliseconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hpexpireat(
            GlideString key, long unixMilliseconds, GlideString[] fields, HashFieldExpirationConditionOptions options) {
        return run(HashCommands.BINARY.hpexpireat(key, unixMilliseconds, fields, options));
    }

    @Override
    public CompletableFuture<Long[]> hpersist(String key, String[] fields) {
        return run(HashCommands.TEXT.hpersist(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> hpersist(GlideString key, GlideString[] fields) {
        return run(HashCommands.BINARY.hpersist(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> httl(String key, String[] fields) {
        return run(HashCommands.TEXT.httl(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> httl(GlideString key, GlideString[] fields) {
        return run(HashCommands.BINARY.httl(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> hpttl(String key, String[] fields) {
        return run(HashCommands.TEXT.hpttl(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> hpttl(GlideString key, GlideString[] fields) {
        return run(HashCommands.BINARY.hpttl(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> hexpiretime(String key, String[] fields) {
        return run(HashCommands.TEXT.hexpiretime(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> hexpiretime(GlideString key, GlideString[] fields) {
        return run(HashCommands.BINARY.hexpiretime(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> hpexpiretime(String key, String[] fields) {
        return run(HashCommands.TEXT.hpexpiretime(key, fields));
    }

    @Override
    public CompletableFuture<Long[]> hpexpiretime(GlideString key, GlideString[] fields) {
        return run(HashCommands.BINARY.hpexpiretime(key, fields));
    }

    // (end of hashes)

    // ---- lists: each command is defined once, in glide.internal.commands.ListCommands ----

    @Override
    public CompletableFuture<Long> lpush(String key, String[] elements) {
        return run(ListCommands.TEXT.lpush(key, elements));
    }

    @Override
    public CompletableFuture<Long> lpush(GlideString key, GlideString[] elements) {
        return run(ListCommands.BINARY.lpush(key, elements));
    }

    @Override
    public CompletableFuture<Long> lpushx(String key, String[] elements) {
        return run(ListCommands.TEXT.lpushx(key, elements));
    }

    @Override
    public CompletableFuture<Long> lpushx(GlideString key, GlideString[] elements) {
        return run(ListCommands.BINARY.lpushx(key, elements));
    }

    @Override
    public CompletableFuture<Long> rpush(String key, String[] elements) {
        return run(ListCommands.TEXT.rpush(key, elements));
    }

    @Override
    public CompletableFuture<Long> rpush(GlideString key, GlideString[] elements) {
        return run(ListCommands.BINARY.rpush(key, elements));
    }

    @Override
    public CompletableFuture<Long> rpushx(String key, String[] elements) {
        return run(ListCommands.TEXT.rpushx(key, elements));
    }

    @Override
    public CompletableFuture<Long> rpushx(GlideString key, GlideString[] elements) {
        return run(ListCommands.BINARY.rpushx(key, elements));
    }

    @Override
    public CompletableFuture<String[]> lrange(String key, long start, long end) {
        return run(ListCommands.TEXT.lrange(key, start, end));
    }

    @Override
    public CompletableFuture<GlideString[]> lrange(GlideString key, long start, long end) {
        return run(ListCommands.BINARY.lrange(key, start, end));
    }

    @Override
    public CompletableFuture<String> lpop(String key) {
        return run(ListCommands.TEXT.lpop(key));
    }

    @Override
    public CompletableFuture<GlideString> lpop(GlideString key) {
        return run(ListCommands.BINARY.lpop(key));
    }

    @Override
    public CompletableFuture<String[]> lpopCount(String key, long count) {
        return run(ListCommands.TEXT.lpopCount(key, count));
    }

    @Override
    public CompletableFuture<GlideString[]> lpopCount(GlideString key, long count) {
        return run(ListCommands.BINARY.lpopCount(key, count));
    }

    @Override
    public CompletableFuture<String> rpop(String key) {
        return run(ListCommands.TEXT.rpop(key));
    }

    @Override
    public CompletableFuture<GlideString> rpop(GlideString key) {
        return run(ListCommands.BINARY.rpop(key));
    }

    @Override
    public CompletableFuture<String[]> rpopCount(String key, long count) {
        return run(ListCommands.TEXT.rpopCount(key, count));
    }

    @Override
    public CompletableFuture<GlideString[]> rpopCount(GlideString key, long count) {
        return run(ListCommands.BINARY.rpopCount(key, count));
    }

    @Override
    public CompletableFuture<Long> lpos(String key, String element) {
        return run(ListCommands.TEXT.lpos(key, element));
    }

    @Override
    public CompletableFuture<Long> lpos(GlideString key, GlideString element) {
        return run(ListCommands.BINARY.lpos(key, element));
    }

    @Override
    public CompletableFuture<Long> lpos(String key, String element, LPosOptions options) {
        return run(ListCommands.TEXT.lpos(key, element, options));
    }

    @Override
    public CompletableFuture<Long> lpos(GlideString key, GlideString element, LPosOptions options) {
        return run(ListCommands.BINARY.lpos(key, element, options));
    }

    @Override
    public CompletableFuture<Long[]> lposCount(String key, String element, long count) {
        return run(ListCommands.TEXT.lposCount(key, element, count));
    }

    @Override
    public CompletableFuture<Long[]> lposCount(GlideString key, GlideString element, long count) {
        return run(ListCommands.BINARY.lposCount(key, element, count));
    }

    @Override
    public CompletableFuture<Long[]> lposCount(String key, String element, long count, LPosOptions options) {
        return run(ListCommands.TEXT.lposCount(key, element, count, options));
    }

    @Override
    public CompletableFuture<Long[]> lposCount(GlideString key, GlideString element, long count, LPosOptions options) {
        return run(ListCommands.BINARY.lposCount(key, element, count, options));
    }

    @Override
    public CompletableFuture<String> lindex(String key, long index) {
        return run(ListCommands.TEXT.lindex(key, index));
    }

    @Override
    public CompletableFuture<GlideString> lindex(GlideString key, long index) {
        return run(ListCommands.BINARY.lindex(key, index));
    }

    @Override
    public CompletableFuture<String> ltrim(String key, long start, long end) {
        return run(ListCommands.TEXT.ltrim(key, start, end));
    }

    @Override
    public CompletableFuture<String> ltrim(GlideString key, long start, long end) {
        return run(ListCommands.BINARY.ltrim(key, start, end));
    }

    @Override
    public CompletableFuture<Long> llen(String key) {
        return run(ListCommands.TEXT.llen(key));
    }

    @Override
    public CompletableFuture<Long> llen(GlideString key) {
        return run(ListCommands.BINARY.llen(key));
    }

    @Override
    public CompletableFuture<Long> lrem(String key, long count, String element) {
        return run(ListCommands.TEXT.lrem(key, count, element));
    }

    @Override
    public CompletableFuture<Long> lrem(GlideString key, long count, GlideString element) {
        return run(ListCommands.BINARY.lrem(key, count, element));
    }

    @Override
    public CompletableFuture<Long> linsert(String key, InsertPosition position, String pivot, String element) {
        return run(ListCommands.TEXT.linsert(key, position, pivot, element));
    }

    @Override
    public CompletableFuture<Long> linsert(
            GlideString key, InsertPosition position, GlideString pivot, GlideString element) {
        return run(ListCommands.BINARY.linsert(key, position, pivot, element));
    }

    @Override
    public CompletableFuture<String> lset(String key, long index, String element) {
        return run(ListCommands.TEXT.lset(key, index, element));
    }

    @Override
    public CompletableFuture<String> lset(GlideString key, long index, GlideString element) {
        return run(ListCommands.BINARY.lset(key, index, element));
    }

    @Override
    public CompletableFuture<String> lmove(
            String source, String destination, ListDirection wherefrom, ListDirection whereto) {
        return run(ListCommands.TEXT.lmove(source, destination, wherefrom, whereto));
    }

    @Override
    public CompletableFuture<GlideString> lmove(
            GlideString source, GlideString destination, ListDirection wherefrom, ListDirection whereto) {
        return run(ListCommands.BINARY.lmove(source, destination, wherefrom, whereto));
    }

    @Override
    public CompletableFuture<String> blmove(
            String source, String destination, ListDirection wherefrom, ListDirection whereto, double timeout) {
        return run(ListCommands.TEXT.blmove(source, destination, wherefrom, whereto, timeout));
    }

    @Override
    public CompletableFuture<GlideString> blmove(
            GlideString source,
            GlideString destination,
            ListDirection wherefrom,
            ListDirection whereto,
            double timeout) {
        return run(ListCommands.BINARY.blmove(source, destination, wherefrom, whereto, timeout));
    }

    @Override
    public CompletableFuture<String[]> blpop(String[] keys, double timeout) {
        return run(ListCommands.TEXT.blpop(keys, timeout));
    }

    @Override
    public CompletableFuture<GlideString[]> blpop(GlideString[] keys, double timeout) {
        return run(ListCommands.BINARY.blpop(keys, timeout));
    }

    @Override
    public CompletableFuture<String[]> brpop(String[] keys, double timeout) {
        return run(ListCommands.TEXT.brpop(keys, timeout));
    }

    @Override
    public CompletableFuture<GlideString[]> brpop(GlideString[] keys, double timeout) {
        return run(ListCommands.BINARY.brpop(keys, timeout));
    }

    @Override
    public CompletableFuture<Map<String, String[]>> lmpop(String[] keys, ListDirection direction, long count) {
        return run(ListCommands.TEXT.lmpop(keys, direction, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[]>> lmpop(
            GlideString[] keys, ListDirection direction, long count) {
        return run(ListCommands.BINARY.lmpop(keys, direction, count));
    }

    @Override
    public CompletableFuture<Map<String, String[]>> lmpop(String[] keys, ListDirection direction) {
        return run(ListCommands.TEXT.lmpop(keys, direction, null));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[]>> lmpop(GlideString[] keys, ListDirection direction) {
        return run(ListCommands.BINARY.lmpop(keys, direction, null));
    }

    @Override
    public CompletableFuture<Map<String, String[]>> blmpop(
            String[] keys, ListDirection direction, long count, double timeout) {
        return run(ListCommands.TEXT.blmpop(keys, direction, count, timeout));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[]>> blmpop(
            GlideString[] keys, ListDirection direction, long count, double timeout) {
        return run(ListCommands.BINARY.blmpop(keys, direction, count, timeout));
    }

    @Override
    public CompletableFuture<Map<String, String[]>> blmpop(String[] keys, ListDirection direction, double timeout) {
        return run(ListCommands.TEXT.blmpop(keys, direction, null, timeout));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[]>> blmpop(
            GlideString[] keys, ListDirection direction, double timeout) {
        return run(ListCommands.BINARY.blmpop(keys, direction, null, timeout));
    }

    // (end of lists)

    // ---- sets: each command is defined once, in glide.internal.commands.SetCommands ----

    @Override
    public CompletableFuture<Long> sadd(String key, String[] members) {
        return run(SetCommands.TEXT.sadd(key, members));
    }

    @Override
    public CompletableFuture<Long> sadd(GlideString key, GlideString[] members) {
        return run(SetCommands.BINARY.sadd(key, members));
    }

    @Override
    public CompletableFuture<Long> srem(String key, String[] members) {
        return run(SetCommands.TEXT.srem(key, members));
    }

    @Override
    public CompletableFuture<Long> srem(GlideString key, GlideString[] members) {
        return run(SetCommands.BINARY.srem(key, members));
    }

    @Override
    public CompletableFuture<Set<String>> smembers(String key) {
        return run(SetCommands.TEXT.smembers(key));
    }

    @Override
    public CompletableFuture<Set<GlideString>> smembers(GlideString key) {
        return run(SetCommands.BINARY.smembers(key));
    }

    @Override
    public CompletableFuture<Long> scard(String key) {
        return run(SetCommands.TEXT.scard(key));
    }

    @Override
    public CompletableFuture<Long> scard(GlideString key) {
        return run(SetCommands.BINARY.scard(key));
    }

    @Override
    public CompletableFuture<Boolean[]> smismember(String key, String[] members) {
        return run(SetCommands.TEXT.smismember(key, members));
    }

    @Override
    public CompletableFuture<Boolean[]> smismember(GlideString key, GlideString[] members) {
        return run(SetCommands.BINARY.smismember(key, members));
    }

    @Override
    public CompletableFuture<Boolean> smove(String source, String destination, String member) {
        return run(SetCommands.TEXT.smove(source, destination, member));
    }

    @Override
    public CompletableFuture<Boolean> smove(GlideString source, GlideString destination, GlideString member) {
        return run(SetCommands.BINARY.smove(source, destination, member));
    }

    @Override
    public CompletableFuture<Boolean> sismember(String key, String member) {
        return run(SetCommands.TEXT.sismember(key, member));
    }

    @Override
    public CompletableFuture<Boolean> sismember(GlideString key, GlideString member) {
        return run(SetCommands.BINARY.sismember(key, member));
    }

    @Override
    public CompletableFuture<Set<String>> sdiff(String[] keys) {
        return run(SetCommands.TEXT.sdiff(keys));
    }

    @Override
    public CompletableFuture<Set<GlideString>> sdiff(GlideString[] keys) {
        return run(SetCommands.BINARY.sdiff(keys));
    }

    @Override
    public CompletableFuture<Long> sdiffstore(String destination, String[] keys) {
        return run(SetCommands.TEXT.sdiffstore(destination, keys));
    }

    @Override
    public CompletableFuture<Long> sdiffstore(GlideString destination, GlideString[] keys) {
        return run(SetCommands.BINARY.sdiffstore(destination, keys));
    }

    @Override
    public CompletableFuture<Set<String>> sinter(String[] keys) {
        return run(SetCommands.TEXT.sinter(keys));
    }

    @Override
    public CompletableFuture<Set<GlideString>> sinter(GlideString[] keys) {
        return run(SetCommands.BINARY.sinter(keys));
    }

    @Override
    public CompletableFuture<Long> sintercard(String[] keys) {
        return run(SetCommands.TEXT.sintercard(keys, null));
    }

    @Override
    public CompletableFuture<Long> sintercard(GlideString[] keys) {
        return run(SetCommands.BINARY.sintercard(keys, null));
    }

    @Override
    public CompletableFuture<Long> sintercard(String[] keys, long limit) {
        return run(SetCommands.TEXT.sintercard(keys, limit));
    }

    @Override
    public CompletableFuture<Long> sintercard(GlideString[] keys, long limit) {
        return run(SetCommands.BINARY.sintercard(keys, limit));
    }

    @Override
    public CompletableFuture<Long> sinterstore(String destination, String[] keys) {
        return run(SetCommands.TEXT.sinterstore(destination, keys));
    }

    @Override
    public CompletableFuture<Long> sinterstore(GlideString destination, GlideString[] keys) {
        return run(SetCommands.BINARY.sinterstore(destination, keys));
    }

    @Override
    public CompletableFuture<Long> sunionstore(String destination, String[] keys) {
        return run(SetCommands.TEXT.sunionstore(destination, keys));
    }

    @Override
    public CompletableFuture<Long> sunionstore(GlideString destination, GlideString[] keys) {
        return run(SetCommands.BINARY.sunionstore(destination, keys));
    }

    @Override
    public CompletableFuture<String> srandmember(String key) {
        return run(SetCommands.TEXT.srandmember(key));
    }

    @Override
    public CompletableFuture<GlideString> srandmember(GlideString key) {
        return run(SetCommands.BINARY.srandmember(key));
    }

    @Override
    public CompletableFuture<String[]> srandmember(String key, long count) {
        return run(SetCommands.TEXT.srandmember(key, count));
    }

    @Override
    public CompletableFuture<GlideString[]> srandmember(GlideString key, long count) {
        return run(SetCommands.BINARY.srandmember(key, count));
    }

    @Override
    public CompletableFuture<String> spop(String key) {
        return run(SetCommands.TEXT.spop(key));
    }

    @Override
    public CompletableFuture<GlideString> spop(GlideString key) {
        return run(SetCommands.BINARY.spop(key));
    }

    @Override
    public CompletableFuture<Set<String>> spopCount(String key, long count) {
        return run(SetCommands.TEXT.spopCount(key, count));
    }

    @Override
    public CompletableFuture<Set<GlideString>> spopCount(GlideString key, long count) {
        return run(SetCommands.BINARY.spopCount(key, count));
    }

    @Override
    public CompletableFuture<Set<String>> sunion(String[] keys) {
        return run(SetCommands.TEXT.sunion(keys));
    }

    @Override
    public CompletableFuture<Set<GlideString>> sunion(GlideString[] keys) {
        return run(SetCommands.BINARY.sunion(keys));
    }

    @Override
    public CompletableFuture<Object[]> sscan(String key, String cursor) {
        return run(SetCommands.TEXT.sscan(key, cursor));
    }

    @Override
    public CompletableFuture<Object[]> sscan(GlideString key, GlideString cursor) {
        return run(SetCommands.BINARY.sscan(key, cursor));
    }

    @Override
    public CompletableFuture<Object[]> sscan(String key, String cursor, SScanOptions sScanOptions) {
        return run(SetCommands.TEXT.sscan(key, cursor, sScanOptions));
    }

    @Override
    public CompletableFuture<Object[]> sscan(GlideString key, GlideString cursor, SScanOptionsBinary sScanOptions) {
        return run(SetCommands.BINARY.sscan(key, cursor, sScanOptions));
    }

    // (end of sets)

    // ---- sorted sets: each command is defined once, in glide.internal.commands.SortedSetCommands ----

    @Override
    public CompletableFuture<Long> zadd(
            String key, Map<String, Double> membersScoresMap, ZAddOptions options, boolean changed) {
        return run(SortedSetCommands.TEXT.zadd(key, membersScoresMap, options, changed));
    }

    @Override
    public CompletableFuture<Long> zadd(
            GlideString key, Map<GlideString, Double> membersScoresMap, ZAddOptions options, boolean changed) {
        return run(SortedSetCommands.BINARY.zadd(key, membersScoresMap, options, changed));
    }

    @Override
    public CompletableFuture<Long> zadd(String key, Map<String, Double> membersScoresMap, ZAddOptions options) {
        return run(SortedSetCommands.TEXT.zadd(key, membersScoresMap, options, false));
    }

    @Override
    public CompletableFuture<Long> zadd(
            GlideString key, Map<GlideString, Double> membersScoresMap, ZAddOptions options) {
        return run(SortedSetCommands.BINARY.zadd(key, membersScoresMap, options, false));
    }

    @Override
    public CompletableFuture<Long> zadd(String key, Map<String, Double> membersScoresMap, boolean changed) {
        return run(SortedSetCommands.TEXT.zadd(key, membersScoresMap, null, changed));
    }

    @Override
    public CompletableFuture<Long> zadd(GlideString key, Map<GlideString, Double> membersScoresMap, boolean changed) {
        return run(SortedSetCommands.BINARY.zadd(key, membersScoresMap, null, changed));
    }

    @Override
    public CompletableFuture<Long> zadd(String key, Map<String, Double> membersScoresMap) {
        return run(SortedSetCommands.TEXT.zadd(key, membersScoresMap, null, false));
    }

    @Override
    public CompletableFuture<Long> zadd(GlideString key, Map<GlideString, Double> membersScoresMap) {
        return run(SortedSetCommands.BINARY.zadd(key, membersScoresMap, null, false));
    }

    @Override
    public CompletableFuture<Double> zaddIncr(String key, String member, double increment, ZAddOptions options) {
        return run(SortedSetCommands.TEXT.zaddIncr(key, member, increment, options));
    }

    @Override
    public CompletableFuture<Double> zaddIncr(
            GlideString key, GlideString member, double increment, ZAddOptions options) {
        return run(SortedSetCommands.BINARY.zaddIncr(key, member, increment, options));
    }

    @Override
    public CompletableFuture<Double> zaddIncr(String key, String member, double increment) {
        return run(SortedSetCommands.TEXT.zaddIncr(key, member, increment, null));
    }

    @Override
    public CompletableFuture<Double> zaddIncr(GlideString key, GlideString member, double increment) {
        return run(SortedSetCommands.BINARY.zaddIncr(key, member, increment, null));
    }

    @Override
    public CompletableFuture<Long> zrem(String key, String[] members) {
        return run(SortedSetCommands.TEXT.zrem(key, members));
    }

    @Override
    public CompletableFuture<Long> zrem(GlideString key, GlideString[] members) {
        return run(SortedSetCommands.BINARY.zrem(key, members));
    }

    @Override
    public CompletableFuture<Long> zcard(String key) {
        return run(SortedSetCommands.TEXT.zcard(key));
    }

    @Override
    public CompletableFuture<Long> zcard(GlideString key) {
        return run(SortedSetCommands.BINARY.zcard(key));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zpopmin(String key, long count) {
        return run(SortedSetCommands.TEXT.zpopmin(key, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zpopmin(GlideString key, long count) {
        return run(SortedSetCommands.BINARY.zpopmin(key, count));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zpopmin(String key) {
        return run(SortedSetCommands.TEXT.zpopmin(key));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zpopmin(GlideString key) {
        return run(SortedSetCommands.BINARY.zpopmin(key));
    }

    @Override
    public CompletableFuture<Object[]> bzpopmin(String[] keys, double timeout) {
        return run(SortedSetCommands.TEXT.bzpopmin(keys, timeout));
    }

    @Override
    public CompletableFuture<Object[]> bzpopmin(GlideString[] keys, double timeout) {
        return run(SortedSetCommands.BINARY.bzpopmin(keys, timeout));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zpopmax(String key, long count) {
        return run(SortedSetCommands.TEXT.zpopmax(key, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zpopmax(GlideString key, long count) {
        return run(SortedSetCommands.BINARY.zpopmax(key, count));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zpopmax(String key) {
        return run(SortedSetCommands.TEXT.zpopmax(key));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zpopmax(GlideString key) {
        return run(SortedSetCommands.BINARY.zpopmax(key));
    }

    @Override
    public CompletableFuture<Object[]> bzpopmax(String[] keys, double timeout) {
        return run(SortedSetCommands.TEXT.bzpopmax(keys, timeout));
    }

    @Override
    public CompletableFuture<Object[]> bzpopmax(GlideString[] keys, double timeout) {
        return run(SortedSetCommands.BINARY.bzpopmax(keys, timeout));
    }

    @Override
    public CompletableFuture<Double> zscore(String key, String member) {
        return run(SortedSetCommands.TEXT.zscore(key, member));
    }

    @Override
    public CompletableFuture<Double> zscore(GlideString key, GlideString member) {
        return run(SortedSetCommands.BINARY.zscore(key, member));
    }

    @Override
    public CompletableFuture<String[]> zrange(String key, RangeQuery rangeQuery, boolean reverse) {
        return run(SortedSetCommands.TEXT.zrange(key, rangeQuery, reverse));
    }

    @Override
    public CompletableFuture<GlideString[]> zrange(GlideString key, RangeQuery rangeQuery, boolean reverse) {
        return run(SortedSetCommands.BINARY.zrange(key, rangeQuery, reverse));
    }

    @Override
    public CompletableFuture<String[]> zrange(String key, RangeQuery rangeQuery) {
        return run(SortedSetCommands.TEXT.zrange(key, rangeQuery, false));
    }

    @Override
    public CompletableFuture<GlideString[]> zrange(GlideString key, RangeQuery rangeQuery) {
        return run(SortedSetCommands.BINARY.zrange(key, rangeQuery, false));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zrangeWithScores(
            String key, ScoredRangeQuery rangeQuery, boolean reverse) {
        return run(SortedSetCommands.TEXT.zrangeWithScores(key, rangeQuery, reverse));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zrangeWithScores(
            GlideString key, ScoredRangeQuery rangeQuery, boolean reverse) {
        return run(SortedSetCommands.BINARY.zrangeWithScores(key, rangeQuery, reverse));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zrangeWithScores(String key, ScoredRangeQuery rangeQuery) {
        return run(SortedSetCommands.TEXT.zrangeWithScores(key, rangeQuery, false));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zrangeWithScores(GlideString key, ScoredRangeQuery rangeQuery) {
        return run(SortedSetCommands.BINARY.zrangeWithScores(key, rangeQuery, false));
    }

    @Override
    public CompletableFuture<Long> zrangestore(
            String destination, String source, RangeQuery rangeQuery, boolean reverse) {
        return run(SortedSetCommands.TEXT.zrangestore(destination, source, rangeQuery, reverse));
    }

    @Override
    public CompletableFuture<Long> zrangestore(
            GlideString destination, GlideString source, RangeQuery rangeQuery, boolean reverse) {
        return run(SortedSetCommands.BINARY.zrangestore(destination, source, rangeQuery, reverse));
    }

    @Override
    public CompletableFuture<Long> zrangestore(String destination, String source, RangeQuery rangeQuery) {
        return run(SortedSetCommands.TEXT.zrangestore(destination, source, rangeQuery, false));
    }

    @Override
    public CompletableFuture<Long> zrangestore(GlideString destination, GlideString source, RangeQuery rangeQuery) {
        return run(SortedSetCommands.BINARY.zrangestore(destination, source, rangeQuery, false));
    }

    @Override
    public CompletableFuture<Long> zrank(String key, String member) {
        return run(SortedSetCommands.TEXT.zrank(key, member));
    }

    @Override
    public CompletableFuture<Long> zrank(GlideString key, GlideString member) {
        return run(SortedSetCommands.BINARY.zrank(key, member));
    }

    @Override
    public CompletableFuture<Object[]> zrankWithScore(String key, String member) {
        return run(SortedSetCommands.TEXT.zrankWithScore(key, member));
    }

    @Override
    public CompletableFuture<Object[]> zrankWithScore(GlideString key, GlideString member) {
        return run(SortedSetCommands.BINARY.zrankWithScore(key, member));
    }

    @Override
    public CompletableFuture<Long> zrevrank(String key, String member) {
        return run(SortedSetCommands.TEXT.zrevrank(key, member));
    }

    @Override
    public CompletableFuture<Long> zrevrank(GlideString key, GlideString member) {
        return run(SortedSetCommands.BINARY.zrevrank(key, member));
    }

    @Override
    public CompletableFuture<Object[]> zrevrankWithScore(String key, String member) {
        return run(SortedSetCommands.TEXT.zrevrankWithScore(key, member));
    }

    @Override
    public CompletableFuture<Object[]> zrevrankWithScore(GlideString key, GlideString member) {
        return run(SortedSetCommands.BINARY.zrevrankWithScore(key, member));
    }

    @Override
    public CompletableFuture<Double[]> zmscore(String key, String[] members) {
        return run(SortedSetCommands.TEXT.zmscore(key, members));
    }

    @Override
    public CompletableFuture<Double[]> zmscore(GlideString key, GlideString[] members) {
        return run(SortedSetCommands.BINARY.zmscore(key, members));
    }

    @Override
    public CompletableFuture<String[]> zdiff(String[] keys) {
        return run(SortedSetCommands.TEXT.zdiff(keys));
    }

    @Override
    public CompletableFuture<GlideString[]> zdiff(GlideString[] keys) {
        return run(SortedSetCommands.BINARY.zdiff(keys));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zdiffWithScores(String[] keys) {
        return run(SortedSetCommands.TEXT.zdiffWithScores(keys));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zdiffWithScores(GlideString[] keys) {
        return run(SortedSetCommands.BINARY.zdiffWithScores(keys));
    }

    @Override
    public CompletableFuture<Long> zdiffstore(String destination, String[] keys) {
        return run(SortedSetCommands.TEXT.zdiffstore(destination, keys));
    }

    @Override
    public CompletableFuture<Long> zdiffstore(GlideString destination, GlideString[] keys) {
        return run(SortedSetCommands.BINARY.zdiffstore(destination, keys));
    }

    @Override
    public CompletableFuture<Long> zcount(String key, ScoreRange minScore, ScoreRange maxScore) {
        return run(SortedSetCommands.TEXT.zcount(key, minScore, maxScore));
    }

    @Override
    public CompletableFuture<Long> zcount(GlideString key, ScoreRange minScore, ScoreRange maxScore) {
        return run(SortedSetCommands.BINARY.zcount(key, minScore, maxScore));
    }

    @Override
    public CompletableFuture<Long> zremrangebyrank(String key, long start, long end) {
        return run(SortedSetCommands.TEXT.zremrangebyrank(key, start, end));
    }

    @Override
    public CompletableFuture<Long> zremrangebyrank(GlideString key, long start, long end) {
        return run(SortedSetCommands.BINARY.zremrangebyrank(key, start, end));
    }

    @Override
    public CompletableFuture<Long> zremrangebylex(String key, LexRange minLex, LexRange maxLex) {
        return run(SortedSetCommands.TEXT.zremrangebylex(key, minLex, maxLex));
    }

    @Override
    public CompletableFuture<Long> zremrangebylex(GlideString key, LexRange minLex, LexRange maxLex) {
        return run(SortedSetCommands.BINARY.zremrangebylex(key, minLex, maxLex));
    }

    @Override
    public CompletableFuture<Long> zremrangebyscore(String key, ScoreRange minScore, ScoreRange maxScore) {
        return run(SortedSetCommands.TEXT.zremrangebyscore(key, minScore, maxScore));
    }

    @Override
    public CompletableFuture<Long> zremrangebyscore(GlideString key, ScoreRange minScore, ScoreRange maxScore) {
        return run(SortedSetCommands.BINARY.zremrangebyscore(key, minScore, maxScore));
    }

    @Override
    public CompletableFuture<Long> zlexcount(String key, LexRange minLex, LexRange maxLex) {
        return run(SortedSetCommands.TEXT.zlexcount(key, minLex, maxLex));
    }

    @Override
    public CompletableFuture<Long> zlexcount(GlideString key, LexRange minLex, LexRange maxLex) {
        return run(SortedSetCommands.BINARY.zlexcount(key, minLex, maxLex));
    }

    @Override
    public CompletableFuture<Long> zunionstore(
            String destination, KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.TEXT.zunionstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Long> zunionstore(
            GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.BINARY.zunionstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Long> zunionstore(String destination, KeysOrWeightedKeys keysOrWeightedKeys) {
        return run(SortedSetCommands.TEXT.zunionstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<Long> zunionstore(GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return run(SortedSetCommands.BINARY.zunionstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<Long> zinterstore(
            String destination, KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.TEXT.zinterstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Long> zinterstore(
            GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.BINARY.zinterstore(destination, keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Long> zinterstore(String destination, KeysOrWeightedKeys keysOrWeightedKeys) {
        return run(SortedSetCommands.TEXT.zinterstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<Long> zinterstore(GlideString destination, KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return run(SortedSetCommands.BINARY.zinterstore(destination, keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<Map<String, Object>> zmpop(String[] keys, ScoreFilter modifier) {
        return run(SortedSetCommands.TEXT.zmpop(keys, modifier, null));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>> zmpop(GlideString[] keys, ScoreFilter modifier) {
        return run(SortedSetCommands.BINARY.zmpop(keys, modifier, null));
    }

    @Override
    public CompletableFuture<Map<String, Object>> zmpop(String[] keys, ScoreFilter modifier, long count) {
        return run(SortedSetCommands.TEXT.zmpop(keys, modifier, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>> zmpop(GlideString[] keys, ScoreFilter modifier, long count) {
        return run(SortedSetCommands.BINARY.zmpop(keys, modifier, count));
    }

    @Override
    public CompletableFuture<Map<String, Object>> bzmpop(String[] keys, ScoreFilter modifier, double timeout) {
        return run(SortedSetCommands.TEXT.bzmpop(keys, modifier, timeout, null));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>> bzmpop(
            GlideString[] keys, ScoreFilter modifier, double timeout) {
        return run(SortedSetCommands.BINARY.bzmpop(keys, modifier, timeout, null));
    }

    @Override
    public CompletableFuture<Map<String, Object>> bzmpop(
            String[] keys, ScoreFilter modifier, double timeout, long count) {
        return run(SortedSetCommands.TEXT.bzmpop(keys, modifier, timeout, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>> bzmpop(
            GlideString[] keys, ScoreFilter modifier, double timeout, long count) {
        return run(SortedSetCommands.BINARY.bzmpop(keys, modifier, timeout, count));
    }

    @Override
    public CompletableFuture<String[]> zunion(KeyArray keys) {
        return run(SortedSetCommands.TEXT.zunion(keys.toArgs()));
    }

    @Override
    public CompletableFuture<GlideString[]> zunion(KeyArrayBinary keys) {
        return run(SortedSetCommands.BINARY.zunion(keys.toArgs()));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zunionWithScores(
            KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.TEXT.zunionWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zunionWithScores(
            KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.BINARY.zunionWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zunionWithScores(KeysOrWeightedKeys keysOrWeightedKeys) {
        return run(SortedSetCommands.TEXT.zunionWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zunionWithScores(KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return run(SortedSetCommands.BINARY.zunionWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<String[]> zinter(KeyArray keys) {
        return run(SortedSetCommands.TEXT.zinter(keys.toArgs()));
    }

    @Override
    public CompletableFuture<GlideString[]> zinter(KeyArrayBinary keys) {
        return run(SortedSetCommands.BINARY.zinter(keys.toArgs()));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zinterWithScores(
            KeysOrWeightedKeys keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.TEXT.zinterWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zinterWithScores(
            KeysOrWeightedKeysBinary keysOrWeightedKeys, Aggregate aggregate) {
        return run(SortedSetCommands.BINARY.zinterWithScores(keysOrWeightedKeys.toArgs(), aggregate));
    }

    @Override
    public CompletableFuture<Map<String, Double>> zinterWithScores(KeysOrWeightedKeys keysOrWeightedKeys) {
        return run(SortedSetCommands.TEXT.zinterWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<Map<GlideString, Double>> zinterWithScores(KeysOrWeightedKeysBinary keysOrWeightedKeys) {
        return run(SortedSetCommands.BINARY.zinterWithScores(keysOrWeightedKeys.toArgs(), null));
    }

    @Override
    public CompletableFuture<String> zrandmember(String key) {
        return run(SortedSetCommands.TEXT.zrandmember(key));
    }

    @Override
    public CompletableFuture<GlideString> zrandmember(GlideString key) {
        return run(SortedSetCommands.BINARY.zrandmember(key));
    }

    @Override
    public CompletableFuture<String[]> zrandmemberWithCount(String key, long count) {
        return run(SortedSetCommands.TEXT.zrandmemberWithCount(key, count));
    }

    @Override
    public CompletableFuture<GlideString[]> zrandmemberWithCount(GlideString key, long count) {
        return run(SortedSetCommands.BINARY.zrandmemberWithCount(key, count));
    }

    @Override
    public CompletableFuture<Object[][]> zrandmemberWithCountWithScores(String key, long count) {
        return run(SortedSetCommands.TEXT.zrandmemberWithCountWithScores(key, count));
    }

    @Override
    public CompletableFuture<Object[][]> zrandmemberWithCountWithScores(GlideString key, long count) {
        return run(SortedSetCommands.BINARY.zrandmemberWithCountWithScores(key, count));
    }

    @Override
    public CompletableFuture<Double> zincrby(String key, double increment, String member) {
        return run(SortedSetCommands.TEXT.zincrby(key, increment, member));
    }

    @Override
    public CompletableFuture<Double> zincrby(GlideString key, double increment, GlideString member) {
        return run(SortedSetCommands.BINARY.zincrby(key, increment, member));
    }

    @Override
    public CompletableFuture<Long> zintercard(String[] keys) {
        return run(SortedSetCommands.TEXT.zintercard(keys, null));
    }

    @Override
    public CompletableFuture<Long> zintercard(GlideString[] keys) {
        return run(SortedSetCommands.BINARY.zintercard(keys, null));
    }

    @Override
    public CompletableFuture<Long> zintercard(String[] keys, long limit) {
        return run(SortedSetCommands.TEXT.zintercard(keys, limit));
    }

    @Override
    public CompletableFuture<Long> zintercard(GlideString[] keys, long limit) {
        return run(SortedSetCommands.BINARY.zintercard(keys, limit));
    }

    @Override
    public CompletableFuture<Object[]> zscan(String key, String cursor) {
        return run(SortedSetCommands.TEXT.zscan(key, cursor));
    }

    @Override
    public CompletableFuture<Object[]> zscan(GlideString key, GlideString cursor) {
        return run(SortedSetCommands.BINARY.zscan(key, cursor));
    }

    @Override
    public CompletableFuture<Object[]> zscan(String key, String cursor, ZScanOptions zScanOptions) {
        return run(SortedSetCommands.TEXT.zscan(key, cursor, zScanOptions));
    }

    @Override
    public CompletableFuture<Object[]> zscan(GlideString key, GlideString cursor, ZScanOptionsBinary zScanOptions) {
        return run(SortedSetCommands.BINARY.zscan(key, cursor, zScanOptions));
    }

    // (end of sorted sets)

    // ---- hyperloglog and bitmaps: each command is defined once, in glide.internal.commands
    // (HyperLogLogCommands, BitmapCommands) ----

    @Override
    public CompletableFuture<Boolean> pfadd(String key, String[] elements) {
        return run(HyperLogLogCommands.TEXT.pfadd(key, elements));
    }

    @Override
    public CompletableFuture<Boolean> pfadd(GlideString key, GlideString[] elements) {
        return run(HyperLogLogCommands.BINARY.pfadd(key, elements));
    }

    @Override
    public CompletableFuture<Long> pfcount(String[] keys) {
        return run(HyperLogLogCommands.TEXT.pfcount(keys));
    }

    @Override
    public CompletableFuture<Long> pfcount(GlideString[] keys) {
        return run(HyperLogLogCommands.BINARY.pfcount(keys));
    }

    @Override
    public CompletableFuture<String> pfmerge(String destination, String[] sourceKeys) {
        return run(HyperLogLogCommands.TEXT.pfmerge(destination, sourceKeys));
    }

    @Override
    public CompletableFuture<String> pfmerge(GlideString destination, GlideString[] sourceKeys) {
        return run(HyperLogLogCommands.BINARY.pfmerge(destination, sourceKeys));
    }

    @Override
    public CompletableFuture<Long> bitcount(String key) {
        return run(BitmapCommands.TEXT.bitcount(key));
    }

    @Override
    public CompletableFuture<Long> bitcount(GlideString key) {
        return run(BitmapCommands.BINARY.bitcount(key));
    }

    @Override
    public CompletableFuture<Long> bitcount(String key, long start) {
        return run(BitmapCommands.TEXT.bitcount(key, start));
    }

    @Override
    public CompletableFuture<Long> bitcount(GlideString key, long start) {
        return run(BitmapCommands.BINARY.bitcount(key, start));
    }

    @Override
    public CompletableFuture<Long> bitcount(String key, long start, long end) {
        return run(BitmapCommands.TEXT.bitcount(key, start, end));
    }

    @Override
    public CompletableFuture<Long> bitcount(GlideString key, long start, long end) {
        return run(BitmapCommands.BINARY.bitcount(key, start, end));
    }

    @Override
    public CompletableFuture<Long> bitcount(String key, long start, long end, BitmapIndexType options) {
        return run(BitmapCommands.TEXT.bitcount(key, start, end, options));
    }

    @Override
    public CompletableFuture<Long> bitcount(GlideString key, long start, long end, BitmapIndexType options) {
        return run(BitmapCommands.BINARY.bitcount(key, start, end, options));
    }

    @Override
    public CompletableFuture<Long> setbit(String key, long offset, long value) {
        return run(BitmapCommands.TEXT.setbit(key, offset, value));
    }

    @Override
    public CompletableFuture<Long> setbit(GlideString key, long offset, long value) {
        return run(BitmapCommands.BINARY.setbit(key, offset, value));
    }

    @Override
    public CompletableFuture<Long> getbit(String key, long offset) {
        return run(BitmapCommands.TEXT.getbit(key, offset));
    }

    @Override
    public CompletableFuture<Long> getbit(GlideString key, long offset) {
        return run(BitmapCommands.BINARY.getbit(key, offset));
    }

    @Override
    public CompletableFuture<Long> bitpos(String key, long bit) {
        return run(BitmapCommands.TEXT.bitpos(key, bit));
    }

    @Override
    public CompletableFuture<Long> bitpos(GlideString key, long bit) {
        return run(BitmapCommands.BINARY.bitpos(key, bit));
    }

    @Override
    public CompletableFuture<Long> bitpos(String key, long bit, long start) {
        return run(BitmapCommands.TEXT.bitpos(key, bit, start));
    }

    @Override
    public CompletableFuture<Long> bitpos(GlideString key, long bit, long start) {
        return run(BitmapCommands.BINARY.bitpos(key, bit, start));
    }

    @Override
    public CompletableFuture<Long> bitpos(String key, long bit, long start, long end) {
        return run(BitmapCommands.TEXT.bitpos(key, bit, start, end));
    }

    @Override
    public CompletableFuture<Long> bitpos(GlideString key, long bit, long start, long end) {
        return run(BitmapCommands.BINARY.bitpos(key, bit, start, end));
    }

    @Override
    public CompletableFuture<Long> bitpos(String key, long bit, long start, long end, BitmapIndexType offsetType) {
        return run(BitmapCommands.TEXT.bitpos(key, bit, start, end, offsetType));
    }

    @Override
    public CompletableFuture<Long> bitpos(GlideString key, long bit, long start, long end, BitmapIndexType offsetType) {
        return run(BitmapCommands.BINARY.bitpos(key, bit, start, end, offsetType));
    }

    @Override
    public CompletableFuture<Long[]> bitfield(String key, BitFieldSubCommands[] subCommands) {
        return run(BitmapCommands.TEXT.bitfield(key, subCommands));
    }

    @Override
    public CompletableFuture<Long[]> bitfield(GlideString key, BitFieldSubCommands[] subCommands) {
        return run(BitmapCommands.BINARY.bitfield(key, subCommands));
    }

    @Override
    public CompletableFuture<Long[]> bitfieldReadOnly(String key, BitFieldReadOnlySubCommands[] subCommands) {
        return run(BitmapCommands.TEXT.bitfieldReadOnly(key, subCommands));
    }

    @Override
    public CompletableFuture<Long[]> bitfieldReadOnly(GlideString key, BitFieldReadOnlySubCommands[] subCommands) {
        return run(BitmapCommands.BINARY.bitfieldReadOnly(key, subCommands));
    }

    @Override
    public CompletableFuture<Long> bitop(BitwiseOperation bitwiseOperation, String destination, String[] keys) {
        return run(BitmapCommands.TEXT.bitop(bitwiseOperation, destination, keys));
    }

    @Override
    public CompletableFuture<Long> bitop(BitwiseOperation bitwiseOperation, GlideString destination, GlideString[] keys) {
        return run(BitmapCommands.BINARY.bitop(bitwiseOperation, destination, keys));
    }

    // (end of hyperloglog and bitmaps)

    // ---- geo: each command is defined once, in glide.internal.commands.GeoCommands ----

    @Override
    public CompletableFuture<Long> geoadd(
            String key, Map<String, GeospatialData> membersToGeospatialData, GeoAddOptions options) {
        return run(GeoCommands.TEXT.geoadd(key, membersToGeospatialData, options));
    }

    @Override
    public CompletableFuture<Long> geoadd(
            GlideString key, Map<GlideString, GeospatialData> membersToGeospatialData, GeoAddOptions options) {
        return run(GeoCommands.BINARY.geoadd(key, membersToGeospatialData, options));
    }

    @Override
    public CompletableFuture<Long> geoadd(String key, Map<String, GeospatialData> membersToGeospatialData) {
        return run(GeoCommands.TEXT.geoadd(key, membersToGeospatialData));
    }

    @Override
    public CompletableFuture<Long> geoadd(GlideString key, Map<GlideString, GeospatialData> membersToGeospatialData) {
        return run(GeoCommands.BINARY.geoadd(key, membersToGeospatialData));
    }

    @Override
    public CompletableFuture<Double[][]> geopos(String key, String[] members) {
        return run(GeoCommands.TEXT.geopos(key, members));
    }

    @Override
    public CompletableFuture<Double[][]> geopos(GlideString key, GlideString[] members) {
        return run(GeoCommands.BINARY.geopos(key, members));
    }

    @Override
    public CompletableFuture<Double> geodist(String key, String member1, String member2, GeoUnit geoUnit) {
        return run(GeoCommands.TEXT.geodist(key, member1, member2, geoUnit));
    }

    @Override
    public CompletableFuture<Double> geodist(
            GlideString key, GlideString member1, GlideString member2, GeoUnit geoUnit) {
        return run(GeoCommands.BINARY.geodist(key, member1, member2, geoUnit));
    }

    @Override
    public CompletableFuture<Double> geodist(String key, String member1, String member2) {
        return run(GeoCommands.TEXT.geodist(key, member1, member2));
    }

    @Override
    public CompletableFuture<Double> geodist(GlideString key, GlideString member1, GlideString member2) {
        return run(GeoCommands.BINARY.geodist(key, member1, member2));
    }

    @Override
    public CompletableFuture<String[]> geohash(String key, String[] members) {
        return run(GeoCommands.TEXT.geohash(key, members));
    }

    @Override
    public CompletableFuture<GlideString[]> geohash(GlideString key, GlideString[] members) {
        return run(GeoCommands.BINARY.geohash(key, members));
    }

    @Override
    public CompletableFuture<String[]> geosearch(String key, SearchOrigin searchFrom, GeoSearchShape searchBy) {
        return run(GeoCommands.TEXT.geosearch(key, searchFrom, searchBy, null));
    }

    @Override
    public CompletableFuture<GlideString[]> geosearch(
            GlideString key, SearchOrigin searchFrom, GeoSearchShape searchBy) {
        return run(GeoCommands.BINARY.geosearch(key, searchFrom, searchBy, null));
    }

    @Override
    public CompletableFuture<String[]> geosearch(
            String key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.TEXT.geosearch(key, searchFrom, searchBy, resultOptions));
    }

    @Override
    public CompletableFuture<GlideString[]> geosearch(
            GlideString key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.BINARY.geosearch(key, searchFrom, searchBy, resultOptions));
    }

    @Override
    public CompletableFuture<Object[]> geosearch(
            String key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchOptions options) {
        return run(GeoCommands.TEXT.geosearch(key, searchFrom, searchBy, options, null));
    }

    @Override
    public CompletableFuture<Object[]> geosearch(
            GlideString key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchOptions options) {
        return run(GeoCommands.BINARY.geosearch(key, searchFrom, searchBy, options, null));
    }

    @Override
    public CompletableFuture<Object[]> geosearch(
            String key,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchOptions options,
            GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.TEXT.geosearch(key, searchFrom, searchBy, options, resultOptions));
    }

    @Override
    public CompletableFuture<Object[]> geosearch(
            GlideString key,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchOptions options,
            GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.BINARY.geosearch(key, searchFrom, searchBy, options, resultOptions));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            String destination, String source, SearchOrigin searchFrom, GeoSearchShape searchBy) {
        return run(GeoCommands.TEXT.geosearchstore(destination, source, searchFrom, searchBy, null, null));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            GlideString destination, GlideString source, SearchOrigin searchFrom, GeoSearchShape searchBy) {
        return run(GeoCommands.BINARY.geosearchstore(destination, source, searchFrom, searchBy, null, null));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            String destination,
            String source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.TEXT.geosearchstore(destination, source, searchFrom, searchBy, null, resultOptions));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            GlideString destination,
            GlideString source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.BINARY.geosearchstore(destination, source, searchFrom, searchBy, null, resultOptions));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            String destination,
            String source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options) {
        return run(GeoCommands.TEXT.geosearchstore(destination, source, searchFrom, searchBy, options, null));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            GlideString destination,
            GlideString source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options) {
        return run(GeoCommands.BINARY.geosearchstore(destination, source, searchFrom, searchBy, options, null));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            String destination,
            String source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options,
            GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.TEXT.geosearchstore(destination, source, searchFrom, searchBy, options, resultOptions));
    }

    @Override
    public CompletableFuture<Long> geosearchstore(
            GlideString destination,
            GlideString source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options,
            GeoSearchResultOptions resultOptions) {
        return run(GeoCommands.BINARY.geosearchstore(destination, source, searchFrom, searchBy, options, resultOptions));
    }

    // (end of geo)

    // ---- streams: each command is defined once, in glide.internal.commands.StreamCommands ----

    @Override
    public CompletableFuture<String> xadd(String key, Map<String, String> values) {
        return run(StreamCommands.TEXT.xadd(key, values));
    }

    @Override
    public CompletableFuture<GlideString> xadd(GlideString key, Map<GlideString, GlideString> values) {
        return run(StreamCommands.BINARY.xadd(key, values));
    }

    @Override
    public CompletableFuture<String> xadd(String key, String[][] values) {
        return run(StreamCommands.TEXT.xadd(key, values));
    }

    @Override
    public CompletableFuture<GlideString> xadd(GlideString key, GlideString[][] values) {
        return run(StreamCommands.BINARY.xadd(key, values));
    }

    @Override
    public CompletableFuture<String> xadd(String key, Map<String, String> values, StreamAddOptions options) {
        return run(StreamCommands.TEXT.xadd(key, values, options));
    }

    @Override
    public CompletableFuture<GlideString> xadd(
            GlideString key, Map<GlideString, GlideString> values, StreamAddOptionsBinary options) {
        return run(StreamCommands.BINARY.xadd(key, values, options));
    }

    @Override
    public CompletableFuture<String> xadd(String key, String[][] values, StreamAddOptions options) {
        return run(StreamCommands.TEXT.xadd(key, values, options));
    }

    @Override
    public CompletableFuture<GlideString> xadd(
            GlideString key, GlideString[][] values, StreamAddOptionsBinary options) {
        return run(StreamCommands.BINARY.xadd(key, values, options));
    }

    @Override
    public CompletableFuture<Map<String, Map<String, String[][]>>> xread(Map<String, String> keysAndIds) {
        return run(StreamCommands.TEXT.xread(keysAndIds, null));
    }

    @Override
    public CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadBinary(
            Map<GlideString, GlideString> keysAndIds) {
        return run(StreamCommands.BINARY.xread(keysAndIds, null));
    }

    @Override
    public CompletableFuture<Map<String, Map<String, String[][]>>> xread(
            Map<String, String> keysAndIds, StreamReadOptions options) {
        return run(StreamCommands.TEXT.xread(keysAndIds, options));
    }

    @Override
    public CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadBinary(
            Map<GlideString, GlideString> keysAndIds, StreamReadOptions options) {
        return run(StreamCommands.BINARY.xread(keysAndIds, options));
    }

    @Override
    public CompletableFuture<Map<String, Map<String, String[][]>>> xreadgroup(
            Map<String, String> keysAndIds, String group, String consumer) {
        return run(StreamCommands.TEXT.xreadgroup(keysAndIds, group, consumer, null));
    }

    @Override
    public CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadgroup(
            Map<GlideString, GlideString> keysAndIds, GlideString group, GlideString consumer) {
        return run(StreamCommands.BINARY.xreadgroup(keysAndIds, group, consumer, null));
    }

    @Override
    public CompletableFuture<Map<String, Map<String, String[][]>>> xreadgroup(
            Map<String, String> keysAndIds, String group, String consumer, StreamReadGroupOptions options) {
        return run(StreamCommands.TEXT.xreadgroup(keysAndIds, group, consumer, options));
    }

    @Override
    public CompletableFuture<Map<GlideString, Map<GlideString, GlideString[][]>>> xreadgroup(
            Map<GlideString,
            GlideString> keysAndIds,
            GlideString group,
            GlideString consumer,
            StreamReadGroupOptions options) {
        return run(StreamCommands.BINARY.xreadgroup(keysAndIds, group, consumer, options));
    }

    @Override
    public CompletableFuture<Long> xtrim(String key, StreamTrimOptions options) {
        return run(StreamCommands.TEXT.xtrim(key, options));
    }

    @Override
    public CompletableFuture<Long> xtrim(GlideString key, StreamTrimOptions options) {
        return run(StreamCommands.BINARY.xtrim(key, options));
    }

    @Override
    public CompletableFuture<Long> xlen(String key) {
        return run(StreamCommands.TEXT.xlen(key));
    }

    @Override
    public CompletableFuture<Long> xlen(GlideString key) {
        return run(StreamCommands.BINARY.xlen(key));
    }

    @Override
    public CompletableFuture<Long> xdel(String key, String[] ids) {
        return run(StreamCommands.TEXT.xdel(key, ids));
    }

    @Override
    public CompletableFuture<Long> xdel(GlideString key, GlideString[] ids) {
        return run(StreamCommands.BINARY.xdel(key, ids));
    }

    @Override
    public CompletableFuture<Map<String, String[][]>> xrange(String key, StreamRange start, StreamRange end) {
        return run(StreamCommands.TEXT.xrange(key, start, end));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[][]>> xrange(
            GlideString key, StreamRange start, StreamRange end) {
        return run(StreamCommands.BINARY.xrange(key, start, end));
    }

    @Override
    public CompletableFuture<Map<String, String[][]>> xrange(
            String key, StreamRange start, StreamRange end, long count) {
        return run(StreamCommands.TEXT.xrange(key, start, end, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[][]>> xrange(
            GlideString key, StreamRange start, StreamRange end, long count) {
        return run(StreamCommands.BINARY.xrange(key, start, end, count));
    }

    @Override
    public CompletableFuture<Map<String, String[][]>> xrevrange(String key, StreamRange end, StreamRange start) {
        return run(StreamCommands.TEXT.xrevrange(key, end, start));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[][]>> xrevrange(
            GlideString key, StreamRange end, StreamRange start) {
        return run(StreamCommands.BINARY.xrevrange(key, end, start));
    }

    @Override
    public CompletableFuture<Map<String, String[][]>> xrevrange(
            String key, StreamRange end, StreamRange start, long count) {
        return run(StreamCommands.TEXT.xrevrange(key, end, start, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[][]>> xrevrange(
            GlideString key, StreamRange end, StreamRange start, long count) {
        return run(StreamCommands.BINARY.xrevrange(key, end, start, count));
    }

    @Override
    public CompletableFuture<String> xgroupCreate(String key, String groupName, String id) {
        return run(StreamCommands.TEXT.xgroupCreate(key, groupName, id));
    }

    @Override
    public CompletableFuture<String> xgroupCreate(GlideString key, GlideString groupName, GlideString id) {
        return run(StreamCommands.BINARY.xgroupCreate(key, groupName, id));
    }

    @Override
    public CompletableFuture<String> xgroupCreate(String key, String groupName, String id, StreamGroupOptions options) {
        return run(StreamCommands.TEXT.xgroupCreate(key, groupName, id, options));
    }

    @Override
    public CompletableFuture<String> xgroupCreate(
            GlideString key, GlideString groupName, GlideString id, StreamGroupOptions options) {
        return run(StreamCommands.BINARY.xgroupCreate(key, groupName, id, options));
    }

    @Override
    public CompletableFuture<Boolean> xgroupDestroy(String key, String groupName) {
        return run(StreamCommands.TEXT.xgroupDestroy(key, groupName));
    }

    @Override
    public CompletableFuture<Boolean> xgroupDestroy(GlideString key, GlideString groupName) {
        return run(StreamCommands.BINARY.xgroupDestroy(key, groupName));
    }

    @Override
    public CompletableFuture<Boolean> xgroupCreateConsumer(String key, String group, String consumer) {
        return run(StreamCommands.TEXT.xgroupCreateConsumer(key, group, consumer));
    }

    @Override
    public CompletableFuture<Boolean> xgroupCreateConsumer(GlideString key, GlideString group, GlideString consumer) {
        return run(StreamCommands.BINARY.xgroupCreateConsumer(key, group, consumer));
    }

    @Override
    public CompletableFuture<Long> xgroupDelConsumer(String key, String group, String consumer) {
        return run(StreamCommands.TEXT.xgroupDelConsumer(key, group, consumer));
    }

    @Override
    public CompletableFuture<Long> xgroupDelConsumer(GlideString key, GlideString group, GlideString consumer) {
        return run(StreamCommands.BINARY.xgroupDelConsumer(key, group, consumer));
    }

    @Override
    public CompletableFuture<String> xgroupSetId(String key, String groupName, String id) {
        return run(StreamCommands.TEXT.xgroupSetId(key, groupName, id));
    }

    @Override
    public CompletableFuture<String> xgroupSetId(GlideString key, GlideString groupName, GlideString id) {
        return run(StreamCommands.BINARY.xgroupSetId(key, groupName, id));
    }

    @Override
    public CompletableFuture<String> xgroupSetId(String key, String groupName, String id, long entriesRead) {
        return run(StreamCommands.TEXT.xgroupSetId(key, groupName, id, entriesRead));
    }

    @Override
    public CompletableFuture<String> xgroupSetId(
            GlideString key, GlideString groupName, GlideString id, long entriesRead) {
        return run(StreamCommands.BINARY.xgroupSetId(key, groupName, id, entriesRead));
    }

    @Override
    public CompletableFuture<Long> xack(String key, String group, String[] ids) {
        return run(StreamCommands.TEXT.xack(key, group, ids));
    }

    @Override
    public CompletableFuture<Long> xack(GlideString key, GlideString group, GlideString[] ids) {
        return run(StreamCommands.BINARY.xack(key, group, ids));
    }

    @Override
    public CompletableFuture<Object[]> xpending(String key, String group) {
        return run(StreamCommands.TEXT.xpending(key, group));
    }

    @Override
    public CompletableFuture<Object[]> xpending(GlideString key, GlideString group) {
        return run(StreamCommands.BINARY.xpending(key, group));
    }

    @Override
    public CompletableFuture<Object[][]> xpending(
            String key, String group, StreamRange start, StreamRange end, long count) {
        return run(StreamCommands.TEXT.xpending(key, group, start, end, count, StreamPendingOptions.builder().build()));
    }

    @Override
    public CompletableFuture<Object[][]> xpending(
            GlideString key, GlideString group, StreamRange start, StreamRange end, long count) {
        return run(StreamCommands.BINARY.xpending(key, group, start, end, count, StreamPendingOptionsBinary.builder().build()));
    }

    @Override
    public CompletableFuture<Object[][]> xpending(
            String key, String group, StreamRange start, StreamRange end, long count, StreamPendingOptions options) {
        return run(StreamCommands.TEXT.xpending(key, group, start, end, count, options));
    }

    @Override
    public CompletableFuture<Object[][]> xpending(
            GlideString key,
            GlideString group,
            StreamRange start,
            StreamRange end,
            long count,
            StreamPendingOptionsBinary options) {
        return run(StreamCommands.BINARY.xpending(key, group, start, end, count, options));
    }

    @Override
    public CompletableFuture<Map<String, String[][]>> xclaim(
            String key, String group, String consumer, long minIdleTime, String[] ids) {
        return run(StreamCommands.TEXT.xclaim(key, group, consumer, minIdleTime, ids, null));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[][]>> xclaim(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString[] ids) {
        return run(StreamCommands.BINARY.xclaim(key, group, consumer, minIdleTime, ids, null));
    }

    @Override
    public CompletableFuture<Map<String, String[][]>> xclaim(
            String key, String group, String consumer, long minIdleTime, String[] ids, StreamClaimOptions options) {
        return run(StreamCommands.TEXT.xclaim(key, group, consumer, minIdleTime, ids, options));
    }

    @Override
    public CompletableFuture<Map<GlideString, GlideString[][]>> xclaim(
            GlideString key,
            GlideString group,
            GlideString consumer,
            long minIdleTime,
            GlideString[] ids,
            StreamClaimOptions options) {
        return run(StreamCommands.BINARY.xclaim(key, group, consumer, minIdleTime, ids, options));
    }

    @Override
    public CompletableFuture<String[]> xclaimJustId(
            String key, String group, String consumer, long minIdleTime, String[] ids) {
        return run(StreamCommands.TEXT.xclaimJustId(key, group, consumer, minIdleTime, ids, null));
    }

    @Override
    public CompletableFuture<GlideString[]> xclaimJustId(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString[] ids) {
        return run(StreamCommands.BINARY.xclaimJustId(key, group, consumer, minIdleTime, ids, null));
    }

    @Override
    public CompletableFuture<String[]> xclaimJustId(
            String key, String group, String consumer, long minIdleTime, String[] ids, StreamClaimOptions options) {
        return run(StreamCommands.TEXT.xclaimJustId(key, group, consumer, minIdleTime, ids, options));
    }

    @Override
    public CompletableFuture<GlideString[]> xclaimJustId(
            GlideString key,
            GlideString group,
            GlideString consumer,
            long minIdleTime,
            GlideString[] ids,
            StreamClaimOptions options) {
        return run(StreamCommands.BINARY.xclaimJustId(key, group, consumer, minIdleTime, ids, options));
    }

    @Override
    public CompletableFuture<Map<String, Object>[]> xinfoGroups(String key) {
        return run(StreamCommands.TEXT.xinfoGroups(key));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>[]> xinfoGroups(GlideString key) {
        return run(StreamCommands.BINARY.xinfoGroups(key));
    }

    @Override
    public CompletableFuture<Map<String, Object>[]> xinfoConsumers(String key, String groupName) {
        return run(StreamCommands.TEXT.xinfoConsumers(key, groupName));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>[]> xinfoConsumers(GlideString key, GlideString groupName) {
        return run(StreamCommands.BINARY.xinfoConsumers(key, groupName));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaim(
            String key, String group, String consumer, long minIdleTime, String start) {
        return run(StreamCommands.TEXT.xautoclaim(key, group, consumer, minIdleTime, start, null));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaim(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start) {
        return run(StreamCommands.BINARY.xautoclaim(key, group, consumer, minIdleTime, start, null));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaim(
            String key, String group, String consumer, long minIdleTime, String start, long count) {
        return run(StreamCommands.TEXT.xautoclaim(key, group, consumer, minIdleTime, start, count));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaim(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start, long count) {
        return run(StreamCommands.BINARY.xautoclaim(key, group, consumer, minIdleTime, start, count));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaimJustId(
            String key, String group, String consumer, long minIdleTime, String start) {
        return run(StreamCommands.TEXT.xautoclaimJustId(key, group, consumer, minIdleTime, start, null));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaimJustId(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start) {
        return run(StreamCommands.BINARY.xautoclaimJustId(key, group, consumer, minIdleTime, start, null));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaimJustId(
            String key, String group, String consumer, long minIdleTime, String start, long count) {
        return run(StreamCommands.TEXT.xautoclaimJustId(key, group, consumer, minIdleTime, start, count));
    }

    @Override
    public CompletableFuture<Object[]> xautoclaimJustId(
            GlideString key, GlideString group, GlideString consumer, long minIdleTime, GlideString start, long count) {
        return run(StreamCommands.BINARY.xautoclaimJustId(key, group, consumer, minIdleTime, start, count));
    }

    @Override
    public CompletableFuture<Map<String, Object>> xinfoStream(String key) {
        return run(StreamCommands.TEXT.xinfoStream(key));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>> xinfoStream(GlideString key) {
        return run(StreamCommands.BINARY.xinfoStream(key));
    }

    @Override
    public CompletableFuture<Map<String, Object>> xinfoStreamFull(String key) {
        return run(StreamCommands.TEXT.xinfoStreamFull(key, null));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>> xinfoStreamFull(GlideString key) {
        return run(StreamCommands.BINARY.xinfoStreamFull(key, null));
    }

    @Override
    public CompletableFuture<Map<String, Object>> xinfoStreamFull(String key, int count) {
        return run(StreamCommands.TEXT.xinfoStreamFull(key, count));
    }

    @Override
    public CompletableFuture<Map<GlideString, Object>> xinfoStreamFull(GlideString key, int count) {
        return run(StreamCommands.BINARY.xinfoStreamFull(key, count));
    }

    // (end of streams)

    // ---- scripting and functions (defined in glide.internal.commands.ScriptingCommands) ----

    @Override
    public CompletableFuture<Object> fcall(String function, String[] keys, String[] arguments) {
        return run(ScriptingCommands.TEXT.fcall(function, keys, arguments));
    }

    @Override
    public CompletableFuture<Object> fcall(GlideString function, GlideString[] keys, GlideString[] arguments) {
        return run(ScriptingCommands.BINARY.fcall(function, keys, arguments));
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(String function, String[] keys, String[] arguments) {
        return run(ScriptingCommands.TEXT.fcallReadOnly(function, keys, arguments));
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(GlideString function, GlideString[] keys, GlideString[] arguments) {
        return run(ScriptingCommands.BINARY.fcallReadOnly(function, keys, arguments));
    }

    @Override
    public CompletableFuture<String> scriptShow(String sha1) {
        return run(ScriptingCommands.TEXT.scriptShow(sha1));
    }

    @Override
    public CompletableFuture<GlideString> scriptShow(GlideString sha1) {
        return run(ScriptingCommands.BINARY.scriptShow(sha1));
    }

    @Override
    public CompletableFuture<Object> invokeScript(Script script) {
        return invokeScript(script, new String[0], new String[0]);
    }

    @Override
    public CompletableFuture<Object> invokeScript(Script script, ScriptOptions options) {
        return invokeScript(script, options.getKeys().toArray(new String[0]), options.getArgs().toArray(new String[0]));
    }

    @Override
    public CompletableFuture<Object> invokeScript(Script script, ScriptOptionsGlideString options) {
        GlideString[] keys = options.getKeys().toArray(new GlideString[0]);
        GlideString[] args = options.getArgs().toArray(new GlideString[0]);
        return scriptCall(script, sha -> ScriptingCommands.BINARY.evalsha(sha, keys, args, script.getBinaryOutput()));
    }

    private CompletableFuture<Object> invokeScript(Script script, String[] keys, String[] args) {
        return scriptCall(script, sha -> ScriptingCommands.TEXT.evalsha(sha, keys, args, script.getBinaryOutput()));
    }

    /**
     * EVALSHA; if the server answers NOSCRIPT, SCRIPT LOAD of the code (while a Script with it is
     * open: {@link glide.internal.ScriptCache}), then EVALSHA again, as
     * valkey-glide 2.3.1 does: the code crosses the network once per server, and on a cluster
     * SCRIPT LOAD goes to every node, so the script is then known everywhere (EVALSHA,
     * evalshaReadOnly and scriptExists on any node find it, whatever node ran the first call).
     * Both commands are defined ({@link ScriptingCommands#evalsha}, {@link
     * ScriptingCommands#scriptLoad}); this method is only the fallback's logic.
     */
    CompletableFuture<Object> scriptCall(Script script, Function<String, Command<Object>> bySha) {
        return scriptCall(script, bySha, this::run);
    }

    /** {@link #scriptCall(Script, Function)} with the EVALSHA sent by {@code runner} (a route). */
    CompletableFuture<Object> scriptCall(
            Script script, Function<String, Command<Object>> bySha, Function<Command<Object>, CompletableFuture<Object>> runner) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        runner.apply(bySha.apply(script.getHash())).whenComplete((value, error) -> {
            if (error == null) {
                result.complete(value);
                return;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            if (!(cause instanceof RequestException && String.valueOf(cause.getMessage()).startsWith("NOSCRIPT"))) {
                result.completeExceptionally(cause);
                return;
            }
            // The code of an open Script with this hash; none open (all closed): NOSCRIPT stands.
            byte[] code = glide.internal.ScriptCache.codeOf(script.getHash());
            if (code == null) {
                result.completeExceptionally(cause);
                return;
            }
            run(ScriptingCommands.TEXT.scriptLoad(code))
                    .thenCompose(loaded -> runner.apply(bySha.apply(script.getHash())))
                    .whenComplete((v, e) -> {
                        if (e == null) {
                            result.complete(v);
                        } else {
                            result.completeExceptionally(e instanceof java.util.concurrent.CompletionException ? e.getCause() : e);
                        }
                    });
        });
        return result;
    }

    @Override
    public CompletableFuture<Object> evalReadOnly(String script) {
        return evalReadOnly(script, new String[0], new String[0]);
    }

    @Override
    public CompletableFuture<Object> evalReadOnly(String script, String[] keys, String[] arguments) {
        return run(ScriptingCommands.TEXT.evalReadOnly(script, keys, arguments));
    }

    @Override
    public CompletableFuture<Object> evalReadOnly(GlideString script) {
        return evalReadOnly(script, new GlideString[0], new GlideString[0]);
    }

    @Override
    public CompletableFuture<Object> evalReadOnly(GlideString script, GlideString[] keys, GlideString[] arguments) {
        return run(ScriptingCommands.BINARY.evalReadOnly(script, keys, arguments));
    }

    @Override
    public CompletableFuture<Object> evalshaReadOnly(String sha1) {
        return evalshaReadOnly(sha1, new String[0], new String[0]);
    }

    @Override
    public CompletableFuture<Object> evalshaReadOnly(String sha1, String[] keys, String[] arguments) {
        return run(ScriptingCommands.TEXT.evalshaReadOnly(sha1, keys, arguments));
    }

    @Override
    public CompletableFuture<Object> evalshaReadOnly(GlideString sha1) {
        return evalshaReadOnly(sha1, new GlideString[0], new GlideString[0]);
    }

    @Override
    public CompletableFuture<Object> evalshaReadOnly(GlideString sha1, GlideString[] keys, GlideString[] arguments) {
        return run(ScriptingCommands.BINARY.evalshaReadOnly(sha1, keys, arguments));
    }

    @Override
    public CompletableFuture<String> scriptDebug(ScriptDebugMode mode) {
        return run(ScriptingCommands.TEXT.scriptDebug(mode));
    }

    // Functions and the script cache without a route: the same on both clients (a cluster
    // client sends changes to every primary, by the command's policy).

    public CompletableFuture<String> functionLoad(String libraryCode, boolean replace) {
        return run(ScriptingCommands.TEXT.functionLoad(libraryCode, replace));
    }

    public CompletableFuture<GlideString> functionLoad(GlideString libraryCode, boolean replace) {
        return run(ScriptingCommands.BINARY.functionLoad(libraryCode, replace));
    }

    public CompletableFuture<Map<String, Object>[]> functionList(boolean withCode) {
        return run(ScriptingCommands.TEXT.functionList(withCode));
    }

    public CompletableFuture<Map<GlideString, Object>[]> functionListBinary(boolean withCode) {
        return run(ScriptingCommands.BINARY.functionList(withCode));
    }

    public CompletableFuture<Map<String, Object>[]> functionList(String libNamePattern, boolean withCode) {
        return run(ScriptingCommands.TEXT.functionList(libNamePattern, withCode));
    }

    /** A null pattern lists every library (so this overload has always read it). */
    public CompletableFuture<Map<GlideString, Object>[]> functionListBinary(GlideString libNamePattern, boolean withCode) {
        return run(functionListBinaryCommand(libNamePattern, withCode));
    }

    /** FUNCTION LIST for the GlideString overloads, which take a null pattern for every library. */
    static Command<Map<GlideString, Object>[]> functionListBinaryCommand(GlideString libNamePattern, boolean withCode) {
        return libNamePattern == null
                ? ScriptingCommands.BINARY.functionList(withCode)
                : ScriptingCommands.BINARY.functionList(libNamePattern, withCode);
    }

    public CompletableFuture<String> functionFlush() {
        return run(ScriptingCommands.TEXT.functionFlush());
    }

    public CompletableFuture<String> functionFlush(FlushMode mode) {
        return run(ScriptingCommands.TEXT.functionFlush(mode));
    }

    public CompletableFuture<String> functionDelete(String libName) {
        return run(ScriptingCommands.TEXT.functionDelete(libName));
    }

    public CompletableFuture<String> functionDelete(GlideString libName) {
        return run(ScriptingCommands.BINARY.functionDelete(libName));
    }

    public CompletableFuture<byte[]> functionDump() {
        return run(ScriptingCommands.BINARY.functionDump());
    }

    public CompletableFuture<String> functionRestore(byte[] payload) {
        return run(ScriptingCommands.BINARY.functionRestore(payload));
    }

    public CompletableFuture<String> functionRestore(byte[] payload, FunctionRestorePolicy policy) {
        return run(ScriptingCommands.BINARY.functionRestore(payload, policy));
    }

    public CompletableFuture<String> functionKill() {
        return run(ScriptingCommands.TEXT.functionKill());
    }

    public CompletableFuture<Boolean[]> scriptExists(String[] sha1s) {
        return run(ScriptingCommands.TEXT.scriptExists(sha1s));
    }

    public CompletableFuture<Boolean[]> scriptExists(GlideString[] sha1s) {
        return run(ScriptingCommands.BINARY.scriptExists(sha1s));
    }

    public CompletableFuture<String> scriptFlush() {
        return run(ScriptingCommands.TEXT.scriptFlush());
    }

    public CompletableFuture<String> scriptFlush(FlushMode flushMode) {
        return run(ScriptingCommands.TEXT.scriptFlush(flushMode));
    }

    public CompletableFuture<String> scriptKill() {
        return run(ScriptingCommands.TEXT.scriptKill());
    }

    // (end of scripting and functions)
}
