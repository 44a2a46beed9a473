package glide.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Process-wide figures for {@code getStatistics()} and {@code getExtendedStatistics()}. */
public final class Statistics {
    private Statistics() {}

    /**
     * Exactly valkey-glide 2.3.1's keys, in its order (applications and tests count them). The
     * compression counters are 0: glide-jni has no value compression (nor has valkey-glide 2.3.1's
     * Java configuration).
     */
    public static Map<String, String> valkeyGlideKeys() {
        return valkeyGlideKeys(NativeBridge.statistics());
    }

    private static Map<String, String> valkeyGlideKeys(long[] s) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, s, Wire.Stat.TOTAL_CONNECTIONS);
        put(out, s, Wire.Stat.TOTAL_CLIENTS);
        out.put("total_values_compressed", "0");
        out.put("total_values_decompressed", "0");
        out.put("total_original_bytes", "0");
        out.put("total_bytes_compressed", "0");
        out.put("total_bytes_decompressed", "0");
        out.put("compression_skipped_count", "0");
        // Subscription commands the server refused (an ACL without the channel or the command):
        // the subscription stays wanted and is asked for again on the next connection.
        out.put("subscription_out_of_sync_count", Long.toString(s[Wire.Stat.PUBSUB_SUBSCRIPTIONS_REFUSED]));
        // When the server last confirmed a subscription (ms since the epoch; 0: never).
        out.put("subscription_last_sync_timestamp", Long.toString(s[Wire.Stat.PUBSUB_SUBSCRIPTIONS_LAST_CONFIRMED_MS]));
        return out;
    }

    /**
     * valkey-glide's keys, then glide-jni's own: the native core's memory accounting (invisible
     * to NMT), the requests waiting in Java and in the completion queue, the pub/sub backlog,
     * contained panics, and OpenTelemetry's span buffer. Each core figure is published under its
     * name in {@code tools/wire/constants.toml} ({@link Wire.Stat}).
     */
    public static Map<String, String> extended() {
        long[] s = NativeBridge.statistics();
        Map<String, String> out = valkeyGlideKeys(s);
        put(out, s, Wire.Stat.NATIVE_BYTES_IN_USE);
        put(out, s, Wire.Stat.NATIVE_ALLOCATIONS);
        out.put("pending_requests", Integer.toString(Completions.pendingCount()));
        // Every other figure, in the core's order.
        for (int i = Wire.Stat.COMPLETIONS_WAITING; i < Wire.Stat.COUNT; i++) {
            put(out, s, i);
        }
        return out;
    }

    /** Figure {@code index} under its own name. */
    private static void put(Map<String, String> out, long[] s, int index) {
        out.put(Wire.Stat.key(index), Wire.Stat.format(index, s[index]));
    }
}
