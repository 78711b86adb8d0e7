package io.sluice.session;

import io.sluice.core.Engine;
import io.sluice.core.TransactionOptions;
import io.sluice.core.dialect.Capability;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.SqlType;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.Mapping;
import io.sluice.session.mapping.MappingException;
import java.util.List;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes sessions over an engine and a mapping (SQLAlchemy's {@code sessionmaker}). Opening a session opens no connection.
 */
public final class SessionFactory {

    /** The default number of keys in one selectin or coalesced lazy-load query. */
    public static final int DEFAULT_LOAD_BATCH_SIZE = 500;

    /** The default number of rows in one multi-row INSERT or UPDATE of a flush. */
    public static final int DEFAULT_FLUSH_BATCH_SIZE = 1_000;

    private final Engine engine;
    private final Mapping mapping;
    private final int loadBatchSize;
    private final int flushBatchSize;
    private final KeySelects keySelects;
    private final OpenSessions openSessions;
    /** The blocks of sequence keys, shared by every session of this factory and of the factories derived from it. */
    private final SequenceAllocators sequences;

    private final FlushListener flushListener;

    private SessionFactory(
            Engine engine,
            Mapping mapping,
            int loadBatchSize,
            int flushBatchSize,
            KeySelects keySelects,
            OpenSessions openSessions,
            SequenceAllocators sequences,
            FlushListener flushListener) {
        this.flushListener = flushListener;
        this.openSessions = openSessions;
        this.sequences = sequences;
        this.engine = engine;
        this.mapping = mapping;
        this.loadBatchSize = loadBatchSize;
        this.flushBatchSize = flushBatchSize;
        this.keySelects = keySelects;
    }

    /**
     * Returns a factory of sessions.
     *
     * @param engine the engine sessions take connections from
     * @param mapping the mapped classes
     * @return the factory
     * @throws IllegalArgumentException if an argument is {@code null}
     * @throws MappingException if the mapping needs what the engine's database lacks: array columns (list and array fields) on
     *     a database without arrays (MariaDB)
     */
    public static SessionFactory of(Engine engine, Mapping mapping) {
        Assert.requireNonNull(engine, "engine must not be null");
        Assert.requireNonNull(mapping, "mapping must not be null");
        checkSupported(mapping, engine.dialect());
        return new SessionFactory(
                engine,
                mapping,
                DEFAULT_LOAD_BATCH_SIZE,
                DEFAULT_FLUSH_BATCH_SIZE,
                new KeySelects(engine.dialect()),
                new OpenSessions(),
                new SequenceAllocators(),
                FlushListener.NONE);
    }

    /** Fails for a mapped field whose column type the database lacks, naming the class, the field and the alternative. */
    private static void checkSupported(Mapping mapping, Dialect dialect) {
        if (dialect.supports(Capability.ARRAYS)) {
            return;
        }
        for (EntityModel<?> model : mapping.entities()) {
            for (Attribute<?, ?> attribute : model.attributes()) {
                if (attribute.type().storage().kind() == SqlType.Kind.ARRAY) {
                    throw new MappingException(model.type().getSimpleName() + "." + attribute.fieldName()
                            + " is stored in"
                            + " the array column " + model.table().name() + "." + attribute.name() + ", but "
                            + dialect.name() + " has no array type: annotate the field @Json to store it as a JSON"
                            + " document, or use PostgreSQL or H2");
                }
            }
        }
    }

    /**
     * Returns a factory like this one whose sessions load relationships of many objects (selectinLoad, coalesced lazy loads)
     * with at most {@code keys} keys per {@code IN (...)} query ({@value #DEFAULT_LOAD_BATCH_SIZE} by default).
     *
     * @param keys the keys per query, at least 1
     * @return the new factory
     * @throws IllegalArgumentException if {@code keys} is less than 1
     */
    public SessionFactory withLoadBatchSize(int keys) {
        Assert.isTrue(keys >= 1, "the load batch size must be at least 1 key, was " + keys);
        return new SessionFactory(
                engine, mapping, keys, flushBatchSize, keySelects, openSessions, sequences, flushListener);
    }

    /**
     * Returns a factory like this one whose flushes send at most {@code rows} rows per multi-row {@code INSERT ... VALUES} and
     * per multi-row UPDATE ({@value #DEFAULT_FLUSH_BATCH_SIZE} by default). A statement also stays under 30,000 bind values,
     * so wide rows may go in smaller statements than this.
     *
     * @param rows the rows per statement, at least 1
     * @return the new factory
     * @throws IllegalArgumentException if {@code rows} is less than 1
     */
    public SessionFactory withFlushBatchSize(int rows) {
        Assert.isTrue(rows >= 1, "the flush batch size must be at least 1 row, was " + rows);
        return new SessionFactory(
                engine, mapping, loadBatchSize, rows, keySelects, openSessions, sequences, flushListener);
    }

    /**
     * Returns a factory like this one whose sessions tell a listener of every flush (for metrics). Sessions of both factories
     * share the pool, the open-session tracking and the sequence blocks.
     *
     * @param listener the listener
     * @return the new factory
     * @throws IllegalArgumentException if {@code listener} is {@code null}
     */
    public SessionFactory withFlushListener(FlushListener listener) {
        Assert.requireNonNull(listener, "listener must not be null");
        return new SessionFactory(
                engine, mapping, loadBatchSize, flushBatchSize, keySelects, openSessions, sequences, listener);
    }

    /**
     * Returns a new session; it connects on first need. Close it when done ({@link Session#close()}): a session that is never
     * closed and becomes unreachable while it holds a connection has its transaction rolled back and its connection returned
     * to the pool when the garbage collector finds it, with a warning on the logger {@code io.sluice.session} naming where it
     * was opened.
     *
     * @return the session
     */
    public Session open() {
        return open(openSessions.open());
    }

    /**
     * Returns a session on a connection whose transaction the caller runs, such as a transaction manager's (the Spring Boot
     * starter's {@code SluiceTransactionManager}): the session never begins, commits, rolls back or releases that connection.
     *
     * <ul>
     *   <li>{@link Session#commit()} flushes and takes the objects' state as committed (the point {@code rollback()} goes
     *       back to), without committing the connection
     *   <li>{@link Session#rollback()} puts the objects back as they were at the last {@code commit()} (or when opened),
     *       without rolling the connection back: the caller rolls back the connection (or to a savepoint) itself
     *   <li>{@link Session#close()} detaches the objects and leaves the connection to the caller
     * </ul>
     *
     * @param connection a connection of this factory's engine, in a transaction the caller began
     * @return the session
     * @throws IllegalArgumentException if {@code connection} is {@code null}
     */
    public Session open(io.sluice.core.SqlConnection connection) {
        Assert.requireNonNull(connection, "connection must not be null");
        DefaultSession session = new DefaultSession(
                engine,
                mapping,
                loadBatchSize,
                flushBatchSize,
                keySelects,
                openSessions,
                openSessions.openInternally(),
                sequences,
                flushListener);
        session.borrow(connection);
        return session;
    }

    private Session open(OpenSessions.Holder holder) {
        return new DefaultSession(
                engine,
                mapping,
                loadBatchSize,
                flushBatchSize,
                keySelects,
                openSessions,
                holder,
                sequences,
                flushListener);
    }

    /**
     * Runs work in a session and its transaction, which travel in the Reactor {@code Context} of the work's pipeline: code in
     * that pipeline gets the session with {@link Sessions#current()}. Joins the transaction already in the subscriber's
     * {@code Context} if there is one from this factory ({@link Propagation#REQUIRED}), or the outside transaction (a Spring
     * {@code @Transactional} method, with the Spring Boot starter) that holds a session of this factory; otherwise begins one.
     *
     * <p>A transaction this call begins ends when the work's publisher does:
     *
     * <ul>
     *   <li>when it completes, the session commits (flushing first), then completes; if joined work failed, even though the
     *       work recovered from the error, the session rolls back instead and errors with {@link SessionException}
     *   <li>when the work or the commit fails, the session rolls back, then the error is signalled
     *   <li>when the subscriber cancels, the session rolls back
     * </ul>
     *
     * The session is closed in every case. Joined work only passes on what the work emits; its failure is signalled and fails
     * the transaction it joined.
     *
     * @param work a function of the session
     * @param <T> what the work emits
     * @return what the work emits
     * @throws IllegalArgumentException if {@code work} is {@code null}
     */
    public <T> Flux<T> inTransaction(Function<? super Session, ? extends Publisher<T>> work) {
        return inTransaction(Propagation.REQUIRED, work);
    }

    /**
     * Runs work in a session and its transaction, joining the transaction in the subscriber's Reactor {@code Context} or not
     * as {@code propagation} says; see {@link #inTransaction(Function)} for how the transaction ends.
     *
     * @param propagation {@link Propagation#REQUIRED} to join a transaction of this factory in the {@code Context}, {@link
     *     Propagation#REQUIRES_NEW} for an independent one on another connection, {@link Propagation#NESTED} for a savepoint
     *     in the transaction of the {@code Context}
     * @param work a function of the session
     * @param <T> what the work emits
     * @return what the work emits
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public <T> Flux<T> inTransaction(Propagation propagation, Function<? super Session, ? extends Publisher<T>> work) {
        Assert.requireNonNull(propagation, "propagation must not be null");
        Assert.requireNonNull(work, "work must not be null");
        return Flux.deferContextual(context -> {
            TransactionScope outer = Sessions.scope(context);
            if (propagation == Propagation.REQUIRED && outer != null && outer.factory() == this) {
                return Flux.defer(() -> work.apply(outer.session())).doOnError(outer::joinedWorkFailed);
            }
            if (propagation == Propagation.NESTED && outer != null && outer.factory() == this) {
                return nested(outer.session(), work);
            }
            if (propagation == Propagation.REQUIRES_NEW || !TransactionBridges.any()) {
                return begin(work);
            }
            // A transaction outside Sluice (Spring's) that holds a session of this factory is joined like one of ours.
            return TransactionBridges.find(this)
                    .flatMapMany(joined -> propagation == Propagation.NESTED
                            ? nested(joined.session(), work)
                            : Flux.defer(() -> work.apply(joined.session()))
                                    .doOnError(failure -> joined.bridge().joinedWorkFailed(joined.session(), failure)))
                    .switchIfEmpty(Flux.defer(() -> begin(work)));
        });
    }

    /**
     * Runs work in a session and a transaction with options (isolation level, read-only, lock and statement timeouts), as
     * {@link #inTransaction(Function)} does. Inside a transaction of this factory already, joins it if its options are the
     * same, and refuses otherwise: a transaction's options are set when it begins.
     *
     * @param options the transaction's options
     * @param work a function of the session
     * @param <T> what the work emits
     * @return what the work emits
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public <T> Flux<T> inTransaction(
            TransactionOptions options, Function<? super Session, ? extends Publisher<T>> work) {
        Assert.requireNonNull(options, "options must not be null");
        Assert.requireNonNull(work, "work must not be null");
        return Flux.deferContextual(context -> {
            TransactionScope outer = Sessions.scope(context);
            if (outer != null && outer.factory() == this) {
                return joinWithOptions(outer, options, work);
            }
            return begin(options, work);
        });
    }

    /**
     * Runs work in a new session and a transaction with options, retried as {@link #inTransaction(RetryPolicy, Function)}
     * says: the way to run serializable transactions, which the database may abort with a serialization failure.
     *
     * @param options the transaction's options, such as {@code TransactionOptions.defaults().isolation(SERIALIZABLE)}
     * @param policy when to run again
     * @param work the work, given the session
     * @param <T> the elements
     * @return the work's elements, after its commit
     */
    public <T> Flux<T> inTransaction(
            TransactionOptions options, RetryPolicy policy, Function<? super Session, ? extends Publisher<T>> work) {
        Assert.requireNonNull(options, "options must not be null");
        Assert.requireNonNull(policy, "policy must not be null");
        Assert.requireNonNull(work, "work must not be null");
        return Flux.deferContextual(context -> {
            TransactionScope outer = Sessions.scope(context);
            if (outer != null && outer.factory() == this) {
                return joinWithOptions(outer, options, work);
            }
            return attempt(options, policy, work, 1, new java.util.ArrayList<>());
        });
    }

    private static <T> Flux<T> joinWithOptions(
            TransactionScope outer,
            TransactionOptions options,
            Function<? super Session, ? extends Publisher<T>> work) {
        TransactionOptions outerOptions = outer.session().transactionOptions();
        if (!outerOptions.equals(options)) {
            return Flux.error(new SessionException(
                    "this work asks for a transaction with options [" + options + "] but runs inside one with options ["
                            + outerOptions + "], which it would join; give both the same options, or run it with"
                            + " Propagation.REQUIRES_NEW in a transaction of its own",
                    null));
        }
        return Flux.defer(() -> work.apply(outer.session())).doOnError(outer::joinedWorkFailed);
    }

    /**
     * Runs work in a new session and transaction, as {@link #inTransaction(Function)} does, and runs it again in a fresh
     * session and transaction when it fails with an error the policy retries (a serialization failure or a deadlock, by
     * default), waiting between attempts as the policy says. The work must be safe to run again: it should only change the
     * database through its session, since each failed attempt is rolled back.
     *
     * <ul>
     *   <li>the work's elements are held until its transaction commits, then emitted: a subscriber never sees the results of
     *       an attempt that was rolled back (so a large result should be written, not returned, by retried work)
     *   <li>errors with the work's own error, at once, if it is not one the policy retries
     *   <li>errors with a {@link SessionException} naming the attempts made and caused by the last failure once the attempts
     *       are spent; the earlier failures are attached to it as suppressed exceptions
     *   <li>inside a transaction of this factory already (a {@link Sessions#current()} scope), joins it and does not retry: the
     *       outer unit of work is the one to run again
     * </ul>
     *
     * @param policy when to run again
     * @param work the work, given the session
     * @param <T> the elements
     * @return the work's elements, after its commit
     */
    public <T> Flux<T> inTransaction(RetryPolicy policy, Function<? super Session, ? extends Publisher<T>> work) {
        Assert.requireNonNull(policy, "policy must not be null");
        Assert.requireNonNull(work, "work must not be null");
        return Flux.deferContextual(context -> {
            TransactionScope outer = Sessions.scope(context);
            if (outer != null && outer.factory() == this) {
                return inTransaction(Propagation.REQUIRED, work);
            }
            if (!TransactionBridges.any()) {
                return attempt(TransactionOptions.defaults(), policy, work, 1, new java.util.ArrayList<>());
            }
            return TransactionBridges.find(this)
                    .flatMapMany(joined -> inTransaction(Propagation.REQUIRED, work))
                    .switchIfEmpty(Flux.defer(() ->
                            attempt(TransactionOptions.defaults(), policy, work, 1, new java.util.ArrayList<>())));
        });
    }

    private <T> Flux<T> attempt(
            TransactionOptions options,
            RetryPolicy policy,
            Function<? super Session, ? extends Publisher<T>> work,
            int attempt,
            List<Throwable> earlier) {
        return begin(options, work)
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .onErrorResume(failure -> {
                    if (!policy.retries(failure)) {
                        return Flux.error(failure);
                    }
                    if (attempt >= policy.maxAttempts()) {
                        SessionException spent = new SessionException(
                                "the transaction failed " + attempt + " times with errors worth retrying, the last: "
                                        + failure.getMessage()
                                        + "; raise RetryPolicy.of(attempts) or make the work conflict less",
                                failure);
                        earlier.forEach(spent::addSuppressed);
                        return Flux.error(spent);
                    }
                    earlier.add(failure);
                    return Mono.delay(policy.delayAfter(attempt))
                            .thenMany(Flux.defer(() -> attempt(options, policy, work, attempt + 1, earlier)));
                });
    }

    private <T> Flux<T> begin(Function<? super Session, ? extends Publisher<T>> work) {
        return begin(TransactionOptions.defaults(), work);
    }

    private <T> Flux<T> begin(TransactionOptions options, Function<? super Session, ? extends Publisher<T>> work) {
        // The commit is part of the flow rather than of the completion cleanup, so that its failure reaches the
        // subscriber as it is (usingWhen would wrap it) and rolls back like any other failure.
        return Flux.usingWhen(
                Mono.fromSupplier(() -> {
                    Session session = open(openSessions.openInternally());
                    session.setTransactionOptions(options);
                    return new TransactionScope(this, session);
                }),
                scope -> Flux.from(work.apply(scope.session()))
                        .concatWith(Mono.defer(() -> commit(scope)).then(Mono.empty()))
                        .contextWrite(context -> Sessions.with(context, scope)),
                scope -> scope.session().close(),
                (scope, error) -> rollback(scope),
                this::rollback);
    }

    private static <T> Flux<T> nested(Session session, Function<? super Session, ? extends Publisher<T>> work) {
        // As in begin(), the release is part of the flow, so that its failure (a flush) rolls back to the savepoint.
        return Flux.usingWhen(
                session.beginNested(),
                savepoint -> Flux.<T>defer(() -> work.apply(session))
                        .concatWith(Mono.defer(savepoint::commit).then(Mono.empty())),
                savepoint -> Mono.empty(),
                (savepoint, error) -> savepoint.isActive() ? savepoint.rollback() : Mono.empty(),
                savepoint -> savepoint.isActive() ? savepoint.rollback() : Mono.empty());
    }

    private static Mono<Void> commit(TransactionScope scope) {
        Throwable joinedFailure = scope.joinedFailure();
        if (joinedFailure != null) {
            return Mono.error(new SessionException(
                    "the transaction was rolled back: work that joined it failed (" + joinedFailure.getMessage() + ")",
                    joinedFailure));
        }
        return scope.session().commit();
    }

    private Mono<Void> rollback(TransactionScope scope) {
        Session session = scope.session();
        return session.rollback().onErrorResume(error -> Mono.empty()).then(session.close());
    }

    /**
     * Returns the engine.
     *
     * @return the engine
     */
    public Engine engine() {
        return engine;
    }

    /**
     * Returns the mapping.
     *
     * @return the mapping
     */
    public Mapping mapping() {
        return mapping;
    }
}
