package glide.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
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
 *
 * <p>{@link #startTls} makes the same cluster with TLS only: every node a {@link
 * RedisServer#startTls TLS server}, the cluster bus and replication over TLS too ({@code
 * --tls-cluster yes --tls-replication yes}), so {@code CLUSTER SLOTS} names the TLS ports. The
 * helpers below work the same on it.
 */
public final class RedisCluster implements AutoCloseable {
    public static final int NODE_TIMEOUT_MS = 1000;
    private static final long FORM_TIMEOUT_MS = 30_000;

    private final List<RedisServer> nodes;

    private RedisCluster(List<RedisServer> nodes) {
        this.nodes = nodes;
    }

    public static RedisCluster start(int primaries, int replicasPerPrimary) {
        return start(primaries, replicasPerPrimary, (RedisServer.Tls) null, new String[0]);
    }

    /**
     * {@link #start(int, int)} with {@code extraArgs} on every node's command line (e.g. Valkey 9's
     * {@code "--cluster-databases", "16"}).
     */
    public static RedisCluster start(int primaries, int replicasPerPrimary, String... extraArgs) {
        return start(primaries, replicasPerPrimary, (RedisServer.Tls) null, extraArgs);
    }

    /**
     * A TLS-only cluster: each node presents {@link TlsCerts#server()} (valid for 127.0.0.1) and
     * does not require client certificates; nodes and replicas talk to each other over TLS.
     */
    public static RedisCluster startTls(int primaries, int replicasPerPrimary) {
        return startTls(primaries, replicasPerPrimary, RedisServer.Tls.valid());
    }

    /** {@link #startTls(int, int)} with the given node TLS settings (e.g. requiring client certificates). */
    public static RedisCluster startTls(int primaries, int replicasPerPrimary, RedisServer.Tls tls) {
        return start(primaries, replicasPerPrimary, java.util.Objects.requireNonNull(tls, "tls"), new String[0]);
    }

