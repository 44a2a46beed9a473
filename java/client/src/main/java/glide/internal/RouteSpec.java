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
    /** The command's own routing (its key's slot, or its request policy). */
    public static final RouteSpec DEFAULT = new RouteSpec(Wire.Route.DEFAULT, 0, null);

    /**
     * A cluster scan step (see {@link SlotScanCursor}): the core reads slots from their owners
     * itself.
     */
    public static final RouteSpec SCAN_STEP = new RouteSpec(Wire.Route.SCAN_STEP, 0, null);

    /** A {@link Wire.Route} code. */
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
            return new RouteSpec(Wire.Route.RANDOM, 0, null);
        }
        if (route == SimpleMultiNodeRoute.ALL_NODES) {
            return new RouteSpec(Wire.Route.ALL_NODES, 0, null);
        }
        if (route == SimpleMultiNodeRoute.ALL_PRIMARIES) {
            return new RouteSpec(Wire.Route.ALL_PRIMARIES, 0, null);
        }
        if (route instanceof SlotIdRoute) {
            SlotIdRoute r = (SlotIdRoute) route;
            if (r.getSlotId() < 0 || r.getSlotId() >= Wire.Cluster.SLOT_COUNT) {
                throw new RequestException(
                        "slot " + r.getSlotId() + " is out of range (0-" + (Wire.Cluster.SLOT_COUNT - 1) + ")");
            }
            boolean replica = r.getSlotType() == SlotType.REPLICA;
            return new RouteSpec(replica ? Wire.Route.SLOT_REPLICA : Wire.Route.SLOT_PRIMARY, r.getSlotId(), null);
        }
        if (route instanceof SlotKeyRoute) {
            SlotKeyRoute r = (SlotKeyRoute) route;
            if (r.getSlotKey() == null) {
                throw new RequestException("the slot key must not be null");
            }
            boolean replica = r.getSlotType() == SlotType.REPLICA;
            byte[] key = r.getSlotKey().getBytes(StandardCharsets.UTF_8);
            return new RouteSpec(replica ? Wire.Route.KEY_REPLICA : Wire.Route.KEY_PRIMARY, 0, key);
        }
        if (route instanceof ByAddressRoute) {
            ByAddressRoute r = (ByAddressRoute) route;
            if (r.getHost() == null || r.getHost().isEmpty()) {
                throw new RequestException("the route's host must not be empty");
            }
            return new RouteSpec(Wire.Route.ADDRESS, r.getPort(), r.getHost().getBytes(StandardCharsets.UTF_8));
        }
        throw new RequestException("unknown route " + route);
    }
}
