package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;

/**
 * Conditions of {@code ZADD}: update only existing members or only add new ones ({@link
 * ConditionalChange}), and update a score only if the new one is lower or higher ({@link
 * UpdateOptions}). {@code NX} cannot be combined with {@code GT} or {@code LT}: {@link #toArgs()}
 * refuses it with an {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * ZAddOptions options = ZAddOptions.builder()
 *         .conditionalChange(ZAddOptions.ConditionalChange.ONLY_IF_EXISTS)
 *         .updateOptions(ZAddOptions.UpdateOptions.SCORE_GREATER_THAN_CURRENT)
 *         .build();
 * }</pre>
 */
public final class ZAddOptions {
    /** Null when not set. */
    private final ConditionalChange conditionalChange;
    /** Null when not set. */
    private final UpdateOptions updateOptions;

    private ZAddOptions(ConditionalChange conditionalChange, UpdateOptions updateOptions) {
        this.conditionalChange = conditionalChange;
        this.updateOptions = updateOptions;
    }

    /** Which members ZADD may touch. */
    public enum ConditionalChange {
        /** {@code XX}: only update members already there; add none. */
        ONLY_IF_EXISTS("XX"),
        /** {@code NX}: only add new members; update none. */
        ONLY_IF_DOES_NOT_EXIST("NX");

        private final String arg;

        ConditionalChange(String arg) {
            this.arg = arg;
        }
    }

    /** When ZADD replaces an existing member's score (new members are added regardless). */
    public enum UpdateOptions {
        /** {@code LT}: only if the new score is lower. */
        SCORE_LESS_THAN_CURRENT("LT"),
        /** {@code GT}: only if the new score is higher. */
        SCORE_GREATER_THAN_CURRENT("GT");

        private final String arg;

        UpdateOptions(String arg) {
            this.arg = arg;
        }
    }

    /** {@code [XX|NX] [GT|LT]}, the parts that are set; NX with GT or LT is refused. */
    public String[] toArgs() {
        if (conditionalChange == ConditionalChange.ONLY_IF_DOES_NOT_EXIST && updateOptions != null) {
            throw new IllegalArgumentException(
                    "ZADD cannot combine NX (ONLY_IF_DOES_NOT_EXIST) with " + updateOptions.arg + " ("
                            + updateOptions.name() + "): NX adds new members only, GT and LT update"
                            + " existing ones");
        }
        List<String> args = new ArrayList<>(2);
        if (conditionalChange != null) {
            args.add(conditionalChange.arg);
        }
        if (updateOptions != null) {
            args.add(updateOptions.arg);
        }
        return args.toArray(new String[0]);
    }

    /** {@link #toArgs()} as GlideStrings. */
    public GlideString[] toArgsBinary() {
        String[] args = toArgs();
        GlideString[] out = new GlideString[args.length];
        for (int i = 0; i < args.length; i++) {
            out[i] = GlideString.of(args[i]);
        }
        return out;
    }

    public static ZAddOptionsBuilder builder() {
        return new ZAddOptionsBuilder();
    }

    /** Builds {@link ZAddOptions}; both settings are optional. */
    public static class ZAddOptionsBuilder {
        private ConditionalChange conditionalChange;
        private UpdateOptions updateOptions;

        ZAddOptionsBuilder() {}

        public ZAddOptionsBuilder conditionalChange(ConditionalChange conditionalChange) {
            this.conditionalChange = conditionalChange;
            return this;
        }

        public ZAddOptionsBuilder updateOptions(UpdateOptions updateOptions) {
            this.updateOptions = updateOptions;
            return this;
        }

        public ZAddOptions build() {
            return new ZAddOptions(conditionalChange, updateOptions);
        }

        @Override
        public String toString() {
            return "ZAddOptions.ZAddOptionsBuilder(conditionalChange=" + conditionalChange
                    + ", updateOptions=" + updateOptions + ")";
        }
    }
}
