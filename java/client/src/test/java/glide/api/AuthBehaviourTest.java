package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.RequestException;
import glide.testutil.RedisCluster;
import glide.testutil.RedisServer;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authentication as valkey-glide 2.3.1 does it (issue 15; tools/compat/run-auth.sh compares the
 * two): a server that wants a password it did not get, or refuses the one it got, fails
 * createClient with ClosingException under both protocols; a lazy client's commands fail with
 * RequestException; immediateAuth while a standalone client's connection is being reopened fails
 * at once, while a cluster client's waits for its nodes, as each of valkey-glide's tests expects.
 */
class AuthBehaviourTest {

    private static final String ADMIN = "auth-admin";
    private static final String ADMIN_PASSWORD = "auth-admin-pw";
    private static final String USER = "auth-user";

    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        // requirepass concerns the default user only: this one keeps the test's own access.
        server = RedisServer.start("--user", ADMIN, "on", ">" + ADMIN_PASSWORD, "~*", "&*", "+@all");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void resetServer() {
        admin("CONFIG", "SET", "requirepass", "");
        admin("ACL", "DELUSER", USER);
        admin("CLIENT", "KILL", "USER", "default");
    }

    private static Object admin(String... command) {
        return server.commandAsUser(ADMIN, ADMIN_PASSWORD, command);
    }

