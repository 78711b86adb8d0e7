package io.sluice.core;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.dialect.ValueCodec;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.render.BindValue;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.core.sql.render.SqlRenderer;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link SqlConnection} over one R2DBC connection: renders, binds, notifies listeners and maps rows. */
final class DefaultSqlConnection implements SqlConnection {

    private final Connection connection;
    private final Dialect dialect;
    private final StatementListener listener;

    DefaultSqlConnection(Connection connection, Dialect dialect, StatementListener listener) {
        this.connection = connection;
        this.dialect = dialect;
        this.listener = listener;
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
        ValueCodec codec = dialect.codec();
        return run(sql).concatMap(
                        result -> result.map((row, metadata) -> mapper.map(new RowReader(row, metadata, codec))))
                .onErrorMap(R2dbcException.class, error -> SqlErrors.withSql(error, sql.sql()));
    }

    @Override
    public Mono<Long> execute(Statement statement) {
        Assert.requireNonNull(statement, "statement must not be null");
        return Mono.defer(() -> execute(SqlRenderer.render(statement, dialect)));
    }

    @Override
    public Mono<Long> execute(RenderedSql sql) {
        Assert.requireNonNull(sql, "sql must not be null");
        return run(sql).concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum)
                .onErrorMap(R2dbcException.class, error -> SqlErrors.withSql(error, sql.sql()));
    }

    /**
     * Tells the listeners, then prepares and sends the statement unless the subscriber cancelled in the meantime (a listener, or
     * anything it triggers, may cancel). Flux.defer would send it all the same, after a rollback that the cancel may already
     * have sent: the statement would then run outside the transaction and its changes would stay. {@code hide()} keeps
     * flatMapMany from calling the callable directly, which would skip that check.
     */
    private Flux<Result> run(RenderedSql sql) {
        return Mono.fromCallable(() -> {
                    listener.beforeExecute(sql);
                    return sql;
                })
                .hide()
                .flatMapMany(told -> Flux.from(prepare(told).execute()));
    }

    private io.r2dbc.spi.Statement prepare(RenderedSql sql) {
        io.r2dbc.spi.Statement statement = connection.createStatement(sql.sql());
        List<BindValue> binds = sql.binds();
        for (int i = 0; i < binds.size(); i++) {
            BindValue bind = binds.get(i);
            Object value = bind.value();
            if (value == null) {
                statement.bindNull(i, bind.type());
            } else {
                statement.bind(i, value);
            }
        }
        if (!sql.generatedKeys().isEmpty()) {
            statement.returnGeneratedValues(sql.generatedKeys().toArray(new String[0]));
        }
        return statement;
    }

    @Override
    public Mono<Void> beginTransaction() {
        return told("BEGIN (implicit)").flatMap(ignored -> Mono.from(connection.beginTransaction()));
    }

    @Override
    public Mono<Void> commit() {
        return told("COMMIT").flatMap(ignored -> Mono.from(connection.commitTransaction()));
    }

    @Override
    public Mono<Void> rollback() {
        return told("ROLLBACK").flatMap(ignored -> Mono.from(connection.rollbackTransaction()));
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
        return Mono.from(connection.close());
    }

    @Override
    public Connection unwrap() {
        return connection;
    }
}
