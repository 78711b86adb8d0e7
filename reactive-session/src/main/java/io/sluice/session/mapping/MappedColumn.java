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

    /**
     * Returns whether the INSERT writes the column. A column not written takes its {@code DEFAULT} in the database; the object
     * keeps its own value unless the field is {@link DatabaseGenerated}, which reads the database's value back.
     *
     * @return {@code false} to leave the column out of INSERTs
     */
    boolean insertable() default true;

    /**
     * Returns whether an UPDATE writes the column. A change to a field that is not updatable is ignored: never written, never
     * reported as dirty (as Hibernate does); the object keeps the changed value.
     *
     * @return {@code false} to leave the column out of UPDATEs ({@code insertable = false, updatable = false}: read-only)
     */
    boolean updatable() default true;

    /**
     * Returns the column's {@code DEFAULT} in the mapping's DDL: an SQL expression written as it is ({@code CURRENT_TIMESTAMP},
     * {@code 'new'}, {@code 0}), a trusted fragment never built from values. The flush writes the field's value, {@code NULL}
     * included, unless the column is not insertable or is {@link DatabaseGenerated}.
     *
     * @return the expression, or empty for no default
     */
    String serverDefault() default "";
}
