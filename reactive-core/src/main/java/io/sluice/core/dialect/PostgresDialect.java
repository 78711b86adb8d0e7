package io.sluice.core.dialect;

import io.sluice.core.sql.SqlType;
import java.util.EnumSet;

/** PostgreSQL through r2dbc-postgresql: {@code $n} markers, {@code RETURNING}, {@code ILIKE}, {@code BYTEA}. */
public final class PostgresDialect extends AbstractDialect {

    /** The dialect. */
    public static final PostgresDialect INSTANCE = new PostgresDialect();

    private PostgresDialect() {
        super(
                "PostgreSQL",
                '"',
                EnumSet.of(
                        Capability.RETURNING,
                        Capability.ILIKE,
                        Capability.CONCAT_OPERATOR,
                        Capability.DEFAULT_VALUES,
                        Capability.MULTI_ROW_INSERT,
                        Capability.UPDATE_FROM_VALUES,
                        Capability.FULL_TEXT_SEARCH),
                new ValueCodec());
    }

    @Override
    public String fullTextMatch(String expression, String words) {
        return "to_tsvector(" + expression + ") @@ plainto_tsquery(" + words + ")";
    }

    @Override
    public String typeName(SqlType<?> type) {
        return type.kind() == SqlType.Kind.BINARY ? "BYTEA" : super.typeName(type);
    }
}
