package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.IamAuthConfig;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ServerCredentials;
import glide.api.models.configuration.ServiceType;
import glide.api.models.exceptions.ConfigurationError;
import glide.testutil.RecordingProxy;
import glide.testutil.RedisServer;
import glide.testutil.SdkIamTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * IAM authentication end to end: a child JVM ({@code glide.testutil.IamClientMain}) whose
 * environment holds test AWS credentials connects through a {@link RecordingProxy} to a real
 * redis-server, whose ACL user {@code iamuser} takes any password while {@code default} needs one.
 * The test then reads the handshake of every connection the proxy saw and checks the token the
 * server received: its structure, the credential scope, the session token, and the signature,
 * which must equal what the AWS SDK for Java v2 presigns for the same inputs at the token's own
 * X-Amz-Date. A reconnect after the periodic refresh, or after refreshIamToken(), must carry a
 * newer token; a reconnect without either, the same one.
 */
class IamAuthTest {
    private static final String ADMIN_PASSWORD = "iam-test-admin";
    private static final String USER = "iamuser";
    private static final String CLUSTER = "my-cluster";
    private static final String KEY_ID = "ASIAIAMAUTHTEST0001X";
    private static final String SECRET = "iamAuthTest/Secret+Key=0123456789abcdefXYZ";
    /** Shaped like an STS session token: base64 with '+', '/' and '=', which must be encoded. */
    private static final String SESSION_TOKEN =
            "IQoJb3JpZ2luX2VjE+iam/auth/test==" + "QWxhZGRpbjpvcGVuIHNlc2FtZQ+/".repeat(8) + "=";

