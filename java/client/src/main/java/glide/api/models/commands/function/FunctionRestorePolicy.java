package glide.api.models.commands.function;

/** FUNCTION RESTORE's policy for libraries that already exist. */
public enum FunctionRestorePolicy {
    /** Add the dumped libraries; fail on a name clash (the server's default). */
    APPEND,
    /** Delete every existing library first. */
    FLUSH,
    /** Replace libraries of the same name. */
    REPLACE
}
