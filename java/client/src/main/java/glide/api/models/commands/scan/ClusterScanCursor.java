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
 * <p>A cursor is a value (the next hash slot to read): it holds no native memory and can be
 * reused after a failed call (which neither loses nor repeats keys). {@link
 * #releaseCursorHandle()} has nothing to free, but, as in valkey-glide, a released cursor is
 * refused by the next scan ({@code RequestException}); the initial cursor stays usable.
 */
public interface ClusterScanCursor {
    /** The cursor that starts a scan. */
    ClusterScanCursor INITIAL_CURSOR_INSTANCE = SlotScanCursor.INITIAL;

    /** Whether the scan this cursor came from has read every slot: there is nothing left. */
    boolean isFinished();

    /**
     * Marks this cursor as done with: a scan given it afterwards fails with a {@code
     * RequestException}, as in valkey-glide. No native resource is held, so nothing is freed; the
     * initial cursor ignores this.
     */
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
