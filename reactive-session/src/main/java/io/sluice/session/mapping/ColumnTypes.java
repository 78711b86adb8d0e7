package io.sluice.session.mapping;

import io.sluice.core.sql.Converter;
import io.sluice.core.sql.SqlType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Works out the SQL type of a mapped field: a type Sluice stores itself, an enum by name or ordinal, or a converted type. */
final class ColumnTypes {

    private ColumnTypes() {}

    /**
     * Returns the SQL type of a field.
     *
     * @param entity the mapped class (whose registrations apply)
     * @param field the field
     * @param column its {@link MappedColumn}, if any
     * @param where the field, named for messages
     */
    static SqlType<?> of(Class<?> entity, Field field, @Nullable MappedColumn column, String where) {
        Class<?> javaType = boxed(field.getType());
        Convert convert = field.getAnnotation(Convert.class);
        Enumerated enumerated = field.getAnnotation(Enumerated.class);
        if (convert != null && enumerated != null) {
            throw new MappingException(where + " has both @Convert and @Enumerated: keep one (a converter decides the"
                    + " stored value itself)");
        }
        Class<?> converterClass = convert != null ? convert.value() : registered(entity, javaType, where);
        if (converterClass != null) {
            return converted(javaType, converterClass, column, where);
        }
        if (enumerated != null) {
            if (!javaType.isEnum()) {
                throw new MappingException(where + " is @Enumerated but of type " + javaType.getSimpleName()
                        + ": @Enumerated applies to enum fields only; remove it");
            }
            if (enumerated.value() == Enumerated.EnumStorage.ORDINAL) {
                return ordinal(javaType);
            }
        }
        return stored(javaType, column, where, null);
    }

    /** Returns the type Sluice stores values of a Java class as, sized by the field's {@link MappedColumn}. */
    private static SqlType<?> stored(
            Class<?> javaType, @Nullable MappedColumn column, String where, @Nullable Class<?> converter) {
        if (javaType == String.class) {
            if (column != null && column.text()) {
                return SqlType.TEXT;
            }
            return column != null && column.length() > 0 ? SqlType.varchar(column.length()) : SqlType.VARCHAR;
        }
        if (javaType == BigDecimal.class && column != null && (column.precision() > 0 || column.scale() >= 0)) {
            int precision = column.precision() > 0 ? column.precision() : 19;
            int scale = column.scale() >= 0 ? column.scale() : 4;
            if (scale > precision) {
                throw new MappingException(
                        where + " has scale " + scale + " above its precision " + precision + ": lower the scale");
            }
            return SqlType.decimal(precision, scale);
        }
        try {
            return SqlType.forJavaType(javaType);
        } catch (IllegalArgumentException e) {
            String supported =
                    "Short, Integer, Long, String, Boolean, BigDecimal, Float, Double, a java.time type, UUID,"
                            + " byte[] or an enum";
            if (converter != null) {
                throw new MappingException(where + " uses converter " + converter.getName() + ", which stores "
                        + javaType.getName() + ": a converter must store one of " + supported);
            }
            throw new MappingException(where + " has type " + javaType.getName() + ", which Sluice cannot store in a"
                    + " column: use " + supported
                    + ", give it a converter (@Convert, or @RegisterConverter on the class"
                    + " or package), or mark the field @Transient");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> converted(
            Class<?> javaType, Class<?> converterClass, @Nullable MappedColumn column, String where) {
        Class<?>[] types = converterTypes(converterClass, where);
        if (types[0] != javaType) {
            throw new MappingException(where + " holds " + javaType.getSimpleName() + ", but its converter "
                    + converterClass.getName() + " converts " + types[0].getSimpleName() + ": give it a converter"
                    + " whose first type argument is " + javaType.getSimpleName());
        }
        SqlType storage = stored(types[1], column, where, converterClass);
        return SqlType.converted((Class) javaType, storage, instantiate(converterClass, where));
    }

    /** Returns a converter class's Java type and stored type: the type arguments it gives {@link Converter}. */
    static Class<?>[] converterTypes(Class<?> converterClass, String where) {
        for (Class<?> c = converterClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type type : c.getGenericInterfaces()) {
                if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Converter.class) {
                    Class<?>[] classes = new Class<?>[2];
                    for (int i = 0; i < 2; i++) {
                        Type argument = parameterized.getActualTypeArguments()[i];
                        if (argument instanceof Class<?> plain) {
                            classes[i] = plain;
                        } else if (argument instanceof ParameterizedType generic
                                && generic.getRawType() instanceof Class<?> raw) {
                            classes[i] = raw;
                        } else {
                            throw new MappingException(where + " uses converter " + converterClass.getName()
                                    + ", whose type " + argument + " is not a class: declare it as implements"
                                    + " Converter<FieldType, StoredType> with both types named");
                        }
                    }
                    return classes;
                }
            }
        }
        throw new MappingException(where + " uses converter " + converterClass.getName()
                + ", which does not implement Converter directly: declare it as implements"
                + " Converter<FieldType, StoredType>");
    }

