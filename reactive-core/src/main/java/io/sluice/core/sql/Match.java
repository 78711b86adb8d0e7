package io.sluice.core.sql;

import io.sluice.core.internal.Assert;

/**
 * A full-text match of a text expression against search words, rendered by the dialect where the database has full-text search.
 *
 * @param expression the searched text
 * @param words the search words
 */
public record Match(Expression<?> expression, Expression<?> words) implements Expression<Boolean> {

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException if a part is {@code null}
     */
    public Match {
        Assert.requireNonNull(expression, "expression must not be null");
        Assert.requireNonNull(words, "words must not be null");
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlType.BOOLEAN;
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitMatch(this);
    }
}
