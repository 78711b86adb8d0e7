package io.sluice.core.sql;

/**
 * A statement of the expression language that an engine can execute: a select, a compound select, an insert, an update, a
 * delete or a text statement. Statements are immutable; the methods that refine them return new statements.
 */
public sealed interface Statement permits Select, CompoundSelect, Insert, Update, UpdateRows, Delete, Text {

    /**
     * Calls the visitor's method for this kind of statement.
     *
     * @param visitor the visitor
     * @param <R> the visitor's result type
     * @return the visitor's result
     */
    <R> R accept(StatementVisitor<R> visitor);
}
