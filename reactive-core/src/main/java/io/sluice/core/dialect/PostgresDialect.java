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

    /** Returns {@code nextval('name')}: the quoted name inside a {@code regclass} string, since PostgreSQL has no {@code NEXT VALUE FOR}. */
    @Override
    public String nextValue(String sequence) {
        return "nextval(" + quoteString(quote(sequence)) + ")";
    }

    @Override
    public String typeName(SqlType<?> type) {
        return type.kind() == SqlType.Kind.BINARY ? "BYTEA" : super.typeName(type);
    }
}
