package io.sluice.core;

import io.sluice.core.sql.render.RenderedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the statements an engine sends (transaction commands not included) and remembers their SQL: a guard against N+1
 * queries in an application's own tests. Register it with {@link EngineBuilder#listener(StatementListener)}:
 *
 * <pre>{@code
 * StatementCounter counter = new StatementCounter();
 * Engine engine = Engine.builder(url).listener(counter).build();
 * ... run a request ...
 * assertThat(counter.count()).isLessThanOrEqualTo(3);
 * }</pre>
 */
public final class StatementCounter implements StatementListener {

    private final AtomicLong count = new AtomicLong();
    private final List<String> statements = new ArrayList<>();

    /** Creates a counter at zero. */
    public StatementCounter() {}

    @Override
    public void beforeExecute(RenderedSql sql) {
        count.incrementAndGet();
        synchronized (statements) {
            statements.add(sql.sql());
        }
    }

    /**
     * Returns the number of statements sent since creation or the last {@link #reset()}.
     *
     * @return the count
     */
    public long count() {
        return count.get();
    }

    /**
     * Returns the SQL of the statements sent since creation or the last {@link #reset()}, in order.
     *
     * @return the statements
     */
    public List<String> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** Sets the count back to zero and forgets the statements. */
    public void reset() {
        synchronized (statements) {
            count.set(0);
            statements.clear();
        }
    }
}
