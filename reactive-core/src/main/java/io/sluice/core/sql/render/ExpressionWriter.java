package io.sluice.core.sql.render;

import io.sluice.core.dialect.BindMarkers;
import io.sluice.core.dialect.Capability;
import io.sluice.core.sql.ArrayIncludes;
import io.sluice.core.sql.Between;
import io.sluice.core.sql.BinaryExpression;
import io.sluice.core.sql.BindParameter;
import io.sluice.core.sql.Case;
import io.sluice.core.sql.Cast;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Conjunction;
import io.sluice.core.sql.Excluded;
import io.sluice.core.sql.Exists;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.ExpressionVisitor;
import io.sluice.core.sql.FunctionCall;
import io.sluice.core.sql.InList;
import io.sluice.core.sql.InSubquery;
import io.sluice.core.sql.JsonText;
import io.sluice.core.sql.Label;
import io.sluice.core.sql.Like;
import io.sluice.core.sql.Match;
import io.sluice.core.sql.NextValue;
import io.sluice.core.sql.Not;
import io.sluice.core.sql.NullCheck;
import io.sluice.core.sql.Operator;
import io.sluice.core.sql.Ordering;
import io.sluice.core.sql.ScalarSubquery;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Star;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.Template;
import io.sluice.core.sql.Text;
import io.sluice.core.sql.TextParameters;
import io.sluice.core.sql.Tuple;
import io.sluice.core.sql.Window;
import io.sluice.core.sql.WindowFunction;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Writes expressions into a {@link RenderContext}: one traversal builds the text and the ordered binds. */
final class ExpressionWriter implements ExpressionVisitor<Void> {

    private final RenderContext context;
    private final StatementWriter statements;

    /** Whether columns are written by their output name only (ORDER BY of a UNION), not qualified by their source. */
    boolean outputNames;

    /** The table whose proposed values {@code SQL.excluded} refers to, while an upsert's update is written; else null. */
    @Nullable
    Table excludedTable;

    /** Writes a proposed value from the quoted column name, while an upsert's update is written; else null. */
    @Nullable
    UnaryOperator<String> excludedForm;

    ExpressionWriter(RenderContext context, StatementWriter statements) {
        this.context = context;
        this.statements = statements;
    }

