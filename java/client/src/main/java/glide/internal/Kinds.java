package glide.internal;

/** Completion kinds; mirrors {@code rust/src/reply.rs} (module {@code kind}). */
final class Kinds {
    private Kinds() {}

    static final int NIL = 0;
    static final int INT = 1;
    static final int DOUBLE = 2;
    static final int BOOL = 3;
    static final int OK = 4;
    static final int BULK = 5;
    static final int SIMPLE = 6;
    static final int FRAME = 7;
    static final int BIGNUM = 8;
    /** A bulk string that is not valid UTF-8: always a GlideString, never a lossy String. */
    static final int BULK_BINARY = 9;

    static final int FIRST_ERROR = 16;
    static final int ERR_REQUEST = 16;
    static final int ERR_TIMEOUT = 17;
    static final int ERR_CONNECTION = 18;
    static final int ERR_CLOSING = 19;
    static final int ERR_EXEC_ABORT = 20;
    static final int ERR_CONFIGURATION = 21;

    /** Whether the payload of a completion of this kind is a native pointer to free. */
    static boolean ownsBytes(int kind) {
        return kind == BULK || kind == BULK_BINARY || kind == SIMPLE || kind == FRAME || kind == BIGNUM || kind >= FIRST_ERROR;
    }
}
