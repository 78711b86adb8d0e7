package io.sluice.core.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Works out implicit FROM clauses and join conditions from columns and foreign keys. */
final class Joins {

    private Joins() {}

    /** Returns the sources of the columns in the expressions, in order of first appearance, as FROM items. */
    static List<FromItem> implicitFrom(List<? extends Expression<?>> expressions) {
        Set<ColumnSource> sources = new LinkedHashSet<>();
        for (Expression<?> expression : expressions) {
            collect(expression, sources);
        }
        List<FromItem> items = new ArrayList<>(sources.size());
        for (ColumnSource source : sources) {
            items.add((FromItem) source);
        }
        return items;
    }

    private static void collect(Expression<?> expression, Set<ColumnSource> sources) {
        if (expression instanceof Column<?> column) {
            sources.add(column.source());
        } else if (expression instanceof Label<?> label) {
            collect(label.expression(), sources);
        } else if (expression instanceof FunctionCall<?> function) {
            function.arguments().forEach(argument -> collect(argument, sources));
        } else if (expression instanceof BinaryExpression<?> binary) {
            collect(binary.left(), sources);
            collect(binary.right(), sources);
        } else if (expression instanceof Cast<?> cast) {
            collect(cast.expression(), sources);
        } else if (expression instanceof WindowFunction<?> window) {
            collect(window.function(), sources);
            window.window().partitionBy().forEach(item -> collect(item, sources));
        } else if (expression instanceof Case<?> choice) {
            for (Case.When when : choice.whens()) {
                collect(when.condition(), sources);
                collect(when.value(), sources);
            }
        }
    }

    /** Returns the join condition given by the one foreign key between the two sides, in either direction. */
    static Expression<Boolean> inferOn(FromItem left, FromItem right) {
        if (!(right instanceof Table) && !(right instanceof TableAlias)) {
            throw new IllegalArgumentException(
                    "give an ON condition to join " + describe(right) + ": only tables have foreign keys");
        }
        ColumnSource target = (ColumnSource) right;
        List<Expression<Boolean>> found = new ArrayList<>();
        for (ColumnSource source : tablesOf(left)) {
            found.addAll(conditions(source, target));
            found.addAll(conditions(target, source));
        }
        if (found.size() != 1) {
            throw new IllegalArgumentException(
                    (found.isEmpty() ? "no foreign key" : found.size() + " foreign keys") + " between " + describe(left)
                            + " and " + describe(right) + "; give the ON condition with join(target, on)");
        }
        return found.get(0);
    }

    /** Returns the conditions of each foreign key of {@code from} that references {@code to}. */
    private static List<Expression<Boolean>> conditions(ColumnSource from, ColumnSource to) {
        Table fromTable = tableOf(from);
        Table toTable = tableOf(to);
        List<Expression<Boolean>> conditions = new ArrayList<>();
        if (fromTable == null || toTable == null) {
            return conditions;
        }
        for (ForeignKey key : fromTable.foreignKeys()) {
            if (!key.referencedTable().equals(toTable.name())) {
                continue;
            }
            List<Expression<Boolean>> parts = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                parts.add(equal(
                        from.column(key.columns().get(i)),
                        to.column(key.referencedColumns().get(i))));
            }
            conditions.add(Conjunction.of(Conjunction.Kind.AND, parts));
        }
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static Expression<Boolean> equal(Column<?> left, Column<?> right) {
        return ((Column<Object>) left).eq((Expression<Object>) right);
    }

    private static @Nullable Table tableOf(ColumnSource source) {
        if (source instanceof Table table) {
            return table;
        }
        return source instanceof TableAlias alias ? alias.table() : null;
    }

    private static List<ColumnSource> tablesOf(FromItem item) {
        List<ColumnSource> sources = new ArrayList<>();
        if (item instanceof Join join) {
            sources.addAll(tablesOf(join.left()));
            sources.addAll(tablesOf(join.right()));
        } else if (item instanceof ColumnSource source) {
            sources.add(source);
        }
        return sources;
    }

    private static String describe(FromItem item) {
        return item instanceof ColumnSource source ? source.sourceName() : "the join";
    }
}
