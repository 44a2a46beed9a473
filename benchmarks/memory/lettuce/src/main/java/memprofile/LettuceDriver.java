package memprofile;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce, async API. A "client" is one StatefulRedisConnection (one TCP connection); all of them
 * come from one RedisClient, i.e. they share its ClientResources (Netty event loops), which is how
 * Lettuce is meant to be used and the analogue of GLIDE's one runtime per process. In the TLS mode
 * the URI has SSL on with full verification (certificate and host name) and the client's
 * SslOptions trust the run's CA file (the JDK's TLS engine: netty-tcnative is not on the class
 * path).
 */
public final class LettuceDriver implements Driver {
    private RedisClient redis;

    @Override
    public String client() {
        return "lettuce";
    }

    @Override
    public String idleMode() {
        return "one StatefulRedisConnection (async API" + Tls.suffix()
                + ") per client, all from one shared RedisClient/ClientResources, PING once";
    }

    @Override
    public String loadMode() {
        return "one StatefulRedisConnection shared by the load threads (async get(...).get())" + Tls.suffix();
    }

    private synchronized RedisClient redis(String host, int port) {
        if (redis == null) {
            RedisURI.Builder uri = RedisURI.builder().withHost(host).withPort(port)
                    .withTimeout(Duration.ofSeconds(10));
            if (Tls.enabled()) {
                uri.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
            }
            redis = RedisClient.create(uri.build());
            if (Tls.enabled()) {
                redis.setOptions(ClientOptions.builder()
                        .sslOptions(SslOptions.builder().jdkSslProvider().trustManager(new File(Tls.caFile())).build())
                        .build());
            }
        }
        return redis;
    }

    @Override
    public Object openIdle(String host, int port) throws Exception {
        StatefulRedisConnection<byte[], byte[]> c = redis(host, port).connect(ByteArrayCodec.INSTANCE);
        c.async().ping().get(10, TimeUnit.SECONDS);
        return c;
    }

    @Override
    public Object openLoad(String host, int port, int inflight) throws Exception {
        return redis(host, port).connect(ByteArrayCodec.INSTANCE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public byte[] get(Object client, byte[] key) throws Exception {
        return ((StatefulRedisConnection<byte[], byte[]>) client).async().get(key).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close(Object client) {
        ((StatefulRedisConnection<?, ?>) client).close();
    }

    @Override
    public void shutdown() {
        if (redis != null) redis.shutdown();
    }
}
