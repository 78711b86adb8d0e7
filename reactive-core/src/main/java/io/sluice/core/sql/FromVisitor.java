package io.sluice.core.sql;

/**
 * A visitor over the kinds of {@link FromItem}.
 *
 * @param <R> the result of a visit
 */
public interface FromVisitor<R> {

    /** Visits a table. @param table the item @return the result */
    R visitTable(Table table);

    /** Visits an aliased table. @param alias the item @return the result */
    R visitTableAlias(TableAlias alias);

    /** Visits an aliased subquery. @param derived the item @return the result */
    R visitDerivedTable(DerivedTable derived);

    /** Visits a join. @param join the item @return the result */
    R visitJoin(Join join);

    /** Visits a common table expression. @param cte the item @return the result */
    R visitCommonTableExpression(CommonTableExpression cte);
}
