import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.AdvancedGlideClusterClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Authentication (issue 15): what creating a client against a server that asks for a password
 * gives, and what updateConnectionPassword does with and without immediateAuth. Compiled once
 * against glide-jni, run with glide-jni's jar and with valkey-glide 2.3.1's by run-auth.sh, which
 * diffs the outputs.
 *
 * <p>Usage: {@code AuthCheck PORT REDIS_CLI}, or {@code AuthCheck cluster PORT,PORT,... REDIS_CLI}
 * for a cluster's primaries (the cluster section). The server on PORT is changed through redis-cli as
 * the ACL user {@code compat-admin} (which the runner created), so that requirepass, which only
 * concerns the {@code default} user, never locks the check itself out; each case puts the server
 * back (no requirepass, no test user) before it starts.
 *
 * <p>stdout: {@code [auth RESPn] case: step -> outcome}, the outcome being the value, {@code
 * FAILED X} (the future failed with X) or {@code THREW X} (thrown by the call), nothing
 * timing-dependent. stderr: the exceptions' messages and causes.
 */
public class AuthCheck {

    static final int REQUEST_TIMEOUT_MS = 3000;
    static final int CONNECTION_TIMEOUT_MS = 1000;
    static final String USER = "compat-user";

    static int port;
    /** Every server the admin commands go to: the one server, or each primary of the cluster. */
    static List<Integer> ports = new ArrayList<>();
    static String redisCli;
    static String section;

    public static void main(String[] args) throws Exception {
        boolean cluster = args[0].equals("cluster");
        for (String p : (cluster ? args[1] : args[0]).split(",")) {
            ports.add(Integer.parseInt(p));
        }
        port = ports.get(0);
        redisCli = args[cluster ? 2 : 1];
        for (ProtocolVersion p : new ProtocolVersion[] {ProtocolVersion.RESP3, ProtocolVersion.RESP2}) {
            section = (cluster ? "auth cluster " : "auth ") + p;
            if (cluster) {
                runCluster(p);
            } else {
                run(p);
            }
        }
        System.out.flush();
        // A client stuck in a reconnect loop must not keep the JVM alive.
        Runtime.getRuntime().halt(0);
    }

    interface Body {
        void run(String label) throws Exception;
    }

    static void scenario(String label, Body body) {
        try {
            resetServer();
            body.run(label);
        } catch (Throwable t) {
            out(label, "case", "CASE ERROR " + t.getClass().getSimpleName());
            t.printStackTrace();
        } finally {
            try {
                resetServer();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    static void run(ProtocolVersion p) throws Exception {
        scenario("no password, server requires one", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            create(label, config(p, null, null));
        });

        scenario("no password, server requires one, lazyConnect", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClient c = create(label, config(p, null, null).lazyConnect(true));
            if (c != null) {
                step(label, "first SET", () -> c.set("k", "v"));
                step(label, "second SET", () -> c.set("k", "v"));
                c.close();
            }
        });

        scenario("wrong password", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            create(label, config(p, null, "nope"));
        });

        scenario("password, server requires none", label -> {
            GlideClient c = create(label, config(p, null, "pw1"));
            if (c != null) {
                step(label, "SET", () -> c.set("k", "v"));
                c.close();
            }
        });

        scenario("right password", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClient c = create(label, config(p, null, "pw1"));
            if (c != null) {
                step(label, "SET", () -> c.set("k", "v"));
                step(label, "GET", () -> c.get("k"));
                step(label, "ACL WHOAMI", () -> c.customCommand(new String[] {"ACL", "WHOAMI"}));
                c.close();
            }
        });

