package glide.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Whether the current thread is a virtual thread (Java 21+), on any Java the jar runs on (11+):
 * {@code Thread.isVirtual()} is looked up once, and absent it no thread is virtual.
 *
 * <p>Why it matters: a thread blocked in {@code get()} reads the connection itself, inside a
 * native call. A virtual thread in a native call pins its carrier thread, and with the few
 * carriers a scheduler has (one per core by default) the other virtual threads would wait for the
 * reply too, or never run at all if one of them is the one that lets the reply come. A virtual
 * thread therefore waits by parking, which frees its carrier, and is woken when its future is
 * completed.
 */
final class VirtualThreads {
    private static final MethodHandle IS_VIRTUAL = lookUp();

    private VirtualThreads() {}

    private static MethodHandle lookUp() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // before Java 21 (19 and 20 only as a preview): no thread is virtual
        }
    }

    /** Whether the calling thread is a virtual thread. */
    static boolean current() {
        if (IS_VIRTUAL == null) {
            return false;
        }
        try {
            return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
        } catch (Throwable e) {
            throw new IllegalStateException("Thread.isVirtual() failed", e);
        }
    }
}
