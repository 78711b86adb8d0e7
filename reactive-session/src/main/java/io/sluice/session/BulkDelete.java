package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Delete;
import io.sluice.core.sql.Expression;
import io.sluice.session.mapping.EntityModel;
import reactor.core.publisher.Mono;

/**
 * A {@code DELETE} of the rows of a mapped class that match a condition, run on a session's connection and transaction
 * after an autoflush; the session's objects of deleted rows leave it, as {@link #synchronize(Synchronize)} says. Made by
 * {@link Session#bulkDelete(Class)}; immutable. Cascades and one-to-many collections are the database's business here:
 * foreign keys decide what happens to children.
 *
 * @param <E> the mapped class
 */
public final class BulkDelete<E> {

    private final DefaultSession session;
    private final EntityModel<E> model;
    private final Delete delete;
    private final Synchronize synchronize;

    BulkDelete(DefaultSession session, EntityModel<E> model, Delete delete, Synchronize synchronize) {
        this.session = session;
        this.model = model;
        this.delete = delete;
        this.synchronize = synchronize;
    }

    /**
     * Returns this delete with a condition, joined by {@code AND} to those given before; without one, every row of the class
     * is deleted.
     *
     * @param condition a condition over the class's attributes
     * @return the new delete
     */
    public BulkDelete<E> where(Expression<Boolean> condition) {
        return new BulkDelete<>(
                session,
                model,
                delete.where(Assert.requireNonNull(condition, "condition must not be null")),
                synchronize);
    }

    /**
     * Returns this delete keeping the session's objects in step as {@code mode} says; {@link Synchronize#FETCH} if not set.
     *
     * @param mode the synchronization
     * @return the new delete
     */
    public BulkDelete<E> synchronize(Synchronize mode) {
        return new BulkDelete<>(session, model, delete, Assert.requireNonNull(mode, "mode must not be null"));
    }

    /**
     * Runs the delete when subscribed.
     *
     * <ul>
     *   <li>emits the number of rows the database deleted, once the objects of those rows have left the session
     *   <li>errors with {@link UnsupportedOperationException} before sending if {@link Synchronize#EVALUATE} cannot evaluate
     *       the condition in Java
     *   <li>errors with the database's error if the statement fails (a foreign key, say)
     * </ul>
     *
     * @return the count of deleted rows
     */
    public Mono<Long> execute() {
        return Bulk.delete(session, model, delete, synchronize);
    }
}
