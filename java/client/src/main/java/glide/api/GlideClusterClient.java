package glide.api;

import static glide.internal.ReplyConverters.ANY_TEXT;
import static glide.internal.ReplyConverters.IDENTITY;
import static glide.internal.ReplyConverters.BYTES;
import static glide.internal.ReplyConverters.GLIDE_STRING;
import static glide.internal.ReplyConverters.GLIDE_STRING_ARRAY;
import static glide.internal.ReplyConverters.STRING;
import static glide.internal.ReplyConverters.STRING_ARRAY;

import glide.api.commands.ConnectionManagementClusterCommands;
import glide.api.commands.GenericClusterCommands;
import glide.api.commands.ScriptingAndFunctionsClusterCommands;
import glide.internal.commands.PubSubCommands;
import glide.internal.commands.ScriptingCommands;
import glide.api.commands.ServerManagementClusterCommands;
import glide.api.models.ClusterValue;
import glide.api.models.GlideString;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.function.FunctionRestorePolicy;
import glide.api.models.commands.ScriptArgOptionsGlideString;
import glide.api.models.commands.ScriptArgOptions;
import glide.api.models.Script;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import glide.api.models.configuration.RequestRoutingConfiguration.SingleNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.exceptions.ConfigurationError;
import glide.api.models.exceptions.RequestException;
import glide.api.commands.TransactionsClusterCommands;
import glide.api.commands.PubSubClusterCommands;
import glide.api.models.ClusterBatch;
import glide.api.models.ClusterTransaction;
import glide.api.models.commands.batch.ClusterBatchOptions;
import glide.api.models.commands.batch.ClusterBatchRetryStrategy;
import glide.api.models.configuration.ClusterSubscriptionConfiguration;
import glide.api.models.configuration.ClusterSubscriptionConfiguration.PubSubClusterChannelMode;
import glide.api.models.configuration.PubSubState;
import java.util.Set;
import glide.internal.commands.Command;
import glide.internal.commands.ConnectionCommands;
import glide.internal.commands.KeyCommands;
import glide.internal.commands.ServerCommands;
import glide.internal.commands.TransactionCommands;
import glide.internal.Args;
import glide.internal.CommandSink;
import glide.internal.BlockingTimeouts;
import glide.internal.ConnectionSettings;
import glide.internal.NativeClient;
import glide.internal.NodeReplies;
import glide.internal.PubSubDelivery;
import glide.internal.ReplyConverters;
import glide.internal.RouteSpec;
import glide.internal.SlotScanCursor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A client for a Valkey/Redis Cluster. The native core reads the cluster's slot map, keeps one
 * connection per node and routes each command: by its key's slot, by the command's own policy
 * (e.g. {@code DBSIZE} to every primary, summed) or by an explicit {@link Route}. Redirects
 * ({@code MOVED}, {@code ASK}) and topology changes are handled there.
 *
 * <pre>{@code
 * GlideClusterClientConfiguration config = GlideClusterClientConfiguration.builder()
 *         .address(NodeAddress.builder().host("localhost").port(7000).build())
 *         .build();
 * try (GlideClusterClient client = GlideClusterClient.createClient(config).get()) {
 *     client.set("greeting", "hello").get();
 *     Long keys = client.dbsize().get();
 * }
 * }</pre>
 */
