package io.sluice.testing;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Result;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An R2DBC {@link ConnectionFactory} that plays a script instead of talking to a database, for unit tests that assert the exact
 * statements sent (in the spirit of r2dbc-postgresql's {@code TestClient}). The test declares the statements it expects, in
 * order, each with its exact SQL, optionally its binds, and its answer ({@link Expectation}); every connection of the factory
 * takes the next one when it executes a statement. A statement that does not match fails its publisher with an {@link
 * AssertionError} naming what was expected and what came; {@link #verify()} fails too if that error was swallowed, or if
 * expected statements were never executed. Transaction commands are not scripted but recorded, in order with the statements
 * ({@link #events()}).
 *
 * <pre>{@code
 * ScriptedConnectionFactory database = new ScriptedConnectionFactory();
 * database.expect("SELECT users.id FROM users WHERE users.name = $1").withBinds("ed").returnRows(Rows.of("id").row(1));
 * Engine engine = Engine.builder(database).dialect(PostgresDialect.INSTANCE).build();
 * // ... run the code under test
 * database.verify();
 * assertThat(database.events()).containsExactly("BEGIN", "SELECT users.id FROM users WHERE users.name = $1", "COMMIT");
 * }</pre>
 */
public final class ScriptedConnectionFactory implements ConnectionFactory {

    /** The name of the driver and of the database product the factory reports. */
    public static final String NAME = "Scripted";

    private final Deque<Expectation> script = new ArrayDeque<>();
    private final List<Executed> executed = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int opened;
    private int closed;

    /**
     * Adds a statement to the end of the script.
     *
     * @param sql the exact SQL text the statement must have
     * @return the expectation, to give its binds and answer
     */
    public synchronized Expectation expect(String sql) {
        Expectation expectation = new Expectation(sql);
        script.add(expectation);
        return expectation;
    }

    /**
     * Returns the statements executed so far, with their binds, in order.
     *
     * @return the statements
     */
    public synchronized List<Executed> executed() {
        return List.copyOf(executed);
    }

    /**
     * Returns the SQL of the statements executed so far, in order.
     *
     * @return the SQL texts
     */
    public synchronized List<String> statements() {
        return executed.stream().map(Executed::sql).toList();
    }

    /**
     * Returns the statements' SQL and the transaction commands ({@code BEGIN}, {@code COMMIT}, {@code ROLLBACK}, savepoints),
     * in the order they were sent.
     *
     * @return the events
     */
    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    /**
     * Returns the number of connections opened and not closed yet (a pool keeps its idle connections open).
     *
     * @return the open connections
     */
    public synchronized int openConnections() {
        return opened - closed;
    }

    /**
     * Returns the number of statements of the script not executed yet.
     *
     * @return the remaining statements
     */
    public synchronized int remaining() {
        return script.size();
    }

    /**
     * Checks that every statement matched the script and that the whole script was executed.
     *
     * @throws AssertionError if a statement did not match, or expected statements were not executed
     */
    public synchronized void verify() {
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures) + "\nstatements executed: " + statements());
        }
        if (!script.isEmpty()) {
            throw new AssertionError(script.size() + " expected statement(s) not executed, the first: "
                    + script.peekFirst() + "\nstatements executed: " + statements());
        }
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                opened++;
            }
            return new ScriptedConnection(this);
        });
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return () -> NAME;
    }

    /** Records a transaction command. */
    synchronized void record(String command) {
        events.add(command);
    }

    synchronized void closed() {
        closed++;
    }

    /** Records a statement and returns its answer, or an error if it is not the statement the script expects next. */
    synchronized Flux<Result> execute(Executed statement) {
        executed.add(statement);
        events.add(statement.sql());
        int position = executed.size();
        Expectation next = script.pollFirst();
        String mismatch = next == null
                ? "unexpected statement " + position + " (the script has no more): " + statement
                : next.mismatch(statement);
        if (mismatch != null) {
            String message =
                    next == null ? mismatch : "statement " + position + " does not match the script: " + mismatch;
            failures.add(message);
            return Flux.error(new AssertionError(message));
        }
        return next.answer(statement);
    }

    @Override
    public synchronized String toString() {
        return "ScriptedConnectionFactory(" + script.size() + " statement(s) expected, " + executed.size()
                + " executed)";
    }
}
