package glide.api;

import static glide.api.Clients.await;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.MixedWorkloadMain;
import glide.testutil.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.lang.management.BufferPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Heap-only data path, and native memory that goes away when it should. */
class MemoryTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static long nativeBytes() {
        return Long.parseLong(glide.internal.Statistics.extended().get("native_bytes_in_use"));
    }

    @Test
    void tenThousandMixedRequestsUseNoDirectBuffersInAPlainJvm() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:MaxDirectMemorySize=8m", "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of("glide.testutil.MixedWorkloadMain", server.host(), Integer.toString(server.port())));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("direct=0/0"), "direct pool after the workload: " + output);
    }

    @Test
    void tenThousandMixedRequestsAddNoDirectBuffersInThisJvm() throws Exception {
        // Surefire's fork channel owns a direct buffer of its own: compare with the start.
        BufferPoolMXBean direct = MixedWorkloadMain.directPool();
        long count = direct.getCount();
        long bytes = direct.getMemoryUsed();
        assertEquals(10_000, MixedWorkloadMain.run(server.host(), server.port()));
        assertEquals(count, direct.getCount(), "direct buffers added");
        assertEquals(bytes, direct.getMemoryUsed(), "direct bytes added");
    }

    @Test
    void cancelledAndClosedRequestsStillFreeTheirReplies() throws Exception {
        byte[] value = new byte[4 * 1024 * 1024];
        try (GlideClient setup = Clients.connect(server, ProtocolVersion.RESP3)) {
            await(setup.set(gs("four-mb"), gs(value)));
        }
        settle();
        long baseline = nativeBytes();
        GlideClient client = Clients.connect(server, ProtocolVersion.RESP3);
        List<CompletableFuture<GlideString>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CompletableFuture<GlideString> f = client.get(gs("four-mb"));
            f.cancel(true);
            futures.add(f);
        }
        for (int i = 0; i < 20; i++) {
            futures.add(client.get(gs("four-mb")));
        }
        client.close();
        futures.forEach(f -> assertTrue(f.isDone()));
        // Replies still arriving after close are freed when their completion comes in.
        long deadline = System.currentTimeMillis() + 10_000;
        long now;
        while ((now = nativeBytes()) > baseline + 256 * 1024) {
            assertTrue(System.currentTimeMillis() < deadline,
                    "native bytes stayed at " + now + " (baseline " + baseline + ")");
            Thread.sleep(20);
        }
    }

    @Test
    void idleClientsCostLittleAndReleaseOnClose() throws Exception {
        settle();
        long before = nativeBytes();
        List<GlideClient> clients = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clients.add(Clients.connect(server, ProtocolVersion.RESP3));
        }
        long during = nativeBytes();
        for (GlideClient c : clients) {
            c.close();
        }
        clients.clear();
        settle();
        long after = nativeBytes();
        long perClient = (during - before) / 100;
        System.out.printf("native bytes: before %d, 100 idle clients %d (%d per client), after close %d%n",
                before, during, perClient, after);
        assertTrue(perClient > 0 && perClient < 64 * 1024, "per idle client: " + perClient);
        // What close() cannot free is the small client shell, released once the object is collected.
        assertTrue(after - before < 100 * 1024, "left after close: " + (after - before));
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    @Test
    void aClientThatIsNeverClosedIsReleasedWhenCollected() throws Exception {
        settle();
        long clientsBefore = Long.parseLong(glide.internal.Statistics.extended().get("total_clients"));
        long connectionsBefore = Long.parseLong(glide.internal.Statistics.extended().get("total_connections"));
        for (int i = 0; i < 10; i++) {
            GlideClient abandoned = Clients.connect(server, ProtocolVersion.RESP3);
            assertEquals("PONG", await(abandoned.ping()));
        }
        assertEquals(connectionsBefore + 10, Long.parseLong(glide.internal.Statistics.extended().get("total_connections")));
        long deadline = System.currentTimeMillis() + 10_000;
        while (Long.parseLong(glide.internal.Statistics.extended().get("total_clients")) > clientsBefore) {
            assertTrue(System.currentTimeMillis() < deadline, "abandoned clients were not released");
            System.gc();
            Thread.sleep(50);
        }
        assertEquals(connectionsBefore, Long.parseLong(glide.internal.Statistics.extended().get("total_connections")));
    }
}
