package io.sluice.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/**
 * Names the database a jqwik container of properties runs on, and skips the container (or with {@code CI=true} fails it) when
 * that database cannot be reached, as {@link TestDatabase#engine()} does for Jupiter tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AddLifecycleHook(DatabaseReachable.class)
public @interface ForDatabase {

    /** Returns the database. */
    TestDatabase value();
}
