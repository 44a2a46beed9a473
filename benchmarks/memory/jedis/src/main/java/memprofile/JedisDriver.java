package memprofile;

import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Jedis (8.x has no JedisPooled any more, so JedisPool). A "client" is one JedisPool whose pool
 * holds exactly one idle connection (maxTotal = maxIdle = minIdle = 1, no evictor); one
 * getResource()+PING+return creates that connection. The load uses one JedisPool of
 * {@code inflight} connections: Jedis connections are not shared between threads, so 100 GETs in
 * flight means 100 connections. In the TLS mode every connection is an SSLSocket from one
 * SSLSocketFactory that trusts only the run's CA (a KeyStore behind a TrustManagerFactory), with
 * HTTPS-style host name verification on, as the GLIDEs and Lettuce verify the name too.
 */
public final class JedisDriver implements Driver {
    private JedisClientConfig config;

    /** One client configuration (and one SSLSocketFactory) for every pool, built on first use. */
    private synchronized JedisClientConfig config() throws Exception {
        if (config == null) {
            DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder().timeoutMillis(10_000);
            if (Tls.enabled()) {
                SSLSocketFactory factory = Tls.sslContext().getSocketFactory();
                SSLParameters params = new SSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                b.ssl(true).sslSocketFactory(factory).sslParameters(params);
            }
            config = b.build();
        }
        return config;
    }

    @Override
    public String client() {
        return "jedis";
    }

    @Override
    public String idleMode() {
        return "one JedisPool per client, maxTotal=maxIdle=minIdle=1 (1 idle connection" + Tls.suffix() + "), PING once";
    }

    @Override
    public String loadMode() {
        return "one JedisPool with maxTotal=maxIdle=100 (one connection per in-flight GET" + Tls.suffix() + ")";
    }

    private static JedisPoolConfig pool(int size) {
        JedisPoolConfig cfg = new JedisPoolConfig();
        cfg.setMaxTotal(size);
        cfg.setMaxIdle(size);
        cfg.setMinIdle(size == 1 ? 1 : 0);
        cfg.setTestWhileIdle(false);
        cfg.setTimeBetweenEvictionRuns(Duration.ofMillis(-1)); // no evictor: keep the idle connection
        cfg.setMaxWait(Duration.ofSeconds(10));
        return cfg;
    }

    @Override
    public Object openIdle(String host, int port) throws Exception {
        JedisPool pool = new JedisPool(pool(1), new HostAndPort(host, port), config());
        try (Jedis j = pool.getResource()) {
            j.ping();
        }
        return pool;
    }

    @Override
    public Object openLoad(String host, int port, int inflight) throws Exception {
        return new JedisPool(pool(inflight), new HostAndPort(host, port), config());
    }

    @Override
    public byte[] get(Object client, byte[] key) {
        try (Jedis j = ((JedisPool) client).getResource()) {
            return j.get(key);
        }
    }

    @Override
    public void close(Object client) {
        ((JedisPool) client).close();
    }
}
