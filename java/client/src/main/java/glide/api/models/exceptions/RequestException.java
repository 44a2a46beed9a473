package glide.api.models.exceptions;

/** Raised when the server (or the client, before sending) rejects a request. */
public class RequestException extends GlideException {
    private static final long serialVersionUID = 1L;

    public RequestException(String message) {
        super(message);
    }
}
