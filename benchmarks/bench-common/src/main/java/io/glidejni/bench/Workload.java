package io.glidejni.bench;

import java.nio.charset.StandardCharsets;

/**
 * The workloads every client runs, defined once.
 *
 * <p>Key names follow redis-benchmark's {@code __rand_int__} format (12 zero-padded digits) so
 * that {@code redis-benchmark -r N GET w1:__rand_int__} hits exactly the same keys as the clients.
 *
 * <ul>
 *   <li><b>W1</b>: key space {@code w1:000000000000} .. {@code w1:000000009999} (10,000 keys); the
 *       first 8,000 hold a 100-byte value, the last 2,000 never exist. 80% of operations are GETs
 *       of a uniformly random key of the 10,000 (so 80% hit), 20% are SETs of a 100-byte value to
 *       a uniformly random key of the 8,000 existing ones (so the hit rate never drifts).
 *   <li><b>W2</b>: GET of {@code w2:16k} (16 KiB) and of {@code w2:512k} (512 KiB).
 *   <li><b>W3</b>: MGET of the 100 keys {@code w3:000000000000} .. {@code w3:000000000099}, 100
 *       bytes each.
 * </ul>
 */
public final class Workload {
    private Workload() {}

    public static final int W1_KEYS = 10_000;
    public static final int W1_EXISTING = 8_000;
    public static final int W1_GET_PERCENT = 80;
    public static final int SMALL_VALUE = 100;
    public static final int W2_SMALL = 16 * 1024;
    public static final int W2_LARGE = 512 * 1024;
    public static final int W3_KEYS = 100;

    public static final String W1_PREFIX = "w1:";
    public static final String W3_PREFIX = "w3:";
    public static final String W2_16K_NAME = "w2:16k";
    public static final String W2_512K_NAME = "w2:512k";

    /** {@code prefix + 12-digit zero-padded index}, as redis-benchmark's {@code __rand_int__}. */
    public static String keyName(String prefix, int index) {
        return prefix + String.format("%012d", index);
    }

    private static byte[][] keys(String prefix, int n) {
        byte[][] out = new byte[n][];
        for (int i = 0; i < n; i++) {
            out[i] = bytes(keyName(prefix, i));
        }
        return out;
    }

    /** All 10,000 W1 keys; index {@code >= W1_EXISTING} are the ones that never exist. */
    public static final byte[][] W1_KEY_BYTES = keys(W1_PREFIX, W1_KEYS);
    /** The 100 keys one W3 MGET asks for, in order. */
    public static final byte[][] W3_KEY_BYTES = keys(W3_PREFIX, W3_KEYS);
    public static final byte[] W2_16K_KEY = bytes(W2_16K_NAME);
    public static final byte[] W2_512K_KEY = bytes(W2_512K_NAME);

    /** The 100-byte value SET by W1 (and pre-filled into W1/W3 keys). */
    public static final byte[] SMALL_VALUE_BYTES = value(SMALL_VALUE, 1);

    /**
     * A deterministic printable value of {@code size} bytes (ASCII, so String-based APIs see the
     * same bytes); {@code salt} varies the content between keys.
     */
    public static byte[] value(int size, int salt) {
        byte[] v = new byte[size];
        for (int i = 0; i < size; i++) {
            v[i] = (byte) ('a' + ((i * 7 + salt) % 26));
        }
        return v;
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Throws unless {@code got} is a value of {@code expectedLength} bytes (for setup checks). */
    public static void checkLength(String what, byte[] got, int expectedLength) {
        if (got == null) {
            throw new IllegalStateException(
                    what + " is missing: pre-fill the server first (benchmarks/run.sh does)");
        }
        if (got.length != expectedLength) {
            throw new IllegalStateException(
                    what + " has " + got.length + " bytes, expected " + expectedLength);
        }
    }
}
