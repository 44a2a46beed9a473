package glide.api.models.commands;

import glide.api.models.GlideString;
import java.util.ArrayList;
import java.util.List;

/**
 * The ranges of the sorted-set commands: which members {@code ZRANGE}, {@code ZRANGESTORE},
 * {@code ZCOUNT}, {@code ZLEXCOUNT} and the {@code ZREMRANGEBY*} commands read.
 *
 * <ul>
 *   <li>{@link RangeByIndex}: by rank, 0 being the lowest score; negative ranks count from the
 *       end ({@code -1} is the highest score).
 *   <li>{@link RangeByScore}: by score, between two {@link ScoreRange} bounds ({@link
 *       ScoreBoundary} or {@link InfScoreBound}), optionally a {@link Limit}ed page of them.
 *   <li>{@link RangeByLex}: by member, for members that all have the same score, between two
 *       {@link LexRange} bounds ({@link LexBoundary} or {@link InfLexBound}).
 * </ul>
 *
 * <pre>{@code
 * // members scored 10 (excluded) to +inf, 20 of them from the 40th on, highest first:
 * RangeByScore query = new RangeByScore(InfScoreBound.POSITIVE_INFINITY, new ScoreBoundary(10, false),
 *         new Limit(40, 20));
 * String[] members = client.zrange("board", query, true).get();
 * }</pre>
 *
 * <p>With {@code reverse = true} ({@code ZRANGE ... REV}) ranks count from the highest score, and
 * a range by score or by member takes its upper bound first.
 */
public class RangeOptions {

    /** A bound of a score range: {@code toArgs()} is the bound as the server reads it. */
    public interface ScoreRange {
        String toArgs();
    }

    /** The unbounded ends of a score range. */
    public enum InfScoreBound implements ScoreRange {
        POSITIVE_INFINITY("+inf"),
        NEGATIVE_INFINITY("-inf");

        private final String arg;

        InfScoreBound(String arg) {
            this.arg = arg;
        }

        @Override
        public String toArgs() {
            return arg;
        }
    }

    /** A score bound, inclusive unless told otherwise ({@code (} marks an exclusive one). */
    public static class ScoreBoundary implements ScoreRange {
        private final double bound;
        private final boolean isInclusive;

        public ScoreBoundary(double bound, boolean isInclusive) {
            this.bound = bound;
            this.isInclusive = isInclusive;
        }

        /** An inclusive bound. */
        public ScoreBoundary(double bound) {
            this(bound, true);
        }

        @Override
        public String toArgs() {
            String score = Double.toString(bound);
            return isInclusive ? score : "(" + score;
        }
    }

    /** A bound of a lexicographic range: {@code toArgs()} is the bound as the server reads it. */
    public interface LexRange {
        String toArgs();
    }

    /** The unbounded ends of a lexicographic range ({@code +} and {@code -}). */
    public enum InfLexBound implements LexRange {
        POSITIVE_INFINITY("+"),
        NEGATIVE_INFINITY("-");

        private final String arg;

        InfLexBound(String arg) {
            this.arg = arg;
        }

        @Override
        public String toArgs() {
            return arg;
        }
    }

    /** A member bound, inclusive ({@code [}) unless told otherwise ({@code (}). */
    public static class LexBoundary implements LexRange {
        private final String value;
        private final boolean isInclusive;

        public LexBoundary(String value, boolean isInclusive) {
            this.value = value;
            this.isInclusive = isInclusive;
        }

        /** An inclusive bound. */
        public LexBoundary(String value) {
            this(value, true);
        }

        @Override
        public String toArgs() {
            return (isInclusive ? "[" : "(") + value;
        }
    }

    /**
     * A page of a score or lexicographic range: skip {@code offset} members, return at most
     * {@code count} ({@code count} negative: all the rest).
     */
    public static class Limit {
        private final long offset;
        private final long count;

        public Limit(long offset, long count) {
            this.offset = offset;
            this.count = count;
        }

        public long getOffset() {
            return offset;
        }

        public long getCount() {
            return count;
        }
    }

    /** A range for {@code ZRANGE}/{@code ZRANGESTORE}: its two bounds as arguments and a page. */
    public interface RangeQuery {
        String getStart();

        String getEnd();

        /** The page, or null for the whole range. */
        Limit getLimit();
    }

    /** A range that may come with scores ({@code zrangeWithScores}): by index or by score. */
    public interface ScoredRangeQuery extends RangeQuery {}

    /** A range of ranks, both included; negative ranks count from the highest score. */
    public static class RangeByIndex implements ScoredRangeQuery {
        private final long start;
        private final long end;

        public RangeByIndex(long start, long end) {
            this.start = start;
            this.end = end;
        }

        /** Always null: the server has no LIMIT for index ranges. */
        @Override
        public Limit getLimit() {
            return null;
        }

