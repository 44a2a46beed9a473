package glide.testutil;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run in a child JVM of Java 21+ with one carrier thread for all virtual threads
 * ({@code -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1}):
 * virtual thread A waits in {@code get()} for a BLPOP that only virtual thread B can satisfy, by
 * pushing from a second client. If A's wait held the carrier (a native read pins it), B could
 * never run and A would wait forever. Prints "OK" and exits 0 when A got B's element within 20 s;
 * exits 1 otherwise. Then virtual thread C waits on a future nothing answers until the main
 * thread completes it with {@code completeAsync}. Compiled for Java 11: virtual threads are started through reflection.
 * Arguments: host port.
 */
public final class VirtualThreadMain {
    private VirtualThreadMain() {}

    public static void main(String[] args) throws Exception {
        GlideClientConfiguration config = ChildJvm.config(args, 30_000);
        String key = "virtual-thread:list";
        try (GlideClient waiting = GlideClient.createClient(config).get(10, TimeUnit.SECONDS);
                GlideClient pushing = GlideClient.createClient(config).get(10, TimeUnit.SECONDS)) {
            pushing.del(new String[] {key}).get(10, TimeUnit.SECONDS);
            AtomicReference<Object> popped = new AtomicReference<>();
            Thread a = ChildJvm.startVirtualThread(() -> {
                try {
                    popped.set(waiting.blpop(new String[] {key}, 0).get()[1]);
                } catch (Exception e) {
                    popped.set(e);
                }
            });
            // Let A reach its wait (BLPOP is blocking on the server; nothing answers it yet).
            Thread.sleep(500);
            AtomicReference<Object> pushed = new AtomicReference<>();
            Thread b = ChildJvm.startVirtualThread(() -> {
                try {
                    pushed.set(pushing.lpush(key, new String[] {"from-b"}).get());
                } catch (Exception e) {
                    pushed.set(e);
                }
            });
            a.join(20_000);
            b.join(5_000);
            if (a.isAlive() || !"from-b".equals(popped.get())) {
                System.out.println("FAILED: A got " + popped.get() + " (alive: " + a.isAlive() + "), B got "
                        + pushed.get() + " (alive: " + b.isAlive() + ")");
                System.exit(1);
            }
            // A virtual thread waits without a timer: every way its future can be completed must
            // wake it, completeAsync (whose JDK version completes behind complete's back) included.
            java.util.concurrent.CompletableFuture<String[]> never = waiting.blpop(new String[] {key + ":never"}, 0);
            AtomicReference<Object> got = new AtomicReference<>();
            Thread c = ChildJvm.startVirtualThread(() -> {
                try {
                    got.set(never.get()[0]);
                } catch (Exception e) {
                    got.set(e);
                }
            });
            Thread.sleep(300);
            never.completeAsync(() -> new String[] {"completed-async", "x"});
            c.join(10_000);
            if (c.isAlive() || !"completed-async".equals(got.get())) {
                System.out.println("FAILED: the virtual thread waiting on a future completed by completeAsync got "
                        + got.get() + " (alive: " + c.isAlive() + ")");
                System.exit(1);
            }
            System.out.println("OK");
        }
        System.exit(0);
    }
}
