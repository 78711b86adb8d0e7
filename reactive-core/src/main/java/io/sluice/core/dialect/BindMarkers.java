package io.sluice.core.dialect;

import io.sluice.core.sql.SqlType;

/**
 * Binds values for a clause a dialect writes itself ({@link Dialect#jsonText}, {@link Dialect#arrayIncludes}) and gives each
 * value's marker: the values go to the statement's binds, in the order the markers are asked for, and never into its text.
 */
@FunctionalInterface
public interface BindMarkers {

    /**
     * Adds a bind parameter and returns its marker, to be written at the parameter's place in the clause.
     *
     * @param value the value, not {@code null}
     * @param type its SQL type
     * @return the marker, such as {@code $3} or {@code ?}
     */
    String bind(Object value, SqlType<?> type);
}
