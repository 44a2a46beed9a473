package memprofile;

import glide.api.GlideClusterClient;
import glide.api.models.ClusterValue;
import glide.api.models.configuration.AdvancedGlideClusterClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * glide-jni's native bytes per cluster node connection, over plaintext and over TLS. Its own entry
 * point in the glide-jni profile jar (run.sh runs it when {@code MEMPROFILE_CLUSTER=1}):
 *
 * <pre>
 * java -Dmemprofile.caFile=ca.pem -cp memprofile-glide-jni.jar memprofile.ClusterNodes \
 *     plain=127.0.0.1:P tls=127.0.0.1:Q
 * </pre>
 *
 * <p>Each argument is a mode and a seed node of a running cluster ({@code tls=} needs the CA that
 * signed the nodes' certificates). For each mode, in order:
 *
 * <ol>
 *   <li>a warm-up client is created and sends ECHO to every node, so the runtime, and for TLS the
 *       shared rustls configuration (parsed roots, session cache), exist before the measurement
 *       (its cost is printed too, as {@code first_client_*});
 *   <li>{@code memprofile.clusterClients} (10) more clients are created one after the other, each
 *       sending ECHO to every node (primaries are connected at creation, replicas on first use),
 *       with {@code native_bytes_in_use} and {@code total_connections} read before creation, after
 *       creation and after the ECHO (each after {@value #SETTLE_MS} ms);
 *   <li>the clients are closed and the counter read again (it should return to where it was).
 * </ol>
 *
 * <p>Prints one JSON line per mode: bytes per node connection = Δ native_bytes_in_use / Δ
 * total_connections over all the measured clients, all open (so it includes each client's own
 * fixed cost, e.g. its slot map, spread over its connections), and bytes per client just after
 * creation (its primaries' connections only). The step from there to after the ECHO is not a
 * per-replica figure: the ECHO also reads on the primaries' connections, whose idle buffers may
 * then be kept or released.
 */
public final class ClusterNodes {
    private ClusterNodes() {}

    /** Lets background work of a just-finished step (handshakes, topology reads) settle. */
    private static final long SETTLE_MS = 500;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: ClusterNodes (plain|tls)=host:port ...");
            System.exit(2);
        }
        int clients = Integer.getInteger("memprofile.clusterClients", 10);
        // Before any client: the counter with only the library loaded (no runtime yet).
        long pristine = bytes(glide.internal.Statistics.extended());
        boolean cold = true;
        for (String arg : args) {
            String[] modeSeed = arg.split("=", 2);
            String[] hostPort = modeSeed[1].split(":");
            boolean tls = switch (modeSeed[0]) {
                case "tls" -> true;
                case "plain" -> false;
                default -> throw new IllegalArgumentException("mode must be plain or tls: " + arg);
            };
            Map<String, Object> line =
                    measure(tls, hostPort[0], Integer.parseInt(hostPort[1]), clients, pristine, cold);
            emit(line);
            pristine = bytes(glide.internal.Statistics.extended());
            cold = false;
        }
        System.exit(0);
    }

    private static GlideClusterClientConfiguration config(boolean tls, String host, int port) {
        GlideClusterClientConfiguration.GlideClusterClientConfigurationBuilder<?, ?> b =
                GlideClusterClientConfiguration.builder()
                        .address(NodeAddress.builder().host(host).port(port).build())
                        .requestTimeout(5000);
        if (tls) {
            b.useTLS(true).advancedConfiguration(AdvancedGlideClusterClientConfiguration.builder()
                    .tlsAdvancedConfiguration(TlsAdvancedConfiguration.builder().rootCertificates(Tls.caPem()).build())
                    .build());
        }
        return b.build();
    }

    /** ECHO on every node (primaries and replicas); returns how many nodes answered. */
    private static int touchEveryNode(GlideClusterClient c) throws Exception {
        ClusterValue<String> v = c.echo("memprofile", SimpleMultiNodeRoute.ALL_NODES).get();
        return v.hasMultiData() ? v.getMultiValue().size() : 1;
    }

    private static Map<String, Object> measure(
            boolean tls, String host, int port, int count, long pristine, boolean pristineIsCold) throws Exception {
        GlideClusterClientConfiguration config = config(tls, host, port);
        GlideClusterClient warm = GlideClusterClient.createClient(config).get();
        int nodes = touchEveryNode(warm);
        Thread.sleep(SETTLE_MS);
        Map<String, String> before = warm.getExtendedStatistics();

        List<GlideClusterClient> open = new ArrayList<>();
        long createdBytes = 0;
        long createdConnections = 0;
        for (int i = 0; i < count; i++) {
            Map<String, String> s0 = warm.getExtendedStatistics();
            GlideClusterClient c = GlideClusterClient.createClient(config).get();
            open.add(c);
            Thread.sleep(SETTLE_MS);
            Map<String, String> s1 = warm.getExtendedStatistics();
            int answered = touchEveryNode(c);
            if (answered != nodes) {
                throw new IllegalStateException("ECHO reached " + answered + " nodes, expected " + nodes);
            }
            Thread.sleep(SETTLE_MS);
            Map<String, String> s2 = warm.getExtendedStatistics();
            createdConnections += connections(s1) - connections(s0);
            createdBytes += bytes(s1) - bytes(s0);
            if (connections(s2) - connections(s0) != nodes) {
                throw new IllegalStateException("client " + i + " opened " + (connections(s2) - connections(s0))
                        + " connections for " + nodes + " nodes");
            }
        }
        Thread.sleep(SETTLE_MS);
        Map<String, String> after = warm.getExtendedStatistics();
        for (GlideClusterClient c : open) {
            c.close();
        }
        Thread.sleep(SETTLE_MS);
        Map<String, String> closed = warm.getExtendedStatistics();
        warm.close();

        long bytes = bytes(after) - bytes(before);
        long conns = connections(after) - connections(before);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", tls ? "tls" : "plain");
        m.put("seed", host + ":" + port);
        m.put("nodes", nodes);
        m.put("clients", count);
        m.put("connections_at_creation_per_client", (double) createdConnections / count);
        m.put("native_bytes_per_client_at_creation", createdBytes / count);
        m.put("connections_per_client", (double) conns / count);
        m.put("native_bytes_before", bytes(before));
        m.put("native_bytes_after", bytes(after));
        m.put("native_bytes_after_close", bytes(closed));
        m.put("native_bytes_per_client", bytes / count);
        m.put("native_bytes_per_node_connection", conns == 0 ? null : bytes / conns);
        m.put("first_client_native_bytes", bytes(before) - pristine);
        m.put("first_client_connections", connections(before));
        // Only the first mode's warm-up client starts the runtime (Tokio workers, timer).
        m.put("first_client_includes_runtime", pristineIsCold);
        m.put("stats_after", after);
        return m;
    }

    private static long bytes(Map<String, String> stats) {
        return Long.parseLong(stats.get("native_bytes_in_use"));
    }

    private static long connections(Map<String, String> stats) {
        return Long.parseLong(stats.get("total_connections"));
    }

    private static void emit(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof Map<?, ?> map) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> f : map.entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    sb.append('"').append(f.getKey()).append("\":\"").append(f.getValue()).append('"');
                }
                sb.append('}');
            } else if (v instanceof String) {
                sb.append('"').append(v).append('"');
            } else {
                sb.append(v);
            }
        }
        System.out.println(sb.append('}'));
        System.out.flush();
    }
}
