package io.sluice.session;

import io.sluice.core.Engine;
import io.sluice.core.internal.Assert;
import io.sluice.session.mapping.Mapping;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes sessions over an engine and a mapping (SQLAlchemy's {@code sessionmaker}). Opening a session opens no connection.
 */
public final class SessionFactory {

    /** The default number of keys in one selectin or coalesced lazy-load query. */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final Engine engine;
    private final Mapping mapping;
    private final int batchSize;

    private SessionFactory(Engine engine, Mapping mapping, int batchSize) {
        this.engine = engine;
        this.mapping = mapping;
        this.batchSize = batchSize;
    }

    /**
     * Returns a factory of sessions.
     *
     * @param engine the engine sessions take connections from
     * @param mapping the mapped classes
     * @return the factory
     */
    public static SessionFactory of(Engine engine, Mapping mapping) {
        return new SessionFactory(
                Assert.requireNonNull(engine, "engine must not be null"),
                Assert.requireNonNull(mapping, "mapping must not be null"),
                DEFAULT_BATCH_SIZE);
    }

    /**
     * Returns a factory like this one whose sessions load relationships of many objects (selectinLoad, coalesced lazy loads)
     * with at most {@code batchSize} keys per {@code IN (...)} query.
     *
     * @param batchSize the keys per query, at least 1
     * @return the new factory
     * @throws IllegalArgumentException if {@code batchSize} is less than 1
     */
    public SessionFactory withBatchSize(int batchSize) {
        Assert.isTrue(batchSize >= 1, "batchSize must be at least 1, was " + batchSize);
        return new SessionFactory(engine, mapping, batchSize);
    }

    /**
     * Returns a new session; it connects on first need.
     *
     * @return the session
     */
    public Session open() {
        return new DefaultSession(engine, mapping, batchSize);
    }

    /**
     * Runs work in a new session and its transaction.
     *
     * <ul>
     *   <li>when the work's publisher completes, the session commits (flushing first), then completes
     *   <li>when the work or the commit fails, the session rolls back, then the error is signalled
     *   <li>when the subscriber cancels, the session rolls back
     * </ul>
     *
     * The session is closed in every case.
     *
     * @param work a function of the session
     * @param <T> what the work emits
     * @return what the work emits
     */
    public <T> Flux<T> inTransaction(Function<? super Session, ? extends Publisher<T>> work) {
        Assert.requireNonNull(work, "work must not be null");
        // The commit is the work's last step rather than usingWhen's completion callback: Reactor would signal
        // a failed commit (a StaleObjectException, a constraint violation) as a RuntimeException wrapping it.
        return Flux.usingWhen(
                Mono.fromSupplier(this::open),
                session -> Flux.<T>from(work.apply(session))
                        .concatWith(session.commit().then(Mono.empty())),
                Session::close,
                (session, error) ->
                        session.rollback().onErrorResume(e -> Mono.empty()).then(session.close()),
                session -> session.rollback().onErrorResume(e -> Mono.empty()).then(session.close()));
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
