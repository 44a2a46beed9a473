package glide.testutil;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves one slot of a {@link RedisCluster} from one primary to another, step by step, the way
 * {@code redis-cli --cluster reshard} does: {@code CLUSTER SETSLOT <slot> IMPORTING} on the
 * target and {@code MIGRATING} on the source, {@code MIGRATE ... KEYS} batch by batch, then
 * {@code CLUSTER SETSLOT <slot> NODE <target>} on every primary. Between {@link #begin} and
 * {@link #finish} the source answers {@code ASK} for keys it no longer holds, so a test can run
 * traffic in the middle of a migration.
 *
 * <pre>{@code
 * SlotMigration m = SlotMigration.begin(cluster, slot, source, target);
 * while (m.moveKeys(10) > 0) { ... }
 * m.finish();
 * }</pre>
 *
 * {@link RedisCluster#migrateSlot} does all of it in one call.
 */
public final class SlotMigration {
    private static final String MIGRATE_TIMEOUT_MS = "5000";

    private final RedisCluster cluster;
    private final int slot;
    private final RedisServer source;
    private final RedisServer target;
    private final String targetId;

    private SlotMigration(RedisCluster cluster, int slot, RedisServer source, RedisServer target, String targetId) {
        this.cluster = cluster;
        this.slot = slot;
        this.source = source;
        this.target = target;
        this.targetId = targetId;
    }

    /** Marks {@code slot} importing on {@code target} and migrating on {@code source}. */
    public static SlotMigration begin(RedisCluster cluster, int slot, RedisServer source, RedisServer target) {
        if (source == target) {
            throw new IllegalArgumentException("source and target are the same node: " + source);
        }
        String sourceId = nodeId(source);
        String targetId = nodeId(target);
        String s = String.valueOf(slot);
        target.command("CLUSTER", "SETSLOT", s, "IMPORTING", sourceId);
        source.command("CLUSTER", "SETSLOT", s, "MIGRATING", targetId);
        return new SlotMigration(cluster, slot, source, target, targetId);
    }

    public int slot() {
        return slot;
    }

    public RedisServer source() {
        return source;
    }

    public RedisServer target() {
        return target;
    }

    /** Keys of the slot still on the source (at most {@code count}). */
    public List<String> keysLeft(int count) {
        List<String> keys = new ArrayList<>();
        for (Object k : (List<?>) source.command("CLUSTER", "GETKEYSINSLOT", String.valueOf(slot), String.valueOf(count))) {
            keys.add((String) k);
        }
        return keys;
    }

    /** Moves up to {@code batch} of the slot's keys still on the source; returns how many. */
    public int moveKeys(int batch) {
        List<String> keys = keysLeft(batch);
        moveKeys(keys);
        return keys.size();
    }

    /** Moves {@code keys} (all of the slot, on the source) to the target in one MIGRATE. */
    public void moveKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(
                "MIGRATE", target.host(), String.valueOf(target.port()), "", "0", MIGRATE_TIMEOUT_MS, "KEYS"));
        cmd.addAll(keys);
        Object reply = source.command(cmd.toArray(new String[0]));
        // "NOKEY" when every key was gone meanwhile (deleted or expired): nothing moved, fine.
        if (!"OK".equals(reply) && !"NOKEY".equals(reply)) {
            throw new IllegalStateException("MIGRATE " + keys + " replied " + reply);
        }
    }

    /**
     * Gives the slot to the target on every primary: the target first, then the source (so it
     * stops answering ASK and answers MOVED), then the others, as redis-cli does.
     */
    public void finish() {
        String s = String.valueOf(slot);
        List<RedisServer> order = new ArrayList<>(List.of(target, source));
        for (RedisServer p : cluster.primaries()) {
            if (!order.contains(p)) {
                order.add(p);
            }
        }
        for (RedisServer n : order) {
            n.command("CLUSTER", "SETSLOT", s, "NODE", targetId);
        }
    }

    static String nodeId(RedisServer node) {
        return (String) node.command("CLUSTER", "MYID");
    }
}
