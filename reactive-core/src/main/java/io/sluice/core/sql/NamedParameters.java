package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gives values to the named parameters ({@code :name}) of the {@link Text} fragments anywhere in a statement: in its items,
 * joins, WHERE (inside AND, OR, NOT, comparisons, functions, IN lists), GROUP BY, HAVING, ORDER BY, and in its subqueries
 * (IN, EXISTS, scalar and derived tables), the bodies of common table expressions and the selects of a compound select. A parameter a fragment already binds keeps
 * its value; a fragment without any of the given names is left as it is, and a statement with nothing to bind is returned
 * itself.
 */
public final class NamedParameters {

    private NamedParameters() {}

    /**
     * Returns a select whose text fragments have the given values for their parameters of those names.
     *
     * @param select the select
     * @param values values by parameter name (a value may be {@code null})
     * @return the select with the values bound, or {@code select} itself if no fragment names any of them
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static Select bind(Select select, Map<String, ? extends @Nullable Object> values) {
        Assert.requireNonNull(select, "select must not be null");
        Assert.requireNonNull(values, "values must not be null");
        return values.isEmpty() ? select : new Binder(values).select(select);
    }

    /**
     * Returns a compound select whose text fragments have the given values for their parameters of those names.
     *
     * @param select the compound select
     * @param values values by parameter name
     * @return the compound select with the values bound, or {@code select} itself if no fragment names any of them
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static CompoundSelect bind(CompoundSelect select, Map<String, ? extends @Nullable Object> values) {
        Assert.requireNonNull(select, "select must not be null");
        Assert.requireNonNull(values, "values must not be null");
        return values.isEmpty() ? select : new Binder(values).compound(select);
    }

    /**
     * Returns a text with the given values for its parameters of those names that it does not bind yet.
     *
     * @param text the text
     * @param values values by parameter name
     * @return the text with the values bound, or {@code text} itself if it names none of them
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public static Text bind(Text text, Map<String, ? extends @Nullable Object> values) {
        Assert.requireNonNull(text, "text must not be null");
        Assert.requireNonNull(values, "values must not be null");
        return new Binder(values).visitText(text);
    }

    /** Rebuilds the nodes on the path to each text fragment that takes a value; shares every other node. */
    private static final class Binder implements ExpressionVisitor<Expression<?>> {

        private final Map<String, ? extends @Nullable Object> values;

        Binder(Map<String, ? extends @Nullable Object> values) {
            this.values = values;
        }

        Select select(Select select) {
            List<Expression<?>> items = list(select.items());
            // an implicit FROM may hold common table expressions whose bodies take values: made explicit only then
            List<FromItem> source = select.from().isEmpty() ? select.fromItems() : select.from();
            List<FromItem> from = from(source);
            if (from == source) {
                from = select.from();
            }
            Expression<Boolean> where = condition(select.where());
            List<Expression<?>> groupBy = list(select.groupBy());
            Expression<Boolean> having = condition(select.having());
            List<Expression<?>> orderBy = list(select.orderBy());
            if (items == select.items()
                    && from == select.from()
                    && where == select.where()
                    && groupBy == select.groupBy()
                    && having == select.having()
                    && orderBy == select.orderBy()) {
                return select;
            }
            return new Select(
                    select.isDistinct(),
                    items,
                    from,
                    where,
                    groupBy,
                    having,
                    orderBy,
                    select.limit(),
                    select.offset(),
                    select.lock());
        }

        CompoundSelect compound(CompoundSelect compound) {
            Select first = select(compound.first());
            boolean changed = first != compound.first();
            List<CompoundSelect.Part> parts = new ArrayList<>(compound.parts().size());
            for (CompoundSelect.Part part : compound.parts()) {
                Select bound = select(part.select());
                changed |= bound != part.select();
                parts.add(bound == part.select() ? part : new CompoundSelect.Part(part.operator(), part.all(), bound));
            }
            List<Expression<?>> orderBy = list(compound.orderBy());
            if (!changed && orderBy == compound.orderBy()) {
                return compound;
            }
            return new CompoundSelect(first, parts, orderBy, compound.limit(), compound.offset());
        }

        private List<FromItem> from(List<FromItem> items) {
            List<FromItem> bound = null;
            for (int i = 0; i < items.size(); i++) {
                FromItem item = items.get(i);
                FromItem rebuilt = fromItem(item);
                if (rebuilt != item && bound == null) {
                    bound = new ArrayList<>(items.subList(0, i));
                }
                if (bound != null) {
                    bound.add(rebuilt);
                }
            }
            return bound == null ? items : bound;
        }

