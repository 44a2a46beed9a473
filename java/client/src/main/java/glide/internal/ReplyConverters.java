package glide.internal;

import glide.api.models.GlideString;
import glide.api.models.exceptions.RequestException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Converters from decoded replies to the types the API methods declare. */
public final class ReplyConverters {
    private ReplyConverters() {}

    /** The reply as decoded (customCommand). */
    public static final Function<Object, Object> IDENTITY = v -> v;

    /** A text reply of a String command; bytes that are not UTF-8 fail instead of decoding lossily. */
    public static final Function<Object, String> STRING = ReplyConverters::text;
    public static final Function<Object, GlideString> GLIDE_STRING = v -> (GlideString) v;
    public static final Function<Object, Long> LONG = v -> (Long) v;
    /** The core turns 1/0 replies of yes-or-no commands (EXPIRE, RENAMENX...) into booleans. */
    public static final Function<Object, Boolean> BOOLEAN = v -> (Boolean) v;
    /** Raw bytes of a binary reply (DUMP), or null. */
    public static final Function<Object, byte[]> BYTES = v -> v == null ? null : ((GlideString) v).getBytes();

    /** Replies declared as String even for binary requests (SET with GET returns the old value). */
    public static final Function<Object, String> ANY_TEXT =
            v -> v == null ? null : v instanceof GlideString ? ((GlideString) v).getString() : v.toString();

    public static final Function<Object, String[]> STRING_ARRAY = v -> copyText(v);
    public static final Function<Object, GlideString[]> GLIDE_STRING_ARRAY =
            v -> copy(v, new GlideString[0]);

    /** A map of a binary request: keys and values are GlideStrings already. */
    @SuppressWarnings("unchecked")
    public static <K, V> Function<Object, Map<K, V>> map() {
        return v -> (Map<K, V>) v;
    }

    /** A map of a String request: every key and value must be text. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Map<String, String>> TEXT_MAP =
            v -> {
                Map<Object, Object> map = (Map<Object, Object>) v;
                if (map != null) {
                    for (Map.Entry<Object, Object> e : map.entrySet()) {
                        text(e.getKey());
                        text(e.getValue());
                    }
                }
                return (Map<String, String>) (Map<?, ?>) map;
            };

    // ---- strings and lists ----

    /** The core turns INCRBYFLOAT's reply into a double under both protocols. */
    public static final Function<Object, Double> DOUBLE = v -> (Double) v;

    /** An array of integers (LPOS ... COUNT), or null. */
    public static final Function<Object, Long[]> LONG_ARRAY = v -> copy(v, new Long[0]);

    /**
     * LCS ... IDX (a map from the core): String keys for either overload, and {@code "matches"}
     * as {@code Long[][][]} (per match, the range in each key).
     */
    public static final Function<Object, Map<String, Object>> LCS_IDX = v -> lcsIdx(v, false);

    /** LCS ... IDX WITHMATCHLEN: String keys; each match stays {@code Object[]} {range, range, length}. */
    public static final Function<Object, Map<String, Object>> LCS_IDX_WITH_MATCH_LEN = v -> lcsIdx(v, true);

    /** LMPOP/BLMPOP of a String request: {key: elements}, all text, or null. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Map<String, String[]>> TEXT_TO_TEXT_ARRAY_MAP =
            v -> {
                if (v == null) {
                    return null;
                }
                Map<Object, Object> in = (Map<Object, Object>) v;
                Map<String, String[]> out = new LinkedHashMap<>(capacityFor(in.size()));
                for (Map.Entry<Object, Object> e : in.entrySet()) {
                    out.put(text(e.getKey()), copyText(e.getValue()));
                }
                return out;
            };

    /** LMPOP/BLMPOP of a binary request: {key: elements} as GlideStrings, or null. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Map<GlideString, GlideString[]>> GLIDE_TO_GLIDE_ARRAY_MAP =
            v -> {
                if (v == null) {
                    return null;
                }
                Map<Object, Object> in = (Map<Object, Object>) v;
                Map<GlideString, GlideString[]> out = new LinkedHashMap<>(capacityFor(in.size()));
                for (Map.Entry<Object, Object> e : in.entrySet()) {
                    out.put((GlideString) e.getKey(), copy(e.getValue(), new GlideString[0]));
                }
                return out;
            };

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lcsIdx(Object value, boolean withMatchLen) {
        if (value == null) {
            return null;
        }
        Map<Object, Object> in = (Map<Object, Object>) value;
        Map<String, Object> out = new LinkedHashMap<>(capacityFor(in.size()));
        for (Map.Entry<Object, Object> e : in.entrySet()) {
            String key = ANY_TEXT.apply(e.getKey());
            Object item = e.getValue();
            if (!withMatchLen && "matches".equals(key) && item instanceof Object[]) {
                Object[] matches = (Object[]) item;
                Long[][][] ranges = new Long[matches.length][][];
                for (int i = 0; i < matches.length; i++) {
                    Object[] match = (Object[]) matches[i];
                    ranges[i] = new Long[match.length][];
                    for (int j = 0; j < match.length; j++) {
                        ranges[i][j] = copy(match[j], new Long[0]);
                    }
                }
                item = ranges;
            }
            out.put(key, item);
        }
        return out;
    }

    // ---- streams ----

    /** Stream entries of a String request: entry ID -> {@code [[field, value], ...]} (null kept). */
    public static final Function<Object, Map<String, String[][]>> STREAM_ENTRIES = v -> entries(v, false);

