package glide.api;

import static glide.internal.ReplyConverters.IDENTITY;

import glide.api.commands.ConnectionManagementCommands;
import glide.api.commands.GenericCommands;
import glide.api.commands.ScriptingAndFunctionsCommands;
import glide.internal.commands.Command;
import glide.internal.commands.ScriptingCommands;
import glide.api.commands.ServerManagementCommands;
import glide.api.models.GlideString;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConfigurationError;
import glide.api.models.exceptions.RequestException;
import glide.api.commands.TransactionsCommands;
import glide.api.models.Batch;
import glide.api.models.Transaction;
import glide.api.models.commands.batch.BatchOptions;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration;
import glide.api.models.configuration.PubSubState;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import java.util.Set;
import glide.internal.Args;
import glide.internal.RouteSpec;
import glide.internal.CommandSink;
import glide.internal.BlockingTimeouts;
import glide.internal.ConnectionSettings;
import glide.internal.NativeClient;
import glide.internal.commands.ConnectionCommands;
import glide.internal.commands.KeyCommands;
import glide.internal.commands.ServerCommands;
import glide.internal.commands.TransactionCommands;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A client for a standalone Valkey/Redis server.
 *
 * <pre>{@code
 * GlideClientConfiguration config = GlideClientConfiguration.builder()
 *         .address(NodeAddress.builder().host("localhost").port(6379).build())
 *         .build();
 * try (GlideClient client = GlideClient.createClient(config).get()) {
 *     client.set("greeting", "hello").get();
 *     String value = client.get("greeting").get();
 * }
 * }</pre>
 */
