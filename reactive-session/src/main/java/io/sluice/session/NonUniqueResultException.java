package io.sluice.session;

/** Signals that a query that must return at most one row returned several. */
public final class NonUniqueResultException extends SessionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the query, object or attribute
     */
    public NonUniqueResultException(String message) {
        super(message, null);
    }
}
