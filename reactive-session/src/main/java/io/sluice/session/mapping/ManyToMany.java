package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link io.sluice.session.ToMany} field as a many-to-many relationship through an association table of two
 * foreign-key columns (the tutorial's {@code post_keywords}). The owning side names the table and its columns; the other side
 * gives only {@link #mappedBy()}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {

    /**
     * Returns the association table's name (owning side).
     *
     * @return the name, or empty on the inverse side
     */
    String table() default "";

    /**
     * Returns the association table's column that references this class (owning side).
     *
     * @return the column's name, or empty for {@code <this table>_id}
     */
    String joinColumn() default "";

    /**
     * Returns the association table's column that references the related class (owning side).
     *
     * @return the column's name, or empty for {@code <related table>_id}
     */
    String inverseJoinColumn() default "";

    /**
     * Returns the owning side's field, on the inverse side.
     *
     * @return the field's name, or empty on the owning side
     */
    String mappedBy() default "";

    /**
     * Returns the attribute of the related class that orders the collection when it is loaded.
     *
     * @return the field's name, or empty for the related class's primary key
     */
    String orderBy() default "";
}
