package glide.internal.commands;

import glide.api.models.commands.FlushMode;
import glide.api.models.commands.InfoOptions.Section;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Locale;
import java.util.Map;

/**
 * The server-management commands ({@code ServerManagementCommands} and {@code
 * ServerManagementClusterCommands}: INFO, CONFIG, TIME, LASTSAVE, DBSIZE, FLUSHALL/FLUSHDB, LOLWUT,
 * ACL), each defined once.
 *
 * <p>None of them takes a key or a value: the API gives their arguments (parameter names, user
 * names, rules) as text only, so there is one set of definitions, written as UTF-8, not a {@code
 * TEXT} and a {@code BINARY} instance. The clients return their results as text; a batch
 * converts its replies by its own output setting, as for every family.
 *
 * <p>A cluster client sends them where the core's command table puts each one (INFO to every
 * primary, one report per node; DBSIZE to every primary, summed; CONFIG SET to every node...) or
 * where an explicit route says ({@link Command#routedTo}); the core combines several nodes'
 * replies by command, and the definitions do not change with the route.
 */
public final class ServerCommands {
    private ServerCommands() {}

    // ---- INFO: the report as text (on a cluster, one per node) ----

    public static Command<String> info() {
        return Codec.TEXT.command("INFO", 1).returning(Shape.AS_SENT, ReplyConverters.STRING);
    }

    /** INFO of {@code sections}, each sent as its name in lower case ({@code COMMANDSTATS}: commandstats). */
    public static Command<String> info(Section[] sections) {
        CommandBuilder<String> command = Codec.TEXT.command("INFO", sections.length + 1);
        for (Section s : sections) {
            command.word(s.name().toLowerCase(Locale.ROOT));
        }
        return command.returning(Shape.AS_SENT, ReplyConverters.STRING);
    }

    // ---- CONFIG ----

    /** CONFIG GET: parameter to value, a map (RESP2 sends flat pairs; the core makes them one). */
    public static Command<Map<String, String>> configGet(String[] parameters) {
        return Codec.TEXT.command("CONFIG", parameters.length + 2)
                .word("GET")
                .args(parameters)
                .returning(Shape.MAP, ReplyConverters.TEXT_MAP);
    }

