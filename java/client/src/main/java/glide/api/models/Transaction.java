package glide.api.models;

/**
 * A transaction on a standalone client: the same as {@code new Batch(true)}, which replaces it.
 * Kept because valkey-glide 2.3.1 still has it (deprecated), so code that uses it compiles and
 * runs unchanged; {@link glide.api.GlideClient#exec(Transaction)} runs it with errors raised.
 *
 * @deprecated use {@link Batch} with {@code isAtomic} true.
 */
@Deprecated
public class Transaction extends Batch {
    public Transaction() {
        super(true);
    }

    @Override
    protected Transaction getThis() {
        return this;
    }
}
