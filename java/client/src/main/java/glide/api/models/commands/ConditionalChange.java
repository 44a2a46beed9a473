package glide.api.models.commands;

/**
 * Whether a write should only touch members/keys that already exist ({@code XX}) or only ones that
 * do not exist yet ({@code NX}). Used by commands such as ZADD and GEOADD.
 */
public enum ConditionalChange {
    /** Only update existing elements ({@code XX}). */
    ONLY_IF_EXISTS("XX"),
    /** Only add new elements ({@code NX}). */
    ONLY_IF_DOES_NOT_EXIST("NX");

    private final String valkeyApi;

    ConditionalChange(String valkeyApi) {
        this.valkeyApi = valkeyApi;
    }

    /** The command token for this condition. */
    public String getValkeyApi() {
        return valkeyApi;
    }
}
