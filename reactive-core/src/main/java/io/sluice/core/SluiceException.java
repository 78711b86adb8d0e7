package io.sluice.core;

import org.jspecify.annotations.Nullable;

/** The base of the exceptions Sluice raises itself (database errors keep their R2DBC types; see {@link SqlErrors}). */
public class SluiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong and how to fix it
     * @param cause the cause, or {@code null}
     */
    public SluiceException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
