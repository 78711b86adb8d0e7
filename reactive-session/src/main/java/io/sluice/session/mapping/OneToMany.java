package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link io.sluice.session.ToMany} field as the one side of a relationship, the inverse of a {@link ManyToOne}
 * field of the target class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface OneToMany {

    /**
     * Returns the {@link ManyToOne} field of the target class that this collection mirrors.
     *
     * @return the field's name
     */
    String mappedBy();

    /**
     * Returns the cascades beyond save-update, which is always on.
     *
     * @return the cascades
     */
    Cascade[] cascade() default {};

    /**
     * Returns the attribute of the target class that orders the collection when it is loaded.
     *
     * @return the field's name, or empty for the target's primary key
     */
    String orderBy() default "";
}
