package glide.testutil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RedisServerTest {

    @Test
    void startsAndAnswersCommandsWithParsedReplies() {
        try (RedisServer server = RedisServer.start()) {
            assertTrue(server.isRunning());
            assertEquals("127.0.0.1", server.host());
            assertTrue(server.port() > 0);

            assertEquals("PONG", server.command("PING"));
            assertEquals("OK", server.command("SET", "key", "välue"));
            assertEquals("välue", server.command("GET", "key"));
            assertNull(server.command("GET", "missing"));
            assertEquals(5L, server.command("INCRBY", "counter", "5"));
            assertEquals(2L, server.command("RPUSH", "list", "a", "b"));
            assertEquals(List.of("a", "b"), server.command("LRANGE", "list", "0", "-1"));
            assertEquals(List.of(), server.command("LRANGE", "nolist", "0", "-1"));
            assertEquals("", server.command("ECHO", ""));

            IllegalStateException error =
                    assertThrows(IllegalStateException.class, () -> server.command("INCR", "key"));
            assertTrue(error.getMessage().startsWith("ERR"), error.getMessage());
            assertThrows(IllegalStateException.class, () -> server.command("NOSUCHCOMMAND"));

            // Persistence is off, as the harness promises.
            assertEquals(List.of("save", ""), server.command("CONFIG", "GET", "save"));
            assertEquals(List.of("appendonly", "no"), server.command("CONFIG", "GET", "appendonly"));
        }
    }

    @Test
    void extraArgumentsArePassedAndKeptAcrossRestart() {
        try (RedisServer server = RedisServer.start("--maxmemory", "7mb")) {
            assertEquals(List.of("maxmemory", "7340032"), server.command("CONFIG", "GET", "maxmemory"));
            server.restart();
            assertEquals(List.of("maxmemory", "7340032"), server.command("CONFIG", "GET", "maxmemory"));
        }
    }

    @Test
    void killThenRestartOnTheSamePort() {
        try (RedisServer server = RedisServer.start()) {
            int port = server.port();
            server.command("SET", "k", "v");

            server.kill();
            assertFalse(server.isRunning());
            assertThrows(UncheckedIOException.class, () -> server.command("PING"));

            server.restart();
            assertTrue(server.isRunning());
            assertEquals(port, server.port());
            assertEquals("PONG", server.command("PING"));
            assertNull(server.command("GET", "k"), "no persistence: a restarted server starts empty");

            // Restart of a running server stops it first.
            server.restart();
            assertEquals("PONG", server.command("PING"));
            assertEquals(port, server.port());
        }
    }

    @Test
    void stopIsGracefulAndCloseIsIdempotentAndCleansUp() {
        RedisServer server = RedisServer.start();
        Path dir = server.dir();
        assertTrue(Files.isDirectory(dir));

        server.stop();
        assertFalse(server.isRunning());
        assertThrows(UncheckedIOException.class, () -> server.command("PING"));

        server.close();
        server.close();
        assertFalse(server.isRunning());
        assertFalse(Files.exists(dir), "temp dir deleted on close");
        assertThrows(IllegalStateException.class, server::restart);
    }

    @Test
    void concurrentServersGetDistinctPorts() {
        try (RedisServer a = RedisServer.start();
                RedisServer b = RedisServer.start()) {
            assertNotEquals(a.port(), b.port());
            a.command("SET", "where", "a");
            assertNull(b.command("GET", "where"));
        }
    }
}
