package glide.internal;

import glide.api.models.GlideString;
import glide.api.models.commands.scan.ClusterScanCursor;
import glide.api.models.commands.scan.ScanOptions;
import glide.api.models.exceptions.RequestException;
import java.nio.charset.StandardCharsets;

/**
 * A cluster scan position: the next hash slot to read (16384 when done) and how many slots the
 * next step should read (a hint the core adapts to key density). See {@code rust/src/cluster/scan.rs}.
 */
public final class SlotScanCursor implements ClusterScanCursor {
    /** The next slot of a finished scan ({@link Wire.Cluster#SLOT_COUNT}: the core says so). */
    static final int SLOT_COUNT = Wire.Cluster.SLOT_COUNT;
    /**
     * Slots the first step reads, before anything is known of key density; the core sizes each
     * next step from what the last one found (and bounds it).
     */
    private static final int FIRST_BATCH = 16;

    public static final SlotScanCursor INITIAL = new SlotScanCursor(0, FIRST_BATCH);

    final int nextSlot;
    final int batch;
    /**
     * Set by {@link #releaseCursorHandle()}: a released cursor is refused, as valkey-glide refuses
     * one whose native handle it freed (code that releases a cursor and goes on using it would
     * break on valkey-glide, so it fails here too, with the same words).
     */
    private volatile boolean released;

    SlotScanCursor(int nextSlot, int batch) {
        this.nextSlot = nextSlot;
        this.batch = batch;
    }

    /** The cursor a caller handed in, or a clear error for one this client did not make. */
    public static SlotScanCursor of(ClusterScanCursor cursor) {
        if (cursor instanceof SlotScanCursor) {
            return (SlotScanCursor) cursor;
        }
        throw new RequestException(
                cursor == null
                        ? "the cursor must not be null: start with ClusterScanCursor.initialCursor()"
                        : "not a cursor of this client: " + cursor.getClass().getName());
    }

    /** The step the core reads: {@code SCAN <next slot> <batch> [MATCH p] [COUNT n] [TYPE t] [ALLOWNONCOVERED]}. */
    public byte[][] stepArgs(ScanOptions options) {
        if (released) {
            throw new RequestException(
                    "Invalid scan_state_cursor id: this cursor was released (releaseCursorHandle); continue with the cursor the last scan returned");
        }
        if (isFinished()) {
            throw new RequestException("the scan is finished: start a new one with ClusterScanCursor.initialCursor()");
        }
        Args args = Args.command("SCAN", 10).add(nextSlot).add(batch);
        if (options != null) {
            if (options.getMatchPattern() != null) {
                args.add("MATCH").add(options.getMatchPattern());
            }
            if (options.getCount() != null) {
                if (options.getCount() <= 0) {
                    throw new RequestException("COUNT must be positive, got " + options.getCount());
                }
                args.add("COUNT").add(options.getCount());
            }
            if (options.getType() != null) {
                args.add("TYPE").add(options.getType().getNativeName());
            }
            if (Boolean.TRUE.equals(options.getAllowNonCoveredSlots())) {
                args.add("ALLOWNONCOVERED");
            }
        }
        return args.build();
    }

    /**
     * The core's step ({@link Wire.ScanStep}: next slot, batch, keys as bytes) as {@code
     * Object[]{cursor, keys}}: {@code GlideString[]}, or {@code String[]} when not {@code
     * binary}. A key that is not UTF-8 then reads with U+FFFD in place of its bad bytes (as
     * valkey-glide's scan does): a scan must not stop at one odd key; scanBinary returns its exact
     * bytes.
     */
    public static Object[] result(Object reply, boolean binary) {
        Object[] parts = (Object[]) reply;
        SlotScanCursor next =
                new SlotScanCursor(
                        ((Long) parts[Wire.ScanStep.NEXT_SLOT]).intValue(),
                        ((Long) parts[Wire.ScanStep.BATCH]).intValue());
        Object[] found = (Object[]) parts[Wire.ScanStep.KEYS];
        Object[] keys = binary ? new GlideString[found.length] : new String[found.length];
        for (int i = 0; i < found.length; i++) {
            GlideString key = (GlideString) found[i];
            keys[i] = binary ? key : new String(key.getBytes(), StandardCharsets.UTF_8);
        }
        return new Object[] {next, keys};
    }

    @Override
    public boolean isFinished() {
        return nextSlot >= SLOT_COUNT;
    }

    @Override
    public void releaseCursorHandle() {
        // Nothing to free (the cursor is two numbers on the heap); the shared initial cursor
        // stays usable, as valkey-glide's does.
        if (this != INITIAL) {
            released = true;
        }
    }

    @Override
    public String toString() {
        return isFinished() ? "ClusterScanCursor[finished]" : "ClusterScanCursor[next slot " + nextSlot + "]";
    }
}
