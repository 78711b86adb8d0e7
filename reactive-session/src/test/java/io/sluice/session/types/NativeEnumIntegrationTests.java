package io.sluice.session.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.dialect.Capability;
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
 * Enums stored in database enum types on every database: PostgreSQL types created before the table and dropped after it,
 * inline {@code ENUM} columns on H2 and MariaDB; values round-trip, filter, sort by label order and update in single and
 * batched flushes; a label the enum lacks fails the read, naming the column, the type and the label.
 */
class NativeEnumIntegrationTests {

    static final Mapping MAPPING = Mapping.of(NativeEnumItem.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();

    private void createTable(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = on.newEngine(builder -> builder.listener(sql));
        sessions = SessionFactory.of(recorded, MAPPING);
    }

    @AfterEach
    void dropTable() {
        if (recorded != null) {
            recorded.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    /** Runs work in a session of its own, closed on completion, error and cancel. */
    private <T> Flux<T> inSession(Function<Session, Publisher<T>> work) {
        return Flux.usingWhen(
                Mono.fromSupplier(sessions::open), work, Session::close, (s, e) -> s.close(), Session::close);
    }

    private List<NativeEnumItem> saveThree() {
        List<NativeEnumItem> items = List.of(
                new NativeEnumItem("a", NativeMood.HAPPY, NativeSize.SMALL),
                new NativeEnumItem("b", NativeMood.SAD, null),
                new NativeEnumItem("c", NativeMood.ANGRY, NativeSize.LARGE));
        StepVerifier.create(inSession(session -> {
                    items.forEach(session::add);
                    return session.commit();
                }))
                .expectComplete()
                .verify(TIMEOUT);
        return items;
    }

    private List<String> stored() {
        return engine.query(SQL.text("SELECT name, mood, size FROM native_enum_item ORDER BY id"))
                .map(row -> row.get(0) + ":" + row.get(1) + ":" + row.get(2))
                .collectList()
                .block(TIMEOUT);
    }

    private Flux<String> names(Function<Session, Flux<NativeEnumItem>> query) {
        return inSession(session -> query.apply(session).map(NativeEnumItem::getName));
    }

    @DatabaseTest
    void shouldStoreTheLabelsAndReadTheConstantsBack(TestDatabase on) {
        createTable(on);
        saveThree();

        assertThat(stored()).containsExactly("a:HAPPY:SMALL", "b:SAD:null", "c:ANGRY:LARGE");
        StepVerifier.create(inSession(session -> session.query(NativeEnumItem.class)
                        .orderBy(NativeEnumItem_.id)
                        .all()
                        .map(item -> item.getMood() + "/" + item.getSize())))
                .expectNext("HAPPY/SMALL", "SAD/null", "ANGRY/LARGE")
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(inSession(session -> session.query(NativeEnumItem_.mood, NativeEnumItem_.size)
                        .orderBy(NativeEnumItem_.id)
                        .all()
                        .map(row -> List.of(row.first(), String.valueOf(row.second())))))
                .expectNext(List.of(NativeMood.HAPPY, "SMALL"), List.of(NativeMood.SAD, "null"))
                .expectNext(List.of(NativeMood.ANGRY, "LARGE"))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @DatabaseTest
    void shouldFilterAndSortByTheEnumTypes(TestDatabase on) {
        createTable(on);
        saveThree();
        sql.clear();

        StepVerifier.create(names(session -> session.query(NativeEnumItem.class)
                        .filter(NativeEnumItem_.mood.eq(NativeMood.SAD))
                        .all()))
                .expectNext("b")
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(names(session -> session.query(NativeEnumItem.class)
                        .filter(NativeEnumItem_.mood.in(NativeMood.HAPPY, NativeMood.ANGRY))
                        .orderBy(NativeEnumItem_.id)
                        .all()))
                .expectNext("a", "c")
                .expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(names(session -> session.query(NativeEnumItem.class)
                        .filter(NativeEnumItem_.mood.notIn(NativeMood.HAPPY))
                        .filter(NativeEnumItem_.size.eq(NativeSize.LARGE).or(NativeEnumItem_.size.isNull()))
                        .orderBy(NativeEnumItem_.id)
                        .all()))
                .expectNext("b", "c")
                .expectComplete()
                .verify(TIMEOUT);
        // Enum types sort by the labels' order (the constants'), not alphabetically.
        StepVerifier.create(names(session -> session.query(NativeEnumItem.class)
                        .orderBy(NativeEnumItem_.mood.desc())
                        .all()))
                .expectNext("c", "b", "a")
                .expectComplete()
                .verify(TIMEOUT);

        RenderedSql in = sql.statements().get(1);
        assertThat(in.values()).containsExactly("HAPPY", "ANGRY");
        if (engine.dialect().supports(Capability.ENUM_TYPES)) {
            assertThat(in.sql()).contains("IN (CAST($1 AS native_mood), CAST($2 AS native_mood))");
        } else if (on == TestDatabase.H2) {
            // r2dbc-h2 sends strings as CLOBs, which H2 turns into VARCHAR but not into ENUM.
            assertThat(in.sql()).contains("IN (CAST($1 AS VARCHAR), CAST($2 AS VARCHAR))");
        } else {
            assertThat(in.sql()).contains("IN (?, ?)");
        }
    }

    @DatabaseTest
    void shouldUpdateEnumColumnsInSingleAndBatchedFlushes(TestDatabase on) {
        createTable(on);
        saveThree();
        sql.clear();

        StepVerifier.create(inSession(session -> session.query(NativeEnumItem.class)
                        .filter(NativeEnumItem_.name.eq("a"))
                        .one()
                        .flatMap(a -> {
                            a.setMood(NativeMood.SAD);
                            a.setSize(null);
                            return session.commit();
                        })))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(stored()).containsExactly("a:SAD:null", "b:SAD:null", "c:ANGRY:LARGE");

        sql.clear();
        StepVerifier.create(inSession(session -> session.query(NativeEnumItem.class)
                        .orderBy(NativeEnumItem_.id)
                        .all()
                        .doOnNext(item -> {
                            item.setMood(item.getMood() == NativeMood.SAD ? NativeMood.ANGRY : NativeMood.HAPPY);
                            item.setSize(NativeSize.MEDIUM);
                        })
                        .then(session.commit())))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(stored()).containsExactly("a:ANGRY:MEDIUM", "b:ANGRY:MEDIUM", "c:HAPPY:MEDIUM");

        List<RenderedSql> updates = sql.statements().stream()
                .filter(statement -> statement.sql().startsWith("UPDATE"))
                .toList();
        if (engine.dialect().supports(Capability.UPDATE_FROM_VALUES)) {
            // One statement for the three rows: the cast gives the VALUES columns the enum types the SET needs.
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0).sql())
                    .contains("FROM (VALUES ($1, CAST($2 AS native_mood), CAST($3 AS native_enum_size)), ");
        } else if (engine.dialect().supports(Capability.UPDATE_JOIN_ROWS)) {
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0).sql()).contains("UNION ALL");
        } else {
            assertThat(updates).hasSize(3);
        }
    }

