package io.sluice.session.mapping;

/** What an operation on an object does to the objects its one-to-many relationship holds. */
public enum Cascade {
    /** Adding the parent adds its new children (always on). */
    SAVE_UPDATE,
    /** Deleting the parent deletes its children; without it, their foreign keys are set to NULL. */
    DELETE,
    /** A child removed from the collection is deleted. */
    DELETE_ORPHAN,
    /** {@link #SAVE_UPDATE} and {@link #DELETE}. */
    ALL
}
