package io.sluice.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import io.sluice.benchmarks.model.Address;
import io.sluice.benchmarks.model.Child;
import io.sluice.benchmarks.model.Customer;
import io.sluice.benchmarks.model.Email;
import io.sluice.benchmarks.model.Item;
import io.sluice.benchmarks.model.Parent;
import io.sluice.benchmarks.model.Preferences;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/**
 * The limit of every scenario: plain R2DBC on the pooled connection factory Sluice uses, sending the SQL Sluice sends (same text,
 * same statements, same transaction), written the fastest way the driver allows: columns read by index, keys read back in one
 * pass, no intermediate collections beyond what the scenario needs.
 */
public final class RawArms {

    /** Keys per {@code IN (...)} list: Sluice's default selectin and lazy-load batch size. */
    public static final int IN_BATCH = io.sluice.session.SessionFactory.DEFAULT_LOAD_BATCH_SIZE;

    private final BenchDatabase database;
    private final Fixture fixture;
    private final ConnectionFactory pool;
    private final String parentColumns = "bench_parent.id, bench_parent.name, bench_parent.amount";
    private final String selectParents;
    private final String selectParent;
    private final String selectTuples;
    private final String selectChildrenOf;
    private final String insertParent;
    private final String insertChild;
    private final String updateAmount;
    private final String selectJoined;
    private final String selectItems = "SELECT bench_item.id, bench_item.name, bench_item.amount FROM bench_item";
    private final String selectCustomers;
    /** The columns a new customer is inserted with, in Sluice's attribute order. */
    private static final List<String> CUSTOMER_COLUMNS =
            List.of("name", "email", "address_street", "address_city", "address_postcode", "preferences");
    /** Jackson, as an application writing R2DBC by hand would use it for the JSON column. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final ObjectReader PREFERENCES_READER = JSON.readerFor(Preferences.class);
    private static final ObjectWriter PREFERENCES_WRITER = JSON.writerFor(Preferences.class);

    /**
     * Creates the arm over a fixture's pool.
     *
     * @param fixture the fixture
     */
    public RawArms(Fixture fixture) {
        this.fixture = fixture;
        this.database = fixture.database();
        this.pool = fixture.pool();
        String m1 = database.marker(1);
        String m2 = database.marker(2);
        this.selectParents = "SELECT " + parentColumns + " FROM bench_parent LIMIT " + m1;
        this.selectParent = "SELECT " + parentColumns + " FROM bench_parent WHERE bench_parent.id = " + m1;
        this.selectTuples = "SELECT bench_parent.name, bench_parent.id FROM bench_parent LIMIT " + m1;
        this.selectChildrenOf = "SELECT bench_child.id, bench_child.name, bench_child.parent_id FROM bench_child"
                + " WHERE bench_child.parent_id = " + m1;
        this.insertParent = "INSERT INTO bench_parent (name, amount) VALUES (" + m1 + ", " + m2 + ")";
        this.insertChild = "INSERT INTO bench_child (name, parent_id) VALUES (" + m1 + ", " + m2 + ")";
        this.updateAmount = "UPDATE bench_parent SET amount = " + m1 + " WHERE bench_parent.id = " + m2;
        this.selectJoined = "SELECT anon_1.id, anon_1.name, anon_1.amount, bench_child_1.id, bench_child_1.name,"
                + " bench_child_1.parent_id FROM (SELECT " + parentColumns + " FROM bench_parent LIMIT " + m1
                + ") AS anon_1 LEFT OUTER JOIN bench_child AS bench_child_1 ON bench_child_1.parent_id = anon_1.id"
                + " ORDER BY bench_child_1.id";
        this.selectCustomers = "SELECT bench_customer.id, bench_customer.name, bench_customer.email,"
                + " bench_customer.address_street, bench_customer.address_city, bench_customer.address_postcode,"
                + " bench_customer.preferences FROM bench_customer LIMIT " + m1;
    }

