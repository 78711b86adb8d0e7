package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.mapping.Mapping;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The statements of a session upsert, checked against a scripted connection: what is sent, and what is read back. */
final class UpsertUnitTests {

    private static final String SELECT =
            "SELECT upsert_member.id, upsert_member.email, upsert_member.name FROM upsert_member"
                    + " WHERE upsert_member.email IN (?)";
    private static final Rows MEMBER = Rows.of("id", "email", "name");

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private final ScriptedSessions sessions = new ScriptedSessions(database);

    @AfterEach
    void close() {
        sessions.close();
    }

    @Test
    void shouldTakeTheRowsFromReturningOnPostgresWithoutASelect() {
        Session session = sessions.open(ScriptedDialect.POSTGRESQL, Mapping.of(Member.class));
        database.expect(
                        "INSERT INTO upsert_member (email, name) VALUES ($1, $2) ON CONFLICT (email) DO UPDATE SET name ="
                                + " EXCLUDED.name RETURNING id, email, name")
                .withBinds("ed@example.com", "Edward")
                .returnRows(MEMBER.row(7, "ed@example.com", "Edward"));
        Member edward = new Member("ed@example.com", "Edward");
        session.upsert(edward, Member_.email)
                .as(StepVerifier::create)
                .expectNext(edward)
                .verifyComplete();
        assertThat(edward.getId()).isEqualTo(7);
        assertThat(session.contains(edward)).isTrue();
        assertThat(session.dirty()).isEmpty();
    }

    @Test
    void shouldNameMariaDbsOtherUniqueKeysWhenNoRowHasTheObjectsValues() {
        Session session = sessions.open(ScriptedDialect.MARIADB, Mapping.of(Member.class));
        database.expect(
                        "INSERT INTO upsert_member (email, name) VALUES (?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)")
                .withBinds("ed@example.com", "Edward")
                .returnUpdateCount(2);
        database.expect(SELECT).withBinds("ed@example.com").returnRows(MEMBER.row(7, "ED@example.com", "Ed"));
        Member edward = new Member("ed@example.com", "Edward");
        session.upsert(edward, Member_.email)
                .as(StepVerifier::create)
                .verifyErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("no row of upsert_member has the email of Member ed@example.com")
                        .hasMessageContaining("MariaDB reacts to a conflict on any unique key"));
        assertThat(session.contains(edward)).isFalse();
    }
}
