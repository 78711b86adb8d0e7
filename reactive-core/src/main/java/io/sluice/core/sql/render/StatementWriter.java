package io.sluice.core.sql.render;

import io.sluice.core.dialect.Capability;
import io.sluice.core.sql.Assignment;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.CommonTableExpression;
import io.sluice.core.sql.CompoundSelect;
import io.sluice.core.sql.Delete;
import io.sluice.core.sql.DerivedTable;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.FromItem;
import io.sluice.core.sql.FromVisitor;
import io.sluice.core.sql.Insert;
import io.sluice.core.sql.Join;
import io.sluice.core.sql.OnConflict;
import io.sluice.core.sql.RowLock;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.StatementVisitor;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.TableAlias;
import io.sluice.core.sql.Text;
import io.sluice.core.sql.UpdateRows;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes statements and FROM items into a {@link RenderContext}; expressions go through its {@link ExpressionWriter}. */
final class StatementWriter implements StatementVisitor<Void>, FromVisitor<Void> {

    /** The alias of the given rows in an {@link UpdateRows}. */
    private static final String ROWS = "sluice_rows";

    private final RenderContext context;
    private final ExpressionWriter expressions;
    private final UpsertWriter upserts;

    StatementWriter(RenderContext context) {
        this.context = context;
        this.expressions = new ExpressionWriter(context, this);
        this.upserts = new UpsertWriter(context, this, expressions);
    }

    ExpressionWriter expressions() {
        return expressions;
    }

    @Override
    public Void visitSelect(Select select) {
        scoped(true, () -> select(select));
        return null;
    }

    /**
     * Writes a statement, or a subquery where no statement is being written yet, with the common table expressions it reads in
     * a {@code WITH} clause at its top. A first pass finds them (each after the CTEs it reads); when there are some, the text
     * and binds of that pass are dropped and the statement is written again after its {@code WITH}, so the binds stay in the
     * order of the text.
     */
    private void scoped(boolean opens, Runnable body) {
        if (!opens || context.scope != null) {
            body.run();
            return;
        }
        CteScope scope = new CteScope();
        context.scope = scope;
        try {
            int[] start = context.mark();
            body.run();
            if (!scope.isEmpty()) {
                context.reset(start);
                scope.hoisted = true;
                with(scope);
                body.run();
            }
        } finally {
            context.scope = null;
        }
    }

    private void with(CteScope scope) {
        context.append(scope.recursive() ? "WITH RECURSIVE " : "WITH ");
        boolean first = true;
        for (CommonTableExpression cte : scope.ctes()) {
            context.append(first ? "" : ", ").identifier(cte.name()).append(" (");
            for (int i = 0; i < cte.columnNames().size(); i++) {
                context.append(i == 0 ? "" : ", ").identifier(cte.columnNames().get(i));
            }
            context.append(") AS (");
            cte.body().accept(this);
            context.append(")");
            first = false;
        }
        context.append(" ");
    }

    @Override
    public Void visitCommonTableExpression(CommonTableExpression cte) {
        CteScope scope = context.scope;
        if (scope == null) {
            throw new IllegalArgumentException(
                    "common table expression " + cte.name() + " can only be read in a select or a subquery");
        }
        if (!scope.hoisted && scope.isNew(cte)) {
            scope.open(cte);
            int[] mark = context.mark();
            cte.body().accept(this);
            context.reset(mark);
            scope.found(cte);
        }
        context.identifier(cte.name());
        return null;
    }

    private void select(Select select) {
        context.append(select.isDistinct() ? "SELECT DISTINCT " : "SELECT ");
        expressions.list(select.items());
        List<FromItem> from = select.fromItems();
        if (!from.isEmpty()) {
            context.append(" FROM ");
            for (int i = 0; i < from.size(); i++) {
                if (i > 0) {
                    context.append(", ");
                }
                from.get(i).accept(this);
            }
        }
        where(select.where());
        if (!select.groupBy().isEmpty()) {
            context.append(" GROUP BY ");
            expressions.list(select.groupBy());
        }
        if (select.having() != null) {
            context.append(" HAVING ");
            select.having().accept(expressions);
        }
        orderBy(select.orderBy());
        limit(select.limit(), select.offset());
        RowLock lock = select.lock();
        if (lock != null) {
            List<String> tables = new java.util.ArrayList<>(lock.of().size());
            for (io.sluice.core.sql.Table table : lock.of()) {
                tables.add(context.dialect.quote(table.name()));
            }
            context.append(context.dialect.rowLockClause().render(lock, tables));
        }
    }

    @Override
    public Void visitCompoundSelect(CompoundSelect select) {
        scoped(true, () -> compound(select));
        return null;
    }

