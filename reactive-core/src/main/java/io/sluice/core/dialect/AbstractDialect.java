package io.sluice.core.dialect;

import io.sluice.core.internal.Assert;
import io.sluice.core.sql.SqlType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** The behaviour the dialects share; subclasses give their differences through the constructor and a few overrides. */
public abstract class AbstractDialect implements Dialect {

    /** Words reserved by at least one of the supported databases: such identifiers are always quoted. */
    private static final Set<String> RESERVED = Set.of(
            "all",
            "alter",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "between",
            "both",
            "by",
            "case",
            "cast",
            "check",
            "column",
            "constraint",
            "create",
            "cross",
            "current_date",
            "current_time",
            "current_timestamp",
            "current_user",
            "day",
            "default",
            "delete",
            "desc",
            "distinct",
            "drop",
            "else",
            "end",
            "except",
            "exists",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "full",
            "grant",
            "group",
            "having",
            "hour",
            "if",
            "in",
            "index",
            "inner",
            "insert",
            "intersect",
            "interval",
            "into",
            "is",
            "join",
            "key",
            "leading",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "minus",
            "minute",
            "month",
            "natural",
            "not",
            "null",
            "offset",
            "on",
            "or",
            "order",
            "outer",
            "primary",
            "qualify",
            "references",
            "regexp",
            "right",
            "row",
            "rownum",
            "rows",
            "second",
            "select",
            "session_user",
            "set",
            "some",
            "system_user",
            "table",
            "then",
            "to",
            "top",
            "trailing",
            "true",
            "union",
            "unique",
            "update",
            "user",
            "using",
            "value",
            "values",
            "when",
            "where",
            "window",
            "with",
            "year",
            "_rowid_");

    /** Whether an identifier matches {@code [a-z_][a-z0-9_]*}, and so needs no quotes unless reserved. */
    private static boolean isPlain(String identifier) {
        if (identifier.isEmpty()) {
            return false;
        }
        for (int i = 0; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private final String name;
    private final char quote;
    private final Set<Capability> capabilities;
    private final ValueCodec codec;

    /**
     * Creates a dialect.
     *
     * @param name the dialect's name
     * @param quote the character that quotes identifiers
     * @param capabilities what the database supports natively
     * @param codec the value converter
     */
    protected AbstractDialect(String name, char quote, Set<Capability> capabilities, ValueCodec codec) {
        this.name = name;
        this.quote = quote;
        this.capabilities = capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        this.codec = codec;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String bindMarker(int position) {
        return "$" + position;
    }

    @Override
    public void appendBindMarker(StringBuilder sql, int position) {
        sql.append('$').append(position);
    }

    @Override
    public String quote(String identifier) {
        Assert.requireNonNull(identifier, "identifier must not be null");
        if (isPlain(identifier) && !RESERVED.contains(identifier)) {
            return identifier;
        }
        String doubled = identifier.replace(String.valueOf(quote), String.valueOf(quote) + quote);
        return quote + doubled + quote;
    }

    @Override
    public LimitClause limitClause() {
        return LimitClause.LIMIT_OFFSET;
    }

    @Override
    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    @Override
    public String typeName(SqlType<?> type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case VARCHAR -> type.length() == 0 ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            case ENUM -> "VARCHAR(" + type.length() + ")";
            case NAMED_ENUM -> inlineEnum(type);
            case TEXT -> "TEXT";
            case BOOLEAN -> "BOOLEAN";
            case DECIMAL -> "NUMERIC(" + type.precision() + ", " + type.scale() + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case TIMESTAMP -> "TIMESTAMP(6)";
            case TIMESTAMP_TZ -> "TIMESTAMP(6) WITH TIME ZONE";
            case UUID -> "UUID";
            case BINARY -> type.length() == 0 ? "VARBINARY" : "VARBINARY(" + type.length() + ")";
            case JSON -> "JSON";
            case ARRAY -> arrayTypeName(type);
            case UNKNOWN ->
                throw new IllegalArgumentException("a value of unknown type cannot be a column; give it a SqlType");
        };
    }

    /**
     * Returns the column type of a named enum declared inline, {@code ENUM('a', 'b')} (H2, MariaDB), the labels written by
     * {@link #literal}.
     *
     * @param type a type of kind {@link SqlType.Kind#NAMED_ENUM}
     * @return the type
     */
    protected String inlineEnum(SqlType<?> type) {
        SqlType.NamedEnum namedEnum = Assert.requireNonNull(type.namedEnum(), "a NAMED_ENUM type has its labels");
        StringJoiner labels = new StringJoiner(", ", "ENUM(", ")");
        for (String label : namedEnum.labels()) {
            labels.add(literal(label));
        }
        return labels.toString();
    }

    /**
     * Returns the name of an array type: the element's type name followed by {@code ARRAY} (SQL's standard form, H2's) where
     * the dialect has {@link Capability#ARRAYS}.
     *
     * @param type a type of kind {@link SqlType.Kind#ARRAY}
     * @return the name
     * @throws UnsupportedOperationException if the database has no array type
     */
    protected String arrayTypeName(SqlType<?> type) {
        SqlType<?> element = type.element();
        if (element == null || !supports(Capability.ARRAYS)) {
            throw new UnsupportedOperationException(name + " has no array type, so a column cannot be " + type
                    + ": store the values in a JSON column (SqlType.JSON, or @Json on a mapped field), or use PostgreSQL or"
                    + " H2");
        }
        return typeName(element) + " ARRAY";
    }

    @Override
    public String identityClause() {
        return "GENERATED BY DEFAULT AS IDENTITY";
    }

    @Override
    public String literal(Object value) {
        Assert.requireNonNull(value, "value must not be null");
        if (value instanceof Boolean bool) {
            return bool ? "TRUE" : "FALSE";
        }
        if (value instanceof Number number) {
            String text = number.toString();
            Assert.isTrue(text.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?"), "not a finite number: " + text);
            return text;
        }
        if (value instanceof String string) {
            return quoteString(string);
        }
        throw new IllegalArgumentException(
                "no literal for " + value.getClass().getName() + "; use a Number, Boolean or String");
    }

    /**
     * Returns a string literal: in single quotes, with single quotes doubled.
     *
     * @param value the string
     * @return the literal
     */
    protected String quoteString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    @Override
    public ValueCodec codec() {
        return codec;
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT) + " dialect";
    }
}
