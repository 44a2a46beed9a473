package glide.api.logging;

import glide.internal.LogBridge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The client's own log stream, shared by the native core's events and the application's {@link
 * #log} calls, written to stdout or to a file. Source-compatible with valkey-glide 2.3.1's {@code
 * Logger}.
 *
 * <p>Two ways to set it up: {@link #init} configures it only if nothing did before; {@link
 * #setLoggerConfig} replaces the configuration (lines logged afterwards go to the new destination
 * only). A {@link #log} call before either configures it with the defaults: level {@link
 * Level#WARN}, to stdout.
 *
 * <p>With a file name, lines go to {@code glide-logs/<fileName>.YYYY-MM-DD-HH} under the working
 * directory (or under {@code $GLIDE_LOG_DIR} when set), a new file every hour (UTC), and not to
 * stdout. Each line reads {@code <UTC time> <LEVEL> <logger name>: <message>}; an application
 * line's message is {@code <logIdentifier> - <message>}.
 *
 * <p>This stream is separate from the JVM's logging: whether or not it is configured, the core's
 * events also reach SLF4J or {@code java.util.logging} at the levels those enable (see the README,
 * "Logging"); {@code Logger.log} lines go to this stream only.
 */
public final class Logger {
    /** A level; a line is kept when its level is at most the configured one. */
    public enum Level {
        /** The core's default: {@link #WARN}. */
        DEFAULT(-1),
        ERROR(0),
        WARN(1),
        INFO(2),
        DEBUG(3),
        TRACE(4),
        /** Nothing is logged. */
        OFF(5);

        private final int level;

        Level(int level) {
            this.level = level;
        }

        /** The level with this number; {@link #DEFAULT} for any number not listed. */
        public static Level fromInt(int i) {
            switch (i) {
                case 0:
                    return ERROR;
                case 1:
                    return WARN;
                case 2:
                    return INFO;
                case 3:
                    return DEBUG;
                case 4:
                    return TRACE;
                case 5:
                    return OFF;
                default:
                    return DEFAULT;
            }
        }

        /** This level's number: ERROR 0 to TRACE 4, OFF 5, DEFAULT -1. */
        public int getLevel() {
            return level;
        }
    }

    /** The level in force; null until configured. Volatile: any thread may configure. */
    private static volatile Level loggerLevel;

    private static void initLogger(Level level, String fileName) {
        Objects.requireNonNull(level, "level");
        loggerLevel = Level.fromInt(LogBridge.configureLogger(level.getLevel(), fileName));
    }

    /**
     * Configures the log stream unless it is configured already: lines of {@code level} and more
     * severe go to the file {@code fileName} (see the class comment), or to stdout when null.
     */
    public static void init(Level level, String fileName) {
        Objects.requireNonNull(level, "level");
        synchronized (Logger.class) {
            if (loggerLevel == null) {
                initLogger(level, fileName);
            }
        }
    }

    /** {@link #init(Level, String)} at the default level. */
    public static void init(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        init(Level.DEFAULT, fileName);
    }

    /** {@link #init(Level, String)} at the default level, to stdout. */
    public static void init() {
        init(Level.DEFAULT, null);
    }

    /** {@link #init(Level, String)} to stdout. */
    public static void init(Level level) {
        init(level, null);
    }

    /**
     * Logs the message {@code messageSupplier} gives, if {@code level} is kept; the supplier is not
     * called otherwise.
     *
     * @param logIdentifier the context of the line (a component, a task); it prefixes the message
     */
    public static void log(Level level, String logIdentifier, Supplier<String> messageSupplier) {
        Objects.requireNonNull(messageSupplier, "messageSupplier");
        if (kept(level, logIdentifier)) {
            LogBridge.logFromApplication(level.getLevel(), logIdentifier, messageSupplier.get());
        }
    }

    /** Logs {@code message} if {@code level} is kept (see {@link #log(Level, String, Supplier)}). */
    public static void log(Level level, String logIdentifier, String message) {
        Objects.requireNonNull(message, "message");
        if (kept(level, logIdentifier)) {
            LogBridge.logFromApplication(level.getLevel(), logIdentifier, message);
        }
    }

    /** Logs {@code message}, a colon and {@code throwable}'s stack trace, if {@code level} is kept. */
    public static void log(Level level, String logIdentifier, String message, Throwable throwable) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(throwable, "throwable");
        if (kept(level, logIdentifier)) {
            LogBridge.logFromApplication(level.getLevel(), logIdentifier, message + ": " + stackTrace(throwable));
        }
    }

    /**
     * Logs the supplied message, a colon and {@code throwable}'s stack trace, if {@code level} is
     * kept; the supplier is not called otherwise.
     */
    public static void log(
            Level level, String logIdentifier, Supplier<String> messageSupplier, Throwable throwable) {
        Objects.requireNonNull(messageSupplier, "messageSupplier");
        Objects.requireNonNull(throwable, "throwable");
        if (kept(level, logIdentifier)) {
            LogBridge.logFromApplication(
                    level.getLevel(), logIdentifier, messageSupplier.get() + ": " + stackTrace(throwable));
        }
    }

    /** Whether a line of {@code level} is kept; configures the defaults on first use. */
    private static boolean kept(Level level, String logIdentifier) {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logIdentifier, "logIdentifier");
        if (loggerLevel == null) {
            init();
        }
        // DEFAULT (-1) as a line's level passes every level but OFF; the core writes it as WARN.
        return level != Level.OFF && level.getLevel() <= loggerLevel.getLevel();
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            throwable.printStackTrace(writer);
        }
        return out.toString();
    }

    /**
     * Replaces the configuration: lines of {@code level} and more severe go to the file {@code
     * fileName} (see the class comment), or to stdout when null. {@link Level#OFF} turns logging off.
     */
    public static void setLoggerConfig(Level level, String fileName) {
        synchronized (Logger.class) {
            initLogger(level, fileName);
        }
    }

    /** {@link #setLoggerConfig(Level, String)} to stdout. */
    public static void setLoggerConfig(Level level) {
        setLoggerConfig(level, null);
    }

    /** {@link #setLoggerConfig(Level, String)} at the default level. */
    public static void setLoggerConfig(String fileName) {
        setLoggerConfig(Level.DEFAULT, fileName);
    }

    /** {@link #setLoggerConfig(Level, String)} at the default level, to stdout. */
    public static void setLoggerConfig() {
        setLoggerConfig(Level.DEFAULT, null);
    }

    /** The level in force, or null if the stream was never configured. */
    public static Level getLoggerLevel() {
        return loggerLevel;
    }
}
