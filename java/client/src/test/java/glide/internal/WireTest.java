package glide.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.ClusterSubscriptionConfiguration.PubSubClusterChannelMode;
import glide.api.models.configuration.StandaloneSubscriptionConfiguration.PubSubChannelMode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the generated {@link Wire} constants meet on the Java side: the public enums whose
 * ordinals cross JNI, and the statistics published under the spec's names. (That Wire.java and
 * wire.rs are what tools/wire/constants.toml gives is checked by {@code
 * tools/gen-wire-constants.py --check}.)
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
}
