package glide.api.models.exceptions;

/** Raised when a transaction (MULTI/EXEC) is aborted by the server. */
public class ExecAbortException extends GlideException {
    private static final long serialVersionUID = 1L;

    public ExecAbortException(String message) {
        super(message);
    }
}
