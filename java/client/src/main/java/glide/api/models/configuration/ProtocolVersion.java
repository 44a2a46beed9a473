package glide.api.models.configuration;

/** The RESP protocol version negotiated with the server (via HELLO). */
public enum ProtocolVersion {
    /** RESP3, the default: richer reply types and push messages. */
    RESP3,
    /** RESP2, for servers or setups that do not support RESP3. */
    RESP2
}
