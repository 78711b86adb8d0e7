package io.sluice.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.opentest4j.TestAbortedException;

/** Skips a container marked {@link ForDatabase} whose database is unreachable (outside CI; with CI=true the check fails). */
public final class DatabaseReachable implements SkipExecutionHook {

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        ForDatabase database = context.optionalContainerClass()
                .map(c -> c.getAnnotation(ForDatabase.class))
                .orElse(null);
        if (database == null) {
            return SkipResult.doNotSkip();
        }
        try {
            database.value().engine();
            return SkipResult.doNotSkip();
        } catch (TestAbortedException unreachable) {
            return SkipResult.skip(unreachable.getMessage());
        }
    }
}
