package memprofile;

import java.util.Map;

/**
 * One client library, as the profile drives it. Implementations live in the per-client modules
 * and are loaded by name only after the baseline checkpoint, so that the baseline has touched
 * no class of the client library.
 */
public interface Driver {
    /** Short name of the client library, e.g. {@code glide-jni}. */
    String client();

    /** What one "idle client" is for this library (printed in every checkpoint line). */
    String idleMode();

    /** What the single client used for the W2 load is. */
    String loadMode();

    /** Creates one client with one connection, does one PING on it, and leaves it idle. */
    Object openIdle(String host, int port) throws Exception;

    /** Creates the one client that serves {@code inflight} concurrent requests during the load. */
    Object openLoad(String host, int port, int inflight) throws Exception;

    /** Blocking GET on a client made by {@link #openLoad}; called from many threads at once. */
    byte[] get(Object client, byte[] key) throws Exception;

    /** Closes a client made by either open method. */
    void close(Object client) throws Exception;

    /** The library's own statistics, if it has any (empty otherwise). */
    default Map<String, String> stats() {
        return Map.of();
    }

    /** Releases shared resources (event loops etc.) at the very end. */
    default void shutdown() throws Exception {}
}
