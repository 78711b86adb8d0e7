package io.sluice.core.dialect;

import io.sluice.core.sql.SqlType;
import java.util.EnumSet;

/**
 * H2 through r2dbc-h2: {@code $n} markers, {@code ILIKE}, generated keys through the driver. Unbounded text is {@code
 * CHARACTER VARYING} (up to 1,000,000,000 characters) rather than {@code CLOB}, which r2dbc-h2 can only stream.
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
                        Capability.MULTI_ROW_INSERT),
                new ValueCodec());
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
}
