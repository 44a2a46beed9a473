package glide.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.GlideClusterClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ConnectionException;
import glide.api.models.exceptions.GlideException;
import glide.api.models.exceptions.TimeoutException;
import glide.testutil.ScriptedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fake server sends bytes no server should (issue 14): whatever they are, the request
 * completes with a {@link GlideException} within its timeout (a protocol error at once, as a
 * {@link ConnectionException} naming it), nothing crashes, and once the server behaves again the
 * same client's next request succeeds. Every case runs standalone and as a one-node cluster, with
 * the caller blocked in {@code get()} (it reads the connection itself) and with a callback.
 */
class MalformedRepliesTest {
    private static final int REQUEST_TIMEOUT_MS = 1000;
    /** A future not complete within its timeout and this much more is hung: the test fails. */
    private static final long BOUND_MS = REQUEST_TIMEOUT_MS + 4000;

    /** The reply every behaving GET gets. */
    private static final String OK = "$2\r\nok\r\n";

    static Stream<Arguments> topologiesAndModes() {
        List<Arguments> all = new ArrayList<>();
        for (boolean cluster : new boolean[] {false, true}) {
            for (Mode mode : Mode.values()) {
                all.add(Arguments.of(cluster ? "cluster" : "standalone", mode));
            }
        }
        return all.stream();
    }

    /** How the caller waits. */
    enum Mode {
        GET,
        CALLBACK
    }

