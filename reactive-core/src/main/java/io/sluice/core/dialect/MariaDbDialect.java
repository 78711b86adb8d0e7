package io.sluice.core.dialect;

import io.r2dbc.spi.Row;
import io.sluice.core.internal.ColumnClasses;
import io.sluice.core.sql.JsonText;
import io.sluice.core.sql.RowLock;
import io.sluice.core.sql.SqlType;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB and MySQL through r2dbc-mariadb: {@code ?} markers, backquoted identifiers, {@code AUTO_INCREMENT}, {@code CONCAT},
 * case-insensitive LIKE emulated with {@code LOWER}. MariaDB has no time-zone type: {@code TIMESTAMP WITH TIME ZONE} values are
 * stored in a {@code DATETIME(6)} as UTC and read back at offset UTC. {@code JSON} is MariaDB's checked {@code LONGTEXT}. There
 * is no array type: array DDL, binds and conditions fail with {@link UnsupportedOperationException} naming the alternative, a
 * JSON column. NaN and infinite {@code Double} and {@code Float} values are
 * refused with an {@link IllegalArgumentException}, since MariaDB cannot store them.
 */
public final class MariaDbDialect extends AbstractDialect {

    /** The dialect. */
    public static final MariaDbDialect INSTANCE = new MariaDbDialect();

    private MariaDbDialect() {
        super(
                "MariaDB",
                '`',
                EnumSet.of(
                        Capability.MULTI_ROW_INSERT,
                        Capability.UPSERT_ON_DUPLICATE_KEY,
                        Capability.UPDATE_JOIN_ROWS,
                        Capability.FULL_TEXT_SEARCH,
                        Capability.JSON_PATH,
                        Capability.INTERSECT_EXCEPT_ALL),
                new MariaDbCodec());
    }

    @Override
    public String bindMarker(int position) {
        return "?";
    }

    @Override
    public void appendBindMarker(StringBuilder sql, int position) {
        sql.append('?');
    }

    @Override
    public LimitClause limitClause() {
        return (limit, offset) -> {
            if (limit == null && offset == null) {
                return "";
            }
            // MariaDB has no OFFSET without LIMIT; its documentation gives the largest unsigned BIGINT for "no limit".
            return " LIMIT " + (limit == null ? "18446744073709551615" : limit)
                    + (offset == null ? "" : " OFFSET " + offset);
        };
    }

    @Override
    public String typeName(SqlType<?> type) {
        return switch (type.kind()) {
            case INTEGER -> "INT";
            case VARCHAR -> type.length() == 0 ? "VARCHAR(255)" : "VARCHAR(" + type.length() + ")";
            case TEXT -> "LONGTEXT";
            case DECIMAL -> "DECIMAL(" + type.precision() + ", " + type.scale() + ")";
            case REAL -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
            case UUID -> "CHAR(36)";
            case BINARY -> type.length() == 0 ? "LONGBLOB" : "VARBINARY(" + type.length() + ")";
            default -> super.typeName(type);
        };
    }

    @Override
    public String castTypeName(SqlType<?> type) {
        return switch (type.kind()) {
            case VARCHAR, TEXT, ENUM, NAMED_ENUM -> type.length() == 0 ? "CHAR" : "CHAR(" + type.length() + ")";
            case UUID -> "CHAR(36)";
            case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "SIGNED";
            case BINARY -> "BINARY";
            default -> typeName(type);
        };
    }

    @Override
    public String fullTextMatch(String expression, String words) {
        return "MATCH (" + expression + ") AGAINST (" + words + ")";
    }

    /**
     * Returns {@code JSON_UNQUOTE(JSON_EXTRACT(json, ?))} with the path bound as one string: {@code $."key"} per key, {@code
     * [n]} per index.
     */
    @Override
    public String jsonText(String json, List<String> path, BindMarkers binds) {
        StringBuilder bound = new StringBuilder("$");
        for (String element : path) {
            if (JsonText.isIndex(element)) {
                bound.append('[').append(element).append(']');
            } else {
                bound.append(".\"").append(element).append('"');
            }
        }
        return "JSON_UNQUOTE(JSON_EXTRACT(" + json + ", " + binds.bind(bound.toString(), SqlType.TEXT) + "))";
    }

    @Override
    public String identityClause() {
        return "AUTO_INCREMENT";
    }

