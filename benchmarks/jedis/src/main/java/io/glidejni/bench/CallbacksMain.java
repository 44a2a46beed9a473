package io.glidejni.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Jedis in the virtual-thread mode of {@link CallbacksDriver} ({@code --virtual-threads} only:
 * Jedis has no async API, so there are no callback chains to drive). Each virtual thread borrows a
 * connection from one {@link JedisPool} of as many connections as there are threads, sends its
 * command and reads the reply on the JDK's sockets (a virtual thread parks there), and returns
 * the connection: how a service on virtual threads uses Jedis. The returned stage is already
 * complete; the request ran on the calling thread. With {@code -Dbench.text=true} it calls
 * Jedis's String methods instead of its byte[] ones.
 */
public final class CallbacksMain {
    private CallbacksMain() {}

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        int at = list.indexOf("--chains");
        if (!list.contains("--virtual-threads") || at < 0 || at + 1 >= args.length) {
            System.err.println("Jedis has no async API: use --virtual-threads --chains N"
                    + " (N virtual threads sharing a pool of N connections)");
            System.exit(2);
        }
        int threads = Integer.parseInt(args[at + 1]);
        CallbacksDriver.main("jedis", args, () -> client(JedisBench.pool(threads)));
    }

    private static AsyncBenchClient<?> client(JedisPool pool) {
        if (BenchConfig.text()) {
            return AsyncBenchClient.<String>of(AsyncBenchClient::text,
                    key -> borrowed(pool, j -> j.get(key)), (key, value) -> borrowed(pool, j -> j.set(key, value)),
                    AsyncBenchClient::textBytes, pool);
        }
        return AsyncBenchClient.<byte[]>of(raw -> raw,
                key -> borrowed(pool, j -> j.get(key)), (key, value) -> borrowed(pool, j -> j.set(key, value)),
                r -> (byte[]) r, pool);
    }

    /** Runs {@code call} on a connection borrowed from {@code pool}: a completed (or failed) stage. */
    private static CompletionStage<?> borrowed(JedisPool pool, Function<Jedis, Object> call) {
        try (Jedis j = pool.getResource()) {
            return CompletableFuture.completedFuture(call.apply(j));
        } catch (RuntimeException e) {
            CompletableFuture<Object> f = new CompletableFuture<>();
            f.completeExceptionally(e);
            return f;
        }
    }
}
