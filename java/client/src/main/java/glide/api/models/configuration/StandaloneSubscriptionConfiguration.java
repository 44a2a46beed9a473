package glide.api.models.configuration;

import glide.api.models.GlideString;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Subscriptions for a standalone (non-cluster) client: exact channels and patterns. */
public final class StandaloneSubscriptionConfiguration extends BaseSubscriptionConfiguration {

    /** Kinds of subscription available to a standalone client. */
    public enum PubSubChannelMode implements ChannelMode {
        /** A channel name, subscribed with SUBSCRIBE. */
        EXACT,
        /** A glob pattern, subscribed with PSUBSCRIBE. */
        PATTERN
    }

    private final Map<PubSubChannelMode, Set<GlideString>> subscriptions;

    public StandaloneSubscriptionConfiguration(
            Optional<MessageCallback> callback,
            Optional<Object> context,
            Map<PubSubChannelMode, Set<GlideString>> subscriptions) {
        super(callback, context);
        this.subscriptions = subscriptions;
    }

    public static StandaloneSubscriptionConfigurationBuilder builder() {
        return new StandaloneSubscriptionConfigurationBuilder();
    }

    /** Channels and patterns to subscribe to, by mode. */
    public Map<PubSubChannelMode, Set<GlideString>> getSubscriptions() {
        return subscriptions;
    }

    /** Builder for {@link StandaloneSubscriptionConfiguration}. */
    public static final class StandaloneSubscriptionConfigurationBuilder
            extends BaseSubscriptionConfigurationBuilder<
                    StandaloneSubscriptionConfigurationBuilder,
                    StandaloneSubscriptionConfiguration> {

        private Map<PubSubChannelMode, Set<GlideString>> subscriptions = new HashMap<>();

        private StandaloneSubscriptionConfigurationBuilder() {}

        /** Adds one channel or pattern. */
        public StandaloneSubscriptionConfigurationBuilder subscription(
                PubSubChannelMode mode, GlideString channelOrPattern) {
            addSubscription(subscriptions, mode, channelOrPattern);
            return this;
        }

        /** Replaces all subscriptions with (a copy of) the given map. */
        public StandaloneSubscriptionConfigurationBuilder subscriptions(
                Map<PubSubChannelMode, Set<GlideString>> subscriptions) {
            this.subscriptions = copySubscriptions(subscriptions);
            return this;
        }

        /** Replaces the subscriptions of one mode with (a copy of) the given set. */
        public StandaloneSubscriptionConfigurationBuilder subscriptions(
                PubSubChannelMode mode, Set<GlideString> subscriptions) {
            this.subscriptions.put(
                    mode, subscriptions == null ? new HashSet<>() : new HashSet<>(subscriptions));
            return this;
        }

        @Override
        protected StandaloneSubscriptionConfigurationBuilder self() {
            return this;
        }

        @Override
        public StandaloneSubscriptionConfiguration build() {
            return withBacklog(new StandaloneSubscriptionConfiguration(
                    callback, context, copySubscriptions(subscriptions)));
        }
    }
}