    @DatabaseTest
    void shouldCreateTheTypesBeforeTheTableAndDropThemAfter(TestDatabase on) {
        createTable(on);
        List<String> create = MAPPING.metadata().createStatements(engine.dialect(), false);
        List<String> drop = MAPPING.metadata().dropStatements(engine.dialect(), true);
        if (engine.dialect().supports(Capability.ENUM_TYPES)) {
            assertThat(create).hasSize(3);
            assertThat(create.subList(0, 2))
                    .containsExactly(
                            "CREATE TYPE native_mood AS ENUM ('HAPPY', 'SAD', 'ANGRY')",
                            "CREATE TYPE native_enum_size AS ENUM ('SMALL', 'MEDIUM', 'LARGE')");
            assertThat(create.get(2)).contains("mood native_mood, size native_enum_size");
            assertThat(drop)
                    .containsExactly(
                            "DROP TABLE IF EXISTS native_enum_item",
                            "DROP TYPE IF EXISTS native_mood",
                            "DROP TYPE IF EXISTS native_enum_size");
            assertThat(types()).isEqualTo(2L);

            // checkFirst skips the types that exist; dropping removes them.
            StepVerifier.create(MAPPING.metadata().createAll(engine, true))
                    .expectComplete()
                    .verify(TIMEOUT);
            StepVerifier.create(MAPPING.metadata().dropAll(engine))
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(types()).isZero();
            StepVerifier.create(MAPPING.metadata().createAll(engine, true))
                    .expectComplete()
                    .verify(TIMEOUT);
            assertThat(types()).isEqualTo(2L);
        } else {
            assertThat(create).hasSize(1);
            assertThat(create.get(0))
                    .containsPattern("mood\\W? ENUM\\('HAPPY', 'SAD', 'ANGRY'\\)")
                    .containsPattern("size\\W? ENUM\\('SMALL', 'MEDIUM', 'LARGE'\\)");
            assertThat(drop).containsExactly("DROP TABLE IF EXISTS native_enum_item");
        }

        // The database itself refuses a value outside the labels.
        StepVerifier.create(engine.execute(SQL.text("INSERT INTO native_enum_item (name, mood) VALUES ('x', 'BORED')")))
                .expectError()
                .verify(TIMEOUT);
    }

