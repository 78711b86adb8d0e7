package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/** Values that look like SQL go in and come back exactly, and never change the statement that carries them. */
final class HostileValuesIntegrationTests {

    static final Table NOTES = Table.builder("sluice_notes")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("body", SqlType.TEXT)
            .build();
    static final Column<Integer> ID = NOTES.column("id", Integer.class);
    static final Column<String> BODY = NOTES.column("body", String.class);
    static final Metadata METADATA = Metadata.of(NOTES);

    static final List<String> HOSTILE = List.of(
            "it's",
            "''",
            "'; DROP TABLE sluice_notes; --",
            "\" OR 1=1 --",
            "` OR 1=1 #",
            "back\\slash\\",
            "\\'",
            "100% of_all",
            "%",
            "_",
            "/* comment */ SELECT 1",
            "a;b;c",
            ":name and $1 and ? and ?? and $$dollar$$",
            "line\nbreak\ttab\r\n",
            "unicode: ünïcödé, 日本語, emoji 😀, rtl \u202Eabc",
            "",
            // not a lone " ": MariaDB's default collation ignores trailing spaces, so '' = ' ' holds there by design
            "  leading spaces",
            "x".repeat(70_000));

    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void dropTables() {
        Schemas.drop(engine, METADATA);
    }

    @DatabaseTest
    void shouldRoundTripHostileValuesExactlyWithoutChangingTheStatement(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        RecordingListener listener = new RecordingListener();
        Engine recorded = database.newEngine(builder -> builder.listener(listener));
        try {
            for (int i = 0; i < HOSTILE.size(); i++) {
                recorded.execute(SQL.insertInto(NOTES).columns(ID, BODY).values(i, HOSTILE.get(i)))
                        .block(Duration.ofSeconds(10));
            }
            for (int i = 0; i < HOSTILE.size(); i++) {
                String value = HOSTILE.get(i);
                List<Object> byEquality = recorded.query(SQL.select(ID, BODY).where(BODY.eq(value)))
                        .map(row -> row.get(0))
                        .collectList()
                        .block(Duration.ofSeconds(10));
                assertThat(byEquality).as("rows equal to value %d", i).containsExactly(i);
                List<Object> byLike = recorded.query(SQL.select(ID).where(BODY.like(SQL.escapeLike(value))))
                        .map(row -> row.get(0))
                        .collectList()
                        .block(Duration.ofSeconds(10));
                assertThat(byLike).as("rows like value %d", i).containsExactly(i);
            }
            List<String> stored = engine.query(SQL.select(BODY).orderBy(ID))
                    .map(row -> (String) row.get(0))
                    .collectList()
                    .block();
            assertThat(stored).containsExactlyElementsOf(HOSTILE);
            assertThat(engine.query(SQL.select(SQL.count()).from(NOTES))
                            .blockFirst()
                            .get(0))
                    .isEqualTo((long) HOSTILE.size());

            Set<String> shapes =
                    listener.statements().stream().map(sql -> sql.sql()).collect(Collectors.toSet());
            assertThat(shapes).hasSize(3);
            List<Object> bound = new ArrayList<>();
            listener.statements().forEach(sql -> bound.addAll(sql.values()));
            assertThat(bound).containsAll(HOSTILE);
        } finally {
            recorded.close().block(Duration.ofSeconds(10));
        }
    }
}