    /** Stream entries of a binary request. */
    public static final Function<Object, Map<GlideString, GlideString[][]>> STREAM_ENTRIES_BINARY =
            v -> entries(v, true);

    /** XREAD/XREADGROUP of a String request: stream key -> its entries; null when nothing was read. */
    public static final Function<Object, Map<String, Map<String, String[][]>>> STREAMS_READ =
            v -> streams(v, false);

    /** XREAD/XREADGROUP of a binary request. */
    public static final Function<Object, Map<GlideString, Map<GlideString, GlideString[][]>>>
            STREAMS_READ_BINARY = v -> streams(v, true);

    /** XAUTOCLAIM: {@code [cursor, entries (as STREAM_ENTRIES), deleted IDs (String[])]}. */
    public static final Function<Object, Object[]> AUTOCLAIM = v -> autoclaim(v, false, false);

    public static final Function<Object, Object[]> AUTOCLAIM_BINARY = v -> autoclaim(v, true, false);

    /** XAUTOCLAIM ... JUSTID: {@code [cursor, claimed IDs (String[]), deleted IDs (String[])]}. */
    public static final Function<Object, Object[]> AUTOCLAIM_JUSTID = v -> autoclaim(v, false, true);

    public static final Function<Object, Object[]> AUTOCLAIM_JUSTID_BINARY = v -> autoclaim(v, true, true);

    /** An array as it came, every text in it checked to be UTF-8 (String requests). */
    public static final Function<Object, Object[]> TEXT_OBJECT_ARRAY = v -> (Object[]) deepText(v);

    /** An array of arrays (XPENDING extended) as {@code Object[][]}; text checked. */
    public static final Function<Object, Object[][]> TEXT_ARRAY_OF_ARRAYS = v -> arrayOfArrays(deepText(v));

    /** An array of arrays of a binary request as {@code Object[][]}. */
    public static final Function<Object, Object[][]> ARRAY_OF_ARRAYS = ReplyConverters::arrayOfArrays;

    /** A map whose values are anything (XINFO STREAM); every text in it checked to be UTF-8. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Map<String, Object>> TEXT_OBJECT_MAP =
            v -> (Map<String, Object>) deepText(v);

    /** {@link #TEXT_KEYED_MAP} typed for its caller (PUBSUB NUMSUB: channel -> count). */
    public static <V> Function<Object, Map<String, V>> textKeyed() {
        return v -> (Map<String, V>) (Map<?, ?>) TEXT_KEYED_MAP.apply(v);
    }

    /**
     * A map with text keys whose values stay as decoded (XINFO STREAM of a String request): a
     * stream entry's value that is not UTF-8 is a {@code GlideString}, as in valkey-glide, rather
     * than a reason to fail the whole reply.
     */
    public static final Function<Object, Map<String, Object>> TEXT_KEYED_MAP = v -> {
        if (v != null) {
            ((Map<?, ?>) v).keySet().forEach(ReplyConverters::text);
        }
        return (Map<String, Object>) v;
    };

    /** An array of maps (XINFO GROUPS/CONSUMERS) of a String request; text checked. */
    public static final Function<Object, Map<String, Object>[]> TEXT_MAP_ARRAY = v -> mapArray(deepText(v));

