package glide.api.models.commands.geospatial;

/** A position on the map: longitude then latitude, in degrees, as GEOADD and FROMLONLAT take them. */
public final class GeospatialData {
    private final double longitude;
    private final double latitude;

    public GeospatialData(double longitude, double latitude) {
        this.longitude = longitude;
        this.latitude = latitude;
    }

    public double getLongitude() {
        return longitude;
    }

    public double getLatitude() {
        return latitude;
    }

    /** {@code [longitude, latitude]}. */
    public String[] toArgs() {
        return new String[] {Double.toString(longitude), Double.toString(latitude)};
    }
}
