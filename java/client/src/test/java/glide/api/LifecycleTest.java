package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.testutil.RedisServer;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The process around the client: JVM exit, class loaders, thread names. */
class LifecycleTest {
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
    void aJvmWhoseMainReturnsWithoutCloseExitsPromptly() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        String library = System.getProperty("glide.native.library");
        if (library != null) {
            command.add("-Dglide.native.library=" + library);
        }
        command.addAll(List.of("glide.testutil.NoCloseMain", server.host(), Integer.toString(server.port())));
        Path log = Files.createTempFile("no-close", ".log");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        boolean exited = child.waitFor(20, TimeUnit.SECONDS);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        if (!exited) {
            child.destroyForcibly();
        }
        assertTrue(exited, "child JVM still running after 20 s:\n" + output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("main returns without close: OK"), output);
        System.out.println("child JVM exited " + ms + " ms after start");
    }

    @Test
    void loadsAndWorksInsideAChildClassLoader() throws Exception {
        // A loader that does not delegate glide.* to the application loader: the library is
        // found as a resource of this loader and loaded again, as in a container or fat jar.
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Paths.get(entry).toUri().toURL());
        }
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
            Class<?> main = isolated.loadClass("glide.testutil.NoCloseMain");
            assertTrue(main.getClassLoader() == isolated);
            Method run = main.getMethod("roundTrip", String.class, int.class);
            assertEquals("OK", run.invoke(null, server.host(), server.port()));
        }
    }

    @Test
    void runtimeAndHelperThreadsAreNamedDaemons() throws Exception {
        try (GlideClient client = Clients.connect(server, glide.api.models.configuration.ProtocolVersion.RESP3)) {
            Clients.await(client.ping());
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("glide-")) {
                    assertTrue(t.isDaemon(), t.getName() + " must be a daemon");
                }
            }
            boolean completer = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("glide-completer"));
            assertTrue(completer);
            // Tokio workers never attach to the JVM, so they cannot hold it open.
            String threads = new String(Files.readAllBytes(Paths.get("/proc/self/task")
                    .getFileSystem().getPath("/proc/self/status")), StandardCharsets.UTF_8);
            assertTrue(threads.contains("Threads:"));
        }
    }
}
