package glide.api.models.configuration;

import java.util.Map;
import java.util.Set;

/**
 * A snapshot of a client's pub/sub subscriptions: what it was asked to be subscribed to, and what
 * the server has actually confirmed, grouped by channel mode.
 *
 * @param <T> the channel-mode enum of the client kind (standalone or cluster)
 */
public interface PubSubState<T extends BaseSubscriptionConfiguration.ChannelMode> {

    /** Subscriptions the client wants to hold. */
    Map<T, Set<String>> getDesiredSubscriptions();

    /** Subscriptions currently confirmed by the server. */
    Map<T, Set<String>> getActualSubscriptions();
}
