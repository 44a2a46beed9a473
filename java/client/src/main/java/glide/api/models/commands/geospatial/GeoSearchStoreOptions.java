package glide.api.models.commands.geospatial;

/**
 * Option of GEOSEARCHSTORE: store each member's distance from the origin as its score ({@code
 * STOREDIST}) instead of its geohash.
 */
public final class GeoSearchStoreOptions {
    public static final String GEOSEARCHSTORE_VALKEY_API = "STOREDIST";

    private final boolean storeDist;

    private GeoSearchStoreOptions(boolean storeDist) {
        this.storeDist = storeDist;
    }

    public static GeoSearchStoreOptionsBuilder builder() {
        return new GeoSearchStoreOptionsBuilder();
    }

    public String[] toArgs() {
        return storeDist ? new String[] {GEOSEARCHSTORE_VALKEY_API} : new String[0];
    }

    /** Builds {@link GeoSearchStoreOptions}; STOREDIST is off by default. */
    public static class GeoSearchStoreOptionsBuilder {
        private boolean storeDist;

        public GeoSearchStoreOptionsBuilder() {}

        public GeoSearchStoreOptionsBuilder storedist() {
            return storeDist(true);
        }

        public GeoSearchStoreOptionsBuilder storeDist(boolean storeDist) {
            this.storeDist = storeDist;
            return this;
        }

        public GeoSearchStoreOptions build() {
            return new GeoSearchStoreOptions(storeDist);
        }

        @Override
        public String toString() {
            return "GeoSearchStoreOptions.GeoSearchStoreOptionsBuilder(storeDist=" + storeDist + ")";
        }
    }
}
