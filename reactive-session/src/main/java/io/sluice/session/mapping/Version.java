package io.sluice.session.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an integer field as the version for optimistic locking: set to 1 on insert, checked and incremented by every update and checked by every delete; a mismatch fails with {@code StaleObjectException}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {}