    private static final Pattern AMZ_DATE = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
    private static final DateTimeFormatter AMZ_DATE_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd");

    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start("--requirepass", ADMIN_PASSWORD);
        server.commandWithPassword(ADMIN_PASSWORD, "ACL", "SETUSER", USER, "on", "nopass", "~*", "&*", "+@all");
        // Without authenticating, nothing works: the client's AUTH is what lets it in.
        IllegalStateException noAuth = assertThrows(IllegalStateException.class, () -> server.command("PING"));
        assertTrue(noAuth.getMessage().startsWith("NOAUTH"), noAuth.getMessage());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            // So that the harness's SHUTDOWN (sent without a password) is obeyed.
            server.commandWithPassword(ADMIN_PASSWORD, "CONFIG", "SET", "requirepass", "");
            server.close();
        }
    }

    // ---- the whole path, with the AUTH the server received ---------------------------------------

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void theServerReceivesSignedTokensAndReconnectsUseTheNewest(ProtocolVersion protocol) throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start(server.host(), server.port())) {
            Transcript run = runChild(proxy, credentialsEnvironment(), "scenarios", protocol.name());
            assertEquals(0, run.exitCode, run.output);
            assertTrue(run.done, run.output);

            // What the child saw.
            String periodic = "iam-periodic-" + protocol;
            String manual = "iam-manual-" + protocol;
            for (String what : List.of("whoami", "whoami-after-reconnect", "whoami-at-end")) {
                assertEquals(USER, run.seen(periodic, what), run.output);
            }
            for (String what : List.of("whoami", "whoami-after-reconnect", "whoami-after-refresh")) {
                assertEquals(USER, run.seen(manual, what), run.output);
            }
            assertEquals("OK", run.seen(periodic, "set"), run.output);
            assertEquals("v1", run.seen(periodic, "get"), run.output);
            assertEquals("v1", run.seen(periodic, "get-after-reconnect"), run.output);
            assertEquals("OK", run.seen(manual, "refresh"), run.output);
            assertEquals("OK", run.seen(manual, "set"), run.output);
            // IAM clients refuse a password at once with ConfigurationError, as valkey-glide 2.3.1.
            for (String what : List.of("update-password", "update-password-immediate", "remove-password")) {
                String outcome = run.seen(periodic, what);
                assertTrue(outcome.startsWith("THREW glide.api.models.exceptions.ConfigurationError: "), what + ": " + outcome);
                assertTrue(outcome.contains("IAM"), what + ": " + outcome);
            }
            // Each kill closed the client's one connection.
            assertEquals(List.of(1L, 1L, 1L), run.killed, run.output);

            // What the server received.
            Map<String, List<Handshake>> byClient = handshakes(proxy, protocol);
            System.out.println(protocol + " " + describe(byClient));
            assertEquals(List.of(periodic, manual), new ArrayList<>(byClient.keySet()), describe(byClient));
            List<Handshake> periodicConnections = byClient.get(periodic);
            List<Handshake> manualConnections = byClient.get(manual);
            // One connection, then one per kill: no stray connections, no failed attempts.
            assertEquals(2, periodicConnections.size(), describe(byClient));
            assertEquals(3, manualConnections.size(), describe(byClient));

            // refreshIntervalSeconds 1: the reconnect uses a token signed after the first, by the
            // periodic refresh, at most a few seconds before the kill.
            long created = run.time(periodic + "-create") / 1000;
            long killed = run.time(periodic + "-kill") / 1000;
            long first = checkToken(periodicConnections.get(0).token, "elasticache", "us-east-1", created, killed);
            long second = checkToken(periodicConnections.get(1).token, "elasticache", "us-east-1", created, run.end / 1000);
            assertNotEquals(periodicConnections.get(0).token, periodicConnections.get(1).token);
            assertTrue(second > first, "reconnect token signed at " + second + ", first at " + first);
            assertTrue(second >= killed - 3, "reconnect token signed at " + second + ", kill at " + killed);

            // refreshIntervalSeconds 600: a reconnect 1.2 s later reuses the token; after
            // refreshIamToken() the next one carries a token signed by that call.
            created = run.time(manual + "-create") / 1000;
            long refreshed = run.time(manual + "-refresh") / 1000;
            long firstKill = run.time(manual + "-kill") / 1000;
            first = checkToken(manualConnections.get(0).token, "memorydb", "eu-west-1", created, firstKill);
            assertEquals(manualConnections.get(0).token, manualConnections.get(1).token, "a reconnect without a refresh");
            long third = checkToken(manualConnections.get(2).token, "memorydb", "eu-west-1", refreshed, run.end / 1000);
            assertTrue(third > first, "token after refreshIamToken signed at " + third + ", first at " + first);
            assertNotEquals(manualConnections.get(0).token, manualConnections.get(2).token);

            assertEquals(0, proxy.refused());
        }
    }

    /** One connection's handshake, as the server received it. */
    private static final class Handshake {
        final int connection;
        final String clientName;
        final String token;
        final List<List<String>> commands;

        Handshake(int connection, String clientName, String token, List<List<String>> commands) {
            this.connection = connection;
            this.clientName = clientName;
            this.token = token;
            this.commands = commands;
        }

        @Override
        public String toString() {
            return "#" + connection + " " + clientName + " " + redact(commands);
        }
    }

    /**
     * Every connection the proxy saw, grouped by client name in the order they were accepted.
     * Checks that each one opened with the handshake that authenticates iamuser with a token
     * (RESP3: {@code HELLO 3 AUTH iamuser <token>}; RESP2: {@code AUTH iamuser <token>}) and sent
     * no other HELLO or AUTH afterwards: live connections keep the identity they started with.
     */
    private static Map<String, List<Handshake>> handshakes(RecordingProxy proxy, ProtocolVersion protocol) {
        Map<String, List<Handshake>> byClient = new LinkedHashMap<>();
        for (RecordingProxy.Connection connection : proxy.connections()) {
            List<List<String>> commands = parseCommands(connection.sent());
            String context = "connection " + connection.index() + ": " + redact(commands);
            assertTrue(!commands.isEmpty(), context);
            List<String> first = commands.get(0);
            String token;
            if (protocol == ProtocolVersion.RESP3) {
                assertEquals(5, first.size(), context);
                assertEquals(List.of("HELLO", "3", "AUTH", USER), first.subList(0, 4), context);
                token = first.get(4);
            } else {
                assertEquals(3, first.size(), context);
                assertEquals(List.of("AUTH", USER), first.subList(0, 2), context);
                token = first.get(2);
            }
            long authentications =
                    commands.stream().filter(c -> c.get(0).equalsIgnoreCase("AUTH") || c.get(0).equalsIgnoreCase("HELLO")).count();
            assertEquals(1, authentications, context);
            String name = commands.stream()
                    .filter(c -> c.size() == 3 && c.get(0).equals("CLIENT") && c.get(1).equals("SETNAME"))
                    .map(c -> c.get(2))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no CLIENT SETNAME in " + context));
            byClient.computeIfAbsent(name, n -> new ArrayList<>()).add(new Handshake(connection.index(), name, token, commands));
        }
        return byClient;
    }

    /**
     * Checks one token the server received and returns its X-Amz-Date in epoch seconds, which must
     * lie between {@code notBefore} and {@code notAfter} (epoch seconds of this machine's clock,
     * which also signed the token; a second of slack after).
     */
    private static long checkToken(String token, String service, String region, long notBefore, long notAfter) {
        String context = redactToken(token);
        String prefix = CLUSTER + "/?";
        assertTrue(token.startsWith(prefix), context);
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : token.substring(prefix.length()).split("&", -1)) {
            int eq = param.indexOf('=');
            assertTrue(eq > 0, "parameter '" + param + "' in " + context);
            params.put(param.substring(0, eq), param.substring(eq + 1));
        }
        assertEquals(SdkIamTokens.ORDER, new ArrayList<>(params.keySet()), "parameters, in order, of " + context);
        assertEquals("connect", params.get("Action"), context);
        assertEquals(USER, params.get("User"), context);
        assertEquals("AWS4-HMAC-SHA256", params.get("X-Amz-Algorithm"), context);
        assertEquals("900", params.get("X-Amz-Expires"), context);
        assertEquals("host", params.get("X-Amz-SignedHeaders"), context);
        assertTrue(SIGNATURE.matcher(params.get("X-Amz-Signature")).matches(), context);

        String amzDate = params.get("X-Amz-Date");
        assertTrue(AMZ_DATE.matcher(amzDate).matches(), context);
        long signedAt = LocalDateTime.parse(amzDate, AMZ_DATE_FORMAT).toEpochSecond(ZoneOffset.UTC);
        assertTrue(signedAt >= notBefore && signedAt <= notAfter + 1,
                "X-Amz-Date " + amzDate + " outside [" + Instant.ofEpochSecond(notBefore) + ", " + Instant.ofEpochSecond(notAfter) + "]");
        // Signed today (UTC), within this run; the scope's date is the X-Amz-Date's day.
        String day = amzDate.substring(0, 8);
        assertTrue(day.equals(today(notBefore)) || day.equals(today(notAfter)), "scope day " + day + " is not today");
        String scope = KEY_ID + "/" + day + "/" + region + "/" + service + "/aws4_request";
        assertEquals(scope.replace("/", "%2F"), params.get("X-Amz-Credential"), context);

        // The session token, percent-encoded as SigV4 requires ('+', '/', '=' included).
        String securityToken = params.get("X-Amz-Security-Token");
        assertTrue(securityToken.matches("[A-Za-z0-9%._~-]+"), "not SigV4-encoded: " + securityToken);
        assertEquals(SESSION_TOKEN, URLDecoder.decode(securityToken, StandardCharsets.UTF_8));

        // The signature the AWS SDK for Java computes for the same request at the same second.
        String sdk = SdkIamTokens.presign(
                CLUSTER, USER, service, region, AwsSessionCredentials.create(KEY_ID, SECRET, SESSION_TOKEN), signedAt);
        assertEquals(SdkIamTokens.inOurOrder(sdk), token, "the AWS SDK for Java presigns otherwise");
        return signedAt;
    }

    private static String today(long epochSeconds) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC).format(DAY_FORMAT);
    }

    // ---- failures -------------------------------------------------------------------------------

    @Test
    void withoutCredentialsCreateClientFailsWithClosingExceptionNamingTheSources() throws Exception {
        try (RecordingProxy proxy = RecordingProxy.start(server.host(), server.port())) {
            // No AWS_* variables, an empty HOME (no shared files) and no instance metadata: on an
            // EC2 host that service would hand out the instance role's credentials.
            Map<String, String> env = new HashMap<>(credentialsEnvironment());
            env.keySet().removeIf(name -> name.startsWith("AWS_") && !name.equals("AWS_EC2_METADATA_DISABLED"));
            Transcript run = runChild(proxy, env, "nocreds");
            assertEquals(0, run.exitCode, run.output);
            assertTrue(run.done, run.output);
            String failed = run.failed;
            assertTrue(failed != null && failed.startsWith("glide.api.models.exceptions.ClosingException "), run.output);
            assertTrue(failed.contains("no AWS credentials found"), failed);
            // It says where it looked.
            for (String source : List.of("AWS_ACCESS_KEY_ID", "profile 'default'", "AWS_CONTAINER_CREDENTIALS", "AWS_EC2_METADATA_DISABLED")) {
                assertTrue(failed.contains(source), source + " in " + failed);
            }
            // It failed before connecting.
            assertEquals(List.of(), proxy.connections());
        }
    }

    @Test
    void refreshIamTokenWithoutIamThrowsConfigurationErrorAtOnce() throws Exception {
        try (GlideClient client = await(GlideClient.createClient(
                Clients.config(server, ProtocolVersion.RESP3)
                        .credentials(ServerCredentials.builder().password(ADMIN_PASSWORD).build())
                        .build()))) {
            ConfigurationError error = assertThrows(ConfigurationError.class, client::refreshIamToken);
            assertTrue(error.getMessage().contains("IAM authentication is enabled"), error.getMessage()); // valkey-glide 2.3.1's words
            // The client is unharmed.
            assertEquals("default", await(client.customCommand(new String[] {"ACL", "WHOAMI"})));
        }
    }

    @Test
    void invalidIamSettingsFailCreateClientWithConfigurationErrorBeforeConnecting() throws Exception {
        Map<String, UnaryOperator<IamAuthConfig.IamAuthConfigBuilder>> iamCases = new LinkedHashMap<>();
        iamCases.put("no region", b -> b.region(null));
        iamCases.put("empty region", b -> b.region(""));
        iamCases.put("no clusterName", b -> b.clusterName(null));
        iamCases.put("no service", b -> b.service(null));
        iamCases.put("refreshIntervalSeconds 0", b -> b.refreshIntervalSeconds(0));
        iamCases.put("refreshIntervalSeconds -1", b -> b.refreshIntervalSeconds(-1));
        iamCases.put("refreshIntervalSeconds 43200", b -> b.refreshIntervalSeconds(43_200));
        Map<String, String> expected = new HashMap<>(Map.of(
                "no region", "region",
                "empty region", "region",
                "no clusterName", "clusterName",
                "no service", "service",
                "refreshIntervalSeconds 0", "refreshIntervalSeconds",
                "refreshIntervalSeconds -1", "refreshIntervalSeconds",
                "refreshIntervalSeconds 43200", "refreshIntervalSeconds"));
        Map<String, ServerCredentials> cases = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<IamAuthConfig.IamAuthConfigBuilder>> c : iamCases.entrySet()) {
            cases.put(c.getKey(), ServerCredentials.builder()
                    .username(USER)
                    .iamConfig(c.getValue().apply(validIam()).build())
                    .build());
        }
        cases.put("password and iamConfig", ServerCredentials.builder()
                .username(USER)
                .password("secret")
                .iamConfig(validIam().build())
                .build());
        expected.put("password and iamConfig", "either a password or an iamConfig");
        cases.put("no username", ServerCredentials.builder().iamConfig(validIam().build()).build());
        expected.put("no username", "username");

        try (RecordingProxy proxy = RecordingProxy.start(server.host(), server.port())) {
            for (Map.Entry<String, ServerCredentials> c : cases.entrySet()) {
                CompletableFuture<GlideClient> future = GlideClient.createClient(
                        GlideClientConfiguration.builder()
                                .address(NodeAddress.builder().host(proxy.host()).port(proxy.port()).build())
                                .credentials(c.getValue())
                                .build());
                assertTrue(future.isDone(), c.getKey() + ": not refused at once");
                Throwable error = failure(future);
                assertInstanceOf(ConfigurationError.class, error, c.getKey());
                assertTrue(error.getMessage().contains(expected.get(c.getKey())), c.getKey() + ": " + error.getMessage());
            }
            assertEquals(List.of(), proxy.connections());
        }
    }

    private static IamAuthConfig.IamAuthConfigBuilder validIam() {
        return IamAuthConfig.builder()
                .clusterName(CLUSTER)
                .service(ServiceType.ELASTICACHE)
                .region("us-east-1")
                .refreshIntervalSeconds(60);
    }

    // ---- the child JVM --------------------------------------------------------------------------

    /** The whole environment of a child with test credentials; no real profile or instance role. */
    private static Map<String, String> credentialsEnvironment() throws Exception {
        Path home = Files.createTempDirectory("iam-home-");
        home.toFile().deleteOnExit();
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_ACCESS_KEY_ID", KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET);
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        return env;
    }

    /** What a child printed, parsed. */
    private static final class Transcript {
        final StringBuilder log = new StringBuilder();
        final Map<String, String> seen = new HashMap<>();
        final Map<String, Long> times = new HashMap<>();
        final List<Long> killed = new ArrayList<>();
        String failed;
        boolean done;
        int exitCode = -1;
        long end;
        String output;

        String seen(String client, String what) {
            String value = seen.get(client + " " + what);
            if (value == null) {
                throw new AssertionError("the child did not report " + client + " " + what + ":\n" + output);
            }
            return value;
        }

        long time(String label) {
            Long time = times.get(label);
            if (time == null) {
                throw new AssertionError("the child did not report the time of " + label + ":\n" + output);
            }
            return time;
        }
    }

    /**
     * Runs {@code IamClientMain <proxy host> <proxy port> args...} with exactly {@code env} as its
     * environment, answers its KILL requests with {@code CLIENT KILL USER iamuser} on the server,
     * and returns what it printed. A child still running after 90 s is killed.
     */
    private static Transcript runChild(RecordingProxy proxy, Map<String, String> env, String... args) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path")));
        String library = System.getProperty("glide.native.library");
        if (library != null) {
            command.add("-Dglide.native.library=" + library);
        }
        command.addAll(List.of("glide.testutil.IamClientMain", proxy.host(), Integer.toString(proxy.port())));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process child = builder.start();
        Thread watchdog = new Thread(() -> {
            try {
                if (!child.waitFor(90, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                child.destroyForcibly();
            }
        }, "iam-child-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Transcript run = new Transcript();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                OutputStream toChild = child.getOutputStream()) {
            String line;
            while ((line = lines.readLine()) != null) {
                run.log.append(line).append('\n');
                String[] parts = line.split(" ", 4);
                switch (parts[0]) {
                    case "SEEN":
                        run.seen.put(parts[1] + " " + parts[2], parts.length > 3 ? parts[3] : "");
                        break;
                    case "TIME":
                        run.times.put(parts[1], Long.parseLong(parts[2]));
                        break;
                    case "FAILED":
                        run.failed = line.substring("FAILED ".length());
                        break;
                    case "DONE":
                        run.done = true;
                        break;
                    case "KILL":
                        Object killed = server.commandWithPassword(ADMIN_PASSWORD, "CLIENT", "KILL", "USER", USER);
                        run.killed.add((Long) killed);
                        run.log.append("(parent: CLIENT KILL USER ").append(USER).append(" -> ").append(killed).append(")\n");
                        toChild.write(("killed " + killed + "\n").getBytes(StandardCharsets.UTF_8));
                        toChild.flush();
                        break;
                    default:
                        break; // JVM or library output: kept in the log only
                }
            }
        }
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "child JVM did not exit:\n" + run.log);
        run.exitCode = child.exitValue();
        run.end = System.currentTimeMillis();
        run.output = run.log.toString();
        return run;
    }

    // ---- RESP, as the client sent it ------------------------------------------------------------

    /**
     * The commands in {@code bytes}: each an array of bulk strings, as a client sends them. A
     * command cut short (the recording is bounded) is left out; anything else is a failure.
     */
    private static List<List<String>> parseCommands(byte[] bytes) {
        List<List<String>> commands = new ArrayList<>();
        int[] at = {0};
        while (at[0] < bytes.length) {
            int start = at[0];
            try {
                List<String> command = new ArrayList<>();
                long count = header(bytes, at, '*');
                for (long i = 0; i < count; i++) {
                    int length = (int) header(bytes, at, '$');
                    if (at[0] + length + 2 > bytes.length) {
                        throw new IndexOutOfBoundsException("truncated");
                    }
                    command.add(new String(bytes, at[0], length, StandardCharsets.UTF_8));
                    assertEquals('\r', bytes[at[0] + length], "bulk string end at " + (at[0] + length));
                    assertEquals('\n', bytes[at[0] + length + 1], "bulk string end at " + (at[0] + length + 1));
                    at[0] += length + 2;
                }
                assertTrue(count > 0, "empty command at " + start);
                commands.add(command);
            } catch (IndexOutOfBoundsException truncated) {
                assertEquals(RecordingProxy.MAX_RECORDED_BYTES, bytes.length, "a command cut short at " + start);
                break;
            }
        }
        return commands;
    }

    /** Reads {@code <type><decimal>\r\n} at {@code at[0]} and returns the number. */
    private static long header(byte[] bytes, int[] at, char type) {
        assertEquals(type, (char) bytes[at[0]], "RESP type at " + at[0]);
        int i = at[0] + 1;
        long value = 0;
        while (bytes[i] != '\r') {
            assertTrue(bytes[i] >= '0' && bytes[i] <= '9', "digit at " + i);
            value = value * 10 + (bytes[i] - '0');
            i++;
        }
        assertEquals('\n', bytes[i + 1], "line end at " + (i + 1));
        at[0] = i + 2;
        return value;
    }

    // ---- messages without secrets ---------------------------------------------------------------

    private static String describe(Map<String, List<Handshake>> byClient) {
        return byClient.values().stream()
                .flatMap(List::stream)
                .map(Handshake::toString)
                .collect(Collectors.joining("\n", "connections:\n", ""));
    }

    private static String redact(List<List<String>> commands) {
        return commands.stream()
                .map(c -> c.stream().map(IamAuthTest::redactToken).collect(Collectors.joining(" ")))
                .collect(Collectors.joining(" | "));
    }

    /** A token with its signature and session token shortened (test values, but long). */
    private static String redactToken(String text) {
        return text.replaceAll("(X-Amz-Signature=)[0-9a-f]{64}", "$1<64 hex>")
                .replaceAll("(X-Amz-Security-Token=)[^&]+", "$1<session token>");
    }
}
