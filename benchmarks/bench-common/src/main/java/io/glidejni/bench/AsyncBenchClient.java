package io.glidejni.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One client under test, as {@link CallbacksDriver} sees it: start a request, get its {@link
 * CompletionStage}. Each client module implements it in its {@code CallbacksMain}.
 *
 * @param <T> the client's own form of a key or value ({@code GlideString}, {@code byte[]}),
 *     made once per key by {@link #wrap} before the measurement, as the JMH benchmarks do
 */
public interface AsyncBenchClient<T> extends AutoCloseable {
    /** The client's form of the key or value {@code raw}. */
    T wrap(byte[] raw);

    /** Starts {@code GET key}; the stage completes with the reply (null for a missing key). */
    CompletionStage<?> get(T key);

    /** Starts {@code SET key value}. */
    CompletionStage<?> set(T key, T value);

    /** The bytes of a reply of {@link #get} (null for null), for the set-up checks. */
    byte[] bytes(Object getReply);

    /**
     * A client from its parts: how it makes a key or value, starts GET and SET, reads a GET's
     * reply back as bytes, and closes. Each module's {@code CallbacksMain} builds its clients so.
     */
    static <T> AsyncBenchClient<T> of(
            Function<byte[], T> wrap,
            Function<T, CompletionStage<?>> get,
            BiFunction<T, T, CompletionStage<?>> set,
            Function<Object, byte[]> bytes,
            AutoCloseable close) {
        return new AsyncBenchClient<T>() {
            @Override
            public T wrap(byte[] raw) {
                return wrap.apply(raw);
            }

            @Override
            public CompletionStage<?> get(T key) {
                return get.apply(key);
            }

            @Override
            public CompletionStage<?> set(T key, T value) {
                return set.apply(key, value);
            }

            @Override
            public byte[] bytes(Object getReply) {
                return getReply == null ? null : bytes.apply(getReply);
            }

            @Override
            public void close() throws Exception {
                close.close();
            }
        };
    }

    /** The String form of a key or value (UTF-8; the workloads' bytes are ASCII). */
    static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }

    /** The bytes of a String reply. */
    static byte[] textBytes(Object reply) {
        return ((String) reply).getBytes(StandardCharsets.UTF_8);
    }
}
