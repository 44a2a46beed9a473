package glide.api.commands;

import glide.api.models.GlideString;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Sharded publishing, introspection and subscribing, on the cluster client. */
public interface PubSubClusterCommands {
    /** For {@code sunsubscribe}: every shard channel. */
    Set<String> ALL_SHARDED_CHANNELS = Collections.emptySet();

    /** PUBLISH, or SPUBLISH when {@code sharded}; "OK". */
    CompletableFuture<String> publish(String message, String channel, boolean sharded);

    CompletableFuture<String> publish(GlideString message, GlideString channel, boolean sharded);

    /** PUBSUB SHARDCHANNELS: the shard channels with subscribers. */
    CompletableFuture<String[]> pubsubShardChannels();

    CompletableFuture<GlideString[]> pubsubShardChannelsBinary();

    CompletableFuture<String[]> pubsubShardChannels(String pattern);

    CompletableFuture<GlideString[]> pubsubShardChannels(GlideString pattern);

    /** PUBSUB SHARDNUMSUB: subscribers per shard channel. */
    CompletableFuture<Map<String, Long>> pubsubShardNumSub(String[] channels);

    CompletableFuture<Map<GlideString, Long>> pubsubShardNumSub(GlideString[] channels);

    CompletableFuture<Void> ssubscribeLazy(Set<String> channels);

    CompletableFuture<Void> ssubscribe(Set<String> channels, int timeoutMs);

    CompletableFuture<Void> sunsubscribeLazy();

    CompletableFuture<Void> sunsubscribeLazy(Set<String> channels);

    CompletableFuture<Void> sunsubscribe(Set<String> channels, int timeoutMs);

    CompletableFuture<Void> sunsubscribe(int timeoutMs);
}
