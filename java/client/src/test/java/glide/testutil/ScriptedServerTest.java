package glide.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake server itself, spoken to over plain sockets (no client involved). */
@Timeout(30)
class ScriptedServerTest {

    /** A connection to the fake: sends RESP arrays, reads raw bytes. */
    private static final class Conn implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn(ScriptedServer fake) throws IOException {
            socket = new Socket(fake.host(), fake.port());
            socket.setSoTimeout(2000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        void send(String... args) throws IOException {
            StringBuilder sb = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                sb.append('$').append(a.length()).append("\r\n").append(a).append("\r\n");
            }
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Exactly n bytes (fails on timeout or end of stream). */
        String read(int n) throws IOException {
            byte[] b = in.readNBytes(n);
            assertEquals(n, b.length, "end of stream after " + new String(b, StandardCharsets.ISO_8859_1));
            return new String(b, StandardCharsets.ISO_8859_1);
        }

        /** Everything until the server closes the connection. */
        String readToEnd() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.ISO_8859_1);
        }

        boolean silentFor(int millis) throws IOException {
            socket.setSoTimeout(millis);
            try {
                in.read();
                return false; // a byte, or the end of the stream
            } catch (SocketTimeoutException expected) {
                return true;
            } finally {
                socket.setSoTimeout(2000);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void answersTheHandshakeItselfAndScriptsTheRest() throws Exception {
        try (ScriptedServer fake = ScriptedServer.start((command, resp3) -> resp3 ? "_\r\n" : "$-1\r\n");
                Conn c = new Conn(fake)) {
            c.send("HELLO", "3");
            String hello = c.read(1);
            assertEquals("%", hello);
            c.send("CLIENT", "SETINFO", "LIB-NAME", "x");
            c.send("INFO", "REPLICATION");
            c.send("GET", "k");
            // The rest of HELLO's map, +OK, INFO's bulk (role:master), then GET's RESP3 null.
            StringBuilder rest = new StringBuilder();
            while (!rest.toString().endsWith("_\r\n")) {
                rest.append(c.read(1));
            }
            assertTrue(rest.toString().contains("proto\r\n:3\r\n"), rest.toString());
            assertTrue(rest.toString().contains("+OK\r\n"), rest.toString());
            assertTrue(rest.toString().contains("role:master"), rest.toString());
            assertEquals(List.of("GET", "k"), fake.nextCommand());
            assertEquals(List.of("#1 HELLO 3", "#1 CLIENT SETINFO LIB-NAME x", "#1 INFO REPLICATION", "#1 GET k"),
                    fake.received().stream().map(Object::toString).collect(Collectors.toList()));
        }
    }

    @Test
    void rawHandlerWritesInPiecesClosesOrStaysSilentAndCanBeSwitched() throws Exception {
        try (ScriptedServer fake = ScriptedServer.startRaw(x -> x.writeInPieces("$4\r\ngood\r\n", 1, 5));
                Conn c = new Conn(fake)) {
            c.send("GET", "k");
            assertEquals("$4\r\ngood\r\n", c.read(10));

            fake.handler(x -> {}); // writes nothing
            c.send("GET", "k");
            assertTrue(c.silentFor(300));

            fake.responder((command, resp3) -> "$2\r\nok\r\n"); // behaves again, same connection
            c.send("GET", "k");
            assertEquals("$2\r\nok\r\n", c.read(8));

            fake.handler(x -> {
                x.write("$4\r\ngo");
                x.closeConnection();
            });
            c.send("GET", "k");
            assertEquals("$4\r\ngo", c.readToEnd());
        }
    }

    @Test
    void closesOnAcceptUntilToldOtherwiseAndRefusesHelloWhenScripted() throws Exception {
        try (ScriptedServer fake = ScriptedServer.builder()
                .responder((command, resp3) -> "+PONG\r\n")
                .closeOnAccept(true)
                .answer("HELLO", "-ERR unknown command 'HELLO'\r\n")
                .start()) {
            try (Conn c = new Conn(fake)) {
                assertEquals("", c.readToEnd());
            }
            fake.closeOnAccept(false);
            try (Conn c = new Conn(fake)) {
                c.send("HELLO", "3");
                assertEquals("-ERR unknown command 'HELLO'\r\n", c.read(30));
                fake.answer("HELLO", null);
                c.send("HELLO", "2");
                assertEquals("*14\r\n", c.read(5));
            }
            assertEquals(2, fake.accepted());
        }
    }

    @Test
    void actsAsASingleNodeClusterServingEverySlot() throws Exception {
        try (ScriptedServer fake = ScriptedServer.builder().cluster().responder((command, resp3) -> "+OK\r\n").start();
                Conn c = new Conn(fake)) {
            String port = String.valueOf(fake.port());
            c.send("CLUSTER", "SLOTS");
            String slots = "*1\r\n*3\r\n:0\r\n:16383\r\n*4\r\n$9\r\n127.0.0.1\r\n:" + port + "\r\n$40\r\n"
                    + ScriptedServer.NODE_ID + "\r\n*0\r\n";
            assertEquals(slots, c.read(slots.length()));
            c.send("CLUSTER", "NODES");
            String header = c.read(4);
            assertTrue(header.startsWith("$"), header);
            c.send("INFO");
            c.send("SET", "k", "v");
            StringBuilder rest = new StringBuilder();
            while (!rest.toString().endsWith("+OK\r\n")) {
                rest.append(c.read(1));
            }
            assertTrue(rest.toString().contains("127.0.0.1:" + port + "@"), rest.toString());
            assertTrue(rest.toString().contains("myself,master - 0 0 1 connected 0-16383"), rest.toString());
            assertTrue(rest.toString().contains("cluster_enabled:1"), rest.toString());
            assertEquals(List.of("SET", "k", "v"), fake.nextCommand());
        }
    }
}
