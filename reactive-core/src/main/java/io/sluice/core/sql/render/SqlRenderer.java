package io.sluice.core.sql.render;

import io.sluice.core.dialect.Dialect;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.Statement;

/**
 * Renders statements of the expression language to SQL text and ordered bind values for a dialect. Values always become bind
 * parameters; identifiers are quoted by the dialect where needed.
 */
public final class SqlRenderer {

    private SqlRenderer() {}

    /**
     * Returns a statement rendered for a dialect.
     *
     * @param statement the statement
     * @param dialect the dialect
     * @return the SQL and its binds
     * @throws IllegalArgumentException if an argument is {@code null}, or the statement cannot be rendered (such as a text
     *     parameter without a value, or an update without assignments)
     */
    public static RenderedSql render(Statement statement, Dialect dialect) {
        Assert.requireNonNull(statement, "statement must not be null");
        Assert.requireNonNull(dialect, "dialect must not be null");
        RenderContext context = new RenderContext(dialect);
        statement.accept(new StatementWriter(context));
        return context.result();
    }

    /**
     * Returns an expression rendered for a dialect, as it would appear in a WHERE clause.
     *
     * @param expression the expression
     * @param dialect the dialect
     * @return the SQL and its binds
     */
    public static RenderedSql render(Expression<?> expression, Dialect dialect) {
        Assert.requireNonNull(expression, "expression must not be null");
        Assert.requireNonNull(dialect, "dialect must not be null");
        RenderContext context = new RenderContext(dialect);
        expression.accept(new StatementWriter(context).expressions());
        return context.result();
    }
}
