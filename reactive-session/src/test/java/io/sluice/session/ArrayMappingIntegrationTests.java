package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Mapping;
import io.sluice.session.mapping.MappingException;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/**
 * List and array fields through the session: stored in array columns on PostgreSQL and H2, written again only when they
 * changed (an element added or replaced in place included), queried with contains and overlaps; refused on MariaDB when the
 * session factory meets the mapping.
 */
final class ArrayMappingIntegrationTests {

    static final Mapping MAPPING = Mapping.of(ArrayRecord.class);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Table TABLE = MAPPING.entity(ArrayRecord.class).table();
    static final UUID A = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private Engine engine;
    private Engine recorded;
    private SessionFactory sessions;
    private final RecordingListener sql = new RecordingListener();

    /** Returns whether the database has arrays; on MariaDB asserts the factory's refusal instead. */
    private boolean createTable(TestDatabase database) {
        if (database == TestDatabase.MARIADB) {
            Engine maria = database.engine();
            assertThatThrownBy(() -> SessionFactory.of(maria, MAPPING))
                    .isInstanceOf(MappingException.class)
                    .hasMessageContaining("ArrayRecord.tags")
                    .hasMessageContaining("arr_records.tags")
                    .hasMessageContaining("MariaDB has no array type")
                    .hasMessageContaining("@Json");
            return false;
        }
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        recorded = database.newEngine(builder -> builder.listener(sql));
        sessions = SessionFactory.of(recorded, MAPPING);
        return true;
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

    private void insertRecords() {
        ArrayRecord first = new ArrayRecord(1L);
        first.tags = new ArrayList<>(List.of("red", "blue"));
        first.scores = List.of(1, 2);
        first.counts = List.of(Long.MAX_VALUE);
        first.owners = List.of(A);
        first.refs = new UUID[] {A, B};
        first.labels = new String[] {"x", "it's \"quoted\""};
        ArrayRecord second = new ArrayRecord(2L);
        second.tags = new ArrayList<>();
        second.refs = new UUID[0];
        sessions.inTransaction(session -> {
                    session.add(first);
                    session.add(second);
                    return session.flush();
                })
                .blockLast(TIMEOUT);
    }

    private List<String> updates() {
        return sql.events().stream().filter(event -> event.startsWith("UPDATE")).toList();
    }

    @DatabaseTest
    void shouldWriteAndReadListsAndArraysOrRefuseThemOnMariaDb(TestDatabase database) {
        if (!createTable(database)) {
            return;
        }
        insertRecords();

        Session session = sessions.open();
        try {
            ArrayRecord first = session.get(ArrayRecord.class, 1L).block(TIMEOUT);
            assertThat(first.tags).isInstanceOf(ArrayList.class).containsExactly("red", "blue");
            assertThat(first.scores).containsExactly(1, 2);
            assertThat(first.counts).containsExactly(Long.MAX_VALUE);
            assertThat(first.owners).containsExactly(A);
            assertThat(first.refs).containsExactly(A, B);
            assertThat(first.labels).containsExactly("x", "it's \"quoted\"");
            ArrayRecord second = session.get(ArrayRecord.class, 2L).block(TIMEOUT);
            assertThat(second.tags).isEmpty();
            assertThat(second.refs).isEmpty();
            assertThat(second.scores).isNull();
            assertThat(second.labels).isNull();
        } finally {
            session.close().block(TIMEOUT);
        }
    }

    @DatabaseTest
    void shouldUpdateOnlyTheArrayColumnChangedInPlace(TestDatabase database) {
        if (!createTable(database)) {
            return;
        }
        insertRecords();

        Session session = sessions.open();
        try {
            ArrayRecord first = session.get(ArrayRecord.class, 1L).block(TIMEOUT);
            sql.clear();
            session.flush().block(TIMEOUT);
            assertThat(updates())
                    .as("a loaded, unchanged object is not written")
                    .isEmpty();

            first.tags.add("green");
            session.flush().block(TIMEOUT);
            assertThat(updates()).hasSize(1);
            assertThat(updates().get(0)).contains("tags").doesNotContain("refs").doesNotContain("labels");

            sql.clear();
            first.refs[1] = A;
            session.flush().block(TIMEOUT);
            assertThat(updates()).hasSize(1);
            assertThat(updates().get(0)).contains("refs").doesNotContain("tags");

            sql.clear();
            session.flush().block(TIMEOUT);
            assertThat(updates()).isEmpty();
            session.commit().block(TIMEOUT);
        } finally {
            session.close().block(TIMEOUT);
        }

        List<Object> row = engine.query(SQL.select(TABLE.column("tags"), TABLE.column("refs"))
                        .from(TABLE)
                        .where(TABLE.column("id", Long.class).eq(1L)))
                .map(result -> result.values())
                .blockFirst(TIMEOUT);
        assertThat(row.get(0)).isEqualTo(List.of("red", "blue", "green"));
        assertThat(row.get(1)).isEqualTo(new UUID[] {A, A});
    }

    @DatabaseTest
    void shouldQueryByContainsAndOverlaps(TestDatabase database) {
        if (!createTable(database)) {
            return;
        }
        insertRecords();
        var tags = MAPPING.entity(ArrayRecord.class).attribute("tags");
        var refs = MAPPING.entity(ArrayRecord.class).attribute("refs");

        assertThat(ids(SQL.arrayContains(tags, "red", "blue"))).containsExactly(1L);
        assertThat(ids(SQL.arrayOverlaps(tags, "green", "red"))).containsExactly(1L);
        assertThat(ids(SQL.arrayContains(refs, List.of()))).containsExactly(1L, 2L);
        assertThat(ids(SQL.arrayOverlaps(refs, B))).containsExactly(1L);
    }

    private List<Long> ids(io.sluice.core.sql.Expression<Boolean> condition) {
        return sessions.inTransaction(session -> session.query(ArrayRecord.class)
                        .filter(condition)
                        .orderBy(MAPPING.entity(ArrayRecord.class).attribute("id"))
                        .all())
                .map(record -> record.id)
                .collectList()
                .block(TIMEOUT);
    }
}
