package io.glidejni.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
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
        CallbacksDriver.main(
                "lettuce",
                args,
                () -> BenchConfig.text()
                        ? new TextClient(LettuceBench.redisClient())
                        : new Client(LettuceBench.redisClient()));
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

    /** The same connection through Lettuce's UTF-8 String codec ({@code -Dbench.text=true}). */
    private static final class TextClient implements AsyncBenchClient<String> {
        private final RedisClient redis;
        private final StatefulRedisConnection<String, String> connection;
        private final RedisAsyncCommands<String, String> async;

        TextClient(RedisClient redis) {
            this.redis = redis;
            this.connection = redis.connect(StringCodec.UTF8);
            this.async = connection.async();
        }

        @Override
        public String wrap(byte[] raw) {
            return new String(raw, StandardCharsets.UTF_8);
        }

        @Override
        public CompletionStage<?> get(String key) {
            return async.get(key);
        }

        @Override
        public CompletionStage<?> set(String key, String value) {
            return async.set(key, value);
        }

        @Override
        public byte[] bytes(Object getReply) {
            return getReply == null ? null : ((String) getReply).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            connection.close();
            redis.shutdown();
        }
    }
}
