package glide.testutil;

import glide.api.GlideClient;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import glide.api.models.exceptions.GlideException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by TlsTest, so that {@code -Djavax.net.ssl.trustStore} is in place before
 * anything reads the JVM's default trust store: connects over TLS to {@code host port} with
 * {@code useJvmTrustStore(<arg 3>)} and no root certificates, runs SET and GET, and prints one
 * line: {@code OK} or {@code FAILED <exception class>: <message>}. Exits 0 either way; any other
 * outcome (a hang, another exception) is the test's failure.
 */
public final class JvmTrustStoreMain {
    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        boolean useJvmTrustStore = Boolean.parseBoolean(args[2]);
        GlideClientConfiguration config = GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(port).build())
                .useTLS(true)
                .requestTimeout(5000)
                .advancedConfiguration(AdvancedGlideClientConfiguration.builder()
                        .connectionTimeout(2000)
                        .tlsAdvancedConfiguration(
                                TlsAdvancedConfiguration.builder().useJvmTrustStore(useJvmTrustStore).build())
                        .build())
                .build();
        try (GlideClient client = GlideClient.createClient(config).get(10, TimeUnit.SECONDS)) {
            client.set("jvm-trust-store", "v").get(5, TimeUnit.SECONDS);
            if (!"v".equals(client.get("jvm-trust-store").get(5, TimeUnit.SECONDS))) {
                throw new AssertionError("wrong value");
            }
            System.out.println("OK");
        } catch (ExecutionException e) {
            report(e.getCause());
        } catch (GlideException e) {
            report(e); // rejected before any future
        }
    }

    private static void report(Throwable failure) {
        System.out.println("FAILED " + failure.getClass().getName() + ": " + failure.getMessage());
    }
}
