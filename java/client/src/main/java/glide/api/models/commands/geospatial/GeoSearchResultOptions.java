package glide.api.models.commands.geospatial;

import glide.api.models.commands.SortOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * How many GEOSEARCH results to return ({@code COUNT}, with {@code ANY}: the first found rather
 * than the nearest) and in which order of distance ({@code ASC}/{@code DESC}).
 */
public class GeoSearchResultOptions {
    public static final String COUNT_VALKEY_API = "COUNT";
    public static final String ANY_VALKEY_API = "ANY";

    private final SortOrder sortOrder;
    private final long count;
    private final boolean isAny;

    public GeoSearchResultOptions(long count) {
        this(null, count, false);
    }

    public GeoSearchResultOptions(long count, boolean isAny) {
        this(null, count, isAny);
    }

    public GeoSearchResultOptions(SortOrder sortOrder) {
        this(sortOrder, -1, false);
    }

    public GeoSearchResultOptions(SortOrder sortOrder, long count) {
        this(sortOrder, count, false);
    }

    public GeoSearchResultOptions(SortOrder sortOrder, long count, boolean isAny) {
        this.sortOrder = sortOrder;
        this.count = count;
        this.isAny = isAny;
    }

    public String[] toArgs() {
        List<String> args = new ArrayList<>(4);
        if (count > 0) {
            args.add(COUNT_VALKEY_API);
            args.add(Long.toString(count));
            if (isAny) {
                args.add(ANY_VALKEY_API);
            }
        }
        if (sortOrder != null) {
            args.add(sortOrder.toString());
        }
        return args.toArray(new String[0]);
    }
}
