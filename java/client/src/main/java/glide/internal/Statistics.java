package glide.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Process-wide figures for {@code getStatistics()}. */
public final class Statistics {
    private Statistics() {}

    /**
     * {@code total_connections} and {@code total_clients} as in valkey-glide, plus the native
     * core's own memory accounting (invisible to NMT): {@code native_bytes_in_use}, {@code
     * native_allocations}, and the requests waiting in Java and in the completion queue.
     */
    public static Map<String, String> snapshot() {
        long[] s = NativeBridge.statistics();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("total_connections", Long.toString(s[1]));
        out.put("total_clients", Long.toString(s[0]));
        out.put("native_bytes_in_use", Long.toString(s[2]));
        out.put("native_allocations", Long.toString(s[3]));
        out.put("pending_requests", Integer.toString(Completions.pendingCount()));
        out.put("completions_waiting", Long.toString(s[4]));
        out.put("runtime_started", s[5] != 0 ? "true" : "false");
        // Freed large reply buffers kept for reuse, released once traffic goes quiet.
        out.put("native_bytes_pooled", Long.toString(s[6]));
        // Pub/sub, all clients: messages and bytes waiting to be delivered, received, dropped by
        // a full backlog, and when the server last confirmed a subscription (ms since the epoch).
        out.put("pubsub_backlog_messages", Long.toString(s[7]));
        out.put("pubsub_backlog_bytes", Long.toString(s[8]));
        out.put("pubsub_messages_received", Long.toString(s[9]));
        out.put("pubsub_messages_dropped", Long.toString(s[10]));
        out.put("pubsub_subscriptions_last_confirmed_ms", Long.toString(s[11]));
        // Panics inside the core that were caught: each failed one connection's requests (with a
        // ConnectionException) instead of leaving futures incomplete; any count above 0 is a bug.
        out.put("contained_panics", Long.toString(s[12]));
        return out;
    }
}
