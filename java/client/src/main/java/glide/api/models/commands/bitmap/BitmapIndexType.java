package glide.api.models.commands.bitmap;

/** Whether BITCOUNT/BITPOS ranges count bytes or bits. */
public enum BitmapIndexType {
    BYTE,
    BIT
}
