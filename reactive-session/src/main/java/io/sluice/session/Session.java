package io.sluice.session;

import io.sluice.core.TransactionOptions;
import io.sluice.core.sql.Expression;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A unit of work over mapped objects: an identity map (one object per primary key), change tracking, and at most one database
 * connection and transaction, acquired on first need and given back by {@link #commit()}, {@link #rollback()} and {@link
 * #close()}.
 *
 * <p>{@code add}, {@code delete} and {@code expunge} change only the session's memory. Everything that touches the database
 * returns a {@link Mono} or a {@code Flux} and runs when subscribed. Work subscribed concurrently on one session runs one piece
 * at a time on its connection, in subscription order, so {@code Mono.zip(session.get(A.class, 1), session.get(B.class, 2))} is
 * safe. A {@link Query#stream() stream} is one such piece of work from its subscription until it completes, fails or is
 * cancelled. A session is not meant to be shared by several independent flows.
 */
public interface Session {

    /**
     * Adds a new object: it is inserted at the next flush. Adding an object marked for deletion takes it back; adding a
     * persistent object does nothing.
     *
     * @param entity an object of a mapped class
     * @throws IllegalArgumentException if its class is not mapped or another object with its key is in the session
     */
    void add(Object entity);

    /**
     * Adds several new objects, in order.
     *
     * @param entities the objects
     */
    void addAll(Iterable<?> entities);

    /**
     * Marks an object for deletion at the next flush (a pending object is simply dropped).
     *
     * @param entity an object of this session
     * @throws DetachedInstanceException if the object is not in this session
     */
    void delete(Object entity);

    /**
     * Stops tracking an object; its changes are not flushed.
     *
     * @param entity the object
     */
    void expunge(Object entity);

    /**
     * Makes a persistent object read-only, or modifiable again (see {@link Query#readOnly()}). A read-only object's column
     * changes are never written; changes not flushed when it is made read-only are not written either (flush first to keep
     * them). Made modifiable, its current values are taken as the database's: changes made while it was read-only are not
     * written, and a rollback puts back the values it had before.
     *
     * @param entity a persistent object of this session
     * @param readOnly {@code true} for read-only
     * @throws DetachedInstanceException if the object is not in this session
     * @throws IllegalStateException if the object is pending (not yet inserted)
     */
    void setReadOnly(Object entity, boolean readOnly);

    /**
     * Returns whether a persistent object is read-only: loaded by a {@link Query#readOnly()} query or set so.
     *
     * @param entity an object of this session
     * @return {@code true} if it is read-only; {@code false} for a modifiable or pending object
     * @throws DetachedInstanceException if the object is not in this session
     */
    boolean isReadOnly(Object entity);

    /**
     * Returns whether the session tracks an object (pending, persistent or marked for deletion).
     *
     * @param entity the object
     * @return {@code true} if it does
     */
    boolean contains(Object entity);

    /**
     * Returns the objects added and not yet inserted, in the order they were added (the tutorial's {@code session.new}).
     *
     * @return the objects
     */
    List<Object> newObjects();

    /**
     * Returns the persistent objects changed since they were loaded or last flushed ({@code session.dirty}).
     *
     * @return the objects
     */
    List<Object> dirty();

    /**
     * Returns the objects marked for deletion and not yet flushed ({@code session.deleted}).
     *
     * @return the objects
     */
    List<Object> deleted();

    /**
     * Returns the object with a primary key: from the identity map if the session holds it, else from the database.
     *
     * @param type the mapped class
     * @param id the key (a {@code List} of values for a composite key)
     * @param <E> the class
     * @return the object, or empty if there is no such row
     */
    <E> Mono<E> get(Class<E> type, Object id);

    /**
     * Reloads an object's columns from the database, discarding its unflushed changes.
     *
     * @param entity a persistent object of this session
     * @return completes when reloaded; errors with {@link NoResultException} if its row is gone
     */
    Mono<Void> refresh(Object entity);

    /**
     * Sends pending inserts, updates and deletes to the database, in the session's transaction.
     *
     * <ul>
     *   <li>completes when every statement ran; generated keys are set and objects are clean
     *   <li>errors with the database's error (carrying the SQL) or {@link StaleObjectException}: the transaction is rolled
     *       back and objects are as before the flush; call {@link #rollback()} before going on
     *   <li>on cancel (also of a query or commit whose flush is running): objects are as before the flush, and since some of
     *       its statements may have run, the session refuses work until {@link #rollback()}, which rolls the transaction
     *       back and gives the connection back
     * </ul>
     *
     * @return completes when flushed
     */
    Mono<Void> flush();

    /**
     * Flushes, commits the transaction and gives the connection back. Cancelled while the COMMIT is on its way, the session
     * keeps the connection for the {@link #rollback()} or {@link #close()} that should follow; the database then holds all of
     * the transaction or none of it.
     *
     * @return completes when committed
     */
    Mono<Void> commit();

    /**
     * Rolls the transaction back and gives the connection back. Objects added in the transaction leave the session, loaded
     * objects get back their committed values, and deleted objects are back.
     *
     * @return completes when rolled back
     */
    Mono<Void> rollback();

    /**
     * Brings the state of an object that is not in this session (detached from a closed session, or built by hand from a
     * request) into the session, and returns the session's object for it, as SQLAlchemy's and JPA's {@code merge} do:
     *
     * <ul>
     *   <li>with a key: the session's object with that key, loaded if it is not held yet, takes the given object's column
     *       values (its key, version and formulas stay); the next flush writes what differs
     *   <li>with a key no row has: a new object with those values is added, unless the key is generated or the class is
     *       versioned (the row was deleted meanwhile: {@link StaleObjectException})
     *   <li>without a key: a new object with its values is added (inserted at the next flush)
     *   <li>a versioned object whose version differs from the database's fails with {@link StaleObjectException}
     *   <li>loaded many-to-one references are merged the same way and point at the session's objects; collections are not
     *       merged: change the returned object's collections
     * </ul>
     *
     * The given object is left as it was, and stays out of the session; an object already in this session is returned as
     * it is.
     *
     * @param entity an object of a mapped class
     * @param <E> its class
     * @return the session's object
     */
    <E> Mono<E> merge(E entity);

    /**
     * Sets the options of the transaction the session begins next: isolation level, read-only, lock and statement timeouts
     * ({@link TransactionOptions}). A read-only transaction also makes the session load objects read-only, and refuses to
     * flush changes (on every database, H2 included, which has no read-only transactions of its own).
     *
     * @param options the options
     * @throws IllegalStateException if the session's transaction has begun
     */
    void setTransactionOptions(TransactionOptions options);

    /**
     * Returns the options of the session's transactions.
     *
     * @return the options; {@link TransactionOptions#defaults()} unless set
     */
    TransactionOptions transactionOptions();

    /**
     * Begins a nested transaction: flushes, then sets a savepoint in the session's transaction (beginning it if needed).
     * {@link Savepoint#rollback()} undoes what the session did since, in the database and in its objects, and keeps the
     * rest; {@link Savepoint#commit()} keeps it. Nested transactions nest: each savepoint ends those begun inside it. While
     * one is open, a failed flush leaves the transaction open, so that rolling back to the savepoint recovers from it.
     * Committing or rolling back the session ends them all.
     *
     * <pre>{@code
     * session.beginNested().flatMap(savepoint -> session.flush()
     *         .then(savepoint.commit())
     *         .onErrorResume(R2dbcDataIntegrityViolationException.class, error -> savepoint.rollback()))
     * }</pre>
     *
     * @return the savepoint, once set
     */
    Mono<Savepoint> beginNested();

    /**
     * Rolls back any open transaction and forgets every object.
     *
     * @return completes when closed
     */
    Mono<Void> close();

    /**
     * Returns whether objects this session loads are read-only unless a query says otherwise (see
     * {@link #setDefaultReadOnly}); {@code false} unless set.
     *
     * @return {@code true} if they are
     */
    boolean isDefaultReadOnly();

    /**
     * Sets whether objects this session loads from now on are read-only (see {@link Query#readOnly()}), as Hibernate's
     * {@code setDefaultReadOnly}: the queries created afterwards ({@code query(...).readOnly(false)} overrides it),
     * {@link #get} and lazy loads. Objects already in the session keep their setting.
     *
     * @param readOnly {@code true} for a session that only reads
     */
    void setDefaultReadOnly(boolean readOnly);

    /**
     * Returns whether queries flush pending changes first (the default).
     *
     * @return {@code true} if they do
     */
    boolean isAutoflush();

    /**
     * Sets whether queries flush pending changes first.
     *
     * @param autoflush {@code false} to query without flushing
     */
    void setAutoflush(boolean autoflush);

    /**
     * Returns a query of the objects of a mapped class.
     *
     * @param type the class
     * @param <E> the class
     * @return the query
     */
    <E> Query<E> query(Class<E> type);

    /**
     * Returns a query of the objects of an aliased class.
     *
     * @param aliased the aliased class
     * @param <E> the class
     * @return the query
     */
    <E> Query<E> query(Aliased<E> aliased);

    /**
     * Returns a query of one column or expression.
     *
     * @param expression the selected expression
     * @param <A> its Java type
     * @return the query
     */
    <A> Query<A> query(Expression<A> expression);

    /**
     * Returns a query of two columns or expressions, as typed tuples.
     *
     * @param first the first expression
     * @param second the second expression
     * @param <A> the first's Java type
     * @param <B> the second's Java type
     * @return the query
     */
    <A, B> Query<Row2<A, B>> query(Expression<A> first, Expression<B> second);

    /**
     * Returns a query of three columns or expressions, as typed tuples.
     *
     * @param first the first expression
     * @param second the second expression
     * @param third the third expression
     * @param <A> the first's Java type
     * @param <B> the second's Java type
     * @param <C> the third's Java type
     * @return the query
     */
    <A, B, C> Query<Row3<A, B, C>> query(Expression<A> first, Expression<B> second, Expression<C> third);

    /**
     * Returns a query of objects of a mapped class with a column or expression.
     *
     * @param type the class
     * @param expression the expression
     * @param <E> the class
     * @param <A> the expression's Java type
     * @return the query
     */
    <E, A> Query<Row2<E, A>> query(Class<E> type, Expression<A> expression);

    /**
     * Returns a query of objects of an aliased class with a column or expression.
     *
     * @param aliased the aliased class
     * @param expression the expression
     * @param <E> the class
     * @param <A> the expression's Java type
     * @return the query
     */
    <E, A> Query<Row2<E, A>> query(Aliased<E> aliased, Expression<A> expression);

    /**
     * Returns a query of pairs of objects of two mapped classes.
     *
     * @param first the first class
     * @param second the second class
     * @param <A> the first class
     * @param <B> the second class
     * @return the query
     */
    <A, B> Query<Row2<A, B>> query(Class<A> first, Class<B> second);

    /**
     * Returns a query of pairs of objects of a mapped class and of an aliased class.
     *
     * @param type the first class
     * @param aliased the aliased second class
     * @param <A> the first class
     * @param <B> the second class
     * @return the query
     */
    <A, B> Query<Row2<A, B>> query(Class<A> type, Aliased<B> aliased);

    /**
     * Returns an entity class read from a subquery over its table ({@code session.query(Address.class).filter(...).subquery("anon_1")}).
     *
     * @param type the mapped class
     * @param subquery a subquery selecting the class's columns
     * @param <E> the class
     * @return the aliased class
     */
    <E> Aliased<E> aliased(Class<E> type, io.sluice.core.sql.DerivedTable subquery);

    /**
     * Returns an entity class read from a common table expression that selects the class's columns under their names, such as
     * a recursive walk of a tree ({@code session.query(session.aliased(Employee.class, tree))}): its rows become objects of the
     * identity map like those of any query, and the statement starts with the CTE's {@code WITH}.
     *
     * @param type the mapped class
     * @param cte a common table expression with a column of each of the class's column names
     * @param <E> the class
     * @return the aliased class
     * @throws IllegalArgumentException if an argument is {@code null} or the CTE lacks a column of the class
     */
    <E> Aliased<E> aliased(Class<E> type, io.sluice.core.sql.CommonTableExpression cte);

    /**
     * Returns an entity class under an alias, for {@link #query(Aliased)} and joins.
     *
     * @param type the mapped class
     * @param alias the alias
     * @param <E> the class
     * @return the aliased class
     */
    <E> Aliased<E> aliased(Class<E> type, String alias);

    /**
     * Runs a core statement ({@code SQL.update(...)}, {@code SQL.insertInto(...)}, {@code SQL.text(...)} ...) on the session's
     * connection and in its transaction, after an autoflush, and emits the number of rows it changed. The session's objects
     * are not brought in step with what the statement changed: use {@link #bulkUpdate} or {@link #bulkDelete} for that.
     *
     * @param statement the statement
     * @return the count of changed rows; errors with the database's error if the statement fails
     */
    Mono<Long> execute(io.sluice.core.sql.Statement statement);

    /**
     * Starts a bulk {@code UPDATE} of the rows of a mapped class, run in this session's transaction, that keeps the objects
     * the session holds in step with their rows ({@link Synchronize}).
     *
     * @param type the mapped class (a subclass of a single-table hierarchy updates only its rows)
     * @param <E> the class
     * @return the update, which sets nothing yet
     * @throws UnsupportedOperationException for a class of a joined-table hierarchy, whose columns are in several tables
     */
    <E> BulkUpdate<E> bulkUpdate(Class<E> type);

    /**
     * Starts a bulk {@code DELETE} of the rows of a mapped class, run in this session's transaction; the objects of deleted
     * rows leave the session ({@link Synchronize}).
     *
     * @param type the mapped class (a subclass of a single-table hierarchy deletes only its rows)
     * @param <E> the class
     * @return the delete, of every row until a condition is given
     * @throws UnsupportedOperationException for a class of a joined-table hierarchy, whose rows are in several tables
     */
    <E> BulkDelete<E> bulkDelete(Class<E> type);

    /**
     * Writes a new object's row with an upsert on its key, or on the given unique attributes: a row the key's values do not
     * match is inserted, a matching row gets the object's values (every column the object writes, but the key and the
     * conflict attributes). The row is then read back in the same transaction, so the object emitted is persistent and clean,
     * with the database's values (generated key, columns the database sets). It is the given object, or the object the
     * session already held for that row, refreshed with it. Runs in the session's turn after an autoflush; writes only the
     * object's own row (relationships are not cascaded, and load lazily afterwards). On MariaDB a conflict on <em>any</em>
     * unique key of the table updates that row ({@code ON DUPLICATE KEY UPDATE}); the read-back then fails naming it. On
     * rollback the object leaves the session, as an added one does.
     *
     * <pre>{@code
     * session.upsert(new Product("sku-1", "Apple", 3))                  // on the key
     * session.upsert(new User("ed@example.com", "Ed"), User_.email)     // on a unique attribute; the id is read back
     * }</pre>
     *
     * @param entity a new object of a mapped class, not in this session
     * @param by attributes of a unique key of its table; none for the primary key
     * @param <E> the class
     * @return the persistent object; errors with the database's error if the statement fails
     * @throws IllegalArgumentException if the object is in the session, a conflict attribute is null or not of its class
     * @throws UnsupportedOperationException for a class with a {@code @Version} field or in an inheritance hierarchy
     */
    <E> Mono<E> upsert(E entity, io.sluice.core.sql.Column<?>... by);

    /**
     * Writes new objects' rows with upserts on their key or on the given unique attributes, as {@link #upsert(Object,
     * io.sluice.core.sql.Column[])} does, in multi-row statements of up to 1,000 rows, and emits the persistent objects in
     * the order given.
     *
     * @param entities new objects of one mapped class; no two with the same conflict values
     * @param by attributes of a unique key of its table; none for the primary key
     * @param <E> the class
     * @return the persistent objects
     * @throws IllegalArgumentException if the objects are of several classes, two have the same conflict values, or as {@link
     *     #upsert(Object, io.sluice.core.sql.Column[])}
     * @throws UnsupportedOperationException as {@link #upsert(Object, io.sluice.core.sql.Column[])}
     */
    <E> Flux<E> upsertAll(Collection<? extends E> entities, io.sluice.core.sql.Column<?>... by);

    /**
     * Inserts a new object's row unless a row with the same key (or given unique attributes) exists, which is kept as it is
     * ({@code ON CONFLICT DO NOTHING}, MariaDB's no-op {@code ON DUPLICATE KEY UPDATE}, H2's {@code MERGE} without {@code WHEN
     * MATCHED}); then reads the row back as {@link #upsert(Object, io.sluice.core.sql.Column[])} does, so the object emitted
     * holds the database's values: the existing row's, when there was one.
     *
     * @param entity a new object of a mapped class, not in this session
     * @param by attributes of a unique key of its table; none for the primary key
     * @param <E> the class
     * @return the persistent object
     * @throws IllegalArgumentException as {@link #upsert(Object, io.sluice.core.sql.Column[])}
     * @throws UnsupportedOperationException as {@link #upsert(Object, io.sluice.core.sql.Column[])}
     */
    <E> Mono<E> insertOrIgnore(E entity, io.sluice.core.sql.Column<?>... by);

    /**
     * Inserts new objects' rows where no row has the same key (or given unique attributes), as {@link #insertOrIgnore(Object,
     * io.sluice.core.sql.Column[])} does, and emits the persistent objects in the order given.
     *
     * @param entities new objects of one mapped class; no two with the same conflict values
     * @param by attributes of a unique key of its table; none for the primary key
     * @param <E> the class
     * @return the persistent objects
     * @throws IllegalArgumentException as {@link #upsertAll(Collection, io.sluice.core.sql.Column[])}
     * @throws UnsupportedOperationException as {@link #upsert(Object, io.sluice.core.sql.Column[])}
     */
    <E> Flux<E> insertOrIgnoreAll(Collection<? extends E> entities, io.sluice.core.sql.Column<?>... by);
}
