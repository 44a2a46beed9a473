package glide.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The future type behind every request. It behaves exactly like {@link CompletableFuture}, with
 * one guard: waiting for an unfinished glide-jni future <em>on the completer thread</em> (from a
 * continuation such as {@code thenApply(x -> client.get(k).join())}) would wait forever, because
 * that thread is the one that completes it. Such a wait fails at once with an {@link
 * IllegalStateException} that says what to do instead.
 */
final class GlideFuture<T> extends CompletableFuture<T> {

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        // Derived stages (thenApply, thenCompose, ...) get the same guard.
        return new GlideFuture<>();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseDeadlock();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        refuseDeadlock();
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        refuseDeadlock();
        return super.join();
    }

    private void refuseDeadlock() {
        if (!isDone() && Completions.isCompleterThread()) {
            throw new IllegalStateException(
                    "waiting for a glide-jni future inside a continuation running on the"
                            + " glide-completer thread would never finish: chain with thenCompose,"
                            + " or run the continuation with thenApplyAsync/thenAcceptAsync and an"
                            + " executor of your own");
        }
    }
}
