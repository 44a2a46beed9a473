package glide.api.models.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * What SORT, SORT_RO and SORT ... STORE share: {@code LIMIT offset count}, the order ({@code
 * ASC}/{@code DESC}) and {@code ALPHA} (compare as strings instead of numbers).
 */
public abstract class SortBaseOptions {
    public static final String LIMIT_COMMAND_STRING = "LIMIT";
    public static final String ALPHA_COMMAND_STRING = "ALPHA";
    public static final String STORE_COMMAND_STRING = "STORE";

    private final Limit limit;
    private final OrderBy orderBy;
    private final boolean isAlpha;

    protected SortBaseOptions(SortBaseOptionsBuilder<?, ?> b) {
        this.limit = b.limit;
        this.orderBy = b.orderBy;
        this.isAlpha = b.isAlpha;
    }

    /** The shared arguments: LIMIT, then the order, then ALPHA. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(5);
        if (limit != null) {
            args.add(LIMIT_COMMAND_STRING);
            args.add(Long.toString(limit.offset));
            args.add(Long.toString(limit.count));
        }
        if (orderBy != null) {
            args.add(orderBy.name());
        }
        if (isAlpha) {
            args.add(ALPHA_COMMAND_STRING);
        }
        return args.toArray(new String[0]);
    }

    /** Ascending or descending. */
    public enum OrderBy {
        ASC,
        DESC
    }

    /** {@code LIMIT offset count}: skip {@code offset} elements, return at most {@code count}. */
    public static final class Limit {
        private final long offset;
        private final long count;

        public Limit(long offset, long count) {
            this.offset = offset;
            this.count = count;
        }
    }

    /** The builder the sort option classes extend. */
    public abstract static class SortBaseOptionsBuilder<C extends SortBaseOptions, B extends SortBaseOptionsBuilder<C, B>> {
        private Limit limit;
        private OrderBy orderBy;
        private boolean isAlpha;

        public SortBaseOptionsBuilder() {}

        protected abstract B self();

        /** Compare elements as strings. */
        public B alpha() {
            return isAlpha(true);
        }

        public B limit(Limit limit) {
            this.limit = limit;
            return self();
        }

        public B orderBy(OrderBy orderBy) {
            this.orderBy = orderBy;
            return self();
        }

        public B isAlpha(boolean isAlpha) {
            this.isAlpha = isAlpha;
            return self();
        }

        public abstract C build();

        @Override
        public String toString() {
            return "SortBaseOptions.SortBaseOptionsBuilder(limit=" + limit + ", orderBy=" + orderBy + ", isAlpha=" + isAlpha
                    + ")";
        }
    }
}
