package io.sluice.core.sql.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Insert;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import org.junit.jupiter.api.Test;

/** Upserts as each database writes them (ON CONFLICT, ON DUPLICATE KEY UPDATE, MERGE), every value a bind parameter. */
class UpsertRenderUnitTests {

    static final Table STOCK = Table.builder("stock")
            .column("sku", SqlType.varchar(10))
            .primaryKey()
            .column("name", SqlType.varchar(20))
            .column("quantity", SqlType.INTEGER)
            .build();
    static final Column<String> SKU = STOCK.column("sku", String.class);
    static final Column<String> NAME = STOCK.column("name", String.class);
    static final Column<Integer> QUANTITY = STOCK.column("quantity", Integer.class);

    private static Insert twoRows() {
        return SQL.insertInto(STOCK)
                .columns(SKU, NAME, QUANTITY)
                .values("a", "apple", 1)
                .values("b", "pear", 2);
    }

    private static Insert upsert() {
        return twoRows()
                .onConflict(SKU)
                .doUpdate()
                .setExcluded(NAME)
                .set(QUANTITY, QUANTITY.plus(SQL.excluded(QUANTITY)));
    }

    @Test
    void shouldWriteOnConflictDoUpdateOnPostgres() {
        RenderedSql sql =
                SqlRenderer.render(upsert().where(QUANTITY.lt(SQL.excluded(QUANTITY))), PostgresDialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo("INSERT INTO stock (sku, name, quantity) VALUES ($1, $2, $3), ($4, $5, $6)"
                        + " ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name,"
                        + " quantity = stock.quantity + EXCLUDED.quantity WHERE stock.quantity < EXCLUDED.quantity");
        assertThat(sql.binds()).extracting(BindValue::value).containsExactly("a", "apple", 1, "b", "pear", 2);
    }

    @Test
    void shouldWriteOnConflictDoNothingAndReturningOnPostgres() {
        assertThat(SqlRenderer.render(twoRows().onConflict(SKU).doNothing().returning(SKU), PostgresDialect.INSTANCE)
                        .sql())
                .isEqualTo("INSERT INTO stock (sku, name, quantity) VALUES ($1, $2, $3), ($4, $5, $6)"
                        + " ON CONFLICT (sku) DO NOTHING RETURNING sku");
    }

    @Test
    void shouldWriteOnDuplicateKeyUpdateOnMariaDb() {
        RenderedSql sql = SqlRenderer.render(upsert().set(NAME, "fruit"), MariaDbDialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo("INSERT INTO stock (sku, name, quantity) VALUES (?, ?, ?), (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE name = VALUES(name), quantity = stock.quantity + VALUES(quantity),"
                        + " name = ?");
        assertThat(sql.binds()).extracting(BindValue::value).containsExactly("a", "apple", 1, "b", "pear", 2, "fruit");
    }

    @Test
    void shouldWriteDoNothingAsANoOpUpdateOnMariaDb() {
        RenderedSql sql =
                SqlRenderer.render(twoRows().onConflict(SKU).doNothing().returning(SKU), MariaDbDialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo("INSERT INTO stock (sku, name, quantity) VALUES (?, ?, ?), (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE sku = sku");
        assertThat(sql.generatedKeys()).containsExactly("sku");
    }

    @Test
    void shouldWriteMergeOnH2() {
        RenderedSql sql = SqlRenderer.render(upsert().where(QUANTITY.lt(SQL.excluded(QUANTITY))), H2Dialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo(
                        "MERGE INTO stock USING (VALUES ($1, $2, $3), ($4, $5, $6)) AS excluded (sku, name, quantity)"
                                + " ON stock.sku = excluded.sku"
                                + " WHEN MATCHED AND stock.quantity < excluded.quantity"
                                + " THEN UPDATE SET name = excluded.name, quantity = stock.quantity + excluded.quantity"
                                + " WHEN NOT MATCHED THEN INSERT (sku, name, quantity)"
                                + " VALUES (excluded.sku, excluded.name, excluded.quantity)");
        assertThat(sql.binds()).extracting(BindValue::value).containsExactly("a", "apple", 1, "b", "pear", 2);
    }

    @Test
    void shouldWriteDoNothingAsMergeWithoutUpdateOnH2() {
        RenderedSql sql =
                SqlRenderer.render(twoRows().onConflict(SKU).doNothing().returning(SKU), H2Dialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo(
                        "MERGE INTO stock USING (VALUES ($1, $2, $3), ($4, $5, $6)) AS excluded (sku, name, quantity)"
                                + " ON stock.sku = excluded.sku"
                                + " WHEN NOT MATCHED THEN INSERT (sku, name, quantity)"
                                + " VALUES (excluded.sku, excluded.name, excluded.quantity)");
        assertThat(sql.generatedKeys()).containsExactly("sku");
    }

    @Test
    void shouldMergeTheRowsOfASelectOnH2() {
        Insert insert = SQL.insertInto(STOCK)
                .columns(SKU, NAME)
                .select(SQL.select(SKU, NAME).from(STOCK).where(QUANTITY.gt(5)))
                .onConflict(SKU)
                .doUpdate()
                .setExcluded(NAME);
        assertThat(SqlRenderer.render(insert, H2Dialect.INSTANCE).sql())
                .startsWith("MERGE INTO stock USING (SELECT stock.sku, stock.name FROM stock WHERE stock.quantity > $1)"
                        + " AS excluded (sku, name) ON stock.sku = excluded.sku");
        assertThat(SqlRenderer.render(insert, PostgresDialect.INSTANCE).sql())
                .isEqualTo(
                        "INSERT INTO stock (sku, name) SELECT stock.sku, stock.name FROM stock WHERE stock.quantity > $1"
                                + " ON CONFLICT (sku) DO UPDATE SET name = EXCLUDED.name");
    }

    @Test
    void shouldRefuseAConditionOnMariaDbBeforeSending() {
        assertThatThrownBy(() -> SqlRenderer.render(
                        upsert().where(QUANTITY.lt(SQL.excluded(QUANTITY))), MariaDbDialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MariaDB's ON DUPLICATE KEY UPDATE has no condition")
                .hasMessageContaining("remove where(...)");
    }

    @Test
    void shouldRefuseMistakesNamingTheFix() {
        assertThatThrownBy(() -> SqlRenderer.render(twoRows().onConflict(SKU).doUpdate(), PostgresDialect.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sets nothing on conflict: add set(...) or setExcluded(...)");
        assertThatThrownBy(() -> twoRows().set(NAME, "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call onConflict(...).doUpdate() before set(...)");
        assertThatThrownBy(() -> twoRows().onConflict(SKU).doNothing().setExcluded(NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before setExcluded(...)");
        assertThatThrownBy(() -> twoRows().onConflict())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the columns of a unique key");
        assertThatThrownBy(() -> SqlRenderer.render(
                        SQL.update(STOCK).set(QUANTITY, SQL.excluded(QUANTITY)), PostgresDialect.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use it only in set(...) and where(...) after onConflict(...).doUpdate()");
        Insert withoutKey = SQL.insertInto(STOCK)
                .columns(NAME)
                .values("apple")
                .onConflict(SKU)
                .doNothing();
        assertThatThrownBy(() -> SqlRenderer.render(withoutKey, H2Dialect.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H2 writes the upsert into stock as MERGE")
                .hasMessageContaining("add sku to columns(...)");
    }
}
