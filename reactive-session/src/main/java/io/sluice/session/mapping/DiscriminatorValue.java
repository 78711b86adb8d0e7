package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the value of the discriminator column for the rows of a class in an {@link Inheritance} hierarchy; without it, the
 * class's simple name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DiscriminatorValue {

    /**
     * Returns the value.
     *
     * @return the value stored in the discriminator column
     */
    String value();
}
