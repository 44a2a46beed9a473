package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Without SLF4J on the class path, core log lines reach {@code java.util.logging} (through {@code
 * System.Logger}), a level raised at run time takes effect without a new client, and {@code
 * Logger.init} writes the core's lines, with the application's, to stdout. Runs
 * {@link LoggingJulMain} in a child JVM whose class path lacks slf4j-api: this JVM has SLF4J.
 */
class LoggingJulTest {
    @Test
    void withoutSlf4jCoreLinesReachJavaUtilLoggingAndTheLoggerConsole() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
        for (String property : new String[] {"glide.native.library", "glide.test.redisServer"}) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add("glide.api.LoggingJulMain");
        Path log = Files.createTempFile("logging-jul", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = child.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue(exited, "child JVM still running after 90 s:\n" + output);
        assertEquals(0, child.exitValue(), output);

        assertTrue(output.contains("backend system"), output);
        assertTrue(output.contains("PING PONG"), output);
        assertTrue(output.contains("level before null\n") && output.contains("level after INFO\n"), output);
        // java.util.logging, through System.Logger.
        assertTrue(output.matches("(?s).*JUL\\| WARNING glide\\.connection: connection to 127\\.0\\.0\\.1:\\d+ lost.*"), output);
        assertTrue(output.matches("(?s).*JUL\\| WARNING glide\\.connection: reconnected to 127\\.0\\.0\\.1:\\d+.*"), output);
        assertTrue(output.matches("(?s).*JUL\\| WARNING glide\\.auth: authentication refused by 127\\.0\\.0\\.1:\\d+: .*WRONGPASS.*"), output);
        // The Logger's console: the application's line and the core's, in the same stream.
        assertTrue(output.matches("(?s).*Z  INFO glide: child - hello console\n.*"), output);
        assertTrue(output.matches("(?s).*Z  WARN glide\\.connection: connection to 127\\.0\\.0\\.1:\\d+ lost.*"), output);
        assertTrue(output.matches("(?s).*Z  WARN glide\\.connection: reconnected to 127\\.0\\.0\\.1:\\d+.*"), output);
    }
}
