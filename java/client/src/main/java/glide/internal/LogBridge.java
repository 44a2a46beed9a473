package glide.internal;

import glide.api.logging.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands the native core's log records to the application's logging: SLF4J when {@code
 * org.slf4j.LoggerFactory} is on the class path and bound to a real backend, {@code System.Logger}
 * (by default {@code java.util.logging}) otherwise. Logger names are the core's areas ({@code
 * glide.connection}, {@code glide.cluster}, ...; {@link NativeBridge#logAreas}).
 *
 * <p>The core decides what to send before it formats anything: {@link #refreshLevel} tells it the
 * most verbose level any {@code glide.*} logger enables, when a client is created, when {@code
 * Logger} is configured, and every 10 seconds (a level changed at run time takes effect within
 * that). Records wait in a bounded native queue; one daemon
 * thread, {@code glide-log}, takes them and calls the backend, so a slow appender never stalls a
 * connection (when the queue overflows, the core counts the drops and says so in the next record).
 *
 * <p>Internal: public only for {@code glide.api.logging.Logger}.
 */
public final class LogBridge {
    private LogBridge() {}

    /** How often the thread asks the application's logging for its levels again. */
    private static final long REFRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    /** How many records the thread takes per native call. */
    private static final int BATCH = 256;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Sink sink;

    /** One logging backend. */
    interface Sink {
        /** Whether the logger {@code name} logs at {@code level}. */
        boolean enabled(String name, Level level);

        void log(String name, Level level, String message);
    }

    /** The backend in use: "slf4j" or "system" (for tests and diagnostics). */
    public static String backend() {
        return sink().getClass() == SystemLoggerSink.class ? "system" : "slf4j";
    }

    private static Sink sink() {
        Sink s = sink;
        if (s == null) {
            synchronized (LogBridge.class) {
                if (sink == null) {
                    sink = choose();
                }
                s = sink;
            }
        }
        return s;
    }

    private static Sink choose() {
        try {
            Class.forName("org.slf4j.LoggerFactory", false, LogBridge.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return new SystemLoggerSink();
        }
        // SLF4J without a binding logs nothing (its NOP fallback): the JVM's logging is better.
        Sink slf4j = Slf4jSink.ifBound();
        return slf4j != null ? slf4j : new SystemLoggerSink();
    }

    /**
     * Tells the core which levels the application's logging enables for the glide loggers, and
     * starts the thread that takes the records (once).
     */
    public static void refreshLevel() {
        Sink s = sink();
        // Levels cross JNI as Wire.LogLevel codes, which are Logger.Level's numbers (WireTest
        // checks) and grow with verbosity from ERROR to TRACE: count down from the most verbose.
        int most = Wire.LogLevel.ERROR - 1; // none yet
        for (String area : NativeBridge.logAreas()) {
            for (int l = Wire.LogLevel.TRACE; l > most && l >= Wire.LogLevel.ERROR; l--) {
                if (s.enabled(area, Level.fromInt(l))) {
                    most = l;
                    break;
                }
            }
        }
        NativeBridge.setJvmLogLevel(most < Wire.LogLevel.ERROR ? Wire.LogLevel.OFF : most);
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(LogBridge::drain, "glide-log");
            t.setDaemon(true);
            t.start();
        }
    }

    /**
     * {@code Logger.init}/{@code setLoggerConfig}: configures the core's Logger sink ({@code level}
     * a Logger.Level number, a {@link Wire.LogLevel} code; {@code fileName} null for stdout) and
     * returns the level in force.
     */
    public static int configureLogger(int level, String fileName) {
        int inForce = NativeBridge.configureLogger(level, fileName);
        refreshLevel();
        return inForce;
    }

    /** {@code Logger.log}: one line to the Logger sink. */
    public static void logFromApplication(int level, String identifier, String message) {
        NativeBridge.logFromApplication(level, identifier, message);
    }

    private static void drain() {
        int[] levels = new int[BATCH];
        String[] texts = new String[BATCH * Wire.LogRecord.LEN];
        long nextRefresh = System.nanoTime() + REFRESH_NANOS;
        while (true) {
            if (System.nanoTime() - nextRefresh >= 0) {
                // Levels changed at run time (a logging configuration reloaded) take effect here.
                try {
                    refreshLevel();
                } catch (RuntimeException | LinkageError e) {
                    // The application's logging failed to answer; keep the levels we have.
                }
                nextRefresh = System.nanoTime() + REFRESH_NANOS;
            }
            int n;
            try {
                n = NativeBridge.takeLogRecords(levels, texts, 1000);
            } catch (RuntimeException e) {
                // Cannot happen short of a bug in the core; keep the thread, do not spin.
                n = 0;
                sleepQuietly();
            }
            Sink s = sink();
            for (int i = 0; i < n; i++) {
                int at = i * Wire.LogRecord.LEN;
                try {
                    s.log(texts[at + Wire.LogRecord.AREA], Level.fromInt(levels[i]), texts[at + Wire.LogRecord.MESSAGE]);
                } catch (RuntimeException | LinkageError e) {
                    // The application's logging failed; the next record may fare better.
                }
                // Let the strings go now, not when the slot is next written.
                java.util.Arrays.fill(texts, at, at + Wire.LogRecord.LEN, null);
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code System.Logger}: {@code java.util.logging} unless the platform was given another. */
    static final class SystemLoggerSink implements Sink {
        private static System.Logger.Level level(Level level) {
            switch (level) {
                case ERROR:
                    return System.Logger.Level.ERROR;
                case WARN:
                    return System.Logger.Level.WARNING;
                case INFO:
                    return System.Logger.Level.INFO;
                case DEBUG:
                    return System.Logger.Level.DEBUG;
                default:
                    return System.Logger.Level.TRACE;
            }
        }

        @Override
        public boolean enabled(String name, Level level) {
            return System.getLogger(name).isLoggable(level(level));
        }

        @Override
        public void log(String name, Level level, String message) {
            System.getLogger(name).log(level(level), message);
        }
    }
}
