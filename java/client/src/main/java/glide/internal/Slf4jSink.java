package glide.internal;

import glide.api.logging.Logger.Level;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SLF4J backend of {@link LogBridge}. A class of its own so that nothing loads SLF4J's classes
 * unless {@code LogBridge} found them on the class path (it is an optional dependency).
 */
final class Slf4jSink implements LogBridge.Sink {
    private final ILoggerFactory factory;

    private Slf4jSink(ILoggerFactory factory) {
        this.factory = factory;
    }

    /** The SLF4J sink, or null when SLF4J has no binding (its NOP logger factory). */
    static LogBridge.Sink ifBound() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        String name = factory.getClass().getName();
        if (name.startsWith("org.slf4j.helpers.NOP") || name.startsWith("org.slf4j.helpers.Substitute")) {
            return null;
        }
        return new Slf4jSink(factory);
    }

    @Override
    public boolean enabled(String name, Level level) {
        Logger logger = factory.getLogger(name);
        switch (level) {
            case ERROR:
                return logger.isErrorEnabled();
            case WARN:
                return logger.isWarnEnabled();
            case INFO:
                return logger.isInfoEnabled();
            case DEBUG:
                return logger.isDebugEnabled();
            default:
                return logger.isTraceEnabled();
        }
    }

    @Override
    public void log(String name, Level level, String message) {
        Logger logger = factory.getLogger(name);
        switch (level) {
            case ERROR:
                logger.error(message);
                break;
            case WARN:
                logger.warn(message);
                break;
            case INFO:
                logger.info(message);
                break;
            case DEBUG:
                logger.debug(message);
                break;
            default:
                logger.trace(message);
                break;
        }
    }
}
