package io.sluice.examples.web;

/** An update based on a version of a user that is no longer the current one; answered with 409. */
public final class VersionConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param id the user's key
     * @param sent the version the request was based on
     * @param current the version in the database
     */
    public VersionConflictException(int id, long sent, long current) {
        super("user " + id + " is at version " + current + ", not " + sent
                + ": read it again and apply your changes to that version");
    }
}