    @Override
    protected String quoteString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static final class MariaDbCodec extends ValueCodec {

        @Override
        public Object encode(Object value, SqlType<?> type) {
            if (type.kind() == SqlType.Kind.ARRAY) {
                throw noArrays(type);
            }
            if (value instanceof Double number && (number.isNaN() || number.isInfinite())
                    || value instanceof Float single && (single.isNaN() || single.isInfinite())) {
                // r2dbc-mariadb writes the value into the statement text, where NaN and Infinity read as column names
                throw new IllegalArgumentException(
                        "MariaDB cannot store " + value + ": its DOUBLE and FLOAT columns hold finite numbers only");
            }
            if (value instanceof UUID uuid) {
                return uuid.toString();
            }
            Object encoded = super.encode(value, type);
            return encoded instanceof OffsetDateTime dateTime
                    ? dateTime.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
                    : encoded;
        }

        @Override
        public Class<?> nullType(SqlType<?> type) {
            if (type.kind() == SqlType.Kind.ARRAY) {
                throw noArrays(type);
            }
            return switch (type.kind()) {
                case UUID -> String.class;
                case TIMESTAMP_TZ -> LocalDateTime.class;
                default -> super.nullType(type);
            };
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> @Nullable T decode(Row row, int index, SqlType<T> type, @Nullable ColumnClasses columns) {
            if (type.kind() == SqlType.Kind.UUID) {
                String text = row.get(index, String.class);
                return text == null ? null : (T) UUID.fromString(text);
            }
            return super.decode(row, index, type, columns);
        }

        private static UnsupportedOperationException noArrays(SqlType<?> type) {
            return new UnsupportedOperationException("MariaDB has no array type, so a value of " + type + " cannot be"
                    + " bound: store the values in a JSON column (SqlType.JSON, or @Json on a mapped field)");
        }

        @Override
        protected @Nullable OffsetDateTime readOffsetDateTime(Row row, int index) {
            LocalDateTime dateTime = row.get(index, LocalDateTime.class);
            return dateTime == null ? null : dateTime.atOffset(ZoneOffset.UTC);
        }
    }

    /**
     * MariaDB's row locks: {@code FOR UPDATE} or {@code LOCK IN SHARE MODE}, then {@code NOWAIT} or {@code SKIP LOCKED};
     * it locks the rows of every table of the select, so {@code OF} is refused.
     */
    @Override
    public RowLockClause rowLockClause() {
        return (lock, tables) -> {
            if (!tables.isEmpty()) {
                throw new UnsupportedOperationException(
                        "MariaDB cannot lock the rows of some tables only (FOR UPDATE OF):"
                                + " it locks every table the select reads; remove of(...), or select from those tables alone");
            }
            return (lock.strength() == RowLock.Strength.UPDATE ? " FOR UPDATE" : " LOCK IN SHARE MODE")
                    + RowLockClause.waitClause(lock);
        };
    }

    /**
     * Sets the isolation level and read-only in {@code BEGIN} (for that transaction alone), and the timeouts as session
     * variables before it, put back to the server's defaults after: {@code innodb_lock_wait_timeout} counts whole seconds,
     * {@code max_statement_time} seconds with a fraction.
     */
    @Override
    public TransactionSettings transactionSettings(
            io.r2dbc.spi.@Nullable IsolationLevel isolation,
            boolean readOnly,
            java.time.@Nullable Duration lockTimeout,
            java.time.@Nullable Duration statementTimeout) {
        List<io.sluice.core.sql.Text> before = new java.util.ArrayList<>();
        List<io.sluice.core.sql.Text> after = new java.util.ArrayList<>();
        if (lockTimeout != null) {
            if (lockTimeout.toNanos() % 1_000_000_000L != 0) {
                throw new UnsupportedOperationException(
                        "MariaDB counts a lock timeout (innodb_lock_wait_timeout) in whole"
                                + " seconds, and " + lockTimeout + " is not: use a whole number of seconds, such as"
                                + " Duration.ofSeconds(" + Math.max(1, (lockTimeout.toMillis() + 999) / 1000) + ")");
            }
            before.add(io.sluice
                    .core
                    .sql
                    .SQL
                    .text("SET SESSION innodb_lock_wait_timeout = :seconds")
                    .bind("seconds", lockTimeout.toSeconds()));
            after.add(io.sluice.core.sql.SQL.text("SET SESSION innodb_lock_wait_timeout = DEFAULT"));
        }
        if (statementTimeout != null) {
            before.add(io.sluice
                    .core
                    .sql
                    .SQL
                    .text("SET SESSION max_statement_time = :seconds")
                    .bind("seconds", java.math.BigDecimal.valueOf(statementTimeout.toMillis(), 3)));
            after.add(io.sluice.core.sql.SQL.text("SET SESSION max_statement_time = DEFAULT"));
        }
        return new TransactionSettings(before, true, true, List.of(), after);
    }
}
