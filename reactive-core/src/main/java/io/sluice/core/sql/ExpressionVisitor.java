package io.sluice.core.sql;

/**
 * A visitor over the kinds of {@link Expression}: renderers and other traversals implement it instead of switching on types.
 *
 * @param <R> the result of a visit
 */
public interface ExpressionVisitor<R> {

    /** Visits a column. @param column the node @return the result */
    R visitColumn(Column<?> column);

    /** Visits a bound value. @param parameter the node @return the result */
    R visitBind(BindParameter<?> parameter);

    /** Visits a binary operation. @param expression the node @return the result */
    R visitBinary(BinaryExpression<?> expression);

    /** Visits an AND or OR. @param conjunction the node @return the result */
    R visitConjunction(Conjunction conjunction);

    /** Visits a NOT. @param not the node @return the result */
    R visitNot(Not not);

    /** Visits IS [NOT] NULL. @param check the node @return the result */
    R visitNullCheck(NullCheck check);

    /** Visits [NOT] IN (values). @param in the node @return the result */
    R visitInList(InList in);

    /** Visits [NOT] IN (subquery). @param in the node @return the result */
    R visitInSubquery(InSubquery in);

    /** Visits BETWEEN. @param between the node @return the result */
    R visitBetween(Between between);

    /** Visits [NOT] [I]LIKE. @param like the node @return the result */
    R visitLike(Like like);

    /** Visits a function call. @param function the node @return the result */
    R visitFunction(FunctionCall<?> function);

    /** Visits a label. @param label the node @return the result */
    R visitLabel(Label<?> label);

    /** Visits an ORDER BY item. @param ordering the node @return the result */
    R visitOrdering(Ordering<?> ordering);

    /** Visits a scalar subquery. @param subquery the node @return the result */
    R visitScalarSubquery(ScalarSubquery<?> subquery);

    /** Visits EXISTS. @param exists the node @return the result */
    R visitExists(Exists exists);

    /** Visits a text fragment. @param text the node @return the result */
    R visitText(Text text);

    /** Visits a CAST. @param cast the node @return the result */
    R visitCast(Cast<?> cast);

    /** Visits the star of count(*). @param star the node @return the result */
    R visitStar(Star star);

    /** Visits a full-text match. @param match the node @return the result */
    R visitMatch(Match match);

    /** Visits a row value {@code (a, b, ...)}. */
    R visitTuple(Tuple tuple);

    /** Visits the next value of a sequence. @param next the node @return the result */
    R visitNextValue(NextValue next);

    /** Visits the text at a path inside a JSON document. @param json the node @return the result */
    R visitJsonText(JsonText json);

    /** Visits an array condition (contains, overlaps). @param includes the node @return the result */
    R visitArrayIncludes(ArrayIncludes includes);

    /** Visits SQL text around expressions (a mapped formula). @param template the node @return the result */
    R visitTemplate(Template<?> template);

    /** Visits the value an upsert proposed for a column. @param excluded the node @return the result */
    R visitExcluded(Excluded<?> excluded);

    /** Visits a searched CASE. @param expression the node @return the result */
    R visitCase(Case<?> expression);

    /** Visits a function over a window. @param function the node @return the result */
    R visitWindowFunction(WindowFunction<?> function);
}
