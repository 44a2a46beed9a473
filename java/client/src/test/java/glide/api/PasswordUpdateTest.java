package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * updateConnectionPassword (issue 5): a rotated password is what the client authenticates with when
 * it reconnects; with immediateAuth it also authenticates the open connection(s) at once.
 */
class PasswordUpdateTest {

    /** Closes the client's connections from the server side: the client must reconnect. */
    private static void dropClients(RedisServer server, String password) {
        server.commandWithPassword(password, "CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aRotatedPasswordIsUsedOnReconnect(ProtocolVersion protocol) throws Exception {
        try (RedisServer server = RedisServer.start()) {
            server.command("CONFIG", "SET", "requirepass", "old");
            try (GlideClient client =
                    await(GlideClient.createClient(
                            Clients.config(server, protocol)
                                    .credentials(ServerCredentials.builder().password("old").build())
                                    .requestTimeout(2000)
                                    .build()))) {
                assertEquals("OK", await(client.set("k", "v")));
                // The server's password changes; the open connection stays authenticated.
                await(client.customCommand(new String[] {"CONFIG", "SET", "requirepass", "new"}));
                assertEquals("OK", await(client.updateConnectionPassword("new", false)));
                dropClients(server, "new");
                // The reconnect authenticates with the new password.
                assertEquals("v", retry(() -> await(client.get("k"))));

                // immediateAuth: AUTH now; a wrong one is the server's error, and the stored
                // password is still replaced (as asked).
                assertEquals("OK", await(client.updateConnectionPassword("new", true)));
                Throwable wrong = failure(client.updateConnectionPassword("bad", true));
                assertInstanceOf(RequestException.class, wrong);
                assertTrue(wrong.getMessage().contains("WRONGPASS"), wrong.getMessage());
                assertEquals("OK", await(client.updateConnectionPassword("new", false)));

                // The server stops asking for one: remove it.
                await(client.customCommand(new String[] {"CONFIG", "SET", "requirepass", ""}));
                assertInstanceOf(RequestException.class, failure(client.updateConnectionPassword(true)));
                // valkey-glide's @NonNull: thrown, not a failed future.
                assertThrows(NullPointerException.class, () -> client.updateConnectionPassword(null, false));
                assertEquals("OK", await(client.updateConnectionPassword(false)));
                server.command("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes");
                assertEquals("v", retry(() -> await(client.get("k"))));
            }
        }
    }

    @Test
    void aClusterClientAuthenticatesEveryNode() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3, 0)) {
            RedisServer seed = cluster.nodes().get(0);
            try (GlideClusterClient client =
                    await(GlideClusterClient.createClient(
                            GlideClusterClientConfiguration.builder()
                                    .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                                    .requestTimeout(2000)
                                    .build()))) {
                await(client.set("a", "1"));
                for (RedisServer node : cluster.nodes()) {
                    node.command("CONFIG", "SET", "requirepass", "rotated");
                }
                try {
                    assertEquals("OK", await(client.updateConnectionPassword("rotated", true)));
                    for (RedisServer node : cluster.nodes()) {
                        dropClients(node, "rotated");
                    }
                    assertEquals("1", retry(() -> await(client.get("a"))));
                } finally {
                    for (RedisServer node : cluster.nodes()) {
                        node.commandWithPassword("rotated", "CONFIG", "SET", "requirepass", "");
                    }
                }
            }
        }
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    /** The call's value once the client has reconnected (requests fail while it does). */
    private static <T> T retry(Call<T> call) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return call.call();
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }
}
