package io.sluice.core;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Statement;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link Engine} over an r2dbc-pool {@link ConnectionPool}. */
final class DefaultEngine implements Engine {

    private static final java.time.Duration CLOSE_GRACE = java.time.Duration.ofMillis(10);

    /** The engine's own pool, or a pool (or any factory) the application owns and shares with it. */
    private final ConnectionFactory pool;
    /** Whether {@link #close()} disposes of the pool: not when it is shared. */
    private final boolean ownsPool;

    private final Dialect dialect;
    private final String url;
    private final StatementListener listener;
    private final @Nullable DriverThreads threads;

    DefaultEngine(
            ConnectionFactory pool,
            boolean ownsPool,
            Dialect dialect,
            String url,
            StatementListener listener,
            @Nullable DriverThreads threads) {
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.dialect = dialect;
        this.url = url;
        this.listener = listener;
        this.threads = threads;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String url() {
        return url;
    }

    private Mono<Connection> pooled() {
        // Detached once it has its connection: Reactor Netty keeps the subscriber that asked for a new connection for
        // the channel's whole life, which would keep whoever asked (a session never closed) from the garbage collector.
        // Passed on only once the acquire has completed (single()): r2dbc-pool gives back a connection whose acquire is
        // cancelled after it was emitted, and a synchronous H2 statement run inside that emission may cancel upstream
        // (as next() does) before the completion.
        Mono<Connection> pooled = Mono.<Connection>from(pool.create())
                .onTerminateDetach()
                .single()
                .onErrorMap(error -> !(error instanceof ConnectException), this::connectFailure);
        // A blocking driver opens its connections while the pool is asked for one: on the driver's threads.
        return threads == null ? pooled : threads.run(pooled);
    }

    private Throwable connectFailure(Throwable error) {
        String reason = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        if (error instanceof io.r2dbc.spi.R2dbcTimeoutException) {
            PoolMetrics metrics = poolMetrics().orElse(null);
            if (metrics != null && metrics.acquiredSize() >= metrics.getMaxAllocatedSize()) {
                return new ConnectException(
                        "no connection of " + url + " was free in time (" + reason + "): all "
                                + metrics.getMaxAllocatedSize() + " connections of the pool are in use and "
                                + metrics.pendingAcquireSize()
                                + " more are asked for; connections are held by sessions not closed, transactions not"
                                + " ended or streams not consumed, or the pool is too small (EngineBuilder.maxSize)",
                        error);
            }
        }
        return new ConnectException("could not connect to " + url + ": " + reason, error);
    }

    @Override
    public Mono<SqlConnection> acquire() {
        return pooled().map(connection -> new DefaultSqlConnection(connection, dialect, listener, threads));
    }

    @Override
    public <T> Flux<T> connect(Function<? super SqlConnection, ? extends Publisher<T>> work) {
        Assert.requireNonNull(work, "work must not be null");
        // Released through the SqlConnection, which waits for a cancelled stream to restore its settings first.
        return Flux.usingWhen(
                acquire(),
                work,
                SqlConnection::release,
                (connection, error) -> connection.release(),
                SqlConnection::release);
    }

    @Override
    public <T> Flux<T> transaction(Function<? super SqlConnection, ? extends Publisher<T>> work) {
        return transaction(TransactionOptions.defaults(), work);
    }

    @Override
    public <T> Flux<T> transaction(
            TransactionOptions options, Function<? super SqlConnection, ? extends Publisher<T>> work) {
        Assert.requireNonNull(options, "options must not be null");
        Assert.requireNonNull(work, "work must not be null");
        return Flux.usingWhen(
                acquire(),
                connection -> Flux.usingWhen(
                        connection.beginTransaction(options).thenReturn(connection),
                        // The commit is the work's last step rather than usingWhen's completion callback: Reactor
                        // would signal a failed commit as a RuntimeException wrapping the real error, with no rollback.
                        // A rollback that fails after an error (a dead connection) must not hide that error either.
                        transaction -> Flux.<T>from(work.apply(transaction))
                                .concatWith(transaction.commit().then(Mono.empty())),
                        transaction -> Mono.empty(),
                        (transaction, error) -> transaction.rollback().onErrorResume(failure -> {
                            error.addSuppressed(failure);
                            return Mono.empty();
                        }),
                        SqlConnection::rollback),
                SqlConnection::release,
                (connection, error) -> connection.release(),
                SqlConnection::release);
    }

    @Override
    public Flux<ResultRow> query(Statement statement) {
        Assert.requireNonNull(statement, "statement must not be null");
        return connect(connection -> connection.query(statement));
    }

    @Override
    public <T> Flux<T> query(Statement statement, RowMapper<T> mapper) {
        Assert.requireNonNull(statement, "statement must not be null");
        Assert.requireNonNull(mapper, "mapper must not be null");
        return connect(connection -> connection.query(statement, mapper));
    }

    @Override
    public <T> Flux<T> stream(Statement statement, RowMapper<T> mapper, int fetchSize) {
        Assert.requireNonNull(statement, "statement must not be null");
        Assert.requireNonNull(mapper, "mapper must not be null");
        Assert.isTrue(fetchSize > 0, "fetchSize must be at least 1");
        return transaction(connection -> connection.stream(statement, mapper, fetchSize));
    }

    @Override
    public Mono<Long> execute(Statement statement) {
        Assert.requireNonNull(statement, "statement must not be null");
        return connect(connection -> connection.execute(statement)).next();
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return pool;
    }

    @Override
    public Optional<PoolMetrics> poolMetrics() {
        return pool instanceof ConnectionPool connectionPool ? connectionPool.getMetrics() : Optional.empty();
    }

    @Override
    public Mono<Void> close() {
        // Disposal waits a moment on a timer thread: a close chained right after a query (query.then(engine.close()))
        // could otherwise race with reactor-pool's bookkeeping of that query's connection release and return its permit
        // twice.
        // A shared pool is the application's to close; the engine only lets go of its driver threads.
        Mono<Void> disposal = ownsPool && pool instanceof ConnectionPool connectionPool
                ? Mono.defer(connectionPool::disposeLater)
                : Mono.empty();
        DriverThreads on = threads;
        if (on == null) {
            return disposal.delaySubscription(CLOSE_GRACE);
        }
        // The driver closes its connections on its threads, which are then let go.
        return on.run(disposal).delaySubscription(CLOSE_GRACE).then(Mono.defer(on::dispose));
    }

    @Override
    public String toString() {
        return "Engine(" + url + ")";
    }
}
