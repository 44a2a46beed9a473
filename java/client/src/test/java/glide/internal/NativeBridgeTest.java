package glide.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.RequestException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The boundary itself: panics, bad handles and bad arguments become Java exceptions. */
class NativeBridgeTest {
    @Test
    void aPanicInTheCoreBecomesARequestException() {
        for (int i = 0; i < 3; i++) {
            RequestException e = assertThrows(RequestException.class, NativeBridge::panicForTesting);
            assertTrue(e.getMessage().contains("deliberate panic"), e.getMessage());
        }
        // The JVM and the core are still fine afterwards.
        assertEquals(6, NativeBridge.statistics().length);
    }

    @Test
    void aNullHandleIsAClosingException() {
        byte[][] args = {"PING".getBytes(StandardCharsets.US_ASCII)};
        assertThrows(ClosingException.class, () -> NativeBridge.submit(0, 1, args, -1, 0, false));
        assertThrows(ClosingException.class, () -> NativeBridge.closeClient(0));
    }

    @Test
    void malformedCallsAreRequestExceptions() {
        assertThrows(RequestException.class, () -> NativeBridge.takeBytes(0));
        NativeBridge.freeBytes(0); // harmless
    }
}
