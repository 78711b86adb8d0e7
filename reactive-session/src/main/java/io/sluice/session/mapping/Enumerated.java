package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets how an enum field is stored: by constant name in a {@code VARCHAR} (the default, also without this annotation), by
 * ordinal in an {@code INTEGER}, or by constant name in a database enum type ({@link EnumStorage#NATIVE}). To store a code of
 * your own ({@code 'A'} for {@code ACTIVE}), give the field a {@link Convert converter} instead.
 *
 * <pre>{@code
 * @Enumerated(value = EnumStorage.NATIVE, typeName = "mood") private Mood mood;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Enumerated {

    /**
     * Returns how the enum is stored.
     *
     * @return the storage
     */
    EnumStorage value() default EnumStorage.NAME;

    /**
     * Returns the name of the database enum type of {@link EnumStorage#NATIVE} storage: letters, digits and underscores, not
     * starting with a digit, at most 63 characters. Fields of the same enum type name share the type, so they must have the
     * same constants.
     *
     * @return the name; by default empty, for the enum's simple name in snake case ({@code OrderStatus} gives {@code
     *     order_status})
     */
    String typeName() default "";

    /** How an enum is stored. */
    enum EnumStorage {
        /** The constant's name, in a {@code VARCHAR} long enough for the longest name. */
        NAME,
        /**
         * The constant's ordinal (0 for the first), in an {@code INTEGER}: compact, but reordering or inserting constants
         * changes the meaning of stored rows.
         */
        ORDINAL,
        /**
         * The constant's name, as a label of a database enum type whose labels are the enum's constants in order: {@code CREATE
         * TYPE name AS ENUM (...)} on PostgreSQL (created before the tables and dropped after them by {@code Metadata}), an
         * {@code ENUM(...)} column on H2 and MariaDB. The database refuses values outside the labels, and sorts by label
         * order. Reading a label the enum lacks (added to the type by hand) fails, naming the column and the label.
         */
        NATIVE
    }
}
