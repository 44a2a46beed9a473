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

    /** LOLWUT: the server's art and version. */
    CompletableFuture<String> lolwut();

    /** LOLWUT with art parameters. */
    CompletableFuture<String> lolwut(int[] parameters);

    /** LOLWUT VERSION {@code version}. */
    CompletableFuture<String> lolwut(int version);

    /** LOLWUT VERSION {@code version} with art parameters. */
    CompletableFuture<String> lolwut(int version, int[] parameters);

    /** LOLWUT on the nodes {@code route} names. */
    CompletableFuture<ClusterValue<String>> lolwut(Route route);

    /** LOLWUT with art parameters on the nodes {@code route} names. */
    CompletableFuture<ClusterValue<String>> lolwut(int[] parameters, Route route);

    /** LOLWUT VERSION on the nodes {@code route} names. */
    CompletableFuture<ClusterValue<String>> lolwut(int version, Route route);

    /** LOLWUT VERSION with art parameters on the nodes {@code route} names. */
    CompletableFuture<ClusterValue<String>> lolwut(int version, int[] parameters, Route route);

    // ACL (the same on the cluster client, where user changes go to every node)

    /** ACL CAT: the command categories. */
    CompletableFuture<String[]> aclCat();

    /** ACL CAT: the commands of {@code category}. */
    CompletableFuture<String[]> aclCat(String category);

    /** ACL DELUSER: how many of the users existed and were deleted. */
    CompletableFuture<Long> aclDelUser(String[] usernames);

    /** ACL DRYRUN: "OK" if {@code username} may run the command, else the reason it may not. */
    CompletableFuture<String> aclDryRun(String username, String command, String[] args);

    /** ACL GENPASS: a random password of 256 bits, in hex. */
    CompletableFuture<String> aclGenPass();

    /** ACL GENPASS of {@code bits} bits. */
    CompletableFuture<String> aclGenPass(int bits);

    /** ACL GETUSER: the user's rules as a map, or null for an unknown user. */
    CompletableFuture<Object> aclGetUser(String username);

    /** ACL LIST: every user's rules, one line each. */
    CompletableFuture<String[]> aclList();

    /** ACL LOAD: reloads the users from the ACL file. */
    CompletableFuture<String> aclLoad();

    /** ACL LOG: recent security events, newest first (maps). */
    CompletableFuture<Object[]> aclLog();

    /** ACL LOG of at most {@code count} events. */
    CompletableFuture<Object[]> aclLog(int count);

    /** ACL SAVE: writes the users to the ACL file. */
    CompletableFuture<String> aclSave();

    /** ACL SETUSER: creates or changes a user by {@code rules}. */
    CompletableFuture<String> aclSetUser(String username, String[] rules);

    /** ACL USERS: the user names. */
    CompletableFuture<String[]> aclUsers();

    /** ACL WHOAMI: the user of this connection. */
    CompletableFuture<String> aclWhoami();

    /**
     * {@code WAITAOF} on the nodes {@code route} names: waits until the node's writes so far are
     * fsynced by {@code numOfLocal} (0 or 1) local AOFs and {@code numOfReplicas} replicas, or
     * {@code timeout} ms pass; {@code [local, replicas]} counts reached.
     */
    CompletableFuture<Long[]> waitaof(long numOfLocal, long numOfReplicas, long timeout, Route route);
}
