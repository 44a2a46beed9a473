package glide.api.commands;

import glide.api.models.GlideString;
import java.util.concurrent.CompletableFuture;

/** Connection commands of the standalone client. */
public interface ConnectionManagementCommands {
    /** PING: "PONG". */
    CompletableFuture<String> ping();

    /** PING with a message: the message. */
    CompletableFuture<String> ping(String message);

    /** PING with a binary message. */
    CompletableFuture<GlideString> ping(GlideString message);

    /** ECHO: the message. */
    CompletableFuture<String> echo(String message);

    /** ECHO with a binary message. */
    CompletableFuture<GlideString> echo(GlideString message);

    /** SELECT: switches database ("OK"); the client returns to it after reconnecting. */
    CompletableFuture<String> select(long index);

    /** CLIENT ID: this connection's id. */
    CompletableFuture<Long> clientId();

    /** CLIENT GETNAME: this connection's name, or null. */
    CompletableFuture<String> clientGetName();
}
