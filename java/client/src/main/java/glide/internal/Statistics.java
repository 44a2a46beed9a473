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
        out.put("total_connections", Long.toString(s[1]));
        out.put("total_clients", Long.toString(s[0]));
        out.put("total_values_compressed", "0");
        out.put("total_values_decompressed", "0");
        out.put("total_original_bytes", "0");
        out.put("total_bytes_compressed", "0");
        out.put("total_bytes_decompressed", "0");
        out.put("compression_skipped_count", "0");
        // Subscription commands the server refused (an ACL without the channel or the command):
        // the subscription stays wanted and is asked for again on the next connection.
        out.put("subscription_out_of_sync_count", Long.toString(s[12]));
        // When the server last confirmed a subscription (ms since the epoch; 0: never).
        out.put("subscription_last_sync_timestamp", Long.toString(s[11]));
        return out;
    }

    /**
     * valkey-glide's keys, then glide-jni's own: the native core's memory accounting (invisible
     * to NMT), the requests waiting in Java and in the completion queue, the pub/sub backlog,
     * contained panics, and OpenTelemetry's span buffer.
     */
    public static Map<String, String> extended() {
        long[] s = NativeBridge.statistics();
        Map<String, String> out = valkeyGlideKeys(s);
        out.put("native_bytes_in_use", Long.toString(s[2]));
        out.put("native_allocations", Long.toString(s[3]));
        out.put("pending_requests", Integer.toString(Completions.pendingCount()));
        out.put("completions_waiting", Long.toString(s[4]));
        out.put("runtime_started", s[5] != 0 ? "true" : "false");
        // Freed large reply buffers kept for reuse, released once traffic goes quiet.
        out.put("native_bytes_pooled", Long.toString(s[6]));
        // Pub/sub, all clients: messages and bytes waiting to be delivered, received, dropped by
        // a full backlog, when the server last confirmed a subscription (ms since the epoch), and
        // subscription commands it refused.
        out.put("pubsub_backlog_messages", Long.toString(s[7]));
        out.put("pubsub_backlog_bytes", Long.toString(s[8]));
        out.put("pubsub_messages_received", Long.toString(s[9]));
        out.put("pubsub_messages_dropped", Long.toString(s[10]));
        out.put("pubsub_subscriptions_last_confirmed_ms", Long.toString(s[11]));
        out.put("pubsub_subscriptions_refused", Long.toString(s[12]));
        // Panics inside the core that were caught: each failed one connection's requests (with a
        // ConnectionException) instead of leaving futures incomplete; any count above 0 is a bug.
        out.put("contained_panics", Long.toString(s[13]));
        // OpenTelemetry: spans of sampled requests in flight, and spans dropped because the
        // buffer of spans waiting for export was full (the exporter fell behind).
        out.put("otel_spans_open", Long.toString(s[14]));
        out.put("otel_spans_dropped", Long.toString(s[15]));
        return out;
    }
}
