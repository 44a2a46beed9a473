package io.glidejni.bench;

/** Where the server is: {@code -Dbench.host} (default 127.0.0.1), {@code -Dbench.port} (6379). */
public final class BenchConfig {
    private BenchConfig() {}

    public static String host() {
        return System.getProperty("bench.host", "127.0.0.1");
    }

    public static int port() {
        return Integer.getInteger("bench.port", 6379);
    }

    /** Request timeout given to clients that have one (ms): generous for 512 KiB x 100 threads. */
    public static final int REQUEST_TIMEOUT_MS = 5_000;

    /** Inflight limit given to clients that have one (>= the highest concurrency, 100). */
    public static final int INFLIGHT_LIMIT = 1_000;
}
