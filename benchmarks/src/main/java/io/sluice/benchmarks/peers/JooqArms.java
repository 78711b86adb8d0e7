package io.sluice.benchmarks.peers;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.sluice.benchmarks.BenchDatabase;
import io.sluice.benchmarks.Fixture;
import io.sluice.benchmarks.model.Item;
import io.sluice.benchmarks.model.Parent;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The jOOQ 3.19 arm over R2DBC, on the pool Sluice uses, every piece of work in {@code transactionPublisher} as Sluice's sessions
 * run theirs. Rows map to the same classes as the raw arm by a constructor call on the typed record (what {@code Records.mapping} does, jOOQ's
 * fastest mapping). jOOQ is a query builder, not an ORM: it has no unit of work and no relationship loading, so it has no arm in
 * the relationship scenario, and its update arm sends one UPDATE per row (jOOQ's batch API is not implemented over R2DBC).
 */
public final class JooqArms {

    private static final Table<Record> PARENT = table(name("bench_parent"));
    private static final Field<Long> P_ID = field(name("bench_parent", "id"), SQLDataType.BIGINT);
    private static final Field<String> P_NAME = field(name("bench_parent", "name"), SQLDataType.VARCHAR(50));
    private static final Field<Integer> P_AMOUNT = field(name("bench_parent", "amount"), SQLDataType.INTEGER);
    private static final Field<Long> P_ID_BARE = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> P_NAME_BARE = field(name("name"), SQLDataType.VARCHAR(50));
    private static final Field<Integer> P_AMOUNT_BARE = field(name("amount"), SQLDataType.INTEGER);
    private static final Table<Record> CHILD = table(name("bench_child"));
    private static final Field<String> C_NAME = field(name("name"), SQLDataType.VARCHAR(50));
    private static final Field<Long> C_PARENT_ID = field(name("parent_id"), SQLDataType.BIGINT);
    private static final Field<Long> C_ID = field(name("id"), SQLDataType.BIGINT);
    private static final Table<Record> ITEM = table(name("bench_item"));
    private static final Field<Long> I_ID = field(name("bench_item", "id"), SQLDataType.BIGINT);
    private static final Field<String> I_NAME = field(name("bench_item", "name"), SQLDataType.VARCHAR(50));
    private static final Field<Integer> I_AMOUNT = field(name("bench_item", "amount"), SQLDataType.INTEGER);

    private final DSLContext context;

    /**
     * Creates the arm over a fixture's pool.
     *
     * @param fixture the fixture
     */
    public JooqArms(Fixture fixture) {
        SQLDialect dialect = fixture.database() == BenchDatabase.H2
                ? SQLDialect.H2
                : fixture.database() == BenchDatabase.POSTGRESQL ? SQLDialect.POSTGRES : SQLDialect.MARIADB;
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderNameCase(RenderNameCase.AS_IS)
                .withExecuteLogging(false)
                .withRenderSchema(false);
        this.context = DSL.using(fixture.pool(), dialect, settings);
    }

    /**
     * Inserts {@code n} parents with 2 children each as multi-row INSERTs of at most 1,000 rows with generated keys returned.
     *
     * @param n the number of parents
     * @return the rows inserted
     */
    public Mono<Long> insert(int n) {
        return Flux.from(context.transactionPublisher(configuration -> {
                    DSLContext dsl = configuration.dsl();
                    List<Long> ids = new ArrayList<>(n);
                    Flux<Long> parents = Flux.range(0, chunks(n)).concatMap(chunk -> {
                        int from = chunk * Fixture.ROWS_PER_INSERT;
                        InsertValuesStep2<Record, String, Integer> insert =
                                dsl.insertInto(PARENT, P_NAME_BARE, P_AMOUNT_BARE);
                        for (int i = from; i < Math.min(n, from + Fixture.ROWS_PER_INSERT); i++) {
                            insert = insert.values("new " + i, i);
                        }
                        return Flux.from(insert.returningResult(P_ID_BARE)).map(Record1Value::of);
                    });
                    return parents.doOnNext(ids::add)
                            .then(Mono.defer(() -> Flux.range(0, chunks(2 * n))
                                    .concatMap(chunk -> {
                                        int from = chunk * Fixture.ROWS_PER_INSERT;
                                        InsertValuesStep2<Record, String, Long> insert =
                                                dsl.insertInto(CHILD, C_NAME, C_PARENT_ID);
                                        for (int row = from;
                                                row < Math.min(2 * n, from + Fixture.ROWS_PER_INSERT);
                                                row++) {
                                            insert = insert.values(
                                                    (row & 1) == 0 ? "first" : "second", ids.get(row >> 1));
                                        }
                                        return Flux.from(insert.returningResult(C_ID));
                                    })
                                    .count()))
                            .map(count -> count + ids.size());
                }))
                .single();
    }

    /** Reads the value of a one-column record. */
    private static final class Record1Value {
        static Long of(org.jooq.Record1<Long> record) {
            return record.value1();
        }
    }

    private static int chunks(int rows) {
        return (rows + Fixture.ROWS_PER_INSERT - 1) / Fixture.ROWS_PER_INSERT;
    }

    /**
     * Loads {@code n} parents and updates each one's amount (one UPDATE per row).
     *
     * @param n the number of parents
     * @return the rows updated
     */
    public Mono<Long> update(int n) {
        return Flux.from(context.transactionPublisher(configuration -> {
                    DSLContext dsl = configuration.dsl();
                    return Flux.from(dsl.select(P_ID, P_NAME, P_AMOUNT)
                                    .from(PARENT)
                                    .limit(n))
                            .map(record -> new Parent(record.value1(), record.value2(), record.value3()))
                            .collectList()
                            .flatMapMany(Flux::fromIterable)
                            .concatMap(parent -> Mono.from(dsl.update(PARENT)
                                    .set(P_AMOUNT_BARE, parent.getAmount() + 1)
                                    .where(P_ID_BARE.eq(parent.getId()))))
                            .reduce(0L, (sum, count) -> sum + count);
                }))
                .single();
    }

    /**
     * Queries {@code n} parents, mapped to {@link Parent} by constructor.
     *
     * @param n the number of rows
     * @return the parents
     */
    public Flux<Parent> entities(int n) {
        return Flux.from(context.transactionPublisher(configuration -> Flux.from(configuration
                        .dsl()
                        .select(P_ID, P_NAME, P_AMOUNT)
                        .from(PARENT)
                        .limit(n))
                .map(record -> new Parent(record.value1(), record.value2(), record.value3()))));
    }

    /**
     * Queries the name and key of {@code n} parents as jOOQ's typed records.
     *
     * @param n the number of rows
     * @return the records
     */
    public Flux<Record2<String, Long>> tuples(int n) {
        return Flux.from(context.transactionPublisher(configuration ->
                Flux.from(configuration.dsl().select(P_NAME, P_ID).from(PARENT).limit(n))));
    }

    /**
     * Gets one parent by key.
     *
     * @param id the key
     * @return the parent
     */
    public Mono<Parent> get(long id) {
        return Flux.from(context.transactionPublisher(configuration -> Flux.from(configuration
                                .dsl()
                                .select(P_ID, P_NAME, P_AMOUNT)
                                .from(PARENT)
                                .where(P_ID.eq(id)))
                        .map(record -> new Parent(record.value1(), record.value2(), record.value3()))))
                .single();
    }

    /**
     * Streams every item, mapped by constructor.
     *
     * @return the items
     */
    public Flux<Item> stream() {
        return Flux.from(context.transactionPublisher(configuration -> Flux.from(
                        configuration.dsl().select(I_ID, I_NAME, I_AMOUNT).from(ITEM))
                .map(record -> new Item(record.value1(), record.value2(), record.value3()))));
    }
}
