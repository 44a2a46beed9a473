package glide.utils;

import java.util.Arrays;

/**
 * Array helpers. valkey-glide 2.3.1's public class of this name also holds its reply-conversion
 * internals; glide-jni converts replies elsewhere, so only the general-purpose
 * {@link #concatenateArrays} is here, for code that calls it.
 */
public final class ArrayTransformUtils {
    private ArrayTransformUtils() {}

    /** The elements of every array in {@code arrays}, in order, in an array of the first one's type. */
    @SafeVarargs
    public static <T> T[] concatenateArrays(T[]... arrays) {
        int length = 0;
        for (T[] array : arrays) {
            length += array.length;
        }
        T[] joined = Arrays.copyOf(arrays[0], length);
        int at = arrays[0].length;
        for (int i = 1; i < arrays.length; i++) {
            System.arraycopy(arrays[i], 0, joined, at, arrays[i].length);
            at += arrays[i].length;
        }
        return joined;
    }
}
