package glide.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis Cluster for integration tests: {@code primaries} primaries with {@code
 * replicasPerPrimary} replicas each, every node a {@link RedisServer} on a free loopback port,
 * formed with {@code redis-cli --cluster create}. A short {@code cluster-node-timeout} (1 s)
 * makes failover quick.
 *
 * <pre>{@code
 * try (RedisCluster cluster = RedisCluster.start(3, 1)) {
 *     RedisServer anyNode = cluster.nodes().get(0);
 * }
 * }</pre>
 */
public final class RedisCluster implements AutoCloseable {
    public static final int NODE_TIMEOUT_MS = 1000;
    private static final long FORM_TIMEOUT_MS = 30_000;

    private final List<RedisServer> nodes;

    private RedisCluster(List<RedisServer> nodes) {
        this.nodes = nodes;
    }

    public static RedisCluster start(int primaries, int replicasPerPrimary) {
        int count = primaries * (1 + replicasPerPrimary);
        List<RedisServer> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                nodes.add(
                        RedisServer.start(
                                "--cluster-enabled", "yes",
                                "--cluster-config-file", "nodes.conf",
                                "--cluster-node-timeout", String.valueOf(NODE_TIMEOUT_MS),
                                "--enable-debug-command", "yes"));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            for (RedisServer node : nodes) {
                create.add(node.host() + ":" + node.port());
            }
            create.addAll(List.of("--cluster-replicas", String.valueOf(replicasPerPrimary), "--cluster-yes"));
            run(create);
            RedisCluster cluster = new RedisCluster(Collections.unmodifiableList(nodes));
            cluster.awaitHealthy(FORM_TIMEOUT_MS, primaries * replicasPerPrimary);
            if (replicasPerPrimary > 0) {
                // A replica shows in CLUSTER SLOTS once it has replicated something: give it a write.
                cluster.primaries().forEach(p -> p.command("FLUSHALL"));
                cluster.awaitReplicasAnnounced(FORM_TIMEOUT_MS);
            }
            return cluster;
        } catch (RuntimeException e) {
            nodes.forEach(RedisServer::close);
            throw e;
        }
    }

    public List<RedisServer> nodes() {
        return nodes;
    }

    /** The node on {@code port}. */
    public RedisServer node(int port) {
        return nodes.stream().filter(n -> n.port() == port).findFirst().orElseThrow();
    }

    /** Running nodes that are primaries now (per {@code ROLE}). */
    public List<RedisServer> primaries() {
        List<RedisServer> out = new ArrayList<>();
        for (RedisServer n : nodes) {
            if (n.isRunning() && "master".equals(role(n))) {
                out.add(n);
            }
        }
        return out;
    }

    /** The running node that is primary for {@code slot} now, asked of any running node. */
    public RedisServer primaryOf(int slot) {
        for (RedisServer n : nodes) {
            if (!n.isRunning()) {
                continue;
            }
            for (Object range : (List<?>) n.command("CLUSTER", "SLOTS")) {
                List<?> r = (List<?>) range;
                if ((Long) r.get(0) <= slot && slot <= (Long) r.get(1)) {
                    int port = ((Long) ((List<?>) r.get(2)).get(1)).intValue();
                    return node(port);
                }
            }
        }
        throw new IllegalStateException("no node serves slot " + slot);
    }

    /** The slot of {@code key}, as the cluster computes it. */
    public int slotOf(String key) {
        RedisServer any = nodes.stream().filter(RedisServer::isRunning).findFirst().orElseThrow();
        return ((Long) any.command("CLUSTER", "KEYSLOT", key)).intValue();
    }

    /**
     * Waits until every running node says the cluster is ok, knows every slot, and sees {@code
     * replicas} replicas (a client connecting earlier could read a map without them).
     */
    public void awaitHealthy(long timeoutMs) {
        awaitHealthy(timeoutMs, 0);
    }

    public void awaitHealthy(long timeoutMs, int replicas) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        String last = "";
        while (System.currentTimeMillis() < deadline) {
            boolean ok = true;
            for (RedisServer n : nodes) {
                if (!n.isRunning()) {
                    continue;
                }
                last = (String) n.command("CLUSTER", "INFO");
                String nodes = (String) n.command("CLUSTER", "NODES");
                long seen = nodes.lines().filter(l -> l.contains("slave")).count();
                if (!last.contains("cluster_state:ok") || !last.contains("cluster_slots_ok:16384") || seen < replicas) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("the cluster did not become healthy: " + last);
    }

    /** Waits until every running node's CLUSTER SLOTS names a replica for every slot range. */
    public void awaitReplicasAnnounced(long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            boolean all = true;
            for (RedisServer n : nodes) {
                if (!n.isRunning()) {
                    continue;
                }
                for (Object range : (List<?>) n.command("CLUSTER", "SLOTS")) {
                    all &= ((List<?>) range).size() >= 4;
                }
            }
            if (all) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException("replicas were not announced in CLUSTER SLOTS");
    }

    private static String role(RedisServer node) {
        return (String) ((List<?>) node.command("ROLE")).get(0);
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0) + " (is redis-tools installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(RedisServer::close);
    }
}
