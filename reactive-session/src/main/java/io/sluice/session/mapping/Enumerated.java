package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sets how an enum field is stored: by constant name in a {@code VARCHAR} (the default, also without this annotation) or by
 * ordinal in an {@code INTEGER}. To store a code of your own ({@code 'A'} for {@code ACTIVE}), give the field a
 * {@link Convert converter} instead.
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

    /** How an enum is stored. */
    enum EnumStorage {
        /** The constant's name, in a {@code VARCHAR} long enough for the longest name. */
        NAME,
        /**
         * The constant's ordinal (0 for the first), in an {@code INTEGER}: compact, but reordering or inserting constants
         * changes the meaning of stored rows.
         */
        ORDINAL
    }
}
