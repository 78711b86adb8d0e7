package io.sluice.session;

import org.jspecify.annotations.Nullable;

/** A session and its transaction as they travel in the Reactor Context, with whether work that joined it has failed. */
final class TransactionScope {

    private final SessionFactory factory;
    private final Session session;
    private volatile @Nullable Throwable joinedFailure;

    TransactionScope(SessionFactory factory, Session session) {
        this.factory = factory;
        this.session = session;
    }

    SessionFactory factory() {
        return factory;
    }

    Session session() {
        return session;
    }

    /** Marks the transaction for rollback: work that joined it failed. The first failure is kept. */
    void joinedWorkFailed(Throwable failure) {
        if (joinedFailure == null) {
            joinedFailure = failure;
        }
    }

    /** Returns the failure of joined work that dooms the transaction, or {@code null}. */
    @Nullable
    Throwable joinedFailure() {
        return joinedFailure;
    }
}
