package io.glidejni.bench;

import static glide.api.models.GlideString.gs;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * The callbacks (non-blocking) benchmark for glide-jni (this project): one {@link GlideClient}, each
 * request's next one issued from its future's {@code whenComplete}. See {@link CallbacksDriver}
 * and {@code benchmarks/callbacks/run.sh}.
 *
 * <p>The valkey-glide module's {@code CallbacksMain} is this file with another client name.
 */
public final class CallbacksMain {
    private CallbacksMain() {}

    public static void main(String[] args) {
        CallbacksDriver.main(
                "glide-jni",
                args,
                () -> BenchConfig.text() ? new TextClient(GlideJniBench.connect()) : new Client(GlideJniBench.connect()));
    }

    private static final class Client implements AsyncBenchClient<GlideString> {
        private final GlideClient client;

        Client(GlideClient client) {
            this.client = client;
        }

        @Override
        public GlideString wrap(byte[] raw) {
            return gs(raw);
        }

        @Override
        public CompletionStage<?> get(GlideString key) {
            return client.get(key);
        }

        @Override
        public CompletionStage<?> set(GlideString key, GlideString value) {
            return client.set(key, value);
        }

        @Override
        public byte[] bytes(Object getReply) {
            return getReply == null ? null : ((GlideString) getReply).getBytes();
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }

    /** The same client through its String API ({@code -Dbench.text=true}). */
    private static final class TextClient implements AsyncBenchClient<String> {
        private final GlideClient client;

        TextClient(GlideClient client) {
            this.client = client;
        }

        @Override
        public String wrap(byte[] raw) {
            return new String(raw, StandardCharsets.UTF_8);
        }

        @Override
        public CompletionStage<?> get(String key) {
            return client.get(key);
        }

        @Override
        public CompletionStage<?> set(String key, String value) {
            return client.set(key, value);
        }

        @Override
        public byte[] bytes(Object getReply) {
            return getReply == null ? null : ((String) getReply).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }
}
