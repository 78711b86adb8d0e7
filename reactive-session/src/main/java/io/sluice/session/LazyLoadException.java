package io.sluice.session;

/** Signals that an unloaded relationship was read synchronously; load it with flux()/mono() or an eager option. */
public final class LazyLoadException extends SessionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the query, object or attribute
     */
    public LazyLoadException(String message) {
        super(message, null);
    }
}
