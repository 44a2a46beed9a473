package io.glidejni.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The non-blocking (callbacks) benchmark: no thread ever waits for a reply on the hot path.
 *
 * <p>One thread starts N independent <em>chains</em>. A chain issues one request; the
 * request's completion callback ({@code whenComplete} on the returned stage, so on whichever
 * thread the client completes it) records the latency and issues the chain's next request, until
 * the measurement window closes. So N requests are in flight at all times, as with N blocking
 * threads, but with no thread per request. Nothing calls {@code get()} or {@code join()} except
 * the set-up checks.
 *
 * <p>Phases: warm-up ({@code --warmup} s, nothing recorded), measurement ({@code --measure} s:
 * completions counted, latencies recorded, this JVM's and the server's CPU time read at both
 * ends), then stop: each chain ends when its request in flight completes.
 *
 * <p>Per run it prints one JSON line (and appends it to {@code --out FILE}): ops/s, latency
 * percentiles (per request, issue to callback, {@link LatencyHistogram}), CPU µs per operation of
 * this JVM ({@code OperatingSystemMXBean.getProcessCpuTime}, all threads) and of the server
 * ({@code /proc/PID/stat} of {@code -Dbench.server.pid}), heap bytes allocated per operation by
 * this JVM (all threads, {@link HeapAllocated}), errors, the names of the threads the
 * callbacks ran on (sampled), and how many requests completed before their callback was attached
 * (so their callback ran on the issuing thread). Connection settings are {@link BenchConfig}'s system
 * properties.
 *
 * <p>With {@code --virtual-threads}, the same N requests in flight come from N virtual threads
 * (Java 21+) instead, each looping: start a request, wait for it in {@code get()}, record it.
 * That is how a service on virtual threads calls a client; the carrier count is the JVM's
 * ({@code -Djdk.virtualThreadScheduler.parallelism}), reported with the result.
 *
 * <p>With {@code --fan-out B}, N platform threads each start B requests at once and wait for all
 * of them ({@code CompletableFuture.allOf(...).join()}), then start the next B: how a service
 * fetches many keys concurrently from one request-handling thread. N x B requests are in flight at
 * most; each request's latency runs from its start to its completion.
 *
 * <p>With {@code --semaphore B}, N platform threads each keep B requests in flight with a {@link
 * Semaphore} of B permits: take a permit, start a request, go round; each request's {@code
 * whenComplete} records it and gives its permit back. The thread never waits for a reply, only for a
 * free permit: how a service bounds the requests it has open without blocking on any one of them.
 *
 * <p>A request that completes while it is being issued (synchronously, e.g. a rejection) does not
 * recurse: the issuing loop goes round instead, so a chain of failures cannot overflow the stack.
 * The main thread only keeps time; a separate thread starts the chains.
 */
public final class CallbacksDriver<T> {
    /** The workloads, by their command-line names; keys and values as in {@link Workload}. */
    enum Kind {
        W1("w1"),
        W2_16K("w2-16k"),
        W2_512K("w2-512k"),
        /**
         * {@code get-SIZE} (e.g. {@code get-1k}, {@code get-64k}, {@code get-300}): GETs of one key
         * holding SIZE bytes, which the set-up writes through the client under test, for sizes
         * between the suite's three.
         */
        GET_SIZED("get-SIZE");

        final String cli;

        Kind(String cli) {
            this.cli = cli;
        }

        static Kind of(String s) {
            for (Kind k : values()) {
                if (k.cli.equals(s)) {
                    return k;
                }
            }
            if (s.startsWith("get-")) {
                sizeOf(s);
                return GET_SIZED;
            }
            throw new IllegalArgumentException("unknown workload '" + s + "' (w1, w2-16k, w2-512k, get-SIZE)");
        }

