package glide.api;

import static glide.api.Clients.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Checks that a defined command's explicit reply shape (glide.internal.commands) gives the same
 * result as the shape the core derives from the same bytes (customCommand, which sends NATURAL).
 * The two run on two keys set up alike, so a command that writes sees the same state both times;
 * the customCommand reply goes through the definition's own converter.
 */
final class SameAsDerived {
    private SameAsDerived() {}

    /** Sets up {@code key} (and any keys named after it) for one side of the comparison. */
    interface Setup {
        void on(GlideClient client, String key) throws Exception;
    }

    static final Setup NOTHING = (client, key) -> {};

    /**
     * Runs {@code typed} on one fresh key and {@code raw}'s arguments as customCommand on another,
     * both first set up by {@code setup}: the customCommand reply converted by {@code convert} must
     * equal the typed result, and that must equal {@code expected}.
     */
    static <T> void check(
            GlideClient client,
            Setup setup,
            Function<String, CompletableFuture<T>> typed,
            Function<String, String[]> raw,
            Function<Object, T> convert,
            Object expected)
            throws Exception {
        String typedKey = "d-" + UUID.randomUUID();
        String rawKey = "d-" + UUID.randomUUID();
        setup.on(client, typedKey);
        setup.on(client, rawKey);
        T viaDefinition = await(typed.apply(typedKey));
        T viaProbe = convert.apply(await(client.customCommand(raw.apply(rawKey))));
        String command = Arrays.toString(raw.apply("<key>"));
        assertTrue(deepEquals(viaDefinition, viaProbe), command + ": " + show(viaDefinition) + " vs " + show(viaProbe));
        assertTrue(deepEquals(expected, viaDefinition), command + ": " + show(viaDefinition));
    }

    /** Arrays and maps compared by content, all the way down. */
    static boolean deepEquals(Object a, Object b) {
        if (a instanceof Object[] && b instanceof Object[]) {
            Object[] x = (Object[]) a;
            Object[] y = (Object[]) b;
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!deepEquals(x[i], y[i])) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map && b instanceof Map) {
            Map<?, ?> x = (Map<?, ?>) a;
            Map<?, ?> y = (Map<?, ?>) b;
            if (!x.keySet().equals(y.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> e : x.entrySet()) {
                if (!deepEquals(e.getValue(), y.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    static String show(Object v) {
        if (v instanceof Object[]) {
            return Arrays.deepToString((Object[]) v);
        }
        if (v instanceof Map) {
            StringBuilder out = new StringBuilder("{");
            ((Map<?, ?>) v).forEach((k, x) -> out.append(k).append('=').append(show(x)).append(", "));
            return out.append('}').toString();
        }
        return String.valueOf(v);
    }
}
