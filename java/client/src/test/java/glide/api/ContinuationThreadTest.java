package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.ProtocolVersion;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which thread runs a future's continuations. A thread blocked in {@code get()} on future A reads
 * the connection and may read the replies of other futures too: it must complete only A, and
 * leave every other future (and the user code attached to it) to {@code glide-completer}. A user
 * holding a lock while waiting must never see unrelated callbacks run inside it.
 */
class ContinuationThreadTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aWaitingThreadNeverRunsAnotherFuturesContinuations() throws Exception {
        Set<String> insideTheLock = ConcurrentHashMap.newKeySet();
        Set<String> threadsOfOwn = ConcurrentHashMap.newKeySet();
        String waiter = Thread.currentThread().getName();
        Object lock = new Object();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            for (int round = 0; round < 300; round++) {
                // Futures nobody waits for, with continuations, sent just before the one we wait
                // for: their replies arrive in the same reads as ours.
                List<CompletableFuture<?>> others = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String name = "set #" + i + " of round " + round;
                    others.add(client.set("cont:" + i, "v" + round).whenComplete((v, e) -> {
                        // Run inside the lock the waiting thread holds: the breach this is about.
                        // (Run on this thread when attached to a future complete already: allowed.)
                        if (Thread.holdsLock(lock)) {
                            insideTheLock.add(name);
                        }
                    }));
                }
                CompletableFuture<String> own = client.get("cont:0");
                CompletableFuture<String> ownContinuation =
                        own.thenApply(v -> {
                            threadsOfOwn.add(Thread.currentThread().getName());
                            return v;
                        });
                synchronized (lock) {
                    assertEquals("v" + round, own.get(10, TimeUnit.SECONDS));
                }
                ownContinuation.get(10, TimeUnit.SECONDS);
                for (CompletableFuture<?> other : others) {
                    other.get(10, TimeUnit.SECONDS);
                }
            }
        }
        assertTrue(insideTheLock.isEmpty(), "other futures' continuations ran inside the waiter's lock: " + insideTheLock);
        // The waiting thread did read (and so complete its own future) at least sometimes:
        // otherwise this test would not have exercised the case it is about.
        assertTrue(threadsOfOwn.contains(waiter), "the waiting thread never read its own reply: " + threadsOfOwn);
    }
}
