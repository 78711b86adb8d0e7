package io.sluice.session;

import io.sluice.core.Engine;
import io.sluice.core.SqlConnection;
import io.sluice.core.TransactionOptions;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Conjunction;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.session.internal.EntityRows;
import io.sluice.session.internal.EntityState;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import io.sluice.session.mapping.ManyToOneRelationship;
import io.sluice.session.mapping.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The {@link Session}: a unit of work plus one connection, used by one piece of work at a time. */
final class DefaultSession implements Session, io.sluice.session.RelationLoader {

    private final Engine engine;
    private final Mapping mapping;
    private final UnitOfWork unitOfWork;
    private final LazyBatcher batcher = new LazyBatcher(this);
    private boolean autoflush = true;
    private volatile boolean defaultReadOnly;
    private boolean closed;
    private @Nullable SqlConnection connection;
    /** Whether the connection belongs to the caller's transaction (SessionFactory.open(connection)): never ended here. */
    private boolean borrowed;

    private @Nullable Throwable failedFlush;
    private TransactionOptions transactionOptions = TransactionOptions.defaults();
    /** The open savepoints, innermost last. */
    private final List<NestedTransaction> savepoints = new ArrayList<>();

    private int savepointsSet;
    /** Completes when the work subscribed last has finished; the next piece of work waits for it. */
    private Mono<Void> tail = Mono.empty();

    private final int loadBatchSize;
    private final KeySelects keySelects;
    private final OpenSessions.Holder holder;
    private final OpenSessions openSessions;

    DefaultSession(
            Engine engine,
            Mapping mapping,
            int loadBatchSize,
            int flushBatchSize,
            KeySelects keySelects,
            OpenSessions openSessions,
            OpenSessions.Holder holder,
            SequenceAllocators sequences,
            FlushListener flushListener) {
        this.loadBatchSize = loadBatchSize;
        this.openSessions = openSessions;
        this.holder = holder;
        this.keySelects = keySelects;
        this.engine = engine;
        this.mapping = mapping;
        this.unitOfWork = new UnitOfWork(mapping, this, flushBatchSize, sequences, flushListener);
    }

    /** Runs on a connection whose transaction the caller begins and ends. */
    void borrow(SqlConnection given) {
        this.connection = given;
        this.borrowed = true;
    }

    /** The most keys in one {@code IN (...)} query of a selectin or lazy load. */
    int loadBatchSize() {
        return loadBatchSize;
    }

    UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    <E> EntityModel<E> model(Class<E> type) {
        return mapping.entity(type);
    }

    /**
     * Runs work on the session's connection once the work subscribed before it has finished, opening the connection and its
     * transaction if needed. Autoflush runs first, in the same turn.
     */
    <T> Flux<T> run(Function<SqlConnection, ? extends Publisher<T>> work) {
        return run(true, work);
    }

    /**
     * Runs work as {@link #run(Function)} does, with autoflush only if {@code flushFirst}: loads that follow a query in the
     * same flow (selectin batches) skip it, the query having flushed already.
     */
    <T> Flux<T> run(boolean flushFirst, Function<SqlConnection, ? extends Publisher<T>> work) {
        return exclusive(connection ->
                (flushFirst && autoflush ? flushOn(connection) : Mono.<Void>empty()).thenMany(work.apply(connection)));
    }

    /**
     * Completes in the session's turn, once the work subscribed before has finished, after an autoflush if autoflush is on:
     * what follows starts from the session's state at that moment (a lazy-load batch takes its owners then).
     */
    Mono<Void> turn() {
        return exclusive(on -> autoflush ? flushOn(on) : Mono.<Void>empty()).then();
    }

