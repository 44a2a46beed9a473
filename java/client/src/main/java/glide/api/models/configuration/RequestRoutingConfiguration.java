package glide.api.models.configuration;

import glide.api.models.exceptions.RequestException;

/**
 * Routes that tell a cluster client which node(s) should execute a command, overriding the
 * routing it would otherwise derive from the command's keys.
 */
public class RequestRoutingConfiguration {

    /** Number of hash slots in a cluster. */
    private static final int SLOT_COUNT = 16384;

    public RequestRoutingConfiguration() {}

    /** Any route. */
    public interface Route {}

    /** A route that selects exactly one node; the reply is that node's reply. */
    public interface SingleNodeRoute extends Route {}

    /** A route that selects several nodes; replies are aggregated or returned per node. */
    public interface MultiNodeRoute extends Route {}

    /** Single-node routes that need no argument. */
    public enum SimpleSingleNodeRoute implements SingleNodeRoute {
        /** Any one node, chosen by the client. */
        RANDOM(2);

        private final int ordinal;

        SimpleSingleNodeRoute(int ordinal) {
            this.ordinal = ordinal;
        }

        /** Stable numeric identifier of this route (shared with the multi-node routes). */
        public int getOrdinal() {
            return ordinal;
        }
    }

    /** Multi-node routes that need no argument. */
    public enum SimpleMultiNodeRoute implements MultiNodeRoute {
        /** Every node, primaries and replicas. */
        ALL_NODES(0),
        /** Every primary node. */
        ALL_PRIMARIES(1);

        private final int ordinal;

        SimpleMultiNodeRoute(int ordinal) {
            this.ordinal = ordinal;
        }

        /** Stable numeric identifier of this route (shared with the single-node routes). */
        public int getOrdinal() {
            return ordinal;
        }
    }

    /** Which node of a slot's shard a slot-based route selects. */
    public enum SlotType {
        /** The shard's primary. */
        PRIMARY,
        /** A replica of the shard (the primary when the shard has none). */
        REPLICA
    }

    /** Routes to the node owning the slot with the given number. */
    public static class SlotIdRoute implements SingleNodeRoute {
        private final int slotId;
        private final SlotType slotType;

        /**
         * @param slotId a hash slot, {@code 0} to {@code 16383}
         * @param slotType whether to use the slot's primary or a replica
         * @throws RequestException if {@code slotId} is out of range
         */
        public SlotIdRoute(int slotId, SlotType slotType) {
            if (slotId < 0 || slotId >= SLOT_COUNT) {
                throw new RequestException(
                        "Slot id "
                                + slotId
                                + " is out of range, it must be between 0 and "
                                + (SLOT_COUNT - 1));
            }
            this.slotId = slotId;
            this.slotType = slotType;
        }

        public int getSlotId() {
            return slotId;
        }

        public SlotType getSlotType() {
            return slotType;
        }
    }

    /** Routes to the node owning the slot that the given key hashes to. */
    public static class SlotKeyRoute implements SingleNodeRoute {
        private final String slotKey;
        private final SlotType slotType;

        /**
         * @param slotKey the key whose hash slot selects the node; must not be null
         * @param slotType whether to use the slot's primary or a replica
         * @throws RequestException if {@code slotKey} is null
         */
        public SlotKeyRoute(String slotKey, SlotType slotType) {
            if (slotKey == null) {
                throw new RequestException("Slot key must not be null");
            }
            this.slotKey = slotKey;
            this.slotType = slotType;
        }

        public String getSlotKey() {
            return slotKey;
        }

        public SlotType getSlotType() {
            return slotType;
        }
    }

    /** Routes to the node with the given address, which must be a known member of the cluster. */
    public static class ByAddressRoute implements SingleNodeRoute {
        private final String host;
        private final int port;

        /** Routes to {@code host:port}. */
        public ByAddressRoute(String host, int port) {
            this.host = host;
            this.port = port;
        }

        /**
         * Routes to an address written as {@code host:port} (an IPv6 host may be written in
         * brackets, {@code [::1]:6379}).
         *
         * @throws RequestException if the text has no valid port
         */
        public ByAddressRoute(String host) {
            int colon = host == null ? -1 : host.lastIndexOf(':');
            if (colon <= 0 || colon == host.length() - 1) {
                throw new RequestException(
                        "Address '"
                                + host
                                + "' must be written as host:port, or the port given separately");
            }
            String name = host.substring(0, colon);
            if (name.length() > 1 && name.startsWith("[") && name.endsWith("]")) {
                name = name.substring(1, name.length() - 1);
            }
            int parsedPort;
            try {
                parsedPort = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new RequestException("Address '" + host + "' has an invalid port");
            }
            this.host = name;
            this.port = parsedPort;
        }

        public String getHost() {
            return host;
        }

        public int getPort() {
            return port;
        }
    }
}
