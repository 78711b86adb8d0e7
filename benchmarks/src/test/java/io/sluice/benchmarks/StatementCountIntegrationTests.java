package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.benchmarks.model.Address;
import io.sluice.benchmarks.model.Customer;
import io.sluice.benchmarks.model.Email;
import io.sluice.benchmarks.model.Parent;
import io.sluice.benchmarks.model.Preferences;
import io.sluice.benchmarks.peers.JooqArms;
import io.sluice.benchmarks.peers.SpringArms;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Before any timing: every arm of every scenario sends the statements it should, counted by an r2dbc-proxy listener under the
 * shared pool, so that a batching bug cannot pass for ORM overhead. Where Sluice and the raw arm do the same work, they must
 * send the very same SQL in the same number of executions; the transaction is one BEGIN and one COMMIT in every arm. Runs on
 * H2, PostgreSQL and MariaDB with small N (1,200 crosses the 1,000-row insert chunk and the 500-key IN batch).
 */
final class StatementCountIntegrationTests {

    private static final int N = 1_200;
    private static final int PARENTS = 1_300;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Map<TestDatabase, Fixture> FIXTURES = new ConcurrentHashMap<>();
    private static final Map<TestDatabase, StatementLog> LOGS = new ConcurrentHashMap<>();

    private static Fixture fixture(TestDatabase database) {
        database.engine(); // skips (or, under CI, fails) when the server is not reachable
        return FIXTURES.computeIfAbsent(database, key -> {
            StatementLog log = new StatementLog();
            LOGS.put(key, log);
            Fixture fixture = Fixture.create(BenchDatabase.valueOf(key.name()), log, false);
            fixture.recreate();
            return fixture;
        });
    }

    @AfterAll
    static void dropTables() {
        FIXTURES.values().forEach(fixture -> {
            fixture.drop();
            fixture.close();
        });
        FIXTURES.clear();
    }

    /** Runs one arm's write, checks it ran in one transaction, and returns what it sent. */
    private static StatementLog run(TestDatabase database, Mono<?> work) {
        StatementLog log = LOGS.get(database);
        log.clear();
        assertThat(work.block(TIMEOUT)).isNotNull();
        assertThat(log.transactions()).containsExactly("beginTransaction", "commitTransaction");
        return log;
    }

    private static int chunks(int rows) {
        return (rows + Fixture.ROWS_PER_INSERT - 1) / Fixture.ROWS_PER_INSERT;
    }

    private static int batches(int keys) {
        return (keys + RawArms.IN_BATCH - 1) / RawArms.IN_BATCH;
    }

    @DatabaseTest
    void shouldInsertWithTheSameStatementsAsTheRawValuesArm(TestDatabase database) {
        Fixture fixture = fixture(database);
        fixture.emptyParents();
        RawArms raw = new RawArms(fixture);

        StatementLog log = run(database, raw.insertAdd(N));
        assertThat(log.executions())
                .extracting(StatementLog.Execution::bindings)
                .containsExactly(N, 2 * N);
        assertThat(fixture.count("bench_child")).isEqualTo(2L * N);

        List<String> values = run(database, raw.insertValues(N)).statements();
        assertThat(values).hasSize(chunks(N) + chunks(2 * N));

        assertThat(run(database, new SluiceArms(fixture).insert(N)).statements())
                .containsExactlyElementsOf(values);
        assertThat(run(database, new JooqArms(fixture).insert(N)).statements()).hasSize(chunks(N) + chunks(2 * N));
        assertThat(run(database, new SpringArms(fixture).insert(10)).statements())
                .hasSize(3 * 10);
        assertThat(fixture.count("bench_parent")).isEqualTo(4L * N + 10);
        assertThat(fixture.count("bench_child")).isEqualTo(2 * (4L * N + 10));
    }