    private <T> Flux<T> exclusive(Function<SqlConnection, ? extends Publisher<T>> work) {
        return Flux.defer(() -> {
            if (closed) {
                return Flux.error(new SessionException("the session is closed; open a new one", null));
            }
            Throwable failure = failedFlush;
            if (failure != null) {
                return Flux.error(new SessionException(
                        "an earlier flush failed or was cancelled (" + failure.getMessage()
                                + "); call rollback() before using the session again",
                        failure));
            }
            Sinks.Empty<Void> done = Sinks.empty();
            Mono<Void> previous;
            synchronized (this) {
                previous = tail;
                tail = done.asMono();
            }
            return previous.then(connection()).flatMapMany(work).doFinally(signal -> done.tryEmitEmpty());
        });
    }

    private Mono<SqlConnection> connection() {
        return Mono.defer(() -> {
            SqlConnection held = connection;
            if (held != null) {
                return Mono.just(held);
            }
            // The session holds the connection from the moment it has it, so that if BEGIN is cancelled, the
            // rollback() or close() that follows still gives it back.
            return engine.acquire().onErrorMap(this::noConnection).flatMap(acquired -> {
                connection = acquired;
                holder.acquired(this, acquired);
                return acquired.beginTransaction(transactionOptions)
                        .thenReturn(acquired)
                        .onErrorResume(error -> Mono.defer(() -> {
                                    forget(acquired);
                                    return acquired.release();
                                })
                                .then(Mono.error(error)));
            });
        });
    }

    /**
     * Flushes on the session's connection. A failed flush rolls the transaction back and releases the connection; a cancelled
     * one leaves both to the rollback() the session then demands, since statements of it may have run. Either way the objects
     * are as they were before the flush.
     */
    private Mono<Void> flushOn(SqlConnection on) {
        if (transactionOptions.isReadOnly() && unitOfWork.hasChanges()) {
            return Mono.error(new SessionException(
                    "the session's transaction is read-only (TransactionOptions.readOnly()), and the session has changes to"
                            + " flush (" + describeChanges()
                            + "); expunge or roll back the changes, or run the work in a transaction that is not read-only",
                    null));
        }
        return unitOfWork
                .flush(on)
                .onErrorResume(error -> {
                    failedFlush = error;
                    if (!savepoints.isEmpty()) {
                        return Mono.error(error); // the transaction stays open for a rollback to the savepoint
                    }
                    return endTransaction(on, false)
                            .onErrorResume(e -> Mono.empty())
                            .then(Mono.error(error));
                })
                .doOnCancel(() -> failedFlush = new CancellationException("a flush was cancelled"));
    }

    /**
     * Commits or rolls back, then releases the connection. The session lets go of the connection only once that is done, so
     * that if it is cancelled half-way (a COMMIT in flight), a later rollback() or close() still ends and releases it.
     */
    private Mono<Void> endTransaction(SqlConnection on, boolean commit) {
        if (borrowed) {
            return Mono.empty();
        }
        Mono<Void> release = Mono.defer(() -> {
            forget(on);
            return on.release();
        });
        return (commit ? on.commit() : on.rollback())
                .onErrorResume(error -> release.then(Mono.error(error)))
                .then(release);
    }

    private void forget(SqlConnection on) {
        if (connection == on) {
            connection = null;
            holder.released();
        }
    }

    /** Says, when the pool had no connection to give in time, how many sessions of the factory hold one, and which. */
    private Throwable noConnection(Throwable error) {
        if (error.getCause() instanceof io.r2dbc.spi.R2dbcTimeoutException) {
            return new SessionException(error.getMessage() + "; " + openSessions.describeHolders(), error);
        }
        return error;
    }

    @Override
    public void add(Object entity) {
        Assert.requireNonNull(entity, "entity must not be null");
        unitOfWork.add(entity);
    }

    @Override
    public void addAll(Iterable<?> entities) {
        Assert.requireNonNull(entities, "entities must not be null");
        for (Object entity : entities) {
            add(entity);
        }
    }

    @Override
    public void delete(Object entity) {
        Assert.requireNonNull(entity, "entity must not be null");
        unitOfWork.delete(entity);
    }

    @Override
    public void expunge(Object entity) {
        Assert.requireNonNull(entity, "entity must not be null");
        unitOfWork.expunge(entity);
    }