    /** CONFIG SET, each parameter then its value, in the map's iteration order: "OK". */
    public static Command<String> configSet(Map<String, String> parameters) {
        return Codec.TEXT.command("CONFIG", 2 * parameters.size() + 2)
                .word("SET")
                .pairs(parameters)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public static Command<String> configResetStat() {
        return Codec.TEXT.command("CONFIG", 2).word("RESETSTAT").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public static Command<String> configRewrite() {
        return Codec.TEXT.command("CONFIG", 2).word("REWRITE").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    // ---- time, saves, counts ----

    /** TIME: [Unix seconds, microseconds], as text. */
    public static Command<String[]> time() {
        return Codec.TEXT.command("TIME", 1).returning(Shape.AS_SENT, ReplyConverters.STRING_ARRAY);
    }

    /** LASTSAVE: the Unix time of the last successful save. */
    public static Command<Long> lastsave() {
        return Codec.TEXT.command("LASTSAVE", 1).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** DBSIZE: the keys of the selected database (on a cluster by default: every primary's, summed). */
    public static Command<Long> dbsize() {
        return Codec.TEXT.command("DBSIZE", 1).returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    // ---- FLUSHALL, FLUSHDB: "OK"; without a mode the server's lazyfree-lazy-user-flush decides ----

    public static Command<String> flushall() {
        return Codec.TEXT.command("FLUSHALL", 1).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public static Command<String> flushall(FlushMode mode) {
        return Codec.TEXT.command("FLUSHALL", 2).word(mode.name()).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public static Command<String> flushdb() {
        return Codec.TEXT.command("FLUSHDB", 1).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    public static Command<String> flushdb(FlushMode mode) {
        return Codec.TEXT.command("FLUSHDB", 2).word(mode.name()).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    // ---- LOLWUT: the art and the server's version, as text ----

    /**
     * {@code LOLWUT [VERSION version] [parameter ...]}; {@code version} null: the server's own
     * (the API's forms without a version).
     */
    public static Command<String> lolwut(Integer version, int[] parameters) {
        CommandBuilder<String> command = Codec.TEXT.command("LOLWUT", parameters.length + 3);
        if (version != null) {
            command.word("VERSION").arg(version.longValue());
        }
        for (int p : parameters) {
            command.arg(p);
        }
        return command.returning(Shape.AS_SENT, ReplyConverters.STRING);
    }

    // ---- ACL (on a cluster by default, DELUSER, SETUSER and SAVE go to every node and must all succeed) ----

    /** ACL CAT: the command categories. */
    public static Command<String[]> aclCat() {
        return Codec.TEXT.command("ACL", 2).word("CAT").returning(Shape.AS_SENT, ReplyConverters.STRING_ARRAY);
    }

    /** ACL CAT category: the commands of one category. */
    public static Command<String[]> aclCat(String category) {
        return Codec.TEXT.command("ACL", 3).word("CAT").arg(category).returning(Shape.AS_SENT, ReplyConverters.STRING_ARRAY);
    }

    /** ACL DELUSER: how many of the users existed and were removed. */
    public static Command<Long> aclDelUser(String[] usernames) {
        return Codec.TEXT.command("ACL", usernames.length + 2)
                .word("DELUSER")
                .args(usernames)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** ACL DRYRUN: "OK", or why the user could not run the command. */
    public static Command<String> aclDryRun(String username, String command, String[] args) {
        return Codec.TEXT.command("ACL", args.length + 4)
                .word("DRYRUN")
                .arg(username)
                .arg(command)
                .args(args)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** ACL GENPASS: a random password (256 bits, as 64 hex digits). */
    public static Command<String> aclGenPass() {
        return Codec.TEXT.command("ACL", 2).word("GENPASS").returning(Shape.AS_SENT, ReplyConverters.STRING);
    }

    /** ACL GENPASS bits: a random password of {@code bits} bits. */
    public static Command<String> aclGenPass(int bits) {
        return Codec.TEXT.command("ACL", 3).word("GENPASS").arg(bits).returning(Shape.AS_SENT, ReplyConverters.STRING);
    }

    /**
     * ACL GETUSER: the user's rules as a map, or null; its {@code flags} a set whatever the
     * protocol (RESP2 sends an array: the core makes it one). Given as the core made it.
     */
    public static Command<Object> aclGetUser(String username) {
        return Codec.TEXT.command("ACL", 3).word("GETUSER").arg(username).returning(Shape.ACL_USER, ReplyConverters.IDENTITY);
    }

    /** ACL LIST: each user's rules, as ACL SETUSER would take them. */
    public static Command<String[]> aclList() {
        return Codec.TEXT.command("ACL", 2).word("LIST").returning(Shape.AS_SENT, ReplyConverters.STRING_ARRAY);
    }

    /** ACL LOAD: "OK" once the ACL file is read again. */
    public static Command<String> aclLoad() {
        return Codec.TEXT.command("ACL", 2).word("LOAD").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** ACL LOG: recent security events, newest first, each as the core made it (a map). */
    public static Command<Object[]> aclLog() {
        return Codec.TEXT.command("ACL", 2).word("LOG").returning(Shape.AS_SENT, ReplyConverters.OBJECT_ARRAY);
    }

    /** ACL LOG count: the {@code count} newest events. */
    public static Command<Object[]> aclLog(int count) {
        return Codec.TEXT.command("ACL", 3).word("LOG").arg(count).returning(Shape.AS_SENT, ReplyConverters.OBJECT_ARRAY);
    }

    /** ACL SAVE: "OK" once the ACL file is written. */
    public static Command<String> aclSave() {
        return Codec.TEXT.command("ACL", 2).word("SAVE").returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** ACL SETUSER: "OK"; creates the user if needed, then applies {@code rules} in order. */
    public static Command<String> aclSetUser(String username, String[] rules) {
        return Codec.TEXT.command("ACL", rules.length + 3)
                .word("SETUSER")
                .arg(username)
                .args(rules)
                .returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** ACL USERS: the user names. */
    public static Command<String[]> aclUsers() {
        return Codec.TEXT.command("ACL", 2).word("USERS").returning(Shape.AS_SENT, ReplyConverters.STRING_ARRAY);
    }

    /** ACL WHOAMI: the connection's user. */
    public static Command<String> aclWhoami() {
        return Codec.TEXT.command("ACL", 2).word("WHOAMI").returning(Shape.AS_SENT, ReplyConverters.STRING);
    }
}
