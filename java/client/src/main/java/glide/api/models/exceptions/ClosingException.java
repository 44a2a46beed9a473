package glide.api.models.exceptions;

/** Raised when the client is closed, or closes, while a request is pending or submitted. */
public class ClosingException extends GlideException {
    private static final long serialVersionUID = 1L;

    public ClosingException(String message) {
        super(message);
    }
}
