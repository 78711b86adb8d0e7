package io.sluice.spring.boot;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.IsolationLevel;
import io.sluice.core.SqlConnection;
import io.sluice.core.internal.Assert;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.Sessions;
import io.sluice.spring.boot.internal.SessionHolder;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.connection.ConnectionHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.reactive.AbstractReactiveTransactionManager;
import org.springframework.transaction.reactive.GenericReactiveTransaction;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.support.SmartTransactionObject;
import reactor.core.publisher.Mono;

/**
 * Spring's {@link org.springframework.transaction.ReactiveTransactionManager} for Sluice: a {@code @Transactional} method or a
 * {@code TransactionalOperator} runs in one Sluice session per transaction, which code in the method's pipeline gets with
 * {@link Sessions#current()} and which {@link SessionFactory#inTransaction(java.util.function.Function)} joins.
 *
 * <p>A transaction this manager begins takes a connection from the engine at once and begins it with the definition's
 * isolation level and read-only flag; it binds the session under the {@code SessionFactory} and, for Spring's {@code
 * DatabaseClient} and Spring Data R2DBC, a {@link ConnectionHolder} of the same connection under the engine's {@link
 * ConnectionFactory}: both see one transaction and commit or roll back together when the engine shares the application's
 * pool (the auto-configuration does that). Before commit the session flushes. Propagation:
 *
 * <ul>
 *   <li>{@code REQUIRED}, {@code SUPPORTS}, {@code MANDATORY}: join the transaction there is (a transaction of {@code
 *       sessions.inTransaction(...)} in the pipeline included, for {@code REQUIRED}); {@code MANDATORY} fails without one
 *   <li>{@code REQUIRES_NEW}: an independent transaction on another connection; {@code NOT_SUPPORTED}: none, the outer one
 *       suspended; {@code NEVER}: fails inside a transaction
 *   <li>{@code NESTED}: a savepoint, after a flush; its rollback goes back to it, in the database and in the session (objects
 *       added since leave it, changed ones get their values at the savepoint)
 * </ul>
 *
 * A read-only transaction's session is read-only ({@link Session#setDefaultReadOnly(boolean)}) and the database's transaction
 * too where the driver has it. A timeout is checked at commit: a transaction past it rolls back with {@link
 * TransactionTimedOutException}. Cancelling a transaction while its connection is acquired or its {@code BEGIN} is in flight
 * rolls back and releases that connection.
 */
public final class SluiceTransactionManager extends AbstractReactiveTransactionManager {

    private static final long serialVersionUID = 1L;

    private final transient SessionFactory sessions;
    private final transient ConnectionFactory connectionFactory;

    /**
     * Returns a transaction manager of the factory's sessions.
     *
     * @param sessions the session factory; its engine gives the connections
     * @throws IllegalArgumentException if {@code sessions} is {@code null}
     */
    public SluiceTransactionManager(SessionFactory sessions) {
        this.sessions = Assert.requireNonNull(sessions, "sessions must not be null");
        this.connectionFactory = sessions.engine().connectionFactory();
    }

    /**
     * Returns the factory whose sessions the transactions hold.
     *
     * @return the factory
     */
    public SessionFactory sessionFactory() {
        return sessions;
    }

    /** The state of one transaction status: the holder it found or bound, and its savepoint when nested. */
    static final class SluiceTransaction implements SmartTransactionObject {

        @Nullable
        SessionHolder holder;

        boolean newHolder;

        io.sluice.session.@Nullable Savepoint savepoint;
        /** A connection acquired for a transaction not yet begun: released if the begin is cancelled or fails. */
        @Nullable
        SqlConnection pending;

        @Override
        public boolean isRollbackOnly() {
            SessionHolder held = holder;
            return held != null && held.isRollbackOnly();
        }

        @Override
        public void flush() {}
    }

    /** The resources of a suspended transaction. */
    private record Suspended(SessionHolder holder, @Nullable Object connectionHolder, boolean any) {}

    @Override
    protected Object doGetTransaction(TransactionSynchronizationManager synchronization) {
        SluiceTransaction transaction = new SluiceTransaction();
        transaction.holder = (SessionHolder) synchronization.getResource(sessions);
        return transaction;
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((SluiceTransaction) transaction).holder != null;
    }

