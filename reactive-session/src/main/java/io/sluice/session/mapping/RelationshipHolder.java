package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the types of relationship fields: Sluice puts it on {@code ToOne} (a reference) and {@code ToMany} (a collection), so
 * that the mapping recognizes their fields without depending on the session layer. Applications never use it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RelationshipHolder {

    /**
     * Returns whether the type holds a collection.
     *
     * @return {@code true} for {@code ToMany}, {@code false} for {@code ToOne}
     */
    boolean collection();
}
