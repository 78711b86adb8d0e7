package io.sluice.core.sql;

import static io.sluice.core.sql.SqlMoreFixture.DEPT;
import static io.sluice.core.sql.SqlMoreFixture.ID;
import static io.sluice.core.sql.SqlMoreFixture.METADATA;
import static io.sluice.core.sql.SqlMoreFixture.NAME;
import static io.sluice.core.sql.SqlMoreFixture.SALARY;
import static io.sluice.core.sql.Window.currentRow;
import static io.sluice.core.sql.Window.following;
import static io.sluice.core.sql.Window.preceding;
import static io.sluice.core.sql.Window.unboundedPreceding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.StatementCounter;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Window functions on every database, and what one database lacks refused before anything is sent. */
final class WindowIntegrationTests {

    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void dropTables() {
        Schemas.drop(engine, METADATA);
    }

    private void seed(TestDatabase database) {
        engine = database.engine();
        SqlMoreFixture.seed(engine);
    }

    private List<String> strings(Statement statement) {
        return engine.query(statement)
                .map(row -> {
                    StringBuilder text = new StringBuilder();
                    for (Object value : row.values()) {
                        text.append(text.length() == 0 ? "" : " ")
                                .append(value instanceof Number number ? String.valueOf(number.longValue()) : value);
                    }
                    return text.toString();
                })
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    @DatabaseTest
    void shouldRankRowsInTheirPartitions(TestDatabase database) {
        seed(database);
        Window byPay = SQL.window().partitionBy(DEPT).orderBy(SALARY.desc(), ID);
        assertThat(strings(SQL.select(
                                NAME,
                                SQL.rowNumber().over(byPay).as("n"),
                                SQL.rank()
                                        .over(SQL.window().orderBy(SALARY.desc()))
                                        .as("r"),
                                SQL.denseRank()
                                        .over(SQL.window().orderBy(SALARY.desc()))
                                        .as("d"),
                                SQL.count().over(SQL.window().partitionBy(DEPT)).as("in_dept"))
                        .where(DEPT.eq("dev"))
                        .orderBy(ID)))
                .containsExactly("bob 1 1 1 4", "dan 2 2 2 4", "eve 3 2 2 4", "fay 4 4 3 4");
    }

    @DatabaseTest
    void shouldSumOverRowAndRangeFrames(TestDatabase database) {
        seed(database);
        assertThat(strings(SQL.select(
                                ID,
                                SQL.sum(SALARY)
                                        .over(SQL.window().orderBy(ID).rows(preceding(1), currentRow()))
                                        .as("pair"),
                                SQL.sum(SALARY)
                                        .over(SQL.window().orderBy(ID).rows(unboundedPreceding(), currentRow()))
                                        .as("running"),
                                SQL.max(SALARY)
                                        .over(SQL.window().orderBy(SALARY).range(preceding(25), following(0)))
                                        .as("near"))
                        .where(ID.le(4))
                        .orderBy(ID)))
                .containsExactly("1 300 300 300", "2 500 500 200", "3 350 650 150", "4 270 770 120");
    }

    @DatabaseTest
    void shouldCountGroupsOfPeersWhereTheDatabaseHasThemAndRefuseThemBeforeSendingElsewhere(TestDatabase database) {
        seed(database);
        Statement select = SQL.select(
                        NAME,
                        SQL.count()
                                .over(SQL.window().orderBy(SALARY).groups(currentRow(), following(1)))
                                .as("peers"))
                .where(DEPT.eq("dev"))
                .orderBy(ID);
        if (database == TestDatabase.MARIADB) {
            StatementCounter counter = new StatementCounter();
            Engine counted = database.newEngine(builder -> builder.listener(counter));
            try {
                assertThatThrownBy(() -> counted.query(select).collectList().block(Duration.ofSeconds(10)))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("MariaDB has no GROUPS frames");
                assertThat(counter.count()).isZero();
            } finally {
                counted.close().block(Duration.ofSeconds(10));
            }
            return;
        }
        // salaries 100 | 120 120 | 200: the current group of peers and the next one
        assertThat(strings(select)).containsExactly("bob 1", "dan 3", "eve 3", "fay 3");
    }

    @DatabaseTest
    void shouldReadRowsBeforeAndAfterWithLagAndLead(TestDatabase database) {
        seed(database);
        Window byId = SQL.window().orderBy(ID);
        assertThat(strings(SQL.select(
                                ID,
                                SQL.coalesce(SQL.lag(SALARY).over(byId), SQL.value(-1)),
                                SQL.coalesce(SQL.lead(SALARY, 2).over(byId), SQL.value(-1)))
                        .where(ID.le(4))
                        .orderBy(ID)))
                .containsExactly("1 -1 150", "2 300 120", "3 200 -1", "4 150 -1");
        Statement withDefault =
                SQL.select(ID, SQL.lag(SALARY, 1, 0).over(byId)).where(ID.le(2)).orderBy(ID);
        if (database == TestDatabase.MARIADB) {
            assertThatThrownBy(() -> strings(withDefault))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("MariaDB has no default argument for lag");
        } else {
            assertThat(strings(withDefault)).containsExactly("1 0", "2 300");
        }
    }
}
