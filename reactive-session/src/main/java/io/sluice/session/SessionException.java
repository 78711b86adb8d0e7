package io.sluice.session;

import io.sluice.core.SluiceException;
import org.jspecify.annotations.Nullable;

/** The base of the errors a session raises about its own state and its queries' results. */
public class SessionException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to go on
     * @param cause the cause, or {@code null}
     */
    public SessionException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
