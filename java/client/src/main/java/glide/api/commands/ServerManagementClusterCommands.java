package glide.api.commands;

import glide.api.models.ClusterValue;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import java.util.Map;
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

    /** {@code CONFIG GET} of a random node. */
    CompletableFuture<Map<String, String>> configGet(String[] parameters);

    CompletableFuture<ClusterValue<Map<String, String>>> configGet(String[] parameters, Route route);

    /** {@code CONFIG SET} on every node. */
    CompletableFuture<String> configSet(Map<String, String> parameters);

    CompletableFuture<String> configSet(Map<String, String> parameters, Route route);

    /** {@code CONFIG RESETSTAT} on every node. */
    CompletableFuture<String> configResetStat();

    CompletableFuture<String> configResetStat(Route route);

    /** {@code CONFIG REWRITE} on every node. */
    CompletableFuture<String> configRewrite();

    CompletableFuture<String> configRewrite(Route route);

    /** {@code LASTSAVE} of a random node. */
    CompletableFuture<Long> lastsave();

    CompletableFuture<ClusterValue<Long>> lastsave(Route route);

    /** {@code FLUSHALL} on every primary. */
    CompletableFuture<String> flushall();

    CompletableFuture<String> flushall(FlushMode mode);

    CompletableFuture<String> flushall(Route route);

    CompletableFuture<String> flushall(FlushMode mode, Route route);

    /** {@code FLUSHDB} on every primary. */
    CompletableFuture<String> flushdb();

    CompletableFuture<String> flushdb(FlushMode mode);

    CompletableFuture<String> flushdb(Route route);

    CompletableFuture<String> flushdb(FlushMode mode, Route route);
}