public class GlideClusterClient extends BaseClient
        implements GenericClusterCommands,
                ServerManagementClusterCommands,
                ConnectionManagementClusterCommands,
                ScriptingAndFunctionsClusterCommands,
                TransactionsClusterCommands,
                PubSubClusterCommands {

    private GlideClusterClient(NativeClient core) {
        super(core);
    }

    /**
     * A client whose commands go to {@code sink} instead of a server: tests construct one
     * (reflectively) to see exactly what each method sends.
     */
    private GlideClusterClient(CommandSink sink) {
        super(sink);
    }

    /**
     * Validates {@code config}, reads the cluster's topology from the first seed that answers,
     * connects to its nodes and completes with the client. Fails with {@link ConfigurationError}
     * for invalid settings and with {@code ConnectionException} when no seed answers.
     * Throws {@link ConfigurationError} at once for subscriptions with RESP2, as valkey-glide does.
     */
    public static CompletableFuture<GlideClusterClient> createClient(GlideClusterClientConfiguration config) {
        ConnectionSettings settings;
        ClusterSubscriptionConfiguration subscriptions = config == null ? null : config.getSubscriptionConfiguration();
        ConnectionSettings.requireResp3ForSubscriptions(config);
        try {
            settings =
                    ConnectionSettings.ofCluster(config, config == null ? null : config.getAdvancedConfiguration());
            if (subscriptions != null) {
                settings.subscribe(subscriptions, subscriptions.getSubscriptions());
            }
        } catch (ConfigurationError e) {
            return CompletableFuture.failedFuture(e);
        }
        return NativeClient.connect(settings).thenApply(core -> {
            GlideClusterClient client = new GlideClusterClient(core);
            if (subscriptions != null) {
                client.startPubSub(subscriptions);
            }
            return client;
        });
    }

    // ---- pub/sub: sharded publishing and introspection (defined in PubSubCommands) -------

    /**
     * PUBLISH, or SPUBLISH when {@code sharded} (to the node of the channel's slot, whose
     * replicas deliver it too). "OK".
     */
    public CompletableFuture<String> publish(String message, String channel, boolean sharded) {
        return run(PubSubCommands.TEXT.publish(message, channel, sharded));
    }

    public CompletableFuture<String> publish(GlideString message, GlideString channel, boolean sharded) {
        return run(PubSubCommands.BINARY.publish(message, channel, sharded));
    }

    /** PUBSUB SHARDCHANNELS: the shard channels with subscribers on any node, each once. */
    public CompletableFuture<String[]> pubsubShardChannels() {
        return run(PubSubCommands.TEXT.pubsubShardChannels());
    }

    public CompletableFuture<GlideString[]> pubsubShardChannelsBinary() {
        return run(PubSubCommands.BINARY.pubsubShardChannels());
    }

    /** PUBSUB SHARDCHANNELS pattern. */
    public CompletableFuture<String[]> pubsubShardChannels(String pattern) {
        return run(PubSubCommands.TEXT.pubsubShardChannels(pattern));
    }

    public CompletableFuture<GlideString[]> pubsubShardChannels(GlideString pattern) {
        return run(PubSubCommands.BINARY.pubsubShardChannels(pattern));
    }

    /** PUBSUB SHARDNUMSUB: each shard channel's subscribers, summed over the nodes. */
    public CompletableFuture<Map<String, Long>> pubsubShardNumSub(String[] channels) {
        return run(PubSubCommands.TEXT.pubsubShardNumSub(channels));
    }

    public CompletableFuture<Map<GlideString, Long>> pubsubShardNumSub(GlideString[] channels) {
        return run(PubSubCommands.BINARY.pubsubShardNumSub(channels));
    }

    // ---- pub/sub: sharded subscriptions after creation (exact and pattern: BaseClient) ----

    /** SSUBSCRIBE {@code channels}, each on the primary of its slot; completes once confirmed. */
    public CompletableFuture<Void> ssubscribe(Set<String> channels, int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.SHARDED, channels, true, Math.max(timeoutMs, 0));
    }

    public CompletableFuture<Void> ssubscribeLazy(Set<String> channels) {
        return changeSubscriptions(PubSubDelivery.SHARDED, channels, true, -1);
    }

    public CompletableFuture<Void> sunsubscribe(Set<String> channels, int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.SHARDED, channels, false, Math.max(timeoutMs, 0));
    }

    public CompletableFuture<Void> sunsubscribe(int timeoutMs) {
        return changeSubscriptions(PubSubDelivery.SHARDED, Set.of(), false, Math.max(timeoutMs, 0));
    }

    public CompletableFuture<Void> sunsubscribeLazy() {
        return changeSubscriptions(PubSubDelivery.SHARDED, Set.of(), false, -1);
    }

    public CompletableFuture<Void> sunsubscribeLazy(Set<String> channels) {
        return changeSubscriptions(PubSubDelivery.SHARDED, channels, false, -1);
    }

    /** What the client wants to be subscribed to, and what the nodes confirmed, by mode. */
    public CompletableFuture<PubSubState<PubSubClusterChannelMode>> getSubscriptions() {
        return subscriptionState(PubSubClusterChannelMode.values());
    }

    // ---- transactions --------------------------------------------------------------------

    @Override
    public CompletableFuture<Object[]> exec(ClusterBatch batch, boolean raiseOnError) {
        return execBatch(batch, raiseOnError, null, RouteSpec.DEFAULT, false, false);
    }

    @Deprecated
    @Override
    public CompletableFuture<Object[]> exec(ClusterTransaction transaction) {
        return exec(transaction, true);
    }

    @Deprecated
    @Override
    public CompletableFuture<Object[]> exec(ClusterTransaction transaction, SingleNodeRoute route) {
        return exec(transaction, true, ClusterBatchOptions.builder().route(route).build());
    }

    @Override
    public CompletableFuture<Object[]> exec(ClusterBatch batch, boolean raiseOnError, ClusterBatchOptions options) {
        if (options == null) {
            return exec(batch, raiseOnError);
        }
        RouteSpec route;
        try {
            route = options.getRoute() == null ? RouteSpec.DEFAULT : RouteSpec.of(options.getRoute());
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        ClusterBatchRetryStrategy retry = options.getRetryStrategy();
        if (retry != null && batch != null && batch.isAtomic() && (retry.isRetryServerError() || retry.isRetryConnectionError())) {
            return CompletableFuture.failedFuture(
                    new RequestException("retry strategies apply to pipelines only (ClusterBatch(false)), not to transactions"));
        }
        return execBatch(
                batch,
                raiseOnError,
                options.getTimeout(),
                route,
                retry != null && retry.isRetryServerError(),
                retry != null && retry.isRetryConnectionError());
    }

    @Override
    public CompletableFuture<String> unwatch() {
        return run(TransactionCommands.TEXT.unwatch());
    }

    @Override
    public CompletableFuture<String> unwatch(Route route) {
        return routed(TransactionCommands.TEXT.unwatch(), route);
    }

    // ---- generic -------------------------------------------------------------------------

    @Override
    public CompletableFuture<ClusterValue<Object>> customCommand(String[] args) {
        return custom(() -> Args.of(args), false, false, null);
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> customCommand(GlideString[] args) {
        return custom(() -> Args.of(args), true, false, null);
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> customCommand(String[] args, Route route) {
        return custom(() -> Args.of(args), false, true, route);
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> customCommand(GlideString[] args, Route route) {
        return custom(() -> Args.of(args), true, true, route);
    }

    private interface ArgsSupplier {
        byte[][] get();
    }

    private CompletableFuture<ClusterValue<Object>> custom(
            ArgsSupplier args, boolean binary, boolean routed, Route route) {
        byte[][] bytes;
        RouteSpec spec;
        try {
            bytes = args.get();
            spec = routed ? RouteSpec.of(route) : RouteSpec.DEFAULT;
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Subscriptions go to the nodes that serve them, whatever the route.
        CompletableFuture<Void> subscription = subscriptionCommand(bytes);
        if (subscription != null) {
            return subscription.thenApply(done -> ClusterValue.ofSingleValue(null));
        }
        // Replies by node are marked by the core: a map one node returned stays a single value.
        return run(bytes, binary, BlockingTimeouts.forCommand(bytes), spec, clusterValue(v -> v));
    }

    /**
     * Each node's reply converted by {@code convert} when the core answered by node ({@link
     * NodeReplies}; the nodes' replies may also combine into one, e.g. OK), or the single reply
     * converted.
     */
    private static <T> Function<Object, ClusterValue<T>> clusterValue(Function<Object, T> convert) {
        return reply -> {
            if (reply instanceof NodeReplies) {
                Map<String, T> byNode = new LinkedHashMap<>();
                ((Map<?, ?>) reply).forEach((node, value) -> byNode.put(String.valueOf(node), convert.apply(value)));
                return ClusterValue.ofMultiValue(byNode);
            }
            return ClusterValue.ofSingleValue(convert.apply(reply));
        };
    }

    /** A defined command (glide.internal.commands) sent to the nodes {@code route} names. */
    private <T> CompletableFuture<T> routed(Command<T> command, Route route) {
        RouteSpec spec;
        try {
            spec = RouteSpec.of(route);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return run(command.routedTo(spec));
    }

    // ---- server and connection management: defined commands whose reply may come by node ----

    /**
     * A defined command sent where the core routes it, its reply a {@link ClusterValue}: by node
     * when the core answered by node (INFO, KEYS's default route...), else single.
     */
    private <T> CompletableFuture<ClusterValue<T>> byNode(Command<T> command) {
        return run(command.convertedBy(clusterValue(command.convert())));
    }

    /** A defined command sent to the nodes {@code route} names, its reply a {@link ClusterValue}. */
    private <T> CompletableFuture<ClusterValue<T>> routedValue(Command<T> command, Route route) {
        return routed(command.convertedBy(clusterValue(command.convert())), route);
    }

    /**
     * WAITAOF on the nodes {@code route} names: [local fsyncs, replicas that fsynced]. From several
     * nodes, the smallest of each count: what every one of them reached. Blocks on the server for
     * up to {@code timeout} ms, which the request timeout does not cut. A route refused fails the
     * returned future itself, with the RequestException as its cause (not behind the minimum).
     */
    public CompletableFuture<Long[]> waitaof(long numOfLocal, long numOfReplicas, long timeout, Route route) {
        Command<Long[]> waitaof = KeyCommands.TEXT.waitaof(numOfLocal, numOfReplicas, timeout);
        RouteSpec spec;
        try {
            spec = RouteSpec.of(route);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return run(waitaof.routedTo(spec).convertedBy(clusterValue(waitaof.convert())))
                .thenApply(v -> v.hasMultiData() ? smallestOfEach(v.getMultiValue().values()) : v.getSingleValue());
    }

    /** Element-wise minimum of the nodes' count arrays. */
    private static Long[] smallestOfEach(java.util.Collection<Long[]> perNode) {
        Long[] out = null;
        for (Long[] counts : perNode) {
            if (out == null) {
                out = counts.clone();
            } else {
                for (int i = 0; i < out.length && i < counts.length; i++) {
                    out[i] = Math.min(out[i], counts[i]);
                }
            }
        }
        return out == null ? new Long[0] : out;
    }

    // ---- connection management -------------------------------------------------------------

    /**
     * SELECT on every node's connection. Valkey 9 with {@code cluster-databases} above 1 has
     * several databases per node; Redis and older Valkey have one and refuse any index but 0
     * ({@code RequestException}). Once SELECT succeeded on every node, connections made again
     * (reconnects) and connections to nodes met later select the same database; a SELECT that
     * some node refused leaves the others' connections where it moved them.
     */
    public CompletableFuture<String> select(long index) {
        return run(ConnectionCommands.TEXT.select(index));
    }

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
    public CompletableFuture<String> ping(Route route) {
        return routed(ConnectionCommands.TEXT.ping(), route);
    }

    @Override
    public CompletableFuture<String> ping(String message, Route route) {
        return routed(ConnectionCommands.TEXT.ping(message), route);
    }

    @Override
    public CompletableFuture<GlideString> ping(GlideString message, Route route) {
        return routed(ConnectionCommands.BINARY.ping(message), route);
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
    public CompletableFuture<ClusterValue<String>> echo(String message, Route route) {
        return routedValue(ConnectionCommands.TEXT.echo(message), route);
    }

    @Override
    public CompletableFuture<ClusterValue<GlideString>> echo(GlideString message, Route route) {
        return routedValue(ConnectionCommands.BINARY.echo(message), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Long>> clientId(Route route) {
        return routedValue(ConnectionCommands.TEXT.clientId(), route);
    }

    @Override
    public CompletableFuture<ClusterValue<String>> clientGetName(Route route) {
        return routedValue(ConnectionCommands.TEXT.clientGetName(), route);
    }

    // ---- generic: random keys --------------------------------------------------------------

    @Override
    public CompletableFuture<String> randomKey(Route route) {
        return routed(KeyCommands.TEXT.randomKey(), route);
    }

    @Override
    public CompletableFuture<GlideString> randomKeyBinary(Route route) {
        return routed(KeyCommands.BINARY.randomKey(), route);
    }

    @Override
    public CompletableFuture<Object[]> scan(ClusterScanCursor cursor) {
        return scanStep(cursor, null, false);
    }

    @Override
    public CompletableFuture<Object[]> scanBinary(ClusterScanCursor cursor) {
        return scanStep(cursor, null, true);
    }

    @Override
    public CompletableFuture<Object[]> scan(ClusterScanCursor cursor, ScanOptions options) {
        return scanStep(cursor, options, false);
    }

    @Override
    public CompletableFuture<Object[]> scanBinary(ClusterScanCursor cursor, ScanOptions options) {
        return scanStep(cursor, options, true);
    }

    private CompletableFuture<Object[]> scanStep(ClusterScanCursor cursor, ScanOptions options, boolean binary) {
        byte[][] step;
        try {
            step = SlotScanCursor.of(cursor).stepArgs(options);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Keys come as bytes whatever the caller wants (see SlotScanCursor.result).
        return run(step, true, BlockingTimeouts.DEFAULT, RouteSpec.SCAN_STEP, reply -> SlotScanCursor.result(reply, binary));
    }

    // ---- server management: defined in ServerCommands ---------------------------------------

    @Override
    public CompletableFuture<ClusterValue<Map<String, String>>> configGet(String[] parameters, Route route) {
        return routedValue(ServerCommands.configGet(parameters), route);
    }

    @Override
    public CompletableFuture<String> configSet(Map<String, String> parameters, Route route) {
        return routed(ServerCommands.configSet(parameters), route);
    }

    @Override
    public CompletableFuture<String> configResetStat(Route route) {
        return routed(ServerCommands.configResetStat(), route);
    }

    @Override
    public CompletableFuture<String> configRewrite(Route route) {
        return routed(ServerCommands.configRewrite(), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Long>> lastsave(Route route) {
        return routedValue(ServerCommands.lastsave(), route);
    }

    @Override
    public CompletableFuture<String> flushall(Route route) {
        return routed(ServerCommands.flushall(), route);
    }

    @Override
    public CompletableFuture<String> flushall(FlushMode mode, Route route) {
        return routed(ServerCommands.flushall(mode), route);
    }

    @Override
    public CompletableFuture<String> flushdb(Route route) {
        return routed(ServerCommands.flushdb(), route);
    }

    @Override
    public CompletableFuture<String> flushdb(FlushMode mode, Route route) {
        return routed(ServerCommands.flushdb(mode), route);
    }

    // ---- server management: info, dbsize, time ---------------------------------------------

    @Override
    public CompletableFuture<ClusterValue<String>> info() {
        return byNode(ServerCommands.info());
    }

    @Override
    public CompletableFuture<ClusterValue<String>> info(Route route) {
        return routedValue(ServerCommands.info(), route);
    }

    @Override
    public CompletableFuture<ClusterValue<String>> info(Section[] sections) {
        return byNode(ServerCommands.info(sections));
    }

    @Override
    public CompletableFuture<ClusterValue<String>> info(Section[] sections, Route route) {
        return routedValue(ServerCommands.info(sections), route);
    }

    @Override
    public CompletableFuture<Long> dbsize(Route route) {
        return routed(ServerCommands.dbsize(), route);
    }

    @Override
    public CompletableFuture<ClusterValue<String[]>> time(Route route) {
        return routedValue(ServerCommands.time(), route);
    }

    // ---- server management: lolwut by route (the plain forms are BaseClient's) ----

    @Override
    public CompletableFuture<ClusterValue<String>> lolwut(Route route) {
        return routedValue(ServerCommands.lolwut(null, new int[0]), route);
    }

    @Override
    public CompletableFuture<ClusterValue<String>> lolwut(int[] parameters, Route route) {
        return routedValue(ServerCommands.lolwut(null, parameters), route);
    }

    @Override
    public CompletableFuture<ClusterValue<String>> lolwut(int version, Route route) {
        return routedValue(ServerCommands.lolwut(version, new int[0]), route);
    }

    @Override
    public CompletableFuture<ClusterValue<String>> lolwut(int version, int[] parameters, Route route) {
        return routedValue(ServerCommands.lolwut(version, parameters), route);
    }

    // ---- generic: keys (the nodes' keys joined by the core; defined in KeyCommands) ----

    @Override
    public CompletableFuture<ClusterValue<String[]>> keys(String pattern) {
        return byNode(KeyCommands.TEXT.keys(pattern));
    }

    @Override
    public CompletableFuture<ClusterValue<GlideString[]>> keys(GlideString pattern) {
        return byNode(KeyCommands.BINARY.keys(pattern));
    }

    @Override
    public CompletableFuture<ClusterValue<String[]>> keys(String pattern, Route route) {
        return routedValue(KeyCommands.TEXT.keys(pattern), route);
    }

    @Override
    public CompletableFuture<ClusterValue<GlideString[]>> keys(GlideString pattern, Route route) {
        return routedValue(KeyCommands.BINARY.keys(pattern), route);
    }

    /**
     * AUTH on every node's connection: all must accept it. Nodes reconnecting (a password rotated
     * during an outage) try again at once with the password just set, so the AUTH, which waits
     * for them, finds them connected, as in valkey-glide.
     */
    @Override
    CompletableFuture<String> authenticate(Command<String> auth) {
        try {
            core().reconnectNow();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return run(auth.routedTo(RouteSpec.of(SimpleMultiNodeRoute.ALL_NODES)).convertedBy(v -> {
            if (v instanceof java.util.Map) {
                for (Object reply : ((java.util.Map<?, ?>) v).values()) {
                    if (reply instanceof RequestException) {
                        throw (RequestException) reply;
                    }
                }
                return "OK";
            }
            return ANY_TEXT.apply(v);
        }));
    }

    // ---- functions and the script cache (defined in ScriptingCommands) ----

    @Override
    public CompletableFuture<String> functionLoad(String libraryCode, boolean replace, Route route) {
        return routed(ScriptingCommands.TEXT.functionLoad(libraryCode, replace), route);
    }

    @Override
    public CompletableFuture<GlideString> functionLoad(GlideString libraryCode, boolean replace, Route route) {
        return routed(ScriptingCommands.BINARY.functionLoad(libraryCode, replace), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Map<String, Object>[]>> functionList(boolean withCode, Route route) {
        return routedValue(ScriptingCommands.TEXT.functionList(withCode), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Map<GlideString, Object>[]>> functionListBinary(boolean withCode, Route route) {
        return routedValue(ScriptingCommands.BINARY.functionList(withCode), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Map<String, Object>[]>> functionList(
            String libNamePattern, boolean withCode, Route route) {
        return routedValue(ScriptingCommands.TEXT.functionList(libNamePattern, withCode), route);
    }

    /** A null pattern lists every library, as in {@link BaseClient#functionListBinary(GlideString, boolean)}. */
    @Override
    public CompletableFuture<ClusterValue<Map<GlideString, Object>[]>> functionListBinary(
            GlideString libNamePattern, boolean withCode, Route route) {
        return routedValue(functionListBinaryCommand(libNamePattern, withCode), route);
    }

    @Override
    public CompletableFuture<String> functionFlush(Route route) {
        return routed(ScriptingCommands.TEXT.functionFlush(), route);
    }

    @Override
    public CompletableFuture<String> functionFlush(FlushMode mode, Route route) {
        return routed(ScriptingCommands.TEXT.functionFlush(mode), route);
    }

    @Override
    public CompletableFuture<String> functionDelete(String libName, Route route) {
        return routed(ScriptingCommands.TEXT.functionDelete(libName), route);
    }

    @Override
    public CompletableFuture<String> functionDelete(GlideString libName, Route route) {
        return routed(ScriptingCommands.BINARY.functionDelete(libName), route);
    }

    @Override
    public CompletableFuture<ClusterValue<byte[]>> functionDump(Route route) {
        return routedValue(ScriptingCommands.BINARY.functionDump(), route);
    }

    @Override
    public CompletableFuture<String> functionRestore(byte[] payload, Route route) {
        return routed(ScriptingCommands.BINARY.functionRestore(payload), route);
    }

    @Override
    public CompletableFuture<String> functionRestore(byte[] payload, FunctionRestorePolicy policy, Route route) {
        return routed(ScriptingCommands.BINARY.functionRestore(payload, policy), route);
    }

    @Override
    public CompletableFuture<Object> fcall(String function) {
        return run(ScriptingCommands.TEXT.fcall(function));
    }

    @Override
    public CompletableFuture<Object> fcall(GlideString function) {
        return run(ScriptingCommands.BINARY.fcall(function));
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcall(String function, Route route) {
        return routedValue(ScriptingCommands.TEXT.fcall(function), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcall(GlideString function, Route route) {
        return routedValue(ScriptingCommands.BINARY.fcall(function), route);
    }

    @Override
    public CompletableFuture<Object> fcall(String function, String[] arguments) {
        return run(ScriptingCommands.TEXT.fcall(function, arguments));
    }

    @Override
    public CompletableFuture<Object> fcall(GlideString function, GlideString[] arguments) {
        return run(ScriptingCommands.BINARY.fcall(function, arguments));
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcall(String function, String[] arguments, Route route) {
        return routedValue(ScriptingCommands.TEXT.fcall(function, arguments), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcall(GlideString function, GlideString[] arguments, Route route) {
        return routedValue(ScriptingCommands.BINARY.fcall(function, arguments), route);
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(String function) {
        return run(ScriptingCommands.TEXT.fcallReadOnly(function));
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(GlideString function) {
        return run(ScriptingCommands.BINARY.fcallReadOnly(function));
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcallReadOnly(String function, Route route) {
        return routedValue(ScriptingCommands.TEXT.fcallReadOnly(function), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcallReadOnly(GlideString function, Route route) {
        return routedValue(ScriptingCommands.BINARY.fcallReadOnly(function), route);
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(String function, String[] arguments) {
        return run(ScriptingCommands.TEXT.fcallReadOnly(function, arguments));
    }

    @Override
    public CompletableFuture<Object> fcallReadOnly(GlideString function, GlideString[] arguments) {
        return run(ScriptingCommands.BINARY.fcallReadOnly(function, arguments));
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcallReadOnly(String function, String[] arguments, Route route) {
        return routedValue(ScriptingCommands.TEXT.fcallReadOnly(function, arguments), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Object>> fcallReadOnly(GlideString function, GlideString[] arguments, Route route) {
        return routedValue(ScriptingCommands.BINARY.fcallReadOnly(function, arguments), route);
    }

    @Override
    public CompletableFuture<String> functionKill(Route route) {
        return routed(ScriptingCommands.TEXT.functionKill(), route);
    }

    /** FUNCTION STATS by the command's policy (every node): by node, each node's map as the definition converts it. */
    @Override
    public CompletableFuture<ClusterValue<Map<String, Map<String, Object>>>> functionStats() {
        return byNode(ScriptingCommands.TEXT.functionStats());
    }

    @Override
    public CompletableFuture<ClusterValue<Map<GlideString, Map<GlideString, Object>>>> functionStatsBinary() {
        return byNode(ScriptingCommands.BINARY.functionStats());
    }

    @Override
    public CompletableFuture<ClusterValue<Map<String, Map<String, Object>>>> functionStats(Route route) {
        return routedValue(ScriptingCommands.TEXT.functionStats(), route);
    }

    @Override
    public CompletableFuture<ClusterValue<Map<GlideString, Map<GlideString, Object>>>> functionStatsBinary(Route route) {
        return routedValue(ScriptingCommands.BINARY.functionStats(), route);
    }

    @Override
    public CompletableFuture<Object> invokeScript(Script script, Route route) {
        return routedScript(script, new GlideString[0], route);
    }

    @Override
    public CompletableFuture<Object> invokeScript(Script script, ScriptArgOptions options, Route route) {
        GlideString[] args = options.getArgs().stream().map(GlideString::of).toArray(GlideString[]::new);
        return routedScript(script, args, route);
    }

    @Override
    public CompletableFuture<Object> invokeScript(Script script, ScriptArgOptionsGlideString options, Route route) {
        return routedScript(script, options.getArgs().toArray(new GlideString[0]), route);
    }

    /**
     * invokeScript without keys to the nodes {@code route} names (the reply as the core gives it:
     * from several nodes, their replies by node, not a ClusterValue). The SCRIPT LOAD of the
     * fallback goes by its own policy (every node), see {@link BaseClient#scriptCall}.
     */
    private CompletableFuture<Object> routedScript(Script script, GlideString[] args, Route route) {
        RouteSpec spec;
        try {
            spec = RouteSpec.of(route);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        GlideString[] none = new GlideString[0];
        return scriptCall(
                script,
                sha -> ScriptingCommands.BINARY.evalsha(sha, none, args, script.getBinaryOutput()),
                evalsha -> run(evalsha.routedTo(spec)));
    }

    @Override
    public CompletableFuture<Boolean[]> scriptExists(String[] sha1s, Route route) {
        return routed(ScriptingCommands.TEXT.scriptExists(sha1s), route);
    }

    @Override
    public CompletableFuture<Boolean[]> scriptExists(GlideString[] sha1s, Route route) {
        return routed(ScriptingCommands.BINARY.scriptExists(sha1s), route);
    }

    @Override
    public CompletableFuture<String> scriptFlush(Route route) {
        return routed(ScriptingCommands.TEXT.scriptFlush(), route);
    }

    @Override
    public CompletableFuture<String> scriptFlush(FlushMode flushMode, Route route) {
        return routed(ScriptingCommands.TEXT.scriptFlush(flushMode), route);
    }

    @Override
    public CompletableFuture<String> scriptKill(Route route) {
        return routed(ScriptingCommands.TEXT.scriptKill(), route);
    }
}
