package io.sluice.core.sql;

import io.sluice.core.internal.Assert;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A column or value type: the portable SQL type and the Java type values have in Sluice.
 *
 * <p>Each dialect renders the kind to its own type name and converts values so that a Java value reads back the same on every
 * database (for example {@link OffsetDateTime} values are stored as instants and read back at offset UTC).
 *
 * @param kind the portable SQL type
 * @param javaType the Java type of values
 * @param length the maximum length of {@code VARCHAR}, enum and binary types, or {@code 0} for the dialect's default
 * @param precision the precision of {@code DECIMAL}, or {@code 0}
 * @param scale the scale of {@code DECIMAL}, or {@code 0}
 * @param conversion how values of {@code javaType} are stored as values of another type, or {@code null} when Sluice stores
 *     {@code javaType} itself
 * @param element the type of an {@link Kind#ARRAY ARRAY}'s elements, {@code null} for every other kind
 * @param namedEnum the name and labels of a {@link Kind#NAMED_ENUM NAMED_ENUM} type, {@code null} for every other kind
 * @param <T> the Java type of values
 */
public record SqlType<T>(
        Kind kind,
        Class<T> javaType,
        int length,
        int precision,
        int scale,
        @Nullable Conversion<T, ?> conversion,
        @Nullable SqlType<?> element,
        @Nullable NamedEnum namedEnum) {

    /** {@code SMALLINT}, read and written as {@link Short}. */
    public static final SqlType<Short> SMALLINT = new SqlType<>(Kind.SMALLINT, Short.class, 0, 0, 0);
    /** {@code INTEGER}, read and written as {@link Integer}. */
    public static final SqlType<Integer> INTEGER = new SqlType<>(Kind.INTEGER, Integer.class, 0, 0, 0);
    /** {@code BIGINT}, read and written as {@link Long}. */
    public static final SqlType<Long> BIGINT = new SqlType<>(Kind.BIGINT, Long.class, 0, 0, 0);
    /** {@code VARCHAR} of the dialect's default length. */
    public static final SqlType<String> VARCHAR = new SqlType<>(Kind.VARCHAR, String.class, 0, 0, 0);
    /** Unbounded text ({@code TEXT} or the dialect's equivalent). */
    public static final SqlType<String> TEXT = new SqlType<>(Kind.TEXT, String.class, 0, 0, 0);
    /** {@code BOOLEAN}. */
    public static final SqlType<Boolean> BOOLEAN = new SqlType<>(Kind.BOOLEAN, Boolean.class, 0, 0, 0);
    /** {@code DECIMAL(19, 4)}; use {@link #decimal(int, int)} for another precision. */
    public static final SqlType<BigDecimal> DECIMAL = new SqlType<>(Kind.DECIMAL, BigDecimal.class, 0, 19, 4);
    /** {@code REAL} (single precision), read and written as {@link Float}. */
    public static final SqlType<Float> REAL = new SqlType<>(Kind.REAL, Float.class, 0, 0, 0);
    /** {@code DOUBLE PRECISION}, read and written as {@link Double}. */
    public static final SqlType<Double> DOUBLE = new SqlType<>(Kind.DOUBLE, Double.class, 0, 0, 0);
    /** {@code DATE}. */
    public static final SqlType<LocalDate> DATE = new SqlType<>(Kind.DATE, LocalDate.class, 0, 0, 0);
    /** {@code TIME} with microseconds. */
    public static final SqlType<LocalTime> TIME = new SqlType<>(Kind.TIME, LocalTime.class, 0, 0, 0);
    /** {@code TIMESTAMP} with microseconds, without time zone. */
    public static final SqlType<LocalDateTime> TIMESTAMP = new SqlType<>(Kind.TIMESTAMP, LocalDateTime.class, 0, 0, 0);
    /** {@code TIMESTAMP WITH TIME ZONE}; values read back at offset UTC. */
    public static final SqlType<OffsetDateTime> TIMESTAMP_TZ =
            new SqlType<>(Kind.TIMESTAMP_TZ, OffsetDateTime.class, 0, 0, 0);
    /** {@code TIMESTAMP WITH TIME ZONE} read and written as {@link Instant}. */
    public static final SqlType<Instant> INSTANT = new SqlType<>(Kind.TIMESTAMP_TZ, Instant.class, 0, 0, 0);
    /** {@code UUID} (or the dialect's equivalent). */
    public static final SqlType<UUID> UUID_TYPE = new SqlType<>(Kind.UUID, UUID.class, 0, 0, 0);
    /** Variable-length binary of unbounded size. */
    public static final SqlType<byte[]> BINARY = new SqlType<>(Kind.BINARY, byte[].class, 0, 0, 0);

    /**
     * A JSON document, read and written as its text: {@code jsonb} on PostgreSQL, {@code JSON} on H2 and MariaDB (where it is
     * a {@code LONGTEXT} checked to hold valid JSON). PostgreSQL and H2 store the document in a normal form (PostgreSQL's
     * {@code jsonb} orders keys and spaces its text; H2 removes spaces), so the text read back may differ from the text
     * written while meaning the same document. {@link SQL#jsonText} reads a value inside it.
     */
    public static final SqlType<String> JSON = new SqlType<>(Kind.JSON, String.class, 0, 0, 0);

    /** A value of unknown type, such as an unlabelled expression seen through a subquery; read as the driver returns it. */
    public static final SqlType<Object> UNKNOWN = new SqlType<>(Kind.UNKNOWN, Object.class, 0, 0, 0);

    /** The portable SQL types. */
    public enum Kind {
        SMALLINT,
        INTEGER,
        BIGINT,
        VARCHAR,
        TEXT,
        BOOLEAN,
        DECIMAL,
        REAL,
        DOUBLE,
        DATE,
        TIME,
        TIMESTAMP,
        TIMESTAMP_TZ,
        UUID,
        BINARY,
        /** A Java enum stored by constant name in a {@code VARCHAR}. */
        ENUM,
        /**
         * A database enum type whose labels are the constants' names ({@link SqlType#namedEnum()}): a type created before the
         * tables on PostgreSQL, an inline {@code ENUM('a', 'b')} column type on H2 and MariaDB.
         */
        NAMED_ENUM,
        /** A JSON document held as its text. */
        JSON,
        /**
         * An array of elements of one type ({@link SqlType#element()}): {@code element[]} on PostgreSQL, {@code element ARRAY} on
         * H2; MariaDB has no array type.
         */
        ARRAY,
        /** Not a column type: the type of values whose type Sluice does not know. */
        UNKNOWN
    }

    /**
     * Checks the arguments of a type.
     *
     * @throws IllegalArgumentException if {@code kind} or {@code javaType} is {@code null}, a size is negative, a
     *     conversion's stored type does not match the kind, sizes, element and enum type, or an element type is given for a
     *     kind other than {@link Kind#ARRAY} (or missing for an array), or an enum type for a kind other than {@link
     *     Kind#NAMED_ENUM} (or missing for one)
     */
    public SqlType {
        Assert.requireNonNull(kind, "kind must not be null");
        Assert.requireNonNull(javaType, "javaType must not be null");
        Assert.isTrue(length >= 0 && precision >= 0 && scale >= 0, "length, precision and scale must not be negative");
        Assert.isTrue(scale <= precision, "scale must not exceed precision");
        if (conversion != null) {
            SqlType<?> storage = conversion.storage();
            Assert.isTrue(
                    storage.kind() == kind
                            && storage.length() == length
                            && storage.precision() == precision
                            && storage.scale() == scale
                            && java.util.Objects.equals(storage.element(), element)
                            && java.util.Objects.equals(storage.namedEnum(), namedEnum),
                    "a converted type has the kind, sizes, element and enum type of its stored type " + storage);
        }
        Assert.isTrue(
                (kind == Kind.ARRAY) == (element != null),
                "an element type is given for ARRAY types and only for them, not " + kind);
        Assert.isTrue(
                (kind == Kind.NAMED_ENUM) == (namedEnum != null),
                "an enum type is given for NAMED_ENUM types and only for them, not " + kind);
        if (element != null && conversion == null) {
            Assert.isTrue(
                    javaType.getComponentType() == element.javaType(),
                    "an array type's Java type is an array of its element's Java type, not " + javaType.getName());
        }
    }

    /**
     * Creates a type of a kind other than {@link Kind#NAMED_ENUM}.
     *
     * @param kind the portable SQL type
     * @param javaType the Java type of values
     * @param length the maximum length, or {@code 0}
     * @param precision the precision of {@code DECIMAL}, or {@code 0}
     * @param scale the scale of {@code DECIMAL}, or {@code 0}
     * @param conversion how values are stored, or {@code null}
     * @param element the type of an array's elements, or {@code null}
     */
    public SqlType(
            Kind kind,
            Class<T> javaType,
            int length,
            int precision,
            int scale,
            @Nullable Conversion<T, ?> conversion,
            @Nullable SqlType<?> element) {
        this(
                kind,
                javaType,
                length,
                precision,
                scale,
                conversion,
                element,
                conversion == null ? null : conversion.storage().namedEnum());
    }

    /**
     * Creates a type that Sluice stores itself.
     *
     * @param kind the portable SQL type
     * @param javaType the Java type of values
     * @param length the maximum length, or {@code 0}
     * @param precision the precision of {@code DECIMAL}, or {@code 0}
     * @param scale the scale of {@code DECIMAL}, or {@code 0}
     */
    public SqlType(Kind kind, Class<T> javaType, int length, int precision, int scale) {
        this(kind, javaType, length, precision, scale, null, null);
    }

    /**
     * Creates a type, converted or not, of a kind other than {@link Kind#ARRAY} and {@link Kind#NAMED_ENUM}, or with the element
     * type or enum type of its conversion's stored type.
     *
     * @param kind the portable SQL type
     * @param javaType the Java type of values
     * @param length the maximum length, or {@code 0}
     * @param precision the precision of {@code DECIMAL}, or {@code 0}
     * @param scale the scale of {@code DECIMAL}, or {@code 0}
     * @param conversion how values are stored, or {@code null}
     */
    public SqlType(
            Kind kind, Class<T> javaType, int length, int precision, int scale, @Nullable Conversion<T, ?> conversion) {
        this(
                kind,
                javaType,
                length,
                precision,
                scale,
                conversion,
                conversion == null ? null : conversion.storage().element(),
                conversion == null ? null : conversion.storage().namedEnum());
    }

    /**
     * The name and labels of a database enum type.
     *
     * @param name the type's name, unquoted (PostgreSQL's {@code CREATE TYPE name AS ENUM}; H2 and MariaDB declare the labels
     *     inline and do not use it)
     * @param labels the labels in declaration order, which is also the order the database sorts them in
     */
    public record NamedEnum(String name, List<String> labels) {

        /**
         * Checks the arguments.
         *
         * @throws IllegalArgumentException if an argument is {@code null}, the name is blank, or the labels are empty, hold
         *     {@code null}, an empty label or the same label twice
         */
        public NamedEnum {
            Assert.requireNonNull(name, "name must not be null");
            Assert.requireNonNull(labels, "labels must not be null");
            Assert.isTrue(!name.isBlank(), "an enum type's name must not be blank");
            Assert.isTrue(!labels.isEmpty(), "enum type " + name + " needs at least one label");
            Assert.isTrue(
                    labels.stream().allMatch(java.util.Objects::nonNull), "enum type " + name + " has a null label");
            labels = List.copyOf(labels);
            Assert.isTrue(
                    labels.stream().noneMatch(String::isEmpty) && new HashSet<>(labels).size() == labels.size(),
                    "enum type " + name + " has an empty or a repeated label: " + labels);
        }
    }

    /**
     * How values of an application's Java type are stored as values of a type Sluice stores: the stored type and the
     * converter between the two.
     *
     * @param storage the stored type (itself possibly converted)
     * @param converter the converter
     * @param <J> the application's Java type
     * @param <D> the stored Java type
     */
    public record Conversion<J, D>(SqlType<D> storage, Converter<J, D> converter) {

        /**
         * Checks the arguments.
         *
         * @throws IllegalArgumentException if an argument is {@code null}
         */
        public Conversion {
            Assert.requireNonNull(storage, "storage must not be null");
            Assert.requireNonNull(converter, "converter must not be null");
        }

        /**
         * Returns the stored value of a Java value, checking what the converter returns.
         *
         * @param value a value of the Java type
         * @return the stored value
         * @throws IllegalArgumentException if the converter returns {@code null} or a value of another type
         */
        @SuppressWarnings("unchecked")
        public D toDatabase(Object value) {
            D stored = converter.toDatabase((J) value);
            if (!storage.javaType().isInstance(stored)) {
                throw new IllegalArgumentException(
                        "converter " + converter.getClass().getName() + " turned "
                                + value.getClass().getSimpleName() + " " + value + " into "
                                + (stored == null ? "null" : stored.getClass().getName() + " " + stored) + ", not a "
                                + storage.javaType().getSimpleName());
            }
            return stored;
        }

        /**
         * Returns the Java value of a stored value.
         *
         * @param value a value of the stored type
         * @return the Java value
         * @throws IllegalArgumentException if the converter returns {@code null}
         */
        @SuppressWarnings("unchecked")
        public J fromDatabase(Object value) {
            J converted = converter.fromDatabase((D) value);
            if (converted == null) {
                throw new IllegalArgumentException(
                        "converter " + converter.getClass().getName() + " turned stored " + value
                                + " into null; converters are never given NULL and must not return it");
            }
            return converted;
        }
    }

    /**
     * Returns a type whose values of an application's Java type are stored as values of a type Sluice stores, through a
     * converter: binds, reads, comparisons and DDL all go through it.
     *
     * @param javaType the application's Java type
     * @param storage the stored type, such as {@link #VARCHAR} or {@link #varchar(int)}
     * @param converter the converter between the two
     * @param <J> the application's Java type
     * @param <D> the stored Java type
     * @return the type: of the stored type's kind and sizes, with {@code javaType} as its Java type
     * @throws IllegalArgumentException if an argument is {@code null} or {@code storage} is {@link #UNKNOWN}
     */
    public static <J, D> SqlType<J> converted(Class<J> javaType, SqlType<D> storage, Converter<J, D> converter) {
        Assert.requireNonNull(javaType, "javaType must not be null");
        Assert.requireNonNull(storage, "storage must not be null");
        Assert.isTrue(storage.kind() != Kind.UNKNOWN, "a converted type needs a known stored type");
        return new SqlType<>(
                storage.kind(),
                javaType,
                storage.length(),
                storage.precision(),
                storage.scale(),
                new Conversion<>(storage, converter),
                storage.element(),
                storage.namedEnum());
    }

    /**
     * Returns the type of arrays of an element type, whose Java type is the array class ({@code String[]} for {@link #VARCHAR}
     * or {@link #TEXT} elements, {@code UUID[]} for {@link #UUID_TYPE}): {@code element[]} on PostgreSQL ({@code text[]},
     * {@code uuid[]}), {@code element ARRAY} on H2. MariaDB has no array type: its DDL and binds of array values fail with
     * {@link UnsupportedOperationException}; store such values in a {@link #JSON} column there. Values read back are arrays
     * of the element's Java type; {@code NULL} elements are kept.
     *
     * @param element the type of the elements: a type Sluice stores itself, not converted, not an array, not JSON, not binary
     * @param <E> the element's Java type
     * @return the array type
     * @throws IllegalArgumentException if {@code element} is {@code null} or not an element type
     */
    @SuppressWarnings("unchecked")
    public static <E> SqlType<E[]> array(SqlType<E> element) {
        Assert.requireNonNull(element, "element must not be null");
        Assert.isTrue(
                element.conversion() == null
                        && element.kind() != Kind.ARRAY
                        && element.kind() != Kind.JSON
                        && element.kind() != Kind.BINARY
                        && element.kind() != Kind.NAMED_ENUM
                        && element.kind() != Kind.UNKNOWN,
                "an array's elements are of a type Sluice stores itself, not converted, nested arrays, JSON, binary or named"
                        + " enums: "
                        + element);
        Class<E[]> arrayClass =
                (Class<E[]>) Array.newInstance(element.javaType(), 0).getClass();
        return new SqlType<>(Kind.ARRAY, arrayClass, 0, 0, 0, null, element, null);
    }

    /**
     * Returns the type values are finally stored as: this type, or the stored type of its conversions.
     *
     * @return the stored type
     */
    public SqlType<?> storage() {
        SqlType<?> type = this;
        for (Conversion<?, ?> next = conversion; next != null; next = type.conversion()) {
            type = next.storage();
        }
        return type;
    }

    /**
     * Returns {@code VARCHAR(length)}.
     *
     * @param length the maximum number of characters, at least 1
     * @return the type
     * @throws IllegalArgumentException if {@code length} is less than 1
     */
    public static SqlType<String> varchar(int length) {
        Assert.isTrue(length > 0, "length must be at least 1, was " + length);
        return new SqlType<>(Kind.VARCHAR, String.class, length, 0, 0);
    }

    /**
     * Returns {@code DECIMAL(precision, scale)}.
     *
     * @param precision the total number of digits, 1 to 65
     * @param scale the digits after the decimal point, at most {@code precision}
     * @return the type
     * @throws IllegalArgumentException if the sizes are out of range
     */
    public static SqlType<BigDecimal> decimal(int precision, int scale) {
        Assert.isTrue(precision > 0 && precision <= 65, "precision must be between 1 and 65, was " + precision);
        return new SqlType<>(Kind.DECIMAL, BigDecimal.class, 0, precision, scale);
    }

    /**
     * Returns a binary type of at most {@code length} bytes.
     *
     * @param length the maximum number of bytes, at least 1
     * @return the type
     * @throws IllegalArgumentException if {@code length} is less than 1
     */
    public static SqlType<byte[]> binary(int length) {
        Assert.isTrue(length > 0, "length must be at least 1, was " + length);
        return new SqlType<>(Kind.BINARY, byte[].class, length, 0, 0);
    }

    /**
     * Returns a type that stores a Java enum as its constant's name in a {@code VARCHAR}.
     *
     * @param enumType the enum class
     * @param <E> the enum type
     * @return the type, with a length that fits the longest constant name (at least 32)
     * @throws IllegalArgumentException if {@code enumType} is {@code null}
     */
    public static <E extends Enum<E>> SqlType<E> enumType(Class<E> enumType) {
        Assert.requireNonNull(enumType, "enumType must not be null");
        int longest = 32;
        for (E constant : enumType.getEnumConstants()) {
            longest = Math.max(longest, constant.name().length());
        }
        return new SqlType<>(Kind.ENUM, enumType, longest, 0, 0);
    }

    /**
     * Returns a type that stores a Java enum in a database enum type whose labels are the constants' names: {@code CREATE TYPE
     * name AS ENUM ('A', 'B')} before the tables on PostgreSQL (and {@code DROP TYPE} after them), a column of type {@code
     * ENUM('A', 'B')} on H2 and MariaDB. On PostgreSQL each bind of the type is written {@code CAST($n AS name)}, since the driver
     * sends a Java string as {@code VARCHAR} (on H2 {@code CAST($n AS VARCHAR)}, since r2dbc-h2 sends it as a {@code CLOB});
     * values are read as their label's text. Reading a label the enum lacks fails with an {@link IllegalArgumentException}
     * naming the column, the type and the label. A value bound without its type, as a parameter of {@link SQL#text}, is sent
     * as plain text: write the cast in the text on PostgreSQL ({@code CAST(:mood AS mood)}).
     *
     * @param enumType the enum class, with at least one constant
     * @param name the database type's name, unquoted (quoted where the dialect needs it)
     * @param <E> the enum type
     * @return the type
     * @throws IllegalArgumentException if an argument is {@code null}, the name is blank or the enum has no constants
     */
    public static <E extends Enum<E>> SqlType<E> namedEnum(Class<E> enumType, String name) {
        Assert.requireNonNull(enumType, "enumType must not be null");
        Assert.requireNonNull(name, "name must not be null");
        List<String> labels = new ArrayList<>();
        for (E constant : enumType.getEnumConstants()) {
            labels.add(constant.name());
        }
        return new SqlType<>(Kind.NAMED_ENUM, enumType, 0, 0, 0, null, null, new NamedEnum(name, labels));
    }

    /**
     * Returns the default type for values of a Java class, as used for values bound without a column to give their type.
     *
     * @param javaType a supported Java type (the boxed numbers, {@link String}, {@link Boolean}, {@link BigDecimal}, the
     *     {@code java.time} types, {@link java.util.UUID}, {@code byte[]}, an enum, or an array of one of these but
     *     {@code byte[]} and enums, as an {@link #array} type)
     * @param <T> the Java type
     * @return the type
     * @throws IllegalArgumentException if the class is not supported
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> SqlType<T> forJavaType(Class<T> javaType) {
        Assert.requireNonNull(javaType, "javaType must not be null");
        SqlType<?> type = forJavaTypeOrNull(javaType);
        if (type != null) {
            return (SqlType<T>) type;
        }
        if (javaType.isEnum()) {
            return (SqlType<T>) enumType((Class) javaType);
        }
        Class<?> component = javaType.getComponentType();
        if (component != null && !component.isPrimitive() && !component.isEnum()) {
            SqlType<?> element = forJavaTypeOrNull(component);
            if (element != null && element.kind() != Kind.BINARY) {
                return (SqlType<T>) array(element);
            }
        }
        if (Enum.class.isAssignableFrom(javaType)
                && javaType.getSuperclass() != null
                && javaType.getSuperclass().isEnum()) {
            return (SqlType<T>) enumType((Class) javaType.getSuperclass());
        }
        throw new IllegalArgumentException(
                "No SQL type for Java type " + javaType.getName()
                        + "; supported are Short, Integer, Long, String, Boolean, BigDecimal, Float, Double, LocalDate, LocalTime,"
                        + " LocalDateTime, OffsetDateTime, Instant, UUID, byte[], enums and arrays of these but byte[] and enums");
    }

    private static @Nullable SqlType<?> forJavaTypeOrNull(Class<?> javaType) {
        for (SqlType<?> type : DEFAULTS) {
            if (type.javaType().equals(javaType)) {
                return type;
            }
        }
        if (javaType == short.class) {
            return SMALLINT;
        } else if (javaType == int.class) {
            return INTEGER;
        } else if (javaType == long.class) {
            return BIGINT;
        } else if (javaType == boolean.class) {
            return BOOLEAN;
        } else if (javaType == float.class) {
            return REAL;
        } else if (javaType == double.class) {
            return DOUBLE;
        }
        return null;
    }

    private static final SqlType<?>[] DEFAULTS = {
        SMALLINT,
        INTEGER,
        BIGINT,
        VARCHAR,
        BOOLEAN,
        DECIMAL,
        REAL,
        DOUBLE,
        DATE,
        TIME,
        TIMESTAMP,
        TIMESTAMP_TZ,
        INSTANT,
        UUID_TYPE,
        BINARY
    };

    @Override
    public String toString() {
        if (conversion != null) {
            return javaType.getSimpleName() + " as " + conversion.storage();
        }
        return switch (kind) {
            case VARCHAR, BINARY, ENUM -> length == 0 ? kind.name() : kind + "(" + length + ")";
            case DECIMAL -> "DECIMAL(" + precision + ", " + scale + ")";
            case ARRAY -> element + "[]";
            case NAMED_ENUM -> namedEnum == null ? kind.name() : "ENUM " + namedEnum.name() + namedEnum.labels();
            default -> kind.name();
        };
    }
}