        /** The value size of a {@code get-SIZE} workload name: bytes, or KiB with a k suffix. */
        static int sizeOf(String s) {
            String n = s.substring("get-".length());
            int unit = n.endsWith("k") ? 1024 : 1;
            try {
                int size = Integer.parseInt(unit == 1 ? n : n.substring(0, n.length() - 1)) * unit;
                if (size >= 1) {
                    return size;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("get-SIZE wants a size of at least 1 (bytes, or KiB with k), got " + s);
        }
    }

    private static final int WARMUP = 0;
    private static final int MEASURE = 1;
    private static final int STOP = 2;

    private static final String USAGE =
            "usage: java -cp benchmarks.jar io.glidejni.bench.CallbacksMain --workload w1|w2-16k|w2-512k|get-SIZE"
                    + " --chains N [--virtual-threads | --fan-out B | --semaphore B] [--warmup SECONDS (3)] [--measure SECONDS (5)] [--out FILE.jsonl]"
                    + " [--meta KEY=VALUE]...\n"
                    + "  server: -Dbench.host, -Dbench.port, -Dbench.tls=true -Dbench.tls.ca=ca.pem,"
                    + " -Dbench.server.pid=PID (server CPU per op)";

    private final String clientName;
    private final AsyncBenchClient<T> client;
    private final Kind kind;
    /** The workload's name in the results: {@link Kind#cli}, or {@code get-SIZE} as given. */
    private final String workloadName;
    private final int chainCount;
    /** How the N requests in flight are driven. */
    enum Mode {
        /** N callback chains, started by one thread. */
        CALLBACKS("callbacks", null),
        /** N virtual threads, each blocking in get(). */
        VIRTUAL_THREADS("virtual-threads", null),
        /** N platform threads, each starting B requests at once and waiting for them all. */
        FAN_OUT("fan-out", "fan_out"),
        /** N platform threads, each keeping B requests in flight with a Semaphore of B permits. */
        SEMAPHORE("semaphore", "permits");

        final String cli;
        /** The result field of B, for the modes that have one. */
        final String perThreadField;

        Mode(String cli, String perThreadField) {
            this.cli = cli;
            this.perThreadField = perThreadField;
        }
    }

    private final Mode mode;
    /** B in the fan-out and semaphore modes (requests per thread); 0 in the others. */
    private final int perThread;
    private final T[] w1Keys;
    private final T w1Value;
    private final T w2Key;
    private final int w2Length;
    private volatile int phase = WARMUP;
    private final CountDownLatch stopped;
    private final Map<String, Boolean> callbackThreads = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private CallbacksDriver(
            String clientName, AsyncBenchClient<T> client, String workloadName, int chains, Mode mode, int perThread) {
        this.clientName = clientName;
        this.client = client;
        this.kind = Kind.of(workloadName);
        this.workloadName = workloadName;
        this.chainCount = chains;
        this.mode = mode;
        this.perThread = perThread;
        this.stopped = new CountDownLatch(chains);
        this.w1Keys = (T[]) new Object[Workload.W1_KEYS];
        for (int i = 0; i < w1Keys.length; i++) {
            w1Keys[i] = client.wrap(Workload.W1_KEY_BYTES[i]);
        }
        this.w1Value = client.wrap(Workload.SMALL_VALUE_BYTES);
        switch (kind) {
            case W2_512K:
                this.w2Key = client.wrap(Workload.W2_512K_KEY);
                this.w2Length = Workload.W2_LARGE;
                break;
            case GET_SIZED:
                this.w2Length = Kind.sizeOf(workloadName);
                this.w2Key = client.wrap(Workload.bytes("wget:" + w2Length));
                break;
            default:
                this.w2Key = client.wrap(Workload.W2_16K_KEY);
                this.w2Length = Workload.W2_SMALL;
        }
    }

    /**
     * Runs one benchmark point and exits the JVM: 0 when every request succeeded, 3 when some
     * failed, returned a wrong reply or never completed, 2 on bad arguments, 1 on a set-up failure.
     *
     * @param clientName the name in the results ("glide-jni", "valkey-glide", "lettuce")
     * @param args the command line (see the usage message)
     * @param connect creates the client (after the arguments were checked)
     */
    public static void main(String clientName, String[] args, Callable<? extends AsyncBenchClient<?>> connect) {
        int code;
        try {
            code = run(clientName, args, connect);
        } catch (IllegalArgumentException e) {
            System.err.println("CallbacksMain: " + e.getMessage());
            System.err.println(USAGE);
            code = 2;
        } catch (Throwable t) {
            System.err.println("CallbacksMain: FAILED: " + t);
            t.printStackTrace();
            code = 1;
        }
        System.out.flush();
        System.err.flush();
        // a client's non-daemon threads must not keep the JVM alive
        System.exit(code);
    }

    private static int run(String clientName, String[] args, Callable<? extends AsyncBenchClient<?>> connect)
            throws Exception {
        String workload = null;
        int chains = -1;
        double warmup = 3;
        double measure = 5;
        String out = null;
        Mode mode = Mode.CALLBACKS;
        int perThread = 0;
        Map<String, String> meta = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException("help");
            }
            if (a.equals("--virtual-threads")) {
                mode = pick(mode, Mode.VIRTUAL_THREADS);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--workload":
                    Kind.of(v); // checks the name
                    workload = v;
                    break;
                case "--chains":
                    chains = Integer.parseInt(v);
                    break;
                case "--fan-out":
                case "--semaphore":
                    mode = pick(mode, a.equals("--fan-out") ? Mode.FAN_OUT : Mode.SEMAPHORE);
                    perThread = Integer.parseInt(v);
                    if (perThread < 1) {
                        throw new IllegalArgumentException(a + " wants B >= 1, got " + v);
                    }
                    break;
                case "--warmup":
                    warmup = Double.parseDouble(v);
                    break;
                case "--measure":
                    measure = Double.parseDouble(v);
                    break;
                case "--out":
                    out = v;
                    break;
                case "--meta":
                    int eq = v.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--meta wants KEY=VALUE, got " + v);
                    }
                    meta.put(v.substring(0, eq), v.substring(eq + 1));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (workload == null || chains < 1 || warmup < 0 || measure <= 0) {
            throw new IllegalArgumentException("--workload and --chains (>= 1) are required; --measure > 0");
        }
        System.err.printf(
                "CallbacksMain: %s, %s, %d %s, %.1f s warm-up + %.1f s measurement, server %s%n",
                clientName, workload, chains, mode.cli, warmup, measure,
                BenchConfig.describe());
        try (AsyncBenchClient<?> client = connect.call()) {
            Json result = start(clientName, client, workload, chains, mode, perThread).measure(warmup, measure, meta);
            String line = result.toString();
            System.out.println(line);
            if (out != null) {
                try (OutputStream os = new FileOutputStream(out, true)) {
                    os.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return result.get("failed").equals("true") ? 3 : 0;
        }
    }

    /** The mode {@code wanted}, unless another was asked for already. */
    private static Mode pick(Mode sofar, Mode wanted) {
        if (sofar != Mode.CALLBACKS && sofar != wanted) {
            throw new IllegalArgumentException("--" + sofar.cli + " and --" + wanted.cli + " are two modes: pick one");
        }
        return wanted;
    }

    private static <T> CallbacksDriver<T> start(
            String clientName, AsyncBenchClient<T> client, String workload, int chains, Mode mode, int perThread)
            throws Exception {
        CallbacksDriver<T> d = new CallbacksDriver<>(clientName, client, workload, chains, mode, perThread);
        d.checkPrefill();
        return d;
    }

    /** Refuses to measure an empty server (the same checks as the JMH benchmarks' set-up). */
    private void checkPrefill() throws Exception {
        Workload.checkLength("w1 key 0", client.bytes(await(client.get(w1Keys[0]))), Workload.SMALL_VALUE);
        if (await(client.get(w1Keys[Workload.W1_KEYS - 1])) != null) {
            throw new IllegalStateException("the last W1 key must not exist");
        }
        if (kind == Kind.GET_SIZED) {
            await(client.set(w2Key, client.wrap(Workload.value(w2Length, 3))));
        }
        Workload.checkLength(
                kind == Kind.W2_512K ? Workload.W2_512K_NAME : kind == Kind.W2_16K ? Workload.W2_16K_NAME : workloadName,
                client.bytes(await(client.get(w2Key))),
                w2Length);
    }

    private static Object await(CompletionStage<?> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("set-up request failed: " + e.getCause(), e.getCause());
        }
    }

    /** Starts the chains, runs the warm-up and the measurement, stops; returns the result. */
    private Json measure(double warmupSeconds, double measureSeconds, Map<String, String> meta)
            throws InterruptedException {
        String serverPid = ProcCpu.serverPid();
        List<Chain> chains = new ArrayList<>(chainCount);
        for (int i = 0; i < chainCount; i++) {
            chains.add(new Chain(i));
        }
        // what each thread or chain measured, read after the stop
        List<Tally> tallies = new ArrayList<>();
        Instant started = Instant.now();
        if (mode == Mode.VIRTUAL_THREADS) {
            tallies.addAll(chains);
            startVirtualThreads(chains);
        } else if (mode == Mode.FAN_OUT || mode == Mode.SEMAPHORE) {
            for (int i = 0; i < chainCount; i++) {
                Runnable r;
                if (mode == Mode.FAN_OUT) {
                    FanOut f = new FanOut(i);
                    tallies.add(f);
                    r = f;
                } else {
                    Permits p = new Permits(i);
                    tallies.addAll(p.slots);
                    r = p;
                }
                Thread t = new Thread(r, mode.cli + "-" + i);
                t.setDaemon(true);
                t.start();
            }
        } else {
            tallies.addAll(chains);
            // One thread starts every chain; from then on the callbacks drive. It is not this (the
            // timing) thread: a client that completed requests synchronously would keep the starter
            // in the first chain's issuing loop until the stop, and the phases must still advance.
            Thread starter =
                    new Thread(
                            () -> {
                                for (Chain c : chains) {
                                    c.issue();
                                }
                            },
                            "callbacks-starter");
            starter.setDaemon(true);
            starter.start();
        }
        sleepSeconds(warmupSeconds);

        phase = MEASURE;
        long t0 = System.nanoTime();
        long cpu0 = ProcCpu.processCpuNanos();
        long heap0 = HeapAllocated.bytes();
        long ticks0 = ProcCpu.processTicks(serverPid);
        sleepSeconds(measureSeconds);
        long t1 = System.nanoTime();
        long cpu1 = ProcCpu.processCpuNanos();
        long heap1 = HeapAllocated.bytes();
        long ticks1 = ProcCpu.processTicks(serverPid);
        phase = STOP;

        boolean drained = stopped.await(BenchConfig.REQUEST_TIMEOUT_MS + 30_000L, TimeUnit.MILLISECONDS);
        LatencyHistogram all = new LatencyHistogram();
        long ops = 0;
        long errors = 0;
        long badReplies = 0;
        long warmupErrors = 0;
        long completedInIssue = 0;
        Throwable firstError = null;
        for (Tally c : tallies) {
            // after the latch, every tally's fields are final (countDown happens-before await)
            all.add(c.histogram);
            ops += c.ops;
            errors += c.errors;
            badReplies += c.badReplies;
            warmupErrors += c.warmupErrors;
            completedInIssue += c.completedInIssue;
            if (firstError == null) {
                firstError = c.firstError;
            }
        }
        long stuck = stopped.getCount();
        double window = (t1 - t0) / 1e9;
        Json j = new Json();
        j.put("client", clientName);
        j.put("transport", BenchConfig.tls() ? "tls" : "plain");
        j.put("api", BenchConfig.text() ? "text" : "binary");
        j.put("workload", workloadName);
        j.put("chains", chainCount);
        j.put("mode", mode.cli);
        if (mode.perThreadField != null) {
            j.put(mode.perThreadField, perThread);
        }
        if (mode == Mode.VIRTUAL_THREADS) {
            j.put("parallelism", Long.getLong("jdk.virtualThreadScheduler.parallelism",
                    Runtime.getRuntime().availableProcessors()));
        }
        for (Map.Entry<String, String> e : meta.entrySet()) {
            String v = e.getValue();
            j.put(e.getKey(), v.matches("-?[0-9]{1,18}") ? (Object) Long.parseLong(v) : v);
        }
        j.put("started", started.toString());
        j.put("warmup_s", warmupSeconds);
        j.put("measure_s", round(window, 3));
        j.put("ops", ops);
        j.put("ops_per_s", round(ops / window, 1));
        j.put("p50_us", us(all.quantileNanos(0.50)));
        j.put("p90_us", us(all.quantileNanos(0.90)));
        j.put("p99_us", us(all.quantileNanos(0.99)));
        j.put("p999_us", us(all.quantileNanos(0.999)));
        j.put("max_us", us(all.maxNanos()));
        j.put("mean_us", round(all.meanNanos() / 1e3, 2));
        if (ops > 0 && cpu0 >= 0 && cpu1 >= 0) {
            j.put("cpu_client_us_per_op", round((cpu1 - cpu0) / 1e3 / ops, 3));
            j.put("cpu_client_cores", round((cpu1 - cpu0) / 1e9 / window, 3));
        }
        if (ops > 0 && heap0 >= 0 && heap1 >= heap0) {
            j.put("heap_bytes_per_op", round((double) (heap1 - heap0) / ops, 1));
            j.put("heap_bytes_method", HeapAllocated.method());
        }
        if (ops > 0 && ticks0 >= 0 && ticks1 >= 0) {
            j.put("cpu_server_us_per_op", round((ticks1 - ticks0) * ProcCpu.TICK_US / ops, 3));
            j.put("cpu_server_cores", round((ticks1 - ticks0) * ProcCpu.TICK_US / 1e6 / window, 3));
        }
        j.put("errors", errors);
        j.put("bad_replies", badReplies);
        j.put("warmup_errors", warmupErrors);
        j.put("stuck_chains", stuck);
        j.put("first_error", firstError == null ? null : String.valueOf(firstError));
        j.put("completed_before_callback_attached", completedInIssue);
        j.putRaw("callback_threads", Json.array(new TreeSet<>(callbackThreads.keySet())));
        j.put("java", System.getProperty("java.vm.version"));
        boolean failed = ops == 0 || errors > 0 || badReplies > 0 || warmupErrors > 0 || !drained;
        j.put("failed", failed);
        System.err.printf(
                "CallbacksMain: %s %s %s %s N=%d: %.0f ops/s, p50 %.1f us, p99 %.1f us, CPU %s us/op (server %s)%s%n",
                clientName, (BenchConfig.tls() ? "tls" : "plain") + (BenchConfig.text() ? " text" : ""), workloadName,
                mode.perThreadField != null ? mode.cli + " B=" + perThread : mode.cli, chainCount, ops / window,
                us(all.quantileNanos(0.5)), us(all.quantileNanos(0.99)),
                j.get("cpu_client_us_per_op"), j.get("cpu_server_us_per_op"),
                failed ? "  FAILED: errors " + errors + ", bad replies " + badReplies + ", warm-up errors "
                        + warmupErrors + ", stuck chains " + stuck + ", first error " + firstError : "");
        return j;
    }

    /**
     * One virtual thread per chain, each blocking in {@code get()} for every request (the suite is
     * compiled for Java 11: {@code Thread.startVirtualThread} is found at run time).
     */
    private void startVirtualThreads(List<Chain> chains) {
        java.lang.reflect.Method start;
        try {
            start = Thread.class.getMethod("startVirtualThread", Runnable.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("--virtual-threads needs Java 21 or later (this is "
                    + System.getProperty("java.version") + ")");
        }
        for (Chain c : chains) {
            try {
                start.invoke(null, (Runnable) c::loopBlocking);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot start a virtual thread", e);
            }
        }
    }

    private static void sleepSeconds(double s) throws InterruptedException {
        long end = System.nanoTime() + (long) (s * 1e9);
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static double us(long nanos) {
        return round(nanos / 1e3, 1);
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private void noteThread() {
        // "glide-completer", "lettuce-nioEventLoop-4-1" -> "lettuce-nioEventLoop-#-#"
        callbackThreads.putIfAbsent(Thread.currentThread().getName().replaceAll("[0-9]+", "#"), Boolean.TRUE);
    }

    /** Starts the next request of {@code mix} (W1; null for the W2 GET), after {@code mix.next()}. */
    private CompletionStage<?> send(W1Mix mix) {
        if (mix == null) {
            return client.get(w2Key);
        }
        int k = mix.keyIndex();
        return mix.isGet() ? client.get(w1Keys[k]) : client.set(w1Keys[k], w1Value);
    }

    /** Whether the request {@link #send} starts for {@code mix} must return a value (not null). */
    private static boolean expectsValue(W1Mix mix) {
        return mix == null || (mix.isGet() && mix.keyIndex() < Workload.W1_EXISTING);
    }

    /** What one chain or fan-out thread measured; read after it stopped. */
    private class Tally {
        final LatencyHistogram histogram = new LatencyHistogram();
        private long completions;
        long ops;
        long errors;
        long badReplies;
        long warmupErrors;
        long completedInIssue;
        Throwable firstError;

        /** One request ended after {@code latency} ns with {@code error}, or with a missing value. */
        void record(long latency, Throwable error, boolean missingValue) {
            if (phase == MEASURE) {
                ops++;
                histogram.record(latency);
                if (error != null) {
                    errors++;
                } else if (missingValue) {
                    badReplies++;
                }
            } else if (error != null) {
                warmupErrors++;
            }
            if (error != null && firstError == null) {
                firstError = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            }
        }

        /** Notes the calling thread now and then (not the first completions, see {@link #noteThread}). */
        void sampleThread() {
            if ((++completions & 1023) == 8) {
                noteThread();
            }
        }
    }

    /**
     * The fan-out mode's thread: starts {@link #perThread} requests, waits for them all, records them,
     * until the stop. Each request's completion is kept in its slot by the callback, on whichever
     * thread the client completes it, and read here after the join.
     */
    private final class FanOut extends Tally implements Runnable {
        private final W1Mix mix;
        private final List<Slot> slots = new ArrayList<>(perThread);
        private final CompletableFuture<?>[] recorded = new CompletableFuture<?>[perThread];

        FanOut(int index) {
            mix = kind == Kind.W1 ? new W1Mix(index) : null;
            for (int i = 0; i < perThread; i++) {
                slots.add(new Slot());
            }
        }

        @Override
        public void run() {
            while (phase != STOP) {
                for (int i = 0; i < perThread; i++) {
                    recorded[i] = slots.get(i).start();
                }
                try {
                    // the slots' callbacks happen-before this returns: allOf waits for their stages
                    CompletableFuture.allOf(recorded).join();
                } catch (CompletionException failedOne) {
                    // each failure is in its slot
                }
                for (Slot slot : slots) {
                    record(slot.doneNanos - slot.startNanos, slot.error, slot.expectValue && slot.missing);
                }
            }
            stopped.countDown();
        }

        /** One of the requests in flight at once. */
        private final class Slot implements BiConsumer<Object, Throwable> {
            long startNanos;
            long doneNanos;
            boolean expectValue;
            boolean missing;
            Throwable error;

            CompletableFuture<?> start() {
                if (mix != null) {
                    mix.next();
                }
                expectValue = expectsValue(mix);
                startNanos = System.nanoTime();
                try {
                    return send(mix).whenComplete(this).toCompletableFuture();
                } catch (RuntimeException e) { // a request that throws instead of failing its future
                    accept(null, e);
                    return CompletableFuture.completedFuture(null);
                }
            }

            @Override
            public void accept(Object reply, Throwable failure) {
                doneNanos = System.nanoTime();
                missing = reply == null;
                error = failure;
                sampleThread();
            }
        }
    }

    /**
     * The semaphore mode's thread: keeps {@link #perThread} requests in flight with a {@link
     * Semaphore} of as many permits, until the stop, then waits for its last requests. Each request
     * in flight has a slot of its own (a tally written by one thread at a time: the slot goes back
     * to the free list, and its permit back to the semaphore, only after its callback recorded it).
     */
    private final class Permits implements Runnable {
        private final W1Mix mix;
        private final Semaphore permits = new Semaphore(perThread);
        final List<Slot> slots = new ArrayList<>(perThread);
        /** The slots of no request in flight; one per free permit. */
        private final ConcurrentLinkedQueue<Slot> free = new ConcurrentLinkedQueue<>();

        Permits(int index) {
            mix = kind == Kind.W1 ? new W1Mix(index) : null;
            for (int i = 0; i < perThread; i++) {
                Slot slot = new Slot();
                slots.add(slot);
                free.add(slot);
            }
        }

        @Override
        public void run() {
            while (phase != STOP) {
                permits.acquireUninterruptibly();
                free.poll().start();
            }
            // every callback gave its permit back: its slot's counters are final
            permits.acquireUninterruptibly(perThread);
            stopped.countDown();
        }

        /** One request in flight and the tally of all the requests that had this slot. */
        private final class Slot extends Tally implements BiConsumer<Object, Throwable> {
            private long startNanos;
            private boolean expectValue;

            void start() {
                if (mix != null) {
                    mix.next();
                }
                expectValue = expectsValue(mix);
                startNanos = System.nanoTime();
                try {
                    send(mix).whenComplete(this);
                } catch (RuntimeException e) { // a request that throws instead of failing its future
                    accept(null, e);
                }
            }

            @Override
            public void accept(Object reply, Throwable failure) {
                record(System.nanoTime() - startNanos, failure, expectValue && reply == null);
                sampleThread();
                free.add(this);
                permits.release();
            }
        }
    }

    private static final int ISSUING = 0; // a request is being started and its callback attached
    private static final int WAITING = 1; // attached: the callback will issue the next request
    private static final int COMPLETED_IN_ISSUE = 2; // completed before the issuing loop let go

    /**
     * One chain of requests: at most one in flight, each issued by the previous one's callback.
     * Its counters are written by one thread at a time (the request's completion orders them).
     */
    private final class Chain extends Tally implements BiConsumer<Object, Throwable> {
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final W1Mix mix;
        private long startNanos;
        private boolean expectValue;

        Chain(int index) {
            mix = kind == Kind.W1 ? new W1Mix(index) : null;
        }

        /** Starts the chain's next request, and the one after if it completes at once, and so on. */
        void issue() {
            while (true) {
                if (phase == STOP) {
                    stopped.countDown();
                    return;
                }
                state.set(ISSUING);
                CompletionStage<?> stage;
                startNanos = System.nanoTime();
                try {
                    stage = startRequest();
                } catch (RuntimeException e) {
                    completed(null, e); // a request that throws instead of failing its future
                    continue;
                }
                stage.whenComplete(this);
                if (state.compareAndSet(ISSUING, WAITING)) {
                    return; // the callback issues the next request
                }
                // it completed before we got here (the callback only recorded it): go round
            }
        }

        /** The virtual-thread mode: request, wait in get(), record, until the stop. */
        void loopBlocking() {
            while (phase != STOP) {
                startNanos = System.nanoTime();
                Object reply = null;
                Throwable error = null;
                try {
                    reply = startRequest().toCompletableFuture().get();
                } catch (ExecutionException e) {
                    error = e.getCause();
                } catch (RuntimeException e) {
                    error = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                completed(reply, error);
            }
            stopped.countDown();
        }

        private CompletionStage<?> startRequest() {
            if (mix != null) {
                mix.next();
            }
            expectValue = expectsValue(mix);
            return send(mix);
        }

        /** The completion callback: record, then issue the next request (or leave it to the loop). */
        @Override
        public void accept(Object reply, Throwable error) {
            completed(reply, error);
            if (state.compareAndSet(ISSUING, COMPLETED_IN_ISSUE)) {
                if (phase == MEASURE) {
                    completedInIssue++;
                }
                return;
            }
            issue();
        }

        private void completed(Object reply, Throwable error) {
            record(System.nanoTime() - startNanos, error, expectValue && reply == null);
            // sample the thread: not the first completions, which may run on the starter thread
            // (a reply that beat its whenComplete runs the callback on the attaching thread)
            sampleThread();
        }
    }

    /** A flat JSON object, written by hand (the suite has no JSON library). */
    private static final class Json {
        private final Map<String, String> fields = new LinkedHashMap<>();

        void put(String k, Object v) {
            String s;
            if (v == null) {
                s = "null";
            } else if (v instanceof Number || v instanceof Boolean) {
                s = String.valueOf(v);
            } else {
                s = quote(String.valueOf(v));
            }
            fields.put(k, s);
        }

        void putRaw(String k, String json) {
            fields.put(k, json);
        }

        String get(String k) {
            return fields.getOrDefault(k, "-");
        }

        static String array(Iterable<String> items) {
            StringBuilder b = new StringBuilder("[");
            for (String s : items) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(quote(s));
            }
            return b.append(']').toString();
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            return b.append('"').toString();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("{");
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(quote(e.getKey())).append(':').append(e.getValue());
            }
            return b.append('}').toString();
        }
    }
}
