package io.sluice.core;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Option;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.TransactionDefinition;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.dialect.ResultStreaming;
import io.sluice.core.dialect.TransactionSettings;
import io.sluice.core.dialect.ValueCodec;
import io.sluice.core.internal.Assert;
import io.sluice.core.internal.ColumnClasses;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.Text;
import io.sluice.core.sql.render.BindValue;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.core.sql.render.SqlRenderer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link SqlConnection} over one R2DBC connection: renders, binds, notifies listeners and maps rows. */
final class DefaultSqlConnection implements SqlConnection {

    private final Connection connection;
    private final Dialect dialect;
    private final StatementListener listener;
    /** Where the driver's work runs if it blocks its caller (H2); {@code null} for drivers that do not. */
    private final @Nullable DriverThreads threads;
    /**
     * Completes when the settings of the last stream are restored; set when that restoring starts, which a cancel does without
     * waiting for it. Every later command on the connection waits for it first. {@code null} while no stream has ended.
     */
    private volatile @Nullable Mono<Void> restored;
    /** Statements that put back the settings the current transaction's options changed; run once it ends. */
    private volatile List<Text> afterEnd = List.of();

    DefaultSqlConnection(
            Connection connection, Dialect dialect, StatementListener listener, @Nullable DriverThreads threads) {
        this.connection = connection;
        this.dialect = dialect;
        this.listener = listener;
        this.threads = threads;
    }

    private <T> Flux<T> onDriver(Flux<T> command) {
        DriverThreads on = threads;
        return on == null ? command : on.run(command);
    }

