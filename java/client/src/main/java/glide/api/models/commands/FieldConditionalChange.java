package glide.api.models.commands;

/** {@code HSETEX}'s condition on the fields it sets. */
public enum FieldConditionalChange {
    /** Set the fields only if every one of them exists already ({@code FXX}). */
    ONLY_IF_ALL_EXIST("FXX"),
    /** Set the fields only if none of them exists yet ({@code FNX}). */
    ONLY_IF_NONE_EXIST("FNX");

    private final String valkeyApi;

    FieldConditionalChange(String valkeyApi) {
        this.valkeyApi = valkeyApi;
    }

    /** The token the server expects. */
    public String getValkeyApi() {
        return valkeyApi;
    }
}
