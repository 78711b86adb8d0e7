package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.mapping.Mapping;
import io.sluice.session.types.Board;
import io.sluice.session.types.Ticket;
import io.sluice.testing.Rows;
import io.sluice.testing.ScriptedConnectionFactory;
import io.sluice.testing.ScriptedDialect;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;

/**
 * The statements a flush sends for columns the database sets, exactly and with their binds, on each dialect: the INSERT gives
 * them back with the generated key, an UPDATE with {@code RETURNING} where the dialect has it, else a SELECT by key follows.
 */
final class DatabaseGeneratedFlushUnitTests {

    private static final String INSERT =
            "INSERT INTO dg_tickets (title, quantity, price, code, board_id) VALUES (?, ?, ?, ?, ?)";
    private static final String RETURNED = "id, status, created_at, total, revision";

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();
    private final ScriptedSessions sessions = new ScriptedSessions(database);

    @AfterEach
    void close() {
        sessions.close();
    }

    private void flush(Session session) {
        session.flush().as(StepVerifier::create).verifyComplete();
        database.verify();
    }

    @ParameterizedTest
    @EnumSource(ScriptedDialect.class)
    void shouldReadWhatTheDatabaseSetBackAfterInsertAndUpdate(ScriptedDialect dialect) {
        Session session = sessions.open(dialect, Mapping.of(Board.class, Ticket.class));
        Ticket ticket = new Ticket("alpha", 2, 10, "A-1");
        ticket.setNote("never written");
        session.add(ticket);
        LocalDateTime created = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        Rows inserted =
                Rows.of("id", "status", "created_at", "total", "revision").row(5, "open", created, 20, 0);
        if (dialect.returning()) {
            database.expect(dialect.sql(INSERT) + " RETURNING " + RETURNED)
                    .withBinds("alpha", 2, 10, "A-1", null)
                    .returnRows(inserted);
        } else {
            database.expect(dialect.sql(INSERT))
                    .withBinds("alpha", 2, 10, "A-1", null)
                    .returnGeneratedKeys(inserted);
        }

        flush(session);

        assertThat(ticket.getId()).isEqualTo(5);
        assertThat(ticket.getStatus()).isEqualTo("open");
        assertThat(ticket.getCreatedAt()).isEqualTo(created);
        assertThat(ticket.getTotal()).isEqualTo(20);
        assertThat(ticket.getRevision()).isZero();

        ticket.setQuantity(3);
        ticket.setTotal(99); // set by the database: not written
        ticket.setCode("Z"); // insert-only: not written
        String update = "UPDATE dg_tickets SET quantity = ? WHERE dg_tickets.id = ?";
        Rows updated = Rows.of("id", "total", "revision").row(5, 30, 1);
        if (dialect.dialect().supports(io.sluice.core.dialect.Capability.UPDATE_RETURNING)) {
            database.expect(dialect.sql(update) + " RETURNING id, total, revision")
                    .withBinds(3, 5)
                    .returnRows(updated);
        } else {
            database.expect(dialect.sql(update)).withBinds(3, 5).returnUpdateCount(1);
            database.expect(dialect.sql(
                            "SELECT dg_tickets.id, dg_tickets.total, dg_tickets.revision FROM dg_tickets WHERE"
                                    + " dg_tickets.id = ?"))
                    .withBinds(5)
                    .returnRows(updated);
        }

        flush(session);

        assertThat(ticket.getTotal()).isEqualTo(30);
        assertThat(ticket.getRevision()).isEqualTo(1);
        assertThat(session.dirty()).isEmpty();
    }
}
