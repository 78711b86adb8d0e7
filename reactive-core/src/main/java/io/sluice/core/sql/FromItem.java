package io.sluice.core.sql;

/**
 * Something a select reads from: a table, an aliased table, an aliased subquery, a common table expression, or a join of two of
 * these.
 */
public sealed interface FromItem permits Table, TableAlias, DerivedTable, CommonTableExpression, Join {

    /**
     * Calls the visitor's method for this kind of item.
     *
     * @param visitor the visitor
     * @param <R> the visitor's result type
     * @return the visitor's result
     */
    <R> R accept(FromVisitor<R> visitor);
}
