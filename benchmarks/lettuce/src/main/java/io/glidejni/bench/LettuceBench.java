package io.glidejni.bench;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.List;
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
 * Lettuce, async API over ONE connection ({@link ByteArrayCodec}) shared by all JMH threads
 * (concurrency = {@code -t}); each operation sends one request and waits for it with
 * {@code get()}. Lettuce's defaults otherwise (60 s command timeout, default client resources).
 * With {@code -Dbench.tls=true}, TLS with the JDK provider trusting {@code bench.tls.ca}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LettuceBench {
    private RedisClient redis;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private RedisAsyncCommands<byte[], byte[]> async;

    /**
     * A client of the benchmark server ({@link BenchConfig}: host, port, TLS); also used by {@code
     * CallbacksMain}.
     */
    static RedisClient redisClient() {
        RedisURI uri =
                RedisURI.builder()
                        .withHost(BenchConfig.host())
                        .withPort(BenchConfig.port())
                        .withSsl(BenchConfig.tls())
                        .build();
        RedisClient redis = RedisClient.create(uri);
        if (BenchConfig.tls()) {
            // -Dbench.tls=true: TLS (JDK provider), trusting only the test CA (-Dbench.tls.ca);
            // Lettuce verifies the peer and its host name by default (SslVerifyMode.FULL)
            redis.setOptions(
                    ClientOptions.builder()
                            .sslOptions(
                                    SslOptions.builder()
                                            .jdkSslProvider()
                                            .trustManager(BenchConfig.tlsCaFile().toFile())
                                            .build())
                            .build());
        }
        return redis;
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        redis = redisClient();
        connection = redis.connect(ByteArrayCodec.INSTANCE);
        async = connection.async();
        // refuse to measure an empty server
        Workload.checkLength(
                "w1 key 0", async.get(Workload.W1_KEY_BYTES[0]).get(), Workload.SMALL_VALUE);
        if (async.get(Workload.W1_KEY_BYTES[Workload.W1_KEYS - 1]).get() != null) {
            throw new IllegalStateException("the last W1 key must not exist");
        }
        Workload.checkLength(
                Workload.W2_16K_NAME, async.get(Workload.W2_16K_KEY).get(), Workload.W2_SMALL);
        Workload.checkLength(
                Workload.W2_512K_NAME, async.get(Workload.W2_512K_KEY).get(), Workload.W2_LARGE);
        List<KeyValue<byte[], byte[]>> all = async.mget(Workload.W3_KEY_BYTES).get();
        for (int i = 0; i < all.size(); i++) {
            Workload.checkLength(
                    "w3 key " + i, all.get(i).getValueOrElse(null), Workload.SMALL_VALUE);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (connection != null) {
            connection.close();
        }
        if (redis != null) {
            redis.shutdown();
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
        byte[] key = Workload.W1_KEY_BYTES[mix.keyIndex()];
        return mix.isGet()
                ? async.get(key).get()
                : async.set(key, Workload.SMALL_VALUE_BYTES).get();
    }

    @Benchmark
    public byte[] w2Get16k() throws Exception {
        return async.get(Workload.W2_16K_KEY).get();
    }

    @Benchmark
    public byte[] w2Get512k() throws Exception {
        return async.get(Workload.W2_512K_KEY).get();
    }

    @Benchmark
    public List<KeyValue<byte[], byte[]>> w3Mget100() throws Exception {
        return async.mget(Workload.W3_KEY_BYTES).get();
    }
}