    private <T> Mono<T> onDriver(Mono<T> command) {
        DriverThreads on = threads;
        return on == null ? command : on.run(command);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Flux<ResultRow> query(Statement statement) {
        Assert.requireNonNull(statement, "statement must not be null");
        return Flux.defer(() -> {
            RenderedSql sql = SqlRenderer.render(statement, dialect);
            return query(sql, new ResultRowMapper(ResultTypes.of(statement)));
        });
    }

    @Override
    public <T> Flux<T> query(Statement statement, RowMapper<T> mapper) {
        Assert.requireNonNull(statement, "statement must not be null");
        Assert.requireNonNull(mapper, "mapper must not be null");
        return Flux.defer(() -> query(SqlRenderer.render(statement, dialect), mapper));
    }

    @Override
    public <T> Flux<T> query(RenderedSql sql, RowMapper<T> mapper) {
        Assert.requireNonNull(sql, "sql must not be null");
        Assert.requireNonNull(mapper, "mapper must not be null");
        return rows(sql, mapper, 0);
    }

    private <T> Flux<T> rows(RenderedSql sql, RowMapper<T> mapper, int fetchSize) {
        ValueCodec codec = dialect.codec();
        Flux<T> rows = run(sql, fetchSize)
                .concatMap(result -> {
                    // One reader per result, and one lookup of the columns' classes, shared by its rows (mapped one
                    // after the other; a reader is valid only inside RowMapper.map).
                    RowReader[] reader = new RowReader[1];
                    return result.map((row, metadata) -> {
                        RowReader current = reader[0];
                        if (current == null) {
                            current = new RowReader(row, metadata, codec, new ColumnClasses(metadata));
                            reader[0] = current;
                        }
                        return mapper.map(current.at(row, metadata));
                    });
                })
                .onErrorMap(R2dbcException.class, error -> SqlErrors.withSql(error, sql.sql()))
                .as(flux -> ended(List.of(sql), flux, row -> 1L));
        DriverThreads on = threads;
        if (on == null) {
            return rows;
        }
        // A stream's rows may be computed as they are requested (H2's lazy execution): requests go to the driver's
        // threads too.
        return fetchSize > 0 ? on.stream(rows) : on.run(rows);
    }

    @Override
    public <T> Flux<T> stream(Statement statement, RowMapper<T> mapper, int fetchSize) {
        Assert.requireNonNull(statement, "statement must not be null");
        Assert.requireNonNull(mapper, "mapper must not be null");
        Assert.isTrue(fetchSize > 0, "fetchSize must be at least 1");
        return Flux.defer(() -> stream(SqlRenderer.render(statement, dialect), mapper, fetchSize));
    }

    @Override
    public <T> Flux<T> stream(RenderedSql sql, RowMapper<T> mapper, int fetchSize) {
        Assert.requireNonNull(sql, "sql must not be null");
        Assert.requireNonNull(mapper, "mapper must not be null");
        Assert.isTrue(fetchSize > 0, "fetchSize must be at least 1");
        ResultStreaming streaming = dialect.streaming();
        Flux<T> rows = rows(sql, mapper, fetchSize);
        if (streaming.isDriverOnly()) {
            return rows;
        }
        return Flux.usingWhen(
                settings(streaming.enable()).thenReturn(streaming),
                enabled -> rows,
                this::restore,
                (enabled, error) -> restore(enabled),
                this::restore);
    }

    private Mono<Void> settings(List<String> statements) {
        return Flux.fromIterable(statements)
                .concatMap(setting -> execute(new RenderedSql(setting, List.of(), List.of())))
                .then();
    }

    /** Restores the settings of a stream; the connection's next commands wait for it, also when a cancel does not. */
    private Mono<Void> restore(ResultStreaming streaming) {
        return Mono.defer(() -> {
            Mono<Void> restoring = onDriver(Flux.fromIterable(streaming.restore())
                            .concatMap(setting ->
                                    updateCount(new RenderedSql(setting, List.of(), List.of()), direct(setting)))
                            .then())
                    .cache();
            restored = restoring.onErrorComplete();
            return restoring;
        });
    }

    @Override
    public Mono<Long> execute(Statement statement) {
        Assert.requireNonNull(statement, "statement must not be null");
        return Mono.defer(() -> execute(SqlRenderer.render(statement, dialect)));
    }

    @Override
    public Mono<Long> execute(RenderedSql sql) {
        Assert.requireNonNull(sql, "sql must not be null");
        return onDriver(updateCount(sql, run(sql, 0)));
    }

    @Override
    public Flux<Long> executeBatched(List<? extends Statement> statements) {
        Assert.requireNonNull(statements, "statements must not be null");
        return Flux.defer(() -> {
            List<List<RenderedSql>> runs = new ArrayList<>();
            List<RenderedSql> run = null;
            for (Statement statement : statements) {
                RenderedSql sql = SqlRenderer.render(Assert.requireNonNull(statement, "a statement is null"), dialect);
                if (run == null
                        || !run.get(0).sql().equals(sql.sql())
                        || !sql.generatedKeys().isEmpty()) {
                    run = new ArrayList<>();
                    runs.add(run);
                }
                run.add(sql);
            }
            return onDriver(Flux.fromIterable(runs).concatMap(this::executeRun));
        });
    }

    /** Executes statements of the same SQL as one driver statement with a set of binds each, emitting each one's count. */
    private Flux<Long> executeRun(List<RenderedSql> run) {
        RenderedSql first = run.get(0);
        if (run.size() == 1) {
            return execute(first).flux();
        }
        return afterRestored(Mono.fromCallable(() -> {
                            run.forEach(listener::beforeExecute);
                            return run;
                        })
                        .hide()
                        .flatMapMany(told -> {
                            io.r2dbc.spi.Statement statement = connection.createStatement(first.sql());
                            for (int i = 0; i < told.size(); i++) {
                                if (i > 0) {
                                    statement.add();
                                }
                                bind(statement, told.get(i).binds());
                            }
                            return Flux.from(statement.execute());
                        }))
                .concatMap(Result::getRowsUpdated)
                .onErrorMap(R2dbcException.class, error -> SqlErrors.withSql(error, first.sql()))
                .as(flux -> ended(run, flux, count -> count));
    }

    private Mono<Long> updateCount(RenderedSql sql, Flux<Result> results) {
        return results.concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum)
                .onErrorMap(R2dbcException.class, error -> SqlErrors.withSql(error, sql.sql()))
                .as(mono -> ended(sql, mono));
    }

