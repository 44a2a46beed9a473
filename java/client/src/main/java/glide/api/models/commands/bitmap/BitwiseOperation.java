package glide.api.models.commands.bitmap;

/** BITOP's operation. NOT takes exactly one source key. */
public enum BitwiseOperation {
    AND,
    OR,
    XOR,
    NOT
}