    @Override
    public void setReadOnly(Object entity, boolean readOnly) {
        EntityState<?> state = stateFor(entity, "set read-only");
        if (state.status() == EntityState.Status.PENDING) {
            throw new IllegalStateException(
                    entity + " is pending: the flush that inserts it writes all its columns; make it"
                            + " read-only after that flush");
        }
        unitOfWork.setReadOnly(state, readOnly);
    }

    @Override
    public boolean isReadOnly(Object entity) {
        return stateFor(entity, "asked about").isReadOnly();
    }

    private EntityState<?> stateFor(Object entity, String action) {
        Assert.requireNonNull(entity, "entity must not be null");
        EntityState<?> state = unitOfWork.identityMap().stateOf(entity);
        if (state == null) {
            throw new DetachedInstanceException(entity + " is not in this session; it cannot be " + action);
        }
        return state;
    }

    @Override
    public boolean contains(Object entity) {
        return entity != null && unitOfWork.identityMap().stateOf(entity) != null;
    }

    @Override
    public List<Object> newObjects() {
        List<Object> objects = new ArrayList<>();
        for (EntityState<?> state : unitOfWork.identityMap().pending()) {
            objects.add(state.entity());
        }
        return objects;
    }

    @Override
    public List<Object> dirty() {
        List<Object> objects = new ArrayList<>();
        for (EntityState<?> state : unitOfWork.identityMap().keyed()) {
            if (state.status() == EntityState.Status.PERSISTENT && state.isDirty()) {
                objects.add(state.entity());
            }
        }
        return objects;
    }

    private String describeChanges() {
        int pending = 0;
        for (EntityState<?> state : unitOfWork.identityMap().all()) {
            if (state.status() == EntityState.Status.PENDING) {
                pending++;
            }
        }
        return pending + " new, " + dirty().size() + " changed, " + deleted().size() + " deleted";
    }

