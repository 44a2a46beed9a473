package glide.api.models.commands;

/** Holder of LINSERT's {@link InsertPosition}. */
public class LInsertOptions {
    public LInsertOptions() {}

    /** Where LINSERT puts the element relative to the pivot. */
    public enum InsertPosition {
        BEFORE,
        AFTER
    }
}