        private FromItem fromItem(FromItem item) {
            if (item instanceof DerivedTable derived) {
                Select select = select(derived.select());
                return select == derived.select() ? derived : new DerivedTable(select, derived.alias());
            }
            if (item instanceof CommonTableExpression cte) {
                Statement body =
                        cte.body() instanceof Select select ? select(select) : compound((CompoundSelect) cte.body());
                return body == cte.body()
                        ? cte
                        : new CommonTableExpression(cte.name(), cte.columnNames(), body, cte.recursive());
            }
            if (item instanceof Join join) {
                FromItem left = fromItem(join.left());
                FromItem right = fromItem(join.right());
                Expression<Boolean> on = expression(join.on());
                if (left == join.left() && right == join.right() && on == join.on()) {
                    return join;
                }
                return new Join(left, right, join.type(), on);
            }
            return item;
        }

        @SuppressWarnings("unchecked")
        private <T> Expression<T> expression(Expression<T> expression) {
            return (Expression<T>) expression.accept(this);
        }

        @SuppressWarnings("unchecked")
        private @Nullable Expression<Boolean> condition(@Nullable Expression<Boolean> condition) {
            return condition == null ? null : (Expression<Boolean>) (Expression<?>) condition.accept(this);
        }

        private <E extends Expression<?>> List<E> list(List<E> expressions) {
            List<E> bound = null;
            for (int i = 0; i < expressions.size(); i++) {
                E expression = expressions.get(i);
                @SuppressWarnings("unchecked")
                E rebuilt = (E) expression.accept(this);
                if (rebuilt != expression && bound == null) {
                    bound = new ArrayList<>(expressions.subList(0, i));
                }
                if (bound != null) {
                    bound.add(rebuilt);
                }
            }
            return bound == null ? expressions : bound;
        }

        @Override
        public Text visitText(Text text) {
            Text bound = text;
            for (String name : TextParameters.names(text.sql())) {
                if (values.containsKey(name) && !text.parameters().containsKey(name)) {
                    bound = bound.bind(name, values.get(name));
                }
            }
            return bound;
        }

        @Override
        public Expression<?> visitColumn(Column<?> column) {
            return column;
        }

        @Override
        public Expression<?> visitBind(BindParameter<?> parameter) {
            return parameter;
        }

        @Override
        public Expression<?> visitStar(Star star) {
            return star;
        }

        @Override
        public Expression<?> visitNextValue(NextValue next) {
            return next;
        }

        @Override
        public Expression<?> visitBinary(BinaryExpression<?> expression) {
            Expression<?> left = expression(expression.left());
            Expression<?> right = expression(expression.right());
            return left == expression.left() && right == expression.right()
                    ? expression
                    : rebuildBinary(expression, left, right);
        }

        private static <T> BinaryExpression<T> rebuildBinary(
                BinaryExpression<T> expression, Expression<?> left, Expression<?> right) {
            return new BinaryExpression<>(left, expression.operator(), right, expression.type());
        }

        @Override
        public Expression<?> visitConjunction(Conjunction conjunction) {
            List<Expression<Boolean>> conditions = list(conjunction.conditions());
            return conditions == conjunction.conditions()
                    ? conjunction
                    : new Conjunction(conjunction.kind(), conditions);
        }

        @Override
        public Expression<?> visitNot(Not not) {
            Expression<Boolean> condition = expression(not.condition());
            return condition == not.condition() ? not : new Not(condition);
        }

        @Override
        public Expression<?> visitNullCheck(NullCheck check) {
            Expression<?> expression = expression(check.expression());
            return expression == check.expression() ? check : new NullCheck(expression, check.negated());
        }

        @Override
        public Expression<?> visitInList(InList in) {
            Expression<?> expression = expression(in.expression());
            List<Expression<?>> values = list(in.values());
            return expression == in.expression() && values == in.values()
                    ? in
                    : new InList(expression, values, in.negated());
        }

        @Override
        public Expression<?> visitInSubquery(InSubquery in) {
            Expression<?> expression = expression(in.expression());
            Select subquery = select(in.subquery());
            return expression == in.expression() && subquery == in.subquery()
                    ? in
                    : new InSubquery(expression, subquery, in.negated());
        }

        @Override
        public Expression<?> visitBetween(Between between) {
            Expression<?> expression = expression(between.expression());
            Expression<?> low = expression(between.low());
            Expression<?> high = expression(between.high());
            return expression == between.expression() && low == between.low() && high == between.high()
                    ? between
                    : new Between(expression, low, high);
        }

        @Override
        public Expression<?> visitLike(Like like) {
            Expression<?> expression = expression(like.expression());
            Expression<?> pattern = expression(like.pattern());
            return expression == like.expression() && pattern == like.pattern()
                    ? like
                    : new Like(expression, pattern, like.caseInsensitive(), like.negated());
        }

