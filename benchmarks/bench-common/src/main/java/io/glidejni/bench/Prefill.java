package io.glidejni.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

/**
 * Pre-fills the key space of every workload through any setter ({@code (key, value) -> SET}).
 *
 * <p>{@code main} writes the same SETs as RESP to stdout for {@code redis-cli --pipe}, so the
 * benchmark script needs no client library: <br>
 * {@code java -cp benchmarks.jar io.glidejni.bench.Prefill | redis-cli -p PORT --pipe}.
 */
public final class Prefill {
    private Prefill() {}

    /** Issues every SET the workloads need; returns the number of keys written. */
    public static int prefill(BiConsumer<byte[], byte[]> setter) {
        int n = 0;
        for (int i = 0; i < Workload.W1_EXISTING; i++) {
            setter.accept(Workload.W1_KEY_BYTES[i], Workload.value(Workload.SMALL_VALUE, i));
            n++;
        }
        setter.accept(Workload.W2_16K_KEY, Workload.value(Workload.W2_SMALL, 16));
        setter.accept(Workload.W2_512K_KEY, Workload.value(Workload.W2_LARGE, 512));
        n += 2;
        for (int i = 0; i < Workload.W3_KEYS; i++) {
            setter.accept(Workload.W3_KEY_BYTES[i], Workload.value(Workload.SMALL_VALUE, 3 + i));
            n++;
        }
        return n;
    }

    /** Number of keys {@link #prefill} writes (what DBSIZE shows afterwards on an empty server). */
    public static int expectedKeys() {
        return Workload.W1_EXISTING + 2 + Workload.W3_KEYS;
    }

    /** Writes the pre-fill as RESP to stdout; {@code --count} prints the number of keys instead. */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--count")) {
            System.out.println(expectedKeys());
            return;
        }
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        int n =
                prefill(
                        (k, v) -> {
                            try {
                                out.write(ascii("*3\r\n$3\r\nSET\r\n"));
                                bulk(out, k);
                                bulk(out, v);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
        out.flush();
        System.err.println("Prefill: " + n + " SETs written");
    }

    private static void bulk(OutputStream out, byte[] b) throws IOException {
        out.write(ascii("$" + b.length + "\r\n"));
        out.write(b);
        out.write(ascii("\r\n"));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