    private static GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> config(
            ProtocolVersion protocol, String username, String password) {
        GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> b =
                Clients.config(server, protocol).requestTimeout(5000);
        if (password != null) {
            b.credentials(ServerCredentials.builder().username(username).password(password).build());
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void noPasswordForAServerThatWantsOneFailsCreationWithClosingException(ProtocolVersion protocol)
            throws Exception {
        admin("CONFIG", "SET", "requirepass", "pw1");
        Throwable failure = failure(GlideClient.createClient(config(protocol, null, null).build()));
        assertInstanceOf(ClosingException.class, failure);
        // Under RESP2 the server's NOAUTH used to be ignored and the client created.
        assertTrue(failure.getMessage().contains("requires a password"), failure.getMessage());
        assertTrue(failure.getMessage().contains("NOAUTH"), failure.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void refusedCredentialsFailCreationWithClosingException(ProtocolVersion protocol) throws Exception {
        admin("CONFIG", "SET", "requirepass", "pw1");
        Throwable wrong = failure(GlideClient.createClient(config(protocol, null, "nope").build()));
        assertInstanceOf(ClosingException.class, wrong);
        assertTrue(wrong.getMessage().contains("WRONGPASS"), wrong.getMessage());

        admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "+@all");
        Throwable wrongUser = failure(GlideClient.createClient(config(protocol, USER, "nope").build()));
        assertInstanceOf(ClosingException.class, wrongUser);
        assertTrue(wrongUser.getMessage().contains("WRONGPASS"), wrongUser.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void anAclUserIsWhoTheClientIs(ProtocolVersion protocol) throws Exception {
        admin("SET", "k", "v");
        admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "+get", "+acl", "+client");
        try (GlideClient client = await(GlideClient.createClient(config(protocol, USER, "upw1").build()))) {
            assertEquals(USER, await(client.customCommand(new String[] {"ACL", "WHOAMI"})));
            assertEquals("v", await(client.get("k")));
            Throwable refused = failure(client.set("k", "w"));
            assertInstanceOf(RequestException.class, refused);
            assertTrue(refused.getMessage().contains("NOPERM"), refused.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aClosedPortFailsCreationWithClosingException(ProtocolVersion protocol) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Throwable failure = failure(GlideClient.createClient(GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host("127.0.0.1").port(closed).build())
                .protocol(protocol)
                .build()));
        assertInstanceOf(ClosingException.class, failure);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aLazyClientWithoutThePasswordFailsItsCommandsAtOnceAndTriesAgainOnTheNext(ProtocolVersion protocol)
            throws Exception {
        admin("CONFIG", "SET", "requirepass", "pw1");
        try (GlideClient client = await(GlideClient.createClient(config(protocol, null, null).lazyConnect(true).build()))) {
            long started = System.nanoTime();
            Throwable first = failure(client.set("k", "v"));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertInstanceOf(RequestException.class, first);
            assertTrue(first.getMessage().contains("requires a password"), first.getMessage());
            // Not retried until the 5 s request timeout: the refusal is final for these credentials.
            assertTrue(tookMs < 2500, "took " + tookMs + " ms");
            assertInstanceOf(RequestException.class, failure(client.set("k", "v")));
            // The next command connects again, with the password set meanwhile.
            assertEquals("OK", await(client.updateConnectionPassword("pw1", false)));
            assertEquals("OK", await(client.set("k", "v")));
        }
    }

    /**
     * valkey-glide's "connection lost before the password update" case: with the connection gone,
     * immediateAuth has nothing to authenticate and fails at once; the reconnect then uses the
     * password it stored.
     */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void immediateAuthWhileReconnectingFailsAndTheReconnectUsesTheNewPassword(ProtocolVersion protocol)
            throws Exception {
        admin("SET", "k", "v");
        admin("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all");
        try (GlideClient client = await(GlideClient.createClient(config(protocol, USER, "upw1").build()))) {
            assertEquals("v", await(client.get("k")));
            // Deleting the user closes its connections; the reconnect's upw1 is refused.
            admin("ACL", "DELUSER", USER);
            admin("ACL", "SETUSER", USER, "on", ">upw2", "~*", "&*", "+@all");
            waitUntil(() -> !client.isConnected(), "the client notices the lost connection");

            Throwable immediate = failure(client.updateConnectionPassword("upw2", true));
            assertInstanceOf(RequestException.class, immediate);
            assertTrue(immediate.getMessage().contains("reconnecting"), immediate.getMessage());
            waitUntil(client::isConnected, "the reconnect with upw2");
            assertEquals(USER, await(client.customCommand(new String[] {"ACL", "WHOAMI"})));
            assertEquals("OK", await(client.updateConnectionPassword("upw2", true)));
        }
    }

    /**
     * valkey-glide's cluster counterpart ("reconnection with immediate auth"): there the AUTH
     * waits for the nodes to reconnect with the new password, and succeeds. The nodes' reconnects,
     * refused with upw1 and waiting out a backoff grown to 4 s, try upw2 at once (issue 15: the
     * AUTH and the next command used to fail at their 1.5 s timeout on a node still waiting).
     */
    @Test
    void aClusterClientsImmediateAuthWaitsForItsNodesToReconnect() throws Exception {
        try (RedisCluster cluster = RedisCluster.start(3, 0)) {
            for (RedisServer node : cluster.nodes()) {
                node.command("ACL", "SETUSER", USER, "on", ">upw1", "~*", "&*", "+@all");
            }
            RedisServer seed = cluster.nodes().get(0);
            try (GlideClusterClient client = await(GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                    .address(NodeAddress.builder().host(seed.host()).port(seed.port()).build())
                    .credentials(ServerCredentials.builder().username(USER).password("upw1").build())
                    .reconnectStrategy(glide.api.models.configuration.BackoffStrategy.builder()
                            .numOfRetries(4).factor(1000).exponentBase(2).jitterPercent(0).build())
                    .requestTimeout(1500)
                    .build()))) {
                await(client.set("a", "1"));
                for (RedisServer node : cluster.nodes()) {
                    // Closes the user's connections to that node; upw1 is refused from now on.
                    node.command("ACL", "DELUSER", USER);
                    node.command("ACL", "SETUSER", USER, "on", ">upw2", "~*", "&*", "+@all");
                }
                waitUntil(() -> !client.isConnected(), "the client notices the lost connections");
                // Refused attempt after attempt: 1 s, 2 s, then 4 s apart.
                Thread.sleep(3500);
                assertEquals("OK", await(client.updateConnectionPassword("upw2", true)));
                assertEquals("1", await(client.get("a")));
                assertEquals(3, await(client.info()).getMultiValue().size(), "every node answers");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void invalidUpdatesFailAsInValkeyGlide(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = await(GlideClient.createClient(config(protocol, null, null).build()))) {
            assertThrows(NullPointerException.class, () -> client.updateConnectionPassword(null, false));
            assertInstanceOf(RequestException.class, failure(client.updateConnectionPassword("", true)));
            assertInstanceOf(RequestException.class, failure(client.updateConnectionPassword(true)));
            // AUTH to a server without a password is the server's error.
            assertInstanceOf(RequestException.class, failure(client.updateConnectionPassword("pw", true)));
            assertEquals("OK", await(client.updateConnectionPassword(false)));
            assertEquals("OK", await(client.set("k", "v")));
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(10);
        }
    }
}