    @DatabaseTest
    void shouldUpdateWithOneSelectAndOneBatchOrOneStatementPerThousandRows(TestDatabase database) {
        Fixture fixture = fixture(database);
        fixture.seedParents(PARENTS, 10);
        long total = amountTotal(fixture);
        StatementLog log = run(database, new RawArms(fixture).update(N));
        assertThat(log.executions())
                .extracting(StatementLog.Execution::bindings)
                .containsExactly(1, N);
        String update = log.statements().get(1);
        assertThat(amountTotal(fixture)).isEqualTo(total += N);

        List<String> select = log.statements().subList(0, 1);
        StatementLog rows = run(database, new RawArms(fixture).updateRows(N));
        List<String> rowsStatements = rows.statements();
        List<Integer> rowsBindings =
                rows.executions().stream().map(StatementLog.Execution::bindings).toList();
        assertThat(amountTotal(fixture)).isEqualTo(total += N);
        if (database == TestDatabase.H2) {
            assertThat(rowsStatements).containsExactly(select.get(0), update);
        } else {
            // One multi-row UPDATE per 1,000 rows.
            assertThat(rowsBindings).containsExactly(1, 1, 1);
            assertThat(rowsStatements).hasSize(1 + chunks(N));
        }

        StatementLog sluice = run(database, new SluiceArms(fixture).update(N));
        assertThat(sluice.executions())
                .extracting(StatementLog.Execution::bindings)
                .containsExactlyElementsOf(rowsBindings);
        assertThat(sluice.statements()).containsExactlyElementsOf(rowsStatements);
        assertThat(amountTotal(fixture)).isEqualTo(total += N);

        List<String> jooq = run(database, new JooqArms(fixture).update(N)).statements();
        assertThat(amountTotal(fixture)).isEqualTo(total += N);
        assertThat(jooq).hasSize(1 + N);
        assertThat(run(database, new SpringArms(fixture).update(N)).statements())
                .hasSize(1 + N);
        assertThat(amountTotal(fixture)).isEqualTo(total + N);
    }

    private static long amountTotal(Fixture fixture) {
        return Raw.withConnection(
                        fixture.pool(),
                        connection -> Flux.from(connection
                                        .createStatement("SELECT SUM(amount) FROM bench_parent")
                                        .execute())
                                .concatMap(result -> result.map((row, metadata) -> ((Number) row.get(0)).longValue())))
                .blockLast(TIMEOUT);
    }

    @DatabaseTest
    void shouldReadWithOneStatementAndTheSameSqlAsTheRawArm(TestDatabase database) {
        Fixture fixture = fixture(database);
        fixture.seedParents(PARENTS, 10);
        RawArms raw = new RawArms(fixture);
        SluiceArms sluice = new SluiceArms(fixture);
        SpringArms spring = new SpringArms(fixture);
        JooqArms jooq = new JooqArms(fixture);

        assertThat(single(database, () -> raw.entities(N), N)).isEqualTo(single(database, () -> sluice.entities(N), N));
        assertThat(single(database, () -> raw.entities(N), N))
                .isEqualTo(single(database, () -> sluice.entitiesReadOnly(N), N));
        assertThat(single(database, () -> raw.tuples(N), N)).isEqualTo(single(database, () -> sluice.tuples(N), N));
        long id = fixture.firstParentId() + 6;
        assertThat(single(database, () -> raw.get(id), 1)).isEqualTo(single(database, () -> sluice.get(id), 1));
        single(database, () -> spring.entities(N), N);
        single(database, () -> spring.tuples(N), N);
        single(database, () -> spring.get(id), 1);
        single(database, () -> jooq.entities(N), N);
        single(database, () -> jooq.tuples(N), N);
        single(database, () -> jooq.get(id), 1);

        Parent parent = sluice.get(id).block(TIMEOUT);
        assertThat(parent.getId()).isEqualTo(id);
        assertThat(parent.getName()).isEqualTo("parent 6");
    }

    /** Runs a read, checks it sent one statement and emitted {@code rows} results, and returns the statement. */
    private static String single(
            TestDatabase database, Supplier<? extends org.reactivestreams.Publisher<?>> read, int rows) {
        StatementLog log = LOGS.get(database);
        log.clear();
        Long count = Flux.from(read.get()).count().block(TIMEOUT);
        assertThat(count).isEqualTo(rows);
        assertThat(log.transactions()).containsExactly("beginTransaction", "commitTransaction");
        assertThat(log.executions()).hasSize(1);
        return log.statements().get(0);
    }

    @DatabaseTest
    void shouldReadAndWriteTypedColumnsWithTheSameStatementsAndObjectsAsTheRawArm(TestDatabase database) {
        Fixture fixture = fixture(database);
        fixture.emptyCustomers();
        RawArms raw = new RawArms(fixture);
        SluiceArms sluice = new SluiceArms(fixture);

        StatementLog log = run(database, raw.insertCustomers(N));
        List<String> values = log.statements();
        assertThat(values).hasSize(chunks(N));
        assertThat(log.executions())
                .extracting(StatementLog.Execution::bindings)
                .containsOnly(1);
        assertThat(run(database, sluice.insertCustomers(N)).statements()).containsExactlyElementsOf(values);
        assertThat(fixture.count("bench_customer")).isEqualTo(2L * N);

        assertThat(single(database, () -> raw.customers(N), N))
                .isEqualTo(single(database, () -> sluice.customers(N), N));
        assertThat(single(database, () -> raw.customers(N), N))
                .isEqualTo(single(database, () -> sluice.customersReadOnly(N), N));
        // The same customers, column for column: the converted e-mail, the embedded address and the parsed JSON.
        List<List<Object>> read = raw.customers(N)
                .map(StatementCountIntegrationTests::values)
                .collectList()
                .block(TIMEOUT);
        assertThat(sluice.customers(N)
                        .map(StatementCountIntegrationTests::values)
                        .collectList()
                        .block(TIMEOUT))
                .isEqualTo(read);
        assertThat(read.get(7))
                .containsExactly(
                        read.get(0).get(0) instanceof Long first ? first + 7 : null,
                        "customer 7",
                        new Email("customer7@example.com"),
                        new Address("7 High Street", "Town 7", "AB7"),
                        new Preferences("en", false, List.of("books", "music 0")));
        fixture.emptyCustomers();
    }

