package glide.api.models.commands;

/** SCRIPT DEBUG's mode: asynchronous (YES), synchronous (SYNC), or off (NO). */
public enum ScriptDebugMode {
    YES,
    SYNC,
    NO
}
