package glide.testutil;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;

/**
 * A real {@code redis-server} process on a free loopback port, for integration tests.
 *
 * <p>The binary is taken from system property {@code glide.test.redisServer} (default {@code
 * redis-server} on the PATH; scripts/test.sh's second leg sets it to Valkey 9.1's {@code
 * valkey-server}). TLS servers always run {@code glide.test.redisTlsServer} (default {@code
 * redis-server}): the Valkey 9.1 build we test with has no TLS. Each instance gets its own temporary working directory; the
 * server's output goes to {@code redis.log} in it. Persistence is off, so a restart starts empty.
 *
 * <pre>{@code
 * try (RedisServer server = RedisServer.start()) {
 *     server.command("SET", "k", "v");
 * }
 * }</pre>
 *
 * <p>{@link #startTls} starts a TLS-only server ({@code --port 0 --tls-port P}) presenting a
 * certificate of {@link TlsCerts}; {@link #port()} is then its TLS port, and {@link #command},
 * {@link #restart()} and the rest work the same, over TLS.
 */
public final class RedisServer implements AutoCloseable {

    public static final String SERVER_PROPERTY = "glide.test.redisServer";
    public static final String TLS_SERVER_PROPERTY = "glide.test.redisTlsServer";

    private static final String HOST = "127.0.0.1";
    private static final long STARTUP_TIMEOUT_MS = 10_000;
    private static final long STOP_TIMEOUT_MS = 5_000;
    private static final int SOCKET_TIMEOUT_MS = 5_000;
    private static final int START_ATTEMPTS = 5;

