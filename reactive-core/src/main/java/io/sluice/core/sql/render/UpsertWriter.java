package io.sluice.core.sql.render;

import io.sluice.core.dialect.Capability;
import io.sluice.core.sql.Assignment;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Insert;
import io.sluice.core.sql.OnConflict;
import io.sluice.core.sql.Table;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes the conflict handling of an upsert ({@link OnConflict}) as the dialect's capability says: PostgreSQL's {@code ON
 * CONFLICT} or MariaDB's {@code ON DUPLICATE KEY UPDATE} after the rows, or the whole statement as H2's {@code MERGE}.
 */
final class UpsertWriter {

    /** The alias of the proposed rows in H2's MERGE, named as PostgreSQL names them. */
    private static final String EXCLUDED = "excluded";

    private final RenderContext context;
    private final StatementWriter statements;
    private final ExpressionWriter expressions;

    UpsertWriter(RenderContext context, StatementWriter statements, ExpressionWriter expressions) {
        this.context = context;
        this.statements = statements;
        this.expressions = expressions;
    }

    /** Writes PostgreSQL's {@code ON CONFLICT} or MariaDB's {@code ON DUPLICATE KEY UPDATE} after the rows. */
    void conflictClause(Table table, OnConflict conflict) {
        boolean nothing = conflict.action() == OnConflict.Action.NOTHING;
        if (!nothing && conflict.set().isEmpty()) {
            throw noAssignments(table);
        }
        if (context.dialect.supports(Capability.UPSERT_ON_CONFLICT)) {
            context.append(" ON CONFLICT (");
            statements.columnNames(conflict.target());
            context.append(nothing ? ") DO NOTHING" : ") DO UPDATE SET ");
            if (!nothing) {
                excluding(table, column -> "EXCLUDED." + column, () -> {
                    assignments(conflict.set());
                    statements.where(conflict.where());
                });
            }
            return;
        }
        if (conflict.where() != null) {
            throw new UnsupportedOperationException(
                    context.dialect.name()
                            + "'s ON DUPLICATE KEY UPDATE has no condition: remove where(...) and leave out the rows that must"
                            + " not change, or update them with a separate UPDATE ... WHERE (PostgreSQL and H2 take where(...))");
        }
        context.append(" ON DUPLICATE KEY UPDATE ");
        if (nothing) {
            String first = context.dialect.quote(conflict.target().get(0).name());
            context.append(first).append(" = ").append(first);
            return;
        }
        excluding(table, column -> "VALUES(" + column + ")", () -> assignments(conflict.set()));
    }

    /** Writes H2's {@code MERGE INTO t USING (rows) AS excluded (columns) ON ... WHEN MATCHED ... WHEN NOT MATCHED ...}. */
    void merge(Insert insert, OnConflict conflict) {
        Table table = insert.table();
        boolean nothing = conflict.action() == OnConflict.Action.NOTHING;
        if (!nothing && conflict.set().isEmpty()) {
            throw noAssignments(table);
        }
        for (Column<?> column : conflict.target()) {
            if (!insert.columns().contains(column)) {
                throw new IllegalArgumentException(context.dialect.name() + " writes the upsert into " + table.name()
                        + " as MERGE ... ON the conflict columns, so each must be inserted: add " + column.name()
                        + " to columns(...)");
            }
        }
        String alias = table.name().equalsIgnoreCase(EXCLUDED) ? EXCLUDED + "_" : EXCLUDED;
        context.append("MERGE INTO ").identifier(table.name()).append(" USING (");
        statements.source(insert);
        context.append(") AS ").identifier(alias).append(" (");
        statements.columnNames(insert.columns());
        context.append(") ON ");
        for (int i = 0; i < conflict.target().size(); i++) {
            String name = conflict.target().get(i).name();
            context.append(i == 0 ? "" : " AND ")
                    .identifier(table.name())
                    .append(".")
                    .identifier(name)
                    .append(" = ")
                    .identifier(alias)
                    .append(".")
                    .identifier(name);
        }
        String quotedAlias = context.dialect.quote(alias);
        if (!nothing) {
            excluding(table, column -> quotedAlias + "." + column, () -> {
                context.append(" WHEN MATCHED");
                if (conflict.where() != null) {
                    context.append(" AND ");
                    conflict.where().accept(expressions);
                }
                context.append(" THEN UPDATE SET ");
                assignments(conflict.set());
            });
        }
        context.append(" WHEN NOT MATCHED THEN INSERT (");
        statements.columnNames(insert.columns());
        context.append(") VALUES (");
        for (int i = 0; i < insert.columns().size(); i++) {
            context.append(i == 0 ? "" : ", ")
                    .append(quotedAlias)
                    .append(".")
                    .identifier(insert.columns().get(i).name());
        }
        context.append(")");
    }

    /** Renders the proposed values of a table's columns ({@code SQL.excluded}) as the form gives while the body runs. */
    private void excluding(Table table, UnaryOperator<String> form, Runnable body) {
        expressions.excludedTable = table;
        expressions.excludedForm = form;
        try {
            body.run();
        } finally {
            expressions.excludedTable = null;
            expressions.excludedForm = null;
        }
    }

    private static IllegalArgumentException noAssignments(Table table) {
        return new IllegalArgumentException("the upsert into " + table.name()
                + " sets nothing on conflict: add set(...) or setExcluded(...) after doUpdate(), or use doNothing()");
    }

    private void assignments(List<Assignment> assignments) {
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            context.identifier(assignments.get(i).column().name()).append(" = ");
            assignments.get(i).value().accept(expressions);
        }
    }
}
