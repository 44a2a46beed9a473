package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import glide.api.models.exceptions.ConfigurationError;
import glide.testutil.RedisServer;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link OpenTelemetry}: its configuration checks (in this JVM, where every {@code init} is
 * refused), and the spans and metrics of {@link OpenTelemetryMain}'s requests, which runs in a
 * JVM of its own per endpoint (OpenTelemetry is initialised once per process): read back from
 * the {@code file://} exporter's JSON lines, received over OTLP/HTTP (JSON, and protobuf) by an
 * HTTP server started here, and over OTLP/gRPC by a gRPC server (grpc-java's, on Netty) started
 * here. Both check single commands, batches, a server error, a timeout, sampling at 0%, 1% and
 * 100%, and that a command run inside a span of the OpenTelemetry SDK is that span's child (the
 * file leg also on a cluster client); and
 * that without the OpenTelemetry API on the class path spans are still made.
 */
class OpenTelemetryTest {

    @Test
    void configurationIsCheckedAsValkeyGlideChecksIt() throws Exception {
        // Before any init: no traces to change the percentage of.
        assertMessage(ConfigurationError.class, "OpenTelemetry config traces not initialized", () -> OpenTelemetry.setSamplePercentage(5));
        assertNull(OpenTelemetry.getSamplePercentage());
        assertFalse(OpenTelemetry.shouldSample());

        OpenTelemetry.OpenTelemetryConfig defaults = OpenTelemetry.OpenTelemetryConfig.builder()
                .traces(OpenTelemetry.TracesConfig.builder().endpoint("http://localhost:4318").build())
                .build();
        assertEquals(5000L, defaults.getFlushIntervalMs());
        assertEquals(1, defaults.getTraces().getSamplePercentage());
        assertNotSame(defaults.getTraces(), defaults.getTraces(), "getters hand out copies");
        assertNull(defaults.getMetrics());

        Path dir = Files.createTempDirectory("otel-config");
        String spans = "file://" + dir.resolve("spans.json");
        assertMessage(ConfigurationError.class, "At least one of traces or metrics must be provided",
                () -> OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder().build()));
        assertMessage(Exception.class, "Parse error", () -> init(traces("wrong.endpoint", 1), null, 100L));
        assertMessage(Exception.class, "Parse error", () -> init(null, "wrong.endpoint", 100L));
        assertMessage(Exception.class, "flushIntervalMs must be a positive integer", () -> init(traces(spans, 1), null, -400L));
        assertMessage(Exception.class, "flushIntervalMs must be a positive integer", () -> init(traces(spans, 1), null, 0L));
        assertMessage(Exception.class, "InvalidInput: traces_sample_percentage must be a positive integer (got: -400)",
                () -> init(traces(spans, -400), null, 100L));
        assertMessage(Exception.class, "Trace sample percentage must be between 0 and 100", () -> init(traces(spans, 101), null, 100L));
        assertMessage(Exception.class, "File path must start with 'file://'", () -> init(traces("file:invalid-path/v1/traces.json", 1), null, 100L));
        assertMessage(Exception.class, "File path must start with 'file://'", () -> init(null, "file:invalid-path/v1/metrics.json", 100L));
        assertMessage(Exception.class, "The directory does not exist or is not a directory",
                () -> init(traces("file:///no-exits-path/v1/traces.json", 1), null, 100L));
        assertMessage(Exception.class, "Parse error", () -> init(traces("grpc://:4317", 1), null, 100L));
        assertFalse(OpenTelemetry.isInitialized());
        assertFalse(OpenTelemetry.shouldSample());
        assertMessage(ConfigurationError.class, "Sample percentage must be between 0 and 100", () -> OpenTelemetry.setSamplePercentage(101));
    }

    @Test
    void spansAndMetricsAreWrittenToFiles() throws Exception {
        Path dir = Files.createTempDirectory("otel-file");
        Path spanFile = dir.resolve("spans.json");
        Path metricsFile = dir.resolve("metrics.json");
        String output = runChild("glide.api.OpenTelemetryMain", entry -> true, Map.of(), "file://" + spanFile, "file://" + metricsFile, "cluster");
        List<SpanData> spans = Files.readAllLines(spanFile).stream()
                .filter(line -> !line.isBlank())
                .map(OpenTelemetryTest::fromFileLine)
                .collect(Collectors.toList());
        // The cluster client's: no server named (the node is chosen per request).
        List<SpanData> clusterSpans = spans.stream()
                .filter(s -> !s.attributes.containsKey("server.address"))
                .filter(s -> !s.name.equals("send_batch"))
                .collect(Collectors.toList());
        Matcher steps = Pattern.compile("cluster scan steps (\\d+)").matcher(output);
        assertTrue(steps.find(), output);
        assertEquals(1, named(clusterSpans, "Del").size(), clusterSpans.toString());
        assertEquals(Integer.parseInt(steps.group(1)), named(clusterSpans, "ClusterScan").size(), clusterSpans.toString());
        List<SpanData> clusterBatches = named(clusterSpans, "Batch");
        assertEquals(1, clusterBatches.size(), clusterSpans.toString());
        assertEquals("PIPELINE SET", clusterBatches.get(0).attributes.get("db.operation.name"));
        spans.removeAll(clusterSpans);
        spans.removeIf(s -> s.name.equals("send_batch") && s.parentSpanId.equals(clusterBatches.get(0).spanId));
        checkSpans(spans, output);
        String metrics = Files.readString(metricsFile);
        assertTrue(metrics.contains("\"name\":\"valkey_glide\""), metrics);
        Matcher timeouts = Pattern.compile("\"value\":(\\d+)}],\"description\":\"[^\"]*\",\"name\":\"glide.timeout_errors\"").matcher(metrics);
        long last = -1;
        while (timeouts.find()) {
            last = Long.parseLong(timeouts.group(1));
        }
        assertTrue(last >= 1, "the last metrics line counts the timeout: " + metrics);
        for (String name : new String[] {"glide.retry_attempts", "glide.moved_errors", "glide.subscription_out_of_sync_count",
                "glide.subscription_last_sync_timestamp"}) {
            assertTrue(metrics.contains("\"name\":\"" + name + "\""), name);
        }
    }

    /** One request an OTLP/HTTP receiver got: its path, content type and body. */
    private static final class Received {
        final String path;
        final String contentType;
        final byte[] body;

        Received(String path, String contentType, byte[] body) {
            this.path = path;
            this.contentType = contentType;
            this.body = body;
        }
    }

    /** An HTTP server on a free loopback port that keeps every request and answers 200. */
    private static HttpServer receiver(List<Received> received) throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }

    /** OTLP/HTTP with {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/json}: the JSON encoding. */
    @Test
    void spansAndMetricsReachAnOtlpHttpReceiver() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        try {
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            String output = runChild("glide.api.OpenTelemetryMain", entry -> true, Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json"),
                    base + "/v1/traces", base + "/v1/metrics");
            List<SpanData> spans = new ArrayList<>();
            StringBuilder metrics = new StringBuilder();
            for (Received request : received) {
                assertEquals("application/json", request.contentType);
                String body = new String(request.body, StandardCharsets.UTF_8);
                if (request.path.equals("/v1/traces")) {
                    spans.addAll(fromOtlpJson(body));
                } else {
                    assertEquals("/v1/metrics", request.path);
                    metrics.append(body).append('\n');
                }
            }
            checkSpans(spans, output);
            assertTrue(metrics.toString().contains("\"resourceMetrics\""), metrics.toString());
            Matcher timeouts = Pattern.compile("\"name\":\"glide.timeout_errors\".*?\"asInt\":\"(\\d+)\"").matcher(metrics);
            long last = -1;
            while (timeouts.find()) {
                last = Long.parseLong(timeouts.group(1));
            }
            assertTrue(last >= 1, "the last export counts the timeout: " + metrics);
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * A burst of sampled requests is exported when the buffer of ended spans is half full, not
     * only at the flush interval (ten minutes here): at 1% of a busy client, an interval of the
     * default 5 s would otherwise end more spans than the buffer holds, and drop them.
     */
    @Test
    void aHalfFullSpanBufferIsExportedBeforeTheInterval() throws Exception {
        Path spanFile = Files.createTempFile("otel-burst", ".json");
        Files.delete(spanFile);
        try {
            String output = runChild("glide.api.OpenTelemetryBurstMain", entry -> true, Map.of(), spanFile.toString());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("exported (\\d+) in \\d+ ms, dropped 0").matcher(output);
            assertTrue(m.find(), output);
            assertTrue(Long.parseLong(m.group(1)) >= 4_096, output);
        } finally {
            Files.deleteIfExists(spanFile);
        }
    }

    /**
     * Also: what is left at exit is exported (the child exits before its flush interval), and
     * OTLP/HTTP's default encoding is protobuf, to {@code /v1/traces} when the URL has no path.
     */
    @Test
    void withoutTheOpenTelemetryApiSpansHaveNoParent() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        try {
            String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
            String output = runChild("glide.api.OpenTelemetryNoApiMain", entry -> !entry.contains("opentelemetry"), Map.of(), endpoint);
            assertTrue(output.contains("GET null"), output);
            assertEquals(1, received.size());
            assertEquals("/v1/traces", received.get(0).path);
            assertEquals("application/x-protobuf", received.get(0).contentType);
            List<SpanData> spans = spansOf(ExportTraceServiceRequest.parseFrom(received.get(0).body));
            assertEquals(1, spans.size(), spans.toString());
            assertEquals("Get", spans.get(0).name);
            assertEquals("", spans.get(0).parentSpanId);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void spansAndMetricsReachAnOtlpGrpcReceiver() throws Exception {
        List<byte[]> traces = new CopyOnWriteArrayList<>();
        List<byte[]> metrics = new CopyOnWriteArrayList<>();
        Server receiver = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(exportService("opentelemetry.proto.collector.trace.v1.TraceService", traces))
                .addService(exportService("opentelemetry.proto.collector.metrics.v1.MetricsService", metrics))
                .build()
                .start();
        try {
            String endpoint = "grpc://127.0.0.1:" + receiver.getPort();
            String output = runChild(endpoint, endpoint);
            List<SpanData> spans = new ArrayList<>();
            for (byte[] request : traces) {
                spans.addAll(spansOf(ExportTraceServiceRequest.parseFrom(request)));
            }
            checkSpans(spans, output);
            long last = -1;
            for (byte[] request : metrics) {
                ExportMetricsServiceRequest export = ExportMetricsServiceRequest.parseFrom(request);
                for (Metric metric : export.getResourceMetrics(0).getScopeMetrics(0).getMetricsList()) {
                    if (metric.getName().equals("glide.timeout_errors")) {
                        assertTrue(metric.getSum().getIsMonotonic());
                        last = metric.getSum().getDataPoints(0).getAsInt();
                    }
                }
            }
            assertTrue(last >= 1, "the last export counts the timeout: " + last);
        } finally {
            receiver.shutdownNow();
        }
    }

    /** A gRPC service whose unary {@code Export} keeps each request's bytes and answers empty. */
    private static ServerServiceDefinition exportService(String service, List<byte[]> received) {
        MethodDescriptor.Marshaller<byte[]> raw = new MethodDescriptor.Marshaller<>() {
            @Override
            public InputStream stream(byte[] value) {
                return new ByteArrayInputStream(value);
            }

            @Override
            public byte[] parse(InputStream in) {
                try {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        MethodDescriptor<byte[], byte[]> export = MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(service, "Export"))
                .setRequestMarshaller(raw)
                .setResponseMarshaller(raw)
                .build();
        return ServerServiceDefinition.builder(service)
                .addMethod(export, ServerCalls.asyncUnaryCall((request, response) -> {
                    received.add(request);
                    response.onNext(new byte[0]); // an empty Export*ServiceResponse
                    response.onCompleted();
                }))
                .build();
    }

    /** The spans of one OTLP protobuf export, checking what every span shares. */
    private static List<SpanData> spansOf(ExportTraceServiceRequest export) {
        List<SpanData> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
            assertTrue(resourceSpans.getResource().getAttributesList().stream().anyMatch(kv -> kv.getKey().equals("service.name")));
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                assertEquals("valkey_glide", scopeSpans.getScope().getName());
                for (Span span : scopeSpans.getSpansList()) {
                    assertEquals(Span.SpanKind.SPAN_KIND_CLIENT, span.getKind());
                    spans.add(fromProtobuf(span));
                }
            }
        }
        return spans;
    }

    private static SpanData fromProtobuf(Span span) {
        SpanData data = new SpanData();
        data.name = span.getName();
        data.traceId = hex(span.getTraceId().toByteArray());
        data.spanId = hex(span.getSpanId().toByteArray());
        data.parentSpanId = hex(span.getParentSpanId().toByteArray());
        data.startNanos = span.getStartTimeUnixNano();
        data.endNanos = span.getEndTimeUnixNano();
        if (span.getStatus().getCode() == io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR) {
            data.error = span.getStatus().getMessage();
        }
        for (KeyValue kv : span.getAttributesList()) {
            AnyValue value = kv.getValue();
            data.attributes.put(kv.getKey(), value.hasIntValue() ? Long.toString(value.getIntValue()) : value.getStringValue());
        }
        return data;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    /** What both exporters must show for {@link OpenTelemetryMain}'s requests. */
    private static void checkSpans(List<SpanData> spans, String output) {
        assertTrue(output.contains("initialized true 100"), output);
        assertTrue(output.contains("second init ignored 100"), output);
        assertTrue(output.contains("refused INCR: RequestException"), output);
        assertTrue(output.contains("GET while paused: TimeoutException"), output);
        assertTrue(output.contains("statistics open 0 dropped 0"), output);
        Matcher parentIds = Pattern.compile("PARENT (\\w{32}) (\\w{16})").matcher(output);
        assertTrue(parentIds.find(), output);
        String parentTrace = parentIds.group(1);
        String parentSpan = parentIds.group(2);
        String all = spans.stream().map(s -> s.name).collect(Collectors.joining(" "));

        // 100%: every GET has its span; the one that timed out says so.
        List<SpanData> gets = named(spans, "Get");
        assertEquals(12, gets.size(), all);
        for (SpanData get : gets) {
            assertEquals("redis", get.attributes.get("db.system.name"));
            assertEquals("GET", get.attributes.get("db.operation.name"));
            assertEquals("127.0.0.1", get.attributes.get("server.address"));
            assertTrue(get.attributes.get("server.port").matches("\\d+"), get.attributes.toString());
        }
        List<SpanData> timedOut = gets.stream().filter(s -> s.error != null).collect(Collectors.toList());
        assertEquals(1, timedOut.size(), all);
        assertEquals("TimeoutException", timedOut.get(0).attributes.get("error.type"));

        // A server error: the span's status is an error with the server's message.
        List<SpanData> incrs = named(spans, "Incr");
        assertEquals(1, incrs.size(), "the INCRs at 0% have none: " + all);
        assertTrue(incrs.get(0).error.contains("not an integer"), incrs.get(0).error);
        assertEquals("RequestException", incrs.get(0).attributes.get("error.type"));
        assertEquals(1, named(spans, "ClientPause").size(), all);

        // 1% of 3000: about 30. The bounds are more than 4 standard deviations away.
        int exists = named(spans, "Exists").size();
        assertTrue(exists >= 5 && exists <= 70, "EXISTS spans at 1%: " + exists);

        // Batches: a span each, and valkey-glide's "send_batch" child.
        List<SpanData> batches = named(spans, "Batch");
        assertEquals(3, batches.size(), all);
        assertEquals(3, named(spans, "send_batch").size(), all);
        SpanData pipeline = batches.stream()
                .filter(s -> "PIPELINE GET".equals(s.attributes.get("db.operation.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PIPELINE GET batch: " + spans));
        assertEquals("2", pipeline.attributes.get("db.operation.batch.size"));
        for (SpanData batch : batches) {
            SpanData child = spans.stream()
                    .filter(s -> s.name.equals("send_batch") && s.parentSpanId.equals(batch.spanId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no send_batch under " + batch));
            assertEquals(batch.traceId, child.traceId);
        }

        // Inside the SDK's span: the GET and the batch are its children, in its trace.
        List<SpanData> children = spans.stream().filter(s -> s.traceId.equals(parentTrace)).collect(Collectors.toList());
        assertEquals(List.of("Batch", "Get", "send_batch"), children.stream().map(s -> s.name).sorted().collect(Collectors.toList()));
        for (SpanData child : children) {
            if (!child.name.equals("send_batch")) {
                assertEquals(parentSpan, child.parentSpanId, child.toString());
            }
        }
        // Elsewhere, every command span starts a trace of its own.
        for (SpanData span : spans) {
            if (!span.traceId.equals(parentTrace) && !span.name.equals("send_batch")) {
                assertTrue(span.parentSpanId.isEmpty() || span.parentSpanId.matches("0+"), span.toString());
            }
            assertTrue(span.endNanos >= span.startNanos, span.toString());
        }
    }

    private static List<SpanData> named(List<SpanData> spans, String name) {
        Predicate<SpanData> named = s -> s.name.equals(name);
        return spans.stream().filter(named).collect(Collectors.toList());
    }

    /** One span, from either format. */
    private static final class SpanData {
        String name;
        String traceId;
        String spanId;
        String parentSpanId = "";
        long startNanos;
        long endNanos;
        /** The status message when it is an error, else null. */
        String error;
        final Map<String, String> attributes = new HashMap<>();

        @Override
        public String toString() {
            return name + " trace " + traceId + " span " + spanId + " parent " + parentSpanId + " error " + error + " " + attributes;
        }
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** A line of the file exporter (valkey-glide's format). */
    private static SpanData fromFileLine(String line) {
        SpanData span = new SpanData();
        span.name = field(line, "name");
        span.traceId = field(line, "trace_id");
        span.spanId = field(line, "span_id");
        span.parentSpanId = field(line, "parent_span_id");
        span.startNanos = Long.parseLong(field(line, "start_time")) * 1000;
        span.endNanos = Long.parseLong(field(line, "end_time")) * 1000;
        String status = field(line, "status");
        span.error = status.startsWith("Error") ? status : null;
        String attributes = line.substring(line.indexOf("\"span_attributes\":["), line.indexOf("],\"span_id\""));
        Matcher m = Pattern.compile("\\{\"([^\"]+)\":\"((?:[^\"\\\\]|\\\\.)*)\"}").matcher(attributes);
        while (m.find()) {
            span.attributes.put(m.group(1), m.group(2));
        }
        return span;
    }

    /** The spans of one OTLP/JSON export request. */
    private static List<SpanData> fromOtlpJson(String body) {
        List<SpanData> spans = new ArrayList<>();
        String[] parts = body.split("\\{\"traceId\":");
        for (int i = 1; i < parts.length; i++) {
            String json = "{\"traceId\":" + parts[i];
            SpanData span = new SpanData();
            span.name = field(json, "name");
            span.traceId = field(json, "traceId");
            span.spanId = field(json, "spanId");
            String parent = field(json, "parentSpanId");
            span.parentSpanId = parent == null ? "" : parent;
            span.startNanos = Long.parseLong(field(json, "startTimeUnixNano"));
            span.endNanos = Long.parseLong(field(json, "endTimeUnixNano"));
            span.error = json.contains("\"status\":{\"code\":2") ? field(json.substring(json.indexOf("\"status\"")), "message") : null;
            Matcher m = Pattern.compile("\\{\"key\":\"([^\"]+)\",\"value\":\\{\"(?:stringValue|intValue)\":\"((?:[^\"\\\\]|\\\\.)*)\"}}").matcher(json);
            while (m.find()) {
                span.attributes.put(m.group(1), m.group(2));
            }
            spans.add(span);
        }
        return spans;
    }

    /** Runs {@link OpenTelemetryMain} with these endpoints in a new JVM; returns its output. */
    private static String runChild(String tracesEndpoint, String metricsEndpoint) throws Exception {
        return runChild("glide.api.OpenTelemetryMain", entry -> true, Map.of(), tracesEndpoint, metricsEndpoint);
    }

    /**
     * Runs {@code mainClass} in a new JVM with this JVM's class path entries that {@code keep} and
     * {@code env} added to the environment.
     */
    private static String runChild(String mainClass, Predicate<String> keep, Map<String, String> env, String... args) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
        for (String property : new String[] {"glide.native.library", RedisServer.SERVER_PROPERTY}) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.add(mainClass);
        command.addAll(List.of(args));
        File log = File.createTempFile("otel-child", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(env);
        Process child = builder.start();
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String output = Files.readString(log.toPath());
        Files.deleteIfExists(log.toPath());
        assertTrue(exited, "child JVM still running after 60 s:\n" + output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("done"), output);
        return output;
    }

    private static OpenTelemetry.TracesConfig traces(String endpoint, int percentage) {
        return OpenTelemetry.TracesConfig.builder().endpoint(endpoint).samplePercentage(percentage).build();
    }

    private static void init(OpenTelemetry.TracesConfig traces, String metricsEndpoint, Long flushIntervalMs) {
        OpenTelemetry.init(OpenTelemetry.OpenTelemetryConfig.builder()
                .traces(traces)
                .metrics(metricsEndpoint == null ? null : OpenTelemetry.MetricsConfig.builder().endpoint(metricsEndpoint).build())
                .flushIntervalMs(flushIntervalMs)
                .build());
    }

    /** {@code call} throws exactly {@code type} (not a subclass) with {@code text} in its message. */
    private static void assertMessage(Class<? extends Throwable> type, String text, Executable call) {
        Throwable thrown = assertThrows(Throwable.class, call);
        assertEquals(type, thrown.getClass(), String.valueOf(thrown));
        assertTrue(thrown.getMessage().contains(text), thrown.getMessage());
    }
}
