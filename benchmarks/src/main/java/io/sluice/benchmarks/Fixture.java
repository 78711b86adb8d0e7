package io.sluice.benchmarks;

import io.r2dbc.proxy.ProxyConnectionFactory;
import io.r2dbc.proxy.listener.ProxyExecutionListener;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Statement;
import io.sluice.benchmarks.model.Child;
import io.sluice.benchmarks.model.Customer;
import io.sluice.benchmarks.model.Item;
import io.sluice.benchmarks.model.Parent;
import io.sluice.core.Engine;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One database as every arm sees it: a Sluice engine (r2dbc-pool over the driver) whose pooled connection factory the raw
 * R2DBC, Spring Data R2DBC and jOOQ arms use too, so all arms share one driver, one pool and one thread layout. Creates the
 * {@code bench_} tables, seeds them, empties them, and drops them.
 */
public final class Fixture implements AutoCloseable {

    /** Parents in the seeded read tables; the largest N. */
    public static final int PARENTS = 10_000;
    /** Children per seeded parent. */
    public static final int CHILDREN_PER_PARENT = 10;
    /** Rows in the streaming table. */
    public static final int ITEMS = 1_000_000;
    /** Rows per multi-row INSERT, as Sluice's flush chunks them. */
    public static final int ROWS_PER_INSERT = 1_000;

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    public static final Mapping MAPPING = Mapping.of(Parent.class, Child.class, Item.class, Customer.class);

    private final BenchDatabase database;
    private final Engine engine;
    private final SessionFactory sessions;

    private Fixture(BenchDatabase database, Engine engine) {
        this.database = database;
        this.engine = engine;
        this.sessions = SessionFactory.of(engine, MAPPING);
    }

    /**
     * Returns a fixture of a database; nothing is connected yet.
     *
     * @param database the database
     * @param listener an r2dbc-proxy listener that sees every statement of every arm (for the statement-count tests), or
     *     {@code null} to talk to the driver directly (the benchmarks)
     * @param lazyH2 whether H2 streams results instead of materialising them ({@code LAZY_QUERY_EXECUTION=TRUE})
     * @return the fixture
     */
    public static Fixture create(BenchDatabase database, @Nullable ProxyExecutionListener listener, boolean lazyH2) {
        ConnectionFactoryOptions options = database.options();
        if (lazyH2 && database == BenchDatabase.H2) {
            options = options.mutate()
                    .option(io.r2dbc.spi.Option.valueOf("options"), "DB_CLOSE_DELAY=-1;LAZY_QUERY_EXECUTION=TRUE")
                    .build();
        }
        ConnectionFactory driver = ConnectionFactories.get(options);
        if (listener != null) {
            driver = ProxyConnectionFactory.builder(driver).listener(listener).build();
        }
        Engine engine = Engine.builder(driver).maxSize(4).build();
        return new Fixture(database, engine);
    }

    /** Returns the database. */
    public BenchDatabase database() {
        return database;
    }

    /** Returns the Sluice engine. */
    public Engine engine() {
        return engine;
    }

    /** Returns the Sluice session factory. */
    public SessionFactory sessions() {
        return sessions;
    }

    /** Returns the pooled connection factory every arm uses. */
    public ConnectionFactory pool() {
        return engine.connectionFactory();
    }

    /** Drops the {@code bench_} tables if they exist and creates them empty. */
    public void recreate() {
        MAPPING.metadata()
                .dropAll(engine, true)
                .then(MAPPING.metadata().createAll(engine))
                .block(TIMEOUT);
        indexForeignKey();
    }

    /** Creates the {@code bench_} tables that do not exist yet. */
    public void createIfMissing() {
        MAPPING.metadata().createAll(engine, true).block(TIMEOUT);
        indexForeignKey();
    }

    /**
     * Indexes {@code bench_child.parent_id}, which every way of loading children filters on. H2 and MariaDB index a foreign key
     * by themselves; PostgreSQL does not, and without the index each child query is a scan of the whole table. (Sluice's
     * mapping declares no indexes.)
     */
    private void indexForeignKey() {
        Raw.withConnection(
                        pool(),
                        connection -> Raw.execute(
                                connection,
                                "CREATE INDEX IF NOT EXISTS bench_child_parent_id ON bench_child (parent_id)"))
                .blockLast(TIMEOUT);
    }

    /** Drops the {@code bench_} tables. */
    public void drop() {
        MAPPING.metadata().dropAll(engine, true).block(TIMEOUT);
    }

