package glide.api.models.exceptions;

/** Raised when a request does not complete within the configured request timeout. */
public class TimeoutException extends GlideException {
    private static final long serialVersionUID = 1L;

    public TimeoutException(String message) {
        super(message);
    }
}
