package io.sluice.core;

import io.sluice.core.sql.Column;
import io.sluice.core.sql.CompoundSelect;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.Insert;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Works out the types of a statement's result columns where the statement tells them. */
final class ResultTypes {

    private ResultTypes() {}

    /** Returns the type of each result column, or {@code null} where the statement does not say (text statements). */
    static @Nullable List<SqlType<?>> of(Statement statement) {
        if (statement instanceof Select select) {
            return types(select.items());
        } else if (statement instanceof CompoundSelect compound) {
            return types(compound.first().items());
        } else if (statement instanceof Insert insert && !insert.returning().isEmpty()) {
            List<SqlType<?>> types = new ArrayList<>();
            for (Column<?> column : insert.returning()) {
                types.add(column.type());
            }
            return types;
        }
        return null;
    }

    private static List<SqlType<?>> types(List<Expression<?>> items) {
        List<SqlType<?>> types = new ArrayList<>(items.size());
        for (Expression<?> item : items) {
            SqlType<?> type = item.type();
            types.add(type == null ? SqlType.UNKNOWN : type);
        }
        return types;
    }
}
