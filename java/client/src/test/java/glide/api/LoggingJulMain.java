package glide.api;

import glide.api.logging.Logger;
import glide.api.models.configuration.ServerCredentials;
import glide.internal.LogBridge;
import glide.testutil.RedisServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Run by {@link LoggingJulTest} in a JVM without SLF4J: captures the {@code glide} loggers of
 * {@code java.util.logging} with a handler and turns the {@link Logger} console on, then kills and
 * restarts a server and tries a wrong password. Prints {@code backend <name>}, then each captured
 * line as {@code JUL| <LEVEL> <logger>: <message>}; the Logger's own lines go to stdout as they come.
 */
public final class LoggingJulMain {
    public static void main(String[] args) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        // A strong reference: java.util.logging keeps loggers only weakly.
        java.util.logging.Logger glide = java.util.logging.Logger.getLogger("glide");
        glide.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        // Only errors at first: the client below is created while WARN and INFO are off.
        glide.setLevel(java.util.logging.Level.SEVERE);
        System.out.println("level before " + Logger.getLoggerLevel());
        Logger.init(Logger.Level.INFO);
        Logger.init(Logger.Level.ERROR); // configured already: no change
        System.out.println("level after " + Logger.getLoggerLevel());
        Logger.log(Logger.Level.INFO, "child", "hello console");
        System.out.println("backend " + LogBridge.backend());
        try (RedisServer server = RedisServer.start();
                GlideClient client = GlideClient.createClient(LoggingTest.config(server).build()).get(10, TimeUnit.SECONDS)) {
            // Raised at run time, with no client created nor Logger configured since: the
            // periodic refresh (every 10 s) must tell the core.
            glide.setLevel(java.util.logging.Level.INFO);
            Thread.sleep(11_000);
            server.kill();
            LoggingTest.awaitLine(() -> lines, "glide.connection: connection to " + server.host() + ":" + server.port() + " lost");
            server.restart();
            LoggingTest.awaitLine(() -> lines, "glide.connection: reconnected to " + server.host() + ":" + server.port());
            System.out.println("PING " + client.ping().get(5, TimeUnit.SECONDS));
        }
        try (RedisServer server = RedisServer.start()) {
            LoggingTest.killAndRestart(server, () -> lines);
        }
        try (RedisServer server = RedisServer.start("--requirepass", "right")) {
            try {
                GlideClient.createClient(LoggingTest.config(server)
                                .credentials(ServerCredentials.builder().password("wrong").build())
                                .build())
                        .get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException expected) {
                // the refusal is what this run is for
            }
            LoggingTest.awaitLine(() -> lines, "glide.auth: authentication refused by");
        }
        for (String line : lines) {
            System.out.println("JUL| " + line);
        }
        System.out.flush();
    }
}
