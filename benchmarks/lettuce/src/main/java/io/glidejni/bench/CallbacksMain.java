package io.glidejni.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import java.util.concurrent.CompletionStage;

/**
 * The callbacks (non-blocking) benchmark for Lettuce: its async API over one connection
 * ({@link ByteArrayCodec}), each request's next one issued from its {@code RedisFuture}'s
 * {@code whenComplete} (which runs on the connection's Netty event loop). See {@link
 * CallbacksDriver} and {@code benchmarks/callbacks/run.sh}.
 */
public final class CallbacksMain {
    private CallbacksMain() {}

    public static void main(String[] args) {
        CallbacksDriver.main("lettuce", args, () -> new Client(LettuceBench.redisClient()));
    }

    private static final class Client implements AsyncBenchClient<byte[]> {
        private final RedisClient redis;
        private final StatefulRedisConnection<byte[], byte[]> connection;
        private final RedisAsyncCommands<byte[], byte[]> async;

        Client(RedisClient redis) {
            this.redis = redis;
            this.connection = redis.connect(ByteArrayCodec.INSTANCE);
            this.async = connection.async();
        }

        @Override
        public byte[] wrap(byte[] raw) {
            return raw;
        }

        @Override
        public CompletionStage<?> get(byte[] key) {
            return async.get(key);
        }

        @Override
        public CompletionStage<?> set(byte[] key, byte[] value) {
            return async.set(key, value);
        }

        @Override
        public byte[] bytes(Object getReply) {
            return (byte[]) getReply;
        }

        @Override
        public void close() {
            connection.close();
            redis.shutdown();
        }
    }
}
