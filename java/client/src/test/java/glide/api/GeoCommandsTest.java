package glide.api;

import static glide.api.Clients.await;
import static glide.api.Clients.failure;
import static glide.api.models.GlideString.gs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import glide.api.models.GlideString;
import glide.api.models.commands.ConditionalChange;
import glide.api.models.commands.SortOrder;
import glide.api.models.commands.geospatial.GeoAddOptions;
import glide.api.models.commands.geospatial.GeoSearchOptions;
import glide.api.models.commands.geospatial.GeoSearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchOrigin.CoordOrigin;
import glide.api.models.commands.geospatial.GeoSearchOrigin.MemberOrigin;
import glide.api.models.commands.geospatial.GeoSearchOrigin.MemberOriginBinary;
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchStoreOptions;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeospatialData;
import glide.api.models.configuration.ProtocolVersion;
import glide.api.models.exceptions.RequestException;
import glide.internal.commands.GeoCommands;
import glide.testutil.RedisServer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The geo family (issue 5): GEOADD, GEOPOS, GEODIST, GEOHASH, GEOSEARCH, GEOSEARCHSTORE. */
class GeoCommandsTest {
    private static final double EPS = 1e-5; // geohash precision
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
        return "geo-" + UUID.randomUUID();
    }

    private static Map<String, GeospatialData> sicily() {
        Map<String, GeospatialData> m = new LinkedHashMap<>();
        m.put("Palermo", new GeospatialData(13.361389, 38.115556));
        m.put("Catania", new GeospatialData(15.087269, 37.502669));
        return m;
    }

    private static final GeoSearchShape AROUND_SICILY = new GeoSearchShape(400, GeoUnit.KILOMETERS);
    private static final CoordOrigin SOUTH = new CoordOrigin(new GeospatialData(15, 37));

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void addPositionsDistancesHashes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            assertEquals(2L, await(client.geoadd(k, sicily())));
            assertEquals(0L, await(client.geoadd(k, sicily())), "already there");
            // CH counts moved members; XX adds none; NX moves none.
            Map<String, GeospatialData> moved = new LinkedHashMap<>();
            moved.put("Palermo", new GeospatialData(13.361389, 38.115556));
            moved.put("Catania", new GeospatialData(15.0, 37.5));
            moved.put("Agrigento", new GeospatialData(13.583333, 37.316667));
            assertEquals(1L, await(client.geoadd(k, moved, new GeoAddOptions(ConditionalChange.ONLY_IF_EXISTS, true))));
            assertEquals(1L, await(client.geoadd(k, moved, new GeoAddOptions(ConditionalChange.ONLY_IF_DOES_NOT_EXIST))));
            assertEquals(0L, await(client.geoadd(k, sicily(), new GeoAddOptions(ConditionalChange.ONLY_IF_DOES_NOT_EXIST))));
            assertEquals(1L, await(client.geoadd(k, sicily(), new GeoAddOptions(true))), "Catania moves back");

            Double[][] pos = await(client.geopos(k, new String[] {"Palermo", "nowhere", "Catania"}));
            assertEquals(3, pos.length);
            assertEquals(13.361389, pos[0][0], EPS);
            assertEquals(38.115556, pos[0][1], EPS);
            assertNull(pos[1]);
            assertEquals(15.087269, pos[2][0], EPS);
            Double[][] none = await(client.geopos(key(), new String[] {"Palermo"}));
            assertEquals(1, none.length);
            assertNull(none[0], "missing key");

            assertEquals(166274.1516, await(client.geodist(k, "Palermo", "Catania")), 1e-3);
            assertEquals(166.2742, await(client.geodist(k, "Palermo", "Catania", GeoUnit.KILOMETERS)), 1e-4);
            assertEquals(103.3182, await(client.geodist(k, "Palermo", "Catania", GeoUnit.MILES)), 1e-4);
            assertEquals(545518.8700, await(client.geodist(k, "Palermo", "Catania", GeoUnit.FEET)), 1e-3);
            assertNull(await(client.geodist(k, "Palermo", "nowhere")));
            assertNull(await(client.geodist(key(), "a", "b", GeoUnit.METERS)));

            assertArrayEquals(
                    new String[] {"sqc8b49rny0", null, "sqdtr74hyu0"},
                    await(client.geohash(k, new String[] {"Palermo", "nowhere", "Catania"})));
            assertArrayEquals(new String[] {null}, await(client.geohash(key(), new String[] {"x"})));

            // WRONGTYPE for each.
            String s = key();
            await(client.set(s, "v"));
            assertInstanceOf(RequestException.class, failure(client.geoadd(s, sicily())));
            assertInstanceOf(RequestException.class, failure(client.geopos(s, new String[] {"a"})));
            assertInstanceOf(RequestException.class, failure(client.geodist(s, "a", "b")));
            assertInstanceOf(RequestException.class, failure(client.geohash(s, new String[] {"a"})));
            assertInstanceOf(RequestException.class, failure(client.geosearch(s, SOUTH, AROUND_SICILY)));
            assertInstanceOf(RequestException.class, failure(client.geosearchstore(key(), s, SOUTH, AROUND_SICILY)));
            // Out-of-range coordinates are a server error.
            Map<String, GeospatialData> bad = Map.of("x", new GeospatialData(200, 100));
            assertInstanceOf(RequestException.class, failure(client.geoadd(k, bad)));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void binaryOverloadsKeepBytes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            GlideString k = gs((key() + "\u0000").getBytes()).concat(gs(new byte[] {(byte) 0xff}));
            GlideString odd = gs(new byte[] {(byte) 0xfe, 'p', 0});
            Map<GlideString, GeospatialData> m = new LinkedHashMap<>();
            m.put(odd, new GeospatialData(13.361389, 38.115556));
            m.put(gs("Catania"), new GeospatialData(15.087269, 37.502669));
            assertEquals(2L, await(client.geoadd(k, m)));
            assertEquals(0L, await(client.geoadd(k, m, new GeoAddOptions(ConditionalChange.ONLY_IF_EXISTS))));
            Double[][] pos = await(client.geopos(k, new GlideString[] {odd, gs("none")}));
            assertEquals(38.115556, pos[0][1], EPS);
            assertNull(pos[1]);
            assertEquals(166.2742, await(client.geodist(k, odd, gs("Catania"), GeoUnit.KILOMETERS)), 1e-4);
            assertEquals(166274.1516, await(client.geodist(k, odd, gs("Catania"))), 1e-3);
            assertArrayEquals(
                    new GlideString[] {gs("sqc8b49rny0"), null}, await(client.geohash(k, new GlideString[] {odd, gs("none")})));

            MemberOriginBinary fromOdd = new MemberOriginBinary(odd);
            assertArrayEquals(new GlideString[] {odd, gs("Catania")}, await(client.geosearch(k, fromOdd, AROUND_SICILY)));
            assertArrayEquals(
                    new GlideString[] {gs("Catania")},
                    await(client.geosearch(k, SOUTH, AROUND_SICILY, new GeoSearchResultOptions(SortOrder.ASC, 1))));
            Object[] with = await(client.geosearch(k, fromOdd, AROUND_SICILY, GeoSearchOptions.builder().withdist().build()));
            assertEquals(odd, ((Object[]) with[0])[0]);
            assertEquals(0.0, (Double) ((Object[]) ((Object[]) with[0])[1])[0], EPS);
            Object[] far = await(client.geosearch(k, fromOdd, AROUND_SICILY, GeoSearchOptions.builder().withhash().build(),
                    new GeoSearchResultOptions(SortOrder.DESC)));
            assertEquals(gs("Catania"), ((Object[]) far[0])[0]);
            assertEquals(3479447370796909L, ((Object[]) ((Object[]) far[0])[1])[0]);

            GlideString dest = gs(key().getBytes()).concat(gs(new byte[] {(byte) 0xff}));
            assertEquals(2L, await(client.geosearchstore(dest, k, fromOdd, AROUND_SICILY)));
            assertEquals(1L, await(client.geosearchstore(dest, k, fromOdd, AROUND_SICILY, new GeoSearchResultOptions(1))));
            assertEquals(2L, await(client.geosearchstore(dest, k, fromOdd, AROUND_SICILY,
                    GeoSearchStoreOptions.builder().storedist().build())));
            assertEquals(166.2742, (Double) await(client.customCommand(new GlideString[] {gs("ZSCORE"), dest, gs("Catania")})), 1e-4);
            assertEquals(1L, await(client.geosearchstore(dest, k, fromOdd, AROUND_SICILY,
                    GeoSearchStoreOptions.builder().storeDist(true).build(), new GeoSearchResultOptions(SortOrder.DESC, 1))));
            Object stored = await(client.customCommand(new GlideString[] {gs("ZRANGE"), dest, gs("0"), gs("-1")}));
            assertArrayEquals(new Object[] {gs("Catania")}, (Object[]) stored);
        }
    }

    /** GEOSEARCH WITH...: the same nested Java objects under RESP2 and RESP3, as valkey-glide gives. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void searchShapesAndOptions(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            String k = key();
            await(client.geoadd(k, sicily()));
            assertArrayEquals(new String[] {"Palermo", "Catania"}, await(client.geosearch(k, SOUTH, AROUND_SICILY)));
            assertArrayEquals(new String[] {"Catania", "Palermo"},
                    await(client.geosearch(k, SOUTH, AROUND_SICILY, new GeoSearchResultOptions(SortOrder.ASC))));
            assertArrayEquals(new String[] {"Palermo"},
                    await(client.geosearch(k, SOUTH, AROUND_SICILY, new GeoSearchResultOptions(SortOrder.DESC, 1))));
            assertEquals(1, await(client.geosearch(k, SOUTH, AROUND_SICILY, new GeoSearchResultOptions(1, true))).length);
            assertArrayEquals(new String[] {"Catania"}, await(client.geosearch(k, new MemberOrigin("Catania"),
                    new GeoSearchShape(100, 100, GeoUnit.KILOMETERS))), "box");
            assertArrayEquals(new String[0], await(client.geosearch(key(), SOUTH, AROUND_SICILY)), "missing key");
            assertArrayEquals(new Object[0], await(client.geosearch(key(), SOUTH, AROUND_SICILY,
                    GeoSearchOptions.builder().withdist().build())), "missing key");
            assertInstanceOf(RequestException.class, failure(client.geosearch(k, new MemberOrigin("nowhere"), AROUND_SICILY)));

            Object[] all = await(client.geosearch(k, SOUTH, AROUND_SICILY,
                    GeoSearchOptions.builder().withdist().withcoord().withhash().build(), new GeoSearchResultOptions(SortOrder.ASC, 2)));
            assertEquals(2, all.length);
            Object[] catania = (Object[]) all[0];
            assertEquals("Catania", catania[0]);
            Object[] extras = (Object[]) catania[1];
            assertEquals(3, extras.length);
            assertEquals(56.4413, (Double) extras[0], 1e-4);
            assertEquals(3479447370796909L, extras[1]);
            Object[] coords = (Object[]) extras[2];
            assertInstanceOf(Double.class, coords[0]);
            assertEquals(15.087269, (Double) coords[0], EPS);
            assertEquals(37.502669, (Double) coords[1], EPS);
            assertEquals("Palermo", ((Object[]) all[1])[0]);

            Object[] coordOnly = await(client.geosearch(k, new MemberOrigin("Palermo"), AROUND_SICILY,
                    GeoSearchOptions.builder().withcoord().build()));
            Object[] palermo = (Object[]) coordOnly[0];
            Object[] onlyCoords = (Object[]) palermo[1];
            assertEquals(1, onlyCoords.length);
            assertEquals(13.361389, (Double) ((Object[]) onlyCoords[0])[0], EPS);

            Object[] plain = await(client.geosearch(k, new MemberOrigin("Palermo"), AROUND_SICILY,
                    GeoSearchOptions.builder().build()));
            assertArrayEquals(new Object[] {"Palermo", "Catania"}, plain, "no WITH option: plain members");

            String dest = key();
            assertEquals(2L, await(client.geosearchstore(dest, k, SOUTH, AROUND_SICILY)));
            assertEquals(1L, await(client.geosearchstore(dest, k, SOUTH, AROUND_SICILY, new GeoSearchResultOptions(SortOrder.ASC, 1))));
            assertEquals(2L, await(client.geosearchstore(dest, k, new MemberOrigin("Palermo"), AROUND_SICILY,
                    GeoSearchStoreOptions.builder().storedist().build())));
            assertEquals(166.2742, (Double) await(client.customCommand(new String[] {"ZSCORE", dest, "Catania"})), 1e-4);
            assertEquals(1L, await(client.geosearchstore(dest, k, new MemberOrigin("Palermo"), AROUND_SICILY,
                    GeoSearchStoreOptions.builder().build(), new GeoSearchResultOptions(SortOrder.DESC, 1))));
            assertEquals(0L, await(client.geosearchstore(dest, key(), SOUTH, AROUND_SICILY)), "missing source");
            assertEquals(0L, await(client.exists(new String[] {dest})), "an empty result deletes the destination");
        }
    }

    @Test
    void optionArguments() {
        assertArrayEquals(new String[] {"XX", "CH"}, new GeoAddOptions(ConditionalChange.ONLY_IF_EXISTS, true).toArgs());
        assertArrayEquals(new String[] {"NX"}, new GeoAddOptions(ConditionalChange.ONLY_IF_DOES_NOT_EXIST).toArgs());
        assertArrayEquals(new String[] {"CH"}, new GeoAddOptions(true).toArgs());
        assertArrayEquals(new String[0], new GeoAddOptions(false).toArgs());
        assertEquals(ConditionalChange.ONLY_IF_EXISTS, new GeoAddOptions(ConditionalChange.ONLY_IF_EXISTS).getUpdateMode());
        assertTrue(new GeoAddOptions(true).isChanged());
        assertArrayEquals(new String[] {"1.5", "2.25"}, new GeospatialData(1.5, 2.25).toArgs());
        assertEquals(1.5, new GeospatialData(1.5, 2.25).getLongitude());
        assertEquals(2.25, new GeospatialData(1.5, 2.25).getLatitude());
        assertArrayEquals(new String[] {"BYRADIUS", "400.0", "km"}, AROUND_SICILY.toArgs());
        assertArrayEquals(new String[] {"BYBOX", "1.0", "2.0", "ft"}, new GeoSearchShape(1, 2, GeoUnit.FEET).toArgs());
        assertArrayEquals(new String[] {"FROMLONLAT", "15.0", "37.0"}, SOUTH.toArgs());
        assertArrayEquals(new String[] {"FROMMEMBER", "m"}, new MemberOrigin("m").toArgs());
        assertArrayEquals(new String[] {"FROMMEMBER", "m"}, new MemberOriginBinary(gs("m")).toArgs());
        assertEquals("FROMMEMBER", GeoSearchOrigin.FROMMEMBER_VALKEY_API);
        assertArrayEquals(new String[] {"COUNT", "3", "ANY", "DESC"}, new GeoSearchResultOptions(SortOrder.DESC, 3, true).toArgs());
        assertArrayEquals(new String[] {"COUNT", "3"}, new GeoSearchResultOptions(3).toArgs());
        assertArrayEquals(new String[] {"COUNT", "3", "ANY"}, new GeoSearchResultOptions(3, true).toArgs());
        assertArrayEquals(new String[] {"ASC"}, new GeoSearchResultOptions(SortOrder.ASC).toArgs());
        assertArrayEquals(new String[] {"STOREDIST"}, GeoSearchStoreOptions.builder().storedist().build().toArgs());
        assertArrayEquals(new String[0], GeoSearchStoreOptions.builder().build().toArgs());
        assertArrayEquals(new String[0], GeoSearchOptions.builder().build().toArgs());
        assertEquals(3, GeoSearchOptions.builder().withdist().withcoord().withhash().build().toArgs().length);
        assertArrayEquals(new String[] {"WITHDIST"}, GeoSearchOptions.builder().withDist(true).withCoord(false).build().toArgs());
        assertEquals("mi", GeoUnit.MILES.getValkeyAPI());
        assertEquals("m", GeoUnit.METERS.getValkeyAPI());
    }

    /** GEODIST's and GEOSEARCH's defined shapes give what the core derives from the same bytes. */
    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void definedShapesAreTheDerivedOnes(ProtocolVersion protocol) throws Exception {
        try (GlideClient client = Clients.connect(server, protocol)) {
            SameAsDerived.Setup sicily = (c, k) -> await(c.geoadd(k, sicily()));
            SameAsDerived.check(client, sicily, k -> client.geodist(k, "Palermo", "Catania", GeoUnit.KILOMETERS),
                    k -> new String[] {"GEODIST", k, "Palermo", "Catania", "km"},
                    GeoCommands.TEXT.geodist("k", "a", "b").convert(), 166.2742);
            SameAsDerived.check(client, sicily, k -> client.geodist(k, "Palermo", "nowhere"),
                    k -> new String[] {"GEODIST", k, "Palermo", "nowhere"}, GeoCommands.TEXT.geodist("k", "a", "b").convert(), null);
            GeoSearchOptions withDist = GeoSearchOptions.builder().withdist().build();
            GeoSearchResultOptions nearestFirst = new GeoSearchResultOptions(SortOrder.ASC);
            SameAsDerived.check(client, sicily, k -> client.geosearch(k, SOUTH, AROUND_SICILY, withDist, nearestFirst),
                    k -> new String[] {"GEOSEARCH", k, "FROMLONLAT", "15.0", "37.0", "BYRADIUS", "400.0", "km", "WITHDIST", "ASC"},
                    GeoCommands.TEXT.geosearch("k", SOUTH, AROUND_SICILY, withDist, null).convert(),
                    new Object[] {new Object[] {"Catania", new Object[] {56.4413}}, new Object[] {"Palermo", new Object[] {190.4424}}});
        }
    }
}
