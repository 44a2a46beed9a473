package io.glidejni.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Jedis in the virtual-thread mode of {@link CallbacksDriver} ({@code --virtual-threads} only:
 * Jedis has no async API, so there are no callback chains to drive). Each virtual thread borrows a
 * connection from one {@link JedisPool} of as many connections as there are threads, sends its
 * command and reads the reply on the JDK's sockets (a virtual thread parks there), and returns
 * the connection: how a service on virtual threads uses Jedis. The returned stage is already
 * complete; the request ran on the calling thread.
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
        CallbacksDriver.main(
                "jedis",
                args,
                () -> BenchConfig.text() ? new TextClient(JedisBench.pool(threads)) : new Client(JedisBench.pool(threads)));
    }

    private static final class Client implements AsyncBenchClient<byte[]> {
        private final JedisPool pool;

        Client(JedisPool pool) {
            this.pool = pool;
        }

        @Override
        public byte[] wrap(byte[] raw) {
            return raw;
        }

        @Override
        public CompletionStage<?> get(byte[] key) {
            try (Jedis j = pool.getResource()) {
                return CompletableFuture.completedFuture(j.get(key));
            } catch (RuntimeException e) {
                return failed(e);
            }
        }

        @Override
        public CompletionStage<?> set(byte[] key, byte[] value) {
            try (Jedis j = pool.getResource()) {
                return CompletableFuture.completedFuture(j.set(key, value));
            } catch (RuntimeException e) {
                return failed(e);
            }
        }

        static CompletionStage<?> failed(RuntimeException e) {
            CompletableFuture<Object> f = new CompletableFuture<>();
            f.completeExceptionally(e);
            return f;
        }

        @Override
        public byte[] bytes(Object getReply) {
            return (byte[]) getReply;
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    /** The same pool through Jedis's String methods ({@code -Dbench.text=true}). */
    private static final class TextClient implements AsyncBenchClient<String> {
        private final JedisPool pool;

        TextClient(JedisPool pool) {
            this.pool = pool;
        }

        @Override
        public String wrap(byte[] raw) {
            return new String(raw, StandardCharsets.UTF_8);
        }

        @Override
        public CompletionStage<?> get(String key) {
            try (Jedis j = pool.getResource()) {
                return CompletableFuture.completedFuture(j.get(key));
            } catch (RuntimeException e) {
                return Client.failed(e);
            }
        }

        @Override
        public CompletionStage<?> set(String key, String value) {
            try (Jedis j = pool.getResource()) {
                return CompletableFuture.completedFuture(j.set(key, value));
            } catch (RuntimeException e) {
                return Client.failed(e);
            }
        }

        @Override
        public byte[] bytes(Object getReply) {
            return getReply == null ? null : ((String) getReply).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
