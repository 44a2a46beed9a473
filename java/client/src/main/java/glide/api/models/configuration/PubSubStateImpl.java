package glide.api.models.configuration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Immutable {@link PubSubState}: the maps passed in are copied (sets included) and exposed as
 * unmodifiable views.
 *
 * @param <T> the channel-mode enum of the client kind
 */
public final class PubSubStateImpl<T extends BaseSubscriptionConfiguration.ChannelMode>
        implements PubSubState<T> {

    private final Map<T, Set<String>> desiredSubscriptions;
    private final Map<T, Set<String>> actualSubscriptions;

    /** Copies both maps; a null map is treated as empty. */
    public PubSubStateImpl(
            Map<T, Set<String>> desiredSubscriptions, Map<T, Set<String>> actualSubscriptions) {
        this.desiredSubscriptions = copyOf(desiredSubscriptions);
        this.actualSubscriptions = copyOf(actualSubscriptions);
    }

    private static <T extends BaseSubscriptionConfiguration.ChannelMode>
            Map<T, Set<String>> copyOf(Map<T, Set<String>> source) {
        if (source == null || source.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<T, Set<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<T, Set<String>> e : source.entrySet()) {
            Set<String> channels =
                    e.getValue() == null
                            ? Collections.<String>emptySet()
                            : Collections.unmodifiableSet(new LinkedHashSet<>(e.getValue()));
            copy.put(e.getKey(), channels);
        }
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public Map<T, Set<String>> getDesiredSubscriptions() {
        return desiredSubscriptions;
    }

    @Override
    public Map<T, Set<String>> getActualSubscriptions() {
        return actualSubscriptions;
    }
}
