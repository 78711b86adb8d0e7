package io.sluice.session;

/** Signals that a query that must return one row returned none. */
public final class NoResultException extends SessionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the query, object or attribute
     */
    public NoResultException(String message) {
        super(message, null);
    }
}
