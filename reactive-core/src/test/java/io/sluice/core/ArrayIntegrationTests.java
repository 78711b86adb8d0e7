package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import reactor.test.StepVerifier;

/** Array columns round-trip and answer contains/overlaps on PostgreSQL and H2; MariaDB, which has none, refuses them. */
final class ArrayIntegrationTests {

    static final Table THINGS = Table.builder("arr_things")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .column("tags", SqlType.array(SqlType.TEXT))
            .column("scores", SqlType.array(SqlType.INTEGER))
            .column("refs", SqlType.array(SqlType.UUID_TYPE))
            .column("counts", SqlType.array(SqlType.BIGINT))
            .build();
    static final Metadata METADATA = Metadata.of(THINGS);
    static final Column<Long> ID = THINGS.column("id", Long.class);
    static final Column<String[]> TAGS = THINGS.column("tags", String[].class);
    static final Column<Integer[]> SCORES = THINGS.column("scores", Integer[].class);
    static final Column<UUID[]> REFS = THINGS.column("refs", UUID[].class);
    static final Column<Long[]> COUNTS = THINGS.column("counts", Long[].class);

    static final UUID A = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void dropTables() {
        if (engine != TestDatabase.MARIADB.engine()) {
            Schemas.drop(engine, METADATA);
        }
    }

    private void insertThings() {
        engine.execute(SQL.insertInto(THINGS)
                        .columns(ID, TAGS, SCORES, REFS, COUNTS)
                        .rows(List.of(
                                List.of(
                                        1L,
                                        new String[] {"red", "it's \"big\""},
                                        new Integer[] {1, 2},
                                        new UUID[] {A},
                                        new Long[] {Long.MAX_VALUE}),
                                List.of(
                                        2L,
                                        new String[] {"blue", "red"},
                                        new Integer[] {3},
                                        new UUID[] {A, B},
                                        new Long[] {}),
                                Arrays.asList(3L, new String[] {}, null, new UUID[] {}, null))))
                .block(Duration.ofSeconds(30));
    }

    @DatabaseTest
    void shouldRoundTripArraysOrRefuseThemOnMariaDb(TestDatabase database) {
        engine = database.engine();
        if (database == TestDatabase.MARIADB) {
            assertThatThrownBy(() -> Schemas.recreate(engine, METADATA))
                    .hasMessageContaining("MariaDB has no array type")
                    .hasMessageContaining("JSON column");
            engine.query(SQL.select(ID).from(THINGS).where(TAGS.eq(new String[] {"red"})))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(UnsupportedOperationException.class)
                            .hasMessageContaining("MariaDB has no array type")
                            .hasMessageContaining("JSON column"))
                    .verify();
            return;
        }
        Schemas.recreate(engine, METADATA);
        insertThings();

        List<ResultRow> rows = engine.query(
                        SQL.select(ID, TAGS, SCORES, REFS, COUNTS).from(THINGS).orderBy(ID.asc()))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get(1)).isEqualTo(new String[] {"red", "it's \"big\""});
        assertThat(rows.get(0).get(2)).isEqualTo(new Integer[] {1, 2});
        assertThat(rows.get(0).get(3)).isEqualTo(new UUID[] {A});
        assertThat(rows.get(0).get(4)).isEqualTo(new Long[] {Long.MAX_VALUE});
        assertThat(rows.get(1).get(3)).isEqualTo(new UUID[] {A, B});
        assertThat(rows.get(1).get(4)).isEqualTo(new Long[] {});
        assertThat(rows.get(2).get(1)).isEqualTo(new String[] {});
        assertThat(rows.get(2).get(2)).isNull();
        assertThat(rows.get(2).get(4)).isNull();
    }

    @DatabaseTest
    void shouldFilterByContainsAndOverlapsOrRefuseThemOnMariaDb(TestDatabase database) {
        engine = database.engine();
        if (database == TestDatabase.MARIADB) {
            engine.query(SQL.select(ID).from(THINGS).where(SQL.arrayContains(TAGS, "red")))
                    .as(StepVerifier::create)
                    .expectErrorSatisfies(error -> assertThat(error)
                            .isInstanceOf(UnsupportedOperationException.class)
                            .hasMessageContaining("MariaDB has no array type"))
                    .verify();
            return;
        }
        Schemas.recreate(engine, METADATA);
        insertThings();

        assertThat(ids(SQL.arrayContains(TAGS, "red"))).containsExactly(1L, 2L);
        assertThat(ids(SQL.arrayContains(TAGS, "red", "blue"))).containsExactly(2L);
        assertThat(ids(SQL.arrayContains(TAGS, List.of()))).containsExactly(1L, 2L, 3L);
        assertThat(ids(SQL.arrayOverlaps(TAGS, "blue", "it's \"big\""))).containsExactly(1L, 2L);
        assertThat(ids(SQL.arrayOverlaps(TAGS, List.of()))).isEmpty();
        assertThat(ids(SQL.arrayContains(SCORES, 2))).containsExactly(1L);
        assertThat(ids(SQL.arrayOverlaps(REFS, B, UUID.randomUUID()))).containsExactly(2L);
        assertThat(ids(SQL.arrayContains(COUNTS, Long.MAX_VALUE))).containsExactly(1L);
        assertThat(ids(SQL.arrayOverlaps(TAGS, "blue").or(ID.eq(3L)))).containsExactly(2L, 3L);
        assertThat(ids(SQL.not(SQL.arrayContains(TAGS, "red", "blue")).and(SQL.arrayOverlaps(TAGS, "red", "x"))))
                .containsExactly(1L);
    }

    private List<Object> ids(io.sluice.core.sql.Expression<Boolean> condition) {
        return engine.query(SQL.select(ID).from(THINGS).where(condition).orderBy(ID.asc()))
                .map(row -> row.get(0))
                .collectList()
                .block(Duration.ofSeconds(30));
    }
}
