package glide.api.commands;

import glide.api.models.ClusterValue;
import glide.api.models.GlideString;
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
}
