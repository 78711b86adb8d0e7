package io.sluice.core.dialect;

import io.r2dbc.spi.Row;
import io.sluice.core.internal.ColumnClasses;
import io.sluice.core.sql.SqlType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Converts values between the Java types of {@link SqlType} and what a driver binds and returns, so that a value reads back the
 * same on every database. Dialects override the conversions their driver needs; the defaults suit drivers with native support
 * for every type.
 *
 * <p>Conventions on all databases: enums are stored by constant name (as text, or as the label of a named enum type; a name
 * read back that the enum lacks fails, naming the column); {@link OffsetDateTime} and {@link Instant} values are stored as
 * instants and read back at offset UTC; binary values are read as {@code byte[]}; numbers are converted to the declared Java
 * type (a {@code count(*)} read as {@link Long} everywhere).
 */
public class ValueCodec {

    /** Creates the default codec. */
    public ValueCodec() {}

    /**
     * Returns a value as it is bound to the driver: through the type's {@link SqlType.Conversion conversions} first, then
     * {@link #encode}d as its stored type.
     *
     * @param value the value; not {@code null}
     * @param type its SQL type
     * @return the value to bind
     * @throws IllegalArgumentException if a converter fails or returns a value of the wrong type
     */
    public final Object toDriver(Object value, SqlType<?> type) {
        Object stored = value;
        SqlType<?> storage = type;
        for (SqlType.Conversion<?, ?> conversion = type.conversion();
                conversion != null;
                conversion = storage.conversion()) {
            stored = conversion.toDatabase(stored);
            storage = conversion.storage();
        }
        return encode(stored, storage);
    }

    /**
     * Returns the class given to the driver for a {@code NULL} of a type, converted or not.
     *
     * @param type the SQL type
     * @return the class
     */
    public final Class<?> nullClass(SqlType<?> type) {
        return nullType(type.storage());
    }

    /**
     * Reads a column of a row as the Java type of a SQL type: {@link #decode}d as its stored type, then through the type's
     * {@link SqlType.Conversion conversions}.
     *
     * @param row the row
     * @param index the 0-based column index
     * @param type the SQL type
     * @param columns the result's column classes, or {@code null} to ask the row's metadata
     * @param <T> the Java type
     * @return the value, or {@code null}
     * @throws IllegalArgumentException if the value cannot be converted
     */
    @SuppressWarnings("unchecked")
    public final <T> @Nullable T fromRow(Row row, int index, SqlType<T> type, @Nullable ColumnClasses columns) {
        SqlType.Conversion<T, ?> conversion = type.conversion();
        if (conversion == null) {
            return decode(row, index, type, columns);
        }
        Object stored = fromRow(row, index, conversion.storage(), columns);
        return stored == null ? null : conversion.fromDatabase(stored);
    }

