import glide.api.GlideClient;
import glide.api.OpenTelemetry;
import glide.api.logging.Logger;
import glide.api.models.Batch;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Logs and traces, the same program against glide-jni's jar and valkey-glide's (issue 17): in
 * its working directory, {@code Logger.init(<level>, "compat")} and {@code OpenTelemetry.init}
 * with file endpoints; a client runs commands and a batch; the server (started here, on
 * {@code <port>}) is killed and restarted on the same port; the client's recovery is awaited.
 * Then the log and the span file are read back. Prints, for run-observability.sh to compare:
 * whether the log shows the lost connection and the recovery, and the span names. The matching
 * log lines go to stderr (the two clients word them differently).
 *
 * <p>Usage: {@code ObservabilityCheck <level> <redis-server> <port>}.
 */
public final class ObservabilityCheck {
    public static void main(String[] args) throws Exception {
        Logger.Level level = Logger.Level.valueOf(args[0]);
        String serverBinary = args[1];
        int port = Integer.parseInt(args[2]);
        Path here = Paths.get("").toAbsolutePath();
        Path spans = here.resolve("spans.json");
        Logger.init(level, "compat");
        OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
                .traces(OpenTelemetry.TracesConfig.builder().endpoint("file://" + spans).samplePercentage(100).build())
                .metrics(OpenTelemetry.MetricsConfig.builder().endpoint("file://" + here.resolve("metrics.json")).build())
                .flushIntervalMs(200L)
                .build());
        Process server = startServer(serverBinary, port);
        GlideClient client = GlideClient.createClient(GlideClientConfiguration.builder()
                        .address(NodeAddress.builder().host("127.0.0.1").port(port).build())
                        .requestTimeout(1000)
                        .build())
                .get(10, TimeUnit.SECONDS);
        client.set("compat:k", "v").get(5, TimeUnit.SECONDS);
        System.out.println("get before: " + client.get("compat:k").get(5, TimeUnit.SECONDS));
        Object[] batch = client.exec(new Batch(false).set("compat:b", "1").get("compat:b"), true).get(5, TimeUnit.SECONDS);
        System.out.println("batch: " + java.util.Arrays.toString(batch));

        server.destroyForcibly();
        server.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(1500);
        server = startServer(serverBinary, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean recovered = false;
        while (!recovered && System.nanoTime() < deadline) {
            try {
                client.set("compat:k", "after").get(2, TimeUnit.SECONDS);
                recovered = true;
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        System.out.println("client recovered: " + recovered);
        System.out.println("get after: " + client.get("compat:k").get(5, TimeUnit.SECONDS));
        Thread.sleep(1500); // an export or more at 200 ms
        client.close();
        server.destroyForcibly();
        Thread.sleep(500);

        List<String> log = logLines(here.resolve("glide-logs"));
        String address = String.valueOf(port);
        List<String> lost = matching(log, address, "(?i)(lost|closed|disconnect|broken|reset|refused)");
        List<String> back = matching(log, address, "(?i)(reconnected|connected|restored|recovered)");
        System.out.println("log at " + level + " shows the lost connection: " + !lost.isEmpty());
        System.out.println("log at " + level + " shows the recovery: " + !back.isEmpty());
        lost.forEach(l -> System.err.println("lost> " + l));
        back.forEach(l -> System.err.println("back> " + l));
        System.out.println("span names: " + spanNames(spans));
        System.exit(0); // a client's non-daemon threads must not keep the JVM alive
    }

    private static Process startServer(String binary, int port) throws Exception {
        Process p = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                        "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(new File("server-" + System.nanoTime() + ".log"))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return p;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the server did not start on " + port);
    }

    private static List<String> logLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().collect(Collectors.toList())) {
                lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }

    private static List<String> matching(List<String> lines, String must, String pattern) {
        Pattern p = Pattern.compile(pattern);
        return lines.stream().filter(l -> l.contains(must) && p.matcher(l).find()).collect(Collectors.toList());
    }

    /** The distinct "name" values of the span file's JSON lines. */
    private static TreeSet<String> spanNames(Path file) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        if (!Files.exists(file)) {
            return names;
        }
        Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = name.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
