package glide.testutil;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake server on a loopback port: it answers the client's handshake itself and each other
 * command the way a test scripts, down to the bytes. Only the JDK; no dependency on the client.
 *
 * <p>Two ways to script a command:
 *
 * <ul>
 *   <li>a {@link Responder} returns the whole raw RESP reply as a string ({@link #start(Responder)});
 *   <li>a {@link Handler} gets an {@link Exchange}: the command and the connection's raw {@link
 *       OutputStream}. It may write any bytes in several writes with pauses, write nothing, block
 *       (only this connection stalls: every connection has its own thread), or close the socket
 *       ({@link #startRaw(Handler)}).
 * </ul>
 *
 * <p>Arguments are decoded as ISO-8859-1: one char per byte, so binary arguments can be checked
 * too, and replies are encoded the same way.
 *
 * <h2>The handshake</h2>
 *
 * The server answers these commands itself; they never reach the handler and are not returned
 * by {@link #nextCommand()} (they are in {@link #received()}): {@code HELLO} (a RESP3 map or a
 * RESP2 array naming the protocol; the connection then speaks it), {@code AUTH}, {@code CLIENT
 * ...}, {@code SELECT}, {@code READONLY}, {@code READWRITE}, {@code INFO} (a primary's: valkey-glide's
 * standalone client sends {@code INFO REPLICATION} and needs {@code role:master}), and in cluster
 * mode {@code CLUSTER ...}. {@link #answer(String, String)} replaces the built-in answer to one of
 * them (e.g. {@code HELLO} refused as by a server older than Redis 6). {@code PING} is not among
 * them: it reaches the handler like any other command.
 *
 * <h2>Single-node cluster</h2>
 *
 * {@link Builder#cluster()} makes the server a cluster of one primary serving all 16384 slots:
 * {@code CLUSTER SLOTS}, {@code CLUSTER SHARDS}, {@code CLUSTER NODES}, {@code CLUSTER INFO},
 * {@code CLUSTER MYID} and {@code INFO} (with {@code cluster_enabled:1}) answer as Redis 7.0 would, with {@link #host()} and
 * {@link #port()} as the node's address.
 *
 * <h2>Misbehaving and behaving again</h2>
 *
 * Everything can change while clients are connected: {@link #handler(Handler)} / {@link
 * #responder(Responder)} switch how the next commands are answered (a command already being
 * handled keeps its handler), {@link #closeOnAccept(boolean)} closes every new connection at
 * once, {@link #answer(String, String)} changes a handshake answer, {@link #dropConnections()}
 * closes the open ones. So a test can make the server misbehave, then behave, and check that the
 * client's next request succeeds.
 *
 * <pre>{@code
 * try (ScriptedServer fake = ScriptedServer.start((command, resp3) -> ":1\r\n")) {
 *     // connect a client to fake.host():fake.port(), send a command, then:
 *     assertEquals(List.of("HSETEX", "k", "FIELDS", "1", "f", "v"), fake.nextCommand());
 * }
 *
 * try (ScriptedServer fake = ScriptedServer.builder().cluster()
 *         .handler(x -> x.writeInPieces("$4\r\ngood\r\n", 1, 10)).start()) {
 *     // a cluster client gets "good" one byte at a time; then:
 *     fake.handler(x -> { x.write("$4\r\ngo"); x.closeConnection(); }); // truncated, then closed
 *     fake.responder((command, resp3) -> "$5\r\nafter\r\n");             // behaves again
 * }
 * }</pre>
 */
public final class ScriptedServer implements AutoCloseable {

    /** The raw RESP reply to {@code command}; {@code resp3} tells the connection's protocol. */
    @FunctionalInterface
    public interface Responder {
        String reply(List<String> command, boolean resp3);
    }

    /** Answers one command by writing (or not) on the connection itself. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange) throws IOException, InterruptedException;
    }

    /** One command to answer, and the connection it came on. */
    public static final class Exchange {
        private final List<String> command;
        private final boolean resp3;
        private final int connection;
        private final Socket socket;
        private final OutputStream out;

        Exchange(List<String> command, boolean resp3, int connection, Socket socket, OutputStream out) {
            this.command = command;
            this.resp3 = resp3;
            this.connection = connection;
            this.socket = socket;
            this.out = out;
        }

        /** The command and its arguments (ISO-8859-1, one char per byte). */
        public List<String> command() {
            return command;
        }

        /** The command's name in upper case. */
        public String name() {
            return command.isEmpty() ? "" : command.get(0).toUpperCase(Locale.ROOT);
        }

        /** Whether the connection said {@code HELLO 3}. */
        public boolean resp3() {
            return resp3;
        }

        /** The connection's number: 1 for the first one the server accepted, and so on. */
        public int connection() {
            return connection;
        }

        /** The connection's raw output; nothing is buffered, each write goes to the socket. */
        public OutputStream out() {
            return out;
        }

        /** Writes {@code raw} (ISO-8859-1) in one write. */
        public void write(String raw) throws IOException {
            write(raw.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** Writes {@code raw} in one write. */
        public void write(byte[] raw) throws IOException {
            out.write(raw);
            out.flush();
        }

        /** Writes {@code raw} in writes of {@code pieceSize} bytes, pausing between them. */
        public void writeInPieces(String raw, int pieceSize, long pauseMillis)
                throws IOException, InterruptedException {
            byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
            for (int from = 0; from < bytes.length; from += pieceSize) {
                if (from > 0) {
                    Thread.sleep(pauseMillis);
                }
                out.write(bytes, from, Math.min(pieceSize, bytes.length - from));
                out.flush();
            }
        }

        /** Closes the connection (the client sees the end of the stream). */
        public void closeConnection() throws IOException {
            socket.close();
        }
    }

    /** A command as received, handshake included. */
    public static final class Received {
        private final int connection;
        private final boolean handshake;
        private final List<String> command;

        Received(int connection, boolean handshake, List<String> command) {
            this.connection = connection;
            this.handshake = handshake;
            this.command = command;
        }

        /** The connection's number (1 for the first one the server accepted). */
        public int connection() {
            return connection;
        }

        /** Whether the server answered it itself (see the class comment). */
        public boolean handshake() {
            return handshake;
        }

        public List<String> command() {
            return command;
        }

        @Override
        public String toString() {
            return "#" + connection + " " + String.join(" ", command);
        }
    }

    /** Options fixed when the server starts; everything else can be changed later too. */
    public static final class Builder {
        private Handler handler = responding((command, resp3) -> "-ERR no reply scripted\r\n");
        private boolean cluster;
        private boolean closeOnAccept;
        private final Map<String, String> answers = new ConcurrentHashMap<>();

        private Builder() {}

        public Builder responder(Responder responder) {
            this.handler = responding(responder);
            return this;
        }

        public Builder handler(Handler handler) {
            this.handler = handler;
            return this;
        }

        /** A single-node cluster: all 16384 slots on this server. */
        public Builder cluster() {
            this.cluster = true;
            return this;
        }

        /** See {@link ScriptedServer#closeOnAccept(boolean)}. */
        public Builder closeOnAccept(boolean close) {
            this.closeOnAccept = close;
            return this;
        }

        /** See {@link ScriptedServer#answer(String, String)}. */
        public Builder answer(String handshakeCommand, String rawReply) {
            answers.put(handshakeCommand.toUpperCase(Locale.ROOT), rawReply);
            return this;
        }

        public ScriptedServer start() {
            try {
                return new ScriptedServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The node id this server reports in cluster mode. */
    public static final String NODE_ID = "e7d1eecce10fd6bb5eb35b9f99a514335d9ba9ca";

    private final ServerSocket listener;
    private final boolean cluster;
    private volatile Handler handler;
    private volatile boolean closeOnAccept;
    private final Map<String, String> answers;
    private final BlockingQueue<List<String>> commands = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Thread acceptor;

    private ScriptedServer(Builder builder) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.cluster = builder.cluster;
        this.handler = builder.handler;
        this.closeOnAccept = builder.closeOnAccept;
        this.answers = builder.answers;
        this.acceptor = new Thread(this::acceptLoop, "scripted-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A standalone server answering every command with {@code responder}'s reply. */
    public static ScriptedServer start(Responder responder) {
        return builder().responder(responder).start();
    }

    /** A standalone server letting {@code handler} answer every command. */
    public static ScriptedServer startRaw(Handler handler) {
        return builder().handler(handler).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A handler writing {@code responder}'s reply in one write. */
    public static Handler responding(Responder responder) {
        return exchange -> exchange.write(responder.reply(exchange.command(), exchange.resp3()));
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** From now on, commands are answered by {@code handler}. */
    public void handler(Handler handler) {
        this.handler = handler;
    }

    /** From now on, commands are answered with {@code responder}'s replies. */
    public void responder(Responder responder) {
        this.handler = responding(responder);
    }

    /** While true, each new connection is closed as soon as it is accepted. */
    public void closeOnAccept(boolean close) {
        this.closeOnAccept = close;
    }

    /**
     * Answers the handshake command {@code name} ({@code HELLO}, {@code CLIENT}, {@code SELECT},
     * {@code CLUSTER}...) with {@code rawReply} instead of the built-in answer; null restores it.
     */
    public void answer(String name, String rawReply) {
        if (rawReply == null) {
            answers.remove(name.toUpperCase(Locale.ROOT));
        } else {
            answers.put(name.toUpperCase(Locale.ROOT), rawReply);
        }
    }

    /** Closes every open connection (the listener stays open). */
    public void dropConnections() {
        for (Socket s : connections) {
            closeQuietly(s);
        }
    }

    /** How many connections the server has accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    /** Every command received so far, handshake included, in the order each connection sent them. */
    public List<Received> received() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    /** The next command a client sent (handshake excluded); fails after 5 s without one. */
    public List<String> nextCommand() throws InterruptedException {
        List<String> command = commands.poll(5, TimeUnit.SECONDS);
        if (command == null) {
            throw new AssertionError("no command reached the scripted server within 5 s");
        }
        return command;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                int number = accepted.incrementAndGet();
                if (closeOnAccept) {
                    closeQuietly(socket);
                    continue;
                }
                connections.add(socket);
                Thread serve = new Thread(() -> serve(socket, number), "scripted-server-conn-" + number);
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, int number) {
        boolean resp3 = false;
        try (Socket s = socket) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                List<String> command = readCommand(in);
                String name = command.isEmpty() ? "" : command.get(0).toUpperCase(Locale.ROOT);
                String reply = handshakeReply(name, command, resp3);
                received.add(new Received(number, reply != null, command));
                if (reply != null) {
                    if (name.equals("HELLO") && !reply.startsWith("-")) {
                        resp3 = command.size() > 1 && command.get(1).equals("3");
                    }
                    out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                commands.add(command);
                handler.handle(new Exchange(command, resp3, number, s, out));
                if (s.isClosed()) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away, the handler closed the connection or the server was closed.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("ScriptedServer: the handler failed on connection #" + number + ": " + e);
        } finally {
            connections.remove(socket);
        }
    }

    /** The server's own answer to a handshake command, or null when the handler answers it. */
    private String handshakeReply(String name, List<String> command, boolean resp3) {
        boolean handshake;
        switch (name) {
            case "HELLO":
            case "AUTH":
            case "CLIENT":
            case "SELECT":
            case "READONLY":
            case "READWRITE":
                handshake = true;
                break;
            case "INFO":
                handshake = true;
                break;
            case "CLUSTER":
                handshake = cluster;
                break;
            default:
                handshake = false;
        }
        if (!handshake) {
            return null;
        }
        String scripted = answers.get(name);
        if (scripted != null) {
            return scripted;
        }
        switch (name) {
            case "HELLO":
                return helloReply(command.size() > 1 && command.get(1).equals("3"));
            case "CLUSTER":
                return clusterReply(command.size() > 1 ? command.get(1).toUpperCase(Locale.ROOT) : "", resp3);
            case "INFO":
                return bulk(info());
            default:
                return "+OK\r\n";
        }
    }

    private String helloReply(boolean resp3) {
        String[][] fields = {
            {"server", "$5\r\nredis\r\n"},
            {"version", "$6\r\n7.0.15\r\n"},
            {"proto", resp3 ? ":3\r\n" : ":2\r\n"},
            {"id", ":7\r\n"},
            {"mode", cluster ? "$7\r\ncluster\r\n" : "$10\r\nstandalone\r\n"},
            {"role", "$6\r\nmaster\r\n"},
            {"modules", "*0\r\n"},
        };
        StringBuilder reply = new StringBuilder(resp3 ? "%" : "*").append(resp3 ? fields.length : 2 * fields.length)
                .append("\r\n");
        for (String[] field : fields) {
            reply.append(bulk(field[0])).append(field[1]);
        }
        return reply.toString();
    }

    private String clusterReply(String sub, boolean resp3) {
        String host = host();
        int port = port();
        switch (sub) {
            case "SLOTS":
                // Redis 7.0: [first, last, [ip, port, id, {metadata}]]
                return "*1\r\n*3\r\n:0\r\n:16383\r\n*4\r\n" + bulk(host) + ":" + port + "\r\n" + bulk(NODE_ID)
                        + (resp3 ? "%0\r\n" : "*0\r\n");
            case "SHARDS": {
                String map = resp3 ? "%" : "*";
                int mul = resp3 ? 1 : 2;
                return "*1\r\n" + map + (2 * mul) + "\r\n"
                        + bulk("slots") + "*2\r\n:0\r\n:16383\r\n"
                        + bulk("nodes") + "*1\r\n" + map + (7 * mul) + "\r\n"
                        + bulk("id") + bulk(NODE_ID)
                        + bulk("port") + ":" + port + "\r\n"
                        + bulk("ip") + bulk(host)
                        + bulk("endpoint") + bulk(host)
                        + bulk("role") + bulk("master")
                        + bulk("replication-offset") + ":0\r\n"
                        + bulk("health") + bulk("online");
            }
            case "NODES":
                return bulk(NODE_ID + " " + host + ":" + port + "@" + (port + 10000)
                        + " myself,master - 0 0 1 connected 0-16383\n");
            case "INFO":
                return bulk("cluster_state:ok\r\ncluster_slots_assigned:16384\r\ncluster_slots_ok:16384\r\n"
                        + "cluster_slots_pfail:0\r\ncluster_slots_fail:0\r\ncluster_known_nodes:1\r\n"
                        + "cluster_size:1\r\ncluster_current_epoch:1\r\ncluster_my_epoch:1\r\n");
            case "MYID":
                return bulk(NODE_ID);
            default:
                return "-ERR unknown subcommand '" + sub.toLowerCase(Locale.ROOT) + "'. Try CLUSTER HELP.\r\n";
        }
    }

    private String info() {
        return "# Server\r\nredis_version:7.0.15\r\nredis_mode:" + (cluster ? "cluster" : "standalone") + "\r\n"
                + "tcp_port:" + port() + "\r\n\r\n"
                + "# Replication\r\nrole:master\r\nconnected_slaves:0\r\n\r\n"
                + "# Cluster\r\ncluster_enabled:" + (cluster ? 1 : 0) + "\r\n";
    }

    private static String bulk(String s) {
        return "$" + s.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n" + s + "\r\n";
    }

    private static List<String> readCommand(InputStream in) throws IOException {
        String header = readLine(in);
        if (!header.startsWith("*")) {
            throw new IOException("expected an array, got " + header);
        }
        int count = Integer.parseInt(header.substring(1));
        List<String> args = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String bulk = readLine(in);
            int length = Integer.parseInt(bulk.substring(1));
            byte[] data = in.readNBytes(length + 2);
            if (data.length < length + 2) {
                throw new EOFException();
            }
            args.add(new String(data, 0, length, StandardCharsets.ISO_8859_1));
        }
        return args;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException();
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        dropConnections();
    }
}
