package glide.api.models.commands.geospatial;

/** The unit of a distance, a radius or a box side in the geo commands. */
public enum GeoUnit {
    METERS("m"),
    KILOMETERS("km"),
    MILES("mi"),
    FEET("ft");

    private final String valkeyAPI;

    GeoUnit(String valkeyAPI) {
        this.valkeyAPI = valkeyAPI;
    }

    /** The unit's token on the wire ({@code m}, {@code km}, {@code mi}, {@code ft}). */
    public String getValkeyAPI() {
        return valkeyAPI;
    }
}
