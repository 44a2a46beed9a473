package glide.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisServer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The boundary itself: panics, bad handles and bad arguments become Java exceptions. */
class NativeBridgeTest {
    /** A protocol or read-from code the core does not know is refused, not taken for another one. */
    @Test
    void unknownProtocolAndReadFromCodesAreRefused() {
        NativeLoader.load();
        glide.api.models.exceptions.ConfigurationError protocol = assertThrows(
                glide.api.models.exceptions.ConfigurationError.class, () -> create(5, false, 0));
        assertTrue(protocol.getMessage().contains("protocol 5"), protocol.getMessage());
        glide.api.models.exceptions.ConfigurationError readFrom = assertThrows(
                glide.api.models.exceptions.ConfigurationError.class, () -> create(3, true, 7));
        assertTrue(readFrom.getMessage().contains("readFrom code 7"), readFrom.getMessage());
    }

    /** createClient with everything valid but the given codes; lazy, so nothing connects. */
    private static long create(int protocol, boolean cluster, int readFrom) {
        return NativeBridge.createClient(
                1, new String[] {"127.0.0.1"}, new int[] {1}, null, null, null, 0, 1000, 1000, protocol,
                new int[] {1, 10, 2, 0}, 1000, true, cluster, readFrom, null, false, null, null, 1 << 20, 0, 0, 0, 0);
    }

    @Test
    void aPanicInTheCoreBecomesARequestException() throws Exception {
        long before = Long.parseLong(Statistics.extended().get("contained_panics"));
        for (int i = 0; i < 3; i++) {
            RequestException e = assertThrows(RequestException.class, NativeBridge::panicForTesting);
            assertTrue(e.getMessage().contains("deliberate panic"), e.getMessage());
        }
        // Each is counted and logged (to SLF4J here: the tests' capturing binding), as a panic
        // contained inside the core is.
        assertEquals(before + 3, Long.parseLong(Statistics.extended().get("contained_panics")));
        glide.api.LoggingTest.awaitLine(glide.testutil.CapturingSlf4j::lines,
                "ERROR glide.core: internal error contained while running a native call from Java (a bug: please report it): deliberate panic");
        // The JVM and the core are still fine afterwards.
        // 7 core figures, 6 of pub/sub, contained panics, OpenTelemetry spans open and dropped
        assertEquals(16, NativeBridge.statistics().length);
    }

    @Test
    void aNullHandleIsAClosingException() {
        byte[] ping = CommandPacker.pack(new byte[][] {"PING".getBytes(StandardCharsets.US_ASCII)});
        assertThrows(ClosingException.class, () -> NativeBridge.submit(0, 1, ping, -1, 0, false, 0, 0, null, null));
        assertThrows(ClosingException.class, () -> NativeBridge.closeClient(0));
    }

    @Test
    void malformedCallsAreRequestExceptions() {
        assertThrows(RequestException.class, () -> NativeBridge.takeBytes(0));
        NativeBridge.freeBytes(0); // harmless
    }

    /** A command that is not one well-formed RESP array never reaches the socket. */
    @Test
    void aMalformedPackedCommandIsRefusedAndTheConnectionStaysUsable() throws Exception {
        try (RedisServer server = RedisServer.start();
                GlideClient client =
                        GlideClient.createClient(
                                        GlideClientConfiguration.builder()
                                                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                                                .build())
                                .get(20, TimeUnit.SECONDS)) {
            long handle = handleOf(client);
            byte[] good = CommandPacker.pack(new byte[][] {bytes("SET"), bytes("k"), bytes("v")});
            byte[][] malformed = {
                java.util.Arrays.copyOf(good, good.length - 1), // truncated
                java.util.Arrays.copyOf(good, good.length + 3), // trailing bytes
                bytes("*1\r\n$9\r\nPING\r\n"), // length larger than the argument
                bytes("PING\r\n"), // inline command
                new byte[0],
                null,
            };
            for (byte[] command : malformed) {
                assertThrows(RequestException.class, () -> NativeBridge.submit(handle, 1, command, -1, 0, false, 0, 0, null, null));
            }
            assertEquals("OK", client.set("k", "v").get(20, TimeUnit.SECONDS));
            assertEquals("v", client.get("k").get(20, TimeUnit.SECONDS));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static long handleOf(GlideClient client) throws Exception {
        Field core = glide.api.BaseClient.class.getDeclaredField("core");
        core.setAccessible(true);
        Field handle = NativeClient.class.getDeclaredField("handle");
        handle.setAccessible(true);
        return handle.getLong(core.get(client));
    }
}
