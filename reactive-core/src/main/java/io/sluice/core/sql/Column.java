package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A column of a table, of an aliased table or of an aliased subquery; also an expression over the column's values.
 *
 * <p>Columns are created by {@link Table.Builder} (with their DDL options) and by {@link TableAlias#column(Column)} and {@link
 * DerivedTable#column(String)}. Two columns are equal when they have the same source and name. The ORM layer subclasses it
 * so that attributes of mapped classes are columns too.
 *
 * @param <T> the Java type of the column's values
 */
public non-sealed class Column<T> implements Expression<T> {

    private final ColumnSource source;
    private final String name;
    private final SqlType<T> type;
    private final boolean nullable;
    private final boolean autoIncrement;
    private final @Nullable Object defaultValue;
    /** The expression of a computed column ({@code GENERATED ALWAYS AS (...)}), or {@code null}. */
    private final @Nullable String generatedAs;

    Column(
            ColumnSource source,
            String name,
            SqlType<T> type,
            boolean nullable,
            boolean autoIncrement,
            @Nullable Object defaultValue) {
        this(source, name, type, nullable, autoIncrement, defaultValue, null);
    }

    Column(
            ColumnSource source,
            String name,
            SqlType<T> type,
            boolean nullable,
            boolean autoIncrement,
            @Nullable Object defaultValue,
            @Nullable String generatedAs) {
        this.source = Assert.requireNonNull(source, "source must not be null");
        this.name = Identifiers.check(name, "column");
        this.type = Assert.requireNonNull(type, "type must not be null");
        this.nullable = nullable;
        this.autoIncrement = autoIncrement;
        this.defaultValue = defaultValue;
        this.generatedAs = generatedAs;
    }

    /**
     * Creates a column of a source that is not among the source's own columns (no DDL): for subclasses that stand for an
     * expression read with the source's rows, such as the formulas of mapped classes, which render otherwise.
     *
     * @param source the table the values are read with
     * @param name the name the values are read under
     * @param type the type of the values
     * @throws IllegalArgumentException if an argument is {@code null} or the name is not a valid identifier
     */
    protected Column(ColumnSource source, String name, SqlType<T> type) {
        this(source, name, type, true, false, null, null);
    }

    /**
     * Creates a column that stands for another one: same source, name, type and options. For subclasses that add meaning to a
     * table's column, such as the attributes of a mapped class.
     *
     * @param column the column to stand for
     * @throws IllegalArgumentException if {@code column} is {@code null}
     */
    protected Column(Column<T> column) {
        this(
                Assert.requireNonNull(column, "column must not be null").source,
                column.name,
                column.type,
                column.nullable,
                column.autoIncrement,
                column.defaultValue,
                column.generatedAs);
    }

    /**
     * Returns a column like this one on another source, as an alias sees it.
     *
     * @param other the new source
     * @return the column
     */
    final Column<T> withSource(ColumnSource other) {
        return new Column<>(other, name, type, nullable, autoIncrement, defaultValue, generatedAs);
    }

    /**
     * Returns the table, alias or subquery the column belongs to.
     *
     * @return the source
     */
    public ColumnSource source() {
        return source;
    }

    /**
     * Returns the column's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /**
     * Returns whether the column accepts {@code NULL}.
     *
     * @return {@code true} unless declared {@code NOT NULL} or part of the primary key
     */
    public boolean isNullable() {
        return nullable;
    }

    /**
     * Returns whether the database generates the column's values (an identity or auto-increment column).
     *
     * @return {@code true} for a generated column
     */
    public boolean isAutoIncrement() {
        return autoIncrement;
    }

    /**
     * Returns the value the column takes when an insert gives none, as declared in DDL.
     *
     * @return the default, or {@code null} for none; an SQL expression default is a {@link Text}
     */
    public @Nullable Object defaultValue() {
        return defaultValue;
    }

    /**
     * Returns the SQL expression a computed column's values are made from ({@code GENERATED ALWAYS AS (expression)} in DDL).
     *
     * @return the expression, or {@code null} for a column that holds what is written to it
     */
    public @Nullable String generatedAs() {
        return generatedAs;
    }

    /**
     * Returns whether the column is part of its table's primary key.
     *
     * @return {@code true} for a primary-key column of a table
     */
    public boolean isPrimaryKey() {
        return source instanceof Table table && table.primaryKey().contains(name);
    }

    @Override
    public <R> R accept(ExpressionVisitor<R> visitor) {
        return visitor.visitColumn(this);
    }

    @Override
    public final boolean equals(@Nullable Object other) {
        return other instanceof Column<?> column && column.source.equals(source) && column.name.equals(name);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(source.sourceName(), name);
    }

    @Override
    public String toString() {
        return source.sourceName() + "." + name + " " + type;
    }
}
