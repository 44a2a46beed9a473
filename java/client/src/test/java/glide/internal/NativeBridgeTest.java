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
    /**
     * The read-spin budget ({@code glide.readSpinMicros}) reaches the core, which keeps it between
     * 0 and 1000 microseconds; a property that is not a number is refused naming it.
     */
    @Test
    void theReadSpinBudgetReachesTheCoreWithinItsBounds() {
        NativeLoader.load();
        try {
            assertEquals(0, NativeBridge.setReadSpinMicros(-5));
            assertEquals(1000, NativeBridge.setReadSpinMicros(5_000_000));
            assertEquals(40, NativeBridge.setReadSpinMicros(40));
        } finally {
            NativeBridge.setReadSpinMicros(100);
        }
        String name = "glide.test.readSpinMicros";
        System.setProperty(name, " 70 ");
        try {
            assertEquals(70L, NativeBridge.numberProperty(name, "a number of microseconds"));
            System.setProperty(name, "fast");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> NativeBridge.numberProperty(name, "a number of microseconds"));
            assertEquals(name + " must be a number of microseconds, not \"fast\"", bad.getMessage());
        } finally {
            System.clearProperty(name);
        }
        assertEquals(null, NativeBridge.numberProperty(name, "a number of microseconds"));
    }

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

    /** An encoding the core cannot read whole is refused, naming what is wrong; nothing is defaulted. */
    @Test
    void aConfigurationTheCoreCannotReadIsRefused() {
        NativeLoader.load();
        String unknown = refused(valid(3, false, 0).raw(99, 1).toBytes());
        assertTrue(unknown.contains("unknown configuration field 99"), unknown);
        String twice = refused(valid(3, false, 0).cluster(true).toBytes());
        assertTrue(twice.contains("given twice"), twice);
        byte[] whole = valid(3, false, 0).toBytes();
        String truncated = refused(java.util.Arrays.copyOf(whole, whole.length - 1));
        assertTrue(truncated.contains("ends inside field"), truncated);
        String missing = refused(new NativeConfig().address("127.0.0.1", 1).toBytes());
        assertTrue(missing.contains("has no"), missing);
        String overflow = refused(valid(3, false, 0).pubsub(1 << 20, 9).toBytes());
        assertTrue(overflow.contains("unknown overflow policy 9"), overflow);
        String sharded = refused(valid(3, false, 0).pubsub(1 << 20, 0).subscription(Wire.SubscriptionMode.SHARDED, new byte[] {1}).toBytes());
        assertTrue(sharded.contains("sharded subscriptions need a cluster client"), sharded);
        assertThrows(glide.api.models.exceptions.ConfigurationError.class, () -> NativeBridge.createClient(1, null, 0, 0));
    }

    /**
     * Each reconnect value Java places at its {@link Wire.Reconnect} index is the one the core
     * reads there: a negative value at one index is refused under that value's name (so two
     * indices swapped on either side fail here).
     */
    @Test
    void eachReconnectValueIsReadWhereJavaPutsIt() {
        NativeLoader.load();
        String[] names = new String[Wire.Reconnect.LEN];
        names[Wire.Reconnect.NUM_OF_RETRIES] = "numOfRetries";
        names[Wire.Reconnect.FACTOR] = "factor";
        names[Wire.Reconnect.EXPONENT_BASE] = "exponentBase";
        names[Wire.Reconnect.JITTER_PERCENT] = "jitterPercent";
        for (int i = 0; i < Wire.Reconnect.LEN; i++) {
            int[] backoff = backoff(1, 10, 2, 0);
            backoff[i] = -1;
            String message = refused(valid(3, false, 0, backoff).toBytes());
            assertTrue(message.contains("reconnectStrategy." + names[i] + " must not be negative"), message);
        }
        assertThrows(IllegalArgumentException.class, () -> new NativeConfig().reconnect(new int[Wire.Reconnect.LEN + 1]));
    }

    /** A backoff as ConnectionSettings holds it: each value at its {@link Wire.Reconnect} index. */
    private static int[] backoff(int numOfRetries, int factor, int exponentBase, int jitterPercent) {
        int[] backoff = new int[Wire.Reconnect.LEN];
        backoff[Wire.Reconnect.NUM_OF_RETRIES] = numOfRetries;
        backoff[Wire.Reconnect.FACTOR] = factor;
        backoff[Wire.Reconnect.EXPONENT_BASE] = exponentBase;
        backoff[Wire.Reconnect.JITTER_PERCENT] = jitterPercent;
        return backoff;
    }

    private static String refused(byte[] config) {
        return assertThrows(glide.api.models.exceptions.ConfigurationError.class, () -> NativeBridge.createClient(1, config, 0, 0))
                .getMessage();
    }

    /** createClient with everything valid but the given codes; lazy, so nothing connects. */
    private static long create(int protocol, boolean cluster, int readFrom) {
        return NativeBridge.createClient(1, valid(protocol, cluster, readFrom).toBytes(), 0, 0);
    }

    private static NativeConfig valid(int protocol, boolean cluster, int readFrom) {
        return valid(protocol, cluster, readFrom, backoff(1, 10, 2, 0));
    }

    private static NativeConfig valid(int protocol, boolean cluster, int readFrom, int[] backoff) {
        return new NativeConfig()
                .address("127.0.0.1", 1)
                .databaseId(0)
                .requestTimeoutMs(1000)
                .inflightLimit(1000)
                .protocol(protocol)
                .reconnect(backoff)
                .connectionTimeoutMs(1000)
                .lazyConnect(true)
                .cluster(cluster)
                .readFrom(readFrom)
                .readOnly(false)
                .pubsubCheckMs(0);
    }

    /**
     * A panic inside an export becomes a RequestException with the panic's words, and the JVM
     * goes on. The export is in the test-only library (rust/test-hooks: the library we ship cannot
     * panic on request), built from the core's own policy (jni/policy.rs) the way every native is.
     */
    @Test
    void aPanicInTheCoreBecomesARequestException() {
        for (int i = 0; i < 3; i++) {
            RequestException e = assertThrows(RequestException.class, TestHooks::panicForTesting);
            assertTrue(e.getMessage().contains("deliberate panic"), e.getMessage());
        }
        // The JVM and the core are still fine afterwards: one figure per entry of the spec.
        assertEquals(Wire.Stat.COUNT, NativeBridge.statistics().length);
    }

    /**
     * NativeBridge's initialiser registered every native method and checked that none is missing
     * (it would throw otherwise); a call that works proves it ran.
     */
    @Test
    void everyNativeMethodIsRegisteredAtLoad() {
        assertEquals(Wire.Stat.COUNT, NativeBridge.statistics().length);
    }

    /** A native method the library does not implement fails NativeBridge's initialisation, named. */
    @Test
    void aNativeMethodTheLibraryLacksIsNamedAtLoad() {
        NativeLoader.load();
        UnsatisfiedLinkError e =
                assertThrows(UnsatisfiedLinkError.class, () -> NativeBridge.checkRegistered(new String[] {"submit"}));
        String missing = e.getMessage().substring(e.getMessage().indexOf('[') + 1, e.getMessage().indexOf(']'));
        java.util.List<String> names = java.util.Arrays.asList(missing.split(", "));
        assertTrue(names.contains("statistics") && names.contains("submitBatch") && !names.contains("submit"), e.getMessage());
    }

    /** A library whose natives do not match the class is refused at registration, each method named. */
    @Test
    void aLibraryThatDoesNotMatchTheClassIsRefusedAtRegistration() {
        NativeLoader.load();
        UnsatisfiedLinkError e =
                assertThrows(UnsatisfiedLinkError.class, () -> NativeBridge.registerNatives(NativeBridgeTest.class));
        assertTrue(e.getMessage().contains("submitBatch") && e.getMessage().contains("createClient"), e.getMessage());
        // The class itself was registered when it loaded, and still works.
        assertEquals(Wire.Stat.COUNT, NativeBridge.statistics().length);
    }

    @Test
    void aNullHandleIsAClosingException() {
        byte[] ping = CommandPacker.pack(new byte[][] {"PING".getBytes(StandardCharsets.US_ASCII)});
        assertThrows(
                ClosingException.class,
                () -> NativeBridge.submit(0, 1, ping, Wire.Timeout.DEFAULT, Wire.Shape.NATURAL, false, Wire.Route.DEFAULT, 0, null, null));
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
                GlideClient client = connect(server)) {
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
                assertThrows(
                        RequestException.class,
                        () -> NativeBridge.submit(
                                handle, 1, command, Wire.Timeout.DEFAULT, Wire.Shape.NATURAL, false, Wire.Route.DEFAULT, 0, null, null));
            }
            assertEquals("OK", client.set("k", "v").get(20, TimeUnit.SECONDS));
            assertEquals("v", client.get("k").get(20, TimeUnit.SECONDS));
        }
    }

    /**
     * A reply shape code the core does not know (Java and the native library built from different
     * wire specs) is refused at the boundary, for a command and for a batch, with words naming the
     * code; nothing is sent and the client stays usable.
     */
    @Test
    void anUnknownShapeCodeIsRefusedWithItsNumber() throws Exception {
        try (RedisServer server = RedisServer.start();
                GlideClient client = connect(server)) {
            long handle = handleOf(client);
            byte[] set = CommandPacker.pack(new byte[][] {bytes("SET"), bytes("shape-k"), bytes("sent")});
            RequestException one =
                    assertThrows(RequestException.class, () -> NativeBridge.submit(handle, 1, set, -1, 999, false, 0, 0, null, null));
            assertTrue(one.getMessage().contains("unknown reply shape code 999"), one.getMessage());
            int[] lengths = {set.length};
            RequestException batch =
                    assertThrows(
                            RequestException.class,
                            () -> NativeBridge.submitBatch(
                                    handle, 2, set, lengths, new int[] {-3}, false, false, -1, false, 0, 0, null, false, false, null));
            assertTrue(batch.getMessage().contains("command 0 of the batch: unknown reply shape code -3"), batch.getMessage());
            // Neither SET reached the server.
            assertEquals(null, client.get("shape-k").get(20, TimeUnit.SECONDS));
            // A known explicit code is taken: the boolean shape on EXPIRE's 0/1.
            assertEquals(Boolean.FALSE, client.expire("shape-k", 10).get(20, TimeUnit.SECONDS));
        }
    }

    private static GlideClient connect(RedisServer server) throws Exception {
        return GlideClient.createClient(
                        GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                                .build())
                .get(20, TimeUnit.SECONDS);
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

    /**
     * The core writes the subscription lists where Java reads them ({@link Wire.SubscriptionState}):
     * a lazy RESP3 client configured with a channel and a pattern wants each in its own mode, and
     * has nothing confirmed (no server ever answered it).
     */
    @Test
    void subscriptionListsAreReadWhereTheCoreWritesThem() {
        withLazySubscriber(true, handle -> {
            Object[] state =
                    (Object[]) ReplyDecoder.decodeValue(Wire.Kind.FRAME, NativeBridge.subscriptionState(handle), true);
            assertEquals(Wire.SubscriptionState.LEN, state.length);
            assertEquals(java.util.List.of("news"), names(NativeClient.wantedNames(state, Wire.SubscriptionMode.EXACT)));
            assertEquals(java.util.List.of("n*"), names(NativeClient.wantedNames(state, Wire.SubscriptionMode.PATTERN)));
            assertEquals(java.util.List.of(), names(NativeClient.wantedNames(state, Wire.SubscriptionMode.SHARDED)));
            for (int mode : new int[] {Wire.SubscriptionMode.EXACT, Wire.SubscriptionMode.PATTERN, Wire.SubscriptionMode.SHARDED}) {
                assertEquals(java.util.List.of(), names(NativeClient.confirmedNames(state, mode)));
            }
        });
    }

    /**
     * Runs {@code body} with the handle of a lazy RESP3 client configured with channel "news" (and
     * pattern "n*" when {@code withPattern}), which no server ever answers; frees it after.
     */
    private static void withLazySubscriber(boolean withPattern, java.util.function.LongConsumer body) {
        NativeLoader.load();
        NativeConfig config =
                valid(Wire.Protocol.RESP3, false, Wire.ReadFrom.PRIMARY)
                        .pubsub(1 << 20, Wire.Overflow.DROP_OLDEST)
                        .subscription(Wire.SubscriptionMode.EXACT, "news".getBytes(StandardCharsets.UTF_8));
        if (withPattern) {
            config.subscription(Wire.SubscriptionMode.PATTERN, "n*".getBytes(StandardCharsets.UTF_8));
        }
        // An id of its own, so that the creation's completion cannot reach another test's request.
        long id = Completions.register(new Completions.Pending<>(null, false, v -> v));
        long handle = NativeBridge.createClient(id, config.toBytes(), 0, 0);
        try {
            body.accept(handle);
        } finally {
            NativeBridge.freeClient(handle);
            Completions.forget(id);
        }
    }

    /**
     * {@code takeBytesInto} consumes a frame only when it fits: a scratch one byte short gets minus
     * the length and the pointer stays live (takeBytes still gets the whole frame); one that fits
     * gets the same bytes and the length.
     */
    @Test
    void aFrameIsTakenIntoTheScratchOnlyWhenItFits() {
        withLazySubscriber(false, handle -> {
            byte[] whole = NativeBridge.takeBytes(NativeBridge.subscriptionState(handle));
            long frame = NativeBridge.subscriptionState(handle);
            assertEquals(-whole.length, NativeBridge.takeBytesInto(frame, new byte[whole.length - 1]));
            assertEquals(java.util.Arrays.toString(whole), java.util.Arrays.toString(NativeBridge.takeBytes(frame)));

            byte[] scratch = new byte[whole.length + 7];
            java.util.Arrays.fill(scratch, (byte) 0x5a);
            assertEquals(whole.length, NativeBridge.takeBytesInto(NativeBridge.subscriptionState(handle), scratch));
            assertEquals(
                    java.util.Arrays.toString(whole), java.util.Arrays.toString(java.util.Arrays.copyOf(scratch, whole.length)));
            assertEquals(0x5a, scratch[whole.length], "nothing is written past the frame");
            assertThrows(RequestException.class, () -> NativeBridge.takeBytesInto(0, scratch));
        });
    }

    private static java.util.List<String> names(Object[] names) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Object name : names) {
            out.add(name.toString());
        }
        return out;
    }
}
