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

    @Override
    public String typeName(SqlType<?> type) {
        return type.kind() == SqlType.Kind.TEXT ? "CHARACTER VARYING" : super.typeName(type);
    }
}
