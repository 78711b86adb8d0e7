package io.sluice.examples.web;

/** A request for a user that does not exist; answered with 404. */
public final class UserNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id the key asked for
     */
    public UserNotFoundException(int id) {
        super("there is no user " + id);
    }
}
