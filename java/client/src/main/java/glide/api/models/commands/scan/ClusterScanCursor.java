package glide.api.models.commands.scan;

import glide.internal.SlotScanCursor;

/**
 * Where a cluster scan stands. Start with {@link #initialCursor()}; each call to {@code
 * GlideClusterClient.scan} returns {@code Object[]{nextCursor, keys}}; stop when the cursor
 * returned {@link #isFinished()}.
 *
 * <pre>{@code
 * ClusterScanCursor cursor = ClusterScanCursor.initialCursor();
 * while (!cursor.isFinished()) {
 *     Object[] result = client.scan(cursor).get();
 *     cursor = (ClusterScanCursor) result[0];
 *     for (Object key : (Object[]) result[1]) { ... }
 * }
 * }</pre>
 *
 * <p>A cursor is an immutable value (the next hash slot to read): it holds no native memory, can
 * be reused after a failed call (which neither loses nor repeats keys), and {@link
 * #releaseCursorHandle()} has nothing to free.
 */
public interface ClusterScanCursor {
    /** The cursor that starts a scan. */
    ClusterScanCursor INITIAL_CURSOR_INSTANCE = SlotScanCursor.INITIAL;

    /** Whether the scan this cursor came from has read every slot: there is nothing left. */
    boolean isFinished();

    /** Kept for source compatibility: a cursor holds no native resource, so this does nothing. */
    void releaseCursorHandle();

    /** The cursor that starts a scan. */
    static ClusterScanCursor initialCursor() {
        return INITIAL_CURSOR_INSTANCE;
    }

    /** {@link #initialCursor()} under the misspelt name valkey-glide also offers. */
    static ClusterScanCursor initalCursor() {
        return INITIAL_CURSOR_INSTANCE;
    }
}
