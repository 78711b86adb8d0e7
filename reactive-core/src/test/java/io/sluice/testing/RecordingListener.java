package io.sluice.testing;

import io.sluice.core.StatementListener;
import io.sluice.core.sql.render.RenderedSql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records the SQL an engine sends, for tests that assert the statements emitted. */
public final class RecordingListener implements StatementListener {

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<RenderedSql> statements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void beforeExecute(RenderedSql sql) {
        events.add(sql.sql());
        statements.add(sql);
    }

    @Override
    public void onTransaction(String command) {
        events.add(command);
    }

    /** Returns the statements and transaction commands, in order. */
    public List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Returns the statements with their binds, in order. */
    public List<RenderedSql> statements() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /** Forgets what was recorded. */
    public void clear() {
        events.clear();
        statements.clear();
    }
}
