package io.glidejni.bench;

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
    private final String serverPid = ProcCpu.serverPid();
    private long clientStartNs;
    private long serverStartTicks;

    @Override
    public String getDescription() {
        return "CPU time per operation of this JVM and of the server (-Dbench.server.pid)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        clientStartNs = ProcCpu.processCpuNanos();
        serverStartTicks = ProcCpu.processTicks(serverPid);
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long clientNs = ProcCpu.processCpuNanos() - clientStartNs;
        long serverTicks = ProcCpu.processTicks(serverPid) - serverStartTicks;
        long ops = result.getMetadata().getAllOps();
        List<Result> out = new ArrayList<>();
        if (ops > 0 && clientNs >= 0) {
            out.add(new ScalarResult("cpu.client.us/op", clientNs / 1e3 / ops, "us/op", AggregationPolicy.AVG));
        }
        if (ops > 0 && serverPid != null && serverStartTicks >= 0 && serverTicks >= 0) {
            out.add(new ScalarResult("cpu.server.us/op", serverTicks * ProcCpu.TICK_US / ops, "us/op", AggregationPolicy.AVG));
        }
        return out;
    }
}
