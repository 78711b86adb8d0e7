package io.sluice.core.sql;

import org.jspecify.annotations.Nullable;

/** Turns values given for columns into bind parameters of the columns' types, checking their Java types. */
final class Values {

    private Values() {}

    @SuppressWarnings("unchecked")
    static Expression<?> forColumn(Column<?> column, @Nullable Object value) {
        if (value instanceof Expression<?> expression) {
            return expression;
        }
        SqlType<Object> type = (SqlType<Object>) column.type();
        if (value != null && !type.javaType().isInstance(value)) {
            throw new IllegalArgumentException(
                    "value of type " + value.getClass().getName() + " does not fit column "
                            + column.source().sourceName() + "." + column.name() + " of type " + type + " ("
                            + type.javaType().getSimpleName() + ")");
        }
        return BindParameter.of(value, type);
    }
}
