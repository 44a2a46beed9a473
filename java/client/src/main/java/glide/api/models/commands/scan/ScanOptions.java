package glide.api.models.commands.scan;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Options of a key scan: {@code MATCH}, {@code COUNT}, {@code TYPE} and, for a cluster scan,
 * whether slots no node serves are skipped instead of failing the call.
 *
 * <pre>{@code
 * ScanOptions options = ScanOptions.builder().matchPattern("user:*").count(100L)
 *         .type(ScanOptions.ObjectType.HASH).build();
 * }</pre>
 */
public class ScanOptions extends BaseScanOptions {
    public static final String TYPE_OPTION_STRING = "TYPE";

    private final ObjectType type;
    private final Boolean allowNonCoveredSlots;

    protected ScanOptions(ScanOptionsBuilder<?, ?> builder) {
        super(builder);
        this.type = builder.type;
        this.allowNonCoveredSlots = builder.allowNonCoveredSlots;
    }

    /** The data types a scan can be limited to, with the names the server uses. */
    public enum ObjectType {
        STRING("string"),
        LIST("list"),
        SET("set"),
        ZSET("zset"),
        HASH("hash"),
        STREAM("stream");

        private final String nativeName;

        ObjectType(String nativeName) {
            this.nativeName = nativeName;
        }

        /** The server's name of the type, as {@code TYPE} replies it. */
        public String getNativeName() {
            return nativeName;
        }
    }

    /** {@code MATCH pattern COUNT n TYPE t}, the parts that are set. */
    @Override
    public String[] toArgs() {
        List<String> args = new ArrayList<>(Arrays.asList(super.toArgs()));
        if (type != null) {
            args.add(TYPE_OPTION_STRING);
            args.add(type.getNativeName());
        }
        return args.toArray(new String[0]);
    }

    /** The pattern, or null. */
    public GlideString getMatchPattern() {
        return matchPattern;
    }

    /** The count hint, or null. */
    public Long getCount() {
        return count;
    }

    /** The type filter, or null. */
    public ObjectType getType() {
        return type;
    }

    /** Whether a cluster scan skips slots no node serves (null: not set, which means no). */
    public Boolean getAllowNonCoveredSlots() {
        return allowNonCoveredSlots;
    }

    public static ScanOptionsBuilder<?, ?> builder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        if (!super.equals(other)) {
            return false;
        }
        ScanOptions that = (ScanOptions) other;
        return type == that.type && Objects.equals(allowNonCoveredSlots, that.allowNonCoveredSlots);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), type, allowNonCoveredSlots);
    }

    /** Builds {@link ScanOptions}; see {@link BaseScanOptionsBuilder} for the shared settings. */
    public abstract static class ScanOptionsBuilder<C extends ScanOptions, B extends ScanOptionsBuilder<C, B>>
            extends BaseScanOptionsBuilder<C, B> {
        private ObjectType type;
        private Boolean allowNonCoveredSlots;

        public ScanOptionsBuilder() {}

        /** Only keys of this type. */
        public B type(ObjectType type) {
            this.type = type;
            return self();
        }

        /**
         * Cluster scan only: skip slots no node serves (the cluster is partly down) instead of
         * failing the call. Keys in those slots are then not returned.
         */
        public B allowNonCoveredSlots(Boolean allowNonCoveredSlots) {
            this.allowNonCoveredSlots = allowNonCoveredSlots;
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "ScanOptions.ScanOptionsBuilder(" + super.toString() + ", type=" + type
                    + ", allowNonCoveredSlots=" + allowNonCoveredSlots + ")";
        }
    }

    private static final class Builder extends ScanOptionsBuilder<ScanOptions, Builder> {
        @Override
        protected Builder self() {
            return this;
        }

        @Override
        public ScanOptions build() {
            return new ScanOptions(this);
        }
    }
}
