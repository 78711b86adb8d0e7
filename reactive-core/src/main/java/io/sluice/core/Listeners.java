package io.sluice.core;

import io.sluice.core.sql.render.RenderedSql;
import java.util.List;

/** Tells several listeners, in order. */
final class Listeners implements StatementListener {

    static final StatementListener NONE = sql -> {};

    private final List<StatementListener> listeners;

    private Listeners(List<StatementListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    static StatementListener of(List<StatementListener> listeners) {
        if (listeners.isEmpty()) {
            return NONE;
        }
        return listeners.size() == 1 ? listeners.get(0) : new Listeners(listeners);
    }

    @Override
    public void beforeExecute(RenderedSql sql) {
        for (StatementListener listener : listeners) {
            listener.beforeExecute(sql);
        }
    }

    @Override
    public void afterExecute(RenderedSql sql, @org.jspecify.annotations.Nullable Throwable error) {
        afterExecute(sql, -1, error);
    }

    @Override
    public void afterExecute(RenderedSql sql, long rows, @org.jspecify.annotations.Nullable Throwable error) {
        for (StatementListener listener : listeners) {
            listener.afterExecute(sql, rows, error);
        }
    }

    @Override
    public void onTransaction(String command) {
        for (StatementListener listener : listeners) {
            listener.onTransaction(command);
        }
    }
}
