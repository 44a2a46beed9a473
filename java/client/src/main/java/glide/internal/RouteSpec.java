package glide.internal;

import glide.api.models.configuration.RequestRoutingConfiguration.ByAddressRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleMultiNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SimpleSingleNodeRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotIdRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import glide.api.models.exceptions.RequestException;
import java.nio.charset.StandardCharsets;

/**
 * A route as the native core takes it: a kind and its argument. The core picks the node; a
 * slot key is hashed there, not here.
 */
public final class RouteSpec {
    static final int DEFAULT_KIND = 0;
    static final int RANDOM = 1;
    static final int ALL_NODES = 2;
    static final int ALL_PRIMARIES = 3;
    static final int SLOT_PRIMARY = 4;
    static final int SLOT_REPLICA = 5;
    static final int KEY_PRIMARY = 6;
    static final int KEY_REPLICA = 7;
    static final int ADDRESS = 8;
    /** Not a route: the command is a cluster scan step (see {@link SlotScanCursor}). */
    static final int SCAN = 9;

    /** The command's own routing (its key's slot, or its request policy). */
    public static final RouteSpec DEFAULT = new RouteSpec(DEFAULT_KIND, 0, null);

    /** A cluster scan step: the core reads slots from their owners itself. */
    public static final RouteSpec SCAN_STEP = new RouteSpec(SCAN, 0, null);

    final int kind;
    final int number;
    final byte[] bytes;

    private RouteSpec(int kind, int number, byte[] bytes) {
        this.kind = kind;
        this.number = number;
        this.bytes = bytes;
    }

    /** Throws {@link RequestException} for a null or unknown route, or a bad slot. */
    public static RouteSpec of(Route route) {
        if (route == null) {
            throw new RequestException("the route must not be null");
        }
        if (route == SimpleSingleNodeRoute.RANDOM) {
            return new RouteSpec(RANDOM, 0, null);
        }
        if (route == SimpleMultiNodeRoute.ALL_NODES) {
            return new RouteSpec(ALL_NODES, 0, null);
        }
        if (route == SimpleMultiNodeRoute.ALL_PRIMARIES) {
            return new RouteSpec(ALL_PRIMARIES, 0, null);
        }
        if (route instanceof SlotIdRoute) {
            SlotIdRoute r = (SlotIdRoute) route;
            if (r.getSlotId() < 0 || r.getSlotId() > 16383) {
                throw new RequestException("slot " + r.getSlotId() + " is out of range (0-16383)");
            }
            boolean replica = r.getSlotType() == SlotType.REPLICA;
            return new RouteSpec(replica ? SLOT_REPLICA : SLOT_PRIMARY, r.getSlotId(), null);
        }
        if (route instanceof SlotKeyRoute) {
            SlotKeyRoute r = (SlotKeyRoute) route;
            if (r.getSlotKey() == null) {
                throw new RequestException("the slot key must not be null");
            }
            boolean replica = r.getSlotType() == SlotType.REPLICA;
            byte[] key = r.getSlotKey().getBytes(StandardCharsets.UTF_8);
            return new RouteSpec(replica ? KEY_REPLICA : KEY_PRIMARY, 0, key);
        }
        if (route instanceof ByAddressRoute) {
            ByAddressRoute r = (ByAddressRoute) route;
            if (r.getHost() == null || r.getHost().isEmpty()) {
                throw new RequestException("the route's host must not be empty");
            }
            return new RouteSpec(ADDRESS, r.getPort(), r.getHost().getBytes(StandardCharsets.UTF_8));
        }
        throw new RequestException("unknown route " + route);
    }
}
