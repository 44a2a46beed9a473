package glide.api.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import glide.api.models.commands.ExpireOptions;
import glide.api.models.commands.ExpirySet;
import glide.api.models.commands.FlushMode;
import glide.api.models.commands.GetExOptions;
import glide.api.models.commands.HGetExExpiry;
import glide.api.models.commands.HGetExOptions;
import glide.api.models.commands.HSetExOptions;
import glide.api.models.commands.HashFieldExpirationConditionOptions;
import glide.api.models.commands.InfoOptions;
import glide.api.models.commands.LInsertOptions;
import glide.api.models.commands.LPosOptions;
import glide.api.models.commands.ListDirection;
import glide.api.models.commands.RestoreOptions;
import glide.api.models.commands.SetOptions;
import glide.api.models.commands.SortBaseOptions;
import glide.api.models.commands.SortOptions;
import glide.api.models.commands.bitmap.BitFieldOptions;
import glide.api.models.commands.bitmap.BitmapIndexType;
import glide.api.models.commands.bitmap.BitwiseOperation;
import glide.api.models.commands.scan.HScanOptions;
import glide.api.models.commands.scan.SScanOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The part-A builder methods of {@link BaseBatch} (server and connection, strings, generic keys,
 * hashes, lists, sets, HyperLogLog, bitmaps): each records exactly one command with the right
 * arguments, on both batch classes. No server or native library needed.
 */
public class BatchRecordingPartATest {

    /** The part-A method names (every overload of each is exercised). */
    static final Set<String> PART_A = new TreeSet<>(Arrays.asList(
            // server and connection
            "customCommand", "echo", "ping", "info", "configGet", "configSet", "clientId",
            "clientGetName", "configRewrite", "configResetStat", "time", "lastsave", "flushall",
            "flushdb", "lolwut", "dbsize", "wait",
            // strings
            "get", "getdel", "getex", "set", "append", "mget", "mset", "msetnx", "incr", "incrBy",
            "incrByFloat", "decr", "decrBy", "strlen", "setrange", "getrange", "lcs", "lcsLen",
            "lcsIdx", "lcsIdxWithMatchLen",
            // generic keys
            "del", "exists", "unlink", "move", "expire", "expireAt", "pexpire", "pexpireAt", "ttl",
            "expiretime", "pexpiretime", "pttl", "persist", "type", "randomKey", "rename",
            "renamenx", "objectEncoding", "objectFreq", "objectIdletime", "objectRefcount", "touch",
            "copy", "dump", "restore", "sort", "sortReadOnly", "sortStore",
            // hashes
            "hget", "hset", "hsetex", "hgetex", "hexpire", "hpersist", "hpexpire", "hexpireat",
            "hpexpireat", "httl", "hpttl", "hexpiretime", "hpexpiretime", "hsetnx", "hdel", "hlen",
            "hvals", "hmget", "hexists", "hgetall", "hincrBy", "hincrByFloat", "hkeys", "hstrlen",
            "hrandfield", "hrandfieldWithCount", "hrandfieldWithCountWithValues", "hscan",
            // lists
            "lpush", "lpop", "lpos", "lposCount", "lpopCount", "lrange", "lindex", "ltrim", "llen",
            "lrem", "rpush", "rpop", "rpopCount", "linsert", "brpop", "lpushx", "rpushx", "blpop",
            "blmpop", "lmpop", "lset", "lmove", "blmove",
            // sets
            "sadd", "sismember", "srem", "smembers", "scard", "sdiff", "smismember", "sdiffstore",
            "smove", "sinter", "sinterstore", "sintercard", "sunionstore", "sunion", "srandmember",
            "spop", "spopCount", "sscan",
            // HyperLogLog
            "pfadd", "pfcount", "pfmerge",
            // bitmaps
            "bitcount", "setbit", "getbit", "bitpos", "bitop", "bitfield", "bitfieldReadOnly"));

    /** The number of part-A overloads valkey-glide 2.3.1's BaseBatch declares. */
    private static final int PART_A_OVERLOADS = 180;