    /** Writes the selects from left to right: a list that mixes INTERSECT after other operators is parenthesized. */
    private void compound(CompoundSelect select) {
        int start = context.sql.length();
        part(select.first());
        boolean other = false;
        for (CompoundSelect.Part part : select.parts()) {
            CompoundSelect.Operator operator = part.operator();
            if (part.all()
                    && operator != CompoundSelect.Operator.UNION
                    && !context.dialect.supports(Capability.INTERSECT_EXCEPT_ALL)) {
                throw new UnsupportedOperationException(context.dialect.name() + " has no " + operator
                        + " ALL; use " + operator.name().toLowerCase(java.util.Locale.ROOT)
                        + "(...), which removes duplicates, or count the rows with GROUP BY");
            }
            if (operator == CompoundSelect.Operator.INTERSECT && other) {
                // INTERSECT binds tighter than UNION and EXCEPT in SQL; the parts combine from left to right
                context.sql.insert(start, "(");
                context.append(")");
            }
            other |= operator != CompoundSelect.Operator.INTERSECT;
            context.append(" ").append(operator.name()).append(part.all() ? " ALL " : " ");
            part(part.select());
        }
        boolean previous = expressions.outputNames;
        expressions.outputNames = true;
        orderBy(select.orderBy());
        expressions.outputNames = previous;
        limit(select.limit(), select.offset());
    }

    private void part(Select select) {
        boolean parenthesized = !select.orderBy().isEmpty() || select.limit() != null || select.offset() != null;
        if (parenthesized) {
            context.append("(");
        }
        select(select);
        if (parenthesized) {
            context.append(")");
        }
    }

    @Override
    public Void visitInsert(Insert insert) {
        OnConflict conflict = insert.conflict();
        if (conflict != null && context.dialect.supports(Capability.UPSERT_MERGE)) {
            upserts.merge(insert, conflict);
        } else {
            if (conflict != null
                    && !context.dialect.supports(Capability.UPSERT_ON_CONFLICT)
                    && !context.dialect.supports(Capability.UPSERT_ON_DUPLICATE_KEY)) {
                throw new UnsupportedOperationException(context.dialect.name()
                        + " has no upsert; select the rows first and send an INSERT or an UPDATE for each");
            }
            context.append("INSERT INTO ").identifier(insert.table().name());
            if (insert.columns().isEmpty() && insert.select() == null) {
                if (conflict != null) {
                    throw new IllegalArgumentException(
                            "the upsert into " + insert.table().name()
                                    + " inserts no columns; give the columns and values the conflict is about");
                }
                context.append(
                        context.dialect.supports(Capability.DEFAULT_VALUES) ? " DEFAULT VALUES" : " () VALUES ()");
            } else {
                context.append(" (");
                columnNames(insert.columns());
                context.append(") ");
                source(insert);
            }
            if (conflict != null) {
                upserts.conflictClause(insert.table(), conflict);
            }
        }
        if (!insert.returning().isEmpty()) {
            if (context.dialect.supports(Capability.RETURNING)) {
                context.append(" RETURNING ");
                columnNames(insert.returning());
            } else {
                for (Column<?> column : insert.returning()) {
                    context.generatedKey(column.name());
                }
            }
        }
        return null;
    }

    /** Writes the rows of an insert: its select, or {@code VALUES (...), (...)}. */
    void source(Insert insert) {
        Select select = insert.select();
        if (select != null) {
            visitSelect(select);
            return;
        }
        if (insert.rows().isEmpty()) {
            throw new IllegalArgumentException(
                    "the insert into " + insert.table().name() + " has columns but no values");
        }
        context.append("VALUES ");
        List<List<Expression<?>>> rows = insert.rows();
        for (int r = 0; r < rows.size(); r++) {
            context.append(r == 0 ? "(" : ", (");
            expressions.list(rows.get(r));
            context.append(")");
        }
    }

    @Override
    public Void visitUpdate(io.sluice.core.sql.Update update) {
        scoped(context.dialect.supports(Capability.WITH_BEFORE_DML), () -> update(update));
        return null;
    }

    private void update(io.sluice.core.sql.Update update) {
        if (update.assignments().isEmpty()) {
            throw new IllegalArgumentException(
                    "the update of " + update.table().name() + " sets nothing; add set(column, value)");
        }
        context.append("UPDATE ").identifier(update.table().name()).append(" SET ");
        List<Assignment> assignments = update.assignments();
        for (int i = 0; i < assignments.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            context.identifier(assignments.get(i).column().name()).append(" = ");
            assignments.get(i).value().accept(expressions);
        }
        where(update.where());
        updateReturning(update.returning());
    }

    /** Writes the {@code RETURNING} of an UPDATE, which only some databases have. */
    private void updateReturning(List<Column<?>> returning) {
        if (returning.isEmpty()) {
            return;
        }
        if (!context.dialect.supports(Capability.UPDATE_RETURNING)) {
            throw new IllegalArgumentException(
                    context.dialect.name() + " has no UPDATE ... RETURNING; select the rows after the update instead");
        }
        context.append(" RETURNING ");
        columnNames(returning);
    }

