package memprofile;

import java.time.Duration;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;

/**
 * Jedis (8.x has no JedisPooled any more, so JedisPool). A "client" is one JedisPool whose pool
 * holds exactly one idle connection (maxTotal = maxIdle = minIdle = 1, no evictor); one
 * getResource()+PING+return creates that connection. The load uses one JedisPool of
 * {@code inflight} connections: Jedis connections are not shared between threads, so 100 GETs in
 * flight means 100 connections.
 */
public final class JedisDriver implements Driver {
    @Override
    public String client() {
        return "jedis";
    }

    @Override
    public String idleMode() {
        return "one JedisPool per client, maxTotal=maxIdle=minIdle=1 (1 idle connection), PING once";
    }

    @Override
    public String loadMode() {
        return "one JedisPool with maxTotal=maxIdle=100 (one connection per in-flight GET)";
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
    public Object openIdle(String host, int port) {
        JedisPool pool = new JedisPool(pool(1), host, port, 10_000);
        try (Jedis j = pool.getResource()) {
            j.ping();
        }
        return pool;
    }

    @Override
    public Object openLoad(String host, int port, int inflight) {
        return new JedisPool(pool(inflight), host, port, 10_000);
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