    private static final GlideString BINARY = GlideString.of(new byte[] {(byte) 0xff, 0, (byte) 0xc3, 'k'});

    // ---- every method ----

    private static List<Method> partAMethods() {
        List<Method> out = new ArrayList<>();
        for (Method m : BaseBatch.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && PART_A.contains(m.getName())) {
                out.add(m);
            }
        }
        return out;
    }

    @Test
    public void everyPartAMethodIsDeclared() {
        List<Method> methods = partAMethods();
        assertEquals(PART_A_OVERLOADS, methods.size(), "part-A overloads");
        Set<String> names = new HashSet<>();
        methods.forEach(m -> names.add(m.getName()));
        assertEquals(PART_A, new TreeSet<>(names));
    }

    @Test
    public void everyPartAMethodRecordsOneCommand_textArguments() throws Exception {
        for (BaseBatch<?> batch : batches()) {
            runAll(batch, false);
        }
    }

    @Test
    public void everyPartAMethodRecordsOneCommand_binaryArguments() throws Exception {
        for (BaseBatch<?> batch : batches()) {
            runAll(batch, true);
        }
    }

    private static List<BaseBatch<?>> batches() {
        return Arrays.asList(new Batch(true), new Batch(false), new ClusterBatch(true), new ClusterBatch(false));
    }

    private static void runAll(BaseBatch<?> batch, boolean binary) throws Exception {
        for (Method m : partAMethods()) {
            Object[] args = sampleArgs(m, binary);
            int before = batch.commands().size();
            Object result;
            try {
                result = m.invoke(batch, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(batch.getClass().getSimpleName() + "." + m + " threw", e.getCause());
            }
            assertSame(batch, result, m.toString());
            assertEquals(before + 1, batch.commands().size(), m + " must record one command");
            byte[][] command = batch.commands().command(before);
            // The recorded command starts with the name of a real command, not an argument.
            assertTrue(command.length >= 1, m + " recorded an empty command");
            if (m.getName().equals("customCommand")) {
                // Recorded as given, one argument for one argument.
                assertEquals(((Object[]) args[0]).length, command.length, m.toString());
            } else {
                String name = new String(command[0], java.nio.charset.StandardCharsets.US_ASCII);
                assertTrue(name.matches("[A-Z][A-Z0-9_.]*"), m + " recorded a command named '" + name + "'");
            }
        }
    }

    /** Arguments for {@code m}: text or binary for the {@code ArgType} parameters. */
    static Object[] sampleArgs(Method m, boolean binary) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = sample(m, types[i], binary);
        }
        return args;
    }

    private static Object sample(Method m, Class<?> type, boolean binary) {
        Object key = binary ? BINARY : "key";
        if (type == Object.class) {
            return key;
        }
        if (type == Object[].class) {
            return binary ? new Object[] {BINARY, GlideString.of("b")} : new Object[] {"a", "b"};
        }
        if (type == Map.class) {
            Map<Object, Object> map = new LinkedHashMap<>();
            map.put(binary ? BINARY : "f1", binary ? GlideString.of("v1") : "v1");
            map.put("f2", "v2");
            return map;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == double.class) {
            return 0.5;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == Long.class) {
            return 2L;
        }
        if (type == int[].class) {
            return new int[] {10, 2};
        }
        if (type == byte[].class) {
            return new byte[] {0, 1, (byte) 0xfe};
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == InfoOptions.Section[].class) {
            return new InfoOptions.Section[] {InfoOptions.Section.SERVER};
        }
        if (type == GetExOptions.class) {
            return GetExOptions.Seconds(5L);
        }
        if (type == SetOptions.class) {
            return SetOptions.builder().conditionalSetOnlyIfNotExist().build();
        }
        if (type == RestoreOptions.class) {
            return RestoreOptions.builder().replace().build();
        }
        if (type == SortOptions.class) {
            return SortOptions.builder().alpha().build();
        }
        if (type == HSetExOptions.class) {
            return HSetExOptions.builder().expiry(ExpirySet.Seconds(5L)).build();
        }
        if (type == HGetExOptions.class) {
            return HGetExOptions.builder().expiry(HGetExExpiry.Seconds(5L)).build();
        }
        if (type == HashFieldExpirationConditionOptions.class) {
            return HashFieldExpirationConditionOptions.builder().condition(ExpireOptions.HAS_NO_EXPIRY).build();
        }
        if (type == HScanOptions.class) {
            return HScanOptions.builder().count(5L).build();
        }
        if (type == SScanOptions.class) {
            return SScanOptions.builder().count(5L).build();
        }
        if (type == LPosOptions.class) {
            return LPosOptions.builder().rank(1L).build();
        }
        if (type == BitFieldOptions.BitFieldSubCommands[].class) {
            return new BitFieldOptions.BitFieldSubCommands[] {
                new BitFieldOptions.BitFieldGet(new BitFieldOptions.UnsignedEncoding(8), new BitFieldOptions.Offset(0))
            };
        }
        if (type == BitFieldOptions.BitFieldReadOnlySubCommands[].class) {
            return new BitFieldOptions.BitFieldReadOnlySubCommands[] {
                new BitFieldOptions.BitFieldGet(new BitFieldOptions.UnsignedEncoding(8), new BitFieldOptions.Offset(0))
            };
        }
        fail("no sample value for " + type + " in " + m);
        return null;
    }

    // ---- exact arguments ----

    private static String[] text(byte[][] command) {
        String[] out = new String[command.length];
        for (int i = 0; i < command.length; i++) {
            out[i] = new String(command[i], StandardCharsets.UTF_8);
        }
        return out;
    }

    private static void assertLast(BaseBatch<?> batch, String... expected) {
        assertArrayEquals(expected, text(batch.commands().command(batch.commands().size() - 1)));
    }

    @Test
    public void set_withOptions() {
        Batch batch = new Batch(true).set(
                "k",
                "v",
                SetOptions.builder()
                        .conditionalSetOnlyIfExists()
                        .returnOldValue(true)
                        .expiry(SetOptions.Expiry.Milliseconds(1500L))
                        .build());
        assertLast(batch, "SET", "k", "v", "XX", "GET", "PX", "1500");
    }

    @Test
    public void hset_keepsTheMapOrder() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("z", "1");
        fields.put("a", "2");
        fields.put("m", "3");
        ClusterBatch batch = new ClusterBatch(false).hset("h", fields);
        assertLast(batch, "HSET", "h", "z", "1", "a", "2", "m", "3");
    }

    @Test
    public void mset_keepsTheMapOrderAndMixedArgTypes() {
        Map<Object, Object> pairs = new LinkedHashMap<>();
        pairs.put("k2", GlideString.of("v2"));
        pairs.put(GlideString.of("k1"), "v1");
        assertLast(new Batch(false).mset(pairs), "MSET", "k2", "v2", "k1", "v1");
        assertLast(new Batch(false).msetnx(pairs), "MSETNX", "k2", "v2", "k1", "v1");
    }

    @Test
    public void expire_withOptions() {
        Batch batch = new Batch(true)
                .expire("k", 10, ExpireOptions.NEW_EXPIRY_GREATER_THAN_CURRENT)
                .pexpireAt("k", 1234567L, ExpireOptions.HAS_NO_EXPIRY);
        assertArrayEquals(new String[] {"EXPIRE", "k", "10", "GT"}, text(batch.commands().command(0)));
        assertArrayEquals(new String[] {"PEXPIREAT", "k", "1234567", "NX"}, text(batch.commands().command(1)));
    }

    @Test
    public void hexpire_withCondition() {
        ClusterBatch batch = new ClusterBatch(true).hexpire(
                "h",
                30,
                new String[] {"f1", "f2"},
                HashFieldExpirationConditionOptions.builder()
                        .condition(ExpireOptions.HAS_EXISTING_EXPIRY)
                        .build());
        assertLast(batch, "HEXPIRE", "h", "30", "XX", "FIELDS", "2", "f1", "f2");
    }

    @Test
    public void bitfield_subcommandsInOrder() {
        Batch batch = new Batch(true).bitfield("b", new BitFieldOptions.BitFieldSubCommands[] {
            new BitFieldOptions.BitFieldSet(new BitFieldOptions.UnsignedEncoding(8), new BitFieldOptions.Offset(0), 255),
            new BitFieldOptions.BitFieldGet(new BitFieldOptions.SignedEncoding(4), new BitFieldOptions.OffsetMultiplier(2)),
            new BitFieldOptions.BitFieldIncrby(new BitFieldOptions.UnsignedEncoding(2), new BitFieldOptions.Offset(100), 1)
        });
        assertLast(batch, "BITFIELD", "b", "SET", "u8", "0", "255", "GET", "i4", "#2", "INCRBY", "u2", "100", "1");
        batch.bitfieldReadOnly("b", new BitFieldOptions.BitFieldReadOnlySubCommands[] {
            new BitFieldOptions.BitFieldGet(new BitFieldOptions.UnsignedEncoding(8), new BitFieldOptions.Offset(3))
        });
        assertLast(batch, "BITFIELD_RO", "b", "GET", "u8", "3");
    }

    @Test
    public void lpos_andLposCount() {
        LPosOptions options = LPosOptions.builder().rank(-1L).maxLength(100L).build();
        Batch batch = new Batch(false).lpos("l", "e", options);
        assertLast(batch, "LPOS", "l", "e", "RANK", "-1", "MAXLEN", "100");
        batch.lposCount("l", "e", 3, options);
        assertLast(batch, "LPOS", "l", "e", "COUNT", "3", "RANK", "-1", "MAXLEN", "100");
    }

    @Test
    public void sort_withOptions_andBinaryKey() {
        SortOptions options = SortOptions.builder()
                .limit(new SortBaseOptions.Limit(0, 10))
                .orderBy(SortBaseOptions.OrderBy.DESC)
                .alpha()
                .byPattern("w_*")
                .getPattern("#")
                .build();
        Batch batch = new Batch(true).sort("s", options);
        assertLast(batch, "SORT", "s", "LIMIT", "0", "10", "DESC", "ALPHA", "BY", "w_*", "GET", "#");
        batch.sortReadOnly("s", options);
        assertLast(batch, "SORT_RO", "s", "LIMIT", "0", "10", "DESC", "ALPHA", "BY", "w_*", "GET", "#");
        batch.sortStore("s", "dst", options);
        assertLast(batch, "SORT", "s", "LIMIT", "0", "10", "DESC", "ALPHA", "BY", "w_*", "GET", "#", "STORE", "dst");

        batch.sortStore(BINARY, GlideString.of("dst"), options);
        byte[][] last = batch.commands().command(batch.commands().size() - 1);
        assertArrayEquals(BINARY.getBytes(), last[1]);
    }

    @Test
    public void copy_withDbAndReplace() {
        ClusterBatch batch = new ClusterBatch(true).copy("src", "dst", 2, true);
        assertLast(batch, "COPY", "src", "dst", "DB", "2", "REPLACE");
        batch.copy("src", "dst");
        assertLast(batch, "COPY", "src", "dst");
    }

    @Test
    public void restore_keepsThePayloadBytes() {
        byte[] payload = {0, (byte) 0x80, (byte) 0xff, 10};
        Batch batch = new Batch(true).restore(
                "k", 0, payload, RestoreOptions.builder().replace().absttl().idletime(5L).build());
        byte[][] command = batch.commands().command(0);
        assertEquals("RESTORE", new String(command[0], StandardCharsets.UTF_8));
        assertEquals("k", new String(command[1], StandardCharsets.UTF_8));
        assertEquals("0", new String(command[2], StandardCharsets.UTF_8));
        assertArrayEquals(payload, command[3]);
        assertArrayEquals(
                new String[] {"REPLACE", "ABSTTL", "IDLETIME", "5"},
                Arrays.copyOfRange(text(command), 4, command.length));
    }

    @Test
    public void customCommand_asGiven_onBothBatches() {
        assertLast(new Batch(true).customCommand(new String[] {"OBJECT", "HELP"}), "OBJECT", "HELP");
        ClusterBatch cluster = new ClusterBatch(false).customCommand(new Object[] {"SET", GlideString.of("k"), "v"});
        assertLast(cluster, "SET", "k", "v");
    }

    @Test
    public void serverCommands_onTheClusterBatch() {
        ClusterBatch batch = new ClusterBatch(false)
                .info(new InfoOptions.Section[] {InfoOptions.Section.SERVER, InfoOptions.Section.MEMORY})
                .echo("hi")
                .ping()
                .flushall(FlushMode.ASYNC)
                .lolwut(5, new int[] {10, 2})
                .configGet(new String[] {"maxmemory"});
        assertArrayEquals(new String[] {"INFO", "server", "memory"}, text(batch.commands().command(0)));
        assertArrayEquals(new String[] {"ECHO", "hi"}, text(batch.commands().command(1)));
        assertArrayEquals(new String[] {"PING"}, text(batch.commands().command(2)));
        assertArrayEquals(new String[] {"FLUSHALL", "ASYNC"}, text(batch.commands().command(3)));
        assertArrayEquals(new String[] {"LOLWUT", "VERSION", "5", "10", "2"}, text(batch.commands().command(4)));
        assertArrayEquals(new String[] {"CONFIG", "GET", "maxmemory"}, text(batch.commands().command(5)));
    }

    @Test
    public void lmpop_nullCountMeansNone() {
        Batch batch = new Batch(false).lmpop(new String[] {"a", "b"}, ListDirection.LEFT, null);
        assertLast(batch, "LMPOP", "2", "a", "b", "LEFT");
        batch.lmpop(new String[] {"a"}, ListDirection.RIGHT, 3L);
        assertLast(batch, "LMPOP", "1", "a", "RIGHT", "COUNT", "3");
        batch.blmpop(new String[] {"a"}, ListDirection.RIGHT, null, 0.5);
        assertLast(batch, "BLMPOP", "0.5", "1", "a", "RIGHT");
    }

    @Test
    public void linsert_bitop_bitcount() {
        Batch batch = new Batch(true)
                .linsert("l", LInsertOptions.InsertPosition.BEFORE, "p", "e")
                .bitop(BitwiseOperation.XOR, "d", new String[] {"a", "b"})
                .bitcount("b", 1, 5, BitmapIndexType.BIT);
        assertArrayEquals(new String[] {"LINSERT", "l", "BEFORE", "p", "e"}, text(batch.commands().command(0)));
        assertArrayEquals(new String[] {"BITOP", "XOR", "d", "a", "b"}, text(batch.commands().command(1)));
        assertArrayEquals(new String[] {"BITCOUNT", "b", "1", "5", "BIT"}, text(batch.commands().command(2)));
    }

    @Test
    public void hscan_withBinaryMatchPattern_isByteExact() {
        GlideString pattern = GlideString.of(new byte[] {(byte) 0xfe, '*'});
        ClusterBatch batch = new ClusterBatch(false).hscan(
                BINARY, "0", HScanOptions.builder().matchPatternBinary(pattern).count(10L).noValues(true).build());
        byte[][] command = batch.commands().command(0);
        assertEquals(8, command.length);
        assertEquals("HSCAN", new String(command[0], StandardCharsets.UTF_8));
        assertArrayEquals(BINARY.getBytes(), command[1]);
        assertEquals("0", new String(command[2], StandardCharsets.UTF_8));
        assertEquals("MATCH", new String(command[3], StandardCharsets.UTF_8));
        assertArrayEquals(pattern.getBytes(), command[4]);
        assertArrayEquals(
                new String[] {"COUNT", "10", "NOVALUES"}, Arrays.copyOfRange(text(command), 5, 8));
    }

    @Test
    public void binaryKeysAndValues_areKeptByteExact() {
        GlideString value = GlideString.of(new byte[] {(byte) 0x80, (byte) 0x81});
        Map<GlideString, GlideString> fields = new LinkedHashMap<>();
        fields.put(BINARY, value);
        Batch batch = new Batch(true)
                .set(BINARY, value)
                .hset(BINARY, fields)
                .mget(new GlideString[] {BINARY, value})
                .rpush(BINARY, new GlideString[] {value});
        assertArrayEquals(new byte[][] {"SET".getBytes(StandardCharsets.UTF_8), BINARY.getBytes(), value.getBytes()},
                batch.commands().command(0));
        assertArrayEquals(
                new byte[][] {"HSET".getBytes(StandardCharsets.UTF_8), BINARY.getBytes(), BINARY.getBytes(), value.getBytes()},
                batch.commands().command(1));
        assertArrayEquals(new byte[][] {"MGET".getBytes(StandardCharsets.UTF_8), BINARY.getBytes(), value.getBytes()},
                batch.commands().command(2));
        assertArrayEquals(new byte[][] {"RPUSH".getBytes(StandardCharsets.UTF_8), BINARY.getBytes(), value.getBytes()},
                batch.commands().command(3));
    }

    @Test
    public void getex_setrange_hgetex_hsetex() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("f", "v");
        Batch batch = new Batch(true)
                .getex("k", GetExOptions.Persist())
                .setrange("k", 3, "xy")
                .hgetex("h", new String[] {"f"}, HGetExOptions.builder().expiry(HGetExExpiry.Seconds(7L)).build())
                .hsetex("h", fields, HSetExOptions.builder().onlyIfNoneExist().expiry(ExpirySet.Seconds(9L)).build());
        assertArrayEquals(new String[] {"GETEX", "k", "PERSIST"}, text(batch.commands().command(0)));
        assertArrayEquals(new String[] {"SETRANGE", "k", "3", "xy"}, text(batch.commands().command(1)));
        assertArrayEquals(new String[] {"HGETEX", "h", "EX", "7", "FIELDS", "1", "f"}, text(batch.commands().command(2)));
        assertArrayEquals(
                new String[] {"HSETEX", "h", "FNX", "EX", "9", "FIELDS", "1", "f", "v"}, text(batch.commands().command(3)));
    }

    // ---- refused arguments ----

    /**
     * As in valkey-glide 2.3.1: a generic method's first argument (or an array's first element,
     * a map's first key) must be a String or a GlideString; the other arguments are sent as their
     * bytes (byte[]) or their toString(), so that {@code hscan(key, 0, options)}, where Java
     * infers ArgType as Object, sends cursor "0" (issue 15: valkey-glide's batch checks scan
     * with an int cursor).
     */
    @Test
    public void onlyTheFirstArgumentMustBeText() {
        for (BaseBatch<?> batch : batches()) {
            assertThrows(IllegalArgumentException.class, () -> batch.get(5));
            assertThrows(IllegalArgumentException.class, () -> batch.echo(new byte[] {1}));
            assertThrows(IllegalArgumentException.class, () -> batch.sort(3, SortOptions.builder().build()));
            assertThrows(IllegalArgumentException.class, () -> batch.del(new Object[] {2L, "a"}));
            assertThrows(IllegalArgumentException.class, () -> batch.get(null));
            assertEquals(0, batch.commands().size(), "a refused command records nothing");

            batch.set("k", 1);
            assertArrayEquals(new String[] {"SET", "k", "1"}, text(batch.commands().command(0)));
            batch.del(new Object[] {"a", 2L});
            assertArrayEquals(new String[] {"DEL", "a", "2"}, text(batch.commands().command(1)));
            batch.customCommand(new Object[] {"GET", 1});
            assertArrayEquals(new String[] {"GET", "1"}, text(batch.commands().command(2)));
            Map<Object, Object> mixed = new LinkedHashMap<>();
            mixed.put("k", 1);
            batch.mset(mixed);
            assertArrayEquals(new String[] {"MSET", "k", "1"}, text(batch.commands().command(3)));
            batch.hscan("h", 0, HScanOptions.builder().build());
            assertArrayEquals(new String[] {"HSCAN", "h", "0"}, text(batch.commands().command(4)));
            batch.set("b", new byte[] {'x', 'y'});
            assertArrayEquals(new String[] {"SET", "b", "xy"}, text(batch.commands().command(5)));
        }
    }
}
