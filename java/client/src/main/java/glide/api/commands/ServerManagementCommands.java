package glide.api.commands;

import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.commands.FlushMode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Server management commands of the standalone client. */
public interface ServerManagementCommands {
    /** INFO with the server's default sections. */
    CompletableFuture<String> info();

    /** INFO limited to {@code sections}. */
    CompletableFuture<String> info(Section[] sections);

    /** The argument LOLWUT takes before a version. */
    String VERSION_VALKEY_API = "VERSION";

    /** CONFIG GET: the parameters (patterns allowed) and their values. */
    CompletableFuture<Map<String, String>> configGet(String[] parameters);

    /** CONFIG SET: sets every parameter, or none. */
    CompletableFuture<String> configSet(Map<String, String> parameters);

    /** CONFIG RESETSTAT: resets the statistics INFO reports. */
    CompletableFuture<String> configResetStat();

    /** CONFIG REWRITE: writes the running configuration to the config file. */
    CompletableFuture<String> configRewrite();

    /** TIME: {seconds, microseconds} of the server's clock. */
    CompletableFuture<String[]> time();

    /** LASTSAVE: Unix time of the last successful save. */
    CompletableFuture<Long> lastsave();

    /** DBSIZE: keys in the selected database. */
    CompletableFuture<Long> dbsize();

    /** FLUSHALL: deletes every key of every database. */
    CompletableFuture<String> flushall();

    /** FLUSHALL, SYNC or ASYNC. */
    CompletableFuture<String> flushall(FlushMode mode);

    /** FLUSHDB: deletes every key of the selected database. */
    CompletableFuture<String> flushdb();

    /** FLUSHDB, SYNC or ASYNC. */
    CompletableFuture<String> flushdb(FlushMode mode);

    /** LOLWUT: the server's art and version. */
    CompletableFuture<String> lolwut();

    /** LOLWUT with art parameters. */
    CompletableFuture<String> lolwut(int[] parameters);

    /** LOLWUT VERSION {@code version}. */
    CompletableFuture<String> lolwut(int version);

    /** LOLWUT VERSION {@code version} with art parameters. */
    CompletableFuture<String> lolwut(int version, int[] parameters);

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
}
