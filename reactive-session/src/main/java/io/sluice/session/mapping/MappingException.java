package io.sluice.session.mapping;

import io.sluice.core.SluiceException;
import org.jspecify.annotations.Nullable;

/** Signals a mapping that cannot work; the message names the class, the field and the fix. Raised when a mapping is built. */
public final class MappingException extends SluiceException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public MappingException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong and how to fix it
     * @param cause the cause
     */
    public MappingException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