    /** Empties the customer table of the typed-columns scenario. */
    public void emptyCustomers() {
        Raw.withConnection(pool(), connection -> switch (database) {
                    case POSTGRESQL -> Raw.execute(connection, "TRUNCATE bench_customer RESTART IDENTITY");
                    case MARIADB -> Raw.execute(connection, "TRUNCATE TABLE bench_customer");
                    case H2 -> Raw.execute(connection, "DELETE FROM bench_customer");
                })
                .blockLast(TIMEOUT);
    }

    /**
     * Makes the customer table hold exactly {@code customers} rows, {@link Customer#numbered} 0 to {@code customers - 1} in key
     * order, unless it already holds that many; written by the raw arm's multi-row insert.
     *
     * @param customers the number of customers
     */
    public void seedCustomers(int customers) {
        createIfMissing();
        if (count("bench_customer") == customers) {
            return;
        }
        emptyCustomers();
        new RawArms(this).insertCustomers(customers).block(TIMEOUT);
        settle("bench_customer");
    }

    /** Empties the parent and child tables. */
    public void emptyParents() {
        Raw.withConnection(pool(), connection -> switch (database) {
                    case POSTGRESQL -> Raw.execute(connection, "TRUNCATE bench_child, bench_parent RESTART IDENTITY");
                    case MARIADB ->
                        Raw.execute(connection, "SET FOREIGN_KEY_CHECKS = 0")
                                .then(Raw.execute(connection, "TRUNCATE TABLE bench_child"))
                                .then(Raw.execute(connection, "TRUNCATE TABLE bench_parent"))
                                .then(Raw.execute(connection, "SET FOREIGN_KEY_CHECKS = 1"));
                    case H2 ->
                        Raw.execute(connection, "DELETE FROM bench_child")
                                .then(Raw.execute(connection, "DELETE FROM bench_parent"));
                })
                .blockLast(TIMEOUT);
    }

    /**
     * Makes the parent and child tables hold exactly {@code parents} parents with {@code children} children each (keys in
     * insertion order), unless they already do.
     *
     * @param parents the number of parents
     * @param children the children per parent
     */
    public void seedParents(int parents, int children) {
        createIfMissing();
        if (count("bench_parent") == parents && count("bench_child") == (long) parents * children) {
            return;
        }
        emptyParents();
        List<List<Object>> parentRows = new ArrayList<>(parents);
        for (int i = 0; i < parents; i++) {
            parentRows.add(List.of("parent " + i, i));
        }
        Raw.inTransaction(
                        pool(),
                        connection -> insertRows(connection, "bench_parent", List.of("name", "amount"), parentRows))
                .blockLast(TIMEOUT);
        List<Long> ids = Raw.withConnection(
                        pool(),
                        connection -> Flux.from(connection
                                        .createStatement("SELECT id FROM bench_parent ORDER BY id")
                                        .execute())
                                .concatMap(result -> result.map((row, metadata) -> row.get(0, Long.class))))
                .collectList()
                .block(TIMEOUT);
        List<List<Object>> childRows = new ArrayList<>(parents * children);
        for (Long id : ids) {
            for (int j = 0; j < children; j++) {
                childRows.add(List.of("child " + j, id));
            }
        }
        Raw.inTransaction(
                        pool(),
                        connection -> insertRows(connection, "bench_child", List.of("name", "parent_id"), childRows))
                .blockLast(TIMEOUT);
        settle("bench_parent", "bench_child");
    }

    /**
     * On PostgreSQL, vacuums and analyzes freshly seeded tables before anything is timed: otherwise the first scans write hint
     * bits and autovacuum starts in the middle of a later fork's measurement, timing one arm against the server's
     * housekeeping.
     */
    private void settle(String... tables) {
        if (database != BenchDatabase.POSTGRESQL) {
            return;
        }
        Raw.withConnection(pool(), connection -> Raw.execute(connection, "VACUUM ANALYZE " + String.join(", ", tables)))
                .blockLast(TIMEOUT);
    }

