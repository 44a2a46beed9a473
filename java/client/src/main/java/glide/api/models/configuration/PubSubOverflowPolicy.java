package glide.api.models.configuration;

/**
 * What a client does with a pub/sub message that does not fit in its bounded backlog (the
 * messages received and not yet delivered). Either way the drop is counted in the statistics
 * ({@code pubsub_messages_dropped}). glide-jni only: valkey-glide's backlog has no bound.
 */
public enum PubSubOverflowPolicy {
    /** Make room by dropping the oldest undelivered messages: a slow consumer sees the newest. */
    DROP_OLDEST,
    /** Drop the message that does not fit: a slow consumer sees the oldest. */
    DROP_NEWEST
}
