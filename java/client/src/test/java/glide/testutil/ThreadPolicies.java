package glide.testutil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Linux scheduling policies of this process's threads, read from {@code /proc} (proc(5)). */
public final class ThreadPolicies {
    public static final int SCHED_OTHER = 0;
    public static final int SCHED_BATCH = 3;

    private ThreadPolicies() {}

    /** Whether this process's threads can be read ({@code /proc/self/task}: Linux). */
    public static boolean readable() {
        return Files.isDirectory(Paths.get("/proc/self/task"));
    }

    /** Each thread's name (as the OS has it: at most 15 characters) with its policy; the last of a name wins. */
    public static Map<String, Integer> byName() throws IOException {
        Map<String, Integer> policies = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Paths.get("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = new String(Files.readAllBytes(task.resolve("comm")), StandardCharsets.UTF_8).trim();
                    policies.put(name, policyIn(task.resolve("stat")));
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return policies;
    }

    /** The calling thread's policy. */
    public static int ofThisThread() throws IOException {
        return policyIn(Paths.get("/proc/thread-self/stat"));
    }

    /** Field 41 of a stat file: the scheduling policy. */
    private static int policyIn(Path stat) throws IOException {
        String line = new String(Files.readAllBytes(stat), StandardCharsets.UTF_8);
        String[] afterName = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(afterName[41 - 3]);
    }
}
