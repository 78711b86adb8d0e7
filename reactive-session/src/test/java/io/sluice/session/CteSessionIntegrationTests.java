package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.StatementCounter;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.CommonTableExpression;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * Session queries over the new SQL: objects read from a recursive common table expression, and window functions beside
 * objects, on every database.
 */
class CteSessionIntegrationTests {

    static final Mapping MAPPING = Mapping.of(StaffMember.class);
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Engine engine;
    private Engine counted;
    private StatementCounter counter;
    private SessionFactory sessions;

    private void seed(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        counter = new StatementCounter();
        counted = on.newEngine(builder -> builder.listener(counter));
        sessions = SessionFactory.of(counted, MAPPING);
        inSession(session -> {
            session.add(new StaffMember(1, "ann", null, 300));
            session.add(new StaffMember(2, "bob", 1, 200));
            session.add(new StaffMember(3, "cat", 1, 150));
            session.add(new StaffMember(4, "dan", 2, 120));
            session.add(new StaffMember(5, "eve", 2, 120));
            session.add(new StaffMember(6, "fay", 5, 100));
            session.add(new StaffMember(7, "gus", null, 90));
            return session.commit().then(Mono.just(true));
        });
    }

    @AfterEach
    void dropTables() {
        if (counted != null) {
            counted.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromSupplier(sessions::open), work, Session::close)
                .block(TIMEOUT);
    }

    /** The members under bob, bob included: a walk down the tree from him. */
    static CommonTableExpression underBob() {
        return SQL.recursiveCte(
                "team",
                SQL.select(StaffMember_.id, StaffMember_.name, StaffMember_.managerId, StaffMember_.salary)
                        .where(StaffMember_.name.eq("bob")),
                team -> SQL.select(StaffMember_.id, StaffMember_.name, StaffMember_.managerId, StaffMember_.salary)
                        .join(team, StaffMember_.managerId.eq(team.column("id", Integer.class))));
    }

    @DatabaseTest
    void shouldLoadObjectsFromARecursiveCteIntoTheIdentityMap(TestDatabase on) {
        seed(on);
        List<String> written = inSession(session -> {
            Aliased<StaffMember> team = session.aliased(StaffMember.class, underBob());
            return session.get(StaffMember.class, 4)
                    .flatMap(dan -> session.query(team)
                            .filter(team.get(StaffMember_.salary).lt(200))
                            .orderBy(team.get(StaffMember_.id))
                            .all()
                            .collectList()
                            .flatMap(members -> {
                                assertThat(members)
                                        .extracting(StaffMember::getName)
                                        .containsExactly("dan", "eve", "fay");
                                assertThat(members.get(0)).isSameAs(dan);
                                members.forEach(member -> member.setSalary(member.getSalary() + 1));
                                return session.commit();
                            }))
                    .then(Mono.fromSupplier(() -> List.of("committed")));
        });
        assertThat(written).containsExactly("committed");
        assertThat(counter.statements())
                .anySatisfy(sql -> assertThat(sql)
                        .startsWith("WITH RECURSIVE team (id, name, manager_id, salary) AS (")
                        .contains(" UNION ALL ")
                        .contains("FROM team WHERE team.salary < "));
        List<Integer> salaries = inSession(session -> session.query(StaffMember_.salary)
                .orderBy(StaffMember_.id)
                .all()
                .collectList());
        assertThat(salaries).containsExactly(300, 200, 150, 121, 121, 101, 90);
    }

    @DatabaseTest
    void shouldSelectAWindowFunctionBesideObjects(TestDatabase on) {
        seed(on);
        List<String> ranked = inSession(session -> session.query(
                        StaffMember.class, SQL.rank().over(SQL.window().orderBy(StaffMember_.salary.desc())))
                .filter(StaffMember_.salary.le(150))
                .orderBy(StaffMember_.id)
                .all()
                .map(row -> row.first().getName() + " " + row.second())
                .collectList());
        assertThat(ranked).containsExactly("cat 1", "dan 2", "eve 2", "fay 4", "gus 5");
        List<String> inTeam = inSession(session -> {
            Aliased<StaffMember> team = session.aliased(StaffMember.class, underBob());
            Column<Integer> salary = team.get(StaffMember_.salary);
            return session.query(team, SQL.sum(salary).over(SQL.window().orderBy(team.get(StaffMember_.id))))
                    .orderBy(team.get(StaffMember_.id))
                    .all()
                    .map(row -> row.first().getName() + " " + ((Number) row.second()).longValue())
                    .collectList();
        });
        assertThat(inTeam).containsExactly("bob 200", "dan 320", "eve 440", "fay 540");
    }

    @DatabaseTest
    void shouldRefuseACteThatLacksAColumnOfTheClass(TestDatabase on) {
        seed(on);
        CommonTableExpression names =
                SQL.select(StaffMember_.id, StaffMember_.name).cte("names");
        assertThatThrownBy(() -> inSession(session -> Mono.just(session.aliased(StaffMember.class, names))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'names' has no column 'manager_id'");
    }

    @DatabaseTest
    void shouldCountAndSliceTheObjectsOfACte(TestDatabase on) {
        seed(on);
        List<Object> answers = inSession(session -> {
            Aliased<StaffMember> team = session.aliased(StaffMember.class, underBob());
            return session.query(team)
                    .count()
                    .flatMap(count -> session.query(team)
                            .orderBy(team.get(StaffMember_.salary).desc(), team.get(StaffMember_.id))
                            .slice(1, 3)
                            .all()
                            .map(StaffMember::getName)
                            .collectList()
                            .map(names -> List.<Object>of(count, names)));
        });
        assertThat(answers).containsExactly(4L, List.of("dan", "eve"));
    }
}
