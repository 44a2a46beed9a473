package glide.api.models;

import java.util.Objects;
import java.util.Optional;

/**
 * A message delivered to a subscriber: its payload, the channel it was published on and, for
 * pattern subscriptions, the pattern that matched the channel.
 */
public class PubSubMessage {

    private final GlideString message;
    private final GlideString channel;
    private final Optional<GlideString> pattern;

    /** A message received through a pattern subscription. */
    public PubSubMessage(GlideString message, GlideString channel, GlideString pattern) {
        this.message = message;
        this.channel = channel;
        this.pattern = Optional.ofNullable(pattern);
    }

    /** A message received through an exact-channel (or sharded) subscription. */
    public PubSubMessage(GlideString message, GlideString channel) {
        this(message, channel, null);
    }

    public GlideString getMessage() {
        return message;
    }

    public GlideString getChannel() {
        return channel;
    }

    /** The matching pattern, empty unless the message came from a pattern subscription. */
    public Optional<GlideString> getPattern() {
        return pattern;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("PubSubMessage{message=");
        sb.append(message).append(", channel=").append(channel);
        if (pattern.isPresent()) {
            sb.append(", pattern=").append(pattern.get());
        }
        return sb.append('}').toString();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof PubSubMessage)) {
            return false;
        }
        PubSubMessage other = (PubSubMessage) o;
        return other.canEqual(this)
                && Objects.equals(message, other.message)
                && Objects.equals(channel, other.channel)
                && Objects.equals(pattern, other.pattern);
    }

    /** Lets subclasses that add state opt out of equality with plain instances. */
    protected boolean canEqual(Object other) {
        return other instanceof PubSubMessage;
    }

    @Override
    public int hashCode() {
        return Objects.hash(message, channel, pattern);
    }
}
