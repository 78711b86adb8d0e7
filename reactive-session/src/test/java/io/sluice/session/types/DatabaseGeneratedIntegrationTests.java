package io.sluice.session.types;

import static io.sluice.session.LoadOption.joinedLoad;
import static io.sluice.session.LoadOption.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.Session;
import io.sluice.session.SessionFactory;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Columns the database sets and columns the flush leaves alone, on every database: server defaults, a computed column and a
 * trigger-bumped revision read back into the objects after INSERT (in the INSERT's own round trip) and UPDATE (one SELECT per
 * batch), insert-only and read-only columns never written where they should not be, and formulas selected on every query path.
 */
class DatabaseGeneratedIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Board.class, Ticket.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestDatabase database;
    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();

    private void createTables(TestDatabase on) {
        database = on;
        engine = on.engine();
        dropTrigger();
        Schemas.recreate(engine, MAPPING.metadata());
        for (String statement : switch (on) {
            case POSTGRESQL ->
                List.of(
                        "CREATE OR REPLACE FUNCTION dg_bump_revision() RETURNS trigger AS $$ BEGIN"
                                + " NEW.revision = OLD.revision + 1; RETURN NEW; END $$ LANGUAGE plpgsql",
                        "CREATE TRIGGER dg_tickets_revision BEFORE UPDATE ON dg_tickets FOR EACH ROW"
                                + " EXECUTE FUNCTION dg_bump_revision()");
            case MARIADB ->
                List.of("CREATE TRIGGER dg_tickets_revision BEFORE UPDATE ON dg_tickets FOR EACH ROW"
                        + " SET NEW.revision = OLD.revision + 1");
            case H2 ->
                List.of("CREATE TRIGGER dg_tickets_revision BEFORE UPDATE ON dg_tickets FOR EACH ROW CALL \""
                        + BumpRevision.class.getName() + "\"");
        }) {
            engine.execute(SQL.text(statement)).block(TIMEOUT);
        }
        recorded = on.newEngine(builder -> builder.listener(sql));
        sessions = SessionFactory.of(recorded, MAPPING);
    }

    private void dropTrigger() {
        if (database == TestDatabase.POSTGRESQL) {
            engine.execute(SQL.text("DROP TABLE IF EXISTS dg_tickets")).block(TIMEOUT);
            engine.execute(SQL.text("DROP FUNCTION IF EXISTS dg_bump_revision()"))
                    .block(TIMEOUT);
        }
    }

    @AfterEach
    void dropTables() {
        if (recorded != null) {
            recorded.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
            dropTrigger();
        }
    }

    /** Runs work in a session that is committed on completion and closed always (rolled back on error). */
    private <T> Flux<T> inSession(Function<Session, Publisher<T>> work) {
        return Flux.usingWhen(
                Mono.fromSupplier(sessions::open),
                session -> Flux.from(work.apply(session))
                        .concatWith(session.commit().then(Mono.empty())),
                Session::close,
                (session, error) -> session.close(),
                Session::close);
    }

    private List<String> statements() {
        return sql.statements().stream().map(RenderedSql::sql).toList();
    }

    private Ticket[] saveThree() {
        Ticket a = new Ticket("alpha", 2, 10, "A-1");
        Ticket b = new Ticket("beta", 3, 10, "B-1");
        Ticket c = new Ticket("gamma", 4, 10, "C-1");
        Board board = new Board("main");
        StepVerifier.create(inSession(session -> {
                    session.add(board);
                    for (Ticket ticket : List.of(a, b, c)) {
                        ticket.getBoard().set(board);
                        session.add(ticket);
                    }
                    return Mono.empty();
                }))
                .expectComplete()
                .verify(TIMEOUT);
        return new Ticket[] {a, b, c};
    }

    private List<List<Object>> rows() {
        return engine.query(SQL.text("SELECT title, status, code, note, total, revision FROM dg_tickets ORDER BY id"))
                .map(row -> java.util.Arrays.asList(
                        row.get(0, String.class),
                        row.get(1, String.class),
                        row.get(2, String.class),
                        row.get(3, String.class),
                        row.get(4, Integer.class),
                        row.get(5, Integer.class)))
                .map(list -> (List<Object>) (List<?>) list)
                .collectList()
                .block(TIMEOUT);
    }

    @DatabaseTest
    void shouldReadDefaultsAndComputedValuesBackInTheInsertsRoundTrip(TestDatabase on) {
        createTables(on);
        sql.clear();

        Ticket[] tickets = saveThree();

        for (Ticket ticket : tickets) {
            assertThat(ticket.getId()).isNotNull();
            assertThat(ticket.getStatus()).isEqualTo("open");
            assertThat(ticket.getCreatedAt()).isNotNull();
            assertThat(ticket.getTotal()).isEqualTo(ticket.getQuantity() * 10);
            assertThat(ticket.getRevision()).isZero();
        }
        List<String> inserts = statements().stream()
                .filter(statement -> statement.startsWith("INSERT INTO dg_tickets"))
                .toList();
        assertThat(inserts).hasSize(1); // three rows, one statement, nothing selected after it
        assertThat(statements()).noneMatch(statement -> statement.startsWith("SELECT"));
        String insert = inserts.get(0);
        assertThat(insert).startsWith("INSERT INTO dg_tickets (title, quantity, price, code, board_id) VALUES ");
        if (on == TestDatabase.POSTGRESQL) {
            assertThat(insert).endsWith(" RETURNING id, status, created_at, total, revision");
        } else {
            RenderedSql rendered = sql.statements().stream()
                    .filter(statement -> statement.sql().equals(insert))
                    .findFirst()
                    .orElseThrow();
            assertThat(rendered.generatedKeys()).containsExactly("id", "status", "created_at", "total", "revision");
        }
    }

    @DatabaseTest
    void shouldReadComputedAndTriggerSetValuesBackAfterUpdates(TestDatabase on) {
        createTables(on);
        Ticket[] tickets = saveThree();
        sql.clear();

        StepVerifier.create(inSession(session -> session.query(Ticket.class)
                        .orderBy(Ticket_.id)
                        .all()
                        .doOnNext(ticket -> ticket.setQuantity(ticket.getQuantity() * 10))
                        .then(Mono.empty())))
                .expectComplete()
                .verify(TIMEOUT);
        Session session = sessions.open();
        StepVerifier.create(Mono.usingWhen(
                        Mono.just(session),
                        s -> s.query(Ticket.class).orderBy(Ticket_.id).all().collectList(),
                        Session::close))
                .assertNext(found -> {
                    assertThat(found).extracting(Ticket::getTotal).containsExactly(200, 300, 400);
                    assertThat(found).extracting(Ticket::getRevision).containsExactly(1, 1, 1);
                })
                .expectComplete()
                .verify(TIMEOUT);

        // the objects of the updating session got the values at the flush: checked with a session that keeps them
        Ticket first = tickets[0];
        sql.clear();
        StepVerifier.create(Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        s -> s.get(Ticket.class, first.getId())
                                .flatMap(ticket -> {
                                    ticket.setQuantity(7);
                                    ticket.setTitle("renamed");
                                    return s.flush().thenReturn(ticket);
                                })
                                .flatMap(ticket -> s.commit().thenReturn(ticket)),
                        Session::close,
                        (s, error) -> s.close(),
                        Session::close))
                .assertNext(ticket -> {
                    assertThat(ticket.getTotal()).isEqualTo(70);
                    assertThat(ticket.getRevision()).isEqualTo(2);
                })
                .expectComplete()
                .verify(TIMEOUT);
        List<String> afterGet = statements().subList(1, statements().size());
        if (on == TestDatabase.POSTGRESQL) {
            assertThat(afterGet)
                    .containsExactly("UPDATE dg_tickets SET title = $1, quantity = $2 WHERE dg_tickets.id = $3"
                            + " RETURNING id, total, revision");
        } else {
            assertThat(afterGet).hasSize(2);
            assertThat(afterGet.get(0)).startsWith("UPDATE dg_tickets SET ").doesNotContain("total", "revision");
            assertThat(afterGet.get(1))
                    .startsWith("SELECT dg_tickets.id, dg_tickets.total, dg_tickets.revision FROM dg_tickets WHERE");
        }
    }

    @DatabaseTest
    void shouldReadBackAfterABatchOfUpdatesWithOneSelect(TestDatabase on) {
        createTables(on);
        saveThree();
        sql.clear();

        List<Ticket> updated = inSession(session -> session.query(Ticket.class)
                        .orderBy(Ticket_.id)
                        .all()
                        .collectList()
                        .flatMap(all -> {
                            all.forEach(ticket -> ticket.setQuantity(ticket.getQuantity() + 1));
                            return session.flush().thenReturn(all);
                        }))
                .blockLast(TIMEOUT);

        assertThat(updated).extracting(Ticket::getTotal).containsExactly(30, 40, 50);
        assertThat(updated).extracting(Ticket::getRevision).containsExactly(1, 1, 1);
        List<String> selects = statements().stream()
                .filter(statement -> statement.startsWith("SELECT dg_tickets.id, dg_tickets.total"))
                .toList();
        List<String> updates = statements().stream()
                .filter(statement -> statement.startsWith("UPDATE"))
                .toList();
        if (on == TestDatabase.POSTGRESQL) {
            assertThat(selects).isEmpty(); // the one UPDATE of the three rows gives the values back
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0)).contains(" FROM (VALUES ").endsWith(" RETURNING id, total, revision");
        } else {
            assertThat(selects).hasSize(1);
            assertThat(selects.get(0)).contains(" IN (");
        }
    }

    @DatabaseTest
    void shouldNeverWriteReadOnlyOrInsertOnlyChanges(TestDatabase on) {
        createTables(on);
        Ticket ticket = new Ticket("alpha", 1, 5, "A-1");
        ticket.setNote("mine"); // read-only: never written
        StepVerifier.create(inSession(session -> {
                    session.add(ticket);
                    return Mono.empty();
                }))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(rows()).containsExactly(List.of("alpha", "open", "A-1", "n/a", 5, 0));
        sql.clear();

        StepVerifier.create(inSession(session -> session.get(Ticket.class, ticket.getId())
                        .doOnNext(found -> {
                            found.setNote("changed"); // read-only
                            found.setCode("Z-9"); // insert-only
                            found.setTotal(1_000); // set by the database
                            found.setAmount(5); // a formula
                            found.setCreatedAt(null); // database-generated on insert, insert-only
                        })
                        .then(Mono.empty())))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(statements()).noneMatch(statement -> statement.startsWith("UPDATE"));

        StepVerifier.create(inSession(session -> session.get(Ticket.class, ticket.getId())
                        .doOnNext(found -> {
                            found.setNote("changed");
                            found.setStatus("closed"); // database default on insert, then the application's
                        })
                        .then(Mono.empty())))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(rows()).containsExactly(List.of("alpha", "closed", "A-1", "n/a", 5, 1));
    }

    @DatabaseTest
    void shouldSelectFormulasOnEveryQueryPath(TestDatabase on) {
        createTables(on);
        Ticket[] saved = saveThree();
        Integer firstId = saved[0].getId();
        String firstLabel = "alpha id " + firstId;

        StepVerifier.create(Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        session -> session.query(Ticket.class)
                                .filter(Ticket_.amount.gt(25))
                                .orderBy(Ticket_.amount.desc())
                                .all()
                                .collectList(),
                        Session::close))
                .assertNext(found -> {
                    assertThat(found).extracting(Ticket::getAmount).containsExactly(41, 31);
                    assertThat(found).extracting(Ticket::getTitle).containsExactly("gamma", "beta");
                })
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        session -> session.get(Ticket.class, firstId),
                        Session::close))
                .assertNext(found -> assertThat(found.getLabel()).isEqualTo(firstLabel))
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        session -> session.query(Board.class)
                                .one()
                                .flatMap(board -> board.getTickets().flux().collectList()),
                        Session::close))
                .assertNext(tickets ->
                        assertThat(tickets).extracting(Ticket::getAmount).contains(21, 31, 41))
                .expectComplete()
                .verify(TIMEOUT);

        for (io.sluice.session.LoadOption option : List.of(selectinLoad(Board_.tickets), joinedLoad(Board_.tickets))) {
            StepVerifier.create(Mono.usingWhen(
                            Mono.fromSupplier(sessions::open),
                            session -> session.query(Board.class)
                                    .options(option)
                                    .limit(5)
                                    .one()
                                    .map(board -> List.copyOf(board.getTickets())),
                            Session::close))
                    .assertNext(tickets -> {
                        assertThat(tickets).extracting(Ticket::getAmount).containsExactlyInAnyOrder(21, 31, 41);
                        assertThat(tickets).extracting(Ticket::getLabel).contains(firstLabel);
                    })
                    .expectComplete()
                    .verify(TIMEOUT);
        }

        // a formula over an alias: the joined load qualifies id with the tickets' alias, not the boards' table
        StepVerifier.create(Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        session -> session.query(Ticket.class)
                                .join(Ticket_.board)
                                .filter(Board_.name.eq("main"))
                                .filter(Ticket_.label.eq(firstLabel))
                                .all()
                                .collectList(),
                        Session::close))
                .assertNext(
                        found -> assertThat(found).extracting(Ticket::getTitle).containsExactly("alpha"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldRefreshTheFormulaOfAnObjectTheSessionHoldsWhenItsRowIsRead(TestDatabase on) {
        createTables(on);
        StepVerifier.create(Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        session -> {
                            Ticket ticket = new Ticket("alpha", 2, 3, "A-1");
                            session.add(ticket);
                            return session.flush()
                                    .then(Mono.fromSupplier(ticket::getAmount).defaultIfEmpty(-1))
                                    .zipWith(session.query(Ticket.class).one())
                                    .map(pair ->
                                            List.of(pair.getT1(), pair.getT2().getAmount(), pair.getT2() == ticket));
                        },
                        Session::close))
                .assertNext(seen -> assertThat(seen).containsExactly(-1, 7, true))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldPutBackReadValuesWhenTheFlushFails(TestDatabase on) {
        createTables(on);
        Ticket[] saved = saveThree();
        Integer id = saved[0].getId();

        StepVerifier.create(Mono.usingWhen(
                        Mono.fromSupplier(sessions::open),
                        session -> session.get(Ticket.class, id).flatMap(ticket -> {
                            ticket.setQuantity(100); // its UPDATE reads total and revision back ...
                            session.add(new Ticket("x".repeat(200), 1, 1, "X")); // ... then this INSERT fails
                            return session.flush()
                                    .then(Mono.<List<Integer>>empty())
                                    .onErrorResume(
                                            error -> Mono.just(List.of(ticket.getTotal(), ticket.getRevision())));
                        }),
                        Session::close,
                        (session, error) -> session.close(),
                        Session::close))
                .assertNext(values -> assertThat(values).containsExactly(20, 0))
                .expectComplete()
                .verify(TIMEOUT);
    }
}
