package glide.api.commands;

import glide.api.models.GlideString;
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
}
