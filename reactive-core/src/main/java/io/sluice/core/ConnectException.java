package io.sluice.core;

/**
 * Signals that the engine could not open a connection. The message names the database URL without its password.
 */
public final class ConnectException extends SluiceException {

    private static final long serialVersionUID = 1L;

    ConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
