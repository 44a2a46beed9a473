import glide.api.GlideClient;
import glide.api.models.GlideString;
import glide.api.models.configuration.GlideClientConfiguration;
import glide.api.models.configuration.NodeAddress;
import java.lang.management.ManagementFactory;

public class BigSet {
    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]); int mb = Integer.parseInt(a[1]); int n = Integer.parseInt(a[2]);
        GlideClient c = GlideClient.createClient(GlideClientConfiguration.builder()
            .address(NodeAddress.builder().host("127.0.0.1").port(port).build()).requestTimeout(60000).build()).get();
        byte[] v = new byte[mb << 20];
        java.util.Arrays.fill(v, (byte) 'x');
        GlideString key = GlideString.of("big"), value = GlideString.of(v);
        for (int i = 0; i < 3; i++) c.set(key, value).get();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        for (int i = 0; i < n; i++) c.set(key, value).get();
        long cpu = os.getProcessCpuTime() - cpu0, t = System.nanoTime() - t0;
        System.out.printf("SET %d MB x %d: %.2f ms each, client CPU %.2f ms each%n", mb, n, t / 1e6 / n, cpu / 1e6 / n);
        c.close();
        System.exit(0);
    }
}