public class GlideClient extends BaseClient
        implements GenericCommands,
                ServerManagementCommands,
                ConnectionManagementCommands,
                ScriptingAndFunctionsCommands,
                TransactionsCommands {

    /** "host:port" of the node (FUNCTION STATS replies by node, as on a cluster). */
    private final String nodeAddress;

    private GlideClient(NativeClient core, String nodeAddress) {
        super(core);
        this.nodeAddress = nodeAddress;
    }

    /**
     * A client whose commands go to {@code sink} instead of a server: tests construct one
     * (reflectively) to see exactly what each method sends.
     */
    private GlideClient(CommandSink sink) {
        super(sink);
        this.nodeAddress = null;
    }

    /**
     * Validates {@code config}, connects (unless {@code lazyConnect}) and completes with the
     * client. Fails with {@link ConfigurationError} for invalid settings, before any connection
     * is tried, and with {@code ClosingException} (as valkey-glide) when the client cannot be
     * created: the server cannot be reached, TLS or authentication failed; its message says which.
     * Throws {@link ConfigurationError} at once for subscriptions with RESP2, as valkey-glide does.
     */
    public static CompletableFuture<GlideClient> createClient(GlideClientConfiguration config) {
        ConnectionSettings settings;
        StandaloneSubscriptionConfiguration subscriptions = config == null ? null : config.getSubscriptionConfiguration();
        ConnectionSettings.requireResp3ForSubscriptions(config);
        try {
            settings = ConnectionSettings.of(config, config == null ? null : config.getAdvancedConfiguration());
            if (subscriptions != null) {
                settings.subscribe(subscriptions, subscriptions.getSubscriptions());
            }
        } catch (ConfigurationError | ClosingException e) {
            return CompletableFuture.failedFuture(e);
        }
        String address = settings.firstAddress();
        return NativeClient.connect(settings).thenApply(core -> {
            GlideClient client = new GlideClient(core, address);
            if (subscriptions != null) {
                client.startPubSub(subscriptions);
            }
            return client;
        });
    }

    @Override
    public CompletableFuture<Object> customCommand(String[] args) {
        byte[][] bytes;
        try {
            bytes = Args.of(args);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> subscription = subscriptionCommand(bytes);
        if (subscription != null) {
            return subscription.thenApply(done -> null);
        }
        return run(bytes, false, BlockingTimeouts.forCommand(bytes), IDENTITY);
    }

    @Override
    public CompletableFuture<Object> customCommand(GlideString[] args) {
        byte[][] bytes;
        try {
            bytes = Args.of(args);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> subscription = subscriptionCommand(bytes);
        if (subscription != null) {
            return subscription.thenApply(done -> null);
        }
        return run(bytes, true, BlockingTimeouts.forCommand(bytes), IDENTITY);
    }

    // ---- pub/sub: the subscriptions' state (subscribing: BaseClient) ----

    /** What the client wants to be subscribed to, and what the server confirmed, by mode. */
    public CompletableFuture<PubSubState<PubSubChannelMode>> getSubscriptions() {
        return subscriptionState(PubSubChannelMode.values());
    }

    // ---- transactions ----

    @Override
    public CompletableFuture<Object[]> exec(Batch batch, boolean raiseOnError) {
        return execBatch(batch, raiseOnError, null, RouteSpec.DEFAULT, false, false);
    }

    @Deprecated
    @Override
    public CompletableFuture<Object[]> exec(Transaction transaction) {
        return exec(transaction, true);
    }

    @Override
    public CompletableFuture<Object[]> exec(Batch batch, boolean raiseOnError, BatchOptions options) {
        Integer timeout = options == null ? null : options.getTimeout();
        return execBatch(batch, raiseOnError, timeout, RouteSpec.DEFAULT, false, false);
    }

    @Override
    public CompletableFuture<String> unwatch() {
        return run(TransactionCommands.TEXT.unwatch());
    }

    // ---- server management: defined in ServerCommands ----

    @Override
    public CompletableFuture<String> info() {
        return run(ServerCommands.info());
    }

    @Override
    public CompletableFuture<String> info(Section[] sections) {
        return run(ServerCommands.info(sections));
    }

    // ---- connection management: defined in ConnectionCommands ----

    @Override
    public CompletableFuture<String> ping() {
        return run(ConnectionCommands.TEXT.ping());
    }

    @Override
    public CompletableFuture<String> ping(String message) {
        return run(ConnectionCommands.TEXT.ping(message));
    }

    @Override
    public CompletableFuture<GlideString> ping(GlideString message) {
        return run(ConnectionCommands.BINARY.ping(message));
    }

    @Override
    public CompletableFuture<String> echo(String message) {
        return run(ConnectionCommands.TEXT.echo(message));
    }

    @Override
    public CompletableFuture<GlideString> echo(GlideString message) {
        return run(ConnectionCommands.BINARY.echo(message));
    }

    @Override
    public CompletableFuture<String> select(long index) {
        return run(ConnectionCommands.TEXT.select(index));
    }

    // ---- generic: KEYS and SCAN, defined in KeyCommands ----

    /** KEYS: every key of the selected database matching {@code pattern} (blocks the server: prefer scan). */
    public CompletableFuture<String[]> keys(String pattern) {
        return run(KeyCommands.TEXT.keys(pattern));
    }

    /** KEYS with a binary pattern. */
    public CompletableFuture<GlideString[]> keys(GlideString pattern) {
        return run(KeyCommands.BINARY.keys(pattern));
    }

    @Override
    public CompletableFuture<Object[]> scan(String cursor) {
        return run(KeyCommands.TEXT.scan(cursor));
    }

    @Override
    public CompletableFuture<Object[]> scan(GlideString cursor) {
        return run(KeyCommands.BINARY.scan(cursor));
    }

    @Override
    public CompletableFuture<Object[]> scan(String cursor, ScanOptions options) {
        return run(KeyCommands.TEXT.scan(cursor, options));
    }

    @Override
    public CompletableFuture<Object[]> scan(GlideString cursor, ScanOptions options) {
        return run(KeyCommands.BINARY.scan(cursor, options));
    }

    // ---- functions and the script cache ----

    @Override
    public CompletableFuture<Object> fcall(String function) {
        return fcall(function, new String[0], new String[0]);
    }

    @Override
    public CompletableFuture<Object> fcall(GlideString function) {
        return fcall(function, new GlideString[0], new GlideString[0]);
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(String function) {
        return fcallReadOnly(function, new String[0], new String[0]);
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(GlideString function) {
        return fcallReadOnly(function, new GlideString[0], new GlideString[0]);
    }

    @Override
    public CompletableFuture<Map<String, Map<String, Map<String, Object>>>> functionStats() {
        Command<Map<String, Map<String, Object>>> stats = ScriptingCommands.TEXT.functionStats();
        return run(stats.convertedBy(reply -> byNode(stats.convert().apply(reply))));
    }

    @Override
    public CompletableFuture<Map<String, Map<GlideString, Map<GlideString, Object>>>> functionStatsBinary() {
        Command<Map<GlideString, Map<GlideString, Object>>> stats = ScriptingCommands.BINARY.functionStats();
        return run(stats.convertedBy(reply -> byNode(stats.convert().apply(reply))));
    }

    /** One node's reply, keyed by its address (the shape a cluster gives). */
    private <V> Map<String, V> byNode(V reply) {
        Map<String, V> out = new java.util.LinkedHashMap<>();
        out.put(nodeAddress, reply);
        return out;
    }

}
