package glide.api.models.exceptions;

/** Root of every error raised by the client; unchecked. */
public class GlideException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GlideException(String message) {
        super(message);
    }
}
