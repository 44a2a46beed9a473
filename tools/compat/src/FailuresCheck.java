import glide.api.BaseClient;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.Batch;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.AdvancedGlideClusterClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.ScriptedServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which exception each failure gives (issue 14). Compiled once against glide-jni (with
 * ScriptedServer, the fake server of the Java tests), run against glide-jni and valkey-glide
 * 2.3.1 by run-failures.sh, which diffs the two outputs.
 *
 * <p>Usage: {@code FailuresCheck list} prints the sections; {@code FailuresCheck SECTION FROM
 * REDIS_PORT REDIS_SERVER WORKDIR} runs the cases of SECTION from number FROM on. Each case runs
 * in two modes: {@code get} (the client's blocking {@code get()}, in a thread the program waits
 * for with a bound) and {@code callback} ({@code whenComplete} recording the outcome, waited for
 * with the same bound). A wait that exceeds the bound (the step's request timeout + 5 s) prints
 * {@code HUNG}. Before each case "#start N label" goes to stderr, and "#done" after the last, so
 * that the runner can tell which case a crashed JVM was running and go on after it.
 *
 * <p>stdout: one line per step, {@code [section] case: step (mode) -> outcome}, the outcome being
 * the value ({@code String("good")}, {@code null}, ...), {@code FAILED X} (the future failed with
 * X), {@code THREW X} (thrown synchronously) or {@code HUNG}; nothing timing-dependent. stderr:
 * the exceptions' messages and causes, the fake server's connections and handshakes.
 */
public class FailuresCheck {

    static final int REQUEST_TIMEOUT_MS = 1000;
    static final int CONNECTION_TIMEOUT_MS = 1000;
    static final long BOUND_MS = Math.max(REQUEST_TIMEOUT_MS, CONNECTION_TIMEOUT_MS) + 5000;
    static final String[] MODES = {"get", "callback"};
    static final String[] SECTIONS = {"handshake", "real", "fake", "fake-cluster"};

    static String section;
    static int redisPort;
    static String redisServer;
    static File workdir;

    interface Case {
        void run(String mode) throws Exception;
    }

    interface Submit {
        Future<?> submit() throws Exception;
    }

    static final class Named {
        final String label;
        final Case body;

        Named(String label, Case body) {
            this.label = label;
            this.body = body;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("list")) {
            for (String s : SECTIONS) {
                System.out.println(s);
            }
            return;
        }
        section = args[0];
        int from = Integer.parseInt(args[1]);
        redisPort = Integer.parseInt(args[2]);
        redisServer = args[3];
        workdir = new File(args[4]);
        List<Named> cases = new ArrayList<>();
        switch (section) {
            case "handshake":
                handshakeCases(cases);
                break;
            case "real":
                realCases(cases);
                break;
            case "fake":
                fakeCases(cases, false);
                break;
            case "fake-cluster":
                fakeCases(cases, true);
                break;
            default:
                System.err.println("unknown section " + section);
                System.exit(2);
        }
        int index = 0;
        for (Named c : cases) {
            for (String mode : c.label.startsWith("handshake") ? new String[] {"-"} : MODES) {
                if (index >= from) {
                    String label = c.label + (mode.equals("-") ? "" : " (" + mode + ")");
                    System.err.println("#start " + index + " " + label);
                    System.err.flush();
                    try {
                        c.body.run(mode);
                    } catch (Throwable t) {
                        out(c.label, "case", mode, "CASE ERROR " + t.getClass().getSimpleName());
                        t.printStackTrace();
                    }
                }
                index++;
            }
        }
        System.out.flush();
        System.err.println("#done");
        System.err.flush();
        // Clients that may be stuck (HUNG) must not keep the JVM alive.
        Runtime.getRuntime().halt(0);
    }

    // ------------------------------------------------------------------ clients

    static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> standalone(String host, int port) {
        return GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(port).build())
                .requestTimeout(REQUEST_TIMEOUT_MS)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT_MS).build());
    }

    static GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> cluster(String host, int port) {
        return GlideClusterClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(port).build())
                .requestTimeout(REQUEST_TIMEOUT_MS)
                .advancedConfiguration(AdvancedGlideClusterClientConfiguration.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT_MS).build());
    }

    /** Creates a client in {@code mode}, printing the outcome as step "createClient"; null if none. */
    @SuppressWarnings("unchecked")
    static <C extends BaseClient> C create(String label, String mode, Submit create) {
        AtomicReference<Object> value = new AtomicReference<>();
        String outcome = await(mode, BOUND_MS, create, null, value);
        if (value.get() instanceof BaseClient) {
            out(label, "createClient", mode, "ok");
            return (C) value.get();
        }
        out(label, "createClient", mode, outcome);
        return null;
    }

    static void closeQuietly(BaseClient c) {
        if (c == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                c.close();
            } catch (Throwable ignored) {
                // the case is over
            }
        }, "failures-close");
        t.setDaemon(true);
        t.start();
        try {
            t.join(BOUND_MS);
        } catch (InterruptedException ignored) {
            // go on
        }
        if (t.isAlive()) {
            System.err.println("[" + section + "] close() did not return within " + BOUND_MS + " ms");
        }
    }

    // ------------------------------------------------------------------ handshake

    /** What each client sends to a fake server: per connection, every command in order. */
    static void handshakeCases(List<Named> cases) {
        for (boolean clustered : new boolean[] {false, true}) {
            for (ProtocolVersion p : new ProtocolVersion[] {ProtocolVersion.RESP3, ProtocolVersion.RESP2}) {
                String label = "handshake " + (clustered ? "cluster" : "standalone") + " " + p;
                cases.add(new Named(label, mode -> {
                    ScriptedServer.Builder b = ScriptedServer.builder().responder(FailuresCheck::behave);
                    try (ScriptedServer fake = (clustered ? b.cluster() : b).start()) {
                        BaseClient c = create(label, "get", () -> clustered
                                ? GlideClusterClient.createClient(cluster(fake.host(), fake.port()).protocol(p).build())
                                : GlideClient.createClient(standalone(fake.host(), fake.port()).protocol(p).build()));
                        if (c != null) {
                            step(label, "GET", "get", () -> c.get("k"));
                            closeQuietly(c);
                        }
                        Thread.sleep(200);
                        Map<Integer, List<String>> byConnection = new TreeMap<>();
                        for (ScriptedServer.Received r : fake.received()) {
                            byConnection.computeIfAbsent(r.connection(), k -> new ArrayList<>())
                                    .add(String.join(" ", r.command()));
                        }
                        List<String> connections = new ArrayList<>();
                        for (List<String> commands : byConnection.values()) {
                            connections.add("[" + String.join(" | ", commands) + "]");
                        }
                        System.err.println("[handshake] " + label + " :: in connection order: " + connections);
                        connections.sort(null); // the order connections are opened in may vary
                        out(label, "connections", "-", connections.size() + " " + String.join(" ", connections));
                    }
                }));
            }
        }
    }

    // ------------------------------------------------------------------ real redis-server

    static void realCases(List<Named> cases) throws IOException {
        cases.add(new Named("use after close", mode -> {
            String label = "use after close";
            GlideClient c = create(label, mode, () -> GlideClient.createClient(standalone("127.0.0.1", redisPort).build()));
            if (c == null) {
                return;
            }
            c.close();
            step(label, "GET", mode, () -> c.get("fk:str"));
        }));

        cases.add(new Named("pending at close", mode -> {
            String label = "pending at close";
            GlideClient c = create(label, mode, () -> GlideClient.createClient(standalone("127.0.0.1", redisPort).build()));
            if (c == null) {
                return;
            }
            step(label, "BLPOP 2 s, close() after 200 ms", mode, 2000 + BOUND_MS,
                    () -> c.blpop(new String[] {"fk:nolist-" + mode}, 2.0), () -> {
                        sleep(200);
                        closeQuietly(c);
                    });
        }));

        cases.add(new Named("server killed", mode -> {
            String label = "server killed";
            int port = freePort();
            Process server = startRedis(port, "killed-" + mode);
            GlideClient c = null;
            try {
                waitForRedis(port);
                c = create(label, mode, () -> GlideClient.createClient(standalone("127.0.0.1", port).build()));
                if (c == null) {
                    return;
                }
                GlideClient cc = c;
                step(label, "GET before", mode, () -> cc.get("fk:str"));
                Process dying = server;
                step(label, "BLPOP 2 s in flight at SIGKILL", mode, 2000 + BOUND_MS,
                        () -> cc.blpop(new String[] {"fk:nolist"}, 2.0), () -> {
                            sleep(200);
                            dying.destroyForcibly(); // SIGKILL
                            try {
                                dying.waitFor();
                            } catch (InterruptedException ignored) {
                                // go on
                            }
                        });
                step(label, "GET while the server is down", mode, () -> cc.get("fk:str"));
                server = startRedis(port, "restarted-" + mode);
                waitForRedis(port);
                // Whether the client reconnects by itself (no request sent): a connection other
                // than the CLIENT LIST asker's shows in CLIENT LIST. A GET sent before that has a
                // timing-dependent outcome (valkey-glide: TimeoutException or the value), so the
                // GET waits for it.
                String reconnected = "no";
                for (int i = 0; i < 100; i++) {
                    if (otherConnections(port) > 0) {
                        reconnected = "yes";
                        System.err.println("[real] " + label + " (" + mode + ") :: reconnected after ~" + (i * 100) + " ms");
                        break;
                    }
                    sleep(100);
                }
                out(label, "reconnects by itself within 10 s of the restart", mode, reconnected);
                step(label, "GET once reconnected (or after 10 s)", mode, () -> cc.get("fk:str"));
            } finally {
                closeQuietly(c);
                server.destroyForcibly();
                server.waitFor();
            }
        }));

        int closed = freePort();
        cases.add(new Named("nobody listening, standalone", mode -> {
            create("nobody listening, standalone", mode, () -> GlideClient.createClient(standalone("127.0.0.1", closed).build()));
        }));
        cases.add(new Named("nobody listening, cluster", mode -> {
            create("nobody listening, cluster", mode,
                    () -> GlideClusterClient.createClient(cluster("127.0.0.1", closed).build()));
        }));
        cases.add(new Named("lazyConnect, nobody listening, standalone", mode -> {
            String label = "lazyConnect, nobody listening, standalone";
            GlideClient c = create(label, mode,
                    () -> GlideClient.createClient(standalone("127.0.0.1", closed).lazyConnect(true).build()));
            if (c != null) {
                step(label, "first GET", mode, () -> c.get("fk:str"));
                closeQuietly(c);
            }
        }));
        cases.add(new Named("lazyConnect, nobody listening, cluster", mode -> {
            String label = "lazyConnect, nobody listening, cluster";
            GlideClusterClient c = create(label, mode,
                    () -> GlideClusterClient.createClient(cluster("127.0.0.1", closed).lazyConnect(true).build()));
            if (c != null) {
                step(label, "first GET", mode, () -> c.get("fk:str"));
                closeQuietly(c);
            }
        }));

        cases.add(new Named("request timeout", mode -> {
            String label = "request timeout";
            GlideClient c = create(label, mode,
                    () -> GlideClient.createClient(standalone("127.0.0.1", redisPort).requestTimeout(200).build()));
            if (c == null) {
                return;
            }
            step(label, "DEBUG SLEEP 1 with requestTimeout 200", mode,
                    () -> c.customCommand(new String[] {"DEBUG", "SLEEP", "1"}));
            sleep(1000); // the server is busy until then
            step(label, "next GET", mode, () -> c.get("fk:str"));
            closeQuietly(c);
        }));

        cases.add(new Named("server error", mode -> {
            String label = "server error";
            GlideClient c = create(label, mode, () -> GlideClient.createClient(standalone("127.0.0.1", redisPort).build()));
            if (c == null) {
                return;
            }
            String key = "fk:nan-" + mode;
            String list = "fk:list-" + mode;
            c.set(key, "abc").get(5, TimeUnit.SECONDS);
            c.del(new String[] {list}).get(5, TimeUnit.SECONDS);
            c.lpush(list, new String[] {"a"}).get(5, TimeUnit.SECONDS);
            step(label, "INCR of a non-number", mode, () -> c.incr(key));
            step(label, "GET of a list (WRONGTYPE)", mode, () -> c.get(list));
            step(label, "next GET", mode, () -> c.get(key));
            closeQuietly(c);
        }));

        for (boolean raise : new boolean[] {true, false}) {
            String label = "EXECABORT, raiseOnError " + raise;
            cases.add(new Named(label, mode -> {
                GlideClient c = create(label, mode, () -> GlideClient.createClient(standalone("127.0.0.1", redisPort).build()));
                if (c == null) {
                    return;
                }
                Batch tx = new Batch(true);
                tx.set("fk:tx", "v");
                tx.customCommand(new String[] {"SET", "fk:tx"}); // wrong arity: the first refusal
                tx.customCommand(new String[] {"NOSUCHCMD", "x"}); // unknown command: the second
                tx.get("fk:tx");
                AtomicReference<Object> value = new AtomicReference<>();
                AtomicReference<Throwable> error = new AtomicReference<>();
                String o = await(mode, BOUND_MS, () -> c.exec(tx, raise), null, value, error);
                out(label, "exec", mode, o);
                if (error.get() != null) {
                    // issue 14: the message must name the real first refusal
                    out(label, "its message", mode, quote(String.valueOf(error.get().getMessage())));
                }
                step(label, "next GET", mode, () -> c.get("fk:str"));
                closeQuietly(c);
            }));
        }
    }

    // ------------------------------------------------------------------ fake server

    /** The behaving fake: GET answers "ok", PING +PONG, everything else +OK. */
    static String behave(List<String> command, boolean resp3) {
        String name = command.get(0).toUpperCase();
        return name.equals("GET") ? "$2\r\nok\r\n" : name.equals("PING") ? "+PONG\r\n" : "+OK\r\n";
    }

    static String nested(int depth) {
        StringBuilder sb = new StringBuilder(depth * 4 + 16);
        for (int i = 0; i < depth; i++) {
            sb.append("*1\r\n");
        }
        return sb.append("$4\r\ngood\r\n").toString();
    }

    static void fakeCases(List<Named> cases, boolean clustered) {
        misbehaving(cases, clustered, "one reply more than asked",
                x -> x.write("$4\r\ngood\r\n$5\r\nEXTRA\r\n"));
        misbehaving(cases, clustered, "unknown type byte", x -> x.write("?x\r\n"));
        misbehaving(cases, clustered, "bulk length 2^40", x -> x.write("$1099511627776\r\n"));
        String deep = nested(100_000);
        misbehaving(cases, clustered, "100000 nested arrays", x -> x.write(deep));
        misbehaving(cases, clustered, "RESP3 attribute before the reply",
                x -> x.write("|1\r\n+key\r\n:1\r\n$4\r\ngood\r\n"));
        misbehaving(cases, clustered, "reply in 1-byte writes", x -> x.writeInPieces("$4\r\ngood\r\n", 1, 20));
        misbehaving(cases, clustered, "truncated reply, then close", x -> {
            x.write("$4\r\ngo");
            x.closeConnection();
        });
        // Stops answering: the GET's connection stalls (as behind a busy server) until the fake
        // behaves again; then the stalled GET gets its late reply and the next ones theirs.
        misbehaving(cases, clustered, "no answer (stalls until it behaves again)", null);

        String closes = "closes right after accepting";
        cases.add(new Named(closes, mode -> {
            ScriptedServer.Builder b = ScriptedServer.builder().responder(FailuresCheck::behave).closeOnAccept(true);
            try (ScriptedServer fake = (clustered ? b.cluster() : b).start()) {
                BaseClient c = create(closes, mode, () -> connect(fake, clustered, ProtocolVersion.RESP3));
                fake.closeOnAccept(false);
                afterRecovery(closes, mode, fake, c);
            }
        }));
        for (ProtocolVersion p : new ProtocolVersion[] {ProtocolVersion.RESP3, ProtocolVersion.RESP2}) {
            String label = "HELLO refused ('unknown command'), " + p + " configured";
            cases.add(new Named(label, mode -> {
                ScriptedServer.Builder b = ScriptedServer.builder().responder(FailuresCheck::behave)
                        .answer("HELLO", "-ERR unknown command 'HELLO'\r\n");
                try (ScriptedServer fake = (clustered ? b.cluster() : b).start()) {
                    BaseClient c = create(label, mode, () -> connect(fake, clustered, p));
                    fake.answer("HELLO", null);
                    afterRecovery(label, mode, fake, c);
                }
            }));
        }
    }

    static CompletableFuture<? extends BaseClient> connect(ScriptedServer fake, boolean clustered, ProtocolVersion p)
            throws Exception {
        return clustered
                ? GlideClusterClient.createClient(cluster(fake.host(), fake.port()).protocol(p).build())
                : GlideClient.createClient(standalone(fake.host(), fake.port()).protocol(p).build());
    }

    /**
     * A case: the fake answers the handshake normally; once the client exists, GET is answered by
     * {@code misbehave} (null: stalls); then the fake behaves again and the same client sends two
     * more GETs (answered "ok").
     */
    static void misbehaving(List<Named> cases, boolean clustered, String label, ScriptedServer.Handler misbehave) {
        cases.add(new Named(label, mode -> {
            CountDownLatch resume = new CountDownLatch(1);
            ScriptedServer.Handler bad = misbehave != null ? misbehave : x -> {
                resume.await(60, TimeUnit.SECONDS);
                x.write("$4\r\ngood\r\n");
            };
            ScriptedServer.Builder b = ScriptedServer.builder().responder(FailuresCheck::behave);
            try (ScriptedServer fake = (clustered ? b.cluster() : b).start()) {
                BaseClient c = create(label, mode, () -> connect(fake, clustered, ProtocolVersion.RESP3));
                if (c == null) {
                    return;
                }
                fake.handler(x -> {
                    if (x.name().equals("GET")) {
                        bad.handle(x);
                    } else {
                        ScriptedServer.responding(FailuresCheck::behave).handle(x);
                    }
                });
                step(label, "GET", mode, () -> c.get("k"));
                fake.responder(FailuresCheck::behave);
                resume.countDown();
                afterRecovery(label, mode, fake, c);
            }
        }));
    }

    /** The fake behaves again: two GETs on the same client (each should give "ok"). */
    static void afterRecovery(String label, String mode, ScriptedServer fake, BaseClient c) {
        if (c == null) {
            out(label, "next GET after the fake behaves again", mode, "no client");
            return;
        }
        step(label, "next GET after the fake behaves again", mode, () -> c.get("k"));
        step(label, "second GET after the fake behaves again", mode, () -> c.get("k"));
        closeQuietly(c);
        StringBuilder sb = new StringBuilder();
        for (ScriptedServer.Received r : fake.received()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r);
        }
        System.err.println("[" + section + "] " + label + " (" + mode + ") :: " + fake.accepted()
                + " connection(s) accepted; received: " + sb);
    }

    // ------------------------------------------------------------------ waiting, printing

    static void step(String label, String step, String mode, Submit submit) {
        step(label, step, mode, BOUND_MS, submit, null);
    }

    static void step(String label, String step, String mode, long boundMs, Submit submit, Runnable meanwhile) {
        out(label, step, mode, await(mode, boundMs, submit, meanwhile, new AtomicReference<>()));
    }

    static String await(String mode, long boundMs, Submit submit, Runnable meanwhile, AtomicReference<Object> value) {
        return await(mode, boundMs, submit, meanwhile, value, new AtomicReference<>());
    }

    /**
     * Submits a request and waits for its outcome in {@code mode}, at most {@code boundMs};
     * {@code meanwhile} (if any) runs on this thread once the request is submitted.
     */
    static String await(String mode, long boundMs, Submit submit, Runnable meanwhile,
            AtomicReference<Object> value, AtomicReference<Throwable> error) {
        lastMessage = null;
        AtomicReference<String> outcome = new AtomicReference<>();
        CountDownLatch submitted = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        if (mode.equals("callback")) {
            Future<?> f;
            try {
                f = submit.submit();
            } catch (Throwable t) {
                error.set(t);
                note(t, null);
                return "THREW " + t.getClass().getSimpleName();
            }
            ((CompletableFuture<?>) f).whenComplete((v, e) -> {
                if (e != null) {
                    Throwable u = unwrap(e);
                    error.set(u);
                    note(u, Thread.currentThread().getName());
                    outcome.set("FAILED " + u.getClass().getSimpleName());
                } else {
                    value.set(v);
                    outcome.set(render(v));
                    lastMessage = "(callback on thread " + Thread.currentThread().getName() + ")";
                }
                done.countDown();
            });
        } else {
            Thread waiter = new Thread(() -> {
                Future<?> f;
                try {
                    f = submit.submit();
                } catch (Throwable t) {
                    error.set(t);
                    note(t, null);
                    outcome.set("THREW " + t.getClass().getSimpleName());
                    submitted.countDown();
                    done.countDown();
                    return;
                }
                submitted.countDown();
                try {
                    Object v = f.get();
                    value.set(v);
                    outcome.set(render(v));
                } catch (Throwable t) {
                    Throwable u = unwrap(t);
                    error.set(u);
                    note(u, null);
                    outcome.set("FAILED " + u.getClass().getSimpleName());
                }
                done.countDown();
            }, "failures-get");
            waiter.setDaemon(true);
            waiter.start();
            try {
                if (!submitted.await(boundMs, TimeUnit.MILLISECONDS)) {
                    return "HUNG";
                }
            } catch (InterruptedException e) {
                return "INTERRUPTED";
            }
        }
        if (meanwhile != null) {
            meanwhile.run();
        }
        try {
            if (!done.await(boundMs, TimeUnit.MILLISECONDS)) {
                return "HUNG";
            }
        } catch (InterruptedException e) {
            return "INTERRUPTED";
        }
        return outcome.get();
    }

    /** The last failure's message and the callback's thread, for stderr (see {@link #out}). */
    static volatile String lastMessage;

    /** Prints the step's line on stdout and, on stderr, the same line with the failure's message. */
    static void out(String label, String step, String mode, String outcome) {
        String line = "[" + section + "] " + label + ": " + step + (mode.equals("-") ? "" : " (" + mode + ")");
        System.out.println(line + " -> " + outcome);
        System.out.flush();
        String message = lastMessage;
        lastMessage = null;
        System.err.println(line + " -> " + outcome + (message != null ? " :: " + message : ""));
    }

    static void note(Throwable t, String thread) {
        StringBuilder sb = new StringBuilder().append(t.getClass().getName())
                .append(": ").append(t.getMessage());
        for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append(" [cause ").append(c.getClass().getName()).append(": ").append(c.getMessage()).append(']');
        }
        if (thread != null) {
            sb.append(" (callback on thread ").append(thread).append(')');
        }
        lastMessage = sb.toString();
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    static String render(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof String) {
            return "String(" + quote((String) o) + ")";
        }
        if (o instanceof BaseClient) {
            return "client";
        }
        if (o instanceof Object[]) {
            Object[] a = (Object[]) o;
            StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append('{');
            for (int i = 0; i < a.length; i++) {
                sb.append(i > 0 ? ", " : "").append(render(a[i]));
            }
            return sb.append('}').toString();
        }
        return o.getClass().getSimpleName() + "(" + quote(String.valueOf(o)) + ")";
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20 || ch > 0x7e) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }

    // ------------------------------------------------------------------ processes, ports

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A redis-server of our own (killed by the case); its pid file in WORKDIR lets the runner clean up. */
    static Process startRedis(int port, String name) throws IOException {
        File dir = new File(workdir, name);
        dir.mkdirs();
        return new ProcessBuilder(redisServer, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.getPath(), "--daemonize", "no",
                "--pidfile", new File(workdir, name + "-" + port + ".pid").getPath())
                .redirectErrorStream(true)
                .redirectOutput(new File(workdir, name + ".log"))
                .start();
    }

    static void waitForRedis(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                if (in.read() == '+') {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("redis-server on " + port + " did not start");
    }

    /** How many connections a redis-server has besides the one asking. */
    static int otherConnections(int port) {
        int n = 0;
        for (String line : redisCommand(port, "CLIENT LIST").split("\n")) {
            if (line.contains(" cmd=") && !line.contains(" cmd=client|list")) {
                n++;
            }
        }
        return n;
    }

    /** Sends one inline command to a redis-server and returns its reply's text (a bulk string's body). */
    static String redisCommand(int port, String command) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            StringBuilder header = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                header.append((char) b);
            }
            if (header.length() == 0 || header.charAt(0) != '$') {
                return header.toString().trim();
            }
            int length = Integer.parseInt(header.toString().trim().substring(1));
            return length < 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException ignored) {
            // go on
        }
    }
}
