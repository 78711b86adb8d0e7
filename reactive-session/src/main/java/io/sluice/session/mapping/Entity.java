package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class to a table: {@code @Entity(table = "users")}. The class needs a no-argument constructor (it may be private) and
 * an {@link Id} field. A subclass in a single-table {@link Inheritance} hierarchy is annotated {@code @Entity} without a
 * table: it shares its root's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {
    /**
     * Returns the table's name.
     *
     * @return the name; empty only for a subclass in a single-table hierarchy
     */
    String table() default "";
}
