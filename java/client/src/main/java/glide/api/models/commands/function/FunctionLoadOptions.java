package glide.api.models.commands.function;

/** FUNCTION LOAD's option: replace a library of the same name. */
public enum FunctionLoadOptions {
    REPLACE
}
