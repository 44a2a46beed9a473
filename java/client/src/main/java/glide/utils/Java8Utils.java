package glide.utils;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collection helpers in the style of Java 9's {@code Map.of} / {@code Set.of} for code that must
 * also compile on Java 8. valkey-glide 2.3.1 ships this public class and code written against it
 * (its own integration tests among them) imports it, so glide-jni has one too. Unlike
 * {@code Map.of}, the maps and sets are mutable {@link HashMap}s / {@link HashSet}s, accept
 * {@code null} and keep the last value of a repeated key, as valkey-glide's do.
 */
public final class Java8Utils {
    private Java8Utils() {}

    /** Compares {@code a} and {@code b} byte by byte as signed bytes, then by length. */
    public static int compareByteArrays(byte[] a, byte[] b) {
        int common = Math.min(a.length, b.length);
        for (int i = 0; i < common; i++) {
            if (a[i] != b[i]) {
                return Byte.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** An empty mutable map. */
    public static <K, V> Map<K, V> createMap() {
        return new HashMap<>();
    }

    /** A mutable map holding the given key-value pairs, in argument order. */
    public static <K, V> Map<K, V> createMap(K k1, V v1) {
        Map<K, V> map = new HashMap<>();
        map.put(k1, v1);
        return map;
    }

    /** A mutable map holding the given key-value pairs, in argument order. */
    public static <K, V> Map<K, V> createMap(K k1, V v1, K k2, V v2) {
        Map<K, V> map = new HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /** A mutable map holding the given key-value pairs, in argument order. */
    public static <K, V> Map<K, V> createMap(K k1, V v1, K k2, V v2, K k3, V v3) {
        Map<K, V> map = new HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        return map;
    }

    /** A mutable map holding the given key-value pairs, in argument order. */
    public static <K, V> Map<K, V> createMap(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4) {
        Map<K, V> map = new HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        map.put(k4, v4);
        return map;
    }

    /** A mutable map holding the given key-value pairs, in argument order. */
    public static <K, V> Map<K, V> createMap(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5) {
        Map<K, V> map = new HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        map.put(k4, v4);
        map.put(k5, v5);
        return map;
    }

    /** A mutable map holding the given key-value pairs, in argument order. */
    public static <K, V> Map<K, V> createMap(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6) {
        Map<K, V> map = new HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        map.put(k4, v4);
        map.put(k5, v5);
        map.put(k6, v6);
        return map;
    }

    /** A mutable map holding the given key-value pairs, in argument order. */
    public static <K, V> Map<K, V> createMap(K k1, V v1, K k2, V v2, K k3, V v3, K k4, V v4, K k5, V v5, K k6, V v6, K k7, V v7) {
        Map<K, V> map = new HashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        map.put(k3, v3);
        map.put(k4, v4);
        map.put(k5, v5);
        map.put(k6, v6);
        map.put(k7, v7);
        return map;
    }

    /** A mutable set of {@code elements} (duplicates kept once). */
    @SafeVarargs
    public static <T> Set<T> createSet(T... elements) {
        return new HashSet<>(Arrays.asList(elements));
    }

    /** An empty, immutable list. */
    public static <T> List<T> createList() {
        return Collections.emptyList();
    }

    /** A fixed-size list backed by {@code elements}. */
    @SafeVarargs
    public static <T> List<T> createList(T... elements) {
        return Arrays.asList(elements);
    }

    /** {@code str} {@code count} times over ({@code String.repeat} of Java 11). */
    public static String repeat(String str, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count is negative: " + count);
        }
        StringBuilder out = new StringBuilder(str.length() * count);
        for (int i = 0; i < count; i++) {
            out.append(str);
        }
        return out.toString();
    }
}
