package glide.api.models.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Options of SORT/SORT_RO/SORT ... STORE with text patterns: {@code BY pattern} (sort by external
 * keys' values; {@code nosort} to skip sorting) and {@code GET pattern} (return external keys'
 * values; {@code #} is the element itself). BY and GET read keys the command does not name, so a
 * cluster serves them only when they hash to the same slot.
 */
public class SortOptions extends SortBaseOptions {
    public static final String BY_COMMAND_STRING = "BY";
    public static final String GET_COMMAND_STRING = "GET";

    private final String byPattern;
    private final List<String> getPatterns;

    protected SortOptions(SortOptionsBuilder<?, ?> b) {
        super(b);
        this.byPattern = b.byPattern;
        this.getPatterns = new ArrayList<>(b.getPatterns);
    }

    public static SortOptionsBuilder<?, ?> builder() {
        return new SortOptionsBuilderImpl();
    }

    /** The shared arguments, then BY, then each GET. */
    @Override
    public String[] toArgs() {
        List<String> args = new ArrayList<>(Arrays.asList(super.toArgs()));
        if (byPattern != null) {
            args.add(BY_COMMAND_STRING);
            args.add(byPattern);
        }
        for (String pattern : getPatterns) {
            args.add(GET_COMMAND_STRING);
            args.add(pattern);
        }
        return args.toArray(new String[0]);
    }

    /** Builds {@link SortOptions}. */
    public abstract static class SortOptionsBuilder<C extends SortOptions, B extends SortOptionsBuilder<C, B>>
            extends SortBaseOptionsBuilder<C, B> {
        private String byPattern;
        private final List<String> getPatterns = new ArrayList<>();

        public SortOptionsBuilder() {}

        public B byPattern(String byPattern) {
            this.byPattern = byPattern;
            return self();
        }

        /** Adds one GET pattern (they are sent in the order added). */
        public B getPattern(String getPattern) {
            getPatterns.add(getPattern);
            return self();
        }

        public B getPatterns(Collection<? extends String> getPatterns) {
            this.getPatterns.addAll(getPatterns);
            return self();
        }

        public B clearGetPatterns() {
            getPatterns.clear();
            return self();
        }

        @Override
        public abstract C build();

        @Override
        public String toString() {
            return "SortOptions.SortOptionsBuilder(super=" + super.toString() + ", byPattern=" + byPattern
                    + ", getPatterns=" + getPatterns + ")";
        }
    }

    static final class SortOptionsBuilderImpl extends SortOptionsBuilder<SortOptions, SortOptionsBuilderImpl> {
        @Override
        protected SortOptionsBuilderImpl self() {
            return this;
        }

        @Override
        public SortOptions build() {
            return new SortOptions(this);
        }
    }
}
