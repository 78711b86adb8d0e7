package io.sluice.session;

/** Signals that an update or delete guarded by a @Version found the row changed or gone (another transaction won). */
public final class StaleObjectException extends SessionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the query, object or attribute
     */
    public StaleObjectException(String message) {
        super(message, null);
    }
}
