package io.sluice.session.mapping;

import io.sluice.core.sql.Converter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers a {@link Converter} for every field of a Java type: on an entity class (and its subclasses) or on a package (in
 * its {@code package-info.java}, for every entity class of the package). {@code @RegisterConverter(EmailConverter.class)}
 * maps each {@code Email} field through the converter, as a {@link Convert} on each field would. A field's own
 * {@code @Convert} wins over a registration; the class's registrations win over its package's.
 *
 * <p>Registrations are read from the classes themselves, not given to {@link Mapping#of}: a class maps the same way in every
 * mapping, as its generated metamodel ({@code User_}) requires.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(RegisterConverter.List.class)
public @interface RegisterConverter {

    /**
     * Returns the converter class; its first type argument is the Java type it applies to.
     *
     * @return the class
     */
    @SuppressWarnings("rawtypes")
    Class<? extends Converter> value();

    /** Holds several registrations on one class or package. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.PACKAGE})
    @interface List {

        /**
         * Returns the registrations.
         *
         * @return the registrations
         */
        RegisterConverter[] value();
    }
}
