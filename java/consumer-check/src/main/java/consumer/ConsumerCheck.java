package consumer;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.exceptions.ConfigurationError;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Uses glide-jni as an application does: only the jar on the class path, no
 * java.library.path. Then loads the same jar again in an isolated class loader (as a fat-jar
 * launcher or an application server would) and runs a command there too.
 *
 * <p>Arguments: {@code host port path-to-glide-jni.jar}.
 */
public final class ConsumerCheck {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        System.out.println("direct class path: " + roundTrip(host, port));

        try {
            GlideClient.createClient(GlideClientConfiguration.builder().build()).get(5, TimeUnit.SECONDS);
            throw new AssertionError("a configuration without an address must fail");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ConfigurationError)) {
                throw new AssertionError("expected ConfigurationError, got " + e.getCause());
            }
        }

        URL jar = Paths.get(args[2]).toUri().toURL();
        URL self = ConsumerCheck.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar, self}, ClassLoader.getPlatformClassLoader())) {
            Class<?> copy = isolated.loadClass(ConsumerCheck.class.getName());
            Object result = copy.getMethod("roundTrip", String.class, int.class).invoke(null, host, port);
            System.out.println("isolated class loader: " + result);
        }
        System.out.println("consumer check: OK");
    }

    /** Connects, writes, reads back and closes; returns what was read. */
    public static String roundTrip(String host, int port) throws Exception {
        GlideClientConfiguration config =
                GlideClientConfiguration.builder()
                        .address(NodeAddress.builder().host(host).port(port).build())
                        .build();
        try (GlideClient client = GlideClient.createClient(config).get(10, TimeUnit.SECONDS)) {
            client.set("consumer-check", "value-from-" + GlideClient.class.getClassLoader()).get();
            return client.get("consumer-check").get();
        }
    }
}
