package io.sluice.session;

/** Signals that an object is used with a session that does not hold it (it was never added, was expunged, or its session is closed). */
public final class DetachedInstanceException extends SessionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened, naming the query, object or attribute
     */
    public DetachedInstanceException(String message) {
        super(message, null);
    }
}
