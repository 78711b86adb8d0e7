package io.sluice.core.sql.render;

import static io.sluice.core.sql.Window.currentRow;
import static io.sluice.core.sql.Window.following;
import static io.sluice.core.sql.Window.preceding;
import static io.sluice.core.sql.Window.unboundedFollowing;
import static io.sluice.core.sql.Window.unboundedPreceding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.dialect.H2Dialect;
import io.sluice.core.dialect.MariaDbDialect;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Select;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.Window;
import org.junit.jupiter.api.Test;

/** Window functions as each database writes them; frame offsets bound or written as checked integers; refusals before sending. */
class WindowRenderUnitTests {

    static final Table SALES = Table.builder("sales")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("region", SqlType.varchar(10))
            .column("amount", SqlType.INTEGER)
            .build();
    static final Column<Integer> ID = SALES.column("id", Integer.class);
    static final Column<String> REGION = SALES.column("region", String.class);
    static final Column<Integer> AMOUNT = SALES.column("amount", Integer.class);

    @Test
    void shouldWriteRankingFunctionsOverPartitionsAndOrders() {
        Window byRegion = SQL.window().partitionBy(REGION).orderBy(AMOUNT.desc());
        Select select = SQL.select(
                ID,
                SQL.rowNumber().over(byRegion).as("n"),
                SQL.rank().over(byRegion).as("r"),
                SQL.denseRank().over(SQL.window().orderBy(AMOUNT)).as("d"),
                SQL.count().over().as("total"));
        assertThat(SqlRenderer.render(select, PostgresDialect.INSTANCE).sql())
                .isEqualTo(
                        "SELECT sales.id, row_number() OVER (PARTITION BY sales.region ORDER BY sales.amount DESC) AS n,"
                                + " rank() OVER (PARTITION BY sales.region ORDER BY sales.amount DESC) AS r,"
                                + " dense_rank() OVER (ORDER BY sales.amount) AS d, count(*) OVER () AS total FROM sales");
        assertThat(SqlRenderer.render(select, MariaDbDialect.INSTANCE).sql())
                .isEqualTo(SqlRenderer.render(select, H2Dialect.INSTANCE).sql());
    }

    @Test
    void shouldBindFrameOffsetsWhereTheDatabaseTakesBindsAndWriteCheckedIntegersOnMariaDb() {
        Select select = SQL.select(SQL.sum(AMOUNT)
                .over(SQL.window().orderBy(ID).rows(preceding(2), currentRow()))
                .as("running"));
        RenderedSql postgres = SqlRenderer.render(select, PostgresDialect.INSTANCE);
        assertThat(postgres.sql())
                .isEqualTo("SELECT sum(sales.amount) OVER (ORDER BY sales.id ROWS BETWEEN $1 PRECEDING AND CURRENT ROW)"
                        + " AS running FROM sales");
        assertThat(postgres.binds()).extracting(BindValue::value).containsExactly(2L);
        RenderedSql mariadb = SqlRenderer.render(select, MariaDbDialect.INSTANCE);
        assertThat(mariadb.sql()).contains("ROWS BETWEEN 2 PRECEDING AND CURRENT ROW");
        assertThat(mariadb.binds()).isEmpty();
        assertThat(SqlRenderer.render(
                                SQL.select(SQL.max(AMOUNT)
                                        .over(SQL.window().orderBy(AMOUNT).range(unboundedPreceding(), following(5)))),
                                MariaDbDialect.INSTANCE)
                        .sql())
                .contains("OVER (ORDER BY sales.amount RANGE BETWEEN UNBOUNDED PRECEDING AND 5 FOLLOWING)");
        assertThat(SqlRenderer.render(
                                SQL.select(SQL.min(AMOUNT)
                                        .over(SQL.window().orderBy(ID).groups(currentRow(), unboundedFollowing()))),
                                H2Dialect.INSTANCE)
                        .sql())
                .contains("OVER (ORDER BY sales.id GROUPS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)");
    }

    @Test
    void shouldWriteLagAndLeadWithOffsetAndDefault() {
        Select select = SQL.select(
                SQL.lag(AMOUNT, 1, 0).over(SQL.window().orderBy(ID)),
                SQL.lead(AMOUNT).over(SQL.window().orderBy(ID)));
        RenderedSql postgres = SqlRenderer.render(select, PostgresDialect.INSTANCE);
        assertThat(postgres.sql())
                .isEqualTo("SELECT lag(sales.amount, $1, $2) OVER (ORDER BY sales.id),"
                        + " lead(sales.amount, $3) OVER (ORDER BY sales.id) FROM sales");
        assertThat(postgres.binds()).extracting(BindValue::value).containsExactly(1, 0, 1);
        assertThat(SqlRenderer.render(
                                SQL.select(SQL.lead(AMOUNT, 2).over(SQL.window().orderBy(ID))), MariaDbDialect.INSTANCE)
                        .sql())
                .isEqualTo("SELECT lead(sales.amount, 2) OVER (ORDER BY sales.id) FROM sales");
    }

    @Test
    void shouldRefuseWhatMariaDbLacksNamingTheAlternative() {
        assertThatThrownBy(() -> SqlRenderer.render(
                        SQL.select(SQL.sum(AMOUNT).over(SQL.window().orderBy(ID).groups(preceding(1), currentRow()))),
                        MariaDbDialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MariaDB has no GROUPS frames")
                .hasMessageContaining("rows(...)");
        assertThatThrownBy(() -> SqlRenderer.render(
                        SQL.select(SQL.lag(AMOUNT, 1, 0).over(SQL.window().orderBy(ID))), MariaDbDialect.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("MariaDB has no default argument for lag")
                .hasMessageContaining("SQL.coalesce");
    }

    @Test
    void shouldRefuseNegativeOffsetsAndFramesThatEndBeforeTheyStart() {
        assertThatThrownBy(() -> preceding(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> SQL.lag(AMOUNT, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> SQL.window().rows(unboundedFollowing(), currentRow()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot start at UNBOUNDED FOLLOWING");
    }
}