    /**
     * Makes a customer from a row read by index, as Sluice does: the e-mail through its converter's work ({@code new
     * Email}), the address made from its three columns ({@code null} when all are {@code NULL}), the preferences parsed from
     * the JSON text with Jackson.
     */
    private static Customer customer(Row row) {
        String email = row.get(2, String.class);
        String street = row.get(3, String.class);
        String city = row.get(4, String.class);
        String postcode = row.get(5, String.class);
        String preferences = row.get(6, String.class);
        return new Customer(
                row.get(0, Long.class),
                row.get(1, String.class),
                email == null ? null : new Email(email),
                street == null && city == null && postcode == null ? null : new Address(street, city, postcode),
                preferences == null ? null : readPreferences(preferences));
    }

    private static Preferences readPreferences(String json) {
        try {
            return PREFERENCES_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not read preferences " + json, e);
        }
    }

    private static String writePreferences(Preferences preferences) {
        try {
            return PREFERENCES_WRITER.writeValueAsString(preferences);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not write preferences " + preferences, e);
        }
    }

    private static Parent parent(Row row) {
        return new Parent(row.get(0, Long.class), row.get(1, String.class), row.get(2, Integer.class));
    }

    private static Child child(Row row, int from) {
        return new Child(row.get(from, Long.class), row.get(from + 1, String.class), row.get(from + 2, Long.class));
    }

    private static Flux<Long> keys(Statement statement) {
        return Flux.from(statement.execute())
                .concatMap(result -> result.map((row, metadata) -> row.get(0, Long.class)));
    }