    // Servers still running when the test JVM exits (e.g. a test forgot close()) are killed so
    // they never outlive the build.
    private static final Set<RedisServer> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> LIVE.forEach(s -> s.process.destroyForcibly()), "redis-server-reaper"));
    }

    private final int port;
    private final Path dir;
    private final Path logFile;
    private final List<String> extraArgs;
    private final Tls tls;
    private volatile Process process;
    private boolean closed;

    private RedisServer(int port, Path dir, List<String> extraArgs, Tls tls) {
        this.port = port;
        this.dir = dir;
        this.logFile = dir.resolve("redis.log");
        this.extraArgs = extraArgs;
        this.tls = tls;
    }

    /** Starts a server with default settings. */
    public static RedisServer start() {
        return start(new String[0]);
    }

    /**
     * Starts a server; {@code extraArgs} are appended to the command line (e.g. {@code
     * "--maxmemory", "1mb"}) and reused by {@link #restart()}.
     */
    public static RedisServer start(String... extraArgs) {
        return start(null, extraArgs);
    }

    /**
     * Starts a TLS-only server: no plaintext port, TLS on {@link #port()}, presenting {@code
     * tls}'s certificate; {@code extraArgs} as for {@link #start(String...)}. Its own admin
     * connections ({@link #command}) use TLS too.
     */
    public static RedisServer startTls(Tls tls, String... extraArgs) {
        return start(java.util.Objects.requireNonNull(tls, "tls"), extraArgs);
    }

    private static RedisServer start(Tls tls, String... extraArgs) {
        List<String> extra = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(extraArgs)));
        Path dir;
        try {
            dir = Files.createTempDirectory("glide-redis-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for redis-server", e);
        }
        IllegalStateException last = null;
        // Another process may grab the port between our probe and redis's bind: retry elsewhere.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            // A cluster node also listens on port + 10000 (its cluster bus), so its port must be
            // at most 55535 and that second port free too.
            boolean clusterNode = extra.contains("--cluster-enabled");
            RedisServer server = new RedisServer(clusterNode ? freeClusterPort() : freePort(), dir, extra, tls);
            try {
                server.launch(STARTUP_TIMEOUT_MS);
                return server;
            } catch (IllegalStateException e) {
                server.kill();
                last = e;
                if (!e.getMessage().contains("Address already in use")) {
                    break;
                }
            }
        }
        deleteRecursively(dir);
        throw last;
    }

    public int port() {
        return port;
    }

    /**
     * The major version of Valkey that plaintext servers run ({@code valkey-server --version}), or
     * 0 when they run Redis: for tests of what only Valkey has (e.g. a cluster's several databases,
     * Valkey 9), which must know before they start their servers with its options.
     */
    public static int valkeyMajorVersion() {
        String binary = System.getProperty(SERVER_PROPERTY, "redis-server");
        try {
            Process p = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            // "Valkey server v=9.1.2 sha=..." / "Redis server v=7.0.15 sha=..."
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^Valkey server v=(\\d+)\\.").matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run '" + binary + " --version'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String host() {
        return HOST;
    }

    /** Whether this server speaks only TLS (started by {@link #startTls}). */
    public boolean isTls() {
        return tls != null;
    }

    /** The TLS settings this server was started with, or null for a plaintext server. */
    public Tls tls() {
        return tls;
    }

    /** Directory holding this server's working files and {@code redis.log}. */
    public Path dir() {
        return dir;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Kills the server with SIGKILL (no shutdown, like a crash) and waits for it to exit. */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        waitForExit(p, STOP_TIMEOUT_MS);
        LIVE.remove(this);
    }

    /** Stops the server gracefully (SHUTDOWN NOSAVE, then SIGTERM, then SIGKILL) and waits. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        if (p.isAlive()) {
            try {
                command("SHUTDOWN", "NOSAVE");
            } catch (RuntimeException expected) {
                // The server closes the connection instead of replying, or is already gone.
            }
            if (!waitForExit(p, STOP_TIMEOUT_MS)) {
                p.destroy();
                if (!waitForExit(p, STOP_TIMEOUT_MS)) {
                    p.destroyForcibly();
                    waitForExit(p, STOP_TIMEOUT_MS);
                }
            }
        }
        LIVE.remove(this);
    }

    /**
     * Starts the server again on the same port (stopping it first if it still runs), waiting for
     * the port to be free and the server to answer PING.
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("RedisServer on port " + port + " is closed");
        }
        stop();
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MS;
        while (true) {
            waitUntilPortFree(deadline);
            try {
                launch(Math.max(1_000, deadline - System.currentTimeMillis()));
                return;
            } catch (IllegalStateException e) {
                kill();
                // A client of the test may hold the port for a moment; retry until the deadline.
                if (!e.getMessage().contains("Address already in use") || System.currentTimeMillis() > deadline) {
                    throw e;
                }
                sleep(100);
            }
        }
    }

    /** Stops the server and deletes its directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        deleteRecursively(dir);
    }

    /**
     * Sends one command on a fresh connection and returns the parsed RESP2 reply: {@code String}
     * for simple and bulk strings, {@code Long} for integers, {@code List<Object>} for arrays and
     * {@code null} for nil.
     *
     * @throws IllegalStateException with the server's message for an error reply
     * @throws UncheckedIOException if the server cannot be reached
     */
    public Object command(String... args) {
        try (Socket socket = openConnection()) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(encode(args));
            out.flush();
            return readReply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "redis-server on port " + port + " did not answer " + Arrays.toString(args) + ": " + e, e);
        }
    }

    /** {@link #command} on a connection that first authenticates with {@code password}. */
    public Object commandWithPassword(String password, String... args) {
        return authenticated(new String[] {"AUTH", password}, args);
    }

    /** {@link #command} on a connection that first authenticates as the ACL user {@code username}. */
    public Object commandAsUser(String username, String password, String... args) {
        return authenticated(new String[] {"AUTH", username, password}, args);
    }

    private Object authenticated(String[] auth, String[] args) {
        try (Socket socket = openConnection()) {
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            out.write(encode(auth));
            out.write(encode(args));
            out.flush();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());
            readReply(in);
            return readReply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "redis-server on port " + port + " did not answer " + Arrays.toString(args) + ": " + e, e);
        }
    }

    /**
     * A new connection to the server, read timeout 5 s: plain TCP, or for a TLS server a TLS
     * connection whose handshake is done, made with {@link TlsCerts#harnessSslContext()} (it shows
     * the test client certificate when asked and accepts any server certificate). The caller
     * closes it.
     */
    public Socket openConnection() throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(HOST, port), SOCKET_TIMEOUT_MS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            if (tls == null) {
                return socket;
            }
            SSLSocket secure = (SSLSocket) TlsCerts.get().harnessSslContext().getSocketFactory()
                    .createSocket(socket, HOST, port, true);
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The server's output so far (for failure messages). */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "<cannot read " + logFile + ": " + e + ">";
        }
    }

    @Override
    public String toString() {
        return "RedisServer[" + HOST + ":" + port + (tls != null ? ", tls" : "") + (isRunning() ? ", running" : ", stopped")
                + "]";
    }

    // ---- TLS settings ----------------------------------------------------------------------------

    /**
     * How a TLS-only server is set up: the certificate it presents, and whether clients must show
     * one signed by {@link TlsCerts}'s CA ({@code --tls-auth-clients}). The CA is always the one
     * the server checks client certificates (and, in a cluster, its peers') against.
     *
     * <pre>{@code
     * RedisServer.startTls(RedisServer.Tls.with(TlsCerts.get().expiredServer()));
     * RedisServer.startTls(RedisServer.Tls.valid().clientAuth(RedisServer.ClientAuth.YES));
     * }</pre>
     */
    public static final class Tls {
        private final TlsCerts.Identity certificate;
        private final ClientAuth clientAuth;

        private Tls(TlsCerts.Identity certificate, ClientAuth clientAuth) {
            this.certificate = certificate;
            this.clientAuth = clientAuth;
        }

        /** The valid server certificate ({@link TlsCerts#server()}), no client certificate required. */
        public static Tls valid() {
            return with(TlsCerts.get().server());
        }

        /** Presents {@code certificate}, no client certificate required. */
        public static Tls with(TlsCerts.Identity certificate) {
            return new Tls(certificate, ClientAuth.NO);
        }

        public Tls clientAuth(ClientAuth clientAuth) {
            return new Tls(certificate, clientAuth);
        }

        public TlsCerts.Identity certificate() {
            return certificate;
        }

        public ClientAuth clientAuth() {
            return clientAuth;
        }

        List<String> args(int tlsPort) {
            return List.of(
                    "--port", "0",
                    "--tls-port", Integer.toString(tlsPort),
                    "--tls-cert-file", certificate.certFile().toString(),
                    "--tls-key-file", certificate.keyFile().toString(),
                    "--tls-ca-cert-file", TlsCerts.get().caCertFile().toString(),
                    "--tls-auth-clients", clientAuth.value);
        }

        @Override
        public String toString() {
            return "Tls[" + certificate + ", clientAuth " + clientAuth + "]";
        }
    }

    /** {@code --tls-auth-clients}: whether the server requires a client certificate. */
    public enum ClientAuth {
        NO("no"),
        YES("yes"),
        OPTIONAL("optional");

        private final String value;

        ClientAuth(String value) {
            this.value = value;
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void launch(long timeoutMs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(tls == null
                ? System.getProperty(SERVER_PROPERTY, "redis-server")
                : System.getProperty(TLS_SERVER_PROPERTY, "redis-server"));
        cmd.addAll(tls == null ? List.of("--port", Integer.toString(port)) : tls.args(port));
        cmd.addAll(Arrays.asList(
                "--bind", HOST,
                "--save", "",
                "--appendonly", "no",
                "--daemonize", "no",
                "--protected-mode", "no",
                "--dir", dir.toString()));
        cmd.addAll(extraArgs);
        long logStart = logSize();
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                // Straight to a file: no pipe that could fill up and block the server.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot run '" + cmd.get(0) + "' (set -D" + (tls == null ? SERVER_PROPERTY : TLS_SERVER_PROPERTY)
                            + "=/path/to/redis-server): " + e, e);
        }
        process = p;
        LIVE.add(this);

        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            if (!p.isAlive()) {
                throw new IllegalStateException("redis-server exited with code " + p.exitValue() + " on port " + port
                        + ":\n" + logSince(logStart));
            }
            if (answersPing()) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("redis-server did not answer PING on port " + port + " within "
                        + timeoutMs + " ms:\n" + logSince(logStart));
            }
            sleep(20);
        }
    }

    private boolean answersPing() {
        try {
            return "PONG".equals(command("PING"));
        } catch (IllegalStateException e) {
            // A server started with --requirepass answers, just not to us yet.
            return e.getMessage() != null && e.getMessage().contains("NOAUTH");
        } catch (RuntimeException notYet) {
            // Connection refused, or -LOADING while the server starts.
            return false;
        }
    }

    private void waitUntilPortFree(long deadline) {
        while (true) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true); // as redis does, so TIME_WAIT sockets do not count
                probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
                return;
            } catch (IOException busy) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("port " + port + " still in use after stopping redis-server");
                }
                sleep(50);
            }
        }
    }

    private static int freeClusterPort() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20_000 + random.nextInt(35_000);
            if (isFree(port) && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair (p, p + 10000) for a cluster node");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }

    private long logSize() {
        try {
            return Files.exists(logFile) ? Files.size(logFile) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long offset) {
        String all = log();
        byte[] bytes = all.getBytes(StandardCharsets.UTF_8);
        return offset > 0 && offset <= bytes.length
                ? new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8)
                : all;
    }

    private static boolean waitForExit(Process p, long timeoutMs) {
        try {
            return p.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: it is a temp dir.
        }
    }

    // ---- RESP2 ---------------------------------------------------------------------------------

    private static byte[] encode(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        writeAscii(buf, "*" + args.length + "\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            writeAscii(buf, "$" + bytes.length + "\r\n");
            buf.write(bytes, 0, bytes.length);
            writeAscii(buf, "\r\n");
        }
        return buf.toByteArray();
    }

    private static void writeAscii(ByteArrayOutputStream buf, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        buf.write(b, 0, b.length);
    }

    private static Object readReply(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed before a reply");
        }
        String line = readLine(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IllegalStateException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int len = Integer.parseInt(line);
                if (len < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(len);
                if (data.length != len) {
                    throw new EOFException("truncated bulk string");
                }
                readLine(in); // trailing CRLF
                return new String(data, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                if (count < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    try {
                        items.add(readReply(in));
                    } catch (IllegalStateException errorElement) {
                        // An error inside an array (e.g. EXEC) is a value, not a failed command.
                        items.add(errorElement);
                    }
                }
                return items;
            }
            default:
                throw new IOException("unexpected RESP type byte '" + (char) type + "'");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the middle of a reply");
            }
            if (b == '\r') {
                int n = in.read();
                if (n != '\n') {
                    throw new IOException("malformed RESP line ending");
                }
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }
}
