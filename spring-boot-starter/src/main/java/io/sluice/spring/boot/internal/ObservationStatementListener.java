package io.sluice.spring.boot.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sluice.core.StatementListener;
import io.sluice.core.sql.render.RenderedSql;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes one Micrometer {@link Observation} per statement, named {@code sluice.statement}, with the low-cardinality keys
 * {@code operation} (SELECT, INSERT, UPDATE, DELETE, ... or OTHER), {@code db.system} and {@code outcome} (SUCCESS, ERROR or
 * CANCELLED), the statement's text (never its values) as the high-cardinality {@code db.statement} and the rows it read or
 * changed as {@code db.rows}; a failure is recorded
 * on the observation. The registry and the database are looked up at the first statement.
 */
public final class ObservationStatementListener implements StatementListener {

    /** The observation's name. */
    public static final String NAME = "sluice.statement";

    private static final Set<String> OPERATIONS = Set.of(
            "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "WITH", "CREATE", "DROP", "ALTER", "SET", "SAVEPOINT");

    private final Supplier<ObservationRegistry> registry;
    private final Supplier<String> system;
    private final Map<RenderedSql, Observation> open = Collections.synchronizedMap(new IdentityHashMap<>());

    public ObservationStatementListener(Supplier<ObservationRegistry> registry, Supplier<String> system) {
        this.registry = registry;
        this.system = system;
    }

    @Override
    public void beforeExecute(RenderedSql sql) {
        ObservationRegistry observations = registry.get();
        if (observations.isNoop()) {
            return;
        }
        Observation observation = Observation.createNotStarted(NAME, observations)
                .lowCardinalityKeyValue("operation", operation(sql.sql()))
                .lowCardinalityKeyValue("db.system", system.get())
                .highCardinalityKeyValue("db.statement", sql.sql())
                .start();
        open.put(sql, observation);
    }

    @Override
    public void afterExecute(RenderedSql sql, long rows, @Nullable Throwable error) {
        Observation observation = open.remove(sql);
        if (observation == null) {
            return;
        }
        if (rows >= 0) {
            observation.highCardinalityKeyValue("db.rows", Long.toString(rows));
        }
        String outcome = "SUCCESS";
        if (error instanceof CancellationException) {
            outcome = "CANCELLED";
        } else if (error != null) {
            outcome = "ERROR";
            observation.error(error);
        }
        observation.lowCardinalityKeyValue("outcome", outcome).stop();
    }

    /** Returns the statement's first keyword if it is a known operation, else OTHER: a value of low cardinality. */
    static String operation(String sql) {
        String text = sql.stripLeading();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        String keyword = text.substring(0, end).toUpperCase(Locale.ROOT);
        return OPERATIONS.contains(keyword) ? keyword : "OTHER";
    }
}
