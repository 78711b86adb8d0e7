package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a field to a read-only SQL expression over the entity's row instead of a column: {@code @Formula("price * quantity")}.
 * The expression is selected with the entity on every query path (queries, {@code get}, relationship loads, selectin and
 * joined eager loads) and is never written; its metamodel attribute works in filters and ordering ({@code Item_.total.gt(10)}).
 *
 * <p>The expression is a trusted SQL fragment written by the developer, like {@code SQL.text}: never build it from values.
 * Names in it that are columns of the entity's table are qualified with the table or alias the entity is read from, so the
 * formula keeps working in joins; names after a dot, before an opening parenthesis (functions) and inside quotes are left as
 * written. Inside a subquery, qualify the subquery's own columns ({@code (SELECT count(*) FROM lines l WHERE l.order_id = id)}).
 *
 * <p>The field gets its value whenever a row of the object is read, also for an object the session already holds; after a
 * flush it keeps its value until then ({@code session.refresh(object)} reads it at once).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Formula {

    /**
     * Returns the SQL expression.
     *
     * @return the expression, not blank
     */
    String value();
}
