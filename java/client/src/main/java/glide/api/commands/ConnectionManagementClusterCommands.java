package glide.api.commands;

import glide.api.models.ClusterValue;
import glide.api.models.GlideString;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import java.util.concurrent.CompletableFuture;

/** Connection management commands of a cluster client. */
public interface ConnectionManagementClusterCommands {
    /** {@code PING} on every primary: {@code "PONG"} once all answered. */
    CompletableFuture<String> ping();

    CompletableFuture<String> ping(String message);

    CompletableFuture<GlideString> ping(GlideString message);

    CompletableFuture<String> ping(Route route);

    CompletableFuture<String> ping(String message, Route route);

    CompletableFuture<GlideString> ping(GlideString message, Route route);

    /** {@code ECHO} on a random node. */
    CompletableFuture<String> echo(String message);

    CompletableFuture<GlideString> echo(GlideString message);

    CompletableFuture<ClusterValue<String>> echo(String message, Route route);

    CompletableFuture<ClusterValue<GlideString>> echo(GlideString message, Route route);

    /** {@code CLIENT ID} of this client's connection to a random node. */
    CompletableFuture<Long> clientId();

    CompletableFuture<ClusterValue<Long>> clientId(Route route);

    /** {@code CLIENT GETNAME} of this client's connection to a random node. */
    CompletableFuture<String> clientGetName();

    CompletableFuture<ClusterValue<String>> clientGetName(Route route);

    /**
     * {@code SELECT index} on every node (Valkey 9's databases in cluster mode); later commands,
     * reconnects and nodes met later use database {@code index}. "OK".
     */
    CompletableFuture<String> select(long index);
}
