package memprofile;

import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.configuration.AdvancedGlideClientConfiguration;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import glide.api.models.configuration.TlsAdvancedConfiguration;
import java.util.Map;

/**
 * glide-jni: one GlideClient = one connection. The source is the same for glide-jni and valkey-glide
 * (same API); only the jar on the class path differs. In the TLS mode every client has {@code
 * useTLS(true)} and trusts the run's CA through {@code rootCertificates} (one configuration
 * object, built once, as an application would).
 */
public final class GlideJniDriver implements Driver {
    /**
     * getExtendedStatistics() is process-wide and any client, even a closed one, answers it: the first
     * idle client, then the load client (so that the closed idle clients can all be collected).
     */
    private volatile GlideClient any;

    /** The TLS settings every client shares in the TLS mode; null in the plaintext mode. */
    private final AdvancedGlideClientConfiguration tls = Tls.enabled()
            ? AdvancedGlideClientConfiguration.builder()
                    .tlsAdvancedConfiguration(TlsAdvancedConfiguration.builder().rootCertificates(Tls.caPem()).build())
                    .build()
            : null;

    @Override
    public String client() {
        return "glide-jni";
    }

    @Override
    public String idleMode() {
        return "one GlideClient per client (one connection each" + Tls.suffix() + "), PING once";
    }

    @Override
    public String loadMode() {
        return "one GlideClient shared by the load threads" + Tls.suffix();
    }

    private GlideClient open(String host, int port) throws Exception {
        GlideClientConfiguration.GlideClientConfigurationBuilder<?, ?> b = GlideClientConfiguration.builder()
                .address(NodeAddress.builder().host(host).port(port).build())
                // 100 x 512 KB in flight on one connection: leave room above the 250 ms default.
                .requestTimeout(10_000);
        if (tls != null) {
            b.useTLS(true).advancedConfiguration(tls);
        }
        GlideClientConfiguration config = b.build();
        GlideClient c = GlideClient.createClient(config).get();
        if (any == null) any = c;
        return c;
    }

    @Override
    public Object openIdle(String host, int port) throws Exception {
        GlideClient c = open(host, port);
        c.ping().get();
        return c;
    }

    @Override
    public Object openLoad(String host, int port, int inflight) throws Exception {
        GlideClient c = open(host, port);
        any = c;
        return c;
    }

    @Override
    public byte[] get(Object client, byte[] key) throws Exception {
        GlideString v = ((GlideClient) client).get(GlideString.gs(key)).get();
        return v == null ? null : v.getBytes();
    }

    @Override
    public void close(Object client) throws Exception {
        ((GlideClient) client).close();
    }

    @Override
    public Map<String, String> stats() {
        GlideClient c = any;
        return c == null ? Map.of() : c.getExtendedStatistics();
    }
}