    /**
     * Returns a value of a type's stored Java type as it is bound to the driver.
     *
     * @param value the value; not {@code null}
     * @param type its SQL type
     * @return the value to bind
     */
    public Object encode(Object value, SqlType<?> type) {
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.withOffsetSameInstant(ZoneOffset.UTC);
        }
        return value;
    }

    /**
     * Returns the class given to the driver for a {@code NULL} of a type.
     *
     * @param type the SQL type
     * @return the class
     */
    public Class<?> nullType(SqlType<?> type) {
        return switch (type.kind()) {
            case ENUM, NAMED_ENUM, UNKNOWN -> String.class;
            case TIMESTAMP_TZ -> OffsetDateTime.class;
            default -> type.javaType();
        };
    }

    /**
     * Reads a column of a row as the Java type of a SQL type.
     *
     * @param row the row
     * @param index the 0-based column index
     * @param type the SQL type
     * @param <T> the Java type
     * @return the value, or {@code null}
     * @throws IllegalArgumentException if the value cannot be converted
     */
    public <T> @Nullable T decode(Row row, int index, SqlType<T> type) {
        return decode(row, index, type, null);
    }

    /**
     * Reads a column of a row as the Java type of a SQL type, with the classes the driver reads the result's columns as.
     *
     * @param row the row
     * @param index the 0-based column index
     * @param type the SQL type
     * @param columns the result's column classes, or {@code null} to ask the row's metadata
     * @param <T> the Java type
     * @return the value, or {@code null}
     * @throws IllegalArgumentException if the value cannot be converted
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> @Nullable T decode(Row row, int index, SqlType<T> type, @Nullable ColumnClasses columns) {
        Class<T> javaType = type.javaType();
        switch (type.kind()) {
            case ENUM:
            case NAMED_ENUM: {
                String name = row.get(index, String.class);
                return name == null || !javaType.isEnum() ? (T) name : (T) toEnum(row, index, type, name);
            }
            case TIMESTAMP_TZ: {
                OffsetDateTime dateTime = readOffsetDateTime(row, index);
                if (dateTime == null) {
                    return null;
                }
                return javaType == Instant.class
                        ? (T) dateTime.toInstant()
                        : (T) dateTime.withOffsetSameInstant(ZoneOffset.UTC);
            }
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case DECIMAL:
            case REAL:
            case DOUBLE:
                Class<?> columnClass = columns != null
                        ? columns.of(index)
                        : row.getMetadata().getColumnMetadata(index).getJavaType();
                if (columnClass == javaType) {
                    // The driver reads this column as the wanted class: ask for it directly, no conversion to check.
                    return row.get(index, javaType);
                }
                return convertNumber(row.get(index), javaType);
            case BOOLEAN:
                return (T) toBoolean(row.get(index));
            case BINARY:
                return (T) row.get(index, byte[].class);
            case ARRAY:
                return (T) toArray(row.get(index), type);
            case UNKNOWN:
                return (T) decode(row, index);
            default:
                return row.get(index, javaType);
        }
    }

    /**
     * Returns the constant of an enum type named by a label read from a column.
     *
     * @throws IllegalArgumentException naming the column, its type and the label if the enum has no such constant
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object toEnum(Row row, int index, SqlType<?> type, String label) {
        try {
            return Enum.valueOf((Class) type.javaType(), label);
        } catch (IllegalArgumentException e) {
            SqlType.NamedEnum namedEnum = type.namedEnum();
            String column = row.getMetadata().getColumnMetadata(index).getName();
            throw new IllegalArgumentException(
                    "column " + column
                            + (namedEnum == null ? "" : " (enum type " + namedEnum.name() + ")")
                            + " holds '" + label + "', which enum "
                            + type.javaType().getName()
                            + " has no constant for: add the constant to the enum, or change the row",
                    e);
        }
    }

    /**
     * Reads a column of a row whose type is not known, as the driver returns it, with binary values as {@code byte[]}.
     *
     * @param row the row
     * @param index the 0-based column index
     * @return the value, or {@code null}
     */
    public @Nullable Object decode(Row row, int index) {
        Object value = row.get(index);
        return value instanceof ByteBuffer buffer ? toBytes(buffer) : value;
    }

    /**
     * Reads a {@code TIMESTAMP WITH TIME ZONE} column.
     *
     * @param row the row
     * @param index the 0-based column index
     * @return the value, or {@code null}
     */
    protected @Nullable OffsetDateTime readOffsetDateTime(Row row, int index) {
        return row.get(index, OffsetDateTime.class);
    }

    /**
     * Returns a value read from the database as {@link Boolean}.
     *
     * @param value the value, a {@link Boolean} or a number
     * @return the boolean, or {@code null}
     */
    protected static @Nullable Boolean toBoolean(@Nullable Object value) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number number) {
            return number.intValue() != 0;
        }
        throw new IllegalArgumentException("cannot read " + value.getClass().getName() + " as Boolean");
    }

    /**
     * Returns a binary value read from the database as {@code byte[]}.
     *
     * @param value the value, a {@code byte[]} or a {@link ByteBuffer}
     * @return the bytes, or {@code null}
     */
    protected static byte @Nullable [] toBytes(@Nullable Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        throw new IllegalArgumentException("cannot read " + value.getClass().getName() + " as byte[]");
    }

    /**
     * Returns an array read from the database as an array of the type's element class: drivers read arrays as {@code
     * Object[]} (r2dbc-h2) or as arrays of the column's element class (r2dbc-postgresql), which may differ from the declared
     * element type ({@code Long} elements of a {@code bigint[]} read as {@code Integer[]}).
     *
     * @param value the array, or {@code null}
     * @param type the array type
     * @return the array, or {@code null}
     * @throws IllegalArgumentException if the value is not an array or an element cannot be converted
     */
    protected static @Nullable Object toArray(@Nullable Object value, SqlType<?> type) {
        SqlType<?> element = type.element();
        if (value == null || type.javaType().isInstance(value) || element == null) {
            return value;
        }
        if (!(value instanceof Object[] source)) {
            throw new IllegalArgumentException("cannot read " + value.getClass().getName() + " as "
                    + type.javaType().getSimpleName());
        }
        Class<?> elementClass = element.javaType();
        Object[] array = (Object[]) Array.newInstance(elementClass, source.length);
        for (int i = 0; i < source.length; i++) {
            Object item = source[i];
            if (item == null || elementClass.isInstance(item)) {
                array[i] = item;
            } else if (item instanceof Number) {
                array[i] = convertNumber(item, elementClass);
            } else if (elementClass == UUID.class && item instanceof String text) {
                array[i] = UUID.fromString(text);
            } else {
                throw new IllegalArgumentException("cannot read an element "
                        + item.getClass().getName() + " of " + type + " as " + elementClass.getSimpleName());
            }
        }
        return array;
    }

    /**
     * Converts a number read from the database to the declared Java type, refusing conversions that would lose information.
     *
     * @param value the number, or {@code null}
     * @param javaType the declared type
     * @param <T> the declared type
     * @return the converted number, or {@code null}
     * @throws ArithmeticException if the value does not fit the declared type
     */
    @SuppressWarnings("unchecked")
    protected static <T> @Nullable T convertNumber(@Nullable Object value, Class<T> javaType) {
        if (value == null || javaType.isInstance(value)) {
            return (T) value;
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException(
                    "cannot read " + value.getClass().getName() + " as " + javaType.getSimpleName());
        }
        if (javaType == Long.class) {
            return (T) Long.valueOf(exact(number).longValueExact());
        } else if (javaType == Integer.class) {
            return (T) Integer.valueOf(exact(number).intValueExact());
        } else if (javaType == Short.class) {
            return (T) Short.valueOf(exact(number).shortValueExact());
        } else if (javaType == Double.class) {
            return (T) Double.valueOf(number.doubleValue());
        } else if (javaType == Float.class) {
            return (T) Float.valueOf(number.floatValue());
        } else if (javaType == BigDecimal.class) {
            return (T) exact(number);
        } else if (javaType == Object.class) {
            return (T) value;
        }
        throw new IllegalArgumentException(
                "cannot read " + value.getClass().getName() + " as " + javaType.getSimpleName());
    }

    private static BigDecimal exact(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        } else if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        } else if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.valueOf(number.longValue());
    }
}
