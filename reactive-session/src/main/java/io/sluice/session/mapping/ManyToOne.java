package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link io.sluice.session.ToOne} field as the many side of a relationship: the referenced object is found by a
 * mapped foreign-key field of this class ({@code userId} for a field {@code user}, unless {@link #foreignKey()} names another),
 * whose column gets a FOREIGN KEY constraint to the target's primary key.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToOne {

    /**
     * Returns the name of the mapped field that holds the foreign key.
     *
     * @return the field's name, or empty for the relationship field's name followed by {@code Id}
     */
    String foreignKey() default "";

    /**
     * Returns what the database does to this row when the referenced row is deleted.
     *
     * @return the action
     */
    io.sluice.core.sql.ReferentialAction onDelete() default io.sluice.core.sql.ReferentialAction.NO_ACTION;
}
