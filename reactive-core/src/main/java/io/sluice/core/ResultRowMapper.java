package io.sluice.core;

import io.r2dbc.spi.ColumnMetadata;
import io.sluice.core.sql.SqlType;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Copies each row into a {@link ResultRow}, reading the column names once per query. */
final class ResultRowMapper implements RowMapper<ResultRow> {

    private final @Nullable List<SqlType<?>> types;
    private @Nullable List<String> names;

    ResultRowMapper(@Nullable List<SqlType<?>> types) {
        this.types = types;
    }

    @Override
    public ResultRow map(RowReader row) {
        List<String> columns = names;
        if (columns == null) {
            List<String> read = new ArrayList<>();
            for (ColumnMetadata column : row.metadata().getColumnMetadatas()) {
                read.add(column.getName());
            }
            columns = List.copyOf(read);
            names = columns;
        }
        int size = columns.size();
        @Nullable Object[] values = new Object[size];
        List<SqlType<?>> known = types != null && types.size() == size ? types : null;
        for (int i = 0; i < size; i++) {
            values[i] = known == null ? row.get(i) : row.get(i, known.get(i));
        }
        return new ResultRow(columns, values);
    }
}
