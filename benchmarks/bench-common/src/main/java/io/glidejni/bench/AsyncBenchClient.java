package io.glidejni.bench;

import java.util.concurrent.CompletionStage;

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
}
