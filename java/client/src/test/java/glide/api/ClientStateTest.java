package glide.api;

import static glide.api.Clients.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.ConfigurationError;
import glide.testutil.RedisServer;
import org.junit.jupiter.api.Test;

/** isConnected, getClientInfo and refreshIamToken on a standalone client (issue 5). */
class ClientStateTest {
    @Test
    void isConnectedFollowsTheConnectionAndGetClientInfoDescribesIt() throws Exception {
        try (RedisServer server = RedisServer.start()) {
            GlideClient client = Clients.connect(server, ProtocolVersion.RESP2);
            assertTrue(client.isConnected());
            String info = client.getClientInfo();
            assertTrue(info.contains("standalone " + server.host() + ":" + server.port()), info);
            assertTrue(info.contains("connected") && info.contains("Resp2") && info.contains("database 0"), info);

            server.kill();
            long deadline = System.currentTimeMillis() + 5000;
            while (client.isConnected() && System.currentTimeMillis() < deadline) {
                client.ping(); // RESP2 notices a lost idle connection with the next request
                Thread.sleep(20);
            }
            assertFalse(client.isConnected(), "the server is gone");
            assertTrue(client.getClientInfo().contains("reconnecting"), client.getClientInfo());

            server.restart();
            deadline = System.currentTimeMillis() + 10_000;
            while (!client.isConnected() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(client.isConnected(), "reconnected");

            // Thrown at once, as valkey-glide 2.3.1 does for a client without IAM.
            assertThrows(ConfigurationError.class, client::refreshIamToken);
            client.close();
            assertFalse(client.isConnected());
            assertThrows(IllegalStateException.class, client::getClientInfo);
        }
    }
}
