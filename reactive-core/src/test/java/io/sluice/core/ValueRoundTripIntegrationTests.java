package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.R2dbcException;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.Expression;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.Table;
import io.sluice.core.sql.render.RenderedSql;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * Properties of values on every database, through the core API: any text, edge numbers and dates go in by INSERT, are found by
 * equality, LIKE and IN, change by UPDATE and leave by DELETE, and come back exactly; the SQL text of each statement never
 * depends on the value, which is always bound. Where a database cannot store a value (PostgreSQL refuses the NUL character in
 * text), the statement fails with the database's error and the statement's SQL, and nothing is stored. The values come from
 * {@link Values}, seeded: a failure names the try, the value and the seed that reproduce it.
 */
class ValueRoundTripIntegrationTests {

    static final int TRIES = 200;

    static final Table VALUES = Table.builder("rel_values")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("text_value", SqlType.TEXT)
            .column("int_value", SqlType.INTEGER)
            .column("long_value", SqlType.BIGINT)
            .column("decimal_value", SqlType.DECIMAL)
            .column("double_value", SqlType.DOUBLE)
            .column("date_value", SqlType.DATE)
            .column("timestamp_value", SqlType.TIMESTAMP)
            .column("instant_value", SqlType.INSTANT)
            .build();
    static final Column<Integer> ID = VALUES.column("id", Integer.class);
    static final Column<String> TEXT = VALUES.column("text_value", String.class);
    static final Column<Integer> INT = VALUES.column("int_value", Integer.class);
    static final Column<Long> LONG = VALUES.column("long_value", Long.class);
    static final Column<BigDecimal> DECIMAL = VALUES.column("decimal_value", BigDecimal.class);
    static final Column<Double> DOUBLE = VALUES.column("double_value", Double.class);
    static final Column<LocalDate> DATE = VALUES.column("date_value", LocalDate.class);
    static final Column<LocalDateTime> TIMESTAMP = VALUES.column("timestamp_value", LocalDateTime.class);
    static final Column<Instant> INSTANT = VALUES.column("instant_value", Instant.class);
    static final Metadata METADATA = Metadata.of(VALUES);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TestDatabase database;
    private Engine engine;
    private Engine recorded;
    private final RecordingListener sql = new RecordingListener();
    private final Set<String> shapes = new LinkedHashSet<>();

    private void createTable(TestDatabase on) {
        database = on;
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        recorded = database.newEngine(builder -> builder.listener(sql));
    }

