package io.glidejni.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, as JMH secondary metrics: {@code -prof io.glidejni.bench.CpuProfiler}.
 *
 * <ul>
 *   <li>{@code cpu.client.us/op}: CPU time (user + system, all threads) of the benchmark fork
 *       during the iteration, divided by the operations of all threads. It counts the client's
 *       own threads (I/O, runtime, completion) as well as JMH's.
 *   <li>{@code cpu.server.us/op}: the same for the server process whose pid is given with {@code
 *       -Dbench.server.pid} (read from {@code /proc/PID/stat}, clock-tick resolution, usually
 *       10 ms); absent without that property.
 * </ul>
 *
 * <p>The window is from JMH's before- to after-iteration callbacks, which include the short
 * synchronisation around the measurement; operations are JMH's "all ops" (as {@code -prof gc}
 * uses), so the two match.
 */
public final class CpuProfiler implements InternalProfiler {
    private static final double TICK_US = 1e6 / clockTicksPerSecond();

    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final String serverPid = System.getProperty("bench.server.pid");
    private long clientStartNs;
    private long serverStartTicks;

    @Override
    public String getDescription() {
        return "CPU time per operation of this JVM and of the server (-Dbench.server.pid)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        clientStartNs = processCpuNanos();
        serverStartTicks = serverTicks();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long clientNs = processCpuNanos() - clientStartNs;
        long serverTicks = serverTicks() - serverStartTicks;
        long ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops > 0 && clientNs >= 0) {
            out.add(new ScalarResult("cpu.client.us/op", clientNs / 1e3 / ops, "us/op", AggregationPolicy.AVG));
        }
        if (ops > 0 && serverPid != null && serverStartTicks >= 0 && serverTicks >= 0) {
            out.add(new ScalarResult("cpu.server.us/op", serverTicks * TICK_US / ops, "us/op", AggregationPolicy.AVG));
        }
        return out;
    }

    private long processCpuNanos() {
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    /** utime + stime of the server process in clock ticks, or -1. */
    private long serverTicks() {
        if (serverPid == null) {
            return -1;
        }
        try {
            String stat = new String(Files.readAllBytes(Paths.get("/proc", serverPid, "stat")), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may hold spaces: count from after it
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime is field 14, stime field 15
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long clockTicksPerSecond() {
        // CLK_TCK is 100 on Linux for every mainstream architecture; allow an override
        return Long.getLong("bench.clk.tck", 100);
    }
}
