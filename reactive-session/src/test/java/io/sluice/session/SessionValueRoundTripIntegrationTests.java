package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.R2dbcException;
import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import io.sluice.testing.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Mono;

/**
 * Properties of values through the session on every database: an object with any text, edge numbers and dates is inserted by a
 * commit, found again by equality on every attribute and by LIKE, changed in every attribute by a commit and deleted by one,
 * and every value comes back exactly; the SQL text of each statement never depends on the values. Where a database cannot
 * store a value (PostgreSQL refuses the NUL character), the commit fails with the database's error and nothing is stored. The
 * values come from {@link Values}, seeded: a failure names the try, the values and the seed that reproduce it.
 */
class SessionValueRoundTripIntegrationTests {

    static final int TRIES = 150;
    static final Mapping MAPPING = Mapping.of(Sample.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestDatabase database;
    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();
    private final Set<String> shapes = new LinkedHashSet<>();

    private void createTable(TestDatabase on) {
        database = on;
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = database.newEngine(builder -> builder.listener(sql));
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

    private boolean storable(List<Object> values) {
        return database != TestDatabase.POSTGRESQL || ((String) values.get(0)).indexOf('\0') < 0;
    }

    /** Returns the values as the database gives them back: H2 and MariaDB store minus zero as zero. */
    private List<Object> stored(List<Object> values) {
        return database == TestDatabase.POSTGRESQL ? values : withoutMinusZero(values);
    }

    private static List<Object> withoutMinusZero(List<Object> values) {
        List<Object> copy = new ArrayList<>(values);
        copy.set(4, (Double) values.get(4) + 0.0);
        return copy;
    }

    private <T> T inTransaction(Function<Session, Mono<T>> work) {
        return sessions.inTransaction(work).blockLast(TIMEOUT);
    }

    private long rows() {
        return engine.query(SQL.select(SQL.count())
                        .from(MAPPING.entity(Sample.class).table()))
                .map(row -> row.get(0, Long.class))
                .blockFirst(TIMEOUT);
    }

    private static void assertRefused(Runnable commit) {
        assertThatThrownBy(commit::run)
                .isInstanceOf(R2dbcException.class)
                .hasMessageContaining("0x00")
                .satisfies(
                        error -> assertThat(((R2dbcException) error).getSql()).isNotBlank());
    }

    /** The values of a sample before and after the change, which differ in every attribute. */
    record Change(List<Object> values, List<Object> others) {}

    /** Returns label, whole, big, amount, ratio, day, moment and instant, as {@link Sample#set} takes them. */
    static List<Object> sample(Values v) {
        // MariaDB's default VARCHAR(255) counts characters; the other databases take any length
        String label = v.stream(w -> w.text(12))
                .filter(text -> text.codePointCount(0, text.length()) <= 255)
                .findFirst()
                .orElseThrow();
        return Arrays.asList(
                label, v.anyInt(), v.anyLong(), v.decimal(), v.finiteDouble(), v.date(), v.dateTime(), v.instant());
    }

    /**
     * Returns a sample and another that differs from it in every attribute, whatever the database (minus zero and zero count as
     * the same), so that the change updates every column.
     */
    static Change change(Values v) {
        List<Object> values = sample(v);
        List<Object> others = sample(v);
        while (!differsEverywhere(withoutMinusZero(values), withoutMinusZero(others))) {
            others = sample(v);
        }
        return new Change(values, others);
    }

    private static boolean differsEverywhere(List<Object> values, List<Object> others) {
        for (int i = 0; i < values.size(); i++) {
            if (Objects.equals(values.get(i), others.get(i))) {
                return false;
            }
        }
        return true;
    }

    @DatabaseTest
    void shouldRoundTripAnyValuesThroughAddFilterChangeAndDelete(TestDatabase on) {
        createTable(on);
        Values values = Values.seeded();
        int[] refused = {0};
        values.forEach(TRIES, SessionValueRoundTripIntegrationTests::change, change -> {
            if (!storable(change.values())) {
                refused[0]++;
            }
            sql.clear();
            try {
                roundTrip(change.values(), change.others());
            } finally {
                engine.execute(SQL.deleteFrom(MAPPING.entity(Sample.class).table()))
                        .block(TIMEOUT);
                for (RenderedSql statement : sql.statements()) {
                    shapes.add(statement.sql());
                }
            }
        });
        // INSERT; SELECT by = on every attribute; SELECT count(*) by LIKE; SELECT by key; UPDATE; DELETE
        assertThat(shapes).as("distinct SQL texts sent, whatever the values").hasSize(6);
        System.out.println(on + ": " + TRIES + " samples tried, seed " + values.seedText() + ", " + (TRIES - refused[0])
                + " stored, " + refused[0] + " refused (NUL on PostgreSQL)");
    }

    @DatabaseTest
    void shouldChangeManyObjectsOfEveryTypeInOneFlush(TestDatabase on) {
        createTable(on);
        Values values = Values.seeded();
        List<Change> changes = new ArrayList<>();
        values.forEach(40, SessionValueRoundTripIntegrationTests::change, change -> {
            if (storable(change.values()) && storable(change.others())) {
                changes.add(change);
            }
        });
        List<Sample> samples = new ArrayList<>();
        changes.forEach(change -> samples.add(new Sample(change.values())));
        inTransaction(session -> {
            session.addAll(samples);
            return Mono.just(1);
        });
        sql.clear();
        // One session changes every attribute of every sample: on PostgreSQL and MariaDB one multi-row UPDATE, whose
        // values
        // take their types from the binds, not from columns.
        inTransaction(session -> session.query(Sample.class)
                .orderBy(Sample_.id)
                .all()
                .index()
                .doOnNext(loaded -> loaded.getT2()
                        .set(changes.get((int) (long) loaded.getT1()).others()))
                .then(Mono.just(1)));
        long updates = sql.events().stream()
                .filter(event -> event.startsWith("UPDATE"))
                .count();
        assertThat(updates).isEqualTo(on == TestDatabase.H2 ? changes.size() : 1);
        List<Sample> changed = inTransaction(
                session -> session.query(Sample.class).orderBy(Sample_.id).all().collectList());
        assertThat(changed).hasSize(changes.size());
        for (int i = 0; i < changes.size(); i++) {
            assertThat(changed.get(i).values())
                    .as("sample %d, seed %s", i, values.seedText())
                    .containsExactlyElementsOf(stored(changes.get(i).others()));
            assertThat(changed.get(i).getVersion()).isEqualTo(2L);
        }
    }

    private void roundTrip(List<Object> values, List<Object> others) {
        Sample sample = new Sample(values);
        Mono<Object> add = Mono.fromRunnable(() -> {});
        if (!storable(values)) {
            assertRefused(() -> inTransaction(session -> {
                session.add(sample);
                return add;
            }));
            assertThat(sample.getId()).isNull();
            assertThat(rows()).isZero();
            return;
        }
        inTransaction(session -> {
            session.add(sample);
            return add;
        });
        Sample found = inTransaction(session -> session.query(Sample.class)
                .filter(Sample_.label.eq((String) values.get(0)))
                .filter(Sample_.whole.eq((Integer) values.get(1)))
                .filter(Sample_.big.eq((Long) values.get(2)))
                .filter(Sample_.amount.eq((BigDecimal) values.get(3)))
                .filter(Sample_.ratio.eq((Double) values.get(4)))
                .filter(Sample_.day.eq((LocalDate) values.get(5)))
                .filter(Sample_.moment.eq((LocalDateTime) values.get(6)))
                .filter(Sample_.instant.eq((Instant) values.get(7)))
                .one());
        assertThat(found.getId()).isEqualTo(sample.getId());
        assertThat(found.values()).containsExactlyElementsOf(stored(values));
        long alike = inTransaction(session -> session.query(Sample.class)
                .filter(Sample_.label.like(SQL.escapeLike((String) values.get(0))))
                .count());
        assertThat(alike).isEqualTo(1L);

        Long id = sample.getId();
        Runnable change =
                () -> inTransaction(session -> session.get(Sample.class, id).doOnNext(loaded -> loaded.set(others)));
        if (!storable(others)) {
            assertRefused(change);
            assertThat(inTransaction(session -> session.get(Sample.class, id)).values())
                    .containsExactlyElementsOf(stored(values));
            return;
        }
        change.run();
        Sample changed = inTransaction(session -> session.get(Sample.class, id));
        assertThat(changed.values()).containsExactlyElementsOf(stored(others));
        assertThat(changed.getVersion()).isEqualTo(2L);
        inTransaction(session -> session.get(Sample.class, id).doOnNext(session::delete));
        assertThat(rows()).isZero();
    }
}
