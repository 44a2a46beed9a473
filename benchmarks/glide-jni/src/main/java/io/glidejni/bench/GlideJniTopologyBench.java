package io.glidejni.bench;

import static glide.api.models.GlideString.gs;

import glide.api.BaseClient;
import glide.api.GlideClient;
import glide.api.GlideClusterClient;
import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * glide-jni against one server or against a cluster ({@code -Dbench.cluster=true}, seed at
 * {@code bench.host}/{@code bench.port}): the same W1 and W3 workloads through {@link GlideClient}
 * or {@link GlideClusterClient}, to show what cluster routing costs. The data is written by the
 * client itself (redis-cli --pipe cannot fill a cluster). See benchmarks/cluster/run.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GlideJniTopologyBench {
    private BaseClient client;
    private GlideString[] w1Keys;
    private GlideString w1Value;
    private GlideString[] w3Keys;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        NodeAddress seed = NodeAddress.builder().host(BenchConfig.host()).port(BenchConfig.port()).build();
        if (Boolean.getBoolean("bench.cluster")) {
            client =
                    GlideClusterClient.createClient(
                                    GlideClusterClientConfiguration.builder()
                                            .address(seed)
                                            .requestTimeout(BenchConfig.REQUEST_TIMEOUT_MS)
                                            .inflightRequestsLimit(BenchConfig.INFLIGHT_LIMIT)
                                            .build())
                            .get();
        } else {
            client =
                    GlideClient.createClient(
                                    GlideClientConfiguration.builder()
                                            .address(seed)
                                            .requestTimeout(BenchConfig.REQUEST_TIMEOUT_MS)
                                            .inflightRequestsLimit(BenchConfig.INFLIGHT_LIMIT)
                                            .build())
                            .get();
        }
        w1Keys = new GlideString[Workload.W1_KEYS];
        for (int i = 0; i < w1Keys.length; i++) {
            w1Keys[i] = gs(Workload.W1_KEY_BYTES[i]);
        }
        w1Value = gs(Workload.SMALL_VALUE_BYTES);
        w3Keys = new GlideString[Workload.W3_KEYS];
        for (int i = 0; i < w3Keys.length; i++) {
            w3Keys[i] = gs(Workload.W3_KEY_BYTES[i]);
        }
        // The data: W1's 8,000 existing keys and W3's 100, in batches under the inflight limit.
        List<CompletableFuture<String>> writes = new ArrayList<>();
        for (int i = 0; i < Workload.W1_EXISTING + Workload.W3_KEYS; i++) {
            GlideString key = i < Workload.W1_EXISTING ? w1Keys[i] : w3Keys[i - Workload.W1_EXISTING];
            writes.add(client.set(key, w1Value));
            if (writes.size() == 500) {
                for (CompletableFuture<String> w : writes) {
                    w.get();
                }
                writes.clear();
            }
        }
        for (CompletableFuture<String> w : writes) {
            w.get();
        }
        client.del(new GlideString[] {w1Keys[Workload.W1_KEYS - 1]}).get();
        GlideString[] all = client.mget(w3Keys).get();
        for (int i = 0; i < all.length; i++) {
            Workload.checkLength("w3 key " + i, all[i] == null ? null : all[i].getBytes(), Workload.SMALL_VALUE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (client != null) {
            client.close();
        }
    }

    /** Per-thread deterministic W1 op stream. */
    @State(Scope.Thread)
    public static class Mix {
        W1Mix mix;

        @Setup(Level.Trial)
        public void setup(ThreadParams params) {
            mix = new W1Mix(params.getThreadIndex());
        }
    }

    @Benchmark
    public Object w1Mixed(Mix m) throws Exception {
        W1Mix mix = m.mix;
        mix.next();
        GlideString key = w1Keys[mix.keyIndex()];
        return mix.isGet() ? client.get(key).get() : client.set(key, w1Value).get();
    }

    /** MGET of 100 keys: on a cluster, split into one part per slot and put back in order. */
    @Benchmark
    public GlideString[] w3Mget100() throws Exception {
        return client.mget(w3Keys).get();
    }
}
