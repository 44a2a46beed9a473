package io.glidejni.bench;

/**
 * The W1 operation stream of one benchmark thread: deterministic (seeded from the thread index)
 * and allocation-free. Call {@link #next()}, then read {@link #isGet()} and {@link #key()}.
 */
public final class W1Mix {
    private long state;
    private boolean get;
    private int keyIndex;

    public W1Mix(int threadIndex) {
        // splitmix64 of the thread index: distinct, non-zero, reproducible seeds
        long z = 0x9E3779B97F4A7C15L * (threadIndex + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        state = (z ^ (z >>> 31)) | 1L;
    }

    /** xorshift64*: fast, good enough for picking keys. */
    private int nextInt(int bound) {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        long r = (x * 0x2545F4914F6CDD1DL) >>> 33; // 31 random bits
        return (int) ((r * bound) >>> 31);
    }

    /** Draws the next operation: 80% GET of any of the 10,000 keys, 20% SET of an existing key. */
    public void next() {
        get = nextInt(100) < Workload.W1_GET_PERCENT;
        keyIndex = get ? nextInt(Workload.W1_KEYS) : nextInt(Workload.W1_EXISTING);
    }

    public boolean isGet() {
        return get;
    }

    /** Index into {@link Workload#W1_KEY_BYTES}; {@code >= W1_EXISTING} means a miss. */
    public int keyIndex() {
        return keyIndex;
    }
}
