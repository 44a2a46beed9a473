package glide.api.models.commands.geospatial;

import glide.api.models.GlideString;

/**
 * The centre of a GEOSEARCH: an existing member ({@code FROMMEMBER}) or a position ({@code
 * FROMLONLAT}).
 */
public final class GeoSearchOrigin {
    public static final String FROMMEMBER_VALKEY_API = "FROMMEMBER";
    public static final String FROMLONLAT_VALKEY_API = "FROMLONLAT";

    public GeoSearchOrigin() {}

    /** Where a search starts. */
    public interface SearchOrigin {
        /** The origin's arguments, starting with its keyword. */
        String[] toArgs();

        /**
         * The same arguments as bytes: a binary member keeps bytes that are not valid UTF-8. Not
         * part of valkey-glide's API.
         */
        default GlideString[] toGlideStringArgs() {
            String[] args = toArgs();
            GlideString[] out = new GlideString[args.length];
            for (int i = 0; i < args.length; i++) {
                out[i] = GlideString.of(args[i]);
            }
            return out;
        }
    }

    /** {@code FROMLONLAT longitude latitude}. */
    public static class CoordOrigin implements SearchOrigin {
        private final GeospatialData position;

        public CoordOrigin(GeospatialData position) {
            this.position = position;
        }

        @Override
        public String[] toArgs() {
            String[] coords = position.toArgs();
            return new String[] {FROMLONLAT_VALKEY_API, coords[0], coords[1]};
        }
    }

    /** {@code FROMMEMBER member}. */
    public static class MemberOrigin implements SearchOrigin {
        private final String member;

        public MemberOrigin(String member) {
            this.member = member;
        }

        @Override
        public String[] toArgs() {
            return new String[] {FROMMEMBER_VALKEY_API, member};
        }
    }

    /** {@code FROMMEMBER member}, the member as bytes. */
    public static class MemberOriginBinary implements SearchOrigin {
        private final GlideString member;

        public MemberOriginBinary(GlideString member) {
            this.member = member;
        }

        /** The member decoded as text; {@link #toGlideStringArgs()} keeps its bytes. */
        @Override
        public String[] toArgs() {
            return new String[] {FROMMEMBER_VALKEY_API, member.toString()};
        }

        @Override
        public GlideString[] toGlideStringArgs() {
            return new GlideString[] {GlideString.of(FROMMEMBER_VALKEY_API), member};
        }
    }
}
