package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.R2dbcException;
import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.render.RenderedSql;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.ForDatabase;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Group;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import reactor.core.publisher.Mono;

/**
 * Properties of values through the session on every database: an object with any text, edge numbers and dates is inserted by a
 * commit, found again by equality on every attribute and by LIKE, changed in every attribute by a commit and deleted by one,
 * and every value comes back exactly; the SQL text of each statement never depends on the values. Where a database cannot
 * store a value (PostgreSQL refuses the NUL character), the commit fails with the database's error and nothing is stored.
 */
class SessionValueRoundTripIntegrationTests {

    static final int TRIES = 150;
    static final Mapping MAPPING = Mapping.of(Sample.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    abstract class OnDatabase {

        private Engine engine;
        private Engine recorded;
        private SessionFactory sessions;
        private final RecordingListener sql = new RecordingListener();
        private final Set<String> shapes = new LinkedHashSet<>();

        abstract TestDatabase database();

        @BeforeProperty
        void createTable() {
            engine = database().engine();
            Schemas.recreate(engine, MAPPING.metadata());
            recorded = database().newEngine(builder -> builder.listener(sql));
            sessions = SessionFactory.of(recorded, MAPPING);
        }

        @AfterProperty
        void dropTable() {
            recorded.close().block(TIMEOUT);
            Schemas.drop(engine, MAPPING.metadata());
            // INSERT; SELECT by = on every attribute; SELECT count(*) by LIKE; SELECT by key; UPDATE; DELETE
            assertThat(shapes)
                    .as("distinct SQL texts sent, whatever the values")
                    .hasSize(6);
        }

        private boolean storable(List<Object> values) {
            return database() != TestDatabase.POSTGRESQL || ((String) values.get(0)).indexOf('\0') < 0;
        }

        /** Returns the values as the database gives them back: H2 and MariaDB store minus zero as zero. */
        private List<Object> stored(List<Object> values) {
            List<Object> copy = new ArrayList<>(values);
            if (database() != TestDatabase.POSTGRESQL) {
                copy.set(4, (Double) values.get(4) + 0.0);
            }
            return copy;
        }

        private <T> T inTransaction(java.util.function.Function<Session, Mono<T>> work) {
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
                    .satisfies(error ->
                            assertThat(((R2dbcException) error).getSql()).isNotBlank());
        }

        @Property(tries = TRIES)
        void shouldRoundTripAnyValuesThroughAddFilterChangeAndDelete(
                @ForAll("samples") List<Object> values, @ForAll("samples") List<Object> others) {
            for (int i = 0; i < values.size(); i++) {
                Assume.that(
                        !Objects.equals(stored(values).get(i), stored(others).get(i)));
            }
            Statistics.label("values").collect(!storable(values) ? "refused (NUL on PostgreSQL)" : "stored");
            sql.clear();
            try {
                roundTrip(values, others);
            } finally {
                engine.execute(SQL.deleteFrom(MAPPING.entity(Sample.class).table()))
                        .block(TIMEOUT);
                for (RenderedSql statement : sql.statements()) {
                    shapes.add(statement.sql());
                }
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
            Runnable change = () ->
                    inTransaction(session -> session.get(Sample.class, id).doOnNext(loaded -> loaded.set(others)));
            if (!storable(others)) {
                assertRefused(change);
                assertThat(inTransaction(session -> session.get(Sample.class, id))
                                .values())
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

        @Provide
        Arbitrary<List<Object>> samples() {
            // MariaDB's default VARCHAR(255) counts characters; the other databases take any length
            Arbitrary<String> labels = Values.texts(12).filter(text -> text.codePointCount(0, text.length()) <= 255);
            return Combinators.combine(
                            labels,
                            Arbitraries.integers(),
                            Arbitraries.longs(),
                            Values.decimals(),
                            Values.finiteDoubles(),
                            Values.dates(),
                            Values.dateTimes(),
                            Values.instants())
                    .as((label, whole, big, amount, ratio, day, moment, instant) ->
                            Arrays.<Object>asList(label, whole, big, amount, ratio, day, moment, instant));
        }
    }

    @Group
    @ForDatabase(TestDatabase.H2)
    class OnH2 extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.H2;
        }
    }

    @Group
    @ForDatabase(TestDatabase.POSTGRESQL)
    class OnPostgresql extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.POSTGRESQL;
        }
    }

    @Group
    @ForDatabase(TestDatabase.MARIADB)
    class OnMariaDb extends OnDatabase {
        @Override
        TestDatabase database() {
            return TestDatabase.MARIADB;
        }
    }
}
