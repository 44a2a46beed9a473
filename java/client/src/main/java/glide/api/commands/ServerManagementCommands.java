package glide.api.commands;

import glide.api.models.commands.InfoOptions.Section;
import java.util.concurrent.CompletableFuture;

/** Server management commands of the standalone client. */
public interface ServerManagementCommands {
    /** INFO with the server's default sections. */
    CompletableFuture<String> info();

    /** INFO limited to {@code sections}. */
    CompletableFuture<String> info(Section[] sections);
}