    /**
     * Makes the streaming table hold {@code items} rows, unless it already does.
     *
     * @param items the number of rows, {@link #ITEMS} for the benchmark
     */
    public void seedItems(int items) {
        createIfMissing();
        if (count("bench_item") == items) {
            return;
        }
        Raw.withConnection(pool(), connection -> Raw.execute(connection, "DELETE FROM bench_item"))
                .blockLast(TIMEOUT);
        int chunk = 100_000;
        for (int from = 0; from < items; from += chunk) {
            List<List<Object>> rows = new ArrayList<>(chunk);
            for (int i = from; i < Math.min(items, from + chunk); i++) {
                rows.add(List.of((long) i + 1, "item " + i, i));
            }
            Raw.inTransaction(
                            pool(),
                            connection -> insertRows(connection, "bench_item", List.of("id", "name", "amount"), rows))
                    .blockLast(TIMEOUT);
        }
        settle("bench_item");
    }

    /** Returns the smallest parent key (keys are consecutive from there after seeding). */
    public long firstParentId() {
        Long id = Raw.withConnection(
                        pool(),
                        connection -> Flux.from(connection
                                        .createStatement("SELECT MIN(id) FROM bench_parent")
                                        .execute())
                                .concatMap(result -> result.map((row, metadata) -> ((Number) row.get(0)).longValue())))
                .blockLast(TIMEOUT);
        return id == null ? 1 : id;
    }

    /** Returns the number of rows of a table. */
    public long count(String table) {
        Long count = Raw.withConnection(
                        pool(),
                        connection -> Flux.from(connection
                                        .createStatement("SELECT COUNT(*) FROM " + table)
                                        .execute())
                                .concatMap(result -> result.map((row, metadata) -> ((Number) row.get(0)).longValue())))
                .blockLast(TIMEOUT);
        return count == null ? 0 : count;
    }

    private Mono<Long> insertRows(Connection connection, String table, List<String> columns, List<List<Object>> rows) {
        List<List<List<Object>>> chunks = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            chunks.add(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> {
                    Statement statement = connection.createStatement(valuesSql(table, columns, chunk.size()));
                    int index = 0;
                    for (List<Object> row : chunk) {
                        for (Object value : row) {
                            statement.bind(index++, value);
                        }
                    }
                    return Flux.from(statement.execute()).concatMap(io.r2dbc.spi.Result::getRowsUpdated);
                })
                .reduce(0L, Long::sum);
    }

    /**
     * Returns {@code INSERT INTO table (columns) VALUES (...), (...)} for a number of rows, with this database's markers.
     *
     * @param table the table
     * @param columns the columns
     * @param rows the number of rows
     * @return the SQL
     */
    public String valuesSql(String table, List<String> columns, int rows) {
        StringBuilder sql = new StringBuilder(32 + rows * columns.size() * 6)
                .append("INSERT INTO ")
                .append(table)
                .append(" (")
                .append(String.join(", ", columns))
                .append(") VALUES ");
        int marker = 1;
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < columns.size(); column++) {
                sql.append(column == 0 ? "" : ", ").append(database.marker(marker++));
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /**
     * Returns the statement that sets {@code bench_parent.amount} of many rows, each to its own value, the way this database
     * does it in one statement ({@code UPDATE ... FROM (VALUES ...)} on PostgreSQL, {@code UPDATE ... JOIN (SELECT ... UNION
     * ALL ...)} on MariaDB), written out by hand: binds are each row's id, then its amount.
     *
     * @param rows the number of rows
     * @return the SQL
     * @throws IllegalStateException on H2, which has no such statement
     */
    public String updateRowsSql(int rows) {
        StringBuilder sql = new StringBuilder(128 + rows * 24);
        switch (database) {
            case POSTGRESQL -> {
                sql.append("UPDATE bench_parent SET amount = sluice_rows.s0 FROM (VALUES ");
                for (int row = 0; row < rows; row++) {
                    sql.append(row == 0 ? "(" : ", (")
                            .append(database.marker(2 * row + 1))
                            .append(", ")
                            .append(database.marker(2 * row + 2))
                            .append(')');
                }
                sql.append(") AS sluice_rows (m0, s0) WHERE bench_parent.id = sluice_rows.m0");
            }
            case MARIADB -> {
                sql.append("UPDATE bench_parent JOIN (SELECT ? AS m0, ? AS s0");
                for (int row = 1; row < rows; row++) {
                    sql.append(" UNION ALL SELECT ?, ?");
                }
                sql.append(
                        ") AS sluice_rows ON bench_parent.id = sluice_rows.m0 SET bench_parent.amount = sluice_rows.s0");
            }
            default ->
                throw new IllegalStateException(database + " has no statement that updates rows with their own values");
        }
        return sql.toString();
    }

    @Override
    public void close() {
        engine.close().block(TIMEOUT);
    }
}
