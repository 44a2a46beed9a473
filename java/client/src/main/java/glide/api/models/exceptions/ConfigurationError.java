package glide.api.models.exceptions;

/** Raised when a client configuration is invalid or inconsistent. */
public class ConfigurationError extends GlideException {
    private static final long serialVersionUID = 1L;

    public ConfigurationError(String message) {
        super(message);
    }
}
