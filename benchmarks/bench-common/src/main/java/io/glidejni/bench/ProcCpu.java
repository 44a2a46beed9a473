package io.glidejni.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/**
 * CPU time of this JVM and of another process (the server), for CPU-per-operation figures. Used
 * by {@link CpuProfiler} (JMH) and {@link CallbacksDriver}.
 */
public final class ProcCpu {
    private ProcCpu() {}

    /** Microseconds per clock tick of {@code /proc/PID/stat} (CLK_TCK; {@code -Dbench.clk.tck}). */
    public static final double TICK_US = 1e6 / Long.getLong("bench.clk.tck", 100);

    private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

    /** CPU time (user + system, all threads) of this JVM in nanoseconds, or -1 if unknown. */
    public static long processCpuNanos() {
        if (OS instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) OS).getProcessCpuTime();
        }
        return -1;
    }

    /**
     * utime + stime of process {@code pid} in clock ticks (usually 10 ms each, see {@link
     * #TICK_US}), from {@code /proc/PID/stat}; -1 when {@code pid} is null or unreadable.
     */
    public static long processTicks(String pid) {
        if (pid == null) {
            return -1;
        }
        try {
            String stat = new String(Files.readAllBytes(Paths.get("/proc", pid, "stat")), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: count from after it
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The server's pid for CPU figures ({@code -Dbench.server.pid}), or null. */
    public static String serverPid() {
        return System.getProperty("bench.server.pid");
    }
}
