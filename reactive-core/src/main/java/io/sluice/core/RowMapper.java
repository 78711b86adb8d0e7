package io.sluice.core;

/**
 * Turns a row of a result into an object, reading columns through a {@link RowReader} while the row is current.
 *
 * @param <T> the type of the objects
 */
@FunctionalInterface
public interface RowMapper<T> {

    /**
     * Returns the object for the current row.
     *
     * @param row the row, valid only during this call
     * @return the object; not {@code null}
     */
    T map(RowReader row);
}
