package glide.testutil;

import glide.api.GlideClient;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.IamAuthConfig;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.configuration.ServiceType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by IamAuthTest, whose environment holds the AWS credentials (a JVM cannot set
 * its own): IAM clients through the test's recording proxy.
 *
 * <p>{@code IamClientMain <host> <port> scenarios RESP3|RESP2} runs two clients, one after the
 * other, each named (CLIENT SETNAME) so that the parent can tell their connections apart:
 *
 * <ul>
 *   <li>{@code iam-periodic-<protocol>}: ElastiCache, us-east-1, refreshIntervalSeconds 1. ACL
 *       WHOAMI, SET, GET; waits 2.5 s (two periodic refreshes); the parent kills its connection;
 *       WHOAMI and GET again on the reconnected one. Then updateConnectionPassword, which IAM
 *       refuses.
 *   <li>{@code iam-manual-<protocol>}: MemoryDB, eu-west-1, refreshIntervalSeconds 600 (no
 *       periodic refresh during the run). Waits 1.2 s, reconnect (the same token), then
 *       refreshIamToken(), reconnect (the new token).
 * </ul>
 *
 * <p>{@code IamClientMain <host> <port> nocreds} only tries to create an IAM client.
 *
 * <p>Talks to the parent in lines on stdout: {@code KILL <client>} asks it to close the server's
 * connections of user iamuser (the child then waits for a line on stdin); {@code TIME <label>
 * <epoch ms>}; {@code SEEN <client> <what> <value>}; {@code FAILED <exception class> <message>};
 * {@code DONE} at the end.
 */
public final class IamClientMain {
    private static final BufferedReader PARENT = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        switch (args[2]) {
            case "scenarios":
                ProtocolVersion protocol = ProtocolVersion.valueOf(args[3]);
                periodic(host, port, protocol);
                manual(host, port, protocol);
                break;
            case "nocreds":
                try (GlideClient client = connect(host, port, ProtocolVersion.RESP3, "iam-nocreds", ServiceType.ELASTICACHE, "us-east-1", 1)) {
                    say("SEEN iam-nocreds created " + client);
                } catch (ExecutionException e) {
                    say("FAILED " + e.getCause().getClass().getName() + " " + oneLine(e.getCause().getMessage()));
                }
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + args[2]);
        }
        say("DONE");
    }

    private static void periodic(String host, int port, ProtocolVersion protocol) throws Exception {
        String name = "iam-periodic-" + protocol;
        time(name + "-create");
        try (GlideClient client = connect(host, port, protocol, name, ServiceType.ELASTICACHE, "us-east-1", 1)) {
            say("SEEN " + name + " whoami " + whoami(client));
            say("SEEN " + name + " set " + client.set(name, "v1").get(5, TimeUnit.SECONDS));
            say("SEEN " + name + " get " + client.get(name).get(5, TimeUnit.SECONDS));
            Thread.sleep(2_500); // the token is re-signed every second meanwhile
            killConnections(name);
            say("SEEN " + name + " whoami-after-reconnect " + retry(() -> whoami(client)));
            say("SEEN " + name + " get-after-reconnect " + client.get(name).get(5, TimeUnit.SECONDS));
            say("SEEN " + name + " update-password " + outcome(() -> client.updateConnectionPassword("secret", false)));
            say("SEEN " + name + " update-password-immediate " + outcome(() -> client.updateConnectionPassword("secret", true)));
            say("SEEN " + name + " remove-password " + outcome(() -> client.updateConnectionPassword(false)));
            say("SEEN " + name + " whoami-at-end " + whoami(client));
        }
    }

    private static void manual(String host, int port, ProtocolVersion protocol) throws Exception {
        String name = "iam-manual-" + protocol;
        time(name + "-create");
        try (GlideClient client = connect(host, port, protocol, name, ServiceType.MEMORYDB, "eu-west-1", 600)) {
            say("SEEN " + name + " whoami " + whoami(client));
            Thread.sleep(1_200); // a token signed now would carry another X-Amz-Date
            killConnections(name);
            say("SEEN " + name + " whoami-after-reconnect " + retry(() -> whoami(client)));
            time(name + "-refresh");
            say("SEEN " + name + " refresh " + client.refreshIamToken().get(10, TimeUnit.SECONDS));
            killConnections(name);
            say("SEEN " + name + " whoami-after-refresh " + retry(() -> whoami(client)));
            say("SEEN " + name + " set " + client.set(name, "v2").get(5, TimeUnit.SECONDS));
        }
    }

    private static GlideClient connect(
            String host, int port, ProtocolVersion protocol, String name, ServiceType service, String region, int refreshSeconds)
            throws Exception {
        IamAuthConfig iam = IamAuthConfig.builder()
                .clusterName("my-cluster")
                .service(service)
                .region(region)
                .refreshIntervalSeconds(refreshSeconds)
                .build();
        return GlideClient.createClient(
                        GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(host).port(port).build())
                                .protocol(protocol)
                                .clientName(name)
                                .requestTimeout(2_000)
                                .credentials(ServerCredentials.builder().username("iamuser").iamConfig(iam).build())
                                .build())
                .get(20, TimeUnit.SECONDS);
    }

    private static String whoami(GlideClient client) throws Exception {
        return String.valueOf(client.customCommand(new String[] {"ACL", "WHOAMI"}).get(5, TimeUnit.SECONDS));
    }

    /** Asks the parent to close the connections of iamuser, and waits until it has. */
    private static void killConnections(String name) throws Exception {
        time(name + "-kill");
        say("KILL " + name);
        String answer = PARENT.readLine();
        if (answer == null || !answer.startsWith("killed")) {
            throw new IllegalStateException("the parent answered " + answer);
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    /** The call's value, retried for up to 15 s while the client reconnects. */
    private static <T> T retry(Call<T> call) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                return call.call();
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    /** "OK <value>", or "FAILED <class>: <message>" whether the call threw or its future failed. */
    private static String outcome(Call<CompletableFuture<?>> call) {
        try {
            return "OK " + call.call().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return "FAILED " + e.getCause().getClass().getName() + ": " + oneLine(e.getCause().getMessage());
        } catch (Exception e) {
            return "THREW " + e.getClass().getName() + ": " + oneLine(e.getMessage());
        }
    }

    private static void time(String label) {
        say("TIME " + label + " " + System.currentTimeMillis());
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replace('\n', ' ').replace('\r', ' ');
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