    /** Bytes that are not RESP, or not the RESP that was asked for, and what the error names. */
    static final Map<String, String> PROTOCOL_ERRORS = Map.of(
            "$4\r\ngood\r\n$5\r\nEXTRA\r\n", "more replies than requests",
            "?x\r\n", "unknown type byte",
            "$1099511627776\r\n", "longer than the",
            "*1\r\n".repeat(100_000) + "$4\r\ngood\r\n", "nesting too deep",
            "*-5\r\n", "invalid length -5",
            "+O\rK\r\n", "a CR not followed by LF",
            ":12ab\r\n", "invalid integer",
            "#x\r\n", "invalid '#' value");

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("topologiesAndModes")
    void protocolErrorsFailTheRequestAtOnceAndTheClientRecovers(String topology, Mode mode) throws Exception {
        try (ScriptedServer fake = start(topology)) {
            try (BaseClient client = connect(fake, topology)) {
                for (Map.Entry<String, String> bad : PROTOCOL_ERRORS.entrySet()) {
                    String what = printable(bad.getKey());
                    fake.handler(getsAnswered(x -> x.write(bad.getKey())));
                    Throwable failure = failureOf(get(client), mode, what);
                    assertInstanceOf(ConnectionException.class, failure, what);
                    assertTrue(failure.getMessage().contains("protocol error")
                                    && failure.getMessage().contains(bad.getValue()),
                            what + ": " + failure.getMessage());
                    behave(fake);
                    assertEquals("ok", valueOf(get(client), mode, what + ", then behaving"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("topologiesAndModes")
    void aReplyCutAtAnyByteThenClosedFailsAndTheClientRecovers(String topology, Mode mode) throws Exception {
        String reply = "*3\r\n$5\r\nhello\r\n%1\r\n+k\r\n,2.5\r\n:-7\r\n";
        try (ScriptedServer fake = start(topology)) {
            try (BaseClient client = connect(fake, topology)) {
                for (int cut = 0; cut < reply.length(); cut++) {
                    String prefix = reply.substring(0, cut);
                    String what = "cut after " + cut + " bytes";
                    fake.handler(getsAnswered(x -> {
                        x.write(prefix);
                        x.closeConnection();
                    }));
                    Throwable failure = failureOf(get(client), mode, what);
                    assertInstanceOf(ConnectionException.class, failure, what + ": " + failure);
                    behave(fake);
                    assertEquals("ok", valueOf(get(client), mode, what + ", then behaving"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("topologiesAndModes")
    void validRepliesArriveWholeWhateverTheirPiecesAndAttributesAreSkipped(String topology, Mode mode)
            throws Exception {
        try (ScriptedServer fake = start(topology)) {
            try (BaseClient client = connect(fake, topology)) {
                fake.handler(getsAnswered(x -> x.writeInPieces("$5\r\nbytes\r\n", 1, 5)));
                assertEquals("bytes", valueOf(get(client), mode, "1-byte writes"));
                // RESP3 attributes (metadata about the reply) before it: skipped.
                fake.handler(getsAnswered(x -> x.write("|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n$4\r\ngood\r\n")));
                assertEquals("good", valueOf(get(client), mode, "attribute"));
                assertEquals(1 + (topology.equals("cluster") ? 1 : 0), fake.accepted(), "no connection was dropped");
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("topologiesAndModes")
    void aServerThatStopsAnsweringMidReplyTimesOutAndItsLateRestIsNotMistakenForTheNextReply(
            String topology, Mode mode) throws Exception {
        try (ScriptedServer fake = start(topology)) {
            try (BaseClient client = connect(fake, topology)) {
                CountDownLatch resume = new CountDownLatch(1);
                fake.handler(getsAnswered(x -> {
                    x.write("$10\r\nlate ");
                    resume.await(30, TimeUnit.SECONDS);
                    x.write("reply\r\n");
                }));
                Throwable failure = failureOf(get(client), mode, "stalled mid-reply");
                assertInstanceOf(TimeoutException.class, failure);
                behave(fake);
                resume.countDown();
                assertEquals("ok", valueOf(get(client), mode, "after the stall"));
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("topologiesAndModes")
    void aServerThatClosesEveryConnectionAtOnceFailsCreationClearly(String topology, Mode mode) throws Exception {
        try (ScriptedServer fake = builder(topology).closeOnAccept(true).start()) {
            Throwable failure = failureOf(create(fake, topology), mode, "closed on accept");
            assertInstanceOf(ClosingException.class, failure);
            assertTrue(failure.getMessage().startsWith("Failed to create client"), failure.getMessage());
            fake.closeOnAccept(false);
            try (BaseClient client = valueOf(create(fake, topology), mode, "once it accepts")) {
                assertEquals("ok", valueOf(get(client), mode, "first GET"));
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("topologiesAndModes")
    void aServerThatDoesNotKnowHelloSaysRespThreeIsNotSpoken(String topology, Mode mode) throws Exception {
        try (ScriptedServer fake = builder(topology)
                .answer("HELLO", "-ERR unknown command 'HELLO', with args beginning with: '3'\r\n").start()) {
            Throwable failure = failureOf(create(fake, topology), mode, "HELLO refused");
            assertInstanceOf(ClosingException.class, failure);
            assertTrue(failure.getMessage().contains("cannot speak RESP3 (use RESP2)"), failure.getMessage());
            assertTrue(!failure.getMessage().contains("authentication"), failure.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ScriptedServer start(String topology) {
        return builder(topology).start();
    }

    /** A fake answering every GET with "ok", a one-node cluster for "cluster". */
    private static ScriptedServer.Builder builder(String topology) {
        ScriptedServer.Builder builder = ScriptedServer.builder().responder((command, resp3) -> OK);
        return topology.equals("cluster") ? builder.cluster() : builder;
    }

    /** Every command answered as a server would: GET with "ok", the others +OK. */
    private static void behave(ScriptedServer fake) {
        fake.handler(getsAnswered(x -> x.write(OK)));
    }

    /** GET answered by {@code get}; everything else (PING...) +OK. */
    private static ScriptedServer.Handler getsAnswered(ScriptedServer.Handler get) {
        return x -> {
            if (x.name().equals("GET")) {
                get.handle(x);
            } else {
                x.write(x.name().equals("PING") ? "+PONG\r\n" : "+OK\r\n");
            }
        };
    }

    private static CompletableFuture<? extends BaseClient> create(ScriptedServer fake, String topology) {
        NodeAddress address = NodeAddress.builder().host(fake.host()).port(fake.port()).build();
        if (topology.equals("cluster")) {
            return GlideClusterClient.createClient(GlideClusterClientConfiguration.builder()
                    .address(address).requestTimeout(REQUEST_TIMEOUT_MS).protocol(ProtocolVersion.RESP3).build());
        }
        return GlideClient.createClient(GlideClientConfiguration.builder()
                .address(address).requestTimeout(REQUEST_TIMEOUT_MS).protocol(ProtocolVersion.RESP3).build());
    }

    private static BaseClient connect(ScriptedServer fake, String topology) throws Exception {
        return create(fake, topology).get(BOUND_MS, TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<String> get(BaseClient client) {
        return client instanceof GlideClient
                ? ((GlideClient) client).get("k")
                : ((GlideClusterClient) client).get("k");
    }

    /** The future's outcome, waited for as {@code mode} says, bounded: never hangs the test. */
    private static <T> Object outcome(CompletableFuture<T> future, Mode mode, String what) throws Exception {
        if (mode == Mode.GET) {
            try {
                return future.get(BOUND_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                return new Failed(e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                return fail(what + ": the future did not complete within " + BOUND_MS + " ms");
            }
        }
        AtomicReference<Object> seen = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        future.whenComplete((value, error) -> {
            // A derived stage (createClient's) fails with the cause wrapped, as any
            // CompletableFuture does: a callback unwraps it.
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            seen.set(cause != null ? new Failed(cause) : value);
            done.countDown();
        });
        if (!done.await(BOUND_MS, TimeUnit.MILLISECONDS)) {
            return fail(what + ": the callback did not run within " + BOUND_MS + " ms");
        }
        return seen.get();
    }

    private static <T> T valueOf(CompletableFuture<T> future, Mode mode, String what) throws Exception {
        Object got = outcome(future, mode, what);
        if (got instanceof Failed) {
            throw new AssertionError(what + ": failed with " + ((Failed) got).cause, ((Failed) got).cause);
        }
        @SuppressWarnings("unchecked")
        T value = (T) got;
        return value;
    }

    private static Throwable failureOf(CompletableFuture<?> future, Mode mode, String what) throws Exception {
        Object got = outcome(future, mode, what);
        if (!(got instanceof Failed)) {
            return fail(what + ": succeeded with " + got);
        }
        Throwable cause = ((Failed) got).cause;
        assertInstanceOf(GlideException.class, cause, what);
        return cause;
    }

    private static String printable(String raw) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "... (" + raw.length() + " bytes)" : raw;
        return shown.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** A failed outcome (a value may be null, so failures are wrapped). */
    private static final class Failed {
        final Throwable cause;

        Failed(Throwable cause) {
            this.cause = cause;
        }
    }
}
