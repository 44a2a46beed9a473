package glide.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A client's configuration as {@link NativeBridge#createClient} takes it: one {@code byte[]} of
 * tagged fields, laid out as {@link Wire.Config} says (tag, then the value, big-endian). The core
 * reads it in one function ({@code jni::config::decode}) and refuses, with a {@code
 * ConfigurationError}, an unknown tag, a repeated or missing field and any code or number out of
 * range, so a mistake here fails loudly rather than becoming a default.
 *
 * <p>{@link #of} encodes checked {@link ConnectionSettings}; each field has its own method, which
 * writes the value type the spec gives it (tests use them to send what {@link
 * ConnectionSettings} would never build).
 */
final class NativeConfig {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    /** The encoding of {@code s}. */
    static byte[] of(ConnectionSettings s) {
        NativeConfig c = new NativeConfig();
        for (int i = 0; i < s.hosts.length; i++) {
            c.address(s.hosts[i], s.ports[i]);
        }
        c.username(s.username).password(s.password).clientName(s.clientName);
        c.databaseId(s.databaseId)
                .requestTimeoutMs(s.requestTimeoutMs)
                .inflightLimit(s.inflightLimit)
                .protocol(s.protocol)
                .reconnect(s.backoff)
                .connectionTimeoutMs(s.connectionTimeoutMs)
                .lazyConnect(s.lazyConnect)
                .cluster(s.cluster)
                .readFrom(s.readFrom)
                .clientAz(s.clientAz)
                .readOnly(s.readOnly)
                .pubsubCheckMs(s.pubsubCheckMs);
        if (s.subscriptionNames != null) {
            c.pubsub(s.backlogLimitBytes, s.overflowPolicy);
            for (int i = 0; i < s.subscriptionNames.length; i++) {
                c.subscription(s.subscriptionModes[i], s.subscriptionNames[i]);
            }
        }
        return c.toBytes();
    }

    NativeConfig address(String host, int port) {
        tag(Wire.Config.ADDRESS);
        bytes(host.getBytes(StandardCharsets.UTF_8));
        return i32(port);
    }

    NativeConfig username(String value) {
        return optional(Wire.Config.USERNAME, value);
    }

    NativeConfig password(String value) {
        return optional(Wire.Config.PASSWORD, value);
    }

    NativeConfig clientName(String value) {
        return optional(Wire.Config.CLIENT_NAME, value);
    }

    NativeConfig databaseId(long value) {
        return tag(Wire.Config.DATABASE_ID).i64(value);
    }

    NativeConfig requestTimeoutMs(int value) {
        return tag(Wire.Config.REQUEST_TIMEOUT_MS).i32(value);
    }

    NativeConfig inflightLimit(int value) {
        return tag(Wire.Config.INFLIGHT_LIMIT).i32(value);
    }

    /** A {@link Wire.Protocol} code. */
    NativeConfig protocol(int value) {
        return tag(Wire.Config.PROTOCOL).i32(value);
    }

    /** The reconnect backoff: {@code backoff} holds each value at its {@link Wire.Reconnect} index. */
    NativeConfig reconnect(int[] backoff) {
        if (backoff.length != Wire.Reconnect.LEN) {
            throw new IllegalArgumentException(
                    "a reconnect backoff has " + Wire.Reconnect.LEN + " values, not " + backoff.length);
        }
        tag(Wire.Config.RECONNECT);
        for (int value : backoff) {
            i32(value);
        }
        return this;
    }

    NativeConfig connectionTimeoutMs(int value) {
        return tag(Wire.Config.CONNECTION_TIMEOUT_MS).i32(value);
    }

    NativeConfig lazyConnect(boolean value) {
        return tag(Wire.Config.LAZY_CONNECT).bool(value);
    }

    NativeConfig cluster(boolean value) {
        return tag(Wire.Config.CLUSTER).bool(value);
    }

    /** A {@link Wire.ReadFrom} code. */
    NativeConfig readFrom(int value) {
        return tag(Wire.Config.READ_FROM).i32(value);
    }

    NativeConfig clientAz(String value) {
        return optional(Wire.Config.CLIENT_AZ, value);
    }

    NativeConfig readOnly(boolean value) {
        return tag(Wire.Config.READ_ONLY).bool(value);
    }

    /** Subscriptions are configured: the backlog's bound and a {@link Wire.Overflow} code. */
    NativeConfig pubsub(long backlogLimitBytes, int overflow) {
        return tag(Wire.Config.PUBSUB).i64(backlogLimitBytes).i32(overflow);
    }

    /** One subscription (after {@link #pubsub}): a {@link Wire.SubscriptionMode} code and a name. */
    NativeConfig subscription(int mode, byte[] name) {
        tag(Wire.Config.SUBSCRIPTION).i32(mode);
        bytes(name);
        return this;
    }

    NativeConfig pubsubCheckMs(int value) {
        return tag(Wire.Config.PUBSUB_CHECK_MS).i32(value);
    }

    /** Any tag with a 4-byte value: for tests of what the core refuses. */
    NativeConfig raw(int tag, int value) {
        return tag(tag).i32(value);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    private NativeConfig optional(int tag, String value) {
        if (value != null) {
            tag(tag);
            bytes(value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    private NativeConfig tag(int tag) {
        out.write(tag);
        return this;
    }

    private NativeConfig i32(int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
        return this;
    }

    private NativeConfig i64(long v) {
        return i32((int) (v >>> 32)).i32((int) v);
    }

    private NativeConfig bool(boolean v) {
        out.write(v ? 1 : 0);
        return this;
    }

    private void bytes(byte[] b) {
        i32(b.length);
        out.write(b, 0, b.length);
    }
}
