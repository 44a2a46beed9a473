package glide.api.models;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A binary-safe string value, as used for keys, values and channel names.
 *
 * <p>The content is an arbitrary sequence of bytes. When those bytes form valid UTF-8 they can be
 * viewed as a Java {@link String}; the decoding is performed at most once, on first request.
 *
 * <p>For performance the byte array handed to {@link #of(byte[])} is kept as is (no defensive
 * copy) and {@link #getBytes()} returns that same array. Callers must treat both as read-only:
 * mutating the array after the fact breaks equality, hashing and any cached string view.
 */
public class GlideString implements Comparable<GlideString> {

    /** The raw content. Never null. */
    private byte[] bytes;

    /** Cached decoded text; null until computed (or when the bytes are not valid UTF-8). */
    private volatile String string;

    /** 0 = not yet checked, 1 = valid UTF-8, -1 = not valid UTF-8. */
    private volatile int utf8State;

    private GlideString() {}

    /** Creates a value holding the UTF-8 encoding of {@code string}. */
    public static GlideString of(String string) {
        GlideString result = new GlideString();
        result.bytes = string.getBytes(StandardCharsets.UTF_8);
        result.string = string;
        result.utf8State = 1;
        return result;
    }

    /** Creates a value wrapping {@code bytes} (not copied, see the class documentation). */
    public static GlideString of(byte[] bytes) {
        GlideString result = new GlideString();
        result.bytes = bytes;
        return result;
    }

    /**
     * Converts an arbitrary argument: a {@link String} is UTF-8 encoded, a {@code byte[]} is
     * wrapped, a {@link GlideString} is returned unchanged, anything else goes through {@link
     * String#valueOf(Object)}.
     */
    public static <ArgType> GlideString of(ArgType o) {
        if (o instanceof GlideString) {
            return (GlideString) o;
        }
        if (o instanceof byte[]) {
            return of((byte[]) o);
        }
        if (o instanceof String) {
            return of((String) o);
        }
        return of(String.valueOf(o));
    }

    /** Short alias of {@link #of(String)}. */
    public static GlideString gs(String string) {
        return of(string);
    }

    /** Short alias of {@link #of(byte[])}. */
    public static GlideString gs(byte[] bytes) {
        return of(bytes);
    }

    /** The raw bytes (the internal array, which must not be modified). */
    public byte[] getBytes() {
        return bytes;
    }

    /** Same as {@link #getString()}. */
    @Override
    public String toString() {
        return getString();
    }

    /**
     * The content as text. Valid UTF-8 content is decoded exactly. Content that is not valid UTF-8
     * cannot be represented faithfully; then, as valkey-glide 2.3.1 does (code and tests compare
     * with it), the text is {@code "Value not convertible to string: byte[] "} followed by
     * {@link java.util.Arrays#hashCode(byte[])} of the bytes, and no exception is thrown. Use
     * {@link #canConvertToString()} to tell the two cases apart, and {@link #getBytes()} for the
     * content.
     */
    public String getString() {
        if (canConvertToString()) {
            return string;
        }
        return "Value not convertible to string: byte[] " + Arrays.hashCode(bytes);
    }

    /** Unsigned lexicographic comparison of the raw bytes (the same ordering the server uses). */
    @Override
    public int compareTo(GlideString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** Whether the content is valid UTF-8, i.e. {@link #getString()} is an exact decoding. */
    public boolean canConvertToString() {
        int state = utf8State;
        if (state == 0) {
            CharsetDecoder decoder =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                string = decoder.decode(ByteBuffer.wrap(bytes)).toString();
                state = 1;
            } catch (CharacterCodingException e) {
                state = -1;
            }
            utf8State = state;
        }
        return state == 1;
    }

    /** Two values are equal when their bytes are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GlideString)) {
            return false;
        }
        return Arrays.equals(bytes, ((GlideString) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Returns a new value made of this value's bytes followed by {@code other}'s bytes. */
    public GlideString concat(GlideString other) {
        byte[] joined = Arrays.copyOf(bytes, bytes.length + other.bytes.length);
        System.arraycopy(other.bytes, 0, joined, bytes.length, other.bytes.length);
        return of(joined);
    }
}
