import glide.api.GlideClusterClient;
import glide.api.models.configuration.RequestRoutingConfiguration.Route;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotKeyRoute;
import glide.api.models.configuration.RequestRoutingConfiguration.SlotType;
import java.util.concurrent.TimeUnit;

/**
 * Optional section of ClusterCompatCheck: a node answers CLUSTERDOWN for a slot it stopped
 * serving (CLUSTER DELSLOTS) and serves it again 300 ms later (CLUSTER ADDSLOTS). A client that
 * waits and retries gets the value; one that does not gets the CLUSTERDOWN error. The client's
 * request timeout (2 s) leaves room for one wait. Restores the slot whatever happens.
 */
public class ClusterDownSection {
    public static void run(GlideClusterClient c) throws Exception {
        String key = "clusterdown:{cd}";
        Route owner = new SlotKeyRoute(key, SlotType.PRIMARY);
        ClusterCompatCheck.call("set the key", () -> c.set(key, "before"));
        String slot = String.valueOf(c.customCommand(new String[] {"CLUSTER", "KEYSLOT", key}).get(10, TimeUnit.SECONDS).getSingleValue());
        ClusterCompatCheck.call("delslots on the owner", () -> c.customCommand(new String[] {"CLUSTER", "DELSLOTS", slot}, owner));
        Thread back = new Thread(() -> {
            try {
                Thread.sleep(300);
                c.customCommand(new String[] {"CLUSTER", "ADDSLOTS", slot}, owner).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                System.err.println("ClusterDownSection: could not add the slot back: " + e);
            }
        });
        back.start();
        try {
            ClusterCompatCheck.call("get while the slot is unserved, served again 300 ms later", () -> c.get(key));
        } finally {
            back.join();
        }
        ClusterCompatCheck.call("get once served", () -> c.get(key));
    }
}
