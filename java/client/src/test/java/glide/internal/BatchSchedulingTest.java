package glide.internal;

import static glide.testutil.ThreadPolicies.SCHED_OTHER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.testutil.RedisServer;
import glide.testutil.ThreadPolicies;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code glide-completer} switches to {@code SCHED_BATCH} only once virtual threads use a client
 * (that switch runs on Java 21+: {@code VirtualThreadTest}); while only platform threads do, every
 * thread keeps the default policy: the completer runs their callbacks, and a delay of it is theirs.
 */
class BatchSchedulingTest {
    @Test
    void withPlatformThreadsOnlyEveryThreadKeepsTheDefaultPolicy() throws Exception {
        assumeTrue(ThreadPolicies.readable(), "Linux only");
        try (RedisServer server = RedisServer.start();
                GlideClient client = GlideClient.createClient(GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(server.host()).port(server.port()).build())
                                .build())
                        .get(20, TimeUnit.SECONDS)) {
            // Replies delivered by glide-completer (nobody waits in get() for them): it has waited.
            for (int round = 0; round < 20; round++) {
                CountDownLatch delivered = new CountDownLatch(1);
                client.set("batch-scheduling", "v" + round).whenComplete((v, e) -> delivered.countDown());
                assertTrue(delivered.await(20, TimeUnit.SECONDS));
            }
            assertEquals("v19", client.get("batch-scheduling").get(20, TimeUnit.SECONDS));
            Map<String, Integer> policies = ThreadPolicies.byName();
            assertTrue(policies.containsKey("glide-completer"), policies.toString());
            policies.forEach((name, policy) -> assertEquals(SCHED_OTHER, policy, name + " in " + policies));
        }
    }

    @Test
    void theSwitchIsTrueOrFalseAndNothingElse() {
        String name = "glide.test.batchScheduling";
        try {
            System.setProperty(name, " FALSE ");
            assertEquals(Boolean.FALSE, NativeBridge.booleanProperty(name));
            System.setProperty(name, "true");
            assertEquals(Boolean.TRUE, NativeBridge.booleanProperty(name));
            System.setProperty(name, "no");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> NativeBridge.booleanProperty(name));
            assertEquals(name + " must be true or false, not \"no\"", bad.getMessage());
        } finally {
            System.clearProperty(name);
        }
        assertNull(NativeBridge.booleanProperty(name));
    }
}
