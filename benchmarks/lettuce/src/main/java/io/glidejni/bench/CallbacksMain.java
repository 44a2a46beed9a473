package io.glidejni.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * The callbacks (non-blocking) benchmark for Lettuce: its async API over one connection
 * ({@link ByteArrayCodec}), each request's next one issued from its {@code RedisFuture}'s
 * {@code whenComplete} (which runs on the connection's Netty event loop). See {@link
 * CallbacksDriver} and {@code benchmarks/callbacks/run.sh}. With {@code -Dbench.text=true} the
 * connection uses Lettuce's UTF-8 {@link StringCodec} instead (String keys and values).
 */
public final class CallbacksMain {
    private CallbacksMain() {}

    public static void main(String[] args) {
        CallbacksDriver.main("lettuce", args, () -> client(LettuceBench.redisClient()));
    }

    private static AsyncBenchClient<?> client(RedisClient redis) {
        AutoCloseable shutdown = redis::shutdown;
        if (BenchConfig.text()) {
            StatefulRedisConnection<String, String> connection = redis.connect(StringCodec.UTF8);
            RedisAsyncCommands<String, String> async = connection.async();
            return AsyncBenchClient.<String>of(AsyncBenchClient::text, async::get, async::set,
                    AsyncBenchClient::textBytes, () -> closeBoth(connection, shutdown));
        }
        StatefulRedisConnection<byte[], byte[]> connection = redis.connect(ByteArrayCodec.INSTANCE);
        RedisAsyncCommands<byte[], byte[]> async = connection.async();
        return AsyncBenchClient.<byte[]>of(raw -> raw, async::get, async::set, r -> (byte[]) r,
                () -> closeBoth(connection, shutdown));
    }

    private static void closeBoth(StatefulRedisConnection<?, ?> connection, AutoCloseable shutdown) throws Exception {
        connection.close();
        shutdown.close();
    }
}
