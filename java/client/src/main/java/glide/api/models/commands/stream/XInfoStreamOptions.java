package glide.api.models.commands.stream;

/** The words of {@code XINFO STREAM key [FULL [COUNT count]]}. */
public abstract class XInfoStreamOptions {
    /** Asks for the whole stream state: entries, groups, consumers, pending entries. */
    public static final String FULL = "FULL";

    /** With {@code FULL}: how many entries (and pending entries per group/consumer) to list. */
    public static final String COUNT = "COUNT";

    public XInfoStreamOptions() {}
}
