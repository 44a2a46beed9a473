package glide.api.models.commands;

/**
 * Condition attached to EXPIRE-family commands (EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT, ...),
 * restricting when the new timeout is applied.
 */
public enum ExpireOptions {
    /** Apply only when the key currently has no timeout ({@code NX}). */
    HAS_NO_EXPIRY("NX"),
    /** Apply only when the key already has a timeout ({@code XX}). */
    HAS_EXISTING_EXPIRY("XX"),
    /** Apply only when the new timeout is later than the current one ({@code GT}). */
    NEW_EXPIRY_GREATER_THAN_CURRENT("GT"),
    /** Apply only when the new timeout is earlier than the current one ({@code LT}). */
    NEW_EXPIRY_LESS_THAN_CURRENT("LT");

    private final String valkeyApi;

    ExpireOptions(String valkeyApi) {
        this.valkeyApi = valkeyApi;
    }

    /** The command arguments for this condition (a single token). */
    public String[] toArgs() {
        return new String[] {valkeyApi};
    }
}
