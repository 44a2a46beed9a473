package glide.api.models.commands.geospatial;

/** The area a GEOSEARCH covers: a circle ({@code BYRADIUS}) or an axis-aligned box ({@code BYBOX}). */
public final class GeoSearchShape {
    enum SearchShape {
        BYRADIUS,
        BYBOX
    }

    private final SearchShape shape;
    private final double radius;
    private final double width;
    private final double height;
    private final GeoUnit unit;

    /** A circle of {@code radius} around the origin. */
    public GeoSearchShape(double radius, GeoUnit unit) {
        this.shape = SearchShape.BYRADIUS;
        this.radius = radius;
        this.width = -1;
        this.height = -1;
        this.unit = unit;
    }

    /** A {@code width} x {@code height} box centred on the origin. */
    public GeoSearchShape(double width, double height, GeoUnit unit) {
        this.shape = SearchShape.BYBOX;
        this.radius = -1;
        this.width = width;
        this.height = height;
        this.unit = unit;
    }

    public String[] toArgs() {
        if (shape == SearchShape.BYRADIUS) {
            return new String[] {shape.name(), Double.toString(radius), unit.getValkeyAPI()};
        }
        return new String[] {shape.name(), Double.toString(width), Double.toString(height), unit.getValkeyAPI()};
    }
}