    private static RedisCluster start(int primaries, int replicasPerPrimary, RedisServer.Tls tls, String... extraArgs) {
        int count = primaries * (1 + replicasPerPrimary);
        List<RedisServer> nodes = new ArrayList<>();
        try {
            List<String> args = new ArrayList<>(List.of(
                    "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", String.valueOf(NODE_TIMEOUT_MS),
                    "--enable-debug-command", "yes"));
            if (tls != null) {
                args.addAll(List.of("--tls-cluster", "yes", "--tls-replication", "yes"));
            }
            args.addAll(List.of(extraArgs));
            for (int i = 0; i < count; i++) {
                String[] nodeArgs = args.toArray(new String[0]);
                nodes.add(tls == null ? RedisServer.start(nodeArgs) : RedisServer.startTls(tls, nodeArgs));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli"));
            if (tls != null) {
                create.addAll(redisCliTlsArgs());
            }
            create.addAll(List.of("--cluster", "create"));
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

    /**
     * Waits until {@code dead}'s slots have a new primary: no running node's CLUSTER SLOTS names it
     * any more, and the cluster is healthy (state ok, every slot served) on every running node.
     */
    public void awaitFailover(RedisServer dead, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (true) {
            boolean named = false;
            for (RedisServer n : nodes) {
                if (n.isRunning()) {
                    for (Object range : (List<?>) n.command("CLUSTER", "SLOTS")) {
                        named |= ((Long) ((List<?>) ((List<?>) range).get(2)).get(1)).intValue() == dead.port();
                    }
                }
            }
            if (!named) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no replica took over the slots of " + dead + " within " + timeoutMs + " ms");
            }
            sleep(20);
        }
        awaitHealthy(Math.max(1, deadline - System.currentTimeMillis()));
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

    /** The slots {@code primary} serves now (per CLUSTER SLOTS, asked of any running node). */
    public BitSet slotsOf(RedisServer primary) {
        BitSet out = new BitSet(16384);
        RedisServer any = nodes.stream().filter(RedisServer::isRunning).findFirst().orElseThrow();
        for (Object range : (List<?>) any.command("CLUSTER", "SLOTS")) {
            List<?> r = (List<?>) range;
            if (((Long) ((List<?>) r.get(2)).get(1)).intValue() == primary.port()) {
                out.set(((Long) r.get(0)).intValue(), ((Long) r.get(1)).intValue() + 1);
            }
        }
        return out;
    }

    /** Running nodes that replicate {@code primary} now (per their {@code ROLE}). */
    public List<RedisServer> replicasOf(RedisServer primary) {
        List<RedisServer> out = new ArrayList<>();
        for (RedisServer n : nodes) {
            if (n.isRunning() && n != primary) {
                List<?> role = (List<?>) n.command("ROLE");
                if ("slave".equals(role.get(0)) && ((Long) role.get(2)).intValue() == primary.port()) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /**
     * SIGKILLs {@code primary} once its replicas hold every write it acknowledged. Replication is
     * asynchronous, so a plain kill may lose the last acknowledged writes whatever the client
     * does; this pauses writes on the primary ({@code CLIENT PAUSE ... WRITE}: commands already
     * sent stay pending, reads go on), waits until each replica has processed the primary's
     * replication offset, then kills it. Writes still pending at the kill were never
     * acknowledged. Returns the time of the kill ({@link System#nanoTime()}, after the process
     * exited).
     */
    public long killPrimaryOnceReplicated(RedisServer primary, long timeoutMs) {
        primary.command("CLIENT", "PAUSE", String.valueOf(timeoutMs), "WRITE");
        awaitReplicated(primary, timeoutMs);
        primary.kill();
        return System.nanoTime();
    }

    /**
     * Waits until every replica of {@code primary} has processed the primary's replication offset
     * as of now: what was written so far would survive a failover (replication is asynchronous,
     * and WAIT only covers its own connection's writes).
     */
    public void awaitReplicated(RedisServer primary, long timeoutMs) {
        List<RedisServer> replicas = replicasOf(primary);
        long offset = (Long) ((List<?>) primary.command("ROLE")).get(1);
        long deadline = System.currentTimeMillis() + timeoutMs;
        for (RedisServer replica : replicas) {
            while ((Long) ((List<?>) replica.command("ROLE")).get(4) < offset) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(replica + " did not catch up with " + primary
                            + " (offset " + offset + ") within " + timeoutMs + " ms");
                }
                sleep(2);
            }
        }
    }

    /** Moves {@code slot} and its keys from {@code source} to {@code target}, then waits until healthy. */
    public void migrateSlot(int slot, RedisServer source, RedisServer target) {
        SlotMigration migration = SlotMigration.begin(this, slot, source, target);
        while (migration.moveKeys(100) > 0) {
            // until the source holds none of the slot's keys
        }
        migration.finish();
        awaitHealthy(10_000);
    }

    /** The slot of {@code key} (CRC16 of the key or its {@code {hash tag}}, mod 16384), computed locally. */
    public static int keySlot(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        int end = bytes.length;
        int open = key.indexOf('{');
        if (open >= 0) {
            int close = key.indexOf('}', open + 1);
            if (close > open + 1) {
                start = key.substring(0, open + 1).getBytes(StandardCharsets.UTF_8).length;
                end = key.substring(0, close).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        int crc = 0;
        for (int i = start; i < end; i++) {
            crc ^= (bytes[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xffff;
        }
        return crc % 16384;
    }

    /**
     * The {@code redis-cli} options that connect to a {@link #startTls TLS} node: trust the test CA,
     * present the test client certificate.
     */
    public static List<String> redisCliTlsArgs() {
        TlsCerts certs = TlsCerts.get();
        return List.of(
                "--tls",
                "--cacert", certs.caCertFile().toString(),
                "--cert", certs.client().certFile().toString(),
                "--key", certs.client().keyFile().toString());
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
