package io.sluice.testing;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A connection of a {@link ScriptedConnectionFactory}: statements go to the script, transaction commands to its record. */
final class ScriptedConnection implements Connection {

    private final ScriptedConnectionFactory factory;
    private volatile boolean autoCommit = true;
    private volatile boolean closed;
    private volatile IsolationLevel isolationLevel = IsolationLevel.READ_COMMITTED;

    ScriptedConnection(ScriptedConnectionFactory factory) {
        this.factory = factory;
    }

    /** Completes if the connection is open, fails otherwise. */
    Mono<Void> checkOpen() {
        return closed ? Mono.error(new IllegalStateException("the scripted connection is closed")) : Mono.empty();
    }

    private Mono<Void> command(String command, Runnable change) {
        return checkOpen().then(Mono.fromRunnable(() -> {
            factory.record(command);
            change.run();
        }));
    }

    @Override
    public Mono<Void> beginTransaction() {
        return command("BEGIN", () -> autoCommit = false);
    }

    @Override
    public Mono<Void> beginTransaction(TransactionDefinition definition) {
        IsolationLevel level = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
        return command(level == null ? "BEGIN" : "BEGIN " + level.asSql(), () -> autoCommit = false);
    }

    @Override
    public Mono<Void> commitTransaction() {
        return command("COMMIT", () -> autoCommit = true);
    }

    @Override
    public Mono<Void> rollbackTransaction() {
        return command("ROLLBACK", () -> autoCommit = true);
    }

    @Override
    public Mono<Void> createSavepoint(String name) {
        return command("SAVEPOINT " + name, () -> autoCommit = false);
    }

    @Override
    public Mono<Void> releaseSavepoint(String name) {
        return command("RELEASE SAVEPOINT " + name, () -> {});
    }

    @Override
    public Mono<Void> rollbackTransactionToSavepoint(String name) {
        return command("ROLLBACK TO SAVEPOINT " + name, () -> {});
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(() -> {
            if (!closed) {
                closed = true;
                factory.closed();
            }
        });
    }

    @Override
    public Statement createStatement(String sql) {
        if (closed) {
            throw new IllegalStateException("the scripted connection is closed");
        }
        return new ScriptedStatement(factory, this, sql);
    }

    @Override
    public Batch createBatch() {
        List<String> statements = new ArrayList<>();
        return new Batch() {
            @Override
            public Batch add(String sql) {
                statements.add(sql);
                return this;
            }

            @Override
            public Flux<Result> execute() {
                return Flux.fromIterable(List.copyOf(statements))
                        .concatMap(sql ->
                                checkOpen().thenMany(factory.execute(new Executed(sql, List.of(Map.of()), List.of()))));
            }
        };
    }

    @Override
    public boolean isAutoCommit() {
        return autoCommit;
    }

    @Override
    public Mono<Void> setAutoCommit(boolean autoCommit) {
        return checkOpen().then(Mono.fromRunnable(() -> this.autoCommit = autoCommit));
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return isolationLevel;
    }

    @Override
    public Mono<Void> setTransactionIsolationLevel(IsolationLevel level) {
        return checkOpen().then(Mono.fromRunnable(() -> this.isolationLevel = level));
    }

    @Override
    public Mono<Void> setLockWaitTimeout(Duration timeout) {
        return checkOpen();
    }

    @Override
    public Mono<Void> setStatementTimeout(Duration timeout) {
        return checkOpen();
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return new ConnectionMetadata() {
            @Override
            public String getDatabaseProductName() {
                return ScriptedConnectionFactory.NAME;
            }

            @Override
            public String getDatabaseVersion() {
                return "1";
            }
        };
    }

    @Override
    public Mono<Boolean> validate(ValidationDepth depth) {
        return Mono.just(!closed);
    }
}
