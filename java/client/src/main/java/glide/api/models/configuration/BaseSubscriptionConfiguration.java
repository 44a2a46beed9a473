package glide.api.models.configuration;

import glide.api.models.GlideString;
import glide.api.models.PubSubMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Pub/sub subscriptions a client establishes when it connects, plus how incoming messages are
 * delivered: either to a {@link MessageCallback} (with an optional user context object) or, when
 * no callback is set, to a queue the application polls.
 */
public abstract class BaseSubscriptionConfiguration {

    /** Receives every pub/sub message; the second argument is the configured context. */
    public interface MessageCallback extends BiConsumer<PubSubMessage, Object> {}

    /** Marker for the enums listing the subscription kinds of each client type. */
    public interface ChannelMode {}

    /** Callback to deliver messages to; empty means messages are queued for polling. */
    protected final Optional<MessageCallback> callback;

    /** Object passed as second argument to every callback invocation. */
    protected final Optional<Object> context;

    /** The default bound of the backlog of undelivered messages: 64 MB. */
    public static final long DEFAULT_BACKLOG_LIMIT_BYTES = 64L * 1024 * 1024;

    private long backlogLimitBytes = DEFAULT_BACKLOG_LIMIT_BYTES;
    private PubSubOverflowPolicy overflowPolicy = PubSubOverflowPolicy.DROP_OLDEST;

    public BaseSubscriptionConfiguration(
            Optional<MessageCallback> callback, Optional<Object> context) {
        this.callback = callback == null ? Optional.<MessageCallback>empty() : callback;
        this.context = context == null ? Optional.empty() : context;
    }

    /**
     * The bound, in bytes, of the messages received and not yet delivered (payload, channel and
     * pattern, plus 128 bytes of bookkeeping each, a little more than a queued message costs the native allocator). glide-jni only.
     */
    public long getBacklogLimitBytes() {
        return backlogLimitBytes;
    }

    /** What happens to a message that does not fit in the backlog. glide-jni only. */
    public PubSubOverflowPolicy getOverflowPolicy() {
        return overflowPolicy;
    }

    /** Sets what the builders' {@code backlogLimitBytes} and {@code overflowPolicy} chose. */
    void setBacklog(long limitBytes, PubSubOverflowPolicy policy) {
        this.backlogLimitBytes = limitBytes;
        this.overflowPolicy = policy;
    }

    /** Deep copy of a subscription map (a null map gives an empty one); used by the builders. */
    static <M extends ChannelMode> Map<M, Set<GlideString>> copySubscriptions(
            Map<M, Set<GlideString>> source) {
        Map<M, Set<GlideString>> copy = new HashMap<>();
        if (source != null) {
            for (Map.Entry<M, Set<GlideString>> e : source.entrySet()) {
                copy.put(
                        e.getKey(),
                        e.getValue() == null ? new HashSet<>() : new HashSet<>(e.getValue()));
            }
        }
        return copy;
    }

    public Optional<MessageCallback> getCallback() {
        return callback;
    }

    public Optional<Object> getContext() {
        return context;
    }

    /**
     * Common part of the subscription configuration builders.
     *
     * @param <B> the concrete builder type
     * @param <C> the configuration type it builds
     */
    public abstract static class BaseSubscriptionConfigurationBuilder<
            B extends BaseSubscriptionConfigurationBuilder<B, C>,
            C extends BaseSubscriptionConfiguration> {

        protected Optional<MessageCallback> callback = Optional.empty();
        protected Optional<Object> context = Optional.empty();
        protected long backlogLimitBytes = DEFAULT_BACKLOG_LIMIT_BYTES;
        protected PubSubOverflowPolicy overflowPolicy = PubSubOverflowPolicy.DROP_OLDEST;

        /**
         * Bounds the messages received and not yet delivered to {@code bytes} (default 64 MB).
         * glide-jni only.
         */
        public B backlogLimitBytes(long bytes) {
            this.backlogLimitBytes = bytes;
            return self();
        }

        /** What to drop when the backlog is full (default {@code DROP_OLDEST}). glide-jni only. */
        public B overflowPolicy(PubSubOverflowPolicy policy) {
            this.overflowPolicy = policy;
            return self();
        }

        /** Gives {@code built} this builder's backlog settings. */
        protected C withBacklog(C built) {
            built.setBacklog(backlogLimitBytes, overflowPolicy);
            return built;
        }

        public BaseSubscriptionConfigurationBuilder() {}

        /** Adds {@code channel} to the set kept for {@code mode}, creating the set if needed. */
        protected <M extends ChannelMode> void addSubscription(
                Map<M, Set<GlideString>> subscriptions, M mode, GlideString channel) {
            subscriptions.computeIfAbsent(mode, k -> new HashSet<>()).add(channel);
        }

        protected abstract B self();

        protected abstract C build();

        /** Delivers messages to {@code callback}, passing {@code context} along each time. */
        public B callback(MessageCallback callback, Object context) {
            this.callback = Optional.ofNullable(callback);
            this.context = Optional.ofNullable(context);
            return self();
        }

        /** Delivers messages to {@code callback}, with no context object. */
        public B callback(MessageCallback callback) {
            this.callback = Optional.ofNullable(callback);
            return self();
        }
    }
}