    private static Mono<Long> updated(Statement statement) {
        return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    /**
     * Inserts {@code n} parents with 2 children each through {@code Statement.add()}: one statement of N bindings for the
     * parents (keys read back), one of 2N for the children, in a transaction.
     *
     * @param n the number of parents
     * @return the rows inserted
     */
    public Mono<Long> insertAdd(int n) {
        return Raw.inTransaction(pool, connection -> {
                    Statement parents = connection.createStatement(insertParent).returnGeneratedValues("id");
                    for (int i = 0; i < n; i++) {
                        if (i > 0) {
                            parents.add();
                        }
                        parents.bind(0, "new " + i).bind(1, i);
                    }
                    return keys(parents).collectList().flatMap(ids -> {
                        Statement children =
                                connection.createStatement(insertChild).returnGeneratedValues("id");
                        boolean first = true;
                        for (Long id : ids) {
                            if (!first) {
                                children.add();
                            }
                            first = false;
                            children.bind(0, "first").bind(1, id).add();
                            children.bind(0, "second").bind(1, id);
                        }
                        return keys(children).count().map(count -> count + ids.size());
                    });
                })
                .single();
    }

    /**
     * Inserts {@code n} parents with 2 children each as multi-row {@code INSERT ... VALUES (...), (...)} statements of at most
     * 1,000 rows (as Sluice chunks them), keys read back, in a transaction.
     *
     * @param n the number of parents
     * @return the rows inserted
     */
    public Mono<Long> insertValues(int n) {
        return Raw.inTransaction(pool, connection -> {
                    List<Long> ids = new ArrayList<>(n);
                    Flux<Long> parents = Flux.range(0, chunks(n)).concatMap(chunk -> {
                        int from = chunk * Fixture.ROWS_PER_INSERT;
                        int rows = Math.min(n - from, Fixture.ROWS_PER_INSERT);
                        Statement statement = values(connection, "bench_parent", List.of("name", "amount"), rows);
                        int index = 0;
                        for (int i = from; i < from + rows; i++) {
                            statement.bind(index++, "new " + i).bind(index++, i);
                        }
                        return keys(statement);
                    });
                    return parents.doOnNext(ids::add)
                            .then(Mono.defer(() -> Flux.range(0, chunks(2 * n))
                                    .concatMap(chunk -> {
                                        int from = chunk * Fixture.ROWS_PER_INSERT;
                                        int rows = Math.min(2 * n - from, Fixture.ROWS_PER_INSERT);
                                        Statement statement =
                                                values(connection, "bench_child", List.of("name", "parent_id"), rows);
                                        int index = 0;
                                        for (int row = from; row < from + rows; row++) {
                                            statement
                                                    .bind(index++, (row & 1) == 0 ? "first" : "second")
                                                    .bind(index++, ids.get(row >> 1));
                                        }
                                        return keys(statement);
                                    })
                                    .count()))
                            .map(count -> count + ids.size());
                })
                .single();
    }

    private static int chunks(int rows) {
        return (rows + Fixture.ROWS_PER_INSERT - 1) / Fixture.ROWS_PER_INSERT;
    }

    private Statement values(Connection connection, String table, List<String> columns, int rows) {
        String sql = fixture.valuesSql(table, columns, rows);
        if (database.returning()) {
            return connection.createStatement(sql + " RETURNING id");
        }
        return connection.createStatement(sql).returnGeneratedValues("id");
    }

    /**
     * Loads {@code n} parents, then updates each one's amount through one {@code Statement.add()} batch, in a transaction.
     *
     * @param n the number of parents
     * @return the rows updated
     */
    public Mono<Long> update(int n) {
        return Raw.inTransaction(
                        pool,
                        connection -> parents(connection, n).flatMap(parents -> {
                            Statement update = connection.createStatement(updateAmount);
                            for (int i = 0; i < parents.size(); i++) {
                                Parent parent = parents.get(i);
                                if (i > 0) {
                                    update.add();
                                }
                                update.bind(0, parent.getAmount() + 1).bind(1, parent.getId());
                            }
                            return updated(update);
                        }))
                .single();
    }

    /**
     * Loads {@code n} parents, then updates each one's amount with one multi-row UPDATE per 1,000 rows (see
     * {@link Fixture#updateRowsSql(int)}), in a transaction. H2 has no such statement: there it is {@link #update(int)}.
     *
     * @param n the number of parents
     * @return the rows updated
     */
    public Mono<Long> updateRows(int n) {
        if (database == BenchDatabase.H2) {
            return update(n);
        }
        return Raw.inTransaction(
                        pool,
                        connection -> parents(connection, n)
                                .flatMap(parents -> Flux.range(0, chunks(parents.size()))
                                        .concatMap(chunk -> {
                                            int from = chunk * Fixture.ROWS_PER_INSERT;
                                            int rows = Math.min(parents.size() - from, Fixture.ROWS_PER_INSERT);
                                            Statement update = connection.createStatement(
                                                    rows == 1 ? updateAmount : fixture.updateRowsSql(rows));
                                            int index = 0;
                                            for (Parent parent : parents.subList(from, from + rows)) {
                                                if (rows == 1) {
                                                    update.bind(0, parent.getAmount() + 1)
                                                            .bind(1, parent.getId());
                                                } else {
                                                    update.bind(index++, parent.getId())
                                                            .bind(index++, parent.getAmount() + 1);
                                                }
                                            }
                                            return updated(update);
                                        })
                                        .reduce(0L, Long::sum)))
                .single();
    }

    /**
     * Queries {@code n} parents, mapping each row by index to a new {@link Parent}.
     *
     * @param n the number of rows
     * @return the parents
     */
    public Flux<Parent> entities(int n) {
        return Raw.inTransaction(
                pool,
                connection -> Flux.from(connection
                                .createStatement(selectParents)
                                .bind(0, (long) n)
                                .execute())
                        .concatMap(result -> result.map((row, metadata) -> parent(row))));
    }

    /**
     * Queries the name and key of {@code n} parents as tuples.
     *
     * @param n the number of rows
     * @return the tuples
     */
    public Flux<Tuple2<String, Long>> tuples(int n) {
        return Raw.inTransaction(
                pool,
                connection -> Flux.from(connection
                                .createStatement(selectTuples)
                                .bind(0, (long) n)
                                .execute())
                        .concatMap(result -> result.map(
                                (row, metadata) -> Tuples.of(row.get(0, String.class), row.get(1, Long.class)))));
    }

    /**
     * Gets one parent by key.
     *
     * @param id the key
     * @return the parent
     */
    public Mono<Parent> get(long id) {
        return Raw.inTransaction(
                        pool,
                        connection -> Flux.from(connection
                                        .createStatement(selectParent)
                                        .bind(0, id)
                                        .execute())
                                .concatMap(result -> result.map((row, metadata) -> parent(row))))
                .single();
    }

    private Mono<List<Parent>> parents(Connection connection, int n) {
        return Flux.from(connection
                        .createStatement(selectParents)
                        .bind(0, (long) n)
                        .execute())
                .concatMap(result -> result.map((row, metadata) -> parent(row)))
                .collectList();
    }

    /**
     * Queries {@code n} parents, then each one's children with one SELECT per parent (N+1).
     *
     * @param n the number of parents
     * @return the parents with their children
     */
    public Flux<Loaded> nPlusOne(int n) {
        return Raw.inTransaction(
                pool,
                connection -> parents(connection, n)
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(parent -> Flux.from(connection
                                        .createStatement(selectChildrenOf)
                                        .bind(0, parent.getId())
                                        .execute())
                                .concatMap(result -> result.map((row, metadata) -> child(row, 0)))
                                .collectList()
                                .map(children -> new Loaded(parent, children))));
    }

    /**
     * Queries {@code n} parents, then their children with {@code WHERE parent_id IN (...)} per 500 keys, as Sluice's
     * selectinLoad does.
     *
     * @param n the number of parents
     * @return the parents with their children
     */
    public Flux<Loaded> selectin(int n) {
        return Raw.inTransaction(
                pool,
                connection -> parents(connection, n).flatMapMany(parents -> {
                    Map<Long, List<Child>> byParent = new HashMap<>(parents.size() * 2);
                    List<List<Parent>> batches = new ArrayList<>();
                    for (int from = 0; from < parents.size(); from += IN_BATCH) {
                        batches.add(parents.subList(from, Math.min(parents.size(), from + IN_BATCH)));
                    }
                    return Flux.fromIterable(batches)
                            .concatMap(batch -> {
                                StringBuilder sql = new StringBuilder(
                                        "SELECT bench_child.id, bench_child.name, bench_child.parent_id FROM bench_child WHERE"
                                                + " bench_child.parent_id IN (");
                                for (int i = 0; i < batch.size(); i++) {
                                    sql.append(i == 0 ? "" : ", ").append(database.marker(i + 1));
                                }
                                sql.append(") ORDER BY bench_child.parent_id, bench_child.id");
                                Statement statement = connection.createStatement(sql.toString());
                                for (int i = 0; i < batch.size(); i++) {
                                    statement.bind(i, batch.get(i).getId());
                                }
                                return Flux.from(statement.execute())
                                        .concatMap(result -> result.map((row, metadata) -> child(row, 0)));
                            })
                            .doOnNext(child -> byParent.computeIfAbsent(child.getParentId(), key -> new ArrayList<>())
                                    .add(child))
                            .thenMany(Flux.fromIterable(parents)
                                    .map(parent ->
                                            new Loaded(parent, byParent.getOrDefault(parent.getId(), List.of()))));
                }));
    }

    /**
     * Queries {@code n} parents and their children in one SELECT with a LEFT OUTER JOIN (Sluice's joinedLoad SQL), grouping the
     * rows by parent.
     *
     * @param n the number of parents
     * @return the parents with their children
     */
    public Flux<Loaded> joined(int n) {
        return Raw.inTransaction(pool, connection -> {
            Map<Long, Loaded> byKey = new LinkedHashMap<>();
            return Flux.from(connection
                            .createStatement(selectJoined)
                            .bind(0, (long) n)
                            .execute())
                    .concatMap(result -> result.map((row, metadata) -> {
                        Long id = row.get(0, Long.class);
                        Loaded loaded = byKey.get(id);
                        if (loaded == null) {
                            loaded = new Loaded(parent(row), new ArrayList<>());
                            byKey.put(id, loaded);
                        }
                        if (row.get(3) != null) {
                            loaded.children().add(child(row, 3));
                        }
                        return loaded;
                    }))
                    .thenMany(Flux.defer(() -> Flux.fromIterable(byKey.values())));
        });
    }

    /**
     * Queries {@code n} customers, mapping each row by index to a new {@link Customer}: its e-mail, address and parsed JSON
     * preferences made as Sluice makes them.
     *
     * @param n the number of rows
     * @return the customers
     */
    public Flux<Customer> customers(int n) {
        return Raw.inTransaction(
                pool,
                connection -> Flux.from(connection
                                .createStatement(selectCustomers)
                                .bind(0, (long) n)
                                .execute())
                        .concatMap(result -> result.map((row, metadata) -> customer(row))));
    }

    /**
     * Inserts {@code n} new customers ({@link Customer#numbered}) as multi-row {@code INSERT ... VALUES (...), (...)}
     * statements of at most 1,000 rows (as Sluice chunks them), keys read back, in a transaction: each customer's e-mail is
     * bound as its text, its address as three columns and its preferences as JSON text written by Jackson.
     *
     * @param n the number of customers
     * @return the rows inserted
     */
    public Mono<Long> insertCustomers(int n) {
        return Raw.inTransaction(pool, connection -> {
                    List<Customer> customers = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        customers.add(Customer.numbered(i));
                    }
                    return Flux.range(0, chunks(n))
                            .concatMap(chunk -> {
                                int from = chunk * Fixture.ROWS_PER_INSERT;
                                int rows = Math.min(n - from, Fixture.ROWS_PER_INSERT);
                                Statement statement = values(connection, "bench_customer", CUSTOMER_COLUMNS, rows);
                                int index = 0;
                                for (Customer customer : customers.subList(from, from + rows)) {
                                    bindCustomer(statement, index, customer);
                                    index += CUSTOMER_COLUMNS.size();
                                }
                                return keys(statement);
                            })
                            .count();
                })
                .single();
    }

