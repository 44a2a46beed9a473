package io.glidejni.bench;

/**
 * A fixed-size log-linear histogram of latencies in nanoseconds (the layout of HdrHistogram, which
 * the suite does not depend on): values below 128 ns are exact; above, each power of two is cut
 * into 64 equal buckets, so a recorded value is off by at most 1/64 (1.6%) of itself. Values
 * above 2^37 ns (137 s) land in the last bucket.
 *
 * <p>Not thread-safe: one histogram per writer (the callbacks driver keeps one per chain, whose
 * requests complete one after another) and {@link #add} them once writing has stopped.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS; // 64 buckets per power of two
    private static final int MAX_SHIFT = 30; // top bucket: 127 << 30 ns ~ 136 s
    private static final int BUCKETS = MAX_SHIFT * SUB + 2 * SUB;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long sum;
    private long max;

    /** Records one latency of {@code nanos} (negative values count as 0). */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        sum += v;
        if (v > max) {
            max = v;
        }
    }

    private static int index(long v) {
        // shift so that the mantissa keeps 7 significant bits: [64, 127] above 127, exact below
        int shift = Math.max(0, 63 - Long.numberOfLeadingZeros(v) - SUB_BITS);
        if (shift > MAX_SHIFT) {
            return BUCKETS - 1;
        }
        return shift * SUB + (int) (v >>> shift);
    }

    /** The middle of bucket {@code i}, in nanoseconds. */
    private static long valueOf(int i) {
        if (i < 2 * SUB) {
            return i;
        }
        int shift = i / SUB - 1;
        long mantissa = i - shift * SUB;
        return (mantissa << shift) + ((1L << shift) >>> 1);
    }

    /** Adds every value recorded in {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    public long count() {
        return total;
    }

    /** The mean in nanoseconds (exact, from the recorded values), 0 when empty. */
    public double meanNanos() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /** The largest recorded value in nanoseconds (exact). */
    public long maxNanos() {
        return max;
    }

    /**
     * The value at quantile {@code q} (0..1) in nanoseconds: the smallest bucket that holds at
     * least {@code q} of the values, reported at its middle; 0 when empty.
     */
    public long quantileNanos(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(valueOf(i), max);
            }
        }
        return max;
    }
}
