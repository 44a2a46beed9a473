package glide.internal;

import java.io.IOException;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Loads the native core ({@code libglide_jni}) exactly once per class loader.
 *
 * <p>Resolution order:
 *
 * <ol>
 *   <li>System property {@value #LIBRARY_PROPERTY}: absolute path of a library to load as is
 *       (for development builds and unsupported platforms).
 *   <li>The copy bundled in the jar at {@code /natives/<platform>/<libname>}, extracted to a
 *       private temporary directory and loaded from there.
 * </ol>
 *
 * <p>Every failure is reported as an {@link UnsatisfiedLinkError} whose message says how to fix
 * it.
 */
public final class NativeLoader {

    /** Absolute path of a native library to load instead of the bundled one. */
    public static final String LIBRARY_PROPERTY = "glide.native.library";

    /**
     * Directory in which to extract the bundled library (default: {@code java.io.tmpdir}). Useful
     * when the default temp directory is mounted {@code noexec}.
     */
    public static final String TMPDIR_PROPERTY = "glide.native.tmpdir";

    private static final String LIB_BASE_NAME = "glide_jni";

    // Guarded by the class lock. A static field is per class loader, which is exactly the JVM's
    // rule for native libraries: each loader that defines this class needs its own load.
    private static boolean loaded;

    private NativeLoader() {}

    /**
     * Loads the native library if this class loader has not done so yet. Safe to call from any
     * thread, any number of times; a failed attempt is not remembered, so a later call retries.
     *
     * @throws UnsatisfiedLinkError if the library cannot be found or loaded
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        String override = System.getProperty(LIBRARY_PROPERTY);
        if (override != null && !override.trim().isEmpty()) {
            loadFromPath(override.trim());
        } else {
            loadBundled();
        }
        loaded = true;
    }

    /** Whether {@link #load()} has succeeded in this class loader. */
    public static synchronized boolean isLoaded() {
        return loaded;
    }

    private static void loadFromPath(String path) {
        // System.load insists on an absolute path; accept relative ones for convenience.
        Path lib = Paths.get(path).toAbsolutePath();
        if (!Files.isRegularFile(lib)) {
            throw new UnsatisfiedLinkError(
                    "glide-jni: -D" + LIBRARY_PROPERTY + "=" + path + " does not name an existing file ("
                            + lib + "). Point it at libglide_jni built by 'cargo build --release -p glide-jni',"
                            + " or unset it to use the library bundled in the glide-jni jar.");
        }
        try {
            System.load(lib.toString());
        } catch (UnsatisfiedLinkError e) {
            throw chain(
                    "glide-jni: failed to load " + lib + " (from -D" + LIBRARY_PROPERTY + "): " + e.getMessage()
                            + ". Check that it was built for this OS/architecture (" + describeHost() + ").",
                    e);
        }
    }

    private static void loadBundled() {
        String platform = platform();
        String libName = System.mapLibraryName(LIB_BASE_NAME);
        String resource = "/natives/" + platform + "/" + libName;

        // Class.getResourceAsStream goes through this class's own loader, so it works in child
        // class loaders, app servers and shaded/fat jars, where the resource URL is not a file.
        try (InputStream in = NativeLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnsatisfiedLinkError(
                        "glide-jni: no native library for platform '" + platform + "' in the classpath (looked for "
                                + resource + "). Use a glide-jni jar built for this platform, or build the library"
                                + " with 'cargo build --release -p glide-jni' and pass -D" + LIBRARY_PROPERTY
                                + "=/absolute/path/to/" + libName + ".");
            }
            extractAndLoad(in, libName);
        } catch (IOException e) {
            throw chain(
                    "glide-jni: could not extract " + resource + " to a temporary directory: " + e
                            + ". Make java.io.tmpdir writable, set -D" + TMPDIR_PROPERTY + "=<writable dir>, or"
                            + " pass -D" + LIBRARY_PROPERTY + "=/absolute/path/to/" + libName + ".",
                    e);
        }
    }

    private static void extractAndLoad(InputStream in, String libName) throws IOException {
        Path dir = createPrivateTempDir();
        Path file = dir.resolve(libName);
        try {
            // java.io, not Files.copy: NIO file channels stage heap data through cached direct
            // buffers, which would leave a direct buffer behind in the caller's thread.
            try (OutputStream out = new FileOutputStream(file.toFile())) {
                in.transferTo(out);
            }
            try {
                System.load(file.toAbsolutePath().toString());
            } catch (UnsatisfiedLinkError e) {
                throw chain(
                        "glide-jni: failed to load the bundled native library extracted to " + file + ": "
                                + e.getMessage() + ". If " + dir.getParent() + " is mounted noexec, set -D"
                                + TMPDIR_PROPERTY + "=<directory that allows exec>; otherwise build the library"
                                + " for " + describeHost() + " and pass -D" + LIBRARY_PROPERTY + "=<path>.",
                        e);
            }
        } finally {
            // The loaded mapping survives unlinking on Linux and macOS, so nothing is left behind.
            // If deletion fails (e.g. Windows keeps the file locked), fall back to deleteOnExit.
            cleanUp(dir, file);
        }
    }

    private static Path createPrivateTempDir() throws IOException {
        String base = System.getProperty(TMPDIR_PROPERTY);
        Path parent = (base == null || base.trim().isEmpty()) ? null : Paths.get(base.trim());
        // A fresh owner-only directory: other local users cannot swap the library between
        // extraction and System.load, and concurrent JVMs never share a file.
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (posix) {
            var attr = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
            return parent == null
                    ? Files.createTempDirectory("glide-jni-", attr)
                    : Files.createTempDirectory(parent, "glide-jni-", attr);
        }
        return parent == null ? Files.createTempDirectory("glide-jni-") : Files.createTempDirectory(parent, "glide-jni-");
    }

    private static void cleanUp(Path dir, Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        } catch (IOException | SecurityException e) {
            // deleteOnExit runs in reverse order of registration: the file goes before its directory.
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
        }
    }

    /**
     * Names the platform directory under {@code /natives/}, e.g. {@code linux-x86_64}.
     *
     * @throws UnsatisfiedLinkError for an OS/architecture without a bundled library
     */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);

        String osPart;
        if (os.startsWith("linux")) {
            osPart = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            osPart = "darwin";
        } else {
            osPart = null;
        }

        String archPart;
        switch (arch) {
            case "amd64":
            case "x86_64":
            case "x86-64":
                archPart = "x86_64";
                break;
            case "aarch64":
            case "arm64":
                archPart = "aarch64";
                break;
            default:
                archPart = null;
        }

        if (osPart == null || archPart == null) {
            throw new UnsatisfiedLinkError(
                    "glide-jni: unsupported platform " + describeHost() + "; bundled native libraries exist for"
                            + " linux-x86_64, linux-aarch64, darwin-x86_64 and darwin-aarch64. Build libglide_jni"
                            + " for this platform ('cargo build --release -p glide-jni') and pass -D"
                            + LIBRARY_PROPERTY + "=/absolute/path/to/the/library.");
        }
        return osPart + "-" + archPart;
    }

    private static String describeHost() {
        return "os.name='" + System.getProperty("os.name") + "', os.arch='" + System.getProperty("os.arch") + "'";
    }

    private static UnsatisfiedLinkError chain(String message, Throwable cause) {
        UnsatisfiedLinkError error = new UnsatisfiedLinkError(message);
        error.initCause(cause);
        return error;
    }
}
