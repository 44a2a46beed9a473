package glide.api.commands;

import glide.api.models.ClusterValue;
import glide.api.models.GlideString;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import java.util.concurrent.CompletableFuture;

/** Generic commands of a cluster client. */
public interface GenericClusterCommands {
    /**
     * Runs any command, routed as the command itself implies (its key's slot, or its request
     * policy: e.g. all primaries for {@code DBSIZE}). A reply that is a map is taken as replies by
     * node.
     */
    CompletableFuture<ClusterValue<Object>> customCommand(String[] args);

    /** Binary form of {@link #customCommand(String[])}. */
    CompletableFuture<ClusterValue<Object>> customCommand(GlideString[] args);

    /**
     * Runs any command on the nodes {@code route} names: one node gives a single value, several
     * nodes a value per node (unless the command's replies combine into one, e.g. {@code OK}).
     */
    CompletableFuture<ClusterValue<Object>> customCommand(String[] args, Route route);

    /** Binary form of {@link #customCommand(String[], Route)}. */
    CompletableFuture<ClusterValue<Object>> customCommand(GlideString[] args, Route route);

    /** {@code RANDOMKEY} of a random primary: {@code null} when that node holds no key. */
    CompletableFuture<String> randomKey();

    CompletableFuture<String> randomKey(Route route);

    CompletableFuture<GlideString> randomKeyBinary();

    CompletableFuture<GlideString> randomKeyBinary(Route route);

    /**
     * One step of a scan over every key of the cluster: completes with {@code Object[]{next
     * cursor (ClusterScanCursor), keys (String[])}}. Start from {@link
     * ClusterScanCursor#initialCursor()}; stop when the cursor returned is finished. Each key that
     * exists for the whole scan is returned exactly once, even while slots move between nodes or a
     * primary fails over; a failed step can be retried with the same cursor. See {@code
     * rust/src/cluster/scan.rs} for how.
     */
    CompletableFuture<Object[]> scan(ClusterScanCursor cursor);

    /** {@link #scan(ClusterScanCursor)} with keys as {@code GlideString[]}. */
    CompletableFuture<Object[]> scanBinary(ClusterScanCursor cursor);

    /**
     * {@link #scan(ClusterScanCursor)} limited by {@code options}: MATCH (checked by the client),
     * COUNT (about how many keys a step reads), TYPE (one TYPE command per key that matched), and
     * whether slots no node serves are skipped.
     */
    CompletableFuture<Object[]> scan(ClusterScanCursor cursor, ScanOptions options);

    /** {@link #scan(ClusterScanCursor, ScanOptions)} with keys as {@code GlideString[]}. */
    CompletableFuture<Object[]> scanBinary(ClusterScanCursor cursor, ScanOptions options);

    /** KEYS: the keys matching {@code pattern} on every primary, as one array. */
    CompletableFuture<ClusterValue<String[]>> keys(String pattern);

    /** KEYS with a binary pattern. */
    CompletableFuture<ClusterValue<GlideString[]>> keys(GlideString pattern);

    /** KEYS on the nodes {@code route} names, their keys joined into one array. */
    CompletableFuture<ClusterValue<String[]>> keys(String pattern, Route route);

    /** KEYS with a binary pattern on the nodes {@code route} names. */
    CompletableFuture<ClusterValue<GlideString[]>> keys(GlideString pattern, Route route);
}