    private void bindCustomer(Statement statement, int index, Customer customer) {
        Email email = customer.getEmail();
        Address address = customer.getAddress();
        Preferences preferences = customer.getPreferences();
        bind(statement, index, customer.getName(), String.class);
        bind(statement, index + 1, email == null ? null : email.address(), String.class);
        bind(statement, index + 2, address == null ? null : address.street(), String.class);
        bind(statement, index + 3, address == null ? null : address.city(), String.class);
        bind(statement, index + 4, address == null ? null : address.postcode(), String.class);
        if (preferences == null) {
            statement.bindNull(index + 5, database.json("{}").getClass());
        } else {
            statement.bind(index + 5, database.json(writePreferences(preferences)));
        }
    }

    private static void bind(Statement statement, int index, @Nullable Object value, Class<?> type) {
        if (value == null) {
            statement.bindNull(index, type);
        } else {
            statement.bind(index, value);
        }
    }

    /** The fetch size of a stream: Sluice's default for {@code Query.stream()}. */
    public static final int FETCH_SIZE = 250;

    /**
     * Streams every item, mapped by index, as Sluice streams: fetch size 250 (a cursor on PostgreSQL; ignored by the other
     * drivers), and on H2 lazy query execution turned on before the query and off after it.
     *
     * @return the items
     */
    public Flux<Item> stream() {
        return Raw.inTransaction(pool, connection -> {
            Statement select = connection.createStatement(selectItems);
            select.fetchSize(FETCH_SIZE); // not chained: r2dbc-proxy's statement returns the driver's from fetchSize()
            Flux<Item> items = Flux.from(select.execute())
                    .concatMap(result -> result.map((row, metadata) ->
                            new Item(row.get(0, Long.class), row.get(1, String.class), row.get(2, Integer.class))));
            if (database != BenchDatabase.H2) {
                return items;
            }
            return Raw.execute(connection, "SET LAZY_QUERY_EXECUTION TRUE")
                    .thenMany(items)
                    .concatWith(Raw.execute(connection, "SET LAZY_QUERY_EXECUTION FALSE")
                            .then(Mono.empty()));
        });
    }
}