    @Override
    public List<Object> deleted() {
        return unitOfWork.deleted();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> Mono<E> get(Class<E> type, Object id) {
        Assert.requireNonNull(type, "type must not be null");
        Assert.requireNonNull(id, "id must not be null");
        return Mono.defer(() -> {
            EntityModel<E> model = model(type);
            Object key = keyValue(model, id);
            if (key == null) {
                return Mono.empty();
            }
            EntityState<?> state = unitOfWork.identityMap().get(model.identityType(), key);
            if (state != null) {
                // In a class hierarchy the key may belong to an object of another subclass: not one of these.
                return state.status() == EntityState.Status.DELETED || !type.isInstance(state.entity())
                        ? Mono.empty()
                        : Mono.just((E) state.entity());
            }
            EntityRows<E> rows = EntityRows.of(model);
            return run(connection -> connection.query(
                            keySelects.select(model, key),
                            row -> unitOfWork.objectForRow(rows, rows.read(row, 0), defaultReadOnly)))
                    .reduce((first, second) -> {
                        throw new NonUniqueResultException(
                                "more than one row of " + model.table().name() + " has the key " + key
                                        + ": get() needs a key that identifies one row");
                    });
        });
    }

    /**
     * Returns a key value as the key field's class, so that {@code get(User.class, 1L)} finds the object an {@code Integer} key
     * lists (no second SELECT, no second object): integers of another width are converted; {@code null} if the value does
     * not fit the field's type, so no row can have it.
     */
    private static @Nullable Object keyValue(EntityModel<?> model, Object id) {
        List<? extends Attribute<?, ?>> ids = model.ids();
        if (ids.size() == 1) {
            return keyPart(ids.get(0), id);
        }
        Assert.isTrue(
                id instanceof List<?> list && list.size() == ids.size(),
                model.type().getSimpleName() + " has a composite key of " + ids.size()
                        + " columns: give its values as a List in key order");
        List<?> values = (List<?>) id;
        List<Object> key = new ArrayList<>(values.size());
        for (int i = 0; i < ids.size(); i++) {
            Object part = keyPart(ids.get(i), Assert.requireNonNull(values.get(i), "a key value is null"));
            if (part == null) {
                return null;
            }
            key.add(part);
        }
        return List.copyOf(key);
    }

    private static @Nullable Object keyPart(Attribute<?, ?> attribute, Object value) {
        Class<?> expected = attribute.type().javaType();
        if (expected.isInstance(value)) {
            return value;
        }
        if (isInteger(value) && isInteger(expected)) {
            long number = ((Number) value).longValue();
            if (expected == Long.class) {
                return number;
            }
            if (expected == Integer.class) {
                return number == (int) number ? Integer.valueOf((int) number) : null;
            }
            if (expected == Short.class) {
                return number == (short) number ? Short.valueOf((short) number) : null;
            }
            return number == (byte) number ? Byte.valueOf((byte) number) : null;
        }
        throw new IllegalArgumentException("the key " + attribute + " is " + expected.getSimpleName()
                + ", but get() was given " + value.getClass().getSimpleName() + " " + value + "; pass the key as "
                + expected.getSimpleName());
    }

    private static boolean isInteger(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    private static boolean isInteger(Class<?> type) {
        return type == Long.class || type == Integer.class || type == Short.class || type == Byte.class;
    }

    /** The condition on a key value of the model's key class: one value, or a list in key order ({@link #keyValue}). */
    @SuppressWarnings("unchecked")
    static Expression<Boolean> keyCondition(EntityModel<?> model, Object id) {
        List<? extends Attribute<?, ?>> ids = model.ids();
        if (ids.size() == 1) {
            return ((Attribute<?, Object>) ids.get(0)).eq(id);
        }
        List<?> values = (List<?>) id;
        List<Expression<Boolean>> parts = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            parts.add(((Attribute<?, Object>) ids.get(i)).eq(values.get(i)));
        }
        return Conjunction.of(Conjunction.Kind.AND, parts);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Mono<Void> refresh(Object entity) {
        Assert.requireNonNull(entity, "entity must not be null");
        return Mono.defer(() -> {
            EntityState<Object> state = unitOfWork.identityMap().stateOf(entity);
            if (state == null || state.status() == EntityState.Status.PENDING) {
                return Mono.error(new DetachedInstanceException(
                        entity + " is not a persistent object of this session; it cannot be" + " refreshed"));
            }
            EntityModel<Object> model = state.model();
            Object id = java.util.Objects.requireNonNull(model.identity(entity));
            return exclusive(on -> on.query(
                            keySelects.select(model, id),
                            row -> EntityRows.of(model).read(row, 0)))
                    .next()
                    .switchIfEmpty(
                            Mono.error(() -> new NoResultException("the row of " + entity + " no longer exists")))
                    .doOnNext(values -> unitOfWork.refresh(model, entity, values))
                    .then();
        });
    }

    @Override
    public Mono<Void> flush() {
        return Mono.defer(
                () -> unitOfWork.hasChanges() ? exclusive(this::flushOn).then() : Mono.empty());
    }

    @Override
    public Mono<Void> commit() {
        return Mono.defer(() -> {
            if (connection == null && !unitOfWork.hasChanges()) {
                unitOfWork.committed();
                return Mono.empty();
            }
            return exclusive(on -> flushOn(on).then(endTransaction(on, true))).then(Mono.fromRunnable(() -> {
                endSavepoints(0);
                unitOfWork.committed();
            }));
        });
    }

    @Override
    public Mono<Void> rollback() {
        return Mono.defer(() -> {
            failedFlush = null;
            endSavepoints(0);
            SqlConnection held = connection;
            Mono<Void> end = held == null
                    ? Mono.empty()
                    : exclusive(on -> endTransaction(on, false)).then();
            // The in-memory rollback runs before the subscriber hears of completion (doFinally would run after it).
            return end.then(Mono.<Void>fromRunnable(unitOfWork::rolledBack))
                    .onErrorResume(
                            error -> Mono.fromRunnable(unitOfWork::rolledBack).then(Mono.<Void>error(error)));
        });
    }

    @Override
    public <E> Mono<E> merge(E entity) {
        Assert.requireNonNull(entity, "entity must not be null");
        return Mono.defer(() -> merge(entity, new java.util.IdentityHashMap<>()));
    }

    /** Merges one object, then its loaded many-to-one targets; {@code merged} maps objects merged so far to their copies. */
    @SuppressWarnings("unchecked")
    private <E> Mono<E> merge(E entity, java.util.Map<Object, Object> merged) {
        Object done = merged.get(entity);
        if (done != null) {
            return Mono.just((E) done);
        }
        EntityState<E> own = unitOfWork.identityMap().stateOf(entity);
        if (own != null) {
            merged.put(entity, entity);
            return Mono.just(entity);
        }
        EntityModel<E> model = model((Class<E>) entity.getClass());
        Object id = model.identity(entity);
        Mono<E> copy = id == null
                ? Mono.fromSupplier(() -> newCopy(model, entity))
                : get(model.type(), id)
                        .map(loaded -> copyInto(model, entity, loaded))
                        .switchIfEmpty(Mono.fromSupplier(() -> {
                            if (model.version() != null || model.ids().stream().anyMatch(Attribute::isGenerated)) {
                                throw new StaleObjectException("cannot merge "
                                        + model.type().getSimpleName() + " with key "
                                        + id + ": no row has that key any more (it was deleted since the object was"
                                        + " loaded); add a new object instead");
                            }
                            return newCopy(model, entity);
                        }));
        return copy.flatMap(target -> {
            merged.put(entity, target);
            return mergeReferences(model, entity, target, merged).thenReturn(target);
        });
    }

    /** Points the copy's many-to-one references at the merged copies of the loaded targets of the detached object's. */
    @SuppressWarnings("unchecked")
    private <E> Mono<Void> mergeReferences(
            EntityModel<E> model, E entity, E target, java.util.Map<Object, Object> merged) {
        return reactor.core.publisher.Flux.fromIterable(model.manyToOnes())
                .concatMap(relationship -> {
                    Object holder = relationship.holder(entity);
                    if (!RelationAccess.isLoaded(holder)) {
                        return Mono.empty();
                    }
                    Object referenced = ((ToOne<Object>) holder).peek();
                    ToOne<Object> copyHolder = (ToOne<Object>) relationship.holder(target);
                    if (referenced == null) {
                        return Mono.fromRunnable(() -> copyHolder.set(null));
                    }
                    return merge(referenced, merged).doOnNext(copyHolder::set);
                })
                .then();
    }

    /** A new object of the class with the detached object's values, added to the session (inserted at the next flush). */
    private <E> E newCopy(EntityModel<E> model, E entity) {
        E copy = EntityRows.of(model).newInstance();
        model.setStates(copy, model.states(entity));
        unitOfWork.add(copy);
        return copy;
    }

    /**
     * Gives the session's object the detached object's values, keeping its key, version and formulas; the flush writes what
     * differs. A versioned object whose version differs from the session's was changed by someone else since it was loaded.
     */
    private <E> E copyInto(EntityModel<E> model, E entity, E loaded) {
        Attribute<E, ?> version = model.version();
        if (version != null && !java.util.Objects.equals(version.get(entity), version.get(loaded))) {
            throw new StaleObjectException("cannot merge " + model.type().getSimpleName() + " " + model.identity(entity)
                    + ": its version is " + version.get(entity) + " but the database's is " + version.get(loaded)
                    + " (it changed since the object was loaded); load it again and apply the change to that copy");
        }
        EntityState<E> held = unitOfWork.identityMap().stateOf(loaded);
        if (held != null && held.isReadOnly()) {
            throw new IllegalStateException("cannot merge into " + model.type().getSimpleName() + " "
                    + model.identity(entity) + ": the session's object is read-only; make it modifiable first");
        }
        @Nullable Object[] states = model.states(entity);
        @Nullable Object[] current = model.states(loaded);
        List<Attribute<E, ?>> attributes = model.attributes();
        for (int i = 0; i < states.length; i++) {
            Attribute<E, ?> attribute = attributes.get(i);
            if (attribute.isId() || attribute.isVersion() || attribute.isFormula() || attribute.isDiscriminator()) {
                states[i] = current[i];
            }
        }
        model.setStates(loaded, states);
        return loaded;
    }

    @Override
    public void setTransactionOptions(TransactionOptions options) {
        Assert.requireNonNull(options, "options must not be null");
        if (connection != null) {
            throw new IllegalStateException(
                    "the session's transaction has begun; set its options before the session first"
                            + " uses the database, or after commit() or rollback() for the next transaction");
        }
        this.transactionOptions = options;
        if (options.isReadOnly()) {
            defaultReadOnly = true;
        }
    }

    @Override
    public TransactionOptions transactionOptions() {
        return transactionOptions;
    }

    @Override
    public Mono<Savepoint> beginNested() {
        return exclusive(on -> {
                    String name = "sluice_savepoint_" + (++savepointsSet);
                    return flushOn(on).then(on.createSavepoint(name)).then(Mono.<Savepoint>fromSupplier(() -> {
                        NestedTransaction savepoint = new NestedTransaction(name, unitOfWork.mark());
                        savepoints.add(savepoint);
                        return savepoint;
                    }));
                })
                .next();
    }

    /** Ends the savepoints from this depth on (they were released, rolled back, or their transaction ended). */
    private void endSavepoints(int depth) {
        while (savepoints.size() > depth) {
            savepoints.remove(savepoints.size() - 1).active = false;
        }
    }

    /** A savepoint of this session, with what the session's objects were when it was set. */
    private final class NestedTransaction implements Savepoint {

        private final String name;
        private final UnitOfWork.Mark mark;
        private volatile boolean active = true;

        NestedTransaction(String name, UnitOfWork.Mark mark) {
            this.name = name;
            this.mark = mark;
        }

        @Override
        public Mono<Void> commit() {
            return Mono.defer(() -> {
                int depth = depth();
                if (depth < 0) {
                    return ended("committed");
                }
                return exclusive(on -> flushOn(on).then(on.releaseSavepoint(name)))
                        .then(Mono.fromRunnable(() -> endSavepoints(depth)));
            });
        }

        @Override
        public Mono<Void> rollback() {
            return Mono.defer(() -> {
                int depth = depth();
                if (depth < 0) {
                    return ended("rolled back");
                }
                failedFlush = null;
                return exclusive(on -> on.rollbackToSavepoint(name)).then(Mono.fromRunnable(() -> {
                    endSavepoints(depth);
                    unitOfWork.rolledBackTo(mark);
                }));
            });
        }

        @Override
        public boolean isActive() {
            return active;
        }

        private int depth() {
            return active ? savepoints.indexOf(this) : -1;
        }

        private Mono<Void> ended(String action) {
            return Mono.error(new SessionException(
                    "the savepoint " + name + " cannot be " + action + ": it already ended (committed, rolled back, or"
                            + " ended with an enclosing savepoint or the session's transaction); begin a new one with"
                            + " beginNested()",
                    null));
        }
    }

    @Override
    public Mono<Void> close() {
        return Mono.defer(() -> {
            if (closed) {
                return Mono.empty();
            }
            Runnable forget = () -> {
                closed = true;
                endSavepoints(0);
                failedFlush = null;
                unitOfWork.clear();
                holder.closed();
            };
            // Closing ends the transaction (rolled back) and detaches every object as it is in memory, loaded
            // relationships included; unlike rollback(), it does not put committed values back.
            Mono<Void> end = connection == null
                    ? Mono.empty()
                    : exclusive(on -> endTransaction(on, false)).then();
            return end.then(Mono.<Void>fromRunnable(forget))
                    .onErrorResume(error -> Mono.fromRunnable(forget).then(Mono.<Void>error(error)));
        });
    }

    @Override
    public void changed(Object owner) {
        unitOfWork.relationsChanged(owner);
    }

    @Override
    public <T> Mono<List<T>> fetch(Object owner, io.sluice.session.mapping.Relationship<?, T> relationship) {
        return Mono.defer(() -> {
            if (closed || unitOfWork.identityMap().stateOf(owner) == null) {
                return Mono.error(new DetachedInstanceException(relationship + " of " + owner
                        + " cannot be loaded: the object" + " is not in an open session"));
            }
            if (relationship instanceof ManyToOneRelationship<?, T> reference) {
                Object id = reference.targetKey(owner);
                if (id == null) {
                    return Mono.just(List.<T>of());
                }
                if (unitOfWork.identityMap().get(relationship.target(), id) != null) {
                    // the session holds the target: no query
                    return get(relationship.target(), id).map(List::of).defaultIfEmpty(List.of());
                }
                return batcher.fetch(owner, relationship);
            }
            if (model(owner.getClass()).keyOf(owner) == null) {
                return Mono.just(List.<T>of());
            }
            return batcher.fetch(owner, relationship);
        });
    }

    @Override
    public <T> Query<T> query(Object owner, io.sluice.session.mapping.Relationship<?, T> relationship) {
        if (closed || unitOfWork.identityMap().stateOf(owner) == null) {
            throw new DetachedInstanceException(
                    relationship + " of " + owner + " cannot be queried: the object is not in an open" + " session");
        }
        Assert.isTrue(relationship.isCollection(), relationship + " is a reference, not a collection: use mono()");
        return query(relationship.target())
                .filter(relationship.withParent(owner))
                .orderBy(relationship.orderBy());
    }

    @Override
    public boolean isDefaultReadOnly() {
        return defaultReadOnly;
    }

    @Override
    public void setDefaultReadOnly(boolean readOnly) {
        this.defaultReadOnly = readOnly;
    }

    @Override
    public boolean isAutoflush() {
        return autoflush;
    }

    @Override
    public void setAutoflush(boolean autoflush) {
        this.autoflush = autoflush;
    }

    private <E> QueryItem entity(Class<E> type) {
        EntityModel<E> model = model(Assert.requireNonNull(type, "type must not be null"));
        return new QueryItem.EntityItem(model, model.table());
    }

    private static QueryItem expression(Expression<?> expression) {
        return new QueryItem.ExpressionItem(Assert.requireNonNull(expression, "expression must not be null"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object[] values, int index) {
        return (T) values[index];
    }

    @Override
    public <E> Query<E> query(Class<E> type) {
        return new Query<>(this, List.of(entity(type)), Query.onlyItem());
    }

    @Override
    public <E> Query<E> query(Aliased<E> aliased) {
        Assert.requireNonNull(aliased, "aliased must not be null");
        return new Query<>(
                this, List.of(new QueryItem.EntityItem(aliased.model(), aliased.source())), Query.onlyItem());
    }

    @Override
    public <A> Query<A> query(Expression<A> expression) {
        return new Query<>(this, List.of(expression(expression)), Query.onlyItem());
    }

    @Override
    public <A, B> Query<Row2<A, B>> query(Expression<A> first, Expression<B> second) {
        return new Query<>(
                this,
                List.of(expression(first), expression(second)),
                values -> new Row2<>(at(values, 0), at(values, 1)));
    }

    @Override
    public <A, B, C> Query<Row3<A, B, C>> query(Expression<A> first, Expression<B> second, Expression<C> third) {
        return new Query<>(
                this,
                List.of(expression(first), expression(second), expression(third)),
                values -> new Row3<>(at(values, 0), at(values, 1), at(values, 2)));
    }

    @Override
    public <E, A> Query<Row2<E, A>> query(Class<E> type, Expression<A> expression) {
        return new Query<>(
                this,
                List.of(entity(type), expression(expression)),
                values -> new Row2<>(at(values, 0), at(values, 1)));
    }

    @Override
    public <E, A> Query<Row2<E, A>> query(Aliased<E> aliased, Expression<A> expression) {
        Assert.requireNonNull(aliased, "aliased must not be null");
        return new Query<>(
                this,
                List.of(new QueryItem.EntityItem(aliased.model(), aliased.source()), expression(expression)),
                values -> new Row2<>(at(values, 0), at(values, 1)));
    }

    @Override
    public <A, B> Query<Row2<A, B>> query(Class<A> first, Class<B> second) {
        return new Query<>(
                this, List.of(entity(first), entity(second)), values -> new Row2<>(at(values, 0), at(values, 1)));
    }

    @Override
    public <A, B> Query<Row2<A, B>> query(Class<A> type, Aliased<B> aliased) {
        Assert.requireNonNull(aliased, "aliased must not be null");
        return new Query<>(
                this,
                List.of(entity(type), new QueryItem.EntityItem(aliased.model(), aliased.source())),
                values -> new Row2<>(at(values, 0), at(values, 1)));
    }

    @Override
    public <E> Aliased<E> aliased(Class<E> type, io.sluice.core.sql.DerivedTable subquery) {
        Assert.requireNonNull(subquery, "subquery must not be null");
        return new Aliased<>(model(Assert.requireNonNull(type, "type must not be null")), subquery);
    }

    @Override
    public <E> Aliased<E> aliased(Class<E> type, io.sluice.core.sql.CommonTableExpression cte) {
        Assert.requireNonNull(cte, "cte must not be null");
        EntityModel<E> model = model(Assert.requireNonNull(type, "type must not be null"));
        for (io.sluice.session.mapping.Attribute<E, ?> attribute : model.attributes()) {
            if (!attribute.isFormula()) {
                cte.column(attribute.name());
            }
        }
        return new Aliased<>(model, cte);
    }

    @Override
    public Mono<Long> execute(io.sluice.core.sql.Statement statement) {
        Assert.requireNonNull(statement, "statement must not be null");
        return run(connection -> connection.execute(statement)).next();
    }

    @Override
    public <E> BulkUpdate<E> bulkUpdate(Class<E> type) {
        EntityModel<E> model = Bulk.model(this, Assert.requireNonNull(type, "type must not be null"));
        return new BulkUpdate<>(this, model, SQL.update(model.table()), Synchronize.FETCH);
    }

    @Override
    public <E> BulkDelete<E> bulkDelete(Class<E> type) {
        EntityModel<E> model = Bulk.model(this, Assert.requireNonNull(type, "type must not be null"));
        return new BulkDelete<>(this, model, SQL.deleteFrom(model.table()), Synchronize.FETCH);
    }

    @Override
    public <E> Aliased<E> aliased(Class<E> type, String alias) {
        EntityModel<E> model = model(Assert.requireNonNull(type, "type must not be null"));
        return new Aliased<>(model, model.table().as(alias));
    }

    @Override
    public <E> Mono<E> upsert(E entity, io.sluice.core.sql.Column<?>... by) {
        Assert.requireNonNull(entity, "entity must not be null");
        return upsertAll(List.of(entity), by).next();
    }

    @Override
    public <E> Flux<E> upsertAll(java.util.Collection<? extends E> entities, io.sluice.core.sql.Column<?>... by) {
        return Upserts.write(this, checked(entities), Assert.requireNonNull(by, "by must not be null"), true);
    }

    @Override
    public <E> Mono<E> insertOrIgnore(E entity, io.sluice.core.sql.Column<?>... by) {
        Assert.requireNonNull(entity, "entity must not be null");
        return insertOrIgnoreAll(List.of(entity), by).next();
    }

    @Override
    public <E> Flux<E> insertOrIgnoreAll(
            java.util.Collection<? extends E> entities, io.sluice.core.sql.Column<?>... by) {
        return Upserts.write(this, checked(entities), Assert.requireNonNull(by, "by must not be null"), false);
    }

    private static <E> java.util.Collection<? extends E> checked(java.util.Collection<? extends E> entities) {
        Assert.requireNonNull(entities, "entities must not be null");
        for (E entity : entities) {
            Assert.requireNonNull(entity, "entities must not contain null");
        }
        return entities;
    }
}
