package io.sluice.core.sql;

import static io.sluice.core.sql.SqlMoreFixture.DEPT;
import static io.sluice.core.sql.SqlMoreFixture.ID;
import static io.sluice.core.sql.SqlMoreFixture.METADATA;
import static io.sluice.core.sql.SqlMoreFixture.NAME;
import static io.sluice.core.sql.SqlMoreFixture.SALARY;
import static io.sluice.core.sql.SqlMoreFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Common table expressions, recursive ones included, read by selects and by UPDATE and DELETE on every database. */
final class CteIntegrationTests {

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
    void shouldWalkATreeWithWithRecursive(TestDatabase database) {
        seed(database);
        CommonTableExpression tree = SqlMoreFixture.underAnn();
        Column<Integer> depth = tree.column("depth", Integer.class);
        assertThat(strings(SQL.select(tree.column("name"), depth).orderBy(depth, tree.column("name"))))
                .containsExactly("ann 0", "bob 1", "cat 1", "dan 2", "eve 2", "fay 3");
        assertThat(strings(SQL.select(SQL.count()).from(tree).where(depth.ge(2))))
                .containsExactly("3");
    }

    @DatabaseTest
    void shouldReadACteBuiltOnAnotherAndJoinItToATable(TestDatabase database) {
        seed(database);
        CommonTableExpression devs =
                SQL.select(ID, NAME, SALARY).where(DEPT.eq("dev")).cte("devs");
        CommonTableExpression paid = SQL.select(devs.column("id"), devs.column("salary"))
                .where(devs.column("salary", Integer.class).gt(110))
                .cte("paid", "who", "pay");
        assertThat(strings(SQL.select(NAME, paid.column("pay"))
                        .from(STAFF)
                        .join(paid, ID.eq(paid.column("who", Integer.class)))
                        .orderBy(NAME)))
                .containsExactly("bob 200", "dan 120", "eve 120");
    }

    @DatabaseTest
    void shouldDeleteAndUpdateTheRowsACteSelects(TestDatabase database) {
        seed(database);
        CommonTableExpression tree = SqlMoreFixture.underAnn();
        Column<Integer> depth = tree.column("depth", Integer.class);
        Long updated = engine.execute(SQL.update(STAFF)
                        .set(SALARY, SALARY.plus(10))
                        .where(ID.in(SQL.select(tree.column("id")).where(depth.eq(1)))))
                .block(Duration.ofSeconds(10));
        assertThat(updated).isEqualTo(2L);
        Long deleted = engine.execute(SQL.deleteFrom(STAFF)
                        .where(ID.in(SQL.select(tree.column("id")).where(depth.ge(2)))))
                .block(Duration.ofSeconds(10));
        assertThat(deleted).isEqualTo(3L);
        assertThat(strings(SQL.select(NAME, SALARY).orderBy(ID)))
                .containsExactly("ann 300", "bob 210", "cat 160", "gus 90");
    }

    @DatabaseTest
    void shouldInsertTheRowsOfACteAndBindTextParametersInItsBody(TestDatabase database) {
        seed(database);
        CommonTableExpression tree = SqlMoreFixture.underAnn();
        Column<Integer> depth = tree.column("depth", Integer.class);
        Long inserted = engine.execute(SQL.insertInto(STAFF)
                        .columns(ID, NAME, DEPT, SALARY)
                        .select(SQL.select(
                                        tree.column("id", Integer.class).plus(100),
                                        tree.column("name"),
                                        SQL.value("copy"),
                                        depth)
                                .where(depth.ge(2))))
                .block(Duration.ofSeconds(10));
        assertThat(inserted).isEqualTo(3L);
        assertThat(strings(SQL.select(NAME, SALARY).where(DEPT.eq("copy")).orderBy(ID)))
                .containsExactly("dan 2", "eve 2", "fay 3");
        CommonTableExpression named = SQL.select(ID, NAME)
                .where(SQL.condition(SQL.text("salary > :floor")))
                .cte("named");
        Select select = NamedParameters.bind(
                SQL.select(named.column("name")).orderBy(named.column("name")), java.util.Map.of("floor", 140));
        assertThat(strings(select)).containsExactly("ann", "bob", "cat");
    }
}
