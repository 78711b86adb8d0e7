package io.sluice.testing;

import io.r2dbc.spi.Parameter;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** A statement of a {@link ScriptedConnection}: collects binds by index and sets of them, then asks the script for its answer. */
final class ScriptedStatement implements Statement {

    private final ScriptedConnectionFactory factory;
    private final ScriptedConnection connection;
    private final String sql;
    private final List<Map<Integer, Object>> bindings = new ArrayList<>();
    private Map<Integer, Object> current = new TreeMap<>();
    private List<String> generatedColumns = List.of();

    ScriptedStatement(ScriptedConnectionFactory factory, ScriptedConnection connection, String sql) {
        this.factory = factory;
        this.connection = connection;
        this.sql = sql;
    }

    @Override
    public Statement add() {
        bindings.add(current);
        current = new TreeMap<>();
        return this;
    }

    @Override
    public Statement bind(int index, Object value) {
        if (value == null) {
            throw new IllegalArgumentException("value must not be null; use bindNull");
        }
        if (value instanceof Parameter parameter) {
            Object inner = parameter.getValue();
            return put(index, inner == null ? new NullBind(parameter.getType().getJavaType()) : inner);
        }
        return put(index, value);
    }

    @Override
    public Statement bind(String name, Object value) {
        throw new UnsupportedOperationException(
                "the scripted connection binds by index only, not by name (" + name + ")");
    }

    @Override
    public Statement bindNull(int index, Class<?> type) {
        return put(index, new NullBind(Objects.requireNonNull(type, "type must not be null")));
    }

    @Override
    public Statement bindNull(String name, Class<?> type) {
        throw new UnsupportedOperationException(
                "the scripted connection binds by index only, not by name (" + name + ")");
    }

    private Statement put(int index, Object value) {
        if (index < 0) {
            throw new IndexOutOfBoundsException("bind index " + index + " is negative");
        }
        current.put(index, value);
        return this;
    }

    @Override
    public Statement returnGeneratedValues(String... columns) {
        this.generatedColumns = List.of(columns);
        return this;
    }

    @Override
    public Statement fetchSize(int rows) {
        return this;
    }

    /** Takes the binds as they are now; the script is consulted when the publisher is subscribed. */
    @Override
    public Publisher<? extends Result> execute() {
        List<Map<Integer, Object>> sets = new ArrayList<>(bindings);
        if (!current.isEmpty() || sets.isEmpty()) {
            sets.add(current);
        }
        Executed executed = new Executed(sql, sets.stream().map(Map::copyOf).toList(), generatedColumns);
        return Flux.defer(() -> connection.checkOpen().thenMany(factory.execute(executed)));
    }
}