        @Override
        public Expression<?> visitFunction(FunctionCall<?> function) {
            List<Expression<?>> arguments = list(function.arguments());
            return arguments == function.arguments() ? function : rebuildFunction(function, arguments);
        }

        private static <T> FunctionCall<T> rebuildFunction(FunctionCall<T> function, List<Expression<?>> arguments) {
            return new FunctionCall<>(function.name(), arguments, function.distinct(), function.type());
        }

        @Override
        public Expression<?> visitLabel(Label<?> label) {
            return rebuildLabel(label);
        }

        private <T> Expression<?> rebuildLabel(Label<T> label) {
            Expression<T> expression = expression(label.expression());
            return expression == label.expression() ? label : new Label<>(expression, label.name());
        }

        @Override
        public Expression<?> visitOrdering(Ordering<?> ordering) {
            return rebuildOrdering(ordering);
        }

        private <T> Expression<?> rebuildOrdering(Ordering<T> ordering) {
            Expression<T> expression = expression(ordering.expression());
            return expression == ordering.expression() ? ordering : new Ordering<>(expression, ordering.descending());
        }

        @Override
        public Expression<?> visitScalarSubquery(ScalarSubquery<?> subquery) {
            return rebuildScalar(subquery);
        }

        private <T> Expression<?> rebuildScalar(ScalarSubquery<T> subquery) {
            Select select = select(subquery.select());
            return select == subquery.select() ? subquery : new ScalarSubquery<>(select, subquery.type());
        }

        @Override
        public Expression<?> visitExists(Exists exists) {
            Select select = select(exists.select());
            return select == exists.select() ? exists : new Exists(select);
        }

        @Override
        public Expression<?> visitCast(Cast<?> cast) {
            return rebuildCast(cast);
        }

        private <T> Expression<?> rebuildCast(Cast<T> cast) {
            Expression<?> expression = expression(cast.expression());
            return expression == cast.expression() ? cast : new Cast<>(expression, cast.type());
        }

        @Override
        public Expression<?> visitMatch(Match match) {
            Expression<?> expression = expression(match.expression());
            Expression<?> words = expression(match.words());
            return expression == match.expression() && words == match.words() ? match : new Match(expression, words);
        }

        @Override
        public Expression<?> visitJsonText(JsonText json) {
            Expression<?> document = expression(json.json());
            return document == json.json() ? json : new JsonText(document, json.path());
        }

        @Override
        public Expression<?> visitArrayIncludes(ArrayIncludes includes) {
            Expression<?> array = expression(includes.array());
            return array == includes.array()
                    ? includes
                    : new ArrayIncludes(array, includes.values(), includes.arrayType(), includes.all());
        }

        @Override
        public Expression<?> visitTemplate(Template<?> template) {
            List<Expression<?>> expressions = list(template.expressions());
            return expressions == template.expressions()
                    ? template
                    : new Template<>(template.texts(), expressions, template.type());
        }

        @Override
        public Expression<?> visitExcluded(Excluded<?> excluded) {
            return excluded;
        }

        @Override
        public Expression<?> visitCase(Case<?> expression) {
            return rebuildCase(expression);
        }

        private <T> Expression<?> rebuildCase(Case<T> expression) {
            List<Case.When> whens = new ArrayList<>(expression.whens().size());
            boolean changed = false;
            for (Case.When when : expression.whens()) {
                Expression<Boolean> condition = expression(when.condition());
                Expression<?> value = expression(when.value());
                changed |= condition != when.condition() || value != when.value();
                whens.add(new Case.When(condition, value));
            }
            Expression<? extends T> otherwise = expression.otherwise();
            Expression<? extends T> boundOtherwise = otherwise == null ? null : expression(otherwise);
            return !changed && boundOtherwise == otherwise
                    ? expression
                    : new Case<T>(whens, boundOtherwise, expression.type());
        }

        @Override
        public Expression<?> visitWindowFunction(WindowFunction<?> function) {
            return rebuildWindowFunction(function);
        }

        private <T> Expression<?> rebuildWindowFunction(WindowFunction<T> function) {
            @SuppressWarnings("unchecked")
            FunctionCall<T> call = (FunctionCall<T>) expression(function.function());
            Window window = function.window();
            List<Expression<?>> partitionBy = list(window.partitionBy());
            List<Expression<?>> orderBy = list(window.orderBy());
            if (call == function.function() && partitionBy == window.partitionBy() && orderBy == window.orderBy()) {
                return function;
            }
            return new WindowFunction<>(call, new Window(partitionBy, orderBy, window.frame()));
        }

        @Override
        public Expression<?> visitTuple(Tuple tuple) {
            List<Expression<?>> expressions = list(tuple.expressions());
            return expressions == tuple.expressions() ? tuple : new Tuple(expressions);
        }
    }
}
