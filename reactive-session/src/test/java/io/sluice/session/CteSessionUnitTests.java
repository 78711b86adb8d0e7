package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/** The statements of session queries over a recursive CTE and with a window column, on each dialect, binds included. */
final class CteSessionUnitTests {

    private static final String MEMBER = "sqlmore_staff_member";
    private static final String COLUMNS =
            MEMBER + ".id, " + MEMBER + ".name, " + MEMBER + ".manager_id, " + MEMBER + ".salary";
    private static final Rows ROW = Rows.of("id", "name", "manager_id", "salary");

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private final ScriptedSessions sessions = new ScriptedSessions(database);

    @AfterEach
    void close() {
        sessions.close();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldSendOneStatementWithTheCteFirstAndMapItsRowsToObjects(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(StaffMember.class));
        database.expect(dialect.sql("WITH RECURSIVE team (id, name, manager_id, salary) AS (SELECT " + COLUMNS
                        + " FROM "
                        + MEMBER + " WHERE " + MEMBER + ".name = ? UNION ALL SELECT " + COLUMNS + " FROM " + MEMBER
                        + " JOIN team ON " + MEMBER + ".manager_id = team.id)"
                        + " SELECT team.id, team.name, team.manager_id, team.salary FROM team WHERE team.salary < ?"
                        + " ORDER BY team.id"))
                .withBinds("bob", 200)
                .returnRows(ROW.row(4, "dan", 2, 120).row(5, "eve", 2, 120));
        Aliased<StaffMember> team = session.aliased(StaffMember.class, CteSessionIntegrationTests.underBob());

        session.query(team)
                .filter(team.get(StaffMember_.salary).lt(200))
                .orderBy(team.get(StaffMember_.id))
                .all()
                .map(StaffMember::getName)
                .as(StepVerifier::create)
                .expectNext("dan", "eve")
                .verifyComplete();

        database.verify();
        assertThat(session.get(StaffMember.class, 4).block())
                .extracting(StaffMember::getName)
                .isEqualTo("dan");
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldSelectTheWindowColumnAfterTheObjectsColumns(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(StaffMember.class));
        database.expect(dialect.sql("SELECT " + COLUMNS + ", rank() OVER (ORDER BY " + MEMBER + ".salary DESC) FROM "
                        + MEMBER + " ORDER BY " + MEMBER + ".id"))
                .returnRows(Rows.of("id", "name", "manager_id", "salary", "rank")
                        .row(1, "ann", null, 300, 1L)
                        .row(2, "bob", 1, 200, 2L));

        session.query(StaffMember.class, SQL.rank().over(SQL.window().orderBy(StaffMember_.salary.desc())))
                .orderBy(StaffMember_.id)
                .all()
                .map(row -> row.first().getName() + " " + row.second())
                .as(StepVerifier::create)
                .expectNext("ann 1", "bob 2")
                .verifyComplete();

        database.verify();
    }
}
