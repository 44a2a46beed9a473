package glide.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Where IAM credentials are loaded and tokens signed. Loading may wait seconds for a container or
 * instance credentials endpoint: that must block neither the caller (a virtual thread would pin
 * its carrier inside native code) nor a Tokio worker. One daemon thread, {@code glide-iam}, made on
 * first use and ended after 30 idle seconds.
 */
final class IamThread {
    private static final ThreadPoolExecutor EXECUTOR =
            new ThreadPoolExecutor(
                    1,
                    1,
                    30,
                    TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(),
                    task -> {
                        Thread thread = new Thread(task, "glide-iam");
                        thread.setDaemon(true);
                        return thread;
                    });

    static {
        EXECUTOR.allowCoreThreadTimeOut(true);
    }

    private IamThread() {}

    /** Runs {@code work} on the IAM thread; its exception fails the future. */
    static <T> CompletableFuture<T> run(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, EXECUTOR);
    }
}