    private static Converter<?, ?> instantiate(Class<?> converterClass, String where) {
        try {
            Constructor<?> constructor = converterClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Converter<?, ?>) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new MappingException(where + " uses converter " + converterClass.getName()
                    + ", which has no no-argument constructor: add one (it may be private)");
        } catch (InvocationTargetException e) {
            throw new MappingException(
                    where + " uses converter " + converterClass.getName() + ", whose constructor failed: "
                            + e.getCause(),
                    e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MappingException(
                    where + " uses converter " + converterClass.getName() + ", which Sluice cannot create (" + e
                            + "): make it a public or static nested class",
                    e);
        }
    }

    /** Returns the converter registered for a Java type on the entity class, its superclasses, or their packages. */
    private static @Nullable Class<?> registered(Class<?> entity, Class<?> javaType, String where) {
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            Class<?> found = registered(c.getAnnotationsByType(RegisterConverter.class), javaType, c.getName(), where);
            if (found != null) {
                return found;
            }
        }
        for (Class<?> c = entity; c != null && c != Object.class; c = c.getSuperclass()) {
            Package pkg = c.getPackage();
            if (pkg != null) {
                Class<?> found = registered(
                        pkg.getAnnotationsByType(RegisterConverter.class), javaType, "package " + pkg.getName(), where);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static @Nullable Class<?> registered(
            RegisterConverter[] registrations, Class<?> javaType, String holder, String where) {
        Class<?> found = null;
        for (RegisterConverter registration : registrations) {
            if (converterTypes(registration.value(), where)[0] == javaType) {
                if (found != null) {
                    throw new MappingException(holder + " registers two converters for " + javaType.getSimpleName()
                            + " (" + found.getName() + " and "
                            + registration.value().getName()
                            + "): keep one, or choose per field with @Convert");
                }
                found = registration.value();
            }
        }
        return found;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SqlType<?> ordinal(Class<?> enumType) {
        return SqlType.converted((Class) enumType, SqlType.INTEGER, new OrdinalConverter(enumType));
    }

    /** Stores an enum constant as its ordinal. */
    private static final class OrdinalConverter<E extends Enum<E>> implements Converter<E, Integer> {
        private final Class<E> type;
        private final E[] constants;

        OrdinalConverter(Class<E> type) {
            this.type = type;
            this.constants = type.getEnumConstants();
        }

        @Override
        public Integer toDatabase(E value) {
            return value.ordinal();
        }

        @Override
        public E fromDatabase(Integer value) {
            if (value < 0 || value >= constants.length) {
                throw new IllegalArgumentException("no constant of " + type.getName() + " has ordinal " + value
                        + "; it has " + constants.length + " constants");
            }
            return constants[value];
        }
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == byte.class) {
            return Byte.class;
        }
        return Character.class;
    }
}
