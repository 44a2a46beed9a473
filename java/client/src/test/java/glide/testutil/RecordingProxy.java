package glide.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP proxy on a free loopback port that relays each accepted connection to one upstream address
 * and records what the client sent on it, so that a test can read the exact bytes of a handshake.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(server.host(), server.port())) {
 *     // connect a client to 127.0.0.1:proxy.port() ...
 *     byte[] sent = proxy.connections().get(0).sent();
 * }
 * }</pre>
 *
 * <p>Bounded: at most {@value #MAX_CONNECTIONS} connections are accepted (later ones are closed at
 * once, and counted), and at most {@value #MAX_RECORDED_BYTES} bytes of each are kept (the rest is
 * relayed and counted, not stored). Each connection is relayed by two daemon threads, one per
 * direction; when either side closes or fails, both sockets are closed. {@link #close()} stops
 * accepting, closes every connection and waits for the threads.
 */
public final class RecordingProxy implements AutoCloseable {
    public static final int MAX_CONNECTIONS = 256;
    public static final int MAX_RECORDED_BYTES = 64 * 1024;

    private static final String HOST = "127.0.0.1";
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final long JOIN_TIMEOUT_MS = 5_000;

    /** One accepted connection: what the client sent (up to the bound) and whether it is open. */
    public static final class Connection {
        private final int index;
        private final Socket client;
        private final Socket upstream;
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private long sentTotal;
        private volatile boolean open = true;

        private Connection(int index, Socket client, Socket upstream) {
            this.index = index;
            this.client = client;
            this.upstream = upstream;
        }

        /** 0 for the first connection the proxy accepted, and so on. */
        public int index() {
            return index;
        }

        /** The client's bytes so far, the first {@value #MAX_RECORDED_BYTES} of them. */
        public synchronized byte[] sent() {
            return sent.toByteArray();
        }

        /** How many bytes the client sent in all, recorded or not. */
        public synchronized long sentTotal() {
            return sentTotal;
        }

        public boolean isOpen() {
            return open;
        }

        private synchronized void record(byte[] buffer, int length) {
            sentTotal += length;
            int room = MAX_RECORDED_BYTES - sent.size();
            if (room > 0) {
                sent.write(buffer, 0, Math.min(room, length));
            }
        }

        private void close() {
            open = false;
            closeQuietly(client);
            closeQuietly(upstream);
        }

        @Override
        public String toString() {
            return "Connection[" + index + ", " + sentTotal() + " bytes sent" + (open ? ", open" : ", closed") + "]";
        }
    }

    private final String upstreamHost;
    private final int upstreamPort;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final List<Connection> connections = new ArrayList<>();
    private final List<Thread> pumps = new ArrayList<>();
    private int refused;
    private boolean closed;

    private RecordingProxy(String upstreamHost, int upstreamPort, ServerSocket listener) {
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        this.listener = listener;
        this.acceptor = new Thread(this::acceptLoop, "recording-proxy-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Starts a proxy on a free loopback port in front of {@code host:port}. */
    public static RecordingProxy start(String host, int port) {
        ServerSocket listener;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port", e);
        }
        RecordingProxy proxy = new RecordingProxy(host, port, listener);
        proxy.acceptor.start();
        return proxy;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The connections accepted so far, in the order they were accepted. */
    public synchronized List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Connections closed at once because {@value #MAX_CONNECTIONS} had been accepted. */
    public synchronized int refused() {
        return refused;
    }

    private void acceptLoop() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(new InetSocketAddress(upstreamHost, upstreamPort), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                // The upstream is down: the client sees its connection closed, as it would.
                closeQuietly(upstream);
                closeQuietly(client);
                continue;
            }
            synchronized (this) {
                if (closed || connections.size() >= MAX_CONNECTIONS) {
                    refused += closed ? 0 : 1;
                    closeQuietly(upstream);
                    closeQuietly(client);
                    continue;
                }
                Connection connection = new Connection(connections.size(), client, upstream);
                connections.add(connection);
                startPump(connection, client, upstream, true);
                startPump(connection, upstream, client, false);
            }
        }
    }

    private void startPump(Connection connection, Socket from, Socket to, boolean record) {
        String name = "recording-proxy-" + port() + "-" + connection.index + (record ? "-up" : "-down");
        Thread pump = new Thread(() -> relay(connection, from, to, record), name);
        pump.setDaemon(true);
        pumps.add(pump);
        pump.start();
    }

    private static void relay(Connection connection, Socket from, Socket to, boolean record) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                if (record) {
                    connection.record(buffer, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (SocketException closedOrReset) {
            // The other pump, close(), or a peer reset: the relay ends either way.
        } catch (IOException e) {
            // Same: nothing more can be relayed.
        } finally {
            connection.close();
        }
    }

    /** Stops accepting, closes every connection and waits for the relay threads. Idempotent. */
    @Override
    public void close() {
        List<Thread> threads;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(listener);
            connections.forEach(Connection::close);
            threads = new ArrayList<>(pumps);
        }
        threads.add(acceptor);
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_TIMEOUT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "RecordingProxy[" + HOST + ":" + port() + " -> " + upstreamHost + ":" + upstreamPort + "]";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing is best effort.
        }
    }
}