    @Override
    public Void visitUpdateRows(UpdateRows update) {
        String alias = update.table().name().equalsIgnoreCase(ROWS) ? ROWS + "_" : ROWS;
        if (context.dialect.supports(Capability.UPDATE_FROM_VALUES)) {
            context.append("UPDATE ").identifier(update.table().name()).append(" SET ");
            for (int i = 0; i < update.set().size(); i++) {
                context.append(i == 0 ? "" : ", ")
                        .identifier(update.set().get(i).name())
                        .append(" = ");
                context.identifier(alias).append(".").identifier("s" + i);
            }
            context.append(" FROM (VALUES ");
            List<List<Expression<?>>> rows = update.rows();
            for (int r = 0; r < rows.size(); r++) {
                context.append(r == 0 ? "(" : ", (");
                expressions.list(rows.get(r));
                context.append(")");
            }
            context.append(") AS ").identifier(alias).append(" (");
            for (int i = 0; i < update.match().size(); i++) {
                context.append(i == 0 ? "" : ", ").identifier("m" + i);
            }
            for (int i = 0; i < update.set().size(); i++) {
                context.append(", ").identifier("s" + i);
            }
            context.append(") WHERE ");
            matches(update, alias);
            updateReturning(update.returning());
        } else if (context.dialect.supports(Capability.UPDATE_JOIN_ROWS)) {
            context.append("UPDATE ").identifier(update.table().name()).append(" JOIN (");
            List<List<Expression<?>>> rows = update.rows();
            int matched = update.match().size();
            for (int r = 0; r < rows.size(); r++) {
                context.append(r == 0 ? "SELECT " : " UNION ALL SELECT ");
                List<Expression<?>> row = rows.get(r);
                for (int i = 0; i < row.size(); i++) {
                    context.append(i == 0 ? "" : ", ");
                    row.get(i).accept(expressions);
                    if (r == 0) {
                        context.append(" AS ").identifier(i < matched ? "m" + i : "s" + (i - matched));
                    }
                }
            }
            context.append(") AS ").identifier(alias).append(" ON ");
            matches(update, alias);
            context.append(" SET ");
            pairs(update.table().name(), update.set(), alias, "s", ", ");
            updateReturning(update.returning());
        } else {
            throw new IllegalArgumentException(context.dialect.name()
                    + " has no statement that updates many rows with their own values; send one UPDATE per row");
        }
        return null;
    }

    /** The rows' match columns equal to the given rows' values. */
    private void matches(UpdateRows update, String alias) {
        pairs(update.table().name(), update.match(), alias, "m", " AND ");
    }

    /** Writes {@code table.column = alias.prefix<i>} for each column, separated. */
    private void pairs(String table, List<Column<?>> columns, String alias, String prefix, String separator) {
        for (int i = 0; i < columns.size(); i++) {
            context.append(i == 0 ? "" : separator)
                    .identifier(table)
                    .append(".")
                    .identifier(columns.get(i).name())
                    .append(" = ")
                    .identifier(alias)
                    .append(".")
                    .identifier(prefix + i);
        }
    }

    @Override
    public Void visitDelete(Delete delete) {
        scoped(context.dialect.supports(Capability.WITH_BEFORE_DML), () -> {
            context.append("DELETE FROM ").identifier(delete.table().name());
            where(delete.where());
        });
        return null;
    }

    @Override
    public Void visitText(Text text) {
        expressions.visitText(text);
        return null;
    }

    @Override
    public Void visitTable(Table table) {
        context.identifier(table.name());
        return null;
    }

    @Override
    public Void visitTableAlias(TableAlias alias) {
        context.identifier(alias.table().name()).append(" AS ").identifier(alias.alias());
        return null;
    }

    @Override
    public Void visitDerivedTable(DerivedTable derived) {
        context.append("(");
        visitSelect(derived.select());
        context.append(") AS ").identifier(derived.alias());
        return null;
    }

    @Override
    public Void visitJoin(Join join) {
        join.left().accept(this);
        context.append(" ").append(join.type().sql()).append(" ");
        join.right().accept(this);
        context.append(" ON ");
        join.on().accept(expressions);
        return null;
    }

    void columnNames(List<Column<?>> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            context.identifier(columns.get(i).name());
        }
    }

    void where(@Nullable Expression<Boolean> where) {
        if (where != null) {
            context.append(" WHERE ");
            where.accept(expressions);
        }
    }

    private void orderBy(List<Expression<?>> orderBy) {
        if (!orderBy.isEmpty()) {
            context.append(" ORDER BY ");
            expressions.list(orderBy);
        }
    }

    private void limit(@Nullable Long limit, @Nullable Long offset) {
        if (limit == null && offset == null) {
            return;
        }
        String limitMarker = limit == null ? null : context.bindMarker(limit, SqlType.BIGINT);
        String offsetMarker = offset == null ? null : context.bindMarker(offset, SqlType.BIGINT);
        context.append(context.dialect.limitClause().render(limitMarker, offsetMarker));
    }
}
