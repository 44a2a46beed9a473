package glide.api.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.commands.SetOptions;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.commands.SetOptions.ConditionalSet;
import glide.api.models.commands.SetOptions.Expiry;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.configuration.ReadFrom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests of the plain model classes (no server needed). */
public class ModelsTest {

    // ---------------------------------------------------------------- GlideString

    @Test
    public void glideString_equalityAndHashFollowBytes() {
        GlideString fromText = GlideString.of("héllo");
        GlideString fromBytes = GlideString.of("héllo".getBytes(StandardCharsets.UTF_8));
        assertEquals(fromText, fromBytes);
        assertEquals(fromBytes, fromText);
        assertEquals(fromText.hashCode(), fromBytes.hashCode());
        assertEquals(GlideString.gs("a"), GlideString.of((Object) "a"));
        assertNotEquals(GlideString.of("a"), GlideString.of("b"));
        assertNotEquals(GlideString.of("a"), "a");
        assertNotEquals(GlideString.of("a"), null);
    }

    @Test
    public void glideString_ofObject() {
        GlideString gs = GlideString.of("x");
        assertSame(gs, GlideString.of((Object) gs));
        assertEquals(GlideString.of("42"), GlideString.of((Object) 42));
        assertEquals(GlideString.of("null"), GlideString.of((Object) null));
        byte[] raw = {1, 2, 3};
        assertArrayEquals(raw, GlideString.of((Object) raw).getBytes());
    }

    @Test
    public void glideString_compareIsUnsignedLexicographic() {
        GlideString low = GlideString.of(new byte[] {0x01});
        GlideString high = GlideString.of(new byte[] {(byte) 0xff}); // negative as signed byte
        assertTrue(low.compareTo(high) < 0);
        assertTrue(high.compareTo(low) > 0);
        assertTrue(GlideString.of("ab").compareTo(GlideString.of("abc")) < 0);
        assertTrue(GlideString.of("b").compareTo(GlideString.of("abc")) > 0);
        assertEquals(0, GlideString.of("abc").compareTo(GlideString.gs("abc".getBytes())));
        assertTrue(GlideString.of("").compareTo(GlideString.of("a")) < 0);
    }

    @Test
    public void glideString_utf8Detection() {
        GlideString valid = GlideString.of("Grüße €".getBytes(StandardCharsets.UTF_8));
        assertTrue(valid.canConvertToString());
        assertEquals("Grüße €", valid.getString());
        assertEquals("Grüße €", valid.toString());

        byte[][] invalid = {
            {(byte) 0xff},
            {(byte) 0xc3}, // truncated two-byte sequence
            {(byte) 0xc0, (byte) 0x80}, // overlong encoding
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // encoded surrogate
            {'a', (byte) 0x80, 'b'}, // stray continuation byte
        };
        for (byte[] bytes : invalid) {
            GlideString gs = GlideString.of(bytes);
            assertFalse(gs.canConvertToString(), Arrays.toString(bytes));
            String shown = gs.toString(); // must not throw
            // valkey-glide 2.3.1's text for such content (issue 15: its tests compare with it)
            assertEquals("Value not convertible to string: byte[] " + Arrays.hashCode(bytes), shown);
            assertEquals(shown, gs.getString());
        }
        assertTrue(GlideString.of(new byte[0]).canConvertToString());
        assertEquals("", GlideString.of(new byte[0]).toString());
    }

    @Test
    public void glideString_concat() {
        GlideString joined =
                GlideString.of("foo").concat(GlideString.of(new byte[] {'b', 'a', 'r'}));
        assertEquals(GlideString.of("foobar"), joined);
        assertEquals("foobar", joined.getString());
    }

    // ---------------------------------------------------------------- SetOptions

    private static void assertArgs(SetOptions options, String... expected) {
        assertArrayEquals(expected, options.toArgs());
        GlideString[] binary = options.toArgsBinary();
        assertEquals(expected.length, binary.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(GlideString.of(expected[i]), binary[i]);
        }
    }

    @Test
    public void setOptions_empty() {
        assertArgs(SetOptions.builder().build());
    }

    @Test
    public void setOptions_conditions() {
        assertArgs(SetOptions.builder().conditionalSetOnlyIfExists().build(), "XX");
        assertArgs(SetOptions.builder().conditionalSetOnlyIfNotExist().build(), "NX");
        assertArgs(SetOptions.builder().conditionalSetOnlyIfEqualTo("old").build(), "IFEQ", "old");
        assertArgs(
                SetOptions.builder().conditionalSetOnlyIfEqualTo(GlideString.of("v")).build(),
                "IFEQ",
                "v");
        assertArgs(
                SetOptions.builder()
                        .conditionalSet(ConditionalSet.ONLY_IF_EQUAL)
                        .comparisonValue(GlideString.of("c"))
                        .build(),
                "IFEQ",
                "c");
        assertArgs(
                SetOptions.builder().conditionalSet(ConditionalSet.ONLY_IF_DOES_NOT_EXIST).build(),
                "NX");
        assertEquals("GET", SetOptions.RETURN_OLD_VALUE);
    }

