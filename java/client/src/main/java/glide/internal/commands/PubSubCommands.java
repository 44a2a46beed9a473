package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Map;
import java.util.function.Function;

/**
 * Publishing and the PUBSUB introspection commands ({@code PubSubBaseCommands}, {@code
 * PubSubClusterCommands}), each defined once for both argument types: {@link #TEXT} serves the
 * API's {@code String} overloads, {@link #BINARY} its {@link GlideString} overloads and every
 * batch. Subscribing is not here: it changes the client's subscription state (see {@code
 * PubSubDelivery}), and the server answers it with pushes, not replies.
 *
 * <p>On a cluster the core routes these by command (PUBLISH anywhere, SPUBLISH to the channel's
 * slot, PUBSUB to every node, combining the nodes' answers); the definitions name no route.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class PubSubCommands<V> {
    public static final PubSubCommands<String> TEXT =
            new PubSubCommands<>(Codec.TEXT, ReplyConverters.<Long>textKeyed());
    public static final PubSubCommands<GlideString> BINARY =
            new PubSubCommands<>(Codec.BINARY, ReplyConverters.<GlideString, Long>map());

    /**
     * What the API answers for any PUBLISH: "OK", not the count of receivers (as valkey-glide
     * does; the reply is not read).
     */
    private static final String OK = "OK";

    private final Codec<V> codec;
    /** Channel to subscriber count: a String request's channels checked to be text. */
    private final Function<Object, Map<V, Long>> counts;

    private PubSubCommands(Codec<V> codec, Function<Object, Map<V, Long>> counts) {
        this.codec = codec;
        this.counts = counts;
    }

    /** PUBLISH channel message: "OK". */
    public Command<String> publish(V message, V channel) {
        return publish(message, channel, false);
    }

    /** PUBLISH, or SPUBLISH when {@code sharded} (to the node of the channel's slot): "OK". */
    public Command<String> publish(V message, V channel, boolean sharded) {
        return codec.command(sharded ? "SPUBLISH" : "PUBLISH", 3)
                .arg(channel)
                .arg(message)
                .returning(Shape.AS_SENT, reply -> OK);
    }

    /** PUBSUB CHANNELS: the channels with subscribers (on a cluster: of every node, each once). */
    public Command<V[]> pubsubChannels() {
        return codec.command("PUBSUB", 2).word("CHANNELS").returning(Shape.AS_SENT, codec.array());
    }

    /** PUBSUB CHANNELS pattern: those whose name matches the glob {@code pattern}. */
    public Command<V[]> pubsubChannels(V pattern) {
        return codec.command("PUBSUB", 3).word("CHANNELS").arg(pattern).returning(Shape.AS_SENT, codec.array());
    }

    /** PUBSUB NUMPAT: pattern subscriptions (on a cluster: summed over the nodes). */
    public Command<Long> pubsubNumPat() {
        return codec.command("PUBSUB", 2).word("NUMPAT").returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** PUBSUB NUMSUB: each channel's subscribers, in the order asked; a map under both protocols. */
    public Command<Map<V, Long>> pubsubNumSub(V[] channels) {
        return codec.command("PUBSUB", channels.length + 2).word("NUMSUB").args(channels).returning(Shape.MAP, counts);
    }

    public Command<V[]> pubsubShardChannels() {
        return codec.command("PUBSUB", 2).word("SHARDCHANNELS").returning(Shape.AS_SENT, codec.array());
    }

    public Command<V[]> pubsubShardChannels(V pattern) {
        return codec.command("PUBSUB", 3).word("SHARDCHANNELS").arg(pattern).returning(Shape.AS_SENT, codec.array());
    }

    /** PUBSUB SHARDNUMSUB: as {@link #pubsubNumSub} for shard channels. */
    public Command<Map<V, Long>> pubsubShardNumSub(V[] channels) {
        return codec.command("PUBSUB", channels.length + 2).word("SHARDNUMSUB").args(channels).returning(Shape.MAP, counts);
    }
}
