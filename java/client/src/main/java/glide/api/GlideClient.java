package glide.api;

import static glide.internal.ReplyConverters.ANY_TEXT;
import static glide.internal.ReplyConverters.GLIDE_STRING;
import static glide.internal.ReplyConverters.IDENTITY;
import static glide.internal.ReplyConverters.STRING;

import glide.api.commands.ConnectionManagementCommands;
import glide.api.commands.GenericCommands;
import glide.api.commands.ServerManagementCommands;
import glide.api.models.GlideString;
import glide.api.models.commands.InfoOptions.Section;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.exceptions.ConfigurationError;
import glide.api.models.exceptions.RequestException;
import glide.internal.Args;
import glide.internal.BlockingTimeouts;
import glide.internal.ConnectionSettings;
import glide.internal.NativeClient;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * A client for a standalone Valkey/Redis server.
 *
 * <pre>{@code
 * GlideClientConfiguration config = GlideClientConfiguration.builder()
 *         .address(NodeAddress.builder().host("localhost").port(6379).build())
 *         .build();
 * try (GlideClient client = GlideClient.createClient(config).get()) {
 *     client.set("greeting", "hello").get();
 *     String value = client.get("greeting").get();
 * }
 * }</pre>
 */
public class GlideClient extends BaseClient
        implements GenericCommands, ServerManagementCommands, ConnectionManagementCommands {

    private GlideClient(NativeClient core) {
        super(core);
    }

    /**
     * Validates {@code config}, connects (unless {@code lazyConnect}) and completes with the
     * client. Fails with {@link ConfigurationError} for invalid settings, before any connection
     * is tried, and with {@code ConnectionException} when the server cannot be reached.
     */
    public static CompletableFuture<GlideClient> createClient(GlideClientConfiguration config) {
        ConnectionSettings settings;
        try {
            if (config != null && config.getSubscriptionConfiguration() != null) {
                throw new ConfigurationError("Pub/Sub subscriptions are not supported by glide-jni yet");
            }
            settings = ConnectionSettings.of(config, config == null ? null : config.getAdvancedConfiguration());
        } catch (ConfigurationError e) {
            return CompletableFuture.failedFuture(e);
        }
        return NativeClient.connect(settings).thenApply(GlideClient::new);
    }

    @Override
    public CompletableFuture<Object> customCommand(String[] args) {
        byte[][] bytes;
        try {
            bytes = Args.of(args);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return run(bytes, false, BlockingTimeouts.forCommand(bytes), IDENTITY);
    }

    @Override
    public CompletableFuture<Object> customCommand(GlideString[] args) {
        byte[][] bytes;
        try {
            bytes = Args.of(args);
        } catch (RequestException e) {
            return CompletableFuture.failedFuture(e);
        }
        return run(bytes, true, BlockingTimeouts.forCommand(bytes), IDENTITY);
    }

    @Override
    public CompletableFuture<String> ping() {
        return run(Args.command("PING", 1), false, STRING);
    }

    @Override
    public CompletableFuture<String> ping(String message) {
        return run(Args.command("PING", 2).add(message), false, STRING);
    }

    @Override
    public CompletableFuture<GlideString> ping(GlideString message) {
        return run(Args.command("PING", 2).add(message), true, GLIDE_STRING);
    }

    @Override
    public CompletableFuture<String> echo(String message) {
        return run(Args.command("ECHO", 2).add(message), false, STRING);
    }

    @Override
    public CompletableFuture<GlideString> echo(GlideString message) {
        return run(Args.command("ECHO", 2).add(message), true, GLIDE_STRING);
    }

    @Override
    public CompletableFuture<String> select(long index) {
        return run(Args.command("SELECT", 2).add(index), false, ANY_TEXT);
    }

    @Override
    public CompletableFuture<String> info() {
        return run(Args.command("INFO", 1), false, STRING);
    }

    @Override
    public CompletableFuture<String> info(Section[] sections) {
        Args args = Args.command("INFO", sections.length + 1);
        for (Section s : sections) {
            args.add(s.name().toLowerCase(Locale.ROOT));
        }
        return run(args, false, STRING);
    }
}