    @Override
    protected Mono<Void> doBegin(
            TransactionSynchronizationManager synchronization, Object transaction, TransactionDefinition definition) {
        SluiceTransaction state = (SluiceTransaction) transaction;
        SessionHolder existing = state.holder;
        if (existing != null) {
            return savepoint(state, existing);
        }
        if (definition.getPropagationBehavior() != TransactionDefinition.PROPAGATION_REQUIRED) {
            return begin(synchronization, state, definition);
        }
        // REQUIRED inside sessions.inTransaction(...): the Sluice transaction of the pipeline is joined.
        return Sessions.current(sessions)
                .map(outer -> {
                    SessionHolder holder = new SessionHolder(outer, null);
                    synchronization.bindResource(sessions, holder);
                    bindAny(synchronization, holder);
                    holder.activate();
                    state.holder = holder;
                    state.newHolder = true;
                    return true;
                })
                .switchIfEmpty(Mono.defer(
                        () -> begin(synchronization, state, definition).thenReturn(true)))
                .then();
    }

    private Mono<Void> savepoint(SluiceTransaction state, SessionHolder holder) {
        SqlConnection connection = holder.connection();
        if (connection == null) {
            return Mono.error(new NestedTransactionNotSupportedException(
                    "NESTED needs a transaction begun by the SluiceTransactionManager, not one of sessions.inTransaction(...),"
                            + " which has no savepoints: begin the outer transaction with @Transactional instead"));
        }
        // The session flushes and sets the savepoint, keeping its objects' state there for a rollback to it.
        return holder.session()
                .beginNested()
                .doOnNext(savepoint -> state.savepoint = savepoint)
                .then();
    }

    /**
     * Acquires a connection and begins it. Once started this runs to its end even if the subscriber cancels: a transaction
     * cancelled while its connection is acquired or its BEGIN is in flight is then rolled back and its connection released,
     * so that no connection is left in a half-begun state or out of the pool.
     */
    private Mono<Void> begin(
            TransactionSynchronizationManager synchronization,
            SluiceTransaction state,
            TransactionDefinition definition) {
        Mono<Void> work = sessions.engine()
                .acquire()
                .flatMap(connection -> {
                    state.pending = connection;
                    return connection
                            .beginTransaction(options(definition))
                            .then(Mono.fromRunnable(() -> bind(synchronization, state, connection, definition)));
                })
                .onErrorResume(error -> releasePending(state)
                        .then(Mono.error(new CannotCreateTransactionException(
                                "could not begin a Sluice transaction on "
                                        + sessions.engine().url() + ": " + error.getMessage(),
                                error))))
                .then();
        // The subscriber hears of the begin only if it has not cancelled first; a begin it never hears of is undone. A
        // cancel and the completion race: whichever comes second undoes the transaction. A cancel that comes after the
        // completion, before Spring's chain has handed the transaction to the work (its operators then drop it), undoes
        // it
        // too: nothing else would end it.
        AtomicInteger phase = new AtomicInteger(RUNNING);
        return Mono.<Void>create(sink -> {
                    sink.onCancel(() -> {
                        if (!phase.compareAndSet(RUNNING, CANCELLED)) {
                            undo(synchronization, state).subscribe(ignored -> {}, failure -> {});
                        }
                    });
                    work.subscribe(ignored -> {}, sink::error, () -> {
                        if (phase.compareAndSet(RUNNING, COMPLETED)) {
                            sink.success();
                        } else {
                            undo(synchronization, state).subscribe(ignored -> {}, failure -> {});
                        }
                    });
                })
                .doOnCancel(() -> {
                    if (phase.compareAndSet(COMPLETED, CANCELLED)) {
                        undo(synchronization, state).subscribe(ignored -> {}, failure -> {});
                    }
                });
    }

    private static final int RUNNING = 0;
    private static final int COMPLETED = 1;
    private static final int CANCELLED = 2;

    /** Ends a transaction begun for a subscriber that cancelled meanwhile: unbound, rolled back, connection released. */
    private Mono<Void> undo(TransactionSynchronizationManager synchronization, SluiceTransaction state) {
        return Mono.defer(() -> {
            SessionHolder holder = state.holder;
            if (holder == null) {
                return Mono.empty();
            }
            state.holder = null;
            if (synchronization.getResource(sessions) == holder) {
                synchronization.unbindResource(sessions);
            }
            unbindAny(synchronization, holder);
            holder.deactivate();
            SqlConnection connection = Assert.requireNonNull(holder.connection(), "connection");
            Object bound = synchronization.getResource(connectionFactory);
            if (bound instanceof ConnectionHolder connectionHolder
                    && connectionHolder.getConnection() == connection.unwrap()) {
                synchronization.unbindResource(connectionFactory);
            }
            return holder.session()
                    .close()
                    .onErrorResume(error -> Mono.empty())
                    .then(connection.rollback().onErrorResume(error -> Mono.empty()))
                    .then(holder.releaseOnce());
        });
    }

