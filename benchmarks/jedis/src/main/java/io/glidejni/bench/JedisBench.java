package io.glidejni.bench;

import java.util.ArrayList;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.ThreadParams;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Jedis, sync binary API through one {@link JedisPool} sized to the JMH thread count (so every
 * thread has a connection); each operation borrows a connection, sends one request, reads the
 * reply and returns the connection. Socket timeout 5 s (as the glide clients' request timeout).
 * With {@code -Dbench.tls=true}, TLS through a JDK socket factory trusting {@code bench.tls.ca}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JedisBench {
    private JedisPool pool;

    @Setup(Level.Trial)
    public void setup(BenchmarkParams params) {
        pool = pool(params.getThreads());
    }

    /**
     * A pool of {@code size} connections to the benchmark server, all opened now (not during the
     * measurement), after checking the server holds the pre-filled keys. Also used by {@link
     * CallbacksMain}'s virtual threads.
     */
    static JedisPool pool(int size) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setMinIdle(size);
        config.setJmxEnabled(false);
        DefaultJedisClientConfig.Builder client =
                DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(BenchConfig.REQUEST_TIMEOUT_MS)
                        .socketTimeoutMillis(BenchConfig.REQUEST_TIMEOUT_MS);
        if (BenchConfig.tls()) {
            // -Dbench.tls=true: TLS, trusting only the test CA (-Dbench.tls.ca), host name checked
            client.ssl(true)
                    .sslSocketFactory(BenchConfig.tlsSocketFactory())
                    .sslParameters(BenchConfig.tlsParameters());
        }
        JedisPool pool =
                new JedisPool(
                        config,
                        new HostAndPort(BenchConfig.host(), BenchConfig.port()),
                        client.build());
        List<Jedis> warm = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            warm.add(pool.getResource());
        }
        warm.forEach(Jedis::close);
        try (Jedis j = pool.getResource()) {
            // refuse to measure an empty server
            Workload.checkLength("w1 key 0", j.get(Workload.W1_KEY_BYTES[0]), Workload.SMALL_VALUE);
            if (j.get(Workload.W1_KEY_BYTES[Workload.W1_KEYS - 1]) != null) {
                throw new IllegalStateException("the last W1 key must not exist");
            }
            Workload.checkLength(
                    Workload.W2_16K_NAME, j.get(Workload.W2_16K_KEY), Workload.W2_SMALL);
            Workload.checkLength(
                    Workload.W2_512K_NAME, j.get(Workload.W2_512K_KEY), Workload.W2_LARGE);
            List<byte[]> all = j.mget(Workload.W3_KEY_BYTES);
            for (int i = 0; i < all.size(); i++) {
                Workload.checkLength("w3 key " + i, all.get(i), Workload.SMALL_VALUE);
            }
        }
        return pool;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != null) {
            pool.close();
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
    public Object w1Mixed(Mix m) {
        W1Mix mix = m.mix;
        mix.next();
        byte[] key = Workload.W1_KEY_BYTES[mix.keyIndex()];
        try (Jedis j = pool.getResource()) {
            return mix.isGet() ? j.get(key) : j.set(key, Workload.SMALL_VALUE_BYTES);
        }
    }

    @Benchmark
    public byte[] w2Get16k() {
        try (Jedis j = pool.getResource()) {
            return j.get(Workload.W2_16K_KEY);
        }
    }

    @Benchmark
    public byte[] w2Get512k() {
        try (Jedis j = pool.getResource()) {
            return j.get(Workload.W2_512K_KEY);
        }
    }

    @Benchmark
    public List<byte[]> w3Mget100() {
        try (Jedis j = pool.getResource()) {
            return j.mget(Workload.W3_KEY_BYTES);
        }
    }
}