    /**
     * Tells the listeners when statements end, once per subscription: completed, failed or cancelled, with the rows counted
     * so far ({@code weight} of each element: 1 per row read, or an update count).
     */
    private <T> Flux<T> ended(List<RenderedSql> statements, Flux<T> work, java.util.function.ToLongFunction<T> weight) {
        if (listener == Listeners.NONE) {
            return work;
        }
        return Flux.defer(() -> {
            java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
            long[] rows = {0};
            return work.doOnNext(element -> rows[0] += weight.applyAsLong(element))
                    .doOnComplete(() -> tellEnd(told, statements, rows[0], null))
                    .doOnError(error -> tellEnd(told, statements, rows[0], error))
                    .doOnCancel(() -> tellEnd(
                            told,
                            statements,
                            rows[0],
                            new java.util.concurrent.CancellationException("the statement was cancelled")));
        });
    }

    private Mono<Long> ended(RenderedSql sql, Mono<Long> work) {
        if (listener == Listeners.NONE) {
            return work;
        }
        return Mono.defer(() -> {
            java.util.concurrent.atomic.AtomicBoolean told = new java.util.concurrent.atomic.AtomicBoolean();
            List<RenderedSql> statements = List.of(sql);
            return work.doOnSuccess(count -> tellEnd(told, statements, count == null ? -1 : count, null))
                    .doOnError(error -> tellEnd(told, statements, -1, error))
                    .doOnCancel(() -> tellEnd(
                            told,
                            statements,
                            -1,
                            new java.util.concurrent.CancellationException("the statement was cancelled")));
        });
    }

    private void tellEnd(
            java.util.concurrent.atomic.AtomicBoolean told,
            List<RenderedSql> statements,
            long rows,
            @org.jspecify.annotations.Nullable Throwable error) {
        if (told.compareAndSet(false, true)) {
            for (RenderedSql sql : statements) {
                listener.afterExecute(sql, statements.size() == 1 ? rows : -1, error);
            }
        }
    }

    /**
     * Tells the listeners, then prepares and sends the statement unless the subscriber cancelled in the meantime (a listener, or
     * anything it triggers, may cancel). Flux.defer would send it all the same, after a rollback that the cancel may already
     * have sent: the statement would then run outside the transaction and its changes would stay. {@code hide()} keeps
     * flatMapMany from calling the callable directly, which would skip that check. Statements wait until a setting changed for
     * a stream has been restored.
     */
    private Flux<Result> run(RenderedSql sql, int fetchSize) {
        return afterRestored(Mono.fromCallable(() -> {
                    listener.beforeExecute(sql);
                    return sql;
                })
                .hide()
                .flatMapMany(told -> Flux.from(prepare(told, fetchSize).execute())));
    }

    private io.r2dbc.spi.Statement prepare(RenderedSql sql, int fetchSize) {
        io.r2dbc.spi.Statement statement = connection.createStatement(sql.sql());
        bind(statement, sql.binds());
        if (!sql.generatedKeys().isEmpty()) {
            statement.returnGeneratedValues(sql.generatedKeys().toArray(new String[0]));
        }
        if (fetchSize > 0) {
            statement.fetchSize(fetchSize);
        }
        return statement;
    }

    private static void bind(io.r2dbc.spi.Statement statement, List<BindValue> binds) {
        for (int i = 0; i < binds.size(); i++) {
            BindValue bind = binds.get(i);
            Object value = bind.value();
            if (value == null) {
                statement.bindNull(i, bind.type());
            } else {
                statement.bind(i, value);
            }
        }
    }

    /** Runs a setting without waiting for earlier restoring, which it is part of. */
    private Flux<Result> direct(String setting) {
        return Flux.defer(() -> {
            listener.beforeExecute(new RenderedSql(setting, List.of(), List.of()));
            return Flux.from(connection.createStatement(setting).execute());
        });
    }

    private <T> Flux<T> afterRestored(Flux<T> command) {
        return Flux.defer(() -> {
            Mono<Void> pending = restored;
            return pending == null ? command : pending.thenMany(command);
        });
    }

    private Mono<Void> afterRestored(Mono<Void> command) {
        return Mono.defer(() -> {
            Mono<Void> pending = restored;
            return pending == null ? command : pending.then(command);
        });
    }

    @Override
    public Mono<Void> beginTransaction() {
        return onDriver(
                afterRestored(told("BEGIN (implicit)").flatMap(ignored -> Mono.from(connection.beginTransaction()))));
    }

