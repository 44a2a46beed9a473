package glide.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Natives that exist only in a test library ({@code rust/test-hooks}, built for the tests by
 * {@code java/client/pom.xml} and {@code build.gradle} into {@code target/release/}), never in
 * the library the jar ships: a deliberate panic for the panic-policy test.
 */
final class TestHooks {
    /** Where the test library is: set by the builds (surefire's argLine, Gradle's junitTest). */
    static final String LIBRARY_PROPERTY = "glide.test.hooksLibrary";

    static {
        NativeLoader.load();
        String path = System.getProperty(LIBRARY_PROPERTY);
        if (path == null || !Files.isRegularFile(Paths.get(path))) {
            throw new UnsatisfiedLinkError(
                    "-D" + LIBRARY_PROPERTY + "=" + path + " does not name the test library: build it with"
                            + " 'cargo build --release -p glide-jni-test-hooks' (mvn and gradle test do)");
        }
        Path library = Paths.get(path).toAbsolutePath();
        System.load(library.toString());
    }

    private TestHooks() {}

    /** Panics inside an export; the panic must arrive as a {@code RequestException}. */
    static native int panicForTesting();
}