    void list(List<? extends Expression<?>> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                context.append(", ");
            }
            expressions.get(i).accept(this);
        }
    }

    @Override
    public Void visitColumn(Column<?> column) {
        if (!outputNames) {
            context.identifier(column.source().sourceName()).append(".");
        }
        context.identifier(column.name());
        return null;
    }

    @Override
    public Void visitBind(BindParameter<?> parameter) {
        context.bind(parameter.value(), parameter.type());
        return null;
    }

    @Override
    public Void visitBinary(BinaryExpression<?> expression) {
        if (expression.operator() == Operator.CONCAT && !context.dialect.supports(Capability.CONCAT_OPERATOR)) {
            context.append("CONCAT(");
            expression.left().accept(this);
            context.append(", ");
            expression.right().accept(this);
            context.append(")");
            return null;
        }
        operand(expression.left());
        context.append(" ").append(expression.operator().sql()).append(" ");
        operand(expression.right());
        return null;
    }

    @Override
    public Void visitConjunction(Conjunction conjunction) {
        String separator = conjunction.kind() == Conjunction.Kind.AND ? " AND " : " OR ";
        List<Expression<Boolean>> conditions = conjunction.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                context.append(separator);
            }
            operand(conditions.get(i));
        }
        return null;
    }

    @Override
    public Void visitNot(Not not) {
        context.append("NOT ");
        operand(not.condition());
        return null;
    }

    @Override
    public Void visitNullCheck(NullCheck check) {
        operand(check.expression());
        context.append(check.negated() ? " IS NOT NULL" : " IS NULL");
        return null;
    }

    @Override
    public Void visitInList(InList in) {
        if (in.values().isEmpty()) {
            context.append(in.negated() ? "1 = 1" : "1 = 0");
            return null;
        }
        operand(in.expression());
        context.append(in.negated() ? " NOT IN (" : " IN (");
        list(in.values());
        context.append(")");
        return null;
    }

    @Override
    public Void visitInSubquery(InSubquery in) {
        operand(in.expression());
        context.append(in.negated() ? " NOT IN (" : " IN (");
        statements.visitSelect(in.subquery());
        context.append(")");
        return null;
    }

    @Override
    public Void visitBetween(Between between) {
        operand(between.expression());
        context.append(" BETWEEN ");
        operand(between.low());
        context.append(" AND ");
        operand(between.high());
        return null;
    }

    @Override
    public Void visitLike(Like like) {
        String not = like.negated() ? " NOT" : "";
        if (like.caseInsensitive() && !context.dialect.supports(Capability.ILIKE)) {
            context.append("LOWER(");
            like.expression().accept(this);
            context.append(")").append(not).append(" LIKE LOWER(");
            like.pattern().accept(this);
            context.append(")");
            return null;
        }
        operand(like.expression());
        context.append(not).append(like.caseInsensitive() ? " ILIKE " : " LIKE ");
        operand(like.pattern());
        return null;
    }

    @Override
    public Void visitFunction(FunctionCall<?> function) {
        context.append(function.name()).append("(");
        if (function.distinct()) {
            context.append("DISTINCT ");
        }
        List<Expression<?>> arguments = function.arguments();
        if (isOffsetFunction(function)) {
            if (arguments.size() > 2 && !context.dialect.supports(Capability.LAG_LEAD_DEFAULT)) {
                throw new UnsupportedOperationException(context.dialect.name() + " has no default argument for "
                        + function.name() + "; write SQL.coalesce(SQL." + function.name()
                        + "(x, n).over(window), SQL.value(default)) instead (which also replaces NULL values)");
            }
            arguments.get(0).accept(this);
            context.append(", ");
            offset(
                    (Integer) java.util.Objects.requireNonNull(((BindParameter<?>) arguments.get(1)).value()),
                    SqlType.INTEGER);
            for (int i = 2; i < arguments.size(); i++) {
                context.append(", ");
                arguments.get(i).accept(this);
            }
        } else {
            list(arguments);
        }
        context.append(")");
        return null;
    }

    /** Whether the function is {@code lag} or {@code lead} with its offset, as {@code SQL.lag} and {@code SQL.lead} make it. */
    private static boolean isOffsetFunction(FunctionCall<?> function) {
        return (function.name().equalsIgnoreCase("lag") || function.name().equalsIgnoreCase("lead"))
                && function.arguments().size() >= 2
                && function.arguments().get(1) instanceof BindParameter<?> offset
                && offset.value() instanceof Integer;
    }

    /** Writes an offset Sluice checked: a bind where the database takes one, else the number itself. */
    private void offset(long offset, SqlType<?> type) {
        if (offset < 0) {
            throw new IllegalArgumentException("an offset must not be negative, was " + offset);
        }
        if (context.dialect.supports(Capability.WINDOW_OFFSET_BINDS)) {
            if (type == SqlType.INTEGER) {
                context.bind(Math.toIntExact(offset), type);
            } else {
                context.bind(offset, type);
            }
        } else {
            context.append(Long.toString(offset));
        }
    }

    @Override
    public Void visitWindowFunction(WindowFunction<?> function) {
        visitFunction(function.function());
        Window window = function.window();
        context.append(" OVER (");
        String separator = "";
        if (!window.partitionBy().isEmpty()) {
            context.append("PARTITION BY ");
            list(window.partitionBy());
            separator = " ";
        }
        if (!window.orderBy().isEmpty()) {
            context.append(separator).append("ORDER BY ");
            list(window.orderBy());
            separator = " ";
        }
        Window.Frame frame = window.frame();
        if (frame != null) {
            if (frame.unit() == Window.Unit.GROUPS && !context.dialect.supports(Capability.WINDOW_GROUPS)) {
                throw new UnsupportedOperationException(context.dialect.name()
                        + " has no GROUPS frames; count rows with rows(...) or ORDER BY values with range(...)");
            }
            context.append(separator).append(frame.unit().name()).append(" ");
            Window.Bound end = frame.end();
            if (end == null) {
                bound(frame.start());
            } else {
                context.append("BETWEEN ");
                bound(frame.start());
                context.append(" AND ");
                bound(end);
            }
        }
        context.append(")");
        return null;
    }

    private void bound(Window.Bound bound) {
        switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> context.append("UNBOUNDED PRECEDING");
            case CURRENT_ROW -> context.append("CURRENT ROW");
            case UNBOUNDED_FOLLOWING -> context.append("UNBOUNDED FOLLOWING");
            case PRECEDING -> {
                offset(bound.offset(), SqlType.BIGINT);
                context.append(" PRECEDING");
            }
            case FOLLOWING -> {
                offset(bound.offset(), SqlType.BIGINT);
                context.append(" FOLLOWING");
            }
        }
    }

    @Override
    public Void visitCase(Case<?> expression) {
        context.append("CASE");
        for (Case.When when : expression.whens()) {
            context.append(" WHEN ");
            operand(when.condition());
            context.append(" THEN ");
            operand(when.value());
        }
        Expression<?> otherwise = expression.otherwise();
        if (otherwise != null) {
            context.append(" ELSE ");
            operand(otherwise);
        }
        context.append(" END");
        return null;
    }

    @Override
    public Void visitLabel(Label<?> label) {
        if (outputNames) {
            context.identifier(label.name());
            return null;
        }
        label.expression().accept(this);
        context.append(" AS ").identifier(label.name());
        return null;
    }

    @Override
    public Void visitOrdering(Ordering<?> ordering) {
        Expression<?> key = ordering.expression();
        if (key instanceof Label<?> label) {
            context.identifier(label.name());
        } else {
            key.accept(this);
        }
        context.append(ordering.descending() ? " DESC" : " ASC");
        return null;
    }

    @Override
    public Void visitScalarSubquery(ScalarSubquery<?> subquery) {
        context.append("(");
        statements.visitSelect(subquery.select());
        context.append(")");
        return null;
    }

    @Override
    public Void visitExists(Exists exists) {
        context.append("EXISTS (");
        statements.visitSelect(exists.select());
        context.append(")");
        return null;
    }

    @Override
    public Void visitText(Text text) {
        for (TextParameters.Piece piece : TextParameters.parse(text.sql())) {
            String name = piece.parameter();
            if (name == null) {
                context.append(piece.sql());
                continue;
            }
            BindParameter<?> parameter = text.parameters().get(name);
            if (parameter == null) {
                throw new IllegalArgumentException(
                        "text parameter :" + name + " has no value; give it with bind(\"" + name + "\", value)");
            }
            visitBind(parameter);
        }
        return null;
    }

    @Override
    public Void visitCast(Cast<?> cast) {
        context.append("CAST(");
        cast.expression().accept(this);
        context.append(" AS ").append(context.dialect.castTypeName(cast.type())).append(")");
        return null;
    }

    @Override
    public Void visitMatch(Match match) {
        RenderContext inner = context.nested();
        ExpressionWriter writer = new ExpressionWriter(inner, statements);
        match.expression().accept(writer);
        String expression = inner.take();
        match.words().accept(writer);
        String words = inner.take();
        context.append(context.dialect.fullTextMatch(expression, words));
        return null;
    }

    @Override
    public Void visitJsonText(JsonText json) {
        RenderContext inner = context.nested();
        json.json().accept(new ExpressionWriter(inner, statements));
        String document = inner.take();
        BindMarkers binds = inner::bindMarker;
        context.append(context.dialect.jsonText(document, json.path(), binds));
        return null;
    }

    @Override
    public Void visitArrayIncludes(ArrayIncludes includes) {
        RenderContext inner = context.nested();
        includes.array().accept(new ExpressionWriter(inner, statements));
        String array = inner.take();
        BindMarkers binds = inner::bindMarker;
        context.append(
                context.dialect.arrayIncludes(array, includes.all(), includes.values(), includes.arrayType(), binds));
        return null;
    }

    @Override
    public Void visitTemplate(Template<?> template) {
        context.append("(");
        for (int i = 0; i < template.expressions().size(); i++) {
            context.append(template.texts().get(i));
            template.expressions().get(i).accept(this);
        }
        context.append(template.texts().get(template.expressions().size())).append(")");
        return null;
    }

    @Override
    public Void visitTuple(Tuple tuple) {
        context.append("(");
        list(tuple.expressions());
        context.append(")");
        return null;
    }

    @Override
    public Void visitNextValue(NextValue next) {
        context.append(context.dialect.nextValue(next.sequence().name()));
        return null;
    }

    @Override
    public Void visitStar(Star star) {
        context.append("*");
        return null;
    }

    /** Writes an operand, in parentheses if it is itself an operation. */
    private void operand(Expression<?> expression) {
        boolean nested = expression instanceof BinaryExpression<?>
                || expression instanceof Conjunction
                || expression instanceof Not
                || expression instanceof Between
                || expression instanceof Like
                || expression instanceof InList
                || expression instanceof InSubquery
                || expression instanceof NullCheck
                || expression instanceof Match
                || expression instanceof ArrayIncludes
                || expression instanceof Text;
        if (expression instanceof BinaryExpression<?> binary
                && binary.operator() == Operator.CONCAT
                && !context.dialect.supports(Capability.CONCAT_OPERATOR)) {
            nested = false;
        }
        if (nested) {
            context.append("(");
        }
        expression.accept(this);
        if (nested) {
            context.append(")");
        }
    }

    @Override
    public Void visitExcluded(Excluded<?> excluded) {
        UnaryOperator<String> form = excludedForm;
        Column<?> column = excluded.column();
        if (form == null || column.source() != excludedTable) {
            throw new IllegalArgumentException(
                    "SQL.excluded(" + column.name() + ") is the value an upsert proposed for a"
                            + " column of its table: use it only in set(...) and where(...) after onConflict(...).doUpdate() of an"
                            + " insert into " + column.source().sourceName());
        }
        context.append(form.apply(context.dialect.quote(column.name())));
        return null;
    }
}
