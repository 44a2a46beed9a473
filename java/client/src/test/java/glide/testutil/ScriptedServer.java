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
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake server that answers each command with the reply a test scripts, for commands the local
 * {@code redis-server} does not have (e.g. the hash field expiration commands of Valkey 9.0). It
 * records every command after the client's handshake, so a test sees the exact arguments sent.
 *
 * <p>Arguments are decoded as ISO-8859-1: one char per byte, so binary arguments can be checked
 * too. The handshake is answered by the server itself ({@code HELLO 3} with a RESP3 map, {@code
 * CLIENT ...} with {@code +OK}); the responder learns which protocol the connection speaks.
 *
 * <pre>{@code
 * try (ScriptedServer fake = ScriptedServer.start((command, resp3) -> ":1\r\n")) {
 *     // connect a client to fake.host():fake.port(), send a command, then:
 *     assertEquals(List.of("HSETEX", "k", "FIELDS", "1", "f", "v"), fake.nextCommand());
 * }
 * }</pre>
 */
public final class ScriptedServer implements AutoCloseable {

    /** The raw RESP reply to {@code command}; {@code resp3} tells the connection's protocol. */
    @FunctionalInterface
    public interface Responder {
        String reply(List<String> command, boolean resp3);
    }

    private final ServerSocket listener;
    private final Responder responder;
    private final BlockingQueue<List<String>> commands = new LinkedBlockingQueue<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private ScriptedServer(Responder responder) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.responder = responder;
        this.acceptor = new Thread(this::acceptLoop, "scripted-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ScriptedServer start(Responder responder) {
        try {
            return new ScriptedServer(responder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
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
                connections.add(socket);
                Thread serve = new Thread(() -> serve(socket), "scripted-server-conn");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        boolean resp3 = false;
        try (Socket s = socket) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                List<String> command = readCommand(in);
                String name = command.get(0).toUpperCase();
                String reply;
                if (name.equals("HELLO")) {
                    resp3 = command.size() > 1 && command.get(1).equals("3");
                    reply = resp3 ? "%1\r\n+proto\r\n:3\r\n" : "*2\r\n+proto\r\n:2\r\n";
                } else if (name.equals("CLIENT")) {
                    reply = "+OK\r\n";
                } else {
                    commands.add(command);
                    reply = responder.reply(command, resp3);
                }
                out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException e) {
            // The client went away or the server was closed.
        }
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

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