    /** An array of maps of a binary request. */
    public static final Function<Object, Map<GlideString, Object>[]> MAP_ARRAY = ReplyConverters::mapArray;

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> entries(Object value, boolean binary) {
        if (value == null) {
            return null;
        }
        Map<Object, Object> map = (Map<Object, Object>) value;
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            if (!binary) {
                text(e.getKey());
            }
            e.setValue(pairs(e.getValue(), binary));
        }
        return (Map<K, V>) map;
    }

    /** {@code [[field, value], ...]} as String[][] or GlideString[][]; null (entry deleted) kept. */
    private static Object[][] pairs(Object value, boolean binary) {
        if (value == null) {
            return null;
        }
        Object[] items = (Object[]) value;
        Object[][] out = binary ? new GlideString[items.length][] : new String[items.length][];
        for (int i = 0; i < items.length; i++) {
            out[i] = binary ? copy(items[i], new GlideString[0]) : copyText(items[i]);
        }
        return out;
    }

    private static int capacityFor(int n) {
        return (int) (n / 0.75f) + 1;
    }

    // ---- hashes and sets (DOUBLE and LONG_ARRAY above serve HINCRBYFLOAT, HEXPIRE, HTTL... too) ----

    /** An array the core turned into booleans (SMISMEMBER). */
    public static final Function<Object, Boolean[]> BOOLEAN_ARRAY = v -> copy(v, new Boolean[0]);

    /** A set of a String request: every member must be text. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Set<String>> STRING_SET =
            v -> {
                Set<Object> set = (Set<Object>) v;
                if (set != null) {
                    for (Object member : set) {
                        text(member);
                    }
                }
                return (Set<String>) (Set<?>) set;
            };

    /** A set of a binary request: the members are GlideStrings already. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Set<GlideString>> GLIDE_STRING_SET = v -> (Set<GlideString>) v;

    /** {@code [[a, b], [c, d]]} (the core pairs RESP2's flat arrays) as String pairs. */
    public static final Function<Object, String[][]> STRING_PAIRS =
            v -> {
                if (v == null) {
                    return null;
                }
                Object[] items = (Object[]) v;
                String[][] out = new String[items.length][];
                for (int i = 0; i < items.length; i++) {
                    out[i] = copyText(items[i]);
                }
                return out;
            };

    /** {@link #STRING_PAIRS} of a binary request. */
    public static final Function<Object, GlideString[][]> GLIDE_STRING_PAIRS =
            v -> {
                if (v == null) {
                    return null;
                }
                Object[] items = (Object[]) v;
                GlideString[][] out = new GlideString[items.length][];
                for (int i = 0; i < items.length; i++) {
                    out[i] = copy(items[i], new GlideString[0]);
                }
                return out;
            };

    /** HSCAN/SSCAN/ZSCAN of a String request: {@code {String cursor, String[] elements}}. */
    public static final Function<Object, Object[]> SCAN_STEP =
            v -> {
                Object[] reply = (Object[]) v;
                return new Object[] {text(reply[0]), copyText(reply[1])};
            };

    /** SCAN/HSCAN/SSCAN/ZSCAN of a binary request: {@code {GlideString cursor, GlideString[] elements}}. */
    public static final Function<Object, Object[]> SCAN_STEP_BINARY =
            v -> {
                Object[] reply = (Object[]) v;
                return new Object[] {reply[0], copy(reply[1], new GlideString[0])};
            };

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> streams(Object value, boolean binary) {
        if (value == null) {
            return null;
        }
        Map<Object, Object> map = (Map<Object, Object>) value;
        for (Map.Entry<Object, Object> e : map.entrySet()) {
            if (!binary) {
                text(e.getKey());
            }
            e.setValue(entries(e.getValue(), binary));
        }
        return (Map<K, V>) map;
    }

    private static Object[] autoclaim(Object value, boolean binary, boolean justId) {
        Object[] items = (Object[]) value;
        Object[] out = new Object[items.length];
        for (int i = 0; i < items.length; i++) {
            if (i == 0) {
                out[i] = binary ? items[i] : text(items[i]);
            } else if (i == 1 && !justId) {
                out[i] = entries(items[i], binary);
            } else {
                out[i] = binary ? copy(items[i], new GlideString[0]) : copyText(items[i]);
            }
        }
        return out;
    }

    private static Object[][] arrayOfArrays(Object value) {
        if (value == null) {
            return null;
        }
        Object[] items = (Object[]) value;
        Object[][] out = new Object[items.length][];
        for (int i = 0; i < items.length; i++) {
            out[i] = (Object[]) items[i];
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <K> Map<K, Object>[] mapArray(Object value) {
        if (value == null) {
            return null;
        }
        Object[] items = (Object[]) value;
        Map<K, Object>[] out = new Map[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = (Map<K, Object>) items[i];
        }
        return out;
    }

    /**
     * Walks a reply of a String request whose declared type holds {@code Object}s and fails if it
     * holds bytes that are not UTF-8 (or an error); returns it unchanged.
     */
    private static Object deepText(Object value) {
        if (value instanceof GlideString || value instanceof RequestException) {
            text(value);
        } else if (value instanceof Object[]) {
            for (Object item : (Object[]) value) {
                deepText(item);
            }
        } else if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                deepText(e.getKey());
                deepText(e.getValue());
            }
        } else if (value instanceof java.util.Collection) {
            for (Object item : (java.util.Collection<?>) value) {
                deepText(item);
            }
        }
        return value;
    }

    // (end of streams)

    // ---- geo ----

    /** GEOPOS: one [longitude, latitude] per member, null for a missing one (the core made them doubles). */
    public static final Function<Object, Double[][]> GEO_POSITIONS = v -> {
        if (v == null) {
            return null;
        }
        Object[] items = (Object[]) v;
        Double[][] out = new Double[items.length][];
        for (int i = 0; i < items.length; i++) {
            out[i] = items[i] == null ? null : copy(items[i], new Double[0]);
        }
        return out;
    };

    /** An array kept as the core built it (GEOSEARCH WITH...: nested arrays). */
    public static final Function<Object, Object[]> OBJECT_ARRAY = v -> (Object[]) v;

    // ---- sorted sets (DOUBLE above serves ZSCORE, ZINCRBY and ZADD ... INCR too) ----

    /** Members with their scores (a map from the core) of a String request: every member must be text. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Map<String, Double>> TEXT_SCORE_MAP =
            v -> {
                Map<Object, Object> map = (Map<Object, Object>) v;
                if (map != null) {
                    for (Object member : map.keySet()) {
                        text(member);
                    }
                }
                return (Map<String, Double>) (Map<?, ?>) map;
            };

    /** ZMSCORE: a double or null per member. */
    public static final Function<Object, Double[]> DOUBLE_ARRAY = v -> copy(v, new Double[0]);


    /** BZPOPMIN/BZPOPMAX of a String request: {@code [key, member, Double score]} with text key and member, or null. */
    public static final Function<Object, Object[]> TEXT_KEY_MEMBER_SCORE =
            v -> {
                Object[] reply = (Object[]) v;
                if (reply != null) {
                    text(reply[0]);
                    text(reply[1]);
                }
                return reply;
            };

    /**
     * ZMPOP/BZMPOP of a String request: the core's {@code [key, {member: score}]} (what a batch
     * gives, as in valkey-glide) as the methods' {@code {key: {member: score}}}, all text, or null.
     */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Map<String, Object>> TEXT_KEY_TO_SCORE_MAP =
            v -> {
                Map<Object, Object> map = keyToValue(v);
                if (map != null) {
                    for (Map.Entry<Object, Object> e : map.entrySet()) {
                        text(e.getKey());
                        TEXT_SCORE_MAP.apply(e.getValue());
                    }
                }
                return (Map<String, Object>) (Map<?, ?>) map;
            };

    /** ZMPOP/BZMPOP of a binary request: {@code [key, {member: score}]} as {@code {key: {member: score}}}. */
    @SuppressWarnings("unchecked")
    public static final Function<Object, Map<GlideString, Object>> KEY_TO_SCORE_MAP =
            v -> (Map<GlideString, Object>) (Map<?, ?>) keyToValue(v);

    /** {@code [key, value]} as a one-entry map {@code {key: value}}; null stays null. */
    private static Map<Object, Object> keyToValue(Object reply) {
        if (reply == null) {
            return null;
        }
        Object[] pair = (Object[]) reply;
        Map<Object, Object> map = new java.util.LinkedHashMap<>(2);
        map.put(pair[0], pair[1]);
        return map;
    }

    /** ZRANDMEMBER ... WITHSCORES of a String request: {@code [[member, Double score], ...]}, members text. */
    public static final Function<Object, Object[][]> TEXT_MEMBER_SCORE_PAIRS = v -> memberScorePairs(v, true);

    /** ZRANDMEMBER ... WITHSCORES of a binary request: members are GlideStrings. */
    public static final Function<Object, Object[][]> MEMBER_SCORE_PAIRS = v -> memberScorePairs(v, false);

    private static Object[][] memberScorePairs(Object value, boolean text) {
        if (value == null) {
            return null;
        }
        Object[] items = (Object[]) value;
        Object[][] out = new Object[items.length][];
        for (int i = 0; i < items.length; i++) {
            Object[] pair = (Object[]) items[i];
            if (text) {
                text(pair[0]);
            }
            out[i] = pair;
        }
        return out;
    }

    private static String text(Object v) {
        if (v instanceof GlideString) {
            throw new RequestException(
                    "the reply holds bytes that are not valid UTF-8, so it cannot be a String: use"
                            + " the GlideString overload of this command");
        }
        if (v instanceof RequestException) {
            throw (RequestException) v;
        }
        return (String) v;
    }

    private static String[] copyText(Object value) {
        if (value == null) {
            return null;
        }
        Object[] items = (Object[]) value;
        String[] out = new String[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = text(items[i]);
        }
        return out;
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
