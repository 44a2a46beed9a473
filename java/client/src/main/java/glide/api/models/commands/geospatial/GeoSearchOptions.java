package glide.api.models.commands.geospatial;

import java.util.ArrayList;
import java.util.List;

/**
 * What GEOSEARCH returns with each member: its coordinates ({@code WITHCOORD}), its distance from
 * the origin ({@code WITHDIST}), its raw geohash ({@code WITHHASH}).
 */
public final class GeoSearchOptions {
    public static final String WITHCOORD_VALKEY_API = "WITHCOORD";
    public static final String WITHDIST_VALKEY_API = "WITHDIST";
    public static final String WITHHASH_VALKEY_API = "WITHHASH";

    private final boolean withCoord;
    private final boolean withDist;
    private final boolean withHash;

    private GeoSearchOptions(GeoSearchOptionsBuilder b) {
        this.withCoord = b.withCoord;
        this.withDist = b.withDist;
        this.withHash = b.withHash;
    }

    public static GeoSearchOptionsBuilder builder() {
        return new GeoSearchOptionsBuilder();
    }

    public String[] toArgs() {
        List<String> args = new ArrayList<>(3);
        if (withDist) {
            args.add(WITHDIST_VALKEY_API);
        }
        if (withCoord) {
            args.add(WITHCOORD_VALKEY_API);
        }
        if (withHash) {
            args.add(WITHHASH_VALKEY_API);
        }
        return args.toArray(new String[0]);
    }

    /** Builds {@link GeoSearchOptions}; nothing is asked for by default. */
    public static class GeoSearchOptionsBuilder {
        private boolean withCoord;
        private boolean withDist;
        private boolean withHash;

        public GeoSearchOptionsBuilder() {}

        public GeoSearchOptionsBuilder withdist() {
            return withDist(true);
        }

        public GeoSearchOptionsBuilder withcoord() {
            return withCoord(true);
        }

        public GeoSearchOptionsBuilder withhash() {
            return withHash(true);
        }

        public GeoSearchOptionsBuilder withCoord(boolean withCoord) {
            this.withCoord = withCoord;
            return this;
        }

        public GeoSearchOptionsBuilder withDist(boolean withDist) {
            this.withDist = withDist;
            return this;
        }

        public GeoSearchOptionsBuilder withHash(boolean withHash) {
            this.withHash = withHash;
            return this;
        }

        public GeoSearchOptions build() {
            return new GeoSearchOptions(this);
        }

        @Override
        public String toString() {
            return "GeoSearchOptions.GeoSearchOptionsBuilder(withCoord=" + withCoord + ", withDist=" + withDist
                    + ", withHash=" + withHash + ")";
        }
    }
}
