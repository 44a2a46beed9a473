package glide.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.logging.Logger;
import glide.api.models.configuration.BackoffStrategy;
import glide.api.models.configuration.ClusterSubscriptionConfiguration.PubSubClusterChannelMode;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the generated {@link Wire} constants meet on the Java side: the public enums whose
 * numbers cross JNI, the statistics published under the spec's names, and the layouts of the
 * arrays that cross (the completions' records round trip through the core here). (That
 * Wire.java and wire.rs are what tools/wire/constants.toml gives is checked by {@code
 * tools/gen-wire-constants.py --check}; each layout's Rust side has its own unit test.)
 */
class WireTest {
    /** ConnectionSettings and subscriptionState use the modes' ordinals as the core's codes. */
    @Test
    void subscriptionModeOrdinalsAreTheCoresCodes() {
        assertEquals(Wire.SubscriptionMode.EXACT, PubSubChannelMode.EXACT.ordinal());
        assertEquals(Wire.SubscriptionMode.PATTERN, PubSubChannelMode.PATTERN.ordinal());
        assertEquals(Wire.SubscriptionMode.EXACT, PubSubClusterChannelMode.EXACT.ordinal());
        assertEquals(Wire.SubscriptionMode.PATTERN, PubSubClusterChannelMode.PATTERN.ordinal());
        assertEquals(Wire.SubscriptionMode.SHARDED, PubSubClusterChannelMode.SHARDED.ordinal());
    }

    /** Every figure the core returns is published, under its own name, as a number or a flag. */
    @Test
    void everyFigureIsPublishedUnderItsName() {
        Map<String, String> extended = Statistics.extended();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < Wire.Stat.COUNT; i++) {
            String key = Wire.Stat.key(i);
            assertTrue(keys.add(key), "listed twice: " + key);
            String value = extended.get(key);
            assertTrue(value != null, key + " is missing from " + extended.keySet());
            if (!value.equals("true") && !value.equals("false")) {
                Long.parseLong(value);
            }
        }
        String started = extended.get("runtime_started");
        assertTrue(started.equals("true") || started.equals("false"), "runtime_started is a flag: " + started);
    }

    /** Logger.Level's numbers (valkey-glide's public API) are the core's log level codes. */
    @Test
    void loggerLevelNumbersAreTheCoresCodes() {
        assertEquals(Wire.LogLevel.DEFAULT, Logger.Level.DEFAULT.getLevel());
        assertEquals(Wire.LogLevel.ERROR, Logger.Level.ERROR.getLevel());
        assertEquals(Wire.LogLevel.WARN, Logger.Level.WARN.getLevel());
        assertEquals(Wire.LogLevel.INFO, Logger.Level.INFO.getLevel());
        assertEquals(Wire.LogLevel.DEBUG, Logger.Level.DEBUG.getLevel());
        assertEquals(Wire.LogLevel.TRACE, Logger.Level.TRACE.getLevel());
        assertEquals(Wire.LogLevel.OFF, Logger.Level.OFF.getLevel());
        for (Logger.Level level : Logger.Level.values()) {
            assertEquals(level, Logger.Level.fromInt(level.getLevel()));
        }
    }

    /**
     * Completions written by Java ({@code requeue} reads them) come back through the core and the
     * completer ({@code awaitCompletions} writes them) to the right futures with the right values:
     * a record or a position read differently on either side completes nothing, or the wrong one
     * (or takes a number for a pointer and brings the JVM down: loudly, either way).
     */
    @Test
    void completionRecordsRoundTripThroughTheCore() throws Exception {
        Completions.Pending<Object> first = pending();
        Completions.Pending<Object> second = pending();
        long[] records = new long[2 * Wire.Completion.LEN];
        put(records, 0, first.future, Wire.Kind.INT, 4242);
        put(records, 1, second.future, Wire.Kind.BOOL, 1);
        NativeBridge.requeue(records, 2);
        assertEquals(4242L, first.future.get(10, TimeUnit.SECONDS));
        assertEquals(true, second.future.get(10, TimeUnit.SECONDS));
    }

    /**
     * What a thread read while waiting ({@code helpRead}'s records): its own completion is
     * completed on the spot, another one goes back through the core ({@code requeue}) to the
     * completer.
     */
    @Test
    void completionsReadWhileWaitingReachTheirFutures() throws Exception {
        Completions.Pending<Object> own = pending();
        Completions.Pending<Object> other = pending();
        long[] read = new long[2 * Wire.Completion.LEN];
        put(read, 0, other.future, Wire.Kind.INT, 7);
        put(read, 1, own.future, Wire.Kind.INT, 8);
        assertTrue(Completions.deliverRead(((GlideFuture<?>) own.future).requestId, read, 2));
        assertEquals(8L, own.future.getNow(null));
        assertEquals(7L, other.future.get(10, TimeUnit.SECONDS));
    }

    private static Completions.Pending<Object> pending() {
        Completions.Pending<Object> p = new Completions.Pending<>(null, false, v -> v);
        Completions.register(p);
        return p;
    }

    /** Writes completion {@code i} of {@code records} as the core writes it. */
    private static void put(long[] records, int i, java.util.concurrent.CompletableFuture<?> future, int kind, long payload) {
        int at = i * Wire.Completion.LEN;
        records[at + Wire.Completion.REQUEST_ID] = ((GlideFuture<?>) future).requestId;
        records[at + Wire.Completion.KIND] = kind;
        records[at + Wire.Completion.PAYLOAD] = payload;
    }

    /** A span's ids go to their {@link Wire.Trace} positions (the core's unit test reads them there). */
    @Test
    void aTraceContextIsLaidOutAsTheSpecSays() {
        long[] trace = OtelParent.trace("0102030405060708fffffffffffffffe", "1112131415161718");
        assertEquals(Wire.Trace.LEN, trace.length);
        assertEquals(0x0102030405060708L, trace[Wire.Trace.TRACE_ID_HIGH]);
        assertEquals(-2L, trace[Wire.Trace.TRACE_ID_LOW]);
        assertEquals(0x1112131415161718L, trace[Wire.Trace.SPAN_ID]);
        // The current span when the application has none: zeros, of the same length.
        assertArrayEquals(new long[Wire.Trace.LEN], OtelParent.current());
    }

    /** A configured backoff's values are held at their {@link Wire.Reconnect} indices. */
    @Test
    void theBackoffIsHeldAtTheSpecsIndices() {
        ConnectionSettings s =
                ConnectionSettings.of(
                        GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host("localhost").port(6379).build())
                                .reconnectStrategy(
                                        BackoffStrategy.builder()
                                                .numOfRetries(3)
                                                .factor(40)
                                                .exponentBase(5)
                                                .jitterPercent(60)
                                                .build())
                                .build(),
                        null);
        assertEquals(Wire.Reconnect.LEN, s.backoff.length);
        assertEquals(3, s.backoff[Wire.Reconnect.NUM_OF_RETRIES]);
        assertEquals(40, s.backoff[Wire.Reconnect.FACTOR]);
        assertEquals(5, s.backoff[Wire.Reconnect.EXPONENT_BASE]);
        assertEquals(60, s.backoff[Wire.Reconnect.JITTER_PERCENT]);
    }
}
