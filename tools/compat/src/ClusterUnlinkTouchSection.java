import static glide.api.models.GlideString.gs;

import glide.api.GlideClusterClient;
import glide.api.models.GlideString;

/**
 * Optional section of ClusterCompatCheck: the typed unlink/touch calls over keys in many slots.
 * Kept apart because glide-jni may not have these methods yet; run-cluster.sh compiles this class
 * against our jar when it can, otherwise against valkey-glide only (and our run then prints
 * "not available"). Expects the keys ClusterCompatCheck restored (k:0..k:39).
 */
public class ClusterUnlinkTouchSection {
    public static void run(GlideClusterClient c) {
        ClusterCompatCheck.call("touch over slots with duplicate", () -> c.touch(new String[] {"k:0", "nope", "k:1", "k:0", "k:17"}));
        ClusterCompatCheck.call("touch gs over slots", () -> c.touch(new GlideString[] {gs("k:2"), gs("k:3"), gs("nope")}));
        ClusterCompatCheck.call("unlink over slots", () -> c.unlink(new String[] {"k:30", "nope", "k:31", "k:32"}));
        ClusterCompatCheck.call("unlink gs over slots", () -> c.unlink(new GlideString[] {gs("k:33"), gs("k:34"), gs("nope")}));
        ClusterCompatCheck.call("exists k:30..k:34 after unlink", () -> c.exists(new String[] {"k:30", "k:31", "k:32", "k:33", "k:34"}));
        ClusterCompatCheck.call("restore", () -> ClusterCompatCheck.restore(c));
        ClusterCompatCheck.call("unlink wrong type key (deletes it)", () -> c.unlink(new String[] {"l:1", "h:0"}));
        ClusterCompatCheck.call("restore again", () -> ClusterCompatCheck.restore(c));
    }
}