        @Override
        public String getStart() {
            return Long.toString(start);
        }

        @Override
        public String getEnd() {
            return Long.toString(end);
        }
    }

    /** A range of scores ({@code BYSCORE}), optionally one page of it. */
    public static class RangeByScore implements ScoredRangeQuery {
        private final ScoreRange start;
        private final ScoreRange end;
        private final Limit limit;

        public RangeByScore(ScoreRange start, ScoreRange end, Limit limit) {
            this.start = start;
            this.end = end;
            this.limit = limit;
        }

        public RangeByScore(ScoreRange start, ScoreRange end) {
            this(start, end, null);
        }

        @Override
        public String getStart() {
            return start.toArgs();
        }

        @Override
        public String getEnd() {
            return end.toArgs();
        }

        @Override
        public Limit getLimit() {
            return limit;
        }
    }

    /** A lexicographic range ({@code BYLEX}), optionally one page of it. */
    public static class RangeByLex implements RangeQuery {
        private final LexRange start;
        private final LexRange end;
        private final Limit limit;

        public RangeByLex(LexRange start, LexRange end, Limit limit) {
            this.start = start;
            this.end = end;
            this.limit = limit;
        }

        public RangeByLex(LexRange start, LexRange end) {
            this(start, end, null);
        }

        @Override
        public String getStart() {
            return start.toArgs();
        }

        @Override
        public String getEnd() {
            return end.toArgs();
        }

        @Override
        public Limit getLimit() {
            return limit;
        }
    }

    /** {@code key start end [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]}: ZRANGE's arguments. */
    public static String[] createZRangeArgs(
            String key, RangeQuery rangeQuery, boolean reverse, boolean withScores) {
        List<String> args = new ArrayList<>(10);
        args.add(key);
        appendRange(args, rangeQuery, reverse, withScores);
        return args.toArray(new String[0]);
    }

    /** {@link #createZRangeArgs} with a binary key. */
    public static GlideString[] createZRangeArgsBinary(
            GlideString key, RangeQuery rangeQuery, boolean reverse, boolean withScores) {
        List<String> range = new ArrayList<>(9);
        appendRange(range, rangeQuery, reverse, withScores);
        return withKeys(range, key);
    }

    /** {@code destination source start end [BYSCORE|BYLEX] [REV] [LIMIT offset count]}: ZRANGESTORE's arguments. */
    public static String[] createZRangeStoreArgs(
            String destination, String source, RangeQuery rangeQuery, boolean reverse) {
        List<String> args = new ArrayList<>(10);
        args.add(destination);
        args.add(source);
        appendRange(args, rangeQuery, reverse, false);
        return args.toArray(new String[0]);
    }

    /** {@link #createZRangeStoreArgs} with binary keys. */
    public static GlideString[] createZRangeStoreArgsBinary(
            GlideString destination, GlideString source, RangeQuery rangeQuery, boolean reverse) {
        List<String> range = new ArrayList<>(8);
        appendRange(range, rangeQuery, reverse, false);
        return withKeys(range, destination, source);
    }

    /** {@code start end [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES]}: the range without keys. */
    public static String[] createZRangeBaseArgs(RangeQuery rangeQuery, boolean reverse, boolean withScores) {
        List<String> args = new ArrayList<>(8);
        appendRange(args, rangeQuery, reverse, withScores);
        return args.toArray(new String[0]);
    }

    /** {@code start end [BYSCORE|BYLEX] [REV] [LIMIT offset count]} as GlideStrings. */
    public static GlideString[] createZRangeBaseArgsBinary(RangeQuery rangeQuery, boolean reverse) {
        List<String> args = new ArrayList<>(7);
        appendRange(args, rangeQuery, reverse, false);
        return withKeys(args);
    }

    private static void appendRange(List<String> args, RangeQuery query, boolean reverse, boolean withScores) {
        args.add(query.getStart());
        args.add(query.getEnd());
        if (query instanceof RangeByScore) {
            args.add("BYSCORE");
        } else if (query instanceof RangeByLex) {
            args.add("BYLEX");
        }
        if (reverse) {
            args.add("REV");
        }
        Limit limit = query.getLimit();
        if (limit != null) {
            args.add("LIMIT");
            args.add(Long.toString(limit.getOffset()));
            args.add(Long.toString(limit.getCount()));
        }
        if (withScores) {
            args.add("WITHSCORES");
        }
    }

    /** {@code keys} followed by {@code rest}, all as GlideStrings. */
    private static GlideString[] withKeys(List<String> rest, GlideString... keys) {
        GlideString[] out = new GlideString[keys.length + rest.size()];
        System.arraycopy(keys, 0, out, 0, keys.length);
        for (int i = 0; i < rest.size(); i++) {
            out[keys.length + i] = GlideString.of(rest.get(i));
        }
        return out;
    }
}
