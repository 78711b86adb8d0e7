package io.sluice.core.schema;

import io.sluice.core.Engine;
import io.sluice.core.dialect.Capability;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.internal.Assert;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Sequence;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.render.RenderedSql;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A set of tables and sequences that are created and dropped together, in foreign-key order: a table is created after the
 * tables it references and dropped before them; sequences are created before the tables and dropped after them. The named enum
 * types of the tables' columns ({@link SqlType#namedEnum}) are created first and dropped last where the database has enum types
 * of their own ({@link Capability#ENUM_TYPES}, PostgreSQL); elsewhere their columns declare them inline. Immutable.
 *
 * <pre>{@code
 * Metadata metadata = Metadata.of(users, addresses);
 * metadata.createAll(engine).then(...);
 * }</pre>
 */
public final class Metadata {

    private final List<Table> tables;
    private final List<Sequence> sequences;
    private final List<SqlType.NamedEnum> enumTypes;
    /** The tables in foreign-key order, worked out on first use (tables are immutable). */
    private volatile @Nullable List<Table> sorted;

    private Metadata(List<Table> tables, List<Sequence> sequences, List<SqlType.NamedEnum> enumTypes) {
        this.tables = List.copyOf(tables);
        this.sequences = List.copyOf(sequences);
        this.enumTypes = List.copyOf(enumTypes);
    }

    /**
     * Returns metadata holding the given tables.
     *
     * @param tables the tables, with distinct names
     * @return the metadata
     * @throws IllegalArgumentException if a table is {@code null} or two share a name
     */
    public static Metadata of(Table... tables) {
        Assert.requireNonNull(tables, "tables must not be null");
        return of(Arrays.asList(tables));
    }

    /**
     * Returns metadata holding the given tables.
     *
     * @param tables the tables, with distinct names
     * @return the metadata
     * @throws IllegalArgumentException if a table is {@code null} or two share a name
     */
    public static Metadata of(List<Table> tables) {
        return of(tables, List.of());
    }

    /**
     * Returns metadata holding the given tables and sequences.
     *
     * @param tables the tables, with distinct names
     * @param sequences the sequences, with distinct names
     * @return the metadata
     * @throws IllegalArgumentException if a table or sequence is {@code null}, two tables or two sequences share a name, two
     *     columns give one enum type different labels, or an enum type is named like a table
     */
    public static Metadata of(List<Table> tables, List<Sequence> sequences) {
        Assert.requireNonNull(tables, "tables must not be null");
        Assert.requireNonNull(sequences, "sequences must not be null");
        List<String> names = new ArrayList<>();
        for (Table table : tables) {
            Assert.requireNonNull(table, "tables must not contain null");
            Assert.isTrue(!names.contains(table.name()), "two tables are named " + table.name());
            names.add(table.name());
        }
        List<String> sequenceNames = new ArrayList<>();
        for (Sequence sequence : sequences) {
            Assert.requireNonNull(sequence, "sequences must not contain null");
            Assert.isTrue(!sequenceNames.contains(sequence.name()), "two sequences are named " + sequence.name());
            sequenceNames.add(sequence.name());
        }
        return new Metadata(tables, sequences, enumTypes(tables, names));
    }

    /** Returns the named enum types of the tables' columns, each once, in the order of first use. */
    private static List<SqlType.NamedEnum> enumTypes(List<Table> tables, List<String> tableNames) {
        Map<String, SqlType.NamedEnum> types = new LinkedHashMap<>();
        for (Table table : tables) {
            for (Column<?> column : table.columns()) {
                SqlType.NamedEnum type = column.type().namedEnum();
                if (type == null) {
                    continue;
                }
                SqlType.NamedEnum other = types.putIfAbsent(type.name(), type);
                Assert.isTrue(
                        other == null || other.equals(type),
                        "enum type " + type.name() + " is given labels " + (other == null ? "" : other.labels())
                                + " and, by column " + table.name() + "." + column.name() + ", " + type.labels()
                                + ": give both columns the same labels, or two type names");
                Assert.isTrue(
                        tableNames.stream().noneMatch(type.name()::equalsIgnoreCase),
                        "enum type " + type.name() + " of column " + table.name() + "." + column.name()
                                + " is named like a table: give the type another name");
            }
        }
        return new ArrayList<>(types.values());
    }

    /**
     * Returns the sequences in the order they were given.
     *
     * @return the sequences
     */
    public List<Sequence> sequences() {
        return sequences;
    }

    /**
     * Returns the named enum types of the tables' columns, each once, in the order the tables and their columns use them first.
     *
     * @return the enum types
     */
    public List<SqlType.NamedEnum> enumTypes() {
        return enumTypes;
    }

    /**
     * Returns the tables in the order they were given.
     *
     * @return the tables
     */
    public List<Table> tables() {
        return tables;
    }

    /**
     * Returns the table with a name.
     *
     * @param name the table's name
     * @return the table
     * @throws IllegalArgumentException if there is no such table
     */
    public Table table(String name) {
        for (Table table : tables) {
            if (table.name().equals(name)) {
                return table;
            }
        }
        throw new IllegalArgumentException("no table named " + name + " in this metadata");
    }

    /**
     * Returns the tables in foreign-key order: each after the tables it references.
     *
     * @return the sorted tables
     * @throws IllegalStateException if foreign keys form a cycle between tables
     */
    public List<Table> sortedTables() {
        List<Table> known = sorted;
        if (known == null) {
            known = List.copyOf(TableSorter.sort(tables));
            sorted = known;
        }
        return known;
    }

    /**
     * Returns the DDL that creates the enum types (where the dialect has {@link Capability#ENUM_TYPES}), the sequences, then the
     * tables and their indexes, in foreign-key order.
     *
     * @param dialect the dialect
     * @param checkFirst {@code true} to skip enum types, sequences, tables and indexes that exist ({@code IF NOT EXISTS})
     * @return the statements
     */
    public List<String> createStatements(Dialect dialect, boolean checkFirst) {
        Assert.requireNonNull(dialect, "dialect must not be null");
        List<String> statements = new ArrayList<>();
        if (dialect.supports(Capability.ENUM_TYPES)) {
            for (SqlType.NamedEnum type : enumTypes) {
                statements.add(dialect.createEnumType(type, checkFirst));
            }
        }
        for (Sequence sequence : sequences) {
            statements.add(DdlWriter.create(sequence, dialect, checkFirst));
        }
        for (Table table : sortedTables()) {
            statements.addAll(DdlWriter.create(table, dialect, checkFirst));
        }
        return statements;
    }

    /**
     * Returns the DDL that drops the tables, in reverse foreign-key order, then the sequences, then the enum types (where the
     * dialect has {@link Capability#ENUM_TYPES}).
     *
     * @param dialect the dialect
     * @param checkFirst {@code true} to skip tables, sequences and enum types that do not exist ({@code IF EXISTS})
     * @return the statements
     */
    public List<String> dropStatements(Dialect dialect, boolean checkFirst) {
        Assert.requireNonNull(dialect, "dialect must not be null");
        List<Table> reversed = new ArrayList<>(sortedTables());
        Collections.reverse(reversed);
        List<String> statements = new ArrayList<>();
        for (Table table : reversed) {
            statements.add(DdlWriter.drop(table, dialect, checkFirst));
        }
        for (Sequence sequence : sequences) {
            statements.add(DdlWriter.drop(sequence, dialect, checkFirst));
        }
        if (dialect.supports(Capability.ENUM_TYPES)) {
            for (SqlType.NamedEnum type : enumTypes) {
                statements.add(dialect.dropEnumType(type, checkFirst));
            }
        }
        return statements;
    }

    /**
     * Creates every enum type, sequence, table and index, failing if one exists.
     *
     * @param engine the engine
     * @return completes when all are created; errors with the database's error (carrying the failed DDL) otherwise
     */
    public Mono<Void> createAll(Engine engine) {
        return createAll(engine, false);
    }

    /**
     * Creates every enum type and sequence, then every table and index in foreign-key order, one statement at a time on one
     * connection.
     *
     * @param engine the engine
     * @param checkFirst {@code true} to skip what exists
     * @return completes when all are created
     */
    public Mono<Void> createAll(Engine engine, boolean checkFirst) {
        Assert.requireNonNull(engine, "engine must not be null");
        return Mono.defer(() -> run(engine, createStatements(engine.dialect(), checkFirst)));
    }

    /**
     * Drops every table, sequence and enum type, failing if one does not exist.
     *
     * @param engine the engine
     * @return completes when all are dropped
     */
    public Mono<Void> dropAll(Engine engine) {
        return dropAll(engine, false);
    }

    /**
     * Drops every table, in reverse foreign-key order, then every sequence and enum type, one statement at a time on one
     * connection.
     *
     * @param engine the engine
     * @param checkFirst {@code true} to skip tables, sequences and enum types that do not exist
     * @return completes when all are dropped
     */
    public Mono<Void> dropAll(Engine engine, boolean checkFirst) {
        Assert.requireNonNull(engine, "engine must not be null");
        return Mono.defer(() -> run(engine, dropStatements(engine.dialect(), checkFirst)));
    }

    private static Mono<Void> run(Engine engine, List<String> statements) {
        return engine.connect(connection -> Flux.fromIterable(statements)
                        .concatMap(ddl -> connection.execute(new RenderedSql(ddl, List.of(), List.of()))))
                .then();
    }
}
