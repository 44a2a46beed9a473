package glide.api;

/**
 * How a reply is to be taken: as text ({@link #ENCODING_UTF8}) and whether {@code null} is
 * accepted ({@link #IS_NULLABLE}). valkey-glide 2.3.1 declares this public enum, and code written
 * against it may name it; this client decides a reply's shape per command and does not read it.
 */
public enum ResponseFlags {
    ENCODING_UTF8,
    IS_NULLABLE,
}
