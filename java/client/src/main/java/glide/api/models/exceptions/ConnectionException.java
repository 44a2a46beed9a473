package glide.api.models.exceptions;

/**
 * Raised when the connection to the server is lost or cannot be established; the request may be
 * retried once the client has reconnected.
 */
public class ConnectionException extends GlideException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message) {
        super(message);
    }
}
