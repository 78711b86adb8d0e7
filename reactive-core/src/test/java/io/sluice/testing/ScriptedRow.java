package io.sluice.testing;

import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/** A row of {@link Rows}: values by position or case-insensitive name, numbers converted to the class asked for. */
final class ScriptedRow implements Row {

    private final Metadata metadata;
    private final List<Object> values;

    ScriptedRow(Metadata metadata, List<Object> values) {
        this.metadata = metadata;
        this.values = values;
    }

    @Override
    public RowMetadata getMetadata() {
        return metadata;
    }

    @Override
    public <T> @Nullable T get(int index, Class<T> type) {
        if (index < 0 || index >= values.size()) {
            throw new IndexOutOfBoundsException("column " + index + " of " + metadata.names + " does not exist");
        }
        return convert(values.get(index), type, metadata.names.get(index));
    }

    @Override
    public <T> @Nullable T get(String name, Class<T> type) {
        return get(metadata.indexOf(name), type);
    }

    /**
     * Returns a value as the class asked for: as it is if it is one already; a number as another kind of number if it fits
     * exactly (an {@code Integer} read as {@code Long}, a {@code Long} as {@code Integer} within its range, any integer as
     * {@code BigDecimal}).
     */
    @SuppressWarnings("unchecked")
    static <T> @Nullable T convert(@Nullable Object value, Class<T> type, String column) {
        if (value == null || type.isInstance(value)) {
            return (T) value;
        }
        if (value instanceof Number number) {
            Object converted = convertNumber(number, type);
            if (converted != null) {
                return (T) converted;
            }
        }
        throw new IllegalArgumentException("column " + column + " holds "
                + value.getClass().getSimpleName() + " " + value + ", which cannot be read as " + type.getSimpleName());
    }

    private static @Nullable Object convertNumber(Number number, Class<?> type) {
        BigDecimal exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        try {
            if (type == Long.class) {
                return exact.longValueExact();
            } else if (type == Integer.class) {
                return exact.intValueExact();
            } else if (type == Short.class) {
                return exact.shortValueExact();
            } else if (type == Byte.class) {
                return exact.byteValueExact();
            } else if (type == BigInteger.class) {
                return exact.toBigIntegerExact();
            } else if (type == BigDecimal.class) {
                return exact;
            } else if (type == Double.class) {
                return number.doubleValue();
            } else if (type == Float.class) {
                return number.floatValue();
            }
        } catch (ArithmeticException doesNotFit) {
            return null;
        }
        return null;
    }

    @Override
    public String toString() {
        return "Row" + values;
    }

    /** The columns of {@link Rows}: names and the Java class of each. */
    static final class Metadata implements RowMetadata {

        private final List<String> names;
        private final List<Column> columns;

        Metadata(List<String> names, List<Class<?>> javaTypes) {
            this.names = names;
            this.columns = java.util.stream.IntStream.range(0, names.size())
                    .mapToObj(i -> new Column(names.get(i), javaTypes.get(i)))
                    .toList();
        }

        int indexOf(String name) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            throw new NoSuchElementException("no column " + name + " among " + names);
        }

        @Override
        public ColumnMetadata getColumnMetadata(int index) {
            if (index < 0 || index >= columns.size()) {
                throw new IndexOutOfBoundsException("column " + index + " of " + names + " does not exist");
            }
            return columns.get(index);
        }

        @Override
        public ColumnMetadata getColumnMetadata(String name) {
            return columns.get(indexOf(name));
        }

        @Override
        public List<? extends ColumnMetadata> getColumnMetadatas() {
            return columns;
        }

        @Override
        public boolean contains(String name) {
            return names.stream().anyMatch(column -> column.equalsIgnoreCase(name));
        }
    }

    /** A column: its name and the Java class its values are read as. */
    record Column(String name, Class<?> javaType) implements ColumnMetadata {

        @Override
        public Type getType() {
            return new JavaType(javaType);
        }

        @Override
        public Class<?> getJavaType() {
            return javaType;
        }

        @Override
        public String getName() {
            return name;
        }
    }

    /** A column's type, named after its Java class. */
    record JavaType(Class<?> javaType) implements Type {

        @Override
        public Class<?> getJavaType() {
            return javaType;
        }

        @Override
        public String getName() {
            return javaType.getSimpleName().toUpperCase(Locale.ROOT);
        }
    }
}
