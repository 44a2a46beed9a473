package glide.api.models;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reply of a cluster client that came either from one node ({@link #getSingleValue()}) or from
 * several, keyed by node address {@code host:port} ({@link #getMultiValue()}).
 *
 * @param <T> the type of each node's reply
 */
public class ClusterValue<T> {
    private final Map<String, T> multiValue;
    private final T singleValue;
    private final boolean multi;

    private ClusterValue(Map<String, T> multiValue, T singleValue, boolean multi) {
        this.multiValue = multiValue;
        this.singleValue = singleValue;
        this.multi = multi;
    }

    /** The replies by node address. Throws if the reply came from one node. */
    public Map<String, T> getMultiValue() {
        if (!multi) {
            throw new IllegalStateException("this reply came from one node: use getSingleValue()");
        }
        return multiValue;
    }

    /** The reply of the one node. Throws if it came from several nodes. */
    public T getSingleValue() {
        if (multi) {
            throw new IllegalStateException("this reply came from several nodes: use getMultiValue()");
        }
        return singleValue;
    }

    /** A map is taken as replies by node; anything else as one node's reply. */
    @SuppressWarnings("unchecked")
    public static <T> ClusterValue<T> of(Object data) {
        if (data instanceof Map) {
            Map<?, ?> map = (Map<?, ?>) data;
            Map<String, T> byNode = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                byNode.put(String.valueOf(e.getKey()), (T) e.getValue());
            }
            return ofMultiValue(byNode);
        }
        return ofSingleValue((T) data);
    }

    public static <T> ClusterValue<T> ofSingleValue(T data) {
        return new ClusterValue<>(null, data, false);
    }

    public static <T> ClusterValue<T> ofMultiValue(Map<String, T> data) {
        return new ClusterValue<>(data, null, true);
    }

    /** Replies keyed by binary node names; the names are decoded as UTF-8. */
    public static <T> ClusterValue<T> ofMultiValueBinary(Map<GlideString, T> data) {
        Map<String, T> byNode = new LinkedHashMap<>();
        data.forEach((k, v) -> byNode.put(k.getString(), v));
        return ofMultiValue(byNode);
    }

    public boolean hasMultiData() {
        return multi;
    }

    public boolean hasSingleData() {
        return !multi;
    }

    @Override
    public String toString() {
        return multi ? "ClusterValue" + multiValue : "ClusterValue(" + singleValue + ")";
    }
}
