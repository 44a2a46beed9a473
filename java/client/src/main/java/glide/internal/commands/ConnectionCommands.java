package glide.internal.commands;

import glide.api.models.GlideString;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;

/**
 * The connection-management commands ({@code ConnectionManagementCommands} and {@code
 * ConnectionManagementClusterCommands}: PING, ECHO, SELECT, CLIENT ID, CLIENT GETNAME; and AUTH, which
 * {@code updateConnectionPassword} sends), each
 * defined once for both argument types: {@link #TEXT} serves the API's {@code String} overloads
 * and the forms without a message, {@link #BINARY} its {@link GlideString} overloads and every
 * batch.
 *
 * <p>SELECT's database is remembered by the core (it reads it from the bytes, whatever the
 * shape): reconnects select it again once the command succeeded.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class ConnectionCommands<V> {
    public static final ConnectionCommands<String> TEXT = new ConnectionCommands<>(Codec.TEXT);
    public static final ConnectionCommands<GlideString> BINARY = new ConnectionCommands<>(Codec.BINARY);

    private final Codec<V> codec;

    private ConnectionCommands(Codec<V> codec) {
        this.codec = codec;
    }

    /** PING: "PONG", as text whatever the instance (the API's form without a message). */
    public Command<String> ping() {
        return codec.command("PING", 1).returning(Shape.AS_SENT, ReplyConverters.STRING);
    }

    /** PING message: the message back, of the argument's type. */
    public Command<V> ping(V message) {
        return codec.command("PING", 2).arg(message).returning(Shape.AS_SENT, codec.value());
    }

    /** ECHO: the message back, of the argument's type. */
    public Command<V> echo(V message) {
        return codec.command("ECHO", 2).arg(message).returning(Shape.AS_SENT, codec.value());
    }

    /** SELECT: "OK"; the connection (on a cluster, every node's) uses database {@code index}. */
    public Command<String> select(long index) {
        return codec.command("SELECT", 2).arg(index).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }

    /** CLIENT ID: the connection's id on the server. */
    public Command<Long> clientId() {
        return codec.command("CLIENT", 2).word("ID").returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** CLIENT GETNAME: the connection's name, or null. */
    public Command<String> clientGetName() {
        return codec.command("CLIENT", 2).word("GETNAME").returning(Shape.AS_SENT, ReplyConverters.STRING);
    }

    /**
     * AUTH [username] password: "OK" (updateConnectionPassword's immediate authentication);
     * {@code username} null: the default user.
     */
    public Command<String> auth(V username, V password) {
        CommandBuilder<V> auth = codec.command("AUTH", username == null ? 2 : 3);
        if (username != null) {
            auth.arg(username);
        }
        return auth.arg(password).returning(Shape.AS_SENT, ReplyConverters.ANY_TEXT);
    }
}
