package io.sluice.core.sql;

import static io.sluice.core.sql.SqlMoreFixture.BOSS;
import static io.sluice.core.sql.SqlMoreFixture.DEPT;
import static io.sluice.core.sql.SqlMoreFixture.ID;
import static io.sluice.core.sql.SqlMoreFixture.METADATA;
import static io.sluice.core.sql.SqlMoreFixture.NAME;
import static io.sluice.core.sql.SqlMoreFixture.SALARY;
import static io.sluice.core.sql.SqlMoreFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** INTERSECT and EXCEPT (ALL where the database has it), searched CASE, CAST and scalar subqueries on every database. */
final class CompoundAndCaseIntegrationTests {

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
    void shouldIntersectAndExcept(TestDatabase database) {
        seed(database);
        Select devs = SQL.select(DEPT, SALARY).where(DEPT.eq("dev"));
        Select paidOver110 = SQL.select(DEPT, SALARY).where(SALARY.gt(110));
        assertThat(strings(devs.intersect(paidOver110).orderBy(SALARY))).containsExactly("dev 120", "dev 200");
        assertThat(strings(devs.except(paidOver110))).containsExactly("dev 100");
        assertThat(strings(SQL.select(ID)
                        .where(ID.le(3))
                        .union(SQL.select(ID).where(ID.eq(6)))
                        .intersect(SQL.select(ID).where(ID.ge(3)))
                        .orderBy(ID)))
                .containsExactly("3", "6");
    }

    @DatabaseTest
    void shouldKeepDuplicatesWithIntersectAllAndExceptAllOrRefuseThemOnH2(TestDatabase database) {
        seed(database);
        Select devPay = SQL.select(SALARY).where(DEPT.eq("dev"));
        Select paidUnder150 = SQL.select(SALARY).where(SALARY.lt(150));
        if (database == TestDatabase.H2) {
            assertThatThrownBy(() -> strings(devPay.intersectAll(paidUnder150)))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("H2 has no INTERSECT ALL");
            return;
        }
        assertThat(strings(devPay.intersectAll(paidUnder150).orderBy(SALARY))).containsExactly("100", "120", "120");
        assertThat(strings(SQL.select(SALARY)
                        .where(SALARY.eq(120))
                        .exceptAll(SQL.select(SALARY).where(ID.eq(4)))))
                .containsExactly("120");
    }

    @DatabaseTest
    void shouldChooseWithCaseAndConvertWithCast(TestDatabase database) {
        seed(database);
        assertThat(strings(SQL.select(
                                NAME,
                                SQL.caseWhen(SALARY.ge(200), "high")
                                        .when(SALARY.ge(120), "mid")
                                        .otherwise("low")
                                        .as("band"),
                                SQL.caseWhen(BOSS.isNull(), SQL.cast(SQL.value(1), SqlType.INTEGER))
                                        .as("top"),
                                SQL.cast(SALARY, SqlType.varchar(10)).as("pay"))
                        .orderBy(ID)))
                .containsExactly(
                        "ann high 1 300",
                        "bob high null 200",
                        "cat mid null 150",
                        "dan mid null 120",
                        "eve mid null 120",
                        "fay low null 100",
                        "gus low 1 90");
    }

    @DatabaseTest
    void shouldSelectAScalarSubqueryBesideTheColumns(TestDatabase database) {
        seed(database);
        TableAlias boss = STAFF.as("boss");
        assertThat(strings(SQL.select(
                                NAME,
                                SQL.select(boss.column(NAME))
                                        .from(boss)
                                        .where(boss.column(ID).eq(BOSS))
                                        .<String>scalar()
                                        .as("boss_name"))
                        .where(DEPT.eq("dev"))
                        .orderBy(ID)))
                .containsExactly("bob ann", "dan bob", "eve bob", "fay eve");
    }
}
