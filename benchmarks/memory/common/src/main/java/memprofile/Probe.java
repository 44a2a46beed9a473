package memprofile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the process's memory figures: /proc/self/status, NMT (through jcmd) and the MXBeans. */
final class Probe {
    private Probe() {}

    private static final Pattern TOTAL =
            Pattern.compile("Total:\\s+reserved=(\\d+)([KMG]?B),\\s+committed=(\\d+)([KMG]?B)");
    private static final Pattern CATEGORY =
            Pattern.compile("^-\\s+(.+?)\\s+\\(reserved=(\\d+)([KMG]?B),\\s+committed=(\\d+)([KMG]?B)\\)");

    /** NMT summary of this very JVM: {"total": committed bytes, category: committed bytes, ...}. */
    static Map<String, Long> nmtCommitted() throws IOException, InterruptedException {
        String text = jcmd("VM.native_memory", "summary");
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher t = TOTAL.matcher(text);
        if (!t.find()) {
            throw new IOException("no NMT total in jcmd output (is -XX:NativeMemoryTracking=summary set?):\n" + text);
        }
        out.put("total", bytes(t.group(3), t.group(4)));
        for (String line : text.split("\n")) {
            Matcher c = CATEGORY.matcher(line.trim());
            if (c.find()) {
                out.put(c.group(1).trim(), bytes(c.group(4), c.group(5)));
            }
        }
        return out;
    }

    private static long bytes(String n, String unit) {
        long v = Long.parseLong(n);
        switch (unit) {
            case "KB": return v * 1024L;
            case "MB": return v * 1024L * 1024L;
            case "GB": return v * 1024L * 1024L * 1024L;
            default: return v;
        }
    }

    /** Runs jcmd (from this JVM's own java.home) against this process and returns its output. */
    static String jcmd(String... command) throws IOException, InterruptedException {
        Path home = Paths.get(System.getProperty("java.home"));
        Path exe = home.resolve("bin").resolve("jcmd");
        if (!Files.isExecutable(exe) && home.getParent() != null) {
            exe = home.getParent().resolve("bin").resolve("jcmd"); // JDK 8 layout (jre/)
        }
        String[] argv = new String[command.length + 2];
        argv[0] = Files.isExecutable(exe) ? exe.toString() : "jcmd";
        argv[1] = Long.toString(ProcessHandle.current().pid());
        System.arraycopy(command, 0, argv, 2, command.length);
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(buf);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd timed out");
        }
        String text = buf.toString(StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("jcmd exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    /** VmRSS, RssAnon, RssFile (bytes) and Threads from /proc/self/status. */
    static Map<String, Long> procStatus() throws IOException {
        // java.io, not Files.readAllLines: NIO file reads stage through a cached direct
        // buffer, which would show up in the direct pool we are measuring.
        List<String> lines = new java.util.ArrayList<>();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.io.FileInputStream("/proc/self/status"), java.nio.charset.StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon);
            String[] parts = line.substring(colon + 1).trim().split("\\s+");
            switch (key) {
                case "VmRSS": case "RssAnon": case "RssFile": case "VmHWM":
                    out.put(key, Long.parseLong(parts[0]) * 1024L);
                    break;
                case "Threads":
                    out.put(key, Long.parseLong(parts[0]));
                    break;
                default:
                    break;
            }
        }
        return out;
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long[] directPool() {
        for (BufferPoolMXBean b : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(b.getName())) {
                return new long[] {b.getCount(), b.getMemoryUsed()};
            }
        }
        return new long[] {-1, -1};
    }

    static int javaThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static void fullGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Thread.sleep(1000);
    }
}
