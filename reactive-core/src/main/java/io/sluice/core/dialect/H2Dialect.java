package io.sluice.core.dialect;

import io.sluice.core.sql.RowLock;
import io.sluice.core.sql.SqlType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * H2 through r2dbc-h2: {@code $n} markers, {@code ILIKE}, generated keys through the driver. Unbounded text is {@code
 * CHARACTER VARYING} (up to 1,000,000,000 characters) rather than {@code CLOB}, which r2dbc-h2 can only stream. JSON text is
 * bound as UTF-8 bytes, which H2 parses as a document (a string bound to a {@code JSON} column would become a JSON string);
 * H2 has no JSON path functions, so {@link #jsonText} fails. Values of named enums ({@code ENUM} columns) are bound through
 * a cast to {@code VARCHAR}. Array conditions are written with {@code ARRAY_CONTAINS}, one per value.
 */
public final class H2Dialect extends AbstractDialect {

    /** The dialect. */
    public static final H2Dialect INSTANCE = new H2Dialect();

    private static final ResultStreaming LAZY =
            ResultStreaming.of("SET LAZY_QUERY_EXECUTION TRUE", "SET LAZY_QUERY_EXECUTION FALSE");

    private H2Dialect() {
        super(
                "H2",
                '"',
                EnumSet.of(
                        Capability.ILIKE,
                        Capability.CONCAT_OPERATOR,
                        Capability.DEFAULT_VALUES,
                        Capability.MULTI_ROW_INSERT,
                        Capability.UPSERT_MERGE,
                        Capability.ARRAYS,
                        Capability.WINDOW_GROUPS,
                        Capability.WINDOW_OFFSET_BINDS,
                        Capability.LAG_LEAD_DEFAULT),
                new H2Codec());
    }

    /**
     * Returns the settings that make H2 compute a result row by row as it is read, rather than build it whole in memory first.
     *
     * @return {@code SET LAZY_QUERY_EXECUTION TRUE} before the query and {@code FALSE} (H2's default) after it
     */
    @Override
    public ResultStreaming streaming() {
        return LAZY;
    }

    /**
     * Returns {@code true}: r2dbc-h2 runs each statement on the thread that subscribes to it, so the engine runs H2's work on
     * threads of its own.
     *
     * @return {@code true}
     */
    @Override
    public boolean driverBlocks() {
        return true;
    }

    @Override
    public String typeName(SqlType<?> type) {
        return type.kind() == SqlType.Kind.TEXT ? "CHARACTER VARYING" : super.typeName(type);
    }

    /**
     * Writes {@code CAST($n AS VARCHAR)} for a named enum (an {@code ENUM} column): r2dbc-h2 sends every Java string as a
     * {@code CLOB}, which H2 converts to {@code VARCHAR} but not to {@code ENUM}; a plain marker for other types.
     */
    @Override
    public void appendBindMarker(StringBuilder sql, int position, SqlType<?> type) {
        if (type.kind() != SqlType.Kind.NAMED_ENUM) {
            appendBindMarker(sql, position);
            return;
        }
        sql.append("CAST(");
        appendBindMarker(sql, position);
        sql.append(" AS VARCHAR)");
    }

    /**
     * Returns {@code ARRAY_CONTAINS(array, $n)} for each value, joined by {@code AND} (all) or {@code OR} (any); {@code 1 = 1}
     * or {@code 1 = 0} for no values.
     */
    @Override
    public String arrayIncludes(String array, boolean all, List<?> values, SqlType<?> type, BindMarkers binds) {
        if (values.isEmpty()) {
            return all ? "1 = 1" : "1 = 0";
        }
        SqlType<?> element = type.element();
        StringJoiner condition = new StringJoiner(all ? " AND " : " OR ");
        for (Object value : values) {
            condition.add("ARRAY_CONTAINS(" + array + ", " + binds.bind(value, element == null ? type : element) + ")");
        }
        return condition.toString();
    }

    private static final class H2Codec extends ValueCodec {

        @Override
        public Object encode(Object value, SqlType<?> type) {
            if (type.kind() == SqlType.Kind.JSON && value instanceof String text) {
                // r2dbc-h2 binds a String as VARCHAR, which a JSON column stores as a JSON string; bytes are parsed as
                // JSON
                return text.getBytes(StandardCharsets.UTF_8);
            }
            return super.encode(value, type);
        }
    }

    /** H2's row locks: {@code FOR UPDATE [OF ...] [NOWAIT|SKIP LOCKED]}; it has no shared row locks. */
    @Override
    public RowLockClause rowLockClause() {
        return (lock, tables) -> {
            if (lock.strength() == RowLock.Strength.SHARE) {
                throw new UnsupportedOperationException("H2 has no shared row locks (FOR SHARE): use forUpdate(),"
                        + " which H2 takes on the rows the select reads");
            }
            return RowLockClause.STANDARD.render(lock, tables);
        };
    }

    @Override
    public String generatedColumnClause(String expression) {
        return "GENERATED ALWAYS AS (" + expression + ")";
    }

    /**
     * Sets everything as session settings before {@code BEGIN}, since r2dbc-h2's {@code BEGIN} applies neither the isolation
     * level nor read-only: the isolation level with {@code SET SESSION CHARACTERISTICS} (READ COMMITTED, H2's default, put
     * back after), the timeouts with {@code SET LOCK_TIMEOUT} and {@code SET QUERY_TIMEOUT}, their values before kept in
     * session variables and put back after. H2 has no read-only transactions.
     */
    @Override
    public TransactionSettings transactionSettings(
            io.r2dbc.spi.@Nullable IsolationLevel isolation,
            boolean readOnly,
            java.time.@Nullable Duration lockTimeout,
            java.time.@Nullable Duration statementTimeout) {
        List<io.sluice.core.sql.Text> before = new java.util.ArrayList<>();
        List<io.sluice.core.sql.Text> after = new java.util.ArrayList<>();
        if (isolation != null) {
            // asSql() of one of the four standard constants, checked by TransactionOptions: a keyword, not a value
            before.add(io.sluice.core.sql.SQL.text(
                    "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + isolation.asSql()));
            after.add(io.sluice.core.sql.SQL.text(
                    "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED"));
        }
        if (lockTimeout != null) {
            before.add(io.sluice.core.sql.SQL.text("SET @sluice_lock_timeout = LOCK_TIMEOUT()"));
            before.add(io.sluice.core.sql.SQL.text("SET LOCK_TIMEOUT :millis").bind("millis", (int)
                    lockTimeout.toMillis()));
            after.add(io.sluice.core.sql.SQL.text("SET LOCK_TIMEOUT @sluice_lock_timeout"));
        }
        if (statementTimeout != null) {
            before.add(io.sluice.core.sql.SQL.text("SET @sluice_query_timeout = (SELECT CAST(SETTING_VALUE AS INT)"
                    + " FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT')"));
            before.add(io.sluice.core.sql.SQL.text("SET QUERY_TIMEOUT :millis").bind("millis", (int)
                    statementTimeout.toMillis()));
            after.add(io.sluice.core.sql.SQL.text("SET QUERY_TIMEOUT @sluice_query_timeout"));
        }
        return new TransactionSettings(before, false, false, List.of(), after);
    }
}
