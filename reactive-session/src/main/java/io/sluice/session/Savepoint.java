package io.sluice.session;

import reactor.core.publisher.Mono;

/**
 * A nested transaction of a {@link Session}, begun by {@link Session#beginNested()}: a savepoint in the session's transaction.
 * End it with exactly one of {@link #commit()} or {@link #rollback()}; ending an enclosing savepoint, or the session's
 * transaction, ends it too.
 */
public interface Savepoint {

    /**
     * Flushes and releases the savepoint: what the session did since it becomes part of the enclosing transaction, which
     * still commits or rolls back as a whole. If the flush fails, the savepoint stays open for {@link #rollback()}.
     *
     * @return completes when released; errors with {@link SessionException} if the savepoint already ended
     */
    Mono<Void> commit();

    /**
     * Rolls the database back to the savepoint and puts the session's objects back as they were when it was set: objects
     * added since leave the session (generated keys cleared), objects changed since get back their values, and objects
     * deleted since are back. Objects untouched since keep their values; what the transaction did before the savepoint
     * stays. Relationships are loaded again on next access. Also ends a session stopped by a failed flush inside the
     * savepoint, which can then go on.
     *
     * @return completes when rolled back; errors with {@link SessionException} if the savepoint already ended
     */
    Mono<Void> rollback();

    /**
     * Returns whether the savepoint is still open: neither committed, rolled back, nor ended with an enclosing one.
     *
     * @return {@code true} while open
     */
    boolean isActive();
}
