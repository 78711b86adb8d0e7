package io.sluice.benchmarks.hibernate;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The Hibernate Reactive session factory of one fork, over the PostgreSQL database of the other benchmarks. */
@State(Scope.Benchmark)
public abstract class HrState {

    protected @Nullable HibernateArms hibernate;

    /** Builds the session factory. */
    protected HibernateArms open() {
        HibernateArms arms = HibernateArms.create(false);
        hibernate = arms;
        return arms;
    }

    /** Closes the session factory. */
    @TearDown
    public void close() {
        if (hibernate != null) {
            hibernate.close();
        }
    }
}
