package glide.api.models.configuration;

import glide.api.models.GlideString;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Subscriptions for a cluster client: exact channels, patterns and sharded channels. */
public final class ClusterSubscriptionConfiguration extends BaseSubscriptionConfiguration {

    /** Kinds of subscription available to a cluster client. */
    public enum PubSubClusterChannelMode implements ChannelMode {
        /** A channel name, subscribed with SUBSCRIBE. */
        EXACT,
        /** A glob pattern, subscribed with PSUBSCRIBE. */
        PATTERN,
        /** A sharded channel, subscribed with SSUBSCRIBE (Valkey 7.0 and later). */
        SHARDED
    }

    private final Map<PubSubClusterChannelMode, Set<GlideString>> subscriptions;

    private ClusterSubscriptionConfiguration(
            Optional<MessageCallback> callback,
            Optional<Object> context,
            Map<PubSubClusterChannelMode, Set<GlideString>> subscriptions) {
        super(callback, context);
        this.subscriptions = subscriptions;
    }

    public static ClusterSubscriptionConfigurationBuilder builder() {
        return new ClusterSubscriptionConfigurationBuilder();
    }

    /** Channels, patterns and sharded channels to subscribe to, by mode. */
    public Map<PubSubClusterChannelMode, Set<GlideString>> getSubscriptions() {
        return subscriptions;
    }

    /** Builder for {@link ClusterSubscriptionConfiguration}. */
    public static final class ClusterSubscriptionConfigurationBuilder
            extends BaseSubscriptionConfigurationBuilder<
                    ClusterSubscriptionConfigurationBuilder, ClusterSubscriptionConfiguration> {

        private Map<PubSubClusterChannelMode, Set<GlideString>> subscriptions = new HashMap<>();

        private ClusterSubscriptionConfigurationBuilder() {}

        /** Adds one channel, pattern or sharded channel. */
        public ClusterSubscriptionConfigurationBuilder subscription(
                PubSubClusterChannelMode mode, GlideString channelOrPattern) {
            addSubscription(subscriptions, mode, channelOrPattern);
            return this;
        }

        /** Adds one channel, pattern or sharded channel, given as text. */
        public ClusterSubscriptionConfigurationBuilder subscription(
                PubSubClusterChannelMode mode, String channelOrPattern) {
            return subscription(mode, GlideString.of(channelOrPattern));
        }

        /** Replaces all subscriptions with (a copy of) the given map. */
        public ClusterSubscriptionConfigurationBuilder subscriptions(
                Map<PubSubClusterChannelMode, Set<GlideString>> subscriptions) {
            this.subscriptions = copySubscriptions(subscriptions);
            return this;
        }

        /** Replaces the subscriptions of one mode with (a copy of) the given set. */
        public ClusterSubscriptionConfigurationBuilder subscriptions(
                PubSubClusterChannelMode mode, Set<GlideString> subscriptions) {
            this.subscriptions.put(
                    mode, subscriptions == null ? new HashSet<>() : new HashSet<>(subscriptions));
            return this;
        }

        @Override
        protected ClusterSubscriptionConfigurationBuilder self() {
            return this;
        }

        @Override
        public ClusterSubscriptionConfiguration build() {
            return withBacklog(new ClusterSubscriptionConfiguration(
                    callback, context, copySubscriptions(subscriptions)));
        }
    }
}
