package glide.api.commands;

import glide.api.models.GlideString;
import glide.api.models.commands.geospatial.GeoAddOptions;
import glide.api.models.commands.geospatial.GeoSearchOptions;
import glide.api.models.commands.geospatial.GeoSearchOrigin.SearchOrigin;
import glide.api.models.commands.geospatial.GeoSearchResultOptions;
import glide.api.models.commands.geospatial.GeoSearchShape;
import glide.api.models.commands.geospatial.GeoSearchStoreOptions;
import glide.api.models.commands.geospatial.GeoUnit;
import glide.api.models.commands.geospatial.GeospatialData;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Geospatial indices: sorted sets whose scores encode positions (GEOADD, GEOPOS, GEODIST, GEOHASH,
 * GEOSEARCH, GEOSEARCHSTORE). Every command takes the key first; in a cluster it goes to the key's
 * slot (GEOSEARCHSTORE's two keys must share one).
 *
 * <p>Reply types are the same under RESP2 and RESP3: coordinates and distances are {@code
 * Double}s, geohash scores {@code Long}s.
 */
public interface GeospatialIndicesBaseCommands {

    /**
     * GEOADD: adds or updates members' positions.
     *
     * @return the number of members added (with {@code CH}: added or moved)
     */
    CompletableFuture<Long> geoadd(String key, Map<String, GeospatialData> membersToGeospatialData, GeoAddOptions options);

    CompletableFuture<Long> geoadd(GlideString key, Map<GlideString, GeospatialData> membersToGeospatialData, GeoAddOptions options);

    CompletableFuture<Long> geoadd(String key, Map<String, GeospatialData> membersToGeospatialData);

    CompletableFuture<Long> geoadd(GlideString key, Map<GlideString, GeospatialData> membersToGeospatialData);

    /**
     * GEOPOS: the members' positions.
     *
     * @return one {@code [longitude, latitude]} per member, {@code null} for a member (or key) that
     *     does not exist
     */
    CompletableFuture<Double[][]> geopos(String key, String[] members);

    CompletableFuture<Double[][]> geopos(GlideString key, GlideString[] members);

    /**
     * GEODIST: the distance between two members in {@code geoUnit}.
     *
     * @return the distance, or {@code null} when a member or the key does not exist
     */
    CompletableFuture<Double> geodist(String key, String member1, String member2, GeoUnit geoUnit);

    CompletableFuture<Double> geodist(GlideString key, GlideString member1, GlideString member2, GeoUnit geoUnit);

    /** GEODIST in meters. */
    CompletableFuture<Double> geodist(String key, String member1, String member2);

    CompletableFuture<Double> geodist(GlideString key, GlideString member1, GlideString member2);

    /**
     * GEOHASH: the members' 11-character geohash strings.
     *
     * @return one per member, {@code null} for a member that does not exist
     */
    CompletableFuture<String[]> geohash(String key, String[] members);

    CompletableFuture<GlideString[]> geohash(GlideString key, GlideString[] members);

    /**
     * GEOSEARCH: the members inside {@code searchBy} around {@code searchFrom}.
     *
     * @return the members (an empty array when the key does not exist)
     */
    CompletableFuture<String[]> geosearch(String key, SearchOrigin searchFrom, GeoSearchShape searchBy);

    CompletableFuture<GlideString[]> geosearch(GlideString key, SearchOrigin searchFrom, GeoSearchShape searchBy);

    CompletableFuture<String[]> geosearch(
            String key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchResultOptions resultOptions);

    CompletableFuture<GlideString[]> geosearch(
            GlideString key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchResultOptions resultOptions);

    /**
     * GEOSEARCH with WITHDIST/WITHHASH/WITHCOORD.
     *
     * @return with any of them, one {@code [member, [distance, hash, [longitude, latitude]]]} per
     *     member (only the parts asked for, in that order: {@code Double}, {@code Long}, {@code
     *     Object[]} of two {@code Double}s); with none, the members alone
     */
    CompletableFuture<Object[]> geosearch(
            String key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchOptions options);

    CompletableFuture<Object[]> geosearch(
            GlideString key, SearchOrigin searchFrom, GeoSearchShape searchBy, GeoSearchOptions options);

    CompletableFuture<Object[]> geosearch(
            String key,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchOptions options,
            GeoSearchResultOptions resultOptions);

    CompletableFuture<Object[]> geosearch(
            GlideString key,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchOptions options,
            GeoSearchResultOptions resultOptions);

    /**
     * GEOSEARCHSTORE: stores GEOSEARCH's result in {@code destination} (replacing it).
     *
     * @return the number of members stored
     */
    CompletableFuture<Long> geosearchstore(
            String destination, String source, SearchOrigin searchFrom, GeoSearchShape searchBy);

    CompletableFuture<Long> geosearchstore(
            GlideString destination, GlideString source, SearchOrigin searchFrom, GeoSearchShape searchBy);

    CompletableFuture<Long> geosearchstore(
            String destination,
            String source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchResultOptions resultOptions);

    CompletableFuture<Long> geosearchstore(
            GlideString destination,
            GlideString source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchResultOptions resultOptions);

    CompletableFuture<Long> geosearchstore(
            String destination,
            String source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options);

    CompletableFuture<Long> geosearchstore(
            GlideString destination,
            GlideString source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options);

    CompletableFuture<Long> geosearchstore(
            String destination,
            String source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options,
            GeoSearchResultOptions resultOptions);

    CompletableFuture<Long> geosearchstore(
            GlideString destination,
            GlideString source,
            SearchOrigin searchFrom,
            GeoSearchShape searchBy,
            GeoSearchStoreOptions options,
            GeoSearchResultOptions resultOptions);
}
