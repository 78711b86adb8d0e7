package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Embeds a value object in its owner's table: {@code @Embedded private Address home;} maps each field of {@code Address}
 * (a record, or a class with a no-argument constructor) to a column of the owner's table, named with a prefix
 * ({@code home_street}, {@code home_city}). The embedded class's fields take {@link MappedColumn}, {@link Convert},
 * {@link Enumerated} and {@code @Embedded} (values nest; prefixes add up). A {@code null} value writes {@code NULL} to every
 * column, and a row whose columns are all {@code NULL} reads back as {@code null}. Replacing the value, or changing a
 * mutable one in place, updates only the columns whose values changed. The metamodel gives each column as a typed path:
 * {@code User_.home.city}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Embedded {

    /** The default prefix: the field's name in snake_case followed by an underscore. */
    String FIELD_NAME = "\0field";

    /**
     * Returns the prefix of the embedded columns' names.
     *
     * @return the prefix; by default the field's name in snake_case and {@code _}; empty for no prefix
     */
    String prefix() default FIELD_NAME;
}
