package glide.api.models.configuration;

/**
 * Host and port of a server node. Either part left unset takes its default ({@value
 * #DEFAULT_HOST} and 6379).
 */
public class NodeAddress {

    /** Host used when none is given. */
    public static final String DEFAULT_HOST = "localhost";

    /** Port used when none is given. */
    public static final Integer DEFAULT_PORT = 6379;

    private final String host;
    private final Integer port;

    NodeAddress(String host, Integer port) {
        this.host = host;
        this.port = port;
    }

    public static NodeAddressBuilder builder() {
        return new NodeAddressBuilder();
    }

    public String getHost() {
        return host;
    }

    public Integer getPort() {
        return port;
    }

    @Override
    public String toString() {
        return "NodeAddress(host=" + host + ", port=" + port + ")";
    }

    /** Builder for {@link NodeAddress}. */
    public static class NodeAddressBuilder {
        private String host;
        private boolean hostSet;
        private Integer port;
        private boolean portSet;

        NodeAddressBuilder() {}

        public NodeAddressBuilder host(String host) {
            this.host = host;
            this.hostSet = true;
            return this;
        }

        public NodeAddressBuilder port(Integer port) {
            this.port = port;
            this.portSet = true;
            return this;
        }

        public NodeAddress build() {
            return new NodeAddress(hostSet ? host : DEFAULT_HOST, portSet ? port : DEFAULT_PORT);
        }

        @Override
        public String toString() {
            return "NodeAddress.NodeAddressBuilder(host=" + host + ", port=" + port + ")";
        }
    }
}
