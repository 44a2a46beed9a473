package glide.api.commands;

import glide.api.models.GlideString;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Publishing, introspection and subscribing, on both clients. */
public interface PubSubBaseCommands {
    /** For {@code unsubscribe}: every channel. */
    Set<String> ALL_CHANNELS = Collections.emptySet();

    /** For {@code punsubscribe}: every pattern. */
    Set<String> ALL_PATTERNS = Collections.emptySet();

    /** PUBLISH {@code message} to {@code channel}; "OK". */
    CompletableFuture<String> publish(String message, String channel);

    CompletableFuture<String> publish(GlideString message, GlideString channel);

    /** PUBSUB CHANNELS: the channels with subscribers. */
    CompletableFuture<String[]> pubsubChannels();

    CompletableFuture<GlideString[]> pubsubChannelsBinary();

    CompletableFuture<String[]> pubsubChannels(String pattern);

    CompletableFuture<GlideString[]> pubsubChannels(GlideString pattern);

    /** PUBSUB NUMPAT: pattern subscriptions. */
    CompletableFuture<Long> pubsubNumPat();

    /** PUBSUB NUMSUB: subscribers per channel. */
    CompletableFuture<Map<String, Long>> pubsubNumSub(String[] channels);

    CompletableFuture<Map<GlideString, Long>> pubsubNumSub(GlideString[] channels);

    /** Subscribes; completes once sent. */
    CompletableFuture<Void> subscribeLazy(Set<String> channels);

    /** Subscribes; completes once the server confirmed (within {@code timeoutMs}; 0: no limit). */
    CompletableFuture<Void> subscribe(Set<String> channels, int timeoutMs);

    CompletableFuture<Void> psubscribeLazy(Set<String> patterns);

    CompletableFuture<Void> psubscribe(Set<String> patterns, int timeoutMs);

    CompletableFuture<Void> unsubscribeLazy();

    CompletableFuture<Void> unsubscribeLazy(Set<String> channels);

    CompletableFuture<Void> unsubscribe(Set<String> channels, int timeoutMs);

    CompletableFuture<Void> unsubscribe(int timeoutMs);

    CompletableFuture<Void> punsubscribeLazy();

    CompletableFuture<Void> punsubscribeLazy(Set<String> patterns);

    CompletableFuture<Void> punsubscribe(Set<String> patterns, int timeoutMs);

    CompletableFuture<Void> punsubscribe(int timeoutMs);
}
