import static glide.api.models.GlideString.gs;
import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
public final class FanGlide {
    public static void main(String[] a) throws Exception {
        GlideClient c = GlideClient.createClient(GlideClientConfiguration.builder()
            .address(NodeAddress.builder().host("127.0.0.1").port(Integer.parseInt(a[0])).build()).build()).get();
        FanCore.<GlideString>run("glide-jni", a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]), b -> gs(b), k -> c.get(k), (k, v) -> c.set(k, v));
        c.close();
    }
}
