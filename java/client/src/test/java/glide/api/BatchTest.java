package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.Batch;
import glide.api.models.GlideString;
import glide.api.models.commands.ScoreFilter;
import glide.api.models.commands.SetOptions;
import glide.api.models.commands.batch.BatchOptions;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.ClosingException;
import glide.api.models.exceptions.ExecAbortException;
import glide.api.models.exceptions.RequestException;
import glide.api.models.exceptions.TimeoutException;
import glide.testutil.RedisServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batches on a standalone server (issue 5): transactions (MULTI/EXEC) and pipelines, results
 * typed per command as when sent alone, under RESP2 and RESP3; errors as elements or raised;
 * EXECABORT; WATCH; binary output; large batches; timeouts; interleaving with single commands.
 */
class BatchTest {
    private static RedisServer server;

    @BeforeAll
    static void startServer() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String key() {
        return "b-" + UUID.randomUUID();
    }

    @ParameterizedTest(name = "{0} atomic={1}")
    @CsvSource({"RESP2,true", "RESP2,false", "RESP3,true", "RESP3,false"})
    void resultsComeInOrderEachShapedLikeItsCommand(ProtocolVersion protocol, boolean atomic) throws Exception {
        String k = key(), h = key(), s = key(), f = key(), l = key();
        try (GlideClient client = Clients.connect(server, protocol)) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("a", "1");
            fields.put("b", "2");
            Batch batch = new Batch(atomic)
                    .set(k, "v")
                    .get(k)
                    .set(k, "w", SetOptions.builder().returnOldValue(true).build())
                    .hset(h, fields)
                    .hgetall(h)
                    .incrByFloat(f, 1.5)
                    .sadd(s, new String[] {"x", "y"})
                    .smembers(s)
                    .sismember(s, "x")
                    .rpush(l, new String[] {"1", "2", "3"})
                    .lrange(l, 0, -1)
                    .expire(k, 100)
                    .exists(new String[] {k, key()})
                    .customCommand(new String[] {"ZADD", k + "z", "2.5", "m"})
                    .customCommand(new String[] {"ZSCORE", k + "z", "m"})
                    .get(key());
            Object[] result = await(client.exec(batch, true));
            assertEquals(16, result.length);
            assertEquals("OK", result[0]);
            assertEquals("v", result[1]);
            assertEquals("v", result[2]);
            assertEquals(2L, result[3]);
            assertEquals(fields, result[4]);
            assertEquals(1.5, result[5]);
            assertEquals(2L, result[6]);
            assertEquals(Set.of("x", "y"), result[7]);
            assertEquals(true, result[8]);
            assertEquals(3L, result[9]);
            assertArrayEquals(new Object[] {"1", "2", "3"}, (Object[]) result[10]);
            assertEquals(true, result[11]);
            assertEquals(1L, result[12]);
            assertEquals(1L, result[13]);
            assertEquals(2.5, result[14]);
            assertNull(result[15]);
        }
    }

    /**
     * ZMPOP/BZMPOP in a batch or through customCommand give {@code [key, {member: score}]}, as in
     * valkey-glide 2.3.1 (its batch tests cast the element to Object[]); only the client methods
     * turn it into a one-entry map {@code {key: {member: score}}}. Issue 15: this client gave the
     * map everywhere, so a batch holding ZMPOP failed valkey-glide's checks with ClassCastException.
     */
    @ParameterizedTest(name = "{0} atomic={1}")
    @CsvSource({"RESP2,true", "RESP2,false", "RESP3,true", "RESP3,false"})
    void zmpopInABatchIsKeyThenMemberScores(ProtocolVersion protocol, boolean atomic) throws Exception {
        String z = "{zm}" + key(), empty = "{zm}" + key();
        try (GlideClient client = Clients.connect(server, protocol)) {
            await(client.zadd(z, Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0)));
            Batch batch = new Batch(atomic)
                    .zmpop(new String[] {empty, z}, ScoreFilter.MAX)
                    .zmpop(new String[] {z}, ScoreFilter.MIN, 2)
                    .bzmpop(new String[] {z}, ScoreFilter.MAX, 0.1)
                    .zmpop(new String[] {empty}, ScoreFilter.MIN)
                    .zmpop(new GlideString[] {gs(z)}, ScoreFilter.MIN);
            Object[] result = await(client.exec(batch, true));
            assertArrayEquals(new Object[] {z, Map.of("d", 4.0)}, (Object[]) result[0]);
            assertArrayEquals(new Object[] {z, Map.of("a", 1.0, "b", 2.0)}, (Object[]) result[1]);
            assertArrayEquals(new Object[] {z, Map.of("c", 3.0)}, (Object[]) result[2]);
            assertNull(result[3], "nothing to pop");
            assertNull(result[4], "the set is empty now");

            await(client.zadd(z, Map.of("e", 5.0)));
            Object custom = await(client.customCommand(new String[] {"ZMPOP", "1", z, "MIN"}));
            assertArrayEquals(new Object[] {z, Map.of("e", 5.0)}, (Object[]) custom);
            await(client.zadd(z, Map.of("f", 6.0)));
            assertEquals(Map.of(z, Map.of("f", 6.0)), await(client.zmpop(new String[] {z}, ScoreFilter.MIN)), "the method's map");
        }
    }

    /** valkey-glide 2.3.1's deprecated Transaction still compiles and runs, errors raised. */
    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedTransactionRunsAsAnAtomicBatch() throws Exception {
        String k = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            glide.api.models.Transaction transaction = new glide.api.models.Transaction();
            transaction.set(k, "v").get(k).incr(k);
            assertTrue(transaction.isAtomic());
            Throwable raised = failure(client.exec(transaction));
            assertInstanceOf(RequestException.class, raised, "exec(Transaction) raises errors");
            assertEquals("v", await(client.get(k)), "MULTI/EXEC ran the commands before the error");
            glide.api.models.Transaction second = new glide.api.models.Transaction();
            second.set(k, "w").get(k); // the builder methods return Batch, as in valkey-glide
            Object[] result = await(client.exec(second));
            assertArrayEquals(new Object[] {BaseClient.OK, "w"}, result);
        }
    }

    @ParameterizedTest(name = "atomic={0}")
    @ValueSource(booleans = {true, false})
    void aCommandErrorIsItsElementOrFailsTheBatch(boolean atomic) throws Exception {
        String text = key(), after = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            await(client.set(text, "not a number"));
            Batch batch = new Batch(atomic).incr(text).set(after, "ran").lpush(text, new String[] {"x"});
            Object[] result = await(client.exec(batch, false));
            assertInstanceOf(RequestException.class, result[0]);
            assertTrue(((RequestException) result[0]).getMessage().contains("not an integer"), result[0].toString());
            assertEquals("OK", result[1], "the commands after an error still run");
            assertTrue(((RequestException) result[2]).getMessage().startsWith("WRONGTYPE"));

            Throwable raised = failure(client.exec(new Batch(atomic).incr(text).set(after, "again"), true));
            assertInstanceOf(RequestException.class, raised);
            assertTrue(raised.getMessage().contains("not an integer"), raised.getMessage());
            assertEquals("again", await(client.get(after)), "raised after the whole batch ran");
        }
    }

    @Test
    void aTransactionWithARefusedCommandRunsNothingAndSaysWhy() throws Exception {
        String k = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP2)) {
            Batch batch = new Batch(true).set(k, "1").customCommand(new String[] {"SET", k}).get(k);
            Throwable aborted = failure(client.exec(batch, false));
            assertInstanceOf(ExecAbortException.class, aborted);
            assertTrue(aborted.getMessage().startsWith("EXECABORT"), aborted.getMessage());
            assertTrue(aborted.getMessage().contains("wrong number of arguments for 'set'"), aborted.getMessage());
            assertNull(await(client.get(k)), "nothing ran");
            assertEquals("PONG", await(client.ping()), "the connection is usable afterwards");
        }
    }

    @Test
    void anExecAbortNamesItsOwnRefusalNotTheLateErrorOfATimedOutRequest() throws Exception {
        String k = key();
        try (GlideClient client = await(GlideClient.createClient(
                Clients.config(server, ProtocolVersion.RESP3).requestTimeout(100).build()))) {
            // A script that answers with an error after 400 ms: its request times out first, and
            // its error arrives, late, just before the transaction's replies. Its clock: os.clock()
            // where scripts have it (Valkey, whose TIME stands still within a script), else TIME
            // (Redis 7.0, whose scripts have no os).
            String late = "local ok, clock = pcall(function() return os.clock end)"
                    + " local now = ok and function() return clock() * 1000000 end"
                    + " or function() local t = redis.call('TIME') return t[1] * 1000000 + t[2] end"
                    + " local stop = now() + 400000 repeat until now() >= stop"
                    + " return redis.error_reply('LATE error of a timed-out script')";
            CompletableFuture<Object> timedOut = client.customCommand(new String[] {"EVAL", late, "0"});
            Batch batch = new Batch(true).set(k, "1").customCommand(new String[] {"SET", k});
            CompletableFuture<Object[]> aborted =
                    client.exec(batch, false, BatchOptions.builder().timeout(5000).build());
            assertInstanceOf(TimeoutException.class, failure(timedOut));
            Throwable abort = failure(aborted);
            assertInstanceOf(ExecAbortException.class, abort);
            assertTrue(abort.getMessage().contains("wrong number of arguments for 'set'"), abort.getMessage());
            assertTrue(!abort.getMessage().contains("LATE"), abort.getMessage());
        }
    }

    @Test
    void aWatchedKeyChangedByAnotherClientAbortsTheTransactionWithNull() throws Exception {
        String k = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3);
                GlideClient other = Clients.connect(server, ProtocolVersion.RESP3)) {
            assertEquals("OK", await(client.watch(new String[] {k})));
            await(other.set(k, "changed"));
            assertNull(await(client.exec(new Batch(true).set(k, "mine"), true)));
            assertEquals("changed", await(client.get(k)));

            await(client.watch(new GlideString[] {gs(k)}));
            assertEquals("OK", await(client.unwatch()));
            await(other.set(k, "changed again"));
            assertArrayEquals(new Object[] {"OK"}, await(client.exec(new Batch(true).set(k, "mine"), true)));
            assertEquals("mine", await(client.get(k)));
        }
    }

    @Test
    void binaryOutputKeepsBytesAndNonUtf8ValuesStayBytesEitherWay() throws Exception {
        byte[] raw = {(byte) 0xff, 0, (byte) 0xfe};
        GlideString k = gs(key()), v = gs(raw);
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP2)) {
            Object[] binary = await(client.exec(new Batch(false).withBinaryOutput().set(k, v).get(k).echo(gs("t")), true));
            assertEquals("OK", binary[0], "a status reply stays a String, as valkey-glide gives it");
            assertEquals(v, binary[1]);
            assertEquals(gs("t"), binary[2]);
            Object[] text = await(client.exec(new Batch(false).get(k).echo("t"), true));
            assertEquals(v, text[0], "not UTF-8: a GlideString even without binary output");
            assertEquals("t", text[1]);
        }
    }

    @ParameterizedTest(name = "atomic={0}")
    @ValueSource(booleans = {true, false})
    void largeBatchesAndLargeReplies(boolean atomic) throws Exception {
        String counter = key(), set = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            Batch batch = new Batch(atomic);
            for (int i = 0; i < 10_000; i++) {
                batch.incr(counter);
            }
            Object[] result = await(client.exec(batch, true, BatchOptions.builder().timeout(10_000).build()));
            assertEquals(10_000, result.length);
            assertEquals(10_000L, result[9_999]);
            String[] members = new String[100_000];
            for (int i = 0; i < members.length; i++) {
                members[i] = "m" + i;
            }
            Object[] big = await(client.exec(new Batch(atomic).sadd(set, members).smembers(set).scard(set), true,
                    BatchOptions.builder().timeout(10_000).build()));
            assertEquals(100_000L, big[0]);
            assertEquals(100_000, ((Set<?>) big[1]).size());
            assertEquals(100_000L, big[2]);
        }
    }

    @Test
    void theBatchTimeoutCoversTheWholeBatch() throws Exception {
        String list = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            // A pipelined BLPOP blocks on the server; the batch's own timeout bounds it.
            Batch blocking = new Batch(false).blpop(new String[] {list}, 2.0);
            long start = System.nanoTime();
            Throwable late = failure(client.exec(blocking, true, BatchOptions.builder().timeout(300).build()));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertInstanceOf(TimeoutException.class, late);
            assertTrue(tookMs < 1500, "timed out after " + tookMs + " ms");
            Object[] waited = await(client.exec(new Batch(false).blpop(new String[] {list}, 0.5), true,
                    BatchOptions.builder().timeout(3000).build()));
            assertNull(waited[0], "the BLPOP ran its 0.5 s and found nothing");
            // The late reply of the first BLPOP (nil after 2 s) must not be taken for another's.
            assertEquals("PONG", await(client.ping()));
            assertThrows(IllegalArgumentException.class, () -> new Batch(false).get(42));
        }
    }

    @Test
    void emptyBatchesAndClosedClientsFailClearly() throws Exception {
        GlideClient client = Clients.connect(server, ProtocolVersion.RESP3);
        assertArrayEquals(new Object[0], await(client.exec(new Batch(true), true)), "MULTI, EXEC");
        assertInstanceOf(RequestException.class, failure(client.exec(new Batch(false), true)));
        assertInstanceOf(RequestException.class, failure(client.exec(null, true)));
        client.close();
        assertInstanceOf(ClosingException.class, failure(client.exec(new Batch(false).ping(), true)));
    }

    @Test
    void batchesInterleaveWithSingleCommandsFromManyThreads() throws Exception {
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            List<Runnable> checks = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                String k = key();
                boolean atomic = t % 2 == 0;
                CompletableFuture<String> set = client.set(k, "s" + t);
                CompletableFuture<Object[]> batch = client.exec(new Batch(atomic).append(k, "+").get(k).strlen(k), true);
                CompletableFuture<String> get = client.get(k);
                all.add(set);
                all.add(batch);
                all.add(get);
                String expected = "s" + t + "+";
                checks.add(() -> {
                    Object[] r = batch.join();
                    assertEquals(expected, r[1]);
                    assertEquals((long) expected.length(), r[2]);
                    assertEquals(expected, get.join());
                });
            }
            await(CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])));
            checks.forEach(Runnable::run);
        }
    }

    @Test
    void selectInABatchMovesTheRestOfItToThatDatabase() throws Exception {
        String k = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3)) {
            Object[] r = await(client.exec(new Batch(true).select(3).set(k, "in 3").select(0).get(k), true));
            assertArrayEquals(new Object[] {"OK", "OK", "OK", null}, r);
            await(client.select(3));
            assertEquals("in 3", await(client.get(k)));
            await(client.select(0));
        }
    }

    @Test
    void aReconnectReturnsToTheDatabaseABatchSelected() throws Exception {
        String k = key();
        try (GlideClient client = Clients.connect(server, ProtocolVersion.RESP3);
                GlideClient other = Clients.connect(server, ProtocolVersion.RESP3)) {
            await(client.exec(new Batch(false).select(5).set(k, "in 5").select(99), false)); // 99 fails
            long id = await(client.clientId());
            await(other.customCommand(new String[] {"CLIENT", "KILL", "ID", Long.toString(id)}));
            String value = null;
            for (int attempt = 0; attempt < 100 && value == null; attempt++) {
                try {
                    value = await(client.get(k));
                } catch (java.util.concurrent.ExecutionException e) {
                    Thread.sleep(50); // the connection is being replaced
                }
            }
            assertEquals("in 5", value, "back on database 5 after the reconnect");
            assertTrue(await(client.clientId()) != id, "a new connection");
        }
    }
}
