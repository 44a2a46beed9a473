package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.testutil.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A virtual thread waiting in {@code get()} parks instead of reading the connection in native
 * code, which would pin its carrier thread: with one carrier for every virtual thread, the one
 * that lets the reply come must still run ({@link glide.testutil.VirtualThreadMain}). The build
 * runs on Java 17, so the program runs in a child JVM of Java 21 or later: this one if it is, or
 * the newest under {@code /usr/lib/jvm} (the machine has a Temurin 25 beside OpenJDK 17).
 */
class VirtualThreadTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aVirtualThreadWaitingForAReplyLeavesItsCarrierToOthers() throws Exception {
        runOnJava21("glide.testutil.VirtualThreadMain", "-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1");
    }

    /**
     * The core asks the JVM once per OS thread whether it carries virtual threads: the completer
     * reads replies for a platform thread that never waits in {@code get()}, not for virtual
     * threads ({@link glide.testutil.CompleterReadingMain}).
     */
    @Test
    void theCompleterReadsRepliesForAPlatformThreadJoiningBatchesButNotForVirtualThreads() throws Exception {
        runOnJava21("glide.testutil.CompleterReadingMain", "-Djdk.virtualThreadScheduler.parallelism=2");
    }

    /**
     * A runtime thread reading a virtual thread's reply hands it straight to that parked thread,
     * beside a platform thread's callbacks, every reply reaching its own request; the runtime
     * threads attached for it do not keep the JVM alive ({@link glide.testutil.ParkedHandOffMain}
     * returns from main with a client open).
     */
    @Test
    void aRuntimeThreadHandsRepliesToParkedVirtualThreadsAndTheJvmStillExits() throws Exception {
        runOnJava21("glide.testutil.ParkedHandOffMain", "-Djdk.virtualThreadScheduler.parallelism=1");
    }

    /** Runs {@code mainClass} against the server in a child JVM of Java 21+; it must print OK and exit 0. */
    private static void runOnJava21(String mainClass, String... jvmOptions) throws Exception {
        Optional<Path> java = javaWithVirtualThreads();
        Assumptions.assumeTrue(java.isPresent(), "no Java 21+ on this machine to run virtual threads");
        List<String> command = new ArrayList<>(List.of(java.get().toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(jvmOptions));
        String library = System.getProperty("glide.native.library");
        if (library != null) {
            command.add("-Dglide.native.library=" + library);
        }
        command.addAll(List.of(mainClass, server.host(), Integer.toString(server.port())));
        Path log = Files.createTempFile("virtual-thread", ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean exited = child.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                child.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(exited, "child JVM still running after 60 s:\n" + output);
            assertEquals(0, child.exitValue(), output);
            assertTrue(output.contains("OK"), output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** A java launcher of version 21 or later: this JVM's, or the newest under /usr/lib/jvm. */
    private static Optional<Path> javaWithVirtualThreads() throws IOException {
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Paths.get(System.getProperty("java.home"), "bin", "java"));
        }
        Path jvms = Paths.get("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && featureVersion(home) >= 21)
                    .max((x, y) -> Integer.compare(featureVersion(x), featureVersion(y)))
                    .map(home -> home.resolve("bin/java"));
        }
    }

    /** The feature version a JDK's {@code release} file names (JAVA_VERSION="25.0.1"); 0 if unknown. */
    private static int featureVersion(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
