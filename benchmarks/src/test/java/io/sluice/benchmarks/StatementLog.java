package io.sluice.benchmarks;

import io.r2dbc.proxy.core.MethodExecutionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import java.util.ArrayList;
import java.util.List;

/**
 * An r2dbc-proxy listener under the pool that records what every arm sends to the driver: each executed statement with its
 * number of bindings ({@code Statement.add()} batches show as one execution of many bindings) and the transaction commands.
 */
final class StatementLog implements ProxyExecutionListener {

    /**
     * One execution.
     *
     * @param sql the statement
     * @param bindings the number of binding sets sent with it
     */
    record Execution(String sql, int bindings) {}

    private final List<Execution> executions = new ArrayList<>();
    private final List<String> transactions = new ArrayList<>();
    private final java.util.Set<QueryExecutionInfo> seen =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    @Override
    public synchronized void afterQuery(QueryExecutionInfo info) {
        // r2dbc-proxy reports an execution whose result is cancelled after it completed (jOOQ's Mono.from(update) does
        // that)
        // twice, with the same info: count it once.
        if (!seen.add(info)) {
            return;
        }
        info.getQueries().forEach(query -> executions.add(new Execution(query.getQuery(), info.getBindingsSize())));
    }

    @Override
    public synchronized void afterMethod(MethodExecutionInfo info) {
        String method = info.getMethod().getName();
        if (method.equals("beginTransaction")
                || method.equals("commitTransaction")
                || method.equals("rollbackTransaction")) {
            transactions.add(method);
        }
    }

    /** Returns the executions since the last clear. */
    synchronized List<Execution> executions() {
        return List.copyOf(executions);
    }

    /** Returns the SQL of the executions since the last clear. */
    synchronized List<String> statements() {
        return executions.stream().map(Execution::sql).toList();
    }

    /** Returns the transaction commands since the last clear. */
    synchronized List<String> transactions() {
        return List.copyOf(transactions);
    }

    /** Forgets what was recorded. */
    synchronized void clear() {
        executions.clear();
        transactions.clear();
        seen.clear();
    }
}
