package io.sluice.core.sql.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.CommonTableExpression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import org.junit.jupiter.api.Test;

/** Common table expressions: hoisted to one WITH at the top, in dependency order, with their binds in the order of the text. */
class CteRenderUnitTests {

    static final Table STAFF = Table.builder("staff")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("name", SqlType.varchar(40))
            .column("boss_id", SqlType.INTEGER)
            .build();
    static final Column<Integer> ID = STAFF.column("id", Integer.class);
    static final Column<String> NAME = STAFF.column("name", String.class);
    static final Column<Integer> BOSS = STAFF.column("boss_id", Integer.class);

    static CommonTableExpression tree() {
        return SQL.recursiveCte(
                "tree",
                SQL.select(ID, NAME, SQL.cast(SQL.value(0), SqlType.INTEGER).as("depth"))
                        .where(BOSS.isNull()),
                t -> SQL.select(ID, NAME, t.column("depth", Integer.class).plus(1))
                        .from(STAFF)
                        .join(t, BOSS.eq(t.column("id", Integer.class))));
    }

    @Test
    void shouldHoistARecursiveCteToTheTopWithItsBindsFirst() {
        CommonTableExpression tree = tree();
        RenderedSql sql = SqlRenderer.render(
                SQL.select(tree.column("name"), tree.column("depth"))
                        .where(tree.column("depth", Integer.class).lt(3))
                        .orderBy(tree.column("name")),
                PostgresDialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo(
                        "WITH RECURSIVE tree (id, name, depth) AS (SELECT staff.id, staff.name, CAST($1 AS INTEGER) AS depth"
                                + " FROM staff WHERE staff.boss_id IS NULL UNION ALL SELECT staff.id, staff.name, tree.depth + $2"
                                + " FROM staff JOIN tree ON staff.boss_id = tree.id)"
                                + " SELECT tree.name, tree.depth FROM tree WHERE tree.depth < $3 ORDER BY tree.name");
        assertThat(sql.binds()).extracting(BindValue::value).containsExactly(0, 1, 3);
        assertThat(SqlRenderer.render(SQL.select(tree.column("name")), MariaDbDialect.INSTANCE)
                        .sql())
                .startsWith("WITH RECURSIVE tree (id, name, depth) AS (SELECT staff.id, staff.name, CAST(? AS")
                .endsWith(" SELECT tree.name FROM tree");
    }

    @Test
    void shouldWriteCtesInDependencyOrderOnceEachWithoutRecursiveWhenNoneIs() {
        CommonTableExpression bosses = SQL.select(ID, NAME).where(BOSS.isNull()).cte("bosses");
        CommonTableExpression named = SQL.select(bosses.column("id"), bosses.column("name"))
                .where(bosses.column("name", String.class).like("A%"))
                .cte("named", "boss_id", "boss_name");
        RenderedSql sql = SqlRenderer.render(
                SQL.select(NAME)
                        .from(STAFF)
                        .join(named, BOSS.eq(named.column("boss_id", Integer.class)))
                        .where(ID.in(SQL.select(bosses.column("id")))),
                H2Dialect.INSTANCE);
        assertThat(sql.sql())
                .isEqualTo(
                        "WITH bosses (id, name) AS (SELECT staff.id, staff.name FROM staff WHERE staff.boss_id IS NULL),"
                                + " named (boss_id, boss_name) AS (SELECT bosses.id, bosses.name FROM bosses WHERE bosses.name LIKE $1)"
                                + " SELECT staff.name FROM staff JOIN named ON staff.boss_id = named.boss_id"
                                + " WHERE staff.id IN (SELECT bosses.id FROM bosses)");
    }

    @Test
    void shouldWriteTheWithBeforeADeleteOnPostgresqlAndInTheSubqueryElsewhere() {
        CommonTableExpression tree = tree();
        var delete = SQL.deleteFrom(STAFF).where(ID.in(SQL.select(tree.column("id"))));
        assertThat(SqlRenderer.render(delete, PostgresDialect.INSTANCE).sql())
                .startsWith("WITH RECURSIVE tree (id, name, depth) AS (")
                .endsWith(") DELETE FROM staff WHERE staff.id IN (SELECT tree.id FROM tree)");
        assertThat(SqlRenderer.render(delete, MariaDbDialect.INSTANCE).sql())
                .startsWith("DELETE FROM staff WHERE staff.id IN (WITH RECURSIVE tree (id, name, depth) AS (")
                .endsWith(" SELECT tree.id FROM tree)");
        var update = SQL.update(STAFF).set(NAME, "x").where(ID.in(SQL.select(tree.column("id"))));
        RenderedSql h2 = SqlRenderer.render(update, H2Dialect.INSTANCE);
        assertThat(h2.sql())
                .startsWith("UPDATE staff SET name = $1 WHERE staff.id IN (WITH RECURSIVE tree (id, name, depth) AS (");
        assertThat(h2.binds()).extracting(BindValue::value).containsExactly("x", 0, 1);
    }

    @Test
    void shouldWriteTheWithOfAnInsertedSelectAfterTheColumns() {
        CommonTableExpression tree = tree();
        RenderedSql sql = SqlRenderer.render(
                SQL.insertInto(STAFF).columns(ID, NAME).select(SQL.select(tree.column("id"), tree.column("name"))),
                MariaDbDialect.INSTANCE);
        assertThat(sql.sql())
                .startsWith("INSERT INTO staff (id, name) WITH RECURSIVE tree (id, name, depth) AS (")
                .endsWith(") SELECT tree.id, tree.name FROM tree");
    }

    @Test
    void shouldRefuseTwoDifferentCtesOfOneName() {
        CommonTableExpression one = SQL.select(ID).cte("c");
        CommonTableExpression other = SQL.select(NAME).cte("c");
        assertThatThrownBy(() -> SqlRenderer.render(
                        SQL.select(one.column("id"), other.column("name")), PostgresDialect.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different common table expressions are named c");
    }

    @Test
    void shouldRefuseACteWhoseColumnsAreNotOnePerItem() {
        assertThatThrownBy(() -> SQL.select(ID, NAME).cte("c", "only"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names 1 columns but selects 2");
        assertThatThrownBy(() -> SQL.select(ID.plus(1)).cte("c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a label with as(...)");
    }

    @Test
    void shouldTypeTheColumnsOfACteAsItsItems() {
        CommonTableExpression tree = tree();
        assertThat(tree.column("depth").type()).isEqualTo(SqlType.INTEGER);
        assertThat(tree.column("name", String.class).name()).isEqualTo("name");
        assertThatThrownBy(() -> tree.column("salary"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'tree' has no column 'salary'");
    }
}
