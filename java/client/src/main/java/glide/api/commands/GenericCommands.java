package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.scan.ScanOptions;
import java.util.concurrent.CompletableFuture;

/** Commands of the standalone client that are not tied to a data type. */
public interface GenericCommands {
    /**
     * Sends any command as given and completes with the reply as decoded: String (GlideString
     * for the binary overload), Long, Double, Boolean, Object[], Map, Set or {@code null}.
     */
    CompletableFuture<Object> customCommand(String[] args);

    /** {@link #customCommand(String[])} with binary arguments; text replies are GlideStrings. */
    CompletableFuture<Object> customCommand(GlideString[] args);

    /** RANDOMKEY: a random key of the selected database, or null when it is empty. */
    CompletableFuture<String> randomKey();

    /** RANDOMKEY, as bytes. */
    CompletableFuture<GlideString> randomKeyBinary();

    /**
     * SCAN from {@code cursor} ("0" to start): {@code Object[]{next cursor (String), keys
     * (String[])}}; the scan is over when the cursor returned is "0".
     */
    CompletableFuture<Object[]> scan(String cursor);

    /** {@link #scan(String)} with binary keys: {@code Object[]{GlideString, GlideString[]}}. */
    CompletableFuture<Object[]> scan(GlideString cursor);

    /** {@link #scan(String)} with MATCH, COUNT and TYPE. */
    CompletableFuture<Object[]> scan(String cursor, ScanOptions options);

    /** {@link #scan(GlideString)} with MATCH, COUNT and TYPE. */
    CompletableFuture<Object[]> scan(GlideString cursor, ScanOptions options);
}