    private static List<Object> values(Customer customer) {
        return java.util.Arrays.asList(
                customer.getId(),
                customer.getName(),
                customer.getEmail(),
                customer.getAddress(),
                customer.getPreferences());
    }

    @DatabaseTest
    void shouldLoadChildrenWithTheStatementsOfEachStrategy(TestDatabase database) {
        Fixture fixture = fixture(database);
        fixture.seedParents(PARENTS, 10);
        RawArms raw = new RawArms(fixture);
        SluiceArms sluice = new SluiceArms(fixture);

        assertThat(loaded(
                        database,
                        raw.nPlusOne(N).map(loaded -> loaded.children().size())))
                .hasSize(1 + N);
        List<String> selectin =
                loaded(database, raw.selectin(N).map(loaded -> loaded.children().size()));
        assertThat(selectin).hasSize(1 + batches(N));
        List<String> joined =
                loaded(database, raw.joined(N).map(loaded -> loaded.children().size()));
        assertThat(joined).hasSize(1);

        Flux<Integer> lazy = sluice.lazy(N).map(parent -> parent.getChildren().size());
        assertThat(loaded(database, lazy)).containsExactlyElementsOf(selectin);
        Flux<Integer> eager =
                sluice.selectin(N).map(parent -> parent.getChildren().size());
        assertThat(loaded(database, eager)).containsExactlyElementsOf(selectin);
        Flux<Integer> join = sluice.joined(N).map(parent -> parent.getChildren().size());
        assertThat(loaded(database, join)).containsExactlyElementsOf(joined);
    }

    @DatabaseTest
    void shouldSelectinLoadInTwoStatementsWhenTheBatchSizeCoversN(TestDatabase database) {
        Fixture fixture = fixture(database);
        fixture.seedParents(PARENTS, 10);
        SluiceArms wide = new SluiceArms(fixture, fixture.sessions().withLoadBatchSize(N));
        assertThat(loaded(
                        database,
                        wide.selectin(N).map(parent -> parent.getChildren().size())))
                .hasSize(2);
    }

    /** Runs a relationship load, checks every parent came with its 10 children, and returns the statements. */
    private static List<String> loaded(TestDatabase database, Flux<Integer> childCounts) {
        StatementLog log = LOGS.get(database);
        log.clear();
        List<Integer> counts = childCounts.collectList().block(TIMEOUT);
        assertThat(counts).hasSize(N).containsOnly(10);
        assertThat(log.transactions()).containsExactly("beginTransaction", "commitTransaction");
        return log.statements();
    }

    @DatabaseTest
    void shouldStreamWithTheSameStatementsAsTheRawArm(TestDatabase database) {
        Fixture fixture = fixture(database);
        fixture.seedItems(2_000);
        StatementLog log = LOGS.get(database);
        List<String> raw = streamed(database, new RawArms(fixture).stream());
        assertThat(raw).hasSize(database == TestDatabase.H2 ? 3 : 1);
        assertThat(streamed(database, new SluiceArms(fixture).stream())).containsExactlyElementsOf(raw);
        assertThat(streamed(database, new SpringArms(fixture).stream())).hasSize(1);
        assertThat(streamed(database, new JooqArms(fixture).stream())).hasSize(1);
        assertThat(log.transactions()).containsExactly("beginTransaction", "commitTransaction");
    }

    /** Streams the items, checks all 2,000 came in one transaction, and returns the statements. */
    private static List<String> streamed(TestDatabase database, Flux<?> items) {
        StatementLog log = LOGS.get(database);
        log.clear();
        assertThat(items.count().block(TIMEOUT)).isEqualTo(2_000);
        assertThat(log.transactions()).containsExactly("beginTransaction", "commitTransaction");
        return log.statements();
    }
}
