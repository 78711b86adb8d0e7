package io.sluice.core;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.sluice.core.dialect.ValueCodec;
import io.sluice.core.internal.ColumnClasses;
import io.sluice.core.sql.SqlType;
import org.jspecify.annotations.Nullable;

/**
 * Reads the columns of the current row of a result, converting values to Java types the same way on every database. Valid only
 * inside {@link RowMapper#map(RowReader)}.
 */
public final class RowReader {

    private Row row;
    private RowMetadata metadata;
    private final ValueCodec codec;
    private final @Nullable ColumnClasses columns;

    RowReader(Row row, RowMetadata metadata, ValueCodec codec, @Nullable ColumnClasses columns) {
        this.row = row;
        this.metadata = metadata;
        this.codec = codec;
        this.columns = columns;
    }

    /** Moves to the next row of the same result (one reader serves all of a result's rows, one at a time). */
    RowReader at(Row next, RowMetadata nextMetadata) {
        this.row = next;
        this.metadata = nextMetadata;
        return this;
    }

    /**
     * Returns a column's value as the Java type of a SQL type.
     *
     * @param index the 0-based column index
     * @param type the SQL type
     * @param <T> the Java type
     * @return the value, or {@code null}
     */
    public <T> @Nullable T get(int index, SqlType<T> type) {
        return codec.fromRow(row, index, type, columns);
    }

    /**
     * Returns a column's value as a Java type.
     *
     * @param index the 0-based column index
     * @param javaType a Java type supported by {@link SqlType#forJavaType(Class)}
     * @param <T> the Java type
     * @return the value, or {@code null}
     */
    public <T> @Nullable T get(int index, Class<T> javaType) {
        return codec.fromRow(row, index, SqlType.forJavaType(javaType), columns);
    }

    /**
     * Returns a column's value as the driver gives it (binary values as {@code byte[]}).
     *
     * @param index the 0-based column index
     * @return the value, or {@code null}
     */
    public @Nullable Object get(int index) {
        return codec.decode(row, index);
    }

    /**
     * Returns the number of columns.
     *
     * @return the number of columns
     */
    public int size() {
        return metadata.getColumnMetadatas().size();
    }

    /**
     * Returns the R2DBC row itself.
     *
     * @return the row
     */
    public Row row() {
        return row;
    }

    /**
     * Returns the R2DBC metadata of the row.
     *
     * @return the metadata
     */
    public RowMetadata metadata() {
        return metadata;
    }
}
