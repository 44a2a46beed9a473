package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of RESTORE: {@code REPLACE} an existing key, {@code ABSTTL} (the TTL is a Unix time in
 * milliseconds), and the eviction hints {@code IDLETIME} (seconds) or {@code FREQ} (the server
 * accepts only one of the two).
 */
public final class RestoreOptions {
    public static final String REPLACE_VALKEY_API = "REPLACE";
    public static final String ABSTTL_VALKEY_API = "ABSTTL";
    public static final String IDLETIME_VALKEY_API = "IDLETIME";
    public static final String FREQ_VALKEY_API = "FREQ";

    private final boolean hasReplace;
    private final boolean hasAbsttl;
    private final Long idletime;
    private final Long frequency;

    private RestoreOptions(RestoreOptionsBuilder b) {
        this.hasReplace = b.hasReplace;
        this.hasAbsttl = b.hasAbsttl;
        this.idletime = b.idletime;
        this.frequency = b.frequency;
    }

    public static RestoreOptionsBuilder builder() {
        return new RestoreOptionsBuilder();
    }

    /** The arguments after RESTORE's key, TTL and value. */
    public GlideString[] toArgs() {
        List<GlideString> args = new ArrayList<>();
        if (hasReplace) {
            args.add(GlideString.of(REPLACE_VALKEY_API));
        }
        if (hasAbsttl) {
            args.add(GlideString.of(ABSTTL_VALKEY_API));
        }
        // The server refuses the pair too (a syntax error); valkey-glide refuses it here, before
        // sending, and code may rely on that exception.
        if (idletime != null && frequency != null) {
            throw new IllegalArgumentException("IDLETIME and FREQ cannot be set at the same time.");
        }
        if (idletime != null) {
            args.add(GlideString.of(IDLETIME_VALKEY_API));
            args.add(GlideString.of(idletime.toString()));
        }
        if (frequency != null) {
            args.add(GlideString.of(FREQ_VALKEY_API));
            args.add(GlideString.of(frequency.toString()));
        }
        return args.toArray(new GlideString[0]);
    }

    public boolean isHasReplace() {
        return hasReplace;
    }

    public boolean isHasAbsttl() {
        return hasAbsttl;
    }

    public Long getIdletime() {
        return idletime;
    }

    public Long getFrequency() {
        return frequency;
    }

    /** Builds {@link RestoreOptions}; nothing is set by default. */
    public static class RestoreOptionsBuilder {
        private boolean hasReplace;
        private boolean hasAbsttl;
        private Long idletime;
        private Long frequency;

        RestoreOptionsBuilder() {}

        /** Overwrite the key if it exists. */
        public RestoreOptionsBuilder replace() {
            return hasReplace(true);
        }

        /** The TTL is an absolute Unix time in milliseconds. */
        public RestoreOptionsBuilder absttl() {
            return hasAbsttl(true);
        }

        public RestoreOptionsBuilder hasReplace(boolean hasReplace) {
            this.hasReplace = hasReplace;
            return this;
        }

        public RestoreOptionsBuilder hasAbsttl(boolean hasAbsttl) {
            this.hasAbsttl = hasAbsttl;
            return this;
        }

        /** Seconds since the key was last used (for LRU eviction). */
        public RestoreOptionsBuilder idletime(Long idletime) {
            this.idletime = idletime;
            return this;
        }

        /** Access frequency (for LFU eviction). */
        public RestoreOptionsBuilder frequency(Long frequency) {
            this.frequency = frequency;
            return this;
        }

        public RestoreOptions build() {
            return new RestoreOptions(this);
        }

        @Override
        public String toString() {
            return "RestoreOptions.RestoreOptionsBuilder(hasReplace=" + hasReplace + ", hasAbsttl=" + hasAbsttl
                    + ", idletime=" + idletime + ", frequency=" + frequency + ")";
        }
    }
}
