package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets how a field maps to its column ({@code @MappedColumn(length = 50, nullable = false)}); fields without it map to a
 * nullable column named in snake_case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface MappedColumn {

    /**
     * Returns the column's name.
     *
     * @return the name, or empty for the field's name in snake_case
     */
    String name() default "";

    /**
     * Returns the maximum length of a string column.
     *
     * @return the length, or 0 for the database's default
     */
    int length() default 0;

    /**
     * Returns whether the column accepts {@code NULL}.
     *
     * @return {@code false} for {@code NOT NULL}
     */
    boolean nullable() default true;

    /**
     * Returns whether the column has a unique constraint.
     *
     * @return {@code true} for {@code UNIQUE}
     */
    boolean unique() default false;

    /**
     * Returns the precision of a {@code BigDecimal} column.
     *
     * @return the precision, or 0 for the default (19)
     */
    int precision() default 0;

    /**
     * Returns the scale of a {@code BigDecimal} column.
     *
     * @return the scale, or -1 for the default (4)
     */
    int scale() default -1;

    /**
     * Returns whether a string column holds unbounded text ({@code TEXT}) rather than a {@code VARCHAR}.
     *
     * @return {@code true} for text
     */
    boolean text() default false;
}
