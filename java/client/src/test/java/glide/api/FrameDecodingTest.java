package glide.api;

import static glide.api.Clients.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import glide.api.models.GlideString;
import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregate replies arrive as one frame, and text as its bytes, that each decoding thread copies
 * into an array it reuses (up to {@code ReplyDecoder.SCRATCH_MAX}; see
 * {@code NativeBridge.takeBytesInto}). Whatever the
 * sizes, threads and order, every value decoded keeps its own content: none still points into a
 * scratch array that a later reply overwrites.
 */
class FrameDecodingTest {
    private static final int KEYS = 100;
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /**
     * One thread, frames growing from 1 KB to past the scratch's limit and back: each result,
     * checked again after all the others were decoded, is still what the server had then.
     */
    @Test
    void valuesDecodedEarlierKeepTheirContentWhateverComesLater() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            List<String[]> expected = new ArrayList<>();
            List<String[]> decoded = new ArrayList<>();
            List<GlideString[]> decodedBinary = new ArrayList<>();
            String[] keys = keys("grow");
            // 100 values of 8 B to 400 B: frames of about 1.3 KB to 40 KB (the limit is 16 KB).
            for (int size : new int[] {8, 40, 100, 160, 400, 100, 8}) {
                String[] values = values(size, "v" + size + "-");
                await(client.mset(map(keys, values)));
                expected.add(values);
                decoded.add(await(client.mget(keys)));
                decodedBinary.add(await(client.mget(glide(keys))));
            }
            for (int i = 0; i < expected.size(); i++) {
                assertArrayEquals(expected.get(i), decoded.get(i), "MGET " + i);
                assertArrayEquals(expected.get(i), text(decodedBinary.get(i)), "binary MGET " + i);
            }
        }
    }

    /**
     * Four threads, each with its own values, and callbacks run by the completer threads: no
     * thread ever sees another's values (each decodes into its own scratch).
     */
    @Test
    void threadsAndCompletersEachDecodeIntoTheirOwnScratch() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP2)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String[] keys = keys("thread" + t);
                String[] values = values(60 + 30 * t, "t" + t + "-");
                await(client.mset(map(keys, values)));
                workers.add(pool.submit(() -> {
                    List<CompletableFuture<String[]>> chained = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        assertArrayEquals(values, client.mget(keys).get(), "blocking get");
                        chained.add(client.mget(keys).thenApply(got -> got));
                    }
                    for (CompletableFuture<String[]> f : chained) {
                        assertArrayEquals(values, await(f), "completed by a completer thread");
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A map frame past the scratch's limit (HGETALL of 300 fields of 100 B) decodes whole. */
    @Test
    void aFrameLongerThanTheScratchDecodesWhole() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            String[] keys = keys("small");
            java.util.Map<String, String> hash = new java.util.HashMap<>();
            for (int i = 0; i < 300; i++) {
                hash.put("f" + i, "x".repeat(100) + i);
            }
            await(client.hset("big-hash", hash));
            String[] small = values(10, "s");
            await(client.mset(map(keys, small)));
            String[] before = await(client.mget(keys));
            assertEquals(hash, await(client.hgetall("big-hash")));
            assertArrayEquals(small, await(client.mget(keys)));
            assertArrayEquals(small, before);
        }
    }

    /**
     * Text replies go through the same scratch (a String is made from it directly): GETs of sizes
     * around the scratch's steps and limit, ASCII and multi-byte UTF-8, interleaved with frames,
     * on the calling thread and on a completer thread, each come back whole and stay so.
     */
    @Test
    void textRepliesOfEverySizeAroundTheScratchComeBackWhole() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            String[] keys = keys("around");
            String[] small = values(30, "m");
            await(client.mset(map(keys, small)));
            int[] sizes = {0, 1, 1023, 1024, 1025, 4096, 16383, 16384, 16385, 100_000, 16384, 7, 0};
            List<String> expected = new ArrayList<>();
            List<String> decoded = new ArrayList<>();
            for (int i = 0; i < sizes.length; i++) {
                // Every other value multi-byte: "é" is 2 bytes, so the byte length is what is exact.
                String unit = i % 2 == 0 ? "a" : "é";
                String value = unit.repeat(sizes[i] / unit.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                String key = "text:" + i;
                await(client.set(key, value));
                expected.add(value);
                decoded.add(await(client.get(key)));
                expected.add(value);
                decoded.add(await(client.get(key).thenApply(got -> got)));
                assertArrayEquals(small, await(client.mget(keys)), "a frame after text of " + sizes[i]);
            }
            assertEquals(expected, decoded);
        }
    }

    private static String[] keys(String prefix) {
        String[] keys = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = prefix + ":" + i;
        }
        return keys;
    }

    private static String[] values(int size, String prefix) {
        String[] values = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            String head = prefix + i + ":";
            values[i] = head + "y".repeat(Math.max(0, size - head.length()));
        }
        return values;
    }

    private static java.util.Map<String, String> map(String[] keys, String[] values) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            map.put(keys[i], values[i]);
        }
        return map;
    }

    private static GlideString[] glide(String[] keys) {
        GlideString[] out = new GlideString[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[i] = GlideString.of(keys[i]);
        }
        return out;
    }

    private static String[] text(GlideString[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].toString();
        }
        return out;
    }
}
