package glide.testutil;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM (or a child class loader) by LifecycleTest: creates clients, uses them and
 * returns from main without closing them.
 */
public final class NoCloseMain {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        for (int i = 0; i < 3; i++) {
            roundTrip(host, port);
        }
        GlideClient leaked = connect(host, port);
        leaked.set("no-close", "x").get(5, TimeUnit.SECONDS);
        // A request still in flight when main returns must not keep the JVM alive either.
        leaked.blpop(new String[] {"never-pushed"}, 30);
        System.out.println("main returns without close: OK");
    }

    /** Creates a client, runs SET and GET, and leaves the client open. */
    public static String roundTrip(String host, int port) throws Exception {
        GlideClient client = connect(host, port);
        String ok = client.set("no-close-rt", "v").get(5, TimeUnit.SECONDS);
        if (!"v".equals(client.get("no-close-rt").get(5, TimeUnit.SECONDS))) {
            throw new AssertionError("wrong value");
        }
        return ok;
    }

    private static GlideClient connect(String host, int port) throws Exception {
        return GlideClient.createClient(
                        GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(host).port(port).build())
                                .build())
                .get(10, TimeUnit.SECONDS);
    }
}