    @Test
    public void setOptions_ifEqualWithoutValueIsRejected() {
        SetOptions options =
                SetOptions.builder().conditionalSet(ConditionalSet.ONLY_IF_EQUAL).build();
        assertThrows(IllegalArgumentException.class, options::toArgs);
    }

    @Test
    public void setOptions_expiries() {
        assertArgs(SetOptions.builder().expiry(Expiry.KeepExisting()).build(), "KEEPTTL");
        assertArgs(SetOptions.builder().expiry(Expiry.Seconds(10L)).build(), "EX", "10");
        assertArgs(SetOptions.builder().expiry(Expiry.Milliseconds(1500L)).build(), "PX", "1500");
        assertArgs(
                SetOptions.builder().expiry(Expiry.UnixSeconds(1700000000L)).build(),
                "EXAT",
                "1700000000");
        assertArgs(
                SetOptions.builder().expiry(Expiry.UnixMilliseconds(1700000000123L)).build(),
                "PXAT",
                "1700000000123");
    }

    @Test
    public void setOptions_getAndCombinationsInServerOrder() {
        assertArgs(SetOptions.builder().returnOldValue(true).build(), "GET");
        assertArgs(SetOptions.builder().returnOldValue(false).build());

        String[][] conditions = {{}, {"XX"}, {"NX"}, {"IFEQ", "cmp"}};
        Expiry[] expiries = {
            null,
            Expiry.KeepExisting(),
            Expiry.Seconds(5L),
            Expiry.Milliseconds(6L),
            Expiry.UnixSeconds(7L),
            Expiry.UnixMilliseconds(8L)
        };
        String[][] expiryArgs = {
            {}, {"KEEPTTL"}, {"EX", "5"}, {"PX", "6"}, {"EXAT", "7"}, {"PXAT", "8"}
        };
        for (int c = 0; c < conditions.length; c++) {
            for (boolean get : new boolean[] {false, true}) {
                for (int e = 0; e < expiries.length; e++) {
                    SetOptions.SetOptionsBuilder builder = SetOptions.builder();
                    if (c == 1) {
                        builder.conditionalSetOnlyIfExists();
                    } else if (c == 2) {
                        builder.conditionalSetOnlyIfNotExist();
                    } else if (c == 3) {
                        builder.conditionalSetOnlyIfEqualTo("cmp");
                    }
                    builder.returnOldValue(get).expiry(expiries[e]);
                    List<String> expected = new ArrayList<>(Arrays.asList(conditions[c]));
                    if (get) {
                        expected.add("GET");
                    }
                    expected.addAll(Arrays.asList(expiryArgs[e]));
                    assertArgs(builder.build(), expected.toArray(new String[0]));
                }
            }
        }
    }

    // ---------------------------------------------------------------- configuration

    @Test
    public void nodeAddress_defaults() {
        NodeAddress address = NodeAddress.builder().build();
        assertEquals("localhost", address.getHost());
        assertEquals(6379, address.getPort());
        assertEquals(NodeAddress.DEFAULT_HOST, address.getHost());
        assertEquals(NodeAddress.DEFAULT_PORT, address.getPort());
        NodeAddress custom = NodeAddress.builder().host("10.0.0.1").port(7000).build();
        assertEquals("10.0.0.1", custom.getHost());
        assertEquals(7000, custom.getPort());
    }

    @Test
    public void clientConfiguration_defaults() {
        GlideClientConfiguration config = GlideClientConfiguration.builder().build();
        assertTrue(config.getAddresses().isEmpty());
        assertFalse(config.isUseTLS());
        assertEquals(ReadFrom.PRIMARY, config.getReadFrom());
        assertEquals(ProtocolVersion.RESP3, config.getProtocol());
        assertNull(config.getCredentials());
        assertNull(config.getRequestTimeout());
        assertNull(config.getClientName());
        assertNull(config.getLibName());
        assertNull(config.getInflightRequestsLimit());
        assertNull(config.getClientAZ());
        assertNull(config.getReconnectStrategy());
        assertNull(config.getDatabaseId());
        assertFalse(config.isLazyConnect());
        assertFalse(config.isReadOnly());
        assertNull(config.getSubscriptionConfiguration());
        AdvancedGlideClientConfiguration advanced = config.getAdvancedConfiguration();
        assertTrue(advanced != null);
        assertNull(advanced.getConnectionTimeout());
        assertTrue(advanced.getTlsAdvancedConfiguration() != null);
        assertFalse(advanced.getTlsAdvancedConfiguration().isUseInsecureTLS());
        assertTrue(config.toString().contains("GlideClientConfiguration"));
    }

