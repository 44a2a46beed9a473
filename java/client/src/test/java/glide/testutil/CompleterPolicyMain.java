package glide.testutil;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM of Java 21+: {@code glide-completer} keeps the default scheduling policy while
 * platform threads use the client, and sleeps on its queue under {@code SCHED_BATCH} once a virtual
 * thread has sent requests (with {@code -Dglide.batchScheduling=false}: never); no other thread's
 * policy changes, the carriers' included. Prints "OK" and exits 0, or prints what differs and exits 1.
 * Compiled for Java 11: the virtual thread is started through reflection. Arguments: host port.
 */
public final class CompleterPolicyMain {
    private CompleterPolicyMain() {}

    public static void main(String[] args) throws Exception {
        boolean enabled = !"false".equals(System.getProperty("glide.batchScheduling"));
        GlideClientConfiguration config = ChildJvm.config(args, 10_000);
        try (GlideClient client = GlideClient.createClient(config).get(10, TimeUnit.SECONDS)) {
            // Waited for in get(): this thread reads its reply (a completer that read sockets for
            // platform threads would keep the default policy for good).
            client.set("completer-policy", "x").get(10, TimeUnit.SECONDS);
            Map<String, Integer> before = ThreadPolicies.byName();
            Thread virtual = ChildJvm.startVirtualThread(() -> {
                try {
                    for (int i = 0; i < 100; i++) {
                        client.set("completer-policy", Integer.toString(i)).get();
                        client.get("completer-policy").get();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            virtual.join(30_000);
            // Its replies were read by a runtime thread and delivered by the completer, which
            // has slept on the completion queue since (it reads no socket for a virtual thread).
            Map<String, Integer> after = ThreadPolicies.byName();
            int expected = enabled ? ThreadPolicies.SCHED_BATCH : ThreadPolicies.SCHED_OTHER;
            boolean othersKept = after.entrySet().stream()
                    .allMatch(e -> e.getKey().equals("glide-completer") || e.getValue() == ThreadPolicies.SCHED_OTHER);
            String report = "before the virtual thread " + before + "; after " + after;
            if (virtual.isAlive()
                    || before.get("glide-completer") != ThreadPolicies.SCHED_OTHER
                    || after.get("glide-completer") != expected
                    || !othersKept) {
                System.out.println("FAILED (expected glide-completer=" + expected + " after): " + report);
                System.exit(1);
            }
            System.out.println(report);
            System.out.println("OK");
        }
        System.exit(0);
    }
}
