package glide.testutil;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;

/**
 * What the programs that tests run in a child JVM of Java 21+ share: they are compiled for Java 11,
 * so they start virtual threads through reflection, and they take the server as arguments.
 */
final class ChildJvm {
    private ChildJvm() {}

    /** A client configuration for the server named by the arguments {@code host port}. */
    static GlideClientConfiguration config(String[] args, int requestTimeoutMs) {
        return GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(args[0]).port(Integer.parseInt(args[1])).build())
                .requestTimeout(requestTimeoutMs)
                .build();
    }

    /** {@code Thread.startVirtualThread(task)} (Java 21+). */
    static Thread startVirtualThread(Runnable task) throws ReflectiveOperationException {
        return (Thread) Thread.class.getMethod("startVirtualThread", Runnable.class).invoke(null, task);
    }
}