    @Test
    public void clientConfiguration_explicitValues() {
        GlideClientConfiguration config =
                GlideClientConfiguration.builder()
                        .useTLS(true)
                        .readFrom(ReadFrom.PREFER_REPLICA)
                        .protocol(ProtocolVersion.RESP2)
                        .requestTimeout(500)
                        .clientName("app")
                        .databaseId(3)
                        .lazyConnect(true)
                        .readOnly(true)
                        .build();
        assertTrue(config.isUseTLS());
        assertEquals(ReadFrom.PREFER_REPLICA, config.getReadFrom());
        assertEquals(ProtocolVersion.RESP2, config.getProtocol());
        assertEquals(500, config.getRequestTimeout());
        assertEquals("app", config.getClientName());
        assertEquals(3, config.getDatabaseId());
        assertTrue(config.isLazyConnect());
        assertTrue(config.isReadOnly());
    }

    @Test
    public void clientConfiguration_addressAccumulationAndClear() {
        NodeAddress a = NodeAddress.builder().port(1).build();
        NodeAddress b = NodeAddress.builder().port(2).build();
        NodeAddress c = NodeAddress.builder().port(3).build();

        GlideClientConfiguration config =
                GlideClientConfiguration.builder()
                        .address(a)
                        .addresses(Arrays.asList(b, c))
                        .address(a)
                        .build();
        assertEquals(Arrays.asList(a, b, c, a), config.getAddresses());

        GlideClientConfiguration cleared =
                GlideClientConfiguration.builder()
                        .address(a)
                        .address(b)
                        .clearAddresses()
                        .address(c)
                        .build();
        assertEquals(Arrays.asList(c), cleared.getAddresses());

        assertTrue(
                GlideClientConfiguration.builder()
                        .address(a)
                        .clearAddresses()
                        .build()
                        .getAddresses()
                        .isEmpty());

        assertThrows(
                UnsupportedOperationException.class, () -> config.getAddresses().add(a));
    }

    @Test
    void scanOptionsBuildTheirArguments() {
        ScanOptions all =
                ScanOptions.builder()
                        .matchPattern("user:*")
                        .count(50L)
                        .type(ScanOptions.ObjectType.HASH)
                        .allowNonCoveredSlots(true)
                        .build();
        assertArrayEquals(new String[] {"MATCH", "user:*", "COUNT", "50", "TYPE", "hash"}, all.toArgs());
        assertArrayEquals(
                new GlideString[] {GlideString.of("MATCH"), GlideString.of("user:*"), GlideString.of("COUNT"), GlideString.of("50")},
                all.toGlideStringArgs());
        assertEquals(GlideString.of("user:*"), all.getMatchPattern());
        assertEquals(50L, all.getCount());
        assertEquals(ScanOptions.ObjectType.HASH, all.getType());
        assertTrue(all.getAllowNonCoveredSlots());
        assertArrayEquals(new String[0], ScanOptions.builder().build().toArgs());
        // Binary patterns keep their bytes; equal settings make equal options.
        GlideString odd = GlideString.of(new byte[] {'k', (byte) 0xff, '*'});
        assertEquals(odd, ScanOptions.builder().matchPatternBinary(odd).build().getMatchPattern());
        assertEquals(ScanOptions.builder().count(5L).build(), ScanOptions.builder().count(5L).build());
        assertEquals(
                ScanOptions.builder().count(5L).build().hashCode(), ScanOptions.builder().count(5L).build().hashCode());
        assertNotEquals(ScanOptions.builder().count(5L).build(), ScanOptions.builder().count(6L).build());
        assertEquals("zset", ScanOptions.ObjectType.ZSET.getNativeName());
    }

    @Test
    void theInitialClusterScanCursorStartsAScan() {
        ClusterScanCursor initial = ClusterScanCursor.initialCursor();
        assertSame(ClusterScanCursor.INITIAL_CURSOR_INSTANCE, initial);
        assertSame(initial, ClusterScanCursor.initalCursor());
        assertFalse(initial.isFinished());
        initial.releaseCursorHandle(); // nothing to release: still usable
        assertFalse(initial.isFinished());
    }
}
