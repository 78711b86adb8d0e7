package io.sluice.session;

import io.sluice.core.RowMapper;
import io.sluice.core.RowReader;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SqlType;
import io.sluice.session.internal.EntityRows;
import io.sluice.session.mapping.Attribute;
import io.sluice.session.mapping.EntityModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns a query's rows into its results: each entity item's columns into the session's object for that key (or a detached
 * object, for a stream), each expression item into its value, the items of a row combined into the query's result type.
 *
 * @param <T> the query's result type
 */
final class QueryRows<T> {

    private final DefaultSession session;
    private final List<QueryItem> items;
    private final Function<Object[], T> combiner;
    /** Whether the query has one item, returned as it is. */
    private final boolean single;

    private final boolean readOnly;

    QueryRows(
            DefaultSession session,
            List<QueryItem> items,
            Function<Object[], T> combiner,
            boolean single,
            boolean readOnly) {
        this.session = session;
        this.items = items;
        this.combiner = combiner;
        this.single = single;
        this.readOnly = readOnly;
    }

    // A NULL scalar reaches the driver's map() as null, as the combiner path gives it.
    @SuppressWarnings({"unchecked", "NullAway"})
    RowMapper<T> positional(boolean tracked) {
        if (single) {
            if (items.get(0) instanceof QueryItem.EntityItem entity) {
                EntityModel<?> model = entity.model();
                return row -> (T) readEntity(model, row, 0, null, tracked);
            }
            SqlType<?> type =
                    ((QueryItem.ExpressionItem) items.get(0)).expression().type();
            return row -> (T) read(row, 0, type);
        }
        return row -> {
            Object[] results = new Object[items.size()];
            int column = 0;
            for (int i = 0; i < results.length; i++) {
                QueryItem item = items.get(i);
                if (item instanceof QueryItem.EntityItem entity) {
                    results[i] = readEntity(entity.model(), row, column, null, tracked);
                    column += entity.model().attributes().size();
                } else {
                    Expression<?> expression = ((QueryItem.ExpressionItem) item).expression();
                    results[i] = read(row, column, expression.type());
                    column++;
                }
            }
            return combiner.apply(results);
        };
    }

    RowMapper<T> byName(boolean tracked) {
        return row -> {
            Map<String, Integer> positions = new java.util.HashMap<>();
            List<? extends io.r2dbc.spi.ColumnMetadata> columns = row.metadata().getColumnMetadatas();
            for (int i = 0; i < columns.size(); i++) {
                positions.putIfAbsent(columns.get(i).getName().toLowerCase(Locale.ROOT), i);
            }
            Object[] results = new Object[items.size()];
            for (int i = 0; i < results.length; i++) {
                QueryItem item = items.get(i);
                if (item instanceof QueryItem.EntityItem entity) {
                    results[i] = readEntity(entity.model(), row, 0, positions, tracked);
                } else {
                    Expression<?> expression = ((QueryItem.ExpressionItem) item).expression();
                    String name = expression instanceof io.sluice.core.sql.Column<?> c
                            ? c.name()
                            : expression instanceof io.sluice.core.sql.Label<?> l ? l.name() : null;
                    Integer position = name == null ? null : positions.get(name.toLowerCase(Locale.ROOT));
                    results[i] = read(row, position != null ? position : i, expression.type());
                }
            }
            return combiner.apply(results);
        };
    }

    private Object readEntity(
            EntityModel<?> model, RowReader row, int start, @Nullable Map<String, Integer> positions, boolean tracked) {
        @Nullable EntityRows<?> rows = EntityRows.of(model);
        Object[] values = positions == null ? rows.read(row, start) : readByName(model, row, positions);
        return tracked ? session.unitOfWork().objectForRow(rows, values, readOnly) : rows.newInstance(values);
    }

    private static @Nullable Object[] readByName(EntityModel<?> model, RowReader row, Map<String, Integer> positions) {
        List<? extends Attribute<?, ?>> attributes = model.attributes();
        @Nullable Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            Attribute<?, ?> attribute = attributes.get(i);
            Integer position = positions.get(attribute.name().toLowerCase(Locale.ROOT));
            if (position == null) {
                throw new IllegalArgumentException("the statement's rows have no column " + attribute.name() + " for "
                        + attribute + "; select it, or name it with AS " + attribute.name());
            }
            values[i] = row.get(position, attribute.stateType());
        }
        return values;
    }

    private static @Nullable Object read(RowReader row, int index, @Nullable SqlType<?> type) {
        return type == null || type.kind() == SqlType.Kind.UNKNOWN ? row.get(index) : row.get(index, type);
    }
}
