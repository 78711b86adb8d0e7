package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A database table: its name, typed columns and constraints. Tables are immutable and built with {@link #builder(String)}:
 *
 * <pre>{@code
 * Table users = Table.builder("users")
 *         .column("id", SqlType.BIGINT).primaryKey().autoIncrement()
 *         .column("name", SqlType.varchar(50)).notNull().unique()
 *         .column("fullname", SqlType.VARCHAR)
 *         .build();
 * Column<String> name = users.column("name", String.class);
 * }</pre>
 *
 * <p>Two tables are equal only if they are the same object.
 */
public final class Table implements FromItem, ColumnSource {

    private final String name;
    private final List<Column<?>> columns;
    private final List<String> primaryKey;
    private final List<ForeignKey> foreignKeys;
    private final List<List<String>> uniqueConstraints;
    private final List<Index> indexes;

    private Table(Builder builder) {
        this.name = builder.name;
        List<Column<?>> built = new ArrayList<>(builder.specs.size());
        for (ColumnSpec<?> spec : builder.specs) {
            built.add(spec.build(this, builder.primaryKey.contains(spec.name)));
        }
        this.columns = Collections.unmodifiableList(built);
        this.primaryKey = List.copyOf(builder.primaryKey);
        this.foreignKeys = List.copyOf(builder.foreignKeys);
        this.uniqueConstraints = List.copyOf(builder.uniqueConstraints);
        this.indexes = List.copyOf(builder.indexes);
    }

    /**
     * Returns a builder for a table.
     *
     * @param name the table's name; names that are reserved words or not lower case are quoted by the dialect
     * @return the builder
     * @throws IllegalArgumentException if {@code name} is {@code null}, blank or holds control characters
     */
    public static Builder builder(String name) {
        return new Builder(Identifiers.check(name, "table"));
    }

    /**
     * Returns the table's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    @Override
    public String sourceName() {
        return name;
    }

    @Override
    public List<Column<?>> columns() {
        return columns;
    }

    /**
     * Returns the column itself when it is one of this table's, else this table's column of the same name.
     *
     * @param column a column
     * @param <T> the Java type of the column's values
     * @return the column
     * @throws IllegalArgumentException if this table has no column of that name
     */
    @Override
    public <T> Column<T> column(Column<T> column) {
        return column.source() == this ? column : ColumnSource.super.column(column);
    }

    /**
     * Returns the names of the primary-key columns, in key order.
     *
     * @return the names; empty if the table has no primary key
     */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /**
     * Returns the foreign keys.
     *
     * @return the foreign keys
     */
    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    /**
     * Returns the unique constraints, each a list of column names.
     *
     * @return the unique constraints
     */
    public List<List<String>> uniqueConstraints() {
        return uniqueConstraints;
    }

    /**
     * Returns the indexes.
     *
     * @return the indexes
     */
    public List<Index> indexes() {
        return indexes;
    }

    /**
     * Returns this table under an alias, for self-joins and for joining the same table twice.
     *
     * @param alias the alias
     * @return the aliased table
     * @throws IllegalArgumentException if {@code alias} is {@code null} or blank
     */
    public TableAlias as(String alias) {
        return new TableAlias(this, alias);
    }

    @Override
    public <R> R accept(FromVisitor<R> visitor) {
        return visitor.visitTable(this);
    }

    @Override
    public String toString() {
        return "Table[" + name + "]";
    }

    /** Builds a {@link Table}; column options apply to the column added last. */
    public static final class Builder {

        private final String name;
        private final List<ColumnSpec<?>> specs = new ArrayList<>();
        private final Set<String> primaryKey = new LinkedHashSet<>();
        private final List<ForeignKey> foreignKeys = new ArrayList<>();
        private final List<List<String>> uniqueConstraints = new ArrayList<>();
        private final List<Index> indexes = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Adds a column.
         *
         * @param name the column's name
         * @param type its type
         * @return this builder
         * @throws IllegalArgumentException if an argument is {@code null} or the name is taken
         */
        public Builder column(String name, SqlType<?> type) {
            Identifiers.check(name, "column");
            Assert.requireNonNull(type, "type must not be null");
            for (ColumnSpec<?> spec : specs) {
                Assert.isTrue(!spec.name.equals(name), "table " + this.name + " already has a column named " + name);
            }
            specs.add(new ColumnSpec<>(name, type));
            return this;
        }

        /**
         * Makes the last column part of the primary key (several calls make a composite key, in call order).
         *
         * @return this builder
         * @throws IllegalStateException if no column was added yet
         */
        public Builder primaryKey() {
            primaryKey.add(last().name);
            return this;
        }

        /**
         * Sets the primary key to the named columns, in key order.
         *
         * @param columns the columns' names
         * @return this builder
         * @throws IllegalArgumentException if a column is unknown
         */
        public Builder primaryKey(String... columns) {
            primaryKey.clear();
            for (String column : columns) {
                primaryKey.add(known(column));
            }
            return this;
        }

        /**
         * Makes the database generate the last column's values (an identity column, or {@code AUTO_INCREMENT}).
         *
         * @return this builder
         * @throws IllegalStateException if no column was added yet
         * @throws IllegalArgumentException if the column is not an integer column
         */
        public Builder autoIncrement() {
            ColumnSpec<?> spec = last();
            SqlType.Kind kind = spec.type.kind();
            Assert.isTrue(
                    kind == SqlType.Kind.INTEGER || kind == SqlType.Kind.BIGINT || kind == SqlType.Kind.SMALLINT,
                    "column " + name + "." + spec.name + " is " + spec.type
                            + "; only integer columns can be auto-increment");
            spec.autoIncrement = true;
            return this;
        }

        /**
         * Makes the last column {@code NOT NULL}.
         *
         * @return this builder
         */
        public Builder notNull() {
            last().nullable = false;
            return this;
        }

        /**
         * Puts a unique constraint on the last column.
         *
         * @return this builder
         */
        public Builder unique() {
            uniqueConstraints.add(List.of(last().name));
            return this;
        }

        /**
         * Puts a unique constraint on the named columns together.
         *
         * @param columns the columns' names
         * @return this builder
         * @throws IllegalArgumentException if a column is unknown
         */
        public Builder unique(String... columns) {
            List<String> names = new ArrayList<>();
            for (String column : columns) {
                names.add(known(column));
            }
            uniqueConstraints.add(List.copyOf(names));
            return this;
        }

        /**
         * Sets the value the last column takes when an insert gives none ({@code DEFAULT} in DDL, which the database cannot
         * take as a bind parameter: numbers, booleans and strings are written as escaped literals).
         *
         * @param value a {@link Number}, {@link Boolean} or {@link String}
         * @return this builder
         * @throws IllegalArgumentException if the value is {@code null} or of another type
         */
        public Builder defaultValue(Object value) {
            Assert.requireNonNull(value, "value must not be null");
            Assert.isTrue(
                    value instanceof Number || value instanceof Boolean || value instanceof String,
                    "a default must be a Number, Boolean or String, was "
                            + value.getClass().getName());
            last().defaultValue = value;
            return this;
        }

        /**
         * Sets an SQL expression as the value the last column takes when an insert gives none ({@code DEFAULT CURRENT_TIMESTAMP}):
         * a trusted fragment written into DDL as it is, like {@link SQL#text}; never put values from users in it.
         *
         * @param sql the expression, as {@code CURRENT_TIMESTAMP} or {@code 'new'}
         * @return this builder
         * @throws IllegalArgumentException if the expression is {@code null} or blank
         */
        public Builder defaultExpression(String sql) {
            Assert.hasText(sql, "sql must not be null or blank");
            last().defaultValue = new Text(sql, java.util.Map.of());
            return this;
        }

        /**
         * Makes the last column a computed one, whose values the database makes from an SQL expression over the row's other
         * columns ({@code GENERATED ALWAYS AS (expression) STORED}, written by {@link
         * io.sluice.core.dialect.Dialect#generatedColumnClause}); a trusted fragment, never holding values from users.
         *
         * @param sql the expression, as {@code price * quantity}
         * @return this builder
         * @throws IllegalArgumentException if the expression is {@code null} or blank
         */
        public Builder generatedAs(String sql) {
            Assert.hasText(sql, "sql must not be null or blank");
            last().generatedAs = sql;
            return this;
        }

        /**
         * Makes the last column a foreign key to a column of another table, with {@code ON DELETE NO ACTION}.
         *
         * @param table the referenced table's name
         * @param column the referenced column's name
         * @return this builder
         */
        public Builder references(String table, String column) {
            return references(table, column, ReferentialAction.NO_ACTION);
        }

        /**
         * Makes the last column a foreign key to a column of another table.
         *
         * @param table the referenced table's name
         * @param column the referenced column's name
         * @param onDelete what happens to this row when the referenced row is deleted
         * @return this builder
         */
        public Builder references(String table, String column, ReferentialAction onDelete) {
            foreignKeys.add(new ForeignKey(List.of(last().name), table, List.of(column), onDelete));
            return this;
        }

        /**
         * Makes the last column a foreign key to a column of a table built before.
         *
         * @param column the referenced column
         * @param onDelete what happens to this row when the referenced row is deleted
         * @return this builder
         */
        public Builder references(Column<?> column, ReferentialAction onDelete) {
            Assert.requireNonNull(column, "column must not be null");
            Assert.isTrue(
                    column.source() instanceof Table, "a foreign key must reference a table's column, not " + column);
            return references(column.source().sourceName(), column.name(), onDelete);
        }

        /**
         * Adds a foreign key over several columns.
         *
         * @param foreignKey the foreign key
         * @return this builder
         * @throws IllegalArgumentException if a referencing column is unknown
         */
        public Builder foreignKey(ForeignKey foreignKey) {
            Assert.requireNonNull(foreignKey, "foreignKey must not be null");
            foreignKey.columns().forEach(this::known);
            foreignKeys.add(foreignKey);
            return this;
        }

        /**
         * Adds an index named {@code ix_<table>_<columns>}.
         *
         * @param columns the indexed columns' names
         * @return this builder
         */
        public Builder index(String... columns) {
            List<String> names = new ArrayList<>();
            for (String column : columns) {
                names.add(known(column));
            }
            indexes.add(new Index("ix_" + name + "_" + String.join("_", names), names, false));
            return this;
        }

        /**
         * Adds an index.
         *
         * @param index the index
         * @return this builder
         */
        public Builder index(Index index) {
            Assert.requireNonNull(index, "index must not be null");
            index.columns().forEach(this::known);
            indexes.add(index);
            return this;
        }

        /**
         * Returns the table.
         *
         * @return the table
         * @throws IllegalArgumentException if the table has no columns
         */
        public Table build() {
            Assert.isTrue(!specs.isEmpty(), "table " + name + " needs at least one column");
            return new Table(this);
        }

        private ColumnSpec<?> last() {
            if (specs.isEmpty()) {
                throw new IllegalStateException("add a column with column(name, type) before setting its options");
            }
            return specs.get(specs.size() - 1);
        }

        private String known(String column) {
            for (ColumnSpec<?> spec : specs) {
                if (spec.name.equals(column)) {
                    return column;
                }
            }
            throw new IllegalArgumentException("table " + name + " has no column named " + column + " (add it first)");
        }
    }

    private static final class ColumnSpec<T> {
        final String name;
        final SqlType<T> type;
        boolean nullable = true;
        boolean autoIncrement;

        @Nullable
        Object defaultValue;

        @Nullable
        String generatedAs;

        ColumnSpec(String name, SqlType<T> type) {
            this.name = name;
            this.type = type;
        }

        Column<T> build(Table table, boolean inPrimaryKey) {
            return new Column<>(table, name, type, nullable && !inPrimaryKey, autoIncrement, defaultValue, generatedAs);
        }
    }
}
