package io.sluice.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The rows a scripted statement answers with: named columns and their values, row after row. Immutable: {@link #row} returns a
 * copy with one more row. A column's Java type, as its metadata reports it, is the class of its first non-null value.
 *
 * <pre>{@code
 * Rows.of("id", "name").row(1, "ed").row(2, "wendy")
 * }</pre>
 */
public final class Rows {

    private final List<String> columns;
    private final List<List<Object>> rows;

    private Rows(List<String> columns, List<List<Object>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Returns no rows of the given columns.
     *
     * @param columns the column names, in order
     * @return the empty rows
     * @throws IllegalArgumentException if no column is given
     */
    public static Rows of(String... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("rows need at least one column");
        }
        return new Rows(List.of(columns), List.of());
    }

    /**
     * Returns these rows and one more.
     *
     * @param values the row's values in column order; {@code null} for {@code NULL}
     * @return the new rows
     * @throws IllegalArgumentException if the number of values is not the number of columns
     */
    public Rows row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "a row of " + columns + " needs " + columns.size() + " values, not " + Arrays.toString(values));
        }
        List<List<Object>> more = new ArrayList<>(rows);
        more.add(Collections.unmodifiableList(Arrays.asList(values.clone())));
        return new Rows(columns, List.copyOf(more));
    }

    /** Returns the column names, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Returns the number of rows. */
    public int size() {
        return rows.size();
    }

    /** Returns the R2DBC rows, sharing one metadata. */
    List<ScriptedRow> toRows() {
        ScriptedRow.Metadata metadata = new ScriptedRow.Metadata(columns, javaTypes());
        return rows.stream().map(values -> new ScriptedRow(metadata, values)).toList();
    }

    private List<Class<?>> javaTypes() {
        List<Class<?>> types = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            Class<?> type = Object.class;
            for (List<Object> row : rows) {
                Object value = row.get(c);
                if (value != null) {
                    type = value.getClass();
                    break;
                }
            }
            types.add(type);
        }
        return types;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rows that && columns.equals(that.columns) && rows.equals(that.rows);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, rows);
    }

    @Override
    public String toString() {
        return columns + " " + rows;
    }
}