    @AfterEach
    void dropTable() {
        if (recorded != null) {
            recorded.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, METADATA);
        }
    }

    private void assertShapes(int expected) {
        assertThat(shapes).as("distinct SQL texts sent, whatever the values").hasSize(expected);
    }

    private long execute(Statement statement) {
        return recorded.execute(statement).block(TIMEOUT);
    }

    private List<Object> row() {
        return recorded.query(SQL.select(TEXT, INT, LONG, DECIMAL, DOUBLE, DATE, TIMESTAMP, INSTANT)
                        .where(ID.eq(1)))
                .single()
                .map(ResultRow::values)
                .block(TIMEOUT);
    }

    private List<Object> idsWhere(Expression<Boolean> condition) {
        return recorded.query(SQL.select(ID).where(condition))
                .map(row -> row.get(0))
                .collectList()
                .block(TIMEOUT);
    }

    /** Runs one try's statements, then records their SQL texts; the row is always removed. */
    private void tryStatements(Runnable statements) {
        sql.clear();
        try {
            statements.run();
        } finally {
            engine.execute(SQL.deleteFrom(VALUES)).block(TIMEOUT);
            for (RenderedSql statement : sql.statements()) {
                shapes.add(statement.sql());
            }
        }
    }

    private boolean storable(String text) {
        return database != TestDatabase.POSTGRESQL || text.indexOf('\0') < 0;
    }

    private void assertRefused(Statement statement) {
        try {
            execute(statement);
        } catch (R2dbcException refused) {
            assertThat(refused.getMessage()).contains("0x00");
            assertThat(refused.getSql()).isEqualTo(sql.events().get(sql.events().size() - 1));
            return;
        }
        throw new AssertionError("PostgreSQL stored a NUL character");
    }

    /** Prints what was tried, so a run shows how many values each database took and with which seed. */
    private static void report(TestDatabase database, String kind, Values values, String outcome) {
        System.out.println(database + ": " + TRIES + " " + kind + " tried, seed " + values.seedText() + outcome);
    }

    record Texts(String text, String other) {}

    record Numbers(int whole, long big, BigDecimal decimal, double real) {}

    record Moments(
            LocalDate day,
            LocalDateTime moment,
            Instant instant,
            LocalDate otherDay,
            LocalDateTime otherMoment,
            Instant otherInstant) {}

    @DatabaseTest
    void shouldRoundTripAnyTextThroughInsertFiltersUpdateAndDelete(TestDatabase on) {
        createTable(on);
        Values values = Values.seeded();
        int[] refused = {0};
        values.forEach(TRIES, v -> new Texts(v.text(30), v.text(30)), texts -> {
            String text = texts.text();
            String other = texts.other();
            if (!storable(text)) {
                refused[0]++;
            }
            // INSERT, SELECT by id, SELECT by =, LIKE and IN, UPDATE ... WHERE =, DELETE ... WHERE =
            tryStatements(() -> {
                if (!storable(text)) {
                    assertRefused(SQL.insertInto(VALUES).columns(ID, TEXT).values(1, text));
                    assertThat(engine.query(SQL.select(ID)).collectList().block(TIMEOUT))
                            .isEmpty();
                    return;
                }
                assertThat(execute(SQL.insertInto(VALUES).columns(ID, TEXT).values(1, text)))
                        .isEqualTo(1);
                assertThat(row().get(0)).isEqualTo(text);
                assertThat(idsWhere(TEXT.eq(text))).containsExactly(1);
                assertThat(idsWhere(TEXT.like(SQL.escapeLike(text)))).containsExactly(1);
                assertThat(idsWhere(TEXT.in(List.of(text)))).containsExactly(1);
                Statement update = SQL.update(VALUES).set(TEXT, other).where(TEXT.eq(text));
                if (!storable(other)) {
                    assertRefused(update);
                    assertThat(row().get(0)).isEqualTo(text);
                    return;
                }
                assertThat(execute(update)).isEqualTo(1);
                assertThat(row().get(0)).isEqualTo(other);
                assertThat(execute(SQL.deleteFrom(VALUES).where(TEXT.eq(other))))
                        .isEqualTo(1);
            });
        });
        assertShapes(7);
        report(
                on,
                "texts",
                values,
                ", " + (TRIES - refused[0]) + " stored, " + refused[0] + " refused (NUL on PostgreSQL)");
    }

    @DatabaseTest
    void shouldRoundTripEdgeNumbersThroughInsertFiltersAndUpdate(TestDatabase on) {
        createTable(on);
        Values values = Values.seeded();
        values.forEach(TRIES, v -> new Numbers(v.anyInt(), v.anyLong(), v.decimal(), v.finiteDouble()), numbers -> {
            int whole = numbers.whole();
            long big = numbers.big();
            BigDecimal decimal = numbers.decimal();
            double real = numbers.real();
            // INSERT, SELECT by id, four SELECTs by =, UPDATE by id
            tryStatements(() -> {
                assertThat(execute(SQL.insertInto(VALUES)
                                .columns(ID, INT, LONG, DECIMAL, DOUBLE)
                                .values(1, whole, big, decimal, real)))
                        .isEqualTo(1);
                assertThat(row().subList(1, 5)).containsExactly(whole, big, decimal, stored(real));
                assertThat(idsWhere(INT.eq(whole))).containsExactly(1);
                assertThat(idsWhere(LONG.eq(big))).containsExactly(1);
                assertThat(idsWhere(DECIMAL.eq(decimal))).containsExactly(1);
                assertThat(idsWhere(DOUBLE.eq(real))).containsExactly(1);
                assertThat(execute(SQL.update(VALUES)
                                .set(INT, -whole)
                                .set(LONG, -big)
                                .set(DECIMAL, decimal.negate())
                                .set(DOUBLE, -real)
                                .where(ID.eq(1))))
                        .isEqualTo(1);
                assertThat(row().subList(1, 5)).containsExactly(-whole, -big, decimal.negate(), stored(-real));
            });
        });
        assertShapes(7);
        report(on, "sets of numbers (int, long, decimal, double)", values, "");
    }

    @DatabaseTest
    void shouldRoundTripDatesAndTimesThroughInsertFiltersAndUpdate(TestDatabase on) {
        createTable(on);
        Values values = Values.seeded();
        values.forEach(
                TRIES,
                v -> new Moments(v.date(), v.dateTime(), v.instant(), v.date(), v.dateTime(), v.instant()),
                moments -> {
                    // INSERT, SELECT by id, three SELECTs by =, UPDATE by id
                    tryStatements(() -> {
                        assertThat(execute(SQL.insertInto(VALUES)
                                        .columns(ID, DATE, TIMESTAMP, INSTANT)
                                        .values(1, moments.day(), moments.moment(), moments.instant())))
                                .isEqualTo(1);
                        assertThat(row().subList(5, 8))
                                .containsExactly(moments.day(), moments.moment(), moments.instant());
                        assertThat(idsWhere(DATE.eq(moments.day()))).containsExactly(1);
                        assertThat(idsWhere(TIMESTAMP.eq(moments.moment()))).containsExactly(1);
                        assertThat(idsWhere(INSTANT.eq(moments.instant()))).containsExactly(1);
                        assertThat(execute(SQL.update(VALUES)
                                        .set(DATE, moments.otherDay())
                                        .set(TIMESTAMP, moments.otherMoment())
                                        .set(INSTANT, moments.otherInstant())
                                        .where(ID.eq(1))))
                                .isEqualTo(1);
                        assertThat(row().subList(5, 8))
                                .containsExactly(moments.otherDay(), moments.otherMoment(), moments.otherInstant());
                    });
                });
        assertShapes(6);
        report(on, "sets of dates and times (date, timestamp, instant)", values, "");
    }

    /** Returns a double as the database gives it back: H2 and MariaDB store minus zero as zero, PostgreSQL keeps it. */
    private double stored(double value) {
        return database == TestDatabase.POSTGRESQL ? value : value + 0.0;
    }

    @DatabaseTest
    void shouldStoreNonFiniteDoublesExactlyOrRefuseThemClearly(TestDatabase on) {
        createTable(on);
        // INSERT, SELECT by id, SELECT by =
        tryStatements(() -> {
            for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                Statement insert = SQL.insertInto(VALUES).columns(ID, DOUBLE).values(1, special);
                if (database == TestDatabase.MARIADB) {
                    assertThatThrownBy(() -> execute(insert))
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("MariaDB cannot store " + special);
                    continue;
                }
                assertThat(execute(insert)).isEqualTo(1);
                assertThat(row().get(4)).isEqualTo(special);
                assertThat(idsWhere(DOUBLE.eq(special))).containsExactly(1);
                engine.execute(SQL.deleteFrom(VALUES)).block(TIMEOUT);
            }
        });
        assertShapes(database == TestDatabase.MARIADB ? 0 : 3);
    }
}
