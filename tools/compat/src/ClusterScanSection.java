import glide.api.GlideClusterClient;
import glide.api.models.GlideString;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Optional section of ClusterCompatCheck: cluster SCAN with a ClusterScanCursor, looped until the
 * cursor is finished (each superseded cursor released), keys collected into a sorted set. Kept
 * apart because glide-jni may not have scan yet; run-cluster.sh compiles this class against our
 * jar when it can, otherwise against valkey-glide only (and our run prints "not available").
 * Expects the keys ClusterCompatCheck restored (k:0..k:39 strings, h:0..h:4 hashes, list l:1).
 */
public class ClusterScanSection {
    interface Step {
        Object[] next(ClusterScanCursor cursor) throws Exception;
    }

    static final byte[] BIN_KEY = {'b', 'i', 'n', ':', (byte) 0xff, (byte) 0xfe};

    public static void run(GlideClusterClient c) {
        ClusterCompatCheck.call("set binary key bin:\\xff\\xfe", () -> c.set(GlideString.gs(BIN_KEY), GlideString.gs("x")));
        ClusterCompatCheck.call("initialCursor().isFinished()", () -> ClusterScanCursor.initialCursor().isFinished());
        ClusterCompatCheck.call("scan all", () -> loop(cursor -> c.scan(cursor).get(10, TimeUnit.SECONDS)));
        ClusterCompatCheck.call("scanBinary all", () -> loop(cursor -> c.scanBinary(cursor).get(10, TimeUnit.SECONDS)));
        ScanOptions match = ScanOptions.builder().matchPattern("k:1*").count(100L).build();
        ClusterCompatCheck.call("scan match k:1* count 100", () -> loop(cursor -> c.scan(cursor, match).get(10, TimeUnit.SECONDS)));
        ScanOptions hashes = ScanOptions.builder().type(ScanOptions.ObjectType.HASH).build();
        ClusterCompatCheck.call("scan type HASH", () -> loop(cursor -> c.scan(cursor, hashes).get(10, TimeUnit.SECONDS)));
        ScanOptions lists = ScanOptions.builder().matchPattern("l:*").type(ScanOptions.ObjectType.LIST).count(5L).build();
        ClusterCompatCheck.call("scanBinary match l:* type LIST count 5", () -> loop(cursor -> c.scanBinary(cursor, lists).get(10, TimeUnit.SECONDS)));
        ScanOptions bin = ScanOptions.builder().matchPattern("bin:*").build();
        ClusterCompatCheck.call("scan match bin:*", () -> loop(cursor -> c.scan(cursor, bin).get(10, TimeUnit.SECONDS)));
        ClusterCompatCheck.call("scanBinary match bin:*", () -> loop(cursor -> c.scanBinary(cursor, bin).get(10, TimeUnit.SECONDS)));
        ScanOptions none = ScanOptions.builder().matchPattern("no-such-*").build();
        ClusterCompatCheck.call("scan match nothing", () -> loop(cursor -> c.scan(cursor, none).get(10, TimeUnit.SECONDS)));
        ClusterCompatCheck.call("scan reply shape", () -> {
            ClusterScanCursor first = ClusterScanCursor.initialCursor();
            Object[] r = c.scan(first).get(10, TimeUnit.SECONDS);
            String shape = "Object[" + r.length + "]: " + (r[0] instanceof ClusterScanCursor ? "ClusterScanCursor" : String.valueOf(r[0]))
                    + ", " + (r[1] == null ? "null" : r[1].getClass().getSimpleName());
            if (r[0] instanceof ClusterScanCursor) ((ClusterScanCursor) r[0]).releaseCursorHandle();
            return shape;
        });
        // valkey-glide frees the cursor's native state on release and refuses the cursor after it.
        ClusterCompatCheck.call("scan with a cursor released after its step", () -> {
            ClusterScanCursor next = (ClusterScanCursor) c.scan(ClusterScanCursor.initialCursor()).get(10, TimeUnit.SECONDS)[0];
            next.releaseCursorHandle();
            return c.scan(next);
        });
        ClusterCompatCheck.call("scan with the initial cursor after releasing it", () -> {
            ClusterScanCursor.initialCursor().releaseCursorHandle();
            Object[] r = c.scan(ClusterScanCursor.initialCursor()).get(10, TimeUnit.SECONDS);
            ((ClusterScanCursor) r[0]).releaseCursorHandle();
            return "Object[" + r.length + "]";
        });
    }

    /** Scans to the end; the rendering is the key count and the sorted keys (with their class). */
    static Object loop(Step step) throws Exception {
        ClusterScanCursor cursor = ClusterScanCursor.initialCursor();
        TreeSet<String> keys = new TreeSet<>();
        List<String> classes = new ArrayList<>();
        int rounds = 0;
        while (!cursor.isFinished()) {
            Object[] r = step.next(cursor);
            cursor.releaseCursorHandle();
            cursor = (ClusterScanCursor) r[0];
            for (Object k : (Object[]) r[1]) {
                keys.add(k instanceof GlideString ? CompatCheck.bytes(((GlideString) k).getBytes()) : CompatCheck.quote(String.valueOf(k)));
                String cls = k == null ? "null" : k.getClass().getSimpleName();
                if (!classes.contains(cls)) classes.add(cls);
            }
            if (++rounds > 10_000) throw new IllegalStateException("scan did not finish in 10000 rounds");
        }
        cursor.releaseCursorHandle();
        System.err.println(ClusterCompatCheck.prefix + "scan rounds :: " + rounds);
        return new CompatCheck.Rendered(keys.size() + " keys " + classes + " " + keys);
    }
}
