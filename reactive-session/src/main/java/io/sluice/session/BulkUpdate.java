package io.sluice.session;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.Update;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * An {@code UPDATE} of the rows of a mapped class that match a condition, run on a session's connection and transaction
 * after an autoflush, keeping the session's objects in step as {@link #synchronize(Synchronize)} says. Made by {@link
 * Session#bulkUpdate(Class)}; immutable.
 *
 * <pre>{@code
 * session.bulkUpdate(User.class)
 *         .set(User_.fullname, "Ed Jones")
 *         .where(User_.name.eq("ed"))
 *         .execute();                        // Mono<Long>: the rows changed
 * }</pre>
 *
 * @param <E> the mapped class
 */
public final class BulkUpdate<E> {

    private final DefaultSession session;
    private final EntityModel<E> model;
    private final Update update;
    private final Synchronize synchronize;

    BulkUpdate(DefaultSession session, EntityModel<E> model, Update update, Synchronize synchronize) {
        this.session = session;
        this.model = model;
        this.update = update;
        this.synchronize = synchronize;
    }

    /**
     * Returns this update setting a column to a value (bound as a parameter).
     *
     * @param attribute an attribute of the class
     * @param value the value
     * @param <V> the attribute's type
     * @return the new update
     */
    public <V> BulkUpdate<E> set(Attribute<? super E, V> attribute, @Nullable V value) {
        return new BulkUpdate<>(session, model, update.set(Bulk.owned(model, attribute), value), synchronize);
    }

    /**
     * Returns this update setting a column to an expression ({@code set(User_.visits, User_.visits.plus(1))}).
     *
     * @param attribute an attribute of the class
     * @param value the expression
     * @param <V> the attribute's type
     * @return the new update
     */
    public <V> BulkUpdate<E> set(Attribute<? super E, V> attribute, Expression<? extends V> value) {
        Assert.requireNonNull(value, "value must not be null");
        return new BulkUpdate<>(session, model, update.set(Bulk.owned(model, attribute), value), synchronize);
    }

    /**
     * Returns this update with a condition, joined by {@code AND} to those given before; without one, every row of the
     * class is updated.
     *
     * @param condition a condition over the class's attributes
     * @return the new update
     */
    public BulkUpdate<E> where(Expression<Boolean> condition) {
        return new BulkUpdate<>(
                session,
                model,
                update.where(Assert.requireNonNull(condition, "condition must not be null")),
                synchronize);
    }

    /**
     * Returns this update keeping the session's objects in step as {@code mode} says; {@link Synchronize#FETCH} if not set.
     *
     * @param mode the synchronization
     * @return the new update
     */
    public BulkUpdate<E> synchronize(Synchronize mode) {
        return new BulkUpdate<>(session, model, update, Assert.requireNonNull(mode, "mode must not be null"));
    }

    /**
     * Runs the update when subscribed.
     *
     * <ul>
     *   <li>emits the number of rows the database changed, once the session's objects are in step
     *   <li>errors with {@link IllegalArgumentException} if nothing is set, and with {@link UnsupportedOperationException}
     *       before sending if {@link Synchronize#EVALUATE} cannot evaluate the condition or a value in Java
     *   <li>errors with the database's error if the statement fails; the transaction is the session's, so nothing is undone
     *       until it rolls back
     * </ul>
     *
     * @return the count of changed rows
     */
    public Mono<Long> execute() {
        return Bulk.update(session, model, update, synchronize);
    }
}
