package glide.internal;

import java.lang.ref.Cleaner;
import java.util.HashMap;
import java.util.Map;

/**
 * The code of every open {@link glide.api.models.Script}, by SHA-1: what {@code invokeScript}
 * loads when a server answers NOSCRIPT. Scripts with the same code share one entry, counted; the
 * code is forgotten when the last of them is closed (or becomes unreachable), so invoking a closed
 * script after the server's cache was flushed fails with the server's NOSCRIPT, as in
 * valkey-glide 2.3.1, whose script container behaves so. Heap memory only.
 */
public final class ScriptCache {
    private static final Map<String, Entry> ENTRIES = new HashMap<>();

    private ScriptCache() {}

    private static final class Entry {
        final byte[] code;
        int holders;

        Entry(byte[] code) {
            this.code = code;
        }
    }

    /**
     * Counts one more holder of {@code code} (whose SHA-1 is {@code hash}) and returns what
     * releases it, once, however often it runs: on {@code close()}, or when {@code owner} becomes
     * unreachable.
     */
    public static Runnable hold(Object owner, String hash, byte[] code) {
        synchronized (ENTRIES) {
            ENTRIES.computeIfAbsent(hash, h -> new Entry(code)).holders++;
        }
        Release release = new Release(hash);
        // A script never closed must not keep its code forever: released when unreachable, on
        // the cleaner thread the native handles use.
        Cleaner.Cleanable cleanable = NativeClient.CLEANER.register(owner, release);
        return cleanable::clean;
    }

    /** The code of an open script with this SHA-1, or null when none is open. */
    public static byte[] codeOf(String hash) {
        synchronized (ENTRIES) {
            Entry entry = ENTRIES.get(hash);
            return entry == null ? null : entry.code;
        }
    }

    /** Holds no reference to the script itself (that would keep it reachable for the Cleaner). */
    private static final class Release implements Runnable {
        private final String hash;

        Release(String hash) {
            this.hash = hash;
        }

        @Override
        public void run() {
            synchronized (ENTRIES) {
                Entry entry = ENTRIES.get(hash);
                if (entry != null && --entry.holders == 0) {
                    ENTRIES.remove(hash);
                }
            }
        }
    }
}
