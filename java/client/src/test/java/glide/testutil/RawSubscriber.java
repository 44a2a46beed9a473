package glide.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain RESP2 connection that subscribes (SUBSCRIBE, PSUBSCRIBE, SSUBSCRIBE) and collects what
 * the server pushes: a subscriber independent of the client under test.
 */
public final class RawSubscriber implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    public RawSubscriber(RedisServer server, String... command) throws IOException {
        socket = server.openConnection(); // TLS for a TLS server
        socket.setSoTimeout(100);
        in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        StringBuilder resp = new StringBuilder("*" + command.length + "\r\n");
        for (String arg : command) {
            resp.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        // The confirmation names the (last) channel subscribed to.
        String last = command[command.length - 1];
        if (!await(last, 5000)) {
            throw new IOException("no subscription confirmation for " + String.join(" ", command));
        }
    }

    /** Whether {@code text} arrived (in anything received so far) within {@code timeoutMs}. */
    public boolean await(String text, long timeoutMs) throws IOException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        byte[] buf = new byte[8192];
        while (true) {
            if (received().contains(text)) {
                return true;
            }
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            try {
                int n = in.read(buf);
                if (n < 0) {
                    return received().contains(text);
                }
                received.write(buf, 0, n);
            } catch (java.net.SocketTimeoutException e) {
                // nothing yet
            }
        }
    }

    public String received() {
        return received.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