    private Long types() {
        return engine.query(
                        SQL.text("SELECT count(*) FROM pg_type WHERE typname IN ('native_mood', 'native_enum_size')"))
                .map(row -> ((Number) row.get(0)).longValue())
                .single()
                .block(TIMEOUT);
    }

    @DatabaseTest
    void shouldFailNamingTheColumnAndLabelWhenTheEnumLacksALabel(TestDatabase on) {
        createTable(on);
        saveThree();
        String widen = switch (on) {
            case POSTGRESQL -> "ALTER TYPE native_mood ADD VALUE 'SLEEPY'";
            case MARIADB -> "ALTER TABLE native_enum_item MODIFY mood ENUM('HAPPY', 'SAD', 'ANGRY', 'SLEEPY')";
            case H2 ->
                "ALTER TABLE native_enum_item ALTER COLUMN mood SET DATA TYPE ENUM('HAPPY', 'SAD', 'ANGRY', 'SLEEPY')";
        };
        engine.execute(SQL.text(widen)).block(TIMEOUT);
        engine.execute(SQL.text("INSERT INTO native_enum_item (name, mood) VALUES ('d', 'SLEEPY')"))
                .block(TIMEOUT);

        StepVerifier.create(names(session -> session.query(NativeEnumItem.class)
                        .orderBy(NativeEnumItem_.id)
                        .all()))
                .thenConsumeWhile(name -> true)
                .expectErrorSatisfies(error -> assertThat(error)
                        .hasMessageContainingAll("column ", " (enum type native_mood)")
                        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("column mood"))
                        .hasMessageContaining("'SLEEPY'")
                        .hasMessageContaining(NativeMood.class.getName()))
                .verify(TIMEOUT);
        // The same error, promptly, when the row is read alone or streamed through a cursor.
        StepVerifier.create(names(session -> session.query(NativeEnumItem.class)
                        .filter(NativeEnumItem_.name.eq("d"))
                        .one()
                        .flux()))
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("'SLEEPY'"))
                .verify(TIMEOUT);
        StepVerifier.create(names(session -> session.query(NativeEnumItem.class).orderBy(NativeEnumItem_.id).stream(2)))
                .thenConsumeWhile(name -> true)
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("'SLEEPY'"))
                .verify(TIMEOUT);
        // The rows the enum knows still read.
        StepVerifier.create(names(session -> session.query(NativeEnumItem.class)
                        .filter(NativeEnumItem_.mood.in(NativeMood.HAPPY, NativeMood.SAD))
                        .orderBy(NativeEnumItem_.id)
                        .all()))
                .expectNext("a", "b")
                .expectComplete()
                .verify(TIMEOUT);
    }
}
