package glide.api.models.commands.function;

/** Arguments of FUNCTION LIST. */
public class FunctionListOptions {
    /** Include each library's code. */
    public static final String WITH_CODE_VALKEY_API = "WITHCODE";
    /** Only libraries whose name matches a pattern. */
    public static final String LIBRARY_NAME_VALKEY_API = "LIBRARYNAME";

    public FunctionListOptions() {}
}
