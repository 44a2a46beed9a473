package io.glidejni.bench;

import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.Batch;
import glide.api.models.GlideString;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.TlsAdvancedConfiguration;
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
 * valkey-glide 2.3.1 (io.valkey:valkey-glide, classifier linux-x86_64). One client shared by all
 * JMH threads (concurrency = {@code -t}); each operation sends one request and waits for its reply
 * with {@code get()}.
 *
 * <p>This file is glide-jni's {@code GlideJniBench} with another class name: the two clients share
 * their API (and package names, hence the separate module and JVM), so the code is identical.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ValkeyGlideBench {
    private GlideClient client;
    /** {@code -Dbench.clients=K} (default 1): K clients, the threads spread over them round-robin. */
    private GlideClient[] clients;
    private GlideString[] w1Keys;
    private GlideString w1Value;
    private GlideString w2Small;
    private GlideString w2Large;
    private GlideString[] w3Keys;

    /**
     * A client of the benchmark server ({@link BenchConfig}: host, port, TLS), with the suite's
     * request timeout and inflight limit; also used by {@code CallbacksMain}.
     */
    static GlideClient connect() throws Exception {
        GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> builder =
                GlideClientConfiguration.builder()
                        .address(
                                NodeAddress.builder()
                                        .host(BenchConfig.host())
                                        .port(BenchConfig.port())
                                        .build())
                        .requestTimeout(BenchConfig.REQUEST_TIMEOUT_MS)
                        .inflightRequestsLimit(BenchConfig.INFLIGHT_LIMIT);
        if (BenchConfig.tls()) {
            // -Dbench.tls=true: TLS, trusting only the test CA (-Dbench.tls.ca)
            builder.useTLS(true)
                    .advancedConfiguration(
                            AdvancedGlideClientConfiguration.builder()
                                    .tlsAdvancedConfiguration(
                                            TlsAdvancedConfiguration.builder()
                                                    .rootCertificates(BenchConfig.tlsCaPem())
                                                    .build())
                                    .build());
        }
        return GlideClient.createClient(builder.build()).get();
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        client = connect();
        clients = new GlideClient[BenchConfig.clientInstances()];
        clients[0] = client;
        for (int i = 1; i < clients.length; i++) {
            clients[i] = connect();
        }
        w1Keys = new GlideString[Workload.W1_KEYS];
        for (int i = 0; i < w1Keys.length; i++) {
            w1Keys[i] = gs(Workload.W1_KEY_BYTES[i]);
        }
        w1Value = gs(Workload.SMALL_VALUE_BYTES);
        w2Small = gs(Workload.W2_16K_KEY);
        w2Large = gs(Workload.W2_512K_KEY);
        w3Keys = new GlideString[Workload.W3_KEYS];
        for (int i = 0; i < w3Keys.length; i++) {
            w3Keys[i] = gs(Workload.W3_KEY_BYTES[i]);
        }
        // refuse to measure an empty server
        Workload.checkLength("w1 key 0", bytes(client.get(w1Keys[0]).get()), Workload.SMALL_VALUE);
        if (client.get(w1Keys[Workload.W1_KEYS - 1]).get() != null) {
            throw new IllegalStateException("the last W1 key must not exist");
        }
        Workload.checkLength(
                Workload.W2_16K_NAME, bytes(client.get(w2Small).get()), Workload.W2_SMALL);
        Workload.checkLength(
                Workload.W2_512K_NAME, bytes(client.get(w2Large).get()), Workload.W2_LARGE);
        GlideString[] all = client.mget(w3Keys).get();
        for (int i = 0; i < all.length; i++) {
            Workload.checkLength("w3 key " + i, bytes(all[i]), Workload.SMALL_VALUE);
        }
    }

    private static byte[] bytes(GlideString s) {
        return s == null ? null : s.getBytes();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        for (GlideClient c : clients == null ? new GlideClient[] {client} : clients) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** Per thread: its deterministic W1 op stream and its client. */
    @State(Scope.Thread)
    public static class Mix {
        W1Mix mix;
        GlideClient client;

        @Setup(Level.Trial)
        public void setup(ValkeyGlideBench bench, ThreadParams params) {
            mix = new W1Mix(params.getThreadIndex());
            client = bench.clients[params.getThreadIndex() % bench.clients.length];
        }
    }

    @Benchmark
    public Object w1Mixed(Mix m) throws Exception {
        W1Mix mix = m.mix;
        mix.next();
        GlideString key = w1Keys[mix.keyIndex()];
        return mix.isGet() ? m.client.get(key).get() : m.client.set(key, w1Value).get();
    }

    @Benchmark
    public GlideString w2Get16k(Mix m) throws Exception {
        return m.client.get(w2Small).get();
    }

    @Benchmark
    public GlideString w2Get512k(Mix m) throws Exception {
        return m.client.get(w2Large).get();
    }

    @Benchmark
    public GlideString[] w3Mget100(Mix m) throws Exception {
        return m.client.mget(w3Keys).get();
    }

    /** W4: the 100 W3 keys read by a pipeline of 100 GETs (one exec, binary output). */
    @Benchmark
    public Object[] w4Pipeline100(Mix m) throws Exception {
        Batch batch = new Batch(false).withBinaryOutput();
        for (GlideString key : w3Keys) {
            batch.get(key);
        }
        return m.client.exec(batch, true).get();
    }

    /** W4: the same 100 GETs as a transaction (MULTI/EXEC). */
    @Benchmark
    public Object[] w4Transaction100(Mix m) throws Exception {
        Batch batch = new Batch(true).withBinaryOutput();
        for (GlideString key : w3Keys) {
            batch.get(key);
        }
        return m.client.exec(batch, true).get();
    }
}
