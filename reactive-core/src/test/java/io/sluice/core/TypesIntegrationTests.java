package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Every supported Java type goes in and comes back the same on every database, {@code null} included. */
final class TypesIntegrationTests {

    static final Table TYPES = Table.builder("sluice_types")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .autoIncrement()
            .column("c_smallint", SqlType.SMALLINT)
            .column("c_integer", SqlType.INTEGER)
            .column("c_bigint", SqlType.BIGINT)
            .column("c_varchar", SqlType.varchar(100))
            .column("c_text", SqlType.TEXT)
            .column("c_boolean", SqlType.BOOLEAN)
            .column("c_decimal", SqlType.decimal(12, 4))
            .column("c_real", SqlType.REAL)
            .column("c_double", SqlType.DOUBLE)
            .column("c_date", SqlType.DATE)
            .column("c_time", SqlType.TIME)
            .column("c_timestamp", SqlType.TIMESTAMP)
            .column("c_timestamptz", SqlType.TIMESTAMP_TZ)
            .column("c_instant", SqlType.INSTANT)
            .column("c_uuid", SqlType.UUID_TYPE)
            .column("c_binary", SqlType.BINARY)
            .column("c_enum", SqlType.enumType(DayOfWeek.class))
            .build();
    static final Metadata METADATA = Metadata.of(TYPES);

    private Engine engine = TestDatabase.H2.engine();

    @AfterEach
    void dropTables() {
        Schemas.drop(engine, METADATA);
    }

    private static Column<?>[] valueColumns() {
        return TYPES.columns().subList(1, TYPES.columns().size()).toArray(new Column<?>[0]);
    }

    @DatabaseTest
    void shouldRoundTripEveryTypeAndNull(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        OffsetDateTime offsetDateTime = OffsetDateTime.parse("2024-02-29T23:59:58.123456+05:30");
        List<Object> values = Arrays.asList(
                (short) -32768,
                Integer.MAX_VALUE,
                Long.MIN_VALUE,
                "héllo wörld ✓ 日本",
                "x".repeat(100_000),
                true,
                new BigDecimal("-12345678.1234"),
                1.5f,
                Math.PI,
                LocalDate.of(1999, 12, 31),
                LocalTime.of(13, 14, 15, 123_456_000),
                LocalDateTime.of(2030, 1, 2, 3, 4, 5, 678_901_000),
                offsetDateTime,
                Instant.parse("2001-09-09T01:46:40.000001Z"),
                uuid,
                bytes,
                DayOfWeek.SATURDAY);
        List<Object> nulls = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            nulls.add(null);
        }
        Long firstId = engine.query(SQL.insertInto(TYPES)
                        .columns(valueColumns())
                        .rows(List.of(values))
                        .returning(TYPES.column("id", Long.class)))
                .map(row -> row.get(0, Long.class))
                .blockFirst();
        engine.execute(SQL.insertInto(TYPES).columns(valueColumns()).rows(List.of(nulls)))
                .block();

        List<ResultRow> rows = engine.query(SQL.selectFrom(TYPES).orderBy(TYPES.column("id")))
                .collectList()
                .block();

        assertThat(rows).hasSize(2);
        ResultRow row = rows.get(0);
        assertThat(row.get(0)).isEqualTo(firstId);
        List<Object> expected = new ArrayList<>(values);
        expected.set(12, offsetDateTime.withOffsetSameInstant(ZoneOffset.UTC));
        for (int i = 0; i < expected.size(); i++) {
            assertThat(row.get(i + 1)).as(TYPES.columns().get(i + 1).name()).isEqualTo(expected.get(i));
        }
        assertThat(rows.get(1).values().subList(1, values.size() + 1)).containsOnlyNulls();
    }

    @DatabaseTest
    void shouldReadNumbersAsTheDeclaredJavaType(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        Column<Integer> integer = TYPES.column("c_integer", Integer.class);
        engine.execute(SQL.insertInto(TYPES).columns(integer).rows(List.of(List.of(1), List.of(2), List.of(4))))
                .block();

        ResultRow row = engine.query(SQL.select(SQL.count(), SQL.sum(integer), SQL.max(integer), SQL.avg(integer)))
                .blockFirst();

        assertThat(row.get(0)).isEqualTo(3L);
        assertThat(row.get(1)).isEqualTo(7);
        assertThat(row.get(2)).isEqualTo(4);
        // the scale of avg is the database's own: MariaDB keeps 4 decimals, PostgreSQL 16, H2 a double's worth
        assertThat((BigDecimal) row.get(3))
                .isCloseTo(new BigDecimal("2.3333"), org.assertj.core.data.Offset.offset(new BigDecimal("0.0001")));
    }
}
