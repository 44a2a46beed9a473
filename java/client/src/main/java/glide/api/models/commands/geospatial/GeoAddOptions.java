package glide.api.models.commands.geospatial;

import glide.api.models.commands.ConditionalChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of GEOADD: only update existing members ({@code XX}) or only add new ones ({@code NX}),
 * and count changed members as well as added ones ({@code CH}).
 */
public final class GeoAddOptions {
    public static final String CHANGED_VALKEY_API = "CH";

    private final ConditionalChange updateMode;
    private final boolean changed;

    public GeoAddOptions(ConditionalChange updateMode, boolean changed) {
        this.updateMode = updateMode;
        this.changed = changed;
    }

    public GeoAddOptions(ConditionalChange updateMode) {
        this(updateMode, false);
    }

    public GeoAddOptions(boolean changed) {
        this(null, changed);
    }

    /** The arguments between GEOADD's key and its positions. */
    public String[] toArgs() {
        List<String> args = new ArrayList<>(2);
        if (updateMode != null) {
            args.add(updateMode.getValkeyApi());
        }
        if (changed) {
            args.add(CHANGED_VALKEY_API);
        }
        return args.toArray(new String[0]);
    }

    public ConditionalChange getUpdateMode() {
        return updateMode;
    }

    public boolean isChanged() {
        return changed;
    }
}