    private void bind(
            TransactionSynchronizationManager synchronization,
            SluiceTransaction state,
            SqlConnection connection,
            TransactionDefinition definition) {
        Session session = sessions.open(connection);
        if (definition.isReadOnly()) {
            session.setDefaultReadOnly(true);
        }
        SessionHolder holder = new SessionHolder(session, connection);
        if (definition.getTimeout() != TransactionDefinition.TIMEOUT_DEFAULT) {
            holder.setTimeoutSeconds(definition.getTimeout());
        }
        synchronization.bindResource(sessions, holder);
        bindAny(synchronization, holder);
        if (!synchronization.hasResource(connectionFactory)) {
            synchronization.bindResource(connectionFactory, new ConnectionHolder(connection.unwrap(), true));
        }
        holder.activate();
        state.holder = holder;
        state.newHolder = true;
        state.pending = null;
        // Spring drops a transaction whose subscriber cancels just as it is handed over (its operators discard the
        // status):
        // then nothing ends it, and its connection is given back once the transaction object is garbage.
        CLEANER.register(state, new Abandoned(holder));
    }

    private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create(task -> {
        Thread thread = new Thread(task, "sluice-transaction-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    /** Gives back the connection of a transaction that Spring dropped, if it was never cleaned up. */
    private record Abandoned(SessionHolder holder) implements Runnable {
        @Override
        public void run() {
            if (holder.isActive()) {
                holder.deactivate();
                SqlConnection connection = Assert.requireNonNull(holder.connection(), "connection");
                connection
                        .rollback()
                        .onErrorResume(error -> Mono.empty())
                        .then(holder.releaseOnce())
                        .subscribe(ignored -> {}, failure -> {});
            }
        }
    }

    private static void bindAny(TransactionSynchronizationManager synchronization, SessionHolder holder) {
        if (!synchronization.hasResource(SessionHolder.ANY)) {
            synchronization.bindResource(SessionHolder.ANY, holder);
        }
    }

    private static void unbindAny(TransactionSynchronizationManager synchronization, SessionHolder holder) {
        if (synchronization.getResource(SessionHolder.ANY) == holder) {
            synchronization.unbindResource(SessionHolder.ANY);
        }
    }

    private static Mono<Void> releasePending(SluiceTransaction state) {
        return Mono.defer(() -> {
            SqlConnection pending = state.pending;
            if (pending == null) {
                return Mono.empty();
            }
            state.pending = null;
            return pending.rollback().onErrorResume(error -> Mono.empty()).then(pending.release());
        });
    }

    @Override
    protected Mono<Object> doSuspend(TransactionSynchronizationManager synchronization, Object transaction) {
        return Mono.defer(() -> {
            SluiceTransaction state = (SluiceTransaction) transaction;
            state.holder = null;
            SessionHolder holder = (SessionHolder) synchronization.unbindResourceIfPossible(sessions);
            if (holder == null) {
                return Mono.empty();
            }
            Object connectionHolder =
                    holder.connection() != null ? synchronization.unbindResourceIfPossible(connectionFactory) : null;
            boolean any = synchronization.getResource(SessionHolder.ANY) == holder;
            unbindAny(synchronization, holder);
            return Mono.just(new Suspended(holder, connectionHolder, any));
        });
    }

    @Override
    protected Mono<Void> doResume(
            TransactionSynchronizationManager synchronization,
            @Nullable Object transaction,
            Object suspendedResources) {
        return Mono.fromRunnable(() -> {
            Suspended suspended = (Suspended) suspendedResources;
            synchronization.bindResource(sessions, suspended.holder());
            if (suspended.any()) {
                bindAny(synchronization, suspended.holder());
            }
            Object connectionHolder = suspended.connectionHolder();
            if (connectionHolder != null) {
                synchronization.bindResource(connectionFactory, connectionHolder);
            }
        });
    }

    @Override
    protected Mono<Void> doCommit(
            TransactionSynchronizationManager synchronization, GenericReactiveTransaction status) {
        SluiceTransaction state = (SluiceTransaction) status.getTransaction();
        SessionHolder holder = state.holder;
        if (holder == null) {
            return Mono.error(new UnexpectedRollbackException(
                    "the transaction was rolled back when its subscriber cancelled while it began"));
        }
        SqlConnection connection = holder.connection();
        io.sluice.session.Savepoint savepoint = state.savepoint;
        if (connection == null) {
            // joined a transaction of sessions.inTransaction(...), which commits it
            return holder.session().flush();
        }
        if (savepoint != null) {
            return savepoint.commit();
        }
        if (holder.isRollbackOnly()) {
            return holder.session()
                    .rollback()
                    .onErrorResume(error -> Mono.empty())
                    .then(connection.rollback())
                    .then(Mono.error(
                            new UnexpectedRollbackException("the transaction was rolled back: work that joined it"
                                    + " failed or marked it rollback-only (sessions.inTransaction(...) or a participating"
                                    + " TransactionalOperator)")));
        }
        if (holder.isPastDeadline()) {
            return holder.session()
                    .rollback()
                    .onErrorResume(error -> Mono.empty())
                    .then(connection.rollback())
                    .then(Mono.error(new TransactionTimedOutException("the transaction ran past its timeout of "
                            + status.getTransactionName() + " and was rolled back")));
        }
        return holder.session().commit().then(connection.commit());
    }

    @Override
    protected Mono<Void> doRollback(
            TransactionSynchronizationManager synchronization, GenericReactiveTransaction status) {
        SluiceTransaction state = (SluiceTransaction) status.getTransaction();
        SessionHolder holder = state.holder;
        if (holder == null) {
            return Mono.empty();
        }
        SqlConnection connection = holder.connection();
        io.sluice.session.Savepoint savepoint = state.savepoint;
        if (connection == null) {
            // joined a transaction of sessions.inTransaction(...): it rolls back at its end, even if the failure is
            // recovered
            return Sessions.setRollbackOnly(new UnexpectedRollbackException(
                            "a @Transactional method that joined this transaction rolled back"))
                    .onErrorResume(error -> Mono.empty());
        }
        Mono<Void> forget = holder.session().rollback().onErrorResume(error -> Mono.empty());
        if (savepoint != null) {
            return savepoint.rollback();
        }
        // Spring skips the cleanup after a failed rollback: the connection is released here then.
        return forget.then(connection.rollback())
                .onErrorResume(error ->
                        holder.releaseOnce().onErrorResume(e -> Mono.empty()).then(Mono.error(error)));
    }

    @Override
    protected Mono<Void> doSetRollbackOnly(
            TransactionSynchronizationManager synchronization, GenericReactiveTransaction status) {
        return Mono.fromRunnable(() -> {
            SessionHolder holder = ((SluiceTransaction) status.getTransaction()).holder;
            if (holder != null) {
                holder.setRollbackOnly();
            }
        });
    }

    @Override
    protected Mono<Void> doCleanupAfterCompletion(
            TransactionSynchronizationManager synchronization, Object transaction) {
        return Mono.defer(() -> {
            SluiceTransaction state = (SluiceTransaction) transaction;
            SessionHolder holder = state.holder;
            if (holder == null || state.savepoint != null || !state.newHolder) {
                return Mono.empty();
            }
            synchronization.unbindResourceIfPossible(sessions);
            unbindAny(synchronization, holder);
            holder.deactivate();
            SqlConnection connection = holder.connection();
            if (connection == null) {
                return Mono.empty();
            }
            Object bound = synchronization.getResource(connectionFactory);
            if (bound instanceof ConnectionHolder connectionHolder
                    && connectionHolder.getConnection() == connection.unwrap()) {
                synchronization.unbindResource(connectionFactory);
            }
            return holder.session().close().onErrorResume(error -> Mono.empty()).then(holder.releaseOnce());
        });
    }

    /** Spring's isolation levels as R2DBC's. */
    private static final Map<Integer, IsolationLevel> LEVELS = Map.of(
            TransactionDefinition.ISOLATION_READ_UNCOMMITTED, IsolationLevel.READ_UNCOMMITTED,
            TransactionDefinition.ISOLATION_READ_COMMITTED, IsolationLevel.READ_COMMITTED,
            TransactionDefinition.ISOLATION_REPEATABLE_READ, IsolationLevel.REPEATABLE_READ,
            TransactionDefinition.ISOLATION_SERIALIZABLE, IsolationLevel.SERIALIZABLE);

    /**
     * Spring's isolation level, read-only flag and timeout as Sluice's transaction options: the timeout also bounds each
     * statement, so that the database cancels one that would outlast the whole transaction (the commit checks the rest).
     */
    private static io.sluice.core.TransactionOptions options(TransactionDefinition definition) {
        io.sluice.core.TransactionOptions options = io.sluice.core.TransactionOptions.defaults();
        IsolationLevel level = LEVELS.get(definition.getIsolationLevel());
        if (level != null) {
            options = options.isolation(level);
        }
        if (definition.getTimeout() > 0) {
            options = options.statementTimeout(java.time.Duration.ofSeconds(definition.getTimeout()));
        }
        return definition.isReadOnly() ? options.readOnly() : options;
    }
}
