package glide.internal.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.geospatial.GeoAddOptions;
import glide.api.models.commands.geospatial.GeoSearchOptions;
import glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchStoreOptions;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeospatialData;
import glide.internal.ReplyConverters;
import glide.internal.Wire.Shape;
import java.util.Map;

/**
 * The geospatial commands ({@code GeospatialIndicesBaseCommands}), each defined once for both
 * argument types: {@link #TEXT} serves the API's {@code String} overloads, {@link #BINARY} its
 * {@link GlideString} overloads and every batch.
 *
 * <p>GEOSEARCH always takes the {@code GEO_SEARCH} shape: with no WITH* option its reply is a
 * plain array of members, which that shape leaves as it is; with them, each match's distance,
 * hash and coordinates are put in a fixed order.
 *
 * @param <V> {@code String} or {@link GlideString}
 */
public final class GeoCommands<V> {
    public static final GeoCommands<String> TEXT = new GeoCommands<>(Codec.TEXT);
    public static final GeoCommands<GlideString> BINARY = new GeoCommands<>(Codec.BINARY);

    private static final GeoAddOptions NO_ADD_OPTIONS = new GeoAddOptions(false);

    private final Codec<V> codec;

    private GeoCommands(Codec<V> codec) {
        this.codec = codec;
    }

    /** The number of members added (or changed, with CH). */
    public Command<Long> geoadd(V key, Map<V, GeospatialData> membersToGeospatialData) {
        return geoadd(key, membersToGeospatialData, NO_ADD_OPTIONS);
    }

    public Command<Long> geoadd(V key, Map<V, GeospatialData> membersToGeospatialData, GeoAddOptions options) {
        CommandBuilder<V> command = codec.command("GEOADD", membersToGeospatialData.size() * 3 + 4)
                .arg(key)
                .words(options.toArgs());
        for (Map.Entry<V, GeospatialData> e : membersToGeospatialData.entrySet()) {
            command.words(e.getValue().toArgs()).arg(e.getKey());
        }
        return command.returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /** Each member's [longitude, latitude], null where the member is missing. */
    public Command<Double[][]> geopos(V key, V[] members) {
        return codec.command("GEOPOS", members.length + 2)
                .arg(key)
                .args(members)
                .returning(Shape.GEO_POSITIONS, ReplyConverters.GEO_POSITIONS);
    }

    /** The distance in meters, or null when a member is missing. */
    public Command<Double> geodist(V key, V member1, V member2) {
        return codec.command("GEODIST", 4)
                .arg(key)
                .arg(member1)
                .arg(member2)
                .returning(Shape.DOUBLE_OR_NIL, ReplyConverters.DOUBLE);
    }

    /** The distance in {@code unit}, or null when a member is missing. */
    public Command<Double> geodist(V key, V member1, V member2, GeoUnit unit) {
        return codec.command("GEODIST", 5)
                .arg(key)
                .arg(member1)
                .arg(member2)
                .word(unit.getValkeyAPI())
                .returning(Shape.DOUBLE_OR_NIL, ReplyConverters.DOUBLE);
    }

    /** Each member's geohash, null where the member is missing. */
    public Command<V[]> geohash(V key, V[] members) {
        return codec.command("GEOHASH", members.length + 2)
                .arg(key)
                .args(members)
                .returning(Shape.AS_SENT, codec.array());
    }

    /** The members found; {@code resultOptions} may be null. */
    public Command<V[]> geosearch(
            V key, SearchOrigin origin, GeoSearchShape area, GeoSearchResultOptions resultOptions) {
        return search(codec.command("GEOSEARCH", 16).arg(key), origin, area, null, null, resultOptions)
                .returning(Shape.GEO_SEARCH, codec.array());
    }

    /**
     * Each match as [member, [distance, hash, [longitude, latitude]]] with the parts {@code
     * options} asks for; {@code resultOptions} may be null.
     */
    public Command<Object[]> geosearch(
            V key,
            SearchOrigin origin,
            GeoSearchShape area,
            GeoSearchOptions options,
            GeoSearchResultOptions resultOptions) {
        return search(codec.command("GEOSEARCH", 16).arg(key), origin, area, options, null, resultOptions)
                .returning(Shape.GEO_SEARCH, ReplyConverters.OBJECT_ARRAY);
    }

    /** The number of members stored at {@code destination}; either option may be null. */
    public Command<Long> geosearchstore(
            V destination,
            V source,
            SearchOrigin origin,
            GeoSearchShape area,
            GeoSearchStoreOptions storeOptions,
            GeoSearchResultOptions resultOptions) {
        return search(codec.command("GEOSEARCHSTORE", 16).arg(destination).arg(source), origin, area, null,
                        storeOptions, resultOptions)
                .returning(Shape.AS_SENT, ReplyConverters.LONG);
    }

    /**
     * GEOSEARCH[STORE]'s arguments after its key(s), in the order the server documents: origin,
     * area, WITH* options, COUNT/ASC/DESC, STOREDIST. The origin goes as bytes: a binary member
     * must reach the server unchanged whatever the codec.
     */
    private static <V> CommandBuilder<V> search(
            CommandBuilder<V> command,
            SearchOrigin origin,
            GeoSearchShape area,
            GeoSearchOptions options,
            GeoSearchStoreOptions storeOptions,
            GeoSearchResultOptions resultOptions) {
        command.raw(origin.toGlideStringArgs()).words(area.toArgs());
        if (options != null) {
            command.words(options.toArgs());
        }
        if (resultOptions != null) {
            command.words(resultOptions.toArgs());
        }
        if (storeOptions != null) {
            command.words(storeOptions.toArgs());
        }
        return command;
    }
}
