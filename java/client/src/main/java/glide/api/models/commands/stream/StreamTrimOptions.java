package glide.api.models.commands.stream;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;

/**
 * How XADD and XTRIM trim a stream: by length ({@link MaxLen}) or by the lowest ID kept ({@link
 * MinId}), exactly ({@code =}) or approximately ({@code ~}, which lets the server trim whole macro
 * nodes only and is much cheaper), with an optional {@code LIMIT} on the entries one call evicts
 * (approximate trimming only).
 */
public abstract class StreamTrimOptions {
    public static final String TRIM_MAXLEN_VALKEY_API = "MAXLEN";
    public static final String TRIM_MINID_VALKEY_API = "MINID";
    public static final String TRIM_EXACT_VALKEY_API = "=";
    public static final String TRIM_NOT_EXACT_VALKEY_API = "~";
    public static final String TRIM_LIMIT_VALKEY_API = "LIMIT";

    /** True: {@code =}; false: {@code ~}; null: neither is sent (the server trims exactly). */
    protected Boolean exact;

    /** The most entries one call evicts; null when not set. */
    protected Long limit;

    public StreamTrimOptions() {}

    /** {@code MAXLEN} or {@code MINID}. */
    protected abstract String getMethod();

    /** The length or the ID, as text. */
    protected abstract String getThreshold();

    /** The threshold as sent by {@link #toGlideStringArgs()}; binary IDs keep their bytes. */
    GlideString getThresholdBinary() {
        return GlideString.of(getThreshold());
    }

    /** The arguments: method, {@code =}/{@code ~} if set, threshold, {@code LIMIT n} if set. */
    protected List<String> getValkeyApi() {
        List<String> args = new ArrayList<>(5);
        args.add(getMethod());
        if (exact != null) {
            args.add(exact ? TRIM_EXACT_VALKEY_API : TRIM_NOT_EXACT_VALKEY_API);
        }
        args.add(getThreshold());
        if (limit != null) {
            args.add(TRIM_LIMIT_VALKEY_API);
            args.add(limit.toString());
        }
        return args;
    }

    public String[] toArgs() {
        return getValkeyApi().toArray(new String[0]);
    }

    /** {@link #toArgs()} as GlideStrings, the threshold's bytes kept as given. */
    public GlideString[] toGlideStringArgs() {
        List<String> text = getValkeyApi();
        GlideString[] args = new GlideString[text.size()];
        int threshold = exact != null ? 2 : 1;
        for (int i = 0; i < args.length; i++) {
            args[i] = i == threshold ? getThresholdBinary() : GlideString.of(text.get(i));
        }
        return args;
    }

    /** Keep at most {@code threshold} entries (the newest). */
    public static class MaxLen extends StreamTrimOptions {
        private final long threshold;

        /** Exact trimming to {@code threshold} entries. */
        public MaxLen(long threshold) {
            this.threshold = threshold;
        }

        /** Trimming to {@code threshold} entries, exactly ({@code =}) or not ({@code ~}). */
        public MaxLen(boolean exact, long threshold) {
            this.threshold = threshold;
            this.exact = exact;
        }

        /** Approximate trimming ({@code ~}) evicting at most {@code limit} entries per call. */
        public MaxLen(long threshold, long limit) {
            this.threshold = threshold;
            this.exact = false;
            this.limit = limit;
        }

        @Override
        protected String getMethod() {
            return TRIM_MAXLEN_VALKEY_API;
        }

        @Override
        protected String getThreshold() {
            return Long.toString(threshold);
        }
    }

    /** Evict the entries whose ID is lower than {@code threshold}. */
    public static class MinId extends StreamTrimOptions {
        private final GlideString threshold;

        public MinId(String threshold) {
            this.threshold = GlideString.of(threshold);
        }

        public MinId(GlideString threshold) {
            this.threshold = threshold;
        }

        /** Exactly ({@code =}) or approximately ({@code ~}). */
        public MinId(boolean exact, String threshold) {
            this(threshold);
            this.exact = exact;
        }

        /** Exactly ({@code =}) or approximately ({@code ~}). */
        public MinId(boolean exact, GlideString threshold) {
            this(threshold);
            this.exact = exact;
        }

        /** Approximate trimming ({@code ~}) evicting at most {@code limit} entries per call. */
        public MinId(String threshold, long limit) {
            this(threshold);
            this.exact = false;
            this.limit = limit;
        }

        /** Approximate trimming ({@code ~}) evicting at most {@code limit} entries per call. */
        public MinId(GlideString threshold, long limit) {
            this(threshold);
            this.exact = false;
            this.limit = limit;
        }

        @Override
        protected String getMethod() {
            return TRIM_MINID_VALKEY_API;
        }

        @Override
        protected String getThreshold() {
            return threshold.toString();
        }

        @Override
        GlideString getThresholdBinary() {
            return threshold;
        }
    }
}