        scenario("ACL user, right password", label -> {
            admin("SET", "k", "v");
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "+get", "+acl", "+ping");
            GlideClient c = create(label, config(p, USER, "upw1"));
            if (c != null) {
                step(label, "GET", () -> c.get("k"));
                step(label, "ACL WHOAMI", () -> c.customCommand(new String[] {"ACL", "WHOAMI"}));
                step(label, "SET (not allowed)", () -> c.set("k", "w"));
                c.close();
            }
        });

        scenario("ACL user, wrong password", label -> {
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "+@all");
            create(label, config(p, USER, "nope"));
        });

        scenario("ACL user unknown", label -> create(label, config(p, "no-such-user", "pw")));

        scenario("username without password", label -> create(label, GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host("127.0.0.1").port(port).build())
                .protocol(p)
                .credentials(ServerCredentials.builder().username(USER).build())));

        scenario("closed port", label -> {
            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            create(label, GlideClientConfiguration.builder()
                    .address(NodeAddress.builder().host("127.0.0.1").port(closed).build())
                    .protocol(p)
                    .advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                            .connectionTimeout(CONNECTION_TIMEOUT_MS).build()));
        });

        scenario("unknown host", label -> create(label, GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host("no-such-host.invalid").port(port).build())
                .protocol(p)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT_MS).build())));

        scenario("update without immediateAuth, then reconnect", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClient c = create(label, config(p, null, "pw1"));
            if (c == null) {
                return;
            }
            step(label, "SET", () -> c.set("k", "v"));
            admin("CONFIG", "SET", "requirepass", "pw2");
            step(label, "update(pw2, false)", () -> c.updateConnectionPassword("pw2", false));
            step(label, "GET on the open connection", () -> c.get("k"));
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL", () -> c.get("k"));
            step(label, "ACL WHOAMI", () -> c.customCommand(new String[] {"ACL", "WHOAMI"}));
            c.close();
        });

        scenario("update without immediateAuth to a wrong password, then reconnect", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClient c = create(label, config(p, null, "pw1"));
            if (c == null) {
                return;
            }
            step(label, "update(nope, false)", () -> c.updateConnectionPassword("nope", false));
            step(label, "SET on the open connection", () -> c.set("k", "v"));
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL", () -> c.get("k"));
            step(label, "update(pw1, false)", () -> c.updateConnectionPassword("pw1", false));
            Thread.sleep(3000);
            step(label, "GET after the right password, 3 s later", () -> c.get("k"));
            c.close();
        });

        scenario("update with immediateAuth", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClient c = create(label, config(p, null, "pw1"));
            if (c == null) {
                return;
            }
            admin("CONFIG", "SET", "requirepass", "pw2");
            step(label, "update(pw2, true)", () -> c.updateConnectionPassword("pw2", true));
            step(label, "update(wrong, true)", () -> c.updateConnectionPassword("wrong", true));
            step(label, "GET after the failed AUTH", () -> c.get("k"));
            step(label, "update(pw2, true) again", () -> c.updateConnectionPassword("pw2", true));
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL", () -> c.get("k"));
            c.close();
        });

        scenario("update with immediateAuth, wrong password stored", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClient c = create(label, config(p, null, "pw1"));
            if (c == null) {
                return;
            }
            step(label, "update(wrong, true)", () -> c.updateConnectionPassword("wrong", true));
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL (is the wrong one used?)", () -> c.get("k"));
            c.close();
        });

        scenario("update with immediateAuth, server requires none", label -> {
            GlideClient c = create(label, config(p, null, null));
            if (c == null) {
                return;
            }
            step(label, "update(pw, true)", () -> c.updateConnectionPassword("pw", true));
            step(label, "GET", () -> c.get("k"));
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL", () -> c.get("k"));
            c.close();
        });

        scenario("invalid updates", label -> {
            GlideClient c = create(label, config(p, null, null));
            if (c == null) {
                return;
            }
            step(label, "update(\"\", true)", () -> c.updateConnectionPassword("", true));
            step(label, "update(true)", () -> c.updateConnectionPassword(true));
            step(label, "update(null, false)", () -> c.updateConnectionPassword(null, false));
            step(label, "update(\"\", false)", () -> c.updateConnectionPassword("", false));
            char[] longPassword = new char[1000];
            Arrays.fill(longPassword, 'p');
            step(label, "update(1000 chars, false)", () -> c.updateConnectionPassword(new String(longPassword), false));
            step(label, "GET", () -> c.get("k"));
            c.close();
        });

        scenario("remove the password", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClient c = create(label, config(p, null, "pw1"));
            if (c == null) {
                return;
            }
            admin("CONFIG", "SET", "requirepass", "");
            step(label, "update(false)", () -> c.updateConnectionPassword(false));
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL", () -> c.get("k"));
            c.close();
        });

        scenario("no password, server starts requiring one, reconnect", label -> {
            GlideClient c = create(label, config(p, null, null));
            if (c == null) {
                return;
            }
            admin("CONFIG", "SET", "requirepass", "pw1");
            step(label, "GET on the open connection", () -> c.get("k"));
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL", () -> c.get("k"));
            step(label, "update(pw1, false)", () -> c.updateConnectionPassword("pw1", false));
            Thread.sleep(3000);
            step(label, "GET 3 s later", () -> c.get("k"));
            c.close();
        });

        scenario("ACL user, update without immediateAuth, user recreated", label -> {
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all");
            GlideClient c = create(label, config(p, USER, "upw1"));
            if (c == null) {
                return;
            }
            step(label, "INFO", () -> c.info().thenApply(s -> s.isEmpty() ? "empty" : "non-empty"));
            step(label, "update(upw2, false)", () -> c.updateConnectionPassword("upw2", false));
            // ACL DELUSER disconnects the user's connections.
            admin("ACL", "DELUSER", USER);
            admin("ACL", "SETUSER", USER, "on", ">upw2", "~*", "&*", "+@all");
            Thread.sleep(2000);
            step(label, "ACL WHOAMI after the reconnect", () -> c.customCommand(new String[] {"ACL", "WHOAMI"}));
            step(label, "update(upw2, true)", () -> c.updateConnectionPassword("upw2", true));
            step(label, "GET", () -> c.get("k"));
            c.close();
        });

        scenario("ACL user, connection lost before the update", label -> {
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all");
            GlideClient c = create(label, config(p, USER, "upw1"));
            if (c == null) {
                return;
            }
            step(label, "GET", () -> c.get("k"));
            admin("ACL", "DELUSER", USER);
            admin("ACL", "SETUSER", USER, "on", ">upw2", "~*", "&*", "+@all");
            Thread.sleep(2000);
            step(label, "update(upw2, false) while disconnected", () -> c.updateConnectionPassword("upw2", false));
            step(label, "update(upw2, true) while disconnected", () -> c.updateConnectionPassword("upw2", true));
            Thread.sleep(3000);
            step(label, "GET 3 s later", () -> c.get("k"));
            c.close();
        });

        scenario("ACL user, immediateAuth with a second password", label -> {
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all");
            GlideClient c = create(label, config(p, USER, "upw1"));
            if (c == null) {
                return;
            }
            admin("ACL", "SETUSER", USER, ">upw2");
            step(label, "update(upw2, true)", () -> c.updateConnectionPassword("upw2", true));
            step(label, "update(\"\", true)", () -> c.updateConnectionPassword("", true));
            step(label, "update(true)", () -> c.updateConnectionPassword(true));
            step(label, "ACL WHOAMI", () -> c.customCommand(new String[] {"ACL", "WHOAMI"}));
            c.close();
        });
    }

    /** valkey-glide's ClusterClientTests cases and the basic ones, on a cluster without replicas. */
    static void runCluster(ProtocolVersion p) throws Exception {
        scenario("no password, server requires one", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            createCluster(label, clusterConfig(p, null, null));
        });

        scenario("no password, server requires one, lazyConnect", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClusterClient c = createCluster(label, clusterConfig(p, null, null).lazyConnect(true));
            if (c != null) {
                step(label, "first SET", () -> c.set("k", "v"));
                c.close();
            }
        });

        scenario("wrong password", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            createCluster(label, clusterConfig(p, null, "nope"));
        });

        scenario("right password", label -> {
            admin("CONFIG", "SET", "requirepass", "pw1");
            GlideClusterClient c = createCluster(label, clusterConfig(p, null, "pw1"));
            if (c != null) {
                step(label, "SET", () -> c.set("k", "v"));
                step(label, "GET", () -> c.get("k"));
                c.close();
            }
        });

        scenario("ACL user, SET not allowed", label -> {
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all", "-set");
            GlideClusterClient c = createCluster(label, clusterConfig(p, USER, "upw1"));
            if (c != null) {
                step(label, "GET", () -> c.get("k"));
                step(label, "SET (not allowed)", () -> c.set("k", "w"));
                c.close();
            }
        });

        scenario("update without immediateAuth, then reconnect", label -> {
            GlideClusterClient c = createCluster(label, clusterConfig(p, null, null));
            if (c == null) {
                return;
            }
            step(label, "SET", () -> c.set("k", "v"));
            step(label, "update(pw2, false)", () -> c.updateConnectionPassword("pw2", false));
            step(label, "GET with the old connections", () -> c.get("k"));
            admin("CONFIG", "SET", "requirepass", "pw2");
            admin("CLIENT", "KILL", "USER", "default");
            Thread.sleep(1000);
            step(label, "GET after CLIENT KILL", () -> c.get("k"));
            c.close();
        });

        scenario("update with immediateAuth", label -> {
            GlideClusterClient c = createCluster(label, clusterConfig(p, null, null));
            if (c == null) {
                return;
            }
            step(label, "update(pw, true), server requires none", () -> c.updateConnectionPassword("pw", true));
            admin("CONFIG", "SET", "requirepass", "pw2");
            step(label, "update(wrong, true)", () -> c.updateConnectionPassword("wrong", true));
            step(label, "update(pw2, true)", () -> c.updateConnectionPassword("pw2", true));
            step(label, "GET", () -> c.get("k"));
            c.close();
        });

        scenario("invalid updates", label -> {
            GlideClusterClient c = createCluster(label, clusterConfig(p, null, null));
            if (c == null) {
                return;
            }
            step(label, "update(\"\", true)", () -> c.updateConnectionPassword("", true));
            step(label, "update(true)", () -> c.updateConnectionPassword(true));
            step(label, "update(null, false)", () -> c.updateConnectionPassword(null, false));
            c.close();
        });

        scenario("ACL user, update without immediateAuth, user recreated", label -> {
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all");
            GlideClusterClient c = createCluster(label, clusterConfig(p, USER, "upw1"));
            if (c == null) {
                return;
            }
            step(label, "update(upw2, false)", () -> c.updateConnectionPassword("upw2", false));
            admin("ACL", "DELUSER", USER);
            Thread.sleep(1000);
            admin("ACL", "SETUSER", USER, "on", ">upw2", "~*", "&*", "+@all");
            Thread.sleep(1000);
            step(label, "GET after the reconnect", () -> c.get("k"));
            step(label, "update(upw2, true)", () -> c.updateConnectionPassword("upw2", true));
            c.close();
        });

        scenario("ACL user, connection lost, then immediateAuth", label -> {
            admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all");
            GlideClusterClient c = createCluster(label, clusterConfig(p, USER, "upw1"));
            if (c == null) {
                return;
            }
            step(label, "GET", () -> c.get("k"));
            admin("ACL", "DELUSER", USER);
            admin("ACL", "SETUSER", USER, "on", ">upw2", "~*", "&*", "+@all");
            Thread.sleep(1000);
            step(label, "update(upw2, true) while disconnected", () -> c.updateConnectionPassword("upw2", true));
            step(label, "GET", () -> c.get("k"));
            c.close();
        });
    }

    // ------------------------------------------------------------------ helpers

    static GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> clusterConfig(
            ProtocolVersion p, String username, String password) {
        GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> b =
                GlideClusterClientConfiguration.builder()
                        .address(NodeAddress.builder().host("127.0.0.1").port(port).build())
                        .protocol(p)
                        .requestTimeout(REQUEST_TIMEOUT_MS)
                        .advancedConfiguration(AdvancedGlideClusterClientConfiguration.builder()
                                .connectionTimeout(CONNECTION_TIMEOUT_MS).build());
        if (password != null) {
            b.credentials(ServerCredentials.builder().username(username).password(password).build());
        }
        return b;
    }

    static GlideClusterClient createCluster(
            String label, GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> b) {
        Object[] made = new Object[1];
        step(label, "createClient", () -> GlideClusterClient.createClient(b.build()).thenApply(c -> {
            made[0] = c;
            return "ok";
        }));
        return (GlideClusterClient) made[0];
    }

    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> config(
            ProtocolVersion p, String username, String password) {
        GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> b = GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host("127.0.0.1").port(port).build())
                .protocol(p)
                .requestTimeout(REQUEST_TIMEOUT_MS)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT_MS).build());
        if (password != null) {
            b.credentials(ServerCredentials.builder().username(username).password(password).build());
        }
        return b;
    }

    static GlideClient create(String label, GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> b) {
        Object[] made = new Object[1];
        step(label, "createClient", () -> GlideClient.createClient(b.build()).thenApply(c -> {
            made[0] = c;
            return "ok";
        }));
        return (GlideClient) made[0];
    }

    interface Call {
        CompletableFuture<?> call() throws Exception;
    }

    static void step(String label, String step, Call call) {
        String outcome;
        CompletableFuture<?> f;
        try {
            f = call.call();
        } catch (Throwable t) {
            out(label, step, "THREW " + t.getClass().getSimpleName());
            describe(label, step, t);
            return;
        }
        try {
            outcome = render(f.get(REQUEST_TIMEOUT_MS + 10_000L, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            outcome = "FAILED " + cause.getClass().getSimpleName();
            describe(label, step, cause);
        } catch (java.util.concurrent.TimeoutException e) {
            outcome = "HUNG";
        } catch (Throwable t) {
            outcome = "THREW " + t.getClass().getSimpleName();
            describe(label, step, t);
        }
        out(label, step, outcome);
    }

    static String render(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String) {
            return "String(\"" + v + "\")";
        }
        return v.getClass().getSimpleName() + "(" + v + ")";
    }

    static void describe(String label, String step, Throwable t) {
        StringBuilder s = new StringBuilder("[" + section + "] " + label + ": " + step + " :: " + t);
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            s.append(" / cause ").append(c);
        }
        System.err.println(s);
    }

    static void out(String label, String step, String outcome) {
        System.out.println("[" + section + "] " + label + ": " + step + " -> " + outcome);
        System.out.flush();
    }

    /** Runs one command on every server as the admin user; returns the last redis-cli output. */
    static String admin(String... command) throws Exception {
        String last = null;
        for (int p : ports) {
            last = admin(p, command);
        }
        return last;
    }

    static String admin(int onPort, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(redisCli, "-p", String.valueOf(onPort), "--user", "compat-admin",
                "--pass", "compat-admin-pw", "--no-auth-warning"));
        args.addAll(Arrays.asList(command));
        Process pr = new ProcessBuilder(args).redirectErrorStream(true).start();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = pr.getInputStream()) {
            in.transferTo(buf);
        }
        int exit = pr.waitFor();
        String text = buf.toString(StandardCharsets.UTF_8).trim();
        if (exit != 0 || text.startsWith("(error)") || text.startsWith("ERR") || text.startsWith("NOPERM")
                || text.startsWith("Could not connect")) {
            throw new IllegalStateException("admin " + String.join(" ", command) + ": " + text);
        }
        return text;
    }

    static void resetServer() throws Exception {
        admin("CONFIG", "SET", "requirepass", "");
        admin("ACL", "DELUSER", USER);
        admin("CLIENT", "KILL", "USER", "default");
    }
}
