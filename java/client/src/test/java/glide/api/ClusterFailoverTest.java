package glide.api;

import static glide.api.Clients.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.exceptions.GlideException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A primary is killed while a keyed workload runs: every future completes (a value or a clear
 * exception within its timeout), writes to the dead primary's slots succeed again once its replica
 * is promoted, and every acknowledged write is readable afterwards.
 */
class ClusterFailoverTest {
    @Test
    void aKilledPrimaryIsReplacedByItsReplicaWithoutHungFutures() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3, 1)) {
            RedisServer seed = cluster.nodes().get(0);
            GlideClusterClientConfiguration config =
                    GlideClusterClientConfiguration.builder()
                            .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                            .requestTimeout(500)
                            .build();
            try (GlideClusterClient client = await(GlideClusterClient.createClient(config))) {
                // A key on the primary that will die, and keys everywhere.
                RedisServer victim = cluster.primaries().get(1);
                String victimKey = null;
                for (int i = 0; victimKey == null; i++) {
                    if (cluster.primaryOf(cluster.slotOf("fo:" + i)) == victim) {
                        victimKey = "fo:" + i;
                    }
                }
                Map<String, String> acknowledged = new HashMap<>();
                List<CompletableFuture<String>> all = new ArrayList<>();
                long killedAt = 0;
                long recoveredAt = 0;
                int failures = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                for (int round = 0; System.nanoTime() < deadline; round++) {
                    if (round == 50) {
                        victim.kill();
                        killedAt = System.nanoTime();
                    }
                    List<CompletableFuture<String>> batch = new ArrayList<>();
                    for (int k = 0; k < 20; k++) {
                        String key = k == 0 ? victimKey : "fo:" + k;
                        String value = "r" + round;
                        batch.add(client.set(key, value));
                    }
                    all.addAll(batch);
                    boolean victimWritten = false;
                    for (int k = 0; k < batch.size(); k++) {
                        try {
                            batch.get(k).get(5, TimeUnit.SECONDS); // never hangs: value or exception
                            acknowledged.put(k == 0 ? victimKey : "fo:" + k, "r" + round);
                            victimWritten |= k == 0;
                        } catch (ExecutionException e) {
                            assertTrue(e.getCause() instanceof GlideException, e.getCause().toString());
                            failures++;
                        }
                    }
                    if (killedAt != 0 && victimWritten && recoveredAt == 0) {
                        recoveredAt = System.nanoTime();
                        break;
                    }
                    Thread.sleep(10);
                }
                assertTrue(killedAt != 0, "the primary was killed");
                assertTrue(recoveredAt != 0, "writes to the dead primary's slots never succeeded again");
                long recoveryMs = TimeUnit.NANOSECONDS.toMillis(recoveredAt - killedAt);
                System.out.println("failover: writes to the killed primary's slots succeeded again after "
                        + recoveryMs + " ms (cluster-node-timeout " + RedisCluster.NODE_TIMEOUT_MS
                        + " ms); " + failures + " of " + all.size() + " requests failed meanwhile");
                assertTrue(recoveryMs < RedisCluster.NODE_TIMEOUT_MS + 8_000, "recovery took " + recoveryMs + " ms");
                for (CompletableFuture<String> f : all) {
                    assertTrue(f.isDone());
                }
                // Every acknowledged write is readable: the value read is that write's, or a later
                // one's (a write that timed out may still have been applied).
                for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                    String read = readWhileClusterConverges(client, e.getKey());
                    assertTrue(read != null && round(read) >= round(e.getValue()),
                            e.getKey() + ": acknowledged " + e.getValue() + ", read " + read);
                }
            }
        }
    }

    /**
     * GET, again for up to 5 s while a node still answers CLUSTERDOWN: the other primaries may
     * take a moment longer than the promoted replica to see the cluster whole. (The client waits
     * out a CLUSTERDOWN itself, as valkey-glide does, until the request's timeout; this loop
     * covers a convergence that outlasts one request.)
     */
    private static String readWhileClusterConverges(GlideClusterClient client, String key) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                return client.get(key).get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                boolean down = String.valueOf(e.getCause().getMessage()).startsWith("CLUSTERDOWN");
                if (!down || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** The round of a value "r<n>". */
    private static int round(String value) {
        return Integer.parseInt(value.substring(1));
    }
}
