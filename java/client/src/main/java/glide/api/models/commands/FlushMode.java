package glide.api.models.commands;

/** How {@code FLUSHALL}/{@code FLUSHDB}/{@code FUNCTION FLUSH}/{@code SCRIPT FLUSH} free memory. */
public enum FlushMode {
    /** Before the command returns. */
    SYNC,
    /** In the background. */
    ASYNC;

    /** The command's argument for this mode. */
    public String[] toArgs() {
        return new String[] {name()};
    }
}
