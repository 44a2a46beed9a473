package glide.internal;

import glide.api.models.GlideString;
import glide.api.models.exceptions.RequestException;
import java.util.Map;
import java.util.function.Function;

/** Converters from decoded replies to the types the API methods declare. */
public final class ReplyConverters {
    private ReplyConverters() {}

    /** The reply as decoded (customCommand). */
    public static final Function<Object, Object> IDENTITY = v -> v;

    public static final Function<Object, String> STRING = v -> (String) v;
    public static final Function<Object, GlideString> GLIDE_STRING = v -> (GlideString) v;
    public static final Function<Object, Long> LONG = v -> (Long) v;

    /** Replies that are always text, whatever the argument types (e.g. SET's "OK" or old value). */
    public static final Function<Object, String> ANY_TEXT =
            v -> v == null ? null : v instanceof GlideString ? ((GlideString) v).getString() : v.toString();

    public static final Function<Object, String[]> STRING_ARRAY = v -> copy(v, new String[0]);
    public static final Function<Object, GlideString[]> GLIDE_STRING_ARRAY =
            v -> copy(v, new GlideString[0]);

    @SuppressWarnings("unchecked")
    public static <K, V> Function<Object, Map<K, V>> map() {
        return v -> (Map<K, V>) v;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] copy(Object value, T[] empty) {
        if (value == null) {
            return null;
        }
        Object[] items = (Object[]) value;
        T[] out = java.util.Arrays.copyOf(empty, items.length);
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof RequestException) {
                throw (RequestException) items[i];
            }
            out[i] = (T) items[i];
        }
        return out;
    }
}
