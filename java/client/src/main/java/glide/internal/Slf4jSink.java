package glide.internal;

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
    public boolean enabled(String name, int level) {
        Logger logger = factory.getLogger(name);
        switch (level) {
            case LogBridge.ERROR:
                return logger.isErrorEnabled();
            case LogBridge.WARN:
                return logger.isWarnEnabled();
            case LogBridge.INFO:
                return logger.isInfoEnabled();
            case LogBridge.DEBUG:
                return logger.isDebugEnabled();
            default:
                return logger.isTraceEnabled();
        }
    }

    @Override
    public void log(String name, int level, String message) {
        Logger logger = factory.getLogger(name);
        switch (level) {
            case LogBridge.ERROR:
                logger.error(message);
                break;
            case LogBridge.WARN:
                logger.warn(message);
                break;
            case LogBridge.INFO:
                logger.info(message);
                break;
            case LogBridge.DEBUG:
                logger.debug(message);
                break;
            default:
                logger.trace(message);
                break;
        }
    }
}
