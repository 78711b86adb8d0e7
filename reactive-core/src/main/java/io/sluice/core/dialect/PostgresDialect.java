package io.sluice.core.dialect;

import io.sluice.core.sql.SqlType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL through r2dbc-postgresql: {@code $n} markers, {@code RETURNING}, {@code ILIKE}, {@code BYTEA}. JSON is {@code
 * jsonb}, bound as the driver's {@code io.r2dbc.postgresql.codec.Json} (found by name, so that Sluice needs the driver only
 * at run time); arrays are {@code element[]}, bound as Java arrays. Named enums are types of their own, created before the
 * tables; their values are bound as text with a cast to the type ({@code CAST($1 AS mood)}), since the driver sends a Java string
 * as {@code VARCHAR}, which PostgreSQL does not turn into an enum by itself, and read back as their label's text.
 */
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
                        Capability.UPSERT_ON_CONFLICT,
                        Capability.UPDATE_FROM_VALUES,
                        Capability.UPDATE_RETURNING,
                        Capability.FULL_TEXT_SEARCH,
                        Capability.ARRAYS,
                        Capability.JSON_PATH,
                        Capability.ENUM_TYPES,
                        Capability.WITH_BEFORE_DML,
                        Capability.WINDOW_GROUPS,
                        Capability.WINDOW_OFFSET_BINDS,
                        Capability.LAG_LEAD_DEFAULT,
                        Capability.INTERSECT_EXCEPT_ALL),
                new PostgresCodec());
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
        SqlType<?> element = type.element();
        return switch (type.kind()) {
            case BINARY -> "BYTEA";
            case JSON -> "jsonb";
            case ARRAY -> element == null ? super.typeName(type) : typeName(element) + "[]";
            case NAMED_ENUM -> quote(enumName(type));
            default -> super.typeName(type);
        };
    }

    /** Writes {@code CAST($n AS name)} for a named enum, whose value the driver sends as {@code VARCHAR}; a plain marker else. */
    @Override
    public void appendBindMarker(StringBuilder sql, int position, SqlType<?> type) {
        if (type.kind() != SqlType.Kind.NAMED_ENUM) {
            appendBindMarker(sql, position);
            return;
        }
        sql.append("CAST(");
        appendBindMarker(sql, position);
        sql.append(" AS ").append(quote(enumName(type))).append(')');
    }

    /**
     * Returns {@code CREATE TYPE name AS ENUM ('a', 'b')}; with {@code checkFirst}, inside a {@code DO} block that ignores the
     * {@code duplicate_object} error, since PostgreSQL has no {@code CREATE TYPE IF NOT EXISTS}.
     */
    @Override
    public String createEnumType(SqlType.NamedEnum type, boolean checkFirst) {
        StringBuilder create =
                new StringBuilder("CREATE TYPE ").append(quote(type.name())).append(" AS ENUM (");
        for (int i = 0; i < type.labels().size(); i++) {
            create.append(i == 0 ? "" : ", ").append(literal(type.labels().get(i)));
        }
        create.append(')');
        if (!checkFirst) {
            return create.toString();
        }
        return "DO $sluice$ BEGIN " + create + "; EXCEPTION WHEN duplicate_object THEN NULL; END $sluice$";
    }

    /** Returns {@code DROP TYPE [IF EXISTS] name}. */
    @Override
    public String dropEnumType(SqlType.NamedEnum type, boolean checkFirst) {
        return "DROP TYPE " + (checkFirst ? "IF EXISTS " : "") + quote(type.name());
    }

    private static String enumName(SqlType<?> type) {
        SqlType.NamedEnum namedEnum = type.namedEnum();
        if (namedEnum == null) {
            throw new IllegalArgumentException("a NAMED_ENUM type has a name: " + type);
        }
        return namedEnum.name();
    }

    /** Returns {@code jsonb_extract_path_text(json, $1, $2, ...)}, one bind per path element. */
    @Override
    public String jsonText(String json, List<String> path, BindMarkers binds) {
        StringBuilder sql = new StringBuilder("jsonb_extract_path_text(").append(json);
        for (String element : path) {
            sql.append(", ").append(binds.bind(element, SqlType.TEXT));
        }
        return sql.append(')').toString();
    }

    /** Returns {@code array @> $1} (all) or {@code array && $1} (any), the values bound as one array of the element type. */
    @Override
    public String arrayIncludes(String array, boolean all, List<?> values, SqlType<?> type, BindMarkers binds) {
        SqlType<?> element = type.element();
        if (element == null) {
            return super.arrayIncludes(array, all, values, type, binds);
        }
        Object[] bound = (Object[]) Array.newInstance(element.javaType(), values.size());
        for (int i = 0; i < bound.length; i++) {
            bound[i] = values.get(i);
        }
        return array + (all ? " @> " : " && ") + binds.bind(bound, type);
    }

    /** Binds JSON text as the driver's {@code Json}, which it sends as {@code jsonb} (a {@code String} would be refused). */
    private static final class PostgresCodec extends ValueCodec {

        private static final @Nullable Class<?> JSON_CLASS;
        private static final @Nullable MethodHandle JSON_OF;

        static {
            Class<?> jsonClass = null;
            MethodHandle jsonOf = null;
            try {
                jsonClass =
                        Class.forName("io.r2dbc.postgresql.codec.Json", false, PostgresDialect.class.getClassLoader());
                jsonOf = MethodHandles.publicLookup()
                        .findStatic(jsonClass, "of", MethodType.methodType(jsonClass, String.class));
            } catch (ReflectiveOperationException | LinkageError e) {
                // not r2dbc-postgresql: JSON text is bound as a String, which a jsonb column accepts only through a
                // cast
                jsonClass = null;
                jsonOf = null;
            }
            JSON_CLASS = jsonClass;
            JSON_OF = jsonOf;
        }

        @Override
        public Object encode(Object value, SqlType<?> type) {
            MethodHandle jsonOf = JSON_OF;
            if (type.kind() == SqlType.Kind.JSON && value instanceof String text && jsonOf != null) {
                try {
                    return (Object) jsonOf.invoke(text);
                } catch (Throwable e) {
                    throw new IllegalStateException("r2dbc-postgresql's Json.of failed on JSON text", e);
                }
            }
            return super.encode(value, type);
        }

        @Override
        public Class<?> nullType(SqlType<?> type) {
            Class<?> jsonClass = JSON_CLASS;
            return type.kind() == SqlType.Kind.JSON && jsonClass != null ? jsonClass : super.nullType(type);
        }
    }

    /**
     * Sets the isolation level and read-only in {@code BEGIN}, and the timeouts with {@code set_config(..., true)}: local to
     * the transaction, so nothing is left to undo.
     */
    @Override
    public TransactionSettings transactionSettings(
            io.r2dbc.spi.@Nullable IsolationLevel isolation,
            boolean readOnly,
            java.time.@Nullable Duration lockTimeout,
            java.time.@Nullable Duration statementTimeout) {
        List<io.sluice.core.sql.Text> after = new java.util.ArrayList<>();
        if (lockTimeout != null) {
            after.add(io.sluice
                    .core
                    .sql
                    .SQL
                    .text("SELECT set_config('lock_timeout', :timeout, true)")
                    .bind("timeout", lockTimeout.toMillis() + "ms"));
        }
        if (statementTimeout != null) {
            after.add(io.sluice
                    .core
                    .sql
                    .SQL
                    .text("SELECT set_config('statement_timeout', :timeout, true)")
                    .bind("timeout", statementTimeout.toMillis() + "ms"));
        }
        return new TransactionSettings(List.of(), true, true, after, List.of());
    }
}
