package io.glidejni.bench;

import glide.api.GlideClient;
import glide.api.models.GlideString;

/**
 * The callbacks (non-blocking) benchmark for glide-jni (this project): one {@link GlideClient}, each
 * request's next one issued from its future's {@code whenComplete}. See {@link CallbacksDriver}
 * and {@code benchmarks/callbacks/run.sh}.
 *
 * <p>With {@code -Dbench.text=true} it calls the String API ({@code get(String)}) instead of the
 * binary one ({@code get(GlideString)}).
 *
 * <p>The valkey-glide module's {@code CallbacksMain} is this file with another client name.
 */
public final class CallbacksMain {
    private CallbacksMain() {}

    public static void main(String[] args) {
        CallbacksDriver.main("glide-jni", args, () -> client(GlideJniBench.connect()));
    }

    private static AsyncBenchClient<?> client(GlideClient client) {
        if (BenchConfig.text()) {
            return AsyncBenchClient.<String>of(
                    AsyncBenchClient::text, client::get, client::set, AsyncBenchClient::textBytes, client);
        }
        return AsyncBenchClient.<GlideString>of(
                GlideString::of, client::get, client::set, r -> ((GlideString) r).getBytes(), client);
    }
}
