package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a column whose values the database sets: a server {@code DEFAULT}, a trigger, or a computed column. The flush never
 * writes it where the database sets it, and reads the database's value back into the object after the statement, in the same
 * round trip where the database can ({@code RETURNING}):
 *
 * <ul>
 *   <li>{@code @DatabaseGenerated} ({@link Event#INSERT}): left out of the INSERT, read back after it; afterwards an ordinary
 *       column the application may change (add {@code @MappedColumn(updatable = false)} to keep it as inserted). With
 *       {@code @MappedColumn(serverDefault = "CURRENT_TIMESTAMP")} the mapping's DDL gives the column its default.
 *   <li>{@code @DatabaseGenerated(on = INSERT_AND_UPDATE)}: never written, read back after the INSERT and after every UPDATE of
 *       the row (a {@code revision} bumped or an {@code updated_at} set by a trigger).
 *   <li>{@code @DatabaseGenerated(on = INSERT_AND_UPDATE, computedAs = "price * quantity")}: a computed column, created as
 *       {@code GENERATED ALWAYS AS (price * quantity) STORED} (on H2 without {@code STORED}).
 * </ul>
 *
 * <p>The database's value replaces whatever the field held: a value set in Java is not written. A value read back is put back
 * as it was if the flush fails. Keys use {@link Generated}, versions {@link Version}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DatabaseGenerated {

    /**
     * Returns the statements after which the database has set the column.
     *
     * @return {@link Event#INSERT} by default
     */
    Event on() default Event.INSERT;

    /**
     * Returns the SQL expression of a computed column, for its DDL: a trusted fragment written as it is.
     *
     * @return the expression, or empty for a column whose DDL says nothing of how it is set (a default or a trigger)
     */
    String computedAs() default "";

    /** The statements after which the database has set a {@link DatabaseGenerated} column. */
    enum Event {
        /** The database sets the column when the row is inserted. */
        INSERT,
        /** The database sets the column when the row is inserted and whenever it is updated. */
        INSERT_AND_UPDATE
    }
}
