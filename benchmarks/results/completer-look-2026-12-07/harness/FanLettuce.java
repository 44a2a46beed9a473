import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
public final class FanLettuce {
    public static void main(String[] a) throws Exception {
        RedisClient rc = RedisClient.create(RedisURI.create("127.0.0.1", Integer.parseInt(a[0])));
        StatefulRedisConnection<byte[], byte[]> conn = rc.connect(ByteArrayCodec.INSTANCE);
        RedisAsyncCommands<byte[], byte[]> c = conn.async();
        FanCore.<byte[]>run("lettuce", a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]), b -> b, k -> c.get(k).toCompletableFuture(), (k, v) -> c.set(k, v).toCompletableFuture());
        conn.close(); rc.shutdown();
    }
}