    @Override
    public Mono<Void> beginTransaction(TransactionOptions options) {
        Assert.requireNonNull(options, "options must not be null");
        if (options.isDefault()) {
            return beginTransaction();
        }
        return Mono.defer(() -> {
            TransactionSettings settings = dialect.transactionSettings(
                    options.isolationLevel(),
                    options.isReadOnly(),
                    options.lockTimeoutValue(),
                    options.statementTimeoutValue());
            TransactionDefinition definition = definition(options, settings);
            Mono<Void> begin = onDriver(afterRestored(told("BEGIN " + options)
                    .flatMap(ignored -> Mono.from(
                            definition == null
                                    ? connection.beginTransaction()
                                    : connection.beginTransaction(definition)))));
            // Known before anything is set, so that a failure half-way still puts back what was set.
            afterEnd = settings.afterEnd();
            return executeAll(settings.beforeBegin()).then(begin).then(executeAll(settings.afterBegin()));
        });
    }

    private static @Nullable TransactionDefinition definition(
            TransactionOptions options, TransactionSettings settings) {
        IsolationLevel isolation = settings.isolationInBegin() ? options.isolationLevel() : null;
        boolean readOnly = settings.readOnlyInBegin() && options.isReadOnly();
        if (isolation == null && !readOnly) {
            return null;
        }
        return new TransactionDefinition() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> @Nullable T getAttribute(Option<T> option) {
                if (option.equals(TransactionDefinition.ISOLATION_LEVEL)) {
                    return (T) isolation;
                }
                if (option.equals(TransactionDefinition.READ_ONLY)) {
                    return readOnly ? (T) Boolean.TRUE : null;
                }
                return null;
            }
        };
    }

    private Mono<Void> executeAll(List<Text> statements) {
        return Flux.fromIterable(statements).concatMap(this::execute).then();
    }

    /** Puts back the settings the transaction's options changed, once. */
    private Mono<Void> resetSettings() {
        return Mono.defer(() -> {
            List<Text> statements = afterEnd;
            if (statements.isEmpty()) {
                return Mono.empty();
            }
            afterEnd = List.of();
            return executeAll(statements);
        });
    }

    @Override
    public Mono<Void> commit() {
        return onDriver(afterRestored(told("COMMIT").flatMap(ignored -> Mono.from(connection.commitTransaction()))))
                .then(resetSettings());
    }

    @Override
    public Mono<Void> rollback() {
        return onDriver(afterRestored(told("ROLLBACK").flatMap(ignored -> Mono.from(connection.rollbackTransaction()))))
                .onErrorResume(error ->
                        resetSettings().onErrorResume(ignored -> Mono.empty()).then(Mono.error(error)))
                .then(resetSettings());
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        String checked = savepointName(name);
        return onDriver(afterRestored(
                told("SAVEPOINT " + checked).flatMap(ignored -> Mono.from(connection.createSavepoint(checked)))));
    }

    @Override
    public Mono<Void> rollbackToSavepoint(String name) {
        String checked = savepointName(name);
        return onDriver(afterRestored(told("ROLLBACK TO SAVEPOINT " + checked)
                .flatMap(ignored -> Mono.from(connection.rollbackTransactionToSavepoint(checked)))));
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        String checked = savepointName(name);
        return onDriver(afterRestored(told("RELEASE SAVEPOINT " + checked)
                .flatMap(ignored -> Mono.from(connection.releaseSavepoint(checked)))));
    }

    /** Savepoint names reach the drivers' SQL as they are, so only plain identifiers pass. */
    private static String savepointName(String name) {
        Assert.requireNonNull(name, "the savepoint's name must not be null");
        Assert.isTrue(
                name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"),
                "a savepoint's name must be a plain identifier (a letter or underscore, then letters, digits or"
                        + " underscores, at most 63), was '" + name + "'");
        return name;
    }

    /** Tells the listeners of a transaction command; what follows is skipped if the subscriber cancelled meanwhile. */
    private Mono<Connection> told(String command) {
        return Mono.fromCallable(() -> {
                    listener.onTransaction(command);
                    return connection;
                })
                .hide();
    }

    @Override
    public Mono<Void> release() {
        Mono<Void> reset = resetSettings().onErrorResume(error -> Mono.empty());
        return reset.then(onDriver(afterRestored(Mono.defer(() -> Mono.from(connection.close())))));
    }

    @Override
    public Connection unwrap() {
        return connection;
    }
}
