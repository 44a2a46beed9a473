package glide.api.commands;

import glide.api.models.ClusterValue;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import java.util.concurrent.CompletableFuture;

/** Server management commands of a cluster client. */
public interface ServerManagementClusterCommands {
    /** {@code INFO} of every primary, by node address. */
    CompletableFuture<ClusterValue<String>> info();

    CompletableFuture<ClusterValue<String>> info(Route route);

    CompletableFuture<ClusterValue<String>> info(Section[] sections);

    CompletableFuture<ClusterValue<String>> info(Section[] sections, Route route);

    /** Keys in the whole cluster: the sum over the primaries. */
    CompletableFuture<Long> dbsize();

    CompletableFuture<Long> dbsize(Route route);

    /** {@code TIME} of a random node: seconds and microseconds as text. */
    CompletableFuture<String[]> time();

    CompletableFuture<ClusterValue<String[]>> time(Route route);
}
