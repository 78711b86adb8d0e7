package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Insert;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Upserts and insert-or-ignore change and keep the same rows on every database; what one cannot do fails before sending. */
final class UpsertIntegrationTests {

    static final Table STOCK = Table.builder("upsert_stock")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .autoIncrement()
            .column("sku", SqlType.varchar(10))
            .notNull()
            .unique()
            .column("name", SqlType.varchar(20))
            .column("quantity", SqlType.INTEGER)
            .build();
    static final Metadata METADATA = Metadata.of(STOCK);
    static final Column<Long> ID = STOCK.column("id", Long.class);
    static final Column<String> SKU = STOCK.column("sku", String.class);
    static final Column<String> NAME = STOCK.column("name", String.class);
    static final Column<Integer> QUANTITY = STOCK.column("quantity", Integer.class);

    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void dropTables() {
        Schemas.drop(engine, METADATA);
    }

    private void seed(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        engine.execute(SQL.insertInto(STOCK)
                        .columns(SKU, NAME, QUANTITY)
                        .values("a", "apple", 1)
                        .values("b", "banana", 2))
                .block(Duration.ofSeconds(10));
    }

    private static Insert proposed() {
        return SQL.insertInto(STOCK)
                .columns(SKU, NAME, QUANTITY)
                .values("a", "green apple", 10)
                .values("c", "cherry", 3);
    }

    private List<String> rows() {
        return engine.query(SQL.select(SKU, NAME, QUANTITY).from(STOCK).orderBy(SKU))
                .map(row -> row.get(0, String.class) + " " + row.get(1, String.class) + " " + row.get(2, Integer.class))
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldInsertNewRowsAndUpdateConflictingOnesWithTheProposedValues(TestDatabase database) {
        seed(database);
        engine.execute(proposed().onConflict(SKU).doUpdate().setExcluded(NAME, QUANTITY))
                .block(Duration.ofSeconds(10));
        assertThat(rows()).containsExactly("a green apple 10", "b banana 2", "c cherry 3");
    }

    @DatabaseTest
    void shouldKeepExistingRowsOnDoNothing(TestDatabase database) {
        seed(database);
        engine.execute(proposed().onConflict(SKU).doNothing()).block(Duration.ofSeconds(10));
        assertThat(rows()).containsExactly("a apple 1", "b banana 2", "c cherry 3");
    }

    @DatabaseTest
    void shouldComputeTheUpdateFromTheExistingAndTheProposedValues(TestDatabase database) {
        seed(database);
        engine.execute(proposed()
                        .values("b", "blueberry", 5)
                        .onConflict(SKU)
                        .doUpdate()
                        .set(QUANTITY, QUANTITY.plus(SQL.excluded(QUANTITY)))
                        .set(NAME, NAME.concat("/").concat(SQL.excluded(NAME))))
                .block(Duration.ofSeconds(10));
        assertThat(rows()).containsExactly("a apple/green apple 11", "b banana/blueberry 7", "c cherry 3");
    }

    @DatabaseTest
    void shouldSetBoundValuesOnConflict(TestDatabase database) {
        seed(database);
        engine.execute(proposed()
                        .onConflict(SKU)
                        .doUpdate()
                        .set(NAME, "restocked")
                        .set(QUANTITY, 0))
                .block(Duration.ofSeconds(10));
        assertThat(rows()).containsExactly("a restocked 0", "b banana 2", "c cherry 3");
    }

    @DatabaseTest
    void shouldUpdateOnlyRowsMeetingTheConditionOrRefuseItBeforeSendingOnMariaDb(TestDatabase database) {
        seed(database);
        Insert upsert = SQL.insertInto(STOCK)
                .columns(SKU, NAME, QUANTITY)
                .values("a", "apple", 0)
                .values("b", "banana", 9)
                .onConflict(SKU)
                .doUpdate()
                .setExcluded(QUANTITY)
                .where(QUANTITY.lt(SQL.excluded(QUANTITY)));
        if (database == TestDatabase.MARIADB) {
            assertThatThrownBy(() -> engine.execute(upsert).block(Duration.ofSeconds(10)))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("MariaDB's ON DUPLICATE KEY UPDATE has no condition");
            assertThat(rows()).containsExactly("a apple 1", "b banana 2");
            return;
        }
        engine.execute(upsert).block(Duration.ofSeconds(10));
        assertThat(rows()).containsExactly("a apple 1", "b banana 9");
    }

    @DatabaseTest
    void shouldReturnTheKeysOfInsertedAndUpdatedRows(TestDatabase database) {
        seed(database);
        List<Long> before = engine.query(SQL.select(ID).from(STOCK).orderBy(SKU))
                .map(row -> row.get(0, Long.class))
                .collectList()
                .block(Duration.ofSeconds(10));
        List<Long> returned = engine.query(proposed()
                        .onConflict(SKU)
                        .doUpdate()
                        .setExcluded(QUANTITY)
                        .returning(ID))
                .map(row -> row.get(0, Long.class))
                .collectList()
                .block(Duration.ofSeconds(10));
        Long cherry = engine.query(SQL.select(ID).from(STOCK).where(SKU.eq("c")))
                .map(row -> row.get(0, Long.class))
                .blockFirst(Duration.ofSeconds(10));
        assertThat(returned).containsExactlyInAnyOrder(before.get(0), cherry);
    }

    @DatabaseTest
    void shouldBindNullValuesInTheProposedRows(TestDatabase database) {
        seed(database);
        engine.execute(SQL.insertInto(STOCK)
                        .columns(SKU, NAME, QUANTITY)
                        .values("a", null, null)
                        .values("d", null, null)
                        .onConflict(SKU)
                        .doUpdate()
                        .setExcluded(NAME)
                        .set(QUANTITY, SQL.coalesce(SQL.excluded(QUANTITY), QUANTITY)))
                .block(Duration.ofSeconds(10));
        assertThat(rows()).containsExactly("a null 1", "b banana 2", "d null null");
    }

    @DatabaseTest
    void shouldUpsertTheRowsOfASelect(TestDatabase database) {
        seed(database);
        engine.execute(SQL.insertInto(STOCK)
                        .columns(SKU, NAME, QUANTITY)
                        .select(SQL.select(SKU, NAME, QUANTITY.times(2))
                                .from(STOCK)
                                .where(SKU.eq("b")))
                        .onConflict(SKU)
                        .doUpdate()
                        .setExcluded(QUANTITY))
                .block(Duration.ofSeconds(10));
        assertThat(rows()).containsExactly("a apple 1", "b banana 4");
    }
}
